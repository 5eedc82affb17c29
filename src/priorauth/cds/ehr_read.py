"""Reading what a hook's prefetch lacks from the EHR's FHIR server (``fhirServer`` + ``fhirAuthorization``).

The read is issue 14's FHIR source (:class:`priorauth.ehr.source.FhirSource`, US Core searches by type,
referenced Medications / Practitioners / Organizations, Binary attachments), with the hook's access token.
A hook names the server itself, so three guards keep it from making this service fetch what it should not
(SSRF):

- **An allow-list per issuer.** ``fhirServer`` must be one of the base URLs configured for the issuer of
  the call's JWT (the ``cds_fhir_servers`` setting; unsigned development calls use the ``(unsigned)`` key).
  URLs are compared whole after normalising case, default ports and a trailing slash: no prefix matching.
- **https only.** ``http://`` is refused, except on a loopback address when ``cds_fhir_http_loopback`` is
  on (tests and local development).
- **The server's own origin only.** Redirects are never followed; next-page links and attachment URLs on
  another origin are not fetched (``ehr.http``/``ehr.source`` already refuse them), so the token never
  leaves the named server.

The read is time-bounded as a whole (``cds_fhir_timeout_seconds``): every request gets at most the time
left, and a request started past the deadline fails at once. Callers run it off the event loop (the CDS
router runs every hook call in the threadpool). Whatever goes wrong becomes one line on the card, never a
traceback.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from priorauth.ehr.auth import BearerToken
from priorauth.ehr.http import FhirHttp, Limits, ReadFailed
from priorauth.ehr.source import FhirSource
from priorauth.errors import PriorauthError

log = logging.getLogger("priorauth.cds")

UNSIGNED = "(unsigned)"  # the allow-list key of unsigned calls (development mode, loopback callers only)
LOOPBACK_NAMES = {"localhost"}
# A hook answers in seconds: few retries, short waits, fewer pages than the CLI's read.
HOOK_LIMITS = Limits(
    connect_timeout=3.0,
    read_timeout=10.0,
    retries=1,
    backoff=0.2,
    max_wait=2.0,
    max_pages=20,
    page_size=200,
    max_binary_bytes=5 * 1024 * 1024,
    max_json_bytes=32 * 1024 * 1024,
    concurrency=4,
)


@dataclass
class EhrRead:
    """What the EHR gave: resources, the types it could not read in full (type -> why), or why the whole
    read failed (one line)."""

    resources: list[dict[str, Any]] = field(default_factory=list)
    unread: dict[str, str] = field(default_factory=dict)
    failed: str | None = None


def normalise(url: str) -> str | None:
    """A base URL in one spelling (lower-case scheme and host, no default port, no trailing slash), or
    None when it is not a plain http(s) base URL (user info, query or fragment, no host)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default = 443 if scheme == "https" else 80
    netloc = host if port in (None, default) else f"{host}:{port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_refusal(url: str, http_loopback: bool) -> str | None:
    """Why ``url`` can never be an allowed FHIR base (the same rule for the setting and for a call)."""
    if normalise(url) is None:
        return "not a plain http(s) base URL (no user info, query or fragment)"
    if urlsplit(url.strip()).scheme.lower() == "http" and not (http_loopback and is_loopback(url)):
        return "not https (http:// is accepted only on loopback, with cds_fhir_http_loopback)"
    return None


