"""A machine listens: transcribe newsdesk's narration of the seed article and compare with the script.

No person can listen on this machine, so an offline recognizer (PocketSphinx, which ships its
US-English model in the PyPI package) stands in: a narration it can mostly transcribe is
intelligible, and the page's debris ("Share and Follow", the listen promo, the photo credit,
"You May Also Like") must not be heard at all. Prints one table: both engines side by side.

    pip install pocketsphinx && python bench/tts_listen.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import wave
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "aggregator-page.txt"
DEBRIS = ["share and follow", "you can now listen", "ludovic marin", "pool via reuters", "you may also like",
          "national guard", "mangione"]


def words(text: str) -> Counter:
    return Counter(re.findall(r"[a-z']+", text.lower()))


def transcribe(wav16: Path) -> str:
    from pocketsphinx import Decoder

    dec = Decoder(samprate=16000)
    with wave.open(str(wav16), "rb") as w:
        data = w.readframes(w.getnframes())
    dec.start_utt()
    dec.process_raw(data, full_utt=True)
    dec.end_utt()
    return dec.hyp().hypstr if dec.hyp() else ""


def main() -> None:
    try:
        import pocketsphinx  # noqa: F401
    except ImportError:
        sys.exit("needs pocketsphinx (pip install pocketsphinx)")
    from newsdesk.audio.text import article_speech
    from newsdesk.extract import extract_text_dump

    article = extract_text_dump(SEED.read_text(encoding="utf-8"), "https://www.foxnews.com/world/seed")
    script = " ".join(article_speech(article, outlet="Fox News").sentences)
    ref = words(script)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in ("piper", "espeak"):
            out = Path(tmp) / f"{engine}.ogg"
            env_engine = {"NEWSDESK_LISTEN_ENGINE": engine}
            import os

            r = subprocess.run([sys.executable, "-m", "newsdesk.cli", "speak", str(SEED), "--out", str(out)],
                               env={**os.environ, **env_engine}, capture_output=True, text=True)
            if r.returncode != 0:
                rows.append((engine, None, None, r.stderr.strip()[-120:]))
                continue
            wav = Path(tmp) / f"{engine}.wav"
            subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(out), "-ar", "16000", "-ac", "1", str(wav)],
                           check=True)
            heard = transcribe(wav)
            hyp = words(heard)
            common = sum((ref & hyp).values())
            debris = [d for d in DEBRIS if d in heard.lower()]
            rows.append((engine, common / sum(ref.values()), common / max(1, sum(hyp.values())),
                         ", ".join(debris) or "none"))
    print(f"seed article narration, {sum(ref.values())} words in the script; transcribed by PocketSphinx (en-us)\n")
    print(f"{'engine':8} {'words heard (recall)':>21} {'heard words in script':>22}  debris heard")
    for engine, rec, prec, debris in rows:
        if rec is None:
            print(f"{engine:8} {'failed':>21} {'':>22}  {debris}")
        else:
            print(f"{engine:8} {rec:21.2f} {prec:22.2f}  {debris}")
    print("\nA bag-of-words score: names the recognizer does not know (Zakharova, Zelenskyy) count as misses.")


if __name__ == "__main__":
    main()
