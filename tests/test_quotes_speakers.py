"""Who says it, and through whom: the attribution cases that used to go wrong (issue 7 follow-up).

Each case is a short passage written the way news copy is written; the assertion is what a
reader would answer to "who said this, and to which outlet?".
"""

from __future__ import annotations

from quote_helpers import by_text as _by_text

from newsdesk.analyze.quotes import extract_quotes


def test_a_title_inside_the_name_and_joint_speakers():
    quotes = _by_text(extract_quotes([
        "Crown Prince Mohammad bin Salman said the kingdom would cooperate with the inquiry.",
        "“We are thrilled to have Ellen DeGeneres host the Oscars,” said Zadan and Meron jointly.",
        "“It is an honor to welcome her back,” said ABC Entertainment Group prexy Paul Lee.",
    ]))
    assert quotes["the kingdom would cooperate with the inquiry"].speaker == "Mohammad bin Salman"
    assert quotes["We are thrilled to have Ellen DeGeneres host the Oscars"].speaker == "Zadan and Meron"
    assert quotes["It is an honor to welcome her back"].speaker == "Paul Lee"


def test_a_description_the_article_names_only_later():
    quotes = extract_quotes([
        "Raj Chohan was hit by a gray Camry near 117th Street.",
        "The victim's nephew said she had just gotten out of a car when the car “came out of nowhere” and hit her.",
        "“Her forehead hit the back of the headlight, and the headlight broke,” said Manpreet Singh.",
    ])
    assert [(q.text, q.speaker) for q in quotes] == [
        ("came out of nowhere", "Manpreet Singh"),
        ("Her forehead hit the back of the headlight, and the headlight broke", "Manpreet Singh"),
    ]
    assert quotes[0].role == "victim's nephew"


def test_she_is_not_the_last_man_named():
    quotes = extract_quotes([
        ("Hatice Cengiz, fiancée of the journalist, addressed reporters in New York on Thursday. "
         "Prosecutor John Webb arrived later with the case files."),
        "“True justice takes time,” she said.",
    ])
    assert quotes[0].speaker == "Hatice Cengiz"


def test_relay_stated_before_the_verb_and_carried_through_the_conversation():
    quotes = extract_quotes([
        "Speaking to NBC News, Hatice Cengiz said, “His fellow journalists did their best.”",
        "His sister, Mahnefah Gray, told NY1 she doubted her brother was carrying a gun.",
        "“They thought he was grabbing back to get a gun,” she said.",
        "“I don't know,” Mayor Bill Lee said, according to Reuters. “We will see,” he added.",
    ])
    got = [(q.text[:20], q.speaker, q.via) for q in quotes]
    assert got == [
        ("His fellow journalis", "Hatice Cengiz", "NBC News"),
        ("she doubted her brot", "Mahnefah Gray", "NY1"),
        ("They thought he was ", "Mahnefah Gray", "NY1"),  # the same interview, next paragraph
        ("I don't know", "Bill Lee", "Reuters"),
        ("We will see", "Bill Lee", None),  # "according to" sources one statement only
    ]


def test_lines_with_no_speech_verb_of_their_own():
    quotes = extract_quotes([
        "Police used a ram to force open the door.",
        "“Hands! Let me see your hands!” an officer ordered. “Step out.”",
        "The mayor of London, Sadiq Khan, thanked “the police and emergency services for their swift response”.",
    ])
    assert [(q.text.rstrip("."), q.speaker) for q in quotes] == [
        ("Hands! Let me see your hands!", "officer"),
        ("Step out", "officer"),
        ("the police and emergency services for their swift response", "Sadiq Khan"),
    ]


def test_an_outlets_own_report_is_not_a_quote_but_relays_what_it_quotes():
    quotes = extract_quotes([
        "The previous day, PBS revealed that the prince had accepted responsibility for the killing.",
        "Znak.com further reported its anonymous source said the tenant had moved in the day before the blast.",
    ])
    assert [(q.text, q.via) for q in quotes] == [("the tenant had moved in the day before the blast", "Znak.com")]
    assert quotes[0].speaker.endswith("anonymous source")


def test_tokenised_text_with_spaces_inside_the_marks():
    # ECB+ and some text dumps put spaces inside quote marks and split sentences into lines.
    quotes = extract_quotes([
        "“ I am so excited to be hosting the Oscars for the second time , ” DeGeneres said .",
        "\" I'm in the middle of the riot action in my district .",
        "Right now , things are tense , \" Councilman Jumaane Williams said on Twitter .",
    ])
    assert [q.speaker for q in quotes] == ["DeGeneres", "Jumaane Williams"]
    assert quotes[0].text.startswith("I am so excited") and quotes[0].kind == "direct"
    assert "Right now , things are tense" in quotes[1].text  # one quote over both lines
