"""Extraction: from a page (HTML bytes or a plain-text dump) to an ``Article``.

trafilatura finds the main content and metadata; this package turns its
output into newsdesk's model (paragraphs, sanitized HTML, lead image) and
says clearly why a page could not be extracted.
"""

from __future__ import annotations

from .html import ExtractionError, extract_html
from .textdump import extract_text_dump

__all__ = ["ExtractionError", "extract_html", "extract_text_dump"]
