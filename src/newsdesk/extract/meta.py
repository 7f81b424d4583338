"""Metadata from the page itself: JSON-LD first, then meta tags, then the visible page.

Read-only over the parsed tree; runs before any cleaning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlparse

from lxml import etree

from ..normalize import parse_date
from .people import split_people
from .visible import BYLINE_CLASS, NOT_BYLINE_CLASS, read_visible, read_visible_at

ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "livebloggposting", "liveblogposting",
    "techarticle", "scholarlyarticle", "report", "socialmediaposting", "posting", "satiricalarticle", "review",
    "medicalscholarlyarticle", "advertisercontentarticle", "creativework",
}
NON_ARTICLE_TYPES = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "imagegallery",
                     "mediagallery", "videogallery", "faqpage", "aboutpage", "contactpage", "checkoutpage"}
_WS = re.compile(r"\s+")
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|»|•|/|:)\s+")
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-]"
                       r"(0?[1-9]|[12]\d|3[01])(?:/|-|$)", re.I)
_URL_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _n(s) -> str:
    return _WS.sub(" ", str(s or "")).strip()


@dataclass
class Meta:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    og_type: str | None = None
    ld_types: set[str] = field(default_factory=set)
    paywalled: bool = False
    titles: list[str] = field(default_factory=list)  # every headline candidate, for body de-duplication
    published_declared: bool = False  # the date came from the page's metadata, not from a guess


# ---------------------------------------------------------------- JSON-LD
def _ld_objects(root) -> list[dict]:
    out: list[dict] = []

    def walk(o, depth=0):
        if depth > 6:
            return
        if isinstance(o, list):
            for x in o:
                walk(x, depth + 1)
        elif isinstance(o, dict):
            out.append(o)
            if "@graph" in o:
                walk(o["@graph"], depth + 1)
            me = o.get("mainEntity")
            if isinstance(me, (dict, list)):
                walk(me, depth + 1)

    for sc in root.iter("script"):
        if (sc.get("type") or "").strip().lower() != "application/ld+json" or not sc.text:
            continue
        raw = sc.text.strip()
        if len(raw) > 500_000:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.strip().rstrip(";")), strict=False)
            except ValueError:
                continue
        walk(data)
    return out


def _types(o: dict) -> set[str]:
    t = o.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {str(x).lower() for x in t}
    return set()


def _first(v):
    if isinstance(v, list):
        return v[0] if v else None
    return v


def _names(v) -> list[tuple[str, str]]:
    """author values -> [(kind, name)] with kind 'person'|'org'|'?'."""
    out = []
    for x in v if isinstance(v, list) else [v]:
        if isinstance(x, str):
            out.append(("?", x))
        elif isinstance(x, dict):
            name = x.get("name")
            if isinstance(name, list):
                name = " ".join(map(str, name))
            if not name and (x.get("givenName") or x.get("familyName")):
                name = f"{x.get('givenName', '')} {x.get('familyName', '')}"
            if name:
                kind = "org" if _types(x) & {"organization", "newsmediaorganization", "corporation"} else (
                    "person" if "person" in _types(x) else "?")
                out.append((kind, str(name)))
    return out


def _img(v) -> tuple[str | None, str | None]:
    v = _first(v)
    if isinstance(v, str):
        return v, None
    if isinstance(v, dict):
        u = v.get("url") or v.get("contentUrl") or v.get("@id")
        return (str(u) if u else None), (_n(v.get("caption")) or None) if isinstance(v.get("caption"), str) else None
    return None, None


# ---------------------------------------------------------------- helpers
def parse_when(value) -> datetime | None:
    if not value:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if not value:
            return None
    s = _n(value)
    if not s or len(s) > 60:
        return None
    dt = parse_date(s)
    if dt is None:
        try:
            import warnings

            from dateutil import parser as dparser

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dt = dparser.parse(s, fuzzy=False)
        except (ValueError, OverflowError, TypeError, ImportError):
            try:
                dt = datetime.fromtimestamp(int(s[:10]), tz=timezone.utc) if s.isdigit() and len(s) in (10, 13) else None
            except (ValueError, OSError):
                dt = None
        if dt is None:
            return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
    if not (1990 <= dt.year <= datetime.now(timezone.utc).year + 1):
        return None
    return dt


def _lang(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip().replace("_", "-").split(",")[0].strip()
    m = re.match(r"^([a-zA-Z]{2,3})(?:-|$)", v)
    return m.group(1).lower() if m else None


def _site_keys(site_names: list[str], host: str | None) -> set[str]:
    keys = {re.sub(r"[^a-z0-9]", "", s.lower()) for s in site_names if s}
    if host:
        h = host.lower()
        h = h[4:] if h.startswith("www.") else h
        keys.add(re.sub(r"[^a-z0-9]", "", h.rsplit(".", 1)[0]))
        keys.add(re.sub(r"[^a-z0-9]", "", h.split(".")[0]))
        keys.add(re.sub(r"[^a-z0-9]", "", h))
    keys.discard("")
    return keys


def _is_site(seg: str, keys: set[str]) -> bool:
    """The segment names the site (its name or host, give or take a dozen letters)."""
    k = re.sub(r"[^a-z0-9]", "", seg.lower())
    if not k:
        return True
    return any(k == x or (len(x) >= 4 and (x in k or k in x) and len(k) <= len(x) + 12) for x in keys)


def strip_site(title: str, site_names: list[str], host: str | None) -> str:
    """'Headline | Site' / 'Site - Headline' -> 'Headline'."""
    title = _n(title)
    if not title:
        return ""
    keys = _site_keys(site_names, host)

    def is_site(seg: str) -> bool:
        return _is_site(seg, keys)

    parts = _TITLE_SEP.split(title)
    if len(parts) == 1:
        return title
    seps = _TITLE_SEP.findall(title)
    # trailing segments that name the site
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
        seps.pop(0)
    # a trailing " | Section" after a pipe, when the pipe is the page's separator
    if len(parts) > 1 and seps and seps[-1].strip() == "|" and len(parts[-1].split()) <= 3 and len(parts[0].split()) >= 4:
        parts.pop()
        seps.pop()
    out = parts[0]
    for sep, p in zip(seps, parts[1:]):
        out += sep + p
    return out.strip()


def _sim(a: str, b: str) -> float:
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


# ---------------------------------------------------------------- main
def read_metadata(root, url: str | None) -> Meta:
    m = Meta()
    metas: dict[str, list[str]] = {}
    head_title = ""
    canonical = None
    for el in root.iter("meta", "link", "title", "html"):
        tag = el.tag
        if tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
            val = el.get("content")
            if key and val and val.strip():
                metas.setdefault(key, []).append(val.strip())
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            if "canonical" in rel and el.get("href") and canonical is None:
                canonical = el.get("href").strip()
        elif tag == "title" and not head_title:
            head_title = _n(el.text_content())
        elif tag == "html":
            m.language = _lang(el.get("lang") or el.get("xml:lang"))

    def mv(*keys) -> str | None:
        for k in keys:
            if metas.get(k):
                return metas[k][0]
        return None

    def mall(*keys) -> list[str]:
        out = []
        for k in keys:
            out.extend(metas.get(k, []))
        return out

    objs = _ld_objects(root)
    art = None
    for o in objs:
        ts = _types(o)
        m.ld_types |= ts
        if ts & ARTICLE_TYPES and (art is None or ("headline" in o and "headline" not in art)):
            art = o
    if art is None:
        for o in objs:
            if o.get("headline") and (o.get("datePublished") or o.get("author")) and not (_types(o) & NON_ARTICLE_TYPES):
                art = o
                break
    art = art or {}
    # resolve {"@id": ...} references (Yoast-style graphs keep the Person apart from the Article)
    by_id = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str) and len(o) > 2}

    def deref(v):
        if isinstance(v, list):
            return [deref(x) for x in v]
        if isinstance(v, dict) and set(v) <= {"@id", "@type"} and v.get("@id") in by_id:
            return by_id[v["@id"]]
        return v
    publisher = art.get("publisher") if isinstance(art.get("publisher"), dict) else {}
    if not publisher:
        for o in objs:
            if _types(o) & {"organization", "newsmediaorganization"} and o.get("name"):
                publisher = o
                break

    # site, canonical
    host = urlparse(url).hostname if url else None
    m.site_name = _n(mv("og:site_name", "application-name", "al:ios:app_name") or (publisher or {}).get("name") or "") or None
    cano = canonical or mv("og:url") or (art.get("url") if isinstance(art.get("url"), str) else None)
    if cano:
        cano = urljoin(url or "", cano)
        if cano.startswith(("http://", "https://")):
            m.canonical_url = cano
    if not host and m.canonical_url:
        host = urlparse(m.canonical_url).hostname

    # title
    lang_hint0 = m.language
    h1 = ""
    h1_el = None
    for el in root.iter("h1"):
        t = _n(el.text_content())
        if len(t) >= 8:
            h1, h1_el = t, el
            break
    sites = [m.site_name or "", _n((publisher or {}).get("name") or ""), mv("twitter:site") or ""]
    sites = [s.lstrip("@") for s in sites]
    declared_titles = [strip_site(t, sites, host) for t in (
        _n(art.get("headline")) if isinstance(art.get("headline"), str) else "",
        mv("og:title"), mv("twitter:title"), mv("headline", "sailthru.title", "parsely-title", "dc.title")) if t]
    declared_titles = [t for t in declared_titles if t]
    metas_titles = declared_titles + ([strip_site(head_title, sites, host)] if head_title else [])
    metas_titles = [t for t in metas_titles if t]
    title = ""
    site_keys = {re.sub(r"\W", "", s.lower()) for s in sites if s}
    if h1 and re.sub(r"\W", "", h1.lower()) not in site_keys and len(h1) < 300:
        if not metas_titles or any(_sim(h1, t) >= 0.5 or t.lower().startswith(h1.lower()) or h1.lower().startswith(t.lower())
                                   for t in metas_titles):
            title = h1
        else:
            # an h1 in parts (the headline, then a byline or kicker in its own element): its first part
            first = _first_part(h1_el)
            if first and first != h1 and len(first) >= 8 and any(t.lower().startswith(first.lower()) for t in metas_titles):
                title = first
            elif _headline_marked(h1_el) and _opens_article(h1_el, lang_hint0):
                # the page's own headline element, reworded since the metadata was written:
                # trusted when a byline or a dateline follows it, as under an article's headline
                title = h1
    if title:
        # an h1 that carries the site's logo text after the headline: the metadata title is the headline
        for t in metas_titles:
            if (len(t) >= 15 and title != t and title.startswith(t) and len(title) - len(t) <= 40
                    and _is_site(title[len(t):], _site_keys(sites, host))):
                title = t
                break
    if not title and not declared_titles:
        # only the <title> to go on, and it may be the site's: an element the page marks as the headline
        marked = next((_n(el.text_content()) for el in _HEADLINE_XP(root) if _headline_marked(el)
                       and 8 <= len(_n(el.text_content())) < 300), "")
        if marked:
            title = marked
            metas_titles.insert(0, marked)
    if not title and metas_titles:
        title = metas_titles[0]
    m.title = title
    m.titles = [t for t in [h1, *metas_titles] if t]

    # people: the page's metadata, checked against the byline a reader sees under the headline
    lang_hint = m.language or _lang(mv("content-language", "language", "og:locale", "dc.language")) or _lang(
        art.get("inLanguage") if isinstance(art.get("inLanguage"), str) else None)
    vis = read_visible(root, m.title, dayfirst=(lang_hint or "en") != "en")
    raw_people = []
    ld_orgs = []
    for kind, name in _names(deref(art.get("author"))) + _names(deref(art.get("creator"))):
        (ld_orgs if kind == "org" else raw_people).append(name)
    if not raw_people:
        for v in mall("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator",
                      "dcterms.creator", "cxenseparse:author", "twitter:creator:name"):
            if not v.startswith(("http://", "https://")):
                raw_people.append(v)
    orgs = {s.lower() for s in sites if s}
    brand_keys = {re.sub(r"[^a-z0-9]", "", s.lower()) for s in sites if s}
    if host:
        brand_keys.add(re.sub(r"[^a-z0-9]", "", host.lower().removeprefix("www.")))
    brand_keys.discard("")
    people, agencies = split_people(raw_people, orgs)
    # a name the page gives as its editor is not the writer (CMSs that fill "author" with the editor)
    editors = {_n(v).lower() for v in mall("editor")}
    seen_people, seen_agencies = _seen_people(vis.byline, orgs, brand_keys)
    seen_low = {p.lower() for p in seen_people}
    people = [p for p in people if p.lower() not in editors or p.lower() in seen_low]
    if seen_people:
        low = {p.lower() for p in people}
        shown = (vis.byline or "").lower()
        # the visible byline wins when the metadata names fewer of its writers, or someone else
        # entirely (the CMS account that posted the story)
        if not low or low < seen_low or not (low & seen_low) and not all(p in shown for p in low):
            people = seen_people
            agencies += [a for a in seen_agencies if a.lower() not in {x.lower() for x in agencies}]
    if not people and not raw_people:
        more_people, more_agencies = split_people(visible_byline(root), orgs)
        people = more_people
        agencies += [a for a in more_agencies if a.lower() not in {x.lower() for x in agencies}]
    if not people and vis.bare_name:
        people = _seen_people(vis.bare_name, orgs, brand_keys)[0][:1]
    # a "person" whose name is the site's own brand ("LinkNaija", "Beachbody") is the site
    for p in list(people):
        k = re.sub(r"[^a-z0-9]", "", p.lower())
        if " " not in p.strip() and len(k) >= 3 and any(k in b for b in brand_keys):
            people.remove(p)
            agencies.append(p)
    for o in ld_orgs:
        p2, a2 = split_people([o], orgs)
        for a in a2 + p2:  # an Organization author is never a person
            if a.lower() not in {x.lower() for x in agencies}:
                agencies.append(a)
    site_low = (m.site_name or "").lower()
    m.authors = people
    m.agencies = [a for a in agencies if a.lower() != site_low or a.lower() in ("reuters", "associated press")]

    # dates
    m.published = (parse_when(art.get("datePublished")) or parse_when(mv(
        "article:published_time", "og:article:published_time", "datepublished", "article.published", "pubdate",
        "publishdate", "publish-date", "published-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
        "dcterms.date", "sailthru.date", "parsely-pub-date", "og:published_time", "article:published", "pub_date",
        "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime", "rnews:datepublished",
        "datecreated", "dc.date.created", "release_date", "displaydate")))
    if m.published is None:
        # Yoast-style graphs give the post's date on the WebPage object only
        page = next((o for o in objs if "webpage" in _types(o) and o.get("datePublished")), None)
        m.published = parse_when(page.get("datePublished")) if page else None
    m.published_declared = m.published is not None
    # then what the page shows: the URL's date, the dateline under the headline, a <time>, and htmldate last
    if m.published is None:
        shown = _url_date(url or m.canonical_url) or vis.published
        timed = _time_element(root)
        if shown and timed and timed.date() != shown.date():
            timed = None  # a <time> elsewhere on the page (a sidebar, the site's "today")
        m.published = timed or shown or _htmldate(root, url)
    m.updated = parse_when(art.get("dateModified")) or parse_when(mv(
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
        "last-modified", "lastmod", "article.updated", "article:modified")) or vis.updated

    # language, section, tags, description
    m.language = lang_hint
    sec = art.get("articleSection")
    sec = _first(sec) if sec else None
    m.section = _n(sec or mv("article:section", "section", "parsely-section", "category", "sailthru.section")) or None
    tags = mall("article:tag", "og:article:tag")
    if not tags:
        kw = art.get("keywords")
        if isinstance(kw, list):
            tags = [str(k) for k in kw]
        elif isinstance(kw, str):
            tags = kw.split(",")
    if not tags:
        kw = mv("news_keywords", "keywords", "parsely-tags", "sailthru.tags")
        tags = kw.split(",") if kw else []
    seen = set()
    m.tags = []
    for t in tags:
        t = _n(t)
        if t and len(t) < 60 and t.lower() not in seen and ":" not in t:
            seen.add(t.lower())
            m.tags.append(t)
    m.tags = m.tags[:25]
    m.description = _n(mv("og:description", "description", "twitter:description", "dc.description")
                       or (art.get("description") if isinstance(art.get("description"), str) else "")) or None

    # lead image
    iu, icap = _img(art.get("image"))
    m.image_url = mv("og:image", "og:image:url", "og:image:secure_url") or iu or mv("twitter:image", "twitter:image:src")
    if m.image_url:
        m.image_url = urljoin(url or "", m.image_url.strip())
    m.image_caption = icap or _n(mv("og:image:alt", "twitter:image:alt")) or None

    # kind of page, paywall
    m.og_type = (mv("og:type") or "").lower() or None
    free = art.get("isAccessibleForFree")
    parts = art.get("hasPart")
    if isinstance(parts, dict):
        parts = [parts]
    if str(free).lower() == "false" or any(isinstance(p, dict) and str(p.get("isAccessibleForFree")).lower() == "false"
                                          for p in (parts or [])):
        m.paywalled = True
    tier = (mv("article:content_tier") or "").lower()
    if tier in ("locked", "metered"):
        m.paywalled = True
    return m


_HEADLINE_XP = etree.XPath("//body//*[@itemprop='headline' or contains(@class, 'headline') or contains(@class, 'title')]")
_HEADLINE_CLASS = re.compile(r"headline|(?:^|[\s_-])hed(?:$|[\s_-])|__hed|(?:entry|post|article|story|content|page)[-_]{0,2}(?:title|hed)", re.I)
_NOT_HEADLINE = re.compile(r"site|logo|brand|widget|related|card|teaser|list|nav|menu|footer", re.I)


def _seen_people(text: str | None, orgs: set[str], brand_keys: set[str]) -> tuple[list[str], list[str]]:
    """People in a visible byline: two words at least (a lone capitalised word there is as often a place
    or a section as a name), with a trailing brand word glued on by the layout removed ("Jane Doe FOXBusiness")."""
    if not text:
        return [], []
    for org in orgs:  # the site's name glued after the last writer: "Kevin McCoy USA TODAY"
        if len(org) >= 4 and text.lower().endswith(org) and len(text) > len(org) + 3:
            text = text[: -len(org)] + ", " + text[-len(org):]
    people, agencies = split_people([text], orgs)
    out = []
    for p in people:
        words = p.split()
        if len(words) > 2 and any(re.sub(r"[^a-z0-9]", "", words[-1].lower()) in b for b in brand_keys
                                  if len(words[-1]) >= 4):
            words = words[:-1]
        if len(words) >= 2:
            out.append(" ".join(words))
    return out, agencies


def _opens_article(h1, lang: str | None) -> bool:
    v = read_visible_at(h1, dayfirst=(lang or "en") != "en")
    return bool(v.byline or v.published)


def _headline_marked(el) -> bool:
    """The element says it is the article's headline (itemprop or an article-title class), not the site's."""
    if el is None:
        return False
    if el.get("itemprop") == "headline":
        return True
    cls = el.get("class") or ""
    return bool(_HEADLINE_CLASS.search(cls)) and not _NOT_HEADLINE.search(cls)


def _first_part(el) -> str:
    """The text of an element up to its first child element or <br> boundary that follows some text."""
    if el is None:
        return ""
    if el.text and el.text.strip():
        return _n(el.text)
    for child in el:
        t = _n(child.text_content()) if isinstance(child.tag, str) else ""
        if t:
            return t
        if child.tail and child.tail.strip():
            return _n(child.tail)
    return ""


_BYLINE_XP = etree.XPath('//body//*[@rel="author" or @itemprop="author"]')
_BYLINE_CLASS_XP = etree.XPath('//body//*[contains(@class, "yline") or contains(@class, "uthor") or contains(@class, "autor")]')


def _byline_class(cls: str) -> bool:
    return bool(BYLINE_CLASS.search(cls)) and not NOT_BYLINE_CLASS.search(cls)


def visible_byline(root) -> list[str]:
    out = []
    found = _BYLINE_XP(root)
    if not found:
        found = [el for el in _BYLINE_CLASS_XP(root) if _byline_class(el.get("class") or "")]
    for el in found[:6]:
        if el.tag in ("link", "meta", "a") and el.get("href", "").endswith(".txt"):
            continue
        inner = el.xpath('.//*[@itemprop="name"]')
        t = _n(inner[0].text_content()) if inner else _n(el.text_content())
        if el.tag == "meta":
            t = _n(el.get("content"))
        if t and len(t) < 120 and t not in out:
            out.append(t)
    return out


def _time_element(root) -> datetime | None:
    for el in root.iter("time"):
        v = el.get("datetime")
        if v:
            return parse_when(v)
    return None


def _htmldate(root, url: str | None) -> datetime | None:
    """Last resort: htmldate's search of the visible page (only runs when nothing else gave a date)."""
    try:
        from htmldate import find_date
    except ImportError:
        return None
    try:
        found = find_date(root, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is best effort
        return None
    return parse_when(found) if found else None


def _url_date(url: str | None) -> datetime | None:
    if not url:
        return None
    mt = _URL_DATE.search(url)
    if not mt:
        return None
    try:
        mon = mt.group(2).lower()
        return datetime(int(mt.group(1)), _URL_MONTHS.get(mon) or int(mon), int(mt.group(3)), tzinfo=timezone.utc)
    except ValueError:
        return None
