"""Who said it, in the shapes the sixtieth round of work is about (read on heldout59, news of 2016-17
from eight outlets): a reporter's name run into her outlet's by a flattened break, and a
newspaper's name run into a contributor's.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_reporters_name_run_into_her_outlets_is_hers():
    quotes = extract_quotes([
        "Turkey summoned the Dutch charge d'affaires on Sunday. \"The ministry is furious,\" Al Jazeera's-Sinem "
        "Koseoglu said, reporting from Istanbul."
    ])
    assert [q.speaker for q in quotes] == ["Sinem Koseoglu"]



def test_a_newspapers_name_run_into_a_contributors_is_not_hers():
    quotes = extract_quotes([
        "Contributors: Meryem Ilayda Atlas, journalist, Sabah Newspaper Ceren Sozeri, associate professor. "
        "Erdogan's remarks are nothing new, says Ceren Sozeri, associate professor at Galatasaray University. "
        "\"The papers are used to reporting it,\" she said."
    ])
    assert [q.speaker for q in quotes] == ["Ceren Sozeri", "Ceren Sozeri"]


def test_a_korean_given_name_split_at_its_hyphen_is_whole_and_the_kim_who_speaks_is_him():
    quotes = extract_quotes([
        "Kim In-ryong, North Korea's deputy UN ambassador, told reporters that \"this case is the product of "
        "reckless moves of the United States\". Kim Jong-nam was killed at Kuala Lumpur airport on February 13. "
        "Ambassador Kim said the cause of Kim Jong-nam's death \"has not yet been clearly identified\"."
    ])
    assert [q.speaker for q in quotes] == ["Kim In-ryong", "Kim In-ryong"]
    assert quotes[0].mention == "Kim In-ryong"


def test_the_speaker_of_a_parliament_is_the_person_named_with_that_title():
    quotes = extract_quotes([
        "MOSCOW, March 1. /TASS/. Russia won't be drawn into the arms race but will take sufficient measures to "
        "strengthen its own security, Speaker of the upper house of Russia's parliament Valentina Matviyenko said "
        "on Wednesday. The speaker thus commented on the news that the United States would boost its spending. "
        "\"We'll watch the developments closely,\" she said. The Russian Senate speaker also said it was "
        "unclear yet which items the United States wanted to fund."
    ])
    assert {q.speaker for q in quotes} == {"Valentina Matviyenko"}


def test_a_name_the_article_never_writes_in_part_is_not_cut_to_its_first_word():
    quotes = extract_quotes([
        "The idea came from a taskforce set up by Business in the Community, a charity. Business in the Community "
        "says two bins could make it easier. Recycle Now says: \"There can also be confusion about what can "
        "be recycled with bathroom products.\" The Recycle Now campaign points to its statistics."
    ])
    assert [q.speaker for q in quotes] == ["Business in the Community", "Recycle Now"]


def test_a_sentences_first_words_are_the_full_name_the_headline_writes():
    quotes = extract_quotes([
        "Romania's justice minister has resigned after huge protests. Florin Iordache's resignation on Thursday "
        "came as rallies continued. \"I have decided to offer my resignation,\" said Iordache, 56. He defended "
        "his record, saying he carried out \"all necessary actions to remedy a series of problems\"."
    ], title="Justice minister Florin Iordache resigns after protests")
    assert [q.speaker for q in quotes] == ["Florin Iordache", "Florin Iordache"]


def test_an_outlets_journalist_named_next_is_not_the_spokesman_before_him():
    quotes = extract_quotes([
        "A spokesman said the government wants talks to start soon but added that they \"fully appreciate it is "
        "right that the other states have time\". The BBC's Ben Wright said he expected the letter to be short."
    ])
    assert [q.speaker for q in quotes] == ["spokesman", "spokesman", "Ben Wright"]


def test_the_statement_goes_on_being_the_office_that_issued_it():
    quotes = extract_quotes([
        "Governor Doug Burgum signed an order last week. \"Warm temperatures have accelerated snowmelt in the "
        "area of the camp, and the river should be watched for ice jams later this week,\" the statement from "
        "Burgum's office read. \"The order also addresses the need to protect the Missouri River from the "
        "waste,\" the statement added."
    ])
    assert quotes[-1].speaker == "Burgum's office"


def test_a_name_in_a_linked_headline_is_not_who_he_is_after_it():
    quotes = extract_quotes([
        "US President Donald Trump has lashed out at Democrats over their demands for Jeff Sessions to resign. "
        "The Republican US president declared his \"total\" confidence in Sessions. OPINION: How Jeff Sessions "
        "should remind Americans of the past He defended Sessions again in a statement calling him an "
        "\"honest man\" and accusing Democrats of having \"lost their grip on reality\"."
    ])
    assert {q.speaker for q in quotes} == {"Donald Trump"}


def test_the_president_is_the_one_named_before_not_one_named_later():
    quotes = extract_quotes([
        "US President Donald Trump defended his attorney general on Thursday. Sessions \"did not say anything "
        "wrong,\" said the president. US intelligence chiefs say the effort was directed by President Vladimir "
        "Putin."
    ])
    assert quotes[0].speaker == "Donald Trump"


def test_a_countrys_top_diplomat_is_its_foreign_minister():
    quotes = extract_quotes([
        "Japanese Foreign Minister Fumio Kishida praised his Russian counterpart on Tuesday. \"Minister Lavrov "
        "has made a great career,\" Kishida said. The two met in Moscow. \"We have spoken with Minister Lavrov "
        "13 times,\" Japan's top diplomat said."
    ])
    assert [q.speaker for q in quotes] == ["Fumio Kishida", "Fumio Kishida"]
