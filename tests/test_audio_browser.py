"""The player in a real browser (Debian's chromium, driven by Playwright, the reader on uvicorn):
Listen plays while the audio is being made, switches to the complete file, changes speed, marks
the article read when it has been heard, and the queue carries on by itself. Skips without chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from audio_helpers import need_tools

from newsdesk.model import Article

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def wait_for(page, expression: str, timeout: float = 90) -> None:
    """Poll a JS expression from Python: page.wait_for_function evaluates strings with eval, which the
    reader's CSP (rightly) forbids; page.evaluate of a function is not subject to it."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.1)


def art(url, title, text):
    return Article(url=url, title=title, paragraphs=[text], language="en", site_name="Alpha News",
                   published=datetime.now(timezone.utc))


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    need_tools()
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install -e '.[test]')")
    import uvicorn

    from newsdesk.web.app import create_app

    app = create_app(str(tmp_path_factory.mktemp("listen") / "listen.db"))
    store = app.state.store
    first, _ = store.upsert_article(art("https://alpha.test/1", "Council approves budget",
                                        "The city council approved the budget on Tuesday after a long debate."))
    second, _ = store.upsert_article(art("https://alpha.test/2", "Bridge reopens",
                                         "The old bridge reopened to traffic on Wednesday morning."))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", sync_api, store, (first, second)
    server.should_exit = True
    thread.join(10)


def in_own_thread(fn, *args) -> None:
    """Run Playwright's sync API in a thread of its own: it refuses a thread whose asyncio loop is
    running (another browser fixture may hold one), and leaves none running behind it."""
    failure = []

    def run():
        try:
            fn(*args)
        except BaseException as exc:  # re-raised in the test's thread
            failure.append(exc)

    t = threading.Thread(target=run, name="playwright")
    t.start()
    t.join(600)
    if failure:
        raise failure[0]
    assert not t.is_alive(), "the browser test did not finish"


def test_listen_plays_live_then_the_file_marks_read_and_the_queue_goes_on(reader):
    in_own_thread(drive_the_player, *reader)


def drive_the_player(base, sync_api, store, ids):
    first, second = ids
    store.queue_add("article", second)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--mute-audio",
            "--autoplay-policy=no-user-gesture-required"])
        try:
            listen_and_check(browser, base, store, first, second)
        finally:
            browser.close()


def listen_and_check(browser, base, store, first, second):
    page = browser.new_page()
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{base}/articles/{first}")
    page.click(".listen-play")
    audio = "document.querySelector('.listen-audio')"
    # plays while it is being made (live stream), then from the complete file
    wait_for(page, f"{audio}.currentTime > 0.3")
    wait_for(page, f"{audio}.src.includes('/articles/{first}/audio') && !{audio}.src.includes('live')")
    wait_for(page, f"isFinite({audio}.duration) && {audio}.duration > 2", timeout=30)
    assert page.evaluate("() => navigator.mediaSession.metadata.title") == "Council approves budget"
    assert "Ready" in page.inner_text(".listen-status")

    page.select_option(".listen-speed", "2")
    assert page.evaluate(f"() => {audio}.playbackRate") == 2
    page.click(".listen-back")  # -15 s from a few seconds in: back to the start
    assert page.evaluate(f"() => {audio}.currentTime") < 3

    page.evaluate(f"() => {{ {audio}.currentTime = {audio}.duration - 0.5; }}")
    # heard to the end: marked read, and the queue's next article starts by itself
    wait_for(page, f"{audio}.src.includes('/articles/{second}/')")
    assert "read" in store.get_article(first).flags
    assert page.evaluate("() => navigator.mediaSession.metadata.title") == "Bridge reopens"
    wait_for(page, f"{audio}.src.includes('/articles/{second}/audio') && !{audio}.src.includes('live')"
             f" && {audio}.currentTime > 0.5")
    page.click(".listen-play")  # pause: the position is saved for next time
    wait_for(page, f"{audio}.paused")
    deadline = time.monotonic() + 10
    while store.listen_position("article", second)[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert store.listen_position("article", second)[0] > 0
    assert csp_errors == []
    page.close()
