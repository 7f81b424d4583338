"""Decoding helpers for the audio tests: they check what a listener would hear, not that bytes exist."""

from __future__ import annotations

import array
import math
import shutil
import subprocess
from pathlib import Path

import pytest

from shareddata import shared_path as shared_file  # noqa: F401


# Speech runs at about 2.5-3.2 words a second (piper ~2.8, espeak-ng ~2.9); pauses slow it a little.
WORDS_PER_SECOND = (1.4, 4.5)


def need_tools() -> None:
    missing = [t for t in ("ffmpeg", "ffprobe", "espeak-ng") if not shutil.which(t)]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install espeak-ng ffmpeg; .ci/run installs them)")


def decode(path_or_bytes, fmt: str | None = None) -> tuple[float, float]:
    """(seconds, RMS level in dBFS) of the whole stream, decoded by ffmpeg to 16 kHz mono PCM."""
    src = path_or_bytes
    args = ["ffmpeg", "-v", "error", "-nostdin"]
    if isinstance(src, (bytes, bytearray)):
        args += (["-f", fmt] if fmt else []) + ["-i", "pipe:0"]
        data = bytes(src)
    else:
        args += ["-i", str(Path(src))]
        data = None
    args += ["-f", "s16le", "-ac", "1", "-ar", "16000", "pipe:1"]
    run = subprocess.run(args, input=data, capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    samples = array.array("h", run.stdout[: len(run.stdout) // 2 * 2])
    assert len(samples) > 0, "no audio decoded"
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    return len(samples) / 16000, 20 * math.log10(max(rms, 1) / 32768)


def parse_with_mutagen(path: Path):
    """An independent parser for the container: mutagen reads Ogg Opus and MP3 headers and pages."""
    from mutagen.mp3 import MP3
    from mutagen.oggopus import OggOpus

    return (OggOpus if path.suffix == ".ogg" else MP3)(str(path))


def assert_speech(path_or_bytes, words: int, fmt: str | None = None) -> float:
    seconds, level = decode(path_or_bytes, fmt)
    lo, hi = WORDS_PER_SECOND
    assert words / hi <= seconds <= words / lo + 2, f"{seconds:.1f} s for {words} words"
    assert level > -40, f"nearly silent: {level:.1f} dBFS"
    return seconds
