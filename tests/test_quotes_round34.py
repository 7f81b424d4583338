"""Who said it, in the shape the thirty-fourth round of work was about: a poll's share of
respondents is a finding, not a speaker.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_share_of_poll_respondents_is_not_a_speaker():
    quotes = extract_quotes([
        "An overwhelming 70 percent say the inciting offense was wrong.",
        "In the poll, 44 percent of voters say they want the House to impeach.",
    ])
    assert quotes == []


def test_a_speaker_with_a_number_in_its_name_still_speaks():
    quotes = extract_quotes(["The 20 - year - old woman told a friend that Simpson had threatened her."])
    assert [q.mention for q in quotes] == ["The 20 - year - old woman"]


def test_a_two_word_description_is_the_body_named_before_that_holds_both_words():
    quotes = extract_quotes([
        "The California Public Utilities Commission opened an inquiry on Monday.",
        "The utilities commission is frustrated with communications companies, saying they failed to share "
        "detailed information in real time.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("California Public Utilities Commission",
                                                          "The utilities commission")]
