"""Who said it, in the shapes the fifty-eighth round of work was about (read on heldout57, news of
2016-17 from eight outlets): neither the place an envoy serves in nor a nationality written before
the name is part of the envoy's name.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_an_ambassador_in_a_country_is_named_without_the_country():
    quotes = extract_quotes([
        "NICOSIA, February 7. /TASS/. Crisis and sanctions did not prevent operations of Russian banks in "
        "Cyprus, Russian ambassador in Cyprus Stanislav Osadchiy told TASS in an interview on Tuesday. "
        "\"RCB Bank is among them,\" Osadchiy said."
    ])
    assert [q.speaker for q in quotes] == ["Stanislav Osadchiy", "Stanislav Osadchiy"]


def test_a_nationality_written_before_a_name_is_not_part_of_it():
    quotes = extract_quotes([
        "Mongolia's Prime Minister Jargaltulga Erdenebat will pay a visit to Russia in the first half of "
        "2017, Mongolian Ambassador to Russian Banzragchin Delgermaa told TASS on Monday."
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Banzragchin Delgermaa", "TASS")]
