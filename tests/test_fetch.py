"""Tests for newsdesk.fetch. No network: loopback servers and httpx.MockTransport."""

from __future__ import annotations

import asyncio
import gzip
import http.server
import threading
import time
import zlib
from email.utils import formatdate

import httpcore
import httpx
import pytest

from newsdesk.fetch import (
    FetchError,
    Fetcher,
    FetchResult,
    FetchSettings,
    RobotsRules,
    address_kind,
    decode_text,
    fetch_sync,
    parse_retry_after,
)
from newsdesk.fetch import netguard
from newsdesk.fetch.decoding import BodyDecoder, DecodedTooLarge


# ---------------------------------------------------------------- helpers


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        srv = self.server
        path = self.path.split("?", 1)[0]
        with srv.lock:
            srv.requests.append((self.path, dict(self.headers.items())))
            srv.active += 1
            srv.max_active = max(srv.max_active, srv.active)
        try:
            route = srv.routes.get(path) or srv.routes.get("*")
            if route is None:
                self.reply(404, b"not found")
            else:
                route(self)
        finally:
            with srv.lock:
                srv.active -= 1

    def reply(self, status=200, body=b"", headers=None, length=True):
        self.send_response(status)
        headers = dict(headers or {})
        for k, v in headers.items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if body:
            self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hanging up mid-body is expected in these tests


class LocalServer:
    def __init__(self):
        self.httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self.httpd.routes = {}
        self.httpd.requests = []
        self.httpd.lock = threading.Lock()
        self.httpd.active = 0
        self.httpd.max_active = 0
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def routes(self):
        return self.httpd.routes

    @property
    def requests(self):
        return self.httpd.requests

    def paths(self):
        return [p for p, _ in self.requests]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = LocalServer()
    yield srv
    srv.close()


LOOPBACK = FetchSettings(allow_private_networks=True, contact_url="https://example.org/newsdesk-contact")


def run(coro):
    return asyncio.run(coro)


async def _get(url, settings=LOOPBACK, **kw):
    transport = kw.pop("transport", None)
    resolver = kw.pop("resolver", None)
    async with Fetcher(settings, transport=transport, resolver=resolver) as f:
        return await f.get(url, **kw)


def get(url, settings=LOOPBACK, **kw) -> FetchResult:
    return run(_get(url, settings, **kw))


def fetch_error(url, settings=LOOPBACK, **kw) -> FetchError:
    with pytest.raises(FetchError) as info:
        get(url, settings, **kw)
    return info.value


def fake_dns(table):
    async def resolve(host, port):
        if host not in table:
            raise netguard.DNSLookupError(f"DNS lookup failed: {host}: unknown in test")
        return list(table[host])

    return resolve


# ---------------------------------------------------------------- identity


def test_user_agent_names_newsdesk_and_contact(server):
    server.routes["/"] = lambda h: h.reply(200, b"ok", {"Content-Type": "text/plain"})
    res = get(server.base + "/")
    assert res.status == 200 and res.content == b"ok"
    ua = server.requests[0][1]["User-Agent"]
    assert ua.startswith("newsdesk/")
    assert "(+https://example.org/newsdesk-contact)" in ua
    assert "gzip" in server.requests[0][1]["Accept-Encoding"]


def test_page_and_feed_accept_headers(server):
    server.routes["/"] = lambda h: h.reply(200, b"ok")
    settings = FetchSettings(allow_private_networks=True, respect_robots=False)
    get(server.base + "/", settings)
    get(server.base + "/", settings, page=True)
    get(server.base + "/", settings, accept="application/x-custom")
    accepts = [headers["Accept"] for _, headers in server.requests]
    assert "rss" in accepts[0]
    assert accepts[1].startswith("text/html")
    assert accepts[2] == "application/x-custom"


# ---------------------------------------------------------------- conditional GET


