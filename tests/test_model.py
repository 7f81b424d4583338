from newsdesk.model import Article, Source, outlet_of


def test_outlet_credit_prefers_the_page_then_the_feed_then_the_host():
    page = Article(url="https://www.example.com/a", site_name="Example Times")
    assert outlet_of(page) == "Example Times"
    bare = Article(url="https://www.example.com/a")
    assert outlet_of(bare, Source(url="https://example.com/feed", kind="feed", title="Example World")) == "Example World"
    # an import file is where the article came from, not who published it
    assert outlet_of(bare, Source(url="file:///tmp/ecb.jsonl", kind="file", title="ecb.jsonl")) == "example.com"
    assert outlet_of(Article(url="urn:newsdesk:42")) == "unknown outlet"
