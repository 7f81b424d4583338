"""Who said it, in the shapes the eleventh round of work was about: a quote closed by a
straight mark after a nested quote, an unattributed quote after a quote that ran over several
paragraphs, and a paragraph whose own prose hands the quote to someone new.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.entities import entities_of
from newsdesk.analyze.quotes import extract_quotes


def test_a_straight_mark_after_a_nested_quote_closes_the_quote():
    quotes = _by_text(extract_quotes([
        "Bolton gave a different account of events on Twitter: \"I offered to resign last night and the "
        "president said, 'Let's talk about it tomorrow.' \"",
        "\"I don't think any leader should assume that our policy will change\", Pompeo told the press on "
        "Tuesday. \"There were many times that Ambassador Bolton and I disagreed.\"",
    ]))
    assert quotes["There were many times that Ambassador Bolton and I disagreed"].speaker == "Pompeo"
    assert quotes["I don't think any leader should assume that our policy will change"].speaker == "Pompeo"
    offered = next(q for t, q in quotes.items() if t.startswith("I offered to resign"))
    assert "Pompeo" not in offered.text  # the quote ends with its own paragraph


def test_a_quote_after_one_that_ran_over_paragraphs_is_the_same_speaker():
    quotes = _by_text(extract_quotes([
        "Outside court, defence lawyer Richard Fowler said his client is \"not doing very well.\"",
        "\"He is placed in a double bunk with somebody who is withdrawing from drugs.",
        "\"He can not sleep.",
        "\"It's freezing cold. The problem is that these institutions are too full.\"",
        "\"He's presumed innocent and he should be treated better.\"",
    ]))
    assert quotes["He's presumed innocent and he should be treated better"].speaker == "Richard Fowler"


def test_a_paragraph_that_names_a_new_speaker_in_prose_keeps_its_quote():
    quotes = _by_text(extract_quotes([
        "\"We were optimistic as recently as yesterday that this may get resolved,\" the statement concluded.",
        "Swift's publicist told Fox News that this, too, was not the whole truth. \"Big Machine is trying to "
        "deflect and make this about money by saying she owes them money.\"",
    ]))
    said = quotes["Big Machine is trying to deflect and make this about money by saying she owes them money"]
    assert said.speaker == "Swift's publicist"
    assert said.via == "Fox News"


def test_a_full_name_the_tagger_mislabels_or_splits_is_still_the_speakers_name():
    quotes = _by_text(extract_quotes([
        "The Academy of Motion Picture Arts and Sciences announced Friday that Hugh Jackman will be the host.",
        "\"It is the honour of my life,\" Jackman said in a statement.",
        "Deputy Director of Public Prosecution Eva-Marie Persson took the decision to discontinue the case.",
        "Ms Persson said: \"I would like to emphasise that the injured party has given a credible account.\"",
        "\"Coach (Frank) Vogel came in here and said congratulations,\" James said.",
        "\"He's just playing terrific basketball,\" Vogel said.",
    ]))
    assert quotes["It is the honour of my life"].speaker == "Hugh Jackman"
    assert quotes["I would like to emphasise that the injured party has given a credible account"].speaker \
        == "Eva-Marie Persson"
    assert quotes["He's just playing terrific basketball"].speaker == "Frank Vogel"


def test_a_nickname_in_brackets_is_not_a_first_name():
    people = {e.name for e in entities_of(
        "Witnesses saw the shooting of 16-year-old Kimani (Kiki) Gray on Saturday. Gray was shot seven times.")
        if e.kind == "person"}
    assert "Kiki Gray" not in people


def test_she_is_not_the_man_named_by_his_first_name_just_before():
    quotes = _by_text(extract_quotes([
        "\"He was incredibly bright and a very caring person,\" said Nancy O'Higgins, a longtime family friend.",
        "Ben attended school in White Rock but got most of his education in Victoria.",
        "She said he travelled to China for awhile, where he studied Mandarin.",
    ]))
    assert quotes["he travelled to China for awhile, where he studied Mandarin"].speaker == "Nancy O'Higgins"


def test_one_of_a_group_speaks_as_one_of_them():
    quotes = _by_text(extract_quotes([
        "One of the children said, \"Sometimes I still have nightmares of things that had happened.\"",
        "One of the former aides said that the plan had failed.",
        "Some of the protesters said that the police fired first.",
    ]))
    assert quotes["Sometimes I still have nightmares of things that had happened"].speaker == "child"
    assert quotes["the plan had failed"].speaker == "former aide"
    assert quotes["the police fired first"].speaker == "protesters"


def test_the_reason_given_is_part_of_what_was_claimed():
    quotes = _by_text(extract_quotes([
        "Warren Jeffs spoke for an hour.",
        "He claimed Walther was biased because she issued the warrant for the original raid.",
    ]))
    said = quotes["Walther was biased because she issued the warrant for the original raid"]
    assert said.speaker == "Warren Jeffs"
    assert said.kind == "reported"


def test_a_short_attribution_sentence_after_a_question_names_the_speaker():
    quotes = _by_text(extract_quotes([
        "Bruce Arians is the interim coach.",
        "\"Would we have done it without him? \" Arians asked.",
    ]))
    said = quotes["Would we have done it without him?"]
    assert said.speaker == "Bruce Arians"
    assert said.verb == "asked"


def test_two_apostrophes_close_a_quote_as_news_wires_type_them():
    quotes = _by_text(extract_quotes([
        "“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told the BBC. “And I "
        "think it is inappropriate for a serious political party to behave that way.”",
    ]))
    assert quotes["It was an attempt to mislead voters"].speaker == "Will Moy"
    assert quotes["It was an attempt to mislead voters"].via == "BBC"
    assert quotes["And I think it is inappropriate for a serious political party to behave that way"].speaker \
        == "Will Moy"


def test_a_dateline_or_a_show_title_is_not_the_speaker():
    quotes = _by_text(extract_quotes([
        "BUFFALO, N.Y. — Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce Boudreau "
        "expressed confidence in the veteran winger, saying he always finds a way to start scoring.",
        "Following the announcement, The Thick of It writer Armando Ianucci tweeted: \"There can't be a funnier, "
        "wiser, more exciting Time Lord than Peter Capaldi.\"",
    ]))
    assert quotes["he always finds a way to start scoring"].speaker == "Bruce Boudreau"
    assert quotes["There can't be a funnier, wiser, more exciting Time Lord than Peter Capaldi"].speaker \
        == "Armando Ianucci"


def test_two_companies_written_as_one_subject_speak_together():
    quotes = _by_text(extract_quotes([
        "Kimberly-Clark, which makes Kleenex Toilet Tissue, and Solaris Paper which makes Sorbent, emphasized they "
        "were working 24/7 to maintain the supply.",
    ]))
    assert quotes["they were working 24/7 to maintain the supply"].speaker == "Kimberly-Clark and Solaris Paper"


def test_he_is_not_a_capitalised_word_that_opened_the_sentence():
    quotes = _by_text(extract_quotes([
        "Caloundra coach Jarrod Kidston was happy with the result.",
        "Fitness was a big factor in that according to Kidston. \"We've been working hard on our fitness so it was "
        "pretty good to get the points at the back end\", he said.",
    ]))
    assert quotes["We've been working hard on our fitness so it was pretty good to get the points at the back end"] \
        .speaker == "Jarrod Kidston"


def test_the_company_a_sentence_or_a_possessive_later_is_the_company_named_before():
    quotes = _by_text(extract_quotes([
        "Advanced Micro Devices Inc., vowing to change the game in its longtime competition with Intel Corp., has "
        "forged a deal to buy a Silicon Valley start-up.",
        "The Sunnyvale, Calif., company said it will pay $334 million for SeaMicro Inc., a maker of micro servers.",
        "Microsoft's Christopher Budd said the software giant encourages all customers to deploy this update.",
        "The company's security response team said the patch consists of more than 300 distinct updates.",
    ]))
    assert quotes["it will pay $334 million for SeaMicro Inc., a maker of micro servers"].speaker \
        == "Advanced Micro Devices Inc"
    assert quotes["the patch consists of more than 300 distinct updates"].speaker == "Microsoft's security response team"


def test_a_police_sergeant_is_the_one_sergeant_the_article_names():
    quotes = _by_text(extract_quotes([
        "A man fired four days earlier from his job walked into his former office and shot three people, a police "
        "sergeant said Wednesday.",
        "Troy police Sgt. Barry Whiteside said the man used a shotgun.",
        "Another sergeant said the building was evacuated.",
    ]))
    assert quotes["A man fired four days earlier from his job walked into his former office and shot three people"] \
        .speaker == "Barry Whiteside"
    assert quotes["the building was evacuated"].speaker != "Barry Whiteside"


def test_a_quote_signed_with_a_dash_on_the_next_line_is_the_signers():
    quotes = _by_text(extract_quotes([
        "Here is what visitors said about the show.",
        "“It’s really good, and my cousin got to participate on stage. Seating is good.”",
        "– Ni** My**",
        "“Imagination is more important than knowledge.” — Albert Einstein",
    ]))
    assert quotes["It’s really good, and my cousin got to participate on stage. Seating is good"].speaker == "Ni** My**"
    assert quotes["Imagination is more important than knowledge"].speaker == "Albert Einstein"


def test_a_credit_line_after_a_quote_signs_nothing():
    quotes = _by_text(extract_quotes([
        "Residents gathered at the town hall on Monday night to hear the plans for the bridge.",
        "“This bridge has been closed for far too long and everyone in town knows it.”",
        "– Reporting by Jane Doe; Editing by John Roe",
    ]))
    assert quotes["This bridge has been closed for far too long and everyone in town knows it"].speaker is None


def test_a_named_person_is_not_replaced_by_the_body_set_beside_them():
    quotes = _by_text(extract_quotes([
        "Carl Hensman of the Bill and Melinda Gates Foundation, which offered a contest for redesigning the toilet "
        "some years ago, noted the ingredients in the sprays are also found in commonly used products.",
        "The Senate Minority Leader, Chuck Schumer, said the bill would not pass this year.",
    ]))
    assert quotes["the ingredients in the sprays are also found in commonly used products"].speaker == "Carl Hensman"
    assert quotes["the bill would not pass this year"].speaker == "Chuck Schumer"


def test_another_witness_is_a_witness():
    quotes = _by_text(extract_quotes([
        "A witness said the teenager had nothing in his hands.",
        "Another witness said the officers fired eleven times.",
    ]))
    assert quotes["the officers fired eleven times"].speaker == "witness"


def test_a_one_word_answer_is_a_quote():
    quotes = _by_text(extract_quotes([
        "Anthony LaCalamita III was asked if he understood the charges.",
        "He responded, \"Yes, \" and was led away.",
    ]))
    assert quotes["Yes"].speaker == "Anthony LaCalamita III"


def test_a_station_named_by_its_call_sign_relays_what_was_described_to_it():
    quotes = _by_text(extract_quotes([
        "Another witness described the scene to PIX11, \"He was running for his life, telling the cops to stop.\"",
        "The WHO said the outbreak was under control.",
    ]))
    said = quotes["He was running for his life, telling the cops to stop"]
    assert said.via == "PIX11"
    assert said.speaker == "witness"
    assert quotes["the outbreak was under control"].via is None


def test_a_short_quote_alone_on_its_line_goes_on_from_the_quote_before():
    quotes = _by_text(extract_quotes([
        "\"They promised us a lot of things; nothing actually implemented, \" said Rabie Atti, the government "
        "spokesman.",
        "\"It's unfair. \"",
        "Steven Moffat, the show's lead writer, said the search had taken months.",
        "\" Peter Capaldi is in the Tardis and the search is over. \"",
    ]))
    assert quotes["It's unfair"].speaker == "Rabie Atti"
    assert quotes["Peter Capaldi is in the Tardis and the search is over"].speaker == "Steven Moffat"


def test_a_question_then_its_speaker_opening_the_next_sentence():
    quotes = _by_text(extract_quotes([
        "Ken Isaacs is a vice president of the charity.",
        "Susan Rice said the Sudan government \"blatantly lied\" about the bombing.",
        "As Isaacs of Samaritan's Purse contends, Sudan's government denied any bombing in \"South Sudan. \"",
        "\"What do they consider to be South Sudan? \" Isaacs questioned, noting that there are elements of a "
        "border dispute, with Yida being only 10 miles from the border.",
        "According to Dr. Tom Frieden, the pandemic is \"unprecedented.\" He said, in remarks published by CNN, "
        "\"no other respiratory virus has been tracked from emergence to continuous global spread.\"",
    ]))
    assert quotes["What do they consider to be South Sudan?"].speaker == "Ken Isaacs"
    assert quotes["unprecedented"].speaker == "Tom Frieden"


def test_the_patient_described_after_a_quote_is_its_attribution():
    quotes = _by_text(extract_quotes([
        "The man went back to the doctor with symptoms of increased breathlessness.",
        "\"Going upstairs to bed was a 30 min[ute] activity as I could only manage two stairs at a time and then "
        "needed to sit and rest,\" the patient described in the case report. \"I was signed off work and spent "
        "most of the time asleep.\"",
    ]))
    assert quotes["Going upstairs to bed was a 30 min[ute] activity as I could only manage two stairs at a time "
                  "and then needed to sit and rest"].speaker == "patient"
    assert quotes["I was signed off work and spent most of the time asleep"].speaker == "patient"


def test_a_full_name_the_tagger_calls_an_organisation_is_the_person():
    quotes = _by_text(extract_quotes([
        "Born in 1923 in Nashville, Tennessee, Bettie Mae Page was one of six children.",
        "Page moved to New York in 1947.",
        "\"I never understood how anyone believed those poses were sexy,\" Page said.",
    ]))
    assert quotes["I never understood how anyone believed those poses were sexy"].speaker == "Bettie Mae Page"


def test_the_verbs_of_dialogue_attribute_like_said():
    quotes = _by_text(extract_quotes([
        "\"I thought it was just impossible to get a gift like this,\" crowed Nvidia CEO Jen-Hsun Huang.",
        "But Mr Peres retorted that Israel was fighting other wars.",
        "Audience members laughed when Boris Johnson urged voters, \"Look what I have said I am going to do.\"",
    ]))
    assert quotes["I thought it was just impossible to get a gift like this"].speaker == "Jen-Hsun Huang"
    assert quotes["Israel was fighting other wars"].speaker == "Peres"
    assert quotes["Look what I have said I am going to do"].speaker == "Boris Johnson"


def test_an_acronym_speaks_as_the_organisation_it_spells():
    quotes = _by_text(extract_quotes([
        "The incubation period is one to seven days, says the World Health Organization.",
        "Untreated pneumonic plague is \"always fatal\", says WHO.",
    ]))
    assert quotes["always fatal"].speaker == "World Health Organization"


def test_the_56_year_old_is_the_person_just_named():
    quotes = _by_text(extract_quotes([
        "Tottenham have appointed Jose Mourinho as their new manager after talks with Manchester United ended.",
        "Negotiations between the London side and Mourinho's representatives intensified over the last few days.",
        "The 56-year-old said after his appointment: \"I am excited to be joining a club with such a great "
        "heritage.\"",
    ]))
    assert quotes["I am excited to be joining a club with such a great heritage"].speaker == "Jose Mourinho"


def test_a_parenthetical_said_reports_the_whole_sentence_around_it():
    quotes = _by_text(extract_quotes([
        "Troy Roberts is a trooper with the highway patrol.",
        "The guardrail would be examined, Roberts said, to determine if it had performed as designed.",
    ]))
    said = quotes["The guardrail would be examined, Roberts said, to determine if it had performed as designed"]
    assert said.speaker == "Troy Roberts"
    assert said.kind == "reported"


def test_an_outlet_run_into_the_next_name_is_only_the_outlet():
    quotes = _by_text(extract_quotes([
        "Politicians mourned Mr. Elijah Cummings, who died on Thursday.",
        "Democrat Chuck Schumer, the Senate minority leader, told MSNBC Cummings \"was a great man,\" while others "
        "noted his strength.",
    ]))
    assert quotes["was a great man"].via == "MSNBC"


def test_an_undersheriff_or_a_sayyid_is_a_title_not_a_name():
    quotes = _by_text(extract_quotes([
        "\"He probably realised if he didn't, he was going to be shot,\" Undersheriff James Gage said.",
        "\"He was a stellar example of those educated and nurtured in Islam,\" said Sayyid Ali Hosseini Khamenei.",
    ]))
    assert quotes["He probably realised if he didn't, he was going to be shot"].speaker == "James Gage"
    assert quotes["He was a stellar example of those educated and nurtured in Islam"].speaker == "Ali Hosseini Khamenei"


def test_a_book_or_a_headline_in_marks_is_a_title_not_a_quote():
    quotes = extract_quotes([
        "\"I was impressed. My guy knew his stuff,\" Woodward wrote in \"Secret Man: The Story of Watergate's "
        "Deep Throat\" (2006).",
        "Intel begins shipping its new chips (see BusinessWeek.com, 7/24/06, \"Intel Sharpens its Offensive Game\").",
    ])
    texts = [q.text for q in quotes]
    assert any(t.startswith("I was impressed") for t in texts)
    assert not any("Secret Man" in t or "Offensive Game" in t for t in texts)


def test_an_analyst_described_then_named_with_a_longer_role_is_that_person():
    quotes = _by_text(extract_quotes([
        "Another Canadian analyst noted the merger was likely to bring significant benefits to both companies.",
        "\"ATI has a strong product portfolio,\" said Eddie Chan, lead analyst at research firm IDC Canada in "
        "Toronto.",
    ]))
    assert quotes["the merger was likely to bring significant benefits to both companies"].speaker == "Eddie Chan"


def test_a_name_with_an_age_is_a_person_though_tagged_an_organisation():
    quotes = _by_text(extract_quotes([
        "In Gyami, a village outside the Turkmen capital, 25-year-old Guzel said she had come to the local polling "
        "station to vote.",
        "\"I voted for our fellow village resident. He is an experienced person and knows village life well,\" "
        "she said.",
    ]))
    assert quotes["I voted for our fellow village resident. He is an experienced person and knows village life well"] \
        .speaker == "Guzel"


def test_a_charity_named_in_marks_is_a_name_and_its_spokeswoman_still_speaks():
    quotes = _by_text(extract_quotes([
        "Calling it \"just another apology\", Anna Franowska of \"Have no fear\", an abuse victim support charity, "
        "told Reuters \"it almost appears as if the statement was prepared before the church officials saw the "
        "movie\".",
    ]))
    assert "Have no fear" not in quotes
    said = quotes["it almost appears as if the statement was prepared before the church officials saw the movie"]
    assert said.speaker == "Anna Franowska"
    assert said.via == "Reuters"


def test_an_occupation_the_tagger_calls_a_person_is_no_one():
    quotes = _by_text(extract_quotes([
        "Born in 1923 in Nashville, Bettie Mae Page was one of six children.",
        "Filmmaker and aviator Howard Hughes also doggedly pursued Page but she rebuffed him as well.",
        "\"I never returned any of his calls,\" she once said.",
    ]))
    assert quotes["I never returned any of his calls"].speaker == "Bettie Mae Page"


def test_a_title_of_a_country_before_a_name_and_a_title_alone():
    quotes = _by_text(extract_quotes([
        "President of Ukraine Volodymyr Zelenskyy said, \"We expect from Iran assurances of their readiness for a "
        "full and open investigation.\"",
        "United Nations Secretary-General Ban Ki-moon condemned the attack.",
        "\"The location of all UN facilities have been communicated to the Israeli authorities,\" the "
        "Secretary-General said.",
    ]))
    said = quotes["We expect from Iran assurances of their readiness for a full and open investigation"]
    assert said.speaker == "Volodymyr Zelenskyy"
    assert said.role == "President of Ukraine"
    assert quotes["The location of all UN facilities have been communicated to the Israeli authorities"].speaker \
        == "Ban Ki-moon"


def test_a_professor_named_in_apposition_keeps_his_quotes_though_tagged_an_organisation():
    quotes = _by_text(extract_quotes([
        "Prime Minister George Papandreou said the country was on the brink of the abyss.",
        "A professor of economics at the University of Athens, Yanis Varoufakis, did not go to work.",
        "Professor Varoufakis blames angry youths for the violence and deaths.",
        "\"It seems it was a large demonstration, which unfortunately was infiltrated by the usual band of "
        "professional trouble-makers, \" he said.",
    ]))
    assert quotes["It seems it was a large demonstration, which unfortunately was infiltrated by the usual band of "
                  "professional trouble-makers"].speaker == "Yanis Varoufakis"


def test_a_headlines_capitals_make_no_fuller_name():
    quotes = _by_text(extract_quotes([
        "Obama Reverses Bush on Species Protection Measure",
        "President Obama is restoring a requirement that agencies consult with independent federal experts.",
        "\"The work of scientists and experts in my administration will be respected, \" Obama said.",
    ]))
    assert quotes["The work of scientists and experts in my administration will be respected"].speaker == "Obama"


def test_a_short_form_of_one_company_word_is_that_company():
    quotes = _by_text(extract_quotes([
        "Volkswagen showed the ID. Space Vizzion concept at the Los Angeles auto show.",
        "VW says the car is a preview of a production vehicle for North America and Europe.",
        "The EU said the attack on the school was completely unacceptable, according to EUobserver.",
    ]))
    assert quotes["the car is a preview of a production vehicle for North America and Europe"].speaker == "Volkswagen"
    assert quotes["the attack on the school was completely unacceptable"].speaker == "EU"


def test_a_name_with_a_role_set_after_it_joins_its_surname():
    quotes = _by_text(extract_quotes([
        "Giorgos Kyrtsos, publisher of the City Press and Free Sunday newspapers, said the violent demonstrations "
        "revealed widespread public discontent.",
        "\"We are entering a long period of economic crisis,\" Kyrtsos said.",
    ]))
    assert quotes["We are entering a long period of economic crisis"].speaker == "Giorgos Kyrtsos"
