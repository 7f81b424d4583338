from newsdesk.analyze.teaser import shorten, teaser
from newsdesk.model import Article


def test_teaser_skips_datelines_and_widget_lines():
    a = Article(url="u", title="t", paragraphs=["Friday, January 4, 2019", "Share and Follow",
                                                "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region."])
    assert teaser(a).startswith("An apartment building collapsed")


def test_teaser_cuts_at_a_word_boundary_with_an_ellipsis():
    text = "Luigi Mangione is set to appear in court again on Tuesday for a hearing over evidence in the case."
    out = shorten(text, 40)
    assert out.endswith("…") and len(out) <= 41
    assert text.startswith(out[:-1]) and text[len(out) - 1] == " "
