"""Who passed it on, in the shapes the fifty-fifth round of work was about (read on heldout54, news of
2016-17 from eight outlets): an audience is no channel, a medium with no name names no outlet, and a
tagger's entity that swallows the verb is no outlet's name.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who passed it on?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_what_a_minister_told_mps_came_through_no_outlet():
    quotes = extract_quotes([
        "Theresa May told MPs she would come to the Commons later this month to update them. "
        "\"We remain on track with the timetable,\" Mrs May said."
    ])
    assert [q.via for q in quotes] == [None, None]


def test_a_public_tv_channel_with_no_name_is_no_relay():
    quotes = extract_quotes([
        "A spokesperson for the department told a public TV channel in Sacramento that the spillway "
        "was \"sound\" and would hold."
    ])
    assert quotes and all(q.via is None for q in quotes)


def test_a_relay_is_its_outlets_name_not_the_sentence_around_it():
    quotes = extract_quotes([
        "\"The court is under pressure,\" said Suleiman Shaheen, a lawyer for the villagers. \"The court "
        "realises that whatever its decision will be, it will be attacked.\" Shaheen told Al Jazeera that "
        "even if the law were to be overturned, it would only be a partial victory."
    ])
    assert quotes[-1].via == "Al Jazeera"


def test_two_countries_foreign_ministries_are_two_speakers():
    quotes = extract_quotes([
        "China's Foreign Ministry said the country was opposed to the launch. Russia's Foreign Ministry "
        "said the test showed a defiant disregard for the resolutions."
    ])
    assert [q.speaker for q in quotes] == ["China's Foreign Ministry", "Russia's Foreign Ministry"]


def test_a_surname_alone_takes_the_first_name_written_before_it_after_a_role():
    quotes = extract_quotes([
        "Romania's justice minister, Florin Iordache, resigned on Thursday. \"I have decided to offer my "
        "resignation,\" Iordache told reporters at a press conference."
    ])
    assert quotes[-1].speaker == "Florin Iordache"


def test_police_is_no_surname_of_the_forces_name():
    quotes = extract_quotes([
        "Surrey Police were called to the store at 6pm. Police said the fire had started in the roof."
    ])
    assert quotes and quotes[-1].speaker.lower() == "police"
