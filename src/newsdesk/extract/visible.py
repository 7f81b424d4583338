"""What a reader sees around the headline: the byline and the dateline.

Many pages name the writer and the day only as text under the headline
("By Jane Doe | Nov 18, 2019", "Max Blumenthal / The Grayzone / Thu, 14 May
2020 17:55 UTC"), with no metadata, or with metadata that disagrees (a CMS
account, the first of three writers). This reads the few short lines after the
headline element (and a couple before it) the way a reader would. No library
does this: htmldate searches the whole page for the likeliest date, and a
sidebar's or the site header's "today" often wins there.

Dates are parsed by hand from a few explicit shapes (day month year, month
day year, ISO, numeric, CJK) with month names in six languages, and only the
day is kept: a visible date rarely carries a zone, and the day as printed is
what a reader would report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

_MONTHS = {}
for _i, _names in enumerate([
    "january jan enero ene janvier janv janeiro jan januar jän gennaio gen",
    "february feb febrero febr février févr fevereiro fev februar febbraio",
    "march mar marzo mars março märz mär",
    "april apr abril abr avril avr aprile",
    "may mayo mai maio maggio mag",
    "june jun junio juin junho juni giugno giu",
    "july jul julio juillet juil julho juli luglio lug",
    "august aug agosto ago août aoû",
    "september sep sept septiembre septembre setiembre set settembre setembro",
    "october oct octubre octobre outubro out oktober ottobre ott okt",
    "november nov noviembre novembre novembro",
    "december dec diciembre dic décembre déc dezembro dez dezember dicembre",
], start=1):
    for _n in _names.split():
        _MONTHS.setdefault(_n, _i)
_MON = r"(?P<mon>" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_SHAPES = [
    re.compile(_DAY + r"\s*(?:de\s+)?" + _MON + r",?\s*(?:de\s+)?" + _YEAR, re.I),  # 14 May 2020, 9 de enero de 2014
    re.compile(r"\b" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),  # November 18th, 2019
    re.compile(_YEAR + r"-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),  # 2019-01-21, 2019-11-18T20:51
    re.compile(_YEAR + r"\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),  # 2018年6月20日
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)?\d\d)\b"),  # 08/01/2014, 11/18/19
]
_UPDATED = re.compile(r"\b(?:updated?|modified|last\s+update|actualizad[oa]|aktualisiert|mis\s+à\s+jour|atualizad[oa]"
                      r"|aggiornat[oa])\b|更新|تحديث", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|first\s+published|publicad[oa]|veröffentlicht|publié|pubblicato)\b|発行|发布", re.I)
# "By", "BY:", "Written by", "Analysis by" (a label of up to three words before "by"), and other languages' "by"
_BY_LINE = re.compile(r"^(?:(?:[^\W\d_]+\s+){0,3}by|von|par|por|di|door)\s*:?\s+(?=\S)", re.I)
_LABEL = re.compile(r"^[^\W\d_]{2,12}\s*:\s*")  # "Text:", "Autor:", "Текст:"
_NOT_WRITER = re.compile(r"^(?:photos?|photographs?|images?|pictures?|video|illustrations?|graphics?|produced|edited|reviewed|fact[-\s]checked)\b", re.I)
_CUT = re.compile(r"\s+(?:\||·|•|—|–|-|/)\s+|\s+on\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d))"
                  r"|\s*\b(?:published|updated|posted)\b", re.I)
BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|byl|author|authors|autor|autore|auteur|writer|reporter)(?:$|[\s_-])", re.I)
NOT_BYLINE_CLASS = re.compile(r"bio|avatar|image|img|photo|pic|desc|about|box|card|social|follow|more|comment", re.I)
_BLOCK = {"div", "p", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header", "footer",
          "article", "aside", "table", "tr", "td", "dd", "dt", "dl", "blockquote", "hgroup", "main", "nav", "address"}
_SKIP = {"script", "style", "noscript", "svg", "button", "form", "select", "figure", "figcaption", "iframe", "template",
         "textarea", "nav"}
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w'’.\-]*|[A-Z]\.|de|da|del|van|von|der|di|la|le|du|dos|bin|al)$")


@dataclass
class Visible:
    byline: str | None = None  # the byline text as shown (explicit "By ..." line or a byline-classed element)
    bare_name: str | None = None  # a lone name line next to a date, with no "By"
    published: datetime | None = None
    updated: datetime | None = None
    lines: list[str] = field(default_factory=list)


def parse_day(text: str, dayfirst: bool = True) -> datetime | None:
    """The first date in a short text, as midnight UTC of the day printed; None if there is none."""
    if not text or len(text) > 300 or not re.search(r"\d", text):
        return None
    best = None
    for shape in _DATE_SHAPES:
        m = shape.search(text)
        if not m or (best is not None and m.start() >= best[0]):
            continue
        g = m.groupdict()
        try:
            if g.get("mon"):
                y, mo, d = int(g["year"]), _MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
            elif g.get("m"):
                y, mo, d = int(g["year"]), int(g["m"]), int(g["d"])
            else:
                a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
                y = y + 2000 if y < 100 else y
                if a > 12:
                    d, mo = a, b
                elif b > 12:
                    mo, d = a, b
                else:
                    d, mo = (a, b) if dayfirst else (b, a)
            dt = datetime(y, mo, d, tzinfo=timezone.utc)
        except (ValueError, KeyError):
            continue
        if 1990 <= dt.year <= datetime.now(timezone.utc).year + 1:
            best = (m.start(), dt)
    return best[1] if best else None


def _pieces_after(anchor, limit: int = 700) -> list:
    """Text pieces in document order after the anchor's subtree, about ``limit`` characters."""
    out: list = []
    budget = [limit]
    node = anchor
    while node is not None and node.tag not in ("body", "html"):
        if node.tail and node.tail.strip():
            out.append((node.getparent(), node.tail))
            budget[0] -= len(node.tail.strip())
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                if sib.tail and sib.tail.strip():
                    out.append((node.getparent(), sib.tail))
                continue
            if sib.tag in _SKIP:
                if sib.tail and sib.tail.strip():
                    out.append((node.getparent(), sib.tail))
                continue
            if not _walk_clean(sib, out, budget):
                return out
        node = node.getparent()
        if budget[0] <= 0:
            break
    return out


