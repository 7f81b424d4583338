"""Feeds out: Atom, RSS 2.0 and JSON Feed 1.1 for a list of articles.

Atom and RSS are written by feedgen (it escapes, dates and namespaces correctly).
JSON Feed 1.1 is a plain JSON document: ``json.dumps`` of the spec's fields is all it
takes, and no maintained Python library writes version 1.1.

Every item links to the original article and credits its outlet: a feed of someone
else's journalism must say whose it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape

from feedgen.feed import FeedGenerator

from ..analyze.teaser import teaser
from ..model import Article, utcnow
from ..model import outlet_of as model_outlet_of

FORMATS = {
    "atom": "application/atom+xml; charset=utf-8",
    "rss": "application/rss+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}
LINK_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml", "json": "application/feed+json"}


@dataclass
class FeedInfo:
    """What a feed is: its title, its page in the reader and its own URL (absolute)."""

    title: str
    page_url: str
    feed_url: str
    description: str = ""
    language: str | None = None


def outlet_of(a: Article, sources: dict | None = None) -> str:
    """``model.outlet_of`` with the sources looked up by id."""
    return model_outlet_of(a, sources.get(a.source_id) if sources and a.source_id is not None else None)


def _item_id(a: Article) -> str:
    url = a.canonical_url or a.url
    return url if url.startswith(("http://", "https://", "urn:")) else f"urn:newsdesk:article:{a.id}"


def _link(a: Article) -> str | None:
    return a.url if a.url.startswith(("http://", "https://")) else None


def _content(a: Article, outlet: str) -> str:
    """The clean body (sanitized when stored), then the credit line."""
    link = _link(a)
    credit = (f'<p>Originally published by {escape(outlet)}: <a href="{escape(link)}">{escape(link)}</a></p>'
              if link else f"<p>Originally published by {escape(outlet)}.</p>")
    body = a.html or "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    return body + credit


def _dates(a: Article) -> tuple[datetime, datetime]:
    published = a.published or a.fetched_at or utcnow()
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    updated = a.updated or published
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=timezone.utc)
    return published, max(updated, published)


def render(fmt: str, info: FeedInfo, articles: list[Article], sources: dict | None = None) -> bytes:
    """The feed as bytes in ``fmt`` (atom, rss or json)."""
    if fmt == "json":
        return _json_feed(info, articles, sources)
    if fmt not in ("atom", "rss"):
        raise ValueError(f"unknown feed format {fmt!r}")
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(info.feed_url)
    fg.title(info.title)
    fg.link(href=info.feed_url, rel="self", type=LINK_TYPES[fmt])
    fg.link(href=info.page_url, rel="alternate", type="text/html")
    fg.description(info.description or info.title)
    fg.generator("newsdesk")
    if info.language:
        fg.language(info.language)
    newest = None
    for a in articles:
        outlet = outlet_of(a, sources)
        published, updated = _dates(a)
        newest = max(newest, updated) if newest else updated
        fe = fg.add_entry(order="append")
        fe.id(_item_id(a))
        fe.guid(_item_id(a), permalink=_item_id(a) == _link(a))
        fe.title(f"{a.title or '(untitled)'} ({outlet})")
        if _link(a):
            fe.link(href=_link(a), rel="alternate")
        fe.summary(teaser(a) or a.title or "")
        fe.content(_content(a, outlet), type="CDATA" if fmt == "rss" else "html")
        fe.published(published)
        fe.updated(updated)
        names = a.authors or [outlet]
        if fmt == "atom":
            for name in names:
                fe.author({"name": name})
        else:
            fe.dc.dc_creator(", ".join(names))
        for tag in a.tags[:10]:
            fe.category(term=tag)
    fg.updated(newest or utcnow())
    return fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)


def _json_feed(info: FeedInfo, articles: list[Article], sources: dict | None) -> bytes:
    items = []
    for a in articles:
        outlet = outlet_of(a, sources)
        published, updated = _dates(a)
        item = {
            "id": _item_id(a),
            "title": f"{a.title or '(untitled)'} ({outlet})",
            "content_html": _content(a, outlet),
            "summary": teaser(a) or None,
            "date_published": published.isoformat(),
            "date_modified": updated.isoformat(),
            "authors": [{"name": n} for n in (a.authors or [outlet])],
            "tags": a.tags[:10] or None,
            "language": a.language or None,
        }
        if _link(a):
            item["url"] = _link(a)
        if a.image and a.image.url.startswith(("http://", "https://")):
            item["image"] = a.image.url
        items.append({k: v for k, v in item.items() if v is not None})
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.page_url,
        "feed_url": info.feed_url,
        "description": info.description or info.title,
        "items": items,
    }
    if info.language:
        doc["language"] = info.language
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
