"""The loopback newsroom (newsroom/, test/dev code) behaves like the real sites it imitates."""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import feedparser
import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsroom import Newsroom  # noqa: E402

SHARED = Path(os.environ.get("NEWSDESK_SHARED") or ROOT.parent / "shared")


def _need_wikinews():
    if not any((SHARED / "data" / "wikinews").glob("*.csv")):
        pytest.skip(f"needs the Wikinews CSVs under {SHARED / 'data' / 'wikinews'} "
                    "(the shared data folder beside the repo; set NEWSDESK_SHARED to point elsewhere)")


def _get(nr, path, **kw):
    kw.setdefault("timeout", 30)
    return httpx.get(nr.url(path), **kw)


def _parse(resp):
    return feedparser.parse(resp.content, response_headers={k.lower(): v for k, v in resp.headers.items()})


@pytest.fixture
def bare(tmp_path):
    """A newsroom with no shared data: the synthetic behaviours must still work."""
    with Newsroom(shared_dir=tmp_path) as nr:
        yield nr


# ---- without shared data --------------------------------------------------------------------


def test_binds_loopback_ephemeral_port(bare):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", bare.base_url)
    assert bare.port != 0
    assert bare.url("/x") == bare.base_url + "/x"


def test_robots_txt(bare):
    r = _get(bare, "/robots.txt")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    lines = r.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /private/" in lines
    assert bare.hits("/robots.txt") == 1


def test_redirect_chain_length_and_landing(bare):
    r = _get(bare, "/redirect/4/robots.txt?x=1", follow_redirects=True)
    assert r.status_code == 200
    assert len(r.history) == 4
    assert all(h.status_code == 302 for h in r.history)
    assert r.url.path == "/robots.txt" and r.url.query == b"x=1"
    r = _get(bare, "/redirect-301/2/robots.txt", follow_redirects=True)
    assert [h.status_code for h in r.history] == [301, 301]


def test_redirect_loop(bare):
    with pytest.raises(httpx.TooManyRedirects):
        _get(bare, "/redirect-loop", follow_redirects=True)


@pytest.mark.parametrize("code", [404, 500, 429, 503, 410])
def test_status_codes(bare, code):
    r = _get(bare, f"/status/{code}")
    assert r.status_code == code
    if code in (429, 503):
        assert r.headers["retry-after"] == "2"


def test_flaky_then_ok(bare):
    codes = [_get(bare, "/flaky/2/robots.txt?t=flaky").status_code for _ in range(3)]
    assert codes == [503, 503, 200]


def test_slow_serves_the_inner_path(bare):
    r = _get(bare, "/slow/0.2/robots.txt")
    assert r.status_code == 200 and "Disallow: /private/" in r.text
    r = _get(bare, "/drip/0.2/robots.txt")
    assert r.status_code == 200 and "Disallow: /private/" in r.text


def test_wrong_charset_pages(bare):
    r = _get(bare, "/wrong-charset.html")
    assert "charset=utf-8" in r.headers["content-type"]
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")
    assert "Café".encode("cp1252") in r.content
    r = _get(bare, "/wrong-charset-2.html")
    assert "charset=iso-8859-1" in r.headers["content-type"]
    assert "Café".encode("utf-8") in r.content
    assert b'<meta charset="utf-8">' in r.content


def test_huge_streams_with_and_without_length(bare):
    r = httpx.head(bare.url("/huge.html"), timeout=30)
    assert int(r.headers["content-length"]) == 50 * 1024 * 1024
    with httpx.stream("GET", bare.url("/huge-chunked.html?bytes=3000000"), timeout=30) as r:
        assert "content-length" not in r.headers
        assert sum(len(b) for b in r.iter_raw()) == 3_000_000


def test_gzip_bomb_is_small_on_the_wire(bare):
    r = _get(bare, "/gzip-bomb.html", headers={"Accept-Encoding": "identity"})
    assert r.headers["content-encoding"] == "gzip"  # sent gzip even though the client refused it
    with httpx.stream("GET", bare.url("/gzip-bomb.html"), timeout=30) as s:
        wire = b"".join(s.iter_raw())
    assert len(wire) < 1024 * 1024
    d = zlib.decompressobj(31)
    out = d.decompress(wire, 50 * 1024 * 1024)
    assert len(out) == 50 * 1024 * 1024 and d.unconsumed_tail  # inflates past 50 MB


