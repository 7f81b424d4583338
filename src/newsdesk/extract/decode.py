"""Bytes to text, within fixed memory: size caps, binary sniffing, charsets.

Order of trust for the character set: a byte-order mark; then valid UTF-8 (a
page that decodes as UTF-8 with non-ASCII bytes is UTF-8 whatever it declares:
the common mis-declaration is UTF-8 served as ISO-8859-1); then the charset the
caller was given (HTTP header); then the page's own ``<meta charset>``; then
detection on a bounded prefix. ISO-8859-1 and ASCII are read as windows-1252,
as browsers do.
"""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

from .errors import ExtractionError

MAX_PAGE_BYTES = 8 * 1024 * 1024  # refuse outright above this
MAX_HTML_CHARS = 3 * 1024 * 1024  # after dropping scripts/styles, refuse above this
_DETECT_BYTES = 200_000

_MAGIC = [
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"), (b"\x7fELF", "executable"), (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"), (b"\x00\x00\x00", "binary data"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"), (b"Rar!", "RAR archive"), (b"wOFF", "font"), (b"\x1a\x45\xdf\xa3", "Matroska media"),
]
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso8859-1": "cp1252", "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.I)
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])
_OPEN = re.compile(r"<(script|style|svg|noscript)\b|<!--", re.I)


def _gunzip(data: bytes) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, MAX_PAGE_BYTES + 1)
    except zlib.error as exc:
        raise ExtractionError(f"binary content: broken gzip ({exc})") from None
    if len(out) > MAX_PAGE_BYTES:
        raise ExtractionError(f"too large: gzip page expands past {MAX_PAGE_BYTES} bytes")
    return out


def sniff_binary(data: bytes) -> None:
    """Raise for bytes that are plainly not a text page."""
    head = data[:4096]
    if any(head.startswith(b) for b, _ in _BOMS):
        return
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ExtractionError(f"binary content: {what}, not a web page")
    if b"\x00" in head:
        raise ExtractionError("binary content: NUL bytes, not a web page")
    ctrl = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and ctrl / len(head) > 0.05:
        raise ExtractionError("binary content: control bytes, not a web page")


def _norm(enc: str | None) -> str | None:
    if not enc:
        return None
    enc = enc.strip().strip("\"'").lower()
    enc = _ALIASES.get(enc, enc)
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return _norm(m.group(1).decode("ascii", "ignore")) if m else None


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Page bytes to text; raises ``ExtractionError`` for binary or undecodable bytes."""
    if isinstance(data, str):
        if "\x00" in data[:4096]:
            raise ExtractionError("binary content: NUL characters, not a web page")
        return data
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    sniff_binary(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # a page cut mid-character (truncated download) is still UTF-8
    if bad_at >= len(data) - 4:
        return data.decode("utf-8", errors="replace")
    for enc in (_norm(declared), meta_charset(data)):
        if enc and enc not in ("utf-8", "utf_8"):
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                pass
    best = from_bytes(data[:_DETECT_BYTES]).best()
    if best is None:
        # mostly UTF-8 with a few bad bytes is far more common than anything else
        bad = data.decode("utf-8", errors="replace").count("\ufffd")
        if bad < max(8, len(data) // 1000):
            return data.decode("utf-8", errors="replace")
        raise ExtractionError("undecodable: no character set fits the bytes")
    return data.decode(best.encoding, errors="replace")


def strip_scripts(text: str) -> str:
    """Drop script/style/svg/noscript elements and comments in one linear pass."""
    out, pos, low = [], 0, None
    while True:
        m = _OPEN.search(text, pos)
        if not m:
            out.append(text[pos:])
            break
        out.append(text[pos : m.start()])
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            pos = len(text) if end < 0 else end + 3
            continue
        if low is None:
            low = text.lower()
        close = "</" + m.group(1).lower()
        end = low.find(close, m.end())
        if end < 0:
            pos = len(text)
            break
        gt = low.find(">", end)
        pos = len(text) if gt < 0 else gt + 1
    return " ".join(out)


def bound_html(text: str) -> str:
    """Keep work bounded: drop scripts/styles/comments from a big page, then refuse if still huge."""
    if len(text) > MAX_HTML_CHARS:
        text = strip_scripts(text)
    if len(text) > MAX_HTML_CHARS:
        raise ExtractionError(f"too large: {len(text)} characters of markup (limit {MAX_HTML_CHARS})")
    return text
