"""Metadata a reader can see: the byline and dateline under the headline, and the headline itself."""

from __future__ import annotations

from datetime import date

from newsdesk.extract import extract_html
from newsdesk.extract.people import split_people
from newsdesk.extract.visible import cut_byline, parse_day

PROSE = (
    "The council voted on Tuesday to approve the new budget after a long debate that lasted well into the night. "
    "Members said the plan would fund road repairs, libraries and two new parks over the next three years. "
    "The budget takes effect in July, and the first road repairs are expected to begin in the autumn months."
)


def page(header: str, *, head: str = "", lang: str = "en", top: str = "") -> str:
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Council approves budget | Gazette</title>"
            f"<meta property='og:site_name' content='Gazette'>{head}</head><body>"
            f"<div class='site-top'>{top}<a href='/'>Gazette</a></div>"
            f"<article><h1>Council approves budget</h1>{header}<p>{PROSE}</p><p>{PROSE}</p></article></body></html>")


def test_unmarked_by_line_under_the_headline_gives_the_authors():
    art = extract_html(page("<p>By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.</p>"),
                       "https://example.org/news/council")
    assert art.authors == ["Matthew Digby", "Minh Do"]
    assert art.published.date() == date(2019, 11, 18)


def test_visible_byline_with_more_writers_than_the_metadata_wins():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves budget",'
          ' "datePublished": "2019-11-20T06:07:01+0000", "author": {"@type": "Person", "name": "Stefan Becket"}}</script>')
    art = extract_html(page("<p class='content__meta'>By Stefan Becket, Kathryn Watson, Grace Segers</p>", head=ld),
                       "https://example.org/news/council")
    assert art.authors == ["Stefan Becket", "Kathryn Watson", "Grace Segers"]
    assert art.published.date() == date(2019, 11, 20)


def test_visible_byline_beats_the_cms_account_in_metadata():
    head = "<meta name='author' content='Kevin Rebong'>"
    art = extract_html(page("<span class='single-header-byline'>By David Jeans</span>", head=head), None)
    assert art.authors == ["David Jeans"]


def test_metadata_names_kept_when_the_byline_merely_glues_the_brand_on():
    head = "<meta name='author' content='Jonathan Garber'>"
    art = extract_html(page("<div class='author-byline'>By Jonathan Garber Gazette</div>", head=head), None)
    assert art.authors == ["Jonathan Garber"]


def test_name_and_date_block_without_by():
    art = extract_html(page("<div class='m-bar'>Max Blumenthal<br><a href='https://g.example'>The Grayzone</a><br>"
                            "Thu, 14 May 2020 17:55 UTC</div>", top="<div class='date-box'>Mon, 25 Dec 2023</div>"),
                       None)
    assert art.authors == ["Max Blumenthal"]
    assert art.published.date() == date(2020, 5, 14)  # not the site header's "today"


def test_dateline_under_the_headline_beats_a_time_element_in_the_site_header():
    top = "<time datetime='2014-01-09 10:21'>jueves, 09 enero 2014</time>"
    art = extract_html(page("<p class='autor'><strong>Patricio Candia</strong> | Palma de Mallorca | 08/01/2014</p>",
                            lang="es", top=top), None)
    assert art.authors == ["Patricio Candia"]  # the place after the bar is not a person
    assert art.published.date() == date(2014, 1, 8)  # day first on a Spanish page


def test_updated_line_is_not_the_publication_date():
    art = extract_html(page("<p>By Jane Doe</p><p>Updated: Sat 8:31 PM, Feb 17, 2018</p>"
                            "<p>Posted: Fri 6:45 PM, Feb 16, 2018</p>"), None)
    assert art.published.date() == date(2018, 2, 16)
    assert art.updated.date() == date(2018, 2, 17)


def test_date_in_the_url_with_a_month_name():
    art = extract_html(page(""), "https://www.example.com/statements/2019/nov/18/someone/claim/")
    assert art.published.date() == date(2019, 11, 18)


