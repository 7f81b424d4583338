"""Stories bench: newsdesk's online story engine beside baselines, in one run, one table per question.

    python bench/cluster_bench.py                 # everything (ECB+, short streams, sensitivity, scale 10k/30k/100k, dupes)
    python bench/cluster_bench.py --only scale --scale 10000,100000,1000000   # checkpoints of one stream
    python bench/cluster_bench.py --only ecb      # ecb | short | lines | sens | scale | dupes

Quality on ../shared/data/ecbplus (982 docs, 86 events = stories, 43 topics = storylines) as a stream,
mean ± sd over random orders. Baselines: TF-IDF single-pass (centroid cosine, IDF fitted on the whole
corpus, which favours the baseline) and offline average-link (sklearn), their one threshold each chosen
on train+dev topics (never on test topics 36-45). newsdesk runs with its defaults (Params()), the same
as the server and `newsdesk cluster`. No timestamps in ECB+: the time window is not exercised here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))

from newsdesk.stories import DuplicateFinder, Engine, Params  # noqa: E402

TEST = set(range(36, 46))
DEV = {2, 5, 12, 18, 21, 23, 34, 35}


def load_ecb():
    path = SHARED / "data" / "ecbplus" / "ecbplus_docs.jsonl"
    if not path.exists():
        sys.exit(f"needs {path} (set NEWSDESK_SHARED)")
    return [json.loads(x) for x in path.read_text().splitlines()]


# -- metrics ----------------------------------------------------------------------------------


def bcubed(pred: dict, gold: dict) -> tuple[float, float, float]:
    by_p, by_g = defaultdict(set), defaultdict(set)
    for k in gold:
        by_p[pred[k]].add(k)
        by_g[gold[k]].add(k)
    p = sum(len(by_p[pred[k]] & by_g[gold[k]]) / len(by_p[pred[k]]) for k in gold) / len(gold)
    r = sum(len(by_p[pred[k]] & by_g[gold[k]]) / len(by_g[gold[k]]) for k in gold) / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise_f1(pred: dict, gold: dict) -> float:
    tp = sum(comb(v, 2) for v in Counter((pred[k], gold[k]) for k in gold).values())
    pp = sum(comb(v, 2) for v in Counter(pred[k] for k in gold).values())
    gp = sum(comb(v, 2) for v in Counter(gold.values()).values())
    p, r = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def sibling_merge_rate(pred: dict, gold: dict, topic: dict) -> float:
    """Share of topics whose two events ended up mostly in the same story."""
    events = defaultdict(set)
    for k in gold:
        events[topic[k]].add(gold[k])
    merged = total = 0
    for t, evs in events.items():
        if len(evs) < 2:
            continue
        total += 1
        major = [Counter(pred[k] for k in gold if gold[k] == e).most_common(1)[0][0] for e in sorted(evs)]
        merged += major[0] == major[1]
    return merged / total if total else 0.0


def score(pred: dict, line: dict | None, docs: list) -> dict:
    gold = {d["doc_id"]: d["cluster"] for d in docs}
    topic = {d["doc_id"]: d["topic"] for d in docs}
    p, r, f = bcubed(pred, gold)
    out = {"P": p, "R": r, "F1": f, "pairF1": pairwise_f1(pred, gold), "sib": sibling_merge_rate(pred, gold, topic),
           "n": len({pred[k] for k in gold})}
    out["lineF1"] = bcubed(line, topic)[2] if line else float("nan")
    return out


# -- systems ----------------------------------------------------------------------------------


# Lines that are not the article's prose: a dateline ("May 03, 2013"), a byline or a timestamp.
_FURNITURE = re.compile(r"^(published|updated|posted|last updated|by)\b|^\W*$", re.I)


def text_of(d, short=False):
    """The full text; or (``short``) what a feed item shows: its headline (ECB+'s first line; the lead
    sentence for ECB's headline-less texts) and a summary of the first two sentences of prose, at most
    300 characters (cut at a word, as feeds do). Dateline and byline lines are not a summary: "the first
    two lines" gave "Lindsay Lohan checks into Betty Ford Center / May 03, 2013" for many ECB+ docs.
    That harsher stream (often a headline alone) is still measured as ``short="lines"``."""
    if not short:
        return d["text"]
    if short == "lines":
        return "\n".join(d["text"].split("\n")[:2])
    lines = [x.strip() for x in d["text"].split("\n") if x.strip()]
    prose = [x for x in lines[1:] if len(x.split()) >= 6 and not _FURNITURE.search(x)][:2]
    snippet = " ".join(prose)
    if len(snippet) > 300:
        snippet = snippet[:300].rsplit(" ", 1)[0] + " …"
    return lines[0] + "\n" + snippet


def run_newsdesk(order, params=None, short=False):
    e = Engine(params or Params())
    t = time.perf_counter()
    for d in order:
        e.add(d["doc_id"], None, text_of(d, short))
    dt = time.perf_counter() - t
    pred = {d["doc_id"]: e.story_of(d["doc_id"]) for d in order}
    line = {k: e.storyline_of(v) for k, v in pred.items()}
    return pred, line, dt


class Baselines:
    """TF-IDF (sklearn, fitted once on the corpus) single-pass and offline average-link."""

    def __init__(self, docs, short=False):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.ids = [d["doc_id"] for d in docs]
        self.pos = {k: i for i, k in enumerate(self.ids)}
        self.X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(
            [text_of(d, short) for d in docs])

    def single_pass(self, order, threshold):
        """Each document joins the most similar centroid (cosine) at or above ``threshold``, else starts one."""
        import numpy as np

        dense = self.X.toarray().astype(np.float32)
        cents = np.zeros((len(order), dense.shape[1]), dtype=np.float32)
        norms = np.zeros(len(order), dtype=np.float32)
        k, pred = 0, {}
        for d in order:
            x = dense[self.pos[d["doc_id"]]]
            j = -1
            if k:
                sims = (cents[:k] @ x) / np.maximum(norms[:k], 1e-12)
                j = int(sims.argmax())
                if sims[j] < threshold:
                    j = -1
            if j < 0:
                j, k = k, k + 1
            cents[j] += x
            norms[j] = np.linalg.norm(cents[j])
            pred[d["doc_id"]] = j
        return pred

    def average_link(self, docs, threshold):
        from sklearn.cluster import AgglomerativeClustering

        idx = [self.pos[d["doc_id"]] for d in docs]
        X = self.X[idx].toarray()
        lab = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                      distance_threshold=threshold).fit_predict(X)
        return {d["doc_id"]: int(lab[i]) for i, d in enumerate(docs)}


def fit_threshold(fn, grid, docs):
    """The baseline's one threshold, chosen on train+dev documents only."""
    tune = [d for d in docs if d["topic"] not in TEST]
    return max(grid, key=lambda th: score(fn(tune, th), None, tune)["F1"])


def agg(rows: list[dict]) -> dict:
    out = {}
    for k in rows[0]:
        xs = [r[k] for r in rows]
        out[k] = (float("nan"), float("nan")) if any(math.isnan(x) for x in xs) else \
            (statistics.mean(xs), statistics.pstdev(xs))
    return out


def fmt(v):
    m, s = v
    return f"{m:.3f}±{s:.3f}" if not math.isnan(m) else "n/a"


def table(title, header, rows):
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    sys.stdout.flush()


# -- benches ----------------------------------------------------------------------------------


def bench_ecb(docs, orders=10, short=False):
    label = {False: "ECB+ full text",
             True: "ECB+ title-plus-snippet (headline + first two sentences of prose, ≤300 chars)",
             "lines": "ECB+ first two lines only (headline + next line, often a dateline)"}[short]
    base = Baselines(docs, short)
    th_sp = fit_threshold(lambda ds, th: base.single_pass(ds, th), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4], docs)
    th_al = fit_threshold(lambda ds, th: base.average_link(ds, th), [0.7, 0.75, 0.8, 0.85, 0.9, 0.95], docs)
    subsets = {"all 43 topics": lambda d: True, "test topics 36-45": lambda d: d["topic"] in TEST,
               "train+dev topics": lambda d: d["topic"] not in TEST}
    res = defaultdict(lambda: defaultdict(list))
    speed = []
    for seed in range(orders):
        order = docs[:]
        random.Random(seed).shuffle(order)
        nd, line, dt = run_newsdesk(order, short=short)
        speed.append(len(order) / dt)
        sp = base.single_pass(order, th_sp)
        for name, keep in subsets.items():
            sub = [d for d in docs if keep(d)]
            res[name]["newsdesk (defaults)"].append(score(nd, line, sub))
            res[name][f"TF-IDF single-pass (th {th_sp})"].append(score(sp, None, sub))
    al = base.average_link(docs, th_al)
    for name, keep in subsets.items():
        sub = [d for d in docs if keep(d)]
        res[name][f"offline average-link (th {th_al}, one run)"].append(score(al, None, sub))
    rows = []
    for name, systems in res.items():
        for sysname, rs in systems.items():
            a = agg(rs)
            rows.append([name, sysname, fmt(a["F1"]), fmt(a["P"]), fmt(a["R"]), fmt(a["pairF1"]), fmt(a["sib"]),
                         fmt(a["lineF1"]), f"{a['n'][0]:.0f}"])
    table(f"{label}: stories = events, storylines = topics; {orders} random orders",
          ["docs", "system", "BCubed F1", "B3 P", "B3 R", "pairwise F1", "sibling-merge rate",
           "storyline B3 F1", "#stories"], rows)
    print(f"\nnewsdesk stream speed on ECB+: {statistics.mean(speed):.0f} articles/s (includes periodic revisits)")