class EhrReader:
    """The allow-list and the read. ``allowed``: issuer (the JWT's ``iss``, or ``(unsigned)``) -> the
    fhirServer base URLs its calls may name."""

    def __init__(
        self,
        allowed: Mapping[str, Iterable[str]],
        http_loopback: bool = False,
        timeout_s: float = 8.0,
        limits: Limits = HOOK_LIMITS,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.http_loopback = http_loopback
        self.timeout_s = timeout_s
        self.limits = limits
        self.transport = transport
        self.allowed: dict[str, frozenset[str]] = {}
        for issuer, urls in allowed.items():
            good = set()
            for url in urls:
                why = plain_refusal(url, http_loopback)
                if why:
                    raise ValueError(f"{url}: {why}")
                good.add(normalise(url) or "")
            self.allowed[issuer] = frozenset(good)

    def refusal(self, server: str, issuer: str | None) -> str | None:
        """Why this call may not make the service read ``server`` (None: it may)."""
        why = plain_refusal(server, self.http_loopback)
        if why:
            return f"fhirServer is {why}"
        if normalise(server) not in self.allowed.get(issuer or UNSIGNED, frozenset()):
            who = "unsigned calls" if not issuer else "this EHR's issuer"
            return f"fhirServer {normalise(server)} is not on the allow-list for {who} (setting cds_fhir_servers)"
        return None

    def read(self, server: str, token: str, patient: str, user: str | None = None) -> EhrRead:
        """The patient's chart from ``server`` with ``token``, within ``timeout_s``. Call :meth:`refusal` first."""
        if plain_refusal(server, self.http_loopback) or not any(normalise(server) in u for u in self.allowed.values()):
            return EhrRead(failed="fhirServer is not allowed")  # a guard, should a caller forget refusal()
        deadline = time.monotonic() + self.timeout_s
        unresolved = None if self.transport else _resolves_in_time(server, self.timeout_s)  # a test transport: no DNS
        if unresolved:
            return EhrRead(failed=unresolved)
        transport = _Deadline(self.transport or httpx.HTTPTransport(), deadline, self.timeout_s)
        started = time.perf_counter()
        try:
            http = FhirHttp(server, BearerToken(token), self.limits, transport=transport, sleep=_sleeper(deadline))
        except PriorauthError as exc:
            return EhrRead(failed=exc.message)
        try:
            source = FhirSource(http, patient, use_everything=False)  # searches in parallel: faster on HAPI
            loaded = source.read()
            out = EhrRead([r.data for r in loaded.resources], dict(loaded.unread))
            if user:
                _prescriber(http, user, out)
        except PriorauthError as exc:
            out = EhrRead(failed=exc.message)
        except Exception as exc:  # an answer no rule foresaw: one line on the card, never a traceback
            log.warning("cds ehr read failed unexpectedly (%s)", type(exc).__name__)
            out = EhrRead(failed=f"reading the EHR failed unexpectedly ({type(exc).__name__})")
        finally:
            http.close()
        if time.monotonic() > deadline:  # say "not within the budget" rather than a request's timeout
            late = f"not read within {self.timeout_s:g} s"
            out.unread = {t: late if "time" in why else why for t, why in out.unread.items()}
            if out.failed and "time" in out.failed:
                out.failed = f"the EHR did not answer within {self.timeout_s:g} s"
        log.info(
            "cds ehr read requests=%d bytes=%d unread=%s failed=%s ms=%.0f",
            http.requests,
            http.bytes,
            ",".join(sorted(out.unread)),
            bool(out.failed),
            (time.perf_counter() - started) * 1000,
        )
        return out


def _resolves_in_time(server: str, budget: float) -> str | None:
    """Why the server's host name did not resolve within the budget (None: it did, or it failed at once,
    which the read itself then reports). A name lookup is the one step socket timeouts do not bound."""
    parts = urlsplit(server)
    host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        pool.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM).result(timeout=budget)
    except FutureTimeout:
        return f"the EHR's host name did not resolve within {budget:g} s"
    except OSError:
        return None
    finally:
        pool.shutdown(wait=False)  # a lookup still hanging is left to finish on its own thread
    return None


def _prescriber(http: FhirHttp, user: str, out: EhrRead) -> None:
    """The ordering user's PractitionerRole (the ``prescriber`` prefetch): the draft order is not on the
    server, so the FHIR source cannot find it through the order's requester."""
    if not user.startswith("Practitioner/") or "?" in user or "#" in user:
        return
    if any(
        r.get("resourceType") == "PractitionerRole" and (r.get("practitioner") or {}).get("reference") == user
        for r in out.resources
    ):
        return
    params = {"practitioner": user, "_include": "PractitionerRole:practitioner", "_count": "50"}
    try:
        bundle = http.get_json("PractitionerRole", params)
    except ReadFailed as exc:
        out.unread.setdefault("PractitionerRole", exc.reason)
        return
    seen = {f"{r.get('resourceType')}/{r.get('id')}" for r in out.resources}
    for entry in bundle.get("entry") or []:
        res = entry.get("resource") if isinstance(entry, dict) else None
        kind = res.get("resourceType") if isinstance(res, dict) else None
        if isinstance(res, dict) and kind not in (None, "OperationOutcome") and f"{kind}/{res.get('id')}" not in seen:
            out.resources.append(res)
    if any(isinstance(li, dict) and li.get("relation") == "next" for li in bundle.get("link") or []):
        out.unread.setdefault("PractitionerRole", "more than one page of roles; the rest was not read")


def _sleeper(deadline: float) -> Any:
    def sleep(seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, deadline - time.monotonic())))

    return sleep


class _Deadline(httpx.BaseTransport):
    """Every request gets at most the time left before the deadline (connect, each read, and the whole
    body); past it, requests fail at once as timeouts."""

    def __init__(self, inner: httpx.BaseTransport, deadline: float, budget: float) -> None:
        self.inner = inner
        self.deadline = deadline
        self.budget = budget

    def _left(self, request: httpx.Request) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpx.ReadTimeout(f"past the {self.budget:g} s budget of a hook's EHR read", request=request)
        return left

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        left = self._left(request)
        given = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {
            k: min(v, left) if isinstance(v, int | float) else left
            for k, v in {"connect": None, "read": None, "write": None, "pool": None, **given}.items()
        }
        response = self.inner.handle_request(request)
        response.stream = _BoundedStream(response.stream, self, request)  # type: ignore[assignment]
        return response

    def close(self) -> None:
        self.inner.close()


class _BoundedStream(httpx.SyncByteStream):
    def __init__(self, inner: Any, owner: _Deadline, request: httpx.Request) -> None:
        self.inner = inner
        self.owner = owner
        self.request = request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            self.owner._left(self.request)
            yield chunk

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close:
            close()
