"""Who said it, in the shapes that a small contextual model named and the rules did not (read on
the gold set's open splits, bench/quotes_crossencoder.py): a quote over several one-sentence
paragraphs in tokenised text, and the verbs "notified" and "thundered".

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_one_sentence_paragraph_that_reopens_in_the_next_is_the_same_speakers_quote():
    # Tokenised copy (spaces inside the marks), one sentence a paragraph: the short paragraph opens a
    # quote that the next paragraph re-opens, the newspaper convention for a quote over paragraphs.
    quotes = extract_quotes([
        "\u201c We spoke before the final and he told me to stay if I felt ready , \u201d Ana Ruiz said .",
        "\u201c That stayed with me .",
        "\u201c Nobody told me the professional game would be this different .",
        "The travel never stops and the season is long . \u201d",
        "Ruiz will return for a fourth season .",
    ])
    assert [(q.speaker, q.text.split(" .")[0]) for q in quotes] == [
        ("Ana Ruiz", "We spoke before the final and he told me to stay if I felt ready"),
        ("Ana Ruiz", "That stayed with me")]
    assert "\u201c" not in quotes[1].text and "\n\nNobody told me" in quotes[1].text


def test_what_a_company_notified_a_board_is_its_chief_executives_statement():
    quotes = extract_quotes([
        "\u201cWe will make no further payments until we find a suitable site,\u201d Karen Holt, president of "
        "Valley Dairy, notified the board on Aug. 1."
    ])
    assert [(q.speaker, q.verb) for q in quotes] == [("Karen Holt", "notified the board")]


def test_a_thundered_quote_is_the_speakers():
    quotes = extract_quotes([
        "\u201cA protest is one thing and murder is quite another!\u201d Prime Minister George Andreou thundered "
        "in parliament."
    ])
    assert [(q.speaker, q.role) for q in quotes] == [("George Andreou", "Prime Minister")]


def test_his_exact_words_before_a_quote_name_who_said_it():
    quotes = extract_quotes([
        "Club owner John Hart has said, in so many words, that his team will not sign the pitcher.",
        "His exact words:",
        "\u201cWe met with him and were very impressed. It seems clear that we are not going to be a factor.\u201d",
    ])
    assert [(q.kind, q.speaker) for q in quotes] == [("reported", "John Hart"), ("direct", "John Hart")]


def test_a_quote_alone_after_reported_speech_goes_on_with_its_speaker():
    quotes = extract_quotes([
        "The boats fled when the helicopter arrived, a Defence Ministry statement said.",
        "\"On sighting the helicopter, the boats broke off the attack and attempted to escape.\"",
        "Commandos later boarded the larger boat.",
    ])
    assert [(q.kind, q.speaker) for q in quotes] == [("reported", "Defence Ministry"), ("direct", "Defence Ministry")]


def test_a_quote_after_a_paragraph_that_moves_on_is_not_given_to_the_last_speaker():
    quotes = extract_quotes([
        "The navy foiled the attack on Saturday, the Defence Ministry said. Nobody on the tanker was hurt.",
        "\"On sighting the helicopter, the boats broke off the attack and attempted to escape.\"",
    ])
    assert [(q.kind, q.speaker) for q in quotes] == [("reported", "Defence Ministry"), ("direct", None)]
