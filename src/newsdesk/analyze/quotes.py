"""Who said what: direct and reported quotes with speaker, role, verb, medium and relay source.

Quote marks are found by a small scanner written here, because the peers that exist
(textacy's ``direct_quotations``) pair marks per paragraph and break on stray
apostrophes, multi-paragraph quotes and « » „ “ marks. Attribution reads spaCy's
parse (``analyze.entities``): the speech verb nearest the quote outside its marks,
that verb's subject, resolved to the fullest name in the article (surname, pronoun
or a description such as "the Ukrainian president" matching a stated role).

Offsets are character offsets into ``"\\n\\n".join(paragraphs)``, which is exactly
``Article.text`` as stored. See docs/quotes.md for the rules and the measured quality.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import pairwise

from .entities import _HONORIFICS, _ORG_WORDS, _PERSON_TITLES, _ROLE_WORDS, _SHARING_SITES, QUOTE_RUN_IN, ArticleEntities, _acronym_letters, clean_name, fold, is_first_name, noun_gender, numbered_end, strip_titles

MAX_CHARS = 100_000  # analysed per article; the rest is reported, not silently dropped
MAX_PARAGRAPHS = 2_000

SPEECH_VERBS = {
    "say", "tell", "add", "write", "state", "explain", "note", "ask", "reply", "respond", "argue", "claim",
    "insist", "warn", "declare", "announce", "tweet", "post", "comment", "continue", "recall", "acknowledge",
    "admit", "conclude", "observe", "remark", "suggest", "urge", "vow", "promise", "stress", "emphasise",
    "emphasize", "predict", "assert", "maintain", "confirm", "deny", "allege", "describe", "call", "quip",
    "joke", "complain", "boast", "concede", "caution", "reiterate", "affirm", "contend", "counter", "testify",
    "plead", "exclaim", "shout", "scream", "whisper", "sing", "chant", "proclaim", "pledge", "report",
    "tell", "agree", "believe", "think", "recount", "lament", "welcome", "praise", "criticise", "criticize",
    "reveal", "disclose", "hint", "indicate", "mention", "point", "elaborate", "wonder", "speak", "talk",
    "order", "yell", "cry", "answer", "inform", "assure", "question", "read",
    # the verbs of dialogue ('“...,” crowed Nvidia CEO Jen-Hsun Huang', '“...,” he retorted')
    # (not "laughed" or "sighed": 'Audience members laughed when he urged voters, “...”' is his)
    "crow", "gush", "rave", "muse", "marvel", "scoff", "snap", "sneer", "retort", "interject", "rail", "fume",
    "mumble", "mutter", "murmur", "groan", "grumble", "moan", "stammer", "reflect", "reckon", "speculate",
    "confide", "confess", "rejoin", "beg", "tease", "theorize", "theorise", "swear", "concur", "opine", "rant",
    "roar", "thunder", "bellow", "notify",
} | {
    # stance verbs: with a subject, the quote they take or introduce is that subject's words
    # ("Sadiq Khan thanked “the police ...”", "Trump defended his decision, “...”")
    "defend", "thank", "slam", "attack", "blast", "condemn", "dismiss", "hail", "applaud", "mock", "accuse",
    "challenge", "appeal", "apologize", "apologise", "react", "criticise", "criticize", "reject", "tout",
    "characterize", "characterise", "specify", "label", "brand", "dub",
}
STANCE_VERBS = {
    "defend", "thank", "slam", "attack", "blast", "condemn", "dismiss", "hail", "applaud", "mock", "accuse",
    "challenge", "appeal", "apologize", "apologise", "react", "criticise", "criticize", "reject", "tout", "praise",
    "welcome", "urge", "warn", "respond", "question", "characterize", "characterise", "specify", "label",
    "brand", "dub",
}
# Verbs that introduce reported speech ("X said that ..."): a narrower set, since
# "believe" or "call" with a clause is not a statement being reported.
# ("deny" is not here: "LaRue denied he was Deep Throat" reports the opposite of what he said)
REPORTED_VERBS = {
    "say", "tell", "add", "write", "state", "explain", "note", "argue", "claim", "insist", "warn", "declare",
    "announce", "tweet", "post", "acknowledge", "admit", "conclude", "suggest", "stress", "emphasise",
    "emphasize", "predict", "assert", "maintain", "confirm", "allege", "reiterate", "contend",
    "testify", "reveal", "disclose", "indicate", "promise", "vow", "pledge", "concede", "caution", "complain",
    "joke", "quip", "remark", "reaffirm", "underline", "hint", "mention", "observe", "point", "recall", "reply",
    "respond", "answer", "recount", "assure", "inform", "notify", "remind", "charge",
    "conjecture", "advise", "recognize", "recognise", "comment", "retort", "confide", "confess", "speculate", "reckon", "muse", "swear", "theorize", "theorise", "crow", "boast",
    # read off the gold set (bench/quotes_gold, round 30): with a clause, these were statements in
    # 20 of 28 frames ("HP estimates that ...", "Microsoft recommends that users ...", "the court ruled that ...")
    "estimate", "recommend", "rule",
}
WRITE_VERBS = {"write", "post", "tweet"}
MEDIUM_NOUNS = re.compile(
    r"\b(?:post|posts|tweet|tweets|statement|statements|letter|interview|video|speech|address|conference|briefing"
    r"|message|op-ed|column|email|e-mail|blog|podcast|broadcast|show|programme|program|press|release|remarks"
    r"|note|memo|filing|testimony|hearing|telegram|x|twitter|facebook|instagram|telegram|tiktok|youtube|threads"
    r"|truth social|linkedin|bluesky|weibo|radio|television|tv|debate|rally|appearance|call|session|report)\b", re.I)
_OUTLET_WORDS = re.compile(
    r"\b(?:news|press|anadolu agency|times|post|journal|herald|tribune|gazette|telegraph|guardian|radio|tv|television"
    r"|broadcast\w*|magazine|daily|media|network|channel|wire|reuters|bloomberg|cnn|bbc|nbc|cbs|abc|fox|npr|pbs"
    r"|afp|tass|xinhua|interfax|politico|axios|wikinews|ria|rt|al jazeera|sky|itv|dw|france 24|le monde|spiegel"
    r"|people|variety|deadline|tmz|e! online|us weekly|voa|cna|ap|upi|efe|ansa|kyodo|yonhap|cbc|ctv|rferl"
    r"|huffpost|buzzfeed|mail|today|examiner|chronicle|inquirer|courier|dispatch|bulletin|mirror|globe|argus"
    r"|(?-i:[A-Z]\w+ Weekly|[A-Z]\w*observer|Observer|[A-Z]{1,4}TV|[A-Z]{2,5} ?- ?TV|[KW][A-Z]{2,3} ?- ?(?:TV|FM|AM|DT)"
    r"|THR|NYDN|NYT|WSJ|WaPo|SCMP|FT|HuffPo|(?:NY|PIX|CW|WB|KTLA|WGN)\d{1,2}|[A-Z]\w+ (?:Sun|Star|Standard|Express|Register|Sentinel|Ledger|Bee"
    r"|Independent|Advertiser|Enquirer))|rolling stone|forbes|hollywood reporter)\b", re.I)
RECIRCULATION = re.compile(
    r"^\s*(?:you (?:may|might) (?:also )?like|you might be interested in|related(?: (?:articles?|stories|news|coverage|"
    r"content|posts|reading))?|read (?:more|next|also)|more (?:from|on|stories|news|like this)|recommended(?: for you)?"
    r"|trending(?: now)?|most (?:read|popular|viewed)|also (?:read|on)|see also|further reading|popular (?:now|stories)"
    r"|don'?t miss|editor'?s picks|top stories|latest (?:news|stories)|around the web|sponsored(?: content)?)\s*:?\s*$",
    re.I)
# The same headings when a text dump's lines were folded into one paragraph.
RECIRCULATION_LEAD = re.compile(
    r"^\s*(?:share(?: and follow| this)?\s+)?(?:you (?:may|might) (?:also )?like|related (?:articles|stories|coverage)"
    r"|read more|more from|recommended for you|most (?:read|popular|viewed)|trending now|more stories|top stories)\b"
    r"(?=\s+\S)", re.I)
_PRONOUNS = {"he", "she", "they", "him", "her", "i", "we", "it"}
_QUANTIFIERS = {"some", "one", "many", "several", "most", "all", "both", "two", "three", "few", "none", "each",
                "dozens", "hundreds", "thousands", "majority", "number", "a", "another", "others", "series",
                "group", "couple", "pair", "handful", "lot", "host", "crowd"}
_DOCUMENT_NOUNS = {"statement", "release", "letter", "message", "email", "post", "tweet", "note", "memo", "decree", "resolution",
                   "communique", "notice", "announcement", "warning", "advisory", "bulletin"}
_PREP_LIKE = {"of", "for", "to", "with", "by", "from", "at", "in", "on", "and", "or", "the", "a", "an"}
# Things that speak for their owner: "Obama's announcement", "the man's voice", "WHO's website"
# say what Obama, the man and the WHO say.
_OWNED_VOICES = _DOCUMENT_NOUNS | {"voice", "website", "site", "account", "page", "blog", "feed", "decree", "video",
                                   "speech", "remarks", "words", "proclamation", "declaration", "response", "reply",
                                   "comment", "testimony", "filing", "handle", "channel", "recording", "tape"}
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_EDITORIALS = {"editorial", "column", "op-ed"}
_RULINGS = {"opinion", "decision", "ruling", "judgment", "judgement", "verdict", "order"}
# Abbreviated titles and the words an article uses for the same person later ("Gov. Eric Holcomb"
# is "the governor", "the Rev. Larry Kroon" "the pastor", "Msgr. Farmer" "the monsignor").
_TITLE_WORDS = {"gov": "governor", "sen": "senator", "rep": "representative congressman congresswoman",
                "supt": "superintendent", "msgr": "monsignor priest", "const": "constable officer",
                "det": "detective", "sgt": "sergeant officer", "lt": "lieutenant", "capt": "captain",
                "col": "colonel", "gen": "general", "rev": "reverend pastor minister priest",
                "fr": "father priest", "dr": "doctor", "prof": "professor", "atty": "attorney",
                "insp": "inspector", "cmdr": "commander", "maj": "major", "cpl": "corporal",
                "pres": "president", "sr": "sister", "pastor": "pastor minister", "bishop": "bishop"}


# Verbs whose one-word quote is a statement ('“Amazing,” Davis said', 'He responded, "Yes, "')
_ONE_WORD_VERBS = {"say", "add", "tell", "respond", "reply", "answer"}

# Ranks the article writes as titles ("Sgt.", "Lt."): "a police sergeant" is the one sergeant named
_RANKS = {"sergeant", "lieutenant", "captain", "detective", "inspector", "superintendent", "corporal", "colonel",
          "commander", "constable"}


@dataclass
class Quote:
    """One statement in an article and who made it."""

    text: str  # the words quoted (re-opening marks of multi-paragraph quotes removed)
    start: int  # character offsets of the quoted words in Article.text
    end: int
    kind: str  # direct | partial | reported
    speaker: str | None = None  # fullest name in the article, or the description it gives
    speaker_kind: str | None = None  # person | org | other
    role: str | None = None  # as the article states it
    verb: str | None = None  # verb with medium: "told reporters", "wrote in a post on X"
    via: str | None = None  # relay source: "Reuters" from "according to Reuters"
    mention: str | None = None  # the words naming the speaker at the quote ("he", "Zakharova")
    context: str = ""  # the sentence around the quote (for search and display)
    flags: list[str] = field(default_factory=list)  # e.g. "unclosed"

    def to_dict(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "role": self.role, "verb": self.verb, "via": self.via,
                "start": self.start, "end": self.end, "kind": self.kind, "speaker_kind": self.speaker_kind,
                "mention": self.mention, "context": self.context, "flags": self.flags}


@dataclass
class Analysis:
    """Quotes and entities of one article, with any reason the analysis was partial."""

    quotes: list[Quote]
    entities: list  # analyze.entities.Entity
    notes: list[str] = field(default_factory=list)
    analysed_chars: int = 0


# -- 1. quote marks ------------------------------------------------------------------------

# opening mark -> closing marks it accepts (sloppy typography mixes curly and straight)
_PAIRS = {"“": "”\"“", '"': "\"”“", "«": "»", "„": "“”\"", "»": "«", "‹": "›", "「": "」", "『": "』",
          "‘": "’'", "'": "'’"}
_DOUBLE_OPEN = set("“\"«„»‹「『")


@dataclass
class Span:
    start: int  # first character inside the marks
    end: int  # the closing mark's offset (exclusive end of the content)
    open_mark: str
    unclosed: bool = False
    reopen: list[int] = field(default_factory=list)  # offsets of paragraph re-opening marks inside


def _is_word(c: str) -> bool:
    return c.isalnum()


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    c = text[i]
    if c in "«»‹›„" and nxt in "\u00a0\u202f ":
        return c != "»" or not _is_word(prev)  # French spacing: « Bonjour »
    if nxt.isspace() or nxt == "":
        # Tokenised text puts spaces inside the marks ("“ I am so excited , ”"): a curly
        # opening mark after a space still opens when a closing mark follows in the line.
        # So does a straight mark that opens a paragraph ('" Peter Capaldi is in the Tardis. "').
        return (c == "“" and (prev.isspace() or i == 0) and _closes_later(text, i, "”")) or (
            # (or a few lines on, in one-sentence-a-line text: "“ I ’ m feeling mad inside." / "I ’ m
            # angry." / "That ’ s why I ’ m out here. ”")
            c == "“" and (prev == "\n" or i == 0) and _closes_lines_later(text, i)) or (
            c == '"' and (prev == "\n" or i == 0) and _closes_later(text, i, '"')) or (
            c == "‘" and (prev.isspace() or i == 0) and _TOKENISED_CLOSE.search(text, i + 1, _line_end(text, i)))
    if c in "'‘":
        return not _is_word(prev) and (_is_word(nxt) or nxt in "….")
    if c == '"':
        return not _is_word(prev) or prev.isspace()
    if c == "»":  # opens only in the Danish/German »…« style
        return not _is_word(prev) and _is_word(nxt)
    return True


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == '"' and _is_word(prev) and _MISENCODED_APOSTROPHE.match(text, i + 1):
        return False  # 'I don"t see ...': an apostrophe a bad encoding turned into a double mark
    if text[i] in "'’":
        if prev == " " and text[i] == "'" and not _is_word(nxt) and i >= 2 and not text[i - 2].isspace():
            # tokenised text closes with a space before the mark ("their 'patience and assistance ' during");
            # not a tokenised plural possessive ("the workers ' union": an s, then a word in lower case)
            after = text[i + 1:i + 3].strip()
            return not (text[i - 2] in "sS" and after[:1].islower())  # (and "EDS ' operations")
        return not prev.isspace() and not _is_word(nxt)
    if prev.isspace() and text[i] in "”\"" and (nxt.isspace() or nxt in ",.;:!?)" or i + 1 >= len(text)):
        # tokenised text: "things are tense , ” said ..." (a mark between spaces after punctuation)
        j = i - 1
        while j > 0 and text[j].isspace():
            j -= 1
        # ('... said, 'Let's talk.' "': a nested quote's closing mark before the outer one)
        return text[i] == "”" or text[j] in ",.!?;:…-—–'’"
    if prev.isspace() and text[i] == '"' and _is_word(nxt) and text[i - 2:i - 1] in (",", ".", "!", "?") and \
            not _closes_later(text, i, "\"”"):
        return True  # tokenised text: 'an anchor again, "Jonathan Wright ... said' (no mark follows in the line)
    return not prev.isspace() or text[i] in "»›」』"


_MISENCODED_APOSTROPHE = re.compile(r"(?:t|s|ll|re|ve|d|m)\b")

# a tokenised closing ’ ("‘ Tonight was a peaceful vigil , ’ he wrote"), not a tokenised apostrophe ("don ’ t")
_TOKENISED_CLOSE = re.compile(r"\s’(?!\s?(?:m|t|s|ll|re|ve|d)\b)")


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end == -1 else end


def _closes_later(text: str, i: int, marks: str) -> bool:
    return any(c in marks for c in text[i + 1:_line_end(text, i)])


def _closes_lines_later(text: str, i: int, lines: int = 8) -> bool:
    """The next mark after an opening one at a line's start closes it, within a few short lines;
    marks that re-open the quote at the start of a later line are passed over (the convention for
    a quote over several paragraphs: '“ That really stuck with me.' / '“ Harrison told me ... ”')."""
    m = _ANY_DOUBLE.search(text, i + 1, i + 1500)
    while m is not None and m.group() == "“" and text[m.start() - 1] == "\n":
        m = _ANY_DOUBLE.search(text, m.end(), i + 1500)
    return m is not None and m.group() == "”" and text.count("\n", i, m.start()) <= 2 * lines


_ANY_DOUBLE = re.compile(r"[“”\"]")
_CLOSING_LOOK = re.compile(r"[^\s\"“”]\s?[\"”](?=\s|$|[,.;:!?])")


def _continues_into(text: str, para: tuple[int, int], open_mark: str, after: list | None = None,
                    through: bool = False) -> bool:
    """A quote left open whose next paragraph has no opening mark but closes one first: a
    quote that a sentence-per-line text (ECB+, some dumps) split over lines without re-opening.
    Short lines with no mark at all in between are inside it too ("“For a while I couldn't tell
    my daughter." / "Being asked ... is an amazing privilege." / "I can't wait to get started. ”"),
    up to eight of them, and so are they before a line that re-opens the quote (the newspaper
    convention, one sentence a line: "“We hoped it would be safe." / "We were 20 in one room." /
    "“Suddenly we heard a bomb ..."); ``after`` holds the paragraphs after ``para``."""
    ps, pe = para
    if ps >= pe or open_mark not in "“\"":
        return False
    body = text[ps:pe]
    first = next((k for k, c in enumerate(body) if c in "\"“”"), None)
    if first is None:
        if after is None or len(body) > 300 or "\n" in body:
            return False
        return bool(after) and _continues_into(text, after[0], open_mark, after[1:8] if len(after) > 1 else [],
                                               through=True)
    if first == 0 and through and body[0] in "“\"" and _can_open(text, ps):
        return True
    if body[first] == "“":
        return False
    closes = _CLOSING_LOOK.match(body, max(0, first - 2)) or first >= 1 and _CLOSING_LOOK.match(body, first - 1)
    return bool(closes) and (first == 0 or body[first - 1] != " " or body[max(0, first - 2)] in ",.!?;:…")


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Span]:
    """Top-level quoted spans, paragraph by paragraph, joining quotes that run over paragraphs.

    A quote left open at a paragraph's end continues when the next paragraph opens with a
    mark (the English convention for long quotes); otherwise it ends with the paragraph and
    is flagged ``unclosed``.
    """
    spans: list[Span] = []
    carry: Span | None = None
    for pi, (ps, pe) in enumerate(paragraphs):
        i = ps
        cur = None
        if carry is not None:
            if carry.reopen and carry.reopen[-1] == -1:
                carry.reopen.pop()
                cur = carry
            elif ps < pe and text[ps] in _DOUBLE_OPEN and _can_open(text, ps):
                cur = carry
                cur.reopen.append(ps)
                i = ps + 1
            else:
                carry.unclosed = True
                _finish(spans, carry, carry_end(text, paragraphs[pi - 1]))
            carry = None
        while i < pe:
            c = text[i]
            if cur is None:
                if c == "'" and text[i + 1:i + 2] == "'" and not _is_word(text[i - 1] if i > 0 else " ") and \
                        _is_word(text[i + 2:i + 3] or " ") and _closes_later(text, i + 1, "\"”'"):
                    cur = Span(i + 2, -1, '"')  # "''Would we have done it without him?" Arians asked.": wire
                    i += 1  # copy that writes an opening double mark as two apostrophes
                elif c in _PAIRS and _can_open(text, i):
                    cur = Span(i + 1, -1, c)
            elif cur.open_mark in "“\"" and c in "’'" and text[i + 1:i + 2] == c and i > cur.start and \
                    not text[i - 1].isspace() and not _is_word(text[i + 2:i + 3] or " "):
                cur.end = i  # '“It was an attempt to mislead voters,’’ Moy said': two apostrophes close it
                _finish(spans, cur, i)
                cur = None
                i += 1
            elif cur.open_mark == "‘" and c == "’" and text[i - 1] == " " and _TOKENISED_CLOSE.match(text, i - 1):
                cur.end = i  # tokenised text: "‘ The youth in this community have no outlets . ’"
                _finish(spans, cur, i)
                cur = None
            elif c in _PAIRS[cur.open_mark] and _can_close(text, i):
                if c == "“" and cur.open_mark in "“\"" and _can_open(text, i) and not _can_close_curly(text, i):
                    pass  # a new opening mark: the previous quote was never closed
                else:
                    cur.end = i
                    _finish(spans, cur, i)
                    cur = None
            i += 1
        if cur is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if cur.open_mark in _DOUBLE_OPEN and nxt is not None and nxt[0] < nxt[1] and text[nxt[0]] in _DOUBLE_OPEN:
                carry = cur
            elif nxt is not None and _continues_into(text, nxt, cur.open_mark, paragraphs[pi + 2:pi + 9]):
                carry = cur
                cur.reopen.append(-1)  # continues without a re-opening mark
            else:
                cur.unclosed = True
                _finish(spans, cur, carry_end(text, (ps, pe), cur.start))
    if carry is not None:
        carry.unclosed = True
        _finish(spans, carry, carry_end(text, paragraphs[-1]))
    return spans


def _can_close_curly(text: str, i: int) -> bool:
    """A “ used as a closing mark (German „…“, or sloppy typing) is followed by space or punctuation."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return nxt.isspace() or nxt in ",.;:!?)"


def carry_end(text: str, para: tuple[int, int], start: int | None = None) -> int:
    """Where an unclosed quote ends: its line (text dumps keep single newlines) or its paragraph."""
    if start is not None:  # (a quote begun paragraphs before ends on this paragraph's line)
        nl = text.find("\n", max(start, para[0]), para[1])
        if nl != -1:
            return nl
    return para[1]


def _finish(spans: list[Span], span: Span, end: int) -> None:
    span.end = end
    if span.open_mark in "'‘" and span.unclosed:
        return  # an apostrophe, not a quote
    if span.end - span.start >= 1:
        spans.append(span)


# -- 2. paragraphs and the body ----------------------------------------------------------


