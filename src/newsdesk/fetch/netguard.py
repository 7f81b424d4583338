"""Keep fetches of user-typed URLs away from the machine's own network.

newsdesk fetches URLs that strangers wrote (feed links, redirects, article
URLs). Unless ``FetchSettings.allow_private_networks`` is set, a fetch may
only reach *public* addresses: loopback, private (RFC 1918 / ULA),
link-local (which includes cloud metadata at 169.254.169.254), carrier-grade
NAT, multicast, reserved, documentation and unspecified addresses are all
refused, including when they hide inside IPv6 (IPv4-mapped ``::ffff:a.b.c.d``,
6to4 ``2002::/16``, NAT64 ``64:ff9b::/96``).

A host name is refused if ANY of its addresses is non-public, so a name that
resolves to both a public and a private address cannot be used to reach the
private one.

DNS rebinding: checking a name and then letting the HTTP library resolve it
again would leave a gap (the second answer could differ). The client closes
that gap with :class:`GuardedNetworkBackend`, which sits under httpx's
connection pool and connects to the very addresses that were checked
(TLS still verifies the certificate against the host name). A short cache
(:data:`PIN_SECONDS`) lets the friendly pre-check in the client and the
connect-time check share one lookup.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable, Iterable

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: ``async (host, port) -> list of address strings``; the default uses the OS resolver.
Resolver = Callable[[str, int], Awaitable[list[str]]]

#: How long a checked lookup is reused (and connections pinned to it).
PIN_SECONDS = 30.0

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


class GuardError(Exception):
    """Base for refusals raised by this module; ``reason`` is human-readable."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BlockedAddressError(GuardError):
    """The target is (or resolves to) a non-public address."""


class DNSLookupError(GuardError):
    """The host name could not be resolved."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_kind(ip: IPAddress) -> str | None:
    """Why *ip* is not a public address ("a private address", ...), or None if it is."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return address_kind(inner)
        if ip in _NAT64_LOCAL:
            return "a local-use NAT64 address"
        if ip.is_site_local:
            return "a site-local address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a shared (carrier-grade NAT) address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "a non-public address"
    return None


def parse_ip(text: str) -> IPAddress | None:
    """Parse a literal IP (brackets and IPv6 zone ids allowed); None for names."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id:
        ip = ipaddress.IPv6Address(text.split("%", 1)[0])
    return ip


_HINT = "(set allow_private_networks to allow)"


def check_addresses(host: str, addresses: Iterable[str]) -> list[str]:
    """Return *addresses* if all are public, else raise :class:`BlockedAddressError`."""
    addresses = list(addresses)
    for addr in addresses:
        ip = parse_ip(addr)
        if ip is None:  # pragma: no cover - resolvers return literals
            raise BlockedAddressError(f"blocked: {host} resolved to unparseable address {addr!r}")
        kind = address_kind(ip)
        if kind is not None:
            shown = str(ip)
            if isinstance(ip, ipaddress.IPv6Address) and _embedded_ipv4(ip) is not None:
                shown += f" (wraps {_embedded_ipv4(ip)})"
            if parse_ip(host) is None:
                shown += f" (from {host})"
            raise BlockedAddressError(f"blocked: {shown} is {kind} {_HINT}")
    return addresses


async def system_resolve(host: str, port: int) -> list[str]:
    """Resolve *host* with the OS resolver (non-blocking); unique addresses, in order."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        detail = getattr(exc, "strerror", None) or str(exc)
        raise DNSLookupError(f"DNS lookup failed: {host}: {detail}") from None
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        addr = str(sockaddr[0])
        if addr not in seen:
            seen.append(addr)
    return seen


class GuardedResolver:
    """Resolve a host and refuse non-public answers; caches answers briefly."""

    def __init__(self, resolve: Resolver | None = None, *, pin_seconds: float = PIN_SECONDS):
        self._resolve = resolve or system_resolve
        self._pin_seconds = pin_seconds
        self._cache: dict[str, tuple[float, list[str]]] = {}

    async def checked_addresses(self, host: str, port: int) -> list[str]:
        host = host.strip("[]").lower()
        literal = parse_ip(host)
        if literal is not None:
            return check_addresses(host, [str(literal)])
        now = time.monotonic()
        cached = self._cache.get(host)
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            addresses = await self._resolve(host, port)
        except GuardError:
            raise
        except OSError as exc:
            raise DNSLookupError(f"DNS lookup failed: {host}: {exc}") from None
        if not addresses:
            raise DNSLookupError(f"DNS lookup failed: {host}: no addresses")
        check_addresses(host, addresses)
        self._cache[host] = (now + self._pin_seconds, addresses)
        if len(self._cache) > 4096:
            self._cache = {h: v for h, v in self._cache.items() if v[0] > now}
        return addresses


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that connects only to checked, public addresses.

    The host name is resolved here, every answer is checked, and the TCP
    connection is opened to one of those exact addresses, so nothing can
    re-resolve the name to a private address between check and connect.
    TLS ``server_hostname`` is still the URL's host (httpcore passes it
    separately to ``start_tls``), so certificate checks are unchanged.
    """

    def __init__(self, inner: httpcore.AsyncNetworkBackend, resolver: GuardedResolver):
        self._inner = inner
        self._resolver = resolver

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            async with asyncio.timeout(timeout):
                addresses = await self._resolver.checked_addresses(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"DNS lookup for {host} timed out") from None
        last_exc: Exception | None = None
        for addr in addresses:
            try:
                return await self._inner.connect_tcp(
                    addr, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_exc = exc
        assert last_exc is not None
        raise last_exc

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise BlockedAddressError("blocked: unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
