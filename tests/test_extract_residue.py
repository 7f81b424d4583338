"""The residue set (bench/residue.json): every page keeps its story and loses its furniture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extract import residue  # noqa: E402

from newsdesk.extract import ExtractionError, extract_html, extract_text_dump  # noqa: E402

CASES = residue.load_cases()


def test_residue_set_is_big_enough():
    assert len({(c["source"], c["page"]) for c in CASES}) >= 40
    assert all(c["must_exclude"] or c["must_include"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source']}:{c['page'][:12]}" for c in CASES])
def test_residue_case(case):
    inp = residue.page_input(case)
    if inp is None:
        pytest.skip(f"page {case['page']} not found under {residue.data.SHARED} (shared data folder beside the repo)")
    kind, payload, url = inp
    try:
        art = extract_html(payload, url) if kind == "html" else extract_text_dump(payload, url)
    except ExtractionError as exc:
        pytest.fail(f"ExtractionError: {exc.reason}")
    assert residue.check(case, art) == []