def test_conditional_get_304_keeps_validators(server):
    lm = formatdate(usegmt=True)

    def feed(h):
        if h.headers.get("If-None-Match") == '"v1"':
            h.reply(304, headers={"ETag": '"v1"'}, length=False)
        else:
            h.reply(200, b"<rss/>", {"ETag": '"v1"', "Last-Modified": lm,
                                     "Content-Type": "application/rss+xml"})

    server.routes["/feed"] = feed
    first = get(server.base + "/feed")
    assert first.status == 200 and not first.not_modified
    assert first.etag == '"v1"' and first.last_modified == lm
    assert first.headers["content-type"] == "application/rss+xml"

    second = get(server.base + "/feed", etag=first.etag, last_modified=first.last_modified)
    assert second.status == 304 and second.not_modified
    assert second.content == b""
    assert second.etag == '"v1"'
    assert second.last_modified == lm  # not in the 304, kept from the request
    sent = server.requests[1][1]
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == lm


# ---------------------------------------------------------------- redirects


def test_redirects_followed_and_final_url_reported(server):
    server.routes["/a"] = lambda h: h.reply(301, headers={"Location": "/b"})
    server.routes["/b"] = lambda h: h.reply(302, headers={"Location": server.base + "/c?x=1"})
    server.routes["/c"] = lambda h: h.reply(200, b"done")
    res = get(server.base + "/a")
    assert res.content == b"done"
    assert res.url == server.base + "/c?x=1"


def test_redirect_limit(server):
    def loop(h):
        n = int(h.path.split("=")[1])
        h.reply(302, headers={"Location": f"/r?n={n + 1}"})

    server.routes["/r"] = loop
    settings = FetchSettings(allow_private_networks=True, max_redirects=3)
    err = fetch_error(server.base + "/r?n=0", settings)
    assert err.reason == "too many redirects (>3)"
    assert len(server.requests) == 4  # the original request plus three redirects


def test_redirect_to_other_scheme_refused():
    def handler(request):
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    err = fetch_error("http://93.184.216.34/", FetchSettings(), transport=httpx.MockTransport(handler))
    assert "unsupported URL scheme" in err.reason


# ---------------------------------------------------------------- size limits


def test_body_limit_with_content_length(server):
    server.routes["/big"] = lambda h: h.reply(200, b"x" * 300_000)
    settings = FetchSettings(allow_private_networks=True, max_body_bytes=100 * 1024)
    err = fetch_error(server.base + "/big", settings)
    assert err.reason == "body exceeds 100 KB limit"


def test_body_limit_without_content_length(server):
    def stream(h):
        h.reply(200, headers={"Content-Type": "text/plain"}, length=False)
        try:
            for _ in range(2000):
                h.wfile.write(b"y" * 1024)
        except OSError:
            pass  # the client hung up, as it should

    server.routes["/stream"] = stream
    settings = FetchSettings(allow_private_networks=True, max_body_bytes=1024 * 1024)
    err = fetch_error(server.base + "/stream", settings)
    assert err.reason == "body exceeds 1 MB limit"


