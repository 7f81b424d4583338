"""Speak a script sentence by sentence into an encoder: the one loop that the
narrator, ``newsdesk speak`` and the benchmark share."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .encode import Encoder, Probe
from .text import Speech


@dataclass
class Rendered:
    probes: dict[str, Probe]
    synth_seconds: float  # wall time of the whole render
    first_audio: float  # seconds until the first sentence's audio reached the encoder
    sentences: int

    @property
    def duration(self) -> float:
        return next(iter(self.probes.values())).duration

    @property
    def rtf(self) -> float:
        return self.synth_seconds / self.duration if self.duration else float("inf")


def render(speech: Speech, engine, outputs: dict[str, Path], *,
           on_sentence: Callable[[int, int], None] | None = None) -> Rendered:
    """Synthesize every sentence and encode to ``outputs`` ({format: path}), written atomically.

    On any error the partial outputs are removed and the error propagates.
    """
    t0 = time.monotonic()
    first = None
    encoder: Encoder | None = None
    total = len(speech.sentences)
    try:
        for i, (sentence, pause) in enumerate(zip(speech.sentences, speech.pauses)):
            pcm = engine.synthesize(sentence)
            if encoder is None:  # the engine knows its sample rate after the first sentence
                encoder = Encoder(outputs, engine.sample_rate)
            encoder.write(pcm)
            encoder.silence(pause)
            if first is None:
                first = time.monotonic() - t0
            if on_sentence:
                on_sentence(i + 1, total)
        if encoder is None:
            raise ValueError("nothing to read")
        probes = encoder.finish()
    except BaseException:
        if encoder is not None:
            encoder.abort()
        raise
    return Rendered(probes, time.monotonic() - t0, first or 0.0, total)
