"""Loading the shared benchmark pages (read from ../shared relative to the repo root)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
AEB = SHARED / "data" / "aeb"
N4K = SHARED / "data" / "news-html" / "newspaper4k"


def load_aeb() -> list[tuple[str, str | None, bytes, str]]:
    """[(id, url, html bytes, gold body)] in id order."""
    gt = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for pid in sorted(gt):
        raw = gzip.decompress((AEB / "html" / f"{pid}.html.gz").read_bytes())
        out.append((pid, gt[pid].get("url"), raw, gt[pid]["articleBody"]))
    return out


def load_n4k() -> list[tuple[str, str | None, bytes, str]]:
    """newspaper4k's pages that come with its own (unverified) text output."""
    out = []
    for html in sorted((N4K / "html").glob("*.html")):
        txt = N4K / "txt" / (html.stem + ".txt")
        if not txt.exists():
            continue
        url = None
        meta = N4K / "metadata" / (html.stem + ".json")
        if meta.exists():
            try:
                url = json.loads(meta.read_text(encoding="utf-8")).get("url")
            except ValueError:
                url = None
        out.append((html.stem, url, html.read_bytes(), txt.read_text(encoding="utf-8", errors="replace")))
    return out
