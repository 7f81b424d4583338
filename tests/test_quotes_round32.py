"""Who said it, in the shapes the thirty-second round of work was about: sources described by
what they are close to, tokenised possessives, and "As X explained, ...".

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_sources_close_to_or_familiar_with_something_are_named_by_all_of_it():
    quotes = _by_text(extract_quotes([
        "The Red Sox have made an offer, but sources close to the negotiations say it is less than the $184 "
        "million reported earlier.",
        "Sources familiar with the matter said the deal would close next week.",
    ]))
    q = quotes["it is less than the $184 million reported earlier"]
    assert (q.speaker, q.mention) == ("sources close to the negotiations", "sources close to the negotiations")
    q = quotes["the deal would close next week"]
    assert (q.speaker, q.mention) == ("Sources familiar with the matter", "Sources familiar with the matter")


def test_a_tokenised_possessive_keeps_its_owner_and_reads_as_one_word_in_the_name():
    quotes = _by_text(extract_quotes([
        "According to the City Attorney ’ s office, Williams ’ case had not been submitted as of Tuesday.",
    ]))
    q = quotes["Williams ’ case had not been submitted as of Tuesday"]
    assert (q.speaker, q.mention) == ("City Attorney’s office", "the City Attorney ’ s office")


def test_as_someone_explained_opens_their_statement():
    quotes = _by_text(extract_quotes([
        "As the President explained, through this personal experience working with the poor and uninsured, "
        "Dr. Benjamin understands first-hand what it means to care for others.",
    ]))
    q = next(q for t, q in quotes.items() if t.startswith("through this personal experience"))
    assert (q.kind, q.speaker) == ("reported", "President")


def test_as_a_reporter_reports_is_an_account_not_a_statement():
    quotes = extract_quotes([
        "As NPR's Emily Feng reports, the first cases came to light last week in the capital.",
    ])
    assert [q.speaker for q in quotes] == []


def test_a_fire_treated_by_police_as_suspicious_quotes_the_police():
    quotes = _by_text(extract_quotes([
        'A Waitrose store was reduced to ruins after a blaze being treated by police as "potentially suspicious".',
        'The fire has been labeled "suspicious" by James Steele, chief of the fire department.',
    ]))
    assert quotes["potentially suspicious"].speaker == "police"
    assert quotes["suspicious"].speaker == "James Steele"


def test_a_name_or_a_treatment_with_no_one_behind_it_is_not_a_quote():
    quotes = extract_quotes([
        'H1N1 was commonly called "swine flu."',
        'The patients were treated as "urgent cases" at the hospital.',
    ])
    assert quotes == []
