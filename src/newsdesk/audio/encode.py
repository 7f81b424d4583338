"""PCM in, Opus-in-Ogg and MP3 out, through one ffmpeg process.

Files are written under a ``.part`` name and renamed into place only after
ffmpeg has finished and ffprobe has read the result back, so a complete-looking
name never holds a half-written file. The Ogg output is flushed page by page,
which lets the live endpoint stream a narration while it is being generated.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# piper normalizes its output to full scale; 1 dB of headroom keeps the lossy codecs from clipping.
_HEADROOM = ["-af", "volume=-1dB"]
FORMATS = {
    # name: (ffmpeg output options, MIME type)
    # compression_level 5: a third of libopus's default CPU (0.5 s instead of 1.65 s for 109 s of speech)
    "ogg": (_HEADROOM + ["-c:a", "libopus", "-b:a", "32k", "-ar", "24000", "-application", "audio",
             "-compression_level", "5",
             "-page_duration", "200000", "-flush_packets", "1", "-f", "ogg"], "audio/ogg"),
    "mp3": (_HEADROOM + ["-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3"], "audio/mpeg"),
    "wav": (["-c:a", "pcm_s16le", "-f", "wav"], "audio/wav"),
}
SUFFIX = {".ogg": "ogg", ".opus": "ogg", ".oga": "ogg", ".mp3": "mp3", ".wav": "wav"}


class EncodeError(Exception):
    pass


def have_ffmpeg() -> bool:
    return bool(shutil.which("ffmpeg") and shutil.which("ffprobe"))


@dataclass
class Probe:
    format: str  # ffprobe's format_name: "ogg", "mp3", "wav"
    codec: str
    duration: float
    sample_rate: int


def probe(path: str | os.PathLike) -> Probe:
    """Decode the container and stream headers with ffprobe; raises EncodeError if unreadable."""
    run = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                          str(path)], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise EncodeError(f"{Path(path).name} is not a readable audio file: {run.stderr.strip()[-200:]}")
    info = json.loads(run.stdout)
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if not streams:
        raise EncodeError(f"{Path(path).name} has no audio stream")
    duration = float(info["format"].get("duration") or streams[0].get("duration") or 0)
    return Probe(info["format"]["format_name"], streams[0]["codec_name"], duration,
                 int(streams[0].get("sample_rate") or 0))


class Encoder:
    """Feed PCM with ``write``; ``finish`` renames the outputs into place; ``abort`` leaves nothing."""

    def __init__(self, outputs: dict[str, Path], sample_rate: int):
        if not have_ffmpeg():
            raise EncodeError("ffmpeg is not installed (apt-get install ffmpeg)")
        self.outputs = {fmt: Path(p) for fmt, p in outputs.items()}
        self.parts = {fmt: p.with_name(p.name + ".part") for fmt, p in self.outputs.items()}
        self.sample_rate = sample_rate
        self.samples = 0
        cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
               "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0"]
        for fmt, part in self.parts.items():
            part.parent.mkdir(parents=True, exist_ok=True)
            cmd += ["-map", "0:a"] + FORMATS[fmt][0] + [str(part)]
        self._err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._err)

    @property
    def seconds(self) -> float:
        return self.samples / self.sample_rate

    def write(self, pcm: bytes) -> None:
        try:
            self.proc.stdin.write(pcm)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise EncodeError(f"ffmpeg stopped: {self._stderr()}") from None
        self.samples += len(pcm) // 2

    def silence(self, seconds: float) -> None:
        self.write(bytes(int(self.sample_rate * seconds) * 2))

    def finish(self) -> dict[str, Probe]:
        """Close the input, check every output decodes, then rename them all into place."""
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        code = self.proc.wait(timeout=300)
        if code != 0:
            self.abort()
            raise EncodeError(f"ffmpeg failed (status {code}): {self._stderr()}")
        probes = {}
        try:
            for fmt, part in self.parts.items():
                probes[fmt] = probe(part)
        except EncodeError:
            self.abort()
            raise
        for fmt, part in self.parts.items():
            os.replace(part, self.outputs[fmt])
        self._err.close()
        return probes

    def abort(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for part in self.parts.values():
            part.unlink(missing_ok=True)
        self._err.close()

    def _stderr(self) -> str:
        try:
            self._err.seek(0)
            return self._err.read().decode("utf-8", "replace").strip()[-300:]
        except (OSError, ValueError):
            return ""
