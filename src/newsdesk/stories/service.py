"""The engine wired to the store: every stored article is filed into a story as it arrives.

One engine per open store, built lazily: on first use it reloads the open window (articles
of the last ``window_hours`` before the newest one) from ``story_features``, so stories
continue across restarts instead of starting over. What each step changes (assignments,
story summaries, merges, duplicates) is saved in one transaction.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlparse

from ..model import Article
from .engine import HOUR, Assignment, Engine, Params
from .text import features, from_json, to_json

log = logging.getLogger("newsdesk.stories")

# Near-duplicate fingerprints are rebuilt from stored text for this many recent articles.
RELOAD_FINGERPRINTS = 2_000


class StoryDesk:
    def __init__(self, store, params: Params | None = None):
        self.store = store
        self.lock = threading.Lock()
        self.engine = Engine(params, new_story_id=store.new_story_id, keep_assignments=False)
        self._reload()

    def _reload(self) -> None:
        newest = self.store.latest_story_ts()
        if newest is None:
            return
        since = newest - self.engine.p.window_hours * HOUR
        rows = self.store.story_window(since)
        lines = dict(self.store.db.execute(
            "SELECT id, storyline_id FROM stories WHERE storyline_id IS NOT NULL AND storyline_id != id").fetchall())
        for aid, sid, ts, fj, title, outlet in rows:
            survivor = self.store.resolve_story(sid) or sid
            self.engine.restore(aid, from_json(fj), story=survivor, ts=ts, title=title or "", source=outlet,
                                storyline=lines.get(survivor))
        self.engine.refresh()
        if self.engine.dupes is not None:
            for aid, _, _, _, _, _ in rows[-RELOAD_FINGERPRINTS:]:
                a = self.store.get_article(aid)
                if a is not None:
                    self.engine.dupes.check(aid, a.title, a.text, a.key_url)

    def file(self, article_id: int, article: Article, *, status: str = "new") -> Assignment:
        """File one stored article and save what changed."""
        ts = (article.published or article.fetched_at).timestamp() if (article.published or article.fetched_at) \
            else None
        outlet = article.site_name or (urlparse(article.url).hostname or "").removeprefix("www.") or None
        with self.lock:
            e = self.engine
            result = e.add(article_id, article.title, article.text, published=ts, source=outlet,
                           url=article.key_url if article.key_url.startswith(("http://", "https://")) else None)
            changed, moved = e.drain()
            summaries, gone = [], {}
            links: dict[int, int | None] = {}
            for sid in changed:
                s = e.stories.get(sid)
                if s is not None and s.members:
                    # A lone article is not shown as a story: the reader lists it as an article
                    # until a second report joins (then both get the story's id).
                    shown = len(s.members) >= 2
                    if shown:
                        summaries.append(e.summary(sid))
                    if len(s.members) <= 2:
                        links.update({k: sid if shown else None for k in s.members})
                else:
                    gone[sid] = e.resolve(sid) if sid in e.redirects else None
            for aid, sid in moved.items():
                s = e.stories.get(sid)
                links.setdefault(aid, sid if s is not None and len(s.members) >= 2 else None)
            f = e.docs[article_id].f if article_id in e.docs else features(article.title, article.text)
            if result.duplicate is None and status == "updated":
                self.store.forget_duplicate(article_id)
            self.store.save_story_changes(
                moved=links, stories=summaries, gone=gone,
                duplicate=(article_id, result.duplicate) if result.duplicate else None,
                features=(article_id, e.story_of(article_id), ts, to_json(f)), engine_moves=moved)
        return result

    def explain(self, a: int, b: int) -> dict:
        """Why two stored articles are, or are not, in one story (scores, shared names, vetoes)."""
        with self.lock:
            e = self.engine
            if a in e.docs and b in e.docs:
                out = e.explain(a, b)
            else:
                arts = [self.store.get_article(x) for x in (a, b)]
                if None in arts:
                    raise KeyError(f"no article {a if arts[0] is None else b}")
                out = e.explain_texts(*[{"id": x.id, "title": x.title, "text": x.text,
                                         "published": (x.published or x.fetched_at).timestamp()} for x in arts])
            sa, sb = (self.store.get_article(x).story_id for x in (a, b))
            sa, sb = (self.store.resolve_story(s) if s else None for s in (sa, sb))
            out.update(story_a=sa, story_b=sb, same_story=sa is not None and sa == sb)
            return out


def desk_for(store) -> StoryDesk:
    """The one StoryDesk of this store object (built on first use)."""
    desk = store.__dict__.get("_story_desk")
    if desk is None:
        desk = store.__dict__["_story_desk"] = StoryDesk(store)
    return desk


def file_article(store, article_id: int, article: Article, status: str) -> Assignment | None:
    """Pipeline hook: file a new or changed article. Never raises: the article is already stored,
    and a failure here must not lose it or stop the batch (it is logged and recorded)."""
    if status not in ("new", "updated"):
        return None
    try:
        return desk_for(store).file(article_id, article, status=status)
    except Exception as exc:  # noqa: BLE001 - logged with a reason, the stream goes on
        log.exception("could not file article %s into a story", article_id)
        try:
            from ..model import Problem

            store.record_problem(Problem(f"article {article_id}", f"story grouping failed: {exc}"), article.source_id)
        except Exception:  # noqa: BLE001
            pass
        return None
