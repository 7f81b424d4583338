"""Article text → the features story grouping compares: stemmed terms, entity proxies, years.

Named entities come from a cheap proxy (runs of capitalized words) rather than spaCy: the
hot path must stay in the low milliseconds per article, and spaCy's small model costs
tens of milliseconds on a 300-word article. The proxy is enough to tell "Tara Reid" from
"Lindsay Lohan" or "Sudan" from "Gaza", which is what keeps similar events apart.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timezone
from dataclasses import dataclass, field

import Stemmer

# Long articles are cut here: the lead carries the event, and an enormous input must
# not stall the stream.
MAX_CHARS = 20_000

_STEM = Stemmer.Stemmer("english")
_stem_cache: dict[str, str] = {}

# Function words and newsroom boilerplate: they say nothing about which event a text reports.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same
shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under until up very
was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's
whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
said says say told tell according just like will may might must shall one two three new also since yet
year years day days week weeks month months time times today yesterday tomorrow now
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr am pm gmt est edt bst utc et pt reuters ap afp associated press news report reported
photo image video copyright rights reserved read more click here follow share comments comment updated
""".split())

# Capitalized words that are not names: sentence furniture, titles, calendar words.
_NOT_NAMES = STOPWORDS | frozenset("""
breaking update live exclusive watch analysis opinion editorial police officials official authorities
president minister government state city county university court company group people man woman men women
north south east west northern southern eastern western new last next first this that
mon tue wed thu fri sat sun
""".split())

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W\d_]))*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*\d(?![\w])")  # 23, 2.6, 1,000 (two digits or more)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_M = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A full date in the first lines is, in most news text, the article's dateline.
_DATELINE = re.compile(
    rf"\b(?:{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_M},?\s+((?:19|20)\d\d)"
    rf"|((?:19|20)\d\d)-(\d\d)-(\d\d))\b", re.I)
_SENT_END = re.compile(r"[.!?:;\"“”]\s*$")
# Scripts written without spaces: a run of these is split into character bigrams.
_NOSPACE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def stem(word: str) -> str:
    s = _stem_cache.get(word)
    if s is None:
        if len(_stem_cache) > 200_000:  # bounded: a long-running server sees endless rare words
            _stem_cache.clear()
        s = _stem_cache[word] = _STEM.stemWord(word)
    return s


_word_cache: dict[str, tuple] = {}


def _word_terms(w: str) -> tuple:
    """The terms one word (as written) contributes: looked up once per distinct spelling, since
    the same words recur in every article (a per-word lower/stopword/stem pass was the largest
    cost of ``terms``)."""
    r = _word_cache.get(w)
    if r is None:
        low = w.lower().replace("’", "'")
        if low in STOPWORDS:
            r = ()
        else:
            r = tuple(stem(p) for p in _pieces(low) if len(p) > 1 or _NOSPACE.search(p))
        if len(_word_cache) > 200_000:  # bounded like the stem cache
            _word_cache.clear()
        _word_cache[w] = r
    return r


def _pieces(token: str) -> list[str]:
    if _NOSPACE.search(token):
        return [token[i:i + 2] for i in range(max(1, len(token) - 1))]
    return [token]


def terms(text: str) -> list[str]:
    """Lowercased, stemmed content words (stopwords and one-letter words dropped)."""
    out = []
    for w in _WORD.findall(text):
        out.extend(_word_terms(w))
    # Numbers are specific to one event ("23 pirates" vs "26 pirates", a death toll, a sum).
    out.extend("#" + m.group().replace(",", "") for m in _NUMBER.finditer(text))
    return out


def term_counts(text: str) -> Counter:
    """``Counter(terms(text))``, the same counts in the same order (first occurrence), counting
    each distinct spelling once and then its terms."""
    out: dict[str, int] = {}
    get = out.get
    for w, c in Counter(_WORD.findall(text)).items():
        for t in _word_terms(w):
            out[t] = get(t, 0) + c
    for m in _NUMBER.finditer(text):
        t = "#" + m.group().replace(",", "")
        out[t] = get(t, 0) + 1
    return Counter(out)


def _mostly_capitalized(line: str) -> bool:
    """Headline Case ("Suspect Faces Charges of Murder") makes every word look like a name."""
    words = [w for w in _WORD.findall(line) if w.lower() not in STOPWORDS]
    if len(words) < 3:
        return False
    lower = sum(not w[0].isupper() for w in words)
    return lower <= len(words) // 8


