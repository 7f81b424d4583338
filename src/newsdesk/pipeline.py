"""The one ingest pipeline: fetch → extract → normalize → store.

Files, JSONL, archives, single URLs and feeds all end in ``ingest_page``, so
an article is normalized and stored the same way whatever its origin. Each
article is committed on its own: a process killed mid-batch keeps what it
finished, and a rerun skips or updates in place.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .analyze.quotes import after_ingest as quotes_after_ingest
from .audio.policy import after_ingest as audio_after_ingest
from .extract import ExtractionError, extract_html, extract_text_dump
from .fetch import Fetcher, FetchError, FetchSettings
from .model import Article, Problem, Source, utcnow
from .normalize import canonical_url
from .sanitize import sanitize_html
from .sources.feeds import FeedEntry, FeedError, ParsedFeed, entry_to_article, parse_feed
from .sources.files import Page, iter_file, kind_of
from .store import Store
from .stories.service import file_article

Progress = Callable[[str, str], None]  # (status, location) after each item


@dataclass
class Report:
    """What one source (or file) gave in one run."""

    name: str
    counts: Counter = field(default_factory=Counter)  # new / updated / unchanged / failed
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None  # the source as a whole failed

    def add(self, status: str) -> None:
        self.counts[status] += 1


# -- one item -----------------------------------------------------------------------


def extract_page(page: Page) -> Article:
    """A ``Page`` to an ``Article`` (raises ExtractionError with a reason)."""
    if page.article is not None:
        article = page.article
    elif page.html is not None:
        article = extract_html(page.html, page.url, charset=page.charset)
    elif page.text is not None:
        article = extract_text_dump(page.text, page.url)
    else:
        raise ExtractionError("nothing to extract")
    if page.url and not article.url:
        article.url = page.url
    if page.fetched_at and not article.fetched_at:
        article.fetched_at = page.fetched_at
    return article


def normalize_article(article: Article, source_id: int | None) -> Article:
    article.source_id = source_id
    article.canonical_url = canonical_url(article.canonical_url) if article.canonical_url else None
    article.url = article.url or article.canonical_url or ""
    article.title = " ".join(article.title.split())
    # Sanitized again whatever the origin: stored HTML is served as is.
    article.html = sanitize_html(article.html)
    article.fetched_at = article.fetched_at or utcnow()
    if not article.url:
        # A page with no known address gets a stable one from its content, so a
        # re-import finds the same article.
        article.url = f"urn:newsdesk:sha256:{article.content_hash}"
    return article


def store_article(store: Store, article: Article, source_id: int | None) -> tuple[int, str]:
    article_id, status = store.upsert_article(normalize_article(article, source_id))
    file_article(store, article_id, article, status)  # stories: join a story or start one (new/updated only)
    audio_after_ingest(store, article_id, status, source_id)  # audio: queue narration per NEWSDESK_LISTEN
    quotes_after_ingest(store, article_id, article, status)  # quotes: queue (or run) analysis per NEWSDESK_QUOTES
    return article_id, status


def ingest_page(store: Store, page: Page, source_id: int | None) -> tuple[str, Problem | None]:
    """Extract and store one page; returns (status, problem)."""
    try:
        article = extract_page(page)
    except ExtractionError as exc:
        return "failed", Problem(page.location, exc.reason)
    _, status = store_article(store, article, source_id)
    return status, None


# -- files ----------------------------------------------------------------------------


def file_source(store: Store, path: Path) -> Source:
    return store.add_source(Source(url=path.resolve().as_uri(), kind="file", title=path.name))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Directories become the importable files inside them, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and kind_of(f)))
        else:
            out.append(p)
    return out


def import_file(store: Store, path: Path, *, url: str | None = None, progress: Progress | None = None) -> Report:
    """Import one local file (not OPML) through the pipeline."""
    report = Report(str(path))
    if not path.exists():
        report.error = "no such file"
        report.problems.append(Problem(str(path), "no such file"))
        return report
    source = file_source(store, path)
    for item in iter_file(path, url):
        if isinstance(item, Problem):
            status, problem = "failed", item
        else:
            status, problem = ingest_page(store, item, source.id)
        report.add(status)
        if problem:
            report.problems.append(problem)
            store.record_problem(problem, source.id)
        if progress:
            progress(status, problem.where if problem else getattr(item, "location", str(path)))
    store.record_fetch(source.id, error=report.problems[-1].reason if report.problems and not (
        report.counts["new"] + report.counts["updated"] + report.counts["unchanged"]) else None)
    return report


# -- the network ------------------------------------------------------------------------


def _merge_feed_metadata(article: Article, entry: FeedEntry, feed: ParsedFeed) -> Article:
    """Fill what the page didn't state from what the feed said about it."""
    article.title = article.title or entry.title
    article.published = article.published or entry.published
    article.updated = article.updated or entry.updated
    article.authors = article.authors or entry.authors
    article.language = article.language or entry.language or feed.language
    article.site_name = article.site_name or feed.title or None
    if article.image is None and entry.image_url:
        from .model import Image

        article.image = Image(url=entry.image_url)
    article.tags = article.tags or entry.tags
    return article


async def fetch_article(fetcher: Fetcher, url: str) -> Article:
    """Fetch one page (robots.txt honored) and extract it."""
    result = await fetcher.get(url, page=True)
    article = await asyncio.to_thread(extract_html, result.content, result.url, charset=result.encoding)
    article.url = article.url or result.url
    if result.url != url and not article.canonical_url:
        article.canonical_url = result.url
    return article


