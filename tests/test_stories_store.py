"""Stories in the store and the reader: filed on ingest, kept across restarts, merges redirect,
duplicates folded under their original on /stories/{id}, storylines, "why"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsdesk.model import Article, Source
from newsdesk.pipeline import store_article
from newsdesk.store import open_store

from test_stories import GUARD, GUARD_OTHER_OUTLET, QUAKE_JAPAN, QUAKE_JAPAN_2, QUAKE_PERU

QUAKE_PERU_2 = ("Peru's civil defence agency said houses collapsed in Chala and Yauca after Monday's magnitude 6.8 "
                "earthquake in the Arequipa region; the Geophysical Institute recorded aftershocks overnight.")
QUAKE_JAPAN_3 = ("Aftershocks rattled Aomori and Hachinohe a day after the magnitude 7.1 earthquake, the Japan "
                 "Meteorological Agency said, as residents of the Pacific coast returned home.")

T0 = datetime(2025, 11, 27, 9, tzinfo=timezone.utc)


def art(url, title, text, *, hours=0.0, site=None):
    return Article(url=url, title=title, paragraphs=text.split("\n\n"), published=T0 + timedelta(hours=hours),
                   site_name=site)


@pytest.fixture
def filled(tmp_path):
    db = tmp_path / "s.db"
    store = open_store(db)
    src = store.add_source(Source(url="https://feeds.example/all.xml", title="All"))
    ids = {}
    items = [
        ("orig", art("https://wire.example/guard", "National Guard shooting suspect hit with murder, assault charges",
                     GUARD, site="Wire")),
        ("copy", art("https://paper.example/guard-suspect",
                     "Suspect in National Guard Shooting Faces Charges of Murder and Assault",
                     GUARD.replace("federal prosecutors in Washington said", "prosecutors said"), hours=1,
                     site="Daily Paper")),
        ("own", art("https://other.example/lakanwal", "Lakanwal charged with murder as Beckstrom dies",
                    GUARD_OTHER_OUTLET, hours=2, site="Other Outlet")),
        ("jp", art("https://jp.example/quake", "Strong earthquake off northern Japan", QUAKE_JAPAN, hours=3,
                   site="Tokyo Times")),
        ("pe", art("https://pe.example/quake", "Strong earthquake hits southern Peru", QUAKE_PERU, hours=4,
                   site="Lima Post")),
        ("jp2", art("https://jp2.example/q", "Japan lifts tsunami warning", QUAKE_JAPAN_2, hours=5,
                    site="Osaka Daily")),
        ("pe2", art("https://pe2.example/q", "Houses collapse in Peru quake", QUAKE_PERU_2, hours=6,
                    site="Andes Herald")),
        ("lone", art("https://x.example/budget", "Parliament passes the spring budget",
                     "Lawmakers passed the spring budget after a late-night session, raising school spending.",
                     hours=7, site="Wire")),
    ]
    for name, a in items:
        ids[name], status = store_article(store, a, src.id)
        assert status == "new"
    yield db, store, ids
    store.close()


def test_articles_are_filed_into_stories_with_duplicates_recorded(filled):
    _, store, ids = filled
    a = {k: store.get_article(v) for k, v in ids.items()}
    assert a["orig"].story_id == a["copy"].story_id == a["own"].story_id
    assert a["jp"].story_id == a["jp2"].story_id not in (a["orig"].story_id, a["pe"].story_id)
    assert a["pe"].story_id == a["pe2"].story_id
    # a lone article is not shown as a story until a second report joins it
    assert a["lone"].story_id is None
    story = store.get_story(a["orig"].story_id)
    assert story.article_count == 3 and set(story.outlets) == {"Wire", "Daily Paper", "Other Outlet"}
    assert story.title and story.first_seen == T0 and story.last_seen == T0 + timedelta(hours=2)
    dups = store.story_duplicates(story.id)
    assert dups[ids["copy"]]["original"] == ids["orig"] and dups[ids["copy"]]["kind"] == "rewrite"
    assert store.duplicate_map([ids["copy"], ids["own"]]) == {ids["copy"]: ids["orig"]}
    # the two earthquakes are two stories of one storyline
    line = store.storyline_of(a["jp"].story_id)
    assert line is not None and line == store.storyline_of(a["pe"].story_id)


def test_stories_survive_a_restart_and_continue(filled):
    db, store, ids = filled
    before = store.get_article(ids["jp"]).story_id
    store.close()
    again = open_store(db)
    new_id, _ = store_article(again, art("https://jp3.example/q", "Aftershocks rattle Aomori", QUAKE_JAPAN_3,
                                         hours=8, site="Sendai News"), None)
    assert again.get_article(new_id).story_id == before
    assert again.get_story(before).article_count == 3
    # the lone article's story survived too: a second report makes it a shown story
    lone_id, _ = store_article(again, art("https://y.example/budget", "Spring budget passed after late session",
                                          "The spring budget passed after a late-night session of lawmakers, "
                                          "with more spending on schools.", hours=9, site="Other Outlet"), None)
    assert again.get_article(lone_id).story_id is not None
    assert again.get_article(lone_id).story_id == again.get_article(ids["lone"]).story_id
    again.close()


def test_unchanged_reimport_does_not_refile(filled):
    _, store, ids = filled
    n = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    _, status = store_article(store, art("https://wire.example/guard",
                                         "National Guard shooting suspect hit with murder, assault charges",
                                         GUARD, site="Wire"), None)
    assert status == "unchanged"
    assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == n


def test_merged_story_redirects_in_store_and_reader(filled, tmp_path):
    from fastapi.testclient import TestClient

    from newsdesk.stories.service import desk_for
    from newsdesk.web.app import create_app

    db, store, ids = filled
    desk = desk_for(store)
    jp, pe = store.get_article(ids["jp"]).story_id, store.get_article(ids["pe"]).story_id
    survivor = desk.engine.merge(jp, pe)
    gone = pe if survivor == jp else jp
    changed, moved = desk.engine.drain()
    summaries = [desk.engine.summary(s) for s in changed if s in desk.engine.stories]
    store.save_story_changes(moved=moved, stories=summaries, gone={gone: survivor})
    assert store.resolve_story(gone) == survivor

    client = TestClient(create_app(str(db)))
    r = client.get(f"/stories/{gone}", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == f"/stories/{survivor}"
    page = client.get(f"/stories/{store.get_article(ids['orig']).story_id}")
    assert page.status_code == 200
    html = page.text
    assert "Wire" in html and "Other Outlet" in html
    # the rewrite is folded under its original, not listed as its own outlet's report
    folded = html[html.index('<details class="dups">'):]
    folded = folded[:folded.index("</details>")]
    assert "1 copy elsewhere" in folded and "Suspect in National Guard Shooting Faces Charges" in folded
    assert "Daily Paper" in folded


def test_storyline_page_and_why_endpoint(filled):
    from fastapi.testclient import TestClient

    from newsdesk.web.app import create_app

    db, store, ids = filled
    client = TestClient(create_app(str(db)))
    line = store.storyline_of(store.get_article(ids["jp"]).story_id)
    page = client.get(f"/storylines/{line[0]}")
    assert page.status_code == 200 and "Strong earthquake" in page.text
    assert client.get("/storylines/999999").status_code == 404
    why = client.get(f"/articles/{ids['orig']}/why/{ids['own']}").json()
    assert why["same_story"] is True and "lakanwal" in why["shared_names"]
    apart = client.get(f"/articles/{ids['jp']}/why/{ids['pe']}").json()
    assert apart["same_story"] is False and apart["vetoes"]