def body_paragraphs(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """The paragraphs before a recirculation block ("You May Also Like", "Related", ...).

    Extraction normally removes those blocks; this is the second guard, since their
    teasers carry quotes of other articles. A heading on a line of its own inside a
    paragraph (a text dump with single newlines) cuts the paragraph there.
    """
    for i, p in enumerate(paragraphs):
        lines = p.split("\n")
        for k, line in enumerate(lines[:4]):
            if (i > 0 or k > 0) and RECIRCULATION.match(line):
                head = "\n".join(lines[:k]).rstrip()
                kept = paragraphs[:i] + ([head] if head else [])
                return kept, f"stopped at {line.strip()!r} (paragraph {i + 1})"
        if i > 0 and RECIRCULATION_LEAD.match(p):
            return paragraphs[:i], f"stopped at {RECIRCULATION_LEAD.match(p).group(0).strip()!r} (paragraph {i + 1})"
    return paragraphs, None


# -- 3. attribution -------------------------------------------------------------------------


class _Article:
    """Parse, entities and helper lookups for one article."""

    def __init__(self, text: str, doc, para_bounds: list[tuple[int, int]], spans: list[Span]):
        self.text = text
        self.doc = doc
        self.ents = ArticleEntities(doc)
        self.paras = para_bounds
        self.spans = spans
        self.title = ""  # the headline, when the caller has one
        self.inside = [False] * len(doc)  # token is inside quote marks
        for s in spans:
            for t in _tokens_in(doc, s.start, s.end):
                self.inside[t.i] = True
        self.speakers: list[tuple[int, str, str | None, str | None]] = []  # (char, name, kind, role) in order
        self.subjects: list[tuple[int, str, str]] = []  # (char, name, kind) of sentence subjects naming people/orgs
        self.described: list[tuple[int, str, str]] = []  # the same for one person named by a description
        for tok in doc:
            if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and not self.inside[tok.i] and \
                    tok.head.head.dep_ == "ROOT" and any(c.dep_ == "nsubjpass" and c.ent_type_ != "PERSON" and c.pos_ != "PRON"
                                                         for c in tok.head.head.children):
                # (a main clause's passive whose subject is no one, not "cuts proposed by President Donald Trump"
                # nor "Harry Dunn was struck by a Volvo XC90")
                # "The event was also addressed by Senator George Mitchell, ... He used his speech": the one
                # who did it, though the passive makes him no subject
                r = self.name_of(tok, resolve_pronouns=False)
                if r and r[1] == "person":
                    self.subjects.append((tok.idx, r[0], r[1]))
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") and not self.inside[tok.i]:
                r = self.name_of(tok, resolve_pronouns=False)
                if r and (r[1] in ("person", "org") or (  # "The stores were reluctant ... they said"
                        r[1] == "other" and _is_plural(r[0], "other") and _humanish_name(r[0]))):
                    self.subjects.append((tok.idx, r[0], r[1]))
                    joint = self._joint_subject(tok, r)
                    if joint:  # "Eric Holcomb and leaders of the Legislature have avoided ... they said"
                        self.subjects.append((tok.idx, joint, "other"))
                elif r and r[1] == "other" and tok.pos_ == "NOUN" and tok.tag_ == "NN" and (
                        tok.lemma_ in _HUMAN_WORDS | _RELATIONS or _ROLE_WORDS.search(tok.lower_)) and \
                        tok.lemma_ not in ("person", "man", "woman", "member", "people") and not re.search(
                        r"['’]s\b", r[0]) and not any(t.ent_type_ == "PERSON" for t in tok.subtree):
                    # "one Mac customer from the show floor was sceptical ... “...,” he said": a person
                    # known by a description is who a later "he" or "she" can point back to (not
                    # "Jonathan Wright - director of ...", named, nor "the driver's girlfriend")
                    self.described.append((tok.idx, re.sub(r"^\d+[\s-]year[\s-]old\s+", "", r[0]), "other"))

    def _joint_subject(self, tok, r) -> str | None:
        """'Kimberly-Clark ... and Solaris Paper', 'Eric Holcomb and leaders of the Legislature': a
        subject of several named together, as one plural speaker for a later 'they'."""
        if not any(x.lower_ == "and" for x in tok.children if x.dep_ == "cc"):
            return None
        names = [r[0]]
        for c in tok.children:
            if c.dep_ != "conj":
                continue
            o = self.name_of(c, resolve_pronouns=False)
            if o and o[1] in ("person", "org"):
                names.append(o[0])
            elif c.pos_ == "NOUN" and c.right_edge.i - c.left_edge.i < 8:
                words = self.text[c.left_edge.idx:c.right_edge.idx + len(c.right_edge.text)]
                names.append(re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I))
        return " and ".join(names) if len(names) > 1 else None

    @property
    def outlets(self) -> list[tuple[int, str]]:
        """(char, name) of every mention of an outlet: a name that reads as one ("NPR", "the
        Anchorage Daily News") or that the article calls one ("One news site, Znak.com")."""
        if getattr(self, "_outlets", None) is None:
            called = {fold(clean_name(m.group(1))) for m in _CALLED_OUTLET.finditer(self.text)}
            called |= {fold(clean_name(m.group(1))) for m in _OUTLET_CALLED.finditer(self.text)}
            found = {(m[0], e.name) for e in self.ents.all() if e.kind in ("org", "person")
                     and (fold(e.name) in called or (e.kind == "org" and _is_outlet(e.name)
                                                     and not _BODIES & set(fold(e.name).split())))
                     for m in e.mentions}
            for m in _REPORT_BY.finditer(self.text):  # "according to a new report by E! News" (untagged)
                name = clean_name(m.group(1).rstrip("."))
                if _is_outlet(name) and not _BODIES & set(fold(name).split()) and \
                        not any(c == m.start(1) for c, _ in found):
                    found.add((m.start(1), name))
            self._outlets = sorted(found)
        return self._outlets

    def outlet_before(self, char: int) -> str | None:
        """The outlet named last before ``char``, for "the website", "the newspaper"."""
        before = [n for c, n in self.outlets if c < char]
        return before[-1] if before else None

    def is_outlet(self, name: str) -> bool:
        f = fold(clean_name(name))
        return bool(f) and (_is_outlet(name) or any(fold(n) == f for _, n in self.outlets))

    @property
    def journalists(self) -> dict[str, str]:
        """Folded name -> outlet for the reporters the article names with their outlet ("NPR's
        Emily Feng", "Sui-Lee Wee of the New York Times", "As Emily Feng reports for NPR"), so
        that "according to Feng", "per Feng" and "reports Wee" are relays through that outlet."""
        if getattr(self, "_journalists", None) is None:
            out: dict[str, str] = {}
            for e in self.ents.persons():
                for s, t in e.mentions:
                    span = self.doc.char_span(s, t, alignment_mode="expand")
                    if span is None or not len(span):
                        continue
                    root = span.root
                    outlet = _outlet_phrase(self, root, journalists=False)
                    if outlet is None and root.dep_ == "nsubj" and root.head.lemma_ in ("report", "write"):
                        for c in root.head.children:
                            if c.dep_ == "prep" and c.lower_ == "for":
                                po = [x for x in c.children if x.dep_ == "pobj"]
                                outlet = _outlet_phrase(self, po[0], journalists=False) if po else None
                    if outlet and fold(outlet) != fold(e.name):
                        out[fold(e.name)] = outlet
            self._journalists = out
        return self._journalists

    def relay_name(self, tok, loose: bool = False) -> str | None:
        """The outlet a relay phrase's noun names, if it names one: an outlet, a reporter of one,
        a media description ("state media") or an outlet named before ("the website")."""
        before = [c for c in tok.children if c.i < tok.i]
        if tok.pos_ == "NOUN" and tok.lemma_ in _OUTLET_NOUNS and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in before) and any(
                c.ent_type_ == "NORP" for c in before) and all(
                c.dep_ == "det" or c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in before) and not (
                tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN"):
            return self.outlet_before(tok.idx)  # "told the British broadcaster": ITV, named before
        outlet = _outlet_phrase(self, tok, loose=loose)
        if outlet:
            return outlet
        phrase = _noun_phrase(self.doc, tok)
        bare = re.sub(r"^(?:the|this|a|an|its|their|his|her)\s+", "", phrase, flags=re.I)
        if _MEDIA_PHRASE.fullmatch(bare):
            if bare.lower() in _OUTLET_NOUNS:
                # "told the newspaper", "told this website" (the outlet's own article names itself before)
                return self.outlet_before(tok.idx) if phrase.lower().startswith(("the ", "this ")) else None
            return bare  # "state media"
        return None

    def para_of(self, char: int) -> int:
        for i, (s, e) in enumerate(self.paras):
            if s <= char <= e:
                return i
        return len(self.paras) - 1

    def name_of(self, tok, *, resolve_pronouns: bool = True) -> tuple[str, str, str | None, str] | None:
        """(name, kind, role, mention) for a subject token: an entity, a pronoun or a noun phrase;
        the mention the whole phrase the token heads when the words found are part of it."""
        r = self._name_of(tok, resolve_pronouns=resolve_pronouns)
        if r is None or not r[3] or tok.pos_ == "PRON" or tok.text not in r[3] or \
                tok.lemma_ in _DOCUMENT_NOUNS | _EDITORIALS:
            return r
        whole = _widened(self.doc, tok, r[1], r[3])
        if whole is not None:
            return (_named_as(r[0], r[1], r[3], whole), *r[1:3], whole)
        return r

    def _name_of(self, tok, *, resolve_pronouns: bool = True) -> tuple[str, str, str | None, str] | None:
        if tok.is_punct or _is_mark(tok) or not any(c.isalpha() for c in tok.text):
            return None
        named = self._named_in_apposition(tok) or self._person_in_phrase(tok)
        if named is not None:
            if tok.pos_ == "NOUN" and tok.lemma_ in _DOCUMENT_NOUNS and tok.dep_ in ("nsubj", "pobj"):
                return (*named[:3], _join(self.doc, tok.left_edge.i, tok.i + 1))  # "a tweet by Mike Pompeo"
            return named
        if tok.lower_ in _QUANTIFIERS:  # "Some of the protesters", "one of the officers"
            of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            pobj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
            if pobj and pobj[0].pos_ in ("NOUN", "PROPN"):
                r = self.name_of(pobj[0], resolve_pronouns=resolve_pronouns)
                p = pobj[0]
                if r and r[1] == "other" and tok.lower_ in ("one", "each") and p.tag_ == "NNS" and \
                        r[0].endswith(p.text) and p.lemma_ != p.lower_:
                    # "one of the children said": a child speaks, not the children
                    r = (r[0][:len(r[0]) - len(p.text)] + p.lemma_, *r[1:])
                return r
        ent = self.ents.entity_at(tok.i)
        if ent is not None and ent.kind == "org" and ent.name.islower():
            ent = None  # "China's commerce ministry" tagged "commerce ministry": a description, not a name
        if ent is not None and ent.kind in ("person", "org"):
            span = _ent_span(self.doc, tok)
            if span.endswith(("'s", "’s")) and tok.dep_ == "poss" and tok.head.pos_ == "NOUN":
                phrase = _noun_phrase(self.doc, tok.head)  # "Nadia Cruz’s office said"
                return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I), "other", None, phrase
            return ent.name, ent.kind, ent.role, span
        low = tok.lower_
        # "a statement which said": before other pronouns (the tagger calls "which" PRON)
        if tok.lower_ in ("which", "that") and tok.head.dep_ == "relcl" and tok.head.head.lemma_ in _DOCUMENT_NOUNS:
            issuer = self._issuer(tok.head.head) if resolve_pronouns else None  # "a statement which said"
            if issuer is not None:
                return issuer
        if tok.pos_ == "PRON" or low in _PRONOUNS:
            if resolve_pronouns and low == "it" and tok.dep_ == "nsubj":
                found = self.document_before(tok)
                if found is None and (tok.head.lemma_ in SPEECH_VERBS | REPORTED_VERBS or any(
                        c.lemma_ in SPEECH_VERBS and c.tag_ == "VBG" for c in tok.head.children)):
                    # "Mozilla released Firefox 3.0.5 ... and said it is ...": a company speaks as "it"
                    org = self._org_before(tok.idx)
                    found = (org[0], "org", None, tok.text) if org else None
                return found
            if not resolve_pronouns or low not in ("he", "she", "they"):
                return None
            return self.resolve_pronoun(tok)
        if tok.pos_ == "PROPN" and not tok.text[:1].islower():  # "foreign ministry" tagged PROPN is a noun
            words = [t for t in tok.subtree if t.i <= tok.i and (t.dep_ in ("compound", "flat") or t.i == tok.i)
                     and t.pos_ == "PROPN"]
            ids, k = {t.i for t in tok.subtree if t.pos_ == "PROPN"}, tok.i
            while k - 1 in ids or k > 1 and self.doc[k - 1].text in ("-", ".", "'", "’", "'s", "’s") and k - 2 in ids:
                k -= 1  # (the run of names that ends in the subject, not the headline run into it: "RB
                # Leipzig's rapid rise 'no fairytale' Andreas Bischof, whose blog ..., goes further")
            words = [t for t in words if t.i >= k]
            name = clean_name(_join(self.doc, words[0].i, tok.i + 1)) if words else tok.text
            if len(name.split()) > 1 and all(fold(w) in _SHARING_SITES for w in name.split()):
                return None  # "Send Facebook Twitter Google+ Whatsapp Tumblr": a sharing bar left in the text
            number = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if tok.lower_ == "no." and number is not None and number.like_num and number.head.i == tok.i:
                name = f"{clean_name(_join(self.doc, words[0].i, tok.i))} No. {number.text}".strip()  # "Juror No. 8"
                return name, "other", None, name
            person = self.ents.find_person(name)
            if person is not None:
                return person.name, "person", person.role, name
            name = self._of_name(tok, name)
            if fold(name) in _PERSON_TITLES:  # "The President insists ..."
                qualified = " " in name or any(c.dep_ in ("poss", "amod", "compound") for c in tok.children)
                person = self.person_by_description(name, None if qualified else tok.idx)
                if person is not None:
                    return person.name, "person", person.role, _noun_phrase(self.doc, tok)
            org = self.ents.find_org(name, expand=tok.ent_type_ == "ORG")
            if org is not None:
                return org.name, "org", None, name
            if " " not in name and name[:1].isupper():
                # "Schiff" where only "Represenative Adam Schiff" (untagged) gave the full name
                from .entities import is_first_name

                for m in re.finditer(r"\b([A-Z][a-z]+) " + re.escape(name) + r"\b", self.text):
                    if is_first_name(m.group(1)) and m.group(1).lower() not in _PERSON_TITLES:
                        full = f"{m.group(1)} {name}"
                        self.ents.add_person(full, m.start(), m.end())
                        return full, "person", None, name
            words = name.split()
            if len(words) == 2 and words[0].lower().rstrip(".") in _PERSON_TITLES:
                person = self.ents.find_person(words[1])  # "Professor Varoufakis" after "Yanis Varoufakis"
                if person is not None:
                    return person.name, "person", person.role, name
            if len(words) > 2 and fold(words[-1]) in _ORG_WORDS:
                return name, "org", None, name  # "the St Charles County Police Department": "St" is no title here
            bare = strip_titles(name)  # "Broadcaster Piers Morgan", "Cardinal Marc Ouellet"
            if bare != name:
                person = self.ents.find_person(bare)
                return (person.name if person else bare), "person", person.role if person else None, name
            if self.ents.is_vessel(name):  # "INS Mysore picked up the distress call": a ship, no one
                return self.ents.vessel_name(name), "org", None, name
            appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > tok.i), None)
            role = re.sub(r"^(?:an?|the)\s+", "", _noun_phrase(self.doc, appos), flags=re.I) if appos is not None else None
            # ("Fauzi, an official from the local disaster agency, told AFP": his role, for "the official" later)
            return name, "person" if name[:1].isupper() else "other", role, name
        if tok.pos_ == "NOUN" and tok.lemma_ in _FINDINGS:
            owner = self._document_owner(tok)  # "The NCAA report says": the NCAA, in the words of its report
            if owner is not None:
                return owner[0], owner[1], owner[2], _join(self.doc, tok.left_edge.i, tok.i + 1)
        if tok.pos_ == "NOUN" and tok.lemma_ in _DOCUMENT_NOUNS | _EDITORIALS:  # "a statement from Surrey police said"
            said_by = _join(self.doc, tok.left_edge.i, tok.i + 1)  # the words at the quote: "a statement"
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and (c.lower_ in ("from", "by") or c.lower_ == "in" and tok.lemma_ in _EDITORIALS):
                    # ("an editorial in the conservative daily Eleftheros Typos": the paper's own voice)
                    po = [x for x in c.children if x.dep_ == "pobj"]
                    if po:
                        r = self.name_of(po[0], resolve_pronouns=resolve_pronouns)
                        if r:
                            return r[0], r[1], r[2], said_by
                if c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_ in ("resolution", "decree", "statement", "order",
                                                                        "message"):
                    # "the resolution of the Central Election Commission said": the commission's
                    po = [x for x in c.children if x.dep_ == "pobj"]
                    r = self.name_of(po[0], resolve_pronouns=resolve_pronouns) if po else None
                    if r and (r[1] in ("person", "org") or r[1] == "other" and _is_plural(r[0], "other")
                              and _humanish_name(r[0]) and _humanish(self, po[0])):
                        return r[0], r[1], r[2], said_by  # (and "a statement of the event organisers")
                if c.dep_ == "acl":  # "a statement released by the ministry"
                    for x in c.children:
                        if x.dep_ == "agent":
                            po = [y for y in x.children if y.dep_ == "pobj"]
                            if po:
                                r = self.name_of(po[0], resolve_pronouns=resolve_pronouns)
                                if r:
                                    return r[0], r[1], r[2], said_by
            # the body behind it speaks; the words at the quote are still the document's ("the statement
            # said"), but not where the issuer is named at it ("his wife, Michele, released a statement saying")
            at = None if tok.dep_ == "dobj" and tok.head.lemma_ not in SPEECH_VERBS | {"read"} else said_by
            owner = self._document_owner(tok)
            if owner is not None:
                return owner[0], owner[1], owner[2], at or owner[3]
            if resolve_pronouns:
                issuer = self._issuer(tok)
                if issuer is not None:
                    return issuer[0], issuer[1], issuer[2], at or issuer[3]
        if tok.lower_ == "diplomat" and any(c.lower_ == "top" for c in tok.children):
            phrase = _noun_phrase(self.doc, tok)
            person = self._by_role(phrase)  # "Japan's top diplomat": the one foreign minister, not Japan's voice
            if person is not None:
                return person.name, "person", person.role, phrase
        if tok.pos_ == "NOUN":
            owned = self._owner_speaks(tok, resolve_pronouns)
            if owned is not None:
                return owned
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            if tok.text[:1].isupper():  # "Trump characterized the call ..." (a sentence's first word too)
                person = self.ents.find_person(tok.text)
                if person is not None:
                    return person.name, "person", person.role, tok.text
            phrase = _noun_phrase(self.doc, tok)
            for c in tok.children:  # "Public Ombudsman Nadia Cruz’s office" -> "Nadia Cruz’s office"
                owner = self.ents.entity_at(c.i) if c.dep_ == "poss" else None
                if owner is not None and (fold(owner.name) in self.journalists or self.is_outlet(owner.name)):
                    # "reporter Nisan Ahmado's source", "Znak.com's source": the source, relayed
                    k = c.i + 1
                    while k < tok.i and self.doc[k].dep_ == "case":
                        k += 1
                    phrase = _join(self.doc, k, tok.i + 1)
                    break
                if owner is not None and owner.kind == "person":
                    k = c.i
                    while k > 0 and self.ents.entity_at(k - 1) is owner:
                        k -= 1
                    phrase = _join(self.doc, k, tok.i + 1)  # the article's words for the owner
                    break
            # "an Israeli army spokesman" is someone new, not the spokesman named before
            if tok.lower_ in _PLURAL_NOUNS or tok.tag_ in ("NNS", "NNPS"):
                person = None  # "the city's police", "officials": a body, not the one person with that role
            elif re.match(r"(?i)(?:a|an|one|another)\s", phrase):
                person = self._by_role(phrase, strict=True)
                if person is None and tok.lower_ in _RANKS and not re.match(r"(?i)another\s", phrase):
                    # "a police sergeant said" where the article names one sergeant ("Sgt. Barry
                    # Whiteside"): a rank is specific enough to be that person
                    ranked = [p for p in self.ents.persons() if tok.lower_ in self._titles().get(id(p), ())]
                    person = ranked[0] if len(ranked) == 1 else None
            else:  # (of several presidents, "the president" is the one last named; "Ukraine's president" is no one)
                bare = re.sub(r"(?i)^(?:the|this|that)\s+", "", phrase)
                person = self.person_by_description(phrase, tok.idx if " " not in bare else None)
            if person is not None:
                return person.name, "person", person.role, phrase
            # "both attorneys", "the two lawyers": the description, not how many there were
            return re.sub(r"^(?:the|a|an|one|another|both|(?:the\s+)?two)\s+", "", phrase, flags=re.I), "other", None, phrase
        return None

    def _of_name(self, tok, name: str) -> str:
        """'United Nations High Commissioner for Human Rights': a name that goes on in an 'of' or
        'for' phrase of capitalised words (the parser cuts it at the preposition)."""
        if tok.lower_ not in _ORG_WORDS and tok.lower_ not in _PERSON_TITLES:
            return name  # only a body or an office goes on so: "Marc Ouellet of the Holy See" does not
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == tok.i + 1),
                    None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None or pobj.pos_ != "PROPN" or self.ents.find_person(pobj.text) is not None or (
                tok.ent_type_ == "PERSON" or self.ents.find_person(strip_titles(name)) is not None):
            return name  # "Cardinal Marc Ouellet of the Holy See" is a person and where they serve
        end = pobj.i + 1
        while end < len(self.doc) and end <= pobj.right_edge.i and (
                self.doc[end].text[:1].isupper() or self.doc[end].lower_ in ("of", "the", "and")):
            end += 1  # "... for the Western District of New York"
        while self.doc[end - 1].lower_ in ("of", "the", "and"):
            end -= 1
        words = list(self.doc[prep.i + 1:end])
        if len(words) > 8 or not all(t.text[:1].isupper() or t.lower_ in ("and", "the", "of") for t in words):
            return name
        return f"{name} {_join(self.doc, prep.i, end)}"

    def _named_in_apposition(self, tok):
        """'The Senate Minority Leader, Chuck Schumer,' and 'a protester using the pseudonym Katya' name a person."""
        own = self.ents.entity_at(tok.i)
        if own is not None and own.kind == "person":
            return None  # "Carl Hensman of the ... Gates Foundation, which ...": already named, not the body
        for child in tok.children:
            target = None
            if child.dep_ == "appos":
                target = child
            elif child.dep_ == "acl" and child.lemma_ in ("use", "name", "call", "identify"):
                objs = [c for c in child.subtree if c.dep_ in ("appos", "oprd", "dobj", "attr") and c.pos_ == "PROPN"]
                target = objs[-1] if objs else None
            if target is None:
                continue
            if _in_ticker(self.text, target.idx):
                continue  # "The Cupertino, Calif.-based company (NASDAQ: AAPL)": its listing, not its name
            ent = self.ents.entity_at(target.i)
            if ent is not None and ent.kind == "org" and tok.pos_ == "PROPN" and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in target.children):
                continue  # "Ratliff, a former University of Florida standout,": his description, not his name
            if ent is not None and ent.kind in ("person", "org") and (ent.kind == "person" or child.dep_ == "appos"):
                role = ent.role or (_noun_phrase(self.doc, tok) if tok.pos_ == "NOUN" or tok.pos_ == "PROPN" else None)
                return ent.name, ent.kind, role, _ent_span(self.doc, target)
            if target.pos_ == "PROPN" and target.text[:1].isupper():
                words = [t for t in target.subtree if t.pos_ == "PROPN" and t.i <= target.i]
                name = clean_name(_join(self.doc, words[0].i, target.i + 1)) if words else target.text
                person = self.ents.find_person(name)
                if person is not None:
                    return person.name, "person", person.role, name
                if child.dep_ == "acl":
                    return name, "person", None, name
                if child.dep_ == "appos" and words and words[0].i == tok.i + 1 and tok.pos_ == "NOUN" and (
                        _ROLE_WORDS.search(tok.lower_) or tok.lemma_ in _HUMAN_WORDS) and (
                        ent is None or ent.kind == "place" and len(ent.mentions) == 1):
                    # "said disaster agency official Fauzi": a one-word name right after a role (the
                    # tagger took it for a place) is the person holding it
                    start = words[0].idx
                    self.ents.add_person(name, start, start + len(name))
                    return name, "person", _join(self.doc, tok.left_edge.i, tok.i + 1), name
        return None

    def _person_in_phrase(self, tok):
        """A person named inside the subject's phrase, after its role: "University of California, San
        Diego's chancellor, Pradeep Khosla", "the director of Argentina's Amnesty International, Mariela
        Belski" (the small parser hangs the name on the nearest noun, not on the subject)."""
        own = self.ents.entity_at(tok.i)
        if own is not None and own.kind == "person":
            return None
        stop = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}
        sub, todo = [], [tok]
        while todo:
            t = todo.pop()
            sub.append(t)
            todo.extend(c for c in t.children if c.dep_ not in stop and not self.inside[c.i])
        sub.sort(key=lambda t: t.i)
        if len(sub) > 25:
            return None
        doc = self.doc
        for t in sub:
            ent = self.ents.entity_at(t.i)
            if ent is None or ent.kind != "person" or t.i == 0:
                continue
            span_end = t.i
            while span_end + 1 < len(doc) and self.ents.entity_at(span_end + 1) is ent:
                span_end += 1
            if doc[span_end].dep_ == "poss" or doc[span_end].text in ("'s", "’s") or (
                    span_end + 1 < len(doc) and doc[span_end + 1].text in ("'s", "’s")):
                continue  # "Nadia Cruz’s office" speaks for her, under its own name
            span_start = t.i
            while span_start > 0 and self.ents.entity_at(span_start - 1) is ent:
                span_start -= 1
            own_words = set(fold(ent.name).split())
            while span_start < span_end and fold(doc[span_start].text) not in own_words:
                span_start += 1  # "Minister for Housing-Simon Coveney", tagged whole: the name starts at "Simon"
            before = doc[span_start - 1] if span_start > 0 else None
            if before is None or before.i < sub[0].i:
                continue
            run_in = before.text == "-" and not before.whitespace_ and not doc[before.i - 1].whitespace_
            if any(x.i > sub[0].i and _participle_reaching(doc, x, span_start) for x in doc[sub[0].i:span_start]):
                continue  # "an official in a military alliance backing Syrian President Bashar al-Assad": not Assad
            if before.text != "," and not run_in and _speaks_for(_join(doc, sub[0].i, span_start)):
                continue  # "a spokesman for Immigration Minister Philip Ruddock": the spokesman speaks, for him
            if before.text == "," or run_in or (t.dep_ == "appos") or (
                    before.pos_ in ("NOUN", "PROPN") and (before.ent_type_ not in ("PERSON",) or before.text == "Charge")
                    and before.dep_ in ("compound", "nsubj", "appos", "pobj", "conj") and before.lower_ not in _PREP_LIKE):
                role = _join(doc, sub[0].i, span_start)
                role = re.sub(r"^(?:the|a|an)\s+", "", role.rstrip(" ,-"), flags=re.I) or None
                return ent.name, "person", ent.role or role, _ent_span(doc, t)
        return None

    def _owner_speaks(self, tok, resolve_pronouns: bool):
        """'Obama's announcement', 'a man's voice', 'His statement' speak for the owner; 'His
        office' is the office of the person 'his' refers to ("Eric Holcomb's office")."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or self.inside[poss.i]:
            return None
        phrase = _noun_phrase(self.doc, tok)
        if poss.lower_ in _POSSESSIVE_PRONOUNS:
            if not resolve_pronouns:
                return None
            low = _POSSESSIVE_PRONOUNS[poss.lower_]
            if low == "it":
                r = self._org_before(tok.idx)
            else:
                r = self.resolve_pronoun(poss, low)
            if r is None:
                return None
            if tok.lemma_ in _OWNED_VOICES:
                return r[0], r[1], r[2], phrase
            if len([t for t in tok.subtree if t.i < tok.i]) > 2:
                return None  # "his former campaign manager": more than a plain "his X"
            rest = re.sub(r"^\S+\s+", "", phrase)  # "its anonymous source" -> "anonymous source"
            if self.is_outlet(r[0]) or fold(r[0]) in self.journalists:
                return rest, "other", None, phrase  # a news outlet's source: the outlet is the relay
            return f"{r[0]}'s {rest}", "other", None, phrase
        if tok.lemma_ not in _OWNED_VOICES:
            return None
        owner = self.ents.entity_at(poss.i)
        if owner is not None and owner.kind in ("person", "org"):
            return owner.name, owner.kind, owner.role, phrase
        if poss.pos_ in ("NOUN", "PROPN"):  # "the man's voice" -> "man"; "Stardom's official statement" -> Stardom
            r = self.name_of(poss, resolve_pronouns=resolve_pronouns)
            if r is not None:
                return r[0], r[1], r[2], phrase
        return None

    def _document_owner(self, doc_tok):
        """'A Defence Ministry statement', 'a police statement': the body named in front of the
        document speaks through it (not a platform: "a Facebook post" is no one's words yet)."""
        comp = [c for c in doc_tok.children if c.dep_ == "compound" and c.i < doc_tok.i and not self.inside[c.i]]
        poss = [c for c in doc_tok.children if c.dep_ == "poss" and c.pos_ == "PROPN" and comp and c.i < comp[0].i]
        if poss:
            span = [t for t in self.doc[poss[0].left_edge.i:doc_tok.i] if t.dep_ != "det"]
            if all(t.text[:1].isupper() or t.text in ("'s", "’s") for t in span) and \
                    not any(MEDIUM_NOUNS.fullmatch(t.lower_) for t in span):
                # "the Samaritan's Purse statement": a name with "'s" in it, not Samaritan's purse
                name = clean_name(_join(self.doc, span[0].i, span[-1].i + 1))
                if re.search(re.escape(name) + r"\s+(?:said|says|has|had|is|was|,)", self.text):
                    org = self.ents.find_org(name)
                    return (org.name if org else name), "org", None, name
        if not comp or MEDIUM_NOUNS.fullmatch(comp[0].lower_) and comp[0].left_edge.i == comp[0].i:
            return None
        lo = min(c.left_edge.i for c in comp)
        if lo > 0 and self.doc[lo - 1].head.i == doc_tok.i and self.doc[lo - 1].dep_ == "amod" and \
                self.doc[lo - 1].ent_type_ == "NORP":
            lo -= 1  # "an Israeli army statement": the parser hangs the nationality on the statement
        words = [t for t in self.doc[lo:doc_tok.i] if t.dep_ != "det"]
        while len(words) > 1 and MEDIUM_NOUNS.fullmatch(words[-1].lower_):
            words.pop()  # "an AEW press release": AEW's
        if not words:
            return None
        name = clean_name(_join(self.doc, words[0].i, words[-1].i + 1))
        if all(t.pos_ == "PROPN" for t in words):
            person = self.ents.find_person(name)
            if person is not None:
                return person.name, "person", person.role, name
            org = self.ents.find_org(name)
            return (org.name if org else name), "org", None, name
        if len(words) == 1 and (words[0].lemma_ in _HUMAN_WORDS or words[0].lemma_ in _BODIES):
            return name, "other", None, name  # "a police statement"
        if len(words) == 2 and words[1].lemma_ in _BODIES and words[0].ent_type_ == "NORP":
            return name, "other", None, name  # "an Israeli army statement"
        return None

    def _issuer(self, doc_tok):
        """Who issued a statement, release, letter ...: the subject of the verb it is the object of
        ("They released a statement which said", "In a press statement ..., the White House urged");
        for "the statement" / "the press release", the issuer of the last one named before it
        (two paragraphs back at most)."""
        def own(t):
            owner = self._document_owner(t)
            if owner is not None:
                return owner
            by = [x for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for x in c.children
                  if x.dep_ == "pobj" and not self.inside[x.i]]
            r = self.name_of(by[0]) if by else None
            if r and (r[1] in ("person", "org") or r[1] == "other" and by[0].lemma_ in _BODIES and _humanish_name(r[0])):
                return r  # "A statement from Waitrose said ... “...,” it added."; "a statement from the Indian government"
            m = re.match(r"\s+(?:from|by)\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(office|campaign|lawyers?|attorneys?)\b",
                         self.text[t.idx + len(t.text):t.idx + len(t.text) + 80])
            if m:  # "the statement from Burgum's office read", where the parser lost "from"'s object
                return f"{m.group(1)}'s {m.group(2)}", "other", None, f"{m.group(1)}'s {m.group(2)}"
            head = t.head
            if self.inside[head.i]:
                return None  # ('"Warm temperatures have accelerated ...," the statement ... read': the parser made
                # the statement the object of the quoted verb)
            if t.dep_ == "pobj" and head.dep_ == "prep":
                head = head.head
            if t.dep_ not in ("dobj", "pobj") or head.pos_ not in ("VERB", "AUX"):
                return None
            subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i != t.i), None)
            r = self.name_of(subj) if subj is not None else None
            if r and r[1] == "other" and subj.lemma_ in _ORG_DESCRIPTIONS and subj.lemma_ not in _DOCUMENT_NOUNS:
                r = self._org_before(subj.idx) or r  # "The company said in a statement"
            # "The US military said in a statement" (a body that is no named organisation)
            return r if r and (r[1] in ("person", "org") or (
                r[1] == "other" and _humanish_name(r[0]) and subj.lemma_ not in _DOCUMENT_NOUNS)) else None

        if getattr(self, "_issuing", False):
            return None  # "It issued a statement ... It said": 'it' asks for the issuer of that statement again
        self._issuing = True
        try:
            return self._find_issuer(doc_tok, own)
        finally:
            self._issuing = False

    def _find_issuer(self, doc_tok, own):
        r = own(doc_tok)
        if r is None and doc_tok.dep_ == "nsubj" and doc_tok.lemma_ in ("statement", "release") and any(
                c.lower_ in ("a", "an") for c in doc_tok.children) and len(list(doc_tok.children)) == 1:
            # 'France Telecom said. "...," a statement said': the organisation that was just speaking
            return self._org_before(doc_tok.idx)
        if r is not None or not any(c.lower_ in ("the", "this", "that") for c in doc_tok.children):
            return r
        para = self.para_of(doc_tok.idx)
        for t in reversed(self.doc[:doc_tok.sent.start]):
            # (a statement quoted over a few paragraphs is still "the statement": four back at most)
            if para - self.para_of(t.idx) > 4:
                break
            if t.lemma_ in _DOCUMENT_NOUNS and t.pos_ == "NOUN" and not self.inside[t.i]:
                r = own(t)
                if r is not None:
                    return r
        return None

    def _org_before(self, char: int):
        orgs = [(c, n) for c, n, k in self.subjects if k == "org" and c < char]
        orgs += [(c, n) for c, n, k, _ in self.speakers if k == "org" and c < char]
        if not orgs:
            return None
        c, n = max(orgs)
        return (n, "org", None, n) if self.para_of(char) - self.para_of(c) <= 2 else None

    def _titles(self) -> dict[int, set[str]]:
        """Per person (by id), the title words written just before their mentions, spelled out."""
        if getattr(self, "_title_cache", None) is None:
            out: dict[int, set[str]] = {}
            for p in self.ents.persons():
                words = set()
                own = set(fold(p.name).split())
                for s, e in p.mentions:
                    # only the words leading into the name in its own sentence: "... apologizing to
                    # the actor.\n\nBergeron chimed in" does not make Bergeron an actor
                    window = self.text[max(0, s - 40):s]
                    for m in reversed(list(re.finditer(r"[.!?;:\"“”()]?\s+", window))):
                        w = re.findall(r"[A-Za-z]+(?=\.?$)", window[:m.start() + 1])
                        if m.group()[:1] == "." and w and w[-1].lower() in _TITLE_WORDS:
                            continue  # "Msgr. Farmer", "the Rev.\n\nLarry Kroon" keep their title
                        if "\n" in m.group() or m.group()[:1] in ".!?;:\"“”()":
                            window = window[m.end():]
                            break
                    before = re.findall(r"[A-Za-z]+\.?", window)[-3:]
                    cut = [k for k, w in enumerate(before) if w in ("for", "to") and _speaks_for(" ".join(before[:k + 1]))
                           or w.lower() in ("in", "at", "on", "from", "with", "by", "near", "a", "an", "the")]
                    # ("a spokeswoman for May" is not May, nor "Scotland's first minister in a Glasgow hotel" Glasgow)
                    before = before[cut[-1] + 1:] if cut else before
                    before += [w for w in re.findall(r"[A-Za-z]+\.?", self.text[s:e]) if fold(w) not in own]
                    for w in before:
                        low = w.lower().rstrip(".")
                        if low in _TITLE_WORDS:
                            words.update(_TITLE_WORDS[low].split())
                        elif low in _PERSON_TITLES:
                            words.add(low)
                out[id(p)] = words
            self._title_cache = out
        return self._title_cache

    def person_by_description(self, phrase: str, before: int | None = None):
        """'the Ukrainian president' -> the person whose stated role reads the same; 'the
        governor' -> the one person written with that title ("Gov. Eric Holcomb"), or where
        several are, the one of them last mentioned before (two paragraphs back at most)."""
        found = self._by_role(phrase)
        if found is not None:
            return found
        f = fold(re.sub(r"^(?:the|a|an|this|that)\s+", "", phrase, flags=re.I))
        if not f or len(f.split()) > 3:
            return None
        head = f.split()[-1]
        if " of " in f:  # "the Governor of Alaska": a governor
            head = f.split(" of ")[0].split()[-1]
        titles = self._titles()
        cands = [p for p in self.ents.persons() if head in titles.get(id(p), ())
                 and not set(fold(p.name).split()) & set(f.split())]  # ("the mayor of Yartsevo" is not Yartsevo)
        if len(cands) > 1 and before is not None:
            para = self.para_of(before)
            last = [(max(m[0] for m in p.mentions if m[0] < before), p) for p in cands
                    if any(m[0] < before for m in p.mentions)]
            last = [(c, p) for c, p in last if para - self.para_of(c) <= 2]
            cands = [max(last, key=lambda x: x[0])[1]] if last else cands
        if not cands and f == "president":
            # "the President" where the article never writes anyone's title: the person it is about, named
            # three times or more and twice as often as anyone else ("Trump" in a story on his press conference)
            counts = sorted(((len(p.mentions), p) for p in self.ents.persons()
                             if before is None or any(m[0] < before for m in p.mentions)), key=lambda x: -x[0])
            if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]) and \
                    not counts[0][1].role and not titles.get(id(counts[0][1])):
                return counts[0][1]  # (not "Dr. Regina Benjamin", the President's nominee, with a title of her own)
        return cands[0] if len(cands) == 1 else None

    def _by_role(self, phrase: str, strict: bool = False):
        """'the Ukrainian president' -> the person whose stated role reads the same (with
        ``strict``, only the same words: "an EDS spokesman" is Bill Ritz, "the EDS spokesman", but
        "an Israeli army spokesman" is not the UNRWA spokesman named before)."""
        f = fold(re.sub(r"^(?:the|a|an|this|that)\s+", "", phrase, flags=re.I))
        if not f:
            return None
        with_roles = [p for p in self.ents.persons() if p.role]
        top = re.fullmatch(r"(?:(\w+)\s+)?top\s+(?:(\w+)\s+)?diplomat", f)  # (fold drops the "'s")
        if top:  # "Japan's top diplomat", "the top US diplomat": the foreign minister (of that country)
            ministers = [p for p in with_roles if re.search(r"\bforeign (?:minister|secretary)\b|\bsecretary of state\b",
                                                             fold(p.role))]
            country = (top.group(1) or top.group(2) or "")[:4]
            if country:
                ministers = [p for p in ministers if any(w.startswith(country) for w in fold(p.role).split())] or (
                    ministers if len(ministers) == 1 and not re.search(r"\b(?:his|her|their)\b", fold(ministers[0].role)) else [])
            return ministers[0] if len(ministers) == 1 else None
        exact = [p for p in with_roles if fold(p.role) == f or fold(p.role).endswith(" " + f) and len(f.split()) > 1]
        if len(exact) == 1 and not (" " not in f and not strict and any(
                p is not exact[0] and f in _role_heads(p.role) for p in with_roles)):
            return exact[0]  # (but "the president", a bare title, is not "President Vladimir Putin" alone
            # when "US President Donald Trump" has it too: which one is said by where it is written)
        if strict:
            return None
        head = f.split()[-1]
        # "Chelyabinsk's governor" is not the "regional Deputy Governor"; "the Sudan government"
        # is not the "Sudanese government spokesperson" (the role's own head must match)
        lesser = {"deputy", "vice", "assistant", "former", "acting", "interim", "associate", "ex"} - set(f.split())
        loose = [p for p in with_roles if head in _role_heads(p.role) and not lesser & set(fold(p.role).split())]
        if len(loose) == 1 and len(f.split()) <= 3:
            return loose[0]
        return None

    def document_before(self, tok):
        """'according to a statement posted to his account. It also stated ...': 'it' as the
        speaker is the statement (letter, release ...) named in that sentence or the one before."""
        sent = tok.sent
        lo = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for t in reversed(self.doc[lo:tok.i]):
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "through") and t.head.head.i == tok.head.i:
                continue  # "In a statement, it apologized": the statement is how it spoke, not what "it" is
            if t.lemma_ in _DOCUMENT_NOUNS and t.pos_ == "NOUN" and not self.inside[t.i] and (
                    t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in SPEECH_VERBS | REPORTED_VERBS | {"read"}
                    or t.dep_ in ("dobj", "appos", "ROOT") or t.dep_ == "pobj" and t.head.lower_ in (
                        "in", "to", "through", "by", "from", "with")):
                # a document that speaks, is issued or is quoted from (not 'the "beta" release of
                # version 8 is also vulnerable', a thing the sentence is about)
                issuer = self._issuer(t)  # "TallGrass issued a statement ... It described ..."
                if issuer is not None:
                    return issuer[0], issuer[1], issuer[2], tok.text
                return t.lemma_, "other", None, tok.text
        return None

    def _sole_person_before(self, tok, want: str):
        """(char, person) for the one person of the right gender a sentence just before the
        pronoun names, where no one is that sentence's subject ("The move comes as a surprise to
        Reunion Pictures' Matthew O'Connor, who coproduced Reid. “...,” he told E! News.")."""
        doc = self.doc
        i = tok.i - 1
        while i >= 0 and (self.inside[i] or _is_mark(doc[i]) or doc[i].is_punct or doc[i].is_space):
            i -= 1
        if i < 0 or doc[i].sent == tok.sent:
            return None
        sent = doc[i].sent
        if any(t.dep_ in ("nsubj", "nsubjpass") and not self.inside[t.i] and (
                t.lower_ in ("he", "she", "i") or t.pos_ == "PROPN"
                or getattr(self.ents.entity_at(t.i), "kind", None) == "person") for t in sent) or any(
                sent.start_char <= c < sent.end_char and k == "person" for c, _, k in self.subjects):
            return None  # (someone is that sentence's subject: "Simmons teed up McDonald's cameo.")
        found = {}
        for t in sent:
            e = self.ents.entity_at(t.i)
            if e is not None and e.kind == "person" and not self.inside[t.i]:
                found.setdefault(id(e), (t.idx, e))
        fits = [(c, e) for c, e in found.values() if e.gender == want]
        return fits[0] if len(fits) == 1 and len(found) <= 2 else None

    def _place_at(self, char: int, starts: list[int]) -> bool:
        """Whether the tagger reads the words at ``char`` as a place (country, city, sea)."""
        k = bisect.bisect_right(starts, char) - 1
        return k >= 0 and self.doc[k].ent_type_ in ("GPE", "LOC")

    def resolve_pronoun(self, tok, low: str | None = None, depth: int = 0):
        """'he'/'she'/'they' -> the latest speaker or subject before it (two paragraphs at most)
        that agrees in number and, where the article tells, in gender; else the latest person
        mentioned who agrees."""
        from .entities import noun_gender

        pos = tok.idx
        low = low or tok.lower_
        plural = low == "they"
        want = {"he": "m", "she": "f"}.get(low)
        para = self.para_of(pos)
        main = tok.head.head if tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" else None
        if want and main is not None and main.lemma_ in SPEECH_VERBS and main.i < tok.i and depth == 0:
            # "A Syrian rebel fighter reached by Reuters said he was speaking from inside al-Bab": the one
            # who says it (a description the article gives no name; not the last person named before)
            says = [c for c in main.children if c.dep_ == "nsubj" and not self.inside[c.i] and c.pos_ == "NOUN"
                    and c.tag_ == "NN" and _humanish(self, c)]
            r = self.name_of(says[0], resolve_pronouns=False) if says else None
            head = fold(r[0]).split()[-1] if r and r[0].strip() else ""
            if r and r[1] == "other" and not _is_plural(r[0], "other") and noun_gender(r[0]) in (None, want) and \
                    not self.inside[tok.i] and (_is_human_noun(head) or _ROLE_WORDS.search(head) or head.endswith("er")):
                return r[0], r[1], r[2], tok.text
        said = set()
        if tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH_VERBS and tok.head.dep_ in ("parataxis", "ccomp") and \
                tok.head.head.i > tok.head.i:
            # "Ireland, he said, had done a tremendous job": the parser hangs "he said" on what he said,
            # whose subject is not he
            said = {x.idx for x in tok.head.head.subtree if x.i < tok.i and x.sent.start == tok.sent.start}
        if tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH_VERBS | REPORTED_VERBS:
            # "Governments will have to impose carbon fees, they argue": what 'they' say does not name
            # them (a speaker who said something there still can)
            said |= {x.idx for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.i for x in c.subtree}
        cands = [(c, n, k, r) for c, n, k, r in self.speakers if c < pos]
        cands += [(c, n, k, None) for c, n, k in self.subjects if c < pos and c not in said
                  and not _in_link_lead(self.text, c)]
        starts = [t.idx for t in self.doc]
        places = {c for c, *_ in self.subjects if c < pos and self._place_at(c, starts)}
        if want and tok.lower_ in ("he", "she"):  # (not "his daughter": the mayor's daughter is Park's)
            cands += [(c, n, k, None) for c, n, k in self.described if c < pos]

        def main_first(x):
            # within a sentence, its main subject before a subject inside what it reports
            # ("Moffat said Capaldi had been thought of ... “...,” he said": Moffat)
            k = bisect.bisect_right(starts, x[0]) - 1
            if k < 0:
                return (0, 1, -x[0])
            t = self.doc[k]
            main = not any(h.dep_ == "ccomp" for h in t.ancestors)  # not inside what a verb reports
            return (-t.sent.start, 0 if main else 1, -x[0])

        cands.sort(key=main_first)
        if want and depth < 3:
            # "She says former champion Kieren Perkins was behind her victory. “...,” she said": the "she"
            # before, who says it, is this one, when the only names since are inside what she says
            prev = next((t for t in reversed(self.doc[max(0, tok.sent.start - 200):tok.i]) if t.lower_ == low
                         and t.dep_ == "nsubj" and not self.inside[t.i] and t.sent.start != tok.sent.start), None)
            if prev is not None and tok.sent.start - prev.sent.end < 40:
                said_by_prev = {x.idx for c in prev.head.children if c.dep_ == "ccomp" for x in c.subtree}
                later = [c for c, *_ in cands if c > prev.idx]
                if later and all(c in said_by_prev for c in later):
                    found = self.resolve_pronoun(prev, depth=depth + 1)
                    if found is not None:
                        return (*found[:3], tok.text)
        sole = self._sole_person_before(tok, want) if want and tok.lower_ in ("he", "she") else None
        if sole is not None and not any(c >= sole[0] for c, *_ in cands if self.para_of(c) == self.para_of(sole[0])):
            e = sole[1]
            return e.name, "person", e.role, tok.text
        for char, name, kind, role in cands:
            if para - self.para_of(char) > 2:
                break
            if _is_plural(name, kind) != plural or want and kind == "org":
                continue  # an organisation is not "he" or "she"
            person = self.ents.find_person(name) if kind == "person" else None
            if want and char in places and person is None and not is_first_name((name.split() or [""])[0]):
                continue  # nor is a place ("Faroe Island will hold a referendum ... he told AFP")
            gender = person.gender if person is not None else noun_gender(name) if kind == "other" else None
            if want and gender and gender != want:
                continue
            if kind == "person" and person is None and len(name.split()) == 1 and not is_first_name(name):
                continue  # a capitalised word that opened a sentence ("Fitness was a big factor") is no one
            return name, kind, role or (person.role if person else None), tok.text
        if not plural:
            before = [(m[0], e, self.text[m[0]:m[1]].endswith(("'s", "’s")) or self.text[m[1]:m[1] + 2] in ("'s", "’s"))
                      for e in self.ents.persons()
                      for m in e.mentions if m[0] < pos and not (want and e.gender and e.gender != want)]
            if before:
                last = max(before, key=lambda x: x[0])
                # a name in the possessive ("worked on Saddam Hussein's military plants. He says ...") is not
                # whom the next sentence is about when someone was named plainly in the same sentence before it
                plain = [b for b in before if not b[2] and b[0] < last[0]]
                if last[2] and plain:
                    alt = max(plain, key=lambda x: x[0])
                    k_alt, k_last = (bisect.bisect_right(starts, c) - 1 for c in (alt[0], last[0]))
                    if self.doc[k_alt].sent.start == self.doc[k_last].sent.start:
                        last = alt
                e = last[1]
                return e.name, "person", e.role, tok.text
        return None


