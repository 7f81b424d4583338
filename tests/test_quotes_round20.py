"""Who said it, in the shapes the twentieth round of work was about.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_and_that_opens_a_second_statement():
    quotes = _by_text(extract_quotes([
        "The company said it was sending a ship to fix the lines but that it would not arrive until Monday.",
        "Microsoft said hackers are exploiting a flaw in Internet Explorer, and that its engineers are working "
        "on an update to plug the hole.",
    ]))
    assert quotes["it was sending a ship to fix the lines"].speaker == "company"
    assert quotes["it would not arrive until Monday"].speaker == "company"
    assert quotes["hackers are exploiting a flaw in Internet Explorer"].speaker == "Microsoft"
    assert quotes["its engineers are working on an update to plug the hole"].speaker == "Microsoft"


def test_an_attribution_between_two_statements_belongs_to_neither():
    quotes = _by_text(extract_quotes([
        "Indian sailors boarded the Salahaddin, the military said, and the 23 suspects surrendered peacefully.",
        "Police said the man was arrested on Friday and charged with murder.",
    ]))
    assert quotes["Indian sailors boarded the Salahaddin"].mention == "the military"
    assert quotes["the 23 suspects surrendered peacefully"].mention == "the military"
    assert not any("the military said" in text for text in quotes)
    # one statement with two verbs stays one
    assert quotes["the man was arrested on Friday and charged with murder"].speaker == "Police"


def test_according_to_inside_a_sentence_attributes_the_whole_sentence():
    quotes = _by_text(extract_quotes([
        "Bob Woodward met Felt in 1970.",
        "Nixon, according to Woodward, had suspected Felt of being the confidential source.",
        "The photo, according to FLDS detractors depicts an abusive underage marriage, while supporters claim it "
        "is just a record of a symbolic kiss.",
        "His family's announcement of his death specified no cause, but, according to his agent, Hunter had "
        "undergone surgery recently.",
    ]))
    assert quotes["Nixon, according to Woodward, had suspected Felt of being the confidential source"].speaker \
        == "Bob Woodward"
    assert quotes["The photo, according to FLDS detractors depicts an abusive underage marriage"].speaker \
        == "FLDS detractors"
    assert quotes["it is just a record of a symbolic kiss"].speaker == "supporters"
    assert quotes["Hunter had undergone surgery recently"].mention == "his agent"


def test_a_magazines_account_inside_a_sentence_is_no_statement():
    quotes = extract_quotes([
        "Thunberg then led, according to Time, the largest climate change demonstration ever held.",
        "Rescuers, working in temperatures well below freezing, according to the British Transport Police, found "
        "the man on the tracks.",
    ])
    assert [q.speaker for q in quotes] == ["British Transport Police"]


def test_according_to_police_is_the_polices_account_of_a_named_mans_deed():
    quotes = _by_text(extract_quotes([
        "According to police, Anthony LaSalle, 36, of Minneapolis, hit and killed a woman in the parking lot "
        "Wednesday night.",
        "According to the U.S. embassy in Beijing, the infected man died on February 6; Chinese authorities "
        "referred to him as \"Chinese-American.\"",
        "According to a court clerk, arguments in the case would be scheduled as soon as the week of October 21.",
    ]))
    lasalle = next(q for text, q in quotes.items() if "hit and killed a woman" in text)
    assert lasalle.speaker == "police" and lasalle.text.startswith("Anthony LaSalle")
    assert quotes["the infected man died on February 6"].speaker == "U.S. embassy"
    assert quotes["arguments in the case would be scheduled as soon as the week of October 21"].mention \
        == "a court clerk"


def test_a_document_is_the_mention_and_its_issuer_the_speaker():
    quotes = _by_text(extract_quotes([
        "Gordon Advisors issued a statement Tuesday expressing condolences to the families of the victims.",
        "\"We are especially devastated by the death of Madeline Kafoury,\" the statement said.",
        "LaCalamita is married, but his wife, Michele, released a statement saying they had been separated for "
        "about three weeks.",
        "\"The airline transports weapons and fighters across the Middle East,\" according to a tweet on Monday by "
        "US Secretary of State Mike Pompeo.",
    ]))
    devastated = quotes["We are especially devastated by the death of Madeline Kafoury"]
    assert (devastated.speaker, devastated.mention) == ("Gordon Advisors", "the statement")
    assert quotes["they had been separated for about three weeks"].mention == "Michele"  # named at the quote
    airline = quotes["The airline transports weapons and fighters across the Middle East"]
    assert (airline.speaker, airline.mention) == ("Mike Pompeo", "a tweet")


def test_descriptions_stay_whole_in_the_mention():
    quotes = _by_text(extract_quotes([
        "Ratliff, a former University of Florida standout, said he didn't know if Garrard saw him.",
        "Then a co - worker yelled, \"Come on, you got to leave now!\"",
    ]))
    assert quotes["he didn't know if Garrard saw him"].mention == "Ratliff"
    assert quotes["Come on, you got to leave now!"].mention == "a co - worker"


def test_the_statement_before_a_marked_phrase_is_reported_the_marked_words_direct():
    quotes = _by_text(extract_quotes([
        "Microsoft has said that the flaw has been proven to exist only in version 7 of Internet Explorer, but "
        "that version 6 and the \"beta\" release of version 8 are also \"potentially vulnerable\".",
        "AMD representatives said they believed the fabric was a major innovation in data center technology, "
        "characterizing the platform as a \"new server building block\".",
        "Fourteen-year-old Zoe said the roof fell in and \"everyone started screaming\".",
        "Stephen Schwarzman said the president should accept the election outcome and \"move on\".",
    ]))
    assert quotes["the flaw has been proven to exist only in version 7 of Internet Explorer"].speaker == "Microsoft"
    assert quotes["potentially vulnerable"].kind == "partial"
    assert quotes["they believed the fabric was a major innovation in data center technology"].speaker == \
        "AMD representatives"
    assert quotes["new server building block"].kind == "partial"
    assert quotes["the roof fell in"].speaker == "Zoe"
    assert quotes["everyone started screaming"].kind == "partial"
    # a verb phrase with no subject of its own is the same statement: only the marked words are quoted
    assert "the president should accept the election outcome" not in quotes
    assert quotes["move on"].speaker == "Stephen Schwarzman"


def test_she_said_with_no_one_named_before_still_marks_whose_words_they_are():
    quotes = _by_text(extract_quotes([
        "France Telecom isn't sure what caused the cut.",
        "\"We have two assumptions. The first is that it could be an underwater earthquake,\" she said.",
        "\"Or it could be simply a ship in the area which has cut the cable.\"",
    ]))
    first = quotes["We have two assumptions. The first is that it could be an underwater earthquake"]
    assert (first.speaker, first.mention) == (None, "she")
    assert quotes["Or it could be simply a ship in the area which has cut the cable"].mention == "she"


def test_she_also_said_with_no_one_named_before_is_still_a_statement():
    quotes = _by_text(extract_quotes([
        "The criminal charges were filed Tuesday in Creston.",
        "She also said FLDS bishop Jim Oler was also arrested.",
    ]))
    oler = quotes["FLDS bishop Jim Oler was also arrested"]
    assert (oler.speaker, oler.mention) == (None, "She")


def test_a_denial_is_not_reported_as_what_was_said():
    quotes = _by_text(extract_quotes([
        "Mr. LaRue denied that he was Deep Throat, the source who guided the reporters.",
        "Sudan's armed forces denied they carried out the strike on the camp.",
        "Mr. LaRue said he believed the secret informer was an amalgam of several people.",
    ]))
    assert not any("he was Deep Throat" in text or "they carried out the strike" in text for text in quotes)
    assert quotes["he believed the secret informer was an amalgam of several people"].speaker == "LaRue"


def test_the_company_is_the_company_the_story_is_about():
    quotes = _by_text(extract_quotes([
        "Microsoft on Monday released a temporary fix for a flaw in Internet Explorer.",
        "The flaw affects all supported versions of the browser.",
        "Security researchers have seen attacks in Japan and Taiwan.",
        "Users of older versions should upgrade, researchers at Rapid7 advised.",
        "\"We are actively working with partners to monitor the threat landscape,\" the company said.",
    ]))
    assert quotes["We are actively working with partners to monitor the threat landscape"].speaker == "Microsoft"


def test_dean_before_a_surname_is_a_first_name():
    quotes = _by_text(extract_quotes([
        "Dean McCarron, principal analyst at Mercury Research, said the deal made sense for AMD.",
        "\"It's a good fit,\" McCarron said.",
        "Law school Dean Martha Minow said the school would reopen in the spring.",
    ]))
    assert quotes["It's a good fit"].speaker == "Dean McCarron"
    assert quotes["the school would reopen in the spring"].speaker == "Martha Minow"


def test_mr_surname_is_the_man_of_that_name_and_his_fullest_name_is_spelled_out():
    quotes = _by_text(extract_quotes([
        "Frederick C. LaRue, a Nixon aide, died Saturday.",
        "Frederick Cheney LaRue was born Oct. 11, 1928, in Athens, Tex.",
        "He is survived by his daughter-in-law, Grace Burleson LaRue of Jackson.",
        "In the interview, Mr. LaRue said the healthy regimen of his months in prison added 10 years to his life.",
    ]))
    assert quotes["the healthy regimen of his months in prison added 10 years to his life"].speaker == \
        "Frederick Cheney LaRue"


def test_the_surname_stays_with_the_one_the_story_is_about_after_a_relative_is_named():
    quotes = _by_text(extract_quotes([
        "Tyler Hansbrough became the leading scorer in ACC history on Thursday.",
        "North Carolina beat Evansville 91-73.",
        "\"He kind of off-balance, he banks it in with his soft hands,\" said Gene Hansbrough, his father.",
        "\"I wanted it on a 3,\" Hansbrough said.",
    ]))
    assert quotes["I wanted it on a 3"].speaker == "Tyler Hansbrough"


def test_according_to_a_place_and_title_before_a_name_is_the_person():
    quotes = _by_text(extract_quotes([
        "According to Connecticut Senator Richard Blumenthal, the involved airplane is one of eighteen B-17s still "
        "flying in the United States.",
        "Al - Sawarmi Khalid, spokesman for Sudan's armed forces, said Sudan had not bombed anywhere in South "
        "Sudan's territory.",
    ]))
    b17 = quotes["the involved airplane is one of eighteen B-17s still flying in the United States"]
    assert b17.speaker == "Richard Blumenthal"
    assert quotes["Sudan had not bombed anywhere in South Sudan's territory"].mention == "Al - Sawarmi Khalid"


def test_a_body_of_people_with_others_beside_it_speaks_together():
    quotes = _by_text(extract_quotes([
        "A refugee camp in South Sudan's Unity state was bombed Thursday, South Sudan officials and witnesses "
        "said.",
        "The New Bedford man arrested last night killed his mother and ex-girlfriend, according to police and "
        "prosecutors.",
    ]))
    camp = quotes["A refugee camp in South Sudan's Unity state was bombed Thursday"]
    assert (camp.speaker, camp.mention) == ("South Sudan officials and witnesses",) * 2
    assert quotes["The New Bedford man arrested last night killed his mother and ex-girlfriend"].speaker == \
        "police and prosecutors"


def test_a_person_with_his_colleagues_speaks_with_them():
    quotes = _by_text(extract_quotes([
        "Interior Secretary Dirk Kempthorne acknowledged internal debate over the changes, but he and other "
        "administration officials said they tweaked the rule in response to public comments.",
    ]))
    rule = quotes["they tweaked the rule in response to public comments"]
    assert (rule.speaker, rule.mention) == ("Dirk Kempthorne and other administration officials",
                                            "he and other administration officials")


def test_a_clause_whose_subject_the_parser_took_for_an_object_is_still_reported():
    quotes = _by_text(extract_quotes([
        "The researchers suggested the algae, like warming temperatures, might render the corals' chemical "
        "defenses less effective.",
        "He told reporters to leave the building.",
    ]))
    assert quotes["the algae, like warming temperatures, might render the corals' chemical defenses less "
                  "effective"].mention == "The researchers"
    assert len(quotes) == 1  # an order to leave is no statement


def test_the_speaker_just_before_a_closing_said_is_the_subject_not_the_clauses_last_noun():
    quotes = _by_text(extract_quotes([
        "The cuts were to the Sea Me We 4 and Sea Me We 3 lines, which connect Europe to Asia, a France Telecom "
        "spokeswoman who asked not to be named said.",
    ]))
    cuts = next(q for text, q in quotes.items() if text.startswith("The cuts were"))
    assert cuts.mention == "a France Telecom spokeswoman"


def test_two_apostrophes_and_tokenised_single_marks_open_quotes():
    quotes = _by_text(extract_quotes([
        "''Would we have done it without him?\" Colts interim coach Bruce Arians asked.",
        "‘ Tonight was a peaceful vigil that devolved into a riot, ’ he wrote.",
        "A woman said the officers yelled back: ‘ Stay down, or we ’ ll shoot you again. ’",
    ]))
    assert quotes["Would we have done it without him?"].speaker == "Bruce Arians"
    assert quotes["Tonight was a peaceful vigil that devolved into a riot"].mention == "he"
    assert quotes["Stay down, or we ’ ll shoot you again"].speaker == "officers"  # "we ’ ll" does not close it


def test_a_speech_argues_for_its_speaker_and_a_report_keeps_its_clause():
    quotes = _by_text(extract_quotes([
        "Warren Jeffs delivered a 55-minute speech arguing that the raid on the church was illegal and that "
        "charges brought upon him were unwarranted.",
        "In a new study released on Monday, scientists report spiky skulls evolved at least 25 separate times in "
        "different kinds of frogs.",
        "Police reported cars parked on the street.",
    ]))
    assert quotes["the raid on the church was illegal"].speaker == "Warren Jeffs"
    assert quotes["charges brought upon him were unwarranted"].speaker == "Warren Jeffs"
    assert quotes["spiky skulls evolved at least 25 separate times in different kinds of frogs"].speaker == \
        "scientists"
    assert not any("cars parked" in text for text in quotes)  # a participle is no clause


def test_a_body_named_in_full_before_its_short_name_speaks_where_a_newsroom_would_only_report():
    quotes = _by_text(extract_quotes([
        "The Philippine Institute of Volcanology and Seismology (Phivolcs) monitors quakes.",
        "Phivolcs reported the earthquake's magnitude was 5.5.",
        "Rappler reported the quake was felt in Manila.",
    ]))
    assert quotes["the earthquake's magnitude was 5.5"].speaker == "Philippine Institute of Volcanology and Seismology"
    assert "the quake was felt in Manila" not in quotes  # a newsroom's own report is no one's statement


def test_a_coroner_is_a_title_before_a_name():
    quotes = _by_text(extract_quotes([
        "His body was discovered Tuesday by a maid, Coroner Gary Hargrove said.",
        "The coroner said he believes LaRue died Saturday of natural causes.",
    ]))
    assert quotes["His body was discovered Tuesday by a maid"].speaker == "Gary Hargrove"
    assert quotes["he believes LaRue died Saturday of natural causes"].speaker == "Gary Hargrove"


def test_charged_that_is_a_statement_charged_with_is_not():
    quotes = _by_text(extract_quotes([
        "Authorities charged it was a brazen act to avoid the law.",
        "Police charged him with murder on Friday.",
    ]))
    assert list(quotes) == ["it was a brazen act to avoid the law"]
    assert quotes["it was a brazen act to avoid the law"].speaker == "Authorities"


def test_quoted_as_saying_reports_the_clause_relayed_by_who_quoted_it():
    quotes = _by_text(extract_quotes([
        "Heidar Alishvandi, the governor of Qeshm, was quoted by state-run television as saying rescue teams were "
        "deployed to the affected area.",
    ]))
    rescue = quotes["rescue teams were deployed to the affected area"]
    assert (rescue.speaker, rescue.via) == ("Heidar Alishvandi", "state-run television")


def test_told_an_outlet_described_in_apposition_that_reports_the_clause():
    quotes = _by_text(extract_quotes([
        "A hospital official told Anadolu Agency, a local news outlet, that one of the deceased was Jalal Saifur "
        "Rahman.",
    ]))
    deceased = quotes["one of the deceased was Jalal Saifur Rahman"]
    assert (deceased.mention, deceased.verb, deceased.via) == (
        "A hospital official", "told Anadolu Agency, a local news outlet", "Anadolu Agency")


def test_a_warning_speaks_for_whoever_issued_it_and_groups_speak_together():
    quotes = _by_text(extract_quotes([
        "The Met Office issued a warning for the west coast on Tuesday.",
        "\"Storm Lorenzo will produce significant swell, high waves and heavy rain,\" read the warning.",
        "Developers and business groups argued that the consultation caused unneeded delays.",
    ]))
    swell = quotes["Storm Lorenzo will produce significant swell, high waves and heavy rain"]
    assert (swell.speaker, swell.mention) == ("Met Office", "the warning")
    assert quotes["the consultation caused unneeded delays"].speaker == "Developers and business groups"


def test_roles_before_a_name_are_not_the_name():
    quotes = _by_text(extract_quotes([
        "Clerk Janette Bower said the warehouse building was one of the oldest in Palmer.",
        "Qeshm island governor Heydar Alishbandi said the death toll was not expected to rise.",
        "Immunologist Kristian Andersen said the virus spreads like flu.",
    ]))
    assert quotes["the warehouse building was one of the oldest in Palmer"].speaker == "Janette Bower"
    toll = quotes["the death toll was not expected to rise"]
    assert (toll.speaker, toll.mention) == ("Heydar Alishbandi", "Heydar Alishbandi")
    assert quotes["the virus spreads like flu"].speaker == "Kristian Andersen"
