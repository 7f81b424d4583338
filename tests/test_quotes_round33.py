"""Who said it, in the shapes the thirty-third round of work was about: who "he said" points back
to after reported speech, and an organisation's short name after its full one.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_he_said_points_back_to_the_speaker_of_the_reported_statement_before():
    quotes = _by_text(extract_quotes([
        "INS Mysore rescued the ship MV Gibe on Saturday.",
        "The pirates on two speed boats had surrounded the merchant vessel, Navy spokesperson said.",
        "The pirates had fired at the merchant vessel with automatic weapons, he said.",
    ]))
    q = quotes["The pirates had fired at the merchant vessel with automatic weapons"]
    assert (q.speaker, q.mention) == ("Navy spokesperson", "he")


def test_the_navy_is_the_indian_navy_named_before():
    quotes = _by_text(extract_quotes([
        "The Indian Navy foiled a piracy attempt on Saturday.",
        "This is the fifth successful anti-piracy operation, the Navy said.",
    ]))
    q = quotes["This is the fifth successful anti-piracy operation"]
    assert (q.speaker, q.mention) == ("Indian Navy", "the Navy")


def test_an_agency_quoting_someone_as_saying_relays_their_statement():
    quotes = _by_text(extract_quotes([
        "The governor of Hormozgan, Mehdi Irannejad, visited the island. Another news agency quoted the governor "
        "as saying five people had received treatment after being injured by the quake.",
    ]))
    q = quotes["five people had received treatment after being injured by the quake"]
    assert (q.speaker, q.mention) == ("Mehdi Irannejad", "the governor")