_ROLE_SYNONYMS = [{"lawyer", "attorney", "counsel"}, {"spokesman", "spokeswoman", "spokesperson", "representative", "rep"}]


def _same_role_word(word: str, heads: set[str]) -> bool:
    """Whether ``word`` is one of a role's heads or a synonym of one ("lawyer" and "Attorney")."""
    return word in heads or any(word in group and group & heads for group in _ROLE_SYNONYMS)


def _role_heads(role: str) -> set[str]:
    """The nouns a stated role can be referred to by: its head (the last word before any
    "of/for/at" qualifier), its last word, and its title words ("archbishop Monsenor"), not
    its modifiers ("Sudanese government spokesperson" is no "government")."""
    from .entities import _ROLE_WORDS

    words = fold(role).split()
    if not words:
        return set()
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "at", "to", "with") and k > 0), len(words))
    return {words[cut - 1], words[-1]} | {w for w in words if w in _PERSON_TITLES or _ROLE_WORDS.fullmatch(w)}


_PLURAL_NOUNS = {"police", "people", "staff", "crew", "military", "personnel", "authorities", "officials", "media",
                 "family", "government", "team", "public"}


def _is_plural(name: str, kind: str | None) -> bool:
    """Whether 'they' can take up a speaker: organisations and plural descriptions ("officials")."""
    if kind == "org":
        return True
    if kind != "other":
        return False
    if " and " in name:
        return True
    last = fold(name).split()[-1:] or [""]
    w = last[0]
    return w in _PLURAL_NOUNS or (w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3)


def _tokens_in(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else []


def _join(doc, start: int, end: int) -> str:
    """The text of tokens [start, end) without trailing punctuation or space."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in ")’'":
        end -= 1
    if start >= end:
        return ""
    return doc[start:end].text  # not doc.text[...]: spaCy rebuilds a Doc's whole text on each access


def _ent_bounds(doc, tok) -> tuple[int, int]:
    """Token bounds [start, end) of the entity the token is in (the token alone when in none)."""
    if tok.ent_iob_ not in ("B", "I"):
        return tok.i, tok.i + 1
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _ent_span(doc, tok) -> str:
    if tok.ent_iob_ in ("B", "I"):
        start, end = _ent_bounds(doc, tok)
        return _join(doc, start, numbered_end(doc, end))
    return tok.text


def _noun_phrase(doc, tok) -> str:
    """The subject's words: determiners, modifiers and 'of' phrases, not relative clauses."""
    keep = []
    for t in tok.subtree:
        if t.i < tok.i or t.i == tok.i:
            keep.append(t.i)
        elif t.dep_ == "prep" and t.head.i == tok.i and t.lower_ in ("of", "for", "at", "from", "with"):
            clauses = {y.i for x in t.subtree if x.dep_ == "relcl" for y in x.subtree}
            keep.extend(x.i for x in t.subtree if x.i not in clauses)  # (not "... order that was not overturned")
    keep = sorted(i for i in keep if doc[i].dep_ not in ("punct",) or doc[i].text in ("'s", "’s", "-") or i == tok.i
                  or doc[i].text in ("’", "'") and i + 1 < len(doc) and doc[i + 1].text == "s")  # (tokenised "Attorney ’ s office")
    if not keep:
        return tok.text
    # Contiguous run around the head only (commas between a place's parts count as contiguous:
    # "The Sunnyvale, Calif., company")
    lo = hi = keep.index(tok.i)
    while lo > 0 and (keep[lo - 1] == keep[lo] - 1 or all(
            doc[k].text == "," and doc[k].head.i in keep for k in range(keep[lo - 1] + 1, keep[lo]))):
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1] == keep[hi] + 1:
        hi += 1
    return _join(doc, keep[lo], keep[hi] + 1)


def _whole_subject(doc, tok, kind: str) -> str:
    """The whole noun phrase a speaker's head word stands in, as a reader points at who spoke:
    "Japan's Meteorological Agency", "witnesses to the shooting", "one neo-bank CEO", "Barend Leyts"
    where the tagger named only "Leyts". Never an apposition, a relative clause or anything past a
    comma; a person's name takes only the rest of the name (not "Intel's Waxman", "40-year-old Tsikala
    Stephania"), an organization's only its own capitalized words ("The Lost 52 Project")."""
    keep = {tok.i}
    name = tok.pos_ == "PROPN" or kind == "person"
    for c in tok.children:
        if c.i < tok.i and c.dep_ != "punct":
            if c.dep_ == "poss" and c.pos_ == "PROPN" and (not name or kind == "org"):
                # "Matovič's office", "Nadia Cruz’s office": the owner's name, not "47-year-old" or
                # "Public Ombudsman" before it
                keep.update(x.i for x in c.subtree if x.i >= c.i or x.dep_ in ("compound", "flat") and (
                    c.ent_type_ != "PERSON" or x.ent_type_ == "PERSON"))
            elif not name:
                keep.update(x.i for x in c.subtree)  # determiner, possessive, modifiers
            elif c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.text[:1].isalpha() and \
                    fold(c.text).rstrip(".") not in _PERSON_TITLES or kind == "org" and (
                    c.dep_ == "det" or c.dep_ == "poss" and c.pos_ == "PROPN" or c.dep_ in ("compound", "nummod", "amod")
                    and (c.text[:1].isupper() or c.text[:1].isdigit())):
                keep.update(x.i for x in c.subtree)
        elif c.i > tok.i and c.dep_ == "amod" and c.pos_ == "ADJ" and not name and any(x.dep_ == "prep" for x in c.children) \
                and not any(x.is_punct for x in doc[tok.i:c.right_edge.i + 1]):
            keep.update(x.i for x in c.subtree)  # "sources close to the negotiations", "people familiar with the matter"
        elif c.dep_ == "conj" and not name and c.pos_ == "NOUN" and c.tag_ == "NN" and not any(
                x.dep_ in ("det", "poss") for x in c.children) and doc[c.i - 1].lower_ == "and" and any(
                x.dep_ == "det" and x.lower_ in ("a", "an") for x in tok.children):  # (not "the singer and
            # guitarist told the audience": a definite description points back to someone named, by role)
            keep.update(x.i for x in c.subtree)  # "an Egyptian blogger and journalist": one person, two roles
            keep.add(c.i - 1)
        elif c.dep_ == "prep" and (not name or kind == "org" and c.lower_ in ("of", "for") and any(
                x.dep_ == "pobj" and x.pos_ == "PROPN" for x in c.children)) and \
                c.lower_ not in ("as", "like", "than", "after", "before", "during") and not (
                tok.i > tok.head.i and c.lower_ in ("in", "on", "at")) and not any(  # "said the company in a statement"
                x.dep_ == "pobj" and x.lemma_ in _DOCUMENT_NOUNS for x in c.children):
            # "witnesses to the shooting", "Court of England and Wales"; not a clause inside the phrase
            # ("Part of the court order that was not overturned")
            clauses = {y.i for x in c.subtree if x.dep_ in ("relcl", "appos", "acl") for y in x.subtree}
            keep.update(x.i for x in c.subtree if x.i not in clauses)
    keep = sorted(i for i in keep if not doc[i].is_punct or doc[i].text in ("'s", "’s", "-", "’", "'", "&"))
    lo = hi = keep.index(tok.i)
    while lo > 0 and keep[lo - 1] == keep[lo] - 1:
        lo -= 1
    while hi + 1 < len(keep) and (keep[hi + 1] == keep[hi] + 1 or doc[keep[hi + 1]].ent_type_ == "GPE" and all(
            doc[k].text == "," for k in range(keep[hi] + 1, keep[hi + 1]))):  # "police in Baytown, Texas"
        hi += 1
    return _join(doc, keep[lo], keep[hi] + 1)


def _widened(doc, tok, kind: str, mention: str) -> str | None:
    """The whole subject phrase where the words found at ``tok`` are only part of it; None if not."""
    whole = _whole_subject(doc, tok, kind)
    if len(whole) <= len(mention) or mention not in whole:
        return None
    if any(x.ent_type_ == "PERSON" and x.text not in mention for x in doc[tok.left_edge.i:tok.i]):
        whole = whole[whole.index(mention):]  # an owner the words leave out ("reporter X's source")
    return whole if whole != mention else None


def _verb_phrase(a: _Article, verb) -> str:
    """'told reporters', 'said in a statement', 'wrote in a post on X'."""
    doc = a.doc
    parts = [verb]
    for c in verb.children:
        if c.dep_ == "prt":
            parts.append(c)
        if verb.lemma_ in ("tell", "inform", "notify") and c.dep_ in ("dobj", "dative", "iobj") and not a.inside[c.i]:
            told = [r for x in [c] + [x for x in c.children if x.dep_ == "appos"]
                    for r in x.children if r.dep_ in ("relcl", "acl") and r.i > c.i]  # "the paper that he fought ..."
            told.sort(key=lambda r: r.left_edge.i)
            parts.extend(t for t in c.subtree if not a.inside[t.i] and not (told and t.i >= told[0].left_edge.i))
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "during", "at", "through", "to") and not a.inside[c.i]:
            sub = [t for t in c.subtree]
            words = _join(doc, sub[0].i, sub[-1].i + 1)
            if len(sub) <= 12 and MEDIUM_NOUNS.search(words) and not any(a.inside[t.i] for t in sub):
                parts.extend(sub)
    parts = sorted({t.i: t for t in parts}.values(), key=lambda t: t.i)
    # Only the contiguous run starting at the verb (and the prepositions it heads).
    out = [parts[0].text] if parts[0].i == verb.i else [verb.text]
    runs = []
    prev = None
    for t in parts:
        if t.i == verb.i:
            continue
        if prev is not None and t.i == prev + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
        prev = t.i
    for run in runs:
        if run[0].i > verb.i:
            out.append(_join(doc, run[0].i, run[-1].i + 1))
    return " ".join(out)


def _medium_before(a: _Article, verb, speaker: str | None) -> str | None:
    """A writing verb with no medium: the medium named just before ('he thanked Trump in a post on X')."""
    doc = a.doc
    sent_start = verb.sent.start
    lo = max(0, sent_start - 80)
    for t in reversed(doc[lo:sent_start]):
        if t.dep_ == "prep" and t.lower_ in ("in", "on", "via") and not a.inside[t.i]:
            sub = list(t.subtree)
            words = _join(doc, sub[0].i, sub[-1].i + 1)
            if len(sub) <= 12 and re.match(r"(?:in|on|via)\s+(?:a|an|his|her|their|the)\s+(?:post|tweet|statement|"
                                           r"message|video|letter|blog)", words, re.I):
                return words.rstrip(" .,;:")
    return None


def _is_outlet(name: str) -> bool:
    from ..extract.people import AGENCIES

    # a web domain ("Znak.com", "News.com.au", "Polygraph.info") is a publication
    return fold(name) in AGENCIES or bool(_OUTLET_WORDS.search(name)) or bool(
        re.search(r"\w\.(?:com|org|net|info|ru|ua|au|uk|co|io|news|de|fr|in)\b", name))


