"""Listening through the reader: status, files with Range, the live stream, the queue, positions,
story narration, the podcast feed, and bad input (no text, no voice, a killed worker)."""

from __future__ import annotations

import os
import re
import signal
import time
from datetime import datetime, timezone

import feedparser
import pytest
from audio_helpers import assert_speech, decode, need_tools
from fastapi.testclient import TestClient

from newsdesk.model import Article
from newsdesk.web.app import create_app


@pytest.fixture(autouse=True)
def tools():
    need_tools()


def art(url, title, paragraphs, *, lang="en", site="Alpha News", published=None):
    return Article(url=url, title=title, paragraphs=paragraphs, language=lang, site_name=site,
                   published=published or datetime.now(timezone.utc))


STORM = art("https://alpha.test/storm", "Storm hits the coast", [
    "A powerful storm hit the northern coast on Monday, flooding hundreds of homes.",
    "Officials ordered the evacuation of three coastal villages before dawn."])
STORM_B = art("https://beta.test/storm", "Coast storm floods homes", [
    "A powerful storm hit the northern coast on Monday and flooded hundreds of homes.",
    "The weather service said wind gusts reached one hundred and forty kilometres per hour."], site="Beta Daily")
SHORT = art("https://alpha.test/short", "Council approves budget", ["The city council approved the budget on Tuesday."])
GERMAN = art("https://gamma.test/de", "Sturm an der Küste", ["Ein schwerer Sturm traf am Montag die Nordküste."],
             lang="de", site="Gamma")
NO_TEXT = art("https://alpha.test/empty", "A headline with nothing under it", [])
KLINGON = art("https://delta.test/tlh", "Qapla'", ["nuqneH. Heghlu'meH QaQ jajvam."], lang="tlh", site="Delta")
LONG = art("https://alpha.test/long", "A long report", [
    f"Paragraph {i}: the committee heard evidence from witnesses about the state of the harbour and its future."
    for i in range(1, 25)])


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSDESK_LISTEN", raising=False)
    db = tmp_path / "desk.db"
    app = create_app(str(db))
    store = app.state.store
    ids = {}
    for name, a in dict(storm=STORM, storm_b=STORM_B, short=SHORT, german=GERMAN, no_text=NO_TEXT,
                        klingon=KLINGON, long=LONG).items():
        ids[name], _ = store.upsert_article(a)
    with TestClient(app) as client:
        client.get("/")  # sets the CSRF cookie
        client.headers["X-CSRF-Token"] = client.cookies.get("newsdesk_csrf") or ""
        yield client, store, ids, tmp_path / "desk-audio"