def test_h1_holding_headline_and_byline_gives_the_headline():
    html = ("<!doctype html><html lang='ja'><head><meta charset='utf-8'>"
            "<meta property='og:title' content='米朝首脳直通電話 習氏に挑むトランプ戦術の成否（写真＝ロイター）'></head><body>"
            "<h1 class='cmn-article_title'><span>米朝首脳直通電話　習氏に挑むトランプ戦術の成否</span><br>"
            f"<span>編集委員　中沢克二</span></h1><p>{PROSE}</p><p>{PROSE}</p></body></html>")
    assert extract_html(html, None).title == "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"


def test_truncated_metadata_headline_does_not_cut_the_h1():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
          '"Hunter diagnosed with bubonic plague after eating a rabbit making him third Beijing local to contract"}</script>')
    html = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{ld}</head><body><h1>Hunter diagnosed with "
            "bubonic plague after eating a rabbit making him third Beijing local to contract medieval disease</h1>"
            f"<p>{PROSE}</p><p>{PROSE}</p></body></html>")
    assert extract_html(html, None).title.endswith("to contract medieval disease")


def test_reworded_headline_on_the_page_wins_when_it_opens_the_article():
    head = "<meta property='og:title' content='The Resurrection of the Greatest Sci-Fi Writer You Never Read'>"
    html = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
            "<h1 class='article__hed'>The Disappearance of John M. Ford</h1><p class='article__byline'>By Isaac Butler</p>"
            f"<p>{PROSE}</p><p>{PROSE}</p></body></html>")
    art = extract_html(html, None)
    assert art.title == "The Disappearance of John M. Ford"
    assert art.authors == ["Isaac Butler"]


def test_accounts_and_glued_outlets_are_not_people():
    assert split_people(["KWCHCIK"])[0] == []
    assert split_people(["Finian Cunningham. Sputnik International"]) == (["Finian Cunningham"], ["Sputnik International"])
    assert split_people(["Dana A. Ford"])[0] == ["Dana A. Ford"]


def test_parse_day_shapes():
    assert parse_day("Thu, 14 May 2020 17:55 UTC").date() == date(2020, 5, 14)
    assert parse_day("November 18th, 2019 at 11:08").date() == date(2019, 11, 18)
    assert parse_day("11/18/19 11:04 PM EST", dayfirst=False).date() == date(2019, 11, 18)
    assert parse_day("08/01/2014", dayfirst=True).date() == date(2014, 1, 8)
    assert parse_day("2018年6月20日（水）").date() == date(2018, 6, 20)
    assert parse_day("9 de enero de 2014").date() == date(2014, 1, 9)
    assert parse_day("Hace 28 minutos") is None
    assert cut_byline("By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware") == "Jason Cipriani"
    assert cut_byline("Analysis by Joan Biskupic, CNN") == "Joan Biskupic, CNN"


def test_metadata_floors_on_the_hand_labelled_sets():
    """Title, authors and date on the labelled pages (bench/metadata_*.json) stay above the issue's floors."""
    import sys
    from pathlib import Path

    from shareddata import shared_path

    shared_path("data", "aeb", "ground-truth.json")
    shared_path("data", "news-html", "newspaper4k", "html")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from extract import metadata_eval

    from newsdesk.extract import ExtractionError

    for gold in (metadata_eval.GOLD, metadata_eval.HELDOUT, metadata_eval.HELDOUT2):
        r = metadata_eval.evaluate(extract_html, ExtractionError, gold)
        assert r["pages"] >= 12, gold.name
        misses = "; ".join(" ".join(map(str, m)) for m in r["misses"])
        assert r["title_exact"] >= 0.95, f"{gold.name}: {misses}"
        assert r["author_f1"] >= 0.90, f"{gold.name}: {misses}"
        assert r["date_day"] >= 0.95, f"{gold.name}: {misses}"
