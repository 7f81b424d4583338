"""The reader's HTML pages: front, latest, article, story (full coverage), search, settings.

Routes are thin: the store does the data work, ``related`` picks You May Also Like,
templates render. Everything works without JavaScript; static/reader.js only adds
keyboard shortcuts, copy/Web Share buttons and in-place star/read toggles.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, datetime, time as dtime, timedelta, timezone
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..model import Article
from .auth import require_csrf
from .common import (PAGE_SIZE, SETTINGS, decode_cursor, encode_cursor, front_items, is_web, opt_int, outlet,
                     reader_settings, render, sources_by_id, store_of)
from .related import related, same_text, signatures

router = APIRouter(default_response_class=HTMLResponse)


def feed_links(kind: str, key: str | int, title: str, query: str = "") -> list[dict]:
    """<link rel=alternate> entries (and Follow menu rows) for one feed in the three formats."""
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    return [{"href": f"/feeds/{kind}/{key}.{fmt}{query}", "fmt": fmt, "label": names[fmt], "title": title,
             "type": {"atom": "application/atom+xml", "rss": "application/rss+xml",
                      "json": "application/feed+json"}[fmt]} for fmt in ("atom", "rss", "json")]


def entity_fn(store):
    """Entities per article: the entity engine's when it has analysed the article, else the
    capitalised-names proxy (so related articles work before, and without, that analysis)."""
    from .related import name_proxy

    def names(a: Article) -> set[str]:
        return store.mention_names(a.id) or name_proxy(a)

    return names


def storyline_of(store, story_id: int | None):
    """(id, title) of the storyline a story belongs to, when the stories engine links them."""
    fn = getattr(store, "storyline_of", None)
    if story_id is None or fn is None:
        return None
    return fn(story_id)


@router.get("/")
def front(request: Request, view: str | None = Query(None, pattern="^(stories|latest)$"),
          source: str | None = Query(None, max_length=20), lang: str | None = Query(None, max_length=12),
          page: int = Query(1, ge=1, le=1000), cursor: str | None = Query(None, max_length=200)):
    view = view or reader_settings(request)["default_view"]
    source = opt_int(source, "source")
    if view == "latest":
        return latest(request, source, lang, cursor)
    store = store_of(request)
    items, more = front_items(store, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, source_id=source,
                              language=lang or None)
    q = {k: v for k, v in {"source": source, "lang": lang}.items() if v}
    return render(request, "index.html", {
        "items": items, "more": more, "page": page, "sources": sources_by_id(request), "source_filter": source,
        "lang_filter": lang, "languages": store.languages(),
        "next_url": "/?" + urlencode({**q, "page": page + 1}), "prev_url": "/?" + urlencode({**q, "page": page - 1}),
        "alternates": feed_links("source", source, "this source") if source else [],
    })


@router.get("/latest")
def latest(request: Request, source: str | None = Query(None, max_length=20),
           lang: str | None = Query(None, max_length=12), cursor: str | None = Query(None, max_length=200)):
    store = store_of(request)
    source = opt_int(source, "source") if isinstance(source, str) else source
    after = decode_cursor(cursor, (float, int))
    articles = store.articles_page(limit=PAGE_SIZE + 1, after=after, source_id=source, language=lang or None)
    more = len(articles) > PAGE_SIZE
    articles = articles[:PAGE_SIZE]
    q = {k: v for k, v in {"view": "latest", "source": source, "lang": lang}.items() if v}
    next_url = None
    if more:
        last = articles[-1]
        next_url = "/latest?" + urlencode({**q, "cursor": encode_cursor(*store.sort_key(last.id))})
    return render(request, "latest.html", {
        "articles": articles, "sources": sources_by_id(request), "source_filter": source, "lang_filter": lang,
        "languages": store.languages(), "next_url": next_url, "first_page": cursor is None,
        "alternates": feed_links("source", source, "this source") if source else [],
    })


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: int):
    store = store_of(request)
    article = store.get_article(article_id) if 0 < article_id < 2**62 else None
    if article is None:
        raise HTTPException(404, "No such article")
    if "read" not in article.flags:
        store.set_read(article.id, True)
    source = store.get_source(article.source_id) if article.source_id else None
    story = store.story_row(article.story_id) if article.story_id else None
    storyline = storyline_of(store, article.story_id)
    follow = []
    if source:
        follow.append(("This source", source.title or source.url, feed_links("source", source.id, source.title or "")))
    if story:
        follow.append(("This story", story.title or article.title, feed_links("story", story.id, story.title or "")))
    if storyline:
        follow.append(("This storyline", storyline[1], feed_links("storyline", storyline[0], storyline[1])))
    name = outlet(article, {source.id: source} if source else None)
    share_text = f"{article.title} ({name})" if article.title else name
    share_url = article.url if is_web(article.url) else ""
    return render(request, "article.html", {
        "a": article, "source": source, "story": story, "storyline": storyline, "outlet_name": name,
        "follow": follow, "alternates": [link for _, _, links in follow for link in links],
        "share": share_links(share_text, share_url), "share_text": share_text, "share_url": share_url,
        "related": related(store, article, entities=entity_fn(store)),
        "sources": sources_by_id(request), "starred": "starred" in article.flags,
    })


def share_links(text: str, url: str) -> list[tuple[str, str]]:
    """(network, URL) pairs that share the original article, credited to its outlet."""
    if not url:
        return []
    both = f"{text} {url}"
    return [
        ("Email", "mailto:?" + urlencode({"subject": text, "body": both}, quote_via=quote)),
        ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": both})),
    ]


@router.get("/share/mastodon")
def share_mastodon(request: Request, instance: str = Query(..., min_length=3, max_length=253),
                   text: str = Query("", max_length=2000)):
    """Mastodon has no central share URL: the reader's own server is asked. A link, not a
    redirect, because the strict CSP's form-action would block a redirect off-site."""
    inst = instance.strip().removeprefix("https://").removeprefix("http://").strip("/").lower()
    if not inst or any(c not in "abcdefghijklmnopqrstuvwxyz0123456789.-:" for c in inst) or "." not in inst:
        raise HTTPException(400, "Give your Mastodon server's name, like mastodon.social")
    target = f"https://{inst}/share?" + urlencode({"text": text})
    return render(request, "share_mastodon.html", {"target": target, "instance": inst, "text": text})


