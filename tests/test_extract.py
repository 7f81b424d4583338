"""Extraction: what a reader of newsdesk sees from a page (no timing assertions here)."""

from __future__ import annotations

import gzip

import pytest

from newsdesk.extract import ExtractionError, extract_html, extract_text_dump
from newsdesk.extract.rules import SiteRules, apply_rules, css_to_xpath, parse_rules, rules_for

from shareddata import shared_path as shared


PROSE = (
    "The council voted on Tuesday to approve the new budget after a long debate that lasted well into the night. "
    "Members said the plan would fund road repairs, libraries and two new parks over the next three years."
)


def page(body: str, head: str = "", title: str = "Council approves budget after long night | Town Gazette") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:site_name' content='Town Gazette'>{head}</head><body>{body}</body></html>")


ARTICLE = page(
    f"""
    <header class="site-header"><nav><a href="/">Home</a><a href="/news">News</a></nav></header>
    <article>
      <h1>Council approves budget after long night</h1>
      <div class="byline">By Jane Doe and John Roe, Associated Press</div>
      <div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
      <figure><img src="/img/council.jpg" alt="">
        <figcaption>Council members vote on the budget on Tuesday. <span class="credit">Photo: Ann Lee/Gazette</span></figcaption>
      </figure>
      <div class="article-body">
        <p>{PROSE}</p>
        <p>NEWYou can now listen to Town Gazette articles!</p>
        <p>“We listened to every resident who came to speak,” the mayor said after the vote, thanking the staff.</p>
        <p><strong>Related:</strong> <a href="/x">Mayor faces recall petition</a></p>
        <p>CLICK HERE TO GET THE TOWN GAZETTE APP</p>
        <p>The budget takes effect in July, and the first road repairs are expected to begin in the autumn months.</p>
        <div class="newsletter-signup"><p>Sign up for our Morning Briefing newsletter to get the news in your inbox.</p></div>
      </div>
      <section class="related-stories"><h3>You May Also Like</h3>
        <ul><li><a href="/a">School board election results are in</a></li><li><a href="/b">Storm knocks out power</a></li></ul>
      </section>
      <div id="comments"><h3>3 Comments</h3><p>Great article, thanks for writing this up so clearly for us all!</p></div>
    </article>
    <footer class="site-footer"><p>© 2024 Town Gazette. All rights reserved.</p></footer>
    """,
    head=("<link rel='canonical' href='https://gazette.example/news/budget'>"
          "<meta property='og:image' content='https://gazette.example/img/council.jpg'>"
          "<meta property='article:published_time' content='2024-03-05T21:30:00-05:00'>"
          "<meta property='article:section' content='Local'><meta property='article:tag' content='budget'>"
          "<meta name='description' content='The council approved the budget.'>"),
)


def test_html_article_fields_and_no_debris():
    a = extract_html(ARTICLE.encode("utf-8"), "https://gazette.example/news/budget?utm_source=x")
    body = a.text
    assert a.title == "Council approves budget after long night"
    assert "council voted on Tuesday" in body and "listened to every resident" in body and "takes effect in July" in body
    for debris in ("listen to Town Gazette", "Mayor faces recall", "CLICK HERE", "Morning Briefing", "You May Also Like",
                   "School board election", "Great article", "Share on Facebook", "All rights reserved",
                   "Council members vote on the budget"):
        assert debris not in body, debris
    assert a.authors == ["Jane Doe", "John Roe"]
    assert a.agencies == ["Associated Press"]
    assert a.published is not None and a.published.utcoffset() is not None
    assert a.published.isoformat().startswith("2024-03-05T21:30:00")
    assert a.canonical_url == "https://gazette.example/news/budget"
    assert a.site_name == "Town Gazette" and a.language == "en"
    assert a.section == "Local" and a.tags == ["budget"] and a.description == "The council approved the budget."
    assert a.image is not None and a.image.url == "https://gazette.example/img/council.jpg"
    assert a.image.caption == "Council members vote on the budget on Tuesday."
    assert a.image.credit == "Ann Lee/Gazette"


def test_story_in_a_layout_table_keeps_its_paragraphs_apart():
    """Old wire pages put the whole story in one table cell: its paragraphs stay paragraphs."""
    first = ("Efforts were made to find out about his past, according to an official in the intelligence agency, "
             "who was not authorized to talk to reporters.")
    second = ("But political analyst Ahmad Saeedi said the man, who is about 70, was living in the capital "
              "when he left 31 years ago for the United States.")
    third = "A fierce anti-communist, he was a captain in the ranks of the mujahedeen, Saeedi said."
    html = page(f"<table><tr><td><h1>Council approves budget after long night</h1>"
                f"<p>{PROSE}</p><p>{first}</p> <p>{second}</p> <p>{third}</p></td></tr></table>")
    a = extract_html(html.encode("utf-8"), "https://gazette.example/news/budget")
    assert first in a.paragraphs and second in a.paragraphs and third in a.paragraphs
    assert "reporters.But" not in a.text


