"""One XML parser policy for everything strangers send us (feeds, sitemaps, OPML).

No entity expansion, no DTD loading, no network: XXE and billion-laughs
payloads parse as inert text.
"""

from __future__ import annotations

from lxml import etree


def safe_parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        recover=recover,
        remove_comments=True,
        remove_pis=True,
    )


def parse_lenient(data: bytes) -> tuple[etree._Element | None, etree.XMLSyntaxError | None]:
    """Parse strictly, else recover what lxml can.

    Returns (root, error): ``error`` is the strict parser's complaint when the
    document had to be read leniently (for the caller to report), and ``root``
    is None when nothing could be recovered.
    """
    try:
        return etree.fromstring(data, safe_parser(recover=False)), None
    except etree.XMLSyntaxError as exc:
        try:
            return etree.fromstring(data, safe_parser(recover=True)), exc
        except etree.XMLSyntaxError:
            return None, exc
