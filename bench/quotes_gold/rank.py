"""Rank unused articles by quote-richness, the way the held-out splits were chosen.

    python bench/quotes_gold/rank.py [--top 5] [--long]

Counts quotation marks, speech verbs and relay phrases in each article's text (as newsdesk reads it),
over Wikinews, ECB+ and AEB articles under ~1,100 words, and newspaper4k's English pages of any length (there
are only thirty pages), not yet in the gold set; with ``--long``, the Wikinews, ECB+ and AEB articles over that
length instead. It never runs an extractor: the choice depends on the text alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parents[1] / "src"))

import quotes_bench as qb  # noqa: E402

MARKS = re.compile(r"[\"“”]")
VERBS = re.compile(r"\b(?:said|says|told|tells|added|wrote|announced|claimed|stated|explained|asked|"
                   r"insisted|admitted|warned|recalled|noted|argued|replied|according to|interview with|"
                   r"reported|spoke with|spoke to)\b", re.I)


def richness(text: str) -> int:
    return len(MARKS.findall(text)) + len(VERBS.findall(text))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--long", action="store_true", help="articles over ~1,100 words (the splits before heldout41 left them out)")
    args = ap.parse_args()
    used = {(g["source"], g["ref"]) for g in (json.loads(f.read_text("utf-8")) for f in HERE.glob("*.json"))}
    cache: dict = {}
    cands = {"wikinews": list(qb._wikinews()), "ecbplus": list(qb._ecbplus()),
             "aeb": sorted(p.name[:-8] for p in (qb.SHARED / "data" / "aeb" / "html").glob("*.html.gz")),
             "newspaper4k": sorted(p.stem for p in (qb.SHARED / "data" / "news-html" / "newspaper4k" / "html")
                                   .glob("*.html"))}
    for source, refs in cands.items():
        ranked = []
        for ref in refs:
            if (source, ref) in used:
                continue
            try:
                article = qb.load_article(source, ref, cache)
            except Exception:  # noqa: BLE001  unreadable page: not a candidate
                continue
            text = article.text
            if source == "newspaper4k":
                if article.language != "en":
                    continue
            elif (len(text.split()) > 1100) != args.long:
                continue
            ranked.append((richness(text), ref, len(text.split())))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        print(f"== {source}")
        for score, ref, words in ranked[:args.top]:
            print(f"  {score:4d}  {words:5d} words  {ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
