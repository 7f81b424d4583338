"""The minimal reader: pages render stored articles, safely."""

from __future__ import annotations

from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsdesk.cli import main
from newsdesk.model import Article, Image, Source
from newsdesk.pipeline import store_article
from newsdesk.store import open_store
from newsdesk.web import create_app

EVIL = ('<p onclick="alert(1)">Body text about the summit.</p><script>alert(2)</script>'
        '<a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>'
        '<img src="x" onerror="alert(4)"><form action="/steal"><input name="p"></form>')


def setup_db(tmp_path):
    db = tmp_path / "web.db"
    store = open_store(db)
    src = store.add_source(Source(url="https://news.example/feed.xml", title="Example News"))
    ids = []
    for i in range(3):
        a = Article(url=f"https://news.example/{i}", title=f"Summit day {i}", paragraphs=[f"Leaders met for day {i}."],
                    html=EVIL, authors=["Jane Doe"], site_name="Example News",
                    image=Image("https://img.example/{i}.jpg", "Leaders at the table", "Jane Roe/Pool via Reuters"))
        ids.append(store_article(store, a, src.id)[0])
    return db, ids


def test_front_article_search_sources(tmp_path):
    db, ids = setup_db(tmp_path)
    client = TestClient(create_app(str(db)))
    front = client.get("/")
    assert front.status_code == 200
    assert "Summit day 2" in front.text and f'href="/articles/{ids[0]}"' in front.text

    page = client.get(f"/articles/{ids[0]}")
    assert page.status_code == 200
    assert "Summit day 0" in page.text and "By Jane Doe" in page.text
    assert 'href="https://news.example/0"' in page.text  # link to the original
    assert "Jane Roe/Pool via Reuters" in page.text  # credit shown with the image

    found = client.get("/search", params={"q": "leaders day 1"})
    assert found.status_code == 200 and "Summit day 1" in found.text and "<mark>" in found.text
    assert "No articles match" in client.get("/search", params={"q": "zzzzzz"}).text

    sources = client.get("/sources")
    assert "Example News" in sources.text


def test_article_html_is_sanitized_and_headers_strict(tmp_path):
    db, ids = setup_db(tmp_path)
    stored = open_store(db).get_article(ids[0]).html
    client = TestClient(create_app(str(db)))
    r = client.get(f"/articles/{ids[0]}")
    for html in (stored, r.text):
        low = html.lower()
        assert "<script>alert" not in low and "onclick" not in low and "onerror" not in low
        assert "javascript:" not in low and "<iframe" not in low and "<form action=\"/steal" not in low
    assert "Body text about the summit." in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_missing_article_is_404(tmp_path):
    db, _ = setup_db(tmp_path)
    client = TestClient(create_app(str(db)))
    assert client.get("/articles/999999").status_code == 404
    assert client.get("/articles/999999", headers={"accept": "application/json"}).json() == {"error": "No such article"}


def test_serve_refuses_non_loopback_without_accounts(tmp_path):
    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert r.exit_code != 0
    assert "loopback" in r.output and "refusing" in r.output
