"""What is read aloud, and how it is written so a speech engine says it right.

An article is read as: the title; "By (authors), (outlet)."; then the body,
sentence by sentence. Captions and credits are skipped unless asked for
("Photo: ..."). English text is normalized for speech: dates, years, numbers,
currencies, percentages, times and common abbreviations are spelled out, and
URLs and e-mail addresses are dropped. Other languages get the language-neutral
part (URLs dropped, typography cleaned) and the engine's own number reading.

The normalization rules are hand-written on purpose: the maintained text
normalizers (NeMo's, for instance) pull in multi-gigabyte toolchains, and the
engines' own readers get news conventions wrong (espeak reads "Gov." as "guv",
"$6.25bn" as "dollar six point two five B N", and "2025" as "two thousand and
twenty five"). num2words does the number-to-words part.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from ..model import Article

# Reading limit: about 80 minutes of speech. A longer "article" is almost always
# an extraction accident (a whole archive page, a transcript dump); it is read up
# to here and the listener is told the rest was left out.
MAX_WORDS = 12_000
# A sentence longer than this is cut at commas/semicolons so that no single
# synthesis call delays playback by more than a few seconds.
MAX_CHUNK_WORDS = 45

# Silence after a sentence, after a paragraph, and after the title block (seconds).
PAUSE_SENTENCE = 0.25
PAUSE_PARAGRAPH = 0.6
PAUSE_HEADING = 0.9

# Bump when the reading rules change, so cached audio is regenerated.
SCRIPT_VERSION = 2  # 2: the title's first phrase is its own utterance


@dataclass
class Speech:
    """A script ready for an engine: one line per sentence, with the pause after it."""

    language: str
    sentences: list[str] = field(default_factory=list)
    pauses: list[float] = field(default_factory=list)
    body_words: int = 0
    truncated: bool = False

    @property
    def words(self) -> int:
        return sum(len(s.split()) for s in self.sentences)

    def add(self, sentence: str, pause: float = PAUSE_SENTENCE) -> None:
        sentence = " ".join(sentence.split())
        if _SPEAKABLE.search(sentence):
            self.sentences.append(sentence)
            self.pauses.append(pause)

    def end_paragraph(self, pause: float = PAUSE_PARAGRAPH) -> None:
        if self.pauses:
            self.pauses[-1] = max(self.pauses[-1], pause)

    def key(self, voice_id: str) -> str:
        """Names one rendering of this script in one voice (the audio cache key)."""
        blob = json.dumps([SCRIPT_VERSION, voice_id, self.sentences, self.pauses], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]


_SPEAKABLE = re.compile(r"\w", re.UNICODE)


# -- what is read -------------------------------------------------------------------------

# A paragraph that is a photo caption or a credit line that extraction left in the body.
_CAPTION_LINE = re.compile(
    r"^\s*(?:\(?(?:photo|photograph|image|picture|video|credit|illustration|graphic)s?"
    r"(?:\s+(?:by|credit|courtesy))?\s*[:|/]|(?:getty images|ap photo|reuters/|afp via|file photo)\b)",
    re.I,
)
_CREDIT_TAIL = re.compile(
    r"\((?=[^()]*(?:photo|getty|reuters|\bap\b|afp|epa|pool|images|courtesy|file|shutterstock))[^()]{2,90}\)\s*$",
    re.I,
)


def is_caption(paragraph: str) -> bool:
    """A caption or credit in the body: "Photo: ...", "(AP Photo/...)" at the end of a short paragraph."""
    p = paragraph.strip()
    if _CAPTION_LINE.search(p):
        return True
    return bool(_CREDIT_TAIL.search(p)) and len(p.split()) <= 80


def byline(authors: list[str], outlet: str | None) -> str:
    """ "By Ann Lee and Bo Chen, Reuters." / "From Reuters." / "" """
    people = [a.strip() for a in authors if a and a.strip()]
    if len(people) > 1:
        who = ", ".join(people[:-1]) + " and " + people[-1]
    else:
        who = people[0] if people else ""
    if who and outlet:
        return f"By {who}, {outlet}."
    if who:
        return f"By {who}."
    return f"From {outlet}." if outlet else ""


def article_speech(article: Article, *, outlet: str | None = None, captions: bool = False,
                   max_words: int = MAX_WORDS, default_language: str = "en") -> Speech:
    """The script for one article: title, byline, optional photo caption, body."""
    lang = base_language(article.language) or default_language
    speech = Speech(language=lang)
    outlet = outlet or article.site_name
    if article.title.strip():
        head, rest = lead_split(_end(normalize(article.title, lang)))
        if rest:
            speech.add(head, 0.0)
        speech.add(rest or head, PAUSE_PARAGRAPH)
    line = byline(article.authors, outlet)
    if line:
        speech.add(normalize(line, lang), PAUSE_HEADING)
    else:
        speech.end_paragraph(PAUSE_HEADING)
    if captions and article.image and article.image.caption:
        speech.add(normalize("Photo: " + _end(article.image.caption), lang), PAUSE_PARAGRAPH)
    add_body(speech, article.paragraphs, max_words=max_words)
    return speech


def add_body(speech: Speech, paragraphs: list[str], *, max_words: int = MAX_WORDS,
             skip: "callable | None" = None) -> None:
    """Append body paragraphs sentence by sentence (captions skipped), stopping at ``max_words``.

    ``skip(sentence)`` drops sentences the caller already has (story narration).
    """
    lang = speech.language
    for para in paragraphs:
        if not para.strip() or is_caption(para):
            continue
        added = False
        for sent in split_sentences(para, lang):
            if skip and skip(sent):
                continue
            n = len(sent.split())
            if speech.body_words + n > max_words:
                speech.truncated = True
                speech.end_paragraph()
                speech.add(_TRUNCATED.get(lang, _TRUNCATED["en"]), PAUSE_PARAGRAPH)
                return
            for chunk in chunks(normalize(sent, lang)):
                speech.add(chunk)
                added = True
            speech.body_words += n
        if added:
            speech.end_paragraph()


_TRUNCATED = {
    "en": "The article continues, but newsdesk reads only its first part aloud.",
}


def _end(text: str) -> str:
    """Titles and captions get a full stop so the engine's intonation closes them."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def base_language(language: str | None) -> str | None:
    """'en-GB' -> 'en'; None or junk -> None."""
    if not language:
        return None
    m = re.match(r"[A-Za-z]{2,3}", language.strip())
    return m.group(0).lower() if m else None


