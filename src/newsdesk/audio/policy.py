"""When narrations are made: the pipeline's hook (kept import-light: every ingest passes here)."""

from __future__ import annotations

import os

# Job priorities: someone is waiting to hear it; it was added to the queue; background work.
WAITING, QUEUED, BACKGROUND = 2, 1, 0


def after_ingest(store, article_id: int, status: str, source_id: int | None) -> None:
    """Queue background narration of a new or changed article, as NEWSDESK_LISTEN says:
    ``all`` articles, ``followed`` (from subscribed feeds and sites, not one-off imports),
    or ``on-demand`` (the default: nothing until someone presses Listen)."""
    policy = os.environ.get("NEWSDESK_LISTEN", "on-demand").strip().lower()
    if policy not in ("all", "followed") or status not in ("new", "updated"):
        return
    if policy == "followed":
        source = store.get_source(source_id) if source_id else None
        if source is None or source.kind not in ("feed", "site"):
            return
    store.audio_request("article", article_id, priority=BACKGROUND, redo=True)
