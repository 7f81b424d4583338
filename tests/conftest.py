"""Shared fixtures. Data from ../shared is read in place, never copied into the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

@pytest.fixture
def store(tmp_path):
    from newsdesk.store import open_store

    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def newsroom():
    """The loopback newsroom (newsroom/ at the repo root) on 127.0.0.1:<free port>, one per session.

    State is shared across the session: /feeds/changing.rss keeps growing and the request log keeps
    filling (call ``newsroom.reset()`` or start your own ``Newsroom`` when you need exact counts).
    Skips when the shared data (../shared or $NEWSDESK_SHARED) is absent.
    """
    import sys

    root = Path(__file__).resolve().parents[1]
    shared = Path(os.environ.get("NEWSDESK_SHARED") or root.parent / "shared")
    if not any((shared / "data" / "wikinews").glob("*.csv")):
        pytest.skip(f"newsroom needs the Wikinews CSVs under {shared / 'data' / 'wikinews'} "
                    "(the shared data folder beside the repo; set NEWSDESK_SHARED to point elsewhere)")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from newsroom import Newsroom

    with Newsroom(shared_dir=shared) as nr:
        yield nr
