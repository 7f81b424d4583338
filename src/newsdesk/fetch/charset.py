"""Turn fetched bytes into text without ever raising.

Order: byte-order mark, then the charset declared in the Content-Type header,
then an in-document declaration (``<meta charset>``, ``<meta http-equiv>``,
the XML declaration), then UTF-8, then charset_normalizer's guess, and
finally UTF-8 with replacement characters. A declared charset is only used if
the bytes actually decode with it, so a wrong header falls through to the next
source instead of producing an exception.
"""

from __future__ import annotations

import codecs
import re

#: How far into the document to look for a declaration (WHATWG scans 1024
#: bytes; real pages put <meta charset> after long <head> preambles).
PRESCAN_BYTES = 8192

# Labels that browsers treat as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252 = {
    "ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1",
    "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "x-cp1252",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-zA-Z0-9_:.+-]+)["']""", re.I)


def normalize_label(label: str | None) -> str | None:
    """Map a charset label to a Python codec name, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252:
        label = "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_in_document(content: bytes) -> str | None:
    """The charset named by an XML declaration or ``<meta>`` near the start, if any."""
    head = content[:PRESCAN_BYTES]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    name = normalize_label(match.group(1).decode("ascii", "replace"))
    # An ASCII-compatible document cannot really be UTF-16 (WHATWG rule).
    if name is not None and name.startswith("utf-16"):
        return "utf-8"
    return name


def _try(content: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_text(content: bytes, header_charset: str | None = None) -> str:
    """Decode *content* following the order in the module docstring; never raises."""
    if not content:
        return ""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom):].decode(name, errors="replace")
    for candidate in (normalize_label(header_charset), declared_in_document(content), "utf-8"):
        text = _try(content, candidate)
        if text is None and candidate == "cp1252":
            text = _try(content, "latin-1")  # bytes windows-1252 leaves undefined
        if text is not None:
            return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(content).best()
        if best is not None:
            return str(best)
    except Exception:  # noqa: BLE001 - detection is best effort
        pass
    return content.decode("utf-8", errors="replace")
