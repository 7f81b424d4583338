"""A real SIGKILL in the middle of `newsdesk import` loses nothing committed and leaves nothing half-written."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from shareddata import shared_path
from newsdesk.store import open_store


def count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def check_consistent(db) -> int:
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every stored article is whole: body present and indexed for search
        n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert c.execute("SELECT count(*) FROM articles WHERE text = '' AND title = ''").fetchone()[0] == 0
        assert c.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
        c.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        dups = c.execute("SELECT count(*) FROM (SELECT key_url FROM articles GROUP BY key_url HAVING count(*) > 1)")
        assert dups.fetchone()[0] == 0
        return n


def test_kill_import_midway_then_rerun(tmp_path):
    pages = shared_path("data", "aeb", "html")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "newsdesk.cli", "import", str(pages), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while count(db) < 15 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "import finished before it could be killed; use a larger input"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = check_consistent(db)
    assert 15 <= partial < 181

    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=300)
    complete = check_consistent(db)
    assert complete > partial
    # a third run finds everything already there
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=300)
    assert check_consistent(db) == complete
    assert open_store(db).count_articles() == complete
