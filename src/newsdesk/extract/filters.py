"""Text after trafilatura: drop the blocks that are not the story.

A block is (kind, text) with kind one of p, h (heading), quote, li, row.
The same filters run on HTML output and on plain-text dumps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import (BYLINE_RE, INLINE_CROSSLINK, PAYWALL_RE, PROMO_RE, RELATED_HEADING, TRAILING_WIDGET,
                   is_caps_crosslink, is_dateline)

_KEY = re.compile(r"[\W_]+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_END_PUNCT = (".", "!", "?", "\"", "”", "’", "'", ":", ";", ")", "»", "。", "！", "？", "」")


@dataclass
class Block:
    kind: str
    text: str


@dataclass
class FilterResult:
    blocks: list[Block]
    flags: dict[str, str] = field(default_factory=dict)
    bylines: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (why, text), for debugging and tests


def key(text: str) -> str:
    return _KEY.sub("", text.lower())


_WORD = re.compile(r"[^\W_]")


def _trailing_widget_off(t: str) -> str:
    """TRAILING_WIDGET scans every position; only a block ending in ')' or a tweet/quote widget can match."""
    if t.endswith(")") or "twee" in t[-16:].lower() or "quote" in t[-20:].lower():
        return TRAILING_WIDGET.sub("", t).strip()
    return t


def _teaser_like(b: Block) -> bool:
    t = b.text
    if len(t) <= 160 and not t.endswith(_END_PUNCT):
        return True  # a headline
    if t.endswith(("…", "...")) and len(t) <= 400:
        return True  # a teaser cut short
    return b.kind in ("h", "li") and len(t) <= 200


def filter_blocks(blocks: list[Block], titles: list[str] | None = None, *, text_only: bool = False) -> FilterResult:
    res = FilterResult(blocks=[])
    title_keys = {key(t) for t in (titles or []) if t and len(key(t)) >= 12}
    # a block can only equal a title if it is not much longer than the longest one
    key_limit = 2 * max((len(t) for t in titles or []), default=0) + 20
    n = len(blocks)
    i = 0
    seen_body = False
    while i < n:
        b = blocks[i]
        t = _trailing_widget_off(" ".join(b.text.split()))
        i += 1
        if not t:
            continue
        b = Block(b.kind, t)
        short = len(t) <= 700
        why = None
        k = key(t) if len(t) <= key_limit else ("x" if _WORD.search(t) else "")
        if not k:
            why = "punctuation"
        elif k in title_keys and not seen_body:
            why = "title"
        elif k in title_keys and b.kind == "h":
            why = "title"
        elif short and PAYWALL_RE.match(t):
            res.flags["paywalled"] = "paywall notice in page"
            why = "paywall"
        elif short and PROMO_RE.match(t):
            why = "promo"
        elif len(t) <= 300 and sum(len(u) for u in _URL.findall(t)) > 0.4 * len(t):
            why = "links"
        elif len(t) <= 70 and RELATED_HEADING.match(t):
            why = "related"
            # everything after it that reads like teasers goes with it
            while i < n and _teaser_like(Block(blocks[i].kind, " ".join(blocks[i].text.split()))):
                res.dropped.append(("related", blocks[i].text))
                i += 1
        elif len(t) <= 160 and BYLINE_RE.match(t):
            why = "byline"
            res.bylines.append(t)
        elif is_dateline(t):
            why = "dateline"
        elif len(t) <= 220 and INLINE_CROSSLINK.match(t) and (len(t) <= 90 or not t.endswith(_END_PUNCT) or text_only):
            why = "crosslink"
        elif is_caps_crosslink(t, 6 if not text_only else 5) and b.kind != "h":
            why = "caps"
        if why:
            res.dropped.append((why, t))
            continue
        if b.kind == "p" and len(t) > 80:
            seen_body = True
        res.blocks.append(b)
    # trailing furniture: short heading-like blocks left dangling at the end
    while res.blocks and res.blocks[-1].kind == "h":
        res.dropped.append(("trailing heading", res.blocks.pop().text))
    return res
