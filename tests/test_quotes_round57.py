"""Who passed it on, in the shapes the fifty-seventh round of work was about (read on heldout56, news of
2016-17 from eight outlets): an outlet is its name, not the words that describe it, and "the British
broadcaster" is the one named before.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who passed it on?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_an_outlet_is_its_name_not_its_description():
    quotes = extract_quotes([
        "In an interview with Dutch broadcaster RTL, Rutte said: \"Erdogan continues to escalate.\" "
        "Supreme Leader Ayatollah Ali Khamenei told military commanders in Tehran that the new US "
        "administration has shown the world \"the depth of corruption in US government,\" according to quotes "
        "published by Iran's semi-official MEHR news agency."
    ])
    assert [q.via for q in quotes] == ["RTL", "MEHR"]


def test_a_station_keeps_the_number_in_its_name():
    quotes = extract_quotes([
        "In an interview with French radio Europe 1 on Sunday, the man said his son was not a terrorist. "
        "The medical director told the Guardian 41 bodies had been brought in."
    ])
    assert quotes[0].via == "Europe 1"
    assert all(q.via != "Guardian 41" for q in quotes)


def test_the_british_broadcaster_is_the_one_named_before():
    quotes = extract_quotes([
        "Sturgeon told the broadcaster ITV that she was prepared to negotiate. \"I am happy to have that "
        "discussion,\" Sturgeon told the British broadcaster."
    ])
    assert [q.via for q in quotes] == ["ITV", "ITV"]