def _via(a: _Article, tokens, speaker: str | None, verb) -> str | None:
    """The relay source in the words around a quote."""
    doc = a.doc
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            # only an outlet is a relay ("according to NPR's Feng" -> NPR); "according to the
            # prosecutor" names a source, not the channel the words came through
            pobj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if pobj:
                name = a.relay_name(pobj[0])
                if name and (speaker is None or fold(name) != fold(speaker)):
                    return clean_name(name)
        if t.lemma_ in ("report", "quote", "cite") and t.pos_ == "VERB" and t.i != (verb.i if verb is not None else -1):
            for c in t.children:  # "As Emily Feng reports for NPR"
                po = [x for x in c.children if x.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "for" else []
                if po and (outlet := a.relay_name(po[0])):
                    return outlet
            if t.lemma_ == "quote" and any(c.dep_ == "dobj" for c in t.children):
                # "MENA quoted an official source as saying": who quotes someone relays them
                subj = next((c for c in t.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lemma_ in (
                    "service", "office") and not any(x.pos_ == "PROPN" and x.i > c.i for x in c.subtree))), None)
                if subj is not None and subj.pos_ != "PROPN":
                    # "the Federation Council's press service quoted the senator as saying"
                    name = re.sub(r"^(?:the|a|an|its|their)\s+", "", _noun_phrase(doc, subj), flags=re.I)
                    if speaker is None or fold(name) != fold(speaker):
                        return name
                elif subj is not None and a.ents.find_person(subj.text) is None:
                    name = clean_name(_ent_span(doc, subj) if subj.ent_type_ else subj.text)
                    if speaker is None or fold(name) != fold(speaker):
                        return name
            # "X reported" relays only when X is an outlet, a reporter of one or "the website"
            for c in t.children:
                if c.dep_ == "nsubj" or c.dep_ == "agent":
                    target = c if c.dep_ == "nsubj" else next((x for x in c.children if x.dep_ == "pobj"), None)
                    name = a.relay_name(target) if target is not None else None
                    if name is None and target is not None and c.dep_ == "agent" and t.lemma_ in ("quote", "cite"):
                        r = a.name_of(target)  # "as quoted by Greek Reporter": what quotes is a publication
                        name = r[0] if r and r[1] != "person" or r and a.ents.find_person(r[0]) is None else None
                    if name and (speaker is None or fold(name) != fold(speaker)):
                        return clean_name(name)
    for t in tokens:  # "The newspaper said Palin ... offered an apology “if the incident ...”"
        if t.lemma_ in REPORTED_VERBS and t.pos_ == "VERB" and (verb is None or t.i != verb.i) and t.lemma_ != "report":
            outlet = _outlet_subject(a, t)
            if not outlet and verb is not None and verb.head == t and verb.dep_ == "ccomp" and t.i > verb.i:
                # "Kim Jong Un declared the test “a new birth” ..., state news agency KCNA said": the
                # agency that tells what he declared passes it on
                subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
                outlet = a.relay_name(subj) if subj is not None else None
            if outlet and (speaker is None or fold(outlet) != fold(speaker)):
                return outlet
    if verb is not None and verb.lemma_ == "tell":
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj") and not a.inside[c.i]:
                outlet = a.relay_name(c, loose=True)  # "told state media", "told the newspaper"
                if outlet:
                    return outlet
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ != "PRON" and not a.inside[nxt.i] \
                and nxt.ent_type_ not in ("PERSON", "GPE", "NORP", "DATE") and a.ents.find_person(nxt.text) is None:
            # "told Ruptly that ..." (an outlet the tagger takes for an adverb)
            k = nxt.i
            while k + 1 < len(doc) and (doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha or
                                        doc[k + 1].is_digit and len(doc[k + 1].text) <= 3):  # ("told Europe 1 radio")
                k += 1
            name = _join(doc, nxt.i, k + 1)
            if name and not _BODIES & set(fold(name).split()) and nxt.dep_ not in ("nsubj", "compound"):
                return clean_name(name)
    for t in tokens:
        # "Speaking to NBC News", "Talking to People magazine", "in an interview with Time
        # magazine", "described for news agency PA Media", "told Martin Smith of PBS"
        on_air = t.lower_ == "on" and t.head.lemma_ in ("speak", "talk", "appear", "say", "tell")
        if t.dep_ == "prep" and (t.lower_ in ("to", "with", "for") or on_air) and (
                t.head.lemma_ in _RELAY_HEADS or t.head.lower_ in _RELAY_HEADS or on_air):
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            if pobj and not a.inside[pobj[0].i]:
                # "speaking to Ruptly", "in a statement to Rolling Stone": what one speaks or writes to
                # by a name that is no person and no public body is a publication
                outlet = a.relay_name(pobj[0], loose=t.head.lemma_ in _LOOSE_RELAY_HEADS)
                if outlet:
                    return outlet
        if t.lower_ in ("in", "on") and t.dep_ == "prep":  # "In a News.com.au report, X said", "on NPR's show"
            pobj = [c for c in t.children if c.dep_ == "pobj" and c.lemma_ in _REPORT_NOUNS]
            for c in (pobj[0].children if pobj else []):
                target = c if c.dep_ in ("compound", "poss", "nmod") else next(
                    (x for x in c.children if x.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ in (
                    "by", "from", "on", "for") else None
                outlet = a.relay_name(target) if target is not None and target.text[:1].isupper() else None
                if outlet:
                    return outlet
        quoted = t.lower_ == "by" and _quoted_as_saying(t.head) is not None  # "was quoted as saying by Reuters"
        if (t.dep_ == "agent" or quoted) and (t.head.lemma_ in ("obtain", "see", "acquire", "review", "publish", "air",
                                                                 "contact", "reach", "ask") or quoted):
            # ("when contacted by Reuters", "when reached by CNN", "asked by the BBC")
            # "The statement, obtained by Variety, said", "in remarks published by CNN"
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            loose = t.head.lemma_ in ("obtain", "acquire")
            outlet = a.relay_name(pobj[0], loose=loose) if pobj and not a.inside[pobj[0].i] else None
            if outlet and (speaker is None or fold(outlet) != fold(speaker)):
                return outlet
        if t.dep_ == "agent" and t.head.lemma_ == "interview":  # "When interviewed by the BBC, Day said"
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            outlet = a.relay_name(pobj[0]) if pobj else None
            if outlet:
                return outlet
        if t.lower_ in ("per", "via") and t.dep_ == "prep":  # "said Russell Zimmerman per ABC News", "per Feng",
            # "said, via Brian Batko of the Pittsburgh Post-Gazette" ("via Twitter" names no outlet)
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            if pobj:
                outlet = a.relay_name(pobj[0])
                if outlet:
                    return outlet
    return None


# "the website", "the newspaper": the outlet named before ("the press", "the media" are reporters
# in general, not a channel)
_OUTLET_NOUNS = {"newspaper", "paper", "website", "site", "broadcaster", "outlet", "agency", "daily", "tabloid",
                 "magazine", "channel", "station", "network", "publication", "portal"}
_MEDIA_PHRASE = re.compile(r"(?:(?:[\w-]+\s+)?(?:state|state-run|state-owned|government|government-run|official)\s+"
                           r"(?:media|television|tv|radio|news\s+agency|newspaper|broadcaster))"
                           r"|(?:" + "|".join(sorted(_OUTLET_NOUNS)) + ")", re.I)
_CALLED_OUTLET = re.compile(r"\b(?:news\s?site|news\s+agency|news\s+outlet|website|newspaper|daily|tabloid|broadcaster"
                            r"|outlet|magazine|channel|station|portal|publication)s?,?\s+(?:the\s+)?"
                            r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})")
_OUTLET_CALLED = re.compile(r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
                            r"(?:news\s?site|news\s+agency|website|newspaper|daily|tabloid|broadcaster|outlet|magazine)\b")
_REPORT_BY = re.compile(r"\b(?:report|article|story|interview|piece)s?\s+(?:by|from|in)\s+(?:the\s+)?"
                        r"([A-Z][\w!.&'’-]*(?:\s+[A-Z][\w!.&'’-]*){0,4})")
_REPORT_OF = re.compile(r"^(?:(?:a|an|the)\s+)?(?:report|article|story|interview|piece|broadcast)s?\s+(?:from|by|in|on)\s+"
                        r"|\s+(?:report|article|story|piece)s?$", re.I)
_REPORT_NOUNS = {"report", "interview", "article", "story", "broadcast", "documentary", "podcast", "programme",
                 "program", "show", "piece", "segment", "column", "op-ed"}
_RELAY_HEADS = {"tell", "speak", "talk", "say", "claim", "describe", "explain", "comment", "confirm", "write", "interview",
                "conversation", "remark", "statement", "appearance", "chat", "add", "state", "reveal", "admit",
                "email", "e-mail", "send", "provide", "release", "forward"}  # "a statement emailed to NBC News"
_LOOSE_RELAY_HEADS = {"speak", "talk", "statement", "comment", "email", "e-mail", "remark"}
_BODIES = {"court", "committee", "council", "parliament", "congress", "senate", "assembly", "police", "ministry",
           "government", "department", "commission", "army", "board", "union", "cabinet", "house", "office",
           "embassy", "university", "school", "hospital", "party", "jury", "panel", "lawmakers", "company",
           # an audience is no channel either ("told MPs", "told UKIP's Spring conference")
           "mps", "meps", "tds", "msps", "mlas", "senators", "delegates", "supporters", "conference", "rally",
           "summit", "meeting", "audience", "crowd"}


def _outlet_phrase(a: _Article, tok, loose: bool = False, journalists: bool = True) -> str | None:
    """The outlet a phrase names: "NBC News", "Martin Smith of PBS", "NPR's Emily Feng", a
    reporter the article named with their outlet ("per Feng"); with ``loose`` (told/speaking
    to), also an organisation that is not a public body ("Ruptly")."""
    doc = a.doc
    ent = _ent_span(doc, tok) if tok.ent_type_ else None
    if ent and any(t.pos_ in ("VERB", "AUX") for t in doc[slice(*_ent_bounds(doc, tok))]):
        ent = None  # "Shaheen told Al Jazeera", tagged a work of art: the words are no name
    phrase = clean_name(ent if ent else _noun_phrase(doc, tok))
    phrase = _REPORT_OF.sub("", phrase)  # "a report from ABC Australia", "a News.com.au report"
    # "to the Agence France-Presse news service", "the Independent newspaper": a name before the noun
    # (not "German news agency DPA", where the words before the noun are no name)
    named = any(c.pos_ == "PROPN" and c.i < tok.i for c in tok.children)
    called = named and bool(re.search(r"\s(?:news service|news agency|wire service|newspaper)s?$", phrase, re.I))
    phrase = re.sub(r"\s+(?:interviewer|reporter|correspondent|journalist|presenter|anchor|host|crew|team)s?$", "",
                    phrase, flags=re.I)  # "told the BBC interviewer"
    if named:  # "the Independent newspaper", but "Korean Central News Agency" is the agency's name
        phrase = re.sub(r"\s+(?:news service|news agency|wire service|newspaper)s?$", "", phrase)
    phrase = re.sub(r"\s+-\s+", "-", phrase)
    m = re.match(r"^(\S.*?)\s+the\s+\S", phrase)
    if m and not re.search(r"\b(?:of|for|and|on|in|at|to|by|from)$", m.group(1), re.I):
        phrase = m.group(1)  # "told Billboard the Doobies have been ...": the tagger ran on into the clause
    words = phrase.split()
    while words and not words[0][:1].isupper() and words[0].lower() == words[0]:  # "news agency PA Media" -> "PA Media"
        # (not "al-Masirah TV")
        called |= words.pop(0).lower() in _OUTLET_NOUNS | {"agency"}
    phrase = " ".join(words)
    if called and phrase and not _BODIES & set(fold(phrase).split()):
        return phrase  # "magazine The Bark": what the article calls an outlet is one
    if tok.lower_ in _OUTLET_NOUNS and tok.i + 1 < len(doc):  # "with magazine The Bark" parsed apart
        k = tok.i + 1
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and not a.inside[k]:
            k += 1
        run = clean_name(_join(doc, tok.i + 1, k)) if k > tok.i + 1 else ""
        if run and not _BODIES & set(fold(run).split()):
            return run
    reporters = ("correspondent", "reporter", "journalist", "interviewer", "presenter", "anchor", "host")
    for x in doc[tok.left_edge.i:tok.i]:  # "told VOA Pentagon correspondent Carla Babb"
        if x.pos_ == "PROPN" and any(y.lemma_ in reporters for y in doc[x.i:tok.i]):
            inner = clean_name(_ent_span(doc, x) if x.ent_type_ else x.text)
            for cand in (inner, x.text):
                if cand and _is_outlet(cand) and not _BODIES & set(fold(cand).split()):
                    return cand
    m = re.match(r"^(.+?)['’]s\s+\S", phrase) or re.match(r"^.+?\s+of\s+(?:the\s+)?(.+)$", phrase)
    if m and _is_outlet(m.group(1)):
        return clean_name(m.group(1))  # "NPR’s Feng", "Wee of the Times" tagged as one name
    if phrase and not _BODIES & set(fold(phrase).split()) and (
            _is_outlet(phrase) or (journalists and a.is_outlet(phrase))):
        return phrase
    if journalists and phrase:
        person = a.ents.find_person(phrase)
        if person is not None and fold(person.name) in a.journalists:
            return a.journalists[fold(person.name)]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":  # "Martin Smith of PBS"
            po = [x for x in c.children if x.dep_ == "pobj"]
            if po and po[0].pos_ == "PROPN":
                inner = clean_name(_ent_span(doc, po[0]) if po[0].ent_type_ else _noun_phrase(doc, po[0]))
                if inner and (_is_outlet(inner) or journalists and a.is_outlet(inner)):
                    return inner  # "Martin Smith of PBS", "The November 4 issue of Magyar Nemzet"
        if c.dep_ == "poss" and c.pos_ == "PROPN":  # "NPR's Emily Feng"
            inner = clean_name(_ent_span(doc, c))
            if inner and _is_outlet(inner):
                return inner
    if loose and tok.pos_ == "PROPN" and phrase and not _BODIES & set(fold(phrase).split()) and (
            tok.ent_type_ == "ORG" or (tok.ent_type_ == "" and phrase[:1].isupper() and a.ents.find_person(phrase) is None)):
        return phrase  # "told Ruptly", "told the Argus Leader"
    return None


def _frame_tokens(a: _Article, span: Span):
    """Tokens of the sentences around a quote that are outside every quote, within its paragraph(s)."""
    doc = a.doc
    p0, p1 = a.para_of(span.start), a.para_of(max(span.start, span.end - 1))
    lo, hi = a.paras[p0][0], a.paras[p1][1]
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return []
    s_lo = max(first[0].sent.start, 0)
    s_hi = first[-1].sent.end
    # '“... Got her!” an officer said.': the parser ends the sentence at the quote's "!" or
    # "?"; the lower-case words right after the closing mark are still its attribution.
    k = span.end + 1
    while k < hi and a.text[k] in " \u00a0":
        k += 1
    if s_hi < len(doc) and k < hi and doc[s_hi].idx <= k + 1 and a.para_of(k) == p1:
        nxt = doc[s_hi].sent
        if a.text[k].islower() or _attribution_sentence(nxt):
            s_hi = nxt.end
    return [t for t in doc[s_lo:s_hi] if lo <= t.idx < hi and not a.inside[t.i] and not _is_mark(t)]


def _attribution_sentence(sent) -> bool:
    """A sentence of its own after a quote that only attributes it: short and with a speech verb
    ('“... without him?” Arians asked.'), or opened by a name and its speech verb ('“...?” Isaacs
    questioned, noting that ...'); never one with marks of its own ('He said, "..."' opens the next
    quote)."""
    if any(_is_mark(t) for t in sent):
        return False
    if len(sent) <= 8 and any(t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB" and not _goes_on_doing(t) for t in sent):
        return True
    return any(t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB" and not _goes_on_doing(t) and t.i - sent.start <= 3
               and _has_subject(t)
               and all(x.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ", "PUNCT") for x in sent.doc[sent.start:t.i])
               for t in sent[:4])


def _goes_on_doing(t) -> bool:
    """'Turkey continues to host ...': "continue" with a verb after it goes on doing, not speaking
    (as '“...,” he continued' does)."""
    return t.lemma_ == "continue" and any(c.dep_ == "xcomp" for c in t.children)


def _is_mark(t) -> bool:
    return all(c in "\"“”‘’'«»„‹›「」『』" for c in t.text)


def _pick_verb(a: _Article, span: Span, tokens):
    """The speech verb of the frame nearest the quote."""
    cands = [t for t in tokens if t.lemma_ in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")
             and not (t.lemma_ in ("report", "quote", "cite") and _subject_is_outlet(a, t))
             and not _goes_on_doing(t)
             and not ((t.lemma_ in ("think", "believe", "call", "point", "continue", "wonder", "describe", "agree",
                                    "talk", "order", "question", "answer") or t.lemma_ in STANCE_VERBS)
                      and not _has_subject(t) and not _attribution_after_quote(t))]
    if not cands:
        # "“...,” Reuters reported" or a noun-only frame
        cands = [t for t in tokens if t.lemma_ in ("report",) and t.pos_ == "VERB"]
    if not cands:
        # "a blaze being treated by police as “potentially suspicious”": the words are the police's
        cands = [t for t in tokens if t.lemma_ == "treat" and t.pos_ == "VERB" and any(
            c.lower_ == "as" and c.idx < span.start and a.text[c.idx + 2:span.start].strip() in ("", "\"", "“", "'", "‘")
            for c in t.children) and any(c.dep_ == "agent" or c.dep_ == "nsubj" and _humanish(a, c) for c in t.children)]
    if not cands:
        return None
    finite = [t for t in cands if not (t.tag_ == "VBG" and t.dep_ in ("advcl", "pcomp", "acl"))]
    cands = finite or cands
    qtoks = [t for t in a.doc.char_span(span.start, span.end, alignment_mode="expand") or []]
    governing = set()
    for t in qtoks[:3] + qtoks[-3:]:
        governing.update(x.i for x in t.ancestors)

    def rank(t):
        d = 0 if span.start - 1 <= t.idx <= span.end + 1 else min(abs(t.idx - span.start), abs(t.idx - span.end))
        lo, hi = sorted((t.idx, span.start if t.idx < span.start else span.end))
        other_clause = ";" in a.text[lo:hi]  # "X said it was "serious"; TVN24 reported ..."
        return (other_clause, 0 if t.i in governing else 1, d)

    return min(cands, key=rank)


def _attribution_after_quote(t) -> bool:
    """'“...,” the patient described in the case report': the parser reads a noun and a verb
    right after a closing mark as "the patient (who was) described"; it is the attribution."""
    head = t.head
    if t.dep_ != "acl" or head.i != t.i - 1 or head.pos_ not in ("NOUN", "PROPN"):
        return False
    k = head.i - 1
    while k >= 0 and t.doc[k].dep_ in ("det", "amod", "compound", "poss", "nummod") and t.doc[k].head.i == head.i:
        k -= 1
    while k >= 0 and t.doc[k].is_punct and not _is_mark(t.doc[k]):
        k -= 1
    return k >= 0 and _is_mark(t.doc[k])


def _has_subject(t) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def _subject_is_outlet(a: _Article, t) -> bool:
    for c in t.children:
        if c.dep_ == "nsubj":
            return _is_outlet(_ent_span(a.doc, c) if c.ent_type_ else c.text)
    return False


def _quoted_as_saying(verb):
    """The passive 'quoted' of "X was quoted as saying (by Reuters)", else None."""
    if verb.lemma_ != "say":
        return None
    up = verb.head.head if verb.head.lower_ == "as" else verb.head
    return up if up.i != verb.i and up.lemma_ == "quote" else None


def _speaker_of_verb(a: _Article, verb, tokens):
    """(name, kind, role, mention) of who speaks through ``verb``."""
    if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and _quoted_as_saying(verb.head) is not None:
        return _speaker_of_verb(a, verb.head, tokens)  # "quoted an official as saying ..., adding ...": the official
    quoting = _quoted_as_saying(verb)
    if quoting:
        # "X was quoted as saying by Reuters": X speaks, Reuters relays (see _via); so does the governor
        # in "Another news agency quoted the governor as saying ..."
        quoted = [c for c in quoting.children if c.dep_ == "nsubjpass" and not a.inside[c.i]] or [
            c for c in quoting.children if c.dep_ == "dobj" and not a.inside[c.i]]
        r = a.name_of(quoted[0]) if quoted else None
        if r and r[0]:
            return r
    agent = [x for c in verb.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"]
    if agent and not a.inside[agent[0].i]:  # "described as 'knife-obsessed' by the police"
        r = a.name_of(agent[0])
        if r and r[0]:
            return r
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not a.inside[c.i]
            and not (c.dep_ == "nsubjpass" and verb.lemma_ not in ("quote", "hear", "cite"))]
    if len(subj) > 1 and subj[0].i < subj[1].i < verb.i and any(
            c.dep_ == "relcl" and c.i < subj[1].i for c in subj[0].children) and not any(
            t.lower_ in ("and", "or") for t in a.doc[subj[0].i:subj[1].i]):
        # "Stuart MacGill, who is in the squad in place of Andy Bichel says ...": with the relative
        # clause's closing comma missing, the parser gives the verb a second subject from inside it
        subj = subj[:1]
    if subj and subj[0].i < verb.i and verb.i > 0 and a.doc[verb.i - 1].text == "," and verb.lemma_ in SPEECH_VERBS:
        after = []
        for t in a.doc[verb.i + 1:verb.i + 6]:
            if t.text == ",":
                break
            after.append(t)
        else:
            after = []
        named = [t for t in after if t.pos_ == "PROPN" and getattr(a.ents.entity_at(t.i), "kind", None) == "person"]
        if named and after and (after[-1].i + 1 < len(a.doc) and a.doc[after[-1].i + 1].text == ",") and all(
                t.pos_ == "PROPN" or t.lower_.rstrip(".") in _HONORIFICS | _PERSON_TITLES for t in after):
            # (not "Ryan Coogler, the director of Black Panther, wrote of Boseman,")
            subj = named[-1:]  # "Both Canada and the EU, said Mr Trudeau, needed ...": the name after the verb
    if len(subj) > 1 and subj[0].i < subj[1].i < verb.i and _is_human_noun(subj[0].lemma_) and any(
            subj[0] in t.ancestors and _participle_reaching(a.doc, t, subj[1].i) for t in a.doc[subj[0].i:subj[1].i]):
        # "an official in a military alliance backing Syrian President Bashar al-Assad said": the parser made
        # the participle's object a second subject
        subj = subj[:1]
    dashes = ("-", "–", "—")
    if len(subj) > 1 and subj[0].i < subj[1].i < verb.i and \
            any(t.text in dashes for t in a.doc[subj[0].i:subj[1].i]) and any(t.text in dashes for t in a.doc[subj[1].i:verb.i]):
        # "Former chancellor Ken Clarke - the only Tory to vote against it - said": the aside's noun is
        # not a second subject
        subj = subj[:1]
    if subj and subj[0].i < verb.i and not _humanish(a, subj[0]):
        # "The cuts were to the ... lines, which connect Europe to Asia, a France Telecom spokeswoman
        # who asked not to be named said": the parser took the clause's last noun for the subject and
        # the speaker just before the verb for its apposition
        subj = [x for x in subj[0].children if x.dep_ == "appos" and x.right_edge.i == verb.i - 1
                and _humanish(a, x) and not _in_ticker(a.text, x.idx)] or subj
    v = verb
    for _ in range(4):  # "opposed the withdrawal and said ...", "is reported to have jumped ... and claimed"
        if subj and v.i != verb.i and verb.tag_ == "VBG" and verb.lemma_ in SPEECH_VERBS and v.dep_ == "ccomp" \
                and v.head.lemma_ in SPEECH_VERBS and v.head.i < v.i:
            # "X said the government "lied", adding that ...": the parser hangs the participle on
            # the reported clause; it is X's
            v = v.head
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not a.inside[c.i]]
            continue
        if subj and not (v.i != verb.i and not _humanish(a, subj[0])):
            break  # a participle the parser hung on the wrong clause ("how the attack unfolded, stating")
        if v.i != verb.i and v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            if v.head.dep_ == "pobj" and v.head.head.head.pos_ in ("VERB", "AUX") and not _humanish(a, v.head) \
                    and a.ents.entity_at(v.head.i) is None and v.head.lemma_ not in _DOCUMENT_NOUNS | _SPEECH_NOUNS:
                # "Trump vowed during his campaign to “cancel” the deal, saying ...": the one who vowed,
                # not the campaign the parser hung the words on
                v = v.head.head.head
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not a.inside[c.i]]
                continue
            subj = [v.head]  # "An eyewitness described ... how the attack unfolded, stating"
            break
        if v.dep_ == "pcomp" and v.head.lower_ == "by" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "deflected attention by saying that ...": whoever deflected it
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not a.inside[c.i]]
            continue
        if v.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or v.head.i == v.i or (v.i == verb.i and v.dep_ == "ccomp"):
            break
        v = v.head
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not a.inside[c.i]]
    if not subj and verb.dep_ in ("relcl", "acl"):
        subj = [verb.head]
        if verb.head.lemma_ in _SPEECH_NOUNS and verb.head.dep_ == "dobj":
            # "Jeffs delivered a 55-minute speech arguing that ...": who gave the speech
            subj = [c for c in verb.head.head.children if c.dep_ == "nsubj" and not a.inside[c.i]] or subj
        elif verb.head.lemma_ in _SPEECH_NOUNS | _DOCUMENT_NOUNS and verb.head.dep_ == "pobj" and \
                verb.head.head.lower_ in ("with", "in", "through") and \
                not any(c.dep_ in ("poss", "prep") for c in verb.head.children):
            # "Jobs ended weeks of speculation with an open letter saying that ...": the letter is his
            # (not "in a letter from the ministry saying", "in her lawyer's letter saying")
            up = verb.head.head.head
            while up.pos_ in ("NOUN", "ADP") and up.dep_ in ("dobj", "pobj", "prep") and up.head.i != up.i:
                up = up.head
            subj = [c for c in up.children if c.dep_ == "nsubj" and not a.inside[c.i]
                    and c.pos_ == "PROPN"] if up.pos_ == "VERB" else []
            subj = subj or [verb.head]
    if not subj and verb.lemma_ in SPEECH_VERBS and verb.lemma_ not in _TELL_LIKE and \
            re.search(r"[”\"»]\s*$", a.text[max(0, verb.idx - 4):verb.idx]):
        # '“...,” added the doctor.': after the quote the speaker follows the verb, and the parser
        # takes "the doctor" for what was added
        subj = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and not a.inside[c.i]][:1]
    if subj and verb.dep_ == "relcl" and subj[0].lower_ in ("which", "who", "that") and verb.head.pos_ in ("NOUN", "PROPN") \
            and (_humanish(a, verb.head) or getattr(a.ents.entity_at(verb.head.i), "kind", None) in ("person", "org")):
        subj = [verb.head]  # "Toronto Police, which indicated on Monday ...": the police, not Monday
    if not subj:
        # "the lawyer acting for the officer, who ..., said that ...": the parser makes "acting" a
        # clause of its own with the lawyer as its subject, and leaves "said" with none
        subj = [x for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and c.tag_ in ("VBG", "VBN")
                for x in c.children if x.dep_ == "nsubj" and x.i < c.i and not a.inside[x.i]][:1]
    if not subj and verb.dep_ == "ccomp" and verb.head.lemma_ in ("report", "claim", "say", "add", "reveal", "write"):
        # "Znak.com reported its source said ...": the small parser makes the speaker the object
        subj = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                and max(x.i for x in c.subtree) == verb.i - 1 and not a.inside[c.i]]
    # two subjects on one verb are a parse gone wrong ("BUFFALO, N.Y. — ..., coach Bruce Boudreau
    # expressed", "The Thick of It writer Armando Ianucci tweeted"): the one nearest the verb that
    # can speak ("A spokesperson who ... because of agency policy said": not the policy)
    for s in sorted(subj, key=lambda s: (len(subj) > 1 and not _humanish(a, s), abs(s.i - verb.i))):
        r = a.name_of(s)
        if r and r[0]:
            r = _joint(a, s, r)
            first = min(subj, key=lambda x: x.i)
            if len(subj) == 2 and s is not first and s.left_edge.i > 0 and a.doc[s.left_edge.i - 1].lower_ == "and":
                # "Kimberly-Clark, which makes Kleenex, and Solaris Paper ... emphasized": parsed
                # as two subjects, written as one joint subject
                o = a.name_of(first, resolve_pronouns=False)
                if o and o[1] == r[1] and o[1] in ("person", "org") and o[0] != r[0]:
                    r = (f"{o[0]} and {r[0]}", r[1], None, r[3])
            if " and " not in r[0] and not (r[1] == "person" and a.ents.find_person(r[0]) is not None) and not any(
                    t.i > s.left_edge.i and t.head.i >= s.i and _participle_reaching(a.doc, t, verb.i) for t in s.subtree):
                # (not "an official in a military alliance backing Syrian President Bashar al-Assad")
                # the parse took an organisation or a role for the subject: a name at the
                # end of the subject's words is the speaker ("said ABC Entertainment Group
                # prexy Paul Lee", "Amnesty International Man-kei Tam said")
                named = _name_at_end(a, *_subject_chars(a, verb, s))
                if named is not None:
                    return named
            return r
    if not subj:
        named = _name_at_end(a, *_subject_chars(a, verb, None))
        if named is not None:
            return named
    # Fallback: an entity or pronoun next to the verb (not the one told, nor an outlet)
    near = sorted((t for t in tokens if abs(t.i - verb.i) <= 4 and t.i != verb.i
                   and not (t.head == verb and t.dep_ in ("dobj", "dative", "pobj"))
                   and not (t.dep_ == "pobj" and t.head.head == verb)  # "noting on Twitter": the medium
                   # "X, reporting from Tripoli, said", "director at the Center in Singapore": a place
                   # after a preposition is where someone is, not who speaks
                   and not (t.dep_ == "pobj" and t.ent_type_ in ("GPE", "LOC", "FAC"))
                   and not a.is_outlet(_ent_span(a.doc, t) if a.ents.entity_at(t.i) else t.text)),
                  key=lambda t: abs(t.i - verb.i))
    people = [t for t in tokens if t.i < verb.i and t.i >= verb.sent.start and not a.inside[t.i]
              and a.ents.entity_at(t.i) is not None and a.ents.entity_at(t.i).kind == "person"]
    if people and verb.i > 0 and a.doc[verb.i - 1].text == "," and people[-1].i + 1 < len(a.doc) \
            and a.doc[people[-1].i + 1].text == ",":
        # "Al Jazeera's Mahmoud Abdelwahed, reporting from Tripoli, said", "Deborah Elms, executive
        # director at the Asian Trade Center in Singapore, told DW": a name set off by the commas of
        # the words that describe it, the verb right after them
        near = people[-1:] + near
    elif verb.lemma_ in _TELL_LIKE:
        # 'Anna Franowska of "Have no fear", an abuse victim support charity, told Reuters': the
        # parser lost the subject; the person named last before the verb in its sentence
        near = near + people[-1:]
    for t in near:
        ent = a.ents.entity_at(t.i)
        if t.ent_type_ in ("DATE", "TIME"):
            continue  # "indicated on Monday": a day says nothing
        if t.dep_ == "pobj" and t.head.lower_ in ("for", "to") and t.head.head.pos_ == "NOUN" and \
                _speaks_for(f"{t.head.head.text} {t.head.text}"):
            r = a.name_of(t.head.head)  # "..., a spokeswoman for May said": she speaks, for May
            if r:
                return r
            continue
        if (ent is not None and ent.kind in ("person", "org")) or t.lower_ in ("he", "she", "they") or (
                t.pos_ == "PROPN" and t.text[:1].isupper()):
            r = a.name_of(t)
            if r:
                return r
    return None


_NAME_RUN = re.compile(
    r"((?:[A-Z][\w'’.]*(?:-[\w'’.]+)*)(?:\s+(?:(?:bin|bint|ibn|al|el|de|da|di|du|dos|van|von|der|den|la|le|ben|y|del)\s+)*"
    r"(?:[A-Z][\w'’.]*(?:-[\w'’.]+)*)){0,5})\s*$")


def _subject_chars(a: _Article, verb, subj) -> tuple[int, int]:
    """Where the subject's words lie: after a postposed verb to the clause's end ("..., ” said
    X, ..."), else from the clause's start (sentence, quote mark or semicolon) to the verb."""
    text = a.text
    sent = verb.sent
    if subj is None or subj.i > verb.i:
        start = verb.idx + len(verb.text)
        end = sent.end_char
        m = re.search(r"[.;:!?“”\"«»]|,\s+(?=[a-z])|\s+(?:according|adding|saying|citing|who|as|in|on|at|after|"
                      r"when|while|during)\b", text[start:end])
        return start, start + m.start() if m else end
    start = sent.start_char
    for k in range(verb.idx - 1, sent.start_char - 1, -1):
        if text[k] in "“”\"«»;:":
            start = k + 1
            break
    return start, verb.idx


# the roles of people who speak for someone else: "a spokesman for", "her lawyer"
_FOR_SOMEONE = r"(?i:spokes(?:man|woman|person)|lawyer|attorney|aide|adviser|advisor|representative|counsel|agent|publicist)s?"
_SPEAKS_FOR = re.compile(r"\b" + _FOR_SOMEONE + r"\s+(?i:for|of|to)\b[^,]*$")


def _participle_reaching(doc, t, end: int) -> bool:
    """Whether ``t`` is a participle modifying a noun ("an alliance backing ...") that runs on, with no
    comma, up to token ``end``: a name it reaches is whom it backs, not who speaks."""
    return t.dep_ == "acl" and t.tag_ == "VBG" and not any(y.text == "," for y in doc[t.i:end])


def _speaks_for(words: str) -> bool:
    """Whether ``words`` end in "a spokesman for" and the titles of whom he speaks for ("a spokesman for
    Immigration Minister", "a spokesman for provincial governor"): the name after them is not the
    speaker's (but "a spokesman for the governor, Akbar Jan," names him after the comma)."""
    words = words.rstrip(" ,")
    return "," not in words and bool(_SPEAKS_FOR.search(words))


def _name_at_end(a: _Article, start: int, end: int):
    """(name, "person", role, mention) for a person's name closing the words start..end: a
    known person, or two or more capitalised words set off by a comma or a role word."""
    from .entities import _ORG_WORDS, _PERSON_TITLES

    words = a.text[start:end].rstrip(" ,")
    if not words or len(words) > 160:
        return None
    lead = len(words) - len(words.lstrip())
    first = a.doc.char_span(start + lead, end, alignment_mode="expand")
    if first is not None and len(first):  # "Alexis Boon, the head of ..., said": the name comes first
        ent = a.ents.entity_at(first[0].i)
        if ent is not None and ent.kind == "person":
            k = first[0].i
            while k < len(a.doc) and a.ents.entity_at(k) is ent:
                k += 1
            if k < len(a.doc) and a.doc[k].text == "," and a.doc[k].idx < end:
                return None  # the parse's own subject stands
    m = _NAME_RUN.search(words)
    if m is None:
        return None
    run_span = a.doc.char_span(start + m.start(1), start + m.end(1), alignment_mode="expand")
    last_type = run_span[-1].ent_type_ if run_span is not None and len(run_span) else ""
    if last_type in ("GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "DATE"):
        return None
    run = m.group(1).split()
    if run[-1].lower() in _ORG_WORDS:
        return None  # "Metropolitan Police Counter Terrorism Command"
    cut = 0
    for k, w in enumerate(run[:-1]):
        low = re.sub(r"['’]s$", "", w.lower().rstrip("."))
        if low in _PERSON_TITLES or low in _ORG_WORDS or w.endswith(("'s", "’s")):
            cut = k + 1
    if cut == 0 and len(run) >= 3 and run_span is not None and len(run_span) and run_span[0].ent_type_ == "NORP" \
            and run_span[0].pos_ == "ADJ":
        cut = 1  # "Ambassador to Russian Banzragchin Delgermaa": a nationality before the name is not in it
    if last_type == "ORG" and cut == 0:
        return None  # an organisation, unless a name follows its words ("Amnesty International Man-kei Tam")
    name_words = run[cut:]
    name = " ".join(name_words)
    before = words[:m.start(1)].rstrip()
    if _speaks_for(before + " " + " ".join(run[:cut])):
        return None  # "a spokesman for Immigration Minister Philip Ruddock says": the spokesman speaks, for him
    prev = before.split()[-1].lower() if before.split() else ""
    known = a.ents.find_person(name) if name else None
    if known is None and len(name_words) == 1:
        return None
    if known is None:
        set_off = cut > 0 or before.endswith(",") or (prev.isalpha() and prev.islower() and prev not in _PREP_LIKE
                                                        and prev not in ("said", "says", "told", "added", "wrote"))
        if not set_off or len(name_words) < 2:
            return None
    if known is not None and cut == 0 and not before:
        return None  # the subject is the name alone: the parse had it already
    role = (words[:m.start(1)] + " ".join(run[:cut])).strip(" ,")
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I) or None
    if known is not None:
        return known.name, "person", known.role or role, name
    if len(name_words) >= 2:
        entity = a.ents.add_person(name, start + m.start(1), start + m.end(1))
        entity.role = entity.role or role
    return name, "person", role, name


_HUMAN_WORDS = {"witness", "eyewitness", "resident", "protester", "official", "source", "police", "person", "people",
                "man", "woman", "victim", "survivor", "neighbor", "neighbour", "parent", "relative", "passenger",
                "driver", "commenter", "user", "patient", "family", "fan", "voter", "worker", "staff", "doctor",
                "authority", "investigator", "lawmaker", "critic", "supporter", "organizer", "organiser", "clerk",
                "cop", "friend", "customer", "shopper", "student", "employee", "teacher", "nurse", "soldier",
                "bystander", "tourist", "visitor", "spectator"}


def _humanish(a: _Article, tok) -> bool:
    """Whether a subject can be a speaker: a person, an organisation, a pronoun or a human noun."""
    from .entities import _ROLE_WORDS, noun_gender

    ent = a.ents.entity_at(tok.i)
    if ent is not None and ent.kind in ("person", "org"):
        return True
    if tok.pos_ in ("PRON", "PROPN"):
        return True
    w = tok.lemma_.lower()
    return (w in _HUMAN_WORDS or w in _DOCUMENT_NOUNS or bool(noun_gender(tok.text)) or bool(_ROLE_WORDS.search(tok.text))
            or w.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee")))


_NOT_SPEAKERS = {"video", "footage", "photo", "image", "picture", "film", "data", "figure", "evidence", "material",
                 "move", "decision", "attack", "incident", "map", "chart", "graph", "it", "this", "that", "which",
                 "rumor", "rumour", "speculation", "test", "result", "sign", "estimate", "feedback", "response",
                 "imaging", "imagery", "polling", "projection", "forecast", "indication"}
# ("Rumors say ...", "Apple tests indicate ...", "Initial estimates indicate ...", "Satellite imaging suggests ...")


def _humanish_name(name: str) -> bool:
    """False for a description that cannot be speaking ("The video ... prompted users to argue that")."""
    words = fold(name).split()
    if not words:
        return False
    w = words[-1]
    return w not in _NOT_SPEAKERS and not (w.endswith("s") and w[:-1] in _NOT_SPEAKERS)


def _joint(a: _Article, subj, r):
    """'Zadan and Meron said': both named speakers, as one; and 'South Sudan officials and
    witnesses said', 'police and prosecutors': a body of people with others beside it. The names
    may stand in apposition to a role ('producers Craig Zadan and Neil Meron said')."""
    def joins(t) -> bool:
        return any(x.lower_ == "and" for x in t.children if x.dep_ == "cc")

    if not joins(subj):
        subj = next((x for x in subj.children if x.dep_ == "appos" and x.i > subj.i and joins(x) and not any(
            t.is_punct for t in a.doc[subj.i:x.right_edge.i + 1])), None)  # (not "Rory Read, president and CEO")
        if subj is None:
            return r
    names, mentions = [r[0]], [r[3]]
    for c in subj.children:
        if c.dep_ != "conj" or re.search(r"\band " + re.escape(c.text) + r"\b", r[3] or ""):
            continue  # (the words already name it: "an Egyptian blogger and journalist")
        o = a.name_of(c, resolve_pronouns=False)
        if o and r[1] in ("org", "other") and c.pos_ == "PROPN" and any(
                x.dep_ == "compound" and x.pos_ == "PROPN" for x in c.children):
            names.append(o[0])  # "the health ministry and World Vision Indonesia": a body beside a body
            mentions.append(o[3])
            continue
        if o and o[1] == r[1] and o[1] in ("person", "org") and o[0] not in names:
            names.append(o[0])
            mentions.append(o[3])
        elif c.tag_ == "NNS" and c.lemma_ in _HUMAN_WORDS | {"prosecutor", "expert", "supporter"} | _BODIES | \
                _ORG_DESCRIPTIONS or \
                c.lower_ == "team" and any(x.dep_ == "poss" for x in c.children):  # ("Paganini and his team")
            names.append(_noun_phrase(a.doc, c))
            mentions.append(names[-1])
        elif c.pos_ == "NOUN" and not _ROLE_WORDS.search(c.lower_) and (c.tag_ == "NNS" or c.lower_ == "family" or any(
                x.dep_ in ("det", "poss") for x in c.children)):
            names.append(_noun_phrase(a.doc, c))  # "cops and family", "Democrats and environmentalists"
            mentions.append(names[-1])
    if len(names) == 1:
        return r
    return " and ".join(names), r[1], None, " and ".join(m for m in mentions if m)


def _according_objects(a: _Article, t) -> list:
    """The object of "according to" at ``t``. The small parser reads "According to Connecticut
    Senator Richard Blumenthal," as "according to Connecticut" with the senator as a subject: a
    place followed, before any punctuation, by a person's name is that person's title."""
    doc = a.doc
    pobj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
    if pobj and pobj[0].ent_type_ in ("GPE", "LOC", "NORP"):
        k = pobj[0].i + 1
        while k < len(doc) and not doc[k].is_punct and k - pobj[0].i < 6:
            ent = a.ents.entity_at(k)
            if ent is not None and ent.kind == "person":
                while k + 1 < len(doc) and a.ents.entity_at(k + 1) is ent:
                    k += 1
                return [doc[k]]
            k += 1
    return pobj


def _according_speaker(a: _Article, tokens):
    """A frame with no speech verb: 'according to X' names the speaker."""
    doc = a.doc
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            pobj = _according_objects(a, t)
            if pobj:
                p = pobj[0]
                # "according to a statement released by Erdogan's office"
                for c in p.subtree:
                    if c.dep_ == "agent":
                        po = [x for x in c.children if x.dep_ == "pobj"]
                        if po:
                            r = a.name_of(po[0])
                            if r and p.lemma_ in _DOCUMENT_NOUNS and p.pos_ == "NOUN":
                                r = (*r[:3], _join(doc, p.left_edge.i, p.i + 1))  # the words at it: "a tweet"
                            if r:
                                return r, _join(doc, t.i, p.i + 1)
                r = a.name_of(p)
                if r:
                    return r, _join(doc, t.i, p.i + 1)
    return None


def _title_like(text: str) -> bool:
    """'American Pie', 'Spike': names and titles in quote marks, not speech."""
    words = re.findall(r"[\w'’-]+", text)
    if not words or len(words) > 10:  # ("Secret Man: The Story of Watergate's Deep Throat", a book)
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with", "by", "from", "its", "or", "vs",
             "as"}
    return all(w[0].isupper() or w.lower() in small or w[0].isdigit() for w in words) and words[0][0].isupper()


