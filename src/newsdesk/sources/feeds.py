"""Feeds in: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1 and news sitemaps.

``parse_feed`` turns the bytes of one HTTP response into a :class:`ParsedFeed`.
feedparser (6.0.x) does RSS and Atom, including its own encoding detection
from the bytes and the response headers; it has no JSON Feed support, so JSON
Feed is parsed here with :mod:`json`. Google News / plain sitemaps are parsed
with lxml (``parse_sitemap``); ``parse_feed`` accepts a ``<urlset>`` too, since
news sites often offer nothing else.

Everything a feed says is untrusted: feedparser sanitizes HTML itself, but its
output goes through :func:`newsdesk.sanitize.sanitize_html` (or ``to_text``
for titles) again before it leaves this module.

Bad input policy: bytes that are not a feed at all (an HTML page, nothing,
binary, JSON that is not a JSON Feed, a sitemap index) raise :class:`FeedError`
with a readable ``reason``. A feed that is broken but still yields entries is
returned with a :class:`~newsdesk.model.Problem` per issue (ill-formed XML
parsed leniently, entries skipped and why) so the user can see what happened.
"""

from __future__ import annotations

import gzip
import html as htmllib
import io
import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXException

import feedparser

from newsdesk.model import Article, Image, Problem
from newsdesk.normalize import parse_date, split_authors
from newsdesk.sanitize import sanitize_html, to_text
from newsdesk.sources.xmlsafe import parse_lenient

__all__ = [
    "FeedEntry",
    "ParsedFeed",
    "ParsedSitemap",
    "FeedError",
    "parse_feed",
    "parse_sitemap",
    "entry_to_article",
    "html_to_paragraphs",
]


# --------------------------------------------------------------------------- data


@dataclass
class FeedEntry:
    url: str  # entry link, absolute (resolved against the feed URL); "" if none
    guid: str | None = None
    title: str = ""  # plain text
    summary_html: str = ""  # sanitized
    content_html: str = ""  # full content when the feed carries it, sanitized; "" otherwise
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # aware
    updated: datetime | None = None  # aware
    image_url: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None


@dataclass
class ParsedFeed:
    title: str
    site_url: str | None
    language: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    kind: str = ""  # "rss20", "atom10", "json11", "sitemap", ... (informative)


@dataclass
class ParsedSitemap:
    entries: list[FeedEntry] = field(default_factory=list)  # from <urlset>
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of a <sitemapindex>
    problems: list[Problem] = field(default_factory=list)
    publication: str | None = None  # news:publication/news:name when all entries agree
    language: str | None = None


class FeedError(Exception):
    """The bytes are not a feed at all."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- helpers

_HTTP = ("http", "https")
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed


def _abs_url(value, base: str | None) -> str | None:
    """Absolute http(s) URL or None (javascript:, data:, mailto: ... are dropped)."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    try:
        full = urljoin(base or "", value)
        parts = urlsplit(full)
    except ValueError:
        return None
    if parts.scheme.lower() not in _HTTP or not parts.netloc:
        return None
    return full


def _text(value) -> str:
    if not value or not isinstance(value, str):
        return ""
    return to_text(value)


def _plain_to_html(text: str) -> str:
    """Plain text to HTML paragraphs (blank lines separate them)."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join(f"<p>{htmllib.escape(' '.join(p.split()))}</p>" for p in paras)


def _detail_to_html(value: str | None, ctype: str | None) -> str:
    """feedparser value + its declared type to sanitized HTML."""
    if not value:
        return ""
    ctype = (ctype or "text/html").lower()
    if ctype == "text/plain":
        return sanitize_html(_plain_to_html(value))
    return sanitize_html(value)


def _struct_to_dt(value) -> datetime | None:
    """feedparser's *_parsed (a UTC struct_time) to an aware datetime."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None


def _date(value) -> datetime | None:
    """normalize.parse_date, then in UTC so every stored datetime compares alike."""
    try:
        dt = parse_date(value)
        return dt.astimezone(timezone.utc) if dt else None
    except (ValueError, OverflowError):
        return None


def _dedupe(items) -> list:
    out = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def _clean_tag(value) -> str:
    return _text(value).strip(" ,;|/")


