"""Who said it, in the shapes the fifty-sixth round of work was about (read on heldout55, news of
2016-17 from eight outlets): a place is no speaker, a spokeswoman is not the one she speaks for,
"the diplomat" is the diplomat just quoted, and a family name written first is no woman's first
name.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_correspondent_reporting_from_a_city_is_the_speaker_not_the_city():
    quotes = extract_quotes([
        "READ MORE: Benghazi Defence Brigades claim seizing Libyan cities Al Jazeera's Mahmoud Abdelwahed, "
        "reporting from Tripoli, said that the brigades confirmed reports that their fighters had come "
        "under attack."
    ])
    assert [q.speaker for q in quotes] == ["Mahmoud Abdelwahed"]


def test_an_expert_described_by_where_she_works_is_the_speaker():
    quotes = extract_quotes([
        "\"A bilateral agreement would be suicide for Abe or any other Japanese prime minister,\" Deborah "
        "Elms, executive director at the Asian Trade Center in Singapore, told DW."
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Deborah Elms", "DW")]


def test_a_spokeswoman_for_the_prime_minister_is_not_the_prime_minister():
    quotes = extract_quotes([
        "Theresa May met Benjamin Netanyahu on Monday. When asked whether Britain was considering new "
        "sanctions, a spokeswoman for May said \"the prime minister made clear that we support the deal.\" "
        "\"What happens now is that it needs to be properly enforced,\" the spokeswoman said. "
        "May's spokeswoman said the two leaders would also talk about security. "
        "\"We remain committed to a two-state solution,\" May said."
    ])
    speakers = [q.speaker for q in quotes]
    assert speakers[:3] == ["spokeswoman"] * 3
    assert speakers[-1] == "Theresa May"


def test_the_diplomat_is_the_envoy_just_quoted():
    quotes = extract_quotes([
        "Turkey bears responsibility for the opposition's refusal to take part in the talks, Syria's envoy "
        "to the UN Bashar Jaafari said on Tuesday. \"We should ask Turkey why the opposition has not "
        "come,\" Jaafari stressed. The diplomat said the government's delegation expects the meeting to "
        "be fruitful."
    ])
    assert quotes[-1].speaker == "Bashar Jaafari"


def test_he_is_the_professor_named_li_not_a_woman_of_that_first_name():
    quotes = extract_quotes([
        "Philippine President Rodrigo Duterte said he would not raise the ruling with Beijing. "
        "Li Haidong, a professor of US studies at China Foreign Affairs University, said the new "
        "administration's attitude toward the sea is similar to its predecessor's. \"Trump might try to "
        "get rough,\" he said."
    ])
    assert quotes[-1].speaker == "Li Haidong"


def test_a_sea_is_not_he():
    quotes = extract_quotes([
        "Li Haidong, a professor at China Foreign Affairs University, said the dispute would go on. "
        "The South China Sea will continue to be an increasingly disputed area, he said."
    ])
    assert quotes[-1].speaker == "Li Haidong"


def test_a_country_that_continues_to_host_refugees_says_nothing():
    quotes = extract_quotes([
        "\"It's not about the number, it's about the people,\" said UNHCR spokesman Babar Baloch. "
        "\"We're trying to look for understanding, solidarity and humanity.\" Turkey continues to host "
        "the highest number of Syrians displaced by the conflict."
    ])
    assert [q.speaker for q in quotes] == ["Babar Baloch", "Babar Baloch"]


def test_an_agency_that_tells_what_a_leader_declared_passes_it_on():
    quotes = extract_quotes([
        "Leader Kim Jong Un declared the test \"a new birth\" for the North's rocket industry, state news "
        "agency KCNA said."
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Kim Jong Un", "KCNA")]


def test_a_lede_whose_speaker_comes_last_with_his_party_office():
    quotes = extract_quotes([
        "Ankara is set to raise an issue of lifting visa restrictions at a scheduled meeting of the "
        "Cooperation Council, Mehmet Mehdi Eker, deputy chairman of the Turkish ruling party Justice and "
        "Development (AKP), told in an exclusive interview with TASS. \"To implement in practice our "
        "cooperation, we need the companies to communicate,\" Eker said."
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Mehmet Mehdi Eker", "TASS")] * 2
    assert quotes[0].text.startswith("Ankara is set to raise")


def test_what_he_vowed_during_his_campaign_is_his_not_the_campaigns():
    quotes = extract_quotes([
        "Mr Trump has called climate change a hoax and vowed during his campaign to \"cancel\" the Paris "
        "agreement within 100 days, saying it would be too costly for the US economy."
    ])
    assert [q.speaker for q in quotes] == ["Trump", "Trump"]


def test_a_family_name_written_first_names_the_spokeswoman_later():
    quotes = extract_quotes([
        "Foreign Ministry spokeswoman Hua Chunying said China would protect its territory. On Jan 11, "
        "Rex Tillerson said China should be denied access to the islands. Hua, when asked whether China "
        "worried about further steps, said that China is not the only country concerned about that."
    ])
    assert quotes[-1].speaker == "Hua Chunying"


def test_a_source_an_outlet_cites_is_the_speaker_and_the_outlet_the_relay():
    quotes = extract_quotes([
        "The government is \"continuously ready\" for such an exchange with rebel groups, a news flash on "
        "the state-run Al Ikhbariya TV station said, citing an official source."
    ])
    assert [q.speaker for q in quotes] == ["official source"]
    assert quotes[0].via.startswith("Al Ikhbariya")



def test_a_double_mark_for_an_apostrophe_does_not_end_the_quote():
    quotes = extract_quotes([
        "\"I don\"t see any particular need in subjecting them to such risks,\" Ambassador Alexander "
        "Kinshchak said."
    ])
    assert [q.text for q in quotes] == ["I don\"t see any particular need in subjecting them to such risks"]
    assert quotes[0].speaker == "Alexander Kinshchak"


def test_a_lede_naming_a_forum_in_marks_is_still_the_ministers_statement():
    quotes = extract_quotes([
        "Moscow expects high-ranking foreign representatives to take part in the Forum dubbed \"The Arctic "
        "- a Territory of Dialogue\", scheduled to be held on March 29-30 in Arkhangelsk, Russian First "
        "Deputy Foreign Minister Vladimir Titov told TASS on Monday."
    ])
    assert [(q.speaker, q.via, q.kind) for q in quotes] == [("Vladimir Titov", "TASS", "reported")]


def test_the_first_minister_is_not_the_prime_minister_named_before_her():
    quotes = extract_quotes([
        "The prime minister has met Scotland's first minister in a Glasgow hotel as she prepares to trigger "
        "Article 50. Theresa May and Nicola Sturgeon held talks for about an hour during the prime "
        "minister's trip to Scotland. Ms Sturgeon said the talks were cordial but she was \"frustrated by a "
        "process that appears not to be listening\". The prime minister had earlier repeated her opposition "
        "to an independence referendum during the Brexit process. The Scottish Parliament is expected to back "
        "Ms Sturgeon's call for a referendum on Tuesday. The first minister says a fresh vote is needed ahead "
        "of Brexit to allow the people of Scotland to choose which path to follow. Mrs May has repeatedly "
        "said that \"now is not the time\" for an independence referendum."
    ])
    by_text = {q.text[:20]: q.speaker for q in quotes}
    assert by_text["a fresh vote is need"] == "Nicola Sturgeon"
    assert by_text["now is not the time"] == "Theresa May"


def test_a_ministry_the_article_names_with_its_country_keeps_the_country():
    quotes = extract_quotes([
        "Russia's Finance Ministry believes the High Court of London has obliged Kiev to repay the debt, the "
        "ministry's press office said on Wednesday. \"The court pronounced its final verdict obliging "
        "Ukraine to repay the debt,\" the Finance Ministry said."
    ])
    assert quotes[-1].speaker == "Russia's Finance Ministry"


def test_an_outlet_is_its_name_without_who_owns_it():
    quotes = extract_quotes([
        "Mohammad Sabra told the Saudi-owned Al Hadath news channel that the delegation brought together "
        "various groups."
    ])
    assert [(q.speaker, q.via) for q in quotes] == [("Mohammad Sabra", "Al Hadath")]