def _fold_duplicates(store, members: list[Article]) -> tuple[list[Article], dict[int, list[Article]]]:
    """Originals, and the copies folded under each: the stories engine's duplicate records when it has
    them, else same content, same address or the same headline words (earliest is the original)."""
    dup_of = getattr(store, "duplicate_map", None)
    mapping: dict[int, int] = dup_of([a.id for a in members]) if dup_of else {}
    originals: list[Article] = []
    folded: dict[int, list[Article]] = {}
    by_id = {a.id: a for a in members}
    sig = signatures(store, members) if not mapping else {}
    for a in members:  # earliest first
        orig = mapping.get(a.id)
        if orig is None and not mapping:
            orig = next((o.id for o in originals if same_text(sig[o.id], sig[a.id])), None)
        if orig is not None and orig in by_id and orig != a.id:
            folded.setdefault(orig, []).append(a)
        else:
            originals.append(a)
    return originals, folded


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: int):
    store = store_of(request)
    resolve = getattr(store, "resolve_story", None)
    if resolve and 0 < story_id < 2**62:
        survivor = resolve(story_id)
        if survivor is not None and survivor != story_id:
            return RedirectResponse(f"/stories/{survivor}", status_code=301)
    story = store.story_row(story_id) if 0 < story_id < 2**62 else None
    if story is None:
        raise HTTPException(404, "No such story")
    members = store.story_members(story_id, limit=500)
    if not members:
        raise HTTPException(404, "This story has no articles")
    sources = sources_by_id(request)
    originals, folded = _fold_duplicates(store, members)
    by_outlet: OrderedDict[str, list[Article]] = OrderedDict()
    for a in originals:
        by_outlet.setdefault(outlet(a, sources), []).append(a)
    lead = next((a for a in members if a.id == story.representative_id), None) or \
        next((a for a in members if a.image and a.paragraphs), members[0])
    storyline = storyline_of(store, story_id)
    follow = feed_links("story", story_id, story.title or lead.title)
    if storyline:
        follow += feed_links("storyline", storyline[0], storyline[1])
    return render(request, "story.html", {
        "story": story, "title": story.title or lead.title, "lead": lead, "by_outlet": by_outlet, "folded": folded,
        "timeline": members, "storyline": storyline, "sources": sources, "alternates": follow,
        "story_feeds": feed_links("story", story_id, story.title or lead.title),
        "storyline_feeds": feed_links("storyline", storyline[0], storyline[1]) if storyline else [],
        "outlet_count": len(by_outlet),
    })