SENSITIVITY = [
    ("join", [0.12, 0.15, 0.18, 0.22, 0.26]),
    ("entity_weight", [0.0, 0.2, 0.4, 0.6]),
    ("name_prior", [0.0, 2.0, 4.0, 8.0]),
    ("cohesion", [0.6, 0.75, 0.9]),
    ("split", [0.5, 0.7, 0.85]),
    ("name_veto", [True, False]),
    ("year_veto", [False, True]),
    ("recluster_every", [100, 200, 1_000_000]),
]


def bench_sensitivity(docs, orders=3):
    """How F1 moves as each parameter moves (train+dev topics only, others at defaults)."""
    tune = [d for d in docs if d["topic"] not in TEST]
    rows = []
    for name, values in SENSITIVITY:
        for v in values:
            p = replace(Params(), **{name: v})
            full, short = [], []
            for seed in range(orders):
                order = tune[:]
                random.Random(seed).shuffle(order)
                full.append(score(*run_newsdesk(order, p)[:2], tune))
                short.append(score(*run_newsdesk(order, p, short=True)[:2], tune))
            a, b = agg(full), agg(short)
            mark = " (default)" if getattr(Params(), name) == v else ""
            rows.append([name, f"{v}{mark}", fmt(a["F1"]), fmt(a["pairF1"]), fmt(a["sib"]), fmt(b["F1"]),
                         fmt(b["pairF1"])])
    table(f"Sensitivity on train+dev topics ({orders} orders each): one parameter moved, others at defaults",
          ["parameter", "value", "full B3 F1", "full pairwise F1", "sibling-merge", "snippet B3 F1",
           "snippet pairwise F1"], rows)


