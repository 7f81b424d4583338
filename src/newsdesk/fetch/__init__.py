"""newsdesk.fetch: one polite, bounded HTTP client for everything.

See :mod:`newsdesk.fetch.client` for the policy (timeouts, size limits,
redirects, robots.txt, per-host concurrency) and :mod:`newsdesk.fetch.netguard`
for how private networks are kept out of reach.
"""

from .charset import decode_text
from .client import (
    FetchError,
    Fetcher,
    FetchResult,
    FetchSettings,
    fetch_sync,
    parse_retry_after,
)
from .netguard import address_kind
from .robots import RobotsRules

__all__ = [
    "FetchError",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "RobotsRules",
    "address_kind",
    "decode_text",
    "fetch_sync",
    "parse_retry_after",
]
