"""HTML pages into an ``Article``: our layers around trafilatura.

1. decode within fixed limits (decode.py);
2. parse once with lxml, read metadata from the untouched tree (meta.py);
3. per-site rules if any (rules.py), then general pre-cleaning of page
   furniture and harvesting of figures with caption and credit (clean.py);
4. trafilatura finds the main text in what is left;
5. paragraph post-filters drop what slipped through (filters.py).
"""

from __future__ import annotations

import html as htmlmod
import logging
import re

import trafilatura
from lxml import etree

from ..model import Article, Image
from ..sanitize import sanitize_html
from .clean import drop, harvest_figures, link_density, norm, preclean, split_credit, text_len
from .decode import MAX_PAGE_BYTES, bound_html, decode_html
from .errors import ExtractionError
from .filters import Block, filter_blocks
from .meta import NON_ARTICLE_TYPES, ARTICLE_TYPES, read_metadata
from .parse import parse_html
from .rules import apply_rules, rules_for

__all__ = ["ExtractionError", "extract_html", "decode_html", "MAX_PAGE_BYTES"]

# Keep trafilatura quiet: a page it cannot read is reported by us, once, with a reason.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

MIN_WORDS = 12  # below this there is no article body to speak of
_TAG = re.compile(r"<[a-zA-Z!/?][^>]{0,200}>")
# a redirect, not a periodic reload: <meta http-equiv="refresh" content="0;url=...">
_REFRESH = re.compile(r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*[0-5]?(?:\.\d+)?\s*[;,]\s*url\s*=\s*['"]?([^"'>\s]+)""", re.I)


def _looks_like_html(text: str) -> bool:
    found = 0
    for _m in _TAG.finditer(text, 0, 65536):
        found += 1
        if found >= 2:
            return True
    return False


def extract_html(data: bytes | str, url: str | None = None, *, charset: str | None = None) -> Article:
    """Extract the article from a page. Raises ``ExtractionError`` with a reason."""
    size = len(data)
    if size == 0:
        raise ExtractionError("empty page")
    if size > MAX_PAGE_BYTES:
        raise ExtractionError(f"too large: {size} bytes (limit {MAX_PAGE_BYTES})")
    text = decode_html(data, charset)
    if not text.strip():
        raise ExtractionError("empty page")
    if not _looks_like_html(text):
        from .textdump import extract_text_dump

        return extract_text_dump(text, url)
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml") and re.search(r"<(?:rss|feed|rdf:rdf)\b", text[:4096], re.I):
        raise ExtractionError("not an article: a feed (RSS/Atom/RDF), not a web page")
    text = bound_html(text)
    refresh = _REFRESH.search(text[:16384])
    tail = text[-4096:].lower()
    cut_off = "</html" not in tail and "</body" not in tail

    try:
        root = parse_html(text)
    except Exception as exc:  # lxml raises a variety of errors on broken markup
        raise ExtractionError(f"unparseable HTML: {exc.__class__.__name__}") from None
    if root is None or root.find(".//body") is None and len(root) == 0:
        if refresh:
            raise ExtractionError(f"not an article: redirect page (refresh to {refresh.group(1)[:200]})")
        raise ExtractionError("unparseable HTML: no document tree")

    meta = read_metadata(root, url)
    rules = rules_for(url or meta.canonical_url)
    scope = root
    if rules:
        found = apply_rules(root, rules)
        if found is not None:
            scope = found
    keep, _stats = preclean(root)
    figures = harvest_figures(scope, url or meta.canonical_url, keep)

    _lighten(root)
    target = root
    if scope is not root:
        target = etree.Element("html")
        body = etree.SubElement(target, "body")
        body.append(scope)
    try:
        doc = trafilatura.bare_extraction(
            target, url=url, fast=True, include_comments=False, include_tables=True, include_images=False,
            with_metadata=False,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        raise ExtractionError(f"unparseable HTML: {exc.__class__.__name__}: {exc}") from None

    blocks = body_to_blocks(doc.body) if doc is not None and doc.body is not None else []
    result = filter_blocks(blocks, meta.titles)
    kept = result.blocks
    if rules.drop_text:
        kept = [b for b in kept if not any(p.search(b.text) for p in rules.drop_text)]
    # a caption that trafilatura still found in the text flow goes to its image
    kept, figures = _captions_out(kept, figures)

    flags: dict[str, str] = dict(result.flags)
    if meta.paywalled:
        flags.setdefault("paywalled", "page says the article is not free to read")
    if cut_off:
        flags["truncated"] = "page ends before </html>: download cut short"
    words = sum(len(b.text.split()) for b in kept)
    kind = _not_article(root, meta, words, figures)
    linked = _link_share(root, kept)
    if not kind and linked > 0.6:
        kind = f"listing: {linked:.0%} of the text is links to other pages"
    if kind:
        flags["not_article"] = kind
        if linked > 0.8:
            raise ExtractionError(f"not an article: {kind}")
    if refresh and words < 150:
        raise ExtractionError(f"not an article: redirect page (refresh to {refresh.group(1)[:200]})")
    if words < MIN_WORDS and not _is_cjk(" ".join(b.text for b in kept)):
        if kind:
            raise ExtractionError(f"not an article: {kind}")
        raise ExtractionError("empty body" if not kept else f"empty body: only {words} words of text")
    if flags.get("paywalled") and words < 150:
        flags.setdefault("truncated", "only the part before the paywall is in the page")

    paragraphs, body_html = blocks_to_output(kept)
    lead, others = _lead_image(meta, figures)
    return Article(
        url=url or meta.canonical_url or "",
        canonical_url=meta.canonical_url if meta.canonical_url and meta.canonical_url != url else None,
        title=meta.title,
        paragraphs=paragraphs,
        html=sanitize_html(body_html),
        authors=meta.authors or _byline_people(result.bylines),
        agencies=meta.agencies,
        published=meta.published,
        updated=meta.updated,
        language=meta.language or guess_language(" ".join(paragraphs[:6])),
        site_name=meta.site_name,
        description=meta.description,
        image=lead,
        images=others,
        section=meta.section,
        tags=meta.tags,
        flags=flags,
    )


_INERT = ("script", "style", "svg", "template", "link", "meta")


def _lighten(root) -> None:
    """Drop what trafilatura would delete unread (scripts, styles, SVG, templates, head links and metas),
    so its copies and XPath passes walk fewer nodes. JSON-LD stays: trafilatura's baseline reads it."""
    for el in list(root.iter(_INERT)):
        if el.tag == "script" and (el.get("type") or "").strip().lower() == "application/ld+json":
            continue
        drop(el)


