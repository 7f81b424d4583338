"""Loopback newsroom: a stdlib-only HTTP server imitating real news sites, for tests and benches.

Not part of the shipped ``newsdesk`` package. See :mod:`newsroom.server` for the URL map::

    from newsroom import Newsroom
    with Newsroom() as nr:                      # 127.0.0.1:<free port>, daemon thread
        nr.url("/feeds/wikinews.rss")
        nr.hits("/feeds/wikinews.rss")
        nr.advance()                            # /feeds/changing.rss gains an item
"""

from .server import SLOW_CAP_S, Newsroom, default_shared_dir

__all__ = ["Newsroom", "default_shared_dir", "SLOW_CAP_S"]
