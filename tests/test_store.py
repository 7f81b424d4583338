"""The store: migrations in place, idempotent upserts, search, reading state."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from newsdesk.model import Article, Image
from newsdesk.store import SCHEMA_VERSION, StoreError, open_store
from newsdesk.store.sqlite import SQLiteStore, fts_query


def make(url="https://example.com/a", title="Storm hits coast", text="The storm made landfall.\n\nThousands lost power.",
         **kw) -> Article:
    return Article(url=url, title=title, paragraphs=text.split("\n\n"), html="<p>x</p>", **kw)


def test_new_database_is_wal_and_latest_schema(tmp_path):
    s = open_store(tmp_path / "n.db")
    assert s.schema_version == SCHEMA_VERSION >= 2
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upgrade_in_place_keeps_data(tmp_path):
    path = tmp_path / "old.db"
    old = SQLiteStore(path, migrate_to=1)  # the schema of the first release...
    assert old.schema_version == 1
    # ...holding rows written the way that release wrote them
    old.db.execute("INSERT INTO sources(id, url, title, created_at) VALUES (1, 'https://example.com/feed.xml', 'Example', '2025-09-01T00:00:00+00:00')")
    old.db.execute(
        "INSERT INTO articles(id, source_id, url, key_url, content_hash, title, text, html, authors, published, sort_ts,"
        " fetched_at, created_at) VALUES (7, 1, 'https://example.com/a', 'https://example.com/a', 'h1', 'Storm hits coast',"
        " 'The storm made landfall.\n\nThousands lost power.', '<p>x</p>', '[\"Jane Doe\"]', '2025-09-04T10:30:00+00:00',"
        " 1756981800, '2025-09-04T11:00:00+00:00', '2025-09-04T11:00:00+00:00')")
    old.close()

    new = open_store(path)  # the current release opens it
    assert new.schema_version == SCHEMA_VERSION
    a = new.get_article(7)
    assert a.title == "Storm hits coast" and a.authors == ["Jane Doe"] and a.agencies == []
    assert a.published == datetime(2025, 9, 4, 10, 30, tzinfo=timezone.utc)
    assert [h.article.id for h in new.search("landfall")] == [7]
    new.set_read(7)  # a column added by a later migration works on the upgraded file
    assert "read" in new.get_article(7).flags
    assert new.get_source(1).article_count == 1
    # and the upgraded file takes new articles with every current field
    aid, status = new.upsert_article(make(url="https://example.com/b", title="Aftermath", agencies=["AP"]))
    assert status == "new" and new.get_article(aid).agencies == ["AP"]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this newsdesk"):
        open_store(path)


def test_same_canonical_url_is_one_article_updated_in_place(store):
    first, status = store.upsert_article(make(url="https://Example.com/a?utm_source=rss#top"))
    assert status == "new"
    assert store.upsert_article(make(url="https://example.com/a")) == (first, "unchanged")
    again, status = store.upsert_article(make(url="https://example.com/a", text="The storm made landfall.\n\nCorrection."))
    assert (again, status) == (first, "updated")
    assert store.get_article(first).paragraphs[-1] == "Correction."
    assert store.count_articles() == 1
    # search follows the update
    assert store.search("Correction") and not store.search("Thousands")


def test_same_content_under_another_url_is_the_same_article(store):
    a, _ = store.upsert_article(make(url="https://example.com/a"))
    b, status = store.upsert_article(make(url="https://mirror.example.org/copy"))
    assert (b, status) == (a, "unchanged")


def test_reading_state_survives_refetch(store):
    aid, _ = store.upsert_article(make())
    store.set_starred(aid)
    store.upsert_article(make(text="New text entirely."))
    assert "starred" in store.get_article(aid).flags


def test_image_and_dates_round_trip(store):
    pub = datetime.fromisoformat("2025-09-04T08:00:00-04:00")
    aid, _ = store.upsert_article(make(image=Image("https://img.example/x.jpg", "Leaders met", "Pool via Reuters"),
                                       published=pub, tags=["Ukraine"]))
    a = store.get_article(aid)
    assert a.image == Image("https://img.example/x.jpg", "Leaders met", "Pool via Reuters")
    assert a.published == pub and a.published.utcoffset().total_seconds() == -4 * 3600
    assert a.tags == ["Ukraine"]


def test_agencies_are_stored_apart_from_authors(store):
    aid, _ = store.upsert_article(make(authors=["Jane Doe"], agencies=["Reuters"]))
    a = store.get_article(aid)
    assert a.authors == ["Jane Doe"] and a.agencies == ["Reuters"]


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR NOT", "title:(", "*", "a - b", "NEAR(x y)", "'; DROP TABLE articles;--"])
def test_search_never_errors_on_odd_input(store, query):
    store.upsert_article(make())
    store.search(query)  # must not raise
    assert store.count_articles() == 1


def test_search_phrases_and_prefix(store):
    store.upsert_article(make())
    assert fts_query('"made landfall" thous*') == '"made landfall" "thous"*'
    assert len(store.search('"made landfall" thous*')) == 1
    assert store.search('"landfall made"') == []
