"""The ``newsdesk`` command line."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .fetch import FetchSettings
from .model import Source

console = Console(stderr=True)
out = Console()


def db_option(f):
    """``--db PATH`` on every command that touches the database."""
    return click.option("--db", "db", type=click.Path(dir_okay=False), envvar="NEWSDESK_DB",
                        default="newsdesk.db", show_default=True, help="SQLite database file.")(f)


def fetch_settings() -> FetchSettings:
    """Fetch settings from the environment (NEWSDESK_CONTACT_URL, NEWSDESK_ALLOW_PRIVATE_NETWORKS)."""
    s = FetchSettings()
    if os.environ.get("NEWSDESK_CONTACT_URL"):
        s.contact_url = os.environ["NEWSDESK_CONTACT_URL"]
    s.allow_private_networks = os.environ.get("NEWSDESK_ALLOW_PRIVATE_NETWORKS", "").lower() in ("1", "true", "yes")
    return s


def _store(db: str):
    from .store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.version_option(__version__, prog_name="newsdesk")
def main() -> None:
    """newsdesk: a self-hosted news desk."""


# -- sources ------------------------------------------------------------------------------


@main.command()
@click.argument("url")
@db_option
def add(url: str, db: str) -> None:
    """Subscribe to a feed, or to a site whose feed is discovered."""
    from .pipeline import SubscribeError, subscribe

    store = _store(db)
    try:
        source = asyncio.run(subscribe(store, url, fetch_settings()))
    except SubscribeError as exc:
        raise click.ClickException(exc.reason) from None
    out.print(f"Subscribed to [bold]{source.title or source.url}[/] ({source.url})")
    out.print("Run [bold]newsdesk fetch[/] to read it now.")


@main.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--url", help="The original URL of a single imported HTML or text file.")
@db_option
def import_(paths: tuple[str, ...], url: str | None, db: str) -> None:
    """Import files (HTML, text dumps, JSONL, WARC/ARC, OPML) or article URLs."""
    from .pipeline import Report, expand_paths, import_file, import_url
    from .fetch import Fetcher
    from .sources.files import kind_of

    store = _store(db)
    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    files = expand_paths(Path(p) for p in paths if p not in urls)
    if url and len(files) + len(urls) != 1:
        raise click.UsageError("--url applies to a single file")
    reports: list[Report] = []
    with _progress() as progress:
        task = progress.add_task("importing", total=len(files) + len(urls))
        for path in files:
            progress.update(task, description=path.name[:40])
            if kind_of(path) == "opml":
                reports.append(_import_opml(store, path))
            else:
                reports.append(import_file(store, path, url=url))
            progress.advance(task)
        if urls:
            async def fetch_urls() -> None:
                async with Fetcher(fetch_settings()) as fetcher:
                    for u in urls:
                        reports.append(await import_url(store, fetcher, u))
                        progress.advance(task)
            asyncio.run(fetch_urls())
    _summary(reports)
    if reports and all(r.error for r in reports):
        sys.exit(1)


def _import_opml(store, path: Path):
    from .pipeline import Report
    from .sources.opml import OPMLError, parse_opml

    report = Report(str(path))
    try:
        subs, problems = parse_opml(path.read_bytes())
    except (OPMLError, OSError) as exc:
        report.error = getattr(exc, "reason", None) or str(exc)
        return report
    report.problems.extend(problems)
    for sub in subs:
        existed = store.find_source(sub.url) is not None
        store.add_source(Source(url=sub.url, kind="feed", title=sub.title, site_url=sub.site_url))
        report.add("unchanged" if existed else "new")
    return report


@main.command()
@click.option("--no-pages", is_flag=True, help="Store what feeds carry; don't fetch article pages.")
@db_option
def fetch(no_pages: bool, db: str) -> None:
    """Poll every source once."""
    from .pipeline import poll_all

    store = _store(db)
    sources = [s for s in store.list_sources(include_paused=False) if s.kind in ("feed", "site")]
    if not sources:
        console.print("No sources yet: add one with [bold]newsdesk add URL[/] or import an OPML file.")
        return
    with _progress() as progress:
        task = progress.add_task("fetching", total=len(sources))
        reports = asyncio.run(poll_all(store, fetch_settings(), sources=sources, fetch_pages=not no_pages,
                                       on_source_done=lambda r: progress.advance(task)))
    _summary(reports)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=False)


def _summary(reports) -> None:
    table = Table(title="newsdesk", show_lines=False)
    for col in ("source", "new", "updated", "unchanged", "failed", "problem"):
        table.add_column(col, justify="right" if col in ("new", "updated", "unchanged", "failed") else "left")
    for r in reports:
        problem = r.error or (str(r.problems[0]) + (f" (+{len(r.problems) - 1} more)" if len(r.problems) > 1 else "")
                              if r.problems else "")
        table.add_row(r.name[:60], str(r.counts["new"]), str(r.counts["updated"]), str(r.counts["unchanged"]),
                      str(r.counts["failed"] + (1 if r.error else 0)), (problem or "")[:120])
    console.print(table)


@main.command()
@db_option
def sources(db: str) -> None:
    """List sources with their health."""
    store = _store(db)
    table = Table()
    for col in ("id", "source", "kind", "articles", "last fetch", "last error"):
        table.add_column(col)
    for s in store.list_sources():
        table.add_row(str(s.id), (s.title or s.url)[:50], s.kind + (" (paused)" if s.paused else ""),
                      str(s.article_count), s.last_fetch.strftime("%Y-%m-%d %H:%M") if s.last_fetch else "never",
                      (s.last_error or "")[:60])
    out.print(table)


# -- reading ---------------------------------------------------------------------------------


@main.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@db_option
def search(query: str, limit: int, as_json: bool, db: str) -> None:
    """Full-text search over everything stored."""
    store = _store(db)
    hits = store.search(query, limit=limit)
    if as_json:
        for h in hits:
            a = h.article
            click.echo(json.dumps({"id": a.id, "title": a.title, "url": a.url, "site_name": a.site_name,
                                   "published": a.published.isoformat() if a.published else None},
                                  ensure_ascii=False))
        return
    if not hits:
        console.print(f"No articles match {query!r}.")
        return
    for h in hits:
        a = h.article
        when = a.published.strftime("%Y-%m-%d") if a.published else ""
        out.print(f"[bold]{a.title or '(untitled)'}[/]  [dim]{a.site_name or ''} {when} #{a.id}[/]")
        out.print(f"  {a.url}", highlight=False)
        snippet = h.snippet.replace("<mark>", "[reverse]").replace("</mark>", "[/reverse]")
        out.print(f"  {snippet}", highlight=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "opml"]), required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@db_option
def export(fmt: str, output: str | None, db: str) -> None:
    """Export articles as JSONL, or subscriptions as OPML."""
    from .export import export_jsonl, export_opml

    store = _store(db)
    fh = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "jsonl":
            export_jsonl(store, fh)
        else:
            export_opml(store, fh)
    finally:
        if output:
            fh.close()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jsonl", is_flag=True, required=True, help="One JSON object per input file (the only format).")
@click.option("--url", help="Original URL, when extracting a single file.")
def extract(paths: tuple[str, ...], jsonl: bool, url: str | None) -> None:
    """Extract articles from files without a database."""
    from .export import extraction_record
    from .pipeline import extract_page
    from .extract import ExtractionError
    from .sources.files import Page, iter_file, kind_of

    for p in paths:
        path = Path(p)
        record: dict
        try:
            if not path.is_file():
                raise ExtractionError("no such file")
            if kind_of(path) not in ("html", "text"):
                raise ExtractionError("not an HTML or text file")
            items = list(iter_file(path, url))
            item = items[0]
            if not isinstance(item, Page):
                raise ExtractionError(item.reason)
            record = extraction_record(str(path), extract_page(item), None)
        except ExtractionError as exc:
            record = extraction_record(str(path), None, exc.reason)
        click.echo(json.dumps(record, ensure_ascii=False))


# -- serving -------------------------------------------------------------------------------------


def _check_bind(host: str, db: str) -> bool:
    """Serve without login only on loopback; elsewhere only once an admin account exists.
    Returns whether login is required."""
    from .accounts import bind_policy

    return bind_policy(host, _store(db))


def _serve(db: str, host: str, port: int, poll_interval: float | None) -> None:
    import uvicorn

    from .web import create_app

    from .web.app import LOOPBACK_HOSTS

    login = _check_bind(host, db)
    app = create_app(db, poll_interval=poll_interval, fetch_settings=fetch_settings(), require_login=login,
                     trusted_hosts=None if login else LOOPBACK_HOSTS)
    console.print(f"newsdesk is serving at [bold]http://{'[' + host + ']' if ':' in host else host}:{port}[/]")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@db_option
def serve(host: str, port: int, db: str) -> None:
    """Serve the reader."""
    _store(db)
    _serve(db, host, port, None)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--interval", default=30.0, show_default=True, help="Minutes between polls.")
@db_option
def run(host: str, port: int, interval: float, db: str) -> None:
    """Serve the reader and poll sources on a schedule, in one process."""
    _store(db)
    _serve(db, host, port, interval * 60)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Subscribe and fetch, then exit.")
@db_option
def demo(host: str, port: int, no_serve: bool, db: str) -> None:
    """Subscribe to the starter feeds, fetch them, and serve the reader."""
    from importlib import resources

    from .pipeline import poll_all
    from .sources.opml import parse_opml

    store = _store(db)
    subs, _ = parse_opml(resources.files("newsdesk").joinpath("data/starter.opml").read_bytes())
    for sub in subs:
        store.add_source(Source(url=sub.url, kind="feed", title=sub.title, site_url=sub.site_url))
    console.print(f"Subscribed to {len(subs)} starter feeds; fetching (this takes a minute)…")
    sources = [s for s in store.list_sources(include_paused=False) if s.kind in ("feed", "site")]
    with _progress() as progress:
        task = progress.add_task("fetching", total=len(sources))
        reports = asyncio.run(poll_all(store, fetch_settings(), sources=sources,
                                       on_source_done=lambda r: progress.advance(task)))
    _summary(reports)
    failed = [r for r in reports if r.error]
    if failed and len(failed) == len(reports):
        console.print("[yellow]No source could be reached: this machine seems to have no network. "
                      "The reader still starts; try `newsdesk fetch` later, or `newsdesk import` files.[/]")
    if not no_serve:
        _serve(db, host, port, 30 * 60)


from .accounts import user  # noqa: E402

main.add_command(user)

from .audio.cli import speak  # noqa: E402

main.add_command(speak)

from .analyze.quotes_cli import quotes  # noqa: E402

main.add_command(quotes)

from .stories.cli import cluster, why  # noqa: E402

main.add_command(cluster)
main.add_command(why)

if __name__ == "__main__":
    main()
