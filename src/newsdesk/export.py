"""Getting data out: articles as JSONL, subscriptions as OPML, extraction records."""

from __future__ import annotations

import json
from typing import TextIO

from .model import Article
from .store import Store


def article_record(a: Article) -> dict:
    """An article as one JSON object; the same shape `newsdesk import` reads back."""
    return {
        "id": a.id, "url": a.url, "canonical_url": a.canonical_url, "title": a.title, "text": a.text,
        "authors": a.authors, "agencies": a.agencies, "published": a.published.isoformat() if a.published else None,
        "updated": a.updated.isoformat() if a.updated else None, "language": a.language,
        "site_name": a.site_name, "description": a.description,
        "image": a.image.to_dict() if a.image else None, "section": a.section, "tags": a.tags,
        "fetched_at": a.fetched_at.isoformat() if a.fetched_at else None,
    }


def extraction_record(path: str, a: Article | None, error: str | None) -> dict:
    """The line `newsdesk extract --jsonl` prints for one input file."""
    return {
        "path": path,
        "url": (a.canonical_url or a.url or None) if a else None,
        "title": a.title if a else None,
        "text": a.text if a else None,
        "authors": a.authors if a else [],
        "published": a.published.isoformat() if a and a.published else None,
        "language": a.language if a else None,
        "site_name": a.site_name if a else None,
        "image": a.image.to_dict() if a and a.image else None,
        "error": error,
    }


def export_jsonl(store: Store, fh: TextIO) -> int:
    n = 0
    for a in store.iter_articles():
        fh.write(json.dumps(article_record(a), ensure_ascii=False) + "\n")
        n += 1
    return n


def export_opml(store: Store, fh: TextIO) -> int:
    from .sources.opml import Subscription, to_opml

    subs = [Subscription(url=s.url, title=s.title, site_url=s.site_url)
            for s in store.list_sources() if s.kind in ("feed", "site")]
    fh.write(to_opml(subs))
    return len(subs)
