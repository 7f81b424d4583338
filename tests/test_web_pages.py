"""The reader's pages, as a person using them would notice: what is on the front page and in
what order, the article page's share/follow/related blocks, full coverage, search filters,
sources and settings."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from fastapi.testclient import TestClient

from newsdesk.model import Article, Source
from newsdesk.pipeline import store_article
from newsdesk.store import open_store
from newsdesk.web import create_app
from web_data import NOW, build


@pytest.fixture
def room(tmp_path):
    return build(tmp_path / "reader.db")


@pytest.fixture
def client(room):
    with TestClient(create_app(room.db)) as c:
        yield c


def csrf(client) -> str:
    page = client.get("/settings").text
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def titles_in_order(page: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<h2><a href=\"[^\"]+\">([^<]+)</a></h2>", page)]


# -- front page ------------------------------------------------------------------------------


def test_front_page_ranks_stories_by_outlets_and_recency(client, room):
    page = client.get("/")
    assert page.status_code == 200
    order = titles_in_order(page.text)
    # Three outlets beat two, which beat lone articles; the year-old piece is not on today's page.
    assert order[0] == "Russia rejects Western troops in Ukraine"
    assert order[1] == "Storm Helga hits the northern coast"
    assert "Archive piece from last year about harbour works" not in order
    assert "Example News, Daily Planet, Le Monde Test" in page.text
    assert f'href="/stories/{room.stories["troops"]}"' in page.text
    assert "Full coverage: 4 articles from 3 outlets" in page.text
    # Each entry has a teaser and its lead image.
    assert "Russia once again rejected the idea" in page.text and "https://img.example/troops-en.jpg" in page.text
    assert page.text.count('class="dot"') >= 5  # unread marks


def test_front_page_filters_by_language_and_source(client, room):
    fr = client.get("/", params={"lang": "fr"}).text
    assert titles_in_order(fr) == ["Russia rejects Western troops in Ukraine"]  # the story holds the French piece
    planet = titles_in_order(client.get("/", params={"source": room.sources["Daily Planet"]}).text)
    assert "Parliament passes the spring budget after a late session" not in planet
    assert "Local club wins the cup in extra time" in planet


def test_front_page_unread_state_follows_reading(client, room):
    before = client.get("/").text
    block = before.split("Parliament passes the spring budget")[0].rsplit("<article", 1)[1]
    assert "unread" in block
    client.get(f"/articles/{room.ids['budget']}")  # reading it marks it read
    after = client.get("/").text
    block = after.split("Parliament passes the spring budget")[0].rsplit("<article", 1)[1]
    assert "unread" not in block


def test_latest_view_pages_with_a_cursor(tmp_path):
    store = open_store(tmp_path / "many.db")
    src = store.add_source(Source(url="https://many.example/feed", title="Many"))
    for i in range(45):
        store_article(store, Article(url=f"https://many.example/{i}", title=f"Item number {i}",
                                     paragraphs=[f"Body of item {i} with enough words to be a teaser here."],
                                     published=NOW.replace(minute=0) - __import__("datetime").timedelta(minutes=i)),
                      src.id)
    client = TestClient(create_app(str(tmp_path / "many.db")))
    first = client.get("/latest")
    seen = titles_in_order(first.text)
    assert len(seen) == 30 and seen[0] == "Item number 0"
    nxt = re.search(r'rel="next" href="([^"]+)"', first.text).group(1)
    second = client.get(html.unescape(nxt))
    rest = titles_in_order(second.text)
    assert rest == [f"Item number {i}" for i in range(30, 45)]
    assert 'rel="next"' not in second.text
    assert client.get("/latest", params={"cursor": "not-a-cursor"}).status_code == 400


# -- article page --------------------------------------------------------------------------------


def test_article_page_has_the_article_credited_with_image_and_original_link(client, room):
    page = client.get(f"/articles/{room.ids['troops-en']}").text
    assert "<h1 id=\"headline\">Russia again rejects Western troops in Ukraine</h1>" in page
    assert "By Jane Doe" in page and 'class="outlet">Example News<' in page
    assert 'href="https://examplenews.example/troops-en"' in page  # the original
    assert 'src="https://img.example/troops-en.jpg"' in page and "Caption for troops-en" in page
    assert '<span class="credit">Photographer/Agency</span>' in page
    assert "Maria Zakharova said any plan" in page
    assert "Full coverage: Russia rejects Western troops in Ukraine" in page


def test_share_shares_the_original_and_credits_the_outlet(client, room):
    page = client.get(f"/articles/{room.ids['troops-en']}").text
    share = page.split('id="share-h"')[1].split("</section>")[0]
    original = "https://examplenews.example/troops-en"
    links = [html.unescape(h) for h in re.findall(r'<a href="([^"]+)"', share)]
    assert {urlparse(h).netloc or urlparse(h).scheme for h in links} >= {
        "mailto", "x.com", "www.facebook.com", "www.linkedin.com", "bsky.app"}
    for h in links:
        assert original in unquote(h), h  # every network gets the original article's address
        assert "127.0.0.1" not in h and "testserver" not in h  # never the reader's own URL
    x = parse_qs(urlparse(next(h for h in links if "x.com" in h)).query)
    assert x["text"] == ["Russia again rejects Western troops in Ukraine (Example News)"]
    assert 'id="copy-link"' in share and 'id="web-share"' in share  # shown by JS where supported
    assert 'action="/share/mastodon"' in share


def test_mastodon_share_goes_to_the_readers_own_server(client):
    r = client.get("/share/mastodon", params={"instance": "https://Mastodon.Social/", "text": "Hello https://a.example/x"})
    assert r.status_code == 200
    assert 'href="https://mastodon.social/share?text=Hello+https%3A%2F%2Fa.example%2Fx"' in r.text
    assert client.get("/share/mastodon", params={"instance": "evil.example/\"><script>"}).status_code == 400


def test_follow_offers_source_and_story_feeds_in_three_formats(client, room):
    page = client.get(f"/articles/{room.ids['troops-en']}").text
    src, story = room.sources["Example News"], room.stories["troops"]
    for kind, key in (("source", src), ("story", story)):
        for fmt, mime in (("atom", "application/atom+xml"), ("rss", "application/rss+xml"),
                          ("json", "application/feed+json")):
            assert f'<link rel="alternate" type="{mime}"' in page
            assert f'href="/feeds/{kind}/{key}.{fmt}"' in page
            assert client.get(f"/feeds/{kind}/{key}.{fmt}").status_code == 200


def test_you_may_also_like_is_related_diverse_and_explained(client, room):
    page = client.get(f"/articles/{room.ids['troops-en']}").text
    block = page.split('id="related-h"')[1].split("</section>")[0]
    ids = [int(i) for i in re.findall(r'<li class="card[^"]*" data-id="(\d+)"', block)]
    reasons = [html.unescape(r) for r in re.findall(r'<p class="why">([^<]+)</p>', block)]
    assert len(ids) == 6 == len(reasons) and len(set(ids)) == 6
    assert room.ids["troops-en"] not in ids
    assert room.ids["troops-wire"] not in ids  # a copy of this article is not a recommendation
    assert room.ids["zakharova-briefing"] in ids and "also about Maria Zakharova" in reasons
    assert "same story" in reasons or "follow-up" in reasons
    troops_members = {room.ids[k] for k in ("troops-en", "troops-wire", "troops-fr", "troops-followup")}
    assert not set(ids) <= troops_members  # not all from one story
    assert block.count('class="teaser"') == 6 and block.count('class="outlet"') == 6


# -- story page ------------------------------------------------------------------------------------


def test_story_page_is_full_coverage_grouped_by_outlet_with_copies_folded(client, room):
    page = client.get(f"/stories/{room.stories['troops']}").text
    assert "<h1 id=\"story-h\">Russia rejects Western troops in Ukraine</h1>" in page
    groups = re.findall(r'<section class="outlet-group" aria-label="([^"]+)">', page)
    # In order of first report; Daily Planet's wire copy is folded under Example News' original.
    assert groups == ["Example News", "Le Monde Test", "Daily Planet"]
    dups = page.split('class="dups"')[1].split("</details>")[0]
    assert "1 copy elsewhere" in dups and f'/articles/{room.ids["troops-wire"]}' in dups
    timeline = page.split('id="timeline-h"')[1]
    order = [int(i) for i in re.findall(r'href="/articles/(\d+)"', timeline)]
    assert order == [room.ids[k] for k in ("troops-en", "troops-wire", "troops-fr", "troops-followup")]
    assert f'href="/feeds/story/{room.stories["troops"]}.atom"' in page
    assert client.get("/stories/999999").status_code == 404


# -- search --------------------------------------------------------------------------------------------


def test_search_highlights_filters_and_advertises_a_feed(client, room):
    page = client.get("/search", params={"q": "Zakharova"}).text
    assert "<mark>Zakharova</mark>" in page
    found = set(titles_in_order(page))
    assert {"Maria Zakharova holds weekly briefing on grain exports",
            "La Russie rejette l'idée de troupes occidentales en Ukraine"} <= found
    fr = titles_in_order(client.get("/search", params={"q": "Zakharova", "lang": "fr"}).text)
    assert fr == ["La Russie rejette l'idée de troupes occidentales en Ukraine"]
    src = titles_in_order(client.get("/search", params={"q": "Zakharova", "source": room.sources["Example News"]}).text)
    assert src and all("Zakharova" in t or "troops" in t for t in src) and "Zelenskyy meets" not in " ".join(src)
    today = NOW.date().isoformat()
    recent = titles_in_order(client.get("/search", params={"q": "Zakharova", "since": today}).text)
    older = titles_in_order(client.get("/search", params={"q": "Zakharova", "until": (NOW.date().replace(
        day=1) if NOW.day > 2 else NOW.date()).isoformat()}).text)
    assert "Maria Zakharova holds weekly briefing on grain exports" not in recent or NOW.hour >= 6
    assert set(older) <= found
    assert '<link rel="alternate" type="application/atom+xml"' in page and "/feeds/search.atom?q=Zakharova" in page
    assert client.get("/search", params={"q": "x", "since": "yesterday"}).status_code == 400
    assert "No articles match" in client.get("/search", params={"q": "qwertyuiop"}).text


def test_search_pages(tmp_path):
    store = open_store(tmp_path / "s.db")
    for i in range(35):
        store_article(store, Article(url=f"https://s.example/{i}", title=f"Harbour report {i}",
                                     paragraphs=["The harbour reopened today."]), None)
    client = TestClient(create_app(str(tmp_path / "s.db")))
    one = client.get("/search", params={"q": "harbour"}).text
    two = client.get("/search", params={"q": "harbour", "page": 2}).text
    a, b = titles_in_order(one), titles_in_order(two)
    assert len(a) == 30 and len(b) == 5 and not set(a) & set(b)
    assert 'rel="next"' in one and 'rel="prev"' in two and 'rel="next"' not in two


# -- sources -----------------------------------------------------------------------------------------------


def test_sources_page_shows_health_and_pauses_and_removes(client, room):
    token = csrf(client)
    page = client.get("/sources").text
    assert "Example News" in page and "never" in page  # not fetched yet
    planet = room.sources["Daily Planet"]
    assert client.post(f"/sources/{planet}/pause", data={"csrf_token": token}).status_code == 200
    assert "Daily Planet" in client.get("/sources").text and "(paused)" in client.get("/sources").text
    assert open_store(room.db).get_source(planet).paused
    client.post(f"/sources/{planet}/resume", data={"csrf_token": token})
    assert not open_store(room.db).get_source(planet).paused
    client.post(f"/sources/{planet}/remove", data={"csrf_token": token})
    assert open_store(room.db).get_source(planet) is None
    assert open_store(room.db).get_article(room.ids["storm-b"]) is not None  # its articles stay
    assert client.post(f"/sources/{planet}/pause", data={"csrf_token": token}).status_code == 404


def test_opml_export_and_import_round_trip(client, tmp_path):
    exported = client.get("/sources/export.opml")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    assert "https://examplenews.example/feed.xml" in exported.text
    other = TestClient(create_app(str(tmp_path / "other.db")))
    r = other.post("/sources/import", data={"csrf_token": csrf(other)},
                   files={"opml": ("subs.opml", exported.content, "text/x-opml")})
    assert r.status_code == 200 and "Imported 3 subscriptions" in r.text
    assert {s.title for s in open_store(tmp_path / "other.db").list_sources()} == {
        "Example News", "Daily Planet", "Le Monde Test"}
    bad = other.post("/sources/import", data={"csrf_token": csrf(other)},
                     files={"opml": ("x.opml", b"this is not xml at all", "text/plain")})
    assert bad.status_code == 400 and "Not an OPML file" in bad.text


def test_add_source_by_site_url_discovers_its_feed(newsroom, tmp_path):
    from newsdesk.fetch import FetchSettings

    app = create_app(str(tmp_path / "add.db"), fetch_settings=FetchSettings(allow_private_networks=True))
    client = TestClient(app)
    r = client.post("/sources/add", data={"url": newsroom.url("/"), "csrf_token": csrf(client)})
    assert r.status_code == 200 and "Subscribed to" in r.text
    sources = open_store(tmp_path / "add.db").list_sources()
    assert len(sources) == 1 and sources[0].kind == "site"
    bad = client.post("/sources/add", data={"url": newsroom.url("/status/404"), "csrf_token": csrf(client)})
    assert bad.status_code == 400 and "Could not subscribe" in bad.text


# -- settings ---------------------------------------------------------------------------------------------


def test_settings_change_theme_font_and_default_view(client):
    token = csrf(client)
    assert 'data-theme="auto"' in client.get("/").text
    r = client.post("/settings", data={"theme": "dark", "font_size": "large", "default_view": "latest",
                                       "csrf_token": token})
    assert r.status_code == 200 and "Saved." in r.text
    front = client.get("/").text
    assert 'data-theme="dark"' in front and 'data-font="large"' in front
    assert "<h1>Latest" in front  # the default view is now the chronological list
    assert "<h1>Top stories" in client.get("/", params={"view": "stories"}).text
    bad = client.post("/settings", data={"theme": "purple", "font_size": "large", "default_view": "latest",
                                         "csrf_token": token})
    assert bad.status_code == 400


def test_pages_are_accessible_landmarks_and_headings(client, room):
    for path in ("/", "/latest", f"/articles/{room.ids['troops-en']}", f"/stories/{room.stories['troops']}",
                 "/search?q=storm", "/sources", "/settings"):
        page = client.get(path).text
        assert '<html lang="en"' in page and '<main id="main"' in page and 'class="skip" href="#main"' in page
        assert '<nav aria-label="Main">' in page and 'role="search"' in page
        assert page.count("<h1") == 1, path
        for img in re.findall(r"<img [^>]*>", page):
            assert " alt=" in img, (path, img)
        assert "<script>" not in page and " style=" not in page and " onclick" not in page  # the CSP allows neither
