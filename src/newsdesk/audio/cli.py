"""``newsdesk speak PATH|ID --out FILE``: read an article aloud into an audio file."""

from __future__ import annotations

from pathlib import Path

import click

from .encode import SUFFIX, EncodeError
from .engines import EngineError, NoVoice, choose_voice, make_engine
from .render import render
from .settings import ListenSettings, SettingsError
from .text import article_speech


def _article_from_path(path: Path):
    from ..extract import ExtractionError
    from ..model import Problem
    from ..pipeline import extract_page
    from ..sources.files import iter_file

    for item in iter_file(path, None):
        if isinstance(item, Problem):
            raise click.ClickException(str(item))
        try:
            return extract_page(item)
        except ExtractionError as exc:
            raise click.ClickException(f"{path}: {exc.reason}") from None
    raise click.ClickException(f"{path}: no article found in this file")


@click.command()
@click.argument("target")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False),
              help="Audio file to write: .ogg/.opus (Opus), .mp3 or .wav.")
@click.option("--engine", type=click.Choice(["auto", "piper", "espeak"]), default=None,
              help="Speech engine (default: $NEWSDESK_LISTEN_ENGINE or auto).")
@click.option("--language", default=None, help="Language when the article does not state one (e.g. de).")
@click.option("--captions/--no-captions", default=None, help='Read the photo caption ("Photo: ...").')
@click.option("--print-text", is_flag=True, help="Also print the text as it is spoken.")
@click.option("--db", "db", type=click.Path(dir_okay=False), envvar="NEWSDESK_DB", default="newsdesk.db",
              show_default=True, help="SQLite database file (for an article ID).")
def speak(target: str, out: str, engine: str | None, language: str | None, captions: bool | None,
          print_text: bool, db: str) -> None:
    """Read an article aloud into FILE. TARGET is a file (HTML, text, JSONL: its first article)
    or the ID of an article in the database."""
    out_path = Path(out)
    fmt = SUFFIX.get(out_path.suffix.lower())
    if fmt is None:
        raise click.ClickException(f"--out must end in one of {', '.join(sorted(SUFFIX))}")
    try:
        settings = ListenSettings.from_env(db)
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    settings.engine = engine or settings.engine
    if captions is not None:
        settings.captions = captions

    outlet = None
    if Path(target).exists():
        article = _article_from_path(Path(target))
    elif target.isdigit():
        if not Path(db).exists():
            raise click.ClickException(f"no database at {db} (and no file named {target})")
        from ..audio.jobs import outlet_name
        from ..store import open_store

        store = open_store(db)
        article = store.get_article(int(target))
        if article is None:
            raise click.ClickException(f"no article {target} in {db}")
        outlet = outlet_name(store, article)
    else:
        raise click.ClickException(f"{target}: no such file, and not an article ID")
    if language and not article.language:
        article.language = language
    speech = article_speech(article, outlet=outlet, captions=settings.captions)
    if not speech.body_words:
        raise click.ClickException("this article has no text to read")
    try:
        voice, note = choose_voice(speech.language, settings)
    except NoVoice as exc:
        raise click.ClickException(str(exc)) from None
    if note:
        click.echo(f"note: {note}", err=True)
    if print_text:
        for sentence in speech.sentences:
            click.echo(sentence)
    eng = make_engine(voice)
    try:
        # render() writes <out>.part and renames it: an interrupted run leaves no half file named FILE.
        done = render(speech, eng, {fmt: out_path})
    except (EngineError, EncodeError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        eng.close()
    click.echo(f"{out_path}: {done.duration:.1f} s of {fmt} ({speech.words:,} words, {len(speech.sentences)} "
               f"sentences) in {voice.engine} voice {voice.name}; made in {done.synth_seconds:.1f} s "
               f"(real-time factor {done.rtf:.3f}, first audio after {done.first_audio:.2f} s)"
               + (f"; {speech.body_words:,} words read, the rest left out" if speech.truncated else ""))
