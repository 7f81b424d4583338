"""A teaser: the article's first real sentences, cut at a word boundary."""

from __future__ import annotations

import re

from ..model import Article

# A paragraph that is only a date ("Friday, January 4, 2019") or a widget label is
# not where the article starts.
_DATELINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\W*$",
    re.I,
)
MIN_WORDS = 8


def teaser(article: Article, limit: int = 240) -> str:
    """The first paragraph that reads like prose (or the description), at most ``limit`` characters."""
    for p in article.paragraphs:
        p = p.strip()
        if len(p.split()) >= MIN_WORDS and not _DATELINE.match(p):
            return shorten(p, limit)
    return shorten(article.description or "", limit)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"
