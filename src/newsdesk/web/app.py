"""FastAPI application: routes are thin, the store does the data work, Jinja2 renders.

Article HTML reaching a template was sanitized when stored (``newsdesk.sanitize``);
the strict Content-Security-Policy below is the second line of defence.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..analyze.teaser import teaser
from ..fetch import FetchSettings
from ..store import open_store

log = logging.getLogger("newsdesk.web")
HERE = Path(__file__).parent

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
PAGE_SIZE = 30


def _host(url: str | None) -> str:
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def _when(dt: datetime | None) -> str:
    """A date as people read it; a bare date (midnight exactly) shows no time."""
    if dt is None:
        return ""
    if (dt.hour, dt.minute, dt.second) == (0, 0, 0):
        return dt.strftime("%d %b %Y")
    return dt.astimezone(timezone.utc).strftime("%d %b %Y, %H:%M UTC")


def _is_web(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))


def create_app(db: str, *, poll_interval: float | None = None, fetch_settings: FetchSettings | None = None) -> FastAPI:
    """The reader for the database at ``db``; with ``poll_interval`` (seconds) it also polls sources."""
    store = open_store(db)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        task = asyncio.create_task(_poll_forever(db, poll_interval, fetch_settings)) if poll_interval else None
        yield
        if task:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app = FastAPI(title="newsdesk", lifespan=lifespan, docs_url=None, redoc_url=None)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["host"] = _host
    templates.env.filters["when"] = _when
    templates.env.filters["teaser"] = teaser
    templates.env.tests["web_url"] = _is_web
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def sources_by_id() -> dict:
        return {s.id: s for s in store.list_sources()}

    @app.get("/", response_class=HTMLResponse)
    def front(request: Request, before: float | None = None, source: int | None = None):
        articles = store.recent_articles(limit=PAGE_SIZE + 1, before_ts=before, source_id=source)
        more = len(articles) > PAGE_SIZE
        articles = articles[:PAGE_SIZE]
        next_before = articles[-1].published.timestamp() if more and articles[-1].published else None
        if more and next_before is None and articles[-1].fetched_at:
            next_before = articles[-1].fetched_at.timestamp()
        return templates.TemplateResponse(request, "index.html", {
            "articles": articles, "sources": sources_by_id(), "next_before": next_before,
            "source_filter": source, "total": store.count_articles(),
        })

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: int):
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, "No such article")
        source = store.get_source(article.source_id) if article.source_id else None
        return templates.TemplateResponse(request, "article.html", {"a": article, "source": source})

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = Query("", max_length=500), page: int = Query(1, ge=1, le=1000)):
        hits = store.search(q, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE) if q.strip() else []
        more = len(hits) > PAGE_SIZE
        return templates.TemplateResponse(request, "search.html", {
            "q": q, "hits": hits[:PAGE_SIZE], "page": page, "more": more, "sources": sources_by_id(),
        })

    @app.get("/sources", response_class=HTMLResponse)
    def sources_page(request: Request):
        rows = [(s, store.articles_per_day(s.id)) for s in store.list_sources()]
        return templates.TemplateResponse(request, "sources.html", {"rows": rows})

    @app.get("/healthz")
    def healthz():
        return {"ok": True, "articles": store.count_articles()}

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    return app


async def _poll_forever(db: str, interval: float, settings: FetchSettings | None) -> None:
    """`newsdesk run`: poll every source, sleep, repeat. Errors are logged, never fatal."""
    from ..pipeline import poll_all

    store = open_store(db)
    while True:
        try:
            reports = await poll_all(store, settings)
            new = sum(r.counts["new"] for r in reports)
            log.warning("polled %d sources: %d new articles", len(reports), new)
        except Exception:  # a poll must never take the reader down
            log.exception("poll failed")
        await asyncio.sleep(interval)
