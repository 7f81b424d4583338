"""The JSON API: every endpoint, cursor pagination, and errors as JSON with the right status."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsdesk.web import create_app
from web_data import build


@pytest.fixture
def room(tmp_path):
    return build(tmp_path / "api.db")


@pytest.fixture
def api(room):
    return TestClient(create_app(room.db))  # a program on loopback: no cookies, no token


def test_openapi_schema_lists_the_api(api):
    schema = api.get("/openapi.json").json()
    paths = schema["paths"]
    for p in ("/api/sources", "/api/sources/{source_id}", "/api/articles", "/api/articles/{article_id}",
              "/api/articles/{article_id}/related", "/api/articles/{article_id}/state", "/api/articles/{article_id}/read",
              "/api/articles/{article_id}/star", "/api/stories", "/api/stories/{story_id}", "/api/search", "/api/front"):
        assert p in paths, p
    assert "next_cursor" in schema["components"]["schemas"]["ArticlePage"]["properties"]
    for page in ("/", "/articles/{article_id}", "/stories/{story_id}", "/search", "/sources", "/settings"):
        assert page not in paths  # HTML pages are not part of the API


def test_sources(api, room):
    sources = api.get("/api/sources").json()
    assert {s["title"] for s in sources} == {"Example News", "Daily Planet", "Le Monde Test"}
    one = next(s for s in sources if s["title"] == "Example News")
    assert one["article_count"] == 5 and one["articles_per_day"] > 0 and one["paused"] is False
    sid = one["id"]
    assert api.patch(f"/api/sources/{sid}", json={"paused": True}).json()["paused"] is True
    assert api.get(f"/api/sources/{sid}").json()["paused"] is True
    assert api.delete(f"/api/sources/{sid}").status_code == 204
    r = api.get(f"/api/sources/{sid}")
    assert r.status_code == 404 and r.json() == {"error": "No such source"}
    r = api.post("/api/sources", json={"url": "http://127.0.0.1:9/feed.xml"})  # private network: refused
    assert r.status_code == 400 and r.json()["error"]


def test_articles_cursor_pagination_visits_everything_once(api):
    everything = api.get("/api/articles", params={"limit": 200}).json()
    assert everything["next_cursor"] is None and len(everything["items"]) == 11
    seen, cursor = [], None
    while True:
        page = api.get("/api/articles", params={"limit": 3, **({"cursor": cursor} if cursor else {})}).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [a["id"] for a in everything["items"]]
    times = [a["published"] for a in everything["items"]]
    assert times == sorted(times, reverse=True)


def test_article_filters_and_detail(api, room):
    fr = api.get("/api/articles", params={"lang": "fr"}).json()["items"]
    assert [a["id"] for a in fr] == [room.ids["troops-fr"]]
    story = api.get("/api/articles", params={"story": room.stories["storm"]}).json()["items"]
    assert {a["id"] for a in story} == {room.ids["storm-a"], room.ids["storm-b"]}
    a = api.get(f"/api/articles/{room.ids['troops-en']}").json()
    assert a["title"] == "Russia again rejects Western troops in Ukraine" and a["outlet"] == "Example News"
    assert a["authors"] == ["Jane Doe"] and "<p>" in a["html"] and a["image"]["credit"] == "Photographer/Agency"
    assert a["teaser"].startswith("Russia once again rejected")


def test_read_and_star_state(api, room):
    aid = room.ids["football"]
    assert api.get(f"/api/articles/{aid}/state").json() == {"id": aid, "read": False, "starred": False}
    assert api.put(f"/api/articles/{aid}/state", json={"read": True, "starred": True}).json() == {
        "id": aid, "read": True, "starred": True}
    assert api.delete(f"/api/articles/{aid}/star").json()["starred"] is False
    assert api.delete(f"/api/articles/{aid}/read").json()["read"] is False
    assert api.put(f"/api/articles/{aid}/read").json()["read"] is True
    assert [a["id"] for a in api.get("/api/articles", params={"unread": False}).json()["items"]] == [aid]
    api.put(f"/api/articles/{aid}/star")
    assert [a["id"] for a in api.get("/api/articles", params={"starred": True}).json()["items"]] == [aid]
    assert api.put("/api/articles/999999/star").status_code == 404


def test_related_endpoint_explains_each_pick(api, room):
    picks = api.get(f"/api/articles/{room.ids['troops-en']}/related").json()
    assert len(picks) == 6
    assert all(p["reason"] and p["article"]["id"] != room.ids["troops-en"] for p in picks)
    assert room.ids["troops-wire"] not in {p["article"]["id"] for p in picks}
    assert len(api.get(f"/api/articles/{room.ids['troops-en']}/related", params={"limit": 2}).json()) == 2


def test_stories_and_front(api, room):
    stories = api.get("/api/stories").json()
    assert [s["id"] for s in stories["items"]] == [room.stories["troops"], room.stories["storm"]]
    assert stories["items"][0]["outlets"] == 3 and stories["items"][0]["article_count"] == 4
    one = api.get("/api/stories", params={"limit": 1}).json()
    two = api.get("/api/stories", params={"limit": 1, "cursor": one["next_cursor"]}).json()
    assert [s["id"] for s in one["items"] + two["items"]] == [room.stories["troops"], room.stories["storm"]]
    detail = api.get(f"/api/stories/{room.stories['troops']}").json()
    assert len(detail["articles"]) == 4 and detail["title"] == "Russia rejects Western troops in Ukraine"
    front = api.get("/api/front").json()
    assert front[0]["story_id"] == room.stories["troops"] and front[0]["outlets"][0] == "Example News"
    assert api.get("/api/stories/424242").json() == {"error": "No such story"}


def test_search_with_filters_and_cursor(api, room):
    r = api.get("/api/search", params={"q": "Zakharova", "limit": 2}).json()
    assert len(r["items"]) == 2 and r["next_cursor"] and "<mark>" in r["items"][0]["snippet"]
    rest = api.get("/api/search", params={"q": "Zakharova", "limit": 2, "cursor": r["next_cursor"]}).json()
    ids = [h["article"]["id"] for h in r["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) >= 3
    fr = api.get("/api/search", params={"q": "Zakharova", "lang": "fr"}).json()["items"]
    assert [h["article"]["id"] for h in fr] == [room.ids["troops-fr"]]


@pytest.mark.parametrize("path, status", [
    ("/api/articles/999999", 404),
    ("/api/articles/abc", 422),
    ("/api/articles?cursor=%%%", 400),
    ("/api/articles?limit=0", 422),
    ("/api/search", 422),
    ("/api/search?q=x&since=not-a-date", 400),
    ("/api/nothing-here", 404),
])
def test_errors_are_json_with_the_right_status(api, path, status):
    r = api.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json()["error"], str) and r.json()["error"]
