"""Who said it, in the shapes the thirty-ninth round of work was about: unnamed people ("some",
"everyone"), a time between the verb and its clause, and a weekly magazine's account.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_some_and_everyone_are_unnamed_speakers_not_no_one():
    quotes = extract_quotes([
        "Some have said that instead of being the missing piece, the team has lost its way.",
        "After all, everyone speculated that Paterson Joseph was going to get the part.",
    ])
    assert [(q.text, q.speaker, q.mention) for q in quotes] == [
        ("instead of being the missing piece, the team has lost its way", "some", "Some"),
        ("Paterson Joseph was going to get the part", "everyone", "everyone"),
    ]


def test_a_time_between_said_and_that_does_not_hide_the_clause():
    quotes = extract_quotes([
        "A Sonoma County Sheriff's dispatcher said around 7 a. m. that there had been no reports of damage or "
        "injuries."])
    assert [q.text for q in quotes] == ["there had been no reports of damage or injuries"]


def test_a_weekly_magazine_gives_an_account_not_a_statement():
    quotes = extract_quotes([
        "Entertainment Weekly says Weitz landed the New Moon gig because he has a solid relationship with the studio."])
    assert quotes == []
