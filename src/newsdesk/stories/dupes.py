"""Duplicates: the same article published again, with the evidence that says so.

Three kinds, checked in this order:

- ``exact``: the same canonical URL, or the same body once case and spacing are folded;
- ``near``: the same text with small edits under the same (or nearly the same) headline;
- ``rewrite``: a reworded headline over a lightly edited body (syndicated copy).

Near and rewrite come from MinHash over word 3-shingles with an LSH index (datasketch),
so finding candidates costs the same whatever the archive size. Only a bounded number of
recent fingerprints stay in memory: republished copies arrive within days of the original.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.storage import DictListStorage, DictSetStorage

from .text import MAX_CHARS, STOPWORDS

NUM_PERM = 64
SHINGLE = 3
MIN_SHINGLES = 6          # fewer than this: too short to fingerprint (exact match only)
DUP_JACCARD = 0.45        # estimated shingle Jaccard at or above which a body is a copy
SAME_TITLE = 0.8          # headline word-sequence similarity at or above which it was kept (else reworded)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Duplicate:
    original: object      # key of the article this one copies
    kind: str             # exact | near | rewrite
    jaccard: float        # estimated body shingle Jaccard (1.0 for exact)
    title_overlap: float  # headline similarity: matching word sequence (difflib ratio), 1.0 = same
    evidence: str         # one line a reader can check

    def to_dict(self) -> dict:
        return {"original": self.original, "kind": self.kind, "jaccard": round(self.jaccard, 3),
                "title_overlap": round(self.title_overlap, 3), "evidence": self.evidence}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[:MAX_CHARS])]


def body_hash(text: str, words: list[str] | None = None) -> str:
    return hashlib.sha256(" ".join(_words(text) if words is None else words).encode("utf-8")).hexdigest()


def _title_set(title: str) -> tuple:
    return tuple(w for w in _words(title or "") if w not in STOPWORDS)


def title_overlap(a: tuple, b: tuple) -> float:
    """Word-sequence similarity: a reworded headline reuses the words in another order
    ("suspect hit with murder charges" / "suspect faces charges of murder"), so sets are not enough."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class _TupleBuckets(DictSetStorage):
    """datasketch's in-memory LSH storage with tuples where it keeps sets and lists. Why: 50,000
    fingerprints in 16 bands are 800,000 small sets, each one an object the garbage collector walks
    on every full collection (pauses of seconds); a tuple of plain keys is untracked by the collector.
    Buckets hold one or two keys, so copying a tuple on insert or removal costs nothing."""

    def __init__(self, config=None):
        self._dict = {}

    def get(self, key):
        return self._dict.get(key, ())

    def insert(self, key, *vals, **kwargs):
        old = self._dict.get(key, ())
        self._dict[key] = old + tuple(v for v in vals if v not in old)

    def remove_val(self, key, val, **kwargs):
        self._dict[key] = tuple(v for v in self._dict[key] if v != val)


class _TupleKeys(DictListStorage):
    """The LSH's key -> band hashes map, as tuples (see _TupleBuckets)."""

    def __init__(self, config=None):
        self._dict = {}

    def get(self, key):
        return self._dict.get(key, ())

    def insert(self, key, *vals, **kwargs):
        self._dict[key] = self._dict.get(key, ()) + vals

    def remove_val(self, key, val, **kwargs):
        self._dict[key] = tuple(v for v in self._dict[key] if v != val)


def _lsh() -> MinHashLSH:
    lsh = MinHashLSH(threshold=DUP_JACCARD, num_perm=NUM_PERM)
    lsh.hashtables = [_TupleBuckets() for _ in range(lsh.b)]
    lsh.keys = _TupleKeys()
    return lsh


class DuplicateFinder:
    """Remembers fingerprints of the last ``capacity`` articles and finds copies among them."""

    def __init__(self, capacity: int = 50_000):
        self.capacity = capacity
        self.lsh = _lsh()
        # permutations computed once, copied per article; hashfunc=int: fingerprint() hashes
        self._seed = MinHash(num_perm=NUM_PERM, hashfunc=int)
        # key -> (MinHash values | None, title words, body hash, url, arrival): tuples of plain values,
        # not MinHash objects, so that they too are untracked by the garbage collector
        self.entries: OrderedDict = OrderedDict()
        self.by_hash: dict[str, object] = {}
        self.by_url: dict[str, object] = {}
        self._n = 0

    def fingerprint(self, text: str, words: list[str] | None = None) -> MinHash | None:
        words = _words(text) if words is None else words
        shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
        if len(shingles) < MIN_SHINGLES:
            return None
        # SHA-1 of each shingle as datasketch's default hash does (sha1_hash32), computed here in one
        # comprehension; the seed's hashfunc is int, so update_batch takes these values as they are.
        # (A Python hash call per shingle inside update_batch was a third of this finder's cost.)
        m = self._seed.copy()
        m.update_batch([int.from_bytes(hashlib.sha1(x).digest()[:4], "little") for x in shingles])
        return m

    def check(self, key, title: str, text: str, url: str | None = None) -> Duplicate | None:
        """The earlier article this one duplicates, if any; then remember this one."""
        words = _words(text)
        digest = body_hash(text, words) if text.strip() else None
        tset = _title_set(title)
        dup = None
        if url and url in self.by_url:
            dup = Duplicate(self.by_url[url], "exact", 1.0, 1.0, "same canonical URL")
        elif digest and digest in self.by_hash:
            orig = self.by_hash[digest]
            ov = title_overlap(tset, self.entries[orig][1]) if orig in self.entries else 1.0
            dup = Duplicate(orig, "exact", 1.0, ov, "same body text")
        mh = self.fingerprint(text, words)
        if dup is None and mh is not None:
            best = None
            for other in self.lsh.query(mh):
                j = float(np.count_nonzero(mh.hashvalues == self.entries[other][0])) / NUM_PERM  # = MinHash.jaccard
                # ties go to the earliest article: copies of copies point at the original
                if j >= DUP_JACCARD and (best is None or (j, -self.entries[other][4]) > (best[1], -best[2])):
                    best = (other, j, self.entries[other][4])
            if best:
                ov = title_overlap(tset, self.entries[best[0]][1])
                kind = "near" if ov >= SAME_TITLE else "rewrite"
                why = (f"{best[1]:.0%} of 3-word shingles shared (MinHash estimate), "
                       f"headlines {ov:.0%} alike")
                dup = Duplicate(best[0], kind, best[1], ov, why)
        self._remember(key, mh, tset, digest, url)
        return dup

    def _remember(self, key, mh, tset, digest, url) -> None:
        if key in self.entries:
            self.forget(key)
        self._n += 1
        self.entries[key] = (None if mh is None else mh.hashvalues, tset, digest, url, self._n)
        if mh is not None:
            self.lsh.insert(key, mh, check_duplication=False)
        if digest:
            self.by_hash.setdefault(digest, key)
        if url:
            self.by_url.setdefault(url, key)
        while len(self.entries) > self.capacity:
            self.forget(next(iter(self.entries)))

    def forget(self, key) -> None:
        mh, _, digest, url, _ = self.entries.pop(key)
        if mh is not None:
            self.lsh.remove(key)
        if digest and self.by_hash.get(digest) == key:
            del self.by_hash[digest]
        if url and self.by_url.get(url) == key:
            del self.by_url[url]
