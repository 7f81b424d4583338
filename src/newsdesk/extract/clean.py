"""HTML before trafilatura: remove page furniture the general cues identify,
and harvest figures (image, caption, credit) so captions leave the body.

Every removal is guarded: an element that holds the headline (first ``h1``),
the article body (``itemprop=articleBody`` or a body-like class) or most of
the page's text is never removed for a markup cue alone.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from ..model import Image
from .cues import (
    CAPTION_RE,
    CONTENT_SET,
    CREDIT_RE,
    INLINE_CROSSLINK,
    RELATED_HEADING,
    STRONG_SET,
    attr_grams,
    attr_tokens,
    is_caps_crosslink,
    is_dateline,
)

_WS = re.compile(r"\s+")
# Whole class/id values so plainly a comment thread that they go even when long.
_COMMENT_WHOLE = re.compile(r"^(?:comments?|comment-?list|comments-?area|comments-?section|comment-?section|disqus(?:-?thread)?"
                            r"|respond|responses|discussion|comment-?respond|comments-?container|comment-?thread"
                            r"|fb-comments|user-?comments|reader-?comments|article-?comments|post-?comments)$")


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def text_len(el) -> int:
    return len(norm(el.text_content())) if hasattr(el, "text_content") else len(norm("".join(el.itertext())))


def link_density(el, total: int | None = None) -> float:
    total = text_len(el) if total is None else total
    if not total:
        return 0.0
    linked = sum(len(norm("".join(a.itertext()))) for a in el.iter("a"))
    return min(1.0, linked / total)


def _attrs(el) -> str:
    return f'{el.get("class") or ""} {el.get("id") or ""} {el.get("data-component") or ""} {el.get("data-module") or ""}'.strip()


def _whole_values(el) -> list[str]:
    vals = (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])
    return [re.sub(r"[^a-z0-9]+", "-", v.lower()).strip("-") for v in vals]


def _verdict(el) -> int:
    """0 nothing, 1 furniture, 2 comment thread, 3 article body (cached per attribute text)."""
    a = _attrs(el)
    v = _VERDICTS.get(a)
    if v is None:
        grams = attr_grams(a)
        if grams & CONTENT_SET:
            v = 3
        elif not grams & STRONG_SET:
            v = 0
        else:
            v = 2 if any(_COMMENT_WHOLE.match(x) for x in _whole_values(el)) else 1
        if len(_VERDICTS) > 50_000:
            _VERDICTS.clear()
        _VERDICTS[a] = v
    return v


def _ancestors_closure(anchors) -> set:
    keep = set()
    for a in anchors:
        keep.add(a)
        for anc in a.iterancestors():
            if anc in keep:
                break
            keep.add(anc)
    return keep


def drop(el) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DROP_ROLES = {"complementary", "navigation", "banner", "contentinfo", "dialog", "alertdialog", "search", "menu",
               "menubar", "toolbar", "tooltip"}
_FLAG_KEYS = {"hidden", "aria-hidden", "style", "role"}
_VERDICTS: dict[str, int] = {}  # attribute text -> 0 keep, 1 furniture, 2 comment thread, 3 article body
# Candidates for the text cues. One Python pass with lxml's C tag filter is twice as fast
# as the equivalent XPath (libxml2 evaluates `//*[self::a or self::b ...]` slowly).
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "header", "dt", "summary", "div", "span")
_INLINE_TAGS = ("p", "li", "h2", "h3", "h4", "div")
# The first word of every RELATED_HEADING / INLINE_CROSSLINK alternative: an element whose own
# leading text starts with another word cannot match, so its text is never assembled.
_HEADING_WORDS = frozenset("""related you may might will also read see watch more latest top most the popular trending
    recommended editor editors what whats to up next around from sponsored promoted partner don dont in other share follow
    leave post comment comments join show view user discussion reader tag tags topic topics filed categories sign
    subscribe newsletter newsletters""".split())
_INLINE_WORDS = frozenset("""related read also see more watch listen recommended don dont further suggested trending
    popular must video click insight reaction pictures analysis opinion explained latest""".split())
_FIRST_WORD = re.compile(r"\W*(\w+)")


def _may_lead(text: str | None, words: frozenset) -> bool:
    """False only when the element's own first text proves its whole text starts with another word."""
    if not text:
        return True  # the first words are in a child: undecided
    m = _FIRST_WORD.match(text)
    if m is None or m.end() == len(text):
        return True  # no word here, or the word may run on into the next node
    w = m.group(1).lower()
    return w in words or w.isdigit()


