"""Who said it, in the shapes the thirtieth round of work was about: a reported statement that
shares its sentence with quote marks.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_a_statement_before_a_dash_and_a_quoted_phrase_is_still_the_ministrys():
    quotes = _by_text(extract_quotes([
        "It remains unclear what caused the damage, but the Egyptian communications ministry said that ships "
        'have already been dispatched to look at the problem - although repairs will take "several days".',
    ]))
    q = quotes["ships have already been dispatched to look at the problem"]
    assert (q.kind, q.speaker) == ("reported", "Egyptian communications ministry")
    assert "several days" in quotes  # the quoted words stay a quote of their own


def test_the_statement_before_the_quoted_part_of_the_same_sentence_is_the_speakers():
    quotes = _by_text(extract_quotes([
        "Police found the two women in the apartment on Tuesday.",
        'Both women had been stabbed to death and their bodies had been there for "days," Miliote said.',
        'Police were still gathering statements from several witnesses Thursday morning, but "we do know '
        'alcohol was a factor," Earley said.',
    ]))
    assert quotes["Both women had been stabbed to death"].speaker == "Miliote"
    assert quotes["Police were still gathering statements from several witnesses Thursday morning"].speaker == "Earley"
    assert quotes["we do know alcohol was a factor"].speaker == "Earley"


def test_a_statement_stops_at_while_before_the_quoted_words():
    quotes = _by_text(extract_quotes([
        "Under questioning, the court source said the officer had acted out of self defence when the group "
        'began throwing firebombs while shouting they "were going to kill them".',
    ]))
    q = quotes["the officer had acted out of self defence when the group began throwing firebombs"]
    assert (q.kind, q.mention) == ("reported", "the court source")


def test_a_quoted_phrase_after_with_stays_inside_one_statement():
    quotes = extract_quotes(["Tomasz Kubiak, a fire service spokesman, told reporters the man is in intensive care "
                             'with "severe burns".'])
    assert [q.text for q in quotes if q.kind == "reported"] == []


def test_a_quoted_ending_of_the_speakers_own_statement_is_not_cut_into_a_reported_clause():
    quotes = extract_quotes(["She said she would accept the verdict and “move on”."])
    assert [q.text for q in quotes] == ["move on"]


def test_a_statement_that_estimates_recommends_or_rules_is_reported_speech():
    quotes = _by_text(extract_quotes([
        "HP estimates that the deal will give it about 7 percent of the technology services market.",
        "Security experts strongly recommend that users apply the latest patch as soon as possible.",
        "But the Utah Supreme Court ruled on Monday that it would not block the transfer.",
    ]))
    assert quotes["the deal will give it about 7 percent of the technology services market"].speaker == "HP"
    assert quotes["users apply the latest patch as soon as possible"].mention == "Security experts"
    assert quotes["it would not block the transfer"].speaker == "Utah Supreme Court"


def test_names_in_apposition_to_a_role_speak_together():
    quotes = _by_text(extract_quotes([
        '"We are thrilled to have Ellen DeGeneres host the Oscars," producers Craig Zadan and Neil Meron said in '
        "a statement.",
    ]))
    q = quotes["We are thrilled to have Ellen DeGeneres host the Oscars"]
    assert (q.speaker, q.mention) == ("Craig Zadan and Neil Meron", "Craig Zadan and Neil Meron")


def test_a_ministry_and_a_named_agency_speak_together():
    quotes = _by_text(extract_quotes([
        "The Indonesian health ministry and World Vision Indonesia, a relief agency, have said they will be "
        "sending in aid teams.",
    ]))
    q = quotes["they will be sending in aid teams"]
    assert q.mention == "The Indonesian health ministry and World Vision Indonesia"
