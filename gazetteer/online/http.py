"""The HTTP client of the online fallback: one request per name, bounded in time and size.

geopy's default ``requests`` adapter retries a request that timed out twice, so a server
that hangs costs three timeouts per name; its answers have no size limit.
:class:`BoundedAdapter` is geopy's standard-library adapter with no retries, one deadline
for the whole answer (connection, headers and body) and a cap on the body's size.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from geopy.adapters import URLLibAdapter
from geopy.exc import GeocoderServiceError, GeocoderTimedOut

__all__ = ["MAX_ANSWER_BYTES", "BoundedAdapter", "bounded_adapter"]

#: The largest answer accepted: a page of geocoding results is a few kilobytes.
MAX_ANSWER_BYTES = 1_000_000
_CHUNK = 65_536


class BoundedAdapter(URLLibAdapter):  # type: ignore[misc]
    """geopy's urllib adapter with a deadline per request and a cap on the answer's size."""

    max_bytes: int = MAX_ANSWER_BYTES

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        self._deadline = time.monotonic() + timeout
        self._timeout = timeout
        text: str = super().get_text(url, timeout=timeout, headers=headers)
        return text

    def _decode_page(self, page: Any) -> str:
        length = page.headers.get("Content-Length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            raise GeocoderServiceError(
                f"answer of {int(length):,} bytes is larger than the {self.max_bytes:,} accepted"
            )
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > self._deadline:
                raise GeocoderTimedOut(f"Service timed out after {self._timeout:g} s")
            try:
                chunk = page.read(_CHUNK)
            except TimeoutError as err:
                raise GeocoderTimedOut("Service timed out") from err
            except OSError as err:
                raise GeocoderServiceError(f"Unable to read the response ({err})") from err
            if not chunk:
                break
            size += len(chunk)
            if size > self.max_bytes:
                raise GeocoderServiceError(
                    f"answer larger than the {self.max_bytes:,} bytes accepted"
                )
            chunks.append(chunk)
        encoding = page.headers.get_content_charset() or "utf-8"
        try:
            return b"".join(chunks).decode(encoding)
        except (LookupError, ValueError) as err:
            raise GeocoderServiceError("Unable to decode the response bytes") from err


def bounded_adapter(max_bytes: int = MAX_ANSWER_BYTES) -> Callable[..., BoundedAdapter]:
    """Return a geopy ``adapter_factory`` making :class:`BoundedAdapter` of ``max_bytes``."""

    def make(*, proxies: Any = None, ssl_context: Any = None) -> BoundedAdapter:
        adapter = BoundedAdapter(proxies=proxies, ssl_context=ssl_context)
        adapter.max_bytes = max_bytes
        return adapter

    return make
