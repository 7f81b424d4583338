"""The reader in a real browser: front page -> story -> article -> related, keyboard shortcuts,
search, follow and subscribe to a source, phone width, dark mode, and no JavaScript at all.
Screenshots land in each test's tmp dir."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from newsdesk.store import open_store


def shot(page, name: str) -> None:
    page.screenshot(path=str(page.shots / f"{name}.png"), full_page=True)
    assert (page.shots / f"{name}.png").stat().st_size > 5000


def no_csp_or_script_errors(page) -> None:
    # Images point at hosts that do not resolve here; anything else in the console is a real problem.
    real = [p for p in page.problems if "ERR_NAME_NOT_RESOLVED" not in p and "Failed to load resource" not in p]
    assert real == [], real


def test_front_story_article_related(page, served):
    room = served.room
    page.goto(served.url("/"))
    assert page.locator("h1").inner_text() == "Top stories"
    shot(page, "front")
    page.get_by_role("link", name="Full coverage: 4 articles from 3 outlets").click()
    page.wait_for_url(re.compile(r"/stories/\d+$"))
    assert page.locator("h1").inner_text() == "Russia rejects Western troops in Ukraine"
    assert page.locator("section.outlet-group h3").all_inner_texts() == ["Example News", "Le Monde Test", "Daily Planet"]
    page.locator("details.dups summary").click()  # the folded wire copy opens
    assert page.locator("details.dups li").count() == 1
    shot(page, "story")

    page.locator("section.outlet-group a", has_text="Russia again rejects Western troops in Ukraine").first.click()
    page.wait_for_url(re.compile(rf"/articles/{room.ids['troops-en']}$"))
    assert page.locator("h1").inner_text() == "Russia again rejects Western troops in Ukraine"
    assert page.get_by_role("link", name="Read the original at examplenews.example").is_visible()
    assert page.locator("#copy-link").is_visible()  # shown by JS: the clipboard API exists here
    related = page.locator(".related-list li")
    assert related.count() == 6
    reasons = page.locator(".related-list .why").all_inner_texts()
    assert "ALSO ABOUT MARIA ZAKHAROVA" in [r.upper() for r in reasons]
    shot(page, "article")
    first = related.first.locator("h3 a")
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    assert page.locator("h1").inner_text() == title
    no_csp_or_script_errors(page)


def test_keyboard_shortcuts(page, served):
    room = served.room
    page.goto(served.url("/latest"))
    cards = page.locator(".card[data-id]")
    second_id = cards.nth(1).get_attribute("data-id")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.locator(".card.selected").get_attribute("data-id") == second_id
    page.keyboard.press("k")
    page.keyboard.press("j")
    page.keyboard.press("s")  # star the selected card in place
    card = page.locator(f'.card[data-id="{second_id}"]')
    expect(card).to_have_attribute("data-starred", "1")
    assert "starred" in open_store(room.db).get_article(int(second_id)).flags
    page.keyboard.press("m")  # mark read
    expect(card).not_to_have_class(re.compile(r"\bunread\b"))
    assert "read" in open_store(room.db).get_article(int(second_id)).flags
    page.keyboard.press("o")
    page.wait_for_url(re.compile(rf"/articles/{second_id}$"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("Helga")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Helga"))
    assert page.locator(".snippet mark").count() >= 1
    shot(page, "search")
    no_csp_or_script_errors(page)


def test_search_with_filters(page, served):
    page.goto(served.url("/search?q=Zakharova"))
    before = page.locator(".card").count()
    page.select_option("select[name=lang]", "fr")
    page.get_by_role("button", name="Search", exact=True).last.click()
    page.wait_for_url(re.compile(r"lang=fr"))
    assert page.locator(".card").count() == 1 < before
    assert "troupes" in page.locator(".card h2").inner_text()


def test_follow_a_source_and_subscribe_to_one(page, served, newsroom):
    room = served.room
    page.goto(served.url(f"/articles/{room.ids['troops-en']}"))
    follow = page.locator("section.follow li", has_text="This source")
    href = follow.get_by_role("link", name="Atom").get_attribute("href")
    feed = page.request.get(served.url(href))
    assert feed.ok and "<feed" in feed.text() and "Example News" in feed.text()

    # Subscribing needs the network guard opened for the loopback newsroom: a second reader for that.
    from conftest import Server
    from newsdesk.fetch import FetchSettings
    from newsdesk.web import create_app

    db = page.shots / "subscribe.db"
    with Server(create_app(str(db), fetch_settings=FetchSettings(allow_private_networks=True))) as other:
        page.goto(other.url("/sources"))
        page.fill("#add-url", newsroom.url("/"))
        page.get_by_role("button", name="Subscribe").click()
        page.wait_for_selector("p.message")
        assert "Subscribed to" in page.locator("p.message").inner_text()
        assert page.locator("table.sources tbody tr").count() == 1
        shot(page, "sources")
        page.get_by_role("button", name=re.compile("^Pause")).click()
        page.wait_for_selector("tr.paused")
    assert open_store(db).list_sources()[0].paused


def test_phone_width_and_dark_mode(browser, served, tmp_path):
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme="dark", is_mobile=True)
    page = ctx.new_page()
    page.goto(served.url(f"/articles/{served.room.ids['troops-en']}"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scrolling
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(21, 21, 21)"
    page.screenshot(path=str(tmp_path / "article-phone-dark.png"), full_page=True)
    page.goto(served.url("/"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(tmp_path / "front-phone-dark.png"))
    ctx.close()


def test_everything_works_without_javascript(browser, served):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    room = served.room
    page.goto(served.url(f"/articles/{room.ids['football']}"))
    assert not page.locator("#copy-link").is_visible()  # JS-only buttons stay hidden
    page.get_by_role("button", name="☆ Star").click()
    page.wait_for_selector("button[aria-pressed=true]")
    assert "starred" in open_store(room.db).get_article(room.ids["football"]).flags
    page.goto(served.url("/search?q=storm"))
    assert page.locator(".card").count() == 2
    page.goto(served.url("/settings"))
    page.check("input[name=theme][value=dark]")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector("html[data-theme=dark]")
    page.check("input[name=theme][value=auto]")
    page.get_by_role("button", name="Save").click()
    ctx.close()
