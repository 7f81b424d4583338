"""robots.txt parsing and matching (RFC 9309).

Only the rules are here; fetching and caching live in :mod:`.client`.

Matching follows RFC 9309 and Google's documented behaviour, which
``urllib.robotparser`` does not: the groups naming our product token are
used (merged if there are several), otherwise the ``*`` groups; among the
rules, the longest matching path wins and ``Allow`` wins a tie; ``*`` matches
any run of characters and a trailing ``$`` anchors the end. ``/robots.txt``
itself is always allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

#: The product token newsdesk answers to in robots.txt ``User-agent`` lines.
PRODUCT_TOKEN = "newsdesk"

#: RFC 9309 asks crawlers to parse at least 500 KiB; content past this is ignored.
MAX_ROBOTS_BYTES = 512 * 1024


@dataclass
class _Rule:
    allow: bool
    path: str
    regex: re.Pattern[str]


def _normalize(path: str) -> str:
    # Compare percent-decoded forms so "/a%7Eb" and "/a~b" agree; keep "%2F"
    # distinct from "/" as RFC 9309 asks.
    return unquote(path.replace("%2F", "%252F").replace("%2f", "%252f"))


def _compile(path: str) -> re.Pattern[str]:
    anchored = path.endswith("$")
    if anchored:
        path = path[:-1]
    body = ".*".join(re.escape(part) for part in _normalize(path).split("*"))
    return re.compile(body + ("$" if anchored else ""), re.DOTALL)


@dataclass
class RobotsRules:
    """The rules of one robots.txt that apply to one user agent."""

    rules: list[_Rule] = field(default_factory=list)
    crawl_delay: float | None = None

    @classmethod
    def allow_all(cls) -> "RobotsRules":
        return cls()

    @classmethod
    def parse(cls, text: str, agent: str = PRODUCT_TOKEN) -> "RobotsRules":
        agent = agent.lower()
        groups: list[tuple[list[str], list[tuple[str, str]]]] = []
        agents: list[str] = []
        lines: list[tuple[str, str]] = []
        in_rules = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower().replace("_", "-")
            if key in ("user-agent", "useragent"):
                if in_rules:
                    groups.append((agents, lines))
                    agents, lines, in_rules = [], [], False
                agents.append(value.split("/", 1)[0].strip().lower())
            elif key in ("allow", "disallow", "crawl-delay"):
                if not agents:
                    continue  # rules before any User-agent line belong to nobody
                in_rules = True
                lines.append((key, value))
        if agents:
            groups.append((agents, lines))

        mine = [body for names, body in groups if agent in names]
        if not mine:
            mine = [body for names, body in groups if "*" in names]
        result = cls()
        for body in mine:
            for key, value in body:
                if key == "crawl-delay":
                    try:
                        result.crawl_delay = float(value)
                    except ValueError:
                        pass
                elif value:  # an empty Disallow/Allow matches nothing
                    if not value.startswith(("/", "*")):
                        value = "/" + value
                    result.rules.append(_Rule(key == "allow", value, _compile(value)))
        return result

    def allowed(self, path: str) -> bool:
        """Whether *path* (path plus query, as sent on the wire) may be fetched."""
        if not path:
            path = "/"
        if path == "/robots.txt":
            return True
        target = _normalize(path)
        best: _Rule | None = None
        for rule in self.rules:
            if rule.regex.match(target) is None:
                continue
            if (
                best is None
                or len(rule.path) > len(best.path)
                or (len(rule.path) == len(best.path) and rule.allow and not best.allow)
            ):
                best = rule
        return best is None or best.allow
