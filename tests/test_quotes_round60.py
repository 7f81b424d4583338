"""Who said it, in the shapes the sixtieth round of work is about (read on heldout59, news of 2016-17
from eight outlets): a reporter's name run into her outlet's by a flattened break, and a
newspaper's name run into a contributor's.

Each passage is written the way news copy is written; each assertion is what a reader would
answer to "who said this?".
"""

from __future__ import annotations

from newsdesk.analyze.quotes import extract_quotes


def test_a_reporters_name_run_into_her_outlets_is_hers():
    quotes = extract_quotes([
        "Turkey summoned the Dutch charge d'affaires on Sunday. \"The ministry is furious,\" Al Jazeera's-Sinem "
        "Koseoglu said, reporting from Istanbul."
    ])
    assert [q.speaker for q in quotes] == ["Sinem Koseoglu"]



def test_a_newspapers_name_run_into_a_contributors_is_not_hers():
    quotes = extract_quotes([
        "Contributors: Meryem Ilayda Atlas, journalist, Sabah Newspaper Ceren Sozeri, associate professor. "
        "Erdogan's remarks are nothing new, says Ceren Sozeri, associate professor at Galatasaray University. "
        "\"The papers are used to reporting it,\" she said."
    ])
    assert [q.speaker for q in quotes] == ["Ceren Sozeri", "Ceren Sozeri"]
