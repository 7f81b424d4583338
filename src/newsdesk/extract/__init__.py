"""Extraction: from a page (HTML bytes or a plain-text dump) to an ``Article``.

trafilatura finds the main content; the layers around it (decode, metadata,
pre-cleaning, figure harvesting, paragraph filters, site rules) are ours. See
docs/extraction.md.
"""

from __future__ import annotations

from .errors import ExtractionError
from .html import extract_html
from .textdump import extract_text_dump

__all__ = ["ExtractionError", "extract_html", "extract_text_dump"]