def _walk_clean(el, out: list, budget: list) -> bool:
    """Like a document-order walk, skipping script/style/figure subtrees (their tails kept)."""
    stack = [(el, False)]
    while stack:
        e, closing = stack.pop()
        tag = e.tag if isinstance(e.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                out.append(None)
            if e.tail and e.tail.strip():
                out.append((e.getparent(), e.tail))
                budget[0] -= len(e.tail.strip())
            if budget[0] <= 0:
                return False
            continue
        if tag in _SKIP or not tag:
            if e.tail and e.tail.strip():
                out.append((e.getparent(), e.tail))
            continue
        if tag in _BLOCK:
            out.append(None)
        if e.text and e.text.strip():
            out.append((e, e.text))
            budget[0] -= len(e.text.strip())
            if budget[0] <= 0:
                return False
        stack.append((e, True))
        for child in reversed(e):
            stack.append((child, False))
    return True


def _lines(pieces: list) -> list[tuple[str, object]]:
    """Pieces to lines: (text, the element that holds the line's first piece)."""
    lines: list[tuple[str, object]] = []
    buf: list[str] = []
    owner = None
    for p in pieces:
        if p is None:
            if buf:
                t = " ".join(" ".join(buf).split())
                if t:
                    lines.append((t, owner))
                buf, owner = [], None
            continue
        el, text = p
        if owner is None:
            owner = el
        buf.append(text)
    if buf:
        t = " ".join(" ".join(buf).split())
        if t:
            lines.append((t, owner))
    return lines


def _is_byline_el(el) -> bool:
    """The element holding the line, or its parent, is marked as the byline (class, rel or itemprop)."""
    for _ in range(2):
        if el is None or not isinstance(el.tag, str):
            return False
        cls = f'{el.get("class") or ""} {el.get("id") or ""}'
        if el.get("rel") == "author" or el.get("itemprop") == "author":
            return True
        if BYLINE_CLASS.search(cls) and not NOT_BYLINE_CLASS.search(cls):
            return True
        el = el.getparent()
    return False


def cut_byline(text: str) -> str:
    """'By Jane Doe | Nov 18, 2019 | Topic: X' -> 'Jane Doe'; the names before any separator or date."""
    text = _LABEL.sub("", _BY_LINE.sub("", text.strip()))
    m = _CUT.search(text)
    if m:
        text = text[: m.start()]
    for shape in _DATE_SHAPES:
        m = shape.search(text)
        if m:
            text = text[: m.start()]
    return text.strip(" ,;:|-–—")


def _name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and len(text) <= 40 and all(_NAME_WORD.match(w) for w in words) and not re.search(r"\d", text)


def _same_block(a, b) -> bool:
    """Both lines sit in one element, or in siblings under a parent holding little more than them."""
    if a is None or b is None:
        return False
    if a is b:
        return True
    pa = a.getparent()
    return pa is not None and pa is b.getparent() and len(" ".join(pa.text_content().split())) <= 200


def find_headline(root, title: str):
    """The element that shows the headline: an h1 that holds it, else any short element whose text is exactly it."""
    if not title:
        return None
    want = " ".join(title.split()).lower()
    h1s = [(h1, " ".join(h1.text_content().split()).lower()) for h1 in root.iter("h1")]
    for h1, t in h1s:
        if t == want:
            return h1
    body = root.find("body")
    if body is not None:
        head = want[:12]
        for tags in (("h2", "h3", "h4"), ("span", "div", "p", "strong", "a", "header")):
            for el in body.iter(tags):
                own = el.text
                if own and own.strip() and not head.startswith(" ".join(own.split()).lower()[:12]):
                    continue  # its own first words are not the headline's
                if len(el) > 5:
                    continue
                txt = el.text_content()
                if len(txt) < 3 * len(want) + 40 and " ".join(txt.split()).lower() == want:
                    return el
    for h1, t in h1s:
        if t and (t.startswith(want) or (len(t) >= 8 and want.startswith(t))):
            return h1
    return None


def read_visible(root, title: str, dayfirst: bool = True) -> Visible:
    """Byline and dates from the lines around the headline."""
    anchor = find_headline(root, title)
    if anchor is None:
        return Visible()
    return read_visible_at(anchor, dayfirst)


def read_visible_at(anchor, dayfirst: bool = True) -> Visible:
    """Byline and dates from the lines after (and a dateline just before) the headline element."""
    v = Visible()
    lines = _lines(_pieces_after(anchor))[:14]
    v.lines = [t for t, _ in lines]
    date_idx = []
    prose = 0
    by_explicit = False
    for i, (t, el) in enumerate(lines):
        if len(t) > 250:
            break  # the body has started
        if len(t) <= 200 and not _NOT_WRITER.match(t):
            # an explicit "By ..." line beats a line that only sits in a byline-classed element
            explicit = bool(_BY_LINE.match(t))
            if (v.byline is None or (explicit and not by_explicit)) and (explicit or (len(t) <= 120 and _is_byline_el(el))):
                cut = cut_byline(t)
                if cut and not parse_day(cut):
                    v.byline, by_explicit = cut, explicit
        day = parse_day(t, dayfirst) if len(t) <= 200 else None
        if day is not None:
            date_idx.append(i)
            if _UPDATED.search(t) and not _PUBLISHED.search(t):
                v.updated = v.updated or day
            elif v.published is None:
                v.published = day
            continue
        if len(t) > 90 or (len(t.split()) >= 10 and t.endswith((".", "!", "?", "\"", "”"))):
            prose += 1  # a standfirst may sit between headline and byline; a second paragraph is the body
            if prose > 1:
                break
    if v.byline is None and date_idx:
        # a lone name line just before the dateline, in the same small block, with no "By":
        # "Max Blumenthal<br>The Grayzone<br>Thu, 14 May 2020 17:55 UTC"
        first = date_idx[0]
        for i in range(max(0, first - 2), first):
            t, el = lines[i]
            if _name_like(t) and _same_block(el, lines[first][1]):
                v.bare_name = t
                break
    if v.published is None:
        # a dateline printed just above the headline
        prev = anchor.getprevious()
        for _ in range(3):
            if prev is None:
                break
            if isinstance(prev.tag, str) and prev.tag not in _SKIP:
                t = " ".join(prev.text_content().split())
                if 0 < len(t) <= 120:
                    day = parse_day(t, dayfirst)
                    if day is not None and not _UPDATED.search(t):
                        v.published = day
                        break
            prev = prev.getprevious()
    return v
