"""FastAPI application: routes are thin, the store does the data work, Jinja2 renders.

Article HTML reaching a template was sanitized when stored (``newsdesk.sanitize``);
the strict Content-Security-Policy below is the second line of defence.

Routers live in their own modules (pages, subscriptions, feeds_out, api, auth); other
concerns add theirs with one ``include_router`` line below.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..fetch import FetchSettings
from ..store import open_store
from . import api, audio, auth, feeds_out, pages, people, subscriptions
from . import stories
from .common import HERE, make_templates, render, store_of

log = logging.getLogger("newsdesk.web")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; media-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # Nothing leaks to outlets; same-origin keeps a real Origin on the reader's own form posts
    # (under no-referrer browsers send "Origin: null", which the cross-site guard must refuse).
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/feeds/")) or \
        "application/json" in request.headers.get("accept", "")


def create_app(db: str, *, poll_interval: float | None = None, fetch_settings: FetchSettings | None = None,
               require_login: bool = False, trusted_hosts: set[str] | frozenset[str] | None = None) -> FastAPI:
    """The reader for the database at ``db``.

    ``poll_interval`` (seconds) also polls sources; ``require_login`` is for any address but
    loopback; ``trusted_hosts`` limits accepted Host headers (``serve`` passes the loopback names).
    """
    store = open_store(db)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        task = asyncio.create_task(_poll_forever(db, poll_interval, fetch_settings)) if poll_interval else None
        yield
        if task:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app = FastAPI(title="newsdesk", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="The newsdesk reader's JSON API. On loopback it needs no login; elsewhere send "
                              "`Authorization: Bearer TOKEN` (`newsdesk user token NAME`).")
    app.state.store = store
    app.state.templates = make_templates()
    app.state.settings_cache = None
    app.state.require_login = require_login
    app.state.trusted_hosts = {h.lower() for h in trusted_hosts} if trusted_hosts is not None else None
    app.state.fetch_settings = fetch_settings
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.middleware("http")(auth.auth_middleware)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        # The server's own time, for browser devtools and bench/web_bench.py.
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        else:
            response.headers.setdefault("Cache-Control", "no-store" if request.app.state.require_login else "no-cache")
        return response

    app.include_router(auth.router, include_in_schema=False)
    app.include_router(pages.router, include_in_schema=False)
    app.include_router(subscriptions.router, include_in_schema=False)
    app.include_router(feeds_out.router, include_in_schema=False)
    app.include_router(api.router)
    app.include_router(people.router)
    app.include_router(audio.router)
    app.include_router(stories.router, include_in_schema=False)

    @app.get("/healthz", include_in_schema=False)
    def healthz(request: Request):
        return {"ok": True, "articles": store_of(request).count_articles()}

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                   for e in exc.errors()]
        message = "invalid request: " + "; ".join(f"{d['where']}: {d['problem']}" for d in details[:3])
        if _wants_json(request):
            return JSONResponse({"error": message, "details": details}, status_code=422)
        return render(request, "error.html", {"status": 422, "detail": message}, 422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):  # logged; the user gets a clear page, not a trace
        log.exception("error serving %s", request.url.path)
        if _wants_json(request):
            return JSONResponse({"error": "internal error; see the server log"}, status_code=500)
        return render(request, "error.html", {"status": 500, "detail": "Something broke; see the server log."}, 500)

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
