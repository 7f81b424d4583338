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
