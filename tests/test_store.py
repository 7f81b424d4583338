"""The store: migrations in place, idempotent upserts, search, reading state."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from newsdesk.model import Article, Image, Source
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
    old = SQLiteStore(path, migrate_to=1)  # a database written by the first release
    assert old.schema_version == 1
    src = old.add_source(Source(url="https://example.com/feed.xml", title="Example"))
    aid, _ = old.upsert_article(make(source_id=src.id, authors=["Jane Doe"],
                                     published=datetime(2025, 9, 4, 10, 30, tzinfo=timezone.utc)))
    old.close()

    new = open_store(path)  # the current release opens it
    assert new.schema_version == SCHEMA_VERSION
    a = new.get_article(aid)
    assert a.title == "Storm hits coast" and a.authors == ["Jane Doe"]
    assert a.published == datetime(2025, 9, 4, 10, 30, tzinfo=timezone.utc)
    assert [h.article.id for h in new.search("landfall")] == [aid]
    new.set_read(aid)  # a column added by migration 2 works on the upgraded file
    assert "read" in new.get_article(aid).flags
    assert new.get_source(src.id).article_count == 1


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
