"""`newsdesk cluster INPUT.jsonl`: the server's story engine over a file, for evaluation;
`newsdesk why A B`: why two stored articles are or are not in one story."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import click

from .engine import Engine


def _epoch(value) -> float | None:
    """``published`` as epoch seconds: a number, or an ISO 8601 string (naive means UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if dt.tzinfo is None:
            from datetime import timezone

            dt = dt.replace(tzinfo=timezone.utc)
        return dt.timestamp()
    raise ValueError(f"published must be a date string or epoch seconds, not {type(value).__name__}")


@click.command()
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--why", "why_ids", nargs=2, multiple=True, metavar="ID ID",
              help="Also explain why these two input ids are (not) in one story (to stderr, as JSON).")
def cluster(input_path: str, why_ids) -> None:
    """Group documents into stories as a stream, in file order.

    Reads {"id", "title"?, "text", "published"?} per line; writes {"id", "story"} per line, in input
    order, once the stream has ended (story ids after merges, as the reader would show them).
    Uses exactly the server's engine and defaults. Bad lines are reported on stderr and skipped.
    """
    engine = Engine()
    order: list = []
    seen: set = set()
    fh = sys.stdin if input_path == "-" else open(input_path, encoding="utf-8", errors="replace")
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                if not isinstance(doc, dict) or "id" not in doc:
                    raise ValueError('each line must be an object with an "id"')
                key = doc["id"]
                if isinstance(key, (dict, list)):
                    raise ValueError('"id" must be a string or a number')
                published = _epoch(doc.get("published"))
                title, text = doc.get("title"), doc.get("text")
                if not isinstance(title, (str, type(None))) or not isinstance(text, (str, type(None))):
                    raise ValueError('"title" and "text" must be strings')
            except ValueError as exc:
                click.echo(f"{input_path}:{n}: skipped: {exc}", err=True)
                continue
            result = engine.add(key, title, text, published=published)
            if result.note:
                click.echo(f"{input_path}:{n}: id {key!r}: {result.note} (story {result.story})", err=True)
            if key not in seen:
                seen.add(key)
                order.append(key)
    out = sys.stdout
    for key in order:
        out.write(json.dumps({"id": key, "story": engine.story_of(key)}, ensure_ascii=False) + "\n")
    for a, b in why_ids:
        keys = {str(k): k for k in order}
        try:
            click.echo(json.dumps(engine.explain(keys.get(a, a), keys.get(b, b)), ensure_ascii=False, default=str),
                       err=True)
        except KeyError as exc:
            click.echo(f"--why {a} {b}: {exc.args[0]}", err=True)


@click.command()
@click.argument("a", type=int)
@click.argument("b", type=int)
@click.option("--db", envvar="NEWSDESK_DB", default="newsdesk.db", show_default=True, help="Database file.")
def why(a: int, b: int, db: str) -> None:
    """Why stored articles A and B are, or are not, in one story: scores, shared names, vetoes."""
    from ..store import open_store
    from .service import desk_for

    store = open_store(db)
    try:
        click.echo(json.dumps(desk_for(store).explain(a, b), ensure_ascii=False, indent=2, default=str))
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