NAME = __import__("re").compile(r"^[A-Z][a-z]+")


def synthetic_stream(docs, n, per_day=2_000, seed=0):
    """n articles with new ids and times, yielded in time order: ECB+ events replayed as new events (each
    replay gets its own invented names, so copies are new events, not duplicates), ~per_day articles a day.
    Lines are kept (the first is the headline, as in ECB+). Generated lazily: a replay's articles fall
    within 36 h of its start and starts only grow, so anything older than the current start is final."""
    import heapq

    rng = random.Random(seed)
    by_event = defaultdict(list)
    for d in docs:
        by_event[d["cluster"]].append(d)
    events = list(by_event)
    pending: list = []  # (published, i, doc)
    t, i, replay = 1.7e9, 0, 0
    while i < n:
        replay += 1
        ev = rng.choice(events)
        tag = "".join("bcdfghjklmnpqrstvwxz"[int(c)] for c in str(replay))
        start = t
        while pending and pending[0][0] < start:
            yield heapq.heappop(pending)[2]
        for d in by_event[ev]:
            if i >= n:
                break
            # A replay is another event: every capitalised word (people, places, organisations)
            # gets this replay's suffix, so replays share the event's wording but none of its names.
            # (Replaying with the real names made replays days apart one ever-growing story.)
            lines = []
            for line in d["text"].split("\n"):
                words = [NAME.sub(lambda m: m.group(0) + tag, w) for w in line.split()]
                words = [w for w in words if rng.random() > 0.1]  # each outlet words it a little differently
                if words:
                    lines.append(" ".join(words))
            ts = start + rng.uniform(0, 36) * 3600
            heapq.heappush(pending, (ts, i, {"id": f"s{i}", "text": "\n".join(lines), "published": ts}))
            i += 1
        t += 86400 / per_day * len(by_event[ev])
    while pending:
        yield heapq.heappop(pending)[2]


