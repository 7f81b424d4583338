"""What every reader module shares: the store and templates on ``app.state``, filters,
reader settings, cursors and the front-page ranking."""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, urlparse

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from ..analyze.teaser import teaser
from ..model import Article, Source, outlet_of

HERE = Path(__file__).parent
PAGE_SIZE = 30

# Reader settings: name -> (allowed values, default).
SETTINGS = {
    "theme": (("auto", "light", "dark"), "auto"),
    "font_size": (("small", "medium", "large", "xlarge"), "medium"),
    "default_view": (("stories", "latest"), "stories"),
}


def host(url: str | None) -> str:
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def when(dt: datetime | None) -> str:
    """A date as people read it; a bare date (midnight exactly) shows no time."""
    if dt is None:
        return ""
    if (dt.hour, dt.minute, dt.second) == (0, 0, 0):
        return dt.strftime("%d %b %Y")
    return dt.astimezone(timezone.utc).strftime("%d %b %Y, %H:%M UTC")


def is_web(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))


def outlet(a: Article, sources: dict[int, Source] | None = None) -> str:
    return outlet_of(a, sources.get(a.source_id) if sources and a.source_id is not None else None)


def store_of(request: Request):
    return request.app.state.store


def sources_by_id(request: Request) -> dict[int, Source]:
    return {s.id: s for s in store_of(request).list_sources()}


def reader_settings(request: Request) -> dict[str, str]:
    cache = request.app.state.settings_cache
    if cache is None:
        stored = store_of(request).get_settings()
        cache = {k: stored.get(k, d) if stored.get(k) in allowed else d for k, (allowed, d) in SETTINGS.items()}
        request.app.state.settings_cache = cache
    return cache


def _context(request: Request) -> dict:
    return {
        "settings": reader_settings(request),
        "csrf_token": getattr(request.state, "csrf", ""),
        "account": getattr(request.state, "account", None),
        "login_required": request.app.state.require_login,
    }


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"), context_processors=[_context])
    templates.env.filters["host"] = host
    templates.env.filters["when"] = when
    templates.env.filters["teaser"] = teaser
    templates.env.filters["urlq"] = lambda s: quote(str(s or ""), safe="")
    templates.env.tests["web_url"] = is_web
    templates.env.globals["outlet"] = outlet
    return templates


def render(request: Request, name: str, ctx: dict, status_code: int = 200):
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status_code)


def opt_int(value: str | None, name: str) -> int | None:
    """An optional id from a form: browsers send an empty string for "any"."""
    if value is None or not value.strip():
        return None
    try:
        n = int(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a number") from None
    if not 0 <= n < 2**62:
        raise HTTPException(400, f"{name} is out of range")
    return n


# -- cursors ------------------------------------------------------------------------------


def encode_cursor(*values) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, kinds: tuple[type, ...]) -> tuple | None:
    """The values packed in an opaque cursor, checked against ``kinds``; 400 when malformed."""
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError
        out = []
        for v, kind in zip(values, kinds):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise ValueError
            out.append(kind(v))
        if any(v < 0 for v in out[1:]) or any(abs(v) > 1e13 for v in out):
            raise ValueError
        return tuple(out)
    except (ValueError, binascii.Error, json.JSONDecodeError, UnicodeDecodeError, OverflowError):
        raise HTTPException(400, "invalid cursor: pass back the next_cursor value of a previous page") from None


# -- the front page -------------------------------------------------------------------------


@dataclass
class FrontItem:
    """One front-page entry: a story (or a lone article) with its lead article."""

    lead: Article
    story_id: int | None
    title: str
    outlets: list[str]
    count: int
    newest: datetime
    unread: int
    others: list[Article] = field(default_factory=list)  # newest other reports, other outlets first


WINDOWS_H = (36, 24 * 7, 24 * 30, 24 * 365 * 50)
MIN_FRONT = 5  # a window with fewer groups than this widens to the next
OTHERS = 3


def _words(title: str) -> set[str]:
    return set(re.findall(r"\w+", title.lower()))


def _alike(a: set[str], b: set[str]) -> bool:
    """Headlines with nearly the same words (a copy, or a copy with "(video)" added)."""
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.8


def rank_score(outlets: int, age_hours: float) -> float:
    """More outlets and more recent is higher: outlets per (age + 2h)^1.2, with diminishing returns."""
    return (1 + math.log(outlets) * 2) / (max(age_hours, 0) + 2) ** 1.2


def front_items(store, *, limit: int, offset: int = 0, source_id: int | None = None,
                language: str | None = None, now: float | None = None) -> tuple[list[FrontItem], bool]:
    """Today's top stories: ranked by outlet count and recency. The window is anchored on the
    newest article (capped at now), so an archive that stopped updating still has a front page; a
    nearly empty window widens (a week, a month, everything)."""
    newest = store.newest_ts()
    if newest is None:
        return [], False
    anchor = min(now or time.time(), newest)
    groups = []
    for hours in WINDOWS_H:
        groups = store.groups_since(anchor - hours * 3600, source_id=source_id, language=language)
        if len(groups) >= MIN_FRONT:
            break
    groups.sort(key=lambda g: -rank_score(len(g.outlets), (anchor - g.newest_ts) / 3600))
    page = groups[offset:offset + limit]
    more = len(groups) > offset + limit
    heads = store.story_heads([g.story_id for g in page if g.story_id is not None])
    picks: dict[int, tuple[list[int], list[int]]] = {}
    for g in page:
        title, rep = heads.get(g.story_id, ("", None)) if g.story_id is not None else ("", None)
        g.title = title
        # The lead: the stories engine's representative, else the earliest report with a picture.
        leads = [rep] if rep in g.article_ids else g.article_ids[:3]
        picks[id(g)] = (leads, [i for i in reversed(g.article_ids) if i not in leads][:OTHERS * 2])
    arts = store.get_articles([i for leads, others in picks.values() for i in (*leads, *others)])
    items = []
    for g in page:
        lead_ids, other_ids = picks[id(g)]
        candidates = [arts[i] for i in lead_ids if i in arts]
        if not candidates:
            continue
        lead = next((a for a in candidates if a.image), candidates[0])
        pool = {*lead_ids, *other_ids} - {lead.id}
        newest_first = [i for i in reversed(g.article_ids) if i in pool]
        others, seen, heads = [], {outlet(lead)}, [_words(lead.title)]
        for strict in (True, False):  # other outlets first; never a copy of a headline already shown
            for i in newest_first:
                a = arts.get(i)
                if not a or any(o.id == a.id for o in others) or len(others) >= OTHERS:
                    continue
                words = _words(a.title)
                if (strict and outlet(a) in seen) or any(_alike(words, h) for h in heads):
                    continue
                others.append(a)
                seen.add(outlet(a))
                heads.append(words)
        items.append(FrontItem(lead=lead, story_id=g.story_id, title=g.title or lead.title, outlets=g.outlets,
                               count=len(g.article_ids), newest=datetime.fromtimestamp(g.newest_ts, timezone.utc),
                               unread=g.unread, others=others))
    return items, more
