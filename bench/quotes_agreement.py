"""How far do two careful readers agree on who said what, and how close is newsdesk to that?

    python bench/quotes_agreement.py [--details]      # needs ../shared (or $NEWSDESK_SHARED)

A sample of articles from the honest gold splits was labelled a second time, blind and
independently, by the same written rules (bench/quotes_gold/second/, same file names as the first
labels; bench/quotes_gold/README.md, "Second labels", says how). Every row below is scored against
the *first* labels with the quotes bench's own measures, in one run:

- "second labeller": the human agreement, the most any system can be shown to reach on this gold;
- newsdesk, the regex baseline and textacy, on the same articles;
- "newsdesk vs the second labels": the same output scored against the other reader.

A last table gives speaker and mention accuracy on the quotes both readers found and attributed
alike (their consensus): where people agree, how often does newsdesk?
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes_bench as qb  # noqa: E402  (the gold set, its anchoring, its systems and its scoring)

SECOND = qb.GOLD / "second"


def _anchored(text: str, quotes: list[dict], name: str) -> list[dict]:
    out = []
    for q in quotes:
        try:
            s, e = qb.anchor(text, q)
        except LookupError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            continue
        out.append(dict(q, start=s, end=e, via=q.get("via"), mention=q.get("mention")))
    return out


def load_pairs() -> list[tuple[str, object, list[dict], list[dict], str]]:
    """(slug, article, first labels, second labels, split) for every article labelled twice."""
    cache: dict = {}
    pairs = []
    for f in sorted(SECOND.glob("*.json")):
        first_file = qb.GOLD / f.name
        if not first_file.exists():
            print(f"{f.name}: no first labels with that name, skipped", file=sys.stderr)
            continue
        first, second = json.loads(first_file.read_text("utf-8")), json.loads(f.read_text("utf-8"))
        if (first["source"], first["ref"]) != (second["source"], second["ref"]):
            print(f"{f.name}: the two labellings name different articles, skipped", file=sys.stderr)
            continue
        article = qb.load_article(first["source"], first["ref"], cache)
        pairs.append((f.stem, article, _anchored(article.text, first["quotes"], first_file.name),
                      _anchored(article.text, second["quotes"], f"second/{f.name}"), first.get("set", "heldout")))
    return pairs


def consensus(pairs, outputs) -> list[str]:
    """Speaker and mention accuracy of ``outputs`` on the quotes the two readers attributed alike."""
    n_spk = ok_spk = n_men = ok_men = 0
    for (_, article, first, second, _), preds in zip(pairs, outputs):
        text = article.text
        agreed = [first[gi] for gi, si in qb.match(text, first, second, exact=False)
                  if qb.same_speaker(second[si]["speaker"], first[gi]["speaker"])]
        agreed_men = [first[gi] for gi, si in qb.match(text, first, second, exact=False)
                      if qb.same_mention(second[si]["mention"], first[gi]["mention"])]
        for gold, tally in ((agreed, "spk"), (agreed_men, "men")):
            for gi, pi in qb.match(text, gold, preds, exact=False):
                if tally == "spk":
                    n_spk += 1
                    ok_spk += qb.same_speaker(preds[pi]["speaker"], gold[gi]["speaker"])
                else:
                    n_men += 1
                    ok_men += qb.same_mention(preds[pi].get("mention"), gold[gi]["mention"])
    return [f"{ok_spk / n_spk:.2f} of {n_spk}" if n_spk else "-", f"{ok_men / n_men:.2f} of {n_men}" if n_men else "-"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true", help="print where the two readers disagree")
    args = ap.parse_args()
    if not qb.SHARED.exists():
        print(f"needs the shared data at {qb.SHARED} (set NEWSDESK_SHARED)", file=sys.stderr)
        return 2
    from newsdesk.analyze.entities import nlp as shared_nlp

    nlp = shared_nlp()
    pairs = load_pairs()
    if not pairs:
        print(f"no second labels in {SECOND}", file=sys.stderr)
        return 2
    words = sum(len(p[1].text.split()) for p in pairs)
    print(f"{len(pairs)} articles labelled twice: {sum(len(p[2]) for p in pairs)} quotes in the first labels, "
          f"{sum(len(p[3]) for p in pairs)} in the second; {words:,} words; splits "
          f"{', '.join(sorted({p[4] for p in pairs}, key=lambda s: int(s[7:]) if s[7:].isdigit() else 0))}\n")
    systems = {"newsdesk": qb.run_newsdesk, "regex baseline": qb.run_regex}
    try:
        import textacy  # noqa: F401

        systems["textacy 0.13 direct_quotations"] = qb.run_textacy
    except ImportError:
        print("textacy not installed (pip install '.[bench]'): its row is left out", file=sys.stderr)
    outputs, speed = {}, {}
    for name, fn in systems.items():
        fn(pairs[0][1], nlp)  # warm up
        t0 = time.perf_counter()
        outputs[name] = [fn(p[1], nlp) for p in pairs]
        speed[name] = words / (time.perf_counter() - t0)
    outputs["second labeller"] = [p[3] for p in pairs]
    speed["second labeller"] = 0.0

    # qb.score reads (slug, article, gold, split) and scores a system's output against that gold
    against_first = [(slug, article, first, split) for slug, article, first, _, split in pairs]
    against_second = [(slug, article, second, split) for slug, article, _, second, split in pairs]
    quiet = argparse.Namespace(details=False, details_hidden=False)
    rows = []
    for name in ["second labeller", *systems]:
        row = qb.score(name, "all", against_first, outputs[name], speed[name], quiet, {})
        row[0] = f"{name} (against the first labels)"
        rows.append(row[:10] + ([row[11]] if name != "second labeller" else ["-"]))
    row = qb.score("newsdesk", "all", against_second, outputs["newsdesk"], speed["newsdesk"], quiet, {})
    row[0] = "newsdesk (against the second labels)"
    rows.append(row[:10] + [row[11]])
    head = ["system", "span exact P/R/F1", "span overlap P/R/F1", "direct-only overlap F1", "speaker acc",
            "speaker acc (surname)", "speaker F1 (end to end)", "speaker mention F1 (Citron's measure)",
            "relay acc", "relay found/gold", "words/s"]
    _table(head, rows)

    print("\nOn the quotes both readers found and attributed alike:")
    _table(["system", "speaker acc (readers agree on the speaker)", "mention acc (readers agree on the mention)"],
           [[name, *consensus(pairs, outputs[name])] for name in systems])

    if args.details:
        for slug, article, first, second, _ in pairs:
            text = article.text
            ov = qb.match(text, first, second, exact=False)
            for gi, si in ov:
                a, b = first[gi], second[si]
                if not qb.same_speaker(b["speaker"], a["speaker"]) or not qb.same_mention(b["mention"], a["mention"]):
                    print(f"  [{slug}] speaker {a['speaker']!r}/{b['speaker']!r} mention {a['mention']!r}/"
                          f"{b['mention']!r}: {text[a['start']:a['end']][:60]!r}")
            for gi in set(range(len(first))) - {g for g, _ in ov}:
                print(f"  [{slug}] only first: {text[first[gi]['start']:first[gi]['end']][:80]!r}")
            for si in set(range(len(second))) - {s for _, s in ov}:
                print(f"  [{slug}] only second: {text[second[si]['start']:second[si]['end']][:80]!r}")
    print("\nMeasures as in bench/quotes_bench.py; every row is scored against the first labels but the last of the"
          "\nfirst table. The second labeller's row is how far two readers agree: past that level a score measures"
          "\nthe first reader's habits more than the system's quality.")
    return 0


def _table(head: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    sys.exit(main())
