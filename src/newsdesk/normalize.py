"""Normalizing what sources give us: URLs, dates, author lists."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from courlan import normalize_url


def canonical_url(url: str | None) -> str | None:
    """Lower-cased host, no fragment, no tracking parameters (utm_*, fbclid, ...)."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return url
    try:
        return normalize_url(url, strict=True)
    except Exception:  # courlan rejects some odd but real URLs; keep them as given
        return url


def parse_date(value: str | datetime | None) -> datetime | None:
    """ISO 8601, RFC 822 or a bare date to an aware datetime.

    A value with no zone is taken as UTC: feeds and pages that omit the zone
    are overwhelmingly published in UTC or close to it, and a stored datetime
    must be comparable with every other.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        s = str(value).strip()
        dt = None
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            try:
                dt = parsedate_to_datetime(s)
            except (TypeError, ValueError, IndexError):
                dt = None
        if dt is None:
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt


_BY = re.compile(r"^\s*(by|von|par|por|di)\s+", re.I)
_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\bund\b|\bet\b|\by\b|\|)\s*", re.I)


def split_authors(value: str | list[str] | None) -> list[str]:
    """"By Jane Doe and John Roe; Reuters" to ["Jane Doe", "John Roe", "Reuters"]."""
    if not value:
        return []
    raw = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in raw:
        for part in _SPLIT.split(_BY.sub("", item or "")):
            name = " ".join(_BY.sub("", part).split()).strip(" .,-")
            if name and name not in out and len(name) < 80:
                out.append(name)
    return out
