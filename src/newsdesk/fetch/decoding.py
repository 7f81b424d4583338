"""Bounded Content-Encoding decoding.

httpx's own decoders inflate a whole network chunk at once, so a 64 KiB chunk
of a gzip bomb becomes ~64 MB in memory before anyone can count it. These
decoders use zlib's ``max_length`` so output never runs more than one byte
past the limit before :class:`DecodedTooLarge` is raised.

Supported: identity, gzip (multi-member), deflate (zlib-wrapped or raw), and
chains of them. We advertise exactly ``gzip, deflate``; anything else raises
:class:`UnsupportedEncoding`.
"""

from __future__ import annotations

import zlib

ACCEPT_ENCODING = "gzip, deflate"


class DecodeError(Exception):
    pass


class DecodedTooLarge(DecodeError):
    pass


class UnsupportedEncoding(DecodeError):
    pass


class _ZlibStage:
    def __init__(self, kind: str, limit: int):
        self.kind = kind
        self.limit = limit
        self.produced = 0
        self._first = True
        self._d = self._new()

    def _new(self, raw: bool = False):
        if self.kind == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)

    def _take(self, chunk: bytes, out: bytearray) -> None:
        self.produced += len(chunk)
        out += chunk
        if self.produced > self.limit:
            raise DecodedTooLarge()

    def feed(self, data: bytes) -> bytes:
        out = bytearray()
        buf = data
        while buf:
            if self._d.eof:
                # Another gzip member may follow; anything else is trailing junk.
                if self.kind == "gzip" and buf[:2] == b"\x1f\x8b":
                    self._d = self._new()
                else:
                    break
            try:
                chunk = self._d.decompress(buf, self.limit - self.produced + 1)
            except zlib.error as exc:
                if self.kind == "deflate" and self._first:
                    # Some servers send raw deflate without the zlib wrapper.
                    self._first = False
                    self._d = self._new(raw=True)
                    continue
                raise DecodeError(f"could not decode {self.kind} body: {exc}") from None
            self._first = False
            self._take(chunk, out)
            buf = self._d.unused_data if self._d.eof else self._d.unconsumed_tail
        return bytes(out)

    def flush(self) -> bytes:
        out = bytearray()
        try:
            self._take(self._d.flush(), out)
        except zlib.error as exc:
            raise DecodeError(f"could not decode {self.kind} body: {exc}") from None
        return bytes(out)


class BodyDecoder:
    """Decode a body with the given Content-Encoding header, bounded by *limit* bytes."""

    def __init__(self, content_encoding: str | None, limit: int):
        self.limit = limit
        self.produced = 0
        self._stages: list[_ZlibStage] = []
        names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
        # Encodings are listed in the order applied, so undo them in reverse.
        for name in reversed(names):
            if name in ("identity", "none"):
                continue
            if name in ("gzip", "x-gzip"):
                self._stages.append(_ZlibStage("gzip", limit))
            elif name == "deflate":
                self._stages.append(_ZlibStage("deflate", limit))
            else:
                raise UnsupportedEncoding(f"unsupported Content-Encoding: {name}")

    def _count(self, data: bytes) -> bytes:
        self.produced += len(data)
        if self.produced > self.limit:
            raise DecodedTooLarge()
        return data

    def feed(self, data: bytes) -> bytes:
        for stage in self._stages:
            if not data:
                break
            data = stage.feed(data)
        return self._count(data)

    def flush(self) -> bytes:
        data = b""
        for stage in self._stages:
            if data:
                data = stage.feed(data)
            data += stage.flush()
        return self._count(data)