def test_binary_and_image(bare):
    r = _get(bare, "/binary.html")
    assert r.headers["content-type"].startswith("text/html") and len(r.content) == 65536
    r = _get(bare, "/image.jpg")
    assert r.headers["content-type"] == "image/jpeg" and r.content[:3] == b"\xff\xd8\xff"


def test_content_without_data_is_a_clear_404(bare):
    r = _get(bare, "/feeds/wikinews.rss")
    assert r.status_code == 404 and "shared data not available" in r.text


def test_request_log(bare):
    _get(bare, "/robots.txt?a=1", headers={"User-Agent": "newsdesk-test"})
    _get(bare, "/robots.txt?a=2")
    assert bare.hits("/robots.txt") == 2
    assert bare.hits("/robots.txt?a=1") == 1
    assert bare.hits(bare.url("/robots.txt")) == 2
    method, path, headers = bare.requests[0]
    assert method == "GET" and path == "/robots.txt?a=1" and headers["User-Agent"] == "newsdesk-test"
    bare.reset()
    assert bare.requests == []


# ---- with shared data (fixture skips when ../shared is absent) --------------------------------


WELLFORMED_XML_FEEDS = {
    "/feeds/wikinews.rss": ("rss20", 30),
    "/feeds/wikinews.atom": ("atom10", 30),
    "/feeds/wikinews-rdf.xml": ("rss10", 30),
    "/feeds/wikinews-091.xml": ("rss091n", 15),
    "/feeds/wikinews-2019.rss": ("rss20", None),
    "/feeds/aeb.rss": ("rss20", 181),
    "/feeds/changing.rss": ("rss20", None),
}


@pytest.mark.parametrize("path", sorted(WELLFORMED_XML_FEEDS))
def test_feeds_parse_with_feedparser(newsroom, path):
    version, count = WELLFORMED_XML_FEEDS[path]
    r = _get(newsroom, path)
    assert r.status_code == 200
    d = _parse(r)
    assert not d.bozo, d.get("bozo_exception")
    assert d.version == version
    assert d.entries
    if count is not None:
        assert len(d.entries) == count
    for e in d.entries:
        assert e.title and e.link.startswith(newsroom.base_url + "/")


def test_feed_links_resolve_to_articles(newsroom):
    d = _parse(_get(newsroom, "/feeds/wikinews.rss"))
    e = d.entries[0]
    assert e.get("published_parsed") and e.get("content")
    page = httpx.get(e.link, timeout=30)
    assert page.status_code == 200
    assert f"<title>{e.title}" in page.text or "| Wikinews</title>" in page.text


def test_json_feed(newsroom):
    r = _get(newsroom, "/feeds/wikinews.json")
    assert r.headers["content-type"].startswith("application/feed+json")
    doc = json.loads(r.content)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert len(doc["items"]) == 30
    assert all(i["url"].startswith(newsroom.base_url) and i["date_published"] for i in doc["items"])


def test_malformed_feed_is_bozo(newsroom):
    d = _parse(_get(newsroom, "/feeds/malformed.rss"))
    assert d.bozo


def test_etag_and_last_modified_give_304(newsroom):
    path = "/feeds/wikinews.atom"
    before = newsroom.hits(path)
    r = _get(newsroom, path)
    etag, lm = r.headers["etag"], r.headers["last-modified"]
    assert r.status_code == 200 and etag and lm
    r2 = _get(newsroom, path, headers={"If-None-Match": etag})
    assert r2.status_code == 304 and r2.content == b""
    assert r2.headers["etag"] == etag
    assert _get(newsroom, path, headers={"If-Modified-Since": lm}).status_code == 304
    assert _get(newsroom, path, headers={"If-None-Match": '"something-else"'}).status_code == 200
    assert newsroom.hits(path) - before == 4