def _context(a: _Article, span_start: int, span_end: int) -> str:
    doc = a.doc
    toks = doc.char_span(span_start, span_end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return a.text[span_start:span_end]
    s0, s1 = toks[0].sent.start_char, toks[-1].sent.end_char
    p0, p1 = a.paras[a.para_of(span_start)][0], a.paras[a.para_of(max(span_start, span_end - 1))][1]
    return a.text[max(s0, p0):min(s1, p1)].strip()


def _quote_text(text: str, span: Span) -> str:
    t = text[span.start:span.end]
    for r in sorted(span.reopen, reverse=True):  # drop the re-opening marks of continued paragraphs
        k = r - span.start
        t = t[:k] + t[k + 1:].lstrip(" ")  # (tokenised text's space after the mark goes with it)
    return t.rstrip().rstrip(",").rstrip()


def attribute(a: _Article) -> list[Quote]:
    """Attribute every direct quote, then add reported speech."""
    quotes: list[Quote] = []
    last: Quote | None = None
    for span in a.spans:
        if _is_caption(a, span) or _is_gloss(a.text, span):
            continue
        text = _quote_text(a.text, span)
        start = span.start
        end = start + len(a.text[span.start:span.end].rstrip().rstrip(",").rstrip())
        # leading spaces inside the marks
        while start < end and a.text[start].isspace():
            start += 1
        text = text[start - span.start:] if not span.reopen else text.lstrip()
        if start >= end:
            continue
        frame = _frame_tokens(a, span)
        verb = _pick_verb(a, span, frame)
        words = len(text.split())
        speaker = kind = role = mention = via = verb_text = None
        if verb is not None:
            r = _speaker_of_verb(a, verb, frame)
            if r:
                speaker, kind, role, mention = r
            verb_text = _verb_phrase(a, verb)
            if verb.lemma_ in WRITE_VERBS and verb_text == verb.text:
                medium = _medium_before(a, verb, speaker)
                if medium:
                    verb_text = f"{verb.text} {medium}"
            clause = [t for t in frame if ";" not in a.text[min(t.idx, span.start):max(t.idx, span.end)]]
            via = _via(a, clause, speaker, verb)
        else:
            acc = _according_speaker(a, frame)
            if acc:
                (speaker, kind, role, mention), verb_text = acc
        if speaker is None:
            byline = _dash_byline(a, span)
            if byline is not None:
                speaker, kind = byline
                mention = speaker
        if speaker is None:
            # The sentence before ends in a colon and names a speaker; or the quote continues the last one.
            intro = _colon_intro(a, span) or _stance_before(a, span, frame)
            if intro is not None:
                speaker, kind, role, mention, verb_text, via = intro
            elif last is not None and a.para_of(span.start) - a.para_of(last.end) <= 1 and not _frame_has_prose(frame) and (
                    words >= 3 or a.para_of(span.start) == a.para_of(last.end) or _whole_paragraph(a, span)) \
                    and not _lead_in(a, span, last):
                # '... an officer ordered. “Step out.”' (counted from where the last quote ends: one
                # over four paragraphs is followed by the next)
                speaker, kind, role, mention, via = last.speaker, last.speaker_kind, last.role, last.mention, last.via
                verb_text = verb_text or None
        if speaker is None and verb is None:
            if words < 6 or _title_like(text):
                continue  # a term, title or name in quote marks, not a statement
            if _frame_has_prose(frame) and words < 10:
                continue
        if _title_like(text) and not (speaker and verb is not None and verb.lemma_ in _ONE_WORD_VERBS and words == 1 and (
                a.text[span.start:span.end].rstrip()[-1:] in (",", "!", "?") or (
                    a.text[span.start:span.end].rstrip()[-1:] == "." and verb.idx < span.start))):
            # ('He responded "Yes."': an answer; a title is not what someone responds or says)
            continue  # "American Pie", "Spike": a title or a name in quote marks (not '“Amazing,” Davis said')
        if verb is not None and verb.lemma_ == "chant" or re.search(
                r"\b(?:signs?|placards?|banners?|posters?|sayings?|slogans?|t-shirts?)\b[^.!?\n“”\"]{0,30}"
                r"\b(?:such as|reading|that read|saying|with)\W{0,3}$",
                a.text[max(0, span.start - 60):span.start - 1]):
            continue  # 'Teachers chanted, “Fund our schools,”', 'signs with sayings such as, “...”': slogans
        if verb is not None and verb.lemma_ in _NAMING_VERBS and words <= 4 and any(
                c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and not any(
                c.dep_ == "agent" for c in verb.children):
            continue  # 'H1N1 was commonly called "swine flu."': a name, not anyone's words (but 'has been
            # labeled "suspicious" by James Steele, the fire chief' is his)
        is_partial = _frame_has_prose(frame) and words < 25 and not _surrounds(frame, span)
        q = Quote(text=text, start=start, end=end, kind="partial" if is_partial else "direct",
                  speaker=speaker, speaker_kind=kind, role=role, verb=verb_text, via=via, mention=mention,
                  context=_context(a, span.start, span.end),
                  flags=["unclosed"] if span.unclosed else [])
        if q.speaker and q.role is None and q.speaker_kind == "person":
            p = a.ents.find_person(q.speaker)
            q.role = p.role if p else None
        if q.speaker is None and q.mention is None and verb is not None:
            # '“...,” she said' where no "she" was named before: no one to name, but the words that
            # say who spoke are still there (and a quote that goes on from this one is hers too)
            q.mention = next((c.text for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")
                              and not a.inside[c.i]), None)
        quotes.append(q)
        if speaker:
            a.speakers.append((span.start, speaker, kind, role))
        if speaker or q.mention:
            last = q
    quotes.extend(_reported(a))
    quotes = [q for q in quotes if not _in_link_headline(a.text, q)]
    answers = _interview_answers(a) or _transcript_lines(a)
    if answers:  # an answer is one quote: nothing found inside it stands on its own
        quotes = [q for q in quotes if not any(x.start <= q.start < x.end for x in answers)] + answers
    quotes.sort(key=lambda q: q.start)
    _after_reported(a, quotes)
    _pronouns_after_reported(a, quotes)
    _pronouns_by_quotes(a, quotes)
    _name_descriptions(a, quotes)
    _descriptions_back(a, quotes)
    _titles_back(a, quotes)
    _pronouns_to_named_descriptions(a, quotes)
    _our_correspondent(a, quotes)
    _cited_sources(a, quotes)
    _fuller_descriptions(a, quotes)
    _carry_relays(a, quotes)
    aliases: dict[str, re.Match | None] = {}  # name -> "also known as <name>" in the text
    wholes: dict[str, str | None] = {}  # name -> the longer name it is always written in
    for q in quotes:
        if q.via:
            q.via = _bare_outlet(_without_person_tail(a, q.via))
        if q.via and q.via.split() and q.via.split()[-1][:1].isupper():
            # "French radio Europe 1", "RTL 4": a short number after an outlet's name is part of it
            m = re.search(re.escape(q.via) + r" (\d{1,2})(?=[,;:)]|\.(?!\d)|\s+(?:on|in|at|that|radio|tv|TV|television|channel"
                          r"|news|about|this|last|earlier|later|during|he|she|they|it)\b)", a.text)
            # (not "told the Guardian 41 bodies had been brought in")
            if m:
                q.via = f"{q.via} {m.group(1)}"
        if q.speaker and q.speaker_kind in ("person", "org"):
            _place_in_name(a, q)
        if q.speaker and q.speaker_kind == "person":
            _plain_name(a, q)
        if q.mention:
            q.mention = _plain_mention(a, q, _anchored_mention(a, q))
            q.mention = QUOTE_RUN_IN.sub("", q.mention) or q.mention  # 'skin,"-Albert Fox
            if q.speaker and q.mention.islower() and q.speaker.endswith("-" + q.mention) and q.speaker in a.text:
                q.mention = q.speaker  # "ryong", the parse's head of "Kim In-ryong"
        if q.speaker and re.fullmatch(r"[A-Z][\w-]{1,20}", q.speaker) and q.speaker not in aliases:
            aliases[q.speaker] = re.search(rf"\b(?:also|better|commonly) known as {re.escape(q.speaker)}\b", a.text)
        alias = aliases.get(q.speaker) if q.speaker else None
        if alias:  # "The Sydney-based airline, also known as Rex": the organisation last quoted before the alias
            named = [x.speaker for x in quotes if x.speaker_kind == "org" and x.speaker and x.start < alias.start()
                     and x.speaker != q.speaker]
            if named:
                q.speaker, q.speaker_kind = named[-1], "org"
        if q.speaker and q.mention == q.speaker and not is_first_name(q.speaker):
            if q.speaker not in wholes:  # (one scan of the text per name, not one per quote)
                wholes[q.speaker] = _always_written_with(a, q.speaker)
            whole = wholes[q.speaker]
            if whole is not None:  # "Business in the Community says", "Recycle Now says": the parse took
                q.speaker = q.mention = whole  # one word of a name that is never written without the rest
                q.speaker_kind = "org"
        if q.speaker and q.speaker_kind in ("org", "person") and " " not in q.speaker:
            long = _named_before_brackets(a, q.speaker)
            if long is not None:  # "World Wonder Ring Stardom (Stardom) announced ..." then "Stardom's statement"
                q.speaker, q.speaker_kind = long, "org"
        if q.speaker and re.fullmatch(r"[A-Z]{2,6}", q.speaker):
            long = _spelled_out(a, q.speaker)
            if long is None:  # "ACI said" where the article names "ACI Europe" (and no other ACI)
                tails = [m.group(1) for m in re.finditer(rf"\b{q.speaker} ([A-Z][a-z]+)\b", a.text)]
                if len(tails) >= 2 and len(set(tails)) == 1 and fold(tails[0]) not in SPEECH_VERBS and \
                        not is_first_name(tails[0]) and fold(tails[0]) not in _PERSON_TITLES:
                    long = f"{q.speaker} {tails[0]}"
            if long is not None:  # "says WHO" where the article also names the World Health Organization
                q.speaker, q.speaker_kind = long, "org"
        letters = _acronym_letters(q.speaker) if q.speaker else None
        if q.speaker and (letters and letters != q.speaker or (
                " " in q.speaker and q.speaker.istitle() and (q.speaker_kind in ("org", "other") or fold(
                    q.speaker.split()[-1]) in _ORG_WORDS | {"police"}))):
            org = a.ents.find_org(q.speaker)
            if org is not None and len(org.name) > len(q.speaker):
                # "H-P" for Hewlett-Packard Co., "Bloomington Police" for the Bloomington Police Department
                q.speaker, q.speaker_kind = org.name, "org"
        if q.speaker and re.search(r"\s[’']\s?s\b", q.speaker):
            q.speaker = re.sub(r"\s([’'])\s?s\b", r"\1s", q.speaker)  # tokenised text's "City Attorney ’ s office"
        if q.speaker and q.speaker_kind == "other" and len(q.speaker.split()) > 1 and \
                q.speaker.split()[0].lower() in _HOW_MANY:
            # "several workers", "These brands", "Multiple government officials": who spoke, not how many
            q.role = q.role or q.speaker
            q.speaker = " ".join(q.speaker.split()[1:])
        if q.speaker and q.speaker_kind == "other":
            head = _description_head(q.speaker, a.text)
            if head != q.speaker:
                q.role = q.role or q.speaker
                q.speaker = head
    _surnames_to_full_names(a, quotes)
    _pronouns_by_quotes(a, quotes)  # again: "Iordache", tagged an organisation, is now Florin Iordache and a "he"
    _countries_kept(a, quotes)
    return quotes


# A link to another article left inside the text: "READ MORE: Amnesty says Rohingya abuse may be ...",
# "Read more on RB Leipzig here: RB Leipzig's rapid rise 'no fairytale'". The headline after it is that
# article's, and whatever it seems to quote is not this article's quote.
_LINK_LEAD = re.compile(r"\b(?:(?i:read more|read also|also read)\b[^.:!?\"“”]{0,40}"
                        r"|(?:OPINION|WATCH|INTERACTIVE|IN PICTURES|RELATED|INSIDE STORY)):\s*")


def _in_link_lead(text: str, at: int, words: int = 6, window: int = 120) -> bool:
    """Whether the character ``at`` is among the first words of a linked headline ("OPINION: How
    Jeff Sessions should remind ..."): a name there is that article's, and no "he" after it means it."""
    for m in _LINK_LEAD.finditer(text, max(0, at - window), at + 1):
        between = text[m.end():at]
        if len(between.split()) <= words and not re.search(r"[.!?][\"”’']?\s", between):
            return True
    return False


def _in_link_headline(text: str, q: Quote) -> bool:
    """Whether a quote begins within the first words of a linked headline. A sentence in marks is
    this article's even there ('READ MORE: Burhan Ozbilici captures Andrey Karlov's final moments
    "Don't forget Aleppo. Don't forget Syria!" the gunman shouted'), as is a partial quote that ends one."""
    if q.kind == "direct" or q.kind == "partial" and re.search(r"[.!?,]", q.text[-1:] + text[q.end:q.end + 2]):
        return False
    return _in_link_lead(text, q.start, words=8, window=200)


def _countries_kept(a: _Article, quotes: list[Quote]) -> None:
    """"China's Foreign Ministry" and "Russia's Foreign Ministry" in one article are two speakers: a
    government office the mention names with its country's possessive keeps the country."""
    places = {fold(e.text) for e in a.doc.ents if e.label_ in ("GPE", "NORP")}
    for q in quotes:
        if q.speaker_kind != "org" or not q.speaker or not q.mention:
            continue
        m = re.fullmatch(r"(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(.+)", q.mention.strip())
        if m and fold(m.group(2)) == fold(q.speaker) and fold(m.group(1)) in places and re.search(
                r"\b(?:ministry|cabinet office|foreign office|department of|home office)\b", fold(q.speaker)):
            # (a government's office, which every country has; not "Australia's Commonwealth Bank")
            q.speaker = f"{m.group(1)}'s {q.speaker}"
    # "Russia's Defense Ministry released a statement ... the statement said": an office the article
    # names with one country's possessive anywhere is that country's, wherever it speaks unnamed
    for q in quotes:
        if q.speaker_kind != "org" or not q.speaker or "'s " in q.speaker or not re.search(
                r"\b(?:ministry|cabinet office|foreign office|department of|home office)\b", fold(q.speaker)):
            continue
        owners = {m.group(1) for m in re.finditer(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+" + re.escape(q.speaker)
                                                 + r"\b", a.text) if fold(m.group(1)) in places}
        if len(owners) == 1:
            q.speaker = f"{owners.pop()}'s {q.speaker}"


def _surnames_to_full_names(a: _Article, quotes: list[Quote]) -> None:
    """A speaker known by a surname alone ("Ramishvili said") is the one person another quote of the
    article names in full with it ("Teimuraz Ramishvili"), or else the one first name the article
    writes before that surname ("Justice Minister Florin Iordache", "Zen-ei Nishikata"), when the
    tagger knew no entity to join them."""
    full: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker and q.speaker_kind == "person" and len(q.speaker.split()) in (2, 3) and q.speaker.istitle():
            full.setdefault(fold(q.speaker.split()[-1]), set()).add(q.speaker)
    for q in quotes:
        m = re.fullmatch(r"(De|Da|Di|Du|Dos|Das|Del|Della|Van|Von|La|Le) ([A-Z][\w'’-]+)", q.speaker or "")
        if m and q.speaker_kind in ("person", "other", "org", None):
            # "De Lima said" for "Leila de Lima": a surname with its particle capitalised at a sentence's start
            found = {fold(f.group()): f.group() for f in re.finditer(
                rf"\b([A-Z][a-z]+) (?i:{m.group(1)}) {re.escape(m.group(2))}\b", a.text) if is_first_name(f.group(1))}
            if len(found) == 1:
                q.speaker, q.speaker_kind = next(iter(found.values())), "person"
    written: dict[str, set[str] | None] = {}
    for q in quotes:
        if not (q.speaker and " " not in q.speaker and q.speaker[:1].isupper() and q.speaker[1:].islower()
                and q.speaker_kind in ("person", "other", "org", None)) or \
                fold(q.speaker) in _ORG_WORDS | _BODIES | _HUMAN_WORDS | {"police"}:
            continue  # ("Police" is no surname of "Surrey Police")
        names = full.get(fold(q.speaker), set())
        if not names:  # "Zeid" for "Zeid Ra'ad al-Hussein": an Arab name is often shortened to the given name
            names = {p.name for p in a.ents.persons() if fold(p.name.split()[0]) == fold(q.speaker)
                     and re.search(r"\b(?:al|el)-|\b(?:bin|ibn|bint|abu)\b", p.name, re.I)}
        if not names:
            if q.speaker not in written:
                firsts = set()
                for m in re.finditer(r"(?<![\w'’-])([A-Z][a-z]*(?:[?\ufffd][a-z]+)+|[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?) "
                                     + re.escape(q.speaker) + r"(?!\w)", a.text):
                    # ("Bj?rn H?cke": a letter lost to bad encoding, in the first name and the surname)
                    first = m.group(1)
                    tok = next((t for t in _tokens_in(a.doc, m.start(1), m.end(1))), None)
                    last = next((t for t in _tokens_in(a.doc, m.end(1) + 1, m.end())), None)
                    place = tok is not None and tok.ent_type_ in ("GPE", "NORP", "LOC") and not (
                        last is not None and last.ent_iob_ == "I")  # ("in Russia Kara-Murza said"; not
                    # "Florin Iordache" tagged a place as a whole)
                    headline = re.search(rf"\b{re.escape(m.group())}\b", a.title) is not None
                    # ("Florin Iordache's resignation on Thursday came as ...", a sentence's first words, is
                    # the name the headline writes: "Justice minister Florin Iordache resigns")
                    if tok is None or tok.is_sent_start and not headline or tok.pos_ != "PROPN" or place \
                            or fold(first) in _PERSON_TITLES or _ROLE_WORDS.search(fold(first)) \
                            or first in _PLACE_FIRST_WORDS:
                        continue
                    titled = any(fold(w) in _PERSON_TITLES or _ROLE_WORDS.search(fold(w))
                                 for w in re.findall(r"[A-Za-z]+", a.text[max(0, m.start() - 30):m.start()]))
                    if q.speaker_kind == "org" and "-" not in first and not is_first_name(first) and not titled \
                            and not headline:
                        continue  # (an organisation's one-word name takes only a sure first name, or one
                        # written after a role: "Romania's justice minister, Florin Iordache")
                    firsts.add(first)
                written[q.speaker] = firsts
            names = {f"{f} {q.speaker}" for f in written[q.speaker] or ()}
        if len(names) == 1:
            q.speaker, q.speaker_kind = next(iter(names)), "person"


def _pronouns_to_named_descriptions(a: _Article, quotes: list[Quote]) -> None:
    """'..., said the official who uses one name' resolved to Fauzi: a later "he" that was taken
    for "official" (its sentence's subject) is Fauzi too (two paragraphs on at most)."""
    named: list[tuple[int, str, str, str | None]] = []
    for q in quotes:
        mention = q.mention or ""
        bare = fold(re.sub(r"(?i)^the\s+", "", mention))
        if q.speaker_kind == "person" and q.speaker and mention.lower().startswith("the ") and bare != fold(q.speaker):
            named.append((q.start, bare, q.speaker, q.role))
        elif mention.lower() in ("he", "she") and q.speaker_kind == "other" and q.speaker:
            hit = [n for n in named if n[1] == fold(q.speaker) and a.para_of(q.start) - a.para_of(n[0]) <= 2]
            if hit:
                q.speaker, q.speaker_kind, q.role = hit[-1][2], "person", q.role or hit[-1][3]


_CITED = re.compile(r"\bciting\s+((?:an?|the|some|two|three|several)\s+)?((?:(?:unnamed|anonymous|unidentified)\s+)?"
                    r"[\w'’-]+(?:\s+[\w'’-]+){0,5}?)\s*(?=[,.;]|\s+(?:as\s+saying|who|that|in|on)\b)")


def _cited_sources(a: _Article, quotes: list[Quote]) -> None:
    """'..., a news flash on the state-run Al Ikhbariya TV station said, citing an official source':
    an outlet that cites a source passes on that source's words. The source speaks (as the gold
    set's labellers read "Reuters, citing anonymous sources, reported"), the outlet relays."""
    for q in quotes:
        if not q.speaker or q.via:
            continue
        span = a.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span[0].sent
        outside = a.text[sent.start_char:q.start] + " " + a.text[q.end:sent.end_char]
        m = _CITED.search(outside)
        if m is None or re.search(r"\b(?:figures|data|statistics|reasons?|concerns?|grounds)\b", m.group(2), re.I):
            continue  # ("citing security concerns": a reason, not a source)
        said_by = f"{q.speaker} {q.mention or ''}"
        outlet = next((n for _, n in a.outlets if fold(n) in fold(said_by)), None)
        if outlet is None and a.is_outlet(q.speaker):
            outlet = q.speaker
        if outlet is None:
            continue
        at = (q.mention or "").find(outlet)
        if at >= 0:  # with the medium words after its name: "Al Ikhbariya TV station"
            outlet = q.mention[at:]
        source = re.sub(r"^(?:unnamed|anonymous|unidentified)\s+", "", m.group(2), flags=re.I)
        q.via = _bare_outlet(clean_name(outlet)) or clean_name(outlet)
        q.speaker, q.speaker_kind, q.role = source, "other", None
        q.mention = (m.group(1) or "") + m.group(2)


def _our_correspondent(a: _Article, quotes: list[Quote]) -> None:
    """'says the BBC's Christian Fraser in Paris. ... , our correspondent says': an outlet's "our
    correspondent" (or "reporter") is the one journalist of its own the article names."""
    journalists = a.journalists
    if len(journalists) != 1:
        return
    person = a.ents.find_person(next(iter(journalists)))
    if person is None:
        return
    for q in quotes:
        words = fold(q.speaker or "").split()
        if q.speaker_kind == "other" and words and words[-1] in ("correspondent", "reporter") and (
                words[0] == "our" or re.match(r"(?i)our\s", q.mention or "")):
            q.role = q.role or q.speaker
            q.speaker, q.speaker_kind = person.name, "person"


def _pronouns_after_reported(a: _Article, quotes: list[Quote]) -> None:
    """'X, spokesman for ..., said Sudan had not bombed ... / “...,” he said': direct quotes are
    attributed before reported speech is found, so their "he" could not point back to a speaker
    who only reported; the reported statement just before (a paragraph back at most, no one else
    a subject in between, agreeing in gender) is whom it means."""
    for prev, q in pairwise(quotes):
        low = (q.mention or "").lower()
        if low not in ("he", "she") or q.kind == "reported" or prev.kind != "reported" or not prev.speaker:
            continue
        if prev.speaker_kind != "person" or (prev.mention or "").lower() in _PRONOUNS or q.speaker and (
                fold(prev.speaker).endswith(fold(q.speaker)) or fold(q.speaker).endswith(fold(prev.speaker))):
            continue  # (the same person, by a longer or shorter name)
        if a.para_of(q.start) - a.para_of(prev.end) > 1 or any(
                prev.end <= c < q.start and k == "person" for c, _, k in a.subjects):
            continue
        person = a.ents.find_person(prev.speaker)
        gender = person.gender if person is not None else None
        if gender and gender != ("m" if low == "he" else "f"):
            continue
        q.speaker, q.speaker_kind, q.role = prev.speaker, prev.speaker_kind, prev.role


def _pronouns_by_quotes(a: _Article, quotes: list[Quote]) -> None:
    """'“...,” she said' that no sentence before names (the parser missed "a France Telecom
    spokeswoman ... said" as a subject): she is whoever was last quoted, two paragraphs back at
    most, if that speaker can be "she"."""
    for k, q in enumerate(quotes):
        low = (q.mention or "").lower()
        if q.speaker or low not in ("he", "she"):
            continue
        want = "m" if low == "he" else "f"
        for prev in reversed(quotes[:k]):
            if a.para_of(q.start) - a.para_of(prev.start) > 2:
                break
            if not prev.speaker or prev.speaker_kind == "org" or _is_plural(prev.speaker, prev.speaker_kind):
                continue
            person = a.ents.find_person(prev.speaker) if prev.speaker_kind == "person" else None
            gender = person.gender if person is not None else noun_gender(prev.speaker.split()[-1])
            if gender and gender != want:
                continue
            q.speaker, q.speaker_kind, q.role = prev.speaker, prev.speaker_kind, q.role or prev.role
            break


_SMALL = {"of", "for", "at", "from", "with", "in", "on", "and", "the", "a", "an", "to", "de", "la", "du"}


_TITLED_NAME = re.compile(r"^(?P<title>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+)\s+"
                          r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})$")


def _place_in_name(a: _Article, q: Quote) -> None:
    """"Prime Minister of India Narendra Modi", tagged "India Narendra Modi" (a person or, as often,
    an organisation): the place belongs to the title, the person is Narendra Modi."""
    rest = q.speaker.partition(" ")[2]
    if len(rest.split()) >= 2 and re.search(
            r"\b(?:Minister|President|Secretary|Governor|Mayor|Chancellor|King|Queen) of " + re.escape(q.speaker), a.text):
        q.speaker, q.speaker_kind = rest, "person"


def _plain_name(a: _Article, q: Quote) -> None:
    """'President of Ukraine Volodymyr Zelenskyy' is Volodymyr Zelenskyy (the title kept as the role);
    'the Secretary-General', a title alone, is the one person the article gives that title."""
    m = _TITLED_NAME.match(q.speaker) or re.match(
        r"^(?P<title>Taoiseach|T[aá]naiste)\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})$", q.speaker)
    if m and fold(m.group("title")).split()[0] in _PERSON_TITLES | {"taoiseach", "tanaiste"}:
        q.role = q.role or m.group("title")
        q.speaker = m.group("name")
        return
    words = re.split(r"[\s-]+", fold(q.speaker))
    titled_of = re.match(r"^(\w+)\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?$", fold(q.speaker))
    if words and (all(w in _PERSON_TITLES for w in words) or titled_of and titled_of.group(1) in _PERSON_TITLES):
        # ("the Secretary-General"; "the Governor of Alaska", a title of a place: the one person given it)
        person = a.person_by_description(q.speaker, q.start)
        if person is not None and not set(fold(person.name).split()) & set(words):  # (not "Yartsevo" itself)
            q.role = q.role or person.role
            q.speaker = person.name
        return
    if " " not in q.speaker and q.speaker[:1].isupper():
        # "Ratliff" where the tagger took "Keiwan Ratliff" for a place, "Kandek" where it took "Qualys
        # CTO Wolfgang Kandek" for a title: the one first name the article writes before that surname
        firsts = {m.group(1) for m in re.finditer(r"\b([A-Z][a-z]+) " + re.escape(q.speaker) + r"\b", a.text)
                  if m.group(1).lower() not in _PERSON_TITLES and (is_first_name(m.group(1)) or any(
                      e.start_char <= m.start() and m.end() <= e.end_char for e in a.doc.ents))
                  and not _ROLE_WORDS.search(m.group(1).lower()) and m.group(1) not in _PLACE_FIRST_WORDS}
        if len(firsts) == 1:
            q.speaker = f"{firsts.pop()} {q.speaker}"


_PLACE_FIRST_WORDS = {"North", "South", "East", "West", "New", "Upper", "Lower", "Central", "Greater", "Saint"}


def _named_as(speaker: str | None, kind: str | None, mention: str, whole: str) -> str | None:
    """A speaker known only by a description at the quote is known by all its words ("witnesses to
    the shooting", "one neo-bank CEO"); one resolved elsewhere, or a person or organization named at
    the quote, keeps that name."""
    bare = re.compile(r"^(?:the|a|an)\s+", re.I)
    if kind == "other" and speaker and fold(bare.sub("", speaker)) == fold(bare.sub("", mention)):
        return bare.sub("", whole)
    return speaker


def _anchored_mention(a: _Article, q: Quote) -> str:
    """The mention as the whole phrase it stands in where it is written, nearest the quote in its
    paragraph: "Kevin Bonham" where the tagger named "Bonham", "The Lost 52 Project" for "52 Project"."""
    mention = q.mention
    lo, hi = a.paras[a.para_of(q.start)][0], a.paras[a.para_of(q.end)][1]
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", a.text[lo:hi])]
    found = [lo + f for f in found if not (q.start <= lo + f < q.end)]
    if not found:
        return mention
    at = min(found, key=lambda f: min(abs(f - q.start), abs(f - q.end)))
    span = a.doc.char_span(at, at + len(mention), alignment_mode="expand")
    if span is None or not len(span):
        return mention
    head = span.root
    if head.pos_ == "PRON" or head.lemma_ in _DOCUMENT_NOUNS | _EDITORIALS:
        return mention
    whole = _widened(a.doc, head, q.speaker_kind or "other", mention)
    if whole is not None:
        q.speaker = _named_as(q.speaker, q.speaker_kind, mention, whole)
        return whole
    return mention


def _plain_mention(a: _Article, q: Quote, mention: str | None = None) -> str:
    """The words naming the speaker, as a reader would point at them: the name without the role
    words the tagger ran into it ("Lawyer Alexis Kougias", "Detective Constable Daniel Dubé" name
    Alexis Kougias and Daniel Dubé), and without a bracket the tagger left open ("The Philippine
    Institute of Volcanology and Seismology (Phivolcs")."""
    mention = mention or q.mention
    mention = re.sub(r"\s*\([^()]*\)?$", "", mention).strip() or mention
    left = re.split(r"\s[-–—]\s", mention)[0]  # "Jonathan Wright - director of wholesale products"
    if len(left.split()) > 1 and left.split()[-1][:1].isupper():
        # (not "a co - worker", "The 51 - year - old showrunner", "Al - Sawarmi Khalid")
        mention = left
    if q.speaker_kind == "person" and q.speaker:
        own = {fold(w) for w in q.speaker.split()}
        words = mention.split()
        first = next((i for i, w in enumerate(words) if fold(w) in own or w.lower().rstrip(".") in _HONORIFICS), 0)
        before = words[:first]
        if 0 < first < len(words) and all(w[:1].isupper() or w in ("of", "for", "the") or (
                w.isalpha() and w.islower() and len(words) - first >= 2 and words[first][:1].isupper())
                for w in before) and (
                len(words) - first >= 2 or all(fold(w).rstrip(".") in _PERSON_TITLES and not is_first_name(w)
                                               for w in before)):
            mention = " ".join(words[first:])  # "Dean McCarron" stays whole: "Dean" is no title
    return mention


_MEDIUM_TAIL = re.compile(r"(?<=[\w.])\s+(?:(?:tv|television|radio|news)\s+)?(?:television|radio|channel|station|network"
                          r"|newspaper|daily|weekly|magazine|website|broadcaster|agency)$")


# what an outlet is, written before its name in lower case: "Dutch broadcaster RTL", "French radio Europe 1",
# "German public broadcaster SWR", "Iran's semi-official MEHR" (not "Radio Free Europe", a name)
_DESCRIBED_OUTLET = re.compile(
    r"^(?:[A-Z][\w.-]*['’]s\s+|[A-Z][a-z]+\s+)?(?:(?:state-run|state-owned|government-run|public|private|official"
    r"|semi-official|independent)\s+)*(?:broadcaster|radio|television|tv|newspaper|daily|magazine|news agency"
    r"|agency|website|channel)\s+(?=[A-Z0-9])")


def _bare_outlet(outlet: str) -> str | None:
    """"Rossiya-24 television channel", "Europe 1 radio": the outlet is its name (a capitalised tail,
    as in "Korean Central News Agency", is part of the name and stays)."""
    bare = _MEDIUM_TAIL.sub("", outlet)
    last = bare.split()[-1] if bare.split() else ""
    bare = bare if bare != outlet and (last[:1].isupper() or any(c.isdigit() for c in last)) else outlet
    # "Norway's state-run NRK TV": the broadcaster is NRK TV ("BFM TV" is a name, and so kept)
    bare = re.sub(r"^(?:[A-Z][\w.-]*['’]s\s+)?(?:state-run|state-owned|government-run|public|private|semi-official|official"
                  r"|[A-Z][\w.]*-(?:owned|run|funded|backed|based|controlled))\s+(?=[A-Z])", "", bare)
    # ("the Saudi-owned Al Hadath news channel": Al Hadath)
    bare = _DESCRIBED_OUTLET.sub("", bare)  # "Dutch broadcaster RTL", "Iran's semi-official MEHR": RTL, MEHR
    # "told a public TV channel": a medium with no name names no outlet
    return None if fold(bare) in ("tv", "radio", "television", "tv channel", "channel", "news") else bare


def _without_person_tail(a: _Article, outlet: str) -> str:
    """'told MSNBC Cummings "was a great man"': the tagger ran the outlet's name into the subject of
    what was told; a surname of the article's people at its end is not the outlet's."""
    words = outlet.split()
    # (not the outlet itself taken for a person: "Al Jazeera" tagged PERSON is no surname "Jazeera")
    surnames = {fold(p.name).split()[-1] for p in a.ents.persons()
                if len(p.name.split()) > 1 and fold(p.name) != fold(clean_name(outlet))}
    while len(words) > 1 and re.sub(r"['’]s$", "", fold(words[-1])) in surnames:
        words.pop()
    return " ".join(words)


def _always_written_with(a: _Article, word: str) -> str | None:
    """The whole name a capitalised word belongs to, when the article writes that word (twice or more)
    only ever followed by the same words: "Business" of "Business in the Community", "Recycle" of
    "Recycle Now". A name the parser cut in two; no tagger knows a charity called that."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", word) or fold(word) in _HUMAN_WORDS | _ORG_WORDS:
        return None
    tails = set()
    hits = list(re.finditer(rf"(?<![\w'’-]){word}\b", a.text))
    for m in hits:
        tail = re.match(r" (?:(?:in|of|for) the )?[A-Z][a-z]+\b(?![\w'’-])", a.text[m.end():m.end() + 40])
        if tail is None:
            return None
        tails.add(tail.group())
    if len(hits) < 2 or len(tails) != 1:
        return None
    whole = word + tails.pop()
    last = whole.split()[-1]
    if fold(last) in SPEECH_VERBS or is_first_name(last) or fold(last) in _PERSON_TITLES:
        return None
    return whole


def _named_before_brackets(a: _Article, short: str) -> str | None:
    """The full name an article gives a short one in brackets after it: "The Philippine Institute of
    Volcanology and Seismology (Phivolcs)", "wrestling promotion World Wonder Ring Stardom (Stardom)"."""
    m = re.search(r"((?:[A-Z][\w&.'’-]*\s+(?:(?:of|and|for|the|de|on)\s+)*){1,8}[A-Z][\w&.'’-]*)\s*\(\s*"
                  + re.escape(short) + r"\s*\)", a.text)
    if m is None:
        return None
    name = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
    return name if len(name.split()) > 1 else None


def _spelled_out(a: _Article, acronym: str) -> str | None:
    """The one organisation of the article whose capitalised words spell ``acronym``."""
    found = set()
    for e in a.ents.by_key.values():
        if e.kind != "org":
            continue
        words = [w for w in re.split(r"[\s,]+", e.name) if w[:1].isupper()]
        if len(words) == len(acronym) and "".join(w[0] for w in words) == acronym:
            found.add(e.name)
    if not found:  # "USFK" for "US Forces Korea": a short name in capitals gives all its letters
        for m in re.finditer(r"\b(?:[A-Z][A-Za-z]*\s+){1,5}[A-Z][A-Za-z]*\b", a.text):
            words = m.group().split()
            for i in range(len(words)):
                for j in range(i + 2, len(words) + 1):
                    part = words[i:j]
                    if any(w.isupper() and len(w) <= 3 for w in part) and "".join(
                            w if w.isupper() and len(w) <= 3 else w[0] for w in part) == acronym:
                        found.add(" ".join(part))
    if not found:  # "VW" for "Volkswagen": the letters in order through one word that begins with the first
        # (not "EU" for "EUobserver" or "UN" for "UNRWA", names of their own that begin with it)
        for e in a.ents.by_key.values():
            if e.kind == "org" and " " not in e.name and e.name[:1] == acronym[0] and len(e.name) > len(acronym) + 2 \
                    and not e.name.upper().startswith(acronym) \
                    and re.search(".*".join(map(re.escape, acronym.lower())), e.name.lower()):
                found.add(e.name)
    return found.pop() if len(found) == 1 else None


def _is_human_noun(word: str) -> bool:
    people = _RELATIONS | _HUMAN_WORDS | {"critic", "lawyer", "adviser", "advisor", "aide", "ally", "rep"}
    return any(w in people for w in (word, word[:-1], word[:-2]) if w)


_CLOSE_TO = (" familiar", " close", " knowledgeable", " aware", " privy", " briefed", " involved")  # "sources familiar with"


_HOW_MANY = {"several", "multiple", "many", "some", "these", "those", "other", "numerous", "various"}


def _description_head(name: str, text: str) -> str:
    """A speaker the article names by a description goes by the description's head, as the gold
    set and a reader's eye take it; the whole phrase stays the quote's role: "spokesperson for
    the British Foreign Office" -> "spokesperson", "Swift's rep" -> "rep", "authors of the
    research" -> "authors". A name ("Office of Emergency Services"), an office of someone's
    ("Eric Holcomb's office") and a common owner ("the victim's mother") are kept."""
    words = name.split()
    if not any(w.isalpha() and w.islower() and w not in _SMALL for w in words):
        return name  # every word capitalised: a name, not a description
    m = re.match(r"^(.+?)\s+(?:of|for|at|from|with|in|on|about|across|who|that|which)\s", name)
    out = m.group(1) if m and " and " not in name and not m.group(1).lower().endswith(_CLOSE_TO) else name
    m = re.match(r"^([A-Z][^'’]*?)\s?['’](?:\s?s)?\s+(.+)$", out)  # (and tokenised "Lindsay Lohan ’ s attorney")
    common = m and " " not in m.group(1) and re.search(r"\b" + re.escape(m.group(1).lower()) + r"['’]", text)
    if m and not common and _is_human_noun(fold(m.group(2)).split()[-1]):
        # (not "Sheriff's officials" at a sentence's start, where "the sheriff's department" is written too)
        out = m.group(2)  # "Swift's rep", "Johnson's critics": their owner is named in the article
    return out if any(c.isalpha() for c in out) else name


def _fuller_descriptions(a: _Article, quotes: list[Quote]) -> None:
    """'The army said' after 'The Israeli army said', 'the commerce ministry' after 'China's commerce
    ministry': a short definite description is the fuller one ending in the same words that spoke or was a
    subject before (four paragraphs back at most)."""
    for i, q in enumerate(quotes):
        if not (q.speaker_kind == "other" or q.speaker_kind == "org" and len((q.speaker or "").split()) == 1) or \
                not q.speaker or len(q.speaker.split()) > 2 or not re.match(r"(?i)the\s", q.mention or ""):
            continue  # ("the Navy said", an organisation's one word, after "the Indian Navy" too)
        short = fold(q.speaker)
        para = a.para_of(q.start)
        before = [(x.start, x.speaker) for x in quotes[:i] if x.speaker]
        before += [(c, n) for c, n, k in a.subjects if c < q.start and k == "other"]
        fuller = [n for c, n in sorted(before) if para - a.para_of(c) <= 4 and fold(n).endswith(" " + short)
                  and not re.search(r"(?i)\b(?:spokes\w+|of)\b", n)]
        if fuller:
            q.speaker = fuller[-1]
            continue
        # "The commission said" after "The United States Commission on Presidential Debates announced":
        # the one organisation named before whose name holds the description's word
        if short not in ("company", "firm", "group", "government", "agency"):
            # (and "the utilities commission" after "the California Public Utilities Commission")
            named = {e.name for e in a.ents.by_key.values() if e.kind == "org" and len(e.name.split()) > len(short.split())
                     and {w.rstrip("s") for w in short.split()} <= {w.rstrip("s") for w in fold(e.name).split()}
                     and any(m[0] < q.start for m in e.mentions)}  # ("the dealer association": "... Dealers Association")
            if len(named) == 1:
                q.speaker, q.speaker_kind = named.pop(), "org"


def _after_reported(a: _Article, quotes: list[Quote]) -> None:
    """'Swift's rep told Fox News that this was not the whole truth. "Big Machine is trying ..."':
    a quote with no attribution of its own, in the paragraph of the reported speech that ends
    just before it, goes on with that speaker (and relay)."""
    for prev, q in zip(quotes, quotes[1:]):
        if q.speaker or q.kind != "direct" or prev.kind != "reported" or not prev.speaker:
            continue
        if a.para_of(prev.start) + 1 == a.para_of(q.start) and _alone_after(a, prev, q):
            pass  # '..., a Defence Ministry statement said.' / '"On sighting the helicopter, ..."'
        elif a.para_of(prev.start) != a.para_of(q.start) or not re.fullmatch(r"[\s.!?]*[\"“]?\s*",
                                                                              a.text[prev.end:q.start]):
            continue
        q.speaker, q.speaker_kind, q.role, q.mention, q.via = (prev.speaker, prev.speaker_kind, prev.role,
                                                               prev.mention, prev.via)


def _alone_after(a: _Article, prev: Quote, q: Quote) -> bool:
    """``q`` is a paragraph of its own, and the reported speech ``prev`` is in the last sentence of the
    paragraph before: the newspaper convention that the quote goes on with the same speaker."""
    ps, pe = a.paras[a.para_of(q.start)]
    if re.search(r"\w", a.text[ps:q.start] + a.text[q.end:pe]):
        return False
    _, pe = a.paras[a.para_of(prev.start)]
    tail = a.text[prev.end:pe].rstrip()
    return not re.search(r"[.!?][\"”’]?\s+\S", tail)


_ORG_DESCRIPTIONS = {"company", "firm", "brokerage", "giant", "maker", "manufacturer", "retailer", "chain", "carrier", "airline",
                     "charity", "organisation", "organization", "startup", "conglomerate", "supermarket", "studio",
                     "group", "agency", "corporation", "insurer", "bank", "operator", "automaker", "carmaker",
                     "club", "franchise", "brand", "business", "nonprofit", "non-profit", "lender", "utility"}
_RELATIONS = {"mother", "father", "son", "daughter", "wife", "husband", "nephew", "niece", "brother", "sister",
              "friend", "neighbour", "neighbor", "partner", "boyfriend", "girlfriend", "relative", "cousin", "uncle",
              "aunt", "grandmother", "grandfather", "fiancee", "fiance", "widow", "colleague", "lawyer", "attorney",
              "spokesman", "spokeswoman", "spokesperson", "representative", "rep"}


def _orgs_as_subjects_before(a: _Article, start: int) -> list[tuple[int, str]]:
    """(char, name) of the organisations written as a subject or a speaker before ``start``, two
    paragraphs back at most, outlets left out, in text order."""
    para = a.para_of(start)
    orgs = [(c, n) for c, n, k in a.subjects if k == "org" and c < start]
    orgs += [(c, n) for c, n, k, _ in a.speakers if k == "org" and c < start]
    return [(c, n) for c, n in sorted(orgs) if para - a.para_of(c) <= 2 and not a.is_outlet(n)]


def _descriptions_back(a: _Article, quotes: list[Quote]) -> None:
    """A definite description no stated role matches refers back: "the evangelist said" after
    Franklin Graham's quote is Graham (the quote before, a paragraph away at most, agreeing in
    gender); "The US software giant said" is the organisation last named as a subject or speaker
    (two paragraphs back at most). Relations ("the victim's nephew", "his lawyer") and plain
    human nouns ("the witness") name someone else and are left as they are."""
    from .entities import _ROLE_WORDS, noun_gender

    for i, q in enumerate(quotes):
        mention = (q.mention or "").strip()
        if q.speaker_kind == "person" and q.speaker and re.fullmatch(
                r"(?:[A-Z][\w.-]+\s+){1,2}(?:Republican|Democrat)", q.speaker) and re.search(
                r"(?i)\bthe\s+" + re.escape(q.speaker) + r"\b", a.text[max(0, q.start - 300):q.end + 300]):
            # "the Utah Republican said", tagged as a person of that name: a description
            q.speaker_kind, mention = "other", "the " + q.speaker
        definite = re.match(r"(?i)the\s", mention) or (
            # 'the "Pose" actor previously said': the title in marks cut the phrase from its article
            mention and re.search(r"(?i)\bthe\s+[\"“][^\"“”]{1,40}[\"”]\s+" + re.escape(mention) + r"\b",
                                  a.text[max(0, q.start - 120):q.end + 120]))
        para = a.para_of(q.start)
        owned = re.match(r"(?i)the\s+(\w+)['’]s\s+(.+)$", mention)
        if owned and definite and fold(owned.group(1)) in _ORG_DESCRIPTIONS and q.speaker_kind == "other":
            # "The company's security response team said": the team of the company last named
            orgs = _orgs_as_subjects_before(a, q.start)
            # else the organisation last named, a paragraph back at most ("Microsoft's Christopher Budd")
            orgs = orgs or sorted((m[0], e.name) for e in a.ents.by_key.values() if e.kind == "org"
                                  and not a.is_outlet(e.name) for m in e.mentions
                                  if m[0] < q.start and para - a.para_of(m[0]) <= 1)
            if orgs:
                q.role = q.role or re.sub(r"(?i)^the\s+", "", mention)
                q.speaker = f"{orgs[-1][1]}'s {owned.group(2)}"
            continue
        if q.speaker_kind != "other" or not definite or _is_plural(q.speaker, "other"):
            continue
        if fold(q.speaker).split()[0] in _RULINGS:
            # "The opinion of the Court ... read", "The summary of the decision read": the court that
            # gave it, the one court the article names before
            courts = {e.name for e in a.ents.by_key.values() if e.kind == "org" and "court" in fold(e.name).split()
                      and any(m[0] < q.start for m in e.mentions)}
            longest = max(courts, key=len, default=None)
            if longest and all(fold(c) in fold(longest) for c in courts):  # ("Supreme Court" in "... of Puerto Rico")
                q.speaker, q.speaker_kind = longest, "org"
            continue
        if re.search(r"['’]s\b|\bof\b", mention):
            continue
        head = fold(mention).split()[-1]
        if head in ("paper", "newspaper") and len(fold(mention).split()) == 2:
            # "the Rodong Sinmun said in a commentary. The paper said that ...": the newspaper quoted
            # last (two paragraphs back at most) goes on speaking
            prev = next((x for x in reversed(quotes[:i]) if x.speaker_kind == "org" and para - a.para_of(x.start) <= 2
                         and x.mention and fold(x.mention).split()[-1] not in ("paper", "newspaper")), None)
            if prev is not None:
                q.speaker, q.speaker_kind, q.role = prev.speaker, "org", q.role or prev.role
            continue
        if head in _ORG_DESCRIPTIONS:
            orgs = _orgs_as_subjects_before(a, q.start)
            if not orgs:
                # else the organisation the article has named most often before ("the company" in a
                # story about Microsoft that last named it three paragraphs back)
                named = [(len([m for m in e.mentions if m[0] < q.start]), e.name) for e in a.ents.by_key.values()
                         if e.kind == "org" and not a.is_outlet(e.name) and any(m[0] < q.start for m in e.mentions)]
                if not named and q.kind == "reported" and q.start < (q.mention and a.text.find(q.mention, q.end) or 0):
                    # "Five Regional Express Airlines passenger planes had been grounded ..., the Australian
                    # airline said": the one organisation named in what it said, before the words naming it
                    inside = {e.name for e in a.ents.by_key.values() if e.kind == "org"
                              and any(q.start <= m[0] < q.end for m in e.mentions)}
                    named = [(1, inside.pop())] if len(inside) == 1 else []
                orgs = [max(named)] if named else []
            if orgs:
                q.speaker, q.speaker_kind = orgs[-1][1], "org"
                q.role = q.role or re.sub(r"(?i)^the\s+", "", mention)
            continue
        if head in ("official", "spokesman", "spokeswoman", "spokesperson") and len(fold(mention).split()) == 2:
            # "said the official who uses one name" after "Fauzi, an official from the local disaster
            # agency, told AFP": the one person named with that role, two paragraphs back at most
            said = {x.speaker: x.role for x in quotes[:i] if x.speaker_kind == "person" and x.role and
                    para - a.para_of(x.start) <= 2 and head in _role_heads(x.role)}
            if len(said) == 1:
                q.speaker, q.role = next(iter(said.items()))
                q.speaker_kind = "person"
            continue
        if head in _HUMAN_WORDS or head in _RELATIONS or head in _DOCUMENT_NOUNS or not (
                _ROLE_WORDS.search(head) or head.endswith(("ist", "ian")) or fold(mention).endswith("year old")
                or head in ("republican", "democrat", "conservative", "tory")):  # "the Utah Republican said"
            continue
        titled = a.person_by_description(mention, q.start)  # of several governors, the one last named
        if titled is not None:
            q.speaker, q.speaker_kind = titled.name, "person"
            q.role = q.role or titled.role or re.sub(r"(?i)^the\s+", "", mention)
            continue
        prev = next((x for x in reversed(quotes[:i]) if x.speaker), None)
        name = prev.speaker if prev is not None and prev.speaker_kind == "person" and \
            para - a.para_of(prev.start) <= 1 else None
        gender = noun_gender(mention)

        def agrees(n):
            p = a.ents.find_person(n)
            return not (p is not None and gender and p.gender and gender != p.gender)

        if name is None:  # else the person last written as a subject, two paragraphs back at most
            subj = sorted((c, n) for c, n, k in a.subjects if k == "person" and c < q.start
                          and para - a.para_of(c) <= 2 and agrees(n)
                          and not any(x.start <= c < x.end for x in quotes))
            # (not a subject of what was quoted: "Russia's Promsvyazbank also has an office in Limassol,
            # he added. ..., the ambassador said" is the ambassador, not the bank)
            name = subj[-1][1] if subj else None
        if name is None and fold(mention).endswith("year old"):
            # "The 56-year-old said": someone the article has just named, in whatever role
            named = sorted((m[0], p.name) for p in a.ents.persons() for m in p.mentions
                           if m[0] < q.start and para - a.para_of(m[0]) <= 2 and agrees(p.name)
                           and (p.gender or is_first_name(p.name.split()[0])))  # (not "Manchester United")
            name = named[-1][1] if named else None
        if name is None or not agrees(name):
            continue
        person = a.ents.find_person(name)
        q.speaker, q.speaker_kind = name, "person"
        q.role = q.role or (person.role if person else None) or re.sub(r"(?i)^the\s+", "", mention)


_TITLES_ALONE = {"queen", "king", "pope", "prince", "princess", "president", "premier", "chancellor", "emperor",
                 "sultan", "governor", "mayor", "taoiseach", "tanaiste", "first minister", "prime minister",
                 "ombudsman", "ambassador"}


def _titles_back(a: _Article, quotes: list[Quote]) -> None:
    """'The Queen also expressed ...' after "Britain's Queen Elizabeth II, who said ...": a title standing
    alone is the one person quoted before under that title (whom the tagger may not have tagged)."""
    for q in quotes:
        if q.speaker_kind not in ("other", "person") or not q.speaker:
            continue
        title = fold(q.speaker)
        if title not in _TITLES_ALONE and re.match(r"(?i)the\s", q.mention or "") and \
                title.split()[-1] in _TITLES_ALONE | {"speaker"} and len(title.split()) <= 3:
            title = title.split()[-1]  # "The Russian Senate speaker" after "Speaker of the upper house ... Valentina
            # Matviyenko": the title is its last word
        elif title != "speaker" and title not in _TITLES_ALONE:
            continue  # (the tagger makes a capitalised "Queen" a person of that name)
        named = {x.speaker for x in quotes if x.start < q.start and x.speaker_kind == "person" and x.speaker
                 and re.search(rf"\b{title}\s+{re.escape(x.speaker)}\b", a.text, re.I)}
        if not named:  # "Ombudsman for Children Niall Muldoon has said ...", then "the Ombudsman says"
            of = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*" if title != "speaker" else r"[\w’'-]+(?:\s+[\w’'-]+){0,7}?"
            people = {e.name for e in a.ents.by_key.values() if e.kind == "person"} | {
                x.speaker for x in quotes if x.start < q.start and x.speaker_kind == "person" and x.speaker}
            named = {n for n in people if " " in n and re.search(
                rf"\b(?i:{re.escape(title)})(?:\s+(?:of|for|to)\s+(?:the\s+)?{of})?,?\s+{re.escape(n)}\b", a.text)}
            # ("Speaker of the upper house of Russia's parliament Valentina Matviyenko", quoted as a person
            # though tagged an organisation)
        if len(named) == 1:
            who = named.pop()
            for x in quotes:
                if x.speaker == q.speaker and x.start >= q.start:
                    x.speaker, x.speaker_kind = who, "person"


