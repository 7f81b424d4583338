"""The web reader: server-rendered pages over the store."""

from .app import create_app

__all__ = ["create_app"]
