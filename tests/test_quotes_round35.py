"""Who said it, in the shapes the thirty-fifth round of work was about: unnamed outlets'
accounts, and a that-clause the parser hangs on a phrase inside a phrase.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_news_broadcasts_claiming_something_is_an_account_not_a_statement():
    quotes = extract_quotes(["News broadcasts claim the police is mobilising its forces to storm an anarchist squat."])
    assert quotes == []


def test_said_in_a_statement_at_the_time_that_reports_the_clause():
    quotes = extract_quotes(["Jackson said in a statement at the time that he looked forward to proving his innocence."])
    assert [(q.text, q.speaker) for q in quotes] == [("he looked forward to proving his innocence", "Jackson")]
