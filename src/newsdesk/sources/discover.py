"""Feed autodiscovery: from a site's HTML page to the feed URLs worth trying.

``discover_feeds`` returns candidates, best first, in three tiers:

1. ``<link rel="alternate" type="application/rss+xml|atom+xml|feed+json|json">``
   (also ``rel="feed"``), in document order, except that comment feeds,
   WordPress REST (``/wp-json/``) links and generic ``application/json``
   links are moved behind the real ones;
2. ``<a href>`` links on the same site whose URL or text looks like a feed
   (``rss``, ``atom``, ``feed``, ``.xml`` / ``.rss`` / ``.atom``);
3. common paths at the site root, as guesses: ``/feed``, ``/rss``,
   ``/rss.xml``, ``/atom.xml``, ``/feed.xml``, ``/index.xml``.

All URLs are absolute http(s), resolved against ``<base href>`` or the page
URL, de-duplicated. Nothing here fetches anything: **the caller should fetch
the candidates in order and keep the first whose response passes
``looks_like_feed`` and parses with ``parse_feed``** (tier 3 guesses will
mostly 404). ``find_feed_candidates`` gives the same list with the tier of
each, for callers that want to stop after tier 1 or 2.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from newsdesk.sources.feeds import _decode_head, _first_element_name

__all__ = ["FeedCandidate", "discover_feeds", "find_feed_candidates", "looks_like_feed", "COMMON_PATHS"]

FEED_TYPES = {
    "application/rss+xml": 0,
    "application/atom+xml": 0,
    "application/feed+json": 0,
    "application/rdf+xml": 0,
    "application/x-rss+xml": 0,
    "application/x-atom+xml": 0,
    "text/rss+xml": 0,
    "text/atom+xml": 0,
    "application/json": 1,  # also used by WordPress REST links: tried after the specific types
}
COMMON_PATHS = ("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml")

_FEEDISH_PATH = re.compile(r"(^|[/._\-])(rss|atom|feeds?|rdf)([/._\-?]|$)|\.(xml|rss|atom|rdf)$", re.I)
_FEEDISH_TEXT = re.compile(r"\b(rss|atom|feeds?)\b", re.I)
_NOT_FEED = re.compile(r"sitemap|/wp-json/|oembed|\.(html?|php|aspx?|jpe?g|png|gif|svg|pdf)$", re.I)
_COMMENTS = re.compile(r"comment", re.I)


@dataclass
class FeedCandidate:
    url: str
    tier: str  # "link" | "anchor" | "guess"
    title: str | None = None


def _http(url: str | None, base: str) -> str | None:
    if not url:
        return None
    url = url.strip()
    low = url.lower()
    if low.startswith("feed://"):
        url = "http://" + url[7:]
    elif low.startswith("feed:http"):
        url = url[5:]
    try:
        full = urljoin(base, url)
        parts = urlsplit(full)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _same_site(a: str, b: str) -> bool:
    ha, hb = _host(a), _host(b)
    if not ha or not hb:
        return False
    return ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha)


def _parse_html(html: bytes | str):
    if isinstance(html, str):
        # lxml refuses str with an encoding declaration: go through UTF-8 bytes
        html, encoding = html.encode("utf-8", "replace"), "utf-8"
    else:
        encoding = None  # libxml2 reads <meta charset> / BOM
    if not html or not html.strip():
        return None
    parser = lxml.html.HTMLParser(encoding=encoding, no_network=True, remove_comments=True,
                                  remove_pis=True, default_doctype=False, huge_tree=False)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def find_feed_candidates(html: bytes | str, base_url: str) -> list[FeedCandidate]:
    """Feed candidates with their tier; see the module docstring for the order."""
    out: list[FeedCandidate] = []
    seen: set[str] = set()

    def add(url: str | None, tier: str, title: str | None = None) -> None:
        if url and url not in seen:
            seen.add(url)
            out.append(FeedCandidate(url, tier, title))

    doc = _parse_html(html)
    base = base_url
    if doc is not None:
        for b in doc.iter("base"):
            href = _http(b.get("href"), base_url)
            if href:
                base = href
            break

        ranked: list[tuple[int, int, str, str | None]] = []
        for i, link in enumerate(doc.iter("link")):
            rels = set((link.get("rel") or "").lower().split())
            ctype = (link.get("type") or "").split(";")[0].strip().lower()
            declared = bool(rels & {"alternate", "feed"}) and ctype in FEED_TYPES
            if not (declared or ("feed" in rels and not ctype)):
                continue
            url = _http(link.get("href"), base)
            if not url:
                continue
            title = " ".join((link.get("title") or "").split()) or None
            rank = FEED_TYPES.get(ctype, 0)
            if "/wp-json/" in url or "oembed" in url.lower():
                rank = 3
            elif _COMMENTS.search(title or "") or re.search(r"/comments?/feed|comments?[-_]?rss", url, re.I):
                rank = max(rank, 2)
            ranked.append((rank, i, url, title))
        for rank, _, url, title in sorted(ranked):
            add(url, "link", title)

        for a in doc.iter("a"):
            url = _http(a.get("href"), base)
            if not url or not _same_site(url, base_url):
                continue
            path = urlsplit(url).path
            text = " ".join((a.text_content() or "").split())[:200]
            if _NOT_FEED.search(path) or _NOT_FEED.search(url):
                continue
            if _FEEDISH_PATH.search(path) or (
                _FEEDISH_TEXT.search(text) and len(text) < 60 and not re.search(r"feedback", text, re.I)
            ):
                add(url, "anchor", text or None)

    root = _http("/", base_url)
    if root:
        for p in COMMON_PATHS:
            add(urljoin(root, p), "guess")
    return out


def discover_feeds(html: bytes | str, base_url: str) -> list[str]:
    """Feed URLs to try, best first (declared feeds, feed-looking links, guesses).

    The caller should fetch them in order and keep the first that parses as
    a feed; the last tier is common paths that may well not exist.
    """
    return [c.url for c in find_feed_candidates(html, base_url)]


_JSONFEED = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.I)


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """Cheap sniff of a response body: an RSS/Atom/RDF root element, a JSON
    Feed, or a sitemap ``<urlset>`` (``parse_feed`` reads news sitemaps too;
    a ``<sitemapindex>`` is not a feed).

    Looks at the bytes, not the declared type (servers send feeds as
    text/html and pages as application/rss+xml); ``content_type`` only
    decides whether a JSON body is worth a closer look.
    """
    if not data:
        return False
    head = _decode_head(data, 4096).lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        if _JSONFEED.search(_decode_head(data, 65536)):
            return True
        ctype = (content_type or "").split(";")[0].strip().lower()
        if ctype in ("application/feed+json", "application/json") and len(data) <= 5_000_000:
            try:
                doc = json.loads(data)
            except (ValueError, UnicodeDecodeError, RecursionError):
                return False
            return isinstance(doc, dict) and "jsonfeed.org/version/" in str(doc.get("version", ""))
        return False
    root = _first_element_name(data)
    if root is None:
        return False
    # <urlset>: a (news) sitemap, which parse_feed reads as a feed of its URLs
    return root in ("rss", "feed", "RDF", "urlset")
