"""Per-site rules, in a small line format (like Miniflux's scraper rules).

The general method never needs them; they exist for the site that defeats it.
Rules come from ``site_rules.txt`` beside this module (shipped empty) and from
the file named by ``$NEWSDESK_SITE_RULES``. One rule per line::

    # host            action      argument
    example.com        body        div.story-body
    example.com        strip       .newsletter-box, #related
    news.example.org   drop-text   ^Sign up for The Morning\\b

``host`` matches that host and its subdomains. Actions:

- ``body``: a selector for the article container; only it is handed to trafilatura.
- ``strip``: selectors (comma-separated) removed before extraction.
- ``drop-text``: a regular expression; body paragraphs it matches (``re.search``,
  case-insensitive) are dropped.

Selectors are a small CSS subset: ``tag``, ``.class``, ``#id``, ``[attr]``,
``[attr=value]``, ``[attr*=value]``, combined (``div.a.b``) and with the
descendant combinator (``article .body``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse


DEFAULT_FILE = Path(__file__).with_name("site_rules.txt")
_SIMPLE = re.compile(r"([a-zA-Z][\w-]*|\*)?((?:[.#][\w-]+|\[[\w-]+(?:[*^$]?=[\"']?[^\]\"']*[\"']?)?\])*)$")


@dataclass
class SiteRules:
    body: list[str] = field(default_factory=list)
    strip: list[str] = field(default_factory=list)
    drop_text: list[re.Pattern] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.body or self.strip or self.drop_text)


def css_to_xpath(selector: str) -> str:
    """Translate the supported CSS subset to XPath; raises ValueError otherwise."""
    out = []
    for group in selector.split(","):
        steps = []
        for simple in group.split():
            m = _SIMPLE.match(simple)
            if not m:
                raise ValueError(f"unsupported selector: {simple!r}")
            tag = m.group(1) or "*"
            conds = []
            for part in re.findall(r"[.#][\w-]+|\[[^\]]+\]", m.group(2) or ""):
                if part[0] == ".":
                    conds.append(f'contains(concat(" ", normalize-space(@class), " "), " {part[1:]} ")')
                elif part[0] == "#":
                    conds.append(f'@id="{part[1:]}"')
                else:
                    am = re.match(r"\[([\w-]+)(?:([*^$]?=)[\"']?([^\"']*)[\"']?)?\]", part)
                    name, op, val = am.group(1), am.group(2), am.group(3)
                    if not op:
                        conds.append(f"@{name}")
                    elif op == "=":
                        conds.append(f'@{name}="{val}"')
                    elif op == "*=":
                        conds.append(f'contains(@{name}, "{val}")')
                    elif op == "^=":
                        conds.append(f'starts-with(@{name}, "{val}")')
                    else:
                        conds.append(f'substring(@{name}, string-length(@{name}) - {len(val) - 1}) = "{val}"')
            steps.append(tag + "".join(f"[{c}]" for c in conds))
        if steps:
            out.append("//" + "//".join(steps))
    if not out:
        raise ValueError("empty selector")
    return " | ".join(out)


def parse_rules(text: str) -> dict[str, SiteRules]:
    rules: dict[str, SiteRules] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) != 3:
            raise ValueError(f"site rules line {lineno}: expected 'host action argument'")
        host, action, arg = parts[0].lower(), parts[1].lower(), parts[2].strip()
        r = rules.setdefault(host, SiteRules())
        if action == "body":
            css_to_xpath(arg)
            r.body.append(arg)
        elif action == "strip":
            css_to_xpath(arg)
            r.strip.append(arg)
        elif action == "drop-text":
            r.drop_text.append(re.compile(arg, re.I))
        else:
            raise ValueError(f"site rules line {lineno}: unknown action {action!r}")
    return rules


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> dict[str, SiteRules]:
    merged: dict[str, SiteRules] = {}
    for p in paths:
        path = Path(p)
        if not path.is_file():
            continue
        for host, r in parse_rules(path.read_text(encoding="utf-8")).items():
            m = merged.setdefault(host, SiteRules())
            m.body += r.body
            m.strip += r.strip
            m.drop_text += r.drop_text
    return merged


def rules_for(url: str | None, table: dict[str, SiteRules] | None = None) -> SiteRules:
    if table is None:
        paths = [str(DEFAULT_FILE)]
        if os.environ.get("NEWSDESK_SITE_RULES"):
            paths.append(os.environ["NEWSDESK_SITE_RULES"])
        table = _load(tuple(paths))
    if not table or not url:
        return SiteRules()
    host = (urlparse(url).hostname or "").lower()
    out = SiteRules()
    while host:
        r = table.get(host)
        if r:
            out.body += r.body
            out.strip += r.strip
            out.drop_text += r.drop_text
        host = host.split(".", 1)[1] if "." in host else ""
    return out


def apply_rules(root, rules: SiteRules):
    """Strip what the rules say; return the body element when a body rule matches."""
    for sel in rules.strip:
        for el in root.xpath(css_to_xpath(sel)):
            if el.getparent() is not None:
                el.getparent().remove(el)
    for sel in rules.body:
        found = root.xpath(css_to_xpath(sel))
        if found:
            return found[0]
    return None
