"""`newsdesk import` through the one pipeline: every local ingest path, bad input, idempotency."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from shareddata import shared_path
from newsdesk.cli import main
from newsdesk.pipeline import import_file
from newsdesk.store import open_store


def wikinews_jsonl(tmp_path: Path, limit: int | None = None) -> Path:
    """The Wikinews CSVs as JSONL, the shape `newsdesk import` reads."""
    csv.field_size_limit(10**8)
    out = tmp_path / "wikinews.jsonl"
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in sorted(shared_path("data", "wikinews").glob("*.csv")):
            with f.open(encoding="utf-8") as c:
                for row in csv.DictReader(c):
                    fh.write(json.dumps({"url": row["url"], "title": row["title"], "text": row["text"],
                                         "published": row["date"], "site_name": "Wikinews"}) + "\n")
                    n += 1
                    if limit and n >= limit:
                        return out
    return out


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def test_seed_page_imports_and_is_searchable(tmp_path):
    db = tmp_path / "n.db"
    seed = shared_path("seed", "aggregator-page.txt")
    r = run("import", seed, "--url", "https://www.foxnews.com/world/russia-blasts-western-troops", "--db", db)
    assert r.exit_code == 0, r.output
    store = open_store(db)
    (a,) = store.recent_articles()
    assert a.title.startswith("Russia again blasts notion of Western troops")
    assert a.url == "https://www.foxnews.com/world/russia-blasts-western-troops"
    assert any("Zakharova told reporters" in p for p in a.paragraphs)
    hits = run("search", "Zakharova unacceptable", "--json", "--db", db)
    assert json.loads(hits.output.splitlines()[0])["id"] == a.id


def test_wikinews_jsonl_import_is_idempotent(tmp_path):
    db = tmp_path / "n.db"
    jsonl = wikinews_jsonl(tmp_path)
    total = sum(1 for _ in jsonl.open())
    assert run("import", jsonl, "--db", db).exit_code == 0
    store = open_store(db)
    n = store.count_articles()
    assert n >= total - 5  # a handful of Wikinews rows are exact duplicates of each other
    assert run("import", jsonl, "--db", db).exit_code == 0
    assert store.count_articles() == n
    hit = store.search("Magnitogorsk")[0].article
    assert hit.site_name == "Wikinews" and hit.published.year == 2019


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path, store):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"url": "https://a.example/1", "title": "One", "text": "First body."}\n'
                 'this is not json\n'
                 '[1, 2]\n'
                 '{"url": "https://a.example/3", "title": "Three", "text": "Third body."}\n'
                 '{"url": "https://a.example/4"}\n', encoding="utf-8")
    report = import_file(store, f)
    assert report.counts["new"] == 2 and report.counts["failed"] == 3
    wheres = [p.where for p in report.problems]
    assert wheres == [f"{f}:2", f"{f}:3", f"{f}:5"]
    assert "not JSON" in report.problems[0].reason
    assert store.recent_problems()  # kept for the user to see


def test_warc_samples_import_what_is_readable(tmp_path):
    warcs = shared_path("data", "warc")
    store = open_store(tmp_path / "n.db")
    reports = {p.name: import_file(store, p) for p in sorted(warcs.rglob("*")) if p.is_file()
               and not p.name.startswith(("LICENSE", "SOURCE"))}
    # good archives give articles, in every container: WARC, gzipped WARC, ARC, gzipped ARC
    for name in ("example.warc", "example.warc.gz", "example.arc", "example.arc.gz", "warcfile.warc.gz"):
        r = reports[name]
        assert r.counts["new"] + r.counts["unchanged"] + r.counts["failed"] >= 1, name
    # a damaged archive keeps the records before the damage and says where it broke
    wrong = reports["example-wrong-chunks.warc.gz"]
    assert wrong.problems and "@record" in wrong.problems[-1].where
    assert store.count_articles() > 10
    # importing again adds nothing
    before = store.count_articles()
    import_file(store, warcs / "resiliparse" / "warcfile.warc.gz")
    assert store.count_articles() == before


def test_html_files_with_gzip(tmp_path):
    pages = sorted(shared_path("data", "aeb", "html").glob("*.html.gz"))[:5]
    db = tmp_path / "n.db"
    r = run("import", *pages, "--db", db)
    assert r.exit_code == 0, r.output
    assert open_store(db).count_articles() == 5


def test_undecodable_and_empty_files_are_reported(tmp_path, store):
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html><body><p>hi</p></body></html>")[:20])
    for name in ("empty.html", "binary.html", "broken.html.gz"):
        report = import_file(store, tmp_path / name)
        assert report.counts["failed"] == 1 or report.error, name
        assert report.problems and report.problems[0].reason, name
    assert store.count_articles() == 0


def test_extract_jsonl_needs_no_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seed = shared_path("seed", "aggregator-page.txt")
    page = sorted(shared_path("data", "aeb", "html").glob("*.html.gz"))[0]
    (tmp_path / "empty.html").write_bytes(b"")
    r = run("extract", seed, page, tmp_path / "empty.html", tmp_path / "missing.html", "--jsonl")
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.output.splitlines()]
    assert [l["path"] for l in lines] == [str(seed), str(page), str(tmp_path / "empty.html"), str(tmp_path / "missing.html")]
    keys = {"path", "url", "title", "text", "authors", "published", "language", "site_name", "image", "error"}
    assert all(set(l) == keys for l in lines)
    assert lines[0]["error"] is None and lines[0]["title"].startswith("Russia again")
    assert lines[1]["error"] is None and len(lines[1]["text"]) > 200
    assert lines[2]["error"] and lines[2]["text"] is None
    assert lines[3]["error"] == "no such file"
    assert not (tmp_path / "newsdesk.db").exists()


def test_export_jsonl_round_trips(tmp_path):
    db, db2 = tmp_path / "a.db", tmp_path / "b.db"
    run("import", wikinews_jsonl(tmp_path, limit=20), "--db", db)
    out = tmp_path / "export.jsonl"
    assert run("export", "--format", "jsonl", "-o", out, "--db", db).exit_code == 0
    assert run("import", out, "--db", db2).exit_code == 0
    a, b = open_store(db), open_store(db2)
    assert a.count_articles() == b.count_articles() == 20
    assert {x.title for x in a.iter_articles()} == {x.title for x in b.iter_articles()}