def test_html_output_is_sanitized():
    evil = page(f"""<article><h1>Council approves budget after long night</h1>
      <p>{PROSE} <script>alert(1)</script><a href="javascript:alert(2)">x</a></p>
      <p onclick="steal()">{PROSE}</p><iframe src="https://evil.example"></iframe></article>""")
    a = extract_html(evil, "https://gazette.example/n")
    assert "<script" not in a.html and "javascript:" not in a.html and "onclick" not in a.html and "iframe" not in a.html
    assert "alert" not in a.text
    assert a.html.startswith("<p>")


def test_seed_text_dump():
    text = shared("seed", "aggregator-page.txt").read_text(encoding="utf-8")
    a = extract_text_dump(text)
    body = a.text
    assert a.title.startswith("Russia again blasts notion of Western troops in Ukraine")
    # the quotes stay
    assert "“Russia is not going to discuss a foreign intervention in Ukraine" in body
    assert "“I would like to give special thanks to President Trump" in body
    assert "“We share the same view that Russia is making every effort" in body
    assert body.rstrip().endswith("did not immediately hear back.")
    # the debris leaves
    for debris in ("You can now listen", "Share and Follow", "You May Also Like", "National Guard", "Mangione",
                   "Tarantino", "Devin Williams", "Ludovic Marin", "Élysée presidential palace"):
        assert debris not in body, debris
    assert a.image is not None
    assert a.image.credit == "Ludovic Marin/Pool via Reuters"
    assert a.image.caption.startswith("Belgium’s Prime Minister Bart De Wever") and a.image.caption.endswith("Sept. 4, 2025.")
    assert a.site_name == "Fox News" and a.language == "en"
    assert "<script" not in a.html and a.html.count("<p>") == len([p for p in a.paragraphs]) - a.html.count("<h2>")


