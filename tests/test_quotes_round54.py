"""Who said it and through whom, in the shapes the fifty-fourth round of work was about (read on
heldout53, news of 2016-17 from nine outlets): an outlet the tagger takes for a person, an
outlet's name written with its medium, a paragraph break flattened into the text, and a long
lede whose speaker comes last.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said it, and who passed it on?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_al_jazeera_told_is_the_relay_in_full_not_al():
    quotes = extract_quotes([
        "Local residents told Al Jazeera that the death toll was higher than officials said. "
        "\"The jets arrived at around 3am on Friday and started bombing,\" Mullah Fazal Ahmed, "
        "a local elder, told Al Jazeera.- \"Six others in my family were wounded,\" Ahmed said."
    ])
    assert [q.via for q in quotes] == ["Al Jazeera", "Al Jazeera", "Al Jazeera"]


def test_the_pages_credit_line_is_not_the_outlets_name():
    quotes = extract_quotes([
        "\"The executive order is not going to bring back coal jobs,\" Christy Goldfuss told Al Jazeera. "
        "\"The market is just not demanding coal,\" she said.",
        "Source:-Al Jazeera",
    ])
    assert [q.via for q in quotes] == ["Al Jazeera", "Al Jazeera"]


def test_an_agency_whose_name_ends_in_news_agency_keeps_it():
    quotes = extract_quotes([
        "The North will \"mercilessly foil the nuclear war racket of the aggressors\", an unidentified "
        "spokesman for the army was quoted as saying by the official Korean Central News Agency."
    ])
    assert quotes[0].via == "Korean Central News Agency"


def test_a_channel_or_radio_after_the_name_is_not_part_of_the_outlet():
    quotes = extract_quotes([
        "\"Mutual trust has been lost,\" Alexander Grushko said in an interview with the Rossiya-24 "
        "television channel. \"He was not a terrorist,\" the father told Europe 1 radio."
    ])
    assert [q.via for q in quotes] == ["Rossiya-24", "Europe 1"]


def test_a_long_lede_names_its_speaker_and_relay_at_the_end():
    quotes = extract_quotes([
        "MOSCOW, February 7. /TASS/. Russia's nuclear power corporation Rosatom was commissioned to create "
        "ammunition for Russia's new heavy tracked platform-based tank Armata, the CEO of the tank's designer "
        "and manufacturer Uralvagonzavod, Oleg Siyenko, has told TASS. \"We are in the process of test runs "
        "in the field and firing practice,\" Siyenko said."
    ])
    lede = quotes[0]
    assert lede.kind == "reported" and lede.text.startswith("Russia's nuclear power corporation Rosatom")
    assert lede.text.endswith("tank Armata")
    assert (lede.speaker, lede.via) == ("Oleg Siyenko", "TASS")
    assert (quotes[1].speaker, quotes[1].via) == ("Oleg Siyenko", "TASS")  # the same interview


def test_a_trailing_name_after_a_description_is_the_speaker():
    quotes = extract_quotes([
        "The Russian cities of St. Petersburg, Moscow and Kazan expressed their interest in submitting bids "
        "for hosting the 2023 Basketball World Championship, Andrei Kirilenko, the president of the Russian "
        "Basketball Federation, told TASS on Thursday."
    ])
    assert len(quotes) == 1
    assert (quotes[0].speaker, quotes[0].via) == ("Andrei Kirilenko", "TASS")


def test_points_added_in_a_match_report_are_not_a_statement():
    quotes = extract_quotes([
        "Creighton improved to 25-7 after a late run, Seth VanDeest led Drake with 13 points, "
        "while Richard Carter added 12 for the Bulldogs."
    ])
    assert quotes == []


def test_an_ambassador_named_last_in_a_long_lede_and_then_by_surname():
    quotes = extract_quotes([
        "OSLO, March 19. /TASS/. Oslo should understand that its possible move to join the NATO European "
        "missile shield will not be left unanswered by its neighbor Russia, Russian Ambassador to Norway "
        "Teimuraz Ramishvili said in an interview with Norway's state-run NRK TV channel. \"Norway has to "
        "understand that it will have to face head-on the consequences,\" Ramishvili said."
    ])
    assert [q.speaker for q in quotes] == ["Teimuraz Ramishvili", "Teimuraz Ramishvili"]
    assert quotes[0].via == "NRK TV"


def test_irish_titles_are_not_part_of_the_name():
    quotes = extract_quotes([
        "Taoiseach Enda Kenny said the visit had gone well. Garda Keith Harrison said he welcomed the inquiry."
    ])
    assert [q.speaker for q in quotes] == ["Enda Kenny", "Keith Harrison"]


def test_a_clause_after_which_critics_have_said_is_not_a_lede():
    quotes = extract_quotes([
        "During his eulogy, Obama took a veiled shot at Trump for his attacks on mail-in voting, which "
        "critics, like Obama, have said amounted to voter suppression."
    ])
    assert all(q.speaker != "Barack Obama" and not q.text.startswith("During his eulogy") for q in quotes)


def test_the_state_and_party_of_the_lawmaker_just_quoted_is_that_lawmaker():
    quotes = extract_quotes([
        "House Oversight Chairman Jason Chaffetz told CNN's Wolf Blitzer on Friday that the intruder even "
        "managed to rattle a door handle.",
        "\"That's why we spend billions of dollars on fences and video surveillance,\" the Utah Republican said.",
    ])
    assert [q.speaker for q in quotes] == ["Jason Chaffetz", "Jason Chaffetz"]
