"""The general cues for boilerplate: markup tokens and text patterns.

Nothing here names a site. Markup cues are matched against the tokens of an
element's class/id/role/aria/data attributes ("relatedArticles" and
"related-articles" both give the token "related"); text cues are matched
against whole short blocks of text, never against words inside long prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------- markup cues
# Removed wherever they match (unless the element holds the article itself).
STRONG_TOKENS = r"""
related|relatedposts|relatedarticles|relatedstories|relatedcontent|recommended|recommendations|recommendation
|recirc|recirculation|more-stories|more-articles|more-news|more-from|read-next|readnext|also-read|alsoread
|also-like|may-like|might-like|youmaylike|most-popular|mostpopular|most-read|mostread|most-viewed|popular-posts
|popular-stories|trending|newsletter|newsletters|newsletter-signup|signup|sign-up|subscribe|subscription
|subscribe-box|promo|promos|promotion|promoted|sponsored|sponsor|sponsors|advert|adverts|advertisement
|advertising|ads|adunit|ad-unit|ad-slot|adslot|ad-container|ad-wrapper|ad-block|dfp|gpt-ad|taboola|outbrain
|zergnet|revcontent|nativo|comments|comment-list|commentlist|comments-area|comment-respond|respond|disqus
|discussion|cookie|cookies|consent|gdpr|cmp|paywall|regwall|meter|piano|breadcrumb|breadcrumbs|author-bio
|about-author|author-box|authorbox|rollover|tooltip|popover|hovercard|sr-only|screen-reader-text
|visually-hidden|visuallyhidden|share|shares|sharing|sharebar|share-bar|share-tools|sharetools|share-buttons
|social|social-share|socialshare|social-links|follow-us|followus|app-download|app-promo|podcast-promo
|inline-promo|story-promo|teaser-list|card-list|jp-relatedposts|yarpp|crp-list|wp-block-latest-posts
|post-navigation|nav-links|pagination|pager|prev-next|tags|tag-list|taglist|post-tags|entry-tags|article-tags
|topics|keywords|categories|cat-links|tags-links|byline-share|print|emailthis|donate|donation|membership
|in-article-links|read-more|readmore|more-link|next-article|previous-article|around-the-web|partner|partners
|widget|widgets|sidebar|rail|right-rail|sidebar-right|offcanvas|modal|overlay|popup|lightbox|toolbar
|skip-link|skip-to|masthead|site-header|site-footer|global-footer|footer|header-nav|navbar|nav|menu
"""
STRONG_RE = re.compile(r"(?:^|[\s-])(?:" + "".join(STRONG_TOKENS.split()) + r")(?:$|[\s-])")

# Tokens that mark the article container (or its body): never removed, and an
# element that matches both (``entry-content share-enabled``) is kept.
CONTENT_TOKENS = r"""
article-body|articlebody|article-content|articlecontent|article-text|articletext|story-body|storybody
|story-content|story-text|post-body|postbody|post-content|postcontent|entry-content|entrycontent|entry-body
|body-text|bodytext|article__body|article-body-text|main-content|content-body|rich-text|richtext|text-body
|article-main|post-entry|single-content|td-post-content|field-body|field-name-body
"""
CONTENT_RE = re.compile(r"(?:^|[\s-])(?:" + "".join(CONTENT_TOKENS.split()) + r")(?:$|[\s-])")

# Figure captions and photo credits: harvested into image fields, then removed.
CAPTION_RE = re.compile(r"(?:^|[\s-])(?:caption|captions|figcaption|wp-caption-text|image-caption|photo-caption"
                        r"|media-caption|img-caption|caption-text|inline-caption|cutline)(?:$|[\s-])")
CREDIT_RE = re.compile(r"(?:^|[\s-])(?:credit|credits|image-credit|photo-credit|imagecredit|photocredit"
                       r"|copyright|media-credit|caption-credit|attribution|photographer|source-credit)(?:$|[\s-])")

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEP = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)
def attr_tokens(value: str) -> str:
    """'relatedArticles__list js-share' -> 'related-articles-list-js-share' plus the squashed forms."""
    if not value:
        return ""
    spaced = _CAMEL.sub("-", value).lower()
    parts = [p for p in re.split(r"\s+", spaced) if p]
    out = []
    for p in parts:
        t = _SEP.sub("-", p).strip("-")
        if t:
            out.append(t)
            bits = t.split("-")
            out.extend(bits)
            # adjacent pairs keep "more-stories", "read-more" matchable inside longer names
            out.extend(f"{a}-{b}" for a, b in zip(bits, bits[1:]))
    return " ".join(out)


STRONG_SET = frozenset("".join(STRONG_TOKENS.split()).split("|"))
CONTENT_SET = frozenset("".join(CONTENT_TOKENS.split()).split("|"))
_LONGEST = max(t.count("-") + 1 for t in STRONG_SET | CONTENT_SET)


def attr_grams(value: str) -> set[str]:
    """Runs of 1-4 adjacent words of each class/id value: what STRONG_RE/CONTENT_RE match in attr_tokens'
    string, as a set, so a verdict is a set intersection instead of a search through a long alternation."""
    grams: set[str] = set()
    for p in _CAMEL.sub("-", value).lower().split():
        bits = _SEP.sub("-", p).strip("-").split("-")
        n = len(bits)
        for i in range(n):
            for j in range(i + 1, min(n, i + _LONGEST) + 1):
                grams.add("-".join(bits[i:j]))
    grams.discard("")
    return grams


# ---------------------------------------------------------------- text cues
# A heading that opens a block of links to other stories / widgets. Matched
# against the whole (short) text of a heading-like element or line.
RELATED_HEADING = re.compile(
    r"""^\W*(?:
      related(?:\s+(?:articles?|stories|posts|content|coverage|news|links|reading|videos?|topics))?
    | (?:you\s+)?(?:may|might|will)\s+also\s+(?:like|enjoy|be\s+interested(?:\s+in)?)
    | you\s+(?:may|might)\s+(?:also\s+)?like
    | also\s+(?:read|see|watch|on\s+\S+)
    | (?:read|see|watch)\s+(?:more|also|next|this\s+next)
    | (?:more|latest|top)\s+(?:from|in|on|news|stories|articles|videos|headlines)(?:\s+.{0,40})?
    | more\s+to\s+(?:read|explore)
    | (?:most|the\s+most)\s+(?:popular|read|viewed|shared|watched)(?:\s+.{0,30})?
    | popular(?:\s+(?:now|today|posts|stories|articles|on\s+\S+))?
    | trending(?:\s+(?:now|today|stories|news|on\s+\S+))?
    | recommended(?:\s+(?:for\s+you|stories|articles|reading|videos))?
    | editor'?s?\s+(?:picks?|choice)
    | (?:what\s+)?to\s+read\s+next | up\s+next | what'?s\s+next | next\s+up
    | around\s+the\s+web | from\s+around\s+the\s+web | sponsored(?:\s+(?:content|stories|links))?
    | promoted\s+(?:stories|content|links) | partner\s+content | from\s+our\s+partners
    | don'?t\s+miss | in\s+case\s+you\s+missed\s+it | (?:other|more)\s+stories(?:\s+.{0,30})?
    | (?:share|share\s+this(?:\s+(?:article|story|post))?|share\s+and\s+follow|share\s+on\s+\S+|follow\s+us(?:\s+on\s+.{0,30})?)
    | (?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|comments?|\d+\s+comments?|join\s+the\s+(?:discussion|conversation)
       |show\s+comments|view\s+comments|user\s+comments|discussion|reader\s+comments)
    | tags?|topics?|filed\s+under|categories
    | (?:sign\s+up|subscribe)(?:\s+(?:for|to)\s+.{0,40})?|newsletters?
    )\W*$""",
    re.I | re.X,
)

# Short blocks that open with a cue word and then point elsewhere ("Related: ...", "READ MORE: ...").
INLINE_CROSSLINK = re.compile(
    r"""^\W{0,3}(?:related(?:\s+(?:articles?|stories|story|posts?|coverage|content|reading|links?))?|read\s+more|read\s+also|also\s+read
    |read\s+next|see\s+also|see\s+more|more|also|watch|watch\s+now|listen|recommended|don'?t\s+miss|also\s+on\s+\S+
    |further\s+reading|more\s+on\s+(?:this|that)(?:\s+(?:story|topic))?|more\s+from\s+.{0,40}|suggested(?:\s+reading)?
    |trending|popular|must\s+read|also\s+see|read|recommended\s+reading|related\s+video|video|click\s+here
    |insight|reaction|pictures|analysis|opinion|explained|latest)\s*(?:[:|>»›\-–—]|\.{3}|…)""",
    re.I | re.X,
)

PROMO_PATTERNS = [
    # audio / app promos
    r"^(?:new\s*)?you\s+can\s+now\s+listen\s+to\s+.{1,60}?articles?\W*$",
    r"^listen\s+to\s+(?:this|the)\s+(?:article|story)\b.{0,80}$",
    r"^(?:download|get)\s+(?:the|our)\s+.{0,40}\bapp\b.{0,120}$",
    r"^click\s+(?:here|to)\s+(?:to\s+)?(?:get|download|sign|subscribe|read|see|watch|listen|learn|for|follow|join).{0,200}$",
    r"^click\s+here\b.{0,200}$",
    r"^tap\s+here\b.{0,200}$",
    # newsletters, podcasts, subscriptions, follows
    r"^.{0,250}\b(?:sign\s+up|subscribe)\b.{0,80}\bnewsletters?\b.{0,200}$",
    r"^.{0,80}\bnewsletters?\b.{0,80}\b(?:sign\s+up|subscribe|delivered|inbox)\b.{0,200}$",
    r"^get\s+(?:the\s+)?(?:latest|best|top).{0,80}\b(?:inbox|newsletter)\b.{0,100}$",
    r"^(?:subscribe|sign\s+up)\s+(?:now|today|here|for|to)\b.{0,200}$",
    r"^.{0,60}\b(?:subscribe|listen)\s+to\s+(?:the|our)\s+.{0,60}\bpodcast\b.{0,200}$",
    r"^(?:follow|like)\s+(?:us|\S+(?:\s+\S+){0,7})\s+on\s+(?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|threads|bluesky)\b.{0,400}$",
    r"^(?:add\s+to\s+cart|buy\s+now|shop\s+now|view\s+price|check\s+price|see\s+price|get\s+it\s+(?:at|on|from)\s+\w+)\b.{0,200}$",
    r"^\S+@\S+\.\w{2,}\W{0,3}(?:\(end\))?$",
    r"^\(end\)$",
    r"^follow\s+\S+(?:\s+\S+){0,6}\s+(?:coverage|updates)\b.{0,200}$",
    r"^.{0,80}\bdelivered\s+(?:through\s+your\s+letterbox|to\s+your\s+(?:door|doorstep|inbox|home|mailbox))\b.{0,250}$",
    r"^get\s+access\s+to\b.{0,120}\bsubscri.{0,600}$",
    r"^(?:how\s+to\s+)?listen\s+to\s+(?:the\s+)?.{0,60}\bpodcast\b.{0,300}$",
    r"^listen\s+to\s+.{0,60}\blive\s+at\b.{0,200}$",
    r"^follow\s+(?:us|@\S+)\b.{0,150}$",
    r"^(?:share\s+(?:this|on|via|and\s+follow)|share\s*$|like\s+this\s+(?:story|article)\W+share)",
    r"^(?:click|tap)\s+to\s+(?:share|tweet|email|print)\b.{0,60}$",
    r"^(?:email|contact|reach)\s+(?:\w+\s+){0,4}(?:at|via|on)\s+.{0,40}(?:@|\bat\s+\S+\s+dot\b|twitter).{0,120}$",
    r"^(?:have\s+a\s+(?:news\s+)?tip|got\s+a\s+(?:news\s+)?tip)\b.{0,200}$",
    r"^(?:write\s+to|contact)\s+(?:\w+\s+){1,5}at\s+\S+@\S+.{0,200}$",
    # comments
    r"^(?:\d+\s+)?(?:comments?|responses?|replies)\s*(?:\(\d+\))?$",
    r"^(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|join\s+the\s+(?:discussion|conversation)|comments\s+are\s+closed"
    r"|you\s+must\s+(?:be\s+)?log(?:ged)?\s+in\s+to\s+(?:post\s+a\s+)?comment|loading\s+comments|comment\s+on\s+this\s+(?:story|article)"
    r"|comments\s+(?:powered|are\s+moderated)|show\s+comments|view\s+comments|all\s+comments|user\s+comments|\d+\s+thoughts\s+on\b"
    r"|by\s+submitting\s+this\s+form|want\s+to\s+join\s+the\s+discussion|we\s+welcome\s+(?:your\s+)?comments).{0,300}$",
    # cookies / consent / paywall / ads
    r"^.{0,100}\b(?:we\s+use\s+cookies|uses?\s+cookies\s+to|accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences)|manage\s+consent)\b.{0,300}$",
    r"^(?:advertisement|advertising|ad|ads|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?|article\s+continues\s+below(?:\s+(?:this\s+)?(?:ad|advertisement))?"
    r"|continue\s+reading\s+(?:below|the\s+main\s+story)|skip\s+advertisement|scroll\s+to\s+continue(?:\s+with\s+content)?|report\s+an?\s+ad)\W*$",
    # endnotes that are not the story
    r"^_{2,}.{0,300}$",
    r"^[-_*=~•·]{3,}$",
    r"^(?:source|sources|via)\s*:\s*.{1,60}$",
    r"^originally\s+published\s+(?:on|in|at|by)\b.{0,120}$",
    r"^(?:this\s+(?:article|story)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published)).{0,200}$",
    r"^(?:filed\s+under|tags?|topics?|categories|category|keywords)\s*:.{0,300}$",
    r"^.{0,250}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story)\W*$",
    r"^(?:reporting\s+by|additional\s+reporting\s+by|writing\s+by|editing\s+by|compiled\s+by)\b.{0,300}$",
    r"^\W{0,4}(?:copyright|©|\(c\))\s*.{0,200}$",
    r"^all\s+rights\s+reserved\b.{0,100}$",
    r"^.{0,60}(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z]).{0,200}\ball\s+rights\s+reserved\W*$",
    r"^.{0,80}\bmay\s+not\s+be\s+(?:published|reproduced),?\s+broadcast,?\s+rewritten.{0,120}$",
    r"^this\s+copy\s+is\s+for\s+your\s+personal,?\s+non-?commercial\s+use\s+only.{0,400}$",
    r"^(?:photo|image|picture|video|graphic|illustration)s?(?:\s+credit)?\s*:\s*.{0,150}$",
    r"^(?:read|see)\s+(?:the\s+)?(?:full|original|more|our)\b.{0,40}\b(?:here|story|article|coverage)\W*$",
    r"^(?:check\s+out|catch\s+up\s+on)\s+(?:our|more|the\s+latest)\b.{0,120}$",
    r"^(?:more|latest)\s*:.{0,200}$",
]
# Patterns that scan ("^.{0,N}...") are costly; they run only when a cheap keyword test hits.
_SCAN = [p for p in PROMO_PATTERNS if p.startswith("^.{")]
_ANCHORED_RE = re.compile("|".join(f"(?:{p})" for p in PROMO_PATTERNS if not p.startswith("^.{")), re.I)
_SCAN_RE = re.compile("|".join(f"(?:{p})" for p in _SCAN), re.I)
# matched against the lower-cased text: a case-insensitive alternation is six times slower in `re`
_SCAN_KEYS = re.compile(r"sign\s+up|subscri|newsletter|cookie|consent|contributed|rights\s+reserved|delivered|podcast"
                        r"|broadcast|copyright|©|\(c\)")


class _Promo:
    """PROMO_RE.match(text), with the scanning patterns behind a keyword test."""

    @staticmethod
    def match(text: str):
        m = _ANCHORED_RE.match(text)
        if m or not _SCAN_KEYS.search(text.lower()):
            return m
        return _SCAN_RE.match(text)


PROMO_RE = _Promo()

# Trailing "Click To Tweet" style widgets glued onto a real sentence, and the
# wire-service credit "(Reporting by ...; Editing by ...)" closing a paragraph.
TRAILING_WIDGET = re.compile(
    r"\s*(?:click\s+to\s+tweet|tweet\s+this|share\s+this\s+quote"
    r"|\((?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b[^()]{3,400}\))\s*$", re.I)

# Paywall / truncation notices: removed, and the article is flagged.
PAYWALL_RE = re.compile(
    r"""^\W*(?:(?:subscribe|sign\s+in|log\s+in|register)\s+(?:now\s+)?(?:to|for)\s+(?:continue|keep|read|unlock|get\s+(?:full|unlimited))
    |this\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+(?:to|for)|reserved\s+for|exclusive\s+to)\s+(?:paid\s+)?(?:subscribers|members)
    |already\s+a\s+(?:subscriber|member)|to\s+continue\s+reading|continue\s+reading\s+(?:with|for|by)
    |you(?:'ve|\s+have)\s+(?:reached|used)\s+(?:your|all)\b.{0,40}\b(?:limit|free\s+articles?)
    |create\s+a\s+free\s+account\s+to|this\s+is\s+(?:a\s+)?(?:premium|subscriber)[-\s](?:only\s+)?(?:content|article|story)
    |subscribers?\s+only|members?\s+only\s+(?:content|article)|unlock\s+(?:this|the\s+full)\s+(?:article|story)
    |get\s+(?:unlimited|full)\s+(?:digital\s+)?access|start\s+your\s+(?:free\s+)?trial|become\s+a\s+(?:subscriber|member)\s+(?:to|and)
    |if\s+you\s+enjoyed\s+this\s+article,?\s+we\s+have\s+a\s+proposition|join\s+\w+plus\b
    )""",
    re.I | re.X,
)

# Standalone bylines and datelines repeated in the body.
MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE_BITS = re.compile(
    r"\b(?:" + MONTHS + r"|\d{1,4}(?:[/.:-]\d{1,4}){1,2}|\d{1,2}(?:st|nd|rd|th)?|\d{4}|mon(?:day)?|tue(?:s(?:day)?)?"
    r"|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\.?m\.?|gmt|utc|[ecmp][sd]t|bst|cet|cest|ist"
    r"|updated?|published|posted|last|modified|first|on|at|am|pm|hrs?|mins?|ago|hours?|minutes?|days?|today|yesterday|edt|est"
    r"|read|time|reading|min)\b",
    re.I,
)
BYLINE_RE = re.compile(r"^(?i:by|written\s+by|words\s+by|story\s+by|text\s+by|posted\s+by|von|par|por|di|door|af|av)\s+"
                       r"(?:[A-Z\u00c0-\u024f][\w'’.\-]*\.?\s*){1,4}(?:(?:,|and|&|und|et|y|e)\s+(?:[A-Z\u00c0-\u024f][\w'’.\-]*\.?\s*){1,4}){0,4}"
                       r"(?:[,|·•\-–—]\s*.{0,80})?$")


def is_dateline(text: str) -> bool:
    """A short block made (almost) only of date/time words: "Updated 5:45 AM PST 11/19/2019"."""
    if len(text) > 120:
        return False
    words = re.findall(r"[\w.:/-]+", text)
    if not words or not re.search(r"\d", text):
        return False
    rest = DATE_BITS.sub(" ", text)
    rest = re.sub(r"[\W_]+", " ", rest).split()
    return len(rest) <= max(1, len(words) // 5)


def is_caps_crosslink(text: str, min_words: int = 5) -> bool:
    """ALL-CAPS teaser lines ("TRUMP SAYS ... CLICK HERE"): mostly upper-case letters, several words."""
    if len(text) > 250 or sum(map(str.islower, text[:40])) > 5:
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 12 or len(text) > 250:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.85 and len(text.split()) >= min_words
