"""Plain-text dumps of a page (text copied off a site, like the seed page)."""

from __future__ import annotations

import html as htmlmod
import re

from ..model import Article
from ..sanitize import sanitize_html

_BLANK = re.compile(r"\n\s*\n")


def extract_text_dump(text: str, url: str | None = None) -> Article:
    """First non-empty line is the title; blank-line-separated blocks are paragraphs."""
    from .html import ExtractionError

    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ExtractionError("empty text")
    lines = text.split("\n", 1)
    title = lines[0].strip()
    rest = lines[1] if len(lines) > 1 else ""
    paragraphs = [" ".join(b.split()) for b in _BLANK.split(rest)]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ExtractionError("no body after the title")
    body_html = "\n".join(f"<p>{htmlmod.escape(p)}</p>" for p in paragraphs)
    return Article(url=url or "", title=title, paragraphs=paragraphs, html=sanitize_html(body_html))
