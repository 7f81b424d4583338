"""Local files as sources: HTML pages, plain-text dumps, JSONL, WARC/ARC archives.

Each reader yields ``Page`` items (something to extract or store) and
``Problem`` items (something skipped, with where and why), so one bad line or
record never stops the rest of the file.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from contextlib import redirect_stderr
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from ..model import Article, Image, Problem
from ..normalize import parse_date, split_authors

MAX_RECORD_BYTES = 20 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024  # for single HTML/text files read whole


@dataclass
class Page:
    """One item to ingest: raw HTML, a plain-text dump, or an already structured article."""

    location: str
    url: str | None = None
    html: bytes | None = None
    text: str | None = None
    article: Article | None = None
    charset: str | None = None
    fetched_at: datetime | None = None


HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".warc.lz4")
OPML_SUFFIXES = (".opml",)


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                           ("warc", WARC_SUFFIXES), ("opml", OPML_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def iter_file(path: Path, url: str | None = None) -> Iterator[Page | Problem]:
    """Everything in one file, as pages and problems."""
    kind = kind_of(path)
    try:
        if kind == "html":
            yield from _html_file(path, url)
        elif kind == "text":
            yield from _text_file(path, url)
        elif kind == "jsonl":
            yield from iter_jsonl(path)
        elif kind == "warc":
            yield from iter_warc(path)
        else:
            yield Problem(str(path), "unknown file type (expected .html, .html.gz, .txt, .jsonl, .warc[.gz], .arc[.gz], .opml)")
    except OSError as exc:
        yield Problem(str(path), f"cannot read file: {exc.strerror or exc}")


def _read_bounded(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise OSError(f"file larger than {MAX_FILE_BYTES // 2**20} MB")
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = d.decompress(data, MAX_FILE_BYTES)
        except zlib.error as exc:
            raise OSError(f"corrupt gzip: {exc}") from None
        if d.unconsumed_tail:
            raise OSError(f"decompresses to more than {MAX_FILE_BYTES // 2**20} MB")
    return data


def _html_file(path: Path, url: str | None) -> Iterator[Page]:
    yield Page(location=str(path), url=url, html=_read_bounded(path))


def _text_file(path: Path, url: str | None) -> Iterator[Page]:
    data = _read_bounded(path)
    yield Page(location=str(path), url=url, text=data.decode("utf-8", errors="replace"))


def _open_text_lines(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def iter_jsonl(path: Path) -> Iterator[Page | Problem]:
    """One article per line: ``{"url", "title", "text", "published", ...}``."""
    with _open_text_lines(path) as fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Problem(where, f"not JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(obj, dict):
                yield Problem(where, f"expected a JSON object, got {type(obj).__name__}")
                continue
            try:
                page = jsonl_page(obj, where)
            except (TypeError, ValueError) as exc:
                yield Problem(where, str(exc))
                continue
            yield page


def jsonl_page(obj: dict, where: str) -> Page:
    url = obj.get("url") or obj.get("link")
    if url is not None and not isinstance(url, str):
        raise ValueError("url must be a string")
    if obj.get("html") and not obj.get("text"):
        return Page(location=where, url=url, html=str(obj["html"]).encode("utf-8"), charset="utf-8")
    text = obj.get("text") or obj.get("body") or obj.get("content") or ""
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    paragraphs = split_paragraphs(text)
    title = str(obj.get("title") or "").strip()
    if not paragraphs and not title:
        raise ValueError("no title and no text")
    image = obj.get("image")
    if isinstance(image, str):
        image = Image(url=image)
    elif isinstance(image, dict) and image.get("url"):
        image = Image(url=image["url"], caption=image.get("caption"), credit=image.get("credit"))
    else:
        image = None
    doc_id = obj.get("id") or obj.get("doc_id")
    if not url:
        # No URL given: a stable, non-resolvable identifier keeps re-imports idempotent.
        url = f"urn:newsdesk:{doc_id}" if doc_id is not None else None
    from html import escape

    article = Article(
        url=url or "",
        title=title,
        paragraphs=paragraphs,
        html="\n".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        authors=split_authors(obj.get("authors") or obj.get("author")),
        published=parse_date(obj.get("published") or obj.get("date")),
        updated=parse_date(obj.get("updated")),
        language=obj.get("language"),
        site_name=obj.get("site_name"),
        description=obj.get("description"),
        image=image,
        tags=[str(t) for t in obj.get("tags") or []],
    )
    if not article.url:
        article.url = f"urn:newsdesk:sha256:{article.content_hash}"
    return Page(location=where, url=article.url, article=article)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a text with none is split on single newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    blocks = text.split("\n\n") if "\n\n" in text else text.split("\n")
    return [" ".join(b.split()) for b in blocks if b.strip()]


# -- WARC / ARC -----------------------------------------------------------------


def _open_archive(path: Path):
    name = path.name.lower()
    if name.endswith(".lz4"):
        try:
            import lz4.frame
        except ImportError:
            raise OSError("LZ4-compressed archive: install the 'lz4' package to read it") from None
        return lz4.frame.open(path, "rb")
    return open(path, "rb")


def iter_warc(path: Path) -> Iterator[Page | Problem]:
    """HTML responses inside a WARC or ARC file.

    A damaged record ends the readable part of the file: everything before it
    is kept and the damage is reported with its byte offset. A gzip file that
    was not compressed record by record is re-read as one stream.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen = 0
    for attempt in ("records", "whole-gzip"):
        try:
            with _open_archive(path) as raw:
                fh = raw
                if attempt == "whole-gzip":
                    fh = gzip.GzipFile(fileobj=raw)
                # warcio prints recoverable warnings to stderr; we report our own.
                with redirect_stderr(io.StringIO()):
                    it = ArchiveIterator(fh, arc2warc=True)
                    index = 0
                    for record in it:
                        index += 1
                        if index <= seen:
                            continue
                        seen = index
                        page = _warc_page(path, record, it)
                        if page is not None:
                            yield page
            return
        except ArchiveLoadFailed as exc:
            msg = " ".join(str(exc).split())
            if attempt == "records" and "non-chunked gzip" in msg:
                continue
            yield Problem(f"{path}@record {seen + 1}", f"unreadable archive record: {msg[:200]}")
            return
        except (EOFError, zlib.error, gzip.BadGzipFile, ValueError, OSError) as exc:
            yield Problem(f"{path}@record {seen + 1}", f"truncated or corrupt archive: {exc.__class__.__name__}: {exc}"[:300])
            return


def _warc_page(path: Path, record, it) -> Page | Problem | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    ctype = ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    # Asked only after reading: warcio finishes the record to know its offset.
    where = f"{path}@{it.get_record_offset()}"
    if len(body) > MAX_RECORD_BYTES:
        return Problem(where, f"record larger than {MAX_RECORD_BYTES // 2**20} MB, skipped")
    charset = None
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    fetched = parse_date(record.rec_headers.get_header("WARC-Date"))
    return Page(location=where, url=url, html=body, charset=charset, fetched_at=fetched)

