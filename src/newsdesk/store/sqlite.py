"""SQLite storage: one file, WAL mode, versioned migrations, FTS5 search.

Every write of an article is one transaction, so a process killed at any
moment leaves either the whole article or none of it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..model import Article, Image, Problem, Source, utcnow
from ..normalize import canonical_url
from .quotes import QuoteStore
from .audio import AudioStore
from .reader import ReaderStore
from .stories import StoryStore


class StoreError(Exception):
    pass


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every file in migrations/, in order."""
    out = []
    for entry in resources.files("newsdesk.store").joinpath("migrations").iterdir():
        m = re.match(r"(\d+)_(.+)\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    out.sort()
    # Numbers are handed out ahead of time to work done side by side, so a gap is allowed
    # (a later 0003 still gets applied: applied versions are recorded in schema_migrations).
    for (a, _, _), (b, _, _) in zip(out, out[1:]):
        if a == b:
            raise StoreError(f"two migrations are numbered {a}")
    return out


SCHEMA_VERSION = max((v for v, _, _ in _migrations()), default=0)


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def _dt(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s) if s else None


@dataclass
class SearchHit:
    article: Article
    snippet: str  # HTML-escaped text with <mark> around matches
    rank: float


class SQLiteStore(ReaderStore, AudioStore, QuoteStore, StoryStore):
    """The storage API the pipeline and the web layer use.

    A PostgreSQL backend would implement these same public methods; nothing
    outside ``newsdesk.store`` touches SQL.
    """

    def __init__(self, path: str | Path, *, migrate_to: int | None = None):
        self.path = str(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self.migrate(migrate_to)

    # -- connection and schema -------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self, target: int | None = None) -> int:
        """Bring the file up to ``target`` (default: latest), one transaction per step."""
        target = SCHEMA_VERSION if target is None else target
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this newsdesk ({SCHEMA_VERSION}); upgrade newsdesk"
            )
        applied = self._applied_migrations(current)
        for version, name, sql in _migrations():
            if version not in applied and version <= target:
                try:
                    self.db.executescript(
                        f"BEGIN IMMEDIATE;\n{sql}\nINSERT INTO schema_migrations(version) VALUES ({version});\n"
                        f"PRAGMA user_version={max(current, version)};\nCOMMIT;")
                except sqlite3.Error as exc:
                    if self.db.in_transaction:
                        self.db.execute("ROLLBACK")
                    raise StoreError(f"migration {version} ({name}) failed: {exc}") from exc
                current = max(current, version)
        return current

    def _applied_migrations(self, current: int) -> set[int]:
        """Versions already applied; files from before this table had no gaps, so 1..user_version."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")
        applied = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
        if not applied and current:
            applied = set(range(1, current + 1))
            self.db.executemany("INSERT OR IGNORE INTO schema_migrations(version) VALUES (?)", [(v,) for v in applied])
        return applied

    def _tx(self):
        return _Transaction(self.db)

    # -- sources ----------------------------------------------------------------

    def add_source(self, source: Source) -> Source:
        """Insert the source, or return the existing one with the same URL."""
        with self._tx() as db:
            row = db.execute("SELECT * FROM sources WHERE url=?", (source.url,)).fetchone()
            if row is None:
                cur = db.execute(
                    "INSERT INTO sources(url, kind, title, site_url, created_at) VALUES (?,?,?,?,?)",
                    (source.url, source.kind, source.title, source.site_url, _iso(utcnow())),
                )
                row = db.execute("SELECT * FROM sources WHERE id=?", (cur.lastrowid,)).fetchone()
            elif source.title and not row["title"]:
                db.execute("UPDATE sources SET title=? WHERE id=?", (source.title, row["id"]))
        return self.get_source(row["id"])

    def get_source(self, source_id: int) -> Source | None:
        row = self.db.execute(
            "SELECT s.*, (SELECT count(*) FROM articles a WHERE a.source_id=s.id) AS n FROM sources s WHERE s.id=?",
            (source_id,),
        ).fetchone()
        return self._source(row) if row else None

    def find_source(self, url: str) -> Source | None:
        row = self.db.execute("SELECT id FROM sources WHERE url=?", (url,)).fetchone()
        return self.get_source(row["id"]) if row else None

    def list_sources(self, *, kind: str | None = None, include_paused: bool = True) -> list[Source]:
        sql = "SELECT s.*, (SELECT count(*) FROM articles a WHERE a.source_id=s.id) AS n FROM sources s WHERE 1=1"
        args: list = []
        if kind:
            sql += " AND kind=?"
            args.append(kind)
        if not include_paused:
            sql += " AND paused=0"
        return [self._source(r) for r in self.db.execute(sql + " ORDER BY coalesce(title, url)", args)]

    def update_source(self, source_id: int, **fields) -> None:
        """Set health and state fields (last_fetch, last_error, etag, title, paused...)."""
        allowed = {"title", "site_url", "paused", "etag", "last_modified", "last_fetch", "last_success",
                   "last_error", "error_count", "kind", "url"}
        bad = set(fields) - allowed
        if bad:
            raise StoreError(f"unknown source fields: {sorted(bad)}")
        if not fields:
            return
        vals = [_iso(v) if isinstance(v, datetime) else v for v in fields.values()]
        cols = ", ".join(f"{k}=?" for k in fields)
        with self._tx() as db:
            db.execute(f"UPDATE sources SET {cols} WHERE id=?", (*vals, source_id))

    def record_fetch(self, source_id: int, *, error: str | None) -> None:
        """Health bookkeeping after one poll of a source."""
        now = _iso(utcnow())
        with self._tx() as db:
            if error:
                db.execute("UPDATE sources SET last_fetch=?, last_error=?, error_count=error_count+1 WHERE id=?",
                           (now, error, source_id))
            else:
                db.execute("UPDATE sources SET last_fetch=?, last_success=?, last_error=NULL, error_count=0 WHERE id=?",
                           (now, now, source_id))

    def remove_source(self, source_id: int) -> None:
        """Forget a source; its articles stay, uncredited to a subscription."""
        with self._tx() as db:
            db.execute("DELETE FROM sources WHERE id=?", (source_id,))

    def articles_per_day(self, source_id: int, days: int = 30) -> float:
        since = (utcnow() - timedelta(days=days)).timestamp()
        n = self.db.execute("SELECT count(*) FROM articles WHERE source_id=? AND sort_ts>=?",
                            (source_id, since)).fetchone()[0]
        return n / days

    @staticmethod
    def _source(r: sqlite3.Row) -> Source:
        return Source(
            id=r["id"], url=r["url"], kind=r["kind"], title=r["title"], site_url=r["site_url"],
            paused=bool(r["paused"]), etag=r["etag"], last_modified=r["last_modified"],
            last_fetch=_dt(r["last_fetch"]), last_success=_dt(r["last_success"]), last_error=r["last_error"],
            error_count=r["error_count"], article_count=r["n"] if "n" in r.keys() else 0,
            created_at=_dt(r["created_at"]),
        )

    # -- problems -----------------------------------------------------------------

    def record_problem(self, problem: Problem, source_id: int | None = None) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO problems(source_id, location, reason, at) VALUES (?,?,?,?)",
                       (source_id, problem.where, problem.reason, _iso(utcnow())))

    def recent_problems(self, source_id: int | None = None, limit: int = 50) -> list[Problem]:
        if source_id is None:
            rows = self.db.execute("SELECT * FROM problems ORDER BY id DESC LIMIT ?", (limit,))
        else:
            rows = self.db.execute("SELECT * FROM problems WHERE source_id=? ORDER BY id DESC LIMIT ?",
                                   (source_id, limit))
        return [Problem(r["location"], r["reason"]) for r in rows]

    # -- articles -----------------------------------------------------------------

    def has_article_url(self, url: str) -> bool:
        key = canonical_url(url) or url
        return self.db.execute("SELECT 1 FROM articles WHERE key_url=?", (key,)).fetchone() is not None

    def upsert_article(self, article: Article) -> tuple[int, str]:
        """Store one article idempotently; returns (id, "new" | "updated" | "unchanged").

        The same canonical URL, or else the same content hash, is the same
        article: it is updated in place when its content changed.
        """
        if not article.url and not article.canonical_url:
            raise StoreError("article has no URL")
        key = canonical_url(article.key_url) or article.key_url
        digest = article.content_hash
        fetched = article.fetched_at or utcnow()
        sort_ts = (article.published or fetched).timestamp()
        values = dict(
            source_id=article.source_id, url=article.url or key, key_url=key, content_hash=digest,
            title=article.title, text=article.text, html=article.html,
            authors=json.dumps(article.authors, ensure_ascii=False),
            agencies=json.dumps(article.agencies, ensure_ascii=False),
            published=_iso(article.published), updated=_iso(article.updated), sort_ts=sort_ts,
            language=article.language, site_name=article.site_name, description=article.description,
            image=json.dumps(article.image.to_dict(), ensure_ascii=False) if article.image else None,
            images=json.dumps([i.to_dict() for i in article.images], ensure_ascii=False),
            section=article.section, tags=json.dumps(article.tags, ensure_ascii=False),
            flags=json.dumps(article.flags, ensure_ascii=False), fetched_at=_iso(fetched),
        )
        with self._tx() as db:
            row = db.execute("SELECT id, content_hash FROM articles WHERE key_url=?", (key,)).fetchone()
            if row is None:
                row = db.execute("SELECT id, content_hash FROM articles WHERE content_hash=? LIMIT 1",
                                 (digest,)).fetchone()
            if row is None:
                cols = ", ".join(values) + ", created_at"
                marks = ", ".join("?" for _ in values) + ", ?"
                cur = db.execute(f"INSERT INTO articles({cols}) VALUES ({marks})",
                                 (*values.values(), _iso(utcnow())))
                return cur.lastrowid, "new"
            if row["content_hash"] == digest:
                return row["id"], "unchanged"
            # Keep the first key URL and source: the article's identity doesn't move.
            values.pop("key_url")
            if values["source_id"] is None:
                values.pop("source_id")
            cols = ", ".join(f"{k}=?" for k in values)
            db.execute(f"UPDATE articles SET {cols} WHERE id=?", (*values.values(), row["id"]))
            return row["id"], "updated"

    def get_article(self, article_id: int) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def recent_articles(self, *, limit: int = 50, before_ts: float | None = None,
                        source_id: int | None = None) -> list[Article]:
        sql = "SELECT * FROM articles WHERE 1=1"
        args: list = []
        if before_ts is not None:
            sql += " AND sort_ts < ?"
            args.append(before_ts)
        if source_id is not None:
            sql += " AND source_id=?"
            args.append(source_id)
        sql += " ORDER BY sort_ts DESC, id DESC LIMIT ?"
        args.append(limit)
        return [self._article(r) for r in self.db.execute(sql, args)]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        last = 0
        while True:
            rows = self.db.execute("SELECT * FROM articles WHERE id>? ORDER BY id LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._article(r)
            last = rows[-1]["id"]

    def set_read(self, article_id: int, read: bool = True) -> None:
        with self._tx() as db:
            db.execute("UPDATE articles SET read_at=? WHERE id=?", (_iso(utcnow()) if read else None, article_id))

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        with self._tx() as db:
            db.execute("UPDATE articles SET starred_at=? WHERE id=?",
                       (_iso(utcnow()) if starred else None, article_id))

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and bodies, best matches first."""
        match = fts_query(query)
        if not match:
            return []
        rows = self.db.execute(
            """SELECT a.*, snippet(articles_fts, 1, '\x02', '\x03', ' … ', 24) AS snip, bm25(articles_fts, 5.0, 1.0) AS rank
               FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
               WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
            (match, limit, offset),
        ).fetchall()
        from html import escape

        return [SearchHit(self._article(r),
                          escape(r["snip"] or "").replace("\x02", "<mark>").replace("\x03", "</mark>"),
                          r["rank"]) for r in rows]

    @staticmethod
    def _article(r: sqlite3.Row) -> Article:
        img = json.loads(r["image"]) if r["image"] else None
        keys = r.keys()
        flags = json.loads(r["flags"] or "{}")
        if "read_at" in keys and r["read_at"]:
            flags["read"] = r["read_at"]
        if "starred_at" in keys and r["starred_at"]:
            flags["starred"] = r["starred_at"]
        return Article(
            id=r["id"], url=r["url"], canonical_url=r["key_url"], title=r["title"],
            paragraphs=[p for p in r["text"].split("\n\n") if p], html=r["html"],
            authors=json.loads(r["authors"]), agencies=json.loads(r["agencies"]) if "agencies" in keys else [],
            published=_dt(r["published"]), updated=_dt(r["updated"]),
            language=r["language"], site_name=r["site_name"], description=r["description"],
            image=Image(**img) if img else None, images=[Image(**i) for i in json.loads(r["images"])],
            section=r["section"], tags=json.loads(r["tags"]), flags=flags,
            source_id=r["source_id"], fetched_at=_dt(r["fetched_at"]), story_id=r["story_id"],
        )


_TOKEN = re.compile(r'"[^"]+"|\S+')


def fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query.

    Words are ANDed; "quoted phrases" stay phrases; a trailing * keeps prefix
    search. Every term is quoted so FTS5 syntax characters can't cause errors.
    """
    terms = []
    for tok in _TOKEN.findall(query or ""):
        prefix = tok.endswith("*") and not tok.startswith('"')
        word = tok.strip('"').rstrip("*")
        word = " ".join(re.findall(r"\w+", word))
        if not word:
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def utc_from_ts(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)
