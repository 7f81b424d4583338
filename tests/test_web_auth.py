"""Who may use the reader: loopback without login but safe from other web pages; anywhere else
only with an account (cookie session + CSRF) or an API token; `serve` refuses until an admin exists."""

from __future__ import annotations

import re

from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsdesk.accounts import bind_policy, create_admin, hash_password, verify_password
from newsdesk.cli import main
from newsdesk.store import open_store
from newsdesk.web import create_app
from newsdesk.web.app import LOOPBACK_HOSTS
from web_data import build

PASSWORD = "correct horse battery"


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def test_passwords_are_hashed_with_a_salt():
    h1, h2 = hash_password(PASSWORD), hash_password(PASSWORD)
    assert h1 != h2 and PASSWORD not in h1 and h1.startswith("scrypt$")
    assert verify_password(PASSWORD, h1) and not verify_password("wrong password", h1)
    assert not verify_password(PASSWORD, "garbage")


# -- loopback ----------------------------------------------------------------------------------


def test_loopback_needs_no_login_but_refuses_cross_site_writes(tmp_path):
    room = build(tmp_path / "r.db")
    client = TestClient(create_app(room.db))
    page = client.get("/settings")
    assert page.status_code == 200
    token = csrf_of(page.text)
    aid = room.ids["budget"]
    # A form on another site posting to the reader: refused by Origin, and by the missing token.
    r = client.post(f"/articles/{aid}/star", data={"csrf_token": token}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and r.json() == {"error": "cross-site request refused"}
    r = client.post(f"/articles/{aid}/star", data={}, follow_redirects=False)
    assert r.status_code == 403
    assert "starred" not in open_store(room.db).get_article(aid).flags
    r = client.post(f"/articles/{aid}/star", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and "starred" in open_store(room.db).get_article(aid).flags
    # The browser's own scripts send the token as a header; a cookie-carrying call without it is refused.
    assert client.put(f"/api/articles/{aid}/read").status_code == 403
    assert client.put(f"/api/articles/{aid}/read", headers={"X-CSRF-Token": token}).json()["read"] is True
    # A program without cookies (curl) on loopback may use the API.
    assert TestClient(create_app(room.db)).put(f"/api/articles/{aid}/star").status_code == 200


def test_loopback_serving_refuses_foreign_host_names(tmp_path):
    """DNS rebinding: a page whose name now points at 127.0.0.1 still sends its own Host header."""
    app = create_app(str(tmp_path / "h.db"), trusted_hosts=LOOPBACK_HOSTS)
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://[::1]:8000").get("/").status_code == 200
    r = TestClient(app, base_url="http://attacker.example:8000").get("/api/articles")
    assert r.status_code == 400 and r.json() == {"error": "untrusted Host header"}


# -- with accounts --------------------------------------------------------------------------------


def login_app(tmp_path):
    room = build(tmp_path / "r.db")
    create_admin(open_store(room.db), "admin", PASSWORD)
    return room, create_app(room.db, require_login=True)


def test_pages_and_api_need_a_login_elsewhere(tmp_path):
    room, app = login_app(tmp_path)
    client = TestClient(app)
    r = client.get(f"/articles/{room.ids['budget']}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/login?next=/articles/{room.ids['budget']}"
    api = client.get("/api/articles")
    assert api.status_code == 401 and "login required" in api.json()["error"]
    assert client.get("/feeds/latest.atom").status_code == 401
    assert client.get("/openapi.json").status_code == 401
    assert client.get("/static/style.css").status_code == 200 and client.get("/healthz").status_code == 200

    login = client.get("/login")
    assert login.status_code == 200 and 'name="password"' in login.text
    token = csrf_of(login.text)
    bad = client.post("/login", data={"username": "admin", "password": "nope nope nope", "csrf_token": token})
    assert bad.status_code == 401 and "Wrong username or password" in bad.text
    no_csrf = client.post("/login", data={"username": "admin", "password": PASSWORD}, follow_redirects=False)
    assert no_csrf.status_code == 403
    ok = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token,
                                     "next": f"/articles/{room.ids['budget']}"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == f"/articles/{room.ids['budget']}"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    page = client.get(f"/articles/{room.ids['budget']}")
    assert page.status_code == 200 and "Parliament passes the spring budget" in page.text
    assert "Log out admin" in page.text
    # The session has its own CSRF token; the anonymous one no longer works.
    session_token = csrf_of(page.text)
    assert session_token != token
    assert client.post("/settings", data={"theme": "dark", "csrf_token": token}).status_code == 403
    assert client.post("/settings", data={"theme": "dark", "csrf_token": session_token}).status_code == 200
    client.post("/logout", data={"csrf_token": session_token})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_redirects_only_within_the_reader(tmp_path):
    _, app = login_app(tmp_path)
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token,
                                    "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_repeated_wrong_passwords_are_throttled(tmp_path):
    _, app = login_app(tmp_path)
    client = TestClient(app, client=("203.0.113.9", 5000))
    token = csrf_of(client.get("/login").text)
    codes = [client.post("/login", data={"username": "admin", "password": f"guess {i}", "csrf_token": token}).status_code
             for i in range(10)]
    assert codes[:8] == [401] * 8 and codes[8:] == [429, 429]
    r = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429  # even the right password waits


def test_api_tokens_open_the_api_and_feeds(tmp_path):
    room, app = login_app(tmp_path)
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    session_token = csrf_of(client.get("/settings").text)
    made = client.post("/settings/tokens", data={"name": "my phone", "csrf_token": session_token})
    assert made.status_code == 200 and "my phone" in made.text
    api_token = re.search(r'<code class="token">([^<]+)</code>', made.text).group(1)

    program = TestClient(app)  # no cookies
    headers = {"Authorization": f"Bearer {api_token}"}
    r = program.get("/api/articles", headers=headers)
    assert r.status_code == 200 and len(r.json()["items"]) == 11
    aid = room.ids["budget"]
    assert program.put(f"/api/articles/{aid}/star", headers=headers).json()["starred"] is True  # no CSRF for tokens
    assert program.get("/feeds/latest.rss", params={"token": api_token}).status_code == 200
    assert program.get("/api/articles", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert program.get("/api/articles", params={"token": api_token}).status_code == 401  # ?token= is for feeds only

    tid = open_store(room.db).list_api_tokens()[0]["id"]
    client.post(f"/settings/tokens/{tid}/delete", data={"csrf_token": session_token})
    assert program.get("/api/articles", headers=headers).status_code == 401


# -- the command line -----------------------------------------------------------------------------------


def test_serve_refuses_other_addresses_until_an_admin_exists(tmp_path):
    db = str(tmp_path / "x.db")
    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", db])
    assert r.exit_code != 0 and "refusing" in r.output and "loopback" in r.output
    assert "newsdesk user create-admin" in r.output

    short = CliRunner().invoke(main, ["user", "create-admin", "--password-stdin", "--db", db], input="short\n")
    assert short.exit_code != 0 and "at least 10 characters" in short.output
    made = CliRunner().invoke(main, ["user", "create-admin", "--password-stdin", "--db", db], input=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    store = open_store(db)
    assert bind_policy("0.0.0.0", store) is True  # now it serves, with login
    assert bind_policy("127.0.0.1", store) is False and bind_policy("::1", store) is False

    tok = CliRunner().invoke(main, ["user", "token", "laptop", "--db", db])
    assert tok.exit_code == 0
    client = TestClient(create_app(db, require_login=True))
    assert client.get("/api/sources", headers={"Authorization": f"Bearer {tok.output.strip()}"}).status_code == 200


def test_first_run_on_a_terminal_asks_for_the_admin_password(tmp_path, monkeypatch):
    import click

    db = str(tmp_path / "t.db")
    answers = iter(["admin", PASSWORD])
    monkeypatch.setattr(click, "prompt", lambda *a, **k: next(answers))
    store = open_store(db)
    assert bind_policy("192.0.2.1", store, interactive=True) is True
    assert store.count_admins() == 1
