#!/usr/bin/env python3
"""Reader benchmark: server time p50/p95 per page on a 100k-article database, and requests per
second under concurrent loopback load, with baselines measured in the same run.

    python bench/web_bench.py                  # 100k articles (built once, cached in bench/out/)
    python bench/web_bench.py --articles 20000 --requests 60 --load-seconds 10

The database is synthetic but made of real news text: ECB+ articles (real events, several
reports each) and Wikinews articles from ../shared, varied per copy (sentences dropped and
reordered, headlines reworded, 40 outlets, a year of dates). Articles of one ECB+ event
published within a day or two form a story, so story pages and the front page have real
multi-outlet coverage. Rows are written with SQL in large transactions because a 100k
import through the pipeline (extraction, clustering, narration queue) would measure the
pipeline, not the reader.

Server time is what the app reports in its ``Server-Timing`` header (routing, store,
templates), measured on a uvicorn server in its own process. Baselines in the same run:
``/healthz`` (the framework's floor: routing, middleware, one COUNT) and a static file.
Search is also compared with a LIKE scan of the same table (what FTS5 saves).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "bench" / "out"
OUTLETS = [f"{a} {b}" for a in ("Daily", "Evening", "Morning", "Global", "City", "National", "Coastal", "Metro")
           for b in ("Herald", "Post", "Times", "Courier", "Ledger")]  # 40 outlets
QUERIES = ["earthquake", "police shooting", "election results", "hurricane damage", "rehab", "court ruling",
           "\"prime minister\"", "oil prices", "fire", "football club"]


# -- the database ------------------------------------------------------------------------------------


def _base_docs() -> list[dict]:
    docs = []
    with open(SHARED / "data/ecbplus/ecbplus_docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            paras = [p.strip() for p in d["text"].split("\n") if p.strip()]
            if len(paras) >= 2:
                docs.append({"title": paras[0][:140], "paras": paras[1:], "event": d["cluster"]})
    for f in sorted((SHARED / "data/wikinews").glob("*.csv")):
        with open(f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                paras = [p.strip() for p in row["text"].split("\n") if len(p.strip()) > 40]
                if row["title"] and len(paras) >= 2:
                    docs.append({"title": row["title"], "paras": paras, "event": "wn:" + row["url"]})
    return docs


_REWORD = [("{t}", 3), ("Update: {t}", 1), ("{t}, officials say", 1), ("Report: {t}", 1), ("{t} (video)", 1)]


def _variant(rng: random.Random, doc: dict, n: int) -> tuple[str, list[str]]:
    form = rng.choices([f for f, _ in _REWORD], weights=[w for _, w in _REWORD])[0]
    title = form.format(t=doc["title"].rstrip("."))
    paras = [p for p in doc["paras"] if rng.random() > 0.15] or doc["paras"][:1]
    if len(paras) > 2 and rng.random() < 0.5:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return title, paras + [f"This is report number {n}."]


def build_db(path: Path, n_articles: int, seed: int = 7) -> None:
    """Write the synthetic archive; the schema comes from newsdesk's own migrations."""
    from newsdesk.store import open_store

    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    store = open_store(tmp)
    rng = random.Random(seed)
    docs = _base_docs()
    by_event: dict[str, list[dict]] = {}
    for d in docs:
        by_event.setdefault(d["event"], []).append(d)
    events = list(by_event)
    db = store.db
    now = datetime.now(timezone.utc)
    db.execute("BEGIN")
    source_ids = []
    for name in OUTLETS:
        slug = name.lower().replace(" ", "")
        source_ids.append(db.execute(
            "INSERT INTO sources(url, kind, title, site_url, created_at) VALUES (?,?,?,?,?)",
            (f"https://{slug}.example/feed.xml", "feed", name, f"https://{slug}.example/", now.isoformat())).lastrowid)
    n = 0
    started = time.time()
    while n < n_articles:
        event = rng.choice(events)
        size = min(n_articles - n, rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 12, 20]))
        # Newer days are busier, as in a real archive that keeps growing.
        t0 = now - timedelta(days=365 * rng.random() ** 2, hours=rng.random() * 24)
        story_id = None
        if size > 1:
            story_id = db.execute("INSERT INTO stories(title, first_seen, last_seen) VALUES (?,?,?)",
                                  (by_event[event][0]["title"], t0.isoformat(), t0.isoformat())).lastrowid
        outlets = rng.sample(range(len(OUTLETS)), min(size, len(OUTLETS)))
        first_id = None
        for k in range(size):
            doc = rng.choice(by_event[event])
            title, paras = _variant(rng, doc, n)
            o = outlets[k % len(outlets)]
            published = t0 + timedelta(hours=rng.random() * 36)
            slug = OUTLETS[o].lower().replace(" ", "")
            url = f"https://{slug}.example/{published:%Y/%m/%d}/{n}"
            text = "\n\n".join(paras)
            html = "".join(f"<p>{p}</p>" for p in paras).replace("&", "&amp;")
            img = json.dumps({"url": f"https://img.{slug}.example/{n}.jpg", "caption": None, "credit": None}) \
                if rng.random() < 0.7 else None
            aid = db.execute(
                """INSERT INTO articles(source_id, story_id, url, key_url, content_hash, title, text, html, authors,
                   published, sort_ts, language, site_name, image, fetched_at, created_at)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (source_ids[o], story_id, url, url, f"h{n}", title, text, html, json.dumps(["Staff reporter"]),
                 published.isoformat(), published.timestamp(), "en", OUTLETS[o], img, published.isoformat(),
                 now.isoformat())).lastrowid
            first_id = first_id or aid
            n += 1
        if story_id:
            db.execute("UPDATE stories SET representative_id=? WHERE id=?", (first_id, story_id))
        if n % 10000 < size:
            db.execute("COMMIT")
            print(f"  {n:>7} articles ({time.time() - started:.0f} s)", file=sys.stderr)
            db.execute("BEGIN")
    db.execute("COMMIT")
    db.execute("PRAGMA optimize")
    store.close()
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


# -- the server ------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    code = (f"import uvicorn; from newsdesk.web import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the reader did not start")


def server_ms(r: httpx.Response) -> float:
    m = re.search(r"dur=([\d.]+)", r.headers.get("server-timing", ""))
    return float(m.group(1)) if m else float("nan")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def pick_targets(db: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    con = sqlite3.connect(db)
    big = [r[0] for r in con.execute(
        "SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id HAVING count(*) >= 4 "
        "ORDER BY random() LIMIT ?", (n,))]
    max_id = con.execute("SELECT max(id) FROM articles").fetchone()[0]
    con.close()
    return {
        "front page /": ["/"] * n,
        "latest /latest": ["/latest"] * n,
        "story page /stories/{id}": [f"/stories/{s}" for s in big],
        "article + related /articles/{id}": [f"/articles/{rng.randint(1, max_id)}" for _ in range(n)],
        "search /search?q=": [f"/search?q={rng.choice(QUERIES)}" for _ in range(n)],
        "API search /api/search": [f"/api/search?q={rng.choice(QUERIES)}" for _ in range(n)],
        "baseline: /healthz": ["/healthz"] * n,
        "baseline: static file": ["/static/style.css"] * n,
    }


def measure_pages(base: str, targets: dict[str, list[str]]) -> list[tuple[str, int, float, float, int]]:
    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, paths in targets.items():
            client.get(paths[0])  # warm
            times, errors = [], 0
            for p in paths:
                r = client.get(p)
                if r.status_code != 200:
                    errors += 1
                times.append(server_ms(r))
            rows.append((name, len(paths), pct(times, 50), pct(times, 95), errors))
    return rows


def like_scan_ms(db: Path, rng: random.Random, n: int) -> tuple[float, float]:
    """The baseline search: LIKE over every title and body, newest first."""
    con = sqlite3.connect(db)
    times = []
    for _ in range(n):
        word = rng.choice(QUERIES).strip('"')
        t = time.perf_counter()
        con.execute("SELECT id, title FROM articles WHERE title LIKE ? OR text LIKE ? ORDER BY sort_ts DESC LIMIT 31",
                    (f"%{word}%", f"%{word}%")).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    con.close()
    return pct(times, 50), pct(times, 95)


async def load(base: str, paths: list[str], seconds: float, concurrency: int) -> tuple[int, int, float]:
    """(requests, errors, seconds): ``concurrency`` clients looping over ``paths`` until time is up."""
    done = errors = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker(i: int) -> None:
            nonlocal done, errors
            k = i
            while time.monotonic() < stop:
                try:
                    r = await client.get(paths[k % len(paths)])
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                done += 1
                k += concurrency
        started = time.monotonic()
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        return done, errors, time.monotonic() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=100, help="timed requests per page kind")
    ap.add_argument("--load-seconds", type=float, default=15.0)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    if not (SHARED / "data/ecbplus/ecbplus_docs.jsonl").exists():
        raise SystemExit(f"needs the shared data under {SHARED} (set NEWSDESK_SHARED)")

    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"web-{args.articles}.db"
    if args.rebuild or not db.exists():
        print(f"building {db} ({args.articles} articles; cached for later runs)…", file=sys.stderr)
        t = time.time()
        build_db(db, args.articles)
        print(f"built in {time.time() - t:.0f} s", file=sys.stderr)
    from newsdesk.store import open_store

    open_store(db).close()  # migrate a cached file written by an older newsdesk
    rng = random.Random(11)
    targets = pick_targets(db, rng, args.requests)
    proc, base = start_server(db)
    try:
        rows = measure_pages(base, targets)
        like50, like95 = like_scan_ms(db, rng, max(10, args.requests // 5))
        mixed = [p for name, ps in targets.items() if not name.startswith("baseline") for p in ps]
        rng.shuffle(mixed)
        load_rows = []
        for name, paths in (("mixed reader pages", mixed), ("baseline: /healthz", ["/healthz"]),
                            ("baseline: static file", ["/static/style.css"])):
            n, errors, secs = asyncio.run(load(base, paths, args.load_seconds, args.concurrency))
            load_rows.append((name, n, errors, n / secs))
    finally:
        proc.terminate()
        proc.wait(10)

    size_mb = db.stat().st_size / 1e6
    print(f"\nnewsdesk reader on {args.articles:,} articles ({size_mb:.0f} MB SQLite), uvicorn 1 process, "
          f"{os.cpu_count()} cores shared with the client")
    print(f"\n{'page':<36}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for name, n, p50, p95, errors in rows:
        print(f"{name:<36}{n:>9}{p50:>9.1f}{p95:>9.1f}{errors:>8}")
    print(f"{'baseline: LIKE scan (no FTS)':<36}{max(10, args.requests // 5):>9}{like50:>9.1f}{like95:>9.1f}{0:>8}")
    print(f"\n{'load (concurrency ' + str(args.concurrency) + ')':<36}{'requests':>9}{'errors':>8}{'req/s':>9}")
    for name, n, errors, rps in load_rows:
        print(f"{name:<36}{n:>9}{errors:>8}{rps:>9.1f}")


if __name__ == "__main__":
    main()
