"""Feed ingest: every feedparser fixture goes through without a crash and no
script / event handler / dangerous URL survives; behaviour on RSS, Atom,
RSS 1.0, JSON Feed, broken feeds, HTML pages and news sitemaps."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest


import lxml.html  # noqa: E402

from newsdesk.sources.feeds import (  # noqa: E402
    FeedError,
    ParsedFeed,
    entry_to_article,
    html_to_paragraphs,
    parse_feed,
    parse_sitemap,
)

from shareddata import SHARED  # noqa: E402
FIXTURES = SHARED / "data" / "feeds" / "feedparser-fixtures"
CC = SHARED / "data" / "feeds" / "commoncrawl-news-crawl"


# --------------------------------------------------------------------------- safety check

BAD_TAGS = {"script", "iframe", "object", "embed", "form", "style", "frame", "frameset", "applet",
            "meta", "link", "base", "svg", "math", "template", "noscript"}
BAD_URL = re.compile(r"^(javascript|vbscript|livescript|data)\s*:", re.I)
_CTRL = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_bits(html: str) -> list[str]:
    """What in ``html`` could run script when served; [] when it is safe."""
    found = []
    if not html:
        return found
    if re.search(r"<\s*script", html, re.I):
        found.append("<script")
    if re.search(r"<[^>]*\son\w+\s*=", html, re.I):
        found.append("on*= inside a tag")
    doc = lxml.html.document_fromstring(f"<html><body><div>{html}</div></body></html>")
    for node in (doc,):
        for el in node.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag.lower() in BAD_TAGS:
                found.append(f"<{el.tag}>")
            for name, value in el.attrib.items():
                lname = name.lower()
                if lname.startswith("on"):
                    found.append(f"{el.tag} @{name}")
                if lname == "style":
                    found.append(f"{el.tag} @style")
                v = _CTRL.sub("", value or "")
                if BAD_URL.match(v) and not re.match(r"^data\s*:\s*image/(png|gif|jpe?g|webp)", v, re.I):
                    found.append(f"{el.tag} @{name}={value[:40]!r}")
                if lname in ("href", "src") and re.match(r"^data\s*:", v, re.I):
                    found.append(f"{el.tag} @{name}=data:")
    return found


def unsafe_text(text: str) -> list[str]:
    """Plain-text fields (titles, authors, tags) must carry no markup at all."""
    found = []
    if re.search(r"<\s*(script|iframe|object|embed|form|style|img|a|svg)\b", text or "", re.I):
        found.append("markup in plain text")
    return found


def test_unsafe_bits_catches_things():
    assert unsafe_bits('<p onclick="x()">a</p>')
    assert unsafe_bits('<a href=" javascript:alert(1)">a</a>')
    assert unsafe_bits('<a href="data:text/html,<b>">a</a>')
    assert unsafe_bits("<iframe src=http://x></iframe>")
    assert unsafe_bits("<SCRIPT>alert(1)</SCRIPT>")
    assert not unsafe_bits('<p>Say hello on=the phone; <a href="https://x/">x</a></p>')


# --------------------------------------------------------------------------- fixtures

_HEADER = re.compile(r"^\s*Header:\s*([\w-]+):\s*(.*?)\s*$", re.M)


def _decode_for_comment(data: bytes) -> str:
    """Enough decoding to read the fixture's leading comment (some are UTF-16/32 or EBCDIC)."""
    for bom, enc in ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                     (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le")):
        if data.startswith(bom):
            return data.decode(enc, "replace")
    for sig, enc in ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
                     (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"), (b"\x4c\x6f\xa7\x94", "cp037")):
        if data.startswith(sig):
            return data.decode(enc, "replace")
    return data.decode("latin-1")


def fixture_headers(data: bytes) -> dict[str, str]:
    head = _decode_for_comment(data[:8192])
    if data.lstrip()[:1] == b"{":  # json fixtures carry their comment in a "__TEST__" key
        return {"Content-Type": "application/feed+json"}
    return {k: v for k, v in _HEADER.findall(head)}


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in (".xml", ".json"))


needs_fixtures = pytest.mark.skipif(
    not FIXTURES.is_dir(),
    reason=f"feedparser fixtures not found at {FIXTURES} (set NEWSDESK_SHARED to the shared data folder)",
)


@needs_fixtures
def test_all_feedparser_fixtures_ingest_safely():
    files = fixture_files()
    assert len([p for p in files if p.suffix == ".xml"]) >= 2106
    started = time.monotonic()
    crashes, unsafe = [], []
    n_error = n_problems = n_entries = 0
    for path in files:
        data = path.read_bytes()
        url = "http://127.0.0.1:8097/" + path.relative_to(FIXTURES).as_posix()
        try:
            feed = parse_feed(data, url, fixture_headers(data))
        except FeedError as exc:
            assert exc.reason
            n_error += 1
            continue
        except Exception as exc:  # noqa: BLE001 - collecting for the report
            crashes.append(f"{path.name}: parse_feed {type(exc).__name__}: {exc}")
            continue
        n_problems += bool(feed.problems)
        fields = [("feed.title", feed.title, True)]
        for entry in feed.entries:
            n_entries += 1
            try:
                art = entry_to_article(entry, feed)
            except Exception as exc:  # noqa: BLE001
                crashes.append(f"{path.name}: entry_to_article {type(exc).__name__}: {exc}")
                continue
            assert entry.published is None or entry.published.tzinfo is not None
            assert entry.updated is None or entry.updated.tzinfo is not None
            for u in (entry.url, entry.image_url, art.url):
                assert not u or u.startswith(("http://", "https://")), (path.name, u)
            fields += [
                ("title", entry.title, True),
                ("summary_html", entry.summary_html, False),
                ("content_html", entry.content_html, False),
                ("article.html", art.html, False),
                ("article.title", art.title, True),
                ("article.description", art.description or "", True),
                ("article.paragraphs", "\n".join(art.paragraphs), True),
                ("authors", " ".join(entry.authors), True),
                ("tags", " ".join(entry.tags), True),
            ]
        for name, value, plain in fields:
            bad = unsafe_bits(value)
            if plain:
                bad += unsafe_text(value)
            if bad:
                unsafe.append(f"{path.relative_to(FIXTURES)} {name}: {bad} in {value[:120]!r}")
    elapsed = time.monotonic() - started
    print(f"\n{len(files)} fixtures, {n_error} FeedError, {n_problems} with problems, "
          f"{n_entries} entries, {elapsed:.1f}s")
    assert not crashes, "\n".join(crashes[:30])
    assert not unsafe, "\n".join(unsafe[:30])
    assert elapsed < 60


@needs_fixtures
def test_sanitizer_fixtures_lose_their_payloads():
    """The fixtures built to smuggle script through: spot-check they parse to entries."""
    sdir = FIXTURES / "wellformed" / "sanitize"
    files = sorted(sdir.glob("*.xml"))
    assert len(files) > 100
    seen = 0
    for path in files:
        data = path.read_bytes()
        try:
            feed = parse_feed(data, "http://example.com/feed", fixture_headers(data))
        except FeedError:
            continue
        for entry in feed.entries:
            seen += 1
            for html in (entry.summary_html, entry.content_html, entry_to_article(entry, feed).html):
                assert not unsafe_bits(html), (path.name, html)
    assert seen > 100


@needs_fixtures
def test_our_sanitizer_holds_without_feedparsers(monkeypatch):
    """feedparser's own sanitizer is a bonus, not the defence: switch it off and
    the fixtures must still come out clean."""
    import feedparser

    monkeypatch.setattr(feedparser, "SANITIZE_HTML", False)
    test_all_feedparser_fixtures_ingest_safely()
    test_sanitizer_fixtures_lose_their_payloads()


@needs_fixtures
def test_json_fixture():
    data = (FIXTURES / "json" / "example.json").read_bytes()
    feed = parse_feed(data, "https://example.org/feed.json", {"Content-Type": "application/json"})
    assert feed.title == "My Example Feed"
    assert feed.site_url == "https://example.org/"
    assert len(feed.entries) == 2
    first, second = feed.entries
    assert first.url == "https://example.org/second-item" and first.tags == ["test", "JSON"]
    assert first.authors == ["me"]  # feed-level author inherited
    assert second.authors == ["you"]
    assert "Hello, world!" in second.content_html and "script" not in second.content_html


# --------------------------------------------------------------------------- behaviour

RSS20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Daily &amp; Weekly</title>
  <link>https://news.example.com/</link>
  <language>en-gb</language>
  <item>
    <title>Council votes &lt;b&gt;yes&lt;/b&gt;</title>
    <link>/2024/05/01/council-votes</link>
    <guid isPermaLink="false">council-1</guid>
    <description>&lt;p&gt;Short &lt;a href="/more"&gt;summary&lt;/a&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
    <content:encoded><![CDATA[<p onclick="steal()">First paragraph.</p><p>Second <a href="javascript:alert(1)">para</a>.</p><img src="/img/a.jpg"><iframe src="https://evil.example/"></iframe>]]></content:encoded>
    <dc:creator>Jane Doe and John Roe</dc:creator>
    <pubDate>Wed, 01 May 2024 09:30:00 +0200</pubDate>
    <category>Politics</category>
    <category>Local,</category>
    <media:content url="https://cdn.example.com/council.jpg" medium="image"/>
  </item>
  <item>
    <title>Second story</title>
    <link>https://news.example.com/second</link>
    <enclosure url="https://cdn.example.com/second.png" type="image/png" length="1"/>
    <pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate>
  </item>
</channel>
</rss>"""


def test_rss20():
    feed = parse_feed(RSS20, "https://news.example.com/feeds/all.rss",
                      {"Content-Type": "application/rss+xml; charset=utf-8"})
    assert isinstance(feed, ParsedFeed)
    assert feed.title == "Daily & Weekly"
    assert feed.site_url == "https://news.example.com/"
    assert feed.language == "en-gb"
    assert feed.problems == []
    e1, e2 = feed.entries
    assert e1.title == "Council votes yes"
    assert e1.url == "https://news.example.com/2024/05/01/council-votes"
    assert e1.guid == "council-1"
    assert e1.authors == ["Jane Doe", "John Roe"]
    assert e1.published == datetime(2024, 5, 1, 7, 30, tzinfo=timezone.utc)
    assert e1.published.tzinfo is not None
    assert e1.tags == ["Politics", "Local"]
    assert e1.image_url == "https://cdn.example.com/council.jpg"
    assert 'href="https://news.example.com/more"' in e1.summary_html
    assert "alert" not in e1.summary_html
    assert "First paragraph." in e1.content_html
    for html in (e1.summary_html, e1.content_html):
        assert not unsafe_bits(html)
    assert "iframe" not in e1.content_html and "javascript" not in e1.content_html
    assert 'src="https://news.example.com/img/a.jpg"' in e1.content_html
    assert e2.image_url == "https://cdn.example.com/second.png"
    assert e2.summary_html == "" and e2.content_html == ""

    art = entry_to_article(e1, feed)
    assert art.url == e1.url and art.title == e1.title
    assert art.paragraphs == ["First paragraph.", "Second para."]
    assert art.site_name == "Daily & Weekly"
    assert art.language == "en-gb"
    assert art.image and art.image.url == e1.image_url
    assert art.authors == ["Jane Doe", "John Roe"] and art.tags == ["Politics", "Local"]
    assert art.description == "Short summary."
    assert not unsafe_bits(art.html)


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de" xml:base="https://blog.example.org/">
  <title type="html">Das &lt;em&gt;Blog&lt;/em&gt;</title>
  <link rel="alternate" href="/"/>
  <link rel="self" href="/atom.xml"/>
  <id>urn:uuid:1</id>
  <updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <title>Grüße aus Köln</title>
    <link rel="alternate" type="text/html" href="posts/gruesse"/>
    <id>tag:blog.example.org,2024:1</id>
    <published>2024-03-01T08:00:00+01:00</published>
    <updated>2024-03-02T10:00:00Z</updated>
    <author><name>Erika Mustermann</name></author>
    <author><name>Max Muster</name></author>
    <summary type="text">Kurz &amp; gut: &lt;script&gt;x&lt;/script&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Erster Absatz.</p><p style="color:red" onmouseover="x()">Zweiter <a href="../impressum">Absatz</a>.</p></div></content>
    <category term="köln"/>
  </entry>
</feed>""".encode("utf-8")


def test_atom():
    feed = parse_feed(ATOM, "https://blog.example.org/atom.xml", {"Content-Type": "application/atom+xml"})
    assert feed.title == "Das Blog"
    assert feed.site_url == "https://blog.example.org/"
    assert feed.language == "de"
    (e,) = feed.entries
    assert e.title == "Grüße aus Köln"
    assert e.url == "https://blog.example.org/posts/gruesse"
    assert e.guid == "tag:blog.example.org,2024:1"
    assert e.published == datetime(2024, 3, 1, 7, 0, tzinfo=timezone.utc)
    assert e.updated == datetime(2024, 3, 2, 10, 0, tzinfo=timezone.utc)
    assert e.authors == ["Erika Mustermann", "Max Muster"]
    assert e.tags == ["köln"]
    assert e.language == "de"
    # a text summary stays text: the "script" is escaped, never markup
    assert "<script" not in e.summary_html and "&lt;script&gt;" in e.summary_html
    assert "onmouseover" not in e.content_html and "style" not in e.content_html
    assert 'href="https://blog.example.org/impressum"' in e.content_html
    art = entry_to_article(e, feed)
    assert art.paragraphs == ["Erster Absatz.", "Zweiter Absatz."]


RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://example.net/rss">
    <title>RDF Site</title>
    <link>http://example.net/</link>
    <description>d</description>
    <dc:language>fr</dc:language>
    <items><rdf:Seq><rdf:li rdf:resource="http://example.net/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="http://example.net/a">
    <title>Premier article</title>
    <link>http://example.net/a</link>
    <description>Texte.</description>
    <dc:date>2023-11-05T14:00:00-05:00</dc:date>
    <dc:creator>Marie Curie</dc:creator>
  </item>
</rdf:RDF>"""


def test_rss10():
    feed = parse_feed(RSS10, "http://example.net/rss", None)
    assert feed.title == "RDF Site" and feed.site_url == "http://example.net/"
    assert feed.language == "fr"
    (e,) = feed.entries
    assert (e.title, e.url, e.authors) == ("Premier article", "http://example.net/a", ["Marie Curie"])
    assert e.published == datetime(2023, 11, 5, 19, 0, tzinfo=timezone.utc)
    assert feed.problems == []  # no headers given is not the feed's fault


JSONFEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON News",
    "home_page_url": "https://json.example.com/",
    "feed_url": "https://json.example.com/feed.json",
    "language": "en",
    "authors": [{"name": "Desk"}],
    "items": [
        {
            "id": "1",
            "url": "/articles/one",
            "title": "One <i>thing</i>",
            "content_html": "<p>Body one.</p><script>bad()</script><p><img src=x onerror=alert(1)></p>",
            "summary": "Plain <summary> & more",
            "date_published": "2024-06-01T12:00:00+02:00",
            "date_modified": "2024-06-01T13:00:00Z",
            "authors": [{"name": "Ann Author"}, {"url": "https://x"}],
            "tags": ["a", "b"],
            "image": "https://json.example.com/one.jpg",
        },
        {"id": "2", "url": "https://json.example.com/two", "content_text": "Line one.\n\nLine two.",
         "date_published": "not a date"},
        "garbage",
        {"id": "4"},
    ],
}


def test_json_feed_11():
    data = json.dumps(JSONFEED).encode()
    feed = parse_feed(data, "https://json.example.com/feed.json", {"Content-Type": "application/feed+json"})
    assert feed.title == "JSON News" and feed.site_url == "https://json.example.com/"
    assert feed.language == "en" and feed.kind == "json11"
    one, two = feed.entries
    assert one.url == "https://json.example.com/articles/one"
    assert one.title == "One thing"
    assert one.published == datetime(2024, 6, 1, 10, 0, tzinfo=timezone.utc)
    assert one.updated == datetime(2024, 6, 1, 13, 0, tzinfo=timezone.utc)
    assert one.authors == ["Ann Author"] and one.tags == ["a", "b"]
    assert one.image_url == "https://json.example.com/one.jpg"
    assert "Body one." in one.content_html and not unsafe_bits(one.content_html)
    assert "&lt;summary&gt;" in one.summary_html
    assert two.authors == ["Desk"] and two.published is None
    assert entry_to_article(two, feed).paragraphs == ["Line one.", "Line two."]
    reasons = " | ".join(p.reason for p in feed.problems)
    assert "not a date" in reasons and "not an object" in reasons and "no url, title or text" in reasons


def test_json_not_a_feed():
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"hello": "world"}', "https://x.example/api", {"Content-Type": "application/json"})
    with pytest.raises(FeedError, match="JSON"):
        parse_feed(b"[1, 2, 3]", "https://x.example/api", None)
    with pytest.raises(FeedError, match="not valid JSON"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1", ', "https://x.example/f.json", None)


MALFORMED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken & Co</title><link>http://b.example/</link>
<item><title>Good one</title><link>http://b.example/1</link><description>Fine &nbsp; text</description></item>
<item><title>Second</title><link>http://b.example/2?a=1&b=2</link></item>
<item><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>
</channel>"""


def test_malformed_feed_recovers_entries_with_problem():
    feed = parse_feed(MALFORMED, "http://b.example/rss", {"Content-Type": "text/xml"})
    assert [e.title for e in feed.entries] == ["Good one", "Second"]
    assert feed.entries[1].url == "http://b.example/2?a=1&b=2"
    reasons = [p.reason for p in feed.problems]
    assert reasons[0].startswith("not well-formed XML at line 2:") and reasons[0].endswith("(parsed leniently)")
    assert any("skipped" in r for r in reasons)
    assert all(p.where.startswith("http://b.example/rss") for p in feed.problems)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>", "HTML page"),
        (b"<html><body><a href='/feed'>feed</a></body></html>", "HTML page"),
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (b"just some words", "not a feed"),
        (b"<?xml version='1.0'?><catalog><book/></catalog>", "root element <catalog>"),
        (b"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
         b"<sitemap><loc>https://e.example/s1.xml</loc></sitemap></sitemapindex>", "sitemap index"),
    ],
)
def test_not_a_feed(data, reason):
    with pytest.raises(FeedError) as info:
        parse_feed(data, "https://e.example/page", {"Content-Type": "text/html"})
    assert reason in info.value.reason


