"""Who said it, in the shapes the thirty-first round of work was about: statements hung on a
participle or a preposition, and reported clauses that open with "when".

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_with_officials_saying_is_the_officials_statement():
    quotes = _by_text(extract_quotes([
        "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation, with officials "
        "saying this is for security reasons.",
    ]))
    q = quotes["this is for security reasons"]
    assert (q.kind, q.speaker) == ("reported", "officials")


def test_by_saying_that_is_the_statement_of_whoever_acts():
    quotes = _by_text(extract_quotes([
        "Mark Felt was asked many times whether he was Deep Throat.",
        "Felt always managed to deflect attention, usually by saying that he would have done a better job.",
    ]))
    assert quotes["he would have done a better job"].speaker == "Mark Felt"


def test_a_reported_clause_may_open_with_when():
    quotes = _by_text(extract_quotes([
        "Gotcher said when deputy Terry Springwater arrived on the scene around 3 a.m., the car window was "
        "rolled only three-fourths of the way down.",
    ]))
    q = quotes["when deputy Terry Springwater arrived on the scene around 3 a.m., the car window was rolled only "
               "three-fourths of the way down"]
    assert q.speaker == "Gotcher"


def test_a_topic_after_about_when_is_still_not_a_statement():
    assert extract_quotes(["The officers testified about when they arrived and described how they moved."]) == []


def test_they_said_with_no_one_named_before_keeps_the_statement_and_its_words():
    quotes = _by_text(extract_quotes([
        "They said the protest began around 8:30 p.m. but the crowd is being dispersed by police.",
    ]))
    q = next(q for t, q in quotes.items() if t.startswith("the protest began"))
    assert (q.speaker, q.mention) == (None, "They")


def test_according_to_at_the_root_of_the_parse_still_leaves_the_statement():
    quotes = _by_text(extract_quotes([
        "Fernando Dallorso is his friend. According to Dallorso, for days Zamperoni's phone was off and Zamperoni "
        "had not used his bank cards.",
    ]))
    q = next(q for t, q in quotes.items() if t.startswith("for days Zamperoni's phone was off"))
    assert q.speaker == "Fernando Dallorso"
    quotes = _by_text(extract_quotes([
        "Robert Mugabe, former president of Zimbabwe, has died, according to current president Emmerson "
        "Mnangagwa on Friday.",
    ]))
    assert quotes["Robert Mugabe, former president of Zimbabwe, has died"].speaker == "Emmerson Mnangagwa"


def test_according_to_cops_or_a_friend_is_their_statement():
    quotes = _by_text(extract_quotes([
        "The driver fled the scene, according to cops.",
        "She was kind and would do anything for anybody, according to the friend.",
    ]))
    assert quotes["The driver fled the scene"].speaker == "cops"
    assert quotes["She was kind and would do anything for anybody"].mention == "the friend"
