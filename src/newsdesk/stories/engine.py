"""Online story clustering: each arriving article joins an open story or starts one.

A story is one real-world event as covered across outlets. An article is compared with
the stories an inverted index proposes (stories sharing its rarest terms or its names),
never with the whole archive, so adding costs about the same at ten thousand articles or
a million. Similarity is TF-IDF cosine over terms plus cosine over names (entity proxy),
with IDF learned from the stream so far. Evidence that tells two similar events apart
acts as a veto rather than a weight: a story closes when its newest article is older than
the window, and an article whose headline names share nothing with a story's names does
not join it ("another rehab, another celebrity").

Periodically the recent window is revisited with the IDF learned since (early articles
were compared with a young vocabulary): articles move to a better story, stories that
turn out to be one event merge (the absorbed id redirects to the survivor), and an
article that no longer fits its story splits off. Story ids stay stable throughout.

Storylines link stories of one ongoing topic (text alike, names or days apart) without
merging them.

No library offers online clustering with stable ids, redirects and vetoes, which is why
this is written here; the text pieces (stemming, MinHash) come from libraries.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter, defaultdict, deque
from dataclasses import asdict, dataclass, field
from typing import Callable, Hashable

from .dupes import Duplicate, DuplicateFinder
from .text import Features, features, stem

Key = Hashable
HOUR = 3600.0


@dataclass(frozen=True)
class Params:
    """Engine defaults: the server and ``newsdesk cluster`` use exactly these."""

    join: float = 0.18              # combined similarity an article needs to join a story
    entity_weight: float = 0.4      # share of names in the combined similarity, for an article with many names
    name_prior: float = 4.0         # ...scaled by k/(k + name_prior) for an article with k names (few names: noisy)
    window_hours: float = 72.0      # a story closes this long after its newest article
    name_veto: bool = True          # headline names disjoint from the story's names: no join
    year_veto: bool = False         # datelines in different years: no join (off: costs recall on ECB+ train)
    max_active: int = 200_000       # articles kept in memory when times are unknown (oldest stories leave)
    vector_terms: int = 100         # terms kept per article vector
    index_terms: int = 12           # terms an article adds to its story's index entries
    query_terms: int = 12           # terms (plus headline names) an article looks candidates up by
    max_candidates: int = 30        # stories scored per article
    max_posting: int = 2_000        # index entries longer than this are too common to help
    recluster_every: int = 200      # articles between two revisits of the recent window
    recluster_span: int = 1_000     # articles revisited
    move_margin: float = 0.03       # an article moves only to a clearly better story
    revisit_candidates: int = 8     # stories an article is compared with when revisited
    revisit_passes: int = 1         # passes over the recent window per revisit
    reweigh_growth: float = 0.1     # a revisit re-weighs an article only once the stream grew this much since
    split_docs: int = 60            # newest articles of a story weighed in a split test (bounds its cost)
    merge: float = 0.18             # story-to-story average similarity at which two stories may merge
    cohesion: float = 0.75          # ...and only if the merged story stays this close to its parts' cohesion
    split: float = 0.7              # a story splits in two when its halves are this much less close
    split_min: int = 6              # stories smaller than this are not tested for a split
    storyline: float = 0.12         # text similarity linking two stories into one storyline
    storyline_days: float = 30.0    # how long a closed story can still gain storyline links


@dataclass
class Assignment:
    key: Key
    story: int
    score: float                     # similarity to the story joined (0 for a new story)
    new_story: bool
    duplicate: Duplicate | None = None
    note: str | None = None          # why this article could not be compared normally


@dataclass
class _Doc:
    key: Key
    seq: int
    ts: float | None                 # None: time unknown (no published date, no dateline)
    title: str
    source: str | None
    f: Features
    vec: dict
    evec: dict
    story: int
    vn: int = 0                      # stream size when vec/evec were weighed (IDF of that moment)

    @property
    def name_stems(self) -> set:
        stems = self.__dict__.get("_name_stems")
        if stems is None:
            stems = self.__dict__["_name_stems"] = {stem(n) for n in self.f.entities}
        return stems


@dataclass
class Story:
    id: int
    members: set = field(default_factory=set)        # keys of active articles
    vsum: dict = field(default_factory=dict)
    vnorm2: float = 0.0
    esum: dict = field(default_factory=dict)
    enorm2: float = 0.0
    names: Counter = field(default_factory=Counter)  # entity words across members
    lead: Counter = field(default_factory=Counter)   # headline/lead names across members
    years: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)
    first_ts: float = math.inf
    last_ts: float = -math.inf
    size: int = 0                                    # all articles ever, active or not
    last_seq: int = 0                                # arrival number of its newest article
    storyline: int = 0
    indexed: set = field(default_factory=set)        # index keys this story is filed under
    split_tested: int = 0                            # open size at its last split test


def _dot(a: dict, b: dict) -> float:
    # the key intersection is computed in C over the smaller dict; only shared terms are multiplied
    # (twice as fast as a get() per term when one side is a story's sum of thousands of terms)
    if len(a) > len(b):
        a, b = b, a
    return sum([a[k] * b[k] for k in a.keys() & b.keys()])


# Document-frequency tables keep the most recently seen terms only: a stream's vocabulary grows
# without end (new names, numbers, typos) while what IDF needs is how common a term is lately.
DF_CAP = 400_000     # terms (and as many names) kept; beyond this the least recently seen go
DF_SLACK = 0.1       # evict in batches of this share of the cap (one pass, not one term per add)
ARCHIVE_CAP = 100_000  # closed stories kept for storyline links when times are unknown (else 30 days)


def _count(df: dict, keys) -> None:
    """df[k] += 1 for each key, moving it to the end of the dict's order: the front of the dict
    is then the least recently seen term, and eviction is a slice off the front."""
    pop = df.pop
    for k in keys:
        df[k] = pop(k, 0) + 1
    if len(df) > DF_CAP * (1 + DF_SLACK):
        for k in list(itertools.islice(df, len(df) - DF_CAP)):
            del df[k]


def _add_into(acc: dict, vec: dict, sign: float, norm2: float) -> float:
    """acc += sign*vec in place; returns the updated squared norm."""
    for k, v in vec.items():
        old = acc.get(k, 0.0)
        new = old + sign * v
        norm2 += new * new - old * old
        if abs(new) < 1e-12:
            acc.pop(k, None)
        else:
            acc[k] = new
    return max(norm2, 0.0)


class Engine:
    """Streams articles into stories. Not thread-safe: one writer feeds it."""

    def __init__(self, params: Params | None = None, *, new_story_id: Callable[[], int] | None = None,
                 keep_assignments: bool = True, duplicates: bool = True):
        self.p = params or Params()
        self._ids = itertools.count(1)
        self.new_story_id = new_story_id or (lambda: next(self._ids))
        self.df: dict[str, int] = {}     # term -> articles containing it (recently seen terms, DF_CAP)
        self.edf: dict[str, int] = {}    # the same for names
        self.n = 0
        self.seq = 0
        self.clock = -math.inf           # newest article time seen
        self.docs: dict[Key, _Doc] = {}  # active window only
        self.stories: dict[int, Story] = {}
        self.index: dict[str, set] = defaultdict(set)
        self.redirects: dict[int, int] = {}
        self.storyline_parent: dict[int, int] = {}
        self.archive: dict[int, tuple] = {}   # closed stories: (centroid terms, names, last_ts, storyline)
        self.archive_index: dict[str, set] = defaultdict(set)
        self.assignments: dict[Key, int] | None = {} if keep_assignments else None
        self.dupes = DuplicateFinder() if duplicates else None
        self._expiry: list = []          # heap of (last_ts, story id)
        self._aging: list = []           # heap of (published, seq, article) of dated open articles
        self._by_seq: list = []          # heap of (last_seq, story id), for the capacity bound
        self._since_recluster = 0
        self._revisited_seq = 0          # newest arrival already seen by a revisit
        self._touched: set[int] = set()  # stories whose membership changed since the last revisit
        self._revisit_job = None         # the revisit in progress (a generator advanced by each add)
        self._revisit_cost = 0.0         # work units the last complete revisit took
        self._archived: deque = deque()  # (last_ts, story id) in the order stories closed
        self._pruned_at = 0              # size of the redirect/storyline maps after their last pruning
        # what changed since the caller last drained it (the store persists this)
        self.changed: set[int] = set()
        self.moved: dict[Key, int] = {}

    # -- weights -----------------------------------------------------------------------

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def eidf(self, name: str) -> float:
        return math.log((self.n + 1) / (self.edf.get(name, 0) + 1)) + 1.0

    def _vectors(self, f: Features) -> tuple[dict, dict]:
        w = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in f.terms.items()}
        if len(w) > self.p.vector_terms:
            w = dict(heapq.nlargest(self.p.vector_terms, w.items(), key=lambda kv: kv[1]))
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        vec = {t: v / norm for t, v in w.items()}
        e = {n: (1.0 + math.log(c)) * self.eidf(n) * (2.0 if n in f.lead_entities else 1.0)
             for n, c in f.entities.items()}
        enorm = math.sqrt(sum(v * v for v in e.values())) or 1.0
        return vec, {n: v / enorm for n, v in e.items()}

    def _weigh(self, d: _Doc) -> None:
        d.vec, d.evec = self._vectors(d.f)
        d.vn = self.n

    # -- scoring -----------------------------------------------------------------------

    def name_weight(self, k: int) -> float:
        """Share of the name cosine in the combined similarity for an article with ``k`` names.

        A name cosine from one or two names is mostly chance (a headline's "Paris" or "Obama"),
        one from twenty is strong evidence: the weight shrinks towards the text cosine as names
        get few, like a pseudo-count. On a title-plus-snippet stream a fixed weight let two or
        three headline names decide, which split one event's short items apart."""
        return self.p.entity_weight * k / (k + self.p.name_prior) if k else 0.0

    def _score(self, d: _Doc, s: Story, *, exclude: bool = False) -> tuple[float, float, float | None]:
        """(combined, text, names or None): the article's mean cosine with the story's articles
        (average link: a loose story does not attract more than a tight one). ``exclude``
        scores against the story without ``d`` itself."""
        n = len(s.members) - (1 if exclude else 0)
        if n <= 0:
            return 0.0, 0.0, None
        dt = _dot(d.vec, s.vsum)
        de = _dot(d.evec, s.esum) if d.evec and s.esum else 0.0
        if exclude:
            dt -= _dot(d.vec, d.vec)
            de -= _dot(d.evec, d.evec) if d.evec else 0.0
        text = dt / n
        ent = de / n if d.evec and s.esum else None
        w = self.name_weight(len(d.evec))
        return ((1 - w) * text + w * ent if ent is not None else text), text, ent

    def _veto(self, d: _Doc, s: Story, *, exclude: bool = False) -> str | None:
        """Why ``d`` cannot be in ``s`` whatever the similarity, or None."""
        win = self.p.window_hours * HOUR
        if d.ts is not None and s.last_ts >= s.first_ts and not exclude:
            if d.ts > s.last_ts + win or d.ts < s.first_ts - win:
                return "published outside the story's time window"
        names, lead = s.names, s.lead
        if exclude:
            names = names - d.f.entities
            lead = lead - Counter(d.f.lead_entities)
        if self.p.name_veto and d.f.lead_entities and lead and names:
            if not (d.f.lead_entities & names.keys()) and not (lead.keys() & d.f.entities.keys()):
                return "no names in common (headline names of either side absent from the other)"
        if self.p.name_veto and d.f.entities:
            # The same people in a different happening is a storyline, not a story: most of what
            # the article shares with the story must be words other than names.
            names_part = other_part = 0.0
            get = s.vsum.get
            for t, v in d.vec.items():
                x = v * get(t, 0.0)
                if x:
                    if t in d.name_stems:
                        names_part += x
                    else:
                        other_part += x
            if names_part > 0 and other_part < names_part / 10:
                return "mostly names in common: what happened differs"
        years = s.years - Counter(d.f.years) if exclude else s.years
        if self.p.year_veto and d.f.years and years and not (d.f.years & years.keys()):
            return "datelines in different years"
        return None

    def _top_terms(self, d: _Doc) -> list[str]:
        """The article's heaviest terms, best first, computed once per weighing: an article is looked
        up (on arrival, when revisited, as a merge probe) and filed several times with the same vector.
        A prefix of the list is ``heapq.nlargest`` of that size, ties in the same order."""
        cached = d.__dict__.get("_top")
        if cached is None or cached[0] is not d.vec:
            k = max(self.p.query_terms, self.p.index_terms)
            top = [t for t, _ in heapq.nlargest(k, d.vec.items(), key=lambda kv: kv[1])]
            cached = d.__dict__["_top"] = (d.vec, top)
        return cached[1]

    def _candidates(self, d: _Doc) -> list[int]:
        hits: Counter = Counter()
        for t in self._top_terms(d)[:self.p.query_terms]:
            post = self.index.get("t:" + t)
            if post and len(post) <= self.p.max_posting:
                hits.update(post)
        for n in d.f.lead_entities:
            post = self.index.get("e:" + n)
            if post and len(post) <= self.p.max_posting:
                hits.update(post)
        return [sid for sid, _ in hits.most_common(self.p.max_candidates)]

    # -- membership ----------------------------------------------------------------------

    def _file(self, s: Story, d: _Doc) -> None:
        keys = ["t:" + t for t in self._top_terms(d)[:self.p.index_terms]]
        keys += ["e:" + n for n in d.f.lead_entities]
        for k in keys:
            if k not in s.indexed:
                s.indexed.add(k)
                self.index[k].add(s.id)

    def _attach(self, d: _Doc, s: Story) -> None:
        d.story = s.id
        s.members.add(d.key)
        s.vnorm2 = _add_into(s.vsum, d.vec, 1.0, s.vnorm2)
        s.enorm2 = _add_into(s.esum, d.evec, 1.0, s.enorm2)
        s.names.update(d.f.entities)
        s.lead.update(d.f.lead_entities)
        s.years.update(d.f.years)
        if d.source:
            s.sources[d.source] += 1
        s.size += 1
        s.last_seq = max(s.last_seq, d.seq)
        heapq.heappush(self._by_seq, (s.last_seq, s.id))
        if d.ts is not None:
            if d.ts > s.last_ts:
                s.last_ts = d.ts
                if d.ts <= self.clock:  # dated by a given time, not only by a dateline
                    heapq.heappush(self._expiry, (d.ts, s.id))
            s.first_ts = min(s.first_ts, d.ts)
        self._file(s, d)
        self.changed.add(s.id)
        self._touched.add(s.id)
        self.moved[d.key] = s.id
        if self.assignments is not None:
            self.assignments[d.key] = s.id

    @staticmethod
    def _unsum(s: Story, d: _Doc) -> None:
        """Take an article out of its story's sums and name counts (what later articles meet)."""
        s.members.discard(d.key)
        s.vnorm2 = _add_into(s.vsum, d.vec, -1.0, s.vnorm2)
        s.enorm2 = _add_into(s.esum, d.evec, -1.0, s.enorm2)
        s.names.subtract(d.f.entities)
        s.lead.subtract(d.f.lead_entities)
        s.years.subtract(d.f.years)
        for c in (s.names, s.lead, s.years):
            c += Counter()  # drop zero counts

    def _detach(self, d: _Doc) -> Story:
        s = self.stories[d.story]
        self._unsum(s, d)
        if d.source:
            s.sources[d.source] -= 1
            s.sources += Counter()
        s.size -= 1
        self.changed.add(s.id)
        self._touched.add(s.id)
        return s

    def _new_story(self) -> Story:
        sid = self.new_story_id()
        s = Story(id=sid, storyline=sid)
        self.stories[sid] = s
        return s

    def _drop_story(self, s: Story, into: int | None) -> None:
        for k in s.indexed:
            post = self.index.get(k)
            if post is not None:
                post.discard(s.id)
                if not post:
                    del self.index[k]
        self.stories.pop(s.id, None)
        if into is not None and into != s.id:
            self.redirects[s.id] = into
            self._link_storylines(s.id, into)
        self.changed.add(s.id)

    # -- the stream ----------------------------------------------------------------------

    def add(self, key: Key, title: str | None, text: str | None, *, published: float | None = None,
            source: str | None = None, url: str | None = None) -> Assignment:
        """File one article (``published`` as epoch seconds; None means "now" in stream time)."""
        if key in self.docs:
            self.remove(key)
        f = features(title, text)
        if published is not None and math.isfinite(published):
            ts = published
            self.clock = max(self.clock, ts)  # only given times drive the window's clock
            self._expire()  # close what this article's time has left behind before matching
        else:
            ts = None  # unknown; a dateline in the text still vetoes by year (Features.years)

        self.n += 1
        _count(self.df, f.terms.keys())
        _count(self.edf, f.entities.keys())
        vec, evec = self._vectors(f)
        self.seq += 1
        d = _Doc(key, self.seq, ts, (title or "").strip(), source, f, vec, evec, 0, self.n)
        dup = self.dupes.check(key, title or "", text or "", url) if self.dupes else None
        best, best_score = None, 0.0
        if dup is not None and dup.original in self.docs:
            orig = self.stories.get(self.docs[dup.original].story)
            # a copy joins its original's story unless the evidence says another event (a template
            # filled with other names: same wording, other people and places, days later)
            if orig is not None and self._veto(d, orig) is None:
                best, best_score = orig, 1.0
        if best is None and not f.empty:
            for sid in self._candidates(d):
                s = self.stories[sid]
                score = self._score(d, s)[0]
                if score >= self.p.join and score > best_score and self._veto(d, s) is None:
                    best, best_score = s, score
        new = best is None
        if new:
            best = self._new_story()
        self.docs[key] = d
        if ts is not None:
            heapq.heappush(self._aging, (ts, d.seq, d))
        self._attach(d, best)
        if new and not f.empty:
            self._find_storyline(best)
        self._expire()
        self._revisit_step()
        return Assignment(key, self.docs[key].story if key in self.docs else best.id, best_score, new, dup, f.note)

    def restore(self, key: Key, f: Features, *, story: int, ts: float | None, title: str = "",
                source: str | None = None, storyline: int | None = None) -> None:
        """Put back an article already filed (rebuilding the open window after a restart), without
        deciding its story again. Call ``refresh`` once all are back."""
        self.n += 1
        _count(self.df, f.terms.keys())
        _count(self.edf, f.entities.keys())
        if ts is not None:
            self.clock = max(self.clock, ts)
        self.seq += 1
        vec, evec = self._vectors(f)
        s = self.stories.get(story)
        if s is None:
            s = self.stories[story] = Story(id=story, storyline=story)
        if storyline is not None and storyline != story:
            self.storyline_parent.setdefault(story, storyline)
        d = _Doc(key, self.seq, ts, title, source, f, vec, evec, story, self.n)
        self.docs[key] = d
        if ts is not None:
            heapq.heappush(self._aging, (ts, d.seq, d))
        self._attach(d, s)

    def refresh(self) -> None:
        """Re-weigh every open article with the IDF known now; nothing moves."""
        for d in self.docs.values():
            self._weigh(d)
        for s in self.stories.values():
            self._rebuild(s)
        self.drain()

    def remove(self, key: Key) -> None:
        """Take an active article out (before re-adding its changed text)."""
        d = self.docs.pop(key, None)
        if d is None:
            return
        s = self._detach(d)
        if not s.members:
            self._drop_story(s, None)

    def story_of(self, key: Key) -> int | None:
        if key in self.docs:
            return self.resolve(self.docs[key].story)
        if self.assignments is not None and key in self.assignments:
            return self.resolve(self.assignments[key])
        return None

    def resolve(self, sid: int) -> int:
        """Follow merge redirects to the surviving story id."""
        seen = 0
        while sid in self.redirects and seen < 10_000:
            sid = self.redirects[sid]
            seen += 1
        return sid

    def drain(self) -> tuple[set, dict]:
        """Stories changed and articles (re)assigned since the last call."""
        out = (self.changed, self.moved)
        self.changed, self.moved = set(), {}
        return out

    # -- the window ----------------------------------------------------------------------

    def _expire(self) -> None:
        """Close stories whose newest article left the window: they leave memory (the store keeps
        them) but stay searchable for storylines for ``storyline_days``."""
        horizon = self.clock - self.p.window_hours * HOUR
        while self._expiry and self._expiry[0][0] < horizon:
            ts, sid = heapq.heappop(self._expiry)
            s = self.stories.get(sid)
            if s is not None and s.last_ts == ts:  # else stale: the story moved on or is gone
                self._close(s)
        # An open story keeps only its articles of the last window in memory: a story that goes on
        # for weeks (or one that chains) would otherwise hold every article it ever had.
        while self._aging and self._aging[0][0] < horizon:
            d = heapq.heappop(self._aging)[2]
            if self.docs.get(d.key) is d:
                self._retire(d)
        # Both heaps get an entry per attach and keep stale ones until popped; rebuild them from
        # the open stories when stale entries dominate, so they stay proportional to the window.
        if len(self._by_seq) > 4 * len(self.stories) + 1_000:
            self._by_seq = [(s.last_seq, s.id) for s in self.stories.values()]
            heapq.heapify(self._by_seq)
        if len(self._expiry) > 4 * len(self.stories) + 1_000:
            self._expiry = [(s.last_ts, s.id) for s in self.stories.values() if s.last_ts > -math.inf]
            heapq.heapify(self._expiry)
        while len(self.docs) > self.p.max_active and self._by_seq:
            seq, sid = heapq.heappop(self._by_seq)
            s = self.stories.get(sid)
            if s is not None and s.last_seq == seq:
                self._close(s)
        # archived stories older than the storyline horizon are forgotten (the store keeps them),
        # oldest closed first: O(1) per add, no scan of the archive
        old = self.clock - self.p.storyline_days * 24 * HOUR
        while self._archived and (self._archived[0][0] < old or len(self.archive) > ARCHIVE_CAP):
            _, sid = self._archived.popleft()
            if sid in self.archive:
                self._unarchive(sid)
        if self.assignments is None and \
                len(self.redirects) + len(self.storyline_parent) > 2 * self._pruned_at + 10_000:
            self._prune_links()

    def _prune_links(self) -> None:
        """Forget merge redirects and storyline links of stories that are neither open nor archived:
        the store keeps them (``stories.merged_into``, ``stories.storyline_id``), and without this
        both maps grow with every merge and link for as long as the server runs. Paths are first
        compressed so that no open story's redirect or storyline goes through a forgotten id.
        Not done when every assignment is kept (``newsdesk cluster`` resolves all ids at the end)."""
        live = self.stories.keys() | self.archive.keys()
        self.redirects = {g: into for g in self.redirects
                          if (into := self.resolve(g)) in live}
        root = {}
        for x in self.storyline_parent:
            r = x
            while r in self.storyline_parent:
                r = self.storyline_parent[r]
            root[x] = r
        self.storyline_parent = {x: r for x, r in root.items() if x in live or x in self.redirects}
        self._pruned_at = len(self.redirects) + len(self.storyline_parent)

    def _retire(self, d: _Doc) -> None:
        """Take an article older than the window out of memory while its story stays open. The story
        keeps its size, outlets and first/last seen (the store has the article); its sums and names
        now describe its recent articles, which is what later articles are compared with. A story's
        last article in memory stays: the story closes with it."""
        s = self.stories.get(d.story)
        if s is None or len(s.members) <= 1:
            return
        del self.docs[d.key]
        self._unsum(s, d)

    def _close(self, s: Story) -> None:
        self._archive(s)
        for k in list(s.members):
            self.docs.pop(k, None)
        s.members.clear()
        self._drop_story(s, None)
        self.changed.discard(s.id)

    def _archive(self, s: Story) -> None:
        top = dict(heapq.nlargest(30, s.vsum.items(), key=lambda kv: kv[1]))
        norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
        self.archive[s.id] = ({t: v / norm for t, v in top.items()}, frozenset(s.lead), s.last_ts)
        self._archived.append((s.last_ts, s.id))
        for t in top:
            self.archive_index[t].add(s.id)

    def _unarchive(self, sid: int) -> None:
        vec, _, _ = self.archive.pop(sid)
        for t in vec:
            post = self.archive_index.get(t)
            if post is not None:
                post.discard(sid)
                if not post:
                    del self.archive_index[t]

    # -- storylines ----------------------------------------------------------------------------

    def storyline_of(self, sid: int) -> int:
        sid = self.resolve(sid)
        while sid in self.storyline_parent:
            sid = self.storyline_parent[sid]
        return sid

    def _link_storylines(self, a: int, b: int) -> None:
        ra, rb = self.storyline_of(a), self.storyline_of(b)
        if ra != rb:
            lo, hi = min(ra, rb), max(ra, rb)  # the older storyline id survives
            self.storyline_parent[hi] = lo
            self.changed.update((a, b))

    def _centroid(self, s: Story) -> dict:
        norm = math.sqrt(s.vnorm2) or 1.0
        return {t: v / norm for t, v in s.vsum.items()}

    def _find_storyline(self, s: Story) -> None:
        """Link ``s`` to the most similar other story (open or recently closed) of one topic."""
        vec = self._centroid(s)
        best, best_sim = None, self.p.storyline
        q = [t for t, _ in heapq.nlargest(self.p.query_terms, vec.items(), key=lambda kv: kv[1])]
        cands: Counter = Counter()
        for t in q:
            post = self.index.get("t:" + t)
            if post and len(post) <= self.p.max_posting:
                cands.update(post)
            post = self.archive_index.get(t)
            if post and len(post) <= self.p.max_posting:
                cands.update(post)
        for sid, _ in cands.most_common(self.p.max_candidates):
            if sid == s.id:
                continue
            other = self.stories.get(sid)
            ovec = self._centroid(other) if other is not None else self.archive.get(sid, ({},))[0]
            sim = _dot(vec, ovec)
            if sim >= best_sim:
                best, best_sim = sid, sim
        if best is not None:
            self._link_storylines(s.id, best)

    # -- revisiting the recent window -----------------------------------------------------------

    def recluster(self) -> None:
        """Re-weigh the recent window with today's IDF, move misfiled articles, merge stories
        that are one event, split off articles that no longer fit. Ids stay stable.

        Bounded work whatever the archive size: an article is re-weighed only once the stream
        has grown ``reweigh_growth`` since it was weighed (early on IDF moves a lot, later
        hardly at all), only re-weighed or newly arrived articles are reconsidered, and only
        stories whose membership changed since the last revisit are tested for merge/split.

        This runs a whole revisit now (finishing one in progress first); ``add`` does the same
        work in small steps instead, so that no single article waits for a whole revisit."""
        if self._revisit_job is not None:
            for _ in self._revisit_job:
                pass
        self._revisit_job = None
        self._since_recluster = 0
        for _ in self._revisit():
            pass

    def _revisit_step(self) -> None:
        """Advance the revisit by a slice of work: every ``recluster_every`` adds a revisit starts, and
        each add then does about twice its share (the last revisit's work spread over half the period),
        so a revisit ends well before the next is due. Work is counted in units (an article
        reconsidered, a story merge-tested, pairs of a split test), never in seconds: the
        clustering must not depend on the machine's speed."""
        self._since_recluster += 1
        job = self._revisit_job
        if job is None:
            if self._since_recluster < self.p.recluster_every:
                return
            self._since_recluster = 0
            job = self._revisit_job = self._revisit()
            self._revisit_spent = 0.0
        # behind schedule (the next revisit is due): work faster rather than let revisits queue up
        late = 1 + self._since_recluster // max(self.p.recluster_every, 1)
        budget = late * max(4.0, 2.0 * self._revisit_cost / max(self.p.recluster_every, 1))
        spent = 0.0
        for cost in job:
            spent += cost
            if spent >= budget:
                self._revisit_spent += spent
                return
        self._revisit_cost = self._revisit_spent + spent
        self._revisit_job = None

    def _revisit(self):
        """One revisit as a generator that yields the work units done since its last yield. Between
        two yields new articles may arrive and stories may close: everything is looked up again."""
        recent = list(itertools.islice(reversed(self.docs.values()), self.p.recluster_span))[::-1]
        since = self._revisited_seq
        self._revisited_seq = self.seq
        if not recent:
            self._touched = set()
            return
        stale = [d for d in recent if self.n > d.vn * (1 + self.p.reweigh_growth)]
        by_story = defaultdict(list)
        for d in stale:
            by_story[d.story].append(d)
        for sid, ds in by_story.items():
            s = self.stories.get(sid)
            if s is None:
                continue
            # a story's articles are re-weighed and its sums rebuilt in one step: never half done
            for d in ds:
                if self.docs.get(d.key) is d:
                    self._weigh(d)
            self._rebuild(s)
            yield 1 + len(s.members) / 10
        stale_keys = {id(d) for d in stale}
        todo = [d for d in recent if d.seq > since or id(d) in stale_keys]  # new, or just re-weighed
        for _ in range(self.p.revisit_passes):
            moved = 0
            for d in todo:
                if d.f.empty or self.docs.get(d.key) is not d:
                    continue
                moved += self._reconsider(d)
                yield 1
            if not moved:
                break
        touched = self._touched | {d.story for d in todo if self.docs.get(d.key) is d}
        for sid in sorted(touched):
            if sid in self.stories:
                self._merge_one(sid)
                yield 2
        tested, self._touched = self._touched, set()
        for sid in sorted(tested):
            s = self.stories.get(sid)
            # a split test again only once the story changed by a fifth (bounds revisits on big stories)
            if s is not None and len(s.members) >= self.p.split_min and \
                    abs(len(s.members) - s.split_tested) >= max(2, s.split_tested // 5):
                s.split_tested = len(s.members)
                self._split_test(s)
                yield 1 + min(len(s.members), self.p.split_docs) ** 2 / 400

    def _sim(self, a: _Doc, b: _Doc) -> float:
        w = self.name_weight(min(len(a.evec), len(b.evec)))
        text = _dot(a.vec, b.vec)
        return (1 - w) * text + w * _dot(a.evec, b.evec) if a.evec and b.evec else text

    def _split_test(self, s: Story) -> None:
        """Split a story whose articles form two groups much closer within than across (two
        similar events that were merged, or a story that drifted). Relative, like merging."""
        docs = sorted((self.docs[k] for k in s.members), key=lambda d: d.seq)[-self.p.split_docs:]
        n = len(docs)
        sim = [[1.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                sim[i][j] = sim[j][i] = self._sim(docs[i], docs[j])
        i0, j0 = min(((i, j) for i in range(n) for j in range(i + 1, n)), key=lambda ij: sim[ij[0]][ij[1]])
        groups = [{i0}, {j0}]
        for _ in range(4):
            new = [set(), set()]
            for i in range(n):
                a = [sum(sim[i][j] for j in g if j != i) / max(len(g - {i}), 1) for g in groups]
                new[0 if a[0] >= a[1] else 1].add(i)
            if not new[0] or not new[1] or new == groups:
                groups = new
                break
            groups = new
        if min(len(groups[0]), len(groups[1])) < 2:
            return

        def avg(x, y):
            pairs = [(i, j) for i in x for j in y if i < j or x is not y]
            return sum(sim[i][j] for i, j in pairs) / len(pairs) if pairs else 0.0
        wa, wb, cross = avg(groups[0], groups[0]), avg(groups[1], groups[1]), avg(groups[0], groups[1])
        if cross < self.p.split * math.sqrt(max(wa, 1e-6) * max(wb, 1e-6)):
            minor = min(groups, key=len)
            self.split(s.id, [docs[i].key for i in minor])

    def _rebuild(self, s: Story) -> None:
        s.vsum, s.vnorm2, s.esum, s.enorm2 = {}, 0.0, {}, 0.0
        for k in s.members:
            d = self.docs[k]
            s.vnorm2 = _add_into(s.vsum, d.vec, 1.0, s.vnorm2)
            s.enorm2 = _add_into(s.esum, d.evec, 1.0, s.enorm2)
            self._file(s, d)

    def _reconsider(self, d: _Doc) -> int:
        own = self.stories[d.story]
        alone = len(own.members) == 1
        if alone:
            own_score = -1.0
        else:
            own_score = self._score(d, own, exclude=True)[0]
            if self._veto(d, own, exclude=True):
                own_score = -1.0
        best, best_score = None, max(self.p.join, own_score + self.p.move_margin)
        for sid in self._candidates(d)[:self.p.revisit_candidates]:
            if sid == own.id:
                continue
            s = self.stories[sid]
            score = self._score(d, s)[0]
            if score >= best_score and self._veto(d, s) is None:
                best, best_score = s, score
        if best is None and not alone and own_score < self.p.join * 0.5:
            best = self._new_story()  # split: it no longer fits where it is
            self._link_storylines(best.id, own.id)
        if best is None:
            return 0
        self._detach(d)
        self._attach(d, best)
        if not own.members:
            self._drop_story(own, best.id)
        return 1

    def story_similarity(self, a: Story, b: Story) -> tuple[float, str | None]:
        """Average-link similarity of two stories and the veto that keeps them apart, if any."""
        nn = max(len(a.members) * len(b.members), 1)
        text = _dot(a.vsum, b.vsum) / nn
        ent = _dot(a.esum, b.esum) / nn if a.esum and b.esum else None
        w = self.p.entity_weight
        score = (1 - w) * text + w * ent if ent is not None else text
        win = self.p.window_hours * HOUR
        dated = a.last_ts >= a.first_ts and b.last_ts >= b.first_ts
        if dated and (a.first_ts > b.last_ts + win or b.first_ts > a.last_ts + win):
            return score, "more than the window apart"
        if self.p.name_veto and a.lead and b.lead and not (a.lead.keys() & b.names.keys()) \
                and not (b.lead.keys() & a.names.keys()):
            return score, "no names in common"
        if self.p.year_veto and a.years and b.years and not (a.years.keys() & b.years.keys()):
            return score, "datelines in different years"
        return score, None

    def cohesion(self, s: Story) -> float | None:
        """Mean pairwise similarity inside a story (None for a single article)."""
        n = len(s.members)
        if n < 2:
            return None
        text = (s.vnorm2 - n) / (n * (n - 1))
        if s.esum:
            w = self.p.entity_weight
            return max((1 - w) * text + w * (s.enorm2 - n) / (n * (n - 1)), 1e-6)
        return max(text, 1e-6)

    def _mergeable(self, a: Story, b: Story, sim: tuple | None = None) -> bool:
        score, veto = sim or self.story_similarity(a, b)
        if veto is not None or score < self.p.merge:
            return False
        ca, cb = self.cohesion(a), self.cohesion(b)
        if ca is None and cb is None:
            return True
        ref = math.sqrt(ca * cb) if ca is not None and cb is not None else (ca if ca is not None else cb)
        # Relative, not absolute: two stories are one event when they are about as close to each
        # other as their own articles are; similar events of one topic are markedly less close.
        return score >= self.p.cohesion * ref

    def _merge_pass(self, sids: set) -> None:
        for sid in sorted(sids):
            self._merge_one(sid)

    def _merge_one(self, sid: int) -> None:
        s = self.stories.get(sid)
        if s is None or not s.members:
            return
        probe = max((self.docs[k] for k in s.members), key=lambda d: _dot(d.vec, s.vsum))
        best, best_score = None, -1.0
        for oid in self._candidates(probe):
            o = self.stories.get(oid)
            if o is None or o.id == s.id or not o.members:
                continue
            sim = self.story_similarity(s, o)
            if not self._mergeable(s, o, sim):
                continue
            if sim[0] > best_score:
                best, best_score = o, sim[0]
        if best is not None:
            self.merge(s.id, best.id)

    def merge(self, a: int, b: int) -> int:
        """Merge two stories; the larger (then older) survives and the other id redirects to it."""
        a, b = self.resolve(a), self.resolve(b)
        if a == b:
            return a
        sa, sb = self.stories[a], self.stories[b]
        keep, gone = (sa, sb) if (sa.size, -sa.id) >= (sb.size, -sb.id) else (sb, sa)
        for k in list(gone.members):
            d = self.docs[k]
            self._detach(d)
            self._attach(d, keep)
        keep.size += max(gone.size, 0)
        self._drop_story(gone, keep.id)
        return keep.id

    def split(self, sid: int, keys: list[Key]) -> int:
        """Move ``keys`` (active articles of story ``sid``) into a new story; returns its id."""
        sid = self.resolve(sid)
        new = self._new_story()
        for k in keys:
            d = self.docs.get(k)
            if d is None or d.story != sid:
                raise KeyError(f"{k!r} is not an active article of story {sid}")
            self._detach(d)
            self._attach(d, new)
        old = self.stories[sid]
        self._link_storylines(new.id, sid)  # a part split off stays in its parent's storyline
        if not old.members:
            self._drop_story(old, None)
        return new.id

    # -- reading -------------------------------------------------------------------------------

    def summary(self, sid: int) -> dict:
        """Representative, title, outlets, first/last seen and timeline of an open story."""
        s = self.stories[self.resolve(sid)]
        docs = sorted((self.docs[k] for k in s.members), key=lambda d: (d.ts, d.seq))
        rep = max(docs, key=lambda d: (_dot(d.vec, s.vsum), -d.seq)) if docs else None
        return {
            "id": s.id, "title": rep.title if rep else "", "representative": rep.key if rep else None,
            "outlets": sorted(s.sources), "first_seen": s.first_ts, "last_seen": s.last_ts,
            "timeline": [(d.ts, d.key) for d in docs], "storyline": self.storyline_of(s.id),
        }

    def explain(self, a: Key, b: Key) -> dict:
        """Why two active articles are, or are not, in one story."""
        da, db = self.docs.get(a), self.docs.get(b)
        if da is None or db is None:
            missing = a if da is None else b
            raise KeyError(f"{missing!r} is not in the active window")
        return explain_docs(self, da, db)

    def explain_texts(self, a: dict, b: dict) -> dict:
        """``explain`` for two articles given as {"title","text","published"} (e.g. from the store)."""
        docs = []
        for i, x in enumerate((a, b)):
            f = features(x.get("title"), x.get("text"))
            vec, evec = self._vectors(f)
            docs.append(_Doc(x.get("id", i), 0, x.get("published"), x.get("title") or "", None,
                             f, vec, evec, 0))
        return explain_docs(self, *docs)


def explain_docs(engine: Engine, da: _Doc, db: _Doc) -> dict:
    p = engine.p
    text = _dot(da.vec, db.vec)
    ent = _dot(da.evec, db.evec) if da.evec and db.evec else None
    w = engine.name_weight(min(len(da.evec), len(db.evec)))
    score = (1 - w) * text + w * ent if ent is not None else text
    shared_terms = sorted(da.vec.keys() & db.vec.keys(), key=lambda t: -(da.vec[t] * db.vec[t]))[:10]
    shared_names = sorted(da.f.entities.keys() & db.f.entities.keys(),
                          key=lambda n: -(da.evec.get(n, 0) * db.evec.get(n, 0)))
    vetoes = []
    gap_h = abs(da.ts - db.ts) / HOUR if da.ts is not None and db.ts is not None else None
    if gap_h is not None and gap_h > p.window_hours:
        vetoes.append(f"published {gap_h:.0f} h apart (window {p.window_hours:.0f} h)")
    if p.name_veto and da.f.lead_entities and db.f.lead_entities and not (
            da.f.lead_entities & db.f.entities.keys()) and not (db.f.lead_entities & da.f.entities.keys()):
        vetoes.append("no names in common: " + ", ".join(sorted(da.f.lead_entities)[:5]) + " vs "
                      + ", ".join(sorted(db.f.lead_entities)[:5]))
    if p.year_veto and da.f.years and db.f.years and not (da.f.years & db.f.years):
        vetoes.append(f"datelines in different years: {sorted(da.f.years)} vs {sorted(db.f.years)}")
    sa, sb = engine.story_of(da.key), engine.story_of(db.key)
    same = sa is not None and sa == sb
    if vetoes:
        verdict = "kept apart: " + "; ".join(vetoes)
    elif score >= p.join:
        verdict = f"alike: combined similarity {score:.2f} ≥ join threshold {p.join:.2f}"
    else:
        verdict = f"not alike enough: combined similarity {score:.2f} < join threshold {p.join:.2f}"
    return {
        "a": da.key, "b": db.key, "same_story": same, "story_a": sa, "story_b": sb,
        "text_cosine": round(text, 4), "name_cosine": None if ent is None else round(ent, 4),
        "combined": round(score, 4), "join_threshold": p.join,
        "shared_names": shared_names, "shared_terms": shared_terms,
        "years": [sorted(da.f.years), sorted(db.f.years)], "hours_apart": None if gap_h is None else round(gap_h, 2),
        "vetoes": vetoes, "verdict": verdict, "params": asdict(p),
    }
