"""Who said it, in the shapes the thirty-seventh round of work was about: a statement quoted by an
agency before its attribution, and a body's resolution.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_clause_an_agency_quoted_someone_as_saying_is_theirs_relayed_by_the_agency():
    quotes = extract_quotes([
        "The Egyptian side has contacted the companies running the cables to give a repair report, MENA quoted an "
        "official source as saying, adding Internet services in Egypt is expected to improve in 12 hours."])
    assert [(q.text, q.speaker, q.via) for q in quotes] == [
        ("The Egyptian side has contacted the companies running the cables to give a repair report",
         "official source", "MENA"),
        ("Internet services in Egypt is expected to improve in 12 hours", "official source", "MENA"),
    ]


def test_a_resolution_of_a_commission_speaks_for_the_commission():
    quotes = extract_quotes([
        "A decision was taken on establishment of electoral districts, the resolution of the Central Election "
        "Commission of Turkmenistan released on Friday said."])
    assert [(q.speaker, q.mention) for q in quotes] == [
        ("Central Election Commission of Turkmenistan", "the resolution")]


def test_a_lawyer_named_in_the_next_sentence_as_attorney_is_that_attorney():
    quotes = extract_quotes([
        "Lindsay Lohan's lawyer says the actress checked into rehab on Thursday.",
        "Attorney Mark Jay Heller told LA Superior Court Judge James R. Dabney that Lohan was settling in.",
    ])
    assert [q.speaker for q in quotes] == ["Mark Jay Heller", "Mark Jay Heller"]


def test_a_nickname_inside_a_name_is_in_the_mention_but_not_the_speakers_name():
    quotes = extract_quotes([
        "Adam (Pacman) Jones says the herniated disk in his neck will not stop him.",
        'Mob boss Vincent "The Chin" Gigante said he was innocent.',
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [
        ("Adam Jones", "Adam (Pacman) Jones"), ("Vincent Gigante", 'Vincent "The Chin" Gigante')]



def test_a_quote_right_after_an_according_to_statement_is_that_speakers():
    quotes = extract_quotes([
        'Mike Ryan of the World Health Organization told the press the new drugs were only part of the solution: '
        '"What will stop Ebola is good surveillance."',
        "Past outbreak mortality rates have been at least 25%. According to Jean-Jacques Muyembe, many people do not "
        'seek treatment because they see their friends die. "Now that most patients can go into the treatment '
        'center and come out, we can stop it," he said.',
    ])
    assert [q.speaker for q in quotes][-1] == "Jean-Jacques Muyembe"


def test_the_official_is_the_one_person_quoted_before_with_that_role():
    quotes = extract_quotes([
        "Five people had so far been confirmed dead in the quake, Fauzi, an official from the local disaster "
        "agency, told AFP late Tuesday.",
        "In Suka Makmur village a landslide engulfed a coffee plantation, killing one man, said the official who "
        "uses one name.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Fauzi", "Fauzi"), ("Fauzi", "the official")]
