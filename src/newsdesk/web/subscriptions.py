"""The Sources page: subscribe by URL (feed autodiscovery), OPML in and out, health, pause, remove.

Subscribing reuses ``pipeline.subscribe`` and OPML reuses ``sources.opml``: the page only
routes and reports, exactly as the CLI does.
"""

from __future__ import annotations

import io

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..model import Source
from .auth import require_csrf
from .common import render, store_of

router = APIRouter(default_response_class=HTMLResponse)
MAX_OPML = 5 * 1024 * 1024


def _rows(store) -> list[dict]:
    rows = []
    for s in store.list_sources():
        health = store.source_health(s.id)
        rows.append({"s": s, **health, "problems": store.recent_problems(s.id, limit=3) if s.last_error else []})
    return rows


def _page(request: Request, *, message: str | None = None, error: str | None = None, status: int = 200):
    return render(request, "sources.html", {"rows": _rows(store_of(request)), "message": message, "error": error},
                  status)


@router.get("/sources")
def sources_page(request: Request, added: str | None = None, imported: int | None = None):
    message = None
    if added:
        message = f"Subscribed to {added}. It is fetched on the next poll (or run `newsdesk fetch`)."
    elif imported is not None:
        message = f"Imported {imported} subscriptions."
    return _page(request, message=message)


@router.post("/sources/add", dependencies=[Depends(require_csrf)])
async def add_source(request: Request, url: str = Form(..., max_length=2000)):
    from ..pipeline import SubscribeError, subscribe

    url = url.strip()
    if not url.startswith(("http://", "https://")):
        url = "https://" + url
    try:
        source = await subscribe(store_of(request), url, request.app.state.fetch_settings)
    except SubscribeError as exc:
        return _page(request, error=f"Could not subscribe: {exc.reason}", status=400)
    from urllib.parse import quote

    return RedirectResponse(f"/sources?added={quote(source.title or source.url)}", status_code=303)


@router.post("/sources/import", dependencies=[Depends(require_csrf)])
async def import_opml(request: Request, opml: UploadFile = File(...)):
    from ..sources.opml import OPMLError, parse_opml

    data = await opml.read(MAX_OPML + 1)
    if len(data) > MAX_OPML:
        return _page(request, error="That OPML file is larger than 5 MB.", status=413)
    try:
        subs, problems = parse_opml(data)
    except OPMLError as exc:
        return _page(request, error=f"Not an OPML file: {getattr(exc, 'reason', None) or exc}", status=400)
    store = store_of(request)
    for sub in subs:
        store.add_source(Source(url=sub.url, kind="feed", title=sub.title, site_url=sub.site_url))
    if problems:
        return _page(request, message=f"Imported {len(subs)} subscriptions; skipped {len(problems)}: "
                     + "; ".join(str(p) for p in problems[:5]))
    return RedirectResponse(f"/sources?imported={len(subs)}", status_code=303)


@router.get("/sources/export.opml")
def export_opml_file(request: Request):
    from ..export import export_opml

    buf = io.StringIO()
    export_opml(store_of(request), buf)
    return Response(buf.getvalue(), media_type="text/x-opml; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="newsdesk-subscriptions.opml"'})


@router.post("/sources/{source_id}/{action}", dependencies=[Depends(require_csrf)])
def source_action(request: Request, source_id: int, action: str):
    store = store_of(request)
    if action not in ("pause", "resume", "remove"):
        raise HTTPException(404, "Unknown action")
    source = store.get_source(source_id) if 0 < source_id < 2**62 else None
    if source is None:
        raise HTTPException(404, "No such source")
    if action == "remove":
        store.remove_source(source_id)
    else:
        store.update_source(source_id, paused=int(action == "pause"))
    return RedirectResponse("/sources", status_code=303)
