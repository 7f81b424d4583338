"""Allow-list HTML sanitizing for everything written by strangers.

Article HTML is sanitized when it is stored and is never trusted again at
render time without passing through here. nh3 (ammonia) does the work; this
module only states the policy.
"""

from __future__ import annotations

from html import unescape

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite",
    "ul", "ol", "li", "dl", "dt", "dd", "em", "strong", "b", "i", "u", "s",
    "sub", "sup", "small", "mark", "code", "pre", "a", "img", "figure",
    "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "hr", "abbr", "time",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Return HTML with only the allowed tags, attributes and URL schemes.

    Scripts, styles, event handlers, forms, iframes and ``javascript:`` URLs
    are dropped; links get ``rel="noopener noreferrer nofollow"``.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style", "noscript", "iframe", "object", "embed", "form", "template", "svg", "math"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def to_text(html: str) -> str:
    """Strip every tag (for titles and summaries coming from feeds)."""
    cleaned = nh3.clean(html or "", tags=set(), clean_content_tags={"script", "style"})
    return " ".join(unescape(cleaned).split())
