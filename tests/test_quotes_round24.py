"""Who said it, in the shapes the twenty-fourth round of work was about.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_a_transcript_line_names_its_speaker_before_the_slash():
    quotes = _by_text(extract_quotes([
        "The district attorney says this does not hurt their case.",
        'David Soares/Albany County District Attorney: "The issues that are in play in the courtroom right now '
        'will bear themselves out."',
    ]))
    q = quotes["The issues that are in play in the courtroom right now will bear themselves out"]
    assert (q.speaker, q.mention) == ("David Soares", "David Soares")
    assert q.role == "Albany County District Attorney"


def test_a_joint_subject_of_a_body_and_others_speaks_together():
    quotes = _by_text(extract_quotes([
        "But Democrats and environmentalists have argued that the regulations overhauled long-standing policy.",
    ]))
    assert quotes["the regulations overhauled long-standing policy"].speaker == "Democrats and environmentalists"


def test_the_statement_released_in_the_sentence_before_speaks_for_its_issuer():
    quotes = _by_text(extract_quotes([
        "No one was injured.",
        "Governor Sarah Palin visited the church on Saturday and her office later released a statement.",
        '"Gov. Palin stopped by the church this morning, and she told an assistant pastor she was sorry."',
    ]))
    q = quotes["Gov. Palin stopped by the church this morning, and she told an assistant pastor she was sorry"]
    assert (q.speaker, q.mention) == ("Sarah Palin's office", "her office")


def test_a_report_speaks_for_the_body_named_in_front_of_it_and_only_then():
    quotes = _by_text(extract_quotes([
        "The NCAA report says O'Brien allegedly gave Radojevic the money through an assistant coach.",
        "A new study says the virus spreads like flu.",
    ]))
    q = quotes["O'Brien allegedly gave Radojevic the money through an assistant coach"]
    assert (q.speaker, q.mention) == ("NCAA", "The NCAA report")
    assert "the virus spreads like flu" not in quotes  # a finding of no one named


def test_she_said_with_no_subject_found_before_is_the_woman_quoted_last():
    quotes = _by_text(extract_quotes([
        "The cuts were to the Sea Me We 4 line, a France Telecom spokeswoman who asked not to be named said.",
        "France Telecom isn't sure what caused the cut, she said.",
    ]))
    q = quotes["France Telecom isn't sure what caused the cut"]
    assert (q.speaker, q.mention) == ("France Telecom spokeswoman", "she")


def test_a_spaced_opening_mark_runs_over_one_sentence_lines_to_its_close():
    quotes = _by_text(extract_quotes([
        "“ They didn ’ t have to kill him, ” Makaeo Williams, 18, said as police tracked alongside him.",
        "“ I ’ m feeling mad inside.",
        "I ’ m angry.",
        "That ’ s why I ’ m out here. ”",
        "Many in the community contest police allegations.",
    ]))
    q = quotes["I ’ m feeling mad inside.\n\nI ’ m angry.\n\nThat ’ s why I ’ m out here"]
    assert q.speaker == "Makaeo Williams"
    assert not any("Many in the community" in text for text in quotes)


def test_a_surname_of_several_words_is_the_person_named_in_full_before():
    from newsdesk.analyze.entities import ArticleEntities, nlp

    ents = ArticleEntities(nlp()(
        "Coach Jack Del Rio had already decided to go for two. They went 5-11 in Del Rio's first season. "
        "Yolanda Yu Hoi-kwan was arrested. Police said Yu Hoi-kwan had been released."))
    assert ents.find_person("Del Rio").name == "Jack Del Rio"
    assert ents.find_person("Yu Hoi-kwan").name == "Yolanda Yu Hoi-kwan"
    assert ents.find_person("Rio") is not None and ents.find_person("Bill Rio") is None


def test_a_surname_takes_the_one_first_name_written_before_it():
    quotes = _by_text(extract_quotes([
        "First, Keiwan Ratliff fooled David Garrard on a third down.",
        "Ratliff said he didn't know if Garrard saw him.",
        "Officials in South Sudan said the camp was bombed.",
        "Sudan said an unspecified number of rebels were killed.",
    ]))
    assert quotes["he didn't know if Garrard saw him"].speaker == "Keiwan Ratliff"
    assert quotes["an unspecified number of rebels were killed"].speaker == "Sudan"


def test_according_to_a_court_paper_is_its_statement_but_not_a_studys_finding():
    quotes = _by_text(extract_quotes([
        "According to the charges, police stopped LaSalle's vehicle, but LaSalle refused to get out.",
        "According to the study, the virus spreads like flu in most of the cases.",
    ]))
    q = quotes["police stopped LaSalle's vehicle, but LaSalle refused to get out"]
    assert (q.speaker, q.mention, q.verb) == ("charges", "the charges", "according to")
    assert not any("the virus spreads like flu" in text for text in quotes)


def test_a_clause_inside_the_speakers_phrase_is_not_part_of_the_mention():
    quotes = _by_text(extract_quotes([
        "Part of the court order that was not overturned declared that ballots would not be counted until April 13.",
    ]))
    assert quotes["ballots would not be counted until April 13"].mention == "Part of the court order"


def test_a_common_owner_capitalised_at_a_sentence_start_stays_in_the_description():
    quotes = _by_text(extract_quotes([
        "Ortiz, 35, was a 15-year member of the sheriff's department.",
        "Sheriff's officials said the second deputy was injured when he fell.",
    ]))
    assert quotes["the second deputy was injured when he fell"].speaker == "Sheriff's officials"


def test_a_title_in_marks_inside_a_reported_clause_keeps_the_clause():
    quotes = _by_text(extract_quotes([
        'Jack Ketsoyan said Friday that the "American Pie" star went to the Promises Treatment Center.',
        "Fairman says that when Hiller found a group of co-workers in a break room, she allowed one person to leave.",
        "He described how they moved the boxes out of the building.",
    ]))
    assert quotes['the "American Pie" star went to the Promises Treatment Center'].speaker == "Jack Ketsoyan"
    q = quotes["when Hiller found a group of co-workers in a break room, she allowed one person to leave"]
    assert q.speaker == "Fairman"
    assert not any(text.startswith("how they moved") for text in quotes)  # a topic, not a statement


def test_one_person_with_two_roles_is_named_by_both():
    quotes = _by_text(extract_quotes([
        '"I hope they get this sorted out quickly," said an Egyptian blogger and journalist.',
        "Cops and family said the woman had been drinking.",
        "Police and prosecutors said the man was arrested.",
    ]))
    q = quotes["I hope they get this sorted out quickly"]
    assert (q.speaker, q.mention) == ("Egyptian blogger and journalist", "an Egyptian blogger and journalist")
    assert quotes["the woman had been drinking"].speaker == "Cops and family"
    assert quotes["the man was arrested"].speaker == "Police and prosecutors"


def test_a_quote_alone_after_a_statement_released_is_the_issuers():
    quotes = _by_text(extract_quotes([
        "The city released a statement on Friday.",
        '"We are working on having the capacity restored during the course of the day."',
    ]))
    q = quotes["We are working on having the capacity restored during the course of the day"]
    assert (q.speaker, q.mention) == ("city", "The city")


def test_a_tokenised_possessive_leaves_no_stray_s_in_the_speaker():
    quotes = _by_text(extract_quotes([
        "Lindsay Lohan ’ s attorney said Thursday the actress checked into a California rehab facility.",
    ]))
    q = quotes["the actress checked into a California rehab facility"]
    assert (q.speaker, q.mention) == ("attorney", "Lindsay Lohan ’ s attorney")
