"""Quotes: who said what, with speaker, role, verb, relay source and offsets, on real and bad input."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from newsdesk.analyze.quotes import analyse, extract_quotes, quote_drift, voices
from shareddata import shared_path


def _seed_paragraphs():
    from newsdesk.extract import extract_text_dump

    return extract_text_dump(shared_path("seed", "aggregator-page.txt").read_text("utf-8")).paragraphs


def test_seed_page_entirely_right():
    paragraphs = _seed_paragraphs()
    text = "\n\n".join(paragraphs)
    quotes = extract_quotes(paragraphs)
    got = [(q.text[:30], q.speaker, q.role, q.verb, q.via, q.kind) for q in quotes]
    assert got == [
        ("unacceptable", "Maria Zakharova", "Russian Foreign Ministry spokesperson", "said", "Reuters", "partial"),
        ("Russia is not going to discuss", "Maria Zakharova", "Russian Foreign Ministry spokesperson",
         "told reporters", "Reuters", "direct"),
        ("I would like to give special t", "Volodymyr Zelenskyy", "Ukrainian President",
         "wrote in a post about the meeting on X", None, "direct"),
        ("in the meeting, which included", "Volodymyr Zelenskyy", "Ukrainian President", "said", None, "reported"),
        ("We share the same view that Ru", "Volodymyr Zelenskyy", "Ukrainian President", "said", None, "direct"),
    ]
    for q in quotes:
        assert text[q.start:q.end] == q.text
    assert quotes[1].text.endswith("undermines any security")
    assert quotes[3].mention == "The Ukrainian president"


def test_you_may_also_like_is_never_quoted_even_unextracted():
    from newsdesk.sources.files import split_paragraphs

    raw = shared_path("seed", "aggregator-page.txt").read_text("utf-8")
    result = analyse(split_paragraphs(raw))  # the whole page, recirculation block included
    assert [q.speaker for q in result.quotes] == ["Maria Zakharova"] * 2 + ["Volodymyr Zelenskyy"] * 3
    assert not any("commission" in q.text or "Poynter" in (q.speaker or "") for q in result.quotes)
    assert any("You May Also Like" in n for n in result.notes)


def test_pronoun_multi_paragraph_and_inverted_attribution():
    paras = [
        "Finance Minister Jane Okafor unveiled the budget on Monday, a day after talks with Tom Reyes.",
        "“This budget puts families first,” she told parliament. “We have cut waste everywhere.",
        "“Nobody will pay more tax next year.”",
        "“It is a fantasy,” said opposition leader Mark Bell, according to the Associated Press.",
    ]
    quotes = extract_quotes(paras)
    assert [q.speaker for q in quotes] == ["Jane Okafor", "Jane Okafor", "Mark Bell"]
    assert quotes[0].verb == "told parliament"
    multi = quotes[1]
    assert multi.text == "We have cut waste everywhere.\n\nNobody will pay more tax next year."
    assert multi.role == "Finance Minister"
    assert quotes[2].via == "Associated Press"
    assert quotes[2].role == "opposition leader"


@pytest.mark.parametrize("opening,closing", [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("«\u00a0", "\u00a0»")])
def test_quote_marks_of_several_languages(opening, closing):
    para = f"{opening}We will rebuild the bridge before winter,{closing} Mayor Anna Berg said on Friday."
    q = extract_quotes([para])
    assert len(q) == 1
    assert q[0].text.strip() == "We will rebuild the bridge before winter"
    assert q[0].speaker == "Anna Berg"


def test_unbalanced_marks_give_a_result_and_a_flag():
    paras = ["“We will not stop here, said the union leader Paul Hart on Monday",
             "Workers' rights were at stake, he added, and the strike's end was not near.",
             "She said: “it is over”, and left. Another ” stray mark."]
    quotes = extract_quotes(paras)
    assert any("unclosed" in q.flags and q.text.startswith("We will not stop here") for q in quotes)
    assert any(q.text == "it is over" for q in quotes)


def test_page_of_nothing_but_quotes_and_a_very_long_article():
    only = ["“" + " ".join(["Words that someone said once"] * 3) + f" number {i}.”" for i in range(300)]
    r = analyse(only)
    assert len(r.quotes) == 300 and all(q.speaker is None for q in r.quotes)
    long = ["The council met again and the mayor said the plan would go ahead as agreed. " * 20] * 400
    t0 = time.monotonic()
    r = analyse(long, max_chars=20_000)
    assert r.analysed_chars <= 20_000
    assert any("analysed the first" in n for n in r.notes)
    assert time.monotonic() - t0 < 120  # bounded: a generous cap, not a speed test


def test_titles_and_scare_quotes_are_not_statements():
    paras = ["Ketsoyan would not say what the “American Pie” star was being treated for.",
             "The so-called “Spike” unit was disbanded in 2019, officials confirmed."]
    quotes = extract_quotes(paras)
    assert not any(q.text.strip(" ,.") in ("American Pie", "Spike") for q in quotes)
    # what the officials confirmed is their statement, the title in marks inside it notwithstanding
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("reported", "The so-called “Spike” unit was disbanded in 2019", "officials")]


def test_drift_trimmed_altered_and_attributed_differently():
    full = "Russia is not going to discuss a foreign intervention in Ukraine in any form or format"
    qs = [dict(article_id=1, outlet="Fox News", text=full, speaker="Maria Zakharova", via="Reuters"),
          dict(article_id=2, outlet="BBC", text="Russia is not going to discuss a foreign intervention",
               speaker="Zakharova", via="Reuters"),
          dict(article_id=3, outlet="CNN", text=full.replace("is not going to", "will not"),
               speaker="Sergei Lavrov", via="Reuters"),
          dict(article_id=3, outlet="CNN", text="An unrelated remark about the weather today", speaker="X Y")]
    groups = quote_drift(qs)
    assert len(groups) == 1
    g = groups[0]
    assert g["articles"] == 3 and g["statement"] == full
    assert g["drift"] == ["altered", "attribution", "trimmed"]
    changes = {v["outlets"][0]: v for v in g["versions"]}
    assert changes["BBC"]["change"] == "trimmed"
    assert changes["CNN"]["change"] == "altered" and changes["CNN"]["diff"][0]["now"] == "will"
    # The same person under a surname is one voice.
    assert [v["speaker"] for v in voices(qs[:2])] == ["Maria Zakharova"]


def test_cli_jsonl_fields():
    from newsdesk.cli import main

    path = shared_path("seed", "aggregator-page.txt")
    r = CliRunner().invoke(main, ["quotes", str(path), "--jsonl"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert len(rows) == 5
    assert set(rows[0]) >= {"text", "speaker", "role", "verb", "via", "start", "end"}
    assert rows[1]["verb"] == "told reporters" and rows[1]["via"] == "Reuters"
    bad = CliRunner().invoke(main, ["quotes", "/no/such/file.html", "--jsonl"])
    assert bad.exit_code == 1 and "no such file" in bad.output
