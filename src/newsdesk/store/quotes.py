"""Storage for who said what: entities, their mentions, quotes, and the analysis queue.

A mixin of ``SQLiteStore`` (it uses ``self.db`` and ``self._tx()``). Entities are one
row per person/organisation/place across every article and outlet: an article's name
is looked up by its folded key (spelling variants share it, see ``analyze.entities``),
then by surname alias for a person the article names only by surname.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime

from ..model import utcnow


@dataclass
class StoredEntity:
    id: int
    kind: str
    name: str
    key: str
    role: str | None = None
    articles: int = 0
    quotes: int = 0
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "role": self.role, "articles": self.articles,
                "quotes": self.quotes, "first_seen": self.first_seen, "last_seen": self.last_seen}


@dataclass
class StoredQuote:
    id: int
    article_id: int
    entity_id: int | None
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    role: str | None
    verb: str | None
    via: str | None
    context: str
    article_title: str = ""
    article_url: str = ""
    site_name: str | None = None
    published: str | None = None
    story_id: int | None = None
    source_id: int | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"id": self.id, "article_id": self.article_id, "entity_id": self.entity_id, "kind": self.kind,
                "text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker, "role": self.role,
                "verb": self.verb, "via": self.via, "context": self.context, "article_title": self.article_title,
                "article_url": self.article_url, "outlet": self.site_name, "published": self.published,
                "story_id": self.story_id}


_QUOTE_SELECT = """
SELECT q.*, a.title AS a_title, a.url AS a_url, a.site_name AS a_site, a.published AS a_published,
       a.story_id AS a_story, a.source_id AS a_source, s.title AS s_title
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id
"""


def _quote(r: sqlite3.Row) -> StoredQuote:
    return StoredQuote(id=r["id"], article_id=r["article_id"], entity_id=r["entity_id"], kind=r["kind"],
                       text=r["text"], start=r["start"], end=r["end"], speaker=r["speaker"], role=r["role"],
                       verb=r["verb"], via=r["via"], context=r["context"], article_title=r["a_title"],
                       article_url=r["a_url"], site_name=r["a_site"] or r["s_title"], published=r["a_published"],
                       story_id=r["a_story"], source_id=r["a_source"])


class QuoteStore:
    """Entities, mentions and quotes (migration 0004)."""

    # -- the analysis queue ------------------------------------------------------------

    def queue_quote_analysis(self, article_id: int, content_hash: str) -> bool:
        """Mark an article for analysis unless this very content was analysed; True when queued."""
        with self._tx() as db:
            row = db.execute("SELECT state, content_hash FROM quote_analysis WHERE article_id=?",
                             (article_id,)).fetchone()
            if row is not None and row["content_hash"] == content_hash and row["state"] in ("done", "pending"):
                return False
            db.execute("INSERT INTO quote_analysis(article_id, state, content_hash) VALUES (?, 'pending', ?) "
                       "ON CONFLICT(article_id) DO UPDATE SET state='pending', content_hash=excluded.content_hash, "
                       "notes=NULL", (article_id, content_hash))
        return True

    def pending_quote_analyses(self, limit: int = 50) -> list[int]:
        rows = self.db.execute("SELECT article_id FROM quote_analysis WHERE state='pending' ORDER BY article_id "
                               "LIMIT ?", (limit,)).fetchall()
        return [r[0] for r in rows]

    def quote_analysis_counts(self) -> dict:
        rows = self.db.execute("SELECT state, count(*) FROM quote_analysis GROUP BY state").fetchall()
        return {r[0]: r[1] for r in rows}

    def quote_analysis_state(self, article_id: int) -> dict | None:
        r = self.db.execute("SELECT * FROM quote_analysis WHERE article_id=?", (article_id,)).fetchone()
        return dict(r) if r else None

    def mark_quote_analysis_failed(self, article_id: int, reason: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE quote_analysis SET state='failed', notes=?, analyzed_at=? WHERE article_id=?",
                       (reason, utcnow().isoformat(), article_id))

    # -- saving one article's analysis -------------------------------------------------------

    def save_quote_analysis(self, article_id: int, content_hash: str, analysis, *, title: str = "",
                            when: datetime | None = None) -> None:
        """Replace the article's mentions and quotes with ``analysis`` (an ``analyze.quotes.Analysis``)."""
        from ..analyze.entities import name_key, surname

        seen = (when or utcnow()).isoformat()
        with self._tx() as db:
            db.execute("DELETE FROM quotes WHERE article_id=?", (article_id,))
            db.execute("DELETE FROM mentions WHERE article_id=?", (article_id,))
            ids: dict[str, int] = {}
            for ent in analysis.entities:
                eid = self._entity_for(db, ent.kind, ent.name, ent.key, ent.role, seen)
                ids[ent.key] = eid
                db.execute("INSERT INTO mentions(article_id, entity_id, name, role, count) VALUES (?,?,?,?,?) "
                           "ON CONFLICT(article_id, entity_id) DO UPDATE SET count = count + excluded.count",
                           (article_id, eid, ent.name, ent.role, max(1, len(ent.mentions))))
            for q in analysis.quotes:
                eid = None
                if q.speaker and q.speaker_kind in ("person", "org"):
                    key = name_key(q.speaker, q.speaker_kind)
                    eid = ids.get(key)
                    if eid is None and q.speaker_kind == "person" and len(q.speaker.split()) >= 2:
                        eid = self._entity_for(db, "person", q.speaker, key, q.role, seen)
                        db.execute("INSERT OR IGNORE INTO mentions(article_id, entity_id, name, role) VALUES (?,?,?,?)",
                                   (article_id, eid, q.speaker, q.role))
                    elif eid is None:
                        eid = self._lookup_entity(db, q.speaker_kind, key, surname(q.speaker))
                db.execute('INSERT INTO quotes(article_id, entity_id, kind, text, start, "end", speaker, role, verb, via,'
                           " context, title) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                           (article_id, eid, q.kind, q.text, q.start, q.end, q.speaker, q.role, q.verb, q.via,
                            q.context, title))
            db.execute("INSERT INTO quote_analysis(article_id, state, content_hash, notes, analyzed_at) "
                       "VALUES (?, 'done', ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET state='done', "
                       "content_hash=excluded.content_hash, notes=excluded.notes, analyzed_at=excluded.analyzed_at",
                       (article_id, content_hash, "; ".join(analysis.notes) or None, seen))

    def _lookup_entity(self, db, kind: str, key: str, last: str = "") -> int | None:
        from ..analyze.entities import name_key

        row = db.execute("SELECT id FROM entities WHERE key=?", (key,)).fetchone()
        if row is None:
            row = db.execute("SELECT entity_id AS id FROM entity_aliases WHERE key=?", (key,)).fetchone()
        if row is None and kind == "person" and last and len(key.split(":", 1)[1].split()) == 1:
            row = db.execute("SELECT entity_id AS id FROM entity_aliases WHERE key=?",
                             (name_key(last, "person"),)).fetchone()
        return row["id"] if row else None

    def _entity_for(self, db, kind: str, name: str, key: str, role: str | None, seen: str) -> int:
        """The entity for an article's name: by key, by alias, else a new one (with its surname as alias)."""
        from ..analyze.entities import name_key, surname

        eid = self._lookup_entity(db, kind, key, surname(name) if kind == "person" else "")
        if eid is None:
            eid = db.execute("INSERT INTO entities(kind, key, name, role, first_seen, last_seen) VALUES (?,?,?,?,?,?)",
                             (kind, key, name, role, seen, seen)).lastrowid
        else:
            row = db.execute("SELECT name FROM entities WHERE id=?", (eid,)).fetchone()
            # Keep the fullest spelling seen ("Maria Zakharova" over "Zakharova").
            better = len(name.split()) > len(row["name"].split())
            db.execute("UPDATE entities SET name = CASE WHEN ? THEN ? ELSE name END, role = COALESCE(?, role), "
                       "last_seen = max(COALESCE(last_seen, ''), ?) WHERE id=?", (better, name, role, seen, eid))
        if kind == "person" and len(name.split()) >= 2:
            db.execute("INSERT OR IGNORE INTO entity_aliases(key, entity_id) VALUES (?, ?)",
                       (name_key(surname(name), "person"), eid))
            if key != db.execute("SELECT key FROM entities WHERE id=?", (eid,)).fetchone()["key"]:
                db.execute("INSERT OR IGNORE INTO entity_aliases(key, entity_id) VALUES (?, ?)", (key, eid))
        return eid

    # -- reading -------------------------------------------------------------------------------

    def get_entity(self, entity_id: int) -> StoredEntity | None:
        rows = self._entities("WHERE e.id=?", (entity_id,), limit=1)
        return rows[0] if rows else None

    def find_entity(self, name: str, kind: str | None = None) -> StoredEntity | None:
        """An entity by any spelling of its name, or by a person's surname."""
        from ..analyze.entities import name_key, surname

        for k in ([kind] if kind else ["person", "org", "place"]):
            eid = self._lookup_entity(self.db, k, name_key(name, k), surname(name) if k == "person" else "")
            if eid is not None:
                return self.get_entity(eid)
        return None

    def list_entities(self, *, kind: str | None = None, limit: int = 100, offset: int = 0) -> list[StoredEntity]:
        where, args = ("WHERE e.kind=?", (kind,)) if kind else ("", ())
        return self._entities(where, args, limit=limit, offset=offset)

    def _entities(self, where: str, args: tuple, *, limit: int, offset: int = 0) -> list[StoredEntity]:
        sql = f"""SELECT e.*, (SELECT count(*) FROM mentions m WHERE m.entity_id=e.id) AS n_articles,
                         (SELECT count(*) FROM quotes q WHERE q.entity_id=e.id) AS n_quotes
                  FROM entities e {where}
                  ORDER BY n_quotes DESC, n_articles DESC, e.name LIMIT ? OFFSET ?"""
        return [StoredEntity(id=r["id"], kind=r["kind"], name=r["name"], key=r["key"], role=r["role"],
                             articles=r["n_articles"], quotes=r["n_quotes"], first_seen=r["first_seen"],
                             last_seen=r["last_seen"])
                for r in self.db.execute(sql, (*args, limit, offset))]

    def entity_quotes(self, entity_id: int, *, limit: int = 100) -> list[StoredQuote]:
        """A speaker's quotes, newest article first."""
        rows = self.db.execute(_QUOTE_SELECT + " WHERE q.entity_id=? ORDER BY a.sort_ts DESC, q.start LIMIT ?",
                               (entity_id, limit))
        return [_quote(r) for r in rows]

    def entity_articles(self, entity_id: int, *, limit: int = 100) -> list[dict]:
        """Articles naming the entity, with their story and outlet, newest first."""
        rows = self.db.execute(
            """SELECT a.id, a.title, a.url, a.site_name, a.published, a.story_id, m.role, m.count,
                      s.title AS source_title,
                      (SELECT count(*) FROM quotes q WHERE q.article_id=a.id AND q.entity_id=m.entity_id) AS quoted
               FROM mentions m JOIN articles a ON a.id=m.article_id LEFT JOIN sources s ON s.id=a.source_id
               WHERE m.entity_id=? ORDER BY a.sort_ts DESC LIMIT ?""", (entity_id, limit))
        return [{"article_id": r["id"], "title": r["title"], "url": r["url"],
                 "outlet": r["site_name"] or r["source_title"], "published": r["published"], "story_id": r["story_id"],
                 "role": r["role"], "mentions": r["count"], "quotes": r["quoted"]} for r in rows]

    def entity_quoted_by(self, entity_id: int) -> list[dict]:
        """Which outlets carry this speaker's quotes, and how often."""
        rows = self.db.execute(
            """SELECT COALESCE(a.site_name, s.title, '') AS outlet, count(*) AS n, count(DISTINCT a.id) AS articles
               FROM quotes q JOIN articles a ON a.id=q.article_id LEFT JOIN sources s ON s.id=a.source_id
               WHERE q.entity_id=? GROUP BY outlet ORDER BY n DESC""", (entity_id,))
        return [{"outlet": r["outlet"] or None, "quotes": r["n"], "articles": r["articles"]} for r in rows]

    def article_quotes(self, article_id: int) -> list[StoredQuote]:
        return [_quote(r) for r in self.db.execute(_QUOTE_SELECT + " WHERE q.article_id=? ORDER BY q.start",
                                                    (article_id,))]

    def story_quotes(self, story_id: int) -> list[StoredQuote]:
        return [_quote(r) for r in self.db.execute(
            _QUOTE_SELECT + " WHERE a.story_id=? ORDER BY a.sort_ts, q.start", (story_id,))]

    def search_quotes(self, query: str, *, limit: int = 50) -> tuple[StoredEntity | None, list[StoredQuote]]:
        """'what did Zakharova say about troops': the speaker named in the query, and the words about."""
        entity, terms = self._parse_quote_query(query)
        if entity is None and not terms:
            return None, []
        if not terms:
            return entity, self.entity_quotes(entity.id, limit=limit)
        select = _QUOTE_SELECT.replace("FROM quotes q", "FROM quotes q JOIN quotes_fts f ON f.rowid = q.id")
        extra, args = ("AND q.entity_id=?", [entity.id]) if entity is not None else ("", [])
        for joiner in (" AND ", " OR "):  # every word first, then any of them
            match = joiner.join(f'"{t}"*' for t in terms)
            rows = self.db.execute(select + f" WHERE quotes_fts MATCH ? {extra} "
                                   "ORDER BY bm25(quotes_fts, 4.0, 1.0, 2.0, 1.0), a.sort_ts DESC LIMIT ?",
                                   (match, *args, limit)).fetchall()
            if rows or len(terms) == 1:
                break
        return entity, [_quote(r) for r in rows]

    _STOP = set("""what did does do say said says about on the a an of to in for is was were has have had who whom
        whose tell told think thinks thought quote quotes quoted regarding re concerning with and or by from""".split())

    def _parse_quote_query(self, query: str) -> tuple[StoredEntity | None, list[str]]:
        words = re.findall(r"[\w'’-]+", query)
        entity = None
        used = set()
        for n in (3, 2, 1):  # the longest run of words that names a known entity
            for i in range(len(words) - n + 1):
                chunk = words[i:i + n]
                if n == 1 and (chunk[0].lower() in self._STOP or len(chunk[0]) < 3):
                    continue
                e = self.find_entity(" ".join(chunk))
                if e is not None and e.kind in ("person", "org"):
                    entity, used = e, set(range(i, i + n))
                    break
            if entity:
                break
        terms = [w.lower().replace('"', "") for i, w in enumerate(words)
                 if i not in used and w.lower() not in self._STOP and len(w) > 1]
        return entity, terms
