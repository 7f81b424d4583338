"""What the reader needs from the store: settings, accounts, sessions, API tokens,
keyset pagination, filtered search, front-page groups and related-article candidates.

A mixin of ``SQLiteStore`` (it uses ``self.db``, ``self._tx()`` and ``self._article``),
so the web layer still never sees SQL.
"""

from __future__ import annotations

import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from html import escape

from ..model import Article, Story, utcnow

# Outlet identity: the site's own name when the page states it, else the subscription.
OUTLET = "coalesce(nullif(a.site_name, ''), 'source:' || a.source_id, 'article:' || a.id)"
# The same, as a name people read (needs ``LEFT JOIN sources s ON s.id = a.source_id``).
OUTLET_NAME = "coalesce(nullif(a.site_name, ''), s.title, s.url, 'unknown outlet')"
LANGUAGES_TTL_S = 300


@dataclass
class Group:
    """One entry of the front page: a story, or an article no story holds yet."""

    story_id: int | None
    article_ids: list[int]  # oldest first
    outlets: list[str]  # in order of first report
    newest_ts: float
    unread: int
    title: str = ""
    representative_id: int | None = None


@dataclass
class Account:
    id: int
    username: str
    is_admin: bool


def _lang_clause(language: str | None, args: list) -> str:
    """``en`` matches ``en`` and ``en-GB``."""
    if not language:
        return ""
    args.extend([language.lower(), language.lower() + "-%"])
    return " AND (lower(a.language) = ? OR lower(a.language) LIKE ?)"


