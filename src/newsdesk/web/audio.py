"""Listening in the reader: audio files (with HTTP Range), a live stream while a narration is
being made, status, the listening queue, positions, the /listen page and the podcast feed.

Only complete files are ever served as ``/articles/{id}/audio``: the narrator writes
``.part`` files and renames them into place once ffprobe has read them back. While a
narration is still being made, ``.../audio/live`` streams it as it grows (no Range, no
length), so playback starts after the first sentence; the player then switches to the
complete file at the same position.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from datetime import timezone
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from ..audio.encode import FORMATS as CODECS
from ..audio.jobs import BACKGROUND, FORMATS, QUEUED, WAITING, Narrator, describe, outlet_name, page_path
from ..audio.settings import ListenSettings
from ..store.audio import since_hours
from .auth import require_csrf

Kind = Literal["article", "story"]
LIVE_WAIT_S = 60.0  # how long a live request waits for its narration to start
PODCAST_HOURS = 24


@contextlib.asynccontextmanager
async def lifespan(app):
    """Show audio status on pages from the start; begin background narration when the policy asks."""
    narrator = _narrator(app)
    if narrator.settings.policy != "on-demand":
        narrator.start()
    yield
    narrator.close()


router = APIRouter(lifespan=lifespan)
_lock = threading.Lock()


def _narrator(app) -> Narrator:
    with _lock:
        narrator = getattr(app.state, "narrator", None)
        if narrator is None:
            store = app.state.store
            narrator = app.state.narrator = Narrator(store, ListenSettings.from_env(store.path))
            app.state.templates.env.globals["listen_status"] = lambda kind, target_id: describe(
                narrator, kind, target_id)
        return narrator


def narrator_of(request: Request) -> Narrator:
    return _narrator(request.app)


def _exists(narrator: Narrator, kind: str, target_id: int) -> bool:
    if kind == "article":
        return narrator.store.get_article(target_id) is not None
    return narrator.store.resolve_story(target_id) is not None


def _title(narrator: Narrator, kind: str, target_id: int) -> tuple[str, str]:
    if kind == "article":
        a = narrator.store.get_article(target_id)
        return (a.title or "(untitled)", outlet_name(narrator.store, a)) if a else ("(gone)", "")
    s = narrator.store.get_story(narrator.store.resolve_story(target_id) or target_id)
    if s is None:
        return "(gone)", ""
    return s.title or "(untitled story)", f"{len(s.article_ids)} article{'s' if len(s.article_ids) != 1 else ''}"


# -- the audio itself -------------------------------------------------------------------------


def _serve(request: Request, kind: str, target_id: int, format: str) -> Response:
    if format not in FORMATS:
        raise HTTPException(400, f"format must be one of {', '.join(FORMATS)}")
    narrator = narrator_of(request)
    if not _exists(narrator, kind, target_id):
        raise HTTPException(404, f"No such {kind}")
    path = narrator.ready_file(kind, target_id, format)
    if path is None:
        status = describe(narrator, kind, target_id)
        if status["status"] in ("none", "stale"):
            narrator.request(kind, target_id, WAITING)
            status = describe(narrator, kind, target_id)
        code = 409 if status["status"] in ("failed", "unavailable") else 503
        return JSONResponse({"error": status["message"], **status}, status_code=code,
                            headers={"Retry-After": "2"} if code == 503 else None)
    return FileResponse(path, media_type=CODECS[format][1], content_disposition_type="inline",
                        filename=f"newsdesk-{kind}-{target_id}.{format}",
                        headers={"Cache-Control": "private, max-age=86400"})


async def _live(request: Request, kind: str, target_id: int, format: str) -> Response:
    if format not in FORMATS:
        raise HTTPException(400, f"format must be one of {', '.join(FORMATS)}")
    narrator = narrator_of(request)
    if not _exists(narrator, kind, target_id):
        raise HTTPException(404, f"No such {kind}")
    job = narrator.store.audio_job(kind, target_id)
    if not narrator.is_current(job):
        narrator.request(kind, target_id, WAITING)
    deadline = time.monotonic() + LIVE_WAIT_S
    while True:
        job = narrator.store.audio_job(kind, target_id)
        if job.status == "ready":
            path = narrator.ready_file(kind, target_id, format)
            if path:
                return FileResponse(path, media_type=CODECS[format][1], headers={"Cache-Control": "no-store"})
        if job.status in ("failed", "unavailable"):
            status = describe(narrator, kind, target_id)
            return JSONResponse({"error": status["message"], **status}, status_code=409)
        if job.status == "running" and job.key:
            part = narrator.path(kind, target_id, job.key, format).with_suffix(f".{format}.part")
            try:
                handle = open(part, "rb")
                break
            except FileNotFoundError:
                pass  # not started, or finished and renamed a moment ago: look again
        if time.monotonic() > deadline or await request.is_disconnected():
            status = describe(narrator, kind, target_id)
            return JSONResponse({"error": "the narration has not started yet; try again", **status},
                                status_code=503, headers={"Retry-After": "5"})
        await asyncio.sleep(0.05)

    key = job.key

    async def tail():
        try:
            while True:
                chunk = handle.read(64 * 1024)
                if chunk:
                    yield chunk
                    continue
                now = narrator.store.audio_job(kind, target_id)
                if now is None or now.status != "running" or now.key != key:
                    rest = handle.read()  # ffmpeg has exited: whatever is left is the end
                    if rest and now is not None and now.status == "ready":
                        yield rest
                    return
                if await request.is_disconnected():
                    return
                await asyncio.sleep(0.1)
        finally:
            handle.close()

    return StreamingResponse(tail(), media_type=CODECS[format][1],
                             headers={"Cache-Control": "no-store", "X-Newsdesk-Audio": "live"})


@router.api_route("/articles/{target_id}/audio", methods=["GET", "HEAD"], include_in_schema=False)
def article_audio(request: Request, target_id: int, format: str = "ogg"):
    return _serve(request, "article", target_id, format)


@router.api_route("/stories/{target_id}/audio", methods=["GET", "HEAD"], include_in_schema=False)
def story_audio(request: Request, target_id: int, format: str = "ogg"):
    return _serve(request, "story", target_id, format)


@router.get("/articles/{target_id}/audio/live", include_in_schema=False)
async def article_live(request: Request, target_id: int, format: str = "ogg"):
    return await _live(request, "article", target_id, format)


@router.get("/stories/{target_id}/audio/live", include_in_schema=False)
async def story_live(request: Request, target_id: int, format: str = "ogg"):
    return await _live(request, "story", target_id, format)


# -- status, positions, queue -----------------------------------------------------------------


class PositionIn(BaseModel):
    position: float = Field(ge=0, le=24 * 3600)
    duration: float | None = Field(default=None, ge=0, le=24 * 3600)
    finished: bool = False


class QueueIn(BaseModel):
    kind: Kind
    id: int


def _item(narrator: Narrator, kind: str, target_id: int) -> dict:
    title, outlet = _title(narrator, kind, target_id)
    return {**describe(narrator, kind, target_id), "title": title, "outlet": outlet,
            "href": page_path(kind, target_id)}


@router.get("/api/audio/queue")
def get_queue(request: Request):
    narrator = narrator_of(request)
    return {"items": [_item(narrator, q.kind, q.target_id) for q in narrator.store.listen_queue()]}


@router.post("/api/audio/queue", status_code=201, dependencies=[Depends(require_csrf)])
def add_to_queue(request: Request, body: QueueIn):
    narrator = narrator_of(request)
    if not _exists(narrator, body.kind, body.id):
        raise HTTPException(404, f"No such {body.kind}")
    added = narrator.store.queue_add(body.kind, body.id)
    narrator.request(body.kind, body.id, QUEUED)
    return {"added": added, "item": _item(narrator, body.kind, body.id)}


@router.delete("/api/audio/queue/{kind}/{target_id}", dependencies=[Depends(require_csrf)])
def remove_from_queue(request: Request, kind: Kind, target_id: int):
    return {"removed": narrator_of(request).store.queue_remove(kind, target_id)}


@router.get("/api/audio/position/{kind}/{target_id}")
def get_position(request: Request, kind: Kind, target_id: int):
    position, duration, finished = narrator_of(request).store.listen_position(kind, target_id)
    return {"kind": kind, "id": target_id, "position": position, "duration": duration, "finished": finished}


@router.put("/api/audio/position/{kind}/{target_id}", dependencies=[Depends(require_csrf)])
def put_position(request: Request, kind: Kind, target_id: int, body: PositionIn):
    """Where the listener is; ``finished`` marks the article (or all of the story) read and
    takes it off the queue, so the player can move on to the next item."""
    narrator = narrator_of(request)
    if not _exists(narrator, kind, target_id):
        raise HTTPException(404, f"No such {kind}")
    narrator.store.set_listen_position(kind, target_id, 0.0 if body.finished else body.position, body.duration,
                                       finished=body.finished)
    out = {"kind": kind, "id": target_id, "marked_read": [], "next": None}
    if body.finished:
        out["marked_read"] = narrator.finished(kind, target_id)
        narrator.store.queue_remove(kind, target_id)
        queue = narrator.store.listen_queue()
        if queue:
            out["next"] = _item(narrator, queue[0].kind, queue[0].target_id)
    return out


@router.get("/api/audio/{kind}/{target_id}")
def get_status(request: Request, kind: Kind, target_id: int):
    """Status. The player asks as soon as a page with a Listen button opens: that is also the cue to
    start the narrator and its piper worker, so that pressing Listen starts within a second."""
    narrator = narrator_of(request)
    if not _exists(narrator, kind, target_id):
        raise HTTPException(404, f"No such {kind}")
    narrator.start()
    return _item(narrator, kind, target_id)


@router.post("/api/audio/{kind}/{target_id}", status_code=202, dependencies=[Depends(require_csrf)])
def make(request: Request, kind: Kind, target_id: int):
    """Make (or remake, when it failed or the article changed) a narration now."""
    narrator = narrator_of(request)
    if not _exists(narrator, kind, target_id):
        raise HTTPException(404, f"No such {kind}")
    narrator.request(kind, target_id, WAITING)
    return _item(narrator, kind, target_id)


# -- pages and the podcast ----------------------------------------------------------------------


@router.get("/listen", response_class=HTMLResponse, include_in_schema=False)
def listen_page(request: Request):
    narrator = narrator_of(request)
    narrator.start()  # warm the voice: Play is likely next
    items = [_item(narrator, q.kind, q.target_id) for q in narrator.store.listen_queue()]
    return request.app.state.templates.TemplateResponse(request, "audio_queue.html", {"items": items})


@router.get("/podcast.xml", include_in_schema=False)
def podcast(request: Request):
    """"Today's stories" as a podcast: every story of the last day whose narration is ready, as an
    MP3 enclosure (every article of the day, when no stories have been grouped). Missing
    narrations are queued, so they are in the feed next time."""
    from feedgen.feed import FeedGenerator

    narrator = narrator_of(request)
    store = narrator.store
    since = since_hours(PODCAST_HOURS)
    wanted = [("story", s.id, s.last_seen) for s in store.recent_stories(limit=30)
              if s.last_seen and s.last_seen >= since]
    if not wanted:  # no stories stage running: each of the day's articles is its own story
        wanted = [("article", i, None) for i in store.articles_since_without_story(since)]
    base = str(request.base_url).rstrip("/")
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.title("newsdesk: Today's stories")
    fg.link(href=base + "/", rel="alternate")
    fg.description("The day's stories read aloud by newsdesk, each credited to its outlets.")
    fg.language("en")
    fg.podcast.itunes_author("newsdesk")
    fg.podcast.itunes_explicit("no")
    for kind, target_id, seen in wanted[:30]:
        job = store.audio_job(kind, target_id)
        if job is None or job.status != "ready" or narrator.ready_file(kind, target_id, "mp3") is None:
            if job is None or job.status not in ("failed", "unavailable"):
                narrator.request(kind, target_id, BACKGROUND)
            continue
        title, outlet = _title(narrator, kind, target_id)
        when = seen or job.finished_at
        if kind == "article":
            a = store.get_article(target_id)
            when = (a.published or a.fetched_at) if a else when
        fe = fg.add_entry(order="append")
        fe.title(title)
        fe.link(href=base + page_path(kind, target_id))
        fe.description(f"{title} ({outlet})")
        fe.guid(f"newsdesk-{kind}-{target_id}-{job.key}", permalink=False)
        if when:
            fe.pubDate(when if when.tzinfo else when.replace(tzinfo=timezone.utc))
        fe.enclosure(f"{base}{page_path(kind, target_id)}/audio?format=mp3", str(job.mp3_bytes or 0), "audio/mpeg")
        fe.podcast.itunes_duration(int(round(job.duration or 0)))
    body = fg.rss_str(pretty=False)
    return Response(body, media_type="application/rss+xml; charset=utf-8")
