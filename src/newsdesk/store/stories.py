"""Stories in SQLite: which story each article is in, merges, storylines, duplicates.

A mixin of SQLiteStore (uses ``self.db`` and ``self._tx()``); the clustering itself lives in
``newsdesk.stories`` and never touches SQL.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from ..model import Article, Story, utcnow


def _iso_ts(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat() if ts is not None else None


class StoryStore:
    def new_story_id(self) -> int:
        """Reserve a story id (its row is filled in when the engine's changes are saved)."""
        with self._tx() as db:
            return db.execute("INSERT INTO stories(title, updated_at) VALUES ('', ?)",
                              (utcnow().isoformat(),)).lastrowid

    def save_story_changes(self, *, moved: dict[int, int], stories: list[dict], gone: dict[int, int | None],
                           duplicate: tuple | None = None, features: tuple | None = None,
                           engine_moves: dict[int, int] | None = None) -> None:
        """Persist one step of the engine in one transaction.

        ``moved``: article id -> story id (None: alone, not shown as a story); ``stories``: summaries of changed open stories;
        ``gone``: story id -> the id it redirects to (None: it just emptied);
        ``duplicate``: (article id, Duplicate); ``features``: (article id, story id, ts, json dict);
        ``engine_moves``: article id -> the engine's story id, lone articles included.
        """
        now = utcnow().isoformat()
        with self._tx() as db:
            for aid, sid in moved.items():
                db.execute("UPDATE articles SET story_id=? WHERE id=?", (sid, aid))
            for sid, into in gone.items():
                if into is not None:
                    db.execute("UPDATE stories SET merged_into=?, updated_at=? WHERE id=?", (into, now, sid))
                    db.execute("UPDATE stories SET merged_into=? WHERE merged_into=?", (into, sid))
                db.execute("UPDATE stories SET article_count=(SELECT count(*) FROM articles WHERE story_id=?) "
                           "WHERE id=?", (sid, sid))
            for s in stories:
                db.execute(
                    """UPDATE stories SET title=?, representative_id=?, first_seen=?, last_seen=?,
                       storyline_id=?, outlets=?, merged_into=NULL, updated_at=?,
                       article_count=(SELECT count(*) FROM articles WHERE story_id=stories.id)
                       WHERE id=?""",
                    (s["title"], s["representative"], _iso_ts(s["first_seen"]), _iso_ts(s["last_seen"]),
                     s["storyline"], json.dumps(s["outlets"], ensure_ascii=False), now, s["id"]))
            if duplicate is not None:
                aid, dup = duplicate
                db.execute("INSERT OR REPLACE INTO duplicates VALUES (?,?,?,?,?,?)",
                           (aid, dup.original, dup.kind, dup.jaccard, dup.title_overlap, dup.evidence))
            if features is not None:
                aid, sid, ts, fj = features
                db.execute("INSERT OR REPLACE INTO story_features VALUES (?,?,?,?)",
                           (aid, sid, ts, json.dumps(fj, ensure_ascii=False, separators=(",", ":"))))
            for aid, sid in (engine_moves or {}).items():
                db.execute("UPDATE story_features SET story_id=? WHERE article_id=?", (sid, aid))

    def forget_duplicate(self, article_id: int) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM duplicates WHERE article_id=?", (article_id,))

    def story_window(self, since_ts: float) -> list[tuple]:
        """(article id, story id, ts, features json, title, outlet) for articles since ``since_ts``, oldest first."""
        rows = self.db.execute(
            """SELECT f.article_id, f.story_id, f.ts, f.features, a.title,
                      coalesce(a.site_name, s.title) AS outlet
               FROM story_features f JOIN articles a ON a.id=f.article_id
               LEFT JOIN sources s ON s.id=a.source_id
               WHERE f.ts >= ? ORDER BY f.ts, f.article_id""", (since_ts,))
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    def latest_story_ts(self) -> float | None:
        return self.db.execute("SELECT max(ts) FROM story_features").fetchone()[0]

    def resolve_story(self, story_id: int) -> int | None:
        """Follow merges to the surviving story; None when there is no such story."""
        for _ in range(100):
            row = self.db.execute("SELECT merged_into FROM stories WHERE id=?", (story_id,)).fetchone()
            if row is None:
                return None
            if row[0] is None:
                return story_id
            story_id = row[0]
        return story_id

    def get_story(self, story_id: int) -> Story | None:
        r = self.db.execute("SELECT * FROM stories WHERE id=?", (story_id,)).fetchone()
        if r is None:
            return None
        ids = [x[0] for x in self.db.execute(
            "SELECT id FROM articles WHERE story_id=? ORDER BY sort_ts, id", (story_id,))]
        return Story(id=r["id"], title=r["title"], representative_id=r["representative_id"],
                     first_seen=datetime.fromisoformat(r["first_seen"]) if r["first_seen"] else None,
                     last_seen=datetime.fromisoformat(r["last_seen"]) if r["last_seen"] else None,
                     article_ids=ids, storyline_id=r["storyline_id"], merged_into=r["merged_into"],
                     article_count=len(ids), outlets=json.loads(r["outlets"] or "[]"))

    def story_articles(self, story_id: int) -> list[Article]:
        rows = self.db.execute("SELECT * FROM articles WHERE story_id=? ORDER BY sort_ts, id", (story_id,))
        return [self._article(r) for r in rows]

    def story_duplicates(self, story_id: int) -> dict[int, dict]:
        """article id -> {original, kind, jaccard, title_overlap, evidence} for copies in the story."""
        rows = self.db.execute(
            """SELECT d.* FROM duplicates d JOIN articles a ON a.id=d.article_id WHERE a.story_id=?""",
            (story_id,))
        return {r["article_id"]: {"original": r["original_id"], "kind": r["kind"], "jaccard": r["jaccard"],
                                  "title_overlap": r["title_overlap"], "evidence": r["evidence"]} for r in rows}

    def storyline_stories(self, storyline_id: int, *, limit: int = 50) -> list[Story]:
        ids = [x[0] for x in self.db.execute(
            "SELECT id FROM stories WHERE storyline_id=? AND merged_into IS NULL AND article_count>0 "
            "ORDER BY first_seen LIMIT ?", (storyline_id, limit))]
        return [s for s in (self.get_story(i) for i in ids) if s]

    def recent_stories(self, *, limit: int = 50, min_articles: int = 1) -> list[Story]:
        ids = [x[0] for x in self.db.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL AND article_count>=? "
            "ORDER BY last_seen DESC, id DESC LIMIT ?", (min_articles, limit))]
        return [s for s in (self.get_story(i) for i in ids) if s]

    # -- what the reader asks for (web/pages.py and web/feeds_out.py look these up) --------------

    def storyline_of(self, story_id: int) -> tuple[int, str] | None:
        """(storyline id, title) when the story is linked with at least one other story."""
        row = self.db.execute("SELECT storyline_id FROM stories WHERE id=?", (story_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        n = self.db.execute("SELECT count(*) FROM stories WHERE storyline_id=? AND merged_into IS NULL "
                            "AND article_count>0", (row[0],)).fetchone()[0]
        if n < 2:
            return None
        return row[0], self._storyline_title(row[0])

    def _storyline_title(self, storyline_id: int) -> str:
        row = self.db.execute(
            "SELECT title FROM stories WHERE storyline_id=? AND merged_into IS NULL AND title != '' "
            "ORDER BY article_count DESC, id LIMIT 1", (storyline_id,)).fetchone()
        return row[0] if row else f"Storyline {storyline_id}"

    def storyline_articles(self, storyline_id: int, *, limit: int = 50) -> tuple[str, list[Article]] | None:
        """(title, newest articles first) across the storyline's stories; None if there is no such storyline."""
        if self.db.execute("SELECT 1 FROM stories WHERE storyline_id=? LIMIT 1", (storyline_id,)).fetchone() is None:
            return None
        rows = self.db.execute(
            "SELECT a.* FROM articles a JOIN stories s ON s.id=a.story_id WHERE s.storyline_id=? "
            "ORDER BY a.sort_ts DESC, a.id DESC LIMIT ?", (storyline_id, limit))
        return self._storyline_title(storyline_id), [self._article(r) for r in rows]

    def duplicate_map(self, article_ids: list[int]) -> dict[int, int]:
        """article id -> the id of the article it copies, for those of ``article_ids`` that are copies."""
        out: dict[int, int] = {}
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(
                f"SELECT article_id, original_id FROM duplicates WHERE article_id IN ({marks})", chunk).fetchall())
        return out