def _lang(value) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip().replace("_", "-")
    if not value or len(value) > 35 or not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", value):
        return None
    return value


_IMG_EXT = re.compile(r"\.(jpe?g|png|gif|webp|avif|bmp|svg)(\?|#|$)", re.I)


def _looks_like_image(url: str | None, mime: str | None = None, medium: str | None = None) -> bool:
    if medium:
        return medium.lower() == "image"
    if mime:
        return mime.lower().startswith("image/")
    return bool(url and _IMG_EXT.search(urlsplit(url).path))


def _first_element_name(data: bytes) -> str | None:
    """Local name of the root element, without a full parse (None if not XML-ish)."""
    head = _decode_head(data, 4096)
    head = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", "", head, flags=re.S | re.I)
    m = re.match(r"\s*<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", head)
    return m.group(2) if m else None


def _decode_head(data: bytes, n: int) -> str:
    head = data[: n * 4]
    for bom, enc in (
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xef\xbb\xbf", "utf-8"),
    ):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, "ignore")[:n]
    # BOM-less UTF-16/32: "<" followed or preceded by NULs
    if head[:4] == b"\x00\x00\x00<":
        return head.decode("utf-32-be", "ignore")[:n]
    if head[:4] == b"<\x00\x00\x00":
        return head.decode("utf-32-le", "ignore")[:n]
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", "ignore")[:n]
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", "ignore")[:n]
    return head.decode("latin-1")[:n]


