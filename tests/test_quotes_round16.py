"""Who said it, in the shapes the sixteenth round of work was about, and the words that name the
speaker at each quote (its "mention": "he", "Zakharova", "the agency"), which is what BBC's Citron
scores as a quote's source.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?" or "which words say who said it?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_a_government_agency_speaks_where_a_news_agency_only_reports():
    quotes = _by_text(extract_quotes([
        "BERLIN -- The European Space Agency says putting astronauts into a state of suspended animation could "
        "make it easier to reach Mars.",
        "The Environmental Protection Agency said that the water was safe to drink.",
        "Anadolu Agency said the talks had stalled over the weekend.",
    ]))
    esa = quotes["putting astronauts into a state of suspended animation could make it easier to reach Mars"]
    assert esa.speaker == "European Space Agency"
    assert quotes["the water was safe to drink"].speaker == "Environmental Protection Agency"
    assert "the talks had stalled over the weekend" not in quotes  # a news agency's report is no one's statement


def test_told_reporters_at_a_press_conference_that_reports_the_clause():
    quotes = _by_text(extract_quotes([
        "Emirates President Tim Clark, meanwhile, told reporters at a press conference that the airline will "
        "recommence its orders next year.",
    ]))
    assert quotes["the airline will recommence its orders next year"].speaker == "Tim Clark"


def test_a_subject_with_a_participle_after_it_still_speaks():
    quotes = _by_text(extract_quotes([
        "Lawyer Alexis Kougias took the case on Monday.",
        "But the lawyer acting for the officer, who has been charged with murder, said that initial results from "
        "a post-mortem showed that the boy was accidentally hit by a ricochet.",
    ]))
    q = quotes["initial results from a post-mortem showed that the boy was accidentally hit by a ricochet"]
    assert q.speaker == "Alexis Kougias"
    assert q.mention == "the lawyer"


def test_the_mention_is_the_name_without_the_role_words_before_it():
    quotes = _by_text(extract_quotes([
        "\"This tragedy is the result of an act by the police,\" Lawyer Alexis Kougias said.",
        "Detective Constable Daniel Dubé said the border closure had slowed the trade in the drug.",
        "\"We are not there yet,\" said Dean McCarron, principal analyst at Mercury Research.",
    ]))
    assert quotes["This tragedy is the result of an act by the police"].mention == "Alexis Kougias"
    assert quotes["the border closure had slowed the trade in the drug"].mention == "Daniel Dubé"
    assert quotes["We are not there yet"].mention == "Dean McCarron"  # a first name, not the title "Dean"


def test_a_joint_subject_is_named_whole_in_the_mention():
    quotes = _by_text(extract_quotes([
        "\"Hugh Jackman is a consummate entertainer and an international star,\" Laurence Mark and Bill Condon "
        "said in a statement.",
    ]))
    q = quotes["Hugh Jackman is a consummate entertainer and an international star"]
    assert q.speaker == "Laurence Mark and Bill Condon"
    assert q.mention == "Laurence Mark and Bill Condon"


def test_a_short_reported_clause_is_still_a_statement():
    quotes = _by_text(extract_quotes([
        "Civil Aviation Minister Hardeep Singh Puri said 18 people died.",
        "Police said the person killed was a 63-year-old woman from Warren.",
        "\"We will look at it,\" she said. He said he would.",
    ]))
    assert quotes["18 people died"].speaker == "Hardeep Singh Puri"
    assert quotes["the person killed was a 63-year-old woman from Warren"].speaker == "Police"
    assert "he would" not in quotes  # an ellipsis, not a statement


def test_tells_the_paper_that_opens_what_was_told():
    quotes = _by_text(extract_quotes([
        "Employee Steve Castro tells the paper that he fought with the shirtless man, who snatched the keys "
        "from his hand.",
    ]))
    q = quotes["he fought with the shirtless man, who snatched the keys from his hand"]
    assert q.speaker == "Steve Castro"
    assert q.verb == "tells the paper"


def test_verbs_of_stating_a_view_report_what_follows():
    quotes = _by_text(extract_quotes([
        "Chargers coach Anthony Lynn recognizes that his team's playoff hopes are slim after the loss.",
        "Senate minority leader Chuck Schumer commented the president's tweets were as near to a concession as "
        "anyone would get.",
        "The Centre for Disease Control advises the earlier people seek treatment, the better.",
    ]))
    assert quotes["his team's playoff hopes are slim after the loss"].speaker == "Anthony Lynn"
    assert quotes["the president's tweets were as near to a concession as anyone would get"].speaker == "Chuck Schumer"
    assert quotes["the earlier people seek treatment, the better"].speaker == "Centre for Disease Control"


def test_a_statement_saying_reports_what_its_issuer_said():
    quotes = _by_text(extract_quotes([
        "LaCalamita is married, but his wife, Michele, released a statement saying they had been separated for "
        "about three weeks.",
    ]))
    assert quotes["they had been separated for about three weeks"].speaker == "Michele"


def test_a_place_in_a_title_is_not_part_of_the_name():
    quotes = _by_text(extract_quotes([
        "It was reported he was in a coma at time of death.",
        "Current Prime Minister of India Narendra Modi wrote, \"India grieves the passing away of Bharat Ratna "
        "Pranab Mukherjee. He has left an indelible mark on the development trajectory of our nation.\"",
        "President of Ukraine Volodymyr Zelenskyy said, \"We expect from Iran assurances of their readiness.\"",
    ]))
    modi = next(q for t, q in quotes.items() if t.startswith("India grieves"))
    assert (modi.speaker, modi.mention) == ("Narendra Modi", "Narendra Modi")
    zelenskyy = next(q for t, q in quotes.items() if t.startswith("We expect from Iran"))
    assert zelenskyy.mention == "Volodymyr Zelenskyy"


def test_a_one_word_answer_after_its_verb_is_a_quote():
    quotes = _by_text(extract_quotes([
        "On the tape, Jeffs tells the girls to obey him.",
        "Two female voices say \"OK. \"",
        "Mary Smith starred in \"Up.\"",
    ]))
    assert quotes["OK"].speaker == "female voices"
    assert "Up" not in quotes  # a film's title, not an answer


def test_according_to_after_but_or_and_and_before_a_named_role():
    quotes = _by_text(extract_quotes([
        "Police closed the road. But according to Robert Sznewajs, two bomb threats came into the two banks on "
        "Friday.",
        "Mugabe was hospitalized in Singapore and according to the Ministry of Foreign Affairs he died at "
        "Gleneagles Hospital in the morning.",
        "According to Windsor Locks' first selectman, Chris Kervick, there were ten passengers and three crew "
        "members aboard the aircraft.",
    ]))
    assert quotes["two bomb threats came into the two banks on Friday"].speaker == "Robert Sznewajs"
    assert quotes["he died at Gleneagles Hospital in the morning"].speaker == "Ministry of Foreign Affairs"
    kervick = quotes["there were ten passengers and three crew members aboard the aircraft"]
    assert (kervick.speaker, kervick.mention) == ("Chris Kervick", "Chris Kervick")


def test_an_editorial_in_a_paper_is_the_papers_voice():
    quotes = _by_text(extract_quotes([
        "\"For four days, Greece has surrendered itself to flames and anarchy,\" said an editorial in the "
        "conservative daily Eleftheros Typos.",
    ]))
    q = quotes["For four days, Greece has surrendered itself to flames and anarchy"]
    assert (q.speaker, q.mention) == ("Eleftheros Typos", "an editorial")


def test_a_short_name_in_brackets_stands_for_the_full_name_before_it():
    quotes = _by_text(extract_quotes([
        "The Philippine Institute of Volcanology and Seismology (Phivolcs) recorded the quake at 7:37 p.m.",
        "Phivolcs said in its report, the western extension of Mindanao Fault makes the province seismically "
        "active.",
    ]))
    q = quotes["the western extension of Mindanao Fault makes the province seismically active"]
    assert (q.speaker, q.mention) == ("Philippine Institute of Volcanology and Seismology", "Phivolcs")


def test_a_spanish_name_goes_by_its_first_surname():
    quotes = _by_text(extract_quotes([
        "Rosselló is set to be replaced by Wanda Vázquez Garced, the Secretary of Justice for Puerto Rico.",
        "In a statement, Vázquez said, \"I understand he made the right decision, for the good of both his "
        "family and Puerto Rico.\"",
    ]))
    q = next(q for t, q in quotes.items() if t.startswith("I understand he made the right decision"))
    assert q.speaker == "Wanda Vázquez Garced"


def test_it_as_the_subject_of_a_speech_verb_is_the_organisation_before():
    quotes = _by_text(extract_quotes([
        "The UN said three of its schools in Gaza had been hit by Israeli shells on Tuesday.",
        "It said it had identified the schools as refugee centres to the Israeli military and provided GPS "
        "coordinates.",
    ]))
    q = quotes["it had identified the schools as refugee centres to the Israeli military and provided GPS coordinates"]
    assert (q.speaker, q.mention) == ("UN", "It")


def test_an_abbreviated_title_does_not_end_the_sentence():
    quotes = _by_text(extract_quotes([
        "\"A man who apparently had just been let go from his job there came in, shot and killed another man,\" "
        "Vancouver police Const. Tim Fanning told a news conference.",
    ]))
    q = quotes["A man who apparently had just been let go from his job there came in, shot and killed another man"]
    assert (q.speaker, q.verb) == ("Tim Fanning", "told a news conference")


def test_a_one_word_name_that_reports_is_a_newsroom():
    quotes = _by_text(extract_quotes([
        "Rappler reported three malls in Davao City were damaged following the quake.",
        "TVN24 reported that the mayor received surgery overnight.",
        "Indiana State Police reported at least 5,000 people entered the Statehouse through public entrances.",
    ]))
    assert "three malls in Davao City were damaged following the quake" not in quotes  # an outlet's report
    assert "the mayor received surgery overnight" not in quotes
    assert quotes["at least 5,000 people entered the Statehouse through public entrances"].speaker == \
        "Indiana State Police"


def test_the_answers_of_a_q_and_a_interview_are_the_interviewees_quotes():
    quotes = extract_quotes([
        "Experience is thrilled to have Junior Gaspard as our new President and CEO.",
        "We asked him to share some insights into the business. Here is what he had to say.",
        "Q: When you woke up that first morning, what are two words to describe how it felt?",
        "A: Inspired and humbled! To be in this role, for this awesome company, is tremendous.",
        "Q: What is your favourite app?",
        "A: Bleacher Report, Uber Eats, and ParkMobile",
    ])
    answers = [q for q in quotes if q.speaker == "Junior Gaspard"]
    assert [q.text for q in answers] == [
        "Inspired and humbled! To be in this role, for this awesome company, is tremendous.",
        "Bleacher Report, Uber Eats, and ParkMobile"]
    assert all(q.kind == "direct" and q.via is None for q in answers)  # the company's own blog: no relay
    assert not any(q.text.startswith(("When you woke", "What is your")) for q in quotes)  # questions are not his


def test_a_wikinews_interview_answer_goes_by_the_interviewees_initials():
    quotes = extract_quotes([
        "Professor Michael Siegel of Boston University co-wrote a new study on youth suicide.",
        "Siegel agreed to answer some questions for Wikinews' correspondent.",
        "((WN)) To what extent do the results of this study match up to your expectations?",
        "MS We did not actually have a pre-conceived idea of whether or not we would find an association.",
        "((WN)) What influence would you like to see these results having on policymakers?",
        "MS The results suggest that decreasing the access of youth to firearms may lower youth suicide rates.",
    ])
    answers = [q for q in quotes if q.text.startswith(("We did not", "The results suggest"))]
    assert len(answers) == 2
    assert all((q.speaker, q.via, q.mention) == ("Michael Siegel", "Wikinews", "MS") for q in answers)


def test_the_commission_is_the_one_commission_named_before():
    quotes = _by_text(extract_quotes([
        "The United States Commission on Presidential Debates announced on Friday that the second debate, slated "
        "for October 15, has been cancelled.",
        "The commission said the two campaigns had given conflicting statements about their plans.",
    ]))
    q = quotes["the two campaigns had given conflicting statements about their plans"]
    assert q.speaker == "United States Commission on Presidential Debates"


def test_which_said_is_its_antecedent_and_a_day_says_nothing():
    quotes = _by_text(extract_quotes([
        "Toronto Police, which indicated on Monday a \"significant development\" was likely at Tuesday's hearing, "
        "face allegations of mishandling the case.",
    ]))
    assert quotes["significant development"].speaker == "Toronto Police"


def test_a_platform_is_the_medium_not_the_speaker():
    quotes = extract_quotes([
        "NASA interrupted its live coverage of a spacewalk to mourn Leonov's passing. It also credited Leonov with "
        "making the spacewalk possible, noting on Twitter \"his venture into the vacuum of space began the history "
        "of extravehicular activity\".",
    ])
    q = next(q for q in quotes if q.text.startswith("his venture"))
    assert q.speaker == "NASA"


def test_a_name_ends_at_a_spaced_dash_before_its_role():
    quotes = _by_text(extract_quotes([
        "Jonathan Wright - director of wholesale products at Interoute which manages part of the optical fibre "
        "network - told the BBC that the cables were damaged near Alexandria.",
        "\"We have lost three out of four lines,\" said Mr Wright.",
    ]))
    told = quotes["the cables were damaged near Alexandria"]
    assert (told.speaker, told.mention, told.via) == ("Jonathan Wright", "Jonathan Wright", "BBC")
    assert quotes["We have lost three out of four lines"].speaker == "Jonathan Wright"


def test_a_courts_opinion_speaks_for_the_court_named_in_full():
    quotes = extract_quotes([
        "The Supreme Court of Puerto Rico ruled on Wednesday that Pierluisi must step down.",
        "The opinion of the Court, released on Wednesday, read in part, \"It is concluded that the oath of office "
        "as governor is unconstitutional.\"",
    ])
    q = next(q for q in quotes if q.text.startswith("It is concluded"))
    assert q.speaker == "Supreme Court of Puerto Rico"


def test_a_village_the_tagger_calls_a_person_is_no_one():
    from newsdesk.analyze.entities import entities_of

    people = {e.name for e in entities_of(
        "In Suka Makmur village a landslide engulfed a coffee plantation, killing one man, said Fauzi, an "
        "official from the local disaster agency.") if e.kind == "person"}
    assert "Suka Makmur" not in people


def test_the_speaker_after_the_verb_is_no_object_of_it():
    quotes = _by_text(extract_quotes([
        "One of the fatalities was a child, said Ema Suryani, a doctor at a health clinic.",
        "\"We have received around 50 people with injuries sustained when the walls of their houses collapsed,\" "
        "added the doctor.",
    ]))
    q = quotes["We have received around 50 people with injuries sustained when the walls of their houses collapsed"]
    assert (q.speaker, q.mention) == ("Ema Suryani", "the doctor")
