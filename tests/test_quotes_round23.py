"""Who said it, in the shapes the twenty-third round of work was about: the words naming the
speaker are the whole phrase a reader would point at, not the part the tagger happened to name.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who is it that said this?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_the_mention_is_the_whole_noun_phrase_of_the_speaker():
    quotes = _by_text(extract_quotes([
        "Japan's Meteorological Agency said there was no danger of a tsunami.",
        "Witnesses to the shooting said the officers fired at least eleven times.",
        "Residents along 117th Street said the car was going very fast.",
    ]))
    assert quotes["there was no danger of a tsunami"].mention == "Japan's Meteorological Agency"
    assert quotes["the officers fired at least eleven times"].mention == "Witnesses to the shooting"
    assert quotes["the car was going very fast"].mention == "Residents along 117th Street"


def test_a_persons_mention_takes_the_rest_of_the_name_but_nothing_before_it():
    quotes = _by_text(extract_quotes([
        "The prime minister's spokesman Barend Leyts said Mr Matovic felt well.",
        "Intel announced the price cut on Monday at a news conference led by Bill Waxman.",
        "Intel's Waxman said the chips would ship next year.",
        "Mayor Bill de Blasio said the city would reopen the schools.",
    ]))
    assert quotes["Mr Matovic felt well"].mention == "Barend Leyts"
    assert quotes["the chips would ship next year"].mention == "Waxman"
    assert quotes["the city would reopen the schools"].mention == "Bill de Blasio"


def test_the_mention_of_a_joint_subject_names_both_and_stops_at_a_clause():
    quotes = _by_text(extract_quotes([
        "Cops and family said the woman had been drinking before she got behind the wheel.",
        "A spokesman for the Enough Project, an activist group that works to end genocide, said the "
        "talks had failed.",
    ]))
    assert quotes["the woman had been drinking before she got behind the wheel"].mention == "Cops and family"
    assert quotes["the talks had failed"].mention == "A spokesman for the Enough Project"


def test_a_speaker_known_only_by_a_description_is_named_by_all_of_it():
    quotes = _by_text(extract_quotes([
        "Witnesses to the shooting said the officers fired at least eleven times.",
        "The Israeli ambassador to the EU told this website that talks would go on next week.",
    ]))
    assert quotes["the officers fired at least eleven times"].speaker == "Witnesses to the shooting"
    assert quotes["talks would go on next week"].speaker == "Israeli ambassador to the EU"
