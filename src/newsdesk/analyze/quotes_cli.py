"""``newsdesk quotes``: who said what in a page or text dump, or in the queued articles of a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command("quotes")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--jsonl", is_flag=True, help="One JSON object per quote (text, speaker, role, verb, via, start, end).")
@click.option("--url", help="Original URL, when reading a single file.")
@click.option("--pending", is_flag=True, help="Analyse the articles queued in the database instead of files.")
@click.option("--db", "db", type=click.Path(dir_okay=False), envvar="NEWSDESK_DB", default="newsdesk.db",
              show_default=True, help="SQLite database file (with --pending).")
def quotes(paths: tuple[str, ...], jsonl: bool, url: str | None, pending: bool, db: str) -> None:
    """Quotes with their speakers in HTML pages or text dumps (offsets index the extracted article text)."""
    from .entities import ModelError

    if pending:
        _pending(db)
        return
    if not paths:
        raise click.UsageError("give one or more HTML or text files, or --pending")
    failed = 0
    for p in paths:
        try:
            result = _analyse_file(Path(p), url)
        except ModelError as exc:
            raise click.ClickException(str(exc)) from None
        except ValueError as exc:
            failed += 1
            click.echo(f"{p}: {exc}", err=True)
            continue
        for note in result.notes:
            click.echo(f"{p}: {note}", err=True)
        for q in result.quotes:
            if jsonl:
                d = {"text": q.text, "speaker": q.speaker, "role": q.role, "verb": q.verb, "via": q.via,
                     "start": q.start, "end": q.end, "kind": q.kind}
                if len(paths) > 1:
                    d["file"] = p
                click.echo(json.dumps(d, ensure_ascii=False))
            else:
                who = q.speaker or "(unattributed)"
                extra = ", ".join(x for x in (q.role, q.verb, f"via {q.via}" if q.via else None) if x)
                click.echo(f"“{q.text}”\n    — {who}{' (' + extra + ')' if extra else ''} [{q.start}:{q.end}]")
        if not jsonl and not result.quotes:
            click.echo(f"{p}: no quotes found", err=True)
    if failed:
        sys.exit(1)


def _analyse_file(path: Path, url: str | None):
    """Extract the file as `newsdesk import` would, then analyse its paragraphs."""
    from ..extract import ExtractionError
    from ..pipeline import extract_page
    from ..sources.files import Page, iter_file, kind_of
    from .quotes import analyse

    if not path.is_file():
        raise ValueError("no such file")
    if kind_of(path) not in ("html", "text"):
        raise ValueError("not an HTML or text file")
    item = next(iter(iter_file(path, url)), None)
    if item is None:
        raise ValueError("nothing to read")
    if not isinstance(item, Page):
        raise ValueError(item.reason)
    try:
        article = extract_page(item)
    except ExtractionError as exc:
        raise ValueError(exc.reason) from None
    return analyse(article.paragraphs, title=article.title)


def _pending(db: str) -> None:
    from ..store import StoreError, open_store
    from .entities import ModelError
    from .quotes import analyse_pending

    try:
        store = open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    waiting = store.quote_analysis_counts().get("pending", 0)
    try:
        n = analyse_pending(store)
    except ModelError as exc:
        raise click.ClickException(str(exc)) from None
    counts = store.quote_analysis_counts()
    click.echo(f"analysed {n} of {waiting} queued articles; "
               f"{counts.get('done', 0)} done, {counts.get('failed', 0)} failed in all")
