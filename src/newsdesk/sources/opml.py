"""OPML in and out: subscription lists from other readers, and ours for them.

Reading uses lxml with a parser that loads no DTD, expands no entities and
touches no network (an OPML file is a stranger's XML: no XXE, no billion
laughs). A malformed file is read best-effort (``recover=True``) and the
damage reported as a :class:`~newsdesk.model.Problem`; :class:`OPMLError` is
raised only when nothing usable is in it.

Categories: nested outlines without ``xmlUrl`` are folders; a subscription's
``category`` is the path of folder titles joined with ``/`` ("News/Tech").
When a subscription sits at the top level, OPML 2.0's ``category`` attribute
(first entry, e.g. ``/Tech``) is used instead. ``to_opml`` writes categories
back as nested folder outlines, so the two round-trip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime

from lxml import etree

from newsdesk.model import Problem, utcnow
from newsdesk.sources.xmlsafe import parse_lenient

__all__ = ["Subscription", "OPMLError", "parse_opml", "to_opml"]


@dataclass
class Subscription:
    url: str
    title: str | None = None
    site_url: str | None = None
    category: str | None = None


class OPMLError(Exception):
    """Nothing usable in the document."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


_MAX_DEPTH = 50


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower()


def _attr(el, *names: str) -> str | None:
    """Attribute by name, case-insensitively (xmlUrl / xmlurl / XMLURL are all seen)."""
    wanted = {n.lower() for n in names}
    for key, value in el.attrib.items():
        if _local(key) in wanted and value and value.strip():
            return " ".join(value.split())
    return None


def _feed_url(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    low = value.lower()
    if low.startswith("feed://"):
        value = "http://" + value[7:]
    elif low.startswith("feed:http"):
        value = value[5:]
    if not re.match(r"^https?://[^\s/]+", value, re.I):
        return None
    return value


def parse_opml(data: bytes) -> tuple[list[Subscription], list[Problem]]:
    """Subscriptions in an OPML document, in document order, de-duplicated by URL."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or not data.strip():
        raise OPMLError("empty file")
    problems: list[Problem] = []
    root, exc = parse_lenient(data)
    if root is None:
        raise OPMLError(f"not XML: {exc.msg}") from None
    if exc is not None:
        problems.append(Problem("opml", f"not well-formed XML at line {exc.lineno}: {exc.msg} (read leniently)"))

    if _local(root.tag) != "opml":
        if _local(root.tag) in ("html", "rss", "feed", "rdf"):
            raise OPMLError(f"not an OPML document: root element <{_local(root.tag)}>")
        problems.append(Problem("opml", f"root element is <{_local(root.tag)}>, not <opml>"))

    body = None
    for child in root:
        if _local(child.tag) == "body":
            body = child
            break
    if body is None:
        body = root  # be generous: outlines straight under the root

    subs: list[Subscription] = []
    seen: set[str] = set()
    counter = [0]

    def walk(el, path: list[str], depth: int) -> None:
        for child in el:
            if _local(child.tag) != "outline":
                continue
            counter[0] += 1
            n = counter[0]
            if depth > _MAX_DEPTH:
                problems.append(Problem(f"opml outline {n}", "skipped: nested too deep"))
                continue
            text = _attr(child, "text", "title")
            raw_url = _attr(child, "xmlUrl")
            otype = (_attr(child, "type") or "").lower()
            if raw_url is None and otype in ("rss", "atom", "feed", "json") and _attr(child, "url"):
                raw_url = _attr(child, "url")
            if raw_url is not None:
                url = _feed_url(raw_url)
                if url is None:
                    problems.append(Problem(f"opml outline {n}", f"skipped: not an http(s) feed URL {raw_url[:80]!r}"))
                elif url in seen:
                    problems.append(Problem(f"opml outline {n}", f"skipped duplicate {url}"))
                else:
                    seen.add(url)
                    category = "/".join(path) or None
                    if category is None:
                        cat_attr = _attr(child, "category")
                        if cat_attr:
                            first = cat_attr.split(",")[0].strip().strip("/")
                            category = first or None
                    site = _feed_url(_attr(child, "htmlUrl"))
                    title = text if text and text != raw_url else None
                    subs.append(Subscription(url=url, title=title, site_url=site, category=category))
                # a feed outline with children: keep looking inside, under the same folder
                walk(child, path, depth + 1)
            elif len(child):
                walk(child, path + [text or "untitled"], depth + 1)
            elif otype in ("rss", "atom"):
                problems.append(Problem(f"opml outline {n}", "skipped: feed outline without xmlUrl"))

    walk(body, [], 0)
    if not subs and _local(root.tag) != "opml":
        raise OPMLError(f"not an OPML document: root element <{_local(root.tag)}> and no feed outlines")
    return subs, problems


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str | None) -> str:
    return _XML_BAD.sub("", value or "")


def to_opml(subs: Iterable[Subscription], title: str = "newsdesk subscriptions") -> str:
    """OPML 2.0 text: categories as (nested) folder outlines, escaping by lxml."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = _clean(title)
    etree.SubElement(head, "dateCreated").text = format_datetime(utcnow())
    body = etree.SubElement(root, "body")
    folders: dict[tuple[str, ...], etree._Element] = {(): body}

    def folder(path: tuple[str, ...]):
        if path not in folders:
            parent = folder(path[:-1])
            el = etree.SubElement(parent, "outline", text=_clean(path[-1]), title=_clean(path[-1]))
            folders[path] = el
        return folders[path]

    for sub in subs:
        path = tuple(p.strip() for p in (sub.category or "").split("/") if p.strip())
        parent = folder(path)
        attrs = {"type": "rss", "text": _clean(sub.title or sub.url)}
        if sub.title:
            attrs["title"] = _clean(sub.title)
        attrs["xmlUrl"] = _clean(sub.url)
        if sub.site_url:
            attrs["htmlUrl"] = _clean(sub.site_url)
        etree.SubElement(parent, "outline", attrs)
    text = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text
