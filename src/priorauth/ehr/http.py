"""HTTP to a FHIR server: timeouts, retries with backoff honouring ``Retry-After``, a fresh token on 401,
size caps, and counters (requests, bytes) for the benchmark. Built on httpx (sync, HTTP/1.1 keep-alive).

Nothing here knows FHIR resource types: :mod:`priorauth.ehr.source` decides what to read.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import httpx
import orjson

from priorauth import __version__
from priorauth.errors import Code, PriorauthError, fail

FHIR_JSON = "application/fhir+json"
RETRY_STATUSES = frozenset({429, 502, 503, 504})


class Auth(Protocol):
    """Gives the Authorization header; ``renew(rejected)`` is called once after a 401 with the header that
    was refused (False: nothing to renew). Requests in flight together share one renewal."""

    def header(self) -> str | None: ...

    def renew(self, rejected: str | None) -> bool: ...


class NoAuth:
    def header(self) -> str | None:
        return None

    def renew(self, rejected: str | None) -> bool:
        return False


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 5.0
    read_timeout: float = 30.0  # one response (a page) slower than this is a failed attempt
    retries: int = 3  # further attempts after the first, on 429/502/503/504 and timeouts
    backoff: float = 0.5  # first wait in seconds, doubled per attempt (with jitter)
    max_wait: float = 30.0  # a Retry-After longer than this is not waited for: the read fails
    max_pages: int = 100  # per search; past it the rest is not read (and the type is marked unread)
    page_size: int = 200  # _count asked for
    max_binary_bytes: int = 10 * 1024 * 1024  # an attachment larger than this is not downloaded
    max_json_bytes: int = 64 * 1024 * 1024  # one JSON answer larger than this is refused
    concurrency: int = 4  # requests in flight at once


class ReadFailed(Exception):
    """One request did not give a usable answer after its retries: ``reason`` is one short phrase."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class FhirHttp:
    """A FHIR server's base URL plus the client that talks to it. Thread-safe (httpx.Client is)."""

    def __init__(
        self,
        base: str,
        auth: Auth | None = None,
        limits: Limits | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base = base.rstrip("/") + "/"
        parts = urlsplit(self.base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise fail(Code.BAD_ARGUMENT, f"--fhir-server {base!r} is not an http(s) URL")
        self.origin = (parts.scheme, parts.netloc)
        self.auth = auth or NoAuth()
        self.limits = limits or Limits()
        self._sleep = sleep
        lim = self.limits
        self.client = httpx.Client(
            timeout=httpx.Timeout(lim.read_timeout, connect=lim.connect_timeout),
            limits=httpx.Limits(max_connections=lim.concurrency, max_keepalive_connections=lim.concurrency),
            headers={"Accept": FHIR_JSON, "User-Agent": f"priorauth/{__version__}"},
            follow_redirects=False,
            transport=transport,
        )
        self._lock = threading.Lock()
        self.requests = 0
        self.bytes = 0
        self.answered = False

    def close(self) -> None:
        self.client.close()

    def url(self, path_or_url: str) -> str:
        return urljoin(self.base, path_or_url)

    def same_server(self, url: str) -> bool:
        """Only URLs on the FHIR server's own origin are followed (the token never goes elsewhere)."""
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == self.origin

    def get_json(
        self, path_or_url: str, params: dict[str, Any] | None = None, cap: int | None = None
    ) -> dict[str, Any]:
        body = self.get(path_or_url, params, cap)
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise ReadFailed("the answer is not JSON") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("resourceType"), str):
            raise ReadFailed("the answer is not a FHIR resource")
        return doc

    def get(self, path_or_url: str, params: dict[str, Any] | None = None, cap: int | None = None) -> bytes:
        """GET with retries. Raises :class:`ReadFailed` (an answer that will not do), or
        :class:`PriorauthError` ``ehr_unreachable`` when the server never answered at all."""
        attempt = 0
        while True:
            status, headers, body = self.exchange(path_or_url, params, cap=cap)
            if status in RETRY_STATUSES:
                wait = retry_after(headers.get("retry-after"))
                if attempt >= self.limits.retries or (wait is not None and wait > self.limits.max_wait):
                    raise ReadFailed(f"HTTP {status} after {attempt + 1} attempt(s)", status)
                self._sleep(wait if wait is not None else self._backoff(attempt))
                attempt += 1
                continue
            if status >= 400:
                raise ReadFailed(f"HTTP {status}{_outcome(body)}", status)
            if 300 <= status < 400:  # never followed: the token stays with the server it was given for
                where = urlsplit(urljoin(self.url(path_or_url), headers.get("location") or "")).netloc
                raise ReadFailed(f"HTTP {status}: a redirect (to {where or 'nowhere'}), not followed", status)
            return body

    def _once(
        self,
        url: str,
        params: dict[str, Any] | None,
        cap: int | None,
        auth: str | None,
        extra: dict[str, str] | None = None,
    ) -> tuple[int, httpx.Headers, bytes]:
        headers = dict(extra or {})
        if auth:
            headers["Authorization"] = auth
        try:
            with self.client.stream("GET", url, params=params, headers=headers) as resp:
                size = resp.headers.get("content-length")
                if cap is not None and size and size.isdigit() and int(size) > cap:
                    self._count(0)
                    raise ReadFailed(f"larger than {cap // (1024 * 1024)} MB, not downloaded")
                chunks, total = [], 0
                for chunk in resp.iter_bytes():
                    total += len(chunk)
                    if cap is not None and total > cap:
                        self._count(total)
                        raise ReadFailed(f"larger than {cap // (1024 * 1024)} MB, not downloaded")
                    chunks.append(chunk)
                self._count(total)
                return resp.status_code, resp.headers, b"".join(chunks)
        except httpx.ConnectError as exc:
            raise _Transient(_why(exc), connect=True) from None
        except httpx.TimeoutException as exc:
            connect = isinstance(exc, httpx.ConnectTimeout)
            raise _Transient(
                "connection timed out" if connect else "no answer within the read timeout", connect
            ) from None
        except httpx.TransportError as exc:
            raise _Transient(_why(exc)) from None

    def exchange(
        self,
        url: str,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        cap: int | None = None,
    ) -> tuple[int, httpx.Headers, bytes]:
        """One GET whatever its status (Bulk Data's 202s are answers): transport failures retried, one
        token renewal on 401; the caller reads status and headers (``Retry-After``, ``Content-Location``).
        ``cap`` bounds the body (default: the JSON limit)."""
        url = self.url(url)
        if not self.same_server(url):
            raise ReadFailed(f"{_short(url)} is not on the FHIR server")
        renewed, attempt = False, 0
        while True:
            sent = self.auth.header()
            try:
                status, got, body = self._once(url, params, cap or self.limits.max_json_bytes, sent, headers)
            except _Transient as exc:
                if attempt >= self.limits.retries:
                    if exc.connect and not self.answered:
                        raise fail(
                            Code.EHR_UNREACHABLE, f"cannot reach the FHIR server at {self.base} ({exc})"
                        ) from None
                    raise ReadFailed(str(exc)) from None
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            if status == 401 and not renewed and self.auth.renew(sent):
                renewed = True
                continue
            return status, got, body

    def _count(self, nbytes: int) -> None:
        with self._lock:
            self.requests += 1
            self.bytes += nbytes
            self.answered = True  # a server that answered once is reachable: later failures are reads that failed

    def _backoff(self, attempt: int) -> float:
        return min(self.limits.max_wait, self.limits.backoff * (2**attempt)) * (0.5 + random.random() / 2)  # noqa: S311


class _Transient(Exception):
    def __init__(self, reason: str, connect: bool = False) -> None:
        super().__init__(reason)
        self.connect = connect


def retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _why(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text or "Errno -2" in text:
        return "unknown host"
    return " ".join(text.split())[:120]


def _outcome(body: bytes) -> str:
    """The first OperationOutcome diagnostic, if the error body has one (kept short)."""
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        return ""
    if isinstance(doc, dict) and doc.get("resourceType") == "OperationOutcome":
        for issue in doc.get("issue") or []:
            if isinstance(issue, dict) and isinstance(issue.get("diagnostics"), str):
                return f": {' '.join(issue['diagnostics'].split())[:160]}"
    return ""


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."


__all__ = ["Auth", "FhirHttp", "Limits", "NoAuth", "PriorauthError", "ReadFailed", "retry_after"]
