"""Accounts for serving beyond loopback: the admin password, session and API tokens.

Passwords are hashed with scrypt from the standard library (a memory-hard KDF, so
no extra dependency); session cookies and API tokens are random 256-bit values of
which only a SHA-256 is stored (they are high-entropy, so a fast hash suffices).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import sys

import click

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 10


class AccountError(Exception):
    pass


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")


def create_admin(store, username: str, password: str):
    check_password_rules(password)
    if store.user_credentials(username):
        raise AccountError(f"a user named {username!r} already exists")
    return store.create_user(username, hash_password(password), is_admin=True)


def authenticate(store, username: str, password: str):
    """The account, or None; the hash runs even for unknown names so timing tells nothing."""
    found = store.user_credentials(username)
    stored = found[1] if found else hash_password("not a user")
    ok = verify_password(password, stored)
    return found[0] if found and ok else None


def is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_policy(host: str, store, *, interactive: bool | None = None) -> bool:
    """Whether serving on ``host`` needs login; raises ClickException when it may not serve at all.

    Loopback serves without login. Any other address needs an admin account: when none
    exists, an interactive terminal is asked for one; otherwise newsdesk refuses.
    """
    if is_loopback(host):
        return False
    if store.count_admins():
        return True
    interactive = sys.stdin.isatty() if interactive is None else interactive
    if not interactive:
        raise click.ClickException(
            f"refusing to serve on {host}: newsdesk serves without login only on a loopback address "
            "(127.0.0.1, ::1, localhost); any other address needs an admin account, and there is none yet. "
            "Create one with `newsdesk user create-admin`, or bind to 127.0.0.1."
        )
    click.echo(f"Serving on {host} needs an account. Create the admin account now.")
    _prompt_admin(store, click.prompt("Admin username", default="admin"))
    return True


def _prompt_admin(store, username: str, password: str | None = None):
    password = password or click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        account = create_admin(store, username, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created admin {account.username!r}.")
    return account


# -- the `newsdesk user` command -----------------------------------------------------------


@click.group("user")
def user() -> None:
    """Accounts for serving beyond loopback."""


def _store(db: str):
    from .store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


_db = click.option("--db", "db", type=click.Path(dir_okay=False), envvar="NEWSDESK_DB", default="newsdesk.db",
                   show_default=True, help="SQLite database file.")


@user.command("create-admin")
@click.option("--username", default="admin", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
@_db
def create_admin_cmd(username: str, password_stdin: bool, db: str) -> None:
    """Create the admin account (asks for the password)."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    _prompt_admin(_store(db), username, password)


@user.command("set-password")
@click.option("--username", default="admin", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
@_db
def set_password_cmd(username: str, password_stdin: bool, db: str) -> None:
    """Change a password (logs that user out everywhere)."""
    store = _store(db)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else click.prompt(
        "New password", hide_input=True, confirmation_prompt=True)
    try:
        check_password_rules(password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    if not store.set_password_hash(username, hash_password(password)):
        raise click.ClickException(f"no user named {username!r}")
    click.echo(f"Password changed for {username!r}.")


@user.command("token")
@click.argument("name")
@click.option("--username", default="admin", show_default=True)
@_db
def token_cmd(name: str, username: str, db: str) -> None:
    """Create an API token called NAME (printed once; send it as `Authorization: Bearer TOKEN`)."""
    store = _store(db)
    found = store.user_credentials(username)
    if not found:
        raise click.ClickException(f"no user named {username!r}; create one with `newsdesk user create-admin`")
    token = new_token()
    store.create_api_token(found[0].id, name, token_hash(token))
    click.echo(token)
