"""Who said it, in the shapes the sixty-first round of work is about (read on heldout60, news of 2016-17
from eight outlets): paragraph breaks the source flattened into "-" ("said.- Tygart", "Amal
Bentounsi-told the crowd", "Minister for Housing-Simon Coveney"), a surname with its particle
capitalised, a short name in capitals, and "the President" in a story that never gives the title.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_flattened_break_after_said_ends_the_sentence_and_he_is_the_next_subject():
    quotes = extract_quotes([
        "The IOC's medical director, Richard Budgett, said the movement was already taking action. \"The IOC is "
        "removing the fox from the hen house,\" Budgett said.- Travis Tygart, though, was not convinced. "
        "\"It would be great if it were true,\" he said."
    ])
    assert [q.speaker for q in quotes] == ["Richard Budgett", "Richard Budgett", "Travis Tygart"]


def test_a_verb_run_into_a_name_by_a_flattened_break_is_not_part_of_it():
    quotes = extract_quotes([
        "Thousands marched in Paris on Saturday. Co-organiser Amal Bentounsi-told the crowd, \"We would like for "
        "justice to be served.\""
    ])
    assert [q.speaker for q in quotes] == ["Amal Bentounsi"]


def test_a_role_run_into_a_name_by_a_hyphen_is_the_role():
    quotes = extract_quotes([
        "Mr Reilly said he is very pleased that the Taoiseach is going to be afforded the time. Meanwhile, "
        "Minister for Housing-Simon Coveney has said he does not believe the Taoiseach's position on standing down "
        "has changed, following Mr Kenny's comments in New York on Friday. \"It is a matter for the Taoiseach,\" "
        "Mr Coveney said."
    ])
    assert [q.speaker for q in quotes] == ["Reilly", "Simon Coveney", "Simon Coveney"]
    assert quotes[1].role == "Minister for Housing"


def test_an_adverb_after_the_subject_is_not_part_of_its_name():
    quotes = extract_quotes([
        "Israel's parliament passed the bill on Monday. The state department later said: \"The Trump "
        "administration will withhold comment on the legislation until the relevant court ruling.\""
    ])
    assert [q.speaker for q in quotes] == ["state department"]


def test_a_surname_with_its_particle_capitalised_is_the_full_name_written_lower():
    quotes = extract_quotes([
        "The Regional Trial Court ordered the arrest of Leila de Lima,-an opposition senator and Duterte critic, "
        "over illegal drug charges. De Lima, a vocal opponent of the president, has denied the charges, calling "
        "herself a \"political prisoner\". In a press conference on Thursday, de Lima said that she will await "
        "her arrest at the Senate."
    ])
    assert {q.speaker for q in quotes} == {"Leila de Lima"}


def test_a_part_in_the_story_written_like_a_title_after_a_flattened_break_is_no_name():
    quotes = extract_quotes([
        "\"I think the old manual system was better. I would bring it back,\" said Muza.- Farmer Elizabeth Antonio "
        "said their concerns were not only about the delays at the auction floor."
    ])
    assert [q.speaker for q in quotes] == ["Muza", "Elizabeth Antonio"]


def test_a_short_name_in_capitals_is_the_name_it_stands_for():
    quotes = extract_quotes([
        "The drones will add reconnaissance capability to US Forces Korea and its partners. \"The stationing of "
        "this company directly supports the Army's strategic plan,\" USFK said in a news release."
    ])
    assert [q.speaker for q in quotes] == ["US Forces Korea"]


def test_a_description_in_the_singular_is_the_organisation_named_in_the_plural():
    quotes = extract_quotes([
        "Car dealers face a slowdown, according to a survey by the China Automobile Dealers Association. "
        "Sales fell in February. The dealer association said inventories were rising across the country."
    ])
    assert quotes[-1].speaker == "China Automobile Dealers Association"


def test_the_president_is_the_person_the_story_is_about_when_no_one_is_given_the_title():
    quotes = extract_quotes([
        "Donald Trump held a press conference on Thursday. Trump said the travel ban was legal. \"We had a bad "
        "court,\" Trump said. Trump also attacked the media. But the President also said a new executive order "
        "would be tailored to the court's ruling. Michael Flynn resigned on Monday."
    ])
    assert quotes[-1].speaker == "Donald Trump"


def test_a_person_the_speaker_backs_is_not_the_speaker():
    quotes = extract_quotes([
        "Turkish-backed rebels entered the town on Thursday. But an official in a military alliance backing Syrian "
        "President Bashar al-Assad said the city was being left to Turkish control."
    ])
    assert quotes[0].speaker != "Bashar al-Assad"
    assert quotes[0].speaker.startswith("official")


def test_he_who_says_he_is_somewhere_is_the_one_saying_it():
    quotes = extract_quotes([
        "Syrian President Bashar al-Assad has not commented. A Syrian rebel fighter reached by Reuters said he was "
        "speaking from inside al-Bab where ISIL lines were \"collapsing\". \"Praise God, the progress is fast,\" "
        "he said."
    ])
    marked = [q for q in quotes if q.kind != "reported"]
    assert [q.speaker for q in marked] == ["Syrian rebel fighter", "Syrian rebel fighter"]


def test_a_place_before_he_said_is_what_he_talks_about():
    quotes = extract_quotes([
        "Mick Mulvaney, the budget director, spoke in Dublin on Monday. He said the US would compete \"fairly and on "
        "a level playing field\".- Ireland, he said, had done a \"tremendous job\" in creating an environment for "
        "business."
    ])
    assert {q.speaker for q in quotes} == {"Mick Mulvaney"}


def test_the_name_after_said_between_commas_is_the_speaker():
    quotes = extract_quotes([
        "Justin Trudeau addressed the European Parliament.- Both Canada and the EU, said Mr Trudeau, needed to "
        "ensure that their agreement worked for people."
    ])
    assert [q.speaker for q in quotes] == ["Justin Trudeau"]


def test_he_after_a_passive_is_who_did_it():
    quotes = extract_quotes([
        "Mr Kenny said immigration is the main focus of his trip. The event was also addressed by Senator George "
        "Mitchell, the man credited with mediating the Good Friday agreement. He used his speech to highlight the "
        "need for change. \"Every rational American knows that we cannot return to the days of open "
        "immigration,\" he said."
    ])
    assert quotes[-1].speaker == "George Mitchell"


def test_a_comma_and_a_flattened_break_before_said_leave_said_a_verb():
    quotes = extract_quotes([
        "In a statement to the Senate committee, General Curtis Scaparrotti,-NATO's Supreme Allied Commander,-said "
        "Moscow was \"perhaps\" supplying the Taliban."
    ])
    assert {q.speaker for q in quotes} == {"Curtis Scaparrotti"}


def test_a_short_name_is_the_longer_one_the_article_writes_it_in():
    quotes = extract_quotes([
        "Dublin Airport was the fastest-growing major airport in Europe last year, according to ACI Europe, the "
        "trade association. Today's figures from ACI Europe show that London Heathrow remained the busiest. "
        "ACI said the traffic growth across Europe was \"a remarkable performance\"."
    ])
    assert quotes[-1].speaker == "ACI Europe"