def _office_before(a: _Article, person) -> str | None:
    """The capitalised word written just before a person's first mention, when it is an office
    ("EPA Administrator Scott Pruitt": "administrator"), not a place or a first name."""
    first = min(m[0] for m in person.mentions)
    m = re.search(r"\b([A-Z][a-z]{3,})\s+$", a.text[max(0, first - 30):first])
    if m is None or is_first_name(m.group(1)):
        return None
    at = max(0, first - 30) + m.start(1)
    tok = next(iter(_tokens_in(a.doc, at, at + len(m.group(1)))), None)
    return None if tok is not None and tok.ent_type_ in ("GPE", "LOC", "NORP") else fold(m.group(1))


def _name_descriptions(a: _Article, quotes: list[Quote]) -> None:
    """'The victim's nephew said ...' then '“...,” said Manpreet Singh.': a description of one
    person whose next quote, in that paragraph or the next, is by someone named there for the
    first time, is that person (agreeing in gender where the article tells)."""
    from .entities import _ROLE_WORDS, noun_gender

    for i, q in enumerate(quotes):
        if not q.speaker or _is_plural(q.speaker, "other") or q.speaker_kind != "other" and not (
                q.speaker_kind == "person" and fold(q.speaker).split()[-1] in _TITLES_ALONE):
            continue  # (a title alone, "Brisbane's Lord Mayor says", "The Queensland Premier says", is tagged
            # a person of that name)
        if re.match(r"(?i)(?:according to\s+)?one\s", q.mention or "") or re.search(
                r"(?i)\b(?:speaking (?:anonymously|on (?:the )?condition of anonymity)|(?:asked|declined) not to be named"
                r"|declined to be (?:named|identified))", q.context or ""):
            continue  # "according to one doctor", "said one senior official", "speaking anonymously": left unnamed
        words = fold(q.speaker).split()
        # the head before a phrase that qualifies it ("spokesman for Afghanistan's Defence Ministry")
        cut = next((k for k, w in enumerate(words) if k and w in ("for", "of", "at", "from", "with")), len(words))
        head = words[cut - 1:cut] or [""]
        gender = noun_gender(q.speaker)
        if not (gender or _ROLE_WORDS.search(q.speaker) or head[0] in _HUMAN_WORDS | _TITLES_ALONE):
            continue
        nxt = next((x for x in quotes[i + 1:] if x.speaker and x.speaker != q.speaker), None)
        if nxt is None or nxt.speaker_kind != "person" or a.para_of(nxt.start) - a.para_of(q.start) > 1:
            continue
        if fold(nxt.speaker).split()[-1] in _ORG_WORDS:
            continue  # "Shifa Hospital", tagged as a person, names no one
        person = a.ents.find_person(nxt.speaker)
        if person is None or not person.mentions:
            continue
        said_by = f"{q.speaker} / {q.mention or ''}"
        owners = re.findall(r"\b" + _FOR_SOMEONE + r"\s+(?:for|to)\s+((?:[A-Z][\w.-]*\s*)+)"
                            r"|((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\b", said_by)
        if any(a.ents.find_person(o.strip()) is person for pair in owners for o in pair if o.strip()):
            continue  # "a spokeswoman for May", "May's spokeswoman" speaks for her, and is not her
        para_start = a.paras[a.para_of(q.start)][0]
        first_at = min(m[0] for m in person.mentions)
        outlet = re.search(r"((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\s+(?:[a-z]+\s+){0,2}$", a.text[max(0, first_at - 50):first_at])
        if outlet and a.is_outlet(outlet.group(1)):
            continue  # "A spokesman said ... The BBC's Ben Wright said": an outlet's journalist is not the spokesman
        if first_at < para_start or (gender and person.gender and gender != person.gender):
            continue
        rivals = [p for p in a.ents.persons() if p is not person and any(first_at < m[0] < q.start for m in p.mentions)]
        if first_at < q.start - 300 and rivals and not (head[0] in a._titles().get(id(person), ()) or (
                person.role and _same_role_word(head[0], _role_heads(person.role)))):
            continue  # (named long before, with someone else named since, in a page whose paragraphs ran
            # together, the person must have been given that title: "The first minister says" is not
            # Theresa May, named before with Nicola Sturgeon)
        office = _office_before(a, person)
        if head[0] == "official" and not person.role and office and \
                office not in ("official", "spokesman", "spokeswoman", "spokesperson", "minister", "ambassador"):
            continue  # "the official" is not "EPA Administrator Scott Pruitt", named next in another office
        if person.role and fold(person.role) != fold(q.speaker) and \
                not _same_role_word(head[0], _role_heads(person.role)) and not (
                head[0] == "official" and {w for w in q.speaker.split() if w[:1].isupper()} & set(person.role.split())):
            continue  # (the same head will do: "Another Canadian analyst" ... "Eddie Chan, lead analyst at IDC";
            # and "official" is any office of the body both name: "A senior Taliban official" ... "former
            # Taliban ambassador to Pakistan Abdul Salam Zaeef")
        first = min(m[0] for m in person.mentions)
        if a.text[max(0, first - 2):first].strip() in (",", "("):
            continue  # "The mayor of London, Sadiq Khan," comes with a description of their own
        j = i
        while j > 0 and quotes[j - 1].speaker in (q.speaker, None):
            j -= 1  # (only the description's quotes since someone else spoke: "A senior White House official
            # insisted ...", a source, "one senior White House official" and then Sean Spicer named)
        for x in quotes[j:]:
            if x.speaker == q.speaker and x.start < nxt.end:
                x.speaker, x.speaker_kind = person.name, "person"
                x.role = x.role or re.sub(r"^(?:the|a|an)\s+", "", q.mention or q.speaker, flags=re.I)


def _conversations(a: _Article) -> list[tuple[int, str, str]]:
    """(char, speaker, outlet) for each sentence outside quotes that states a conversation between a
    person and an outlet: the person talks to it ("Sonya A. Zoghlin told The Hill in a statement
    ...", "Mancini told Wikinews after the event", "told VOA Pentagon correspondent Carla Babb") or
    the outlet talks to the person ("CNA spoke with Msgr. Michael L. Farmer", "CNA asked Msgr.
    Farmer if ...")."""
    out = []
    for v in a.doc:
        published = v.lemma_ in ("publish", "air", "run", "broadcast") and any(
            c.dep_ == "dobj" and c.lemma_ == "interview" for c in v.children)  # "X published an interview with Y"
        if v.lemma_ not in ("tell", "speak", "talk", "ask", "interview", "describe", "explain") and not published \
                or v.pos_ != "VERB" or a.inside[v.i]:
            continue
        frame = [t for t in v.sent if not a.inside[t.i] and not _is_mark(t)]
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        outlet = a.relay_name(subj) if subj is not None and (subj.pos_ == "PROPN" or published) else None
        if outlet:
            objs = [c for c in v.children if c.dep_ == "dobj" and not published]
            objs += [x for c in v.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                     for x in c.children if x.dep_ == "pobj"]
            objs += [x for d in v.children if published and d.dep_ == "dobj" for c in d.children
                     if c.dep_ == "prep" and c.lower_ == "with" for x in c.children if x.dep_ == "pobj"]
            for o in objs:
                r = a.name_of(o)
                if r and r[1] == "person" and fold(r[0]) != fold(outlet):
                    out.append((v.idx, r[0], outlet))
                    break
            continue
        if v.lemma_ not in ("tell", "speak", "talk", "describe", "explain"):
            continue
        r = _speaker_of_verb(a, v, frame)
        if not r or r[1] != "person":
            continue
        via = _via(a, frame, r[0], v)
        if via:
            out.append((v.idx, r[0], via))
    return out


# A quote's frame that names another occasion than the interview before it: a statement, a
# hearing, a post, words to someone else ("she told them", "he testified").
_OCCASION = re.compile(
    r"\b(?:statement|release|news conference|press conference|briefing|testif\w*|testimony|hearing|tweet\w*"
    r"|twitter|facebook|instagram|wrote|writes|written|speech|session|in court|to the court|lawmakers"
    r"|investigators|detectives|reporters|podcast|episode|announcement|video|address|advert\w*|commercial"
    r"|told (?:them|him|her|police|officers|the jury))\b", re.I)
_CONVERSATION = re.compile(r"\b(?:told|tells?|telling|spoke|speak\w*|talk\w*|interview\w*|remarks to|asked by|via"
                           r"|quoted (?:him|her|them|the [\w-]+(?: [\w-]+)?) as saying"
                           r"|contacted by|reached by"
                           r"|conversation|emailed to|sent to)\b", re.I)


def _carry_relays(a: _Article, quotes: list[Quote]) -> None:
    """A relay stated as a conversation ("X told NY1 ...", "CNA spoke with X", "in an interview
    with Time", "when interviewed by the BBC") covers that speaker's later quotes in the article,
    until another relay is stated for them or a quote's own words name another occasion (a
    statement, a hearing, a post, words to someone else). A relay that sources one statement
    ("according to Reuters", "Reuters reported") covers that statement only. Short forms of an
    outlet named in full ("The News" after "the Daily News") take the full name."""
    fuller = {}
    for _, name in a.outlets:
        for _, other in a.outlets:
            fo, fn = fold(other), fold(name)
            if len(fo) > len(fn) and fo.endswith(" " + fn) and len(fo.split()) <= 4 and ":" not in other:
                # (not the page's credit line "Source: Al Jazeera" for "Al Jazeera")
                fuller[fn] = other
    for q in quotes:
        if q.via and fold(clean_name(q.via)) in fuller:
            q.via = fuller[fold(clean_name(q.via))]
    talks = sorted(_conversations(a))
    state: dict[str, str | None] = {}
    k = 0
    for q in quotes:
        while k < len(talks) and talks[k][0] < q.start:
            _, speaker, via = talks[k]
            state[fold(speaker)] = fuller.get(fold(clean_name(via)), via)
            k += 1
        if not q.speaker:
            continue
        who = fold(q.speaker)
        if who not in state and q.speaker_kind == "person":
            # "Mehmet Mehdi Eker ... told TASS" and then "Mehdi Eker said" (his full name is given him later)
            who = next((k for k in state if k.endswith(" " + who) or who.endswith(" " + k)), who)
        frame = (q.context or "").replace(q.text, " ")
        if q.via:
            if _CONVERSATION.search(frame) and not re.search(
                    r"\baccording to\s+(?:the\s+)?" + re.escape(q.via), frame, re.I):
                state[who] = q.via
        elif _OCCASION.search(frame):
            state[who] = None
        elif state.get(who):
            q.via = state[who]


_CAPTION = re.compile(r"(?:\b(?:Image|Photo|Picture|Photograph|Credit|Source)s?:\s*[^.:]{1,80}\.?|\([^()]*(?:/|\bvia\b|Getty"
                      r"|Reuters|AP|AFP)[^()]*\))\s*$")


_DASH_BYLINE = re.compile(r"[\s\"”»’']*\n?\n?[ \t]*[—–][ \t]*([A-Z][^\n.!?\"“”]{0,60}?)[ \t,.]*(?:\n|$)")


_QUESTION = re.compile(r"^(?:\(\(\s*(?P<outlet>WN|Wikinews)\s*\)\)\s*:?|\(\(\s*(?P<asker>[A-Z]{2,3})\s*\)\)|Q\s*[:.]"
                       r"|Question\s*:)\s*")
# Wikinews labels an answer with the speaker's name in double brackets: "((Philipp Hagemeister)) I saw ..."
_BRACKET_LABEL = re.compile(r"\(\(\s*([^()]{2,60}?)\s*\)\)\s*")
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.]\s*")


_SPEAKER_LINE = re.compile(r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}):[ \t]+(?=\S)")


def _transcript_lines(a: _Article) -> list[Quote]:
    """A transcript set out as lines ("Salerno: He's got to worry ... / Sabato: That's what I'm saying."):
    each line is a direct quote of the person its label names, where at least two lines in a row are
    labelled with people the article names (not "Note:" or "Update:")."""
    text = a.text
    people = a.ents.persons()

    def named(label: str):
        person = a.ents.find_person(label)
        if person is None and " " not in label:  # "Eugênio:" for Eugênio Tadeu, the one person of that first name
            firsts = [p for p in people if len(p.name.split()) > 1 and fold(p.name.split()[0]) == fold(label)]
            person = firsts[0] if len(firsts) == 1 else None
        return person

    lines = []
    for s, e in a.paras:
        m = _SPEAKER_LINE.match(text, s)
        person = named(m.group(1)) if m and m.end() < e else None
        lines.append((s, e, m, person))
    out = []
    for i, (s, e, m, person) in enumerate(lines):
        neighbours = [lines[j][3] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if person is None or not any(n is not None for n in neighbours):
            continue
        start, end = m.end(), e
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Quote(text=text[start:end], start=start, end=end, kind="direct", speaker=person.name,
                         speaker_kind="person", role=person.role, verb="said", via=None, mention=m.group(1),
                         context=_context(a, start, end)))
    return out