def test_bytes_are_never_taken_for_a_path(tmp_path):
    # feedparser.parse(bytes) would open a file of that name; we must not.
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><title>SECRET</title></channel></rss>")
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), "https://e.example/", None)


def test_no_entity_expansion_from_disk():
    data = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t &xxe;</title><item><title>i &xxe;</title><link>http://x.example/1</link></item></channel></rss>"""
    feed = parse_feed(data, "http://x.example/rss", None)
    assert "root:" not in feed.title
    assert all("root:" not in e.title for e in feed.entries)


def test_content_location_header_sets_base():
    data = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><link href="p/1"/></entry></feed>'
    feed = parse_feed(data, "https://a.example/feeds/atom", {"Content-Location": "/other/"})
    assert feed.entries[0].url == "https://a.example/other/p/1"


def test_gzipped_feed_body():
    import gzip
    feed = parse_feed(gzip.compress(RSS20), "https://news.example.com/feed.xml.gz", None)
    assert len(feed.entries) == 2
    with pytest.raises(FeedError, match="gzip"):
        parse_feed(gzip.compress(RSS20)[:30], "https://news.example.com/feed.xml.gz", None)


def test_html_to_paragraphs():
    assert html_to_paragraphs("<p>a <b>b</b></p><ul><li>c</li><li>d</li></ul>e<br><br>f<br>g") == [
        "a b", "c", "d", "e", "f g"]
    assert html_to_paragraphs("") == []


