"""Storylines (stories of one ongoing topic, linked without merging) and "why" for two articles.

The story page itself (/stories/{id}, full coverage by outlet with copies folded) is the
reader's (web/pages.py); it reads the stories engine's records through the store.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from .common import render, store_of

router = APIRouter()


@router.get("/storylines/{storyline_id}")
def storyline_page(request: Request, storyline_id: int):
    store = store_of(request)
    stories = store.storyline_stories(storyline_id) if 0 < storyline_id < 2**62 else []
    if not stories:
        raise HTTPException(404, "No such storyline")
    title = max(stories, key=lambda s: s.article_count).title
    return render(request, "stories_storyline.html", {"title": title, "stories": stories, "id": storyline_id})


@router.get("/articles/{a}/why/{b}")
def why(request: Request, a: int, b: int):
    """JSON: why articles a and b are, or are not, in one story (scores, shared names, vetoes)."""
    from ..stories.service import desk_for

    if not (0 < a < 2**62 and 0 < b < 2**62):
        raise HTTPException(404, "No such article")
    try:
        return desk_for(store_of(request)).explain(a, b)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
