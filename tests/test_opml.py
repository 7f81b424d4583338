"""OPML import/export: nesting, odd attribute spellings, bad input, XXE, round trip."""

from __future__ import annotations


import pytest


from newsdesk.sources.opml import OPMLError, Subscription, parse_opml, to_opml  # noqa: E402

SAMPLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Top level" type="rss" xmlUrl="https://top.example/feed" htmlUrl="https://top.example/"/>
    <outline text="News">
      <outline text="BBC &amp; Co" title="BBC" type="rss" xmlUrl="http://feeds.bbci.co.uk/news/rss.xml"
               htmlUrl="https://www.bbc.co.uk/news"/>
      <outline text="Tech">
        <outline text="Ars" type="rss" xmlurl="feed://feeds.arstechnica.com/arstechnica/index"/>
      </outline>
      <outline text="Dup" type="rss" xmlUrl="https://top.example/feed"/>
      <outline text="Evil" type="rss" xmlUrl="javascript:alert(1)"/>
    </outline>
    <outline text="Tagged" type="rss" xmlUrl="https://tag.example/atom" category="/Science/Space,/Other"/>
    <outline text="just a note"/>
  </body>
</opml>"""


def test_parse_nested():
    subs, problems = parse_opml(SAMPLE)
    assert [s.url for s in subs] == [
        "https://top.example/feed",
        "http://feeds.bbci.co.uk/news/rss.xml",
        "http://feeds.arstechnica.com/arstechnica/index",
        "https://tag.example/atom",
    ]
    top, bbc, ars, tagged = subs
    assert top == Subscription("https://top.example/feed", "Top level", "https://top.example/", None)
    assert bbc.title == "BBC & Co" and bbc.site_url == "https://www.bbc.co.uk/news" and bbc.category == "News"
    assert ars.category == "News/Tech"
    assert tagged.category == "Science/Space"
    reasons = " | ".join(p.reason for p in problems)
    assert "duplicate" in reasons and "javascript" in reasons
    assert len(problems) == 2


def test_malformed_is_best_effort():
    data = b"""<opml version="1.0"><head><title>x</title></head><body>
<outline text="A & B" xmlUrl="http://a.example/rss?x=1&y=2"/>
<outline text="C" xmlUrl="http://c.example/rss">
</body>"""
    subs, problems = parse_opml(data)
    assert "http://c.example/rss" in [s.url for s in subs]
    assert problems and "not well-formed" in problems[0].reason


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"\x00\x01\x02garbage", "not XML"),
        (b"<!DOCTYPE html><html><body><p>hi</p></body></html>", "not an OPML"),
        (b"<rss version='2.0'><channel><title>t</title></channel></rss>", "not an OPML"),
        (b"<foo><bar/></foo>", "not an OPML"),
    ],
)
def test_unusable(data, reason):
    with pytest.raises(OPMLError) as info:
        parse_opml(data)
    assert reason in info.value.reason


def test_empty_opml_is_fine():
    subs, problems = parse_opml(b'<opml version="2.0"><head/><body/></opml>')
    assert subs == [] and problems == []


def test_no_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY net SYSTEM "http://127.0.0.1:1/x">]>
<opml version="2.0"><body><outline text="&xxe;&net;" xmlUrl="http://x.example/rss"/></body></opml>""".encode()
    subs, _ = parse_opml(data)
    assert subs and "TOPSECRET" not in (subs[0].title or "")


def test_billion_laughs_is_not_expanded():
    data = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<opml version="2.0"><body><outline text="&lol9;" xmlUrl="http://x.example/rss"/></body></opml>"""
    try:
        subs, _ = parse_opml(data)
    except OPMLError:
        return  # refusing is fine too
    assert all(len(s.title or "") < 10_000 for s in subs)


def test_round_trip():
    subs = [
        Subscription("https://a.example/feed?x=1&y=<2>", 'A "quoted" <title> & more', "https://a.example/", None),
        Subscription("https://b.example/rss", None, None, "News"),
        Subscription("https://c.example/rss", "C", None, "News/Tech & Science"),
        Subscription("https://d.example/rss", "Ünïcödé ☃", "https://d.example/", "Ärger"),
        Subscription("https://e.example/rss", "ctrl\x01char", None, "News"),
    ]
    text = to_opml(subs, title="Mine & yours")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert 'version="2.0"' in text and "Mine &amp; yours" in text
    back, problems = parse_opml(text.encode("utf-8"))
    assert problems == []
    expected = [s if "\x01" not in (s.title or "") else Subscription(s.url, "ctrlchar", s.site_url, s.category)
                for s in subs]
    assert sorted(back, key=lambda s: s.url) == sorted(expected, key=lambda s: s.url)
    # categories became folders, not attributes
    assert text.count('text="News"') == 1


def test_round_trip_of_parsed_sample():
    subs, _ = parse_opml(SAMPLE)
    again, problems = parse_opml(to_opml(subs).encode())
    assert again == subs and problems == []