def rss_mb() -> float:
    """Resident memory now (not the peak): a plateau shows here, not in ru_maxrss."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_scale(docs, sizes):
    """Add latency with the revisit work counted in (it runs inside ``add``): p50/p99 and the
    mean (amortized) and max per article, throughput, the open window, vocabulary and memory.
    The sizes are checkpoints of one stream (the first 10k of the 1M stream are the 10k stream):
    each row is printed as soon as its checkpoint is passed, so a long run reports as it goes."""
    from array import array

    sizes = sorted(sizes)
    header = ["articles", "articles/s", "p50 ms", "p99 ms", "mean ms (amortized)", "max ms",
              "mean ms (last 10k)", "p99 ms (last 10k)", "max ms (last 10k)", "peak open articles",
              "open articles", "open stories", "archived stories", "DF terms", "RSS growth MB (now)"]
    rows = []
    e = Engine(keep_assignments=False)
    lat = array("d")
    peak_open = 0
    rss0 = rss_mb()
    t0 = time.perf_counter()
    gen_s = 0.0
    stream = synthetic_stream(docs, sizes[-1])
    q = lambda xs, p: xs[min(len(xs) - 1, int(p * len(xs)))] * 1000  # noqa: E731  (xs sorted)
    for i in range(sizes[-1]):
        g = time.perf_counter()
        d = next(stream)
        t = time.perf_counter()
        gen_s += t - g
        e.add(d["id"], None, d["text"], published=d["published"])
        e.drain()  # as the server does after each article (else its change log grows forever)
        lat.append(time.perf_counter() - t)
        if i % 100 == 0:
            peak_open = max(peak_open, len(e.docs))
        if (i + 1) % 10_000 == 0:  # progress for long runs: the last 10k articles
            w = sorted(lat[-10_000:])
            print(f"  {i + 1:,}: mean {statistics.mean(w) * 1000:.2f} ms, p50 {w[5_000] * 1000:.2f}, "
                  f"p99 {w[9_900] * 1000:.2f}, max {w[-1] * 1000:.0f}, open {len(e.docs):,}, "
                  f"stories {len(e.stories):,}, archived {len(e.archive):,}, df {len(e.df):,}, "
                  f"edf {len(e.edf):,}, redirects {len(e.redirects):,}, "
                  f"lines {len(e.storyline_parent):,}, {(time.perf_counter() - t0 - gen_s):.0f}s, "
                  f"RSS {rss_mb():.0f} MB", file=sys.stderr, flush=True)
        if i + 1 in sizes:
            total = time.perf_counter() - t0 - gen_s  # the stream's own generation is not the engine's time
            n = i + 1
            xs, last = sorted(lat), sorted(lat[-10_000:])
            rows.append([f"{n:,}", f"{n / total:.0f}", f"{q(xs, .5):.2f}", f"{q(xs, .99):.2f}",
                         f"{statistics.fmean(lat) * 1000:.2f}", f"{xs[-1] * 1000:.0f}",
                         f"{statistics.fmean(last) * 1000:.2f}", f"{q(last, .99):.2f}", f"{last[-1] * 1000:.0f}",
                         f"{peak_open:,}", f"{len(e.docs):,}", f"{len(e.stories):,}", f"{len(e.archive):,}",
                         f"{len(e.df):,}", f"{rss_mb() - rss0:.0f}"])
            print("  row: | " + " | ".join(rows[-1]) + " |", file=sys.stderr, flush=True)
    table("Scale: one synthetic time-ordered stream (ECB+ events replayed with new ids, invented names and times, "
          "~2,000 articles/day, 72 h window), rows at checkpoints; latencies include the revisit work",
          header, rows)


def bench_dupes(docs):
    """Pairs built from ECB+ and Wikinews: exact copies, copies with edits, reworded headlines, and
    negatives: other reports of the same event and of the sibling event (same topic)."""
    import csv

    rng = random.Random(7)
    arts = [(d["doc_id"], d["text"].split("\n")[0], "\n".join(d["text"].split("\n")[1:]), d["cluster"]) for d in docs
            if len(d["text"].split()) > 60]
    for f in sorted((SHARED / "data" / "wikinews").glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if len((r.get("text") or "").split()) > 60:
                    arts.append((r["url"], r["title"], r["text"], "wiki:" + r["url"]))
    rng.shuffle(arts)
    originals = arts[:600]

    def edit(text, rate):
        words = text.split()
        out = []
        for w in words:
            x = rng.random()
            if x < rate / 2:
                continue
            out.append(w)
            if x > 1 - rate / 2:
                out.append(rng.choice(["reportedly", "also", "on Monday", "officials said", "now"]))
        return " ".join(out) + " This story has been updated."

    def reword(title):
        words = title.split()
        rng.shuffle(words)
        return "Report: " + " ".join(words[: max(3, len(words) - 2)])

    cases = []  # (kind expected or None, original key, title, text)
    for k, title, text, _ in originals[:150]:
        cases.append(("exact", k, title, text))
    for k, title, text, _ in originals[150:300]:
        cases.append(("near", k, title, edit(text, 0.08)))
    for k, title, text, _ in originals[300:450]:
        cases.append(("rewrite", k, reword(title), edit(text, 0.05)))
    by_ev = defaultdict(list)
    for a in arts:
        by_ev[a[3]].append(a)
    negatives = 0
    syndicated = []

    def shingle_jaccard(x, y):
        def sh(t):
            w = t.lower().split()
            return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}
        a, b = sh(x), sh(y)
        return len(a & b) / len(a | b) if a | b else 0.0

    orig_keys = {a[0] for a in originals}
    for k, title, text, ev in originals:
        others = [a for a in by_ev[ev] if a[0] not in orig_keys]
        t, sub = ev.split("_") if not ev.startswith("wiki:") else (None, None)
        sib = by_ev.get(f"{t}_{'ecb' if sub == 'ecbplus' else 'ecbplus'}", []) if t else []
        for a in (others[:1] + [x for x in sib if x[0] not in orig_keys][:1]):
            if shingle_jaccard(text, a[2]) >= 0.3:
                syndicated.append((k, a[0]))  # ECB+ itself holds wire copies: not a negative
                continue
            cases.append((None, k, a[1], a[2]))
            negatives += 1
        if negatives >= 400:
            break

    def evaluate(check):
        tp = fp = fn = 0
        kinds = Counter()
        for i, (kind, orig, title, text) in enumerate(cases):
            got = check(f"case{i}", title, text)
            if kind is None:
                if got is not None and shingle_jaccard(text, orig_text[got[0]]) >= 0.3:
                    syndicated.append((orig, got[0]))  # a real wire copy of another original
                else:
                    fp += got is not None
            elif got is not None and got[0] == orig:
                tp += 1
                kinds[(kind, got[1])] += 1
            else:
                fn += 1
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, kinds

    orig_text = {k: t for k, _, t, _ in originals}
    finder = DuplicateFinder()
    for k, title, text, _ in originals:
        finder.check(k, title, text)

    def nd(key, title, text):
        d = finder.check(key, title, text)
        finder.forget(key)  # test cases do not become originals of each other
        return (d.original, d.kind) if d else None

    from newsdesk.stories.dupes import body_hash

    exact_index = {body_hash(t): k for k, _, t, _ in originals}

    def exact_only(key, title, text):
        k = exact_index.get(body_hash(text))
        return (k, "exact") if k else None

    t = time.perf_counter()
    p1, r1, kinds = evaluate(nd)
    dt = (time.perf_counter() - t) / len(cases) * 1000
    p0, r0, _ = evaluate(exact_only)
    n_pos = sum(1 for c in cases if c[0])
    table(f"Duplicates: {n_pos} copies (150 exact, 150 edited ~8%, 150 reworded headline + ~5% edits) and "
          f"{len(cases) - n_pos} same-event/same-topic other reports, against {len(originals)} originals",
          ["system", "precision", "recall", "ms per check"],
          [["newsdesk (MinHash LSH, 3-shingles)", f"{p1:.3f}", f"{r1:.3f}", f"{dt:.2f}"],
           ["baseline: exact body hash only", f"{p0:.3f}", f"{r0:.3f}", ""]])
    print(f"\n{len(syndicated)} negatives left out of precision: their exact 3-shingle Jaccard with the "
          "matched article is >= 0.3, i.e. ECB+ itself holds them as wire copies of one another")
    right = sum(v for (k, g), v in kinds.items() if k == g)
    print(f"\nkind right for {right}/{sum(kinds.values())} found copies: " +
          ", ".join(f"{k}->{g}: {v}" for (k, g), v in sorted(kinds.items())))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["ecb", "short", "lines", "sens", "scale", "dupes"])
    ap.add_argument("--orders", type=int, default=10)
    ap.add_argument("--scale", default="10000,30000,100000")
    args = ap.parse_args()
    docs = load_ecb()
    todo = [args.only] if args.only else ["ecb", "short", "dupes", "sens", "scale"]
    for what in todo:
        if what == "ecb":
            bench_ecb(docs, args.orders)
        elif what == "short":
            bench_ecb(docs, args.orders, short=True)
        elif what == "lines":
            bench_ecb(docs, args.orders, short="lines")
        elif what == "sens":
            bench_sensitivity(docs)
        elif what == "scale":
            bench_scale(docs, [int(x) for x in args.scale.split(",")])
        elif what == "dupes":
            bench_dupes(docs)


if __name__ == "__main__":
    main()
