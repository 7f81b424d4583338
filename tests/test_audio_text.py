"""What is read aloud and how it is written for the speech engine (no engine needed here)."""

from __future__ import annotations

import pytest
from audio_helpers import shared_file

from newsdesk.audio.story import story_speech
from newsdesk.audio.text import MAX_CHUNK_WORDS, article_speech, byline, chunks, is_caption, normalize
from newsdesk.extract import extract_text_dump
from newsdesk.model import Article


@pytest.mark.parametrize("text, spoken", [
    ("Leaders met in Paris on Sept. 4, 2025.", "Leaders met in Paris on September fourth, twenty twenty-five."),
    ("It happened on 4 September 2025.", "It happened on the fourth of September twenty twenty-five."),
    ("Moscow's February 2022 invasion", "Moscow's February twenty twenty-two invasion"),
    ("Billionaire pledges $6.25bn to US kids.", "Billionaire pledges six point two five billion dollars to US kids."),
    ("It cost $3.50, or £1,200, or €5 million.",
     "It cost three dollars and fifty cents, or one thousand two hundred pounds, or five million euros."),
    ("The U.S. envoy met Gov. Gavin Newsom and Sen. Alex Padilla, D-Calif.",
     "The US envoy met Governor Gavin Newsom and Senator Alex Padilla, Democrat of California."),
    ("Turnout rose 5% to 1,234 voters in the 1990s and the 21st century.",
     "Turnout rose five percent to one thousand two hundred and thirty-four voters in the nineteen nineties "
     "and the twenty-first century."),
    ("Polls close at 10:30 a.m. and reopen at 7 p.m.", "Polls close at ten thirty A M and reopen at seven P M."),
    ("Read more at https://example.com/story?id=3 today.", "Read more at today."),
    ("Write to tips@example.com or visit www.example.org.", "Write to or visit."),
    ("The war of 1914-18 ended.", "The war of nineteen fourteen to nineteen eighteen ended."),
    ("Dr. Smith vs. Mr. Jones, No. 3", "Doctor Smith versus Mister Jones, number three"),
])
def test_normalize_english(text, spoken):
    assert normalize(text, "en") == spoken


def test_normalize_other_languages_only_drops_urls():
    # espeak-ng reads German numbers itself; English rules must not touch them.
    assert normalize("Am 4. Mai 2025 kostete es 5 Euro, siehe https://example.de/x.", "de") == \
        "Am 4. Mai 2025 kostete es 5 Euro, siehe."


def test_byline():
    assert byline(["Ann Lee", "Bo Chen", "Cy Diaz"], "Reuters") == "By Ann Lee, Bo Chen and Cy Diaz, Reuters."
    assert byline([], "Reuters") == "From Reuters."
    assert byline(["Ann Lee"], None) == "By Ann Lee."


def seed_article() -> Article:
    text = shared_file("seed", "aggregator-page.txt").read_text("utf-8")
    return extract_text_dump(text, "https://www.foxnews.com/world/russia-again-blasts")


def test_seed_is_read_without_clutter():
    article = seed_article()
    speech = article_speech(article, outlet="Fox News")
    said = "\n".join(speech.sentences)
    # the headline is read whole, its first phrase as its own utterance so playback starts sooner
    assert speech.sentences[0] == "Russia again blasts notion of Western troops"
    assert speech.sentences[1] == "in Ukraine ahead of Trump call with Zelenskyy, European leaders."
    assert speech.pauses[0] == 0.0
    assert speech.sentences[2] == "From Fox News."
    assert "Zakharova" in said and "Witkoff" in said
    # none of the page's debris, and the caption and credit are not read by default
    for junk in ("Share and Follow", "listen to Fox News articles", "You May Also Like", "Ludovic Marin",
                 "Mangione", "Élysée"):
        assert junk not in said, junk
    assert "US Special Envoy" in said and "February twenty twenty-two" in said
    assert not any("http" in s for s in speech.sentences)


