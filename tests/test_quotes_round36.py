"""Who said it, in the shapes the thirty-sixth round of work was about: companies and agencies
under their fullest name (a stock listing in brackets, a short form, a name the tagger ran into
the word before), and outlets known by their initials.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_stock_listing_in_brackets_is_not_the_speaker():
    quotes = extract_quotes([
        "After weeks of speculation, Apple Inc. took the wraps off updated iTunes software on Tuesday.",
        "The Cupertino, Calif.-based company (NASDAQ: AAPL) said iTunes songs will now have three-tiered pricing.",
        "Hewlett-Packard Co. (NYSE: HPQ) said it will buy EDS.",
    ])
    assert [(q.text, q.speaker) for q in quotes] == [
        ("iTunes songs will now have three-tiered pricing", "Apple Inc"),
        ("it will buy EDS", "Hewlett-Packard Co"),
    ]
    assert quotes[0].mention == "The Cupertino, Calif.-based company"


def test_a_company_the_tagger_ran_into_the_name_before_the_comma_keeps_its_own_name():
    quotes = extract_quotes([
        "After weeks of speculation about what would be introduced at Macworld, Apple Inc. took the wraps off "
        "its new software.",
        "Apple claims that its new MacBook Pro is the thinnest and lightest notebook available.",
    ])
    assert [(q.text, q.speaker, q.mention) for q in quotes] == [
        ("its new MacBook Pro is the thinnest and lightest notebook available", "Apple Inc", "Apple")]


def test_short_forms_with_dots_hyphens_and_ampersands_are_the_organisation_named_in_full():
    quotes = extract_quotes([
        "The U.S. Geological Survey measured the quake.",
        "The quake struck at 7:30 a.m., according to the USGS.",
        "Hewlett-Packard Co. is buying EDS.",
        "H-P announced Tuesday that it will buy the outsourcing services company.",
        "Pacific Gas & Electric Co. cut power to 375,000 people.",
        "PG&E said it will closely monitor the weather.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [
        ("U.S. Geological Survey", "the USGS"),
        ("Hewlett-Packard Co", "H-P"),
        ("Pacific Gas & Electric Co", "PG&E"),
    ]


def test_a_police_force_is_named_by_its_department_where_the_article_gives_it():
    quotes = extract_quotes([
        "A man was arrested on Friday, the Bloomington Police Department announced.",
        "Bloomington Police say he drank so much his blood-alcohol level was 0.41.",
    ])
    assert [(q.text, q.speaker) for q in quotes][-1] == (
        "he drank so much his blood-alcohol level was 0.41", "Bloomington Police Department")


def test_outlets_known_by_initials_or_call_letters_give_accounts_not_statements():
    quotes = extract_quotes([
        "The NYDN says that LiLo eventually made it to Morningside Recovery in Newport Beach.",
        "While the first movie was a huge success, THR is saying that director Gary Ross is still in negotiations.",
        "According to THR, two major sticking points are salary and schedule.",
        "Reports of the offer varied, though WCVB - TV claims it was eight years and $184 million.",
        "SKY - TV reports that the three bank employees were burnt to death.",
    ])
    assert quotes == []



def test_a_surname_the_tokenizer_took_for_i_have_stays_a_name():
    quotes = extract_quotes(["Apple designer Jonathan Ive explained that Apple learned a lot when making the MacBook Air."])
    assert [(q.speaker, q.mention) for q in quotes] == [("Jonathan Ive", "Jonathan Ive")]


def test_rumours_and_tests_indicate_things_but_say_nothing():
    quotes = extract_quotes([
        "Rumors say the debut could be as early as Feb. 11.",
        "Apple tests indicate the new graphics are five times faster.",
    ])
    assert quotes == []


def test_a_headline_in_title_case_is_not_a_statement():
    quotes = extract_quotes([
        "T - Mobile US Confirms They Will Carry the BlackBerry Q10",
        "T - Mobile confirmed that they will carry the device.",
    ])
    assert [q.text for q in quotes] == ["they will carry the device"]


def test_a_statement_with_no_owner_is_the_organisation_that_was_just_speaking():
    quotes = extract_quotes([
        "Three undersea cables were damaged in the Mediterranean, France Telecom said.",
        '"The causes of the cut are not known," a statement said.',
    ])
    assert [(q.speaker, q.mention) for q in quotes][-1] == ("France Telecom", "a statement")


def test_it_after_a_statement_from_a_company_is_the_company():
    quotes = extract_quotes([
        "A statement from Waitrose said damage to the building had been extensive.",
        '"We have made available a distress fund for staff," it added.',
    ])
    assert [(q.speaker, q.mention) for q in quotes][-1] == ("Waitrose", "it")


def test_it_is_not_a_software_release_the_sentence_before_was_about():
    quotes = extract_quotes([
        'Microsoft has said that the flaw exists only in version 7, but that the "beta" release of version 8 is '
        'also vulnerable.',
        "It has estimated that one in every 500 Windows users has been exposed.",
    ])
    assert [(q.text, q.speaker) for q in quotes][-1] == ("one in every 500 Windows users has been exposed", "Microsoft")


def test_a_press_release_speaks_for_the_organisation_its_initials_name():
    quotes = extract_quotes([
        "Huber signed with All Elite Wrestling (AEW) this year.",
        '"Huber was exceptionally respected and loved in every way," reads an AEW press release.',
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("All Elite Wrestling", "an AEW press release")]


def test_a_one_word_name_after_a_role_is_the_person_even_where_the_tagger_saw_a_place():
    quotes = extract_quotes([
        "In a village in Bener Meriah district, one man was killed when a landslide engulfed a coffee plantation, "
        "said disaster agency official Fauzi.",
        '"A man was working at a coffee plantation," he said.',
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Fauzi", "Fauzi"), ("Fauzi", "he")]


def test_a_ship_is_no_one_a_pronoun_or_a_description_could_point_back_to():
    quotes = extract_quotes([
        "The Indian warship INS Sukanya foiled a piracy attempt. Sukanya successfully intercepted the remaining "
        "three skiffs.",
        '"The three boats had a total of 26 Somali crew on board," the officer said.',
        "He said that the naval boarding party also found ladders.",
    ])
    assert [q.speaker for q in quotes] == ["officer", "officer"]


def test_he_after_a_sentence_about_a_person_known_by_a_description_is_that_person():
    quotes = extract_quotes([
        "Apple marketing chief Phil Schiller announced the battery, and he said that it would last five years.",
        "However, one Mac customer from the show floor was sceptical of the claims.",
        '"Apple says five years, but for some it might only be two or three," he said.',
    ])
    assert [q.speaker for q in quotes] == ["Phil Schiller", "Mac customer"]


def test_state_media_estimates_and_imaging_report_facts_not_statements():
    quotes = extract_quotes([
        "State media said three strong aftershocks were felt.",
        "A 5.6 magnitude earthquake hit an island off Iran's southern coast on Sunday, Iranian media said.",
        "Initial estimates indicate the total repair time will be around twelve days.",
        "Satellite imaging suggests Aleppo contained 35,000 war-damaged structures at that time.",
    ])
    assert quotes == []


def test_told_a_judge_that_reports_the_clause_the_parser_hung_on_the_judge():
    quotes = extract_quotes([
        "Mark Jay Heller told a judge that Lohan was settling in at Morningside Recovery.",
        "Microsoft still recommends in its advisory that users apply the patch.",
    ])
    assert [(q.text, q.speaker, q.verb) for q in quotes] == [
        ("Lohan was settling in at Morningside Recovery", "Mark Jay Heller", "told a judge"),
        ("users apply the patch", "Microsoft", "recommends"),
    ]


def test_a_speech_verb_in_a_concessive_clause_reports_what_follows_it():
    quotes = extract_quotes(["Although LaRue insisted he was not Deep Throat, others disagreed."])
    assert [(q.text, q.speaker) for q in quotes] == [("he was not Deep Throat", "LaRue")]


def test_declining_one_thing_and_saying_another_is_a_statement():
    quotes = extract_quotes([
        "The Angels declined to make an offer during that time and said they would do so at an appropriate time.",
        "He declined to say whether the team would return.",
    ])
    assert [(q.text, q.speaker) for q in quotes] == [("they would do so at an appropriate time", "Angels")]


def test_he_after_a_sentence_that_introduces_one_man_and_has_no_one_as_its_subject_is_that_man():
    quotes = extract_quotes([
        "Actress Tara Reid has checked into rehab, her publicist, Jack Ketsoyan, confirmed.",
        "Ketsoyan did not say what Reid is being treated for.",
        "The move comes as a surprise to Reunion Pictures' Matthew O'Connor, who coproduced Reid last year on the "
        "made-for-TV horror flick Vipers.",
        '"Tara was 100 percent professional," he told E! News.',
    ])
    assert [(q.speaker, q.mention) for q in quotes][-1] == ("Matthew O'Connor", "he")


def test_he_after_a_sentence_with_its_own_subject_is_still_that_subject():
    quotes = extract_quotes([
        "Following a performance of their jam, Simmons teed up McDonald's cameo.",
        '"You might remember him from his band," he said.',
    ])
    assert [q.speaker for q in quotes] == ["Simmons"]
