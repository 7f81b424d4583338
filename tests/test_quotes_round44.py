"""Who said it, in the shapes the forty-fourth round of work was about (read on heldout43, Wikinews's
campaign diaries, and heldout44): a surname of two words ("La Riva"), a relative who shares a surname,
and a transcript labelled by first names.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_surname_of_two_words_is_the_person_named_in_full():
    quotes = extract_quotes([
        "The Party for Socialism and Liberation nominated Gloria La Riva for president.",
        "La Riva said the campaign would continue to organize against police violence across the country.",
        "\u201cWe are building a movement,\u201d La Riva told supporters at a rally in Albuquerque.",
    ])
    assert [q.speaker for q in quotes] == ["Gloria La Riva", "Gloria La Riva"]


def test_a_relative_introduced_as_one_leaves_the_bare_surname_to_the_other():
    quotes = extract_quotes([
        "Democratic nominee Joe Biden campaigned in Pennsylvania on Monday.",
        "At a rally the next day, Trump brought up Biden's son Hunter Biden and his business dealings abroad.",
        "Biden said he did not support the policies Trump mentioned and called the remarks a national embarrassment.",
    ])
    assert [q.speaker for q in quotes] == ["Joe Biden"]


def test_a_transcript_labelled_by_first_names_is_quoted_line_by_line():
    quotes = extract_quotes([
        "Carlos Lima talked with the musician Eugenio Tadeu about his new video series for children.",
        "Carlos: How did the series begin?",
        "Eugenio: We started it as a game with the children, and it grew from there.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Carlos Lima", "Carlos"), ("Eugenio Tadeu", "Eugenio")]
