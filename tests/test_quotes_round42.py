"""Who said it, in the shapes the forty-second and forty-third rounds of work were about (read on
heldout41 and heldout42, long articles): people known by a number ("Juror No. 8"), Wikinews
answers labelled with the speaker's name in double brackets, and transcripts set out as labelled lines.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "what did they say, and who said it?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_juror_known_by_number_keeps_the_number():
    quotes = extract_quotes([
        "\u201cEveryone was respectful,\u201d said Juror No. 8, one of six women on the panel.",
        "\u201cWe were searching,\u201d Juror No. 12 said.",
    ])
    assert [(q.speaker, q.mention) for q in quotes] == [("Juror No. 8", "Juror No. 8"), ("Juror No. 12", "Juror No. 12")]


def test_wikinews_answers_labelled_with_the_name_in_double_brackets():
    quotes = extract_quotes([
        "Wikinews spoke to Philipp Hagemeister, a former maintainer of youtube-dl, about the takedown.",
        "When did you get to know about the takedown notice?",
        "((Philipp Hagemeister)) I saw the takedown notice along with anyone else, on reddit.",
        "((RS)) Does YouTube implement DRM for videos?",
        "((Philipp Hagemeister)) YouTube implements DRM for YouTube Movies.",
        "((WN)) What do you think of the DMCA notice?",
        "((Philipp Hagemeister)) I think it is not warranted because youtube-dl is entirely legal.",
    ])
    assert [(q.text, q.speaker, q.via) for q in quotes] == [
        ("I saw the takedown notice along with anyone else, on reddit.", "Philipp Hagemeister", "Wikinews"),
        ("YouTube implements DRM for YouTube Movies.", "Philipp Hagemeister", "Wikinews"),
        ("I think it is not warranted because youtube-dl is entirely legal.", "Philipp Hagemeister", "Wikinews"),
    ]


def test_a_transcript_set_out_as_labelled_lines_is_quoted_line_by_line():
    quotes = extract_quotes([
        "The FBI taped the following exchange between two family members, Anthony Salerno and Giuseppe Sabato:",
        "Salerno: He has got to worry if he gets pinched, all them years he spent in that asylum.",
        "Sabato: That is what I am saying.",
        "Note: the tape was played in court.",
    ])
    assert [(q.text, q.speaker, q.mention) for q in quotes] == [
        ("He has got to worry if he gets pinched, all them years he spent in that asylum.", "Anthony Salerno", "Salerno"),
        ("That is what I am saying.", "Giuseppe Sabato", "Sabato"),
    ]
