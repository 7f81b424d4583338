"""Plain-text dumps of a page (text copied off a site, like the seed page).

First non-empty line is the title. Blocks are split on blank lines; inside a
block, lines are separate blocks unless the text is hard-wrapped prose. Then
the same filters as for HTML run, plus what only text needs: photo captions
recognised by their trailing credit "(Name/Agency)" go to the image fields,
and standalone bylines/datelines feed authors and the date.
"""

from __future__ import annotations

import html as htmlmod
import re
import statistics

from ..model import Article, Image
from ..sanitize import sanitize_html
from .clean import split_credit
from .errors import ExtractionError
from .filters import Block, filter_blocks
from .meta import parse_when
from .people import split_people

MAX_TEXT_CHARS = 2_000_000
_BLANK = re.compile(r"\n[ \t]*\n")
_SITE_FROM_PROMO = re.compile(r"listen\s+to\s+(.{2,40}?)\s+articles", re.I)
_DATE_LINE = re.compile(r"^(?:published|updated|posted|last\s+updated)?\s*:?\s*(.{6,60})$", re.I)
_END = (".", "!", "?", "\"", "”", "’", ":", ")")


def _is_hard_wrapped(lines: list[str]) -> bool:
    lens = [len(x) for x in lines if x.strip()]
    if len(lens) < 6:
        return False
    med = statistics.median(lens)
    near = sum(1 for n in lens if med * 0.75 <= n <= med * 1.1 + 2)
    return 50 <= med <= 100 and near / len(lens) > 0.6


def _blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    wrapped = _is_hard_wrapped(lines)
    out: list[Block] = []
    for chunk in _BLANK.split(text):
        ls = [x.strip() for x in chunk.split("\n") if x.strip()]
        if not ls:
            continue
        if wrapped:
            out.append(Block("p", " ".join(ls)))
        else:
            for x in ls:
                out.append(Block("p" if x.endswith(_END) or len(x) > 120 else "h", x))
    return out


def _caption(b: Block) -> Image | None:
    """'Leaders met in Paris on Sept. 4, 2025.  (Ludovic Marin/Pool via Reuters)' -> Image."""
    t = b.text
    if not t.endswith(")") or len(t) > 600:
        return None
    cap, credit = split_credit(t)
    if not credit or not re.search(r"/|\bvia\b|getty|reuters|\bap\b|afp|epa|photo|images|pool|courtesy|file", credit, re.I):
        return None
    return Image(url="", caption=cap or None, credit=credit)


def extract_text_dump(text: str, url: str | None = None) -> Article:
    """A copied page as plain text -> Article. Raises ``ExtractionError`` with a reason."""
    if not isinstance(text, str):
        raise ExtractionError("binary content: a text dump must be str")
    if "\x00" in text[:4096]:
        raise ExtractionError("binary content: NUL characters in a text dump")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(f"too large: {len(text)} characters (limit {MAX_TEXT_CHARS})")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()
    if not text:
        raise ExtractionError("empty text")
    first, _, rest = text.partition("\n")
    title = " ".join(first.split())
    blocks = _blocks(rest)
    if not blocks:
        raise ExtractionError("empty body: nothing after the title")

    site = None
    for b in blocks[:6]:
        m = _SITE_FROM_PROMO.search(b.text)
        if m:
            site = m.group(1).strip()
    result = filter_blocks(blocks, [title], text_only=True)
    kept: list[Block] = []
    images: list[Image] = []
    published = None
    for b in result.blocks:
        img = _caption(b)
        if img:
            images.append(img)
            continue
        kept.append(b)
    for why, t in result.dropped:
        if why == "dateline" and published is None:
            m = _DATE_LINE.match(t)
            published = parse_when(m.group(1)) if m else None
    while kept and kept[-1].kind == "h":
        kept.pop()
    words = sum(len(b.text.split()) for b in kept)
    if words < 12:
        raise ExtractionError("empty body" if not kept else f"empty body: only {words} words of text")
    people, agencies = split_people(result.bylines)
    paragraphs = [b.text for b in kept]
    body_html = "\n".join(
        f"<{'h2' if b.kind == 'h' else 'p'}>{htmlmod.escape(b.text)}</{'h2' if b.kind == 'h' else 'p'}>" for b in kept)
    from .html import guess_language

    return Article(
        url=url or "",
        title=title,
        paragraphs=paragraphs,
        html=sanitize_html(body_html),
        authors=people,
        agencies=agencies,
        published=published,
        language=guess_language(" ".join(paragraphs[:6])),
        site_name=site,
        image=images[0] if images else None,
        images=images[1:],
        flags=dict(result.flags),
    )