def _gzip_bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1024 * 1024)
    out = [comp.compress(chunk) for _ in range(size // len(chunk))]
    out.append(comp.flush())
    return b"".join(out)


def test_gzip_bomb_refused(server):
    bomb = _gzip_bomb(64 * 1024 * 1024)  # ~64 KB on the wire, 64 MB inflated
    assert len(bomb) < 200 * 1024
    server.routes["/bomb"] = lambda h: h.reply(200, bomb, {"Content-Encoding": "gzip"})
    settings = FetchSettings(allow_private_networks=True, max_decompressed_bytes=2 * 1024 * 1024)
    err = fetch_error(server.base + "/bomb", settings)
    assert err.reason == "decompressed body exceeds 2 MB limit"


def test_decoder_output_is_bounded_per_chunk():
    bomb = _gzip_bomb(32 * 1024 * 1024)
    decoder = BodyDecoder("gzip", 1000)
    with pytest.raises(DecodedTooLarge):
        decoder.feed(bomb)
    assert decoder._stages[0].produced <= 1001  # never inflated the whole chunk


def test_gzip_deflate_and_multimember_decoded(server):
    text = "Grüße aus der Redaktion\n".encode() * 500
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = raw_deflate.compress(text) + raw_deflate.flush()
    server.routes["/gz"] = lambda h: h.reply(200, gzip.compress(text), {"Content-Encoding": "gzip"})
    server.routes["/multi"] = lambda h: h.reply(
        200, gzip.compress(text[:100]) + gzip.compress(text[100:]), {"Content-Encoding": "gzip"})
    server.routes["/zlib"] = lambda h: h.reply(200, zlib.compress(text), {"Content-Encoding": "deflate"})
    server.routes["/raw"] = lambda h: h.reply(200, raw, {"Content-Encoding": "deflate"})
    for path in ("/gz", "/multi", "/zlib", "/raw"):
        assert get(server.base + path).content == text, path


def test_unsupported_content_encoding(server):
    server.routes["/br"] = lambda h: h.reply(200, b"\x0b\x02\x80hello\x03", {"Content-Encoding": "br"})
    err = fetch_error(server.base + "/br")
    assert "unsupported Content-Encoding: br" in err.reason


# ---------------------------------------------------------------- network guard


@pytest.mark.parametrize(
    "address, kind",
    [
        ("8.8.8.8", None),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:8.8.8.8", None),
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("10.0.0.5", "a private address"),
        ("172.16.3.4", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("100.64.0.1", "a shared (carrier-grade NAT) address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.251", "a multicast address"),
        ("240.0.0.1", "a private address"),
        ("192.0.2.1", "a private address"),
        ("::1", "a loopback address"),
        ("::", "an unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fc00::1", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("::ffff:10.0.0.1", "a private address"),
        ("2002:7f00:1::", "a loopback address"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:5", "a private address"),  # NAT64 wrapping 10.0.0.5
    ],
)
def test_address_kind(address, kind):
    assert address_kind(netguard.parse_ip(address)) == kind


def _no_network(request):
    raise AssertionError(f"request should have been refused: {request.url}")


@pytest.mark.parametrize(
    "url, shown",
    [
        ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
        ("http://10.0.0.5/admin", "10.0.0.5 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 (wraps 127.0.0.1) is a loopback address"),
        ("http://0.0.0.0:8000/", "0.0.0.0 is an unspecified address"),
    ],
)
def test_private_literals_refused_by_default(url, shown):
    err = fetch_error(url, FetchSettings(), transport=httpx.MockTransport(_no_network))
    assert err.reason == f"blocked: {shown} (set allow_private_networks to allow)"
    assert err.status is None


def test_private_refusal_real_server(server):
    server.routes["/"] = lambda h: h.reply(200, b"secret")
    err = fetch_error(server.base + "/", FetchSettings())
    assert err.reason.startswith("blocked: 127.0.0.1 is a loopback address")
    assert server.requests == []


def test_localhost_name_refused():
    err = fetch_error("http://localhost:1/", FetchSettings(), transport=httpx.MockTransport(_no_network))
    assert err.reason.startswith("blocked:") and "loopback" in err.reason


def test_name_with_any_private_address_refused():
    dns = fake_dns({"mixed.example": ["93.184.216.34", "10.1.2.3"]})
    err = fetch_error("https://mixed.example/", FetchSettings(),
                      transport=httpx.MockTransport(_no_network), resolver=dns)
    assert err.reason.startswith("blocked: 10.1.2.3 (from mixed.example) is a private address")


def test_redirect_from_public_to_private_refused():
    seen = []

    def handler(request):
        seen.append(request.url.host)
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://intranet.example/secret"})
        return httpx.Response(200, content=b"secret")

    dns = fake_dns({"news.example": ["93.184.216.34"], "intranet.example": ["10.0.0.5"]})
    err = fetch_error("https://news.example/story", FetchSettings(),
                      transport=httpx.MockTransport(handler), resolver=dns)
    assert err.reason.startswith("blocked: 10.0.0.5 (from intranet.example) is a private address")
    assert "after redirect to http://intranet.example/secret" in err.reason
    assert err.url == "https://news.example/story"
    assert seen == ["news.example"]


def test_redirect_to_metadata_literal_refused():
    seen = []

    def handler(request):
        seen.append(str(request.url))
        return httpx.Response(307, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    err = fetch_error("http://93.184.216.34/", FetchSettings(), transport=httpx.MockTransport(handler))
    assert "169.254.169.254 is a link-local address" in err.reason
    assert seen == ["http://93.184.216.34/"]


def test_public_target_allowed_through_guard():
    dns = fake_dns({"news.example": ["93.184.216.34"]})
    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=b"hello"))
    res = get("https://news.example/", FetchSettings(), transport=transport, resolver=dns)
    assert res.content == b"hello"


def test_dns_failure_reported():
    err = fetch_error("https://nowhere.example/", FetchSettings(),
                      transport=httpx.MockTransport(_no_network), resolver=fake_dns({}))
    assert err.reason.startswith("DNS lookup failed: nowhere.example")


def test_connect_time_guard_connects_to_checked_address():
    """The backend under httpx connects to the checked IP, never re-resolving the name."""
    calls = []

    class Inner(httpcore.AsyncNetworkBackend):
        async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            calls.append((host, port))
            raise httpcore.ConnectError("test: no network")

    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    async def rebinding(host, port):
        return next(answers)

    resolver = netguard.GuardedResolver(rebinding)
    backend = netguard.GuardedNetworkBackend(Inner(), resolver)

    async def go():
        await resolver.checked_addresses("rebind.example", 443)  # the pre-check
        with pytest.raises(httpcore.ConnectError):
            await backend.connect_tcp("rebind.example", 443, timeout=1)
        # the second (rebound) answer is never asked for while the pin is fresh
        fresh = netguard.GuardedResolver(rebinding)
        with pytest.raises(netguard.BlockedAddressError):
            await netguard.GuardedNetworkBackend(Inner(), fresh).connect_tcp("rebind.example", 443)

    run(go())
    assert calls == [("93.184.216.34", 443)]


def test_guarded_transport_end_to_end(server, monkeypatch):
    """Real httpx transport + guard: the name is resolved once, checked, and the
    socket goes to that address while Host still names the site."""
    real_kind = netguard.address_kind
    monkeypatch.setattr(netguard, "address_kind",
                        lambda ip: None if str(ip) == "127.0.0.1" else real_kind(ip))
    lookups = []

    async def dns(host, port):
        lookups.append(host)
        return ["127.0.0.1"]

    server.routes["/"] = lambda h: h.reply(200, b"via guard")
    port = server.httpd.server_address[1]
    res = get(f"http://site.test:{port}/", FetchSettings(respect_robots=False), resolver=dns)
    assert res.content == b"via guard"
    assert server.requests[0][1]["Host"] == f"site.test:{port}"
    assert lookups == ["site.test"]  # pre-check and connect shared one pinned lookup


def test_default_transport_has_connect_time_guard():
    async def go():
        async with Fetcher(FetchSettings()) as f:
            backend = f._client._transport._pool._network_backend
            assert isinstance(backend, netguard.GuardedNetworkBackend)
        async with Fetcher(FetchSettings(allow_private_networks=True)) as f:
            backend = f._client._transport._pool._network_backend
            assert not isinstance(backend, netguard.GuardedNetworkBackend)

    run(go())


# ---------------------------------------------------------------- robots.txt


ROBOTS = b"""# test
User-agent: *
Disallow: /private

User-agent: otherbot
Disallow: /
"""


def test_robots_disallow_honored_for_pages_only(server):
    server.routes["/robots.txt"] = lambda h: h.reply(200, ROBOTS, {"Content-Type": "text/plain"})
    server.routes["*"] = lambda h: h.reply(200, b"<p>page</p>", {"Content-Type": "text/html"})

    async def go():
        async with Fetcher(LOOPBACK) as f:
            with pytest.raises(FetchError) as info:
                await f.get(server.base + "/private/story", page=True)
            assert info.value.reason == "disallowed by robots.txt"
            assert (await f.get(server.base + "/public/story", page=True)).status == 200
            assert (await f.get(server.base + "/private/feed.xml")).status == 200  # feed: no robots
            assert (await f.get(server.base + "/public/other", page=True)).status == 200

    run(go())
    paths = server.paths()
    assert paths.count("/robots.txt") == 1  # cached per origin
    assert "/private/story" not in paths
    assert "/private/feed.xml" in paths


def test_robots_can_be_turned_off(server):
    server.routes["/robots.txt"] = lambda h: h.reply(200, b"User-agent: *\nDisallow: /\n")
    server.routes["/x"] = lambda h: h.reply(200, b"ok")
    settings = FetchSettings(allow_private_networks=True, respect_robots=False)
    assert get(server.base + "/x", settings, page=True).content == b"ok"
    assert "/robots.txt" not in server.paths()


def test_robots_group_for_newsdesk_wins(server):
    server.routes["/robots.txt"] = lambda h: h.reply(
        200, b"User-agent: *\nDisallow: /\n\nUser-agent: NewsDesk\nAllow: /\nDisallow: /drafts\n")
    server.routes["*"] = lambda h: h.reply(200, b"ok")
    assert get(server.base + "/story", page=True).content == b"ok"
    assert fetch_error(server.base + "/drafts/1", page=True).reason == "disallowed by robots.txt"


@pytest.mark.parametrize("status", [404, 403, 500, 503])
def test_robots_unavailable_allows(server, status):
    server.routes["/robots.txt"] = lambda h: h.reply(status, b"nope")
    server.routes["/story"] = lambda h: h.reply(200, b"ok")
    assert get(server.base + "/story", page=True).content == b"ok"


def test_robots_rules_matching():
    rules = RobotsRules.parse(
        "User-agent: *\n"
        "Disallow: /search\n"
        "Allow: /search/about\n"
        "Disallow: /*.pdf$\n"
        "Disallow: /tmp/*/cache\n"
        "Allow: /page\n"
        "Disallow: /page\n"
        "Disallow:\n"
        "Crawl-delay: 5\n"
    )
    assert rules.crawl_delay == 5.0
    assert not rules.allowed("/search?q=x")
    assert rules.allowed("/search/about")
    assert not rules.allowed("/files/report.pdf")
    assert rules.allowed("/files/report.pdf?download=1")
    assert not rules.allowed("/tmp/a/b/cache/x")
    assert rules.allowed("/tmp/cache")
    assert rules.allowed("/page")  # Allow wins a tie
    assert rules.allowed("/")
    assert rules.allowed("/robots.txt")
    assert RobotsRules.parse("User-agent: *\nDisallow: /caf%C3%A9\n").allowed("/café") is False


def test_robots_groups_and_agents():
    text = (
        "User-agent: a\nUser-agent: newsdesk\nDisallow: /one\n\n"
        "User-agent: *\nDisallow: /\n\n"
        "User-agent: newsdesk/2.0\nDisallow: /two\n"
    )
    rules = RobotsRules.parse(text)
    assert not rules.allowed("/one") and not rules.allowed("/two")
    assert rules.allowed("/three")
    assert not RobotsRules.parse(text, "otherbot").allowed("/three")
    assert RobotsRules.parse("Disallow: /\n").allowed("/x")  # no group: nothing applies


# ---------------------------------------------------------------- charsets


def _result(content: bytes, content_type: str | None = None) -> FetchResult:
    response = httpx.Response(200, headers={"content-type": content_type} if content_type else {})
    return FetchResult(url="http://x/", status=200, headers=dict(response.headers.items()),
                       content=content, encoding=response.charset_encoding, etag=None,
                       last_modified=None, not_modified=False)


def test_charset_from_header(server):
    body = "<p>Café Zürich</p>".encode("iso-8859-1")
    server.routes["/l1"] = lambda h: h.reply(200, body, {"Content-Type": "text/html; charset=ISO-8859-1"})
    res = get(server.base + "/l1")
    assert res.encoding == "iso-8859-1"
    assert "Café Zürich" in res.text()


def test_charset_from_meta_and_xml_declaration():
    html = '<html><head><meta charset="windows-1251"></head><body>Новости</body></html>'
    res = _result(html.encode("cp1251"), "text/html")
    assert res.encoding is None
    assert "Новости" in res.text()
    http_equiv = ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
                  "<p>Привет</p>").encode("koi8-r")
    assert "Привет" in _result(http_equiv).text()
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><rss><title>€ Préface</title></rss>'
    assert "€ Préface" in _result(xml.encode("iso-8859-15"), "application/rss+xml").text()


def test_wrong_header_charset_falls_through():
    html = '<meta charset="windows-1252"><p>“smart quotes” – naïve</p>'
    res = _result(html.encode("cp1252"), "text/html; charset=utf-8")
    assert res.encoding == "utf-8"
    assert "“smart quotes” – naïve" in res.text()
    bogus = _result("plain ünïcode".encode(), "text/html; charset=no-such-charset")
    assert bogus.text() == "plain ünïcode"


def test_text_guesses_and_never_raises():
    assert _result("déjà vu — ça va".encode()).text() == "déjà vu — ça va"
    assert _result(b"").text() == ""
    guessed = _result(("Le système éducatif français " * 20).encode("cp1252")).text()
    assert "éducatif" in guessed
    junk = bytes(range(256)) * 8
    assert isinstance(_result(junk, "text/html; charset=utf-8").text(), str)
    assert decode_text(b"\xef\xbb\xbfBOM first", "iso-8859-1") == "BOM first"


# ---------------------------------------------------------------- HTTP errors


def test_http_error_status(server):
    server.routes["/gone"] = lambda h: h.reply(410, b"gone")
    err = fetch_error(server.base + "/gone")
    assert err.status == 410 and err.reason == "HTTP 410"
    assert err.url == server.base + "/gone"
    assert err.retry_after is None


def test_429_retry_after(server):
    server.routes["/slow-down"] = lambda h: h.reply(429, b"", {"Retry-After": "120"})
    err = fetch_error(server.base + "/slow-down")
    assert err.status == 429 and err.retry_after == 120.0


def test_parse_retry_after_date():
    now = 1_700_000_000.0
    assert parse_retry_after(formatdate(now + 90, usegmt=True), now=now) == pytest.approx(90, abs=1)
    assert parse_retry_after(formatdate(now - 90, usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "http:///nohost"])
def test_only_http_schemes(url):
    err = fetch_error(url, FetchSettings(), transport=httpx.MockTransport(_no_network))
    assert "scheme" in err.reason or "host" in err.reason


# ---------------------------------------------------------------- timeouts


def test_read_timeout(server):
    def slow(h):
        time.sleep(3)
        try:
            h.reply(200, b"late")
        except OSError:
            pass

    server.routes["/slow"] = slow
    settings = FetchSettings(allow_private_networks=True, read_timeout=0.5)
    err = fetch_error(server.base + "/slow", settings)
    assert err.reason == "timed out after 0.5s waiting for data"


def test_total_timeout_while_trickling(server):
    def trickle(h):
        h.reply(200, length=False)
        try:
            for _ in range(40):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    server.routes["/trickle"] = trickle
    settings = FetchSettings(allow_private_networks=True, read_timeout=2, total_timeout=0.5)
    err = fetch_error(server.base + "/trickle", settings)
    assert err.reason == "timed out after 0.5s in total"


# ---------------------------------------------------------------- concurrency


def test_per_host_concurrency_never_exceeded(server):
    def slow(h):
        time.sleep(0.1)
        h.reply(200, b"ok")

    server.routes["*"] = slow

    async def go(limit):
        settings = FetchSettings(allow_private_networks=True, per_host_concurrency=limit)
        async with Fetcher(settings) as f:
            results = await asyncio.gather(*(f.get(f"{server.base}/item/{i}") for i in range(6)))
        assert all(r.content == b"ok" for r in results)

    run(go(2))
    assert 1 <= server.httpd.max_active <= 2
    server.httpd.max_active = 0
    run(go(1))
    assert server.httpd.max_active == 1


# ---------------------------------------------------------------- misc


def test_fetch_sync(server):
    server.routes["/"] = lambda h: h.reply(200, b"sync", {"ETag": "W/\"1\""})
    res = fetch_sync(server.base + "/", LOOPBACK)
    assert res.content == b"sync" and res.etag == 'W/"1"'


def test_fetcher_requires_context_manager():
    with pytest.raises(RuntimeError):
        run(Fetcher(LOOPBACK).get("http://127.0.0.1/"))
