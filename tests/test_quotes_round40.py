"""Who said it, in the shapes the fortieth round of work was about: single quote marks in
tokenised text.

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
