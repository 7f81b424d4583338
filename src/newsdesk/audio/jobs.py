"""The narrator: makes narrations one at a time in a background thread, for one database.

Jobs live in the store (``audio`` table), so a request made by one process (the
pipeline after ingest, the reader) is done by the server's narrator. Someone
waiting to listen (priority 2) or an item added to the queue (priority 1) jumps
ahead of background work: a background narration pauses between two sentences
while the wanted one is made, then carries on.

Files are named ``<kind>-<id>-<key>.<ogg|mp3>`` in the audio folder, where the key
hashes the script and the voice, so an article that changes gets new audio and an
unchanged one is never spoken twice.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article, outlet_of
from .encode import EncodeError
from .engines import EngineError, NoVoice, Voice, choose_voice, make_engine
from .policy import BACKGROUND, QUEUED, WAITING
from .render import render
from .settings import ListenSettings, SettingsError
from .story import story_speech
from .text import Speech, article_speech

log = logging.getLogger("newsdesk.audio")

FORMATS = ("ogg", "mp3")
IDLE_STOP_S = 600  # stop the speech workers after this long with nothing to say


def page_path(kind: str, target_id: int) -> str:
    """'/articles/3', '/stories/7': where the reader shows it (and its audio, under /audio)."""
    return f"/{'stories' if kind == 'story' else 'articles'}/{target_id}"


class Unavailable(Exception):
    """This target cannot be narrated (no such thing, no text, no voice)."""


class _Stopping(Exception):
    pass


@dataclass
class Prepared:
    """What a narration will say, in which voice, and what it covers."""

    kind: str
    target_id: int
    title: str
    outlet: str
    speech: Speech
    voice: Voice
    note: str | None
    key: str
    article_ids: list[int] = field(default_factory=list)


def outlet_name(store, article: Article) -> str:
    return outlet_of(article, store.get_source(article.source_id) if article.source_id else None)


def prepare(store, settings: ListenSettings, kind: str, target_id: int) -> Prepared:
    """Build the script and choose the voice; raises Unavailable with a reason a listener can read."""
    if kind == "article":
        article = store.get_article(target_id)
        if article is None:
            raise Unavailable("no such article")
        if not article.text.strip():
            raise Unavailable("this article has no text to read (only its title was stored)")
        outlet = outlet_name(store, article)
        speech = article_speech(article, outlet=outlet, captions=settings.captions)
        title, ids = article.title, [article.id]
    elif kind == "story":
        story = store.get_story(store.resolve_story(target_id) or target_id)  # a merged story reads as its survivor
        if story is None:
            raise Unavailable("no such story")
        articles = [a for a in (store.get_article(i) for i in story.article_ids) if a and a.text.strip()]
        if not articles:
            raise Unavailable("none of this story's articles has text to read")
        rep = next((a for a in articles if a.id == story.representative_id), articles[0])
        others = [a for a in articles if a.id != rep.id]
        speech, ids = story_speech(rep, others, outlet_of=lambda a: outlet_name(store, a), captions=settings.captions)
        title, outlet = story.title or rep.title, outlet_name(store, rep)
        ids = story.article_ids  # hearing the story marks every member read
    else:
        raise Unavailable(f"unknown kind {kind!r}")
    if not speech.body_words:
        raise Unavailable("nothing in this article is read aloud (its body is only captions or credits)")
    try:
        voice, note = choose_voice(speech.language, settings)
    except NoVoice as exc:
        raise Unavailable(str(exc)) from None
    if speech.truncated:
        note = "; ".join(filter(None, [note, f"very long: only the first {speech.body_words:,} words are read"]))
    return Prepared(kind, target_id, title, outlet, speech, voice, note, speech.key(voice.id), ids)


class Narrator:
    """Background narration for one store; ``request`` asks, ``status`` tells, ``path`` serves."""

    def __init__(self, store, settings: ListenSettings):
        if settings.audio_dir is None:
            raise SettingsError("no audio folder: give a database path or NEWSDESK_AUDIO_DIR")
        self.store = store
        self.settings = settings
        self.audio_dir = Path(settings.audio_dir)
        self._engines: dict[str, object] = {}
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.current: tuple[str, int] | None = None
        self._last_used = time.monotonic()
        self._rewarm = False

    # -- asking ---------------------------------------------------------------------------

    def request(self, kind: str, target_id: int, priority: int = WAITING):
        """Ask for a narration; a failed or outdated one is made again."""
        job = self.store.audio_job(kind, target_id)
        redo = job is not None and job.status in ("failed", "unavailable", "ready") and not self.is_current(job)
        job = self.store.audio_request(kind, target_id, priority=priority, redo=redo)
        self.start()
        self._wake.set()
        return job

    def is_current(self, job) -> bool:
        """A ready job whose files exist and whose key still matches the article."""
        if job is None or job.status != "ready" or not job.key:
            return False
        if not all(self.path(job.kind, job.target_id, job.key, f).exists() for f in FORMATS):
            return False
        try:
            return prepare(self.store, self.settings, job.kind, job.target_id).key == job.key
        except Unavailable:
            return False

    def path(self, kind: str, target_id: int, key: str, fmt: str) -> Path:
        return self.audio_dir / f"{kind}-{target_id}-{key}.{fmt}"

    def ready_file(self, kind: str, target_id: int, fmt: str) -> Path | None:
        """The complete file to serve, or None (never a .part file)."""
        job = self.store.audio_job(kind, target_id)
        if job and job.status == "ready" and job.key:
            p = self.path(kind, target_id, job.key, fmt)
            if p.exists():
                return p
        return None

    def finished(self, kind: str, target_id: int) -> list[int]:
        """Heard to the end: mark the article (or every article of the story) read."""
        if kind == "article":
            ids = [target_id]
        else:
            story = self.store.get_story(self.store.resolve_story(target_id) or target_id)
            ids = story.article_ids if story else []
        self.store.mark_read_many(ids)
        return ids

    # -- the worker thread -------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread (it warms the piper worker first); a no-op when running."""
        with self._start_lock:
            if self._thread and self._thread.is_alive():
                if not self._engines:
                    self._last_used = time.monotonic()
                    self._rewarm = True  # it stopped its engines when idle: warm them again
                    self._wake.set()
                return
            self._stopping.clear()
            self.store.audio_requeue_running()
            self._thread = threading.Thread(target=self._loop, name="newsdesk-narrator", daemon=True)
            self._thread.start()

    def close(self, timeout: float = 10) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)
        self._close_engines()

    def _close_engines(self) -> None:
        for engine in list(self._engines.values()):
            engine.close()
        self._engines.clear()

    def engine_pid(self, engine: str = "piper") -> int | None:
        e = self._engines.get(engine)
        return e.pid if e else None

    def _loop(self) -> None:
        self._warm()
        while not self._stopping.is_set():
            if self._rewarm:
                self._rewarm = False
                self._warm()
            try:
                job = self.store.audio_claim()
            except Exception:  # a locked or closing database must not end the thread
                log.exception("narrator: could not read the job queue")
                job = None
            if job is None:
                self._wake.wait(5.0)  # other processes enqueue too: look again now and then
                self._wake.clear()
                if time.monotonic() - self._last_used > IDLE_STOP_S and self._engines:
                    self._close_engines()  # the piper worker holds ~0.5 GB; a page view warms it again
                continue
            self._run(job.kind, job.target_id, job.priority)
            self._last_used = time.monotonic()

    def _warm(self) -> None:
        """Start the English voice's worker before anyone asks, so the first request is quick."""
        try:
            voice, _ = choose_voice("en", self.settings)
            if voice.engine == "piper":
                self._engine(voice).start()
        except Exception as exc:
            log.warning("narrator: could not warm up the speech engine: %s", exc)

    def _engine(self, voice: Voice):
        key = voice.engine if voice.engine == "piper" else voice.id
        if key not in self._engines:
            self._engines[key] = make_engine(voice)
        return self._engines[key]

    def _serve_waiting(self, depth: int) -> None:
        """Between two sentences of a background job: make what someone is waiting for first."""
        if depth:
            return
        while not self._stopping.is_set():
            job = self.store.audio_claim(min_priority=QUEUED)
            if job is None:
                return
            self._run(job.kind, job.target_id, job.priority, depth=1)

    def _run(self, kind: str, target_id: int, priority: int, depth: int = 0) -> None:
        store = self.store
        self.current = (kind, target_id)
        try:
            prep = prepare(store, self.settings, kind, target_id)
        except Unavailable as exc:
            store.audio_update(kind, target_id, status="unavailable", reason=str(exc))
            return
        except Exception as exc:
            log.exception("narrator: preparing %s %s", kind, target_id)
            store.audio_update(kind, target_id, status="failed", reason=f"could not prepare the text: {exc}")
            return
        outputs = {fmt: self.path(kind, target_id, prep.key, fmt) for fmt in FORMATS}
        common = dict(key=prep.key, engine=prep.voice.engine, voice=prep.voice.name, language=prep.voice.language,
                      sentences_total=len(prep.speech.sentences), words=prep.speech.words, reason=prep.note)
        if all(p.exists() for p in outputs.values()):  # same script, same voice: already made
            store.audio_update(kind, target_id, status="ready", sentences_done=len(prep.speech.sentences), **common)
            return
        store.audio_update(kind, target_id, **common)

        def progress(done: int, total: int) -> None:
            store.audio_update(kind, target_id, sentences_done=done)
            if self._stopping.is_set():
                raise _Stopping()
            if priority == BACKGROUND:
                self._serve_waiting(depth)
            self.current = (kind, target_id)

        try:
            engine = self._engine(prep.voice)
            done = render(prep.speech, engine, outputs, on_sentence=progress)
        except _Stopping:
            store.audio_update(kind, target_id, status="queued", reason=None)
            return
        except (EngineError, EncodeError, OSError, ValueError) as exc:
            self._drop_dead_engine(prep.voice)
            log.warning("narrator: %s %s failed: %s", kind, target_id, exc)
            store.audio_update(kind, target_id, status="failed", reason=str(exc))
            return
        finally:
            self.current = None
        for old in self.audio_dir.glob(f"{kind}-{target_id}-*"):  # earlier versions
            if old.name.split(".")[0] != f"{kind}-{target_id}-{prep.key}":
                old.unlink(missing_ok=True)
        store.audio_update(kind, target_id, status="ready", duration=round(done.duration, 3),
                           ogg_bytes=outputs["ogg"].stat().st_size, mp3_bytes=outputs["mp3"].stat().st_size,
                           synth_seconds=round(done.synth_seconds, 3), sentences_done=done.sentences, **common)

    def _drop_dead_engine(self, voice: Voice) -> None:
        key = voice.engine if voice.engine == "piper" else voice.id
        engine = self._engines.get(key)
        if engine is not None and engine.engine == "piper" and engine.pid is None:
            engine.close()
            del self._engines[key]