def _caps_possible(text: str | None) -> bool:
    """is_caps_crosslink allows at most 5 lower-case letters in the first 40 characters."""
    return not text or sum(1 for c in norm(text)[:40] if c.islower()) <= 5


def _short_len(el, limit: int) -> int:
    """Length of the element's text, counted only up to just past ``limit``."""
    n = 0
    for t in el.itertext():
        n += len(t)
        if n > limit:
            break
    return n


def _longer_than(el, limit: float) -> bool:
    """text_len(el) > limit, without assembling the text of the many elements that are far shorter."""
    if _short_len(el, int(limit)) <= limit:
        return False  # the raw text is never shorter than the whitespace-folded text
    return text_len(el) > limit


def _element_children(el) -> int:
    return sum(1 for c in el if isinstance(c.tag, str))


def _scan(body) -> tuple[list, list, list]:
    """One pass over the body: elements with cue verdicts, elements with hide/role flags, protected anchors."""
    marked, flagged, anchors = [], [], []
    for el in body.iterdescendants(etree.Element):
        items = el.items()
        if not items:
            continue
        cls = idv = dc = dm = None
        flag = False
        for k, v in items:
            if k == "class":
                cls = v
            elif k == "id":
                idv = v
            elif k == "data-component":
                dc = v
            elif k == "data-module":
                dm = v
            elif k == "itemprop":
                if v in ("articleBody", "articlebody"):
                    anchors.append(el)
            elif k in _FLAG_KEYS:
                flag = True
        if flag:
            flagged.append(el)
        if cls is not None or idv is not None or dc is not None or dm is not None:
            v = _VERDICTS.get(f"{cls or ''} {idv or ''} {dc or ''} {dm or ''}".strip())
            if v is None:
                v = _verdict(el)
            if v:
                marked.append((el, v))
                if v == 3:
                    anchors.append(el)
    return marked, flagged, anchors


def _heading_candidates(body) -> list:
    out = []
    for el in body.iter(_HEADING_TAGS):
        tag = el.tag
        if tag == "div":
            if len(el) > 1 and _element_children(el) > 1:
                continue
        elif tag == "span":
            if len(el) and _element_children(el):
                continue
        if not _may_lead(el.text, _HEADING_WORDS):
            continue
        if 1 < _short_len(el, 160) <= 160:
            out.append(el)
    return out


def _inline_candidates(body) -> list:
    # [a or */a]: the parents and grandparents of links, gathered from the links themselves
    near = set()
    for a in body.iter("a"):
        p = a.getparent()
        if p is not None:
            near.add(p)
            gp = p.getparent()
            if gp is not None:
                near.add(gp)
    out = []
    for el in body.iter(_INLINE_TAGS):
        if el not in near:
            continue
        if el.tag == "div" and len(el) > 5 and _element_children(el) > 5:
            continue
        if not (_may_lead(el.text, _INLINE_WORDS) or _caps_possible(el.text)):
            continue
        if 3 < _short_len(el, 600) <= 600:
            out.append(el)
    return out


