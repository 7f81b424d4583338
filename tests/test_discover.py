"""Feed autodiscovery and the cheap feed sniff."""

from __future__ import annotations

import gzip
import json

import pytest


from newsdesk.sources.discover import (  # noqa: E402
    COMMON_PATHS,
    discover_feeds,
    find_feed_candidates,
    looks_like_feed,
)
from newsdesk.sources.feeds import FeedError, parse_feed  # noqa: E402

from shareddata import SHARED  # noqa: E402
AEB = SHARED / "data" / "aeb"
FIXTURES = SHARED / "data" / "feeds" / "feedparser-fixtures"

GUESSES = [f"https://www.example.com{p}" for p in COMMON_PATHS]

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Example News</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Example &raquo; Comments Feed" href="/comments/feed/">
<link rel="alternate" type="application/json" href="https://www.example.com/wp-json/wp/v2/posts/12">
<link rel="alternate" type="application/rss+xml" title="Example News" href="/feed/">
<link rel="alternate" type="application/atom+xml" href="atom.xml">
<link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel="alternate" type="application/feed+json" href="https://www.example.com/feed.json">
<link rel="alternate" type="text/html" hreflang="de" href="/de/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body>
<a href="/feedback">Feedback</a>
<a href="/sitemap.xml">Sitemap</a>
<a href="/rss/world.xml">World</a>
<a href="https://feeds.example.com/all">RSS</a>
<a href="https://other.example.net/rss">Their RSS</a>
<a href="/about">About us</a>
<a href="/feed/">feed</a>
</body></html>"""


def test_discover_order_and_tiers():
    cands = find_feed_candidates(PAGE, "https://www.example.com/news/page.html")
    got = [(c.url, c.tier) for c in cands]
    assert got == [
        ("https://www.example.com/feed/", "link"),
        ("https://www.example.com/news/atom.xml", "link"),
        ("https://www.example.com/feed.json", "link"),
        ("https://www.example.com/comments/feed/", "link"),   # comment feeds after the real ones
        ("https://www.example.com/wp-json/wp/v2/posts/12", "link"),  # REST "json" last
        ("https://www.example.com/rss/world.xml", "anchor"),
        ("https://feeds.example.com/all", "anchor"),
    ] + [(u, "guess") for u in GUESSES]
    urls = discover_feeds(PAGE, "https://www.example.com/news/page.html")
    assert urls == [c.url for c in cands]
    assert len(urls) == len(set(urls))
    assert urls[0] == "https://www.example.com/feed/"
    assert urls[-len(COMMON_PATHS):] == GUESSES
    assert not any("javascript" in u or "other.example.net" in u or "feedback" in u or "sitemap" in u for u in urls)


def test_base_href_and_bytes_input():
    html = (b'<html><head><base href="https://cdn.example.org/site/">'
            b'<link rel="alternate" type="application/atom+xml" href="atom"></head></html>')
    assert discover_feeds(html, "https://example.org/x")[0] == "https://cdn.example.org/site/atom"


def test_rel_feed_and_type_parameters():
    html = ('<link rel="Alternate" type="application/RSS+XML; charset=utf-8" href="/a">'
            '<link rel="feed" href="/b">')
    assert discover_feeds(html, "http://e.example/")[:2] == ["http://e.example/a", "http://e.example/b"]


@pytest.mark.parametrize("html", ["", b"", "   ", b"\x00\x01\x02", "<<<>>>", "plain text, no tags"])
def test_garbage_pages_give_only_guesses(html):
    assert discover_feeds(html, "https://www.example.com/x") == GUESSES


def test_non_http_base_gives_nothing():
    assert discover_feeds("<a href='/rss'>rss</a>", "file:///etc/passwd") == []


# --------------------------------------------------------------------------- looks_like_feed

RSS = b'<?xml version="1.0"?>\n<!-- hi --><rss version="2.0"><channel/></rss>'


@pytest.mark.parametrize(
    "data, ctype, expected",
    [
        (RSS, "application/rss+xml", True),
        (RSS, "text/html", True),  # the bytes decide
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"/>', None, True),
        ('<?xml version="1.0" encoding="utf-16"?><feed/>'.encode("utf-16"), None, True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', None, True),
        (b'<!DOCTYPE rss PUBLIC "-//Netscape" "x.dtd">\n<rss version="0.91"/>', None, True),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "application/feed+json", True),
        (b'{"title": "x", "items": [], "version": "https://jsonfeed.org/version/1"}', "application/json", True),
        (b'{"hello": "world"}', "application/json", False),
        (b"<!DOCTYPE html><html><head><title>rss</title></head></html>", "application/rss+xml", False),
        (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "application/xml", True),
        (b"<sitemapindex/>", "application/xml", False),
        (b"", "application/rss+xml", False),
        (b"\x89PNG\r\n", None, False),
    ],
)
def test_looks_like_feed(data, ctype, expected):
    assert looks_like_feed(data, ctype) is expected


@pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"feedparser fixtures not found at {FIXTURES}")
def test_looks_like_feed_agrees_with_parser_on_wellformed_fixtures():
    """Every well-formed RSS/Atom fixture that parses is also sniffed as a feed."""
    misses = []
    for sub in ("rss", "atom", "atom10", "rdf"):
        for path in sorted((FIXTURES / "wellformed" / sub).glob("*.xml")):
            data = path.read_bytes()
            try:
                parse_feed(data, "http://x.example/", None)
            except FeedError:
                continue
            if not looks_like_feed(data, None):
                misses.append(path.name)
    assert not misses, misses[:20]


# --------------------------------------------------------------------------- real pages


@pytest.mark.skipif(not (AEB / "ground-truth.json").is_file(), reason=f"AEB pages not found at {AEB}")
def test_real_pages():
    truth = json.loads((AEB / "ground-truth.json").read_text())
    with_links = 0
    for page_id, meta in truth.items():
        path = AEB / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        cands = find_feed_candidates(gzip.decompress(path.read_bytes()), meta["url"])
        urls = [c.url for c in cands]
        assert len(urls) == len(set(urls))
        assert all(u.startswith(("http://", "https://")) for u in urls)
        tiers = [c.tier for c in cands]
        assert tiers == sorted(tiers, key=["link", "anchor", "guess"].index)
        with_links += "link" in tiers
    assert with_links > 60  # 81 of the 181 pages declare a feed