def _day(value: str | None, end: bool = False) -> float | None:
    if not value:
        return None
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"dates look like 2025-09-04, not {value!r}") from None
    if end:
        d += timedelta(days=1)
    return datetime.combine(d, dtime(), timezone.utc).timestamp()


@router.get("/search")
def search_page(request: Request, q: str = Query("", max_length=500), page: int = Query(1, ge=1, le=1000),
                source: str | None = Query(None, max_length=20), since: str | None = Query(None, max_length=10),
                until: str | None = Query(None, max_length=10), lang: str | None = Query(None, max_length=12)):
    store = store_of(request)
    source = opt_int(source, "source")
    filters = {"source": source, "since": since, "until": until, "lang": lang}
    hits = store.search_filtered(q, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE, source_id=source,
                                 since_ts=_day(since), until_ts=_day(until, end=True),
                                 language=lang or None) if q.strip() else []
    more = len(hits) > PAGE_SIZE
    base = {"q": q, **{k: v for k, v in filters.items() if v}}
    feed_q = "?" + urlencode(base)
    return render(request, "search.html", {
        "q": q, "hits": hits[:PAGE_SIZE], "page": page, "more": more, "sources": sources_by_id(request),
        "filters": filters, "languages": store.languages(),
        "prev_url": "/search?" + urlencode({**base, "page": page - 1}),
        "next_url": "/search?" + urlencode({**base, "page": page + 1}),
        "alternates": [dict(link, href=f"/feeds/search.{link['fmt']}{feed_q}")
                       for link in feed_links("search", "", f"search: {q}")] if q.strip() else [],
    })


@router.get("/settings")
def settings_page(request: Request):
    account = getattr(request.state, "account", None)
    tokens = store_of(request).list_api_tokens(account.id) if account else []
    return render(request, "settings.html", {"choices": SETTINGS, "tokens": tokens,
                                             "new_token": getattr(request.state, "new_token", None)})


@router.post("/settings", dependencies=[Depends(require_csrf)])
def save_settings(request: Request, theme: str = Form("auto"), font_size: str = Form("medium"),
                  default_view: str = Form("stories")):
    values = {"theme": theme, "font_size": font_size, "default_view": default_view}
    for key, value in values.items():
        if value not in SETTINGS[key][0]:
            raise HTTPException(400, f"{key} must be one of {', '.join(SETTINGS[key][0])}")
    store_of(request).set_settings(values)
    request.app.state.settings_cache = None
    return RedirectResponse("/settings?saved=1", status_code=303)


@router.post("/articles/{article_id}/{action}", dependencies=[Depends(require_csrf)])
def article_action(request: Request, article_id: int, action: str, back: str = Form("")):
    """Form fallback for star/unstar/read/unread when JavaScript is off."""
    store = store_of(request)
    if action not in ("star", "unstar", "read", "unread"):
        raise HTTPException(404, "Unknown action")
    if not (0 < article_id < 2**62) or store.get_article(article_id) is None:
        raise HTTPException(404, "No such article")
    if action in ("star", "unstar"):
        store.set_starred(article_id, action == "star")
    else:
        store.set_read(article_id, action == "read")
    target = back if back.startswith("/") and not back.startswith("//") else f"/articles/{article_id}"
    return RedirectResponse(target, status_code=303)