def test_captions_read_as_photo_when_asked_but_never_the_credit():
    article = seed_article()
    said = "\n".join(article_speech(article, outlet="Fox News", captions=True).sentences)
    assert "Photo: Belgium's Prime Minister Bart De Wever" in said
    assert "September fourth, twenty twenty-five" in said
    assert "Ludovic Marin" not in said


def test_caption_paragraphs_in_the_body_are_skipped():
    assert is_caption("Leaders met at the palace in Paris. (Ludovic Marin/Pool via Reuters)")
    assert is_caption("Photo: The harbour at dawn")
    assert is_caption("(AP Photo/Evan Vucci)")
    assert not is_caption("The minister (a former banker) resigned on Tuesday.")
    article = Article(url="https://x.test/a", title="T", paragraphs=[
        "First real sentence here.", "The harbour at dawn. (John Doe/Getty Images)", "Second real sentence."])
    assert article_speech(article).sentences[1:] == ["First real sentence here.", "Second real sentence."]


def test_huge_article_is_cut_with_a_spoken_note():
    para = "The council met again today to discuss the budget in detail. " * 40
    article = Article(url="https://x.test/a", title="Budget", paragraphs=[para] * 100)  # ~48,000 words
    speech = article_speech(article, max_words=2000)
    assert speech.truncated
    assert speech.body_words <= 2000
    assert "reads only its first part" in speech.sentences[-1]


def test_long_sentences_are_cut_into_speakable_pieces():
    sentence = ", ".join(["the minister said the plan would cost more than expected"] * 12) + "."
    pieces = chunks(sentence)
    assert len(pieces) > 1 and all(len(p.split()) <= MAX_CHUNK_WORDS for p in pieces)
    assert " ".join(pieces).split() == sentence.split()


def test_key_follows_the_article_version():
    a = Article(url="https://x.test/a", title="T", paragraphs=["One sentence here."])
    b = Article(url="https://x.test/a", title="T", paragraphs=["One sentence here, changed."])
    assert article_speech(a).key("piper:x") == article_speech(a).key("piper:x")
    assert article_speech(a).key("piper:x") != article_speech(b).key("piper:x")
    assert article_speech(a).key("piper:x") != article_speech(a).key("espeak:en-us")


def test_story_reads_the_representative_then_only_what_others_add():
    rep = Article(url="https://a.test/1", id=1, title="Storm hits coast", site_name="Alpha News", paragraphs=[
        "A powerful storm hit the northern coast on Monday, flooding hundreds of homes.",
        "Officials ordered the evacuation of three coastal villages before dawn."])
    other = Article(url="https://b.test/2", id=2, title="Coast storm", site_name="Beta Daily", paragraphs=[
        "A powerful storm hit the northern coast on Monday and flooded hundreds of homes.",
        "The national weather service said wind gusts reached one hundred and forty kilometres per hour."])
    same = Article(url="https://c.test/3", id=3, title="Storm", site_name="Gamma", paragraphs=[
        "Officials ordered the evacuation of three coastal villages before dawn on Monday."])
    speech, used = story_speech(rep, [other, same], outlet_of=lambda a: a.site_name)
    said = "\n".join(speech.sentences)
    assert speech.sentences[0] == "Storm hits coast."
    assert "Beta Daily adds:" in said and "wind gusts reached" in said
    assert said.count("powerful storm") == 1
    assert "Gamma adds" not in said  # it added nothing new
    assert used == [1, 2]


def test_lead_split_cuts_only_long_first_sentences_at_a_phrase_boundary():
    from newsdesk.audio.text import lead_split

    assert lead_split("Storm hits coast.") == ("Storm hits coast.", "")
    assert lead_split("Officials said the long-awaited regional infrastructure spending package passed easily today.") == (
        "Officials said the long-awaited regional infrastructure spending package passed easily today.", "")
    head, rest = lead_split("Suspect in National Guard Shooting Faces Charges of Murder and Assault in Court Today.")
    assert head == "Suspect in National Guard Shooting Faces Charges" and rest.startswith("of Murder")