async def import_url(store: Store, fetcher: Fetcher, url: str) -> Report:
    """A single article URL through the pipeline."""
    report = Report(url)
    source = store.add_source(Source(url=url, kind="url"))
    try:
        article = await fetch_article(fetcher, url)
    except (FetchError, ExtractionError) as exc:
        reason = exc.reason
        report.error = reason
        report.add("failed")
        problem = Problem(url, reason)
        report.problems.append(problem)
        store.record_problem(problem, source.id)
        store.record_fetch(source.id, error=reason)
        return report
    _, status = store_article(store, article, source.id)
    report.add(status)
    store.record_fetch(source.id, error=None)
    return report


async def poll_source(store: Store, fetcher: Fetcher, source: Source, *, fetch_pages: bool = True,
                      progress: Progress | None = None) -> Report:
    """Poll one feed once: conditional GET, then each new entry's page."""
    report = Report(source.title or source.url)
    try:
        result = await fetcher.get(source.url, etag=source.etag, last_modified=source.last_modified)
    except FetchError as exc:
        report.error = exc.reason
        store.record_fetch(source.id, error=exc.reason)
        store.record_problem(Problem(source.url, exc.reason), source.id)
        return report
    if result.not_modified:
        store.record_fetch(source.id, error=None)
        return report
    try:
        feed = parse_feed(result.content, result.url, result.headers)
    except FeedError as exc:
        report.error = exc.reason
        store.record_fetch(source.id, error=exc.reason)
        store.record_problem(Problem(source.url, exc.reason), source.id)
        return report
    for p in feed.problems:
        report.problems.append(p)
        store.record_problem(p, source.id)
    updates: dict = {}
    if feed.title and not source.title:
        updates["title"] = feed.title
        report.name = feed.title
    if feed.site_url and not source.site_url:
        updates["site_url"] = feed.site_url
    store.update_source(source.id, **updates)

    async def one(entry: FeedEntry) -> None:
        where = entry.url or entry.guid or source.url
        article: Article | None = None
        reason = None
        if fetch_pages and entry.url.startswith(("http://", "https://")):
            if store.has_article_url(entry.url):
                report.add("unchanged")
                if progress:
                    progress("unchanged", where)
                return
            try:
                article = await fetch_article(fetcher, entry.url)
            except (FetchError, ExtractionError) as exc:
                reason = exc.reason
        if article is None:
            # The page could not be read: keep what the feed itself carries,
            # and say why the full text is missing.
            article = entry_to_article(entry, feed)
            if reason:
                article.flags["extraction"] = reason
                report.problems.append(Problem(where, f"page not extracted, feed text kept: {reason}"))
        article = _merge_feed_metadata(article, entry, feed)
        if not article.url:
            article.url = entry.url or (f"urn:newsdesk:guid:{entry.guid}" if entry.guid else "")
        if not (article.title or article.paragraphs):
            report.add("failed")
            report.problems.append(Problem(where, "entry has neither title nor text"))
            return
        _, status = store_article(store, article, source.id)
        report.add(status)
        if progress:
            progress(status, where)

    await asyncio.gather(*(one(e) for e in feed.entries))
    # The validators are saved only once every entry is stored: a run killed
    # midway must not get a 304 next time and skip the entries it never reached.
    store.update_source(source.id, etag=result.etag, last_modified=result.last_modified)
    store.record_fetch(source.id, error=None)
    return report


async def poll_all(store: Store, settings: FetchSettings | None = None, *, sources: list[Source] | None = None,
                   fetch_pages: bool = True, progress: Progress | None = None,
                   on_source_done: Callable[[Report], None] | None = None) -> list[Report]:
    """Poll every (unpaused) feed source once, concurrently across hosts."""
    sources = sources if sources is not None else [
        s for s in store.list_sources(include_paused=False) if s.kind in ("feed", "site")]
    async with Fetcher(settings) as fetcher:
        async def run(s: Source) -> Report:
            r = await poll_source(store, fetcher, s, fetch_pages=fetch_pages, progress=progress)
            if on_source_done:
                on_source_done(r)
            return r

        return list(await asyncio.gather(*(run(s) for s in sources)))


# -- subscribing ------------------------------------------------------------------------


class SubscribeError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


async def find_feed(fetcher: Fetcher, url: str) -> tuple[str, ParsedFeed]:
    """The feed at ``url``, or the first working feed its page advertises."""
    from .sources.discover import discover_feeds, looks_like_feed

    try:
        result = await fetcher.get(url)
    except FetchError as exc:
        raise SubscribeError(f"{url}: {exc.reason}") from None
    if looks_like_feed(result.content, result.headers.get("content-type")):
        try:
            return result.url, parse_feed(result.content, result.url, result.headers)
        except FeedError as exc:
            raise SubscribeError(f"{url}: {exc.reason}") from None
    tried = []
    for candidate in discover_feeds(result.content, result.url):
        try:
            r = await fetcher.get(candidate)
            if looks_like_feed(r.content, r.headers.get("content-type")):
                return r.url, parse_feed(r.content, r.url, r.headers)
        except (FetchError, FeedError) as exc:
            tried.append(f"{candidate} ({exc.reason})")
            continue
    raise SubscribeError(f"no feed found at {url}" + (f"; tried {len(tried)} candidates" if tried else ""))


async def subscribe(store: Store, url: str, settings: FetchSettings | None = None) -> Source:
    """Add a feed (or a site whose feed is discovered) as a source."""
    async with Fetcher(settings) as fetcher:
        feed_url, feed = await find_feed(fetcher, url)
    kind = "feed" if canonical_url(feed_url) == canonical_url(url) else "site"
    return store.add_source(Source(url=feed_url, kind=kind, title=feed.title or None, site_url=feed.site_url or url))
