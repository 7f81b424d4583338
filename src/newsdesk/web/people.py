"""Who said what, on the web: a page per person, organisation and place, quote search,
a story's voices and quote drift, a feed of a person's quotes, and JSON for all of it.

Pages are plain on purpose (the reader's look belongs to the reader's templates);
every page has a JSON twin under /api/.
"""

from __future__ import annotations

import contextlib
from itertools import groupby

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import Response

from ..analyze.quotes import BackgroundAnalyser, quote_drift, voices
from .common import render, store_of

KINDS = ("person", "org", "place")


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    """Analyse queued articles in the background while the reader runs."""
    store = getattr(app.state, "store", None)
    analyser = BackgroundAnalyser(store.path).start() if store is not None else None
    yield
    if analyser:
        analyser.stop()


router = APIRouter(lifespan=_lifespan)


def _entity(request: Request, entity_id: int):
    if not 0 < entity_id < 2**62:
        raise HTTPException(404, "No such person, organisation or place")
    e = store_of(request).get_entity(entity_id)
    if e is None:
        raise HTTPException(404, "No such person, organisation or place")
    return e


def _kind(kind: str | None) -> str | None:
    if kind and kind not in KINDS:
        raise HTTPException(400, f"kind must be one of {', '.join(KINDS)}")
    return kind


def _profile(request: Request, entity_id: int) -> dict:
    store = store_of(request)
    e = _entity(request, entity_id)
    quotes = store.entity_quotes(e.id, limit=200)
    articles = store.entity_articles(e.id, limit=200)
    stories: dict = {}
    for a in articles:
        key = ("story", a["story_id"]) if a["story_id"] else ("article", a["article_id"])
        s = stories.setdefault(key, {"story_id": a["story_id"], "title": a["title"], "articles": [], "quotes": 0})
        s["articles"].append(a)
        s["quotes"] += a["quotes"]
    return {"entity": e, "quotes": quotes, "articles": articles, "stories": list(stories.values()),
            "quoted_by": store.entity_quoted_by(e.id)}


def _story_voices(request: Request, story_id: int) -> dict:
    quotes = [q.to_dict() for q in store_of(request).story_quotes(story_id)]
    return {"story_id": story_id, "quotes": len(quotes), "voices": voices(quotes), "drift": quote_drift(quotes)}


# -- pages ----------------------------------------------------------------------------------


@router.get("/people")
def people_page(request: Request, kind: str | None = None):
    entities = store_of(request).list_entities(kind=_kind(kind), limit=300)
    return render(request, "people_index.html", {"entities": entities, "kind": kind,
                                                  "pending": store_of(request).quote_analysis_counts()})


@router.get("/people/{entity_id}")
def person_page(request: Request, entity_id: int):
    ctx = _profile(request, entity_id)
    by_day = [(day, list(qs)) for day, qs in groupby(ctx["quotes"], key=lambda q: (q.published or "")[:10])]
    ctx["by_day"] = by_day
    ctx["alternates"] = [{"type": "application/atom+xml", "title": ctx["entity"].name, "label": "Atom",
                          "href": f"/people/{entity_id}/quotes.atom"}]
    return render(request, "people_entity.html", ctx)


@router.get("/quotes")
def quote_search_page(request: Request, q: str = Query("", max_length=300)):
    entity, hits = store_of(request).search_quotes(q, limit=100) if q.strip() else (None, [])
    return render(request, "people_search.html", {"q": q, "entity": entity, "hits": hits})


@router.get("/stories/{story_id}/voices")
def story_voices_page(request: Request, story_id: int):
    if not 0 < story_id < 2**62:
        raise HTTPException(404, "No such story")
    return render(request, "people_voices.html", _story_voices(request, story_id))


@router.get("/people/{entity_id}/quotes.atom")
def person_feed(request: Request, entity_id: int):
    """A feed of a person's quotes, newest first."""
    from feedgen.feed import FeedGenerator

    e = _entity(request, entity_id)
    base = str(request.base_url).rstrip("/")
    fg = FeedGenerator()
    fg.id(f"{base}/people/{e.id}")
    fg.title(f"Quotes of {e.name} – newsdesk")
    fg.link(href=f"{base}/people/{e.id}", rel="alternate")
    fg.link(href=str(request.url), rel="self")
    for q in reversed(store_of(request).entity_quotes(e.id, limit=50)):
        item = fg.add_entry()
        item.id(f"{base}/api/quotes/{q.id}")
        item.title(q.text[:120] + ("…" if len(q.text) > 120 else ""))
        item.link(href=f"{base}/articles/{q.article_id}")
        said = f"{q.speaker or e.name} {q.verb or 'said'}" + (f" (via {q.via})" if q.via else "")
        item.content(f"“{q.text}” — {said}, in {q.site_name or q.article_title}", type="text")
        if q.published:
            item.updated(q.published if "T" in q.published else q.published + "T00:00:00+00:00")
        else:
            item.updated("1970-01-01T00:00:00+00:00")
    return Response(fg.atom_str(pretty=True), media_type="application/atom+xml")


# -- JSON ---------------------------------------------------------------------------------------


@router.get("/api/people")
def api_people(request: Request, kind: str | None = None, limit: int = Query(100, ge=1, le=1000),
               offset: int = Query(0, ge=0)):
    return [e.to_dict() for e in store_of(request).list_entities(kind=_kind(kind), limit=limit, offset=offset)]


@router.get("/api/people/{entity_id}")
def api_person(request: Request, entity_id: int):
    ctx = _profile(request, entity_id)
    return {**ctx["entity"].to_dict(), "quoted_by": ctx["quoted_by"], "stories": ctx["stories"],
            "quotes": [q.to_dict() for q in ctx["quotes"]]}


@router.get("/api/people/{entity_id}/quotes")
def api_person_quotes(request: Request, entity_id: int, limit: int = Query(100, ge=1, le=1000)):
    e = _entity(request, entity_id)
    return [q.to_dict() for q in store_of(request).entity_quotes(e.id, limit=limit)]


@router.get("/api/quotes")
def api_quote_search(request: Request, q: str = Query(..., min_length=1, max_length=300),
                     limit: int = Query(50, ge=1, le=500)):
    entity, hits = store_of(request).search_quotes(q, limit=limit)
    return {"query": q, "speaker": entity.to_dict() if entity else None, "quotes": [h.to_dict() for h in hits]}


@router.get("/api/articles/{article_id}/quotes")
def api_article_quotes(request: Request, article_id: int):
    store = store_of(request)
    if not 0 < article_id < 2**62 or store.get_article(article_id) is None:
        raise HTTPException(404, "No such article")
    state = store.quote_analysis_state(article_id)
    return {"article_id": article_id, "analysis": state["state"] if state else "not queued",
            "notes": state["notes"] if state else None,
            "quotes": [q.to_dict() for q in store.article_quotes(article_id)]}


@router.get("/api/stories/{story_id}/voices")
def api_story_voices(request: Request, story_id: int):
    if not 0 < story_id < 2**62:
        raise HTTPException(404, "No such story")
    return _story_voices(request, story_id)
