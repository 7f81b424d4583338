"""One lxml parse of the page, as trafilatura's ``load_html`` would do it, but cheaper.

Why not ``load_html`` itself: it runs a control-character regex over every
page (we first test whether any such character is there), and its parser uses
lxml.html's Python-level class lookup, which calls back into Python for every
element proxy that any later step touches (a quarter of a million calls over
the AEB pages). Here the same parser options are used with lxml's C-level
default lookup, so every element is still an ``lxml.html.HtmlElement`` (which
trafilatura requires) without the callback. Form and input elements lose their
form-specific classes, which nothing here or in trafilatura uses.
"""

from __future__ import annotations

import threading

import lxml.html
from lxml import etree
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

_LOCAL = threading.local()


def _parser() -> lxml.html.HTMLParser:
    """This thread's parser: pages are extracted in worker threads, and lxml's FAQ asks for
    its default parser or one parser per thread, never one custom parser shared by all."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                                      remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity))
    return parser

_CONTROL = [chr(c) for c in (*range(9), 11, 12, *range(14, 32))] + ["\ufffe", "\uffff"]


def _repair(text: str, beginning: str) -> str:
    """trafilatura's repairs for libxml2 (utils.repair_faulty_html), with the costly one only when needed."""
    if any(c in text for c in _CONTROL):  # 27 substring scans in C beat one regex pass by 3x
        text = INVALID_XML_CHARS.sub("", text)
    if "doctype" in beginning:
        first, _, rest = text.partition("\n")
        text = DOCTYPE_TAG.sub("", first, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            text = FAULTY_HTML.sub(r"\1>", text, count=1)
            break
    return text


def _from_bytes(text: str):
    try:
        return lxml.html.fromstring(text.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # lxml raises a variety of errors on broken markup
        return None


def parse_html(text: str):
    """Text of a page to an lxml.html tree, or None when it is not HTML at all."""
    beginning = text[:50].lower()
    dubious = "html" not in beginning
    text = _repair(text, beginning)
    tree = None
    retried = False
    try:
        tree = lxml.html.fromstring(text, parser=_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(text)
        retried = True
    except Exception:  # lxml raises a variety of errors on broken markup; the bytes route may still work
        tree = None
    if (tree is None or len(tree) < 1) and not retried:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree
