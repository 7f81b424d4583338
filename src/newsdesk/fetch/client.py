"""One polite, bounded HTTP client for everything newsdesk downloads.

Every fetch is bounded in time (connect / read / total timeouts), size (bytes
on the wire and bytes after Content-Encoding decoding), and redirects (each hop
is followed by hand and checked again). Unless ``allow_private_networks`` is
set, no hop may reach a loopback / private / link-local / reserved address
(see :mod:`.netguard`). Fetches identify themselves with a User-Agent naming
newsdesk and a contact URL, honour robots.txt for page fetches, and at most
``per_host_concurrency`` requests run against one host at a time.

Usage::

    async with Fetcher(FetchSettings(contact_url="https://example.org/me")) as f:
        res = await f.get(feed_url, etag=old_etag, last_modified=old_lm)
        if not res.not_modified:
            parse(res.content)

robots.txt policy (for ``page=True``): cached per origin for up to a day
(RFC 9309 §2.4) and fetched through this same bounded client. A 4xx answer
means "no rules" (allow all), as RFC 9309 says. A 5xx answer or an
unreachable robots.txt is also treated as allow-all; note that RFC 9309
§2.3.1.4 and Google instead assume complete disallow in that case. newsdesk
chooses the lenient reading because its page fetches are single, user-driven
article fetches rather than crawling, so a broken robots.txt should not make
an article unreadable.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from dataclasses import dataclass

import httpx

from newsdesk import __version__

from . import charset as _charset
from . import netguard
from .decoding import ACCEPT_ENCODING, BodyDecoder, DecodedTooLarge, DecodeError
from .robots import MAX_ROBOTS_BYTES, PRODUCT_TOKEN, RobotsRules

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
ROBOTS_TTL_SECONDS = 24 * 3600


@dataclass
class FetchSettings:
    contact_url: str = "https://github.com/newsdesk/newsdesk"  # goes in the UA
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0        # whole request incl. body streaming and redirects
    max_body_bytes: int = 10 * 1024 * 1024        # raw bytes on the wire
    max_decompressed_bytes: int = 40 * 1024 * 1024
    max_redirects: int = 5
    per_host_concurrency: int = 2
    allow_private_networks: bool = False   # loopback/private/link-local/reserved refused unless True
    respect_robots: bool = True

    @property
    def user_agent(self) -> str:
        return f"{PRODUCT_TOKEN}/{__version__} (+{self.contact_url})"


@dataclass
class FetchResult:
    url: str                 # final URL after redirects
    status: int              # 200 (or other 2xx), or 304 when not_modified
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    content: bytes           # decoded from Content-Encoding, b"" for 304
    encoding: str | None     # charset declared in the Content-Type header (not guessed)
    etag: str | None
    last_modified: str | None
    not_modified: bool

    @property
    def content_type(self) -> str | None:
        """The media type without parameters, lower-cased (e.g. ``text/html``)."""
        value = self.headers.get("content-type")
        if not value:
            return None
        return value.split(";", 1)[0].strip().lower() or None

    def text(self) -> str:
        """The body as text: header charset, then <meta>/XML declaration, then
        UTF-8, then charset_normalizer, then UTF-8 with replacement. Never raises."""
        return _charset.decode_text(self.content, self.encoding)


class FetchError(Exception):
    """A fetch failed. ``reason`` is short and human-readable."""

    def __init__(
        self,
        url: str,
        reason: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@dataclass
class _Redirect:
    location: httpx.URL


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def _secs(s: float) -> str:
    return f"{s:g}s"


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class Fetcher:
    """Async HTTP client; use one per process run as an async context manager.

    ``transport`` replaces the network (tests use ``httpx.MockTransport``);
    the private-network pre-check still runs. ``resolver`` replaces DNS
    (``async (host, port) -> [address, ...]``), for tests or custom DNS.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        resolver: netguard.Resolver | None = None,
    ):
        self.settings = settings or FetchSettings()
        self._transport = transport
        self._resolver = netguard.GuardedResolver(resolver)
        self._client: httpx.AsyncClient | None = None
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._robots: dict[str, tuple[float, RobotsRules]] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    @property
    def user_agent(self) -> str:
        return self.settings.user_agent

    # -- lifecycle ---------------------------------------------------------

    def _build_transport(self) -> httpx.AsyncBaseTransport:
        transport = httpx.AsyncHTTPTransport(retries=0)
        if not self.settings.allow_private_networks:
            pool = getattr(transport, "_pool", None)
            backend = getattr(pool, "_network_backend", None)
            if backend is not None:
                pool._network_backend = netguard.GuardedNetworkBackend(backend, self._resolver)
            else:  # pragma: no cover - only if httpx/httpcore internals change
                log.warning(
                    "could not install the connect-time network guard; relying on the "
                    "pre-connect check (DNS rebinding window remains)"
                )
        return transport

    async def __aenter__(self) -> "Fetcher":
        s = self.settings
        timeout = httpx.Timeout(
            connect=s.connect_timeout,
            read=s.read_timeout,
            write=s.read_timeout,
            pool=s.total_timeout,
        )
        self._client = httpx.AsyncClient(
            transport=self._transport or self._build_transport(),
            timeout=timeout,
            follow_redirects=False,
            # Environment proxies would bypass the network guard's view of the target.
            trust_env=False,
            headers={"User-Agent": s.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        await self._client.__aenter__()
        return self

    async def __aexit__(self, *exc_info) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.__aexit__(*exc_info)

    # -- public ------------------------------------------------------------

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        page: bool = False,
        accept: str | None = None,
    ) -> FetchResult:
        """GET *url*; raise :class:`FetchError` on any failure, HTTP >= 400 included.

        ``page=True`` marks an article/page fetch: robots.txt is honoured (if
        ``respect_robots``). Feeds use ``page=False``. ``etag`` and
        ``last_modified`` make the request conditional; a 304 comes back as
        ``not_modified=True`` with empty content and the validators kept.
        """
        headers = {"Accept": accept or (PAGE_ACCEPT if page else FEED_ACCEPT)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = await self._fetch(
            url, headers, page=page, body_limit=self.settings.max_body_bytes,
            decoded_limit=self.settings.max_decompressed_bytes, truncate=False,
        )
        if result.not_modified:
            result.etag = result.etag or etag
            result.last_modified = result.last_modified or last_modified
        return result

    # -- internals ---------------------------------------------------------

    def _slot(self, host: str) -> asyncio.Semaphore:
        slot = self._slots.get(host)
        if slot is None:
            slot = self._slots[host] = asyncio.Semaphore(max(1, self.settings.per_host_concurrency))
        return slot

    def _parse(self, url: str | httpx.URL, requested: str, where: str) -> httpx.URL:
        try:
            parsed = url if isinstance(url, httpx.URL) else httpx.URL(url.strip())
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise FetchError(requested, f"invalid URL{where}: {exc}") from None
        if parsed.scheme not in ("http", "https"):
            shown = parsed.scheme or "(none)"
            raise FetchError(requested, f"unsupported URL scheme{where}: {shown} (only http and https)")
        if not parsed.raw_host:
            raise FetchError(requested, f"URL has no host{where}")
        return parsed

    async def _guard(self, target: httpx.URL, requested: str, where: str) -> None:
        if self.settings.allow_private_networks:
            return
        host = target.raw_host.decode("ascii")
        try:
            async with asyncio.timeout(self.settings.connect_timeout):
                await self._resolver.checked_addresses(host, target.port or _default_port(target))
        except netguard.GuardError as exc:
            raise FetchError(requested, exc.reason + where) from None
        except TimeoutError:
            raise FetchError(
                requested, f"timed out after {_secs(self.settings.connect_timeout)} resolving {host}{where}"
            ) from None

    async def _fetch(
        self,
        url: str,
        headers: dict[str, str],
        *,
        page: bool,
        body_limit: int,
        decoded_limit: int,
        truncate: bool,
    ) -> FetchResult:
        if self._client is None:
            raise RuntimeError("Fetcher must be used as 'async with Fetcher(...) as f'")
        s = self.settings
        current = self._parse(url, url, "")
        budget = s.total_timeout
        redirects = 0
        loop = asyncio.get_running_loop()
        while True:
            where = f" (after redirect to {current})" if redirects else ""
            await self._guard(current, url, where)
            if page and s.respect_robots and not await self._robots_allow(current):
                raise FetchError(url, f"disallowed by robots.txt{where}")
            async with self._slot(current.raw_host.decode("ascii").lower()):
                started = loop.time()
                try:
                    async with asyncio.timeout(max(budget, 0.0)):
                        outcome = await self._hop(
                            current, headers, url, where, body_limit, decoded_limit, truncate
                        )
                except TimeoutError:
                    raise FetchError(
                        url, f"timed out after {_secs(s.total_timeout)} in total{where}"
                    ) from None
                finally:
                    budget -= loop.time() - started
            if isinstance(outcome, FetchResult):
                return outcome
            redirects += 1
            if redirects > s.max_redirects:
                raise FetchError(url, f"too many redirects (>{s.max_redirects})")
            current = self._parse(outcome.location, url, f" (redirect from {current})")

    async def _hop(
        self,
        target: httpx.URL,
        headers: dict[str, str],
        requested: str,
        where: str,
        body_limit: int,
        decoded_limit: int,
        truncate: bool,
    ) -> FetchResult | _Redirect:
        s = self.settings
        assert self._client is not None
        try:
            async with self._client.stream("GET", target, headers=headers) as resp:
                status = resp.status_code
                if status in REDIRECT_STATUSES:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(requested, f"HTTP {status} redirect without Location{where}", status=status)
                    try:
                        return _Redirect(target.join(location.strip()))
                    except (httpx.InvalidURL, ValueError) as exc:
                        raise FetchError(requested, f"invalid redirect Location {location!r}: {exc}") from None
                if status >= 400:
                    raise FetchError(
                        requested,
                        f"HTTP {status}{where}",
                        status=status,
                        retry_after=parse_retry_after(resp.headers.get("retry-after")),
                    )
                if 300 <= status < 400 and status != 304:
                    raise FetchError(requested, f"unexpected HTTP {status}{where}", status=status)
                resp_headers = dict(resp.headers.items())
                etag = resp.headers.get("etag")
                last_modified = resp.headers.get("last-modified")
                if status == 304:
                    return FetchResult(
                        url=str(target), status=304, headers=resp_headers, content=b"",
                        encoding=resp.charset_encoding, etag=etag,
                        last_modified=last_modified, not_modified=True,
                    )
                content = await self._read_body(
                    resp, requested, where, body_limit, decoded_limit, truncate
                )
                return FetchResult(
                    url=str(target), status=status, headers=resp_headers, content=content,
                    encoding=resp.charset_encoding, etag=etag,
                    last_modified=last_modified, not_modified=False,
                )
        except netguard.GuardError as exc:  # raised by the connect-time guard
            raise FetchError(requested, exc.reason + where) from None
        except httpx.ConnectTimeout:
            raise FetchError(requested, f"timed out after {_secs(s.connect_timeout)} connecting{where}") from None
        except httpx.ReadTimeout:
            raise FetchError(requested, f"timed out after {_secs(s.read_timeout)} waiting for data{where}") from None
        except httpx.WriteTimeout:
            raise FetchError(requested, f"timed out after {_secs(s.read_timeout)} sending the request{where}") from None
        except httpx.PoolTimeout:
            raise FetchError(requested, f"timed out waiting for a free connection{where}") from None
        except httpx.ConnectError as exc:
            raise FetchError(requested, f"could not connect: {_describe(exc)}{where}") from None
        except httpx.RemoteProtocolError as exc:
            raise FetchError(requested, f"protocol error: {_describe(exc)}{where}") from None
        except httpx.TransportError as exc:
            raise FetchError(requested, f"network error: {_describe(exc)}{where}") from None
        except httpx.InvalidURL as exc:
            raise FetchError(requested, f"invalid URL{where}: {exc}") from None
        except httpx.HTTPError as exc:  # e.g. DecodingError from a pre-read body
            raise FetchError(requested, f"HTTP client error: {_describe(exc)}{where}") from None

    async def _read_body(
        self,
        resp: httpx.Response,
        requested: str,
        where: str,
        body_limit: int,
        decoded_limit: int,
        truncate: bool,
    ) -> bytes:
        declared = resp.headers.get("content-length")
        if not truncate and declared and declared.strip().isdigit() and int(declared) > body_limit:
            raise FetchError(requested, f"body exceeds {_size(body_limit)} limit{where}")
        if resp.is_stream_consumed:
            # Only transports that hand back an already-read body (MockTransport)
            # get here; httpx has decoded it, so only the decoded limit applies.
            if len(resp.content) > decoded_limit and not truncate:
                raise FetchError(requested, f"decompressed body exceeds {_size(decoded_limit)} limit{where}")
            return resp.content[:decoded_limit]
        try:
            decoder = BodyDecoder(resp.headers.get("content-encoding"), decoded_limit)
        except DecodeError as exc:
            raise FetchError(requested, f"{exc}{where}") from None
        parts: list[bytes] = []
        try:
            async for raw in resp.aiter_raw():
                if resp.num_bytes_downloaded > body_limit:
                    if truncate:
                        break
                    raise FetchError(requested, f"body exceeds {_size(body_limit)} limit{where}")
                parts.append(decoder.feed(raw))
            else:
                parts.append(decoder.flush())
        except DecodedTooLarge:
            if not truncate:
                raise FetchError(
                    requested, f"decompressed body exceeds {_size(decoded_limit)} limit{where}"
                ) from None
        except DecodeError as exc:
            raise FetchError(requested, f"{exc}{where}") from None
        content = b"".join(parts)
        return content[:decoded_limit] if truncate else content

    # -- robots.txt --------------------------------------------------------

    async def _robots_allow(self, target: httpx.URL) -> bool:
        origin = f"{target.scheme}://{target.raw_host.decode('ascii').lower()}:{target.port or _default_port(target)}"
        path = target.raw_path.decode("ascii", "replace") or "/"
        cached = self._robots.get(origin)
        if cached is None or cached[0] <= time.monotonic():
            lock = self._robots_locks.setdefault(origin, asyncio.Lock())
            async with lock:
                cached = self._robots.get(origin)
                if cached is None or cached[0] <= time.monotonic():
                    rules = await self._load_robots(target)
                    cached = (time.monotonic() + ROBOTS_TTL_SECONDS, rules)
                    self._robots[origin] = cached
        return cached[1].allowed(path)

    async def _load_robots(self, target: httpx.URL) -> RobotsRules:
        robots_url = str(target.copy_with(path="/robots.txt", query=None, fragment=None))
        try:
            res = await self._fetch(
                robots_url,
                {"Accept": "text/plain,*/*;q=0.5"},
                page=False,
                body_limit=MAX_ROBOTS_BYTES,
                decoded_limit=MAX_ROBOTS_BYTES,
                truncate=True,
            )
        except FetchError as exc:
            # 4xx: no robots.txt, allow all (RFC 9309). 5xx/unreachable: allow
            # all too -- deliberate, see the module docstring.
            log.debug("robots.txt %s unavailable (%s); allowing all", robots_url, exc.reason)
            return RobotsRules.allow_all()
        text = res.content.decode("utf-8", errors="replace")
        return RobotsRules.parse(text, PRODUCT_TOKEN)


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _describe(exc: Exception) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


def fetch_sync(url: str, settings: FetchSettings | None = None, **kw) -> FetchResult:
    """Fetch one URL from synchronous code (CLI one-offs); uses ``asyncio.run``.

    Keyword arguments are passed to :meth:`Fetcher.get`, except ``transport``
    and ``resolver``, which go to :class:`Fetcher`.
    """
    transport = kw.pop("transport", None)
    resolver = kw.pop("resolver", None)

    async def _one() -> FetchResult:
        async with Fetcher(settings, transport=transport, resolver=resolver) as fetcher:
            return await fetcher.get(url, **kw)

    return asyncio.run(_one())
