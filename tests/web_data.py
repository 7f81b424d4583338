"""A small, fixed newsroom for the reader's tests: three outlets, two stories (one with a
wire copy), articles on other topics that share names, and one in French.

Stories are written straight into the v1 ``stories`` table and ``articles.story_id``,
the schema the stories engine fills, so the reader is tested without that engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from newsdesk.model import Article, Image, Source
from newsdesk.pipeline import store_article
from newsdesk.store import open_store

NOW = datetime.now(timezone.utc).replace(microsecond=0)

TROOPS = ("Russia again rejects Western troops in Ukraine",
          ["Russia once again rejected the idea of foreign troops being stationed in Ukraine, as European leaders met "
           "with President Volodymyr Zelenskyy in Paris.",
           "Russian Foreign Ministry spokesperson Maria Zakharova said any plan to deploy foreign military personnel "
           "to Ukraine would be unacceptable to Moscow.",
           "Zelenskyy thanked Donald Trump for his efforts to end the war."])


@dataclass
class Newsroom:
    db: str
    sources: dict[str, int] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    stories: dict[str, int] = field(default_factory=dict)


def _article(key: str, outlet: str, title: str, paragraphs: list[str], hours_ago: float, *, lang: str = "en",
             image: bool = True, authors=("Jane Doe",), url: str | None = None) -> Article:
    return Article(
        url=url or f"https://{outlet.lower().replace(' ', '')}.example/{key}",
        title=title, paragraphs=paragraphs, html="".join(f"<p>{p}</p>" for p in paragraphs),
        authors=list(authors), site_name=outlet, language=lang,
        published=NOW - timedelta(hours=hours_ago),
        image=Image(f"https://img.example/{key}.jpg", f"Caption for {key}", "Photographer/Agency") if image else None,
    )


def build(path) -> Newsroom:
    store = open_store(path)
    room = Newsroom(str(path))
    for name, lang in (("Example News", "en"), ("Daily Planet", "en"), ("Le Monde Test", "fr")):
        room.sources[name] = store.add_source(
            Source(url=f"https://{name.lower().replace(' ', '')}.example/feed.xml", title=name)).id

    def add(key, outlet, *args, **kw):
        room.ids[key] = store_article(store, _article(key, outlet, *args, **kw), room.sources[
            "Le Monde Test" if kw.get("lang") == "fr" else outlet])[0]

    # Story "troops": three outlets; Daily Planet's first piece is Example News' wire copy, one line added.
    add("troops-en", "Example News", TROOPS[0], TROOPS[1], 5)
    add("troops-wire", "Daily Planet", TROOPS[0], TROOPS[1] + ["Distributed by a wire service."], 4, url="https://dailyplanet.example/wire/troops")
    add("troops-fr", "Le Monde Test", "La Russie rejette l'idée de troupes occidentales en Ukraine",
        ["La porte-parole Maria Zakharova a jugé inacceptable tout déploiement de militaires étrangers en Ukraine."],
        3, lang="fr")
    add("troops-followup", "Daily Planet", "Zelenskyy meets the Coalition of the Willing in Paris",
        ["Ukrainian President Volodymyr Zelenskyy met European leaders in Paris to discuss security guarantees "
         "for Ukraine after the war.", "Maria Zakharova repeated that Moscow rejects any foreign troops."], 1)
    # Story "storm": two outlets.
    add("storm-a", "Example News", "Storm Helga makes landfall on the northern coast",
        ["Storm Helga made landfall on Tuesday night with winds above 150 km/h, cutting power to thousands of homes "
         "along the northern coast."], 8)
    add("storm-b", "Daily Planet", "Thousands without power as Helga batters the coast",
        ["Thousands of homes lost power as Storm Helga battered the northern coast, officials said on Wednesday "
         "morning after a long night."], 7, image=False)
    # Lone articles: other topics, some sharing names with the troops story.
    add("zakharova-briefing", "Example News", "Maria Zakharova holds weekly briefing on grain exports",
        ["Maria Zakharova told reporters in Moscow that grain exports through the Black Sea would continue under "
         "the current arrangement for now."], 30)
    add("zelenskyy-energy", "Daily Planet", "Zelenskyy asks allies for more air defence before winter",
        ["Volodymyr Zelenskyy asked allies for more air defence systems to protect Ukraine's energy grid before "
         "winter arrives."], 20)
    add("budget", "Example News", "Parliament passes the spring budget after a late session",
        ["Lawmakers passed the spring budget after a late-night session that ran well past midnight, with "
         "spending on schools and hospitals increased."], 12, image=False)
    add("football", "Daily Planet", "Local club wins the cup in extra time",
        ["The local club won the cup in extra time after a goalless ninety minutes in front of a sold-out "
         "stadium on Saturday."], 26)
    add("old-news", "Example News", "Archive piece from last year about harbour works",
        ["The harbour works that began last year are finally finished, the port authority said in a statement "
         "on Monday."], 24 * 400)

    # Stories as the v1 schema defines them, set by hand so the tests don't depend on how the
    # stories engine (which ran in store_article) grouped these few articles.
    db = store.db
    db.execute("UPDATE articles SET story_id=NULL")
    if db.execute("SELECT 1 FROM sqlite_master WHERE name='duplicates'").fetchone():
        db.execute("DELETE FROM duplicates")
    for name, title, members, rep in (("troops", "Russia rejects Western troops in Ukraine",
                                       ["troops-en", "troops-wire", "troops-fr", "troops-followup"], "troops-en"),
                                      ("storm", "Storm Helga hits the northern coast", ["storm-a", "storm-b"], "storm-a")):
        cur = db.execute("INSERT INTO stories(title, representative_id, first_seen, last_seen) VALUES (?,?,?,?)",
                         (title, room.ids[rep], NOW.isoformat(), NOW.isoformat()))
        room.stories[name] = cur.lastrowid
        db.executemany("UPDATE articles SET story_id=? WHERE id=?",
                       [(cur.lastrowid, room.ids[m]) for m in members])
    store.close()
    return room
