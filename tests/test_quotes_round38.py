"""Who said it, in the shapes the thirty-eighth round of work was about: a company and its products,
and a statement of a group.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_company_is_not_named_after_its_product():
    quotes = extract_quotes([
        "Apple TV sales grew last year, and Apple unveiled a new notebook on Tuesday.",
        "Because of the extended lifespan of the battery, Apple says the MacBook is more environmentally friendly.",
        "Users can get the patch from Microsoft Update.",
        "Microsoft said the update is for all supported versions of Internet Explorer.",
    ])
    assert [q.speaker for q in quotes] == ["Apple", "Microsoft"]


def test_a_statement_of_a_group_of_people_speaks_for_them():
    quotes = extract_quotes(["A statement of the event organisers said on Wednesday that Ashgabat hosts a seminar."])
    assert [(q.speaker, q.mention) for q in quotes] == [("event organisers", "A statement")]


def test_our_correspondent_is_the_outlets_one_journalist_the_article_names():
    quotes = extract_quotes([
        "The gang has been linked to robberies across Europe, says the BBC's Christian Fraser in Paris.",
        "Inevitably, the finger will again be pointed at the Pink Panthers, our correspondent says.",
    ])
    assert [(q.speaker, q.mention) for q in quotes][-1] == ("Christian Fraser", "our correspondent")


def test_he_after_the_official_who_was_named_is_that_person():
    quotes = extract_quotes([
        "Five people had so far been confirmed dead in the quake, Fauzi, an official from the local disaster "
        "agency, told AFP late Tuesday.",
        "In Suka Makmur village a landslide engulfed a coffee plantation, killing one man, said the official who "
        "uses one name.",
        '"A man was working at a coffee plantation with his wife when a landslide struck," he said.',
    ])
    assert [q.speaker for q in quotes] == ["Fauzi", "Fauzi", "Fauzi"]


def test_a_police_force_the_tagger_took_for_a_person_is_no_one_he_or_police_could_be():
    quotes = extract_quotes([
        "Around 60 people spent the evening at a local day care centre after being evacuated from their homes.",
        "Police said they wanted to thank residents and local businesses for their patience.",
        "Anyone with any information about the fire is asked to contact Surrey Police on 0845 125 2222.",
    ])
    assert [(q.speaker.lower(), q.mention) for q in quotes] == [("police", "Police")]


def test_the_governor_of_a_state_is_the_one_person_the_article_gives_that_title():
    quotes = extract_quotes([
        "Gov. Sarah Palin's home church was badly damaged by arson.",
        'The Governor of Alaska has said the fire was "deeply saddening" to her family.',
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Sarah Palin", "Governor of Alaska")]


def test_the_mayor_of_a_town_is_not_the_town():
    quotes = extract_quotes([
        "At least 45 were aboard. The occupants were going to a dance competition, according to the mayor of "
        "Yartsevo."])
    assert [q.speaker.split()[0] for q in quotes] == ["mayor"]  # a mayor, not the town
