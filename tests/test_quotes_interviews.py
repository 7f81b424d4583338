"""Who said it and through whom, in the shapes the fourth round of work was about: long
interviews, abbreviated ranks, surnames the tagger never saw whole, descriptions and
possessives, statements that speak for their issuer.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this, and to which outlet?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_an_interview_stated_once_covers_the_speakers_later_quotes():
    quotes = _by_text(extract_quotes([
        "CNA spoke with Msgr. Michael Farmer, Vicar General of the Archdiocese of Mobile.",
        "He said she grew up in a small parish near the coast.",
        "“She is a remarkable woman,” Msgr. Farmer said.",
        "The medal is given to lay people who have served the Church.",
        "“I would hope that would continue,” he said.",
        "In a statement on Friday, Farmer said the archdiocese was proud of her work.",
    ]))
    assert quotes["She is a remarkable woman"].speaker == "Michael Farmer"
    assert quotes["She is a remarkable woman"].via == "CNA"
    assert quotes["I would hope that would continue"].via == "CNA"
    # another occasion (a statement) is not the interview
    assert quotes["the archdiocese was proud of her work"].via is None


def test_an_interview_with_a_reporter_named_with_the_outlet():
    quotes = extract_quotes([
        ("Kyle Robertson, a spokesperson for the coalition, told VOA Pentagon correspondent Carla Babb "
        "that the claims are false."),
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Kyle Robertson", "VOA")]


def test_an_abbreviated_rank_does_not_end_the_sentence():
    quotes = extract_quotes([
        "Police spokesman Constable Tim Fanning said the suspect had been let go on Thursday.",
        "“The shock was tremendous but everyone got out safely,” Const. Fanning said.",
    ])
    assert [q.speaker for q in quotes] == ["Tim Fanning", "Tim Fanning"]


def test_a_surname_joins_the_full_name_the_tagger_missed():
    quotes = _by_text(extract_quotes([
        ("Jeff Sanborn, president of Chapter & Verse, a Spokane advertising agency, said he thought the "
        "campaign was meant to raise eyebrows."),
        "“We want to try to help,” Sanborn said.",
    ]))
    assert quotes["We want to try to help"].speaker == "Jeff Sanborn"


def test_titles_and_ranks_are_not_part_of_the_name():
    quotes = _by_text(extract_quotes([
        "“What a shame that it takes today to get what our kids deserve,” said Superintendent Jennifer McCormick.",
        "“Corona is not a virus, but an avatar,” said Swami Chakrapani.",
    ]))
    assert quotes["What a shame that it takes today to get what our kids deserve"].speaker == "Jennifer McCormick"
    assert quotes["Corona is not a virus, but an avatar"].speaker == "Chakrapani"


def test_descriptions_and_possessives_resolve_to_the_person():
    quotes = _by_text(extract_quotes([
        "Gov. Eric Holcomb met the union leaders in the morning.",
        "The governor said he was waiting for a teacher pay commission to report.",
        "President Barack Obama nominated Regina Benjamin on Monday.",
        "Obama's announcement said she had received the National Caring Award.",
    ]))
    assert quotes["he was waiting for a teacher pay commission to report"].speaker == "Eric Holcomb"
    assert quotes["she had received the National Caring Award"].speaker == "Barack Obama"


def test_a_statement_speaks_for_whoever_issued_it():
    quotes = _by_text(extract_quotes([
        "TallGrass Distribution, a wholesaler of natural health products, issued a statement on Saturday.",
        "The statement said the company would have no further comment while the police investigate.",
    ]))
    assert quotes["the company would have no further comment while the police investigate"].speaker == \
        "TallGrass Distribution"


def test_a_quote_standing_alone_after_what_a_person_did():
    quotes = _by_text(extract_quotes([
        ("Underwhelmed with her role, Denise Crosby left the series. “This is not what I wanted to become "
        "an actor for.”"),
    ]))
    assert quotes["This is not what I wanted to become an actor for"].speaker == "Denise Crosby"


def test_according_to_a_body_of_people_is_their_statement_but_an_outlet_is_not():
    quotes = extract_quotes([
        "Nearly 300 school districts closed because of the rally, according to teachers unions.",
        "The rally was the state's biggest in years, according to the Associated Press.",
    ])
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("Nearly 300 school districts closed because of the rally", "teachers unions", "reported")]


def test_chants_and_signs_are_slogans_not_quotes():
    quotes = extract_quotes([
        ("Teachers chanted, “Fund our schools,” as hundreds of them lined the entrances, many holding signs "
        "with sayings such as, “Less Money on Testing, More Money on Students.”"),
    ])
    assert quotes == []


def test_a_quote_over_several_lines_without_reopening_marks_is_one_quote():
    # ECB+ and some text dumps give a sentence per line, with the quote's marks only on its first
    # and last line
    quotes = extract_quotes([
        "Peter Capaldi is the new Doctor.",
        '"It is so wonderful not to keep this secret any more, " he said.',
        '"For a while I couldn\'t even tell my daughter.',
        "Being asked to play the Doctor is an amazing privilege.",
        'I can\'t wait to get started. "',
        "Capaldi admitted that it would be tricky to throw off his best-known role.",
    ])
    texts = [q.text for q in quotes]
    assert "For a while I couldn't even tell my daughter.\n\nBeing asked to play the Doctor is an amazing " \
           "privilege.\n\nI can't wait to get started." in texts
    assert all(q.speaker == "Peter Capaldi" for q in quotes)


def test_they_takes_up_people_named_together():
    quotes = extract_quotes([
        ("Republican Gov. Eric Holcomb and leaders of the GOP-dominated Legislature have avoided criticism "
        "of teachers. However, they said they don’t expect to take action on school funding until 2021."),
    ])
    assert [q.speaker for q in quotes] == ["Eric Holcomb and leaders of the GOP-dominated Legislature"]