def _interview_answers(a: _Article) -> list[Quote]:
    """The answers of a Q&A interview ("Q: ... / A: ...", Wikinews' "((WN)) ..." then the speaker's
    name or initials): each answer is a direct quote of the one interviewed, unmarked, so the quote
    finder cannot see it. The interviewee is the person the answer's label names (initials "MS" for
    Michael Siegel), else the person the introduction names just before the first question, or most
    often; the relay is the outlet asking, when a news outlet asks (Wikinews' own marker), else none (a
    company's blog interviewing its CEO)."""
    text = a.text
    paras = [(s, e) for s, e in a.paras if e > s]
    people = a.ents.persons()

    def initials_of(p) -> str:
        return "".join(w[0] for w in p.name.split() if w[:1].isupper())

    def asks(i: int) -> bool:
        m = _QUESTION.match(text[paras[i][0]:paras[i][1]])
        # "((RS)) Does YouTube ...": a reporter's initials ask, unless they are the interviewee's
        return m is not None and not (m.group("asker") and any(initials_of(p) == m.group("asker") for p in people))

    questions = [i for i in range(len(paras)) if asks(i)]
    if len(questions) < 2:
        return []
    intro_end = paras[questions[0]][0]
    lead_in = paras[max(0, questions[0] - 2)][0]  # "Wikinews spoke to ... Craig Farquharson", just before
    introduced = [(any(lead_in <= m[0] < intro_end for m in p.mentions), sum(m[0] < intro_end for m in p.mentions),
                   -min(m[0] for m in p.mentions), p) for p in people if p.mentions]
    introduced = [x for x in introduced if x[1]]
    if any(len(x[3].name.split()) > 1 for x in introduced):  # a full name, not a place tagged a person ("Groom")
        introduced = [x for x in introduced if len(x[3].name.split()) > 1]
    if introduced:
        most = max(introduced, key=lambda x: x[:3])[3]
    else:  # the tagger saw no one in the introduction ("thrilled to have Junior Gaspard ... as our new CEO")
        named = next((m for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b", text[:intro_end])
                      if is_first_name(m.group(1)) and m.group(1).lower() not in _PERSON_TITLES), None)
        if named is None:
            return []
        most = a.ents.add_person(named.group(0), named.start(), named.end())
    via = "Wikinews" if any(_QUESTION.match(text[paras[i][0]:paras[i][1]]).group("outlet") for i in questions) else None

    def labelled(words: str):
        """(person, label, where the answer starts) for "Michael Siegel I am ...", "MS: We did ..." or
        "((Philipp Hagemeister)) I saw ..."."""
        bracket = _BRACKET_LABEL.match(words)
        if bracket:
            label = bracket.group(1)
            for p in people:
                if fold(label) == fold(p.name) or label == initials_of(p) or (
                        " " not in label and fold(label) == fold(p.name.split()[-1])):
                    return p, label, bracket.end()
            return None
        head = re.match(r"(\S+)(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?", words)
        if not head:
            return None
        first = [w for w in head.groups() if w]
        for n in range(len(first), 0, -1):  # the longest run of words that names someone
            label = " ".join(first[:n]).rstrip(":")
            m = re.match(re.escape(label) + r"\s*:?\s+(?=\S)", words)
            if not m:
                continue
            for p in people:
                if fold(label) == fold(p.name) or (label.isupper() and len(label) in (2, 3) and label == initials_of(p)):
                    return p, label, m.end()
        return None

    # (the first answer may follow a question the page did not label: "When did you ...? / ((Philipp
    # Hagemeister)) I saw ...")
    first = next((i for i in range(questions[0]) if _BRACKET_LABEL.match(text[paras[i][0]:paras[i][1]])
                  and labelled(text[paras[i][0]:paras[i][1]]) and i > 0 and text[paras[i - 1][1] - 1] == "?"),
                 questions[0])
    after = [i for i in range(first, len(paras)) if i not in questions]
    marks = {i: (_ANSWER.match(text[paras[i][0]:paras[i][1]]), labelled(text[paras[i][0]:paras[i][1]])) for i in after}
    # answers are labelled throughout or not at all: with no label anywhere, the paragraph below a
    # question is its answer; with labels, an unlabelled paragraph is the article's own ("Wikinews'
    # Nick Moreau photographed the event.")
    unlabelled = not any(m or found for m, found in marks.values())
    out = []
    for i in after:
        s, e = paras[i]
        words = text[s:e]
        m, found = marks[i]
        if m:
            person, mention, cut = most, None, m.end()
        elif found:
            person, mention, cut = found
        elif unlabelled and i - 1 in questions and (i + 1 in questions or len(words.split()) >= 15):
            person, mention, cut = most, None, 0  # (not a photo credit after the last question)
        else:
            continue
        start, end = s + cut, e
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 2:
            continue
        out.append(Quote(text=text[start:end], start=start, end=end, kind="direct", speaker=person.name,
                         speaker_kind="person", role=person.role, verb="answered", via=via, mention=mention,
                         context=_context(a, start, end)))
    return out


def _dash_byline(a: _Article, span: Span) -> tuple[str, str] | None:
    """'“Very talented people! ...” / – Ali***': a quote signed on the line after it (reviews,
    epigraphs, testimonials) with a dash and a name."""
    m = _DASH_BYLINE.match(a.text, span.end)
    if m is None:
        return None
    name = m.group(1).strip()
    if re.match(r"(?i)(?:additional\s+)?(?:reporting|editing|writing|written|compiled|edited|by|photo|image|via|"
                r"source|credit|with)\b", name):
        return None  # a story's credit line ("– Reporting by Jane Doe; Editing by ..."), not a signature
    first, _, rest = name.partition(",")
    if rest and (a.ents.find_person(first.strip()) or re.search(r"\b(?:1[89]|20)\d\d\b", rest)):
        name = first.strip()  # "— Mike Pompeo, College Station, TX, April 15, 2019": where and when, after the name
    person = a.ents.find_person(name)
    if person is not None:
        return person.name, "person"
    org = a.ents.find_org(name)
    if org is not None:
        return org.name, "org"
    return name, "person"


def _whole_paragraph(a: _Article, span: Span) -> bool:
    """'"It's unfair. "' alone on its line: a sentence someone said, however short (not a term)."""
    ps, pe = a.paras[a.para_of(span.start)]
    body = a.text[span.start:span.end].strip()
    outside = a.text[ps:span.start] + a.text[span.end:pe]
    return bool(body) and body[-1] in ".!?" and not re.search(r"\w", outside)


def _lead_in(a: _Article, span: Span, last: Quote) -> bool:
    """A new paragraph that opens with someone's words in prose before its quote ("Swift's rep
    told Fox News that this was not true. “Big Machine is ...”"): the quote belongs to them,
    not to the quote of the paragraph before."""
    para = a.para_of(span.start)
    if para == a.para_of(last.end):
        return False
    lead = a.doc.char_span(a.paras[para][0], span.start, alignment_mode="contract")
    if lead is None:
        return False
    quoted = [(q.start, q.end) for q in a.spans if q.end > lead.start_char and q.start < span.start]
    return any(t.pos_ == "VERB" and (t.lemma_ in SPEECH_VERBS or t.lemma_ in REPORTED_VERBS) and _has_subject(t)
               and not any(s <= t.idx < e for s, e in quoted) for t in lead)


def _is_caption(a: _Article, span: Span) -> bool:
    """A photo caption ('... saying "put it to the people". Image: Voice of America.') quotes a sign, not a speaker."""
    ps, pe = a.paras[a.para_of(span.start)]
    para = a.text[ps:pe]
    return len(para) < 400 and bool(_CAPTION.search(para))


def _is_gloss(text: str, span: Span) -> bool:
    """'an anti-Brexit ("British exit") march': a quoted gloss in parentheses; 'her "kuffar"
    (non-Muslim) parents': a term glossed by one; 'the slogan “Meth, we’re on it.”': a name."""
    before = text[max(0, span.start - 3):span.start - 1].rstrip()
    after = text[span.end + 1:span.end + 3].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    if len(text[span.start:span.end].split()) <= 3 and after.startswith("("):
        return True
    words = text[span.start:span.end].split()
    if words and len(words) <= 5 and words[0][:1].isupper() and after.startswith(",") and \
            re.search(r"\b(?:of|from|at|with|for)\s*$", text[max(0, span.start - 8):span.start - 1]):
        return True  # 'Anna Franowska of "Have no fear", an abuse victim support charity': a name
    # the naming word must lead into the marks in the same sentence: "... prevention campaign.\n\n“We
    # were trying ...”" opens a quote, it does not name the campaign
    lead = re.search(r"(\w+)[^\w.!?\n]{0,3}$", text[max(0, span.start - 25):span.start - 1])
    if re.match(r"[\s\"”’',]*by\s+(?:[A-Z]|the\s|police\b)", text[span.end:span.end + 20]):
        return False  # 'labeled "suspicious" by James Steele': his word for it
    return bool(lead) and lead.group(1).lower() in _NAMING_NOUNS


_NAMING_VERBS = {"call", "name", "dub", "label", "brand", "term", "nickname", "know", "title", "style"}
_NAMING_NOUNS = {"slogan", "slogans", "tagline", "motto", "title", "titled", "entitled", "headline", "hashtag",
                 "caption", "sign", "signs", "banner", "placard", "placards", "poster", "nickname", "nicknamed",
                 "dubbed", "term", "phrase", "word", "words", "label", "labelled", "labeled", "brand", "branded",
                 "named", "song", "album", "film", "book", "show", "series", "campaign"}


def _frame_has_prose(frame) -> bool:
    """Words of the sentence that are neither the attribution nor punctuation."""
    content = [t for t in frame if t.is_alpha]
    return len(content) >= 6


def _surrounds(frame, span: Span) -> bool:
    """The frame is only attribution: the quote is a whole sentence, not a fragment inside one."""
    before = [t for t in frame if t.idx < span.start and t.is_alpha]
    after = [t for t in frame if t.idx > span.end and t.is_alpha]
    return len(before) <= 8 and len(after) <= 8 and (not before or not after or len(before) + len(after) <= 10)


_TRANSCRIPT_LABEL = re.compile(r"([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3})\s*/\s*([^:/\n]{2,80})$")


_WORDS_NOUNS = {"word", "reply", "response", "answer", "message", "verdict", "explanation", "advice"}


def _colon_intro(a: _Article, span: Span):
    """'Kino Gabriel said:' or 'In a statement, the ministry said:' just before the quote."""
    doc = a.doc
    i = span.start - 2
    while i > 0 and a.text[i].isspace():
        i -= 1
    if i <= 0 or a.text[i] not in ":,":
        return None
    tok = doc.char_span(i, i + 1, alignment_mode="expand")
    if tok is None:
        return None
    sent = tok[0].sent
    toks = [t for t in sent if t.idx < span.start and not a.inside[t.i]]
    verbs = [t for t in toks if t.lemma_ in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    if not verbs:
        if a.text[i] != ":":
            return None
        label = _TRANSCRIPT_LABEL.match(a.text[a.paras[a.para_of(span.start)][0]:i])
        if label:  # 'David Soares/Albany County District Attorney: "..."', a TV station's transcript line
            name, role = label.group(1), label.group(2).strip()
            person = a.ents.find_person(name)
            return (person.name if person else name), "person", role, name, None, None
        words = [t for t in toks if not (t.is_space or t.is_punct)]
        head = words[-1] if words else None
        if head is not None and head.dep_ == "ROOT" and head.lemma_ in _WORDS_NOUNS:
            # "His exact words:", "The mayor's reply:": a sentence that is only someone's words names them
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and owner.lower_ in _POSSESSIVE_PRONOUNS:
                r = a.resolve_pronoun(owner, _POSSESSIVE_PRONOUNS[owner.lower_])
                r = r and (*r[:3], owner.text)
            else:
                r = a.name_of(owner) if owner is not None else None
            if r and r[0]:
                return (*r[:4], None, None)
        for t in toks:  # "in the words of the patient:", "in his own words:"
            if t.lemma_ == "word" and t.dep_ == "pobj" and t.head.lower_ == "in":
                of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
                owner = [x for c in of for x in c.children if x.dep_ == "pobj"] or \
                    [c for c in t.children if c.dep_ == "poss"]
                r = a.name_of(owner[0]) if owner else None
                if r and r[0]:
                    return (*r[:4], "in the words of", None)
        # "Chakrapani proposed:", "tour manager Thomas Gray, who cited only rugby:": whoever the
        # sentence leading into the colon is about says what follows it
        for v in reversed([t for t in toks if t.pos_ == "VERB"]):
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in ("who", "that") and v.dep_ == "relcl":
                subj = v.head
            r = a.name_of(subj) if subj is not None else None
            if r and r[1] in ("person", "org"):
                return (*r[:4], None, _via(a, toks, r[0], v))
        return None
    v = verbs[-1]
    r = _speaker_of_verb(a, v, toks)
    if not r:
        return None
    return (*r, _verb_phrase(a, v), _via(a, toks, r[0], v))


def _stance_before(a: _Article, span: Span, frame):
    """A quote standing alone right after 'Brett McGurk ... also criticized the decision via
    Twitter.': the person who took that stance in the sentence before says it."""
    if any(t.is_alpha for t in frame):
        return None
    doc = a.doc
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or not len(first) or first[0].sent.start == 0:
        return None
    prev = doc[first[0].sent.start - 1].sent
    para = a.para_of(span.start)
    opens_para = not a.text[a.paras[para][0]:span.start].strip(" “\"'‘")
    # the sentence before in the paragraph; or, for a quote that is its paragraph's first words
    # (a line of its own in one-sentence-per-line text), the paragraph before's last sentence
    if a.para_of(prev.start_char) != para and not (opens_para and a.para_of(prev.start_char) == para - 1):
        return None
    if any(a.inside[t.i] for t in prev):
        return None
    root = prev.root
    # "Governor Palin visited the church and her office later released a statement.": the last
    # clause with a subject of its own leads into the quote
    issued = next((c for c in reversed(list(root.children)) if c.dep_ == "conj" and c.pos_ == "VERB" and any(
        x.dep_ == "nsubj" for x in c.children) and any(x.dep_ == "dobj" and x.lemma_ in _DOCUMENT_NOUNS
                                                       for x in c.children)), None)
    if issued is None and any(x.dep_ == "dobj" and x.lemma_ in _DOCUMENT_NOUNS for x in root.children):
        issued = root  # "The company released a statement." and the quote on its own after it
    root = issued or root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_ in ("think", "believe", "agree"):
        return None
    # whoever did or said something in the sentence before says the quote standing alone after it
    # ("Underwhelmed with her role, she left the series ... “This is not what I wanted ...”")
    r = _speaker_of_verb(a, root, list(prev)) if root.lemma_ in STANCE_VERBS | SPEECH_VERBS else None
    if r is None:
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        r = a.name_of(subj) if subj is not None else None
    if not r or r[1] != "person" and not issued:
        return None
    return (*r[:4], None, _via(a, list(prev), r[0], root))


def _reported(a: _Article) -> list[Quote]:
    """'X said (that) CLAUSE' and 'CLAUSE, X said' with no quote marks inside the clause.

    An outlet's own report ("PBS revealed that ...", "Local media reported ...") is not a
    statement; a statement inside it ("Znak.com reported its source said ...") is relayed by it.
    """
    doc = a.doc
    out = []
    relayed: list[tuple[int, int, str]] = []  # (start, end, outlet) of outlets' reported clauses
    for v in doc:
        if v.lemma_ not in REPORTED_VERBS | {"report"} or v.pos_ != "VERB" or a.inside[v.i]:
            continue
        if any(c.dep_ == "neg" for c in v.children) or v.head.lemma_ in ("decline", "refuse", "want", "expect") and \
                v.dep_ != "conj":
            continue  # ("declined to say whether ...", but not "declined to make an offer and said ...")
        if v.tag_ in ("VBG",) and v.dep_ in ("pcomp", "acl") and not (
                v.dep_ == "acl" and v.head.lemma_ in _DOCUMENT_NOUNS | _SPEECH_NOUNS) and not (
                v.dep_ == "pcomp" and _quoted_as_saying(v) is not None) and not (  # ("was quoted ... as saying rescue teams were ...")
                v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and _humanish(a, v.head)) and not (
                v.dep_ == "pcomp" and v.head.lower_ == "by"):
            continue  # (but "released a statement saying they had been separated" reports the statement,
            # "delivered a 55-minute speech arguing that the raid was illegal" the speech, "with officials
            # saying this is for security reasons" the officials, "deflected attention by saying that" its subject)
        parts = _reported_clause(a, v)
        if not parts or _headline_case(a.text, v.idx):
            continue  # ("T-Mobile US Confirms They Will Carry the BlackBerry Q10": a headline, not a statement)
        lo, hi = parts[0][0], parts[-1][1]
        # the sentence less the reported words (the words between two statements are the frame's)
        frame = [t for t in v.sent if not (lo <= t.i < hi) or any(e <= t.i < s for (_, e), (s, _) in pairwise(parts))]
        outlet = _outlet_subject(a, v)
        if outlet is not None:
            if outlet:
                relayed.append((doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), outlet))
            continue
        if v.lemma_ == "report" and not any(c.dep_ == "nsubj" and _humanish(a, c) for c in v.children):
            continue  # an outlet's report was handled above; "Police reported the attacker ..." is a statement
        r = _speaker_of_verb(a, v, frame)
        if r is None:
            # "She also said ..." with no "she" named before: hers, though no one can be named (and
            # "They said the protest began around 8:30pm": theirs)
            she = next((c.text for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they")), None)
            some = next((c.text for c in v.children if c.dep_ == "nsubj" and c.lower_ in _SOME), None)
            if she is None and some is None:
                continue
            # ("Some have said that ...", "everyone speculated that ...": unnamed people, named so)
            r = (None, "person", None, she) if she is not None else (some.lower(), "other", None, some)
        speaker, kind, role, mention = r
        if kind == "other" and mention and _POLL_SHARE.match(mention):
            continue  # "Fifty-one percent say ...": a poll's respondents, counted, are a finding, not a speaker
        if kind == "other" and mention and mention.lower() in ("this", "that"):
            continue
        if kind == "other" and not _humanish_name(speaker):
            continue  # "The video ... prompted some users to argue that ...": no one is speaking
        via = _via(a, frame, speaker, v)
        for lo, hi in parts:
            start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
            q = Quote(text=a.text[start:end], start=start, end=end, kind="reported", speaker=speaker,
                      speaker_kind=kind, role=role, verb=_verb_phrase(a, v), via=via, mention=mention,
                      context=v.sent.text.strip())
            if q.speaker and q.role is None and kind == "person":
                p = a.ents.find_person(q.speaker)
                q.role = p.role if p else None
            out.append(q)
        if speaker and kind in ("person", "other") and mention and mention.lower() not in _PRONOUNS:
            # a speaker named here is who a later "he said" points back to ("..., Navy spokesperson
            # said. ..., he said."), as a direct quote's speaker is
            a.speakers.append((doc[v.i].idx, speaker, kind, role))
    out.extend(_according_clauses(a))
    out.extend(_trailing_attributions(a, out))
    for q in out:
        if q.via is None:
            q.via = next((o for s, e, o in relayed if s <= q.start and q.end <= e), None)
    # A clause inside another reported clause ("X said Y said ...") is one statement: keep the outer.
    out.sort(key=lambda q: (q.start, -q.end))
    kept = []
    for q in out:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


_TRAILING_VERB = re.compile(r"\s*,?\s+(?:(?:has|have|had)\s+)?(?:said|says|told|tells|added|stressed|noted|stated)\b[^,;:]{0,80}[.]$")


def _trailing_attribution_split(a: _Article, sent) -> tuple[int, int, int] | None:
    """(clause end, start of the name's last part, verb) token indexes of "CLAUSE, the CEO of X, Oleg
    Siyenko, has told TASS." when the tagger lost the verb's subject; the name part holds no verb and
    its part next to the verb a proper noun."""
    text = sent.text.strip()
    m = _TRAILING_VERB.search(text)
    if m is None or any(_is_mark(t) for t in sent) and not _only_titles_marked(a, sent.start, sent.end):
        return None  # (a title in marks is no quote: 'a forum dubbed "The Arctic - a Territory of Dialogue"')
    doc = a.doc
    at = sent.start_char + (len(sent.text) - len(sent.text.lstrip())) + m.start()
    verb = next((t for t in sent if t.idx >= at and t.lower_ in ("said", "says", "told", "tells", "added", "stressed",
                                                                  "noted", "stated")), None)
    if verb is None:
        return None
    before = [t for t in sent if t.i < verb.i and t.lower_ not in ("has", "have", "had")]
    while before and before[-1].text == ",":
        before.pop()
    commas = [t.i for t in before if t.text == ","]
    name_start = None
    for c in reversed(commas):
        part = [t for t in before if t.i > c]
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" and t.dep_ != "amod" for t in part) or len(part) > 25:
            # (a verb, but not "the Turkish ruling party": a participle before a noun describes it)
            break
        name_start = c + 1
    if name_start is None:
        return None
    clause = [t for t in sent if t.i < name_start - 1]
    if len(clause) < 6 or not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    last = [t for t in before if t.i > (commas[-1] if commas else name_start - 1)]
    if not any(t.pos_ == "PROPN" for t in last):
        return None  # ("..., the city of Bandar Abbas, state media said": the name must be next to the verb)
    tail = [t for t in sent if t.i > verb.i and not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX") and not (t.i and doc[t.i - 1].text == "-") for t in tail) or (  # ("state-run NRK")
            tail and verb.lower_ not in ("said", "says", "told", "tells") and tail[0].pos_ != "ADP"):
        return None  # ("..., says for nearly 24 hours he did not know ...", "Richard Carter added 12 for the Bulldogs")
    return name_start - 1, last[0].i, verb.i


def _trailing_attributions(a: _Article, found: list[Quote]) -> list[Quote]:
    """Reported speech the tagger could not attach: a long lede such as "Rosatom was commissioned
    to create ammunition for ... Armata, the CEO of ... Uralvagonzavod, Oleg Siyenko, has told TASS."
    parses the verb as a conjunct with no subject. Read by its shape instead: a clause, then a
    comma-separated name and description holding no verb, then the speech verb ending the sentence."""
    doc = a.doc
    out = []
    for sent in doc.sents:
        if a.inside[sent.start] or any(q.start < sent.end_char and sent.start_char < q.end for q in found):
            continue
        split = _trailing_attribution_split(a, sent)
        if split is None:
            continue
        clause_end, last_start, vi = split
        name_start = clause_end + 1
        cuts = [name_start] + [t.i + 1 for t in doc[name_start:last_start] if t.text == ","]
        r = None
        # "Russian Ambassador Alexander Kinshchak said", "..., Andrei Kirilenko, the president of the
        # Russian Basketball Federation, told TASS": the name next to the verb, else the one before it
        parts = [(last_start, vi)] + ([(cuts[-2], last_start - 1)] if len(cuts) > 1 else [])
        # "..., Mehmet Mehdi Eker, deputy chairman of the ... party (AKP), told ...": the part next to
        # the verb is a lower-case description, so the name is the part before it
        described = len(parts) > 1 and doc[last_start].is_lower and bool(
            _ROLE_WORDS.search(doc[last_start:vi].text))
        if described:
            parts.reverse()
        for lo_, hi_ in parts:
            names = [t for t in doc[lo_:hi_] if t.ent_type_ == "PERSON"] or [
                t for t in doc[lo_:hi_] if t.pos_ == "PROPN"]
            if not names:
                continue
            k = names[-1].i
            while k > lo_ and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].is_punct:
                k -= 1
            if k > lo_ and doc[k - 1].lower_ in ("to", "of", "for", "in", "the"):
                while names[-1].i - k >= 2:
                    k += 1  # "Ambassador to Norway Teimuraz Ramishvili": a name is the last two words
            run = _join(doc, k, names[-1].i + 1)
            # (the tagger may know only "Siyenko" of "Oleg Siyenko": the article's later steps name him in full)
            person = a.ents.find_person(run) or (
                a.ents.find_person(run.split()[-1]) if len(run.split()) > 1 else None)
            if person is not None:
                r = (person.name, "person", person.role, run)
                break
            titled = any(t.lower_ in _PERSON_TITLES or _ROLE_WORDS.search(t.lower_) for t in doc[lo_:k])
            if len(run.split()) >= 2 and all(w[:1].isupper() for w in run.split()) and not (
                    set(fold(run).split()) & _ORG_WORDS) and (
                    titled or is_first_name(run.split()[0]) or described and hi_ != vi):
                r = (run, "person", None, run)  # "Russian Ambassador to Norway Teimuraz Ramishvili", untagged
                break
            if r is None and hi_ == vi:
                r = a.name_of(names[-1])
        if r is None or r[1] != "person":
            continue
        speaker, kind, role, mention = r
        lo = sent.start
        while lo < clause_end and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        start, end = doc[lo].idx, doc[clause_end - 1].idx + len(doc[clause_end - 1].text)
        frame = list(doc[name_start:sent.end])
        out.append(Quote(text=a.text[start:end], start=start, end=end, kind="reported", speaker=speaker,
                         speaker_kind=kind, role=role, verb=_verb_phrase(a, doc[vi]),
                         via=_via(a, frame, speaker, doc[vi]), mention=mention, context=sent.text.strip()))
        a.speakers.append((doc[vi].idx, speaker, kind, role))
    return out


def _headline_case(text: str, at: int) -> bool:
    """Whether the line around ``at`` is written in headline case (its longer words capitalised,
    not all in capitals)."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[lo:hi if hi >= 0 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) and not line.isupper()


_TICKER = re.compile(r"\(\s*(?:NASDAQ|Nasdaq|NYSE|AMEX|TSX|LSE|ASX|OTC|NYSEArca|Euronext|HKEX|SGX)\s*:[^()]{0,12}\)")


def _in_ticker(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a stock listing in brackets, "(NASDAQ: AAPL)"."""
    lo = text.rfind("(", max(0, at - 16), at + 1)
    return lo >= 0 and bool(_TICKER.match(text, lo)) and at < text.find(")", lo)


_SOME = {"some", "others", "many", "everyone", "everybody", "several", "most", "few"}
_POLL_SHARE = re.compile(r"(?i)^(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:percent|per\s+cent|%)(?:\s+of\s+[\w\s-]+)?$")

_RECORDS = {"charge", "complaint", "record", "filing", "affidavit", "indictment", "warrant", "lawsuit", "sheet",
            "memoir", "constitution", "website", "statement", "release", "letter", "announcement", "notice"}


def _according_clauses(a: _Article) -> list[Quote]:
    """'Nearly 300 school districts closed, according to teachers unions' and 'According to the
    Pentagon, the base serves ...': the sentence is the statement of whoever it is according to,
    when that is a person, an office or a body of people (an outlet's or a study's account is a
    fact it reports, not a statement; a sentence with quote marks is left to the direct quotes)."""
    doc = a.doc
    out = []
    for t in doc:
        if t.lower_ != "according" or a.inside[t.i] or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
            continue
        pobj = _according_objects(a, t)
        record = bool(pobj) and pobj[0].lemma_ in _RECORDS  # "According to the charges, ...": what a court
        # paper, a statement or a website says is its issuer's statement (a study's or a poll's data are facts)
        if not pobj or (pobj[0].lemma_ in _FINDINGS or pobj[0].lemma_ in _DOCUMENT_NOUNS) and not record:
            continue
        if a.relay_name(pobj[0]) is not None:
            continue
        sent = _semicolon_clause(doc, t)  # "According to the embassy, the man died; officials called him “...”"
        if any(a.inside[x.i] for x in sent) or _has_mark(sent):  # (an apostrophe is no quote mark)
            continue
        r = a.name_of(pobj[0])
        r = _joint(a, pobj[0], r) if r and r[0] else r  # "according to police and prosecutors"
        to = next((c for c in t.children if c.i == t.i + 1), None)
        # the phrase is "according to" and its object (where the parser makes "According" the root, its
        # subtree is the whole sentence: "According to Dallorso, for days his phone was off")
        phrase = {t.i, t.i + 1} | ({x.i for x in to.subtree} if to is not None else set()) | {
            x.i for p in pobj for x in p.subtree}
        phrase |= {x.i for c in t.children if c.dep_ in ("prep", "npadvmod", "advmod") for x in c.subtree}  # ("... on Friday")
        end_of = max(phrase)
        named = a.ents.entity_at(end_of + 2) if end_of + 2 < len(doc) and doc[end_of + 1].text == "," else None
        if named is not None and named.kind == "person" and r and r[1] == "other" and pobj[0].tag_ == "NN" and \
                pobj[0].lemma_ not in _BODIES:  # ("According to police, Anthony LaSalle, 36, hit ...": his deed)
            # "According to Windsor Locks' first selectman, Chris Kervick, there were ...": the name after the role
            span = [x.i for x in doc[end_of + 2:sent.end] if a.ents.entity_at(x.i) is named]
            if span and span[-1] + 1 < sent.end and doc[span[-1] + 1].text == ",":
                r = (named.name, "person", r[0], named.name)
                phrase |= set(range(end_of + 1, span[-1] + 2))
        if r is None or r[0] is None or a.is_outlet(r[0]) or _is_outlet(r[0]):
            continue
        body = pobj[0].lemma_ in _BODIES | _ORG_DESCRIPTIONS | {"union", "organizer", "organiser"}
        if r[1] == "other" and not record and (
                not _humanish_name(r[0]) or not (body or _humanish(a, pobj[0]))
                or pobj[0].lemma_ in _OUTLET_NOUNS | {"paper", "statistic", "datum", "figure", "record"}):
            continue
        rest = [x for x in sent if x.i not in phrase]
        while rest and (rest[0].is_punct or rest[0].is_space or rest[0].dep_ == "cc" and rest[0].i < t.i):
            rest.pop(0)  # (and "But" before "according to Sznewajs, two bomb threats came ...")
        while rest and (rest[-1].is_punct or rest[-1].is_space):
            rest.pop()
        if len([x for x in rest if x.is_alpha]) < 4:
            continue
        lo, hi = rest[0], rest[-1]
        if lo.i < t.i < hi.i:
            # "Mugabe was hospitalized ... and according to the ministry he died ...": the clause
            # joined by "and" (or ", but,") after the phrase, when it has a subject of its own; else
            # ("Nixon, according to Woodward, had suspected Felt") the whole sentence, the phrase inside it
            after = [x for x in rest if x.i > t.i and not (x.is_punct and x.i == end_of + 1)]
            verb = t.head
            cc = doc[t.i - 1] if doc[t.i - 1].text != "," or t.i < 2 else doc[t.i - 2]
            if cc.dep_ == "cc" and verb.i > t.i and len([x for x in after if x.is_alpha]) >= 4 and any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > t.i for c in verb.children):
                lo = after[0]
            elif r[1] == "org" and (_OUTLET_WORDS.search(fold(r[0])) or not set(
                    fold(_spelled_out(a, r[0]) or r[0]).split()) & _ORG_WORDS) or r[1] == "person" and not (
                    len(r[0].split()) > 1 and is_first_name(r[0].split()[0])):
                continue  # (in mid-sentence only people known by their full name and bodies: "Thunberg
                # then led, according to Time, the largest ..." is a magazine's account, not a statement)
            # (but not into another speaker's statement: "..., while supporters claim it is ...")
            other = next((x for x in after if x.lemma_ in REPORTED_VERBS and x.pos_ == "VERB" and any(
                c.dep_ == "nsubj" for c in x.children)), None)
            if other is not None:
                rest = [x for x in rest if x.i < other.left_edge.i]
                while rest and (rest[-1].is_punct or rest[-1].is_space):
                    rest.pop()
                if not rest or rest[-1].i <= t.i:
                    continue
                hi = rest[-1]
        start, end = lo.idx, hi.idx + len(hi.text)
        speaker, kind, role, mention = r
        out.append(Quote(text=a.text[start:end], start=start, end=end, kind="reported", speaker=speaker,
                         speaker_kind=kind, role=role, verb="according to", via=None, mention=mention,
                         context=sent.text.strip()))
    return out


