"""The loopback newsroom: a small, standard-library-only HTTP server for tests and benches.

It serves feeds and article pages built from ``../shared`` (Wikinews CSVs, the AEB pages and the
seed aggregator page) and imitates what real news sites do to a fetcher: ETag/Last-Modified and
304s, redirect chains and loops, gzip, slow and dripping responses, error statuses with
Retry-After, lying charset headers, a feed that changes between polls, a truncated feed, a huge
body, a gzip bomb and binary junk served as HTML.

This module is test/dev code; it is not part of the shipped ``newsdesk`` package.

URL map (all paths are relative to :attr:`Newsroom.base_url`):

====================================  ===========================================================
``/``                                 home page; ``<link rel="alternate">`` to the RSS, Atom and
                                      JSON feeds (autodiscovery); links to articles and to
                                      ``/private/secret.html`` (which robots.txt forbids)
``/nofeed.html``                      no alternate link, only ``<a href="/feeds/aeb.rss">RSS</a>``
``/robots.txt``                       ``User-agent: *`` / ``Disallow: /private/``
``/private/secret.html``              an article page a polite fetcher must not fetch
``/subscriptions.opml``               OPML 2.0 listing the well-formed feeds (nested folders)
``/wikinews/``                        index of every Wikinews article
``/wikinews/<slug>.html``             a Wikinews article wrapped in real-site debris
``/aeb/``, ``/aeb/<id>.html``         AEB benchmark pages (stored gzip, sent as
                                      ``Content-Encoding: gzip`` when the client accepts it)
``/seed.html``                        the seed aggregator page as plausible markup
``/feeds/wikinews.rss``               RSS 2.0, most recent 30 (content:encoded, dc:creator)
``/feeds/wikinews.atom``              Atom 1.0, most recent 30
``/feeds/wikinews.json``              JSON Feed 1.1, most recent 30
``/feeds/wikinews-rdf.xml``           RSS 1.0 (RDF), most recent 30
``/feeds/wikinews-091.xml``           RSS 0.91 (Netscape doctype, ISO-8859-1), most recent 15
``/feeds/wikinews-<year>.rss``        RSS 2.0, every article of 2019 / 2020
``/feeds/aeb.rss``                    RSS 2.0 of the AEB pages (title from the page <title>)
``/feeds/changing.rss``               grows by one item on :meth:`Newsroom.advance` and
                                      automatically every ``change_every`` GETs (default 3:
                                      polls 1-3 see the same feed, poll 4 one more item, ...)
``/feeds/malformed.rss``              RSS 2.0 truncated in the middle of an item
``/feeds/moved.rss``                  301 to ``/feeds/wikinews.rss``
``/feeds/gone.rss``                   410 Gone
``/redirect/<N>/<path>``              N 302 hops, then ``/<path>`` (query string kept);
                                      ``/redirect-301/…``, ``-303``, ``-307``, ``-308`` likewise
``/redirect-loop``                    ``/redirect-loop`` -> ``/redirect-loop-2`` -> back, forever
``/slow/<seconds>/<path>``            sleeps (capped at 30 s) then serves ``/<path>``
``/drip/<seconds>/<path>``            headers at once, then the body trickled over the seconds
``/flaky/<N>/<path>``                 first N requests to this exact URL get 503 + Retry-After
``/status/<code>``                    that status; 429 and 503 carry ``Retry-After: 2``
                                      (``?retry_after=`` to change), 3xx carry ``Location: /``
``/wrong-charset.html``               windows-1252 bytes, header says ``charset=utf-8``
``/wrong-charset-2.html``             UTF-8 bytes + ``<meta charset="utf-8">``, header says
                                      ``charset=iso-8859-1``
``/huge.html``                        50 MB of HTML streamed with Content-Length (``?bytes=N``)
``/huge-chunked.html``                the same, chunked, no Content-Length
``/gzip-bomb.html``                   ~200 KB gzip that inflates to ~200 MB; always gzip-encoded
``/binary.html``                      64 KiB of random bytes labelled ``text/html``
``/image.jpg``                        a small valid JPEG
``/static/site.css``, ``/static/app.js``  tiny assets referenced by the pages
====================================  ===========================================================

Feeds and pages carry ``ETag`` and ``Last-Modified``; ``If-None-Match`` / ``If-Modified-Since``
that match get ``304 Not Modified``. Text responses are gzip-encoded when the request's
``Accept-Encoding`` allows it (``Vary: Accept-Encoding``; the gzip variant's ETag ends ``-gzip``,
and either form matches). Content endpoints answer 404 with a clear message when the shared data is
missing; the synthetic behaviours work without it.
"""

from __future__ import annotations

import base64
import csv
import email.utils
import gzip
import hashlib
import html
import json
import os
import random
import re
import threading
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import parse_qs, quote, unquote, urlsplit
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

__all__ = ["Newsroom", "default_shared_dir", "SLOW_CAP_S"]

MB = 1024 * 1024
SLOW_CAP_S = 30.0
FEED_LIMIT = 30
RSS091_LIMIT = 15
CHANGING_EPOCH = datetime(2021, 1, 1, tzinfo=timezone.utc)
SITE_EPOCH = datetime(2021, 1, 1, tzinfo=timezone.utc)  # Last-Modified of static synthetic pages

_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywt"
    "QFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09P"
    "T09PT09PT09PT09PT09PT09PT0//wAARCAAJABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcI"
    "CQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRol"
    "JicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ip"
    "qrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAA"
    "AAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLR"
    "ChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaX"
    "mJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEA"
    "PwChRRRXpHCf/9k="
)

_CSS = b"""body{font-family:Georgia,serif;margin:0}header,footer{background:#eee;padding:.5em}
.cookie-consent{position:fixed;bottom:0;background:#222;color:#fff;padding:1em}
.ad-slot{background:#fafafa;border:1px dashed #ccc;text-align:center}
article{max-width:40em;margin:auto}.related{max-width:40em;margin:auto}
"""
_JS = b"window.newsroom={consent:function(){document.getElementById('cookie-banner').remove()}};\n"


def default_shared_dir() -> Path:
    """``$NEWSDESK_SHARED`` if set, else ``../shared`` relative to the repository root."""
    env = os.environ.get("NEWSDESK_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared"


# --------------------------------------------------------------------------------------------
# small helpers


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _x(text: str) -> str:
    return _xml_escape(text)


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha1(data).hexdigest()[:20] + '"'


def _http_date(dt: datetime) -> str:
    return email.utils.format_datetime(dt.astimezone(timezone.utc), usegmt=True)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:90].rstrip("-") or "article"


