"""HTML pages through trafilatura into an ``Article``."""

from __future__ import annotations

import html as htmlmod
import logging
import re

import trafilatura
from charset_normalizer import from_bytes
from lxml import etree

from ..model import Article, Image
from ..normalize import parse_date, split_authors
from ..sanitize import sanitize_html

# Keep trafilatura quiet: a page it cannot read is reported by us, once, with a reason.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

MAX_PAGE_BYTES = 8 * 1024 * 1024


class ExtractionError(Exception):
    """The page holds no article we can return; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Bytes to text: declared charset first, then the page's own, then detection."""
    if isinstance(data, str):
        return data
    if b"\x00" in data[:2048] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionError("binary content, not a web page")
    for enc in (declared, _meta_charset(data)):
        if enc:
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ExtractionError("undecodable: no character set fits the bytes")
    return data.decode(best.encoding, errors="replace")


def _meta_charset(data: bytes) -> str | None:
    m = re.search(rb"""charset\s*=\s*["']?\s*([a-z0-9][a-z0-9_\-:.]{0,38})""", data[:4096].lower())
    return m.group(1).decode("ascii") if m else None


def extract_html(data: bytes | str, url: str | None = None, *, charset: str | None = None) -> Article:
    """Extract the article from a page. Raises ``ExtractionError`` with a reason."""
    size = len(data)
    if size == 0:
        raise ExtractionError("empty page")
    if size > MAX_PAGE_BYTES:
        raise ExtractionError(f"page too large ({size} bytes, limit {MAX_PAGE_BYTES})")
    text = decode_html(data, charset)
    try:
        doc = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_images=True, include_comments=False,
            include_tables=True,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        raise ExtractionError(f"unparseable HTML: {exc.__class__.__name__}: {exc}") from None
    if doc is None or doc.body is None:
        raise ExtractionError("no article body found")
    paragraphs, body_html, images = body_to_parts(doc.body)
    if not paragraphs:
        raise ExtractionError("empty body")
    lead = None
    if doc.image:
        lead = Image(url=doc.image)
    elif images:
        lead = images[0]
    return Article(
        url=url or doc.url or "",
        canonical_url=doc.url if doc.url and doc.url != url else None,
        title=(doc.title or "").strip(),
        paragraphs=paragraphs,
        html=sanitize_html(body_html),
        authors=split_authors(doc.author),
        published=parse_date(doc.date),
        language=doc.language,
        site_name=doc.sitename,
        description=doc.description,
        image=lead,
        images=images,
        section=(doc.categories or [None])[0] if doc.categories else None,
        tags=list(doc.tags or []),
    )


_BLOCK_TAGS = {"p": "p", "head": "h2", "quote": "blockquote", "list": "ul", "table": "table"}


def body_to_parts(body: etree._Element) -> tuple[list[str], str, list[Image]]:
    """trafilatura's XML body to (paragraphs, HTML, images)."""
    paragraphs: list[str] = []
    parts: list[str] = []
    images: list[Image] = []
    for el in body:
        if el.tag == "graphic" or el.find(".//graphic") is not None:
            for g in ([el] if el.tag == "graphic" else el.iter("graphic")):
                src = g.get("src")
                if src:
                    images.append(Image(url=src, caption=(g.get("alt") or g.get("title") or None)))
            if el.tag == "graphic":
                continue
        if el.tag == "list":
            items = [" ".join("".join(i.itertext()).split()) for i in el.iter("item")]
            items = [i for i in items if i]
            if items:
                paragraphs.extend(items)
                parts.append("<ul>" + "".join(f"<li>{htmlmod.escape(i)}</li>" for i in items) + "</ul>")
            continue
        if el.tag == "table":
            rows = []
            for row in el.iter("row"):
                cells = [" ".join("".join(c.itertext()).split()) for c in row.iter("cell")]
                rows.append(cells)
            flat = [" | ".join(r) for r in rows if any(r)]
            if flat:
                paragraphs.extend(flat)
                parts.append("<table>" + "".join(
                    "<tr>" + "".join(f"<td>{htmlmod.escape(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
            continue
        txt = " ".join("".join(el.itertext()).split())
        if not txt:
            continue
        paragraphs.append(txt)
        tag = _BLOCK_TAGS.get(el.tag, "p")
        parts.append(f"<{tag}>{htmlmod.escape(txt)}</{tag}>")
    return paragraphs, "\n".join(parts), images
