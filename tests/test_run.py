"""`newsdesk run`: the reader and the poller in one process."""

from __future__ import annotations

import html
import time

from fastapi.testclient import TestClient

from newsdesk.fetch import FetchSettings
from newsdesk.model import Source
from newsdesk.store import open_store
from newsdesk.web import create_app


def test_serving_app_polls_sources_on_its_schedule(newsroom, tmp_path):
    db = tmp_path / "run.db"
    store = open_store(db)
    store.add_source(Source(url=newsroom.url("/feeds/wikinews.atom"), kind="feed"))
    app = create_app(str(db), poll_interval=3600, fetch_settings=FetchSettings(allow_private_networks=True))
    with TestClient(app) as client:  # lifespan starts the poller
        deadline = time.monotonic() + 60
        while store.count_articles() < 10 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert store.count_articles() >= 10
        page = client.get("/")
        assert page.status_code == 200
        newest = store.recent_articles(limit=1)[0]
        assert html.escape(newest.title) in page.text
