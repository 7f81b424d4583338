"""The one exception extraction raises."""

from __future__ import annotations


class ExtractionError(Exception):
    """The page holds no article we can return; ``reason`` says why.

    Reasons start with a stable phrase so callers can group them: "empty page",
    "empty body", "not an article: ...", "undecodable: ...", "too large: ...",
    "binary content: ...", "unparseable HTML: ...".
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