def _semicolon_clause(doc, t):
    """The part of t's sentence between the semicolons round t."""
    sent = t.sent
    lo = next((x.i + 1 for x in reversed(doc[sent.start:t.i]) if x.text == ";"), sent.start)
    hi = next((x.i for x in doc[t.i:sent.end] if x.text == ";"), sent.end)
    return doc[lo:hi]


_WH_WORDS = {"what", "how", "why", "whether", "where", "when", "who", "whom", "which", "if"}
_TELL_LIKE = {"tell", "inform", "assure", "warn", "remind", "promise", "ask", "urge"}


def _reported_clause(a: _Article, v) -> list[tuple[int, int]]:
    """Token bounds [lo, hi) of each statement in the clause a speech verb reports (none, one or two).

    The clause is the verb's complement on its side of any semicolon ("His attorneys argued
    that A; prosecutors argued B"), without a conjoined verb phrase that holds quote marks
    ("said the deaths were caused by gunshot wounds and called on the “interim” government").
    """
    doc = a.doc
    sent = v.sent

    def same_clause(t):
        lo, hi = sorted((t.i, v.i))
        return not any(x.text == ";" for x in doc[lo:hi])

    comps = [c for c in v.children if c.dep_ == "ccomp" and same_clause(c)]
    quoting = _quoted_as_saying(v)
    if not comps and quoting is not None and any(c.dep_ == "dobj" for c in quoting.children):
        # "CLAUSE, MENA quoted an official source as saying": the clause before is what was quoted
        comps = [c for c in quoting.children if c.dep_ == "ccomp" and c.i < quoting.i and same_clause(c)]
    if not comps:
        comps = _misattached_complement(v)
    from_object = False
    if not comps:
        comps = _complement_after_object(v)
        from_object = bool(comps)
    if not comps:
        h = v.head
        subj = [x for x in h.children if x.dep_ in ("nsubj", "nsubjpass")] if v.dep_ == "advcl" else []
        if subj and h.pos_ in ("VERB", "AUX") and h.i > v.i and subj[0].left_edge.i == v.i + 1 and not any(
                x.dep_ in ("dobj", "ccomp", "xcomp") for x in v.children) and same_clause(h):
            # "Although LaRue insisted he was not Deep Throat, ...": the parser hangs the speech verb on
            # the clause it reports, which begins right after it
            return _clause_parts(a, v, v.i + 1, h.right_edge.i + 1)
        bounds = _parenthetical_clause(a, v)
        return _clause_parts(a, v, *bounds) if bounds else []
    k = v.idx - 1
    while k > sent.start_char and a.text[k] in " ,\u00a0":
        k -= 1
    if a.text[k] in "”\"»" and any(c.i > v.i for c in comps):
        return []  # '“...,” said ABC Entertainment Group prexy Paul Lee': a direct quote's attribution
    after = [c for c in comps if c.i > v.i]
    c = after[0] if after else comps[0]
    keep = set()
    todo = [c]
    if len(after) > 1 and not any(x.dep_ == "mark" for x in after[1].children) and after[1].lemma_ not in SPEECH_VERBS:
        # "Police said the person killed was a 63-year-old woman": the parser splits one clause into
        # two complements ("the person killed" / "was ..."); the verb reports both (not a second
        # speech verb: "said the bridge would reopen, the city council reported" names the relay)
        todo = list(after)
    while todo:
        t = todo.pop()
        if t.lower_ == "according" and t.dep_ == "prep":
            continue  # "..., according to Sui-Lee Wee of the New York Times": the relay, not the words
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.i != c.i and t.lemma_ in SPEECH_VERBS and not any(
                x.dep_ in ("nsubj", "nsubjpass", "expl") for x in t.children) and (
                _has_mark(list(t.subtree)) or any(a.inside[x.i] for x in t.subtree)):
            continue  # drop the conjoined phrase with the marks (and the "and" before it below)
        keep.add(t.i)
        todo.extend(t.children)
    for x in v.children:  # "claimed Walther was biased because she issued the warrant": the reason is his too
        if x.dep_ == "advcl" and x.i > c.i and any(m.dep_ == "mark" and m.lower_ in ("because", "since")
                                                   for m in x.children) and same_clause(x):
            keep.update(y.i for y in x.subtree)
            keep.update(range(c.right_edge.i + 1, x.left_edge.i))
    subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if not subj and v.lemma_ not in _TELL_LIKE:  # "added the exact circumstances ... remained unclear"
        dobj = [x for x in v.children if x.dep_ == "dobj" and x.i < c.i]
        if dobj:
            keep.update(x.i for x in dobj[0].subtree)
            if from_object:  # (and the comma between: "the algae, like warming temperatures, might")
                keep.update(range(dobj[0].right_edge.i + 1, c.left_edge.i))
    idx = sorted(keep)
    # the contiguous run around the complement's head, within the sentence and the clause
    lo = hi = idx.index(c.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    lo, hi = idx[lo], idx[hi] + 1
    for k in range(lo, hi):  # cut at a semicolon
        if doc[k].text == ";":
            if k > c.i:
                hi = k
                break
            lo = k + 1
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    after_that = False
    while lo < hi and (doc[lo].lower_ in ("that", ",") or doc[lo].is_punct):
        after_that = after_that or doc[lo].lower_ == "that"
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in ")" or doc[hi - 1].lower_ in ("and", "but")):
        hi -= 1
    if lo + 1 < hi and doc[lo].lower_ in _WH_WORDS and doc[lo + 1].lower_ not in ("'s", "’s") and not after_that and not (
            doc[lo].lower_ in ("when", "if", "where") and doc[lo].head.dep_ == "advcl" and lo <= doc[lo].head.head.i < hi):
        # ("said when the deputy arrived, the window was rolled down": the when-clause is the statement's own)
        # "testified about what he was asked", "described how they moved": a topic, not a statement (but
        # "says that when Hiller found them, she let one go" is one)
        return []
    marked = next((t for t in doc[lo:hi] if a.inside[t.i] or _is_mark(t) and t.text not in ("'", "’")), None)
    if marked is not None and marked.i > c.i:
        # "said they believed the fabric was a major innovation, characterizing the platform as a “new
        # server building block”", "said the roof fell in and “everyone started screaming”": the words
        # before the phrase (or the clause with a subject of its own) that holds the marks are the reported
        # statement, the marked words a direct quote's ("said she would accept it and “move on”" is neither)
        top = marked
        while top.head.i != top.i and top.head.i in keep and not (
                top.dep_ in ("advcl", "conj", "parataxis") and top.head.i < top.left_edge.i):
            top = top.head
        if top.dep_ in ("advcl", "conj", "parataxis") and c.i <= top.head.i < top.left_edge.i and (
                top.dep_ != "conj" or any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in top.children)) and (
                doc[top.left_edge.i - 1].text == "," or doc[top.left_edge.i - 1].lower_ in ("and", "but")):
            hi = top.left_edge.i
            while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].lower_ in ("and", "but") or doc[hi - 1].is_space):
                hi -= 1
    words = sum(not (t.is_space or t.is_punct) for t in doc[lo:hi])
    if words < 3 or words == 3 and not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[lo:hi]):
        return []  # "said 18 people died" is a statement; "said he would" is not
    between = doc[v.i + 1:lo] if lo > v.i else doc[hi:v.i]
    own = keep | {t.i for x in v.children if x.dep_ == "ccomp" for t in x.subtree}
    if any(a.inside[t.i] and t.i not in own and not t.is_punct for t in between):
        return []  # a quote stands between the verb and the words: those are not what it reports
        # (but in 'X, but "Y," Earley said' and 'X and their bodies had been there for "days," he said'
        # the quote is the verb's own too, and X its statement)
    # a statement with quote marks in it is left to the direct quotes ("said that the flaw is in
    # version 7, but that version 6 is also “potentially vulnerable”" keeps its first statement)
    parts = _clause_parts(a, v, lo, hi)
    if any(a.inside[t.i] for s, e in parts[1:] for t in doc[s:e]) or any(_has_mark(doc[s:e]) for s, e in parts[1:]):
        parts = parts[:1]
    s0, e0 = parts[0]
    if (any(a.inside[t.i] for t in doc[s0:e0]) or _has_mark(doc[s0:e0])) and not _only_titles_marked(a, s0, e0):
        cut = _before_marked(a, s0, e0)
        return [(s0, cut)] if cut is not None else []
    return parts


_CUT_WORDS = {"while", "although", "though", "whereas"}


def _before_marked(a: _Article, lo: int, hi: int) -> int | None:
    """Where a reported clause stops before a part of its own that holds quote marks: 'said that
    ships have been dispatched - although repairs will take "several days"', '[both women had
    been stabbed] and their bodies had been there for "days," he said', '..., but "we do know ...,"
    Earley said'. The part before must be a main clause (a subject and its verb); the part cut off
    starts at "while", "although", "though" or "whereas", or at "and"/"but" followed by a subject
    of its own ('said she would accept it and “move on”' is not cut: the marked words end her
    statement; nor is 'with "severe burns"', 'because of the “short-term” stays': one statement)."""
    doc = a.doc
    m = next((t.i for t in doc[lo:hi] if a.inside[t.i] or _is_mark(t) and t.text not in ("'", "’")), None)
    if m is None:
        return hi
    if doc[lo].dep_ in ("mark", "prep") or doc[lo].lower_ in _CUT_WORDS:
        return None  # "Because ..., “...”": the words before are not a statement of their own
    for b in range(m - 1, lo, -1):
        t = doc[b]
        if not (t.lower_ in _CUT_WORDS or t.lower_ in ("and", "but") and any(
                x.dep_ in ("nsubj", "nsubjpass", "expl") for x in [y for y in doc[b + 1:m + 3] if not (
                    y.is_punct or _is_mark(y))][:3])):
            continue
        end = b
        while end > lo and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("and", "but")):
            end -= 1
        words = sum(not (x.is_punct or x.is_space) for x in doc[lo:end])
        if words >= 3 and any(x.dep_ in ("nsubj", "nsubjpass", "expl") and lo <= x.head.i < end for x in doc[lo:end]):
            return end
        return None
    return None


_TITLE = re.compile(r"(?:[A-Z0-9][\w'’&:-]*\s*){1,5}")


def _only_titles_marked(a: _Article, lo: int, hi: int) -> bool:
    """'said Friday that the "American Pie" star went to ...': the marks in the clause hold a title
    (a few capitalised words), not words anyone said."""
    start, end = a.doc[lo].idx, a.doc[hi - 1].idx + len(a.doc[hi - 1].text)
    inside = [sp for sp in a.spans if sp.start < end and sp.end > start]
    return bool(inside) and all(start <= sp.start - 1 and sp.end < end and (
        _TITLE.fullmatch(a.text[sp.start:sp.end].strip()) or _title_like(a.text[sp.start:sp.end].replace(" - ", " ")))
        for sp in inside)


def _clause_parts(a: _Article, v, lo: int, hi: int) -> list[tuple[int, int]]:
    """The statements in a reported clause: one, or two where the speaker said two things.

    "said it was sending a ship, but that it would not arrive until Monday" reports two
    statements (the second "that" opens another complement), and so does "Indian sailors boarded
    the Salahaddin, the military said, and the 23 suspects surrendered": there the attribution
    sits between them and belongs to neither.
    """
    doc = a.doc
    cuts = []  # (end of one part, start of the next)
    if lo < v.left_edge.i and v.right_edge.i + 2 < hi:
        k = v.right_edge.i + 1
        while k < hi and doc[k].is_punct:
            k += 1
        if doc[k].lower_ in ("and", "but") and doc[k].dep_ == "cc":
            cuts.append((v.left_edge.i, k + 1))
    for t in doc[lo:hi]:
        verb = t.head if t.dep_ == "mark" else t.head.head if t.dep_ == "det" and t.head.dep_ == "nsubj" else None
        # ("but that version 6 is also vulnerable": the small parser takes that "that" for a determiner)
        if t.lower_ == "that" and verb is not None and verb.dep_ == "conj" and t.i - 1 > lo and \
                doc[t.i - 1].lower_ in ("and", "but") and not any(s <= t.i < e for s, e in cuts):
            cuts.append((t.i - 1, t.i + 1))
    parts = []
    for s, e in zip([lo] + [c[1] for c in sorted(cuts)], [c[0] for c in sorted(cuts)] + [hi]):
        while s < e and doc[s].is_punct:
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if sum(not (t.is_space or t.is_punct) for t in doc[s:e]) < 3:
            return [(lo, hi)]  # not two statements after all
        parts.append((s, e))
    return parts


_SPEECH_NOUNS = {"speech", "address", "remarks", "testimony", "interview", "sermon", "lecture"}


def _complement_after_object(v) -> list:
    """"suggested the algae, like warming temperatures, might render ...": the small parser takes
    the reported clause's subject for the verb's object and hangs the clause's verb beside it; a
    finite verb with no subject of its own after that object is the clause."""
    dobj = [c for c in v.children if c.dep_ == "dobj" and c.i > v.i and c.pos_ in ("NOUN", "PROPN")]
    if dobj and v.lemma_ in _TELL_LIKE:
        # after "told" the object is whom ("told reporters"); what follows it is what was told when it
        # has a subject of its own, however the parser hangs it ("told police he had gone fishing", an
        # xcomp; but "told him to leave" has no subject: an order, not a statement)
        return [x for x in v.children if x.dep_ == "xcomp" and x.i > dobj[0].i and x.pos_ in ("VERB", "AUX") and any(
            y.dep_ in ("nsubj", "nsubjpass") and dobj[0].right_edge.i < y.i < x.i for y in x.subtree)][:1]
    if not dobj:
        return []
    # ("scientists report spiky skulls evolved 25 times": the clause's verb hung on the object)
    finite_acl = [x for x in dobj[0].children if x.dep_ == "acl" and x.tag_ in ("VBD", "VBZ", "VBP")
                  and x.i == dobj[0].i + 1]
    for x in finite_acl + list(v.children):
        if x.dep_ in ("xcomp", "advcl", "acl") and x.i > dobj[0].i and x.pos_ in ("VERB", "AUX") and not any(
                y.dep_ in ("nsubj", "nsubjpass", "mark", "aux") and y.tag_ != "MD" for y in x.children if y.i < x.i
                and y.dep_ != "aux") and (x.tag_ in ("VBD", "VBZ", "VBP") or any(
                y.dep_ == "aux" and y.tag_ == "MD" for y in x.children)):
            return [x]
    return []


def _misattached_complement(v) -> list:
    """"told reporters at a press conference that the airline will ...": the parser hangs the
    that-clause on "conference" as a relative clause, but its "that" is a conjunction (a relative
    "that" would be the clause's subject or object), so it is what the verb reports."""
    out = []
    nouns = [n for prep in v.children if prep.dep_ == "prep" and prep.i > v.i
             for n in prep.children if n.dep_ == "pobj"]
    # ("said in a statement at the time that he looked forward to ...": a phrase inside the phrase)
    nouns += [m for n in nouns for prep in n.children if prep.dep_ == "prep" and prep.i > n.i
              for m in prep.children if m.dep_ == "pobj"]
    told = [n for n in v.children if n.dep_ in ("dobj", "dative") and n.i > v.i] if v.lemma_ in _TELL_LIKE else []
    # ("said around 7 a.m. that ...": the clause hung on the time the parser took for an object)
    told += [n for n in v.children if n.dep_ in ("dobj", "npadvmod") and n.i > v.i and (
        n.ent_type_ in ("TIME", "DATE") or n.lower_ in ("m.", "a.m.", "p.m."))]
    # ("told Anadolu Agency, a local news outlet, that ...": the clause hung on the apposition)
    told += [x for n in told for x in n.children if x.dep_ == "appos"]
    for noun in nouns + told:
        for rel in (c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i and c.pos_ in ("VERB", "AUX")):
            that = [m for m in rel.children if m.lower_ == "that" and m.i < rel.i and m.i == noun.i + 1
                    or m.dep_ == "mark" and m.lower_ == "that"]
            # "told the paper that he fought ...": after a verb of telling, "that" with a subject
            # of its own after it opens what was told, whatever the parser calls it
            if that and (noun in told or that[0].dep_ in ("mark", "advmod")) and any(
                    x.dep_ in ("nsubj", "nsubjpass", "expl") and x is not that[0] for x in rel.children):
                out.append(rel)
    return out


def _parenthetical_clause(a: _Article, v) -> tuple[int, int] | None:
    """'The larger landers, he said, could deliver tools ...': a speech verb set off by commas
    inside the clause it reports (the parser hangs it on that clause's verb) reports the whole
    clause, or only the part after it where the part before holds quote marks."""
    doc = a.doc
    h = v.head
    # the comma that closes "..., Roberts said, ...": what the parser hangs on the verb after it
    # ("to determine if ...", "in the northbound lanes") is the rest of the reported clause
    close = next((t.i for t in doc[v.i + 1:v.sent.end] if t.text == ","), None)
    # "As the President explained, through this experience she ...": "as" sets the verb off too
    # (not a reporter's or the media's account: "As NPR's Emily Feng reports", "as news sources noted")
    as_mark = v.dep_ == "advcl" and v.lemma_ != "report" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i for c in v.children) and not any(
        c.dep_ == "nsubj" and re.search(r"\b(?:news|media|press|reporters?|journalists?)\b",
                                        " ".join(x.lower_ for x in c.subtree)) for c in v.children)
    if v.dep_ not in ("parataxis", "advcl") or h.i == v.i or h.pos_ not in ("VERB", "AUX") or h.i < v.sent.start or \
            h.i >= v.sent.end or not any(c.dep_ == "nsubj" for c in v.children) or \
            any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "mark") and (close is None or c.i < close)
                and not (as_mark and c.dep_ in ("mark", "prep")) for c in v.children):
        return None
    rest = [c for c in v.children if close is not None and c.i > close and c.dep_ != "punct"]
    own = sorted(t.i for t in v.subtree if not any(t.i >= c.left_edge.i for c in rest))
    if not (doc[own[0]].text == "," or own[0] > 0 and doc[own[0] - 1].text == "," or as_mark and own[0] == v.sent.start):
        return None  # "X, he said," is set off by commas (or opens the sentence: "As he said, X")
    sub = sorted({t.i for t in h.subtree if t.i < own[0] or t.i > own[-1]} |
                 {t.i for c in rest for t in c.subtree})
    if not sub:
        return None
    lo, hi = sub[0], sub[-1] + 1
    if any(a.inside[t.i] for t in doc[lo:own[0]]) or _has_mark(doc[lo:own[0]]):
        lo = own[-1] + 1
    lo, hi = max(lo, v.sent.start), min(hi, v.sent.end)
    while lo < hi and (doc[lo].lower_ in ("that", ",") or doc[lo].is_punct):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in ")" or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < 4 or any(a.inside[t.i] for t in doc[lo:hi]) or _has_mark(doc[lo:hi]):
        return None
    return lo, hi


_FINDINGS = {"report", "study", "survey", "investigation", "analysis", "research", "poll", "review", "audit",
             "inquiry", "probe", "finding", "data", "record", "document"}


def _outlet_subject(a: _Article, v) -> str | None:
    """The outlet (or a finding: "a UN report concluded") that is the verb's subject, if any."""
    for c in v.children:
        if c.dep_ == "nsubj":
            name = _ent_span(a.doc, c) if c.ent_type_ else _noun_phrase(a.doc, c)
            if c.lemma_ in _FINDINGS:
                # a report, study or poll speaks only for a body named in front of it ("The NCAA report says")
                return "" if a._document_owner(c) is None else None
            if c.pos_ == "NOUN" and c.tag_ == "NNS" and c.lemma_ in ("station", "broadcast", "newspaper", "outlet",
                                                                      "channel", "network", "paper", "tabloid"):
                return ""  # "Most radio and TV stations claim ...", "News broadcasts claim ...": unnamed outlets' accounts
            if c.pos_ == "NOUN" and c.lemma_ in _OUTLET_NOUNS:  # "One news site, Znak.com, claims ..."
                appos = [x for x in c.children if x.dep_ == "appos" and x.pos_ == "PROPN"]
                if appos:
                    return clean_name(_ent_span(a.doc, appos[0]))
                if c.lemma_ not in ("agency", "network", "channel", "station") and any(
                        x.lower_ == "the" for x in c.children) and a.outlet_before(c.idx):
                    return a.outlet_before(c.idx)  # "The newspaper said ..."
            if _is_outlet(name) and not a.ents.find_person(name) and c.pos_ in ("PROPN", "NOUN") and (
                    c.pos_ == "PROPN" or c.lemma_ in ("media", "medium", "press", "newspaper", "broadcaster", "outlet",
                                                      "tv", "television", "radio")):  # ("media": lemma "medium")
                return clean_name(name)
            if v.lemma_ == "report" and c.pos_ == "PROPN" and " " not in name.strip() and name[:1].isupper() \
                    and fold(name) not in _BODIES | _HUMAN_WORDS and not a.doc[c.i - 1:c.i].text.lower() in ("the",) \
                    and _is_outlet_or_none(a, _named_before_brackets(a, clean_name(name))) \
                    and not (a.ents.find_person(name) and len(a.ents.find_person(name).name.split()) > 1):
                # "Rappler reported ...", "TVN24 reported ...", "Fars reported ...": a one-word name that
                # reports, and is no one's surname, is a newsroom (people and bodies say and announce)
                return clean_name(name)
    return None


def _is_outlet_or_none(a: _Article, long: str | None) -> bool:
    """False for a body the article names in full before its short name ("The Philippine Institute of
    Volcanology and Seismology (Phivolcs)"): "Phivolcs reported" is that institute speaking."""
    return long is None or a.is_outlet(long) or _is_outlet(long)


def _has_mark(tokens) -> bool:
    return any(_is_mark(t) and t.text not in ("'", "’") for t in tokens)


# -- 4. the entry point ------------------------------------------------------------------------


def analyse(paragraphs: list[str] | str, *, model=None, max_chars: int = MAX_CHARS,
            title: str | None = None) -> Analysis:
    """Quotes and entities of an article given as its paragraphs (or text with blank lines), and
    its headline if it has one (a fuller name there completes a surname the body uses alone).

    Always returns: a very long article is analysed up to ``max_chars`` and the rest is
    reported in ``notes``; text with no quotes gives no quotes.
    """
    from .entities import nlp

    if isinstance(paragraphs, str):
        paragraphs = paragraphs.split("\n\n")
    notes = []
    if len(paragraphs) > MAX_PARAGRAPHS:
        notes.append(f"analysed the first {MAX_PARAGRAPHS} of {len(paragraphs)} paragraphs")
        paragraphs = paragraphs[:MAX_PARAGRAPHS]
    body, why = body_paragraphs(paragraphs)
    if why:
        notes.append(why)
    bounds, pos = [], 0
    for p in body:
        bounds.append((pos, pos + len(p)))
        pos += len(p) + 2
    text = "\n\n".join(body)
    if len(text) > max_chars:
        cut = text.rfind("\n\n", 0, max_chars)
        cut = cut if cut > 0 else max_chars
        notes.append(f"analysed the first {cut:,} of {len(text):,} characters")
        text = text[:cut]
        bounds = [(s, min(e, cut)) for s, e in bounds if s < cut]
    model = model or nlp()
    doc = model(text)
    spans = find_quote_spans(text, bounds)
    a = _Article(text, doc, bounds, spans)
    a.title = title or ""
    quotes = attribute(a)
    _names_from_title(title, quotes)
    return Analysis(quotes=quotes, entities=a.ents.all(), notes=notes, analysed_chars=len(text))


def _names_from_title(title: str | None, quotes: list[Quote]) -> None:
    """'Caitlyn Jenner: Trump has been a disaster' over a body that says only "Jenner": the
    headline's first name and surname are the article's fullest name for that speaker."""
    if not title:
        return
    for q in quotes:
        if q.speaker and q.speaker_kind == "person" and " " not in q.speaker:
            m = re.search(rf"\b([A-Z][\w’'-]+)\s+{re.escape(q.speaker)}\b", title)
            if m and is_first_name(m.group(1)):
                q.speaker = f"{m.group(1)} {q.speaker}"


def extract_quotes(paragraphs: list[str] | str, **kw) -> list[Quote]:
    return analyse(paragraphs, **kw).quotes


# -- 5. on ingest ---------------------------------------------------------------------------------
#
# spaCy reads about 5k words/s on one core, several times the cost of extraction, so by
# default ingest only queues the article (one small write) and the analysis runs after:
# in the background while `newsdesk serve`/`run` is up, or with `newsdesk quotes --pending`.
# NEWSDESK_QUOTES=inline analyses inside the ingest call; NEWSDESK_QUOTES=off does neither.

import logging  # noqa: E402
import os  # noqa: E402
import threading  # noqa: E402
import weakref  # noqa: E402
import atexit  # noqa: E402

log = logging.getLogger("newsdesk.quotes")
MODES = ("background", "inline", "off")


def ingest_mode() -> str:
    mode = (os.environ.get("NEWSDESK_QUOTES") or "background").strip().lower()
    return mode if mode in MODES else "background"


def after_ingest(store, article_id: int, article, status: str) -> None:
    """Called by ``pipeline.store_article`` for every stored article."""
    mode = ingest_mode()
    if mode == "off" or not hasattr(store, "queue_quote_analysis"):
        return
    if store.queue_quote_analysis(article_id, article.content_hash) and mode == "inline":
        analyse_stored(store, article_id)


def analyse_stored(store, article_id: int) -> Analysis | None:
    """Analyse one stored article and save the result; a failure is recorded with its reason.

    A missing spaCy model is not the article's fault: it raises ``ModelError`` and the
    article stays queued.
    """
    from .entities import ModelError

    article = store.get_article(article_id)
    if article is None:
        return None
    try:
        result = analyse(article.paragraphs, title=article.title)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001  one bad article must not stop the queue
        log.exception("quote analysis failed for article %s", article_id)
        store.mark_quote_analysis_failed(article_id, f"{type(exc).__name__}: {exc}")
        return None
    store.save_quote_analysis(article_id, article.content_hash, result, title=article.title,
                              when=article.published or article.fetched_at)
    return result


def analyse_pending(store, limit: int | None = None, progress=None) -> int:
    """Work through the queue; returns how many articles were analysed."""
    done = 0
    while limit is None or done < limit:
        batch = store.pending_quote_analyses(min(50, limit - done) if limit else 50)
        if not batch:
            break
        for article_id in batch:
            analyse_stored(store, article_id)
            done += 1
            if progress:
                progress(article_id)
    return done


class BackgroundAnalyser:
    """A daemon thread that drains the queue while the reader runs (articles may be
    stored by another process, so it looks again every ``interval`` seconds).

    It stops between two articles and is joined on stop and at interpreter exit:
    a daemon thread still inside spaCy's C code while Python finalizes crashes
    the process.
    """

    def __init__(self, db: str, interval: float = 10.0):
        self.db, self.interval = db, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsdesk-quotes", daemon=True)

    def start(self) -> "BackgroundAnalyser":
        if ingest_mode() != "off":
            _RUNNING.add(self)
            self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        _RUNNING.discard(self)

    def _run(self) -> None:
        from ..store import open_store
        from .entities import ModelError

        store = open_store(self.db)
        while not self._stop.is_set():
            try:
                n = analyse_pending(store, limit=1)  # one at a time: stop is honoured between articles
            except ModelError as exc:
                log.error("quote analysis is off: %s", exc)
                return
            except Exception:  # noqa: BLE001  the reader must keep serving
                log.exception("quote analysis pass failed")
                n = 0
            if n == 0:
                self._stop.wait(self.interval)


_RUNNING: "weakref.WeakSet[BackgroundAnalyser]" = weakref.WeakSet()


@atexit.register
def _stop_running_analysers() -> None:
    for analyser in list(_RUNNING):
        analyser.stop()


# -- 6. quote drift across a story's articles ------------------------------------------------------

MAX_DRIFT_QUOTES = 600


def _words(text: str) -> list[str]:
    return fold(text).split()


def _same_statement(a: list[str], b: list[str]) -> bool:
    """Two quotes are one statement when they share a long run of words (or are equal when short)."""
    import difflib

    if not a or not b:
        return False
    short = min(len(a), len(b))
    if short <= 3:
        return a == b
    m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min(6, short) or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def quote_drift(quotes: list[dict]) -> list[dict]:
    """The same statement as each article of a story carries it, and how the versions differ.

    ``quotes``: dicts with ``text``, ``article_id``, ``outlet``, ``speaker``, ``via`` (and any
    other keys, passed through). Returns one entry per statement quoted by two or more
    articles, with ``drift``: ``trimmed`` (a version leaves words out), ``altered`` (words
    changed), ``attribution`` (different speakers) and/or ``relay`` (different relay sources).
    """
    import difflib

    items = [q for q in quotes if q.get("text")][:MAX_DRIFT_QUOTES]
    words = [_words(q["text"]) for q in items]
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i].get("article_id") != items[j].get("article_id") and find(i) != find(j) \
                    and _same_statement(words[i], words[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        if len({items[i].get("article_id") for i in members}) < 2:
            continue
        full_i = max(members, key=lambda i: len(words[i]))
        full = words[full_i]
        versions: dict[tuple, dict] = {}
        drift = set()
        for i in members:
            q = items[i]
            key = tuple(words[i])
            v = versions.get(key)
            if v is None:
                change, diff = "full", []
                if words[i] != full:
                    sm = difflib.SequenceMatcher(None, full, words[i], autojunk=False)
                    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
                    if all(op[0] == "delete" for op in ops):
                        change = "trimmed"
                    else:
                        change = "altered"
                        diff = [{"op": op, "was": " ".join(full[a1:a2]), "now": " ".join(words[i][b1:b2])}
                                for op, a1, a2, b1, b2 in ops]
                    drift.add(change)
                v = versions[key] = {"text": q["text"], "change": change, "diff": diff, "articles": [],
                                     "outlets": [], "speakers": set(), "vias": set()}
            v["articles"].append(q.get("article_id"))
            if q.get("outlet") and q["outlet"] not in v["outlets"]:
                v["outlets"].append(q["outlet"])
            v["speakers"].add(q.get("speaker") or "")
            v["vias"].add(q.get("via") or "")
        speakers = {_speaker_key(items[i]) for i in members if items[i].get("speaker")}
        unattributed = any(not items[i].get("speaker") for i in members)
        if len(speakers) > 1 or (speakers and unattributed):
            drift.add("attribution")
        if len({(items[i].get("via") or "").lower() for i in members}) > 1:
            drift.add("relay")
        for v in versions.values():
            v["speakers"] = sorted(s for s in v["speakers"] if s) or [None]
            v["vias"] = sorted(s for s in v["vias"] if s)
        out.append({"statement": items[full_i]["text"], "speaker": items[full_i].get("speaker"),
                    "articles": len({items[i].get("article_id") for i in members}),
                    "drift": sorted(drift), "versions": list(versions.values())})
    out.sort(key=lambda g: (-len(g["drift"]), -g["articles"]))
    return out


def _speaker_key(q: dict) -> str:
    """One speaker across outlets: the same entity, else the same surname ("Zakharova", "Maria Zakharova")."""
    from .entities import name_key, surname

    return name_key(surname(q["speaker"])) if q.get("speaker") else ""


def voices(quotes: list[dict]) -> list[dict]:
    """Who is quoted in a set of articles (a story), by which outlets, how often."""
    by: dict[str, dict] = {}
    for q in quotes:
        if not q.get("speaker"):
            continue
        k = _speaker_key(q)
        v = by.setdefault(k, {"speaker": q["speaker"], "entity_id": q.get("entity_id"), "role": q.get("role"),
                              "quotes": 0, "outlets": []})
        v["quotes"] += 1
        if len(q["speaker"].split()) > len(v["speaker"].split()):
            v["speaker"] = q["speaker"]
        v["role"] = v["role"] or q.get("role")
        v["entity_id"] = v["entity_id"] or q.get("entity_id")
        if q.get("outlet") and q["outlet"] not in v["outlets"]:
            v["outlets"].append(q["outlet"])
    return sorted(by.values(), key=lambda v: (-len(v["outlets"]), -v["quotes"], v["speaker"]))