def _shorten(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def _stable_int(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def _accepts_gzip(header: str | None) -> bool:
    if not header:
        return False
    for part in header.split(","):
        bits = [b.strip() for b in part.split(";")]
        if bits[0].lower() in ("gzip", "x-gzip", "*"):
            q = 1.0
            for b in bits[1:]:
                if b.lower().startswith("q="):
                    try:
                        q = float(b[2:])
                    except ValueError:
                        q = 0.0
            return q > 0
    return False


# --------------------------------------------------------------------------------------------
# content model


@dataclass(frozen=True)
class Article:
    slug: str
    source_url: str
    title: str
    published: datetime
    dateline: str
    paragraphs: tuple[str, ...]
    author: str = "Wikinews contributors"

    @property
    def path(self) -> str:
        return f"/wikinews/{self.slug}.html"

    @property
    def lede(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""

    def body_html(self) -> str:
        return "\n".join(f"<p>{_esc(p)}</p>" for p in self.paragraphs)


@dataclass(frozen=True)
class AebPage:
    id: str
    source_url: str
    title: str
    summary: str
    published: datetime
    file: Path


@dataclass
class FeedItem:
    title: str
    link: str
    guid: str
    published: datetime
    summary: str
    content_html: str = ""
    author: str = ""
    categories: tuple[str, ...] = ()
    guid_is_permalink: bool = True


@dataclass
class Resource:
    body: bytes
    content_type: str
    last_modified: datetime | None = None
    etag: str | None = None
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_encoding: str | None = None  # body is already encoded (e.g. stored gzip)
    decoded: Callable[[], bytes] | None = None  # identity body, for clients refusing gzip
    conditional: bool = True
    compress: bool = True
    cache_control: str | None = "public, max-age=300"

    def __post_init__(self) -> None:
        if self.etag is None and self.conditional:
            self.etag = _etag(self.body)


class _NoData(Exception):
    pass


# --------------------------------------------------------------------------------------------
# feed writers


def rss2(title: str, home: str, self_url: str, description: str, items: list[FeedItem]) -> bytes:
    updated = max((i.published for i in items), default=SITE_EPOCH)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>{_x(title)}</title>",
        f"<link>{_x(home)}</link>",
        f"<description>{_x(description)}</description>",
        "<language>en-us</language>",
        f"<lastBuildDate>{_http_date(updated)}</lastBuildDate>",
        "<generator>newsdesk loopback newsroom</generator>",
        "<ttl>15</ttl>",
        f'<atom:link href={quoteattr(self_url)} rel="self" type="application/rss+xml"/>',
    ]
    for it in items:
        out.append("<item>")
        out.append(f"<title>{_x(it.title)}</title>")
        out.append(f"<link>{_x(it.link)}</link>")
        perma = "true" if it.guid_is_permalink else "false"
        out.append(f'<guid isPermaLink="{perma}">{_x(it.guid)}</guid>')
        out.append(f"<pubDate>{_http_date(it.published)}</pubDate>")
        if it.author:
            out.append(f"<dc:creator>{_x(it.author)}</dc:creator>")
        for c in it.categories:
            out.append(f"<category>{_x(c)}</category>")
        out.append(f"<description>{_x(it.summary)}</description>")
        if it.content_html:
            out.append(f"<content:encoded>{_cdata(it.content_html)}</content:encoded>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out).encode("utf-8")


def atom(title: str, home: str, self_url: str, subtitle: str, items: list[FeedItem]) -> bytes:
    updated = max((i.published for i in items), default=SITE_EPOCH)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"<title>{_x(title)}</title>",
        f"<subtitle>{_x(subtitle)}</subtitle>",
        f"<id>{_x(self_url)}</id>",
        f"<updated>{_iso(updated)}</updated>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        '<generator uri="https://example.invalid/newsroom">newsdesk loopback newsroom</generator>',
        "<rights>CC BY 2.5, Wikinews contributors</rights>",
    ]
    for it in items:
        out += [
            "<entry>",
            f'<title type="text">{_x(it.title)}</title>',
            f"<id>{_x(it.guid)}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(it.link)}/>',
            f"<published>{_iso(it.published)}</published>",
            f"<updated>{_iso(it.published)}</updated>",
        ]
        if it.author:
            out.append(f"<author><name>{_x(it.author)}</name></author>")
        for c in it.categories:
            out.append(f"<category term={quoteattr(c)}/>")
        out.append(f'<summary type="text">{_x(it.summary)}</summary>')
        if it.content_html:
            out.append(f'<content type="html">{_x(it.content_html)}</content>')
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out).encode("utf-8")


def json_feed(title: str, home: str, self_url: str, description: str, items: list[FeedItem]) -> bytes:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "feed_url": self_url,
        "description": description,
        "language": "en",
        "icon": home.rstrip("/") + "/image.jpg",
        "authors": [{"name": "Wikinews contributors"}],
        "items": [],
    }
    for it in items:
        entry = {
            "id": it.guid,
            "url": it.link,
            "title": it.title,
            "summary": it.summary,
            "date_published": _iso(it.published),
        }
        if it.content_html:
            entry["content_html"] = it.content_html
        else:
            entry["content_text"] = it.summary
        if it.author:
            entry["authors"] = [{"name": it.author}]
        if it.categories:
            entry["tags"] = list(it.categories)
        doc["items"].append(entry)
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def rss1_rdf(title: str, home: str, self_url: str, description: str, items: list[FeedItem]) -> bytes:
    updated = max((i.published for i in items), default=SITE_EPOCH)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        f"<channel rdf:about={quoteattr(self_url)}>",
        f"<title>{_x(title)}</title>",
        f"<link>{_x(home)}</link>",
        f"<description>{_x(description)}</description>",
        f"<dc:date>{_iso(updated)}</dc:date>",
        "<dc:language>en</dc:language>",
        "<items><rdf:Seq>",
    ]
    out += [f"<rdf:li rdf:resource={quoteattr(it.link)}/>" for it in items]
    out += ["</rdf:Seq></items>", "</channel>"]
    for it in items:
        out += [
            f"<item rdf:about={quoteattr(it.link)}>",
            f"<title>{_x(it.title)}</title>",
            f"<link>{_x(it.link)}</link>",
            f"<description>{_x(it.summary)}</description>",
            f"<dc:date>{_iso(it.published)}</dc:date>",
        ]
        if it.author:
            out.append(f"<dc:creator>{_x(it.author)}</dc:creator>")
        for c in it.categories:
            out.append(f"<dc:subject>{_x(c)}</dc:subject>")
        out.append("</item>")
    out += ["</rdf:RDF>", ""]
    return "\n".join(out).encode("utf-8")


def rss091(title: str, home: str, description: str, items: list[FeedItem]) -> bytes:
    """Netscape RSS 0.91, ISO-8859-1 encoded (non-Latin-1 characters as character references)."""
    out = [
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
        '<rss version="0.91">',
        "<channel>",
        f"<title>{_x(title)}</title>",
        f"<link>{_x(home)}</link>",
        f"<description>{_x(description)}</description>",
        "<language>en-us</language>",
        "<image>",
        f"<title>{_x(title)}</title>",
        f"<url>{_x(home.rstrip('/') + '/image.jpg')}</url>",
        f"<link>{_x(home)}</link>",
        "</image>",
    ]
    for it in items:
        out += [
            "<item>",
            f"<title>{_x(it.title)}</title>",
            f"<link>{_x(it.link)}</link>",
            f"<description>{_x(it.summary[:500])}</description>",
            "</item>",
        ]
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out).encode("iso-8859-1", errors="xmlcharrefreplace")


# --------------------------------------------------------------------------------------------
# HTML page scaffolding


