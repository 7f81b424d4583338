"""Peer extractors, each as ``name -> (setup, extract(html_str, url) -> text)``.

A peer whose package is not installed is reported as skipped, never a crash.
Every peer gets the decoded page as a string and returns plain text.
"""

from __future__ import annotations

import importlib.util
import logging
from typing import Callable

Extractor = Callable[[str, "str | None"], str]


def _html_to_text(fragment: str) -> str:
    """Readability returns HTML: block elements become paragraphs."""
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    blocks = []
    for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd", "dt", "figcaption"):
        if any(a.tag in ("p", "li", "blockquote", "td") for a in el.iterancestors()):
            continue
        t = " ".join(el.text_content().split())
        if t:
            blocks.append(t)
    if not blocks:
        return " ".join(root.text_content().split())
    return "\n\n".join(blocks)


def _trafilatura(**kw) -> Extractor:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, **kw) or ""

    return run


def _readability() -> Extractor:
    from readability import Document

    logging.getLogger("readability").setLevel(logging.CRITICAL)

    def run(html: str, url: str | None) -> str:
        return _html_to_text(Document(html, url=url).summary(html_partial=True))

    return run


def _newspaper4k() -> Extractor:
    import newspaper

    def run(html: str, url: str | None) -> str:
        art = newspaper.Article(url or "http://example.com/", fetch_images=False)
        art.download(input_html=html)
        art.parse()
        return art.text or ""

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(html: str, url: str | None) -> str:
        return extract_plain_text(HTMLTree.parse(html), main_content=True) or ""

    return run


def _goose3() -> Extractor:
    from goose3 import Goose

    g = Goose({"enable_image_fetching": False, "http_timeout": 0.01})

    def run(html: str, url: str | None) -> str:
        return g.extract(raw_html=html).cleaned_text or ""

    return run


def _justext() -> Extractor:
    import justext

    stop = justext.get_stoplist("English")

    def run(html: str, url: str | None) -> str:
        paras = justext.justext(html.encode("utf-8"), stop)
        return "\n\n".join(p.text for p in paras if not p.is_boilerplate)

    return run


# (label, module to check, factory)
PEERS: list[tuple[str, str, Callable[[], Extractor]]] = [
    ("trafilatura", "trafilatura", lambda: _trafilatura()),
    ("trafilatura precision", "trafilatura", lambda: _trafilatura(favor_precision=True)),
    ("trafilatura recall", "trafilatura", lambda: _trafilatura(favor_recall=True)),
    ("readability-lxml", "readability", _readability),
    ("newspaper4k", "newspaper", _newspaper4k),
    ("resiliparse", "resiliparse", _resiliparse),
    ("goose3", "goose3", _goose3),
    ("justext", "justext", _justext),
]


def available(only: set[str] | None = None) -> tuple[list[tuple[str, Extractor]], list[str]]:
    ok, skipped = [], []
    for label, module, factory in PEERS:
        if only and label not in only:
            continue
        if importlib.util.find_spec(module) is None:
            skipped.append(f"{label}: not installed (pip install {module})")
            continue
        try:
            ok.append((label, factory()))
        except Exception as exc:  # a broken install is a note, not a crash
            skipped.append(f"{label}: failed to start ({exc.__class__.__name__}: {exc})")
    return ok, skipped
