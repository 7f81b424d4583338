"""Who said it, in the shapes the forty-first round of work was about (read on heldout40, real
pages from CNN, AP, Time and an investigation): two people paired by a hyphen, an epigraph
signed with a place and a date, and "he" never named by what he says.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_two_people_joined_by_a_hyphen_are_a_pairing_not_one_person():
    quotes = extract_quotes([
        "Justice Samuel Alito questioned Solicitor General Elizabeth Prelogar.",
        "The arguments offered several Alito-Prelogar moments of tension.",
        "\u201cWe are not asking the court to draw that distinction,\u201d Prelogar told Alito.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Elizabeth Prelogar", "Prelogar")]


def test_an_epigraph_signed_with_a_place_and_a_date_is_the_persons():
    quotes = extract_quotes([
        "\u201cI was the CIA director. We lied, we cheated, we stole.\u201d",
        "\u2014 Mike Pompeo, College Station, TX, April 15, 2019",
        "As the co-founder of the company, Morales had access to the embassy.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Mike Pompeo", "Mike Pompeo")]


def test_the_people_a_statement_is_about_are_not_who_he_is():
    quotes = extract_quotes([
        "California Highway Patrol officer Brad Baehr described the arrest on Tuesday.",
        "Jackson was on probation for a previous DUI arrest, he said.",
    ])
    assert [(q.text, q.speaker, q.mention) for q in quotes] == [
        ("Jackson was on probation for a previous DUI arrest", "Brad Baehr", "he")]


def test_the_paper_goes_on_speaking_for_the_newspaper_quoted_before():
    quotes = extract_quotes([
        "\u201cThe joint exercise is an outright hostile act,\u201d the Rodong Sinmun said in a commentary.",
        "The paper also blamed South Korea for raising tensions in the region, saying the South will pay a price.",
    ])
    assert quotes[0].speaker == "Rodong Sinmun"
    assert [q.speaker for q in quotes[1:]] == ["Rodong Sinmun"] * len(quotes[1:]) and len(quotes) > 1
