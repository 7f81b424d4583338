"""Shared fixtures. Data from ../shared is read in place, never copied into the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs {p} (the shared data folder beside the repo; set NEWSDESK_SHARED to point elsewhere)")
    return p


@pytest.fixture
def store(tmp_path):
    from newsdesk.store import open_store

    s = open_store(tmp_path / "test.db")
    yield s
    s.close()
