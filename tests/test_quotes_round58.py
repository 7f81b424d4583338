"""Who said it, in the shapes the fifty-eighth round of work was about (read on heldout57, news of
2016-17 from eight outlets): neither the place an envoy serves in nor a nationality written before
the name is part of the envoy's name; a byline run into the text is not part of the next speaker's
name; "St" in a police department's name is no title; an anonymous official is not the person
named after a later official's quote; what someone said does not name who says the next thing; an
Arab name shortened to its given name is that person; and a linked headline quotes no one here.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_an_ambassador_in_a_country_is_named_without_the_country():
    quotes = extract_quotes([
        "NICOSIA, February 7. /TASS/. Crisis and sanctions did not prevent operations of Russian banks in "
        "Cyprus, Russian ambassador in Cyprus Stanislav Osadchiy told TASS in an interview on Tuesday. "
        "\"RCB Bank is among them,\" Osadchiy said."
    ])
    assert [q.speaker for q in quotes] == ["Stanislav Osadchiy", "Stanislav Osadchiy"]


def test_a_nationality_written_before_a_name_is_not_part_of_it():
    quotes = extract_quotes([
        "Mongolia's Prime Minister Jargaltulga Erdenebat will pay a visit to Russia in the first half of "
        "2017, Mongolian Ambassador to Russian Banzragchin Delgermaa told TASS on Monday."
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Banzragchin Delgermaa", "TASS")]


def test_a_byline_run_into_the_text_is_not_the_speakers_name():
    quotes = extract_quotes([
        "The album was found in Hitler's bunker, said auctioneer Tim Harper. Author: Cristina Burack "
        "Harper said the photos show Hitler more \"natural, relaxed\" than his official portraits. "
        "\"The Russian soldier pried open her drawer and got the album from there,\" said Harper."
    ])
    assert [q.speaker for q in quotes] == ["Tim Harper"] * len(quotes) and len(quotes) >= 2


def test_saint_in_a_police_departments_name_is_not_a_title():
    quotes = extract_quotes([
        "In a statement on Facebook, the St Charles County Police Department said they were called to "
        "reports of an unresponsive man at 12:40 local time. \"Unfortunately, the 90-year-old man could not "
        "be revived,\" the statement continued."
    ])
    assert [q.speaker for q in quotes] == ["St Charles County Police Department"] * 2


def test_an_anonymous_official_is_not_the_spokesman_named_later():
    quotes = extract_quotes([
        "A senior White House official insisted that Walsh was \"not being fired.\" A source familiar with "
        "the inner workings of the White House called the move a \"tremendous loss.\" \"It was a very "
        "collective conversation,\" the White House official said. Two senior White House officials dismissed "
        "the notion. \"Reince is not next,\" said one senior White House official. Asked at Thursday's daily "
        "briefing if there would be more departures, White House press secretary Sean Spicer responded: \"No.\""
    ])
    first = next(q for q in quotes if q.text.startswith("not being fired"))
    assert first.speaker != "Sean Spicer"
    assert quotes[-1].speaker == "Sean Spicer"


def test_the_subject_of_a_reported_statement_is_not_the_next_speaker():
    quotes = extract_quotes([
        "Compared to other credit institutions, RCB Bank is highly liquid, the diplomat said. Russia's "
        "Promsvyazbank also has an office in Limassol, he added. Relations between Russia and Cyprus maintain "
        "positive dynamics, the ambassador said."
    ])
    assert "Promsvyazbank" not in [q.speaker for q in quotes]


def test_an_arab_name_shortened_to_the_given_name_is_that_person():
    quotes = extract_quotes([
        "The draft stops short of the inquiry sought by UN High Commissioner for Human Rights Zeid Ra'ad "
        "al-Hussein. The EU has long taken the lead on Myanmar. Zeid, in a renewed appeal on Wednesday, told "
        "the Council that the severe violations follow \"longstanding persecution\" of the Rohingya minority."
    ])
    assert {q.speaker for q in quotes} == {"Zeid Ra'ad al-Hussein"}


def test_a_linked_headline_left_in_the_text_is_not_a_quote():
    quotes = extract_quotes([
        "The draft stops short of an inquiry. READ MORE: Amnesty says Rohingya abuse may be crimes against "
        "humanity EU diplomats said on Tuesday that they preferred using an existing mechanism. Read more on "
        "RB Leipzig here: RB Leipzig's rapid rise 'no fairytale' Andreas Bischof, whose blog in Leipzig pokes "
        "fun at the new club, goes further. \"This club is like an outlet of a company,\" he says."
    ])
    assert not any(q.text.startswith(("Rohingya abuse", "no fairytale")) for q in quotes)
    assert [q.speaker for q in quotes if q.text.startswith("This club")] == ["Andreas Bischof"]