# -- what the page and the API show ------------------------------------------------------------------


def describe(narrator: Narrator, kind: str, target_id: int) -> dict:
    """Status for the page and the API: a state, a sentence a listener can read, and where to get it."""
    job = narrator.store.audio_job(kind, target_id)
    base = f"{page_path(kind, target_id)}/audio"
    position, duration, finished = narrator.store.listen_position(kind, target_id)
    out = {"kind": kind, "id": target_id, "status": "none", "message": "", "progress": None,
           "duration": None, "engine": None, "voice": None, "note": None,
           "audio": {"ogg": base, "mp3": base + "?format=mp3"}, "live": base + "/live",
           "position": position, "finished": finished}
    if job is None:
        out["message"] = "Not made yet: press Listen and it starts in a moment."
        return out
    out.update(engine=job.engine, voice=job.voice, note=job.reason if job.status == "ready" else None)
    if job.status == "ready" and not narrator.is_current(job):
        out.update(status="stale", message="The article changed since its audio was made: Listen makes it again.")
    elif job.status == "ready":
        out.update(status="ready", duration=job.duration,
                   message=f"Ready: {_mmss(job.duration or 0)}" + (f" ({job.reason})" if job.reason else ""))
    elif job.status == "running":
        out.update(status="running", progress={"done": job.sentences_done, "total": job.sentences_total},
                   message=f"Being read: sentence {job.sentences_done} of {job.sentences_total or '?'}.")
    elif job.status == "queued":
        out.update(status="queued", message="Waiting its turn to be read.")
    elif job.status == "failed":
        out.update(status="failed", message=f"Could not be read: {job.reason}. Press Listen to try again.")
    else:
        out.update(status="unavailable", message=f"Cannot be read aloud: {job.reason}.")
    return out


def _mmss(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m} min {s:02d} s" if m else f"{s} s"
