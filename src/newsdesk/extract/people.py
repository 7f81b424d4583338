"""Bylines to people and agencies.

"By JANE DOE and John Roe, Associated Press" -> people ["Jane Doe", "John Roe"],
agencies ["Associated Press"]. An agency is a name on the known-agency list or
anything that reads as an organisation (News, Press, Staff, Desk, ...); a
person's name is 1-5 words with no digits, no URL, no e-mail.
"""

from __future__ import annotations

import re

AGENCIES = {
    "ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg", "dpa": "dpa",
    "deutsche presse-agentur": "dpa", "pti": "PTI", "press trust of india": "PTI", "ani": "ANI", "ians": "IANS",
    "upi": "UPI", "united press international": "UPI", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA",
    "kyodo": "Kyodo", "kyodo news": "Kyodo", "yonhap": "Yonhap", "tass": "TASS", "ria novosti": "RIA Novosti",
    "interfax": "Interfax", "cnn wire": "CNN Wire", "tribune news service": "Tribune News Service",
    "anadolu agency": "Anadolu Agency", "aap": "AAP", "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press", "pa": "PA", "press association": "PA", "pa media": "PA",
    "europa press": "Europa Press", "jiji press": "Jiji Press", "bernama": "Bernama", "antara": "Antara",
    "wenn": "WENN", "news agencies": "News agencies", "agencies": "Agencies", "wire services": "Wire services",
    "staff": "Staff", "news service": "News service", "ntb": "NTB", "sda": "SDA", "apa": "APA", "belga": "Belga",
}
_ORG_WORDS = re.compile(
    r"\b(?:news|press|agency|agencies|media|staff|desk|team|newsroom|editorial|editors?|wire|times|post|journal"
    r"|magazine|daily|herald|tribune|gazette|network|group|inc|ltd|llc|corp|company|channel|radio|tv|television"
    r"|online|digital|bureau|service|reporters?|correspondents?|contributors?|writers?|insider|today|report"
    r"|foundation|institute|university|council|association|society|club|international)\b", re.I)
_BY = re.compile(r"^\s*(?:(?:written|posted|reported|story|words|text|photos?|compiled)\s+)?(?:by|von|par|por|di|door|af|av)\b[:\s]*", re.I)
# ". " after a word of three or more letters ends a name: "Finian Cunningham. Sputnik International"
# (initials and "Mr."/"St." are shorter or upper-case, so "Dana A. Ford" stays whole)
_SPLIT = re.compile(r"\s*(?:;|,|&|\||/|·|•)\s*|\s+(?i:and|with)\s+|\s+(?:und|et|y|e)\s+|(?<=[a-z]{3})\.\s+(?=[A-Z])")
_JUNK = re.compile(r"https?://|www\.|@|\d|\bcommented\b|\w\.(?:txt|html?|php|net|org|com)\b|\.com\b|\.org\b|\bupdated?\b|\bpublished\b|\bposted\b|\bfollow\b|\bemail\b"
                   r"|\bmin(?:ute)?s?\s+read\b|\bread\s+more\b|\bview\s+(?:all|more)\b|\bprofile\b|\barticles?\b", re.I)
_ROLE = re.compile(r"\s*[,(-]?\s*\b(?:is\s+an?|senior|chief|staff|contributing|special|political|foreign|investigative)\b.*$", re.I)
_ACCOUNT = re.compile(r"admin|administrator|webmaster|moderator|\buser\b|\bguest\b|\bredac|\beditor\b", re.I)
_TITLE_WORDS = {"mr", "mrs", "ms", "dr", "prof", "sir"}


def _titlecase(name: str) -> str:
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() if not re.match(r"^[A-Z]\.$", w) else w for w in name.split())
    return name


def classify(name: str, extra_orgs: set[str] | None = None) -> tuple[str, str] | None:
    """('person'|'agency', cleaned) or None for junk."""
    n = " ".join(_BY.sub("", name or "").split()).strip(" .,:;-–—|()[]")
    n = re.sub(r"^(?:and|with|&|und|et|y|e)\s+", "", n, flags=re.I)
    if not n or len(n) > 60:
        return None
    low = n.lower()
    if low in AGENCIES:
        return "agency", AGENCIES[low]
    if low.startswith("the ") and low[4:] in AGENCIES:
        return "agency", AGENCIES[low[4:]]
    if extra_orgs and low in extra_orgs:
        return "agency", n
    if _JUNK.search(n):
        return None
    if _ORG_WORDS.search(n):
        return "agency", n
    n = _ROLE.sub("", n).strip(" .,")
    words = n.split()
    if not words or len(words) > 5:
        return None
    if not any(c.isalpha() for c in n):
        return None
    if len(words) == 1 and len(n) < 3:
        return None
    # account names are not people: "admin", "jdadmin", "kei_eno"
    if "_" in n or _ACCOUNT.search(n) or (len(words) == 1 and (n.islower() or (n.isupper() and len(n) > 3))):
        return None  # an all-lower or all-caps single word ("kei_eno", "KWCHCIK") is an account
    if words[0].lower().strip(".") in _TITLE_WORDS and len(words) > 1:
        words = words[1:]
    return "person", _titlecase(" ".join(words))


def split_people(values, extra_orgs: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Strings or lists of strings from bylines -> (people, agencies), order kept, no duplicates."""
    if not values:
        return [], []
    if isinstance(values, str):
        values = [values]
    people: list[str] = []
    agencies: list[str] = []
    for v in values:
        if not v:
            continue
        v = _BY.sub("", str(v)).strip()
        if re.match(r"(?:https?://|www\.)\S+$", v):
            continue
        for part in _SPLIT.split(v):
            got = classify(part, extra_orgs)
            if not got:
                continue
            kind, clean = got
            target = people if kind == "person" else agencies
            if clean.lower() not in {x.lower() for x in target}:
                target.append(clean)
    return people, agencies
