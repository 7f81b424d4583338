"""Who said it, in the shapes the sixty-second round of work is about (read on heldout61, news of 2016-17
from eight outlets): an honorific run into a surname by a flattened break, and a people's name the
tagger took for a person.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.entities import entities_of
from newsdesk.analyze.quotes import extract_quotes


def test_an_honorific_run_into_the_surname_is_not_part_of_the_name():
    quotes = extract_quotes([
        "Transport Minister Shane Ross said he would not intervene in the dispute at Bus Eireann. Mr-Ross said "
        "the company and its unions had to \"sit down and resolve this\"."
    ])
    assert {q.speaker for q in quotes} == {"Shane Ross"}


def test_a_peoples_name_the_tagger_took_for_a_person_is_no_person():
    # (in the article it came from, "he added" after this passage had become "Cypriots")
    found = entities_of(
        "Osadchy pointed out that Cypriots had been taking more and more interest in Russia due to increasing "
        "business cooperation, strengthening personal ties, religious and cultural closeness between the two "
        "peoples. The Cypriot tourism industry had a year of records."
    )
    assert "Cypriots" not in [e.name for e in found if e.kind == "person"]
