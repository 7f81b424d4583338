"""Feeds end to end against the loopback newsroom: add, discover, fetch, poll again, fail well."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.fetch import FetchSettings
from newsdesk.pipeline import poll_all, subscribe
from newsdesk.store import open_store

LOCAL = FetchSettings(allow_private_networks=True, contact_url="https://example.org/newsdesk-tests")


@pytest.fixture
def cli(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE_NETWORKS", "1")
    db = tmp_path / "feeds.db"

    def run(*args):
        r = CliRunner().invoke(main, [*map(str, args), "--db", str(db)], catch_exceptions=False)
        return r

    run.db = db
    return run


@pytest.mark.parametrize("feed", ["wikinews.rss", "wikinews.atom", "wikinews.json", "wikinews-rdf.xml", "wikinews-091.xml"])
def test_every_feed_format_fetches_full_articles(newsroom, tmp_path, feed):
    store = open_store(tmp_path / "f.db")
    source = asyncio.run(subscribe(store, newsroom.url(f"/feeds/{feed}"), LOCAL))
    assert source.kind == "feed" and source.title
    (report,) = asyncio.run(poll_all(store, LOCAL))
    assert report.error is None and report.counts["new"] >= 10
    articles = store.recent_articles(limit=100)
    assert all(a.source_id == source.id for a in articles)
    a = next(x for x in articles if len(x.paragraphs) >= 3)
    # the page was fetched and extracted: full text, none of the site's chrome
    assert a.published is not None and a.published.tzinfo is not None
    assert not any("cookie" in p.lower() for p in a.paragraphs)


def test_add_site_discovers_its_feed_and_polls_conditionally(newsroom, cli):
    r = cli("add", newsroom.url("/"))
    assert r.exit_code == 0, r.output
    store = open_store(cli.db)
    (source,) = store.list_sources()
    assert source.kind == "site" and "/feeds/" in source.url
    assert cli("fetch").exit_code == 0
    n = store.count_articles()
    assert n >= 10
    feed_path = source.url.removeprefix(newsroom.base_url)
    before = newsroom.hits(feed_path)
    assert cli("fetch").exit_code == 0
    assert newsroom.hits(feed_path) == before + 1
    conditional = [h for m, p, h in newsroom.requests if p == feed_path][-1]
    sent = {k.lower() for k in conditional}
    assert "if-none-match" in sent or "if-modified-since" in sent
    assert store.count_articles() == n  # nothing duplicated
    src = store.get_source(source.id)
    assert src.last_error is None and src.last_success is not None and src.etag


def test_site_without_alternate_link_is_still_discovered(newsroom, cli):
    r = cli("add", newsroom.url("/nofeed.html"))
    assert r.exit_code == 0, r.output
    assert open_store(cli.db).list_sources()[0].url.endswith("/feeds/aeb.rss")


def test_page_with_no_feed_says_so(newsroom, cli):
    r = cli("add", newsroom.url("/image.jpg"))
    assert r.exit_code != 0 and "no feed found" in r.output


def test_broken_sources_are_reported_and_the_rest_continue(newsroom, tmp_path):
    store = open_store(tmp_path / "b.db")
    from newsdesk.model import Source

    for path in ("/feeds/malformed.rss", "/status/500", "/feeds/gone.rss", "/binary.html", "/feeds/wikinews.atom"):
        store.add_source(Source(url=newsroom.url(path), kind="feed"))
    reports = asyncio.run(poll_all(store, LOCAL))
    by_url = {s.url.removeprefix(newsroom.base_url): s for s in store.list_sources()}
    assert "HTTP 500" in by_url["/status/500"].last_error
    assert "410" in by_url["/feeds/gone.rss"].last_error
    assert by_url["/binary.html"].last_error
    assert by_url["/feeds/wikinews.atom"].last_error is None and by_url["/feeds/wikinews.atom"].article_count >= 10
    malformed = by_url["/feeds/malformed.rss"]
    # a truncated feed gives what it can, and the damage is on record
    assert malformed.article_count >= 1 or malformed.last_error
    assert store.recent_problems()
    assert len(reports) == 5


def test_changing_feed_gets_new_items(newsroom, tmp_path):
    store = open_store(tmp_path / "c.db")
    asyncio.run(subscribe(store, newsroom.url("/feeds/changing.rss"), LOCAL))
    asyncio.run(poll_all(store, LOCAL))
    n = store.count_articles()
    newsroom.advance()
    (report,) = asyncio.run(poll_all(store, LOCAL))
    assert store.count_articles() == n + 1 and report.counts["new"] == 1


def test_robots_txt_is_honored_for_pages(newsroom, cli):
    r = cli("import", newsroom.url("/private/secret.html"))
    assert r.exit_code != 0
    assert "robots.txt" in r.output
    assert newsroom.hits("/private/secret.html") == 0


def test_single_article_url_through_redirects(newsroom, cli):
    first = newsroom.articles()[0]
    slug = first.path
    r = cli("import", newsroom.url(f"/redirect/2{slug}"))
    assert r.exit_code == 0, r.output
    (a,) = open_store(cli.db).recent_articles()
    assert a.title == first.title
    assert a.url.endswith(slug)


def test_opml_import_then_export(newsroom, cli, tmp_path):
    opml = tmp_path / "subs.opml"
    import httpx

    opml.write_bytes(httpx.get(newsroom.url("/subscriptions.opml")).content)
    assert cli("import", opml).exit_code == 0
    subs = open_store(cli.db).list_sources()
    assert len(subs) >= 5
    out = tmp_path / "out.opml"
    assert cli("export", "--format", "opml", "-o", out).exit_code == 0
    from newsdesk.sources.opml import parse_opml

    exported, _ = parse_opml(out.read_bytes())
    assert {s.url for s in exported} == {s.url for s in subs}


def test_kill_fetch_midway_then_rerun(newsroom, tmp_path):
    db = tmp_path / "kill.db"
    env = {**os.environ, "NEWSDESK_ALLOW_PRIVATE_NETWORKS": "1"}
    store = open_store(db)
    from newsdesk.model import Source

    store.add_source(Source(url=newsroom.url("/feeds/aeb.rss"), kind="feed"))
    store.close()
    cmd = [sys.executable, "-m", "newsdesk.cli", "fetch", "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    import sqlite3

    def count():
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                return c.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            return 0

    while count() < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "fetch finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    rerun = subprocess.run(cmd, env={**env, "PYTHONFAULTHANDLER": "1"}, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, f"the rerun failed ({rerun.returncode}):\n{rerun.stderr[-6000:]}"
    with sqlite3.connect(db) as c:
        total = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert c.execute("SELECT count(*) FROM (SELECT key_url FROM articles GROUP BY key_url HAVING count(*)>1)").fetchone()[0] == 0
    assert partial < total
