"""Feeds out: Atom, RSS 2.0 and JSON Feed 1.1 that feed readers parse, crediting each outlet."""

from __future__ import annotations

import json

import feedparser
import pytest
from fastapi.testclient import TestClient

from newsdesk.web import create_app
from web_data import build


@pytest.fixture
def room(tmp_path):
    return build(tmp_path / "feeds.db")


@pytest.fixture
def client(room):
    return TestClient(create_app(room.db))


@pytest.mark.parametrize("fmt, mime", [("atom", "application/atom+xml"), ("rss", "application/rss+xml")])
def test_source_feed_parses_and_credits_the_outlet(client, room, fmt, mime):
    r = client.get(f"/feeds/source/{room.sources['Example News']}.{fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(mime)
    feed = feedparser.parse(r.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Example News – newsdesk"
    titles = [e.title for e in feed.entries]
    assert "Russia again rejects Western troops in Ukraine (Example News)" in titles
    assert len(titles) == 5 and "Local club wins the cup in extra time (Daily Planet)" not in titles
    entry = next(e for e in feed.entries if e.title.startswith("Russia again"))
    assert entry.link == "https://examplenews.example/troops-en"  # the original, not the reader
    body = entry.content[0].value
    assert "Maria Zakharova said any plan" in body and "Originally published by Example News" in body
    assert entry.get("author") == "Jane Doe"
    assert entry.published_parsed is not None


def test_json_feed_1_1(client, room):
    r = client.get(f"/feeds/story/{room.stories['troops']}.json")
    assert r.headers["content-type"].startswith("application/feed+json")
    doc = json.loads(r.content)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["title"] == "Story: Russia rejects Western troops in Ukraine – newsdesk"
    assert doc["feed_url"].endswith(f"/feeds/story/{room.stories['troops']}.json")
    assert len(doc["items"]) == 4
    item = next(i for i in doc["items"] if i["url"] == "https://examplenews.example/troops-en")
    assert item["authors"] == [{"name": "Jane Doe"}] and item["image"] == "https://img.example/troops-en.jpg"
    assert item["date_published"].endswith("+00:00") and "Originally published by Example News" in item["content_html"]
    assert {i["id"] for i in doc["items"]} == {i["url"] for i in doc["items"]}


def test_search_and_latest_feeds(client):
    feed = feedparser.parse(client.get("/feeds/search.atom", params={"q": "storm helga"}).content)
    assert {e.title for e in feed.entries} == {"Storm Helga makes landfall on the northern coast (Example News)",
                                               "Thousands without power as Helga batters the coast (Daily Planet)"}
    fr = json.loads(client.get("/feeds/search.json", params={"q": "Zakharova", "lang": "fr"}).content)
    assert len(fr["items"]) == 1
    latest = feedparser.parse(client.get("/feeds/latest.rss").content)
    assert len(latest.entries) == 11


def test_feed_errors(client):
    assert client.get("/feeds/source/999.atom").status_code == 404
    assert client.get("/feeds/source/1.xml").status_code == 404
    assert client.get("/feeds/story/999.rss").status_code == 404
    assert client.get("/feeds/storyline/999999.atom").status_code == 404
    assert client.get("/feeds/search.atom").status_code == 422  # q is required


def test_pages_advertise_their_feeds(client, room):
    pages = {f"/latest?source={room.sources['Example News']}": f"/feeds/source/{room.sources['Example News']}.atom",
             f"/stories/{room.stories['storm']}": f"/feeds/story/{room.stories['storm']}.rss",
             "/search?q=storm": "/feeds/search.json?q=storm"}
    for page, feed in pages.items():
        text = client.get(page).text
        assert 'rel="alternate"' in text and f'href="{feed}"' in text, page


def test_storyline_feed_and_follow_links(room):
    """Two stories linked into one storyline by the stories engine's column: followable as one feed."""
    from newsdesk.store import open_store

    store = open_store(room.db)
    if "storyline_id" not in [r[1] for r in store.db.execute("PRAGMA table_info(stories)")]:
        pytest.skip("the stories engine (storylines) is not in this tree")
    line = room.stories["troops"]
    other = store.db.execute("INSERT INTO stories(title, storyline_id) VALUES ('Zakharova briefing', ?)",
                             (line,)).lastrowid
    store.db.execute("UPDATE stories SET storyline_id=?, article_count=4 WHERE id=?", (line, line))
    store.db.execute("UPDATE stories SET article_count=1 WHERE id=?", (other,))
    store.db.execute("UPDATE articles SET story_id=? WHERE id=?", (other, room.ids["zakharova-briefing"]))
    client = TestClient(create_app(room.db))
    page = client.get(f"/articles/{room.ids['troops-en']}").text
    assert "This storyline" in page and f'href="/feeds/storyline/{line}.rss"' in page
    feed = feedparser.parse(client.get(f"/feeds/storyline/{line}.rss").content)
    titles = {e.title for e in feed.entries}
    assert "Maria Zakharova holds weekly briefing on grain exports (Example News)" in titles
    assert "Russia again rejects Western troops in Ukraine (Example News)" in titles
