"""Where ../shared is, and a skip that says what is missing.

A plain module (not conftest) so that test files can import it whatever
other conftest.py files pytest has put on the path.
"""

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
