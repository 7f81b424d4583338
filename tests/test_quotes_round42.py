"""Who said it, in the shapes the forty-second round of work was about (read on heldout41, long
articles): people known by a number ("Juror No. 8").

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_juror_known_by_number_keeps_the_number():
    quotes = extract_quotes([
        "\u201cEveryone was respectful,\u201d said Juror No. 8, one of six women on the panel.",
        "\u201cWe were searching,\u201d Juror No. 12 said.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Juror No. 8", "Juror No. 8"), ("Juror No. 12", "Juror No. 12")]
