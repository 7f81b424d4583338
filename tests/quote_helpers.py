"""Shared by the quote tests: the quotes of a passage keyed by their words."""


def by_text(quotes):
    """Quotes keyed by their text without trailing punctuation, as the assertions name them."""
    return {q.text.rstrip(",. "): q for q in quotes}