def _not_a_feed_reason(data: bytes, hint: str = "") -> str:
    head = _decode_head(data, 2048).lstrip().lower()
    if not head.strip():
        return "empty response"
    if re.search(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", head):
        return "an HTML page, not a feed (try feed autodiscovery on it)"
    root = _first_element_name(data)
    if root == "sitemapindex":
        return "a sitemap index, not a feed (use parse_sitemap to list its sitemaps)"
    sample = data[:2048]
    if b"\x00" in sample and not head.startswith("<"):
        return "binary data, not a feed"
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and ctrl / len(sample) > 0.05:
        return "binary data, not a feed"
    if not root and re.fullmatch(r"\s*", re.sub(r"<\?.*?\?>|<!--.*?-->", "", head, flags=re.S)):
        return "an XML document with no elements (empty feed document)"
    if root:
        return f"XML with root element <{root}>, not a feed" + (f" ({hint})" if hint else "")
    return "not a feed: " + (hint or "no RSS, Atom or JSON Feed content found")


# --------------------------------------------------------------------------- parse_feed


def parse_feed(data: bytes, url: str, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse the body of one feed response.

    ``url`` is where it was fetched from (the base for relative links);
    ``headers`` are the HTTP response headers (``Content-Type`` drives the
    encoding detection, ``Content-Location`` / ``Content-Language`` are
    honoured). Raises :class:`FeedError` when ``data`` is not a feed.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if data is None or not data.strip():
        raise FeedError("empty response")
    hdrs = {str(k).lower(): str(v) for k, v in (headers or {}).items() if v is not None}
    if data[:2] == b"\x1f\x8b":  # a .gz file served as is (the HTTP layer undoes Content-Encoding)
        try:
            data = _gunzip_limited(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise FeedError(f"broken gzip data: {exc}") from None
        if not data.strip():
            raise FeedError("empty response")

    stripped = data.lstrip(b" \t\r\n\xef\xbb\xbf")
    if stripped[:1] in (b"{", b"["):
        return _parse_json_feed(data, url, hdrs)

    root = _first_element_name(data)
    if root == "urlset":
        sm = parse_sitemap(data, url)
        if sm.entries or not sm.problems:
            return ParsedFeed(
                title=sm.publication or "",
                site_url=_abs_url("/", url),
                language=sm.language,
                entries=sm.entries,
                problems=sm.problems,
                kind="sitemap",
            )
    if root == "sitemapindex":
        raise FeedError(_not_a_feed_reason(data))

    return _parse_with_feedparser(data, url, hdrs, root)


def _sax_line(exc, data: bytes) -> int | None:
    """SAX error line in the caller's bytes (feedparser prepends an XML
    declaration line to documents that have none)."""
    try:
        line = int(exc.getLineNumber())
    except (TypeError, ValueError, AttributeError):
        return None
    if line > 1 and not _decode_head(data, 8).startswith("<?xml"):
        line -= 1
    return line


def _bozo_problem(exc, url: str, recovered: bool, data: bytes = b"") -> Problem | None:
    if exc is None:
        return None
    name = type(exc).__name__
    msg = str(exc)
    if name == "NonXMLContentType" and "no Content-type" in msg:
        return None  # we were given no headers: not the feed's fault
    suffix = " (parsed leniently)" if recovered else ""
    if isinstance(exc, SAXException):
        line = _sax_line(exc, data)
        return Problem(url, f"not well-formed XML at line {line}: {exc.getMessage()}{suffix}")
    if name == "CharacterEncodingOverride":
        return Problem(url, f"wrong character encoding: {msg}")
    if name == "CharacterEncodingUnknown":
        return Problem(url, f"unknown character encoding: {msg}")
    if name == "NonXMLContentType":
        return Problem(url, f"served with a non-XML content type: {msg}")
    return Problem(url, f"{name}: {msg}{suffix}")


def _parse_with_feedparser(data: bytes, url: str, hdrs: dict[str, str], root: str | None) -> ParsedFeed:
    fp_headers = dict(hdrs)
    loc = hdrs.get("content-location")
    fp_headers["content-location"] = (_abs_url(loc, url) if loc else None) or url or ""
    # A file-like object: feedparser treats bytes/str as a possible path or URL.
    d = feedparser.parse(io.BytesIO(data), response_headers=fp_headers)
    entries_raw = d.get("entries") or []
    version = d.get("version") or ""
    well_formed = not d.get("bozo") or not isinstance(d.get("bozo_exception"), SAXException)
    if not version and (root or "").lower() == "channel" and (well_formed or entries_raw):
        version = "cdf"  # Microsoft CDF: feedparser reads it but names no version
    if not version and not entries_raw:
        exc = d.get("bozo_exception")
        hint = ""
        if isinstance(exc, SAXException):
            hint = f"not well-formed XML at line {_sax_line(exc, data)}: {exc.getMessage()}"
        raise FeedError(_not_a_feed_reason(data, hint))

    base = fp_headers["content-location"] or url
    feed = d.get("feed") or {}
    problems: list[Problem] = []
    if d.get("bozo"):
        p = _bozo_problem(d.get("bozo_exception"), url, recovered=True, data=data)
        if p:
            problems.append(p)

    title_detail = feed.get("title_detail") or {}
    feed_lang = _lang(feed.get("language")) or _lang(title_detail.get("language")) or _lang(
        hdrs.get("content-language", "").split(",")[0]
    )
    parsed = ParsedFeed(
        title=_text(feed.get("title")),
        site_url=_abs_url(feed.get("link"), base),
        language=feed_lang,
        problems=problems,
        kind=version or "unknown",
    )
    for i, e in enumerate(entries_raw, 1):
        try:
            entry = _entry_from_feedparser(e, base, feed_lang, problems, url, i)
        except Exception as exc:  # one odd entry must not lose the rest
            problems.append(Problem(f"{url} entry {i}", f"skipped: {type(exc).__name__}: {exc}"))
            continue
        if not (entry.url or entry.title or entry.summary_html or entry.content_html):
            problems.append(Problem(f"{url} entry {i}", "skipped: no link, title or text"))
            continue
        parsed.entries.append(entry)
    return parsed


def _fp_date(e, key: str, problems: list[Problem], where: str) -> datetime | None:
    # dict.get: FeedParserDict maps a missing "updated" to "published" (with a warning)
    raw = dict.get(e, key)
    dt = _struct_to_dt(dict.get(e, f"{key}_parsed"))
    if dt is None and raw:
        dt = _date(raw)
        if dt is None:
            problems.append(Problem(where, f"unreadable {key} date {str(raw)[:60]!r}"))
    return dt


def _entry_from_feedparser(e, base: str, feed_lang, problems, url: str, i: int) -> FeedEntry:
    where = f"{url} entry {i}"
    entry_base = (e.get("title_detail") or {}).get("base") or base
    link = _abs_url(e.get("link"), entry_base)
    if not link:
        for ln in e.get("links") or []:
            if (ln.get("rel") or "alternate") == "alternate":
                link = _abs_url(ln.get("href"), entry_base)
                if link:
                    break
    guid = e.get("id") or None
    if not link and guid and e.get("guidislink"):
        link = _abs_url(guid, entry_base)

    summary_detail = e.get("summary_detail") or {}
    summary_html = _detail_to_html(e.get("summary"), summary_detail.get("type"))

    content_html = ""
    contents = e.get("content") or []
    best = None
    for c in contents:
        if (c.get("type") or "").lower() in ("text/html", "application/xhtml+xml"):
            best = c
            break
    if best is None and contents:
        best = contents[0]
    if best is not None:
        content_html = _detail_to_html(best.get("value"), best.get("type"))

    authors: list[str] = []
    for a in e.get("authors") or []:
        name = _text(a.get("name")) or _text(a.get("email"))
        authors.extend(split_authors(name))
    if not authors and e.get("author"):
        authors = split_authors(_text(e.get("author")))
    authors = _dedupe(authors)

    image = None
    for m in e.get("media_content") or []:
        u = _abs_url(m.get("url"), entry_base)
        if u and _looks_like_image(u, m.get("type"), m.get("medium")):
            image = u
            break
    if not image:
        for m in e.get("media_thumbnail") or []:
            image = _abs_url(m.get("url"), entry_base)
            if image:
                break
    if not image:
        for enc in e.get("enclosures") or []:
            u = _abs_url(enc.get("href") or enc.get("url"), entry_base)
            if u and _looks_like_image(u, enc.get("type")):
                image = u
                break
    if not image:
        img = e.get("image")
        if isinstance(img, dict):
            image = _abs_url(img.get("href") or img.get("url"), entry_base)

    published = _fp_date(e, "published", problems, where) or _fp_date(e, "created", problems, where)
    updated = _fp_date(e, "updated", problems, where)
    tags = _dedupe(_clean_tag(t.get("term") or t.get("label")) for t in (e.get("tags") or []))

    lang = (
        _lang((e.get("content") or [{}])[0].get("language") if e.get("content") else None)
        or _lang(summary_detail.get("language"))
        or _lang((e.get("title_detail") or {}).get("language"))
        or feed_lang
    )
    return FeedEntry(
        url=link or "",
        guid=str(guid) if guid else None,
        title=_text(e.get("title")),
        summary_html=summary_html,
        content_html=content_html,
        authors=authors,
        published=published or updated,  # RSS 1.0 dc:date / Atom <updated> only: best we have
        updated=updated,
        image_url=image,
        tags=tags,
        language=lang,
    )


# --------------------------------------------------------------------------- JSON Feed


def _parse_json_feed(data: bytes, url: str, hdrs: dict[str, str]) -> ParsedFeed:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FeedError("JSON that is not valid UTF-8") from None
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise FeedError("JSON, but not a JSON Feed (top level is not an object)")
    version = doc.get("version")
    if not (isinstance(version, str) and "jsonfeed.org/version/" in version):
        raise FeedError("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    problems: list[Problem] = []
    if not isinstance(items, list):
        problems.append(Problem(url, "JSON Feed without an items list"))
        items = []
    kind = "json" + re.sub(r"\D", "", version.rsplit("/", 1)[-1])
    feed_lang = _lang(doc.get("language")) or _lang(hdrs.get("content-language", "").split(",")[0])
    base = _abs_url(doc.get("feed_url"), url) or url
    feed_authors = _json_authors(doc)
    parsed = ParsedFeed(
        title=_text(doc.get("title")),
        site_url=_abs_url(doc.get("home_page_url"), url),
        language=feed_lang,
        problems=problems,
        kind=kind,
    )
    for i, item in enumerate(items, 1):
        where = f"{url} item {i}"
        if not isinstance(item, dict):
            problems.append(Problem(where, "skipped: item is not an object"))
            continue
        try:
            entry = _json_item(item, base, feed_lang, feed_authors, problems, where)
        except Exception as exc:
            problems.append(Problem(where, f"skipped: {type(exc).__name__}: {exc}"))
            continue
        if not (entry.url or entry.title or entry.summary_html or entry.content_html):
            problems.append(Problem(where, "skipped: no url, title or text"))
            continue
        parsed.entries.append(entry)
    return parsed


def _json_authors(obj: dict) -> list[str]:
    out: list[str] = []
    raw = obj.get("authors")
    if not isinstance(raw, list):
        raw = [obj.get("author")] if obj.get("author") else []
    for a in raw:
        if isinstance(a, dict):
            out.extend(split_authors(_text(a.get("name") if isinstance(a.get("name"), str) else "")))
        elif isinstance(a, str):
            out.extend(split_authors(_text(a)))
    return _dedupe(out)


def _json_date(value, problems, where, key) -> datetime | None:
    if not value:
        return None
    dt = _date(value) if isinstance(value, str) else None
    if dt is None:
        problems.append(Problem(where, f"unreadable {key} {str(value)[:60]!r}"))
    return dt


def _json_item(item: dict, base: str, feed_lang, feed_authors, problems, where) -> FeedEntry:
    url = _abs_url(item.get("url"), base) or _abs_url(item.get("external_url"), base) or ""
    content_html = ""
    if isinstance(item.get("content_html"), str) and item["content_html"].strip():
        content_html = sanitize_html(item["content_html"])
    elif isinstance(item.get("content_text"), str) and item["content_text"].strip():
        content_html = sanitize_html(_plain_to_html(item["content_text"]))
    summary_html = ""
    if isinstance(item.get("summary"), str) and item["summary"].strip():
        summary_html = sanitize_html(_plain_to_html(item["summary"]))
    image = _abs_url(item.get("image"), base) or _abs_url(item.get("banner_image"), base)
    if not image:
        for att in item.get("attachments") or []:
            if isinstance(att, dict):
                u = _abs_url(att.get("url"), base)
                if u and _looks_like_image(u, att.get("mime_type") if isinstance(att.get("mime_type"), str) else None):
                    image = u
                    break
    tags_raw = item.get("tags") if isinstance(item.get("tags"), list) else []
    guid = item.get("id")
    published = _json_date(item.get("date_published"), problems, where, "date_published")
    updated = _json_date(item.get("date_modified"), problems, where, "date_modified")
    return FeedEntry(
        url=url,
        guid=str(guid) if guid not in (None, "") else None,
        title=_text(item.get("title")),
        summary_html=summary_html,
        content_html=content_html,
        authors=_json_authors(item) or list(feed_authors),
        published=published or updated,
        updated=updated,
        image_url=image,
        tags=_dedupe(_clean_tag(t) for t in tags_raw if isinstance(t, str)),
        language=_lang(item.get("language")) or feed_lang,
    )


# --------------------------------------------------------------------------- sitemaps


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _child_text(el, name: str) -> str:
    for c in el:
        if _local(c.tag) == name:
            return (c.text or "").strip()
    return ""


def _child(el, name: str):
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _gunzip_limited(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        out = gz.read(MAX_SITEMAP_BYTES + 1)
    if len(out) > MAX_SITEMAP_BYTES:
        raise FeedError("gzipped sitemap larger than 50 MB uncompressed")
    return out


def parse_sitemap(data: bytes, url: str) -> ParsedSitemap:
    """Parse a sitemap: ``<urlset>`` (with Google News / image extensions) to
    entries, ``<sitemapindex>`` to the list of child sitemap URLs.

    Gzipped bodies (``sitemap.xml.gz``) are inflated up to 50 MB. Elements are
    matched by local name so sitemaps with a wrong or missing namespace still
    work. Raises :class:`FeedError` if ``data`` is not a sitemap.
    """
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip_limited(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise FeedError(f"broken gzip data: {exc}") from None
    if not data or not data.strip():
        raise FeedError("empty response")
    problems: list[Problem] = []
    root, exc = parse_lenient(data)
    if root is None:
        raise FeedError(f"not well-formed XML: {exc}") from None
    if exc is not None:
        problems.append(Problem(url, f"not well-formed XML at line {exc.lineno}: {exc.msg} (parsed leniently)"))
    name = _local(root.tag)
    result = ParsedSitemap(problems=problems)
    if name == "sitemapindex":
        for i, sm in enumerate(root, 1):
            if _local(sm.tag) != "sitemap":
                continue
            loc = _abs_url(_child_text(sm, "loc"), url)
            if loc:
                if loc not in result.sitemaps:
                    result.sitemaps.append(loc)
            else:
                problems.append(Problem(f"{url} sitemap {i}", "skipped: no usable <loc>"))
        return result
    if name != "urlset":
        raise FeedError(f"not a sitemap: root element <{name}>")

    pubs: list[str] = []
    langs: list[str] = []
    for i, u in enumerate((c for c in root if _local(c.tag) == "url"), 1):
        where = f"{url} url {i}"
        loc = _abs_url(_child_text(u, "loc"), url)
        if not loc:
            problems.append(Problem(where, "skipped: no usable <loc>"))
            continue
        entry = FeedEntry(url=loc, guid=loc)
        lastmod = _child_text(u, "lastmod")
        if lastmod:
            entry.updated = _date(lastmod)
            if entry.updated is None:
                problems.append(Problem(where, f"unreadable lastmod {lastmod[:60]!r}"))
        news = _child(u, "news")
        if news is not None:
            entry.title = _text(_child_text(news, "title"))
            pd = _child_text(news, "publication_date")
            if pd:
                entry.published = _date(pd)
                if entry.published is None:
                    problems.append(Problem(where, f"unreadable publication_date {pd[:60]!r}"))
            pub = _child(news, "publication")
            if pub is not None:
                pname = _text(_child_text(pub, "name"))
                if pname:
                    pubs.append(pname)
                plang = _lang(_child_text(pub, "language"))
                if plang:
                    entry.language = plang
                    langs.append(plang)
            kw = _child_text(news, "keywords")
            if kw:
                entry.tags = _dedupe(_clean_tag(k) for k in kw.split(","))
        img = _child(u, "image")
        if img is not None:
            entry.image_url = _abs_url(_child_text(img, "loc"), url)
        result.entries.append(entry)
    if pubs and len(set(pubs)) == 1:
        result.publication = pubs[0]
    if langs and len(set(langs)) == 1:
        result.language = langs[0]
    return result


# --------------------------------------------------------------------------- to Article

_BLOCK = re.compile(
    r"</?(?:p|div|h[1-6]|blockquote|ul|ol|li|dl|dt|dd|pre|figure|figcaption|table|thead|tbody|tfoot"
    r"|tr|caption|hr|section|article)\b[^>]*>|(?:<br\s*/?>\s*){2,}",
    re.I,
)


_BR = re.compile(r"<br\s*/?>", re.I)


def html_to_paragraphs(html: str) -> list[str]:
    """Split (sanitized) HTML at block-level tags into plain-text paragraphs."""
    if not html:
        return []
    out = []
    for chunk in _BLOCK.split(html):
        text = to_text(_BR.sub(" ", chunk))
        if text:
            out.append(text)
    return out


def entry_to_article(entry: FeedEntry, feed: ParsedFeed) -> Article:
    """An :class:`Article` from what the feed says about one entry.

    Used when the page itself cannot be fetched or extracted, and as the
    metadata fallback when it can.
    """
    body = entry.content_html or entry.summary_html
    html = sanitize_html(body) if body else ""
    url = entry.url
    if not url and entry.guid:
        url = _abs_url(entry.guid, None) or ""
    description = None
    if entry.summary_html and entry.content_html:
        description = to_text(entry.summary_html) or None
    image = Image(url=entry.image_url) if entry.image_url else None
    return Article(
        url=url,
        title=entry.title,
        paragraphs=html_to_paragraphs(html),
        html=html,
        authors=list(entry.authors),
        published=entry.published,
        updated=entry.updated,
        language=entry.language or feed.language,
        site_name=feed.title or None,
        description=description,
        image=image,
        images=[image] if image else [],
        tags=list(entry.tags),
    )
