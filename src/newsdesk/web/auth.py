"""Who may use the reader, and from where.

- Loopback (the default) serves without login; ``trusted_hosts`` then refuses other
  Host headers, so a web page that rebinds its name to 127.0.0.1 gets nothing.
- Any other address needs an account: cookie sessions (HttpOnly, SameSite=Lax) for
  the browser, ``Authorization: Bearer`` API tokens for programs (and ``?token=`` on
  feed URLs, since feed readers cannot log in).
- Every state-changing request from a browser is checked twice: a cross-site Origin or
  Sec-Fetch-Site is refused, and forms and scripts must echo the CSRF token (the
  session's, or a SameSite=Strict cookie's when there is no session).
"""

from __future__ import annotations

import hmac
import time
from collections import defaultdict, deque
from urllib.parse import quote, urlparse

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse

from ..accounts import authenticate, new_token, token_hash
from .common import render, store_of

SESSION_COOKIE = "newsdesk_session"
CSRF_COOKIE = "newsdesk_csrf"
SESSION_DAYS = 30
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
OPEN_PATHS = ("/login", "/static/", "/healthz")
LOGIN_FAILURES, LOGIN_WINDOW_S = 8, 600

router = APIRouter()


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[: host_header.find("]") + 1]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def _cross_site(request: Request) -> bool:
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urlparse(origin).netloc.lower() != request.headers.get("host", "").lower()


def _json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def auth_middleware(request: Request, call_next):
    state = request.app.state
    path = request.url.path
    if state.trusted_hosts is not None and _host_name(request.headers.get("host", "")).lower() not in state.trusted_hosts:
        return _json_error(400, "untrusted Host header")
    store = store_of(request)
    account, csrf, via_token = None, None, False
    auth = request.headers.get("authorization", "")
    bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    if bearer is None and path.startswith("/feeds/") and request.query_params.get("token"):
        bearer = request.query_params["token"]
    if bearer is not None:
        account = store.token_account(token_hash(bearer))
        if account is None:
            return _json_error(401, "invalid API token")
        via_token = True
    elif SESSION_COOKIE in request.cookies:
        found = store.session_account(token_hash(request.cookies[SESSION_COOKIE]))
        if found:
            account, csrf = found
    new_csrf = None
    if csrf is None and not via_token:
        csrf = request.cookies.get(CSRF_COOKIE, "")
        if len(csrf) < 20:
            csrf = new_csrf = new_token()
    request.state.account, request.state.csrf, request.state.via_token = account, csrf, via_token

    if request.method in UNSAFE and not via_token and _cross_site(request):
        return _json_error(403, "cross-site request refused")
    if state.require_login and account is None and not path.startswith(OPEN_PATHS):
        if path.startswith(("/api/", "/feeds/", "/openapi.json")) or request.method != "GET":
            return _json_error(401, "login required: send an API token as 'Authorization: Bearer TOKEN'")
        return RedirectResponse("/login?next=" + quote(path + (f"?{request.url.query}" if request.url.query else "")),
                                status_code=303)
    response = await call_next(request)
    if new_csrf and response.headers.get("content-type", "").startswith("text/html"):
        response.set_cookie(CSRF_COOKIE, new_csrf, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")
    return response


async def require_csrf(request: Request) -> None:
    """Dependency for every state-changing route."""
    if request.state.via_token:
        return
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        sent = (await request.form()).get("csrf_token")
    if isinstance(sent, str) and sent and hmac.compare_digest(sent, request.state.csrf or ""):
        return
    # A program (no cookies at all) on loopback: the cross-site guard above already ran.
    if not request.app.state.require_login and not request.cookies and request.url.path.startswith("/api/"):
        return
    raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def _safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


_failures: dict[str, deque] = defaultdict(deque)


def _throttled(client: str) -> bool:
    q = _failures[client]
    while q and q[0] < time.monotonic() - LOGIN_WINDOW_S:
        q.popleft()
    return len(q) >= LOGIN_FAILURES


@router.get("/login")
def login_page(request: Request, next: str = "/"):
    if not request.app.state.require_login:
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
async def login(request: Request, username: str = Form("", max_length=200), password: str = Form("", max_length=1000),
                next: str = Form("/", max_length=2000)):
    await require_csrf(request)
    client = request.client.host if request.client else "?"
    if _throttled(client):
        return render(request, "login.html", {"next": _safe_next(next),
                                              "error": "Too many failed attempts; wait ten minutes."}, 429)
    account = authenticate(store_of(request), username, password)
    if account is None:
        _failures[client].append(time.monotonic())
        return render(request, "login.html", {"next": _safe_next(next), "error": "Wrong username or password."}, 401)
    token = new_token()
    store_of(request).create_session(account.id, token_hash(token), new_token(), time.time() + SESSION_DAYS * 86400)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=SESSION_DAYS * 86400, httponly=True, samesite="lax",
                        path="/", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
async def logout(request: Request):
    await require_csrf(request)
    if SESSION_COOKIE in request.cookies:
        store_of(request).delete_session(token_hash(request.cookies[SESSION_COOKIE]))
    response = RedirectResponse("/login" if request.app.state.require_login else "/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/settings/tokens")
async def create_token(request: Request, name: str = Form(..., min_length=1, max_length=100)):
    await require_csrf(request)
    account = request.state.account
    if account is None:
        raise HTTPException(400, "API tokens belong to an account; on loopback the API needs none")
    token = new_token()
    store_of(request).create_api_token(account.id, name, token_hash(token))
    request.state.new_token = (name, token)
    from .pages import settings_page

    return settings_page(request)


@router.post("/settings/tokens/{token_id}/delete")
async def delete_token(request: Request, token_id: int):
    await require_csrf(request)
    account = request.state.account
    mine = {t["id"] for t in store_of(request).list_api_tokens(account.id)} if account else set()
    if token_id not in mine:
        raise HTTPException(404, "No such API token")
    store_of(request).delete_api_token(token_id)
    return RedirectResponse("/settings#tokens", status_code=303)
