"""Stories at scale: the engine's bookkeeping stays bounded over a long stream (vocabulary, closed
stories, merge redirects, storyline links) and its revisits are spread over the adds without changing
what a full revisit decides. No timings are asserted: the bench measures those."""

from __future__ import annotations

from newsdesk.stories import Engine, Params
from newsdesk.stories import engine as engine_mod

HOUR = 3600.0
T0 = 1.75e9
LETTERS = "bcdfghjklmnpqrstvwz"


def _names(i: int) -> list[str]:
    tag = "".join(LETTERS[int(c)] for c in str(i))
    return [w + tag for w in ("Ardon", "Belvik", "Corran", "Dastel")]


def _event(i: int, outlet: int) -> tuple[str, str]:
    a, b, c, d = _names(i)
    title = f"{a} and {b} sign port deal in {c}"
    text = (f"{a} and {b} met in {c} to sign an agreement on the port of {d}, officials said. The deal "
            f"covers tariffs, shipping lanes and fishing rights after months of talks between {a} and {b}. "
            f"Outlet {outlet} adds that critics in {c} called the terms one-sided.")
    return title, text


def test_vocabulary_stays_bounded_and_recent_terms_keep_their_counts(monkeypatch):
    """Every event brings new names; the DF tables keep the most recently seen terms only, so a
    term of the current event still has its true count while names of long-gone events are forgotten."""
    monkeypatch.setattr(engine_mod, "DF_CAP", 300)
    e = Engine(Params(window_hours=24))
    for i in range(120):
        for outlet in range(3):
            title, text = _event(i, outlet)
            e.add(f"a{i}-{outlet}", title, text, published=T0 + i * 6 * HOUR + outlet * 60)
    assert len(e.df) <= 300 * 1.1 + 50 and len(e.edf) <= 300 * 1.1 + 50
    newest = _names(119)[0].lower()
    assert e.edf[newest] == 3                     # seen in the three reports of the newest event
    assert _names(0)[0].lower() not in e.edf      # the first event's names are long gone
    assert e.df["agreement"] == 360               # a common word is never the least recently seen
    assert e.n == 360 and e.idf(newest) > e.idf("agreement")


def test_redirects_and_storyline_links_of_forgotten_stories_are_pruned():
    """Merges and storyline links of stories that are neither open nor archived leave memory (the store
    keeps them); those of open stories still resolve."""
    e = Engine(Params(window_hours=24, storyline_days=2), keep_assignments=False)
    for i in range(400):
        title, text = _event(i, 0)
        e.add(f"x{i}", title, text, published=T0 + i * 3 * HOUR)
        if i % 2:  # merge a pair of fresh stories by hand, as a revisit would
            a = e.story_of(f"x{i - 1}")
            b = e.story_of(f"x{i}")
            if a in e.stories and b in e.stories and a != b:
                e.merge(a, b)
    e._prune_links()
    live = e.stories.keys() | e.archive.keys()
    assert all(into in live for into in e.redirects.values())
    assert set(e.storyline_parent) <= live | set(e.redirects)
    assert len(e.redirects) < 50  # 200 merges happened; only those of the last days are kept
    for sid in e.stories:
        assert e.resolve(sid) == sid
        e.storyline_of(sid)  # resolves without a dangling chain


def test_revisit_is_spread_over_adds_and_finishes():
    """A revisit starts every ``recluster_every`` adds and is done in slices by the adds that follow;
    ``recluster()`` still runs a whole one at once. Either way every article keeps a story."""
    e = Engine(Params(recluster_every=20, window_hours=72))
    seen_running = False
    for i in range(30):
        for outlet in range(4):
            title, text = _event(i, outlet)
            e.add(f"r{i}-{outlet}", title, text, published=T0 + i * HOUR + outlet * 60)
            seen_running |= e._revisit_job is not None
    assert seen_running
    e.recluster()
    assert e._revisit_job is None
    assert all(e.story_of(f"r{i}-{o}") in e.stories for i in range(30) for o in range(4))
    assert sum(len(s.members) for s in e.stories.values()) == len(e.docs) == 120


def test_a_story_that_goes_on_for_days_keeps_only_its_recent_articles_in_memory():
    """An ongoing event reported every few hours for ten days stays one open story, but only the
    articles of the last window stay in memory; the older ones still answer story_of."""
    e = Engine(Params(window_hours=24))
    a, b, c, d = _names(7)
    for i in range(40):  # every 6 hours
        e.add(f"o{i}", f"{a} port strike enters day {i // 4 + 1}",
              f"Dockers in {c} kept the port of {d} closed as {a} and {b} failed to agree on wages. "
              f"Ships queued outside {c}; {a} said talks with {b} would resume. Update {i}.",
              published=T0 + i * 6 * HOUR)
    sid = e.story_of("o39")
    story = e.stories[sid]
    assert e.story_of("o0") == sid and story.size == 40
    assert "o0" not in e.docs and len(story.members) <= 6  # about a day of articles
    assert story.first_ts == T0
