"""Who said it, in the shapes the fifty-second round of work was about (read on heldout51, news of
2016-17 from nine outlets): a barrister's post-nominal, a person's name at the end of an office's
name, and a relative of the same surname.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_barristers_post_nominal_is_not_part_of_the_name():
    quotes = extract_quotes([
        "Counsel for the company, Patricia Hynes BL, said the firm had co-operated fully with the inspectors. "
        "Peter Doyle SC said the fine was far too high for a first offence."
    ])
    assert [q.speaker for q in quotes] == ["Patricia Hynes", "Peter Doyle"]


def test_a_person_named_after_the_office_they_run_is_that_person():
    quotes = extract_quotes([
        "Speaking in Washington, Director of the Office for Management and Budget Mick Hanley said the US "
        "was \"competing\" with Ireland for investment. Mr Hanley said the country would compete fairly."
    ])
    assert [q.speaker for q in quotes] == ["Mick Hanley", "Mick Hanley"]


def test_a_great_grandfather_of_the_same_name_does_not_take_the_surname():
    quotes = extract_quotes([
        "Budget director Mick Hanley said the US would compete with Ireland for investment. "
        "Mr Hanley's great-great-grandfather Matthew Hanley emigrated from Mayo to Canada in 1850. "
        "Mr Hanley says he travels to Ireland every second year with his father."
    ])
    assert [q.speaker for q in quotes] == ["Mick Hanley", "Mick Hanley"]


def test_the_title_alone_is_the_person_the_article_names_with_it():
    quotes = extract_quotes([
        "Taoiseach Enda Kenny met the US president in Washington on Thursday.",
        "On his return, the Taoiseach said Northern Ireland would take precedence in the Brexit talks.",
    ])
    assert [q.speaker for q in quotes] == ["Enda Kenny"]


def test_a_family_name_shared_by_several_people_is_the_one_named_last():
    quotes = extract_quotes([
        "The forum was attended by Premier Li Keqiang in 2015 and by Vice-President Li Yuanchao last year. "
        "President Xi will deliver the keynote speech, Vice-Foreign Minister Li Baodong told reporters on Wednesday. "
        "\"The trip aims to explain China's views on globalisation,\" Li said."
    ])
    assert [q.speaker for q in quotes][-1:] == ["Li Baodong"]


def test_a_surname_the_body_uses_alone_takes_the_first_name_from_the_headline():
    quotes = extract_quotes(
        ["Speaking at the awards, Jenner said the administration had been a disaster for transgender students."],
        title="Caitlyn Jenner: Trump has been a 'disaster' on transgender rights")
    assert [q.speaker for q in quotes] == ["Caitlyn Jenner"]
    assert [q.speaker for q in extract_quotes(["Speaking at the awards, Jenner said the administration had "
                                               "been a disaster for transgender students."])] == ["Jenner"]


# -- read on heldout52, after its final run (round 53) --------------------------------------------------


def test_ayatollah_is_a_title_not_part_of_the_name():
    quotes = extract_quotes([
        "\"We thank Mr Trump for showing the real face of America,\" Ayatollah Ali Khamenei said on Tuesday."
    ])
    assert [q.speaker for q in quotes] == ["Ali Khamenei"]


def test_a_sharing_site_the_tagger_took_for_a_person_does_not_hide_the_speaker():
    quotes = extract_quotes([
        "Yesterday morning, English drummer Ginger Baker died in a hospital at the age of 80. The news came from "
        "the Twitter account in his name and was independently confirmed by Associated Press with his daughter "
        "Nettie Baker. Although known to have lived his latter years in South Africa, his daughter said he died "
        "in Britain without elaborating."
    ])
    assert [q.speaker for q in quotes] == ["Nettie Baker"]


def test_sheikh_after_a_first_name_is_part_of_the_name():
    quotes = extract_quotes([
        "\"This indicates change,\" Mohamed Sheikh Abdi, a Somali political analyst based in Mogadishu, told "
        "reporters. \"It is a first,\" Abdi said."
    ])
    assert [q.speaker for q in quotes] == ["Mohamed Sheikh Abdi", "Mohamed Sheikh Abdi"]