def wait_for(client, kind, target_id, states=("ready", "failed", "unavailable"), timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        st = client.get(f"/api/audio/{kind}/{target_id}").json()
        if st["status"] in states:
            return st
        time.sleep(0.2)
    raise AssertionError(f"{kind} {target_id} still {st['status']}: {st['message']}")


def test_article_audio_end_to_end(desk):
    client, store, ids, audio_dir = desk
    i = ids["storm"]
    st = client.get(f"/api/audio/article/{i}").json()
    assert st["status"] == "none" and "press Listen" in st["message"]
    r = client.get(f"/articles/{i}/audio")
    assert r.status_code == 503 and r.headers["retry-after"]  # asked for: it is being made, not served half-made

    st = wait_for(client, "article", i)
    assert st["status"] == "ready", st
    assert st["engine"] == "piper" and st["voice"] == "en_US-joe-medium"
    assert st["message"].startswith("Ready:")

    full = client.get(f"/articles/{i}/audio")
    assert full.status_code == 200 and full.headers["content-type"] == "audio/ogg"
    assert full.headers["accept-ranges"] == "bytes"
    words = 5 + 2 + 25  # title, "From Alpha News.", body
    seconds = assert_speech(full.content, words, "ogg")
    assert abs(seconds - st["duration"]) < 0.5

    part = client.get(f"/articles/{i}/audio", headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 100-1099/{len(full.content)}"
    assert part.content == full.content[100:1100]

    mp3 = client.get(f"/articles/{i}/audio?format=mp3")
    assert mp3.headers["content-type"] == "audio/mpeg"
    assert_speech(mp3.content, words, "mp3")
    assert client.head(f"/articles/{i}/audio?format=mp3").headers["content-length"] == str(len(mp3.content))
    assert client.get(f"/articles/{i}/audio?format=flac").status_code == 400
    assert client.get("/articles/99999/audio").status_code == 404
    assert not list(audio_dir.glob("*.part"))


def test_live_stream_plays_while_it_is_made(desk):
    client, store, ids, audio_dir = desk
    i = ids["short"]
    with client.stream("GET", f"/articles/{i}/audio/live") as r:
        assert r.status_code == 200 and r.headers["content-type"] == "audio/ogg"
        body = b"".join(r.iter_bytes())
    assert body[:4] == b"OggS"
    assert_speech(body, 5 + 3 + 8, "ogg")
    assert wait_for(client, "article", i)["status"] == "ready"
    # a second listener gets the complete file
    assert client.get(f"/articles/{i}/audio/live?format=mp3").headers["content-type"] == "audio/mpeg"


def test_language_decides_the_voice(desk):
    client, store, ids, _ = desk
    i = ids["german"]
    client.post(f"/api/audio/article/{i}")
    st = wait_for(client, "article", i)
    assert (st["status"], st["engine"], st["voice"]) == ("ready", "espeak", "de")
    decode(client.get(f"/articles/{i}/audio").content, "ogg")


@pytest.mark.parametrize("name, why", [("no_text", "no text to read"), ("klingon", "no voice speaks")])
def test_unreadable_articles_say_why_on_the_page_and_in_the_api(desk, name, why):
    client, store, ids, audio_dir = desk
    i = ids[name]
    st = client.post(f"/api/audio/article/{i}").json()
    st = wait_for(client, "article", i)
    assert st["status"] == "unavailable" and why in st["message"]
    r = client.get(f"/articles/{i}/audio")
    assert r.status_code == 409 and why in r.json()["error"]
    page = client.get(f"/articles/{i}").text
    assert why in page and 'data-status="unavailable"' in page
    assert not list(audio_dir.glob(f"article-{i}-*"))


def test_a_killed_worker_fails_clearly_serves_nothing_and_the_queue_goes_on(desk):
    client, store, ids, audio_dir = desk
    narrator = client.app.state.narrator
    for name in ("long", "short"):
        assert client.post("/api/audio/queue", json={"kind": "article", "id": ids[name]}).status_code == 201
    i = ids["long"]
    wait_for(client, "article", i, states=("running",))
    deadline = time.monotonic() + 60
    while store.audio_job("article", i).sentences_done < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(narrator.engine_pid("piper"), signal.SIGKILL)
    st = wait_for(client, "article", i)
    assert st["status"] == "failed"
    assert "speech worker stopped unexpectedly (killed by SIGKILL)" in st["message"]
    assert "try again" in st["message"]
    assert client.get(f"/articles/{i}/audio").status_code == 409
    assert not list(audio_dir.glob(f"article-{i}-*"))  # no half-written file, under any name
    assert 'data-status="failed"' in client.get(f"/articles/{i}").text
    # the queue goes on: the next item is made by a fresh worker
    assert wait_for(client, "article", ids["short"])["status"] == "ready"
    queue = client.get("/api/audio/queue").json()["items"]
    assert [(q["id"], q["status"]) for q in queue] == [(i, "failed"), (ids["short"], "ready")]


def test_queue_positions_and_marking_read(desk):
    client, store, ids, _ = desk
    a, b = ids["short"], ids["storm"]
    assert client.post("/api/audio/queue", json={"kind": "article", "id": a}).json()["added"] is True
    assert client.post("/api/audio/queue", json={"kind": "article", "id": a}).json()["added"] is False
    client.post("/api/audio/queue", json={"kind": "article", "id": b})
    assert client.post("/api/audio/queue", json={"kind": "article", "id": 424242}).status_code == 404
    assert client.post("/api/audio/queue", json={"kind": "podcast", "id": a}).status_code == 422

    r = client.put(f"/api/audio/position/article/{a}", json={"position": 12.5, "duration": 40})
    assert r.status_code == 200 and r.json()["marked_read"] == []
    assert client.get(f"/api/audio/position/article/{a}").json()["position"] == 12.5
    assert client.get(f"/api/audio/article/{a}").json()["position"] == 12.5
    assert "read" not in store.get_article(a).flags

    done = client.put(f"/api/audio/position/article/{a}", json={"position": 40, "finished": True}).json()
    assert done["marked_read"] == [a]
    assert done["next"]["id"] == b  # the player moves on to this
    assert "read" in store.get_article(a).flags
    assert [q["id"] for q in client.get("/api/audio/queue").json()["items"]] == [b]
    assert client.delete(f"/api/audio/queue/article/{b}").json() == {"removed": True}
    assert client.get("/api/audio/queue").json()["items"] == []

    page = client.get("/listen")
    assert page.status_code == 200 and "Listening queue" in page.text


def test_state_changes_need_the_csrf_token(desk):
    client, _, ids, _ = desk
    del client.headers["X-CSRF-Token"]
    assert client.post("/api/audio/queue", json={"kind": "article", "id": ids["short"]}).status_code == 403
    assert client.put(f"/api/audio/position/article/{ids['short']}", json={"position": 1}).status_code == 403


def test_story_narration_podcast_and_read_marking(desk):
    client, store, ids, _ = desk
    # the stories stage's own API files the two reports into one story (its engine is not run here)
    sid, now = store.new_story_id(), time.time()
    store.save_story_changes(moved={ids["storm"]: sid, ids["storm_b"]: sid}, gone={}, stories=[{
        "id": sid, "title": "Storm hits the coast", "representative": ids["storm"], "first_seen": now,
        "last_seen": now, "storyline": None, "outlets": ["Alpha News", "Beta Daily"]}])
    client.post(f"/api/audio/story/{sid}")
    st = wait_for(client, "story", sid)
    assert st["status"] == "ready", st
    # representative in full, then only what Beta Daily adds (its first sentence repeats Alpha's)
    words = 5 + 3 + 25 + 3 + 15
    assert_speech(client.get(f"/stories/{sid}/audio").content, words, "ogg")

    feed = feedparser.parse(client.get("/podcast.xml").content)
    assert feed.feed.title == "newsdesk: Today's stories"
    entry = next(e for e in feed.entries if e.link.endswith(f"/stories/{sid}"))
    enclosure = entry.enclosures[0]
    assert enclosure.type == "audio/mpeg"
    mp3 = client.get(enclosure.href.replace("http://testserver", ""))
    assert mp3.status_code == 200 and int(enclosure.length) == len(mp3.content)

    done = client.put(f"/api/audio/position/story/{sid}", json={"position": 30, "finished": True}).json()
    assert sorted(done["marked_read"]) == sorted([ids["storm"], ids["storm_b"]])
    assert all("read" in store.get_article(x).flags for x in (ids["storm"], ids["storm_b"]))


def test_article_page_has_the_player_and_a_policy_that_allows_it(desk):
    client, _, ids, _ = desk
    r = client.get(f"/articles/{ids['storm']}")
    csp = r.headers["content-security-policy"]
    assert "media-src 'self'" in csp and "connect-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert 'class="listen"' in r.text and 'src="/static/player.js"' in r.text
    assert "press Listen" in r.text  # the status, rendered on the page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", r.text), "inline script"
    assert not re.search(r'\sstyle="', r.text.split('<section class="listen"')[1].split("</section>")[0])
    assert client.get("/static/player.js").status_code == 200


def test_background_policy_makes_audio_after_ingest(tmp_path, monkeypatch):
    from newsdesk.pipeline import store_article
    from newsdesk.store import open_store

    monkeypatch.setenv("NEWSDESK_LISTEN", "followed")
    store = open_store(tmp_path / "bg.db")
    (i, _) = store_article(store, art("https://alpha.test/imported", "Imported", ["Just a file."]), None)
    assert store.audio_job("article", i) is None  # not from a followed source
    from newsdesk.model import Source

    feed = store.add_source(Source(url="https://alpha.test/feed.xml", kind="feed"))
    (j, _) = store_article(store, art("https://alpha.test/followed", "Followed news", ["From a feed."]), feed.id)
    assert store.audio_job("article", j).status == "queued"
    app = create_app(str(tmp_path / "bg.db"))
    with TestClient(app) as client:  # the server's narrator picks it up without being asked
        assert wait_for(client, "article", j)["status"] == "ready"
