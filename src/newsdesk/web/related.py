"""You May Also Like: six related articles, each with why.

Hybrid: full-text similarity (FTS5 bm25 over the article's salient terms), entity
overlap, recency and story membership, then a greedy diversified pick, so the six are
never copies of this article or of each other and never all one story.

Entities come from a function ``Article -> set[str]``. Until the entity engine exists,
``name_proxy`` stands in: capitalised names found in the title and first paragraphs.
A real named-entity function (same signature) drops in through ``related(entities=...)``.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass
from typing import Callable

from ..model import Article, outlet_of

EntityFn = Callable[[Article], set[str]]

_STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our ours out over own same she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which while who whom why will with
would you your said says say new one two three year years week day days time told after amid over
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december mr mrs ms dr""".split())
_NAME = re.compile(r"\b[A-Z][\w’'\-]*[a-z][\w’'\-]*(?:\s+(?:(?:de|da|van|von|der|al|bin|la|le)\s+)?[A-Z][\w’'\-]*[a-z][\w’'\-]*)*")
_WORD = re.compile(r"\w[\w’'\-]*\w|\w")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"]\s+)$")


def _clean_name(name: str) -> str:
    return re.sub(r"[’']s$", "", name).strip("’'-")


def name_proxy(a: Article, paragraphs: int = 4) -> set[str]:
    """Capitalised names in the title and first paragraphs: multi-word names always,
    single words when they are not a sentence's first word or a common word."""
    out: set[str] = set()
    for text in [a.title, *a.paragraphs[:paragraphs]]:
        for m in _NAME.finditer(text or ""):
            name = _clean_name(m.group(0))
            words = name.split()
            if len(words) > 1:
                while words and words[0].lower() in _STOP:  # "The Kremlin" -> "Kremlin"
                    words = words[1:]
                if words:
                    out.add(" ".join(words))
                if len(words) > 2:  # "President Volodymyr Zelenskyy" is also "Volodymyr Zelenskyy"
                    out.add(" ".join(words[-2:]))
            elif name.lower() not in _STOP and len(name) > 2 and not _SENTENCE_START.search(text[:m.start()]):
                out.add(name)
    return out


def salient_terms(a: Article, entities: set[str], limit: int = 24) -> list[str]:
    """Names and title words, longest first: the candidates for the FTS5 query."""
    words = [w for w in _WORD.findall(a.title.lower()) if w not in _STOP and len(w) > 2 and not w.isdigit()]
    names = sorted(entities, key=lambda n: (-len(n.split()), -len(n)))
    terms: list[str] = []
    for t in [*names[:12], *sorted(set(words), key=len, reverse=True)]:
        t = " ".join(_WORD.findall(t))
        if t and t.lower() not in (x.lower() for x in terms):
            terms.append(t)
    return terms[:limit]


def selective_terms(store, terms: list[str], names: set[str], keep: int = 8, max_share: float = 0.02) -> list[str]:
    """Up to ``keep`` terms that some other article has and at most ``max_share`` of all articles
    have (an OR of common words would make FTS5 rank a large part of the archive): names first,
    rarest first, then title words."""
    words = sorted({w for t in terms for w in t.lower().split()})
    df = store.term_doc_counts(words)
    total = max(store.max_article_id(), 1)
    cap = max(50, int(total * max_share))
    folded = {n.lower() for n in names}
    scored = []
    for t in terms:
        n = min(df.get(w, 0) for w in t.lower().split())
        if n > 1:
            scored.append((t.lower() not in folded, n, t))
    scored.sort()
    chosen = [t for _, n, t in scored if n <= cap][:keep]
    return chosen or [t for _, _, t in scored[:3]]


def fts_or_query(terms: list[str]) -> str:
    return " OR ".join('"' + t.replace('"', "") + '"' for t in terms)


def _title_key(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in _STOP)


Signature = tuple[str, str, frozenset]


def signatures(store, articles: list[Article]) -> dict[int, Signature]:
    """(stored content hash, address, headline words) per article, for ``same_text``."""
    hashes = store.content_hashes([a.id for a in articles])
    return {a.id: (hashes.get(a.id) or a.content_hash, a.canonical_url or a.url, _title_key(a.title))
            for a in articles}


def same_text(x: Signature, y: Signature) -> bool:
    """Copies: same content, same address, or a headline with the same words."""
    if x[0] == y[0] or x[1] == y[1]:
        return True
    return bool(x[2]) and len(x[2] & y[2]) / max(1, len(x[2] | y[2])) >= 0.85


@dataclass
class Related:
    article: Article
    reason: str
    score: float


def _outlet(a: Article) -> str:
    return outlet_of(a)


