"""Who said it, in the shapes the fifty-eighth round of work was about (read on heldout57, news of
2016-17 from eight outlets): the place an envoy serves in is not part of the envoy's name.

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
