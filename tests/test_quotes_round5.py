"""Who said it, in the shapes the fifth round of work was about: descriptions as speakers
("said the actor", "the governor"), pronouns after reported speech, statements emailed to an
outlet, quotes set one sentence a line, parenthetical and relative reported speech.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this, and to which outlet?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_said_the_actor_is_the_actor_not_the_host_named_after_the_word():
    quotes = _by_text(extract_quotes([
        "James Van Der Beek was eliminated in what host Tom Bergeron described as the “hardest verdict so far.”",
        "“My wife Kimberly and I went through every parent’s worst nightmare,” Van Der Beek said.",
        "“You never know why these things happen,” said the actor. “It makes you more human.”",
        "Brooke offered her spot before apologizing to the actor.",
        "Bergeron chimed in, noting that the offer was “a lovely gesture.”",
    ]))
    assert quotes["You never know why these things happen"].speaker == "James Van Der Beek"
    assert quotes["It makes you more human"].speaker == "James Van Der Beek"
    assert quotes["a lovely gesture"].speaker == "Tom Bergeron"


def test_the_governor_of_several_is_the_one_last_named():
    quotes = _by_text(extract_quotes([
        "Kentucky Gov. Matt Bevin faced a teachers' sick-out last year.",
        "Republican Gov. Eric Holcomb has said he wants to raise teacher pay.",
        "Teachers didn’t see Holcomb at the Statehouse on Tuesday.",
        "The governor said he was waiting for a teacher pay commission to make recommendations.",
    ]))
    assert quotes["he was waiting for a teacher pay commission to make recommendations"].speaker == "Eric Holcomb"


def test_a_statement_emailed_to_an_outlet_relays_it_and_covers_the_next_quote():
    quotes = _by_text(extract_quotes([
        "Customs and Border Protection did not accept the offer.",
        ("A spokesperson said in a statement emailed to NBC News that the agency never has administered "
         "vaccines and people aren't usually held very long."),
        "“As a law enforcement agency, operating a vaccine program is not feasible,” the spokesperson said.",
    ]))
    reported = next(q for t, q in quotes.items() if t.startswith("the agency never has administered vaccines"))
    assert (reported.speaker, reported.via) == ("spokesperson", "NBC News")
    assert quotes["As a law enforcement agency, operating a vaccine program is not feasible"].via == "NBC News"


def test_a_quote_set_one_sentence_a_line_runs_to_the_line_that_reopens_it():
    quotes = extract_quotes([
        "Abed Sultan's father, Samir, said the bodies were badly mangled.",
        "\"We came to the school when the Israelis warned us to leave,\" he said.",
        "\"We hoped it would be safe.",
        "We were 20 in one room.",
        "We had no electricity, no blankets, no food.",
        "\"Suddenly we heard a bomb that shook the school.",
        "They were cut into pieces by the shell.\"",
        "The UN was particularly incensed.",
    ])
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Samir", "Samir"]
    long = direct[1]
    assert long.text.startswith("We hoped it would be safe.")
    assert "We had no electricity" in long.text and long.text.rstrip().endswith("by the shell.")


def test_reported_speech_set_off_as_a_parenthetical():
    quotes = extract_quotes([
        "Steve Clarke, deputy associate administrator, spoke in a teleconference with reporters.",
        ("The larger landers, he said, could deliver tools needed by astronauts ahead of their "
         "landing missions."),
    ])
    reported = [q for q in quotes if q.kind == "reported"]
    assert [(q.speaker, q.text[:18]) for q in reported] == [("Steve Clarke", "The larger landers")]


def test_he_after_reported_speech_is_the_one_who_spoke_not_the_one_spoken_of():
    quotes = _by_text(extract_quotes([
        "Steven Moffat, the show's lead writer, said casting Peter Capaldi was an “incendiary combination”.",
        "Moffat said Capaldi had been thought of before but that the timing had not been right.",
        "“We all had an idea, we all had the same idea,” he said.",
    ]))
    assert quotes["We all had an idea, we all had the same idea"].speaker == "Steven Moffat"


def test_a_gendered_word_in_another_clause_does_not_tell_a_persons_gender():
    quotes = _by_text(extract_quotes([
        "Tishana King is the only civilian eyewitness to come forward.",
        "A police spokesman said that when King was asked what she saw, she gave few details.",
        "King told The News she was drawn to her window by loud talking outside.",
        "She said she watched as a sedan pulled up and a man jumped out.",
    ]))
    assert quotes["she watched as a sedan pulled up and a man jumped out"].speaker == "Tishana King"


def test_a_second_person_with_the_same_surname_is_not_the_first():
    quotes = extract_quotes([
        "Usman Khan, 28, was shot by police. Khan had appeared to be wearing a suicide vest.",
        "“I am in awe of the people who ran towards danger” tweeted Mayor of London Sadiq Khan (no relation).",
    ])
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Sadiq Khan"]
