"""The residue set (bench/residue.json): per page, phrases that must leave the
body and phrases that must stay. Matching is on ``\\w+`` tokens, case-insensitive,
contiguous -- punctuation and spacing differences do not matter.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from . import data

RESIDUE = Path(__file__).resolve().parents[1] / "residue.json"
_TOK = re.compile(r"\w+")


def _seq(text: str) -> str:
    return " " + " ".join(t.lower() for t in _TOK.findall(text or "")) + " "


def contains(haystack: str, phrase: str) -> bool:
    return _seq(phrase) in _seq(haystack)


def load_cases() -> list[dict]:
    return json.loads(RESIDUE.read_text(encoding="utf-8"))["cases"]


def page_input(case: dict):
    """(kind, payload, url): kind 'html' with bytes, or 'text' with str; None when the file is absent."""
    if case["source"] == "aeb":
        p = data.AEB / "html" / f"{case['page']}.html.gz"
        return ("html", gzip.decompress(p.read_bytes()), case.get("url")) if p.exists() else None
    if case["source"] == "n4k":
        p = data.N4K / "html" / f"{case['page']}.html"
        return ("html", p.read_bytes(), case.get("url")) if p.exists() else None
    p = data.SHARED / "seed" / case["page"]
    return ("text", p.read_text(encoding="utf-8"), case.get("url")) if p.exists() else None


def check(case: dict, article) -> list[str]:
    """Failures for one case, as human-readable lines (empty when it passes)."""
    body = article.text if article is not None else ""
    fails = []
    for ph in case.get("must_exclude", []):
        if contains(body, ph):
            fails.append(f"residue left in body: {ph!r}")
    for ph in case.get("must_include", []):
        if not contains(body, ph):
            fails.append(f"story text missing: {ph!r}")
    for dotted, want in (case.get("expect") or {}).items():
        obj = article
        for part in dotted.split("."):
            obj = getattr(obj, part, None) if obj is not None else None
        if obj != want:
            fails.append(f"{dotted} is {obj!r}, expected {want!r}")
    return fails


def run_all(extract_html, extract_text_dump, error_cls) -> tuple[int, int, list[tuple[str, list[str]]]]:
    """(cases run, cases passed, [(page, failures)])."""
    ran = passed = 0
    failures = []
    for case in load_cases():
        inp = page_input(case)
        if inp is None:
            continue
        kind, payload, url = inp
        try:
            art = extract_html(payload, url) if kind == "html" else extract_text_dump(payload, url)
        except error_cls as exc:
            art = None
            fails = [f"ExtractionError: {exc.reason}"]
        else:
            fails = check(case, art)
        ran += 1
        if fails:
            failures.append((f"{case['source']}:{case['page'][:16]}", fails))
        else:
            passed += 1
    return ran, passed, failures