def _is_cjk(text: str) -> bool:
    return sum(1 for c in text if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af") > 40


def _byline_people(lines: list[str]) -> list[str]:
    from .people import split_people

    return split_people(lines)[0] if lines else []


def _captions_out(blocks: list[Block], figures: list[Image]) -> tuple[list[Block], list[Image]]:
    caps = {norm(f.caption).lower(): f for f in figures if f.caption}
    out = []
    for b in blocks:
        t = b.text
        low = t.lower()
        if low in caps:
            continue
        if caps and len(t) < 400 and any(low.startswith(k) for k in caps):
            c, credit = split_credit(t)
            if credit and c.lower() in caps:
                caps[c.lower()].credit = caps[c.lower()].credit or credit
                continue
        out.append(b)
    return out, figures


def _same_image(a: str, b: str) -> bool:
    def stem(u: str) -> str:
        u = u.split("?")[0].rstrip("/").rsplit("/", 1)[-1].lower()
        u = re.sub(r"\.(jpe?g|png|gif|webp|avif)$", "", u)
        return re.sub(r"[-_]?\d{2,4}x\d{2,4}$", "", u)

    return bool(a and b) and (a == b or (len(stem(a)) > 5 and stem(a) == stem(b)))


def _lead_image(meta, figures: list[Image]) -> tuple[Image | None, list[Image]]:
    if meta.image_url:
        match = next((f for f in figures if _same_image(f.url, meta.image_url)), None)
        lead = Image(url=meta.image_url, caption=meta.image_caption, credit=meta.image_credit)
        if match is not None:
            lead.caption = match.caption or lead.caption
            lead.credit = match.credit or lead.credit
            if lead.caption:
                lead.caption, c2 = split_credit(lead.caption)
                lead.credit = lead.credit or c2
        others = [f for f in figures if f is not match and f.url and not _same_image(f.url, meta.image_url)]
        return lead, others
    with_url = [f for f in figures if f.url]
    if with_url:
        return with_url[0], with_url[1:]
    return None, []


def _not_article(root, meta, words: int, figures: list[Image]) -> str | None:
    """Index, listing, gallery or video page: why, or None for an article."""
    ld = meta.ld_types
    og = meta.og_type or ""
    if ld & ARTICLE_TYPES or og == "article":
        if words < 60 and len(figures) >= 6:
            return "gallery: pictures with little text"
        if words < 40 and ("videoobject" in ld or og.startswith("video")):
            return "video page with little text"
        return None
    if not meta.published_declared:
        headlines = sum(1 for a in root.iter("a") if len(norm(a.text_content()).split()) >= 4)
        if headlines >= 80:
            return f"index: a front or section page with {headlines} headline links"
    if ld & NON_ARTICLE_TYPES:
        return "listing: the page declares itself a " + sorted(ld & NON_ARTICLE_TYPES)[0]
    if og.startswith("video") and words < 150:
        return "video page with little text"
    if words < 150:
        body = root.find("body")
        if body is not None:
            n = text_len(body)
            if n > 1500 and link_density(body, n) > 0.55:
                return "listing: mostly links to other pages"
        if len(figures) >= 6:
            return "gallery: pictures with little text"
    return None


def _link_share(root, blocks: list[Block]) -> float:
    """How much of the extracted text is the text of links (a listing is almost all links)."""
    text = " ".join(b.text for b in blocks)
    if not text:
        return 0.0
    anchors = {norm(a.text_content()) for a in root.iter("a")}
    covered = sum(len(t) for t in anchors if len(t) >= 15 and t in text)
    return min(1.0, covered / len(text))


_KINDS = {"p": "p", "head": "h", "quote": "quote", "list": "list", "table": "table", "item": "li", "row": "row"}


def body_to_blocks(body) -> list[Block]:
    """trafilatura's XML body to flat blocks."""
    out: list[Block] = []
    for el in body:
        tag = el.tag
        if tag == "list":
            for item in el.iter("item"):
                t = norm("".join(item.itertext()))
                if t:
                    out.append(Block("li", t))
            continue
        if tag == "table" and el.find(".//p") is not None:
            # a layout table (an old AP page keeps the whole story in one cell): its paragraphs, which
            # joining the cell's text would glue together ("to reporters.But Kabul-based ...")
            for row in el.findall("row"):
                for cell in row.findall("cell"):
                    if norm(cell.text or ""):
                        out.append(Block("p", norm(cell.text)))
                    for child in cell:
                        out.extend(body_to_blocks([child]))
                        if norm(child.tail or ""):
                            out.append(Block("p", norm(child.tail)))
            continue
        if tag == "table":
            for row in el.iter("row"):
                cells = [norm("".join(c.itertext())) for c in row.iter("cell")]
                if any(cells):
                    out.append(Block("row", " | ".join(c for c in cells if c)))
            continue
        if tag == "graphic":
            continue
        t = norm("".join(el.itertext()))
        if t:
            out.append(Block(_KINDS.get(tag, "p"), t))
    return out


def blocks_to_output(blocks: list[Block]) -> tuple[list[str], str]:
    paragraphs = [b.text for b in blocks]
    parts: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind in ("li", "row"):
            j = i
            while j < len(blocks) and blocks[j].kind == b.kind:
                j += 1
            items = blocks[i:j]
            if b.kind == "li":
                parts.append("<ul>" + "".join(f"<li>{htmlmod.escape(x.text)}</li>" for x in items) + "</ul>")
            else:
                parts.append("<table>" + "".join(
                    "<tr>" + "".join(f"<td>{htmlmod.escape(c)}</td>" for c in x.text.split(" | ")) + "</tr>"
                    for x in items) + "</table>")
            i = j
            continue
        tag = {"h": "h2", "quote": "blockquote"}.get(b.kind, "p")
        parts.append(f"<{tag}>{htmlmod.escape(b.text)}</{tag}>")
        i += 1
    return paragraphs, "\n".join(parts)


# ---------------------------------------------------------------- language
_STOP = {
    "en": "the and of to in is that for it with was on as by at be this from are have has",
    "de": "der die und das ist nicht den von mit sich des auf für ein eine dem zu im",
    "fr": "le la les et des est une un du que dans pour pas sur qui au avec",
    "es": "el la de que y los las en del se un una por con para es al",
    "pt": "de que não uma os as do da em para com um por é no na se mais",
    "it": "il di che la è per un non una del della sono le gli con si",
    "nl": "de het een van en is dat op te niet zijn voor met die er",
    "ru": "и в не на что с по как это он из за но то от",
    "id": "yang dan di ini itu dengan untuk dari tidak ke pada adalah",
}
_STOPSETS = {k: set(v.split()) for k, v in _STOP.items()}


def guess_language(text: str) -> str | None:
    """A cheap fallback when the page declares no language."""
    if not text:
        return None
    sample = text[:3000]
    scripts = [("ja", "\u3040", "\u30ff"), ("ko", "\uac00", "\ud7af"), ("zh", "\u4e00", "\u9fff"),
               ("ar", "\u0600", "\u06ff"), ("th", "\u0e00", "\u0e7f"), ("he", "\u0590", "\u05ff"),
               ("hi", "\u0900", "\u097f"), ("el", "\u0370", "\u03ff")]
    for lang, lo, hi in scripts:
        if sum(1 for c in sample if lo <= c <= hi) > len(sample) * 0.2:
            return lang
    words = re.findall(r"\w+", sample.lower())
    if len(words) < 20:
        return None
    best, score = None, 0
    for lang, stops in _STOPSETS.items():
        s = sum(1 for w in words if w in stops)
        if s > score:
            best, score = lang, s
    return best if score >= len(words) * 0.08 else None
