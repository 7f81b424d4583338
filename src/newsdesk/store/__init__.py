"""Storage behind one module.

The pipeline and the web layer call ``open_store`` and the methods of the
object it returns; they never see SQL. SQLite is the default backend; a
PostgreSQL one would be chosen here by the URL's scheme.
"""

from __future__ import annotations

import os
from pathlib import Path

from .sqlite import SCHEMA_VERSION, SearchHit, SQLiteStore, StoreError

Store = SQLiteStore

DEFAULT_DB = "newsdesk.db"


def default_db_path() -> str:
    return os.environ.get("NEWSDESK_DB", DEFAULT_DB)


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``db``."""
    target = str(db or default_db_path())
    if target.startswith(("postgres://", "postgresql://")):
        raise StoreError("the PostgreSQL backend is not available yet; use a SQLite file path")
    return SQLiteStore(target.removeprefix("sqlite:///"))


__all__ = ["SCHEMA_VERSION", "SearchHit", "Store", "StoreError", "open_store", "default_db_path"]
