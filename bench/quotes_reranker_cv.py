"""Would a learned re-ranker over candidate speakers beat the hand-written attribution rules?

    python bench/quotes_reranker_cv.py            # needs ../shared and scikit-learn (pip install '.[bench]')

An experiment, not a feature: for every gold quote whose span newsdesk found, the candidates are
the article's people and organisations plus the speaker the rules chose, each described by surface
features (the rules' choice and how it was reached, kind, distance to the nearest mention before
and after the quote, same and previous paragraph, speaker of the quotes before and after, how often
quoted and mentioned, reported or direct). Logistic regression and gradient boosted trees are trained on
every other split and tested on each honest split in turn (heldout6 onwards; the latest, still
hidden split is left out). One table: the rules' accuracy, each model's, and the oracle (the right
speaker is among the candidates). docs/quotes.md has the result and what it means.
"""

from __future__ import annotations

import collections
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes_bench as qb  # noqa: E402  (the gold set, its anchoring and its scoring)

PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their"}


def quote_rows(nlp):
    """(split, quote id, features, right?, rule's choice?) for every candidate of every matched quote."""
    from newsdesk.analyze.entities import entities_of
    from newsdesk.analyze.quotes import analyse

    cache: dict = {}
    for n, f in enumerate(sorted(qb.GOLD.glob("*.json"))):
        g = json.loads(f.read_text("utf-8"))
        if g.get("set") == qb.HIDDEN:
            continue
        article = qb.load_article(g["source"], g["ref"], cache)
        text = article.text
        golds = qb.anchored(text, g["quotes"])
        preds = [dict(start=q.start, end=q.end, speaker=q.speaker, kind=q.kind, verb=q.verb, mention=q.mention,
                      skind=q.speaker_kind) for q in analyse(article.paragraphs, model=nlp).quotes]
        bounds, pos = [], 0
        for p in text.split("\n\n"):
            bounds.append((pos, pos + len(p)))
            pos += len(p) + 2

        def para_of(c):
            return next((i for i, (s, e) in enumerate(bounds) if s <= c <= e), len(bounds) - 1)

        quoted = collections.Counter(p["speaker"] for p in preds if p["speaker"])
        names = {e.name: (e.kind, [m[0] for m in e.mentions]) for e in entities_of(text, model=nlp)
                 if e.kind in ("person", "org")}
        for p in preds:
            if p["speaker"] and p["speaker"] not in names:
                last = re.escape(p["speaker"].split()[-1])
                names[p["speaker"]] = (p["skind"] or "other", [m.start() for m in re.finditer(last, text)])
        order = sorted(range(len(preds)), key=lambda i: preds[i]["start"])
        rank = {i: k for k, i in enumerate(order)}
        for gi, pi in qb.match(text, golds, preds, exact=False):
            gold, p = golds[gi], preds[pi]
            k = rank[pi]
            before_spk = preds[order[k - 1]]["speaker"] if k > 0 else None
            after_spk = preds[order[k + 1]]["speaker"] if k + 1 < len(order) else None
            here = para_of(p["start"])
            mention = (p["mention"] or "").lower()
            for cand, (kind, spots) in names.items():
                before = [p["start"] - c for c in spots if c < p["start"]]
                after = [c - p["end"] for c in spots if c >= p["end"]]
                rule = cand == p["speaker"]
                feats = [rule, p["speaker"] is None, rule and mention in PRONOUNS, rule and not p["verb"],
                         rule and p["skind"] == "other", kind == "person", kind == "org", kind == "other",
                         math.log1p(min(before)) if before else 12.0, math.log1p(min(after)) if after else 12.0,
                         any(para_of(c) == here for c in spots), any(para_of(c) == here - 1 for c in spots),
                         cand == before_spk, cand == after_spk, math.log1p(quoted[cand]), math.log1p(len(spots)),
                         p["kind"] == "reported"]
                yield g.get("set", "heldout"), (n, gi), feats, qb.same_speaker(cand, gold["speaker"]), rule
            if p["speaker"] is None:  # "no one" is a candidate when the rules found no one
                yield (g.get("set", "heldout"), (n, gi), [1, 1, 0, 0, 0, 0, 0, 0, 12.0, 12.0, 0, 0, 0, 0, 0, 0,
                                                          p["kind"] == "reported"],
                       qb.same_speaker(None, gold["speaker"]), True)


def main() -> int:
    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("needs scikit-learn: pip install '.[bench]'", file=sys.stderr)
        return 2
    if not qb.SHARED.exists():
        print(f"needs the shared data at {qb.SHARED} (set NEWSDESK_SHARED)", file=sys.stderr)
        return 2
    from newsdesk.analyze.entities import nlp

    rows = list(quote_rows(nlp()))
    X = np.array([r[2] for r in rows], float)
    y = np.array([r[3] for r in rows])
    rule = np.array([r[4] for r in rows])
    by_quote = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_quote[r[1]].append(i)
    honest = [s for s in qb.SPLITS.values() if s.startswith("heldout") and s[7:].isdigit() and int(s[7:]) >= 6
              and s != qb.HIDDEN]
    print(f"{len(by_quote)} matched quotes, {len(rows)} candidates; each split tested with the others as training")
    head = ["split", "quotes", "rules acc", "logistic acc", "boosted trees acc", "oracle (right one among candidates)"]
    out = []
    total = collections.Counter()
    changed = collections.Counter()  # what the logistic model does differently from the rules
    for split in honest:
        train = np.array([r[0] != split for r in rows])
        test = [q for q, idx in by_quote.items() if rows[idx[0]][0] == split]
        if not test or not train.any():
            continue
        accs = []
        for k, model in enumerate((LogisticRegression(max_iter=3000), HistGradientBoostingClassifier(max_iter=200))):
            model.fit(X[train], y[train])
            score = model.predict_proba(X)[:, 1]
            best = {q: max(by_quote[q], key=lambda i: score[i]) for q in test}
            accs.append(sum(y[best[q]] for q in test) / len(test))
            for q in test if k == 0 else ():
                ruled = next(i for i in by_quote[q] if rule[i])
                if best[q] != ruled:
                    kind = "the rules named no one" if X[ruled][1] else "the rules named someone"
                    verdict = "right" if y[best[q]] else "wrong"
                    changed[f"{kind}, model {verdict}" + (", rules right" if y[ruled] else "")] += 1
        rules = sum(any(y[i] and rule[i] for i in by_quote[q]) for q in test) / len(test)
        oracle = sum(any(y[i] for i in by_quote[q]) for q in test) / len(test)
        total.update(n=len(test), rules=rules * len(test), lr=accs[0] * len(test), gb=accs[1] * len(test),
                     oracle=oracle * len(test))
        out.append([split, str(len(test)), f"{rules:.3f}", f"{accs[0]:.3f}", f"{accs[1]:.3f}", f"{oracle:.3f}"])
    n = total["n"]
    out.append(["all", str(n), f"{total['rules'] / n:.3f}", f"{total['lr'] / n:.3f}", f"{total['gb'] / n:.3f}",
                f"{total['oracle'] / n:.3f}"])
    widths = [max(len(r[i]) for r in out + [head]) for i in range(len(head))]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in out:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
    print("\nquotes where the logistic model's choice differs from the rules':")
    for k, v in sorted(changed.items()):
        print(f"  {v:4d}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