# --------------------------------------------------------------------------- sitemaps

needs_cc = pytest.mark.skipif(not CC.is_dir(), reason=f"commoncrawl sitemap fixtures not found at {CC}")


@needs_cc
def test_google_news_sitemap():
    data = (CC / "sitemap-news.xml").read_bytes()
    sm = parse_sitemap(data, "http://www.example.com/sitemap-news.xml")
    assert sm.sitemaps == [] and sm.problems == []
    (e,) = sm.entries
    assert e.url == "http://www.example.com/business/article55.html"
    assert e.title == "Companies A, B in Merger Talks"
    assert e.published == datetime(2008, 12, 23, tzinfo=timezone.utc)
    assert e.language == "en"
    assert e.image_url == "http://example.com/image.jpg"
    assert e.tags == ["business", "merger", "acquisition", "A", "B"]
    assert sm.publication == "The Example Times"
    # parse_feed takes a news sitemap too
    feed = parse_feed(data, "http://www.example.com/sitemap-news.xml", {"Content-Type": "application/xml"})
    assert feed.kind == "sitemap" and feed.title == "The Example Times"
    assert [x.url for x in feed.entries] == [e.url]
    assert entry_to_article(feed.entries[0], feed).title == e.title


@needs_cc
def test_feed_with_sitemap_namespace_is_a_feed():
    data = (CC / "feed-with-sitemap-namespace.xml").read_bytes()
    feed = parse_feed(data, "https://example.com/feed/lorem", {"Content-Type": "application/rss+xml"})
    assert feed.kind == "rss20" and feed.title == "Lorem Ipsum Feed"
    assert [e.url for e in feed.entries] == ["https://example.com/lorem/123", "https://example.com/lorem/456"]
    assert feed.entries[0].tags == ["lorem"]
    assert feed.entries[0].authors == ["loremwriter"]
    assert feed.entries[0].published == datetime(2025, 1, 24, 20, 32, 41, tzinfo=timezone.utc)
    assert feed.problems == []
    with pytest.raises(FeedError, match="not a sitemap"):
        parse_sitemap(data, "https://example.com/feed/lorem")