def entity_mentions(text: str) -> list[str]:
    """Lowercased words inside runs of capitalized words: a cheap stand-in for person, place and
    organisation names. A sentence's first word counts only when the text also capitalizes it
    mid-sentence or it starts a run ("Tara Reid checked in"); Headline-Case lines are skipped
    (their capitals say nothing)."""
    found: list[tuple[str, bool, bool]] = []  # (word, sentence-initial, next word capitalized)
    for line in text.splitlines():
        if _mostly_capitalized(line):
            continue
        prev_end = 0
        sentence_start = True
        for m in _WORD.finditer(line):
            w = m.group()
            if prev_end and _SENT_END.search(line[prev_end:m.start()]):
                sentence_start = True
            if found and found[-1][2] is None:
                found[-1] = (found[-1][0], found[-1][1], w[0].isupper() and line[prev_end:m.start()].strip() == "")
            prev_end = m.end()
            first, sentence_start = sentence_start, False
            if not w[0].isupper() or len(w) < 2 or (w.isupper() and len(w) > 5):  # SHOUTED words: emphasis
                continue
            low = w.lower().replace("’", "'")
            if low.endswith("'s"):
                low = low[:-2]
            if low in _NOT_NAMES:
                continue
            found.append((low, first, None))
    mid = {w for w, first, _ in found if not first}
    return [w for w, first, run in found if not first or run or w in mid]


def dateline(lead: str) -> float | None:
    """Epoch (noon UTC) of the first full date in ``lead``: the publication date when none is given."""
    for m in _DATELINE.finditer(lead):
        g = m.groups()
        try:
            if g[0]:
                d = datetime(int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1]), 12, tzinfo=timezone.utc)
            elif g[3]:
                d = datetime(int(g[5]), _MONTHS[g[4][:3].lower()], int(g[3]), 12, tzinfo=timezone.utc)
            else:
                d = datetime(int(g[6]), int(g[7]), int(g[8]), 12, tzinfo=timezone.utc)
        except (ValueError, KeyError):
            continue
        return d.timestamp()
    return None


@dataclass
class Features:
    """What the engine keeps of one article."""

    terms: Counter = field(default_factory=Counter)      # stemmed content words, title counted twice
    entities: Counter = field(default_factory=Counter)   # entity-proxy words
    lead_entities: frozenset = frozenset()               # names in the headline (or first line)
    years: frozenset = frozenset()                       # the dateline's year, if the lead has one
    title_terms: frozenset = frozenset()
    dated: float | None = None                           # dateline found in the lead (epoch)
    note: str | None = None                              # why this article has little to compare

    @property
    def empty(self) -> bool:
        return not self.terms and not self.entities


def features(title: str | None, text: str | None) -> Features:
    title = " ".join((title or "").split())
    text = text or ""
    note = None
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        note = f"text cut to its first {MAX_CHARS:,} characters"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not title and lines:
        # No headline given: the first line is the best stand-in (it is in most feeds and dumps).
        title = lines[0]
    body = "\n".join(lines)
    tt = terms(title)
    counts = term_counts(body)
    counts.update(tt)  # the headline counts once more
    lead = "\n".join([title] + lines[:3])
    ents = Counter(entity_mentions(body))
    if _mostly_capitalized(title):
        # Headline Case: a title word is a name when the body capitalizes it too.
        lead_ents = frozenset(w for w in (x.lower() for x in _WORD.findall(title)) if w in ents)
    else:
        lead_ents = frozenset(entity_mentions(title))
    ents.update(e for e in lead_ents if e not in ents)
    dated = dateline(lead)
    years = frozenset({datetime.fromtimestamp(dated, timezone.utc).year}) if dated else frozenset()
    if not counts:
        note = "no words to compare (empty or not text)"
    elif sum(counts.values()) < 3:
        note = "too few words to compare reliably"
    return Features(counts, ents, lead_ents, years, frozenset(tt), dated, note)


def to_json(f: Features) -> dict:
    """Compact form kept in the store so the open window can be rebuilt after a restart."""
    return {"t": dict(f.terms), "e": dict(f.entities), "l": sorted(f.lead_entities), "y": sorted(f.years),
            "h": sorted(f.title_terms), "d": f.dated}


def from_json(j: dict) -> Features:
    return Features(Counter(j.get("t", {})), Counter(j.get("e", {})), frozenset(j.get("l", ())),
                    frozenset(j.get("y", ())), frozenset(j.get("h", ())), j.get("d"))