# -- sentences ----------------------------------------------------------------------------

_PYSBD_LANGS = {"en", "hi", "mr", "zh", "es", "am", "ar", "hy", "bg", "ur", "ru", "pl", "fa", "nl", "da",
                "fr", "my", "el", "it", "ja", "de", "kk", "sk"}
_segmenters: dict[str, object] = {}


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Sentences by pysbd (it knows "U.S." and "Gov." do not end a sentence)."""
    import pysbd

    lang = language if language in _PYSBD_LANGS else "en"
    seg = _segmenters.get(lang)
    if seg is None:
        seg = _segmenters[lang] = pysbd.Segmenter(language=lang, clean=False)
    return [s.strip() for s in seg.segment(text) if s.strip()]


_PHRASE_START = {"of", "in", "on", "at", "to", "for", "with", "ahead", "after", "before", "as", "and", "but", "over",
                 "amid", "from", "by", "into", "against", "while", "during", "despite", "under", "near"}
LEAD_WORDS = 7


def lead_split(sentence: str, most: int = LEAD_WORDS) -> tuple[str, str]:
    """Split a long first sentence at a phrase boundary within its first ``most`` words.

    Playback can start only when the first utterance is synthesized, and the
    engine's time grows with its length: a short first phrase lets on-demand
    listening start in well under a second. Returns (sentence, "") when there
    is no good place to cut.
    """
    words = sentence.split()
    if len(words) <= most + 3:
        return sentence, ""
    cut = 0
    for i in range(3, most + 1):
        if words[i - 1].endswith(",") or words[i].lower().strip("\"'“‘") in _PHRASE_START:
            cut = i
    if not cut:
        return sentence, ""
    return " ".join(words[:cut]), " ".join(words[cut:])


def chunks(sentence: str, limit: int = MAX_CHUNK_WORDS) -> list[str]:
    """Cut an over-long sentence at ; : , boundaries into pieces of at most ``limit`` words."""
    words = sentence.split()
    if len(words) <= limit:
        return [sentence]
    pieces = re.split(r"(?<=[;:,])\s+", sentence)
    out: list[str] = []
    cur: list[str] = []
    for piece in pieces:
        pw = piece.split()
        if cur and len(cur) + len(pw) > limit:
            out.append(" ".join(cur))
            cur = []
        while len(pw) > limit:  # no punctuation to cut at: cut by count
            out.append(" ".join(pw[:limit]))
            pw = pw[limit:]
        cur.extend(pw)
    if cur:
        out.append(" ".join(cur))
    return out


# -- normalization --------------------------------------------------------------------------

_URL = re.compile(r"(?:\bhttps?://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
                  r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|io|co\.uk|co)(?:/\S*)?(?=[\s,.;)]|$)", re.I)
_SPACES = re.compile(r"\s+")


def normalize(text: str, language: str = "en") -> str:
    """Text as it should be spoken (see the module docstring)."""
    closed = text.rstrip()[-1:] in (".", "!", "?")
    text = _URL.sub("", text)
    text = (text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
            .replace("\u201c", '"').replace("\u201d", '"').replace("…", "..."))
    text = re.sub(r"\s*[\u2014\u2013]\s*(?=\D)|\s+[\u2014\u2013-]{1,2}\s+", ", ", text)  # dashes as pauses
    if language == "en":
        text = _normalize_en(text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = _SPACES.sub(" ", text).strip(" ,;")
    if closed and text and text[-1] not in ".!?\"'":
        text += "."  # "at 7 p.m." lost its full stop to the abbreviation
    return text


def _words(n: float | int, **kw) -> str:
    from num2words import num2words  # imported on first use: it takes ~70 ms, every CLI start would pay it

    return num2words(n, lang="en", **kw).replace(",", "")


def _num(s: str) -> float | int:
    s = s.replace(",", "")
    return float(s) if "." in s else int(s)


def _cardinal(s: str) -> str:
    """'1,200' -> 'one thousand two hundred'; '6.25' -> 'six point two five'."""
    return _words(_num(s))


_MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
    "jul": "July", "aug": "August", "sep": "September", "sept": "September", "oct": "October",
    "nov": "November", "dec": "December",
}
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4})\b)?")
_DATE_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4})\b)?")
_MONTH_YEAR = re.compile(_MONTH + r"\s+(?P<year>\d{4})\b")


def _month(m: re.Match) -> str:
    return _MONTHS[m.group("month").rstrip(".").lower()[:3]]


def _year(s: str) -> str:
    return _words(int(s), to="year")


def _date_mdy(m: re.Match) -> str:
    out = f"{_month(m)} {_words(int(m.group('day')), to='ordinal')}"
    return out + (f", {_year(m.group('year'))}" if m.group("year") else "")


def _date_dmy(m: re.Match) -> str:
    out = f"the {_words(int(m.group('day')), to='ordinal')} of {_month(m)}"
    return out + (f" {_year(m.group('year'))}" if m.group("year") else "")


_CURRENCY = {"$": ("dollar", "dollars", "cent", "cents"), "US$": ("dollar", "dollars", "cent", "cents"),
             "£": ("pound", "pounds", "penny", "pence"), "€": ("euro", "euros", "cent", "cents"),
             "¥": ("yen", "yen", "", ""), "₹": ("rupee", "rupees", "paisa", "paise")}
_SCALES = {"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million", "million": "million",
           "bn": "billion", "b": "billion", "billion": "billion", "tn": "trillion", "trillion": "trillion"}
_AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MONEY = re.compile(r"(?P<cur>US\$|[$£€¥₹])\s?(?P<num>" + _AMOUNT + ")"
                    r"(?:\s?(?P<scale>trillion|billion|million|thousand|bn|mn|tn|[mbk])\b)?", re.I)


def _money(m: re.Match) -> str:
    one, many, sub1, subn = _CURRENCY[m.group("cur").upper() if m.group("cur") != "US$" else "US$"]
    num = m.group("num")
    scale = m.group("scale")
    if scale:
        return f"{_cardinal(num)} {_SCALES[scale.lower()]} {many}"
    value = _num(num)
    if isinstance(value, float) and sub1 and len(num.split(".")[1]) == 2:
        whole, cents = num.replace(",", "").split(".")
        w, c = int(whole), int(cents)
        parts = []
        if w:
            parts.append(f"{_words(w)} {one if w == 1 else many}")
        if c:
            parts.append(f"{_words(c)} {sub1 if c == 1 else subn}")
        return " and ".join(parts) or f"zero {many}"
    return f"{_cardinal(num)} {one if value == 1 else many}"


_ABBREV = {
    "Gov.": "Governor", "Govs.": "Governors", "Sen.": "Senator", "Sens.": "Senators",
    "Rep.": "Representative", "Reps.": "Representatives", "Lt. Gov.": "Lieutenant Governor",
    "Atty. Gen.": "Attorney General", "Dr.": "Doctor", "Drs.": "Doctors", "Mr.": "Mister", "Mrs.": "Missus",
    "Ms.": "Miz", "Gen.": "General", "Lt.": "Lieutenant", "Col.": "Colonel", "Capt.": "Captain",
    "Cmdr.": "Commander", "Sgt.": "Sergeant", "Adm.": "Admiral", "Maj.": "Major", "Prof.": "Professor",
    "Pres.": "President", "Supt.": "Superintendent", "Rev.": "Reverend", "Jr.": "Junior", "Sr.": "Senior",
    "Ave.": "Avenue", "Blvd.": "Boulevard", "Mt.": "Mount", "Ft.": "Fort", "vs.": "versus", "etc.": "et cetera",
    "e.g.": "for example", "i.e.": "that is", "approx.": "approximately", "Dept.": "Department",
    "Corp.": "Corporation", "Inc.": "Incorporated", "Co.": "Company", "Ltd.": "Limited", "Bros.": "Brothers",
    "Jan.": "January", "Feb.": "February", "Aug.": "August", "Sept.": "September", "Oct.": "October",
    "Nov.": "November", "Dec.": "December",
}
# AP-style state abbreviations, as in "Sen. Alex Padilla, D-Calif."
_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma",
    "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington", "W.Va": "West Virginia",
    "Wis": "Wisconsin", "Wyo": "Wyoming", "Texas": "Texas", "Ohio": "Ohio", "Iowa": "Iowa", "Utah": "Utah",
    "Idaho": "Idaho", "Maine": "Maine", "Alaska": "Alaska", "Hawaii": "Hawaii",
}
_PARTY = {"D": "Democrat", "R": "Republican", "I": "Independent"}
_PARTY_STATE = re.compile(r"\b(?P<p>[DRI])-(?P<s>" + "|".join(re.escape(s) for s in
                          sorted(_STATES, key=len, reverse=True)) + r")\.?(?=[\s,;)]|$)")
_ABBREV_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in
                        sorted(_ABBREV, key=len, reverse=True)) + r")(?=\s|$|,)")
_INITIALISM = re.compile(r"\b((?:[A-Z]\.){2,})(?=\s+[a-z]|[\s,;:)]|$)")
_NUMBER_SIGN = re.compile(r"\bNo\.\s?(?=\d)")
_PERCENT = re.compile(r"(" + _AMOUNT + r")\s?(%|per cent\b|percent\b)")
_ORDINAL = re.compile(r"\b(\d{1,9})(st|nd|rd|th)\b")
_DECADE = re.compile(r"\b(1[1-9]|20)(\d)0'?s\b")
_SHORT_DECADE = re.compile(r"(?<![\w'])'(\d)0s\b")
_YEAR_CONTEXT = re.compile(
    r"\b(?P<pre>in|since|by|until|till|from|before|after|during|of|year|early|late|mid-|spring|summer|autumn|fall"
    r"|winter|January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?P<sep>,?\s+|-)(?P<y>1[1-9]\d\d|20\d\d)\b(?!,\d|\.\d|\s?%)")
_YEAR_RANGE = re.compile(r"\b(1[1-9]\d\d|20\d\d)\s?[-\u2013/]\s?((?:1[1-9]|20)?\d\d)\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s?(a\.m\.|p\.m\.|am|pm|AM|PM)?(?=\W|$)")
_AMPM = re.compile(r"\b(\d{1,2})\s?(a\.m\.|p\.m\.)(?=\W|$)")
_NUMBER = re.compile(r"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")


def _time(m: re.Match) -> str:
    h, mm, suffix = int(m.group(1)), int(m.group(2)), m.group(3)
    spoken = _words(h)
    if mm:
        spoken += " " + (f"oh {_words(mm)}" if mm < 10 else _words(mm))
    elif not suffix:
        spoken += " o'clock"
    if suffix:
        spoken += " " + ("A M" if suffix.lower().startswith("a") else "P M")
    return spoken


def _year_range(m: re.Match) -> str:
    a, b = m.group(1), m.group(2)
    if len(b) == 2:
        b = a[:2] + b
    if not (int(a) < int(b) <= int(a) + 100):
        return m.group(0)
    return f"{_year(a)} to {_year(b)}"


def _normalize_en(text: str) -> str:
    text = _PARTY_STATE.sub(lambda m: f"{_PARTY[m.group('p')]} of {_STATES[m.group('s').rstrip('.')]}", text)
    text = _DATE_MDY.sub(_date_mdy, text)
    text = _DATE_DMY.sub(_date_dmy, text)
    text = _MONTH_YEAR.sub(lambda m: f"{_month(m)} {_year(m.group('year'))}", text)
    text = _ABBREV_RE.sub(lambda m: _ABBREV[m.group(1)], text)
    text = _INITIALISM.sub(lambda m: m.group(1).replace(".", ""), text)  # "U.S." -> "US": read as letters
    text = _NUMBER_SIGN.sub("number ", text)
    text = _MONEY.sub(_money, text)
    text = _PERCENT.sub(lambda m: f"{_cardinal(m.group(1))} percent", text)
    text = _TIME.sub(_time, text)
    text = _AMPM.sub(lambda m: f"{_words(int(m.group(1)))} {'A M' if m.group(2)[0] == 'a' else 'P M'}", text)
    text = _YEAR_RANGE.sub(_year_range, text)
    text = _DECADE.sub(lambda m: _words(int(m.group(1) + m.group(2) + "0"), to="year")[:-1] + "ies"
                       if _words(int(m.group(1) + m.group(2) + "0"), to="year").endswith("y")
                       else _words(int(m.group(1) + m.group(2) + "0"), to="year") + "s", text)
    text = _SHORT_DECADE.sub(lambda m: {"0": "noughts", "1": "tens"}.get(m.group(1)) or
                             _words(int(m.group(1)) * 10)[:-1] + "ies", text)
    text = _YEAR_CONTEXT.sub(lambda m: f"{m.group('pre')}{m.group('sep')}{_year(m.group('y'))}", text)
    text = _ORDINAL.sub(lambda m: _words(int(m.group(1)), to="ordinal"), text)
    text = re.sub(r"(?<=\w)\s?&\s?(?=\w)", " and ", text)
    text = _NUMBER.sub(lambda m: _cardinal(m.group(0)), text)
    return text
