"""The JSON API under /api (schema at /openapi.json): sources, articles, stories, related,
search, read and star state. Lists are cursor-paginated (``next_cursor``, opaque);
errors are ``{"error": message}`` with the matching status."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from ..analyze.teaser import teaser
from ..model import Article
from .auth import require_csrf
from .common import decode_cursor, encode_cursor, front_items, outlet, store_of
from .pages import _day, entity_fn
from .related import related

ID = Field(gt=0, lt=2**62)


class ErrorOut(BaseModel):
    error: str
    details: list | None = None


ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut},
          404: {"model": ErrorOut}, 422: {"model": ErrorOut}}
router = APIRouter(prefix="/api", tags=["reader"], responses=ERRORS)


class ImageOut(BaseModel):
    url: str
    caption: str | None = None
    credit: str | None = None


class SourceOut(BaseModel):
    id: int
    url: str
    kind: str
    title: str | None
    site_url: str | None
    paused: bool
    last_fetch: datetime | None
    last_success: datetime | None
    last_error: str | None
    error_count: int
    article_count: int
    articles_per_day: float = Field(description="over the last 30 days")


class ArticleSummary(BaseModel):
    id: int
    url: str
    title: str
    outlet: str
    source_id: int | None
    story_id: int | None
    published: datetime | None
    language: str | None
    teaser: str
    image: ImageOut | None
    read: bool
    starred: bool


class ArticleOut(ArticleSummary):
    canonical_url: str | None
    authors: list[str]
    updated: datetime | None
    description: str | None
    tags: list[str]
    text: str
    html: str = Field(description="sanitized HTML of the body")


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class RelatedOut(BaseModel):
    article: ArticleSummary
    reason: str = Field(description='why it is related: "same story", "also about Maria Zakharova", "follow-up"...')
    score: float


class StorySummary(BaseModel):
    id: int
    title: str
    outlets: int
    article_count: int
    newest: datetime
    representative_id: int | None


class StoryOut(StorySummary):
    articles: list[ArticleSummary]


class StoryPage(BaseModel):
    items: list[StorySummary]
    next_cursor: str | None


class FrontItemOut(BaseModel):
    story_id: int | None
    title: str
    outlets: list[str]
    article_count: int
    unread: int
    newest: datetime
    lead: ArticleSummary


class SearchHitOut(BaseModel):
    article: ArticleSummary
    snippet: str = Field(description="escaped text with <mark> around the matches")
    rank: float


class SearchPage(BaseModel):
    items: list[SearchHitOut]
    next_cursor: str | None


class StateIn(BaseModel):
    read: bool | None = None
    starred: bool | None = None


class StateOut(BaseModel):
    id: int
    read: bool
    starred: bool


class SourceIn(BaseModel):
    url: str = Field(min_length=4, max_length=2000, description="a feed, or a site whose feed is discovered")


class SourcePatch(BaseModel):
    paused: bool | None = None
    title: str | None = Field(None, max_length=500)


def summary(a: Article, sources=None) -> ArticleSummary:
    return ArticleSummary(
        id=a.id, url=a.url, title=a.title, outlet=outlet(a, sources), source_id=a.source_id, story_id=a.story_id,
        published=a.published, language=a.language, teaser=teaser(a),
        image=ImageOut(**a.image.to_dict()) if a.image else None,
        read="read" in a.flags, starred="starred" in a.flags)


def _sources(request: Request) -> dict:
    return {s.id: s for s in store_of(request).list_sources()}


def _article(request: Request, article_id: int) -> Article:
    article = store_of(request).get_article(article_id) if 0 < article_id < 2**62 else None
    if article is None:
        raise HTTPException(404, "No such article")
    return article


def _source_out(store, s) -> SourceOut:
    return SourceOut(id=s.id, url=s.url, kind=s.kind, title=s.title, site_url=s.site_url, paused=s.paused,
                     last_fetch=s.last_fetch, last_success=s.last_success, last_error=s.last_error,
                     error_count=s.error_count, article_count=s.article_count,
                     articles_per_day=store.source_health(s.id)["per_day_30"])


# -- sources ---------------------------------------------------------------------------------


@router.get("/sources", response_model=list[SourceOut], summary="Every source with its health")
def list_sources(request: Request):
    store = store_of(request)
    return [_source_out(store, s) for s in store.list_sources()]


@router.post("/sources", response_model=SourceOut, status_code=201, dependencies=[Depends(require_csrf)],
             summary="Subscribe to a feed, or a site whose feed is discovered")
async def add_source(request: Request, body: SourceIn):
    from ..pipeline import SubscribeError, subscribe

    try:
        source = await subscribe(store_of(request), body.url, request.app.state.fetch_settings)
    except SubscribeError as exc:
        raise HTTPException(400, exc.reason) from None
    return _source_out(store_of(request), store_of(request).get_source(source.id))


def _source(request: Request, source_id: int):
    source = store_of(request).get_source(source_id) if 0 < source_id < 2**62 else None
    if source is None:
        raise HTTPException(404, "No such source")
    return source


@router.get("/sources/{source_id}", response_model=SourceOut)
def get_source(request: Request, source_id: int):
    return _source_out(store_of(request), _source(request, source_id))


@router.patch("/sources/{source_id}", response_model=SourceOut, dependencies=[Depends(require_csrf)],
              summary="Pause, resume or rename a source")
def patch_source(request: Request, source_id: int, body: SourcePatch):
    _source(request, source_id)
    fields = {k: (int(v) if k == "paused" else v) for k, v in body.model_dump(exclude_none=True).items()}
    store_of(request).update_source(source_id, **fields)
    return _source_out(store_of(request), _source(request, source_id))


@router.delete("/sources/{source_id}", status_code=204, dependencies=[Depends(require_csrf)],
               summary="Unsubscribe (articles stay)")
def delete_source(request: Request, source_id: int):
    _source(request, source_id)
    store_of(request).remove_source(source_id)
    return Response(status_code=204)


# -- articles ---------------------------------------------------------------------------------


@router.get("/articles", response_model=ArticlePage, summary="Articles, newest first")
def list_articles(request: Request, cursor: str | None = Query(None, max_length=200),
                  limit: int = Query(30, ge=1, le=200), source: int | None = Query(None, ge=0, le=2**62),
                  story: int | None = Query(None, ge=0, le=2**62), lang: str | None = Query(None, max_length=12),
                  unread: bool | None = None, starred: bool | None = None):
    store = store_of(request)
    rows = store.articles_page(limit=limit + 1, after=decode_cursor(cursor, (float, int)), source_id=source,
                               story_id=story, language=lang or None, unread=unread, starred=starred)
    sources = _sources(request)
    nxt = encode_cursor(*store.sort_key(rows[limit - 1].id)) if len(rows) > limit else None
    return ArticlePage(items=[summary(a, sources) for a in rows[:limit]], next_cursor=nxt)


@router.get("/articles/{article_id}", response_model=ArticleOut)
def get_article(request: Request, article_id: int):
    a = _article(request, article_id)
    base = summary(a, _sources(request)).model_dump()
    return ArticleOut(**base, canonical_url=a.canonical_url, authors=a.authors, updated=a.updated,
                      description=a.description, tags=a.tags, text=a.text, html=a.html)


@router.get("/articles/{article_id}/related", response_model=list[RelatedOut],
            summary="You May Also Like: related articles with why")
def get_related(request: Request, article_id: int, limit: int = Query(6, ge=1, le=20)):
    store = store_of(request)
    a = _article(request, article_id)
    sources = _sources(request)
    return [RelatedOut(article=summary(r.article, sources), reason=r.reason, score=round(r.score, 4))
            for r in related(store, a, k=limit, entities=entity_fn(store))]


@router.get("/articles/{article_id}/state", response_model=StateOut)
def get_state(request: Request, article_id: int):
    state = store_of(request).reading_state(article_id) if 0 < article_id < 2**62 else None
    if state is None:
        raise HTTPException(404, "No such article")
    return StateOut(id=article_id, **state)


@router.put("/articles/{article_id}/state", response_model=StateOut, dependencies=[Depends(require_csrf)],
            summary="Set read and/or starred")
def put_state(request: Request, article_id: int, body: StateIn):
    store = store_of(request)
    _article(request, article_id)
    if body.read is not None:
        store.set_read(article_id, body.read)
    if body.starred is not None:
        store.set_starred(article_id, body.starred)
    return StateOut(id=article_id, **store.reading_state(article_id))


def _toggle(kind: str, value: bool):
    def handler(request: Request, article_id: int):
        store = store_of(request)
        _article(request, article_id)
        (store.set_read if kind == "read" else store.set_starred)(article_id, value)
        return StateOut(id=article_id, **store.reading_state(article_id))
    return handler


for _kind in ("read", "star"):
    for _method, _value in (("put", True), ("delete", False)):
        getattr(router, _method)(f"/articles/{{article_id}}/{_kind}", response_model=StateOut,
                                 dependencies=[Depends(require_csrf)],
                                 summary=f"{'Mark' if _value else 'Unmark'} as {'read' if _kind == 'read' else 'starred'}",
                                 operation_id=f"{_method}_{_kind}")(_toggle(_kind, _value))


# -- stories and the front page --------------------------------------------------------------------


@router.get("/front", response_model=list[FrontItemOut], summary="Top stories: by outlets covering them and recency")
def get_front(request: Request, limit: int = Query(30, ge=1, le=100), source: int | None = Query(None, ge=0, le=2**62),
              lang: str | None = Query(None, max_length=12)):
    items, _ = front_items(store_of(request), limit=limit, source_id=source, language=lang or None)
    sources = _sources(request)
    return [FrontItemOut(story_id=i.story_id, title=i.title, outlets=i.outlets, article_count=i.count,
                         unread=i.unread, newest=i.newest, lead=summary(i.lead, sources)) for i in items]


@router.get("/stories", response_model=StoryPage, summary="Stories by their newest article")
def list_stories(request: Request, cursor: str | None = Query(None, max_length=200),
                 limit: int = Query(30, ge=1, le=200)):
    rows = store_of(request).stories_page(limit=limit + 1, after=decode_cursor(cursor, (float, int)))
    items = [StorySummary(id=s.id, title=s.title, outlets=n, article_count=len(s.article_ids),
                          newest=datetime.fromtimestamp(newest).astimezone(), representative_id=s.representative_id)
             for s, n, newest in rows[:limit]]
    nxt = encode_cursor(rows[limit - 1][2], rows[limit - 1][0].id) if len(rows) > limit else None
    return StoryPage(items=items, next_cursor=nxt)


@router.get("/stories/{story_id}", response_model=StoryOut, summary="A story with all its articles")
def get_story(request: Request, story_id: int):
    store = store_of(request)
    story = store.story_row(story_id) if 0 < story_id < 2**62 else None
    members = store.story_members(story_id, limit=500) if story else []
    if not members:
        raise HTTPException(404, "No such story")
    sources = _sources(request)
    outlets = {outlet(a, sources) for a in members}
    newest = max(a.published or a.fetched_at for a in members)
    return StoryOut(id=story.id, title=story.title or members[0].title, outlets=len(outlets),
                    article_count=len(members), newest=newest, representative_id=story.representative_id,
                    articles=[summary(a, sources) for a in members])


# -- search ---------------------------------------------------------------------------------------


@router.get("/search", response_model=SearchPage, summary="Full-text search with filters")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
           cursor: str | None = Query(None, max_length=200), limit: int = Query(20, ge=1, le=100),
           source: int | None = Query(None, ge=0, le=2**62),
           since: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
           until: str | None = Query(None, max_length=10, description="YYYY-MM-DD, inclusive"),
           lang: str | None = Query(None, max_length=12)):
    offset = decode_cursor(cursor, (int,))[0] if cursor else 0
    if not 0 <= offset <= 10_000:
        raise HTTPException(400, "search pages stop at 10,000 results: narrow the query")
    hits = store_of(request).search_filtered(q, limit=limit + 1, offset=offset, source_id=source,
                                             since_ts=_day(since), until_ts=_day(until, end=True),
                                             language=lang or None)
    sources = _sources(request)
    return SearchPage(items=[SearchHitOut(article=summary(h.article, sources), snippet=h.snippet, rank=h.rank)
                             for h in hits[:limit]],
                      next_cursor=encode_cursor(offset + limit) if len(hits) > limit else None)
