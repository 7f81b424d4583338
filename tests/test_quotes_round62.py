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


def test_the_airline_that_says_what_happened_to_its_planes_is_the_one_named_in_it_and_its_alias():
    quotes = extract_quotes([
        "Five Regional Express Airlines passenger planes had been grounded as a precaution after a propeller fell "
        "off an airliner as it approached Sydney Airport, the Australian airline said on Monday. The Sydney-based "
        "airline, also known as Rex, said it had grounded another five of its fleet. Investigators want to examine "
        "the propeller for clues, but that had not been found by Monday, Rex said."
    ])
    assert {q.speaker for q in quotes} == {"Regional Express Airlines"}


def test_an_arab_given_name_left_out_before_a_name_with_al_is_part_of_it():
    quotes = extract_quotes([
        "Thousands of women went on strike on Wednesday. UN High Commissioner for Human Rights Zeid Raad "
        "al-Hussein-said the women's movement was \"a force for an inclusive world\"."
    ])
    assert {q.speaker for q in quotes} == {"Zeid Raad al-Hussein"}
