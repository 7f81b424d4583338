"""Who said it, in the shapes the twentieth round of work was about.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_and_that_opens_a_second_statement():
    quotes = _by_text(extract_quotes([
        "The company said it was sending a ship to fix the lines but that it would not arrive until Monday.",
        "Microsoft said hackers are exploiting a flaw in Internet Explorer, and that its engineers are working "
        "on an update to plug the hole.",
    ]))
    assert quotes["it was sending a ship to fix the lines"].speaker == "company"
    assert quotes["it would not arrive until Monday"].speaker == "company"
    assert quotes["hackers are exploiting a flaw in Internet Explorer"].speaker == "Microsoft"
    assert quotes["its engineers are working on an update to plug the hole"].speaker == "Microsoft"


def test_an_attribution_between_two_statements_belongs_to_neither():
    quotes = _by_text(extract_quotes([
        "Indian sailors boarded the Salahaddin, the military said, and the 23 suspects surrendered peacefully.",
        "Police said the man was arrested on Friday and charged with murder.",
    ]))
    assert quotes["Indian sailors boarded the Salahaddin"].mention == "the military"
    assert quotes["the 23 suspects surrendered peacefully"].mention == "the military"
    assert not any("the military said" in text for text in quotes)
    # one statement with two verbs stays one
    assert quotes["the man was arrested on Friday and charged with murder"].speaker == "Police"
