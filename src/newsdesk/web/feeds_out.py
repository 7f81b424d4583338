"""Feeds out, in Atom, RSS 2.0 and JSON Feed 1.1: every source, story, storyline and search,
and everything (``/feeds/latest``). Pages advertise theirs with <link rel="alternate">."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from .. import feeds
from .common import store_of
from .pages import _day

router = APIRouter()
FEED_ITEMS = 50


def _fmt(fmt: str) -> str:
    if fmt not in feeds.FORMATS:
        raise HTTPException(404, "Feeds come as .atom, .rss or .json")
    return fmt


def _respond(request: Request, fmt: str, title: str, page_path: str, articles, description: str = "") -> Response:
    store = store_of(request)
    sources = {s.id: s for s in store.list_sources()}
    info = feeds.FeedInfo(title=f"{title} – newsdesk", page_url=str(request.base_url).rstrip("/") + page_path,
                          feed_url=str(request.url), description=description or title)
    return Response(feeds.render(fmt, info, articles, sources), media_type=feeds.FORMATS[fmt])


def _id(value: int) -> int:
    if not 0 < value < 2**62:
        raise HTTPException(404, "Not found")
    return value


@router.get("/feeds/latest.{fmt}")
def latest_feed(request: Request, fmt: str):
    return _respond(request, _fmt(fmt), "Latest", "/latest", store_of(request).articles_page(limit=FEED_ITEMS))


@router.get("/feeds/source/{source_id}.{fmt}")
def source_feed(request: Request, source_id: int, fmt: str):
    store = store_of(request)
    source = store.get_source(_id(source_id))
    if source is None:
        raise HTTPException(404, "No such source")
    return _respond(request, _fmt(fmt), source.title or source.url, f"/latest?source={source_id}",
                    store.articles_page(limit=FEED_ITEMS, source_id=source_id),
                    f"Articles from {source.title or source.url}, each linking to the original")


@router.get("/feeds/story/{story_id}.{fmt}")
def story_feed(request: Request, story_id: int, fmt: str):
    store = store_of(request)
    story = store.story_row(_id(story_id))
    if story is None:
        raise HTTPException(404, "No such story")
    articles = store.articles_page(limit=FEED_ITEMS, story_id=story_id)
    title = story.title or (articles[0].title if articles else f"Story {story_id}")
    return _respond(request, _fmt(fmt), f"Story: {title}", f"/stories/{story_id}", articles,
                    f"Every outlet's coverage of: {title}")


@router.get("/feeds/storyline/{storyline_id}.{fmt}")
def storyline_feed(request: Request, storyline_id: int, fmt: str):
    store = store_of(request)
    fn = getattr(store, "storyline_articles", None)
    found = fn(_id(storyline_id), limit=FEED_ITEMS) if fn else None
    if found is None:
        raise HTTPException(404, "No such storyline")
    title, articles = found
    return _respond(request, _fmt(fmt), f"Storyline: {title}", f"/storylines/{storyline_id}", articles)


@router.get("/feeds/search.{fmt}")
def search_feed(request: Request, fmt: str, q: str = Query(..., min_length=1, max_length=500),
                source: int | None = Query(None, ge=0, le=2**62), since: str | None = Query(None, max_length=10),
                until: str | None = Query(None, max_length=10), lang: str | None = Query(None, max_length=12)):
    """A saved search as a feed: the newest matches first (feed readers want recency, not rank)."""
    store = store_of(request)
    hits = store.search_filtered(q, limit=200, source_id=source, since_ts=_day(since),
                                 until_ts=_day(until, end=True), language=lang or None)
    articles = sorted((h.article for h in hits), key=lambda a: (a.published or a.fetched_at).timestamp(),
                      reverse=True)[:FEED_ITEMS]
    from urllib.parse import urlencode

    return _respond(request, _fmt(fmt), f"Search: {q}", "/search?" + urlencode({"q": q}), articles,
                    f"Articles matching {q!r}")