class ReaderStore:
    """Mixin for SQLiteStore: everything here reads or writes the reader's own tables."""

    # -- settings ------------------------------------------------------------------

    def get_settings(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.db.execute("SELECT key, value FROM reader_settings")}

    def set_settings(self, values: dict[str, str]) -> None:
        with self._tx() as db:
            db.executemany("INSERT INTO reader_settings(key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value", list(values.items()))

    # -- accounts --------------------------------------------------------------------

    def count_admins(self) -> int:
        return self.db.execute("SELECT count(*) FROM users WHERE is_admin=1").fetchone()[0]

    def create_user(self, username: str, password_hash: str, *, is_admin: bool = False) -> Account:
        with self._tx() as db:
            cur = db.execute("INSERT INTO users(username, password_hash, is_admin, created_at) VALUES (?,?,?,?)",
                             (username, password_hash, int(is_admin), utcnow().isoformat()))
        return Account(cur.lastrowid, username, is_admin)

    def set_password_hash(self, username: str, password_hash: str) -> bool:
        with self._tx() as db:
            n = db.execute("UPDATE users SET password_hash=? WHERE username=?", (password_hash, username)).rowcount
            db.execute("DELETE FROM sessions WHERE user_id=(SELECT id FROM users WHERE username=?)", (username,))
        return n > 0

    def user_credentials(self, username: str) -> tuple[Account, str] | None:
        r = self.db.execute("SELECT * FROM users WHERE username=?", (username,)).fetchone()
        return (Account(r["id"], r["username"], bool(r["is_admin"])), r["password_hash"]) if r else None

    # -- sessions and tokens (hashes only) ---------------------------------------------

    def create_session(self, user_id: int, token_hash: str, csrf: str, expires_at: float) -> None:
        now = utcnow()
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE expires_at < ?", (now.timestamp(),))
            db.execute("INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at) VALUES (?,?,?,?,?)",
                       (token_hash, user_id, csrf, now.isoformat(), expires_at))

    def session_account(self, token_hash: str) -> tuple[Account, str] | None:
        """(account, csrf token) for a live session."""
        r = self.db.execute(
            "SELECT u.id, u.username, u.is_admin, s.csrf FROM sessions s JOIN users u ON u.id=s.user_id "
            "WHERE s.token_hash=? AND s.expires_at > ?", (token_hash, utcnow().timestamp())).fetchone()
        return (Account(r["id"], r["username"], bool(r["is_admin"])), r["csrf"]) if r else None

    def delete_session(self, token_hash: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE token_hash=?", (token_hash,))

    def create_api_token(self, user_id: int, name: str, token_hash: str) -> int:
        with self._tx() as db:
            return db.execute("INSERT INTO api_tokens(user_id, name, token_hash, created_at) VALUES (?,?,?,?)",
                              (user_id, name, token_hash, utcnow().isoformat())).lastrowid

    def token_account(self, token_hash: str) -> Account | None:
        r = self.db.execute("SELECT u.id, u.username, u.is_admin, t.id AS tid FROM api_tokens t "
                            "JOIN users u ON u.id=t.user_id WHERE t.token_hash=?", (token_hash,)).fetchone()
        if r is None:
            return None
        with self._tx() as db:
            db.execute("UPDATE api_tokens SET last_used=? WHERE id=?", (utcnow().isoformat(), r["tid"]))
        return Account(r["id"], r["username"], bool(r["is_admin"]))

    def list_api_tokens(self, user_id: int | None = None) -> list[dict]:
        sql = "SELECT id, user_id, name, created_at, last_used FROM api_tokens"
        rows = self.db.execute(sql + (" WHERE user_id=?" if user_id else "") + " ORDER BY id",
                               (user_id,) if user_id else ())
        return [dict(r) for r in rows]

    def delete_api_token(self, token_id: int) -> bool:
        with self._tx() as db:
            return db.execute("DELETE FROM api_tokens WHERE id=?", (token_id,)).rowcount > 0

    # -- articles ------------------------------------------------------------------------

    def articles_page(self, *, limit: int = 30, after: tuple[float, int] | None = None,
                      source_id: int | None = None, story_id: int | None = None, language: str | None = None,
                      unread: bool | None = None, starred: bool | None = None,
                      ids: list[int] | None = None) -> list[Article]:
        """Newest first, keyset-paginated: ``after`` is the (sort_ts, id) of the last item seen."""
        sql, args = "SELECT * FROM articles a WHERE 1=1", []
        if after is not None:
            sql += " AND (a.sort_ts < ? OR (a.sort_ts = ? AND a.id < ?))"
            args += [after[0], after[0], after[1]]
        if source_id is not None:
            sql += " AND a.source_id=?"
            args.append(source_id)
        if story_id is not None:
            sql += " AND a.story_id=?"
            args.append(story_id)
        if unread is not None:
            sql += " AND a.read_at IS NULL" if unread else " AND a.read_at IS NOT NULL"
        if starred is not None:
            sql += " AND a.starred_at IS NOT NULL" if starred else " AND a.starred_at IS NULL"
        if ids is not None:
            sql += f" AND a.id IN ({','.join('?' * len(ids))})"
            args += ids
        sql += _lang_clause(language, args) + " ORDER BY a.sort_ts DESC, a.id DESC LIMIT ?"
        args.append(limit)
        return [self._article(r) for r in self.db.execute(sql, args)]

    def get_articles(self, ids: list[int]) -> dict[int, Article]:
        if not ids:
            return {}
        rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r["id"]: self._article(r) for r in rows}

    def sort_key(self, article_id: int) -> tuple[float, int] | None:
        r = self.db.execute("SELECT sort_ts, id FROM articles WHERE id=?", (article_id,)).fetchone()
        return (r[0], r[1]) if r else None

    def languages(self) -> list[str]:
        """Languages present, primary subtag only (``en-GB`` counts as ``en``); cached for minutes,
        since it reads the whole language index."""
        cached = getattr(self, "_languages", None)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        rows = self.db.execute("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL AND language != ''")
        langs = sorted({r[0][:2].lower() for r in rows})
        self._languages = (time.monotonic() + LANGUAGES_TTL_S, langs)
        return langs

    def term_doc_counts(self, words: list[str]) -> dict[str, int]:
        """How many articles contain each word (as FTS5 indexes it: lower case, no diacritics)."""
        folded = {w: _fold(w) for w in words}
        keys = sorted(set(folded.values()))
        if not keys:
            return {}
        sql = f"SELECT term, doc FROM temp.articles_vocab WHERE term IN ({','.join('?' * len(keys))})"
        try:
            rows = self.db.execute(sql, keys).fetchall()
        except sqlite3.OperationalError:  # a temp table per connection: no schema change for a read-only view
            self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab "
                            "USING fts5vocab(main, articles_fts, row)")
            rows = self.db.execute(sql, keys).fetchall()
        df = dict(rows)
        return {w: df.get(k, 0) for w, k in folded.items()}

    def max_article_id(self) -> int:
        return self.db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]

    def search_filtered(self, query: str, *, limit: int = 20, offset: int = 0, source_id: int | None = None,
                        since_ts: float | None = None, until_ts: float | None = None,
                        language: str | None = None):
        """Full-text search with filters; hits carry a snippet with <mark> around matches."""
        from .sqlite import SearchHit, fts_query

        match = fts_query(query)
        if not match:
            return []
        sql = ("SELECT a.*, snippet(articles_fts, 1, '\x02', '\x03', ' … ', 24) AS snip, "
               "bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
               "WHERE articles_fts MATCH ?")
        args: list = [match]
        if source_id is not None:
            sql += " AND a.source_id=?"
            args.append(source_id)
        if since_ts is not None:
            sql += " AND a.sort_ts >= ?"
            args.append(since_ts)
        if until_ts is not None:
            sql += " AND a.sort_ts < ?"
            args.append(until_ts)
        sql += _lang_clause(language, args) + " ORDER BY rank LIMIT ? OFFSET ?"
        args += [limit, offset]
        try:
            rows = self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:  # a query FTS5 still refuses (e.g. only stop characters)
            return []
        return [SearchHit(self._article(r),
                          escape(r["snip"] or "").replace("\x02", "<mark>").replace("\x03", "</mark>"),
                          r["rank"]) for r in rows]

    # -- the front page ----------------------------------------------------------------------

    def newest_ts(self) -> float | None:
        r = self.db.execute("SELECT max(sort_ts) FROM articles").fetchone()
        return r[0]

    def groups_since(self, since_ts: float, *, source_id: int | None = None,
                     language: str | None = None) -> list[Group]:
        """Stories (or lone articles) with an article in the window, with their outlets.

        One pass over light columns of the window's articles (the sort index), grouped here;
        full rows are loaded later only for what a page shows."""
        sql = (f"SELECT a.id, a.story_id, {OUTLET_NAME} AS outlet, a.sort_ts, a.read_at IS NULL AS unread "
               "FROM articles a INDEXED BY articles_front LEFT JOIN sources s ON s.id = a.source_id "
               "WHERE a.sort_ts >= ?")
        args: list = [since_ts]
        if source_id is not None:
            sql += " AND a.source_id=?"
            args.append(source_id)
        sql += _lang_clause(language, args) + " ORDER BY a.sort_ts, a.id"
        groups: dict[int, Group] = {}
        for aid, story_id, outlet, ts, unread in self.db.execute(sql, args):
            key = story_id if story_id is not None else -aid
            g = groups.get(key)
            if g is None:
                g = groups[key] = Group(story_id, [], [], ts, 0)
            g.article_ids.append(aid)
            if outlet not in g.outlets:
                g.outlets.append(outlet)
            g.newest_ts = ts
            g.unread += unread
        return list(groups.values())

    def story_heads(self, story_ids: list[int]) -> dict[int, tuple[str, int | None]]:
        """story id -> (title, representative article id)."""
        out = {}
        for i in range(0, len(story_ids), 500):
            chunk = story_ids[i:i + 500]
            for r in self.db.execute(f"SELECT id, title, representative_id FROM stories "
                                     f"WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[r[0]] = (r[1], r[2])
        return out

    # -- stories (read side; the stories engine writes them) -----------------------------------

    def story_row(self, story_id: int) -> Story | None:
        r = self.db.execute("SELECT * FROM stories WHERE id=?", (story_id,)).fetchone()
        if r is None:
            return None
        ids = [x[0] for x in self.db.execute("SELECT id FROM articles WHERE story_id=? ORDER BY sort_ts", (story_id,))]
        return Story(id=r["id"], title=r["title"], representative_id=r["representative_id"],
                     first_seen=datetime.fromisoformat(r["first_seen"]) if r["first_seen"] else None,
                     last_seen=datetime.fromisoformat(r["last_seen"]) if r["last_seen"] else None, article_ids=ids)

    def stories_page(self, *, limit: int = 30, after: tuple[float, int] | None = None) -> list[tuple[Story, int, float]]:
        """(story, outlets, newest_ts) by newest article, keyset-paginated on (newest_ts, id).

        Walks articles newest first on the covering index and stops once the page is full, so a
        page costs the same however many stories the archive holds."""
        sql = ("SELECT story_id, sort_ts FROM articles INDEXED BY articles_front WHERE story_id IS NOT NULL"
               + (" AND sort_ts <= ?" if after else "") + " ORDER BY sort_ts DESC")
        picked: list[tuple[int, float]] = []
        seen: set[int] = set()
        for sid, ts in self.db.execute(sql, (after[0],) if after else ()):
            if sid in seen:
                continue
            seen.add(sid)
            if after is not None:
                if ts == after[0] and sid >= after[1]:
                    continue
                newest = self.db.execute("SELECT max(sort_ts) FROM articles WHERE story_id=?", (sid,)).fetchone()[0]
                if newest > after[0]:  # its newest article put it on an earlier page
                    continue
            picked.append((sid, ts))
            if len(picked) >= limit:
                break
        if not picked:
            return []
        ids = [sid for sid, _ in picked]
        marks = ",".join("?" * len(ids))
        heads = {r["id"]: r for r in self.db.execute(f"SELECT * FROM stories WHERE id IN ({marks})", ids)}
        members: dict[int, list[int]] = {}
        outlets: dict[int, set[str]] = {}
        for sid, aid, name in self.db.execute(
                f"SELECT a.story_id, a.id, {OUTLET} FROM articles a WHERE a.story_id IN ({marks}) "
                "ORDER BY a.sort_ts, a.id", ids):
            members.setdefault(sid, []).append(aid)
            outlets.setdefault(sid, set()).add(name)
        out = []
        for sid, ts in picked:
            r = heads.get(sid)
            st = Story(id=sid, title=r["title"] if r else "", representative_id=r["representative_id"] if r else None,
                       first_seen=datetime.fromisoformat(r["first_seen"]) if r and r["first_seen"] else None,
                       last_seen=datetime.fromisoformat(r["last_seen"]) if r and r["last_seen"] else None,
                       article_ids=members.get(sid, []))
            out.append((st, len(outlets.get(sid, ())), ts))
        return out

    # -- related ----------------------------------------------------------------------------------

    def related_candidates(self, match: str, *, exclude_id: int, limit: int = 60) -> list[tuple[Article, float]]:
        """Articles matching an FTS5 OR-query of an article's salient terms, best bm25 first."""
        if not match:
            return []
        try:
            rows = self.db.execute(
                "SELECT a.*, bm25(articles_fts, 3.0, 1.0) AS rank FROM articles_fts "
                "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND a.id != ? "
                "ORDER BY rank LIMIT ?", (match, exclude_id, limit)).fetchall()
        except sqlite3.OperationalError:
            return []
        return [(self._article(r), -r["rank"]) for r in rows]

    def mention_names(self, article_id: int) -> set[str] | None:
        """Names the entity engine (issue 7's ``mentions``) found in an article; None when it has not
        analysed the article yet, or is not installed."""
        try:
            rows = self.db.execute("SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                   "WHERE m.article_id = ?", (article_id,)).fetchall()
        except sqlite3.OperationalError:
            return None
        return {r[0] for r in rows} or None

    def story_members(self, story_id: int, *, limit: int = 200) -> list[Article]:
        rows = self.db.execute("SELECT * FROM articles WHERE story_id=? ORDER BY sort_ts LIMIT ?", (story_id, limit))
        return [self._article(r) for r in rows]

    def content_hashes(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = self.db.execute(f"SELECT id, content_hash FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {r[0]: r[1] for r in rows}

    def reading_state(self, article_id: int) -> dict | None:
        r = self.db.execute("SELECT read_at, starred_at FROM articles WHERE id=?", (article_id,)).fetchone()
        return {"read": r["read_at"] is not None, "starred": r["starred_at"] is not None} if r else None

    def source_health(self, source_id: int) -> dict:
        """Articles per day over the last week and month, and the newest article's time."""
        now = utcnow().timestamp()
        r = self.db.execute("SELECT sum(sort_ts >= ?), sum(sort_ts >= ?), max(sort_ts) FROM articles WHERE source_id=?",
                            (now - 7 * 86400, now - 30 * 86400, source_id)).fetchone()
        return {"per_day_7": (r[0] or 0) / 7, "per_day_30": (r[1] or 0) / 30, "newest_ts": r[2]}


def _fold(word: str) -> str:
    """What unicode61 with remove_diacritics makes of a word."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
