"""Who said it, in the shapes the forty-fifth round of work was about (read on heldout44, the pages
that quote little): what someone told the police, when the small parser hangs it on the wrong word.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_what_someone_told_the_police_is_their_statement():
    quotes = extract_quotes([
        "Scott Peterson was arrested in April. Scott told police he had gone fishing the day his wife disappeared.",
    ])
    assert [(q.text, q.speaker, q.verb) for q in quotes] == [
        ("he had gone fishing the day his wife disappeared", "Scott Peterson", "told police")]


def test_an_order_given_to_someone_is_not_a_statement():
    assert extract_quotes(["The officer told him to leave the building and wait outside with the others."]) == []


# -- read on heldout45 (the Lee corpus's ABC stories), after its final run ---------------------------


def test_a_doctor_named_with_an_honorific_keeps_his_first_name():
    quotes = extract_quotes([
        "An Iraqi doctor held at Villawood Detention Centre was given a human rights award. Dr Aamer Sultan was "
        "not able to receive the honour in person. Dr Sultan says the management at Villawood stopped him from going."
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Aamer Sultan", "Sultan")]


def test_a_first_name_the_tagger_left_out_belongs_to_the_name():
    quotes = extract_quotes([
        "\u201cThis agreement was that Taliban should surrender Kandahar peacefully to the elders of these areas,\u201d "
        "former Taliban ambassador to Pakistan Abdul Salam Zaeef told CNN in a telephone interview."
    ])
    assert [q.speaker for q in quotes] == ["Abdul Salam Zaeef"]


def test_a_senior_official_of_a_body_is_the_officer_of_that_body_named_next():
    quotes = extract_quotes([
        "A senior Taliban official confirmed the Islamic militia would begin handing over Kandahar to tribal "
        "leaders on Friday. \u201cThis agreement was that Taliban should surrender Kandahar peacefully,\u201d former "
        "Taliban ambassador to Pakistan Abdul Salam Zaeef told CNN in a telephone interview."
    ])
    assert [q.speaker for q in quotes] == ["Abdul Salam Zaeef", "Abdul Salam Zaeef"]


def test_a_surname_spelled_one_letter_differently_is_the_same_man():
    quotes = extract_quotes([
        "Rafter Richard Romaszko was rescued from the Franklin River yesterday. Mr Romanszko says he went into "
        "survival mode when the rafts overturned."
    ])
    assert [q.speaker for q in quotes] == ["Richard Romaszko"]


def test_a_national_body_is_not_he():
    quotes = extract_quotes([
        "Soccer Australia chairman Ian Knop has welcomed the deal. Mr Knop also responded to a report that Soccer "
        "Australia is considering a levy on junior players. He says the board is committed to the junior system."
    ])
    assert [q.speaker for q in quotes][-1] == "Ian Knop"


def test_he_is_the_man_named_plainly_not_the_one_named_in_the_possessive():
    quotes = extract_quotes([
        "An Iraqi defector who has applied for residency in Australia claims he has information about weapons "
        "plants in Iraq. The man who calls himself Abu Mohammad told ABC Radio he worked for almost a decade as a "
        "chemical engineer on Saddam Hussein's military plants, before escaping to the west. He says he can provide "
        "documents on the manufacture of weapons. \u201cNew factories are built in place of old factories that were "
        "bombed,\u201d he said."
    ])
    assert [q.speaker for q in quotes][-1] == "Abu Mohammad"


# -- read on heldout46 (more ABC stories), after its final run -----------------------------------------


def test_she_is_who_she_was_before_when_the_only_name_since_is_inside_what_she_said():
    quotes = extract_quotes([
        "Elka Graham won the women's 300 metres freestyle. She says former champion Kieren Perkins was behind her "
        "victory. \u201cI swam with Kieren this morning and he gave me some awesome advice,\u201d she said."
    ])
    assert [q.speaker for q in quotes] == ["Elka Graham", "Elka Graham"]


def test_a_kings_regnal_number_is_part_of_his_name():
    quotes = extract_quotes([
        "Sweden's King Carl XVI Gustaf also referred to September 11 in his annual Christmas speech to the nation. "
        "\u201cThe need for community and friendship beyond borders is even greater,\u201d he said."
    ])
    assert [q.speaker for q in quotes] == ["Carl XVI Gustaf"]


def test_the_queen_alone_is_the_queen_quoted_before():
    quotes = extract_quotes([
        "The sombre mood was typified by Britain's Queen Elizabeth II, who said the year brought many people "
        "\u201cmore than their fair share of trials\u201d. The Queen also expressed her belief in the importance of "
        "faith at such times. \u201cIn these circumstances so many of us need our faith more than ever.\u201d"
    ])
    assert quotes[-1].text.startswith("In these circumstances")
    assert {q.speaker for q in quotes} == {"Elizabeth II"}


# -- read on heldout47 (more ABC stories), after its final run -----------------------------------------


def test_a_spokesman_for_a_minister_is_not_the_minister():
    quotes = extract_quotes([
        "A further eight buildings were set on fire overnight and a spokesman for Immigration Minister Philip "
        "Ruddock says damage from fires at the facility is now estimated at two million dollars."
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [
        ("spokesman", "a spokesman for Immigration Minister Philip Ruddock")]


def test_a_relative_clause_left_open_does_not_lend_the_verb_its_last_name():
    quotes = extract_quotes([
        "Leg spinner Stuart MacGill, who is in the squad in place of pace bowler Andy Bichel says he is not "
        "perturbed by reports of a clash with fellow spinner Shane Warne."
    ])
    assert [q.speaker for q in quotes] == ["Stuart MacGill"]


# -- read on heldout48 (more ABC stories), after its final run -----------------------------------------


def test_a_spokesman_named_after_a_comma_is_not_the_governor_he_speaks_for():
    quotes = extract_quotes([
        "A spokesman for provincial governor Gul Agha, Akbar Jan, says the man was arrested when he left his ward. "
        "\u201cOne Arab, believed to be a Yemeni, was taken into custody when he came out of his ward,\u201d Mr Jan said."
    ])
    assert [q.speaker for q in quotes] == ["Akbar Jan", "Akbar Jan"]


def test_a_spokesman_for_a_ministry_is_the_ministry_spokesman_named_next():
    quotes = extract_quotes([
        "A spokesman for Afghanistan's Defence Ministry claims Osama bin Laden has fled to Pakistan. Defence Ministry "
        "spokesman Mohamad Habeel says the Saudi-born dissident is in Pakistan."
    ])
    assert [q.speaker for q in quotes] == ["Mohamad Habeel", "Mohamad Habeel"]


def test_a_lord_mayor_is_the_person_named_next():
    quotes = extract_quotes([
        "Brisbane's Lord Mayor says the Governor-General's explanation raises more questions than it answers. "
        "Jim Soorley, who is a former Catholic priest, says the explanation does not wash."
    ])
    assert [q.speaker for q in quotes] == ["Jim Soorley", "Jim Soorley"]


def test_a_state_premier_is_the_premier_named_next():
    quotes = extract_quotes([
        "The Queensland Premier says he accepts full responsibility for a mentally ill killer being able to flee "
        "overseas. Claude John Gabriel stabbed to death a Gold Coast teenager in 1998. Premier Peter Beattie says "
        "the Queensland Government is seeking legal advice about whether it can force Gabriel to return."
    ])
    assert [q.speaker for q in quotes] == ["Peter Beattie", "Peter Beattie"]


# -- read on heldout50 (the last ABC stories), after its final run -------------------------------------


def test_skipper_before_a_surname_is_a_title_not_a_first_name():
    quotes = extract_quotes([
        "Ludde Ingvall, the skipper of Nicorette, says the split start could help the maxis next year. "
        "Skipper Ingvall says his start tactics are easy."
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Ludde Ingvall", "Ludde Ingvall"), ("Ludde Ingvall", "Ingvall")]
