"""Plain data passed between the pipeline stages.

Nothing here knows about HTTP, HTML or SQL: ``sources`` and ``extract`` build
these objects, ``store`` persists them, ``web`` renders them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Image:
    url: str
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict:
        return {"url": self.url, "caption": self.caption, "credit": self.credit}


@dataclass
class Source:
    """Where articles come from: a feed, a site (its feed discovered) or a file origin.

    The health fields are what a user looks at when a source goes quiet.
    """

    url: str
    kind: str = "feed"  # feed | site | file | url
    title: str | None = None
    site_url: str | None = None
    id: int | None = None
    paused: bool = False
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    error_count: int = 0
    article_count: int = 0
    created_at: datetime | None = None


_WS = re.compile(r"\s+")


@dataclass
class Article:
    """One article as read by newsdesk, credited to where it came from."""

    url: str
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    html: str = ""  # sanitized, safe to serve
    canonical_url: str | None = None
    authors: list[str] = field(default_factory=list)  # people only
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: Image | None = None
    images: list[Image] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)  # e.g. {"paywalled": "...", "not_article": "listing"}
    source_id: int | None = None
    fetched_at: datetime | None = None
    id: int | None = None
    story_id: int | None = None
    agencies: list[str] = field(default_factory=list)  # news agencies / organisations credited, kept apart from authors

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def key_url(self) -> str:
        """The URL that identifies the article: canonical when the page states one."""
        return self.canonical_url or self.url

    @property
    def content_hash(self) -> str:
        """Hash of title and body with whitespace folded, so re-fetches that only
        change markup or spacing count as the same content."""
        norm = _WS.sub(" ", f"{self.title}\n{self.text}").strip().lower()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def outlet_of(article: Article, source: Source | None = None) -> str:
    """The outlet to credit: the page's own site name, else the title of the feed it
    came from, else the web host. A file an article was imported from is not an outlet."""
    if article.site_name:
        return article.site_name
    if source is not None and source.title and source.kind in ("feed", "site"):
        return source.title
    from urllib.parse import urlparse

    host = urlparse(article.url or "").hostname if (article.url or "").startswith(("http://", "https://")) else None
    return (host or "").removeprefix("www.") or "unknown outlet"


@dataclass
class Story:
    """Coverage of one event across outlets (filled in by the stories stage)."""

    id: int | None = None
    title: str = ""
    representative_id: int | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    article_ids: list[int] = field(default_factory=list)
    storyline_id: int | None = None
    merged_into: int | None = None  # set when this story was merged: its id redirects there
    article_count: int = 0
    outlets: list[str] = field(default_factory=list)


@dataclass
class Problem:
    """A bad input that was skipped: where and why, for the user to see."""

    where: str  # file path, URL, "file.jsonl:12", "archive.warc.gz@offset 1234"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