_NAV = (
    '<nav class="main-nav" aria-label="Sections"><ul>'
    '<li><a href="/">Home</a></li><li><a href="/wikinews/">World</a></li>'
    '<li><a href="/aeb/">Around the web</a></li><li><a href="/seed.html">Aggregated</a></li>'
    '<li><a href="/subscriptions.opml">Feeds</a></li></ul></nav>'
)

_COOKIE = (
    '<div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="Cookie consent">'
    "<p>We and our 142 partners use cookies to personalise content and ads, to provide social media "
    'features and to analyse our traffic. <a href="/privacy.html">Read our privacy policy</a>.</p>'
    '<button class="accept" onclick="newsroom.consent()">Accept all</button>'
    '<button class="manage">Manage preferences</button></div>'
)

_FOOTER = (
    '<footer class="site-footer"><nav aria-label="Footer"><ul>'
    '<li><a href="/about.html">About us</a></li><li><a href="/contact.html">Contact</a></li>'
    '<li><a href="/privacy.html">Privacy</a></li><li><a href="/terms.html">Terms of use</a></li>'
    '<li><a href="/feeds/wikinews.rss">RSS</a></li></ul></nav>'
    "<p>&copy; 2019&ndash;2020 Wikinews contributors. Text available under CC BY 2.5.</p>"
    '<p class="newsletter-cta">Get our morning briefing &mdash; <a href="/newsletter.html">sign up</a></p>'
    "</footer>"
)


def _share_bar(url: str, title: str) -> str:
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        '<div class="share-bar" aria-label="Share this story"><span class="share-label">Share</span>'
        f'<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a>'
        f'<a class="share-twitter" href="https://twitter.com/intent/tweet?url={u}&amp;text={t}">Twitter</a>'
        f'<a class="share-email" href="mailto:?subject={t}&amp;body={u}">Email</a>'
        '<button class="copy-link" type="button">Copy link</button></div>'
    )


def _page(
    *,
    title: str,
    body: str,
    head_extra: str = "",
    body_class: str = "",
    alternates: Iterable[tuple[str, str, str]] = (),
    lang: str = "en",
    charset_meta: str | None = "utf-8",
) -> str:
    alt = "".join(
        f'<link rel="alternate" type="{_esc(t)}" title="{_esc(n)}" href="{_esc(h)}">\n'
        for t, n, h in alternates
    )
    meta = f'<meta charset="{charset_meta}">\n' if charset_meta else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{meta}'
        f"<title>{_esc(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head_extra}{alt}"
        '<link rel="stylesheet" href="/static/site.css">\n'
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());gtag('config','G-LOOPBACK');</script>\n"
        f'</head>\n<body class="{body_class}">\n{_COOKIE}\n'
        f'<header class="site-header"><a class="logo" href="/">Wikinews</a>{_NAV}'
        '<form class="search" action="/search" role="search"><input name="q" placeholder="Search">'
        "</form></header>\n"
        f"<main>\n{body}\n</main>\n{_FOOTER}\n"
        '<script src="/static/app.js" async></script>\n</body>\n</html>\n'
    )


# --------------------------------------------------------------------------------------------
# the server


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    newsroom: "Newsroom"