def test_gzip_when_accepted(newsroom):
    with httpx.stream("GET", newsroom.url("/feeds/wikinews.rss"), headers={"Accept-Encoding": "gzip"}) as r:
        wire = b"".join(r.iter_raw())
    assert r.headers["content-encoding"] == "gzip"
    assert gzip.decompress(wire).startswith(b"<?xml")
    r = _get(newsroom, "/feeds/wikinews.rss", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in r.headers and r.content.startswith(b"<?xml")


def test_aeb_pages_gzip_and_identity(newsroom):
    link = _parse(_get(newsroom, "/feeds/aeb.rss")).entries[0].link
    with httpx.stream("GET", link, headers={"Accept-Encoding": "gzip"}) as r:
        wire = b"".join(r.iter_raw())
    assert r.headers["content-encoding"] == "gzip"
    plain = _get(newsroom, link[len(newsroom.base_url):], headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert gzip.decompress(wire) == plain.content


def test_changing_feed_grows():
    _need_wikinews()
    with Newsroom(shared_dir=SHARED, change_every=3) as nr:
        counts = [len(_parse(_get(nr, "/feeds/changing.rss")).entries) for _ in range(7)]
        assert counts == [5, 5, 5, 6, 6, 6, 7]  # a new item every 3rd poll
        nr.advance()
        after = _parse(_get(nr, "/feeds/changing.rss"))
        assert len(after.entries) == 8
        guids = [e.id for e in after.entries]
        assert len(set(guids)) == len(guids)


def test_changing_feed_conditional_get():
    _need_wikinews()
    with Newsroom(shared_dir=SHARED, change_every=0) as nr:
        etag = _get(nr, "/feeds/changing.rss").headers["etag"]
        assert _get(nr, "/feeds/changing.rss", headers={"If-None-Match": etag}).status_code == 304
        nr.advance()
        assert _get(nr, "/feeds/changing.rss", headers={"If-None-Match": etag}).status_code == 200


def test_home_autodiscovery_and_nofeed(newsroom):
    home = _get(newsroom, "/").text
    alts = re.findall(r'<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"', home)
    assert ("application/rss+xml", "/feeds/wikinews.rss") in alts
    assert ("application/atom+xml", "/feeds/wikinews.atom") in alts
    assert ("application/feed+json", "/feeds/wikinews.json") in alts
    nofeed = _get(newsroom, "/nofeed.html").text
    assert 'rel="alternate"' not in nofeed
    assert '<a href="/feeds/aeb.rss">RSS</a>' in nofeed


def test_opml_lists_feeds(newsroom):
    r = _get(newsroom, "/subscriptions.opml")
    root = ET.fromstring(r.content)
    urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    assert newsroom.url("/feeds/wikinews.rss") in urls
    assert newsroom.url("/feeds/aeb.rss") in urls
    assert len(urls) == len(newsroom.feed_paths())


def test_article_page_has_real_site_debris(newsroom):
    d = _parse(_get(newsroom, "/feeds/wikinews.rss"))
    page = _get(newsroom, d.entries[3].link[len(newsroom.base_url):]).text
    for needle in (
        "| Wikinews</title>", 'property="og:title"', 'property="og:site_name" content="Wikinews"',
        'property="article:published_time"', 'name="author"', 'rel="canonical"', "<article",
        'class="share-bar"', "Related stories", 'id="cookie-banner"', 'class="site-footer"', "<nav",
    ):
        assert needle in page, needle
    assert page.count("<p>") >= 2


def test_seed_page_markup(newsroom):
    page = _get(newsroom, "/seed.html").text
    assert "<figure" in page and "<figcaption>" in page and 'class="credit"' in page
    assert '<aside class="related' in page and "You May Also Like" in page
    assert "Share and Follow" in page and "listen-promo" in page
    assert "Zakharova" in page


def test_private_page_exists_but_is_disallowed(newsroom):
    assert _get(newsroom, "/private/secret.html").status_code == 200
    assert "/private/secret.html" in _get(newsroom, "/").text
