"""What listening needs from the store: narration jobs and their status, where each
listener left off, and the listening queue.

A mixin of ``SQLiteStore`` (it uses ``self.db`` and ``self._tx()``), so the audio
and web layers never see SQL. Kinds are ``article`` and ``story``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..model import utcnow

KINDS = ("article", "story")


@dataclass
class AudioJob:
    """The narration of one article or story: its state and, once ready, what was made."""

    kind: str
    target_id: int
    status: str  # queued | running | ready | failed | unavailable
    priority: int = 0
    key: str | None = None
    reason: str | None = None
    engine: str | None = None
    voice: str | None = None
    language: str | None = None
    sentences_total: int = 0
    sentences_done: int = 0
    words: int = 0
    duration: float | None = None
    ogg_bytes: int | None = None
    mp3_bytes: int | None = None
    synth_seconds: float | None = None
    requested_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass
class QueueItem:
    id: int
    kind: str
    target_id: int
    added_at: datetime


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def _dt(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s) if s else None


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")


_JOB_FIELDS = {"status", "priority", "key", "reason", "engine", "voice", "language", "sentences_total",
               "sentences_done", "words", "duration", "ogg_bytes", "mp3_bytes", "synth_seconds", "started_at",
               "finished_at"}


class AudioStore:
    """Mixin for SQLiteStore: the audio, listen_positions and listen_queue tables."""

    # -- jobs -----------------------------------------------------------------------------

    def audio_job(self, kind: str, target_id: int) -> AudioJob | None:
        row = self.db.execute("SELECT * FROM audio WHERE kind=? AND target_id=?", (kind, target_id)).fetchone()
        return _job(row) if row else None

    def audio_request(self, kind: str, target_id: int, *, priority: int = 0, redo: bool = False) -> AudioJob:
        """Ask for a narration. An existing queued job only gains priority; a running one is left
        alone; a finished one (ready, failed, unavailable) is queued again only with ``redo``."""
        _check_kind(kind)
        now = _iso(utcnow())
        with self._tx() as db:
            row = db.execute("SELECT status, priority FROM audio WHERE kind=? AND target_id=?",
                             (kind, target_id)).fetchone()
            if row is None:
                db.execute("INSERT INTO audio(kind, target_id, status, priority, requested_at) VALUES (?,?,?,?,?)",
                           (kind, target_id, "queued", priority, now))
            elif row["status"] == "queued":
                db.execute("UPDATE audio SET priority=max(priority, ?) WHERE kind=? AND target_id=?",
                           (priority, kind, target_id))
            elif row["status"] == "running":
                db.execute("UPDATE audio SET priority=max(priority, ?) WHERE kind=? AND target_id=?",
                           (priority, kind, target_id))
            elif redo:
                db.execute("UPDATE audio SET status='queued', priority=?, requested_at=?, sentences_done=0 "
                           "WHERE kind=? AND target_id=?", (priority, now, kind, target_id))
        return self.audio_job(kind, target_id)

    def audio_claim(self, min_priority: int = 0) -> AudioJob | None:
        """Take the most wanted queued job (highest priority, then oldest) and mark it running."""
        with self._tx() as db:
            row = db.execute("SELECT kind, target_id FROM audio WHERE status='queued' AND priority>=? "
                             "ORDER BY priority DESC, requested_at LIMIT 1", (min_priority,)).fetchone()
            if row is None:
                return None
            db.execute("UPDATE audio SET status='running', started_at=?, sentences_done=0, reason=NULL "
                       "WHERE kind=? AND target_id=?", (_iso(utcnow()), row["kind"], row["target_id"]))
        return self.audio_job(row["kind"], row["target_id"])

    def audio_update(self, kind: str, target_id: int, **fields) -> None:
        bad = set(fields) - _JOB_FIELDS
        if bad:
            raise ValueError(f"unknown audio fields: {sorted(bad)}")
        if fields.get("status") in ("ready", "failed", "unavailable"):
            fields.setdefault("finished_at", utcnow())
        vals = [_iso(v) if isinstance(v, datetime) else v for v in fields.values()]
        with self._tx() as db:
            db.execute(f"UPDATE audio SET {', '.join(f'{k}=?' for k in fields)} WHERE kind=? AND target_id=?",
                       (*vals, kind, target_id))

    def audio_requeue_running(self) -> int:
        """After a restart: jobs left 'running' by a process that died go back to the queue."""
        with self._tx() as db:
            return db.execute("UPDATE audio SET status='queued', sentences_done=0 WHERE status='running'").rowcount

    def audio_pending(self) -> int:
        return self.db.execute("SELECT count(*) FROM audio WHERE status='queued'").fetchone()[0]

    # -- positions ------------------------------------------------------------------------

    def listen_position(self, kind: str, target_id: int) -> tuple[float, float | None, bool]:
        """(seconds, duration, finished) where the listener left off; (0, None, False) if never heard."""
        row = self.db.execute("SELECT * FROM listen_positions WHERE kind=? AND target_id=?",
                              (kind, target_id)).fetchone()
        if row is None:
            return 0.0, None, False
        return row["position"], row["duration"], row["finished_at"] is not None

    def set_listen_position(self, kind: str, target_id: int, position: float, duration: float | None = None,
                            *, finished: bool = False) -> None:
        _check_kind(kind)
        now = _iso(utcnow())
        with self._tx() as db:
            db.execute(
                """INSERT INTO listen_positions(kind, target_id, position, duration, finished_at, updated_at)
                   VALUES (?,?,?,?,?,?)
                   ON CONFLICT(kind, target_id) DO UPDATE SET position=excluded.position,
                     duration=coalesce(excluded.duration, duration),
                     finished_at=CASE WHEN excluded.finished_at IS NOT NULL THEN excluded.finished_at
                                      WHEN excluded.position > 0 THEN NULL ELSE finished_at END,
                     updated_at=excluded.updated_at""",
                (kind, target_id, max(0.0, position), duration, now if finished else None, now),
            )

    # -- queue ----------------------------------------------------------------------------

    def listen_queue(self) -> list[QueueItem]:
        return [QueueItem(r["id"], r["kind"], r["target_id"], _dt(r["added_at"]))
                for r in self.db.execute("SELECT * FROM listen_queue ORDER BY id")]

    def queue_add(self, kind: str, target_id: int) -> bool:
        """Append to the queue; False when it is already there."""
        _check_kind(kind)
        with self._tx() as db:
            cur = db.execute("INSERT OR IGNORE INTO listen_queue(kind, target_id, added_at) VALUES (?,?,?)",
                             (kind, target_id, _iso(utcnow())))
            return cur.rowcount > 0

    def queue_remove(self, kind: str, target_id: int) -> bool:
        with self._tx() as db:
            return db.execute("DELETE FROM listen_queue WHERE kind=? AND target_id=?",
                              (kind, target_id)).rowcount > 0

    # -- beyond one article (stories themselves come from StoryStore: get_story, resolve_story) -------

    def mark_read_many(self, article_ids: list[int]) -> None:
        """Mark articles read in one transaction (a story heard to the end)."""
        now = _iso(utcnow())
        with self._tx() as db:
            db.executemany("UPDATE articles SET read_at=coalesce(read_at, ?) WHERE id=?",
                           [(now, i) for i in article_ids])

    def articles_since_without_story(self, since: datetime, limit: int = 30) -> list[int]:
        """Recent articles that no story holds (the podcast feed's fallback)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE story_id IS NULL AND sort_ts >= ? ORDER BY sort_ts DESC LIMIT ?",
            (since.timestamp(), limit))]


def _job(r: sqlite3.Row) -> AudioJob:
    d = dict(r)
    for k in ("requested_at", "started_at", "finished_at"):
        d[k] = _dt(d[k])
    return AudioJob(**d)


def since_hours(hours: float) -> datetime:
    return utcnow() - timedelta(hours=hours)