def related(store, article: Article, *, k: int = 6, entities: EntityFn = name_proxy,
            candidates: int = 40) -> list[Related]:
    """Up to ``k`` related articles for ``article``, best first, each with a reason."""
    mine = entities(article)
    terms = selective_terms(store, salient_terms(article, mine), mine)
    pool: dict[int, tuple[Article, float]] = {}
    for cand, bm in store.related_candidates(fts_or_query(terms), exclude_id=article.id, limit=candidates):
        pool[cand.id] = (cand, bm)
    top_bm = max((bm for _, bm in pool.values()), default=1.0) or 1.0
    if article.story_id is not None:
        for cand in store.story_members(article.story_id, limit=30):
            if cand.id != article.id and cand.id not in pool:
                pool[cand.id] = (cand, top_bm * 0.5)

    t0 = (article.published or article.fetched_at)
    sig = signatures(store, [article, *(c for c, _ in pool.values())])
    scored: list[Related] = []
    for cand, bm in pool.values():
        if same_text(sig[article.id], sig[cand.id]):
            continue
        theirs = entities(cand)
        shared = mine & theirs
        ent = len(shared) / math.sqrt(max(1, len(mine)) * max(1, len(theirs)))
        t1 = cand.published or cand.fetched_at
        days = abs((t1 - t0).total_seconds()) / 86400 if t0 and t1 else 30.0
        same_story = article.story_id is not None and cand.story_id == article.story_id
        score = 0.45 * (bm / top_bm) + 0.35 * ent + 0.2 * math.exp(-days / 7) + (0.15 if same_story else 0.0)
        scored.append(Related(cand, _reason(article, cand, shared, same_story, t0, t1, terms), score))
    scored.sort(key=lambda r: -r.score)
    picked = diversify(scored, k, sig)
    if len(picked) < k:
        picked += _fill(store, article, picked, k - len(picked), sig[article.id])
    return picked


_TOP: dict[tuple, tuple[float, list, dict]] = {}  # (db path, newest id) -> (expires, front items, signatures)
TOP_TTL_S = 60


def _top_stories(store) -> tuple[list, dict]:
    """The front page's top 20, kept a minute: filling related slots must not cost a front page each time."""
    from .common import front_items

    now = time.monotonic()
    key = (store.path, store.max_article_id())
    hit = _TOP.get(key)
    if hit is None or hit[0] < now:
        for old in [k for k, v in _TOP.items() if v[0] < now]:
            del _TOP[old]
        items, _ = front_items(store, limit=20)
        hit = _TOP[key] = (now + TOP_TTL_S, items, signatures(store, [it.lead for it in items]))
    return hit[1], hit[2]


def _fill(store, article: Article, picked: list[Related], n: int, mine: Signature) -> list[Related]:
    """Too few related articles: today's top stories fill the rest, and say so."""
    taken = {article.id, *(r.article.id for r in picked)}
    out: list[Related] = []
    items, sig = _top_stories(store)
    for it in items:
        a = it.lead
        if len(out) >= n:
            break
        if a.id in taken or (article.story_id is not None and it.story_id == article.story_id) or \
                same_text(mine, sig[a.id]):
            continue
        out.append(Related(a, "top story now", 0.0))
        taken.add(a.id)
    return out


def _reason(a: Article, cand: Article, shared: set[str], same_story: bool, t0, t1, terms: list[str]) -> str:
    later = bool(t0 and t1 and (t1 - t0).total_seconds() > 12 * 3600)
    if same_story:
        return "follow-up" if later else "same story"
    if shared:
        best = sorted(shared, key=lambda n: (-len(n.split()), -len(n), n))[0]
        return f"follow-up about {best}" if later and len(shared) >= 3 else f"also about {best}"
    words = [t for t in terms if t.lower() in (cand.title + " " + " ".join(cand.paragraphs[:2])).lower()]
    return f"similar words: {', '.join(words[:2])}" if words else "related topic"


def diversify(ranked: list[Related], k: int, sig: dict[int, Signature], *, per_story: int = 2,
              per_outlet: int = 3) -> list[Related]:
    """Greedy pick: no copies among the picks, at most ``per_story`` from one story and
    ``per_outlet`` from one outlet while other candidates remain; never all one story."""
    picked: list[Related] = []
    rest = list(ranked)
    for strict in (True, False):
        for r in list(rest):
            if len(picked) >= k:
                break
            if any(same_text(sig[r.article.id], sig[p.article.id]) for p in picked):
                rest.remove(r)
                continue
            sid = r.article.story_id
            if strict and sid is not None and sum(p.article.story_id == sid for p in picked) >= per_story:
                continue
            if strict and sum(_outlet(p.article) == _outlet(r.article) for p in picked) >= per_outlet:
                continue
            picked.append(r)
            rest.remove(r)
    stories = {p.article.story_id for p in picked}
    if len(picked) > 1 and len(stories) == 1 and None not in stories:
        other = next((r for r in rest if r.article.story_id not in stories), None)
        if other:
            picked[-1] = other
    return picked