def test_sitemap_index_and_gzip():
    import gzip
    idx = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://s.example/news-1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
  <sitemap><loc>/news-2.xml.gz</loc></sitemap>
  <sitemap><loc>javascript:alert(1)</loc></sitemap>
</sitemapindex>"""
    sm = parse_sitemap(gzip.compress(idx), "https://s.example/sitemap.xml.gz")
    assert sm.entries == []
    assert sm.sitemaps == ["https://s.example/news-1.xml", "https://s.example/news-2.xml.gz"]
    assert len(sm.problems) == 1


def test_plain_sitemap_without_namespace_and_broken():
    data = b"<urlset><url><loc>https://p.example/a</loc><lastmod>2024-02-03T04:05:06+01:00</lastmod></url>" \
           b"<url><loc>https://p.example/b</loc></url><url><loc></loc></url></urlset>"
    sm = parse_sitemap(data, "https://p.example/sitemap.xml")
    assert [e.url for e in sm.entries] == ["https://p.example/a", "https://p.example/b"]
    assert sm.entries[0].updated == datetime(2024, 2, 3, 3, 5, 6, tzinfo=timezone.utc)
    assert sm.entries[0].updated.utcoffset().total_seconds() == 0
    assert len(sm.problems) == 1  # the empty <loc>
    broken = parse_sitemap(data[:-40], "https://p.example/sitemap.xml")
    assert broken.entries and any("parsed leniently" in p.reason for p in broken.problems)
