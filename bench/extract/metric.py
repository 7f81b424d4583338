"""The Article Extraction Benchmark metric, reimplemented.

Word tokens are ``\\w+`` with case kept; each text becomes the multiset of its
overlapping 4-token shingles (a text shorter than four tokens is one shingle).
Per page: tp = shared shingles (multiset), fp = predicted extra, fn = gold missed.
Precision is averaged over pages whose prediction is non-empty, recall over all
pages with a non-empty gold text (an empty prediction has recall 0), and F1 is
computed from those two averages -- as the benchmark's own evaluate.py does.
"""

from __future__ import annotations

import re
from collections import Counter

TOKEN_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([" ".join(tokens)])
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(gold: str, pred: str) -> tuple[int, int, int]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    return tp, fp, fn


def aggregate(counts: list[tuple[int, int, int]]) -> dict[str, float]:
    precisions = [tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    empty = sum(1 for tp, fp, fn in counts if tp + fp == 0)
    return {"precision": p, "recall": r, "f1": f1, "empty": empty, "pages": len(counts)}