def test_aeb_page_extracts_gold_like_text():
    p = shared("data", "aeb", "html")
    pid = "5caf91b8a442"
    f = next(p.glob(pid + "*.html.gz"), None)
    if f is None:
        pytest.skip("AEB page missing")
    a = extract_html(gzip.decompress(f.read_bytes()), "https://www.sfgate.com/news/crime/article/x.php")
    assert a.title.startswith("The Latest: Man stabbed to death")
    assert not a.paragraphs[0].startswith("The Latest")  # the headline is not repeated in the body


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize("data,reason", [
    (b"", "empty page"),
    (b"   \n  ", "empty page"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary content"),
    (b"%PDF-1.4\n" + b"\x00\x01" * 100, "binary content"),
    (b"<html>\x00\x00\x00\x00 binary junk</html>", "binary content"),
    (bytes(range(1, 9)) * 500, "binary content"),
])
def test_bad_bytes_say_why(data, reason):
    with pytest.raises(ExtractionError) as ei:
        extract_html(data, "https://x.example/a")
    assert ei.value.reason.startswith(reason)


def test_too_large_refused_before_parsing():
    big = b"<html><body>" + b"<p>word </p>" * 800_000 + b"</body></html>"  # ~9.6 MB
    with pytest.raises(ExtractionError) as ei:
        extract_html(big)
    assert ei.value.reason.startswith("too large")


def test_large_script_heavy_page_is_bounded():
    scripts = "<script>var x = '" + "a" * 4_000_000 + "';</script>"
    html = page(f"{scripts}<article><h1>Council approves budget after long night</h1><p>{PROSE}</p><p>{PROSE}</p></article>")
    a = extract_html(html.encode())
    assert "council voted" in a.text


def test_no_article_text():
    with pytest.raises(ExtractionError) as ei:
        extract_html(page("<nav><a href='/'>Home</a></nav><p>Hi.</p>"))
    assert ei.value.reason.startswith(("empty body", "not an article"))


def test_listing_page_is_not_an_article():
    links = "".join(f"<li><a href='/story/{i}'>Headline number {i} about something that happened today</a></li>"
                    for i in range(60))
    html = page(f"<main><h1>Latest news from the town</h1><ul>{links}</ul></main>",
                head="<meta property='og:type' content='website'>", title="Latest news")
    with pytest.raises(ExtractionError) as ei:
        extract_html(html)
    assert ei.value.reason.startswith("not an article: listing")


def test_truncated_download_is_flagged():
    cut = ARTICLE[: ARTICLE.index("The budget takes effect")]
    a = extract_html(cut.encode())
    assert "truncated" in a.flags
    assert "council voted on Tuesday" in a.text


def test_misdeclared_charset_utf8_bytes_declared_latin1():
    html = page(f"<article><h1>Café owners protest new rules in Zürich</h1><p>{PROSE} Les cafés ouvrent à 7 h.</p></article>",
                title="Café owners protest new rules in Zürich")
    data = html.replace("charset='utf-8'", "charset='iso-8859-1'").encode("utf-8")
    a = extract_html(data, charset="iso-8859-1")
    assert "Zürich" in a.title and "à 7 h" in a.text


def test_misdeclared_charset_cp1252_bytes_declared_utf8():
    html = page(f"<article><h1>Café owners protest new rules in Zürich</h1><p>{PROSE} “Quoted” – dash.</p></article>",
                title="Café owners protest new rules in Zürich")
    a = extract_html(html.encode("cp1252"))
    assert "Zürich" in a.title and "“Quoted” – dash" in a.text


def test_utf16_with_bom():
    html = page(f"<article><h1>Council approves budget after long night</h1><p>{PROSE}</p></article>")
    a = extract_html(html.encode("utf-16"))
    assert "council voted" in a.text


def test_gzip_bytes_are_read():
    html = page(f"<article><h1>Council approves budget after long night</h1><p>{PROSE}</p></article>")
    assert "council voted" in extract_html(gzip.compress(html.encode())).text


def test_deeply_nested_markup_does_not_crash():
    html = page("<div>" * 3000 + f"<p>{PROSE}</p>" + "</div>" * 3000)
    try:
        a = extract_html(html)
    except ExtractionError as exc:  # refusing with a reason is fine; crashing is not
        assert exc.reason
    else:
        assert "council" in a.text.lower()


def test_text_dump_errors():
    for bad, reason in (("", "empty text"), ("Only a title", "empty body"), ("Title\n\nToo short.", "empty body")):
        with pytest.raises(ExtractionError) as ei:
            extract_text_dump(bad)
        assert ei.value.reason.startswith(reason)


def test_plain_text_given_to_extract_html_is_read_as_a_dump():
    text = "A headline about the budget\n\n" + PROSE + "\n\n" + PROSE
    a = extract_html(text.encode())
    assert a.title == "A headline about the budget" and "council voted" in a.text


# ---------------------------------------------------------------- site rules
def test_site_rules_format():
    rules = parse_rules("""
        # comment
        gazette.example  strip      .promo-box, #sidebar
        gazette.example  body       div.story
        gazette.example  drop-text  ^Editor's note
    """)
    r = rules_for("https://www.gazette.example/a", rules)
    assert r.strip == [".promo-box, #sidebar"] and r.body == ["div.story"] and len(r.drop_text) == 1
    assert not rules_for("https://other.example/a", rules)
    assert css_to_xpath("div.a.b #c") == ('//div[contains(concat(" ", normalize-space(@class), " "), " a ")]'
                                          '[contains(concat(" ", normalize-space(@class), " "), " b ")]//*[@id="c"]')
    with pytest.raises(ValueError):
        parse_rules("gazette.example explode .x")

    import lxml.html

    root = lxml.html.fromstring("<html><body><div class='story'><p>a</p><div class='promo-box'>x</div></div></body></html>")
    found = apply_rules(root, SiteRules(body=["div.story"], strip=[".promo-box"]))
    assert found is not None and found.get("class") == "story" and not root.xpath("//*[@class='promo-box']")


def test_site_rules_apply_in_extraction(tmp_path, monkeypatch):
    from newsdesk.extract import rules as rules_mod

    f = tmp_path / "rules.txt"
    f.write_text("gazette.example drop-text ^The budget takes effect\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_SITE_RULES", str(f))
    rules_mod._load.cache_clear()
    try:
        a = extract_html(ARTICLE, "https://gazette.example/news/budget")
        assert "takes effect in July" not in a.text and "council voted" in a.text
    finally:
        monkeypatch.delenv("NEWSDESK_SITE_RULES")
        rules_mod._load.cache_clear()


@pytest.mark.parametrize("name,reason", [
    ("sample_rss.html", "not an article: a feed"),
    ("google_meta_refresh.html", "not an article: redirect"),
])
def test_shared_non_pages_say_why(name, reason):
    data = shared("data", "news-html", "newspaper4k", "html", name).read_bytes()
    with pytest.raises(ExtractionError) as ei:
        extract_html(data)
    assert ei.value.reason.startswith(reason)


def test_front_page_is_flagged_not_article():
    data = shared("data", "news-html", "newspaper4k", "html", "cnn_main_site.html").read_bytes()
    a = extract_html(data)
    assert a.flags.get("not_article", "").startswith("index")