class Newsroom:
    """Loopback news site in a daemon thread. Use as a context manager or call start()/stop().

    ``change_every``: ``/feeds/changing.rss`` gains its next item automatically after every
    ``change_every`` GETs of it (poll 1..N see the same feed, poll N+1 sees one more item);
    0 disables the automatic growth so only :meth:`advance` changes it.
    """

    def __init__(
        self,
        shared_dir: str | Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        change_every: int = 3,
        changing_initial: int = 5,
        changing_window: int = 50,
        huge_bytes: int = 50 * MB,
        bomb_bytes: int = 200 * MB,
        verbose: bool = False,
    ) -> None:
        self.shared_dir = Path(shared_dir) if shared_dir is not None else default_shared_dir()
        self.host = host
        self.port = port
        self.change_every = change_every
        self.changing_initial = changing_initial
        self.changing_window = changing_window
        self.huge_bytes = huge_bytes
        self.bomb_bytes = bomb_bytes
        self.verbose = verbose
        self._lock = threading.RLock()
        self._cache: dict[tuple, Resource] = {}
        self._articles: list[Article] | None = None
        self._aeb: list[AebPage] | None = None
        self._bomb: bytes | None = None
        self._requests: list[tuple[str, str, dict[str, str]]] = []
        self._flaky: dict[str, int] = {}
        self._changing_polls = 0
        self._changing_gen = 0
        self._stop = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle ---------------------------------------------------------------------

    def start(self) -> "Newsroom":
        if self._server is not None:
            return self
        self._stop.clear()
        server = _Server((self.host, self.port), _Handler)
        server.newsroom = self
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=f"newsroom:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    close = stop

    def __enter__(self) -> "Newsroom":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- public API --------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else self.host
        return f"http://{host}:{self.port}"

    def url(self, path: str = "/") -> str:
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    @property
    def has_data(self) -> bool:
        """True when the Wikinews CSVs are present under ``shared_dir``."""
        return any((self.shared_dir / "data" / "wikinews").glob("*.csv"))

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """(method, path-with-query, headers) of every request seen, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def hits(self, path: str) -> int:
        """Requests seen for ``path`` (any method). A path with ``?`` must match the query too;
        one without matches whatever the query. Absolute URLs on this server are accepted."""
        if path.startswith(self.base_url):
            path = path[len(self.base_url):] or "/"
        with self._lock:
            if "?" in path:
                return sum(1 for _, p, _ in self._requests if p == path)
            return sum(1 for _, p, _ in self._requests if p.split("?", 1)[0] == path)

    def advance(self, n: int = 1) -> int:
        """Give ``/feeds/changing.rss`` its next ``n`` items; returns how many items it now has."""
        with self._lock:
            self._changing_gen += n
            return self.changing_count()

    def changing_count(self) -> int:
        with self._lock:
            return min(self.changing_initial + self._changing_gen, self.changing_window)

    def reset(self) -> None:
        """Forget the request log, flaky counters and the changing feed's progress."""
        with self._lock:
            self._requests.clear()
            self._flaky.clear()
            self._changing_polls = 0
            self._changing_gen = 0

    def feed_paths(self) -> dict[str, str]:
        """Name -> path of the well-formed feeds (the ones listed in the OPML)."""
        return dict(_FEEDS_WELLFORMED)

    # ---- data --------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Wikinews articles, newest first (raises _NoData when the CSVs are absent)."""
        with self._lock:
            if self._articles is None:
                self._articles = self._load_wikinews()
            return self._articles

    def _load_wikinews(self) -> list[Article]:
        files = sorted((self.shared_dir / "data" / "wikinews").glob("*.csv"))
        if not files:
            raise _NoData(f"no Wikinews CSVs under {self.shared_dir / 'data' / 'wikinews'}")
        seen: set[str] = set()
        out: list[Article] = []
        dateline_re = re.compile(r"^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$")
        for f in files:
            with f.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    title = (row.get("title") or "").strip()
                    text = row.get("text") or ""
                    if not title or not text.strip():
                        continue
                    seg = row["url"].rstrip("/").rsplit("/", 1)[-1]
                    slug = base = _slugify(unquote(seg))
                    n = 2
                    while slug in seen:
                        slug = f"{base}-{n}"
                        n += 1
                    seen.add(slug)
                    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
                    paras = [p for p in paras if p]
                    dateline = ""
                    if paras and dateline_re.match(paras[0]):
                        dateline = paras.pop(0)
                    if not paras or title.startswith("TEST PAGE:"):
                        continue  # dataset artefacts: Wikinews' own self-publishing test pages
                    h = _stable_int(slug)
                    day = datetime.strptime(row["date"].strip(), "%Y-%m-%d").replace(tzinfo=timezone.utc)
                    published = day + timedelta(hours=6 + h % 14, minutes=(h >> 4) % 60)
                    out.append(Article(slug, row["url"], title, published, dateline, tuple(paras)))
        out.sort(key=lambda a: (a.published, a.slug), reverse=True)
        return out

    def article(self, slug: str) -> Article | None:
        for a in self.articles():
            if a.slug == slug:
                return a
        return None

    def aeb_pages(self) -> list[AebPage]:
        with self._lock:
            if self._aeb is None:
                self._aeb = self._load_aeb()
            return self._aeb

    def _load_aeb(self) -> list[AebPage]:
        root = self.shared_dir / "data" / "aeb"
        gt_file = root / "ground-truth.json"
        if not gt_file.is_file():
            raise _NoData(f"no AEB ground truth at {gt_file}")
        truth = json.loads(gt_file.read_text(encoding="utf-8"))
        pages = []
        for pid, info in sorted(truth.items()):
            f = root / "html" / f"{pid}.html.gz"
            if not f.is_file():
                continue
            raw = gzip.decompress(f.read_bytes())
            m = re.search(rb"<title[^>]*>(.*?)</title>", raw, re.I | re.S)
            title = ""
            if m:
                title = html.unescape(m.group(1).decode("utf-8", "replace"))
                title = re.sub(r"\s+", " ", title).strip()
            title = title or info.get("url", pid)
            body = re.sub(r"\s+", " ", info.get("articleBody") or "").strip()
            summary = body[:280].rsplit(" ", 1)[0] + "…" if len(body) > 280 else body
            h = _stable_int(pid)
            published = datetime(2019, 11, 1, tzinfo=timezone.utc) + timedelta(minutes=h % (25 * 24 * 60))
            pages.append(AebPage(pid, info.get("url", ""), title, summary, published, f))
        pages.sort(key=lambda p: (p.published, p.id), reverse=True)
        return pages

    def _changing_poll(self) -> int:
        with self._lock:
            self._changing_polls += 1
            p = self._changing_polls
            if self.change_every and p > 1 and (p - 1) % self.change_every == 0:
                self._changing_gen += 1
            return self.changing_count()

    def _gzip_bomb(self) -> bytes:
        with self._lock:
            if self._bomb is None:
                comp = zlib.compressobj(9, zlib.DEFLATED, 31)
                head = b"<!DOCTYPE html><html><head><title>Totally normal page</title></head><body><p>"
                parts = [comp.compress(head)]
                chunk = b" " * MB
                remaining = max(self.bomb_bytes - len(head), 0)
                while remaining > 0:
                    n = min(remaining, MB)
                    parts.append(comp.compress(chunk[:n]))
                    remaining -= n
                parts.append(comp.flush())
                self._bomb = b"".join(parts)
            return self._bomb

    # ---- rendering (cached per base URL) ----------------------------------------------

    def _cached(self, key: tuple, build: Callable[[], Resource]) -> Resource:
        with self._lock:
            res = self._cache.get(key)
        if res is None:
            res = build()
            with self._lock:
                self._cache[key] = res
        return res

    def _article_items(self, base: str, arts: list[Article]) -> list[FeedItem]:
        return [
            FeedItem(
                title=a.title,
                link=base + a.path,
                guid=base + a.path,
                published=a.published,
                summary=a.lede[:400],
                content_html=a.body_html(),
                author=a.author,
                categories=("World",),
            )
            for a in arts
        ]

    def render_article(self, a: Article, base: str, *, path: str | None = None, title: str | None = None) -> str:
        path = path or a.path
        url = base + path
        title = title or a.title
        arts = self.articles()
        idx = arts.index(a)
        related = [r for r in arts[max(0, idx - 3): idx + 4] if r is not a][:5]
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": _iso(a.published),
            "author": {"@type": "Organization", "name": a.author},
            "publisher": {"@type": "Organization", "name": "Wikinews"},
            "mainEntityOfPage": url,
            "image": base + "/image.jpg",
        }
        head = (
            f'<meta name="description" content="{_esc(a.lede[:200])}">\n'
            f'<meta name="author" content="{_esc(a.author)}">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{_esc(title)}">\n'
            '<meta property="og:site_name" content="Wikinews">\n'
            f'<meta property="og:url" content="{_esc(url)}">\n'
            f'<meta property="og:image" content="{_esc(base)}/image.jpg">\n'
            f'<meta property="article:published_time" content="{_iso(a.published)}">\n'
            '<meta property="article:section" content="World">\n'
            '<meta name="twitter:card" content="summary_large_image">\n'
            f'<link rel="canonical" href="{_esc(url)}">\n'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'
        )
        paras = [f"<p>{_esc(p)}</p>" for p in a.paragraphs]
        if len(paras) > 3:
            paras.insert(
                3,
                '<div class="ad-slot ad-inline" data-ad-unit="mid"><span>Advertisement</span>'
                "<p>Story continues below advertisement</p></div>",
            )
        human = a.published.strftime("%B %-d, %Y %H:%M UTC")
        dateline = f'<p class="dateline">{_esc(a.dateline)}</p>\n' if a.dateline else ""
        rel = "\n".join(
            f'<li><a href="{_esc(r.path)}">{_esc(r.title)}</a> '
            f'<time datetime="{_iso(r.published)}">{r.published:%b %-d, %Y}</time></li>'
            for r in related
        )
        body = (
            '<div class="ad-slot ad-leaderboard" data-ad-unit="top">Advertisement</div>\n'
            '<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> &rsaquo; '
            '<a href="/wikinews/">World</a></nav>\n'
            '<article class="story" itemscope itemtype="https://schema.org/NewsArticle">\n'
            f'<header class="story-header"><h1 itemprop="headline">{_esc(title)}</h1>\n'
            f'<p class="byline">By <span class="author" itemprop="author">{_esc(a.author)}</span> &middot; '
            f'<time datetime="{_iso(a.published)}" itemprop="datePublished">{human}</time></p></header>\n'
            f"{_share_bar(url, title)}\n"
            f'<div class="story-body" itemprop="articleBody">\n{dateline}' + "\n".join(paras) + "\n</div>\n"
            f'<footer class="story-footer"><p class="source">Originally published on '
            f'<a href="{_esc(a.source_url)}" rel="nofollow">Wikinews</a>; licensed CC BY 2.5.</p>'
            '<p class="tags">Filed under: <a href="/wikinews/">World</a></p></footer>\n'
            "</article>\n"
            f'<aside class="related" aria-labelledby="related-h"><h2 id="related-h">Related stories</h2>\n'
            f"<ul>\n{rel}\n</ul></aside>\n"
            '<aside class="most-read"><h2>Most read</h2><ol>'
            + "".join(f'<li><a href="{_esc(r.path)}">{_esc(r.title)}</a></li>' for r in arts[:5])
            + "</ol></aside>\n"
            '<section class="comments"><h2>Comments</h2><p>Comments are closed for this story.</p></section>'
        )
        return _page(
            title=f"{title} | Wikinews",
            body=body,
            head_extra=head,
            body_class="article-page",
            alternates=[("application/rss+xml", "Wikinews RSS", "/feeds/wikinews.rss")],
        )

    def build(self, path: str, base: str) -> Resource | None:
        """The cacheable resource for a content path, or None when the path is unknown."""
        key = (path, base)
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None:
            return hit
        res = self._build(path, base)
        if res is not None:
            with self._lock:
                self._cache[key] = res
        return res

    def _build(self, path: str, base: str) -> Resource | None:
        html_t = "text/html; charset=utf-8"
        if path == "/robots.txt":
            body = (
                "# Loopback newsroom\nUser-agent: *\nDisallow: /private/\n\n"
                f"Sitemap: {base}/sitemap.xml\n"
            ).encode()
            return Resource(body, "text/plain; charset=utf-8", SITE_EPOCH)
        if path == "/image.jpg":
            return Resource(_JPEG, "image/jpeg", SITE_EPOCH, compress=False)
        if path == "/static/site.css":
            return Resource(_CSS, "text/css; charset=utf-8", SITE_EPOCH)
        if path == "/static/app.js":
            return Resource(_JS, "application/javascript; charset=utf-8", SITE_EPOCH)
        if path == "/binary.html":
            rnd = random.Random(1234)
            return Resource(rnd.randbytes(64 * 1024), html_t, SITE_EPOCH, compress=False)
        if path == "/wrong-charset.html":
            return self._wrong_charset(1)
        if path == "/wrong-charset-2.html":
            return self._wrong_charset(2)
        if path == "/subscriptions.opml":
            return self._opml(base)
        if path == "/nofeed.html":
            return self._nofeed()
        if path == "/seed.html":
            return self._seed(base)
        if path in ("/", "/index.html"):
            return self._home()
        if path == "/sitemap.xml":
            arts = self.articles()
            urls = "".join(
                f"<url><loc>{_x(base + a.path)}</loc><lastmod>{_iso(a.published)}</lastmod></url>\n"
                for a in arts
            )
            body = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
            ).encode()
            return Resource(body, "application/xml; charset=utf-8", arts[0].published)
        if path == "/private/secret.html":
            a = self.articles()[-1]
            page = self.render_article(a, base, path=path, title="Embargoed: " + a.title)
            return Resource(page.encode(), html_t, a.published)
        if path in ("/wikinews", "/wikinews/"):
            return self._index("All stories", [(a.path, a.title, a.published) for a in self.articles()])
        m = re.fullmatch(r"/wikinews/([a-z0-9-]+)\.html", path)
        if m:
            a = self.article(m.group(1))
            if a is None:
                return None
            return Resource(self.render_article(a, base).encode(), html_t, a.published)
        if path in ("/aeb", "/aeb/"):
            return self._index(
                "Around the web", [(f"/aeb/{p.id}.html", p.title, p.published) for p in self.aeb_pages()]
            )
        m = re.fullmatch(r"/aeb/([0-9a-f]{16,64})\.html", path)
        if m:
            return self._aeb_page(m.group(1))
        if path.startswith("/feeds/"):
            return self._feed(path, base)
        return None

    def _index(self, heading: str, rows: list[tuple[str, str, datetime]]) -> Resource:
        lis = "\n".join(
            f'<li><a href="{_esc(p)}">{_esc(t)}</a> <time datetime="{_iso(d)}">{d:%b %-d, %Y}</time></li>'
            for p, t, d in rows
        )
        body = f'<section class="index"><h1>{_esc(heading)}</h1>\n<ul class="story-list">\n{lis}\n</ul></section>'
        page = _page(
            title=f"{heading} | Wikinews",
            body=body,
            body_class="index-page",
            alternates=[("application/rss+xml", "Wikinews RSS", "/feeds/wikinews.rss")],
        )
        last = max((d for _, _, d in rows), default=SITE_EPOCH)
        return Resource(page.encode(), "text/html; charset=utf-8", last)

    def _home(self) -> Resource:
        arts = self.articles()
        lead, rest = arts[0], arts[1:FEED_LIMIT]
        lis = "\n".join(
            f'<li><a href="{_esc(a.path)}">{_esc(a.title)}</a> '
            f'<time datetime="{_iso(a.published)}">{a.published:%b %-d}</time></li>'
            for a in rest
        )
        body = (
            '<section class="lead-story"><h2><a href="' + _esc(lead.path) + '">' + _esc(lead.title) + "</a></h2>"
            f"<p>{_esc(lead.lede[:300])}</p>"
            f'<figure><img src="/image.jpg" alt="" width="16" height="9"><figcaption>Top story</figcaption></figure>'
            "</section>\n"
            f'<section class="latest"><h2>Latest</h2><ul class="story-list">\n{lis}\n</ul></section>\n'
            '<aside class="more"><h2>More</h2><ul>'
            '<li><a href="/seed.html">From around the web</a></li>'
            '<li><a href="/aeb/">Benchmark pages</a></li>'
            '<li><a href="/nofeed.html">A page without feed links</a></li>'
            '<li><a href="/private/secret.html">Staff only</a></li>'
            '<li><a href="/subscriptions.opml">All our feeds (OPML)</a></li></ul></aside>'
        )
        page = _page(
            title="Wikinews — loopback edition",
            body=body,
            body_class="home",
            head_extra='<meta property="og:site_name" content="Wikinews">\n'
            '<meta name="description" content="News from the loopback newsroom">\n',
            alternates=[
                ("application/rss+xml", "Wikinews RSS", "/feeds/wikinews.rss"),
                ("application/atom+xml", "Wikinews Atom", "/feeds/wikinews.atom"),
                ("application/feed+json", "Wikinews JSON Feed", "/feeds/wikinews.json"),
            ],
        )
        return Resource(page.encode(), "text/html; charset=utf-8", lead.published)

    def _nofeed(self) -> Resource:
        body = (
            '<article class="page"><h1>Around the web</h1>'
            "<p>A selection of stories from other publishers, collected for the extraction benchmark. "
            "We do not advertise a feed in our page header, but there is one if you look for it.</p>"
            '<p>Follow us: <a href="/feeds/aeb.rss">RSS</a> &middot; '
            '<a href="https://twitter.com/example">Twitter</a></p></article>'
        )
        page = _page(title="Around the web | Wikinews", body=body, body_class="nofeed")
        return Resource(page.encode(), "text/html; charset=utf-8", SITE_EPOCH)

    def _aeb_page(self, pid: str) -> Resource | None:
        root = self.shared_dir / "data" / "aeb" / "html"
        f = root / f"{pid}.html.gz"
        if not f.is_file():
            if not root.is_dir():
                raise _NoData(f"no AEB pages under {root}")
            return None
        gz = f.read_bytes()
        when = datetime(2019, 11, 1, tzinfo=timezone.utc) + timedelta(minutes=_stable_int(pid) % (25 * 24 * 60))
        return Resource(
            gz,
            "text/html; charset=utf-8",
            when,
            etag=_etag(gz),
            content_encoding="gzip",
            decoded=lambda: gzip.decompress(gz),
        )

    def _wrong_charset(self, which: int) -> Resource:
        text_paras = [
            "Café owners on the Rue de l’Église say the new “résumé rule” is naïve: a crème brûlée "
            "now costs €7, and the maître d’ is not amused.",
            "The mayor’s office insisted the façade renovation — delayed since the spring — will "
            "finish before the Fête de la Musique, whatever the naysayers’ predictions.",
            "Jürgen Müller, who has run the Zürich-style bakery for 23 years, said: “We’ve seen "
            "worse. In ’98 the whole street was closed for six months.”",
            "Residents are invited to a public meeting on Thursday at the Hôtel de Ville, where the "
            "plans, the budget and the timetable will be presented in détail.",
        ]
        paras = "\n".join(f"<p>{_esc(p)}</p>" for p in text_paras)
        if which == 1:
            # header says utf-8, bytes are windows-1252, no meta to rescue the reader
            doc = (
                "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Café prices rise – locals protest</title>"
                "</head><body><article><h1>Café prices rise – locals protest</h1>\n"
                f"{paras}\n</article></body></html>\n"
            )
            body = doc.encode("cp1252", errors="xmlcharrefreplace")
            return Resource(body, "text/html; charset=utf-8", SITE_EPOCH, compress=True)
        doc = (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Café prices rise – locals protest</title></head><body><article>"
            f"<h1>Café prices rise – locals protest</h1>\n{paras}\n</article></body></html>\n"
        )
        return Resource(doc.encode("utf-8"), "text/html; charset=iso-8859-1", SITE_EPOCH)

    def _seed(self, base: str) -> Resource:
        f = self.shared_dir / "seed" / "aggregator-page.txt"
        if not f.is_file():
            raise _NoData(f"no seed page at {f}")
        return Resource(render_seed(f.read_text(encoding="utf-8"), base).encode(), "text/html; charset=utf-8",
                        datetime(2025, 9, 4, 18, 30, tzinfo=timezone.utc))

    def _opml(self, base: str) -> Resource:
        def o(name: str, path: str, typ: str = "rss") -> str:
            return (
                f'<outline type="{typ}" text={quoteattr(name)} title={quoteattr(name)} '
                f"xmlUrl={quoteattr(base + path)} htmlUrl={quoteattr(base + '/')}/>"
            )

        by_name = dict(_FEEDS_WELLFORMED)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n<head>\n'
            "<title>Loopback newsroom subscriptions</title>\n"
            f"<dateCreated>{_http_date(SITE_EPOCH)}</dateCreated>\n"
            "<ownerName>newsdesk tests</ownerName>\n</head>\n<body>\n"
            + o("Wikinews", by_name["Wikinews (RSS 2.0)"]) + "\n"
            + '<outline text="Wikinews formats" title="Wikinews formats">\n'
            + "\n".join(o(n, p) for n, p in _FEEDS_WELLFORMED if n.startswith("Wikinews") and n != "Wikinews (RSS 2.0)")
            + "\n</outline>\n"
            + '<outline text="Elsewhere" title="Elsewhere">\n'
            + "\n".join(o(n, p) for n, p in _FEEDS_WELLFORMED if not n.startswith("Wikinews"))
            + "\n</outline>\n</body>\n</opml>\n"
        ).encode()
        return Resource(body, "text/x-opml; charset=utf-8", SITE_EPOCH)

    def _feed(self, path: str, base: str) -> Resource | None:
        home = base + "/"
        self_url = base + path
        desc = "Latest stories from Wikinews, the free news source you can write."
        rss_t = "application/rss+xml; charset=utf-8"
        if path in ("/feeds/wikinews.rss", "/feeds/wikinews.atom", "/feeds/wikinews.json",
                    "/feeds/wikinews-rdf.xml", "/feeds/wikinews-091.xml", "/feeds/malformed.rss"):
            arts = self.articles()[: RSS091_LIMIT if path.endswith("-091.xml") else FEED_LIMIT]
            items = self._article_items(base, arts)
            last = arts[0].published
            if path == "/feeds/wikinews.rss":
                return Resource(rss2("Wikinews", home, self_url, desc, items), rss_t, last)
            if path == "/feeds/wikinews.atom":
                return Resource(atom("Wikinews", home, self_url, desc, items),
                                "application/atom+xml; charset=utf-8", last)
            if path == "/feeds/wikinews.json":
                return Resource(json_feed("Wikinews", home, self_url, desc, items),
                                "application/feed+json; charset=utf-8", last)
            if path == "/feeds/wikinews-rdf.xml":
                return Resource(rss1_rdf("Wikinews", home, self_url, desc, items),
                                "application/rdf+xml; charset=utf-8", last)
            if path == "/feeds/wikinews-091.xml":
                return Resource(rss091("Wikinews", home, desc, items), "application/rss+xml", last)
            full = rss2("Wikinews", home, self_url, desc, items)
            starts = [m.start() for m in re.finditer(rb"<item>", full)]
            cut = starts[len(starts) // 2] + 200 if len(starts) > 2 else len(full) // 2
            return Resource(full[:cut], rss_t, last)
        m = re.fullmatch(r"/feeds/wikinews-(\d{4})\.rss", path)
        if m:
            arts = [a for a in self.articles() if a.published.year == int(m.group(1))]
            if not arts:
                return None
            return Resource(
                rss2(f"Wikinews {m.group(1)}", home, self_url, f"Every Wikinews story of {m.group(1)}.",
                     self._article_items(base, arts)),
                rss_t, arts[0].published,
            )
        if path == "/feeds/aeb.rss":
            pages = self.aeb_pages()
            items = [
                FeedItem(
                    title=p.title, link=f"{base}/aeb/{p.id}.html", guid=f"{base}/aeb/{p.id}.html",
                    published=p.published, summary=p.summary,
                )
                for p in pages
            ]
            return Resource(
                rss2("Around the web", base + "/nofeed.html", self_url,
                     "Pages from the Article Extraction Benchmark.", items),
                rss_t, pages[0].published if pages else SITE_EPOCH,
            )
        return None

    def changing_feed(self, base: str, count: int) -> Resource:
        key = ("changing", base, count)
        return self._cached(key, lambda: self._build_changing(base, count))

    def _build_changing(self, base: str, count: int) -> Resource:
        chrono = list(reversed(self.articles()))
        n = len(chrono)
        items = []
        for k in range(count):
            a = chrono[k % n]
            rnd = k // n
            suffix = f" (update {rnd})" if rnd else ""
            link = base + a.path + (f"?v={rnd}" if rnd else "")
            items.append(
                FeedItem(
                    title=a.title + suffix, link=link, guid=f"{base}/feeds/changing/{k}",
                    published=CHANGING_EPOCH + timedelta(hours=k), summary=a.lede[:400],
                    author=a.author, guid_is_permalink=False,
                )
            )
        items.reverse()
        body = rss2("Live updates", base + "/", base + "/feeds/changing.rss",
                    "A feed that gains an item every few polls.", items)
        return Resource(body, "application/rss+xml; charset=utf-8", items[0].published if items else CHANGING_EPOCH,
                        cache_control="max-age=0, must-revalidate")


_FEEDS_WELLFORMED: list[tuple[str, str]] = [
    ("Wikinews (RSS 2.0)", "/feeds/wikinews.rss"),
    ("Wikinews (Atom)", "/feeds/wikinews.atom"),
    ("Wikinews (JSON Feed)", "/feeds/wikinews.json"),
    ("Wikinews (RSS 1.0)", "/feeds/wikinews-rdf.xml"),
    ("Wikinews (RSS 0.91)", "/feeds/wikinews-091.xml"),
    ("Wikinews 2019", "/feeds/wikinews-2019.rss"),
    ("Wikinews 2020", "/feeds/wikinews-2020.rss"),
    ("Around the web (AEB)", "/feeds/aeb.rss"),
    ("Live updates", "/feeds/changing.rss"),
]


def render_seed(text: str, base: str) -> str:
    """The seed aggregator page (plain text) as the markup an aggregator site would serve."""
    lines = [ln.strip() for ln in text.splitlines()]
    nonblank = [ln for ln in lines if ln]
    title = nonblank[0]
    rest = lines[lines.index(title) + 1:]
    try:
        cut = rest.index("You May Also Like")
    except ValueError:
        cut = len(rest)
    body_lines, related_lines = rest[:cut], [ln for ln in rest[cut + 1:] if ln]
    credit_re = re.compile(r"^(.*?)\s*\(([^()]*/[^()]*)\)\s*$")
    parts: list[str] = []
    share = (
        '<div class="share-follow"><span>Share and Follow</span><ul class="social">'
        '<li><a href="https://www.facebook.com/">Facebook</a></li>'
        '<li><a href="https://x.com/">X</a></li><li><a href="https://news.google.com/">Google News</a></li>'
        "</ul></div>"
    )
    for ln in body_lines:
        if not ln:
            continue
        if ln == "Share and Follow":
            parts.append(share)
        elif ln.startswith("NEW") and "listen" in ln.lower():
            parts.append(
                '<div class="listen-promo"><span class="badge">NEW</span>'
                f'<button class="listen" type="button">{_esc(ln[3:])}</button>'
                '<audio preload="none" src="/static/listen.mp3"></audio></div>'
            )
        elif m := credit_re.match(ln):
            parts.append(
                '<figure class="inline-image"><img src="/image.jpg" width="16" height="9" '
                f'alt="{_esc(_shorten(m.group(1), 100))}"><figcaption><span class="caption">{_esc(m.group(1))}</span> '
                f'<span class="credit">({_esc(m.group(2))})</span></figcaption></figure>'
            )
        elif len(ln) < 90 and not re.search(r"[.!?\"”…:]$", ln):
            parts.append(f"<h2>{_esc(ln)}</h2>")
        else:
            parts.append(f"<p>{_esc(ln)}</p>")
    # share bars belong outside the article body, like on the real page
    lead_share = parts.pop(0) if parts and parts[0] == share else ""
    tail_share = parts.pop() if parts and parts[-1] == share else ""
    if len(related_lines) % 3 == 0:
        cards = [
            '<li class="card"><a href="/wikinews/">'
            f'<img src="/image.jpg" alt="{_esc(related_lines[i])}" width="16" height="9">'
            f"<h3>{_esc(related_lines[i + 1])}</h3><p>{_esc(related_lines[i + 2])}</p></a></li>"
            for i in range(0, len(related_lines), 3)
        ]
    else:
        cards = [f'<li class="card"><a href="/wikinews/">{_esc(ln)}</a></li>' for ln in related_lines]
    url = base + "/seed.html"
    head = (
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{_esc(title)}">\n'
        '<meta property="og:site_name" content="The Daily Aggregate">\n'
        f'<meta property="og:url" content="{_esc(url)}">\n'
        '<meta property="article:published_time" content="2025-09-04T18:30:00Z">\n'
        '<meta name="author" content="Staff">\n'
        f'<link rel="canonical" href="{_esc(url)}">\n'
    )
    body = (
        '<div class="ad-slot ad-leaderboard">Advertisement</div>\n'
        '<article class="post">\n'
        f'<header><h1 class="post-title">{_esc(title)}</h1>'
        '<p class="byline">By <span class="author">Staff</span> &middot; '
        '<time datetime="2025-09-04T18:30:00Z">September 4, 2025</time></p></header>\n'
        f"{lead_share}\n"
        '<div class="post-content">\n' + "\n".join(parts) + "\n</div>\n"
        f"{tail_share}\n</article>\n"
        '<aside class="related you-may-also-like"><h2>You May Also Like</h2>\n<ul class="cards">\n'
        + "\n".join(cards)
        + "\n</ul></aside>"
    )
    return _page(title=f"{title} | The Daily Aggregate", body=body, head_extra=head, body_class="single-post")


# --------------------------------------------------------------------------------------------
# request handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "newsroom/1.0"
    sys_version = ""
    timeout = 60
    disable_nagle_algorithm = True  # headers and body go out in separate writes; avoid 40 ms stalls
    server: _Server

    # quiet unless asked
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if self.server.newsroom.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_POST(self) -> None:
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(min(n, 10 * MB))
        self._record()
        self._send_simple(405, "Method not allowed\n", [("Allow", "GET, HEAD")], head=False)

    # ---- plumbing ------------------------------------------------------------------------

    @property
    def nr(self) -> Newsroom:
        return self.server.newsroom

    def _base(self) -> str:
        host = self.headers.get("Host")
        return f"http://{host}" if host else self.nr.base_url

    def _record(self) -> None:
        with self.nr._lock:
            self.nr._requests.append((self.command, self.path, dict(self.headers.items())))

    def _serve(self, head: bool) -> None:
        self._record()
        try:
            parts = urlsplit(self.path)
            self._route(parts.path or "/", parts.query, head)
        except _NoData as e:
            self._send_simple(404, f"shared data not available: {e}\n", head=head)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        except Exception as e:  # pragma: no cover - surfaces bugs as 500s rather than hangs
            try:
                self._send_simple(500, f"newsroom bug: {type(e).__name__}: {e}\n", head=head)
            except OSError:
                self.close_connection = True
            raise

    def _send_simple(self, status: int, text: str, headers: list[tuple[str, str]] = (), *, head: bool,
                     ctype: str = "text/plain; charset=utf-8") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if not head and status not in (204, 304) and status >= 200:
            self.wfile.write(body)

    def _redirect(self, status: int, location: str, head: bool) -> None:
        self._send_simple(status, f"Moved to {location}\n", [("Location", location)], head=head)

    def _not_modified(self, res: Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            if not res.etag:
                return False
            wanted = {res.etag, res.etag[:-1] + '-gzip"'}
            for tag in inm.split(","):
                tag = tag.strip()
                if tag == "*":
                    return True
                if tag.startswith("W/"):
                    tag = tag[2:]
                if tag in wanted:
                    return True
            return False
        ims = self.headers.get("If-Modified-Since")
        if ims and res.last_modified is not None:
            try:
                since = email.utils.parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=timezone.utc)
            return int(res.last_modified.timestamp()) <= since.timestamp()
        return False

    def send_resource(self, res: Resource, head: bool) -> None:
        gz_ok = _accepts_gzip(self.headers.get("Accept-Encoding"))
        body, encoding = res.body, res.content_encoding
        if encoding == "gzip" and not gz_ok and res.decoded is not None:
            body, encoding = res.decoded(), None
        elif encoding is None and res.compress and gz_ok and len(body) > 256:
            body, encoding = gzip.compress(body, compresslevel=6, mtime=0), "gzip"
        etag = res.etag
        if etag and encoding == "gzip" and res.content_encoding is None:
            etag = etag[:-1] + '-gzip"'
        meta: list[tuple[str, str]] = []
        if etag:
            meta.append(("ETag", etag))
        if res.last_modified is not None:
            meta.append(("Last-Modified", _http_date(res.last_modified)))
        if res.cache_control:
            meta.append(("Cache-Control", res.cache_control))
        if res.compress or res.content_encoding:
            meta.append(("Vary", "Accept-Encoding"))
        if res.conditional and res.status == 200 and self._not_modified(res):
            self.send_response(304)
            for k, v in meta:
                self.send_header(k, v)
            self.end_headers()
            return
        self.send_response(res.status)
        self.send_header("Content-Type", res.content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        for k, v in meta + res.headers:
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    # ---- routing -------------------------------------------------------------------------

    def _route(self, path: str, query: str, head: bool) -> None:
        nr = self.nr
        qs = parse_qs(query)
        suffix = ("?" + query) if query else ""

        m = re.fullmatch(r"/redirect(?:-(30[12378]))?/(\d+)/(.*)", path)
        if m:
            code, n, rest = int(m.group(1) or 302), min(int(m.group(2)), 100), m.group(3)
            if n <= 0:
                return self._route("/" + rest, query, head)
            prefix = f"/redirect-{code}" if m.group(1) else "/redirect"
            nxt = f"{prefix}/{n - 1}/{rest}" if n > 1 else "/" + rest
            return self._redirect(code, self._base() + nxt + suffix, head)
        if path == "/redirect-loop":
            return self._redirect(302, "/redirect-loop-2", head)
        if path == "/redirect-loop-2":
            return self._redirect(302, self._base() + "/redirect-loop", head)

        m = re.fullmatch(r"/slow/([0-9.]+)/(.*)", path)
        if m:
            try:
                delay = min(max(float(m.group(1)), 0.0), SLOW_CAP_S)
            except ValueError:
                delay = 0.0
            if nr._stop.wait(delay):
                self.close_connection = True
                return
            return self._route("/" + m.group(2), query, head)

        m = re.fullmatch(r"/drip/([0-9.]+)/(.*)", path)
        if m:
            try:
                delay = min(max(float(m.group(1)), 0.0), SLOW_CAP_S)
            except ValueError:
                delay = 0.0
            return self._drip(delay, "/" + m.group(2), head)

        m = re.fullmatch(r"/flaky/(\d+)/(.*)", path)
        if m:
            with nr._lock:
                seen = nr._flaky.get(self.path, 0)
                nr._flaky[self.path] = seen + 1
            if seen < int(m.group(1)):
                return self._send_simple(503, "Service temporarily unavailable\n", [("Retry-After", "1")],
                                         head=head)
            return self._route("/" + m.group(2), query, head)

        m = re.fullmatch(r"/status/(\d{3})", path)
        if m:
            return self._status(int(m.group(1)), qs, head)

        if path == "/feeds/moved.rss":
            return self._redirect(301, self._base() + "/feeds/wikinews.rss", head)
        if path == "/feeds/gone.rss":
            return self._send_simple(410, "This feed has been discontinued.\n", head=head)
        if path == "/feeds/changing.rss":
            count = nr._changing_poll() if self.command == "GET" else nr.changing_count()
            return self.send_resource(nr.changing_feed(self._base(), count), head)
        if path in ("/huge.html", "/huge-chunked.html"):
            size = nr.huge_bytes
            if "bytes" in qs:
                try:
                    size = max(0, min(int(qs["bytes"][0]), 4 * 1024 * MB))
                except ValueError:
                    pass
            return self._huge(size, chunked=path == "/huge-chunked.html", head=head)
        if path == "/gzip-bomb.html":
            bomb = nr._gzip_bomb()
            return self.send_resource(
                Resource(bomb, "text/html; charset=utf-8", SITE_EPOCH, content_encoding="gzip",
                         cache_control="no-store"),
                head,
            )

        res = nr.build(path, self._base())
        if res is None:
            page = _page(title="Page not found | Wikinews",
                         body='<section class="error"><h1>Sorry, we couldn’t find that page</h1>'
                              '<p><a href="/">Back to the front page</a></p></section>')
            return self._send_simple(404, page, head=head, ctype="text/html; charset=utf-8")
        return self.send_resource(res, head)

    def _status(self, code: int, qs: dict[str, list[str]], head: bool) -> None:
        if not 200 <= code <= 599:
            return self._send_simple(400, "status must be 200..599\n", head=head)
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "Unknown"
        headers: list[tuple[str, str]] = []
        if code in (429, 503):
            headers.append(("Retry-After", (qs.get("retry_after") or ["2"])[0]))
        if 300 <= code < 400 and code != 304:
            headers.append(("Location", self._base() + "/"))
        if code in (204, 304):
            self.send_response(code)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            return
        page = f"<!DOCTYPE html><html><head><title>{code} {phrase}</title></head><body><h1>{code} {phrase}</h1></body></html>\n"
        self._send_simple(code, page, headers, head=head, ctype="text/html; charset=utf-8")

    def _drip(self, seconds: float, inner: str, head: bool) -> None:
        res = self.nr.build(inner, self._base())
        if res is None:
            return self._send_simple(404, "nothing to drip\n", head=head)
        body = res.decoded() if res.content_encoding and res.decoded else res.body
        self.send_response(200)
        self.send_header("Content-Type", res.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if head:
            return
        pieces = 10
        step = max(1, -(-len(body) // pieces))
        for i in range(0, len(body), step):
            self.wfile.write(body[i:i + step])
            self.wfile.flush()
            if i + step < len(body) and self.nr._stop.wait(seconds / pieces):
                self.close_connection = True
                return

    def _huge(self, size: int, *, chunked: bool, head: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        if head:
            return
        for block in _huge_blocks(size):
            if self.nr._stop.is_set():
                self.close_connection = True
                return
            if chunked:
                self.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
            else:
                self.wfile.write(block)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


def _huge_blocks(size: int, block: int = 256 * 1024) -> Iterator[bytes]:
    """Exactly ``size`` bytes of HTML, generated on the fly."""
    head = b"<!DOCTYPE html><html><head><title>A very long page</title></head><body><article>\n"
    tail = b"</article></body></html>\n"
    para = b"<p>All work and no play makes the newsroom a dull place; the story goes on and on.</p>\n"
    filler = para * (block // len(para) + 1)
    if size <= len(head) + len(tail):
        yield (head + tail)[:size]
        return
    yield head
    remaining = size - len(head) - len(tail)
    while remaining > 0:
        n = min(remaining, block)
        yield filler[:n]
        remaining -= n
    yield tail