def preclean(root) -> tuple[set, dict[str, int]]:
    """Remove boilerplate in place. Returns the protected nodes and counts per cue."""
    stats = {"markup": 0, "heading": 0, "inline": 0, "hidden": 0}
    body = root.find("body")
    if body is None:
        return set(), stats
    marked, flagged, anchors = _scan(body)
    for h1 in root.iter("h1"):
        if text_len(h1) >= 8:
            anchors.append(h1)
            break
    keep = _ancestors_closure(anchors)
    body_len = max(1, text_len(body))

    doomed = []
    for el in flagged:
        if el.tag in ("body", "html", "main", "img", "svg", "i") or el in keep:
            continue
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or (
                el.get("style") and _HIDDEN_STYLE.search(el.get("style"))):
            doomed.append((el, "hidden", False))
        elif (el.get("role") or "").lower() in _DROP_ROLES:
            doomed.append((el, "markup", False))
    for el, verdict in marked:
        if verdict in (1, 2) and el not in keep and el.tag not in ("body", "html", "main"):
            if el.tag == "a" and _in_prose(el):
                continue  # a link inside a sentence is part of the sentence, whatever its class
            doomed.append((el, "markup", verdict == 2))
    doomed_set = {d[0] for d in doomed}
    removed = set()
    for el, why, whole in doomed:
        if el in removed or any(anc in removed for anc in el.iterancestors()):
            continue
        if why == "markup" and el.tag in _INLINE and _in_prose(el, 3):
            # inside a sentence: unwrap a wrapper whose furniture is nested deeper (a name
            # with its hover card), keep a word or two, remove only the widget itself
            if any(d in doomed_set for d in el.iterdescendants()):
                if hasattr(el, "drop_tag"):
                    el.drop_tag()
                continue
            if text_len(el) <= 80 and len(el.findall(".//a")) <= 1:
                continue
        if why == "markup" and not whole:
            # a big wrapper that merely carries a cue ("has-sidebar") is not furniture,
            # nor is a paragraph of prose (publishers mark paywalled paragraphs class="paywall")
            if _longer_than(el, max(400, 0.4 * body_len)):
                continue
            if el.tag == "p":
                n = text_len(el)
                if (n > 120 or (n > 30 and _prose_end(el))) and link_density(el, n) < 0.3:
                    continue
        if why == "hidden" and body_len > 1000 and _longer_than(el, 0.3 * body_len):
            continue
        removed.add(el)
        drop(el)
        stats[why] += 1

    # headings that open related / share / comment blocks
    for el in _heading_candidates(body):
        if el.getparent() is None or el in keep:
            continue
        txt = norm(el.text_content())
        if txt and len(txt) <= 60 and RELATED_HEADING.match(txt):
            if any(anc.getparent() is None for anc in el.iterancestors() if anc.tag != "html"):
                continue  # already gone with a dropped block
            _drop_related_block(el, keep)
            stats["heading"] += 1
    # short link blocks that point elsewhere ("Related: ...", "READ MORE: ...", ALL-CAPS teasers)
    for el in _inline_candidates(body):
        if el.getparent() is None or el in keep:
            continue
        txt = norm(el.text_content())
        if len(txt) > 300 or not (INLINE_CROSSLINK.match(txt) or is_caps_crosslink(txt, 4)):
            continue
        ld = link_density(el, len(txt))
        if (ld >= 0.3 and INLINE_CROSSLINK.match(txt)) or (ld >= 0.5 and is_caps_crosslink(txt, 4)):
            drop(el)
            stats["inline"] += 1
    return keep, stats


def _prose_end(el) -> bool:
    t = norm(el.text_content())
    return t.endswith((".", "!", "?", "\"", "”", "’", "»", "。")) and t[:1].isupper() and " " in t


_INLINE = {"span", "a", "em", "strong", "b", "i", "small", "font", "sup", "sub", "abbr", "cite", "q", "mark"}


def _in_prose(el, depth: int = 2) -> bool:
    p = el.getparent()
    for _ in range(depth):
        if p is None:
            return False
        if p.tag in ("p", "li", "blockquote", "dd", "td"):
            return True
        p = p.getparent()
    return False


def _is_linky(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    n = text_len(el)
    if n == 0:
        return el.find(".//img") is not None or el.tag in ("ul", "ol", "div", "section")
    return link_density(el, n) >= 0.5


def _drop_related_block(heading, keep: set) -> None:
    """Drop a heading like "You May Also Like" and the block of links it opens."""
    # climb while the container is small and made of links
    block = heading
    for anc in heading.iterancestors():
        if anc in keep or anc.tag in ("body", "html", "main", "article"):
            break
        n = text_len(anc)
        if n > 3000:
            break
        own = text_len(heading)
        linked = sum(len(norm("".join(a.itertext()))) for a in anc.iter("a"))
        if n - own > 0 and linked / max(1, n - own) < 0.5:
            break
        block = anc
    if block is not heading:
        drop(block)
        return
    # heading sits in the article flow: drop it and the link-heavy siblings after it
    sib = heading.getnext()
    drop(heading)
    while sib is not None and _is_linky(sib):
        nxt = sib.getnext()
        drop(sib)
        sib = nxt


# ---------------------------------------------------------------- figures
_CAPTIONISH = etree.XPath("//body//*[contains(@class, 'aption') or contains(@class, 'utline')]")
_CAPTION_PREFIX = re.compile(r"^(?:(?:media|image|photo|video)\s+caption|caption)\s*:?\s*|^\d+\s*of\s*\d+\s*", re.I)
_CREDIT_ONLY = re.compile(r"^(?:credit|photo|image|photograph|picture)s?(?:\s+credit)?\s*(?::|\.{2,}|…)\s*(.{2,120})$", re.I)
_IMG_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "data-full-src")
_CREDIT_TAIL = re.compile(
    r"""\s*(?:
      \((?P<p>[^()]{2,90})\)                                   # (Ludovic Marin/Pool via Reuters)
    | \[(?P<b>[^\[\]]{2,90})\]
    | (?:photo|photograph|image|picture|credit|foto|bild|video)s?(?:\s+(?:credit|by))?\s*[:|]\s*(?P<c>[^:|]{2,90})
    | (?:\||–|—|-)\s*(?P<d>[^|–—]{2,60}?(?:/|\bvia\b|getty|reuters|\bap\b|afp|epa|shutterstock|istock|alamy|pool|courtesy|file|photo)[^|–—]{0,40})
    | ©\s*(?P<e>.{2,90})
    )\s*$""",
    re.I | re.X,
)
_CREDITISH = re.compile(r"/|\bvia\b|getty|reuters|\bap\b|afp|epa|shutterstock|istock|alamy|\bpool\b|courtesy|\bfile\b"
                        r"|photo|images?\b|press|agency|news|wire|staff|\bpa\b|bloomberg|nasa|handout|©", re.I)


