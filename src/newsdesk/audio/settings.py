"""Listening settings, read from the environment like the rest of newsdesk's settings.

| variable | meaning |
|---|---|
| ``NEWSDESK_LISTEN`` | when audio is generated: ``on-demand`` (default), ``followed`` or ``all`` |
| ``NEWSDESK_LISTEN_ENGINE`` | ``auto`` (piper where it has a voice, else espeak-ng), ``piper`` or ``espeak`` |
| ``NEWSDESK_LISTEN_VOICES`` | per-language choices, e.g. ``en=espeak:en-gb,de=espeak:de`` |
| ``NEWSDESK_LISTEN_CAPTIONS`` | ``1`` reads the lead photo's caption ("Photo: ...") |
| ``NEWSDESK_AUDIO_DIR`` | where audio files are kept (default: ``<db name>-audio/`` beside the database) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

POLICIES = ("on-demand", "followed", "all")
ENGINES = ("auto", "piper", "espeak")


class SettingsError(ValueError):
    pass


def audio_dir_for(db_path: str | os.PathLike) -> Path:
    """``/data/newsdesk.db`` -> ``/data/newsdesk-audio``: the audio lives next to the database."""
    p = Path(db_path)
    return p.with_name(p.stem + "-audio")


@dataclass
class ListenSettings:
    policy: str = "on-demand"
    engine: str = "auto"
    voices: dict[str, str] = field(default_factory=dict)  # language -> "engine:voice"
    captions: bool = False
    audio_dir: Path | None = None

    @classmethod
    def from_env(cls, db_path: str | os.PathLike | None = None, env: dict | None = None) -> "ListenSettings":
        env = os.environ if env is None else env
        policy = env.get("NEWSDESK_LISTEN", "on-demand").strip().lower() or "on-demand"
        if policy not in POLICIES:
            raise SettingsError(f"NEWSDESK_LISTEN must be one of {', '.join(POLICIES)}, not {policy!r}")
        engine = env.get("NEWSDESK_LISTEN_ENGINE", "auto").strip().lower() or "auto"
        if engine not in ENGINES:
            raise SettingsError(f"NEWSDESK_LISTEN_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}")
        voices = {}
        for item in filter(None, (x.strip() for x in env.get("NEWSDESK_LISTEN_VOICES", "").split(","))):
            lang, _, choice = item.partition("=")
            eng, _, voice = choice.partition(":")
            if not lang or eng not in ("piper", "espeak"):
                raise SettingsError(f"NEWSDESK_LISTEN_VOICES: {item!r} is not language=piper[:voice] "
                                    "or language=espeak:voice")
            voices[lang.strip().lower()] = f"{eng}:{voice.strip()}"
        audio_dir = env.get("NEWSDESK_AUDIO_DIR")
        return cls(
            policy=policy, engine=engine, voices=voices,
            captions=env.get("NEWSDESK_LISTEN_CAPTIONS", "").lower() in ("1", "true", "yes"),
            audio_dir=Path(audio_dir) if audio_dir else (audio_dir_for(db_path) if db_path else None),
        )
