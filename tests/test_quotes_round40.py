"""Who said it, in the shapes the fortieth round of work was about: single quote marks in
tokenised text, and "the statement" quoted over several paragraphs or issued by a government.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_single_quote_closed_after_a_space_in_tokenised_text_is_a_quote():
    quotes = extract_quotes(["Police have thanked residents for their 'patience and assistance ' during the evacuation."])
    assert [(q.text, q.speaker) for q in quotes] == [("patience and assistance", "Police")]



def test_a_tokenised_plural_possessive_is_not_a_closing_mark():
    quotes = extract_quotes([
        "Mayor Jones called the closure 'a blow to the town and to every family in it ', and the workers ' union "
        "said the yard would close in May."])
    assert [q.text for q in quotes] == ["a blow to the town and to every family in it", "the yard would close in May"]


def test_a_tokenised_possessive_after_capitals_is_not_a_closing_mark_either():
    quotes = extract_quotes([
        "It's too early to tell what impact the deal will have on EDS ' operations in South Charleston, an EDS "
        "spokesman said."])
    assert [q.speaker for q in quotes] == ["EDS spokesman"]


def test_the_statement_quoted_over_several_paragraphs_is_still_its_issuers():
    quotes = extract_quotes([
        "The warship was patrolling the waters when it received a distress call, a Defence Ministry statement said.",
        "\u201cOn sighting the helicopter, the boats disengaged and attempted escape.",
        "The warship closed the vessels and ordered them to stop.\u201d",
        "Commandos boarded the larger pirate boat, seizing 23 men as well as arms and equipment, the statement said.",
    ])
    assert quotes[-1].text.startswith("Commandos boarded")
    assert (quotes[-1].speaker, quotes[-1].mention) == ("Defence Ministry", "the statement")


def test_a_statement_from_a_government_speaks_for_that_government():
    quotes = extract_quotes([
        "The pirate boats attempted to escape when they saw the helicopter, according to a statement from the "
        "Indian government.",
        "Marine commandos boarded the boats and seized \u201ca substantial cache of arms and equipment,\u201d "
        "the statement said.",
    ])
    said = [q for q in quotes if q.text.startswith("a substantial cache")]
    assert [q.speaker for q in said] == ["Indian government"]
