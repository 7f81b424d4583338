"""Metadata against bench/metadata_gold.json (hand-labelled pages).

title: exact after folding whitespace (and NFC); authors: set F1 per page,
case-insensitive (a page with no author in gold and none returned scores 1),
averaged over pages; published: right to the day, where the day of our value is
taken both in its own offset and in UTC (the gold is the UTC day where the page
gives a zone); pages whose gold date is null are left out of the date score.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from datetime import timezone
from pathlib import Path

from . import data

GOLD = Path(__file__).resolve().parents[1] / "metadata_gold.json"
HELDOUT = Path(__file__).resolve().parents[1] / "metadata_heldout.json"
HELDOUT2 = Path(__file__).resolve().parents[1] / "metadata_heldout2.json"
HELDOUT3 = Path(__file__).resolve().parents[1] / "metadata_heldout3.json"


def _fold(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def author_f1(got: list[str], want: list[str]) -> float:
    g = {_fold(x).lower() for x in got}
    w = {_fold(x).lower() for x in want}
    if not g and not w:
        return 1.0
    if not g or not w:
        return 0.0
    tp = len(g & w)
    if not tp:
        return 0.0
    p, r = tp / len(g), tp / len(w)
    return 2 * p * r / (p + r)


def _page(source: str, pid: str, gt: dict):
    if source == "n4k":
        path = data.N4K / "html" / f"{pid}.html"
        if not path.exists():
            return None, None
        url = None
        meta = data.N4K / "metadata" / f"{pid}.json"
        if meta.exists():
            url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        return path.read_bytes(), url
    path = data.AEB / "html" / f"{pid}.html.gz"
    if not path.exists():
        return None, None
    return gzip.decompress(path.read_bytes()), gt.get(pid, {}).get("url")


def evaluate(extract_html, error_cls, gold_file: Path = GOLD) -> dict:
    spec = json.loads(gold_file.read_text(encoding="utf-8"))
    gold, source = spec["pages"], spec.get("source", "aeb")
    gt = json.loads((data.AEB / "ground-truth.json").read_text(encoding="utf-8")) if source in ("aeb", "mixed") else {}
    n = titles = dates = dated = 0
    f1s = []
    misses = []
    for pid, g in gold.items():
        raw, url = _page(g.get("source", source), pid, gt)
        if raw is None:
            continue
        n += 1
        try:
            art = extract_html(raw, url)
        except error_cls as exc:
            misses.append((pid[:12], "error", exc.reason))
            f1s.append(0.0)
            continue
        if _fold(art.title) == _fold(g["title"]):
            titles += 1
        else:
            misses.append((pid[:12], "title", f"{art.title!r} != {g['title']!r}"))
        f1 = author_f1(art.authors, g["authors"])
        f1s.append(f1)
        if f1 < 1:
            misses.append((pid[:12], "authors", f"{art.authors} != {g['authors']}"))
        if g.get("published"):
            dated += 1
            d = art.published
            days = {d.date().isoformat(), d.astimezone(timezone.utc).date().isoformat()} if d else set()
            if g["published"] in days:
                dates += 1
            else:
                misses.append((pid[:12], "published", f"{d} != {g['published']}"))
    return {
        "pages": n,
        "title_exact": titles / n if n else 0.0,
        "author_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "date_day": dates / dated if dated else 0.0,
        "dated_pages": dated,
        "misses": misses,
    }
