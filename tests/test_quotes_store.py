"""Quotes in the database: analysis on ingest, entities across outlets, search, pages and API."""

from __future__ import annotations

import json

import pytest

from newsdesk.model import Article
from newsdesk.pipeline import store_article

A = ["Ukrainian President Volodymyr Zelenskyy met European leaders in Paris on Thursday.",
     "“Russia is making every effort to drag out the war,” Zelenskyy said, according to Reuters.",
     "Russian Foreign Ministry spokesperson Maria Zakharova said foreign troops in Ukraine would be "
     "“unacceptable” to Moscow."]
B = ["Volodymyr Zelensky said on Friday that the talks had gone well.",
     "“Russia is making every effort to drag out the war,” Zelensky said in a video address.",
     "Zakharova told reporters: “There will be no foreign troops in Ukraine in any form.”"]


def _article(url, paras, site, story_id=None):
    return Article(url=url, title=paras[0][:60], paragraphs=paras, site_name=site, story_id=story_id)


@pytest.fixture
def inline(monkeypatch):
    monkeypatch.setenv("NEWSDESK_QUOTES", "inline")


def test_default_ingest_only_queues_then_pending_is_analysed(store, monkeypatch):
    monkeypatch.delenv("NEWSDESK_QUOTES", raising=False)
    from newsdesk.analyze.quotes import analyse_pending

    aid, _ = store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    assert store.quote_analysis_counts() == {"pending": 1}
    assert store.article_quotes(aid) == []
    assert analyse_pending(store) == 1
    assert store.quote_analysis_counts() == {"done": 1}
    assert len(store.article_quotes(aid)) == 2
    # Storing the same content again does not queue it again.
    store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    assert store.pending_quote_analyses() == []


def test_off_switch(store, monkeypatch):
    monkeypatch.setenv("NEWSDESK_QUOTES", "off")
    store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    assert store.quote_analysis_counts() == {}


def test_same_person_across_outlets_and_spellings(store, inline):
    a, _ = store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    b, _ = store_article(store, _article("https://b.example/1", B, "Outlet B"), None)
    z = store.find_entity("Zelensky")
    assert z is not None and z.name == "Volodymyr Zelenskyy" and z.articles == 2
    assert store.find_entity("Zelenskyy").id == store.find_entity("Volodymyr Zelenskiy").id == z.id
    assert {o["outlet"] for o in store.entity_quoted_by(z.id)} == {"Outlet A", "Outlet B"}
    zak = store.find_entity("Zakharova")
    assert zak.name == "Maria Zakharova" and zak.role == "Russian Foreign Ministry spokesperson"
    # B only says "Zakharova": its quote still belongs to her.
    assert {q.article_id for q in store.entity_quotes(zak.id)} == {a, b}


def test_quote_search_by_speaker_and_topic(store, inline):
    store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    store_article(store, _article("https://b.example/1", B, "Outlet B"), None)
    entity, hits = store.search_quotes("what did Zakharova say about troops")
    assert entity.name == "Maria Zakharova"
    assert [h.text for h in hits] == ["There will be no foreign troops in Ukraine in any form.", "unacceptable"]
    entity, hits = store.search_quotes("drag out the war")
    assert entity is None and len(hits) == 2


def test_reanalysis_replaces_and_deletion_cascades(store, inline):
    aid, _ = store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    assert len(store.article_quotes(aid)) == 2
    changed = A[:2]
    store_article(store, _article("https://a.example/1", changed, "Outlet A"), None)
    assert [q.speaker for q in store.article_quotes(aid)] == ["Volodymyr Zelenskyy"]
    with store._tx() as db:
        db.execute("DELETE FROM articles WHERE id=?", (aid,))
    assert store.article_quotes(aid) == [] and store.quote_analysis_state(aid) is None


def test_migration_numbers_with_a_gap_still_apply_later_ones(tmp_path, monkeypatch):
    """Numbers are handed out ahead of time; a 0003 that lands after 0004 must still run."""
    import sqlite3

    from newsdesk.store import sqlite as sq

    real = sq._migrations()
    late = (3, "late", "CREATE TABLE late_arrival (x INTEGER);")
    monkeypatch.setattr(sq, "_migrations", lambda: [m for m in real if m[0] != 3])
    db = tmp_path / "gap.db"
    sq.SQLiteStore(db).close()
    monkeypatch.setattr(sq, "_migrations", lambda: sorted([m for m in real if m[0] != 3] + [late]))
    s = sq.SQLiteStore(db)
    assert s.db.execute("SELECT count(*) FROM sqlite_master WHERE name='late_arrival'").fetchone()[0] == 1
    s.close()
    assert sqlite3.connect(db).execute("SELECT count(*) FROM schema_migrations WHERE version=3").fetchone()[0] == 1


def test_pages_and_json(store, inline, tmp_path):
    from fastapi.testclient import TestClient

    from newsdesk.web.app import create_app

    a, _ = store_article(store, _article("https://a.example/1", A, "Outlet A"), None)
    b, _ = store_article(store, _article("https://b.example/1", B, "Outlet B"), None)
    with store._tx() as db:
        sid = db.execute("INSERT INTO stories(title) VALUES ('Paris talks')").lastrowid
        db.execute("UPDATE articles SET story_id=? WHERE id IN (?, ?)", (sid, a, b))
    c = TestClient(create_app(store.path))
    z = store.find_entity("Zelenskyy")
    page = c.get(f"/people/{z.id}")
    assert page.status_code == 200 and "drag out the war" in page.text and "Outlet B" in page.text
    assert c.get("/people?kind=person").status_code == 200
    found = c.get("/quotes", params={"q": "what did Zakharova say about troops"})
    assert "no foreign troops" in found.text
    api = c.get("/api/quotes", params={"q": "Zakharova troops"}).json()
    assert api["speaker"]["name"] == "Maria Zakharova" and api["quotes"][0]["outlet"] == "Outlet B"
    person = c.get(f"/api/people/{z.id}").json()
    assert person["name"] == "Volodymyr Zelenskyy" and len(person["quotes"]) == 3  # two direct, one reported
    voices = c.get(f"/api/stories/{sid}/voices").json()
    assert voices["voices"][0]["speaker"] == "Volodymyr Zelenskyy"
    assert voices["voices"][0]["outlets"] == ["Outlet A", "Outlet B"]
    drift = voices["drift"][0]
    assert drift["articles"] == 2 and "relay" in drift["drift"]  # Reuters in A, nothing in B
    assert "Outlet A" in c.get(f"/stories/{sid}/voices").text
    feed = c.get(f"/people/{z.id}/quotes.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml") and "drag out the war" in feed.text
    art = c.get(f"/api/articles/{a}/quotes").json()
    assert art["analysis"] == "done" and len(art["quotes"]) == 2
    assert c.get("/api/people/999999").status_code == 404
    assert c.get("/api/people", params={"kind": "planet"}).status_code == 400
    assert json.loads(c.get("/api/people").text)[0]["quotes"] >= 2