def split_credit(caption: str) -> tuple[str, str | None]:
    """'Leaders met in Paris. (Ludovic Marin/Pool via Reuters)' -> ('Leaders met in Paris.', 'Ludovic Marin/Pool via Reuters')."""
    caption = norm(caption)
    m = _CREDIT_TAIL.search(caption)
    if not m:
        return caption, None
    credit = next(g for g in m.groups() if g)
    credit = norm(credit).strip(" .")
    words = credit.split()
    looks = bool(_CREDITISH.search(credit)) or (
        m.group("c") is not None or m.group("e") is not None
    ) or (1 <= len(words) <= 5 and all(w[:1].isupper() for w in words if w[:1].isalpha()))
    if not looks or len(words) > 12:
        return caption, None
    return caption[: m.start()].strip(), credit


def _img_url(img, base: str | None) -> str | None:
    for a in _IMG_ATTRS:
        v = img.get(a)
        if v and not v.startswith("data:"):
            return urljoin(base or "", v.strip())
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first and not first.startswith("data:"):
            return urljoin(base or "", first)
    return None


def harvest_figures(root, base: str | None, keep: set) -> list[Image]:
    """Images with caption and credit, from <figure>s and caption-classed blocks; captions then leave the tree."""
    images: list[Image] = []
    seen = set()
    candidates = list(root.iter("figure"))
    for el in _CAPTIONISH(root):
        cls = el.get("class")
        if cls and el.tag != "figure" and CAPTION_RE.search(attr_tokens(cls)) and text_len(el) < 600:
            candidates.append(el)
    for fig in candidates:
        if fig.getparent() is None:
            continue
        holder = fig
        if fig.tag != "figure":
            # a caption block: its image is in the nearest ancestor that has one
            holder = next((a for a in fig.iterancestors() if a.find(".//img") is not None), fig)
            if holder.tag in ("body", "html") or text_len(holder) > 1500:
                holder = fig
        img = holder.find(".//img")
        url = _img_url(img, base) if img is not None else None
        cap_el = fig.find(".//figcaption") if fig.tag == "figure" else fig
        credit = None
        caption = None
        if cap_el is not None:
            cred_els = [e for e in cap_el.iter(etree.Element) if e is not cap_el and e.get("class")
                        and CREDIT_RE.search(attr_tokens(e.get("class")))]
            if fig.tag == "figure":
                cred_els += [e for e in fig.iter(etree.Element) if e.get("class") and CREDIT_RE.search(attr_tokens(e.get("class")))
                             and e not in cred_els and not any(x in cred_els for x in e.iterancestors())]
            for c in cred_els:
                t = norm(c.text_content())
                if t:
                    credit = credit or re.sub(r"^(?:photo|image|credit|foto)s?\s*(?:credit)?\s*[:|]\s*", "", t, flags=re.I)
                    if c.getparent() is not None:
                        drop(c)
            caption = norm(cap_el.text_content()) if cap_el.getparent() is not None or cap_el is fig else None
            if caption:
                caption = _CAPTION_PREFIX.sub("", caption)
                only_credit = _CREDIT_ONLY.match(caption)
                if only_credit:
                    caption, tail_credit = "", only_credit.group(1)
                else:
                    caption, tail_credit = split_credit(caption)
                credit = credit or tail_credit
        if credit and (is_dateline(credit) or re.match(r"(?:published|updated|posted)\b", credit, re.I)):
            credit = None
        if url is None and not caption:
            continue
        key = url or caption
        if key not in seen:
            seen.add(key)
            images.append(Image(url=url or "", caption=caption or None, credit=credit.strip(" .") if credit else None))
        if cap_el is not None and cap_el.getparent() is not None and cap_el not in keep:
            drop(cap_el)
    return images
