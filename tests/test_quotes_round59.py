"""Who said it, in the shapes the fifty-ninth round of work was about (read on heldout58, news of
2016-17 from eight outlets): names with a flattened paragraph break or a lost letter in them, a
first name the tagger gave to an organisation, a caption's name written twice, a part in the
story written like a title, a campaign's name, and descriptions that say how many spoke.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_flattened_paragraph_break_after_a_name_is_not_part_of_it():
    quotes = extract_quotes([
        "For his part, Nasr al-Hariri,-the Syrian opposition's chief negotiator in the talks, arrived on "
        "Thursday. In the opposite camp, Hariri said the opposition was committed to finding a political "
        "solution."
    ])
    assert [q.speaker for q in quotes] == ["Nasr al-Hariri"]


def test_a_first_name_the_tagger_gave_to_an_organisation_is_the_envoys():
    quotes = extract_quotes([
        "United Nations envoy Staffan de Mistura has warned not to expect \"miracles\" as a new round of "
        "UN-backed talks between rival sides in Syria's conflict resumed. The two sides are meeting "
        "separately with the UN. \"All of them have to talk about all four (issues)\", de Mistura told "
        "reporters following the first full day of the round. De Mistura said he would aim to mesh the ideas "
        "shared on all subjects by both sides when the round ends next Friday."
    ])
    assert {q.speaker for q in quotes} == {"Staffan de Mistura"}


def test_a_name_with_a_letter_lost_to_bad_encoding_is_whole():
    quotes = extract_quotes([
        "\"There is no concrete threat,\" said Ulrich K\ufffd\ufffdhn of the Carnegie Endowment for "
        "International Peace. \"That would have global consequences,\" he said."
    ])
    assert [q.speaker for q in quotes] == ["Ulrich K\ufffd\ufffdhn"] * 2


def test_a_captions_name_written_twice_is_one_name():
    quotes = extract_quotes([
        "German Bundestag President Norbert Lammert Norbert Lammert (CDU), President of the German "
        "Bundestag, has issued an urgent appeal. Renationalization was, said Lammert, the path towards the "
        "\"unplanned but foreseeable irrelevance of Europe.\""
    ])
    assert [q.speaker for q in quotes] == ["Norbert Lammert"]


def test_a_part_in_the_story_written_like_a_title_is_not_the_name():
    quotes = extract_quotes([
        "The parade went on. Reveler Felix Souza said he was dancing next to the float when the incident "
        "happened. \"We heard a burst on the top,\" he said."
    ])
    assert [q.speaker for q in quotes] == ["Felix Souza", "Felix Souza"]


def test_a_campaigns_name_with_the_in_it_is_the_speaker():
    quotes = extract_quotes([
        "At least three million Syrians under the age of six \"know nothing but war,\" said Save the "
        "Children, adding that exposure could lead to self-harm."
    ])
    assert {q.speaker for q in quotes} == {"Save the Children"}


def test_how_many_spoke_is_not_part_of_who_spoke():
    quotes = extract_quotes([
        "Multiple government officials said the order would be signed on Wednesday afternoon. These brands "
        "have said they support improvement in the garment sector. Many nations said the deal was unfair."
    ])
    assert [q.speaker for q in quotes] == ["government officials", "brands", "nations"]
    assert quotes[0].role == "Multiple government officials"


def test_a_secretary_the_tagger_joined_to_his_department_is_he():
    quotes = extract_quotes([
        "US Secretary of State Rex Tillerson has defended swingeing budget cuts to his own department "
        "proposed by President Donald Trump. Speaking in Japan, he said the level of state department spending "
        "in the past had been \"simply not sustainable\" and he willingly accepted the \"challenge\"."
    ])
    assert {q.speaker for q in quotes} == {"Rex Tillerson"}


def test_a_chinese_family_name_alone_is_the_person_who_bears_it_first():
    quotes = extract_quotes([
        "Minister of Industry Miao Wei said the plan was on track. Wei Yiyin, a CASIC manager, said the "
        "platform had 1,000 users. \"We aim to increase the number to 10,000 by the end of this year,\" Wei says."
    ])
    assert [q.speaker for q in quotes] == ["Miao Wei", "Wei Yiyin", "Wei Yiyin"]


def test_one_doctor_left_unnamed_is_not_the_next_person_named():
    quotes = extract_quotes([
        "Rio City hall said two people were in serious condition. One suffered a head trauma, according to one "
        "doctor. The parade had to be stopped for almost 25 minutes. Reveler Felix Souza said he was dancing "
        "next to the float when the incident happened."
    ])
    assert [q.speaker for q in quotes if q.text.startswith("One suffered")] == ["doctor"]


def test_a_nationality_before_the_body_that_issued_a_statement_is_kept():
    quotes = extract_quotes([
        "\"Overnight, aircraft targeted several targets in Syria,\" an Israeli army statement said. \"It is a "
        "level 4 famine,\" the Samaritan's Purse statement said, after Samaritan's Purse said two of its "
        "workers were kidnapped."
    ])
    assert [q.speaker for q in quotes][:2] == ["Israeli army", "Samaritan's Purse"]


def test_a_hyphenated_rank_is_not_part_of_the_name():
    quotes = extract_quotes([
        "Russian Defense Ministry spokesman Major-General Igor Konashenkov said on Thursday that no strikes "
        "were registered. \"The Russian Federation is fully committed,\" the spokesman said."
    ])
    assert [q.speaker for q in quotes] == ["Igor Konashenkov", "Igor Konashenkov"]


def test_a_clauses_first_word_is_not_part_of_the_subjects_name():
    quotes = extract_quotes([
        "President Donald Trump will sign the order on Tuesday. Democrats will decry it, but Trump's executive "
        "order follows the President's past comments about climate change. Though Trump told The New York Times "
        "during the election that he has an \"open mind\" about confronting climate change, he also once called "
        "it a hoax. \"The concept of global warming was created by and for the Chinese,\" Trump tweeted in "
        "November 2012."
    ])
    assert {q.speaker for q in quotes} == {"Donald Trump"}


def test_an_anonymous_official_is_not_an_administrator_named_later():
    quotes = extract_quotes([
        "A White House official briefed on the plan said Monday the administration believes the government can "
        "act. \"It is an issue that deserves attention,\" the official said of climate change. The changes also "
        "reflect the view of EPA Administrator Scott Pruitt, who routinely sued the organization he now leads. "
        "\"We are going to put our coal miners back to work,\" Pruitt said."
    ])
    assert [q.speaker for q in quotes if q.text.startswith("It is an issue")] == ["White House official"]


def test_the_noun_of_an_aside_between_dashes_is_not_the_subject():
    quotes = extract_quotes([
        "Former chancellor Ken Clarke - the only Tory to vote against kickstarting the Brexit process last week - "
        "said Parliament should have the opportunity to shape the final deal."
    ])
    assert [q.speaker for q in quotes] == ["Ken Clarke"]


def test_a_quotes_end_run_into_the_speakers_name_is_not_part_of_it():
    quotes = extract_quotes([
        "\"This is a man that targeted a New Yorker for simply the colour of his skin,\"-Albert Fox, a legal "
        "director at US Muslim civil rights group CAIR, told Al Jazeera."
    ])
    assert [(q.speaker, q.mention, q.via) for q in quotes] == [("Albert Fox", "Albert Fox", "Al Jazeera")]


def test_an_agent_in_charge_is_named_without_the_title():
    quotes = extract_quotes([
        "\"The swift work of ATF Special Agents foiled this plot,\" said Special Agent in Charge Daryl McCrary, "
        "ATF Tampa Field Division. \"Our partners played a vital role.\""
    ])
    assert [q.speaker for q in quotes] == ["Daryl McCrary", "Daryl McCrary"]


def test_it_in_a_statement_is_who_issued_the_statement():
    quotes = extract_quotes([
        "PwC apologized on Sunday. The Academy also broke its silence on Monday evening. In a statement, it "
        "apologized \"to the entire cast and crew of 'La La Land' and 'Moonlight'.\" \"We salute the tremendous "
        "grace they displayed under the circumstances,\" the statement said."
    ])
    assert [q.speaker for q in quotes] == ["Academy", "Academy"]


def test_a_press_service_that_quotes_someone_relays_them():
    quotes = extract_quotes([
        "Foreign companies should not develop the Arctic, a senator said. \"We should use their experience in "
        "their development and use,\" the Federation Council's press service quoted the senator as saying. \"All "
        "other problems we should be solving at our own expense,\" the senator continued."
    ])
    assert [q.via for q in quotes] == [None, "Federation Council's press service", "Federation Council's press service"]
