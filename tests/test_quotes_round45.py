"""Who said it, in the shapes the forty-fifth round of work was about (read on heldout44, the pages
that quote little): what someone told the police, when the small parser hangs it on the wrong word.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_what_someone_told_the_police_is_their_statement():
    quotes = extract_quotes([
        "Scott Peterson was arrested in April. Scott told police he had gone fishing the day his wife disappeared.",
    ])
    assert [(q.text, q.speaker, q.verb) for q in quotes] == [
        ("he had gone fishing the day his wife disappeared", "Scott Peterson", "told police")]


def test_an_order_given_to_someone_is_not_a_statement():
    assert extract_quotes(["The officer told him to leave the building and wait outside with the others."]) == []
