"""A story's narration: its representative article in full, then only what other outlets add.

"What an outlet adds" is its sentences that no sentence already read covers: a
sentence counts as covered when at least 60% of its content words appear in one
sentence already in the narration. That is a set comparison over a few hundred
sentences, small enough to write here rather than pull in a near-duplicate
library built for millions of documents.
"""

from __future__ import annotations

import re

from ..model import Article
from .text import (MAX_WORDS, PAUSE_PARAGRAPH, Speech, article_speech, base_language, chunks, normalize,
                   split_sentences)

COVERED = 0.6
MIN_NEW_WORDS = 5

_STOP = frozenset("""a an and are as at be been but by for from had has have he her his i in is it its of on or
our said says she than that the their them they this to was we were which who will with would you""".split())


def content_words(sentence: str) -> frozenset:
    return frozenset(w for w in re.findall(r"\w+", sentence.lower()) if len(w) > 2 and w not in _STOP)


def story_speech(representative: Article, others: list[Article], *, outlet_of, captions: bool = False,
                 max_words: int = MAX_WORDS) -> tuple[Speech, list[int]]:
    """The script and the ids of the articles it draws on (representative first).

    ``outlet_of(article)`` names an article's outlet. Articles in another language
    than the representative's are left out: one narration, one voice.
    """
    speech = article_speech(representative, outlet=outlet_of(representative), captions=captions,
                            max_words=max_words)
    said = [content_words(p) for para in representative.paragraphs for p in split_sentences(para, speech.language)]
    said = [s for s in said if s]
    used = [representative.id]
    for other in others:
        if base_language(other.language) not in (None, speech.language) or speech.truncated:
            continue
        new = []
        for para in other.paragraphs:
            for sent in split_sentences(para, speech.language):
                words = content_words(sent)
                if len(words) < MIN_NEW_WORDS:
                    continue
                if any(len(words & s) >= COVERED * len(words) for s in said):
                    continue
                new.append(sent)
                said.append(words)
        if not new:
            continue
        if speech.body_words + sum(len(s.split()) for s in new) > max_words:
            speech.truncated = True
            break
        speech.end_paragraph(PAUSE_PARAGRAPH)
        speech.add(normalize(f"{outlet_of(other) or 'Another outlet'} adds:", speech.language), PAUSE_PARAGRAPH)
        for sent in new:
            for chunk in chunks(normalize(sent, speech.language)):
                speech.add(chunk)
            speech.body_words += len(sent.split())
        speech.end_paragraph(PAUSE_PARAGRAPH)
        used.append(other.id)
    return speech, used
