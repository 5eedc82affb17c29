"""The CDS Hooks endpoints over HTTP (FastAPI): discovery, hook calls, feedback."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from priorauth.cds import hooks
from priorauth.cds.discovery import discovery
from priorauth.cds.prefetch import FhirReader
from priorauth.cds.trust import Trust, TrustError
from priorauth.errors import Code

log = logging.getLogger("priorauth.cds")
CaseStarter = Callable[[dict[str, Any]], str | None]  # start-case context -> case URL (or None)


@dataclass
class CdsSettings:
    trust: Trust = field(default_factory=Trust)
    workspace_url: str | None = None
    as_of: str | None = None  # fixed evaluation date (tests); default today
    public_url: str | None = None  # the service's public base URL: the JWT audience is built from it
    speaks_for: frozenset[str] = frozenset()  # payer packs priorauth may issue coverage-information for
    reader: FhirReader | None = None  # reads what the prefetch lacks from an allowed fhirServer

    @classmethod
    def from_env(cls) -> CdsSettings:
        """PRIORAUTH_CDS_ISSUERS (JSON: iss -> JWKS URL, file or object), PRIORAUTH_CDS_DEV_UNSIGNED=1
        (accept unsigned calls from loopback only), PRIORAUTH_WORKSPACE_URL."""
        issuers = json.loads(os.environ.get("PRIORAUTH_CDS_ISSUERS") or "{}")
        dev = os.environ.get("PRIORAUTH_CDS_DEV_UNSIGNED") == "1"
        return cls(Trust(issuers, dev), os.environ.get("PRIORAUTH_WORKSPACE_URL"))


def error(status: int, code: str, message: str) -> JSONResponse:
    """The service's one error shape (docs/service.md)."""
    return JSONResponse({"error": {"code": code, "message": message, "details": []}}, status_code=status)


class Suggestions:
    """Start-case suggestions issued, so accepted feedback can open the case (kept 24 h). This one is in
    memory (the CDS service on its own); the full service keeps them in its database, shared by every
    server process (``priorauth.web.shared``)."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def remember(self, response: dict[str, Any], context: dict[str, Any]) -> None:
        now = time.time()
        with self._lock:
            for k in [k for k, (t, _) in self._items.items() if t < now - 86400]:
                del self._items[k]
            for card in response.get("cards", []):
                for s in card.get("suggestions", []):
                    self._items[s["uuid"]] = (now, context)

    def take(self, suggestion_id: str) -> dict[str, Any] | None:
        with self._lock:
            item = self._items.pop(suggestion_id, None)
        return item[1] if item else None


def _json(raw: bytes) -> Any:
    """The body as JSON; None when it is not JSON or nests deeper than orjson reads (1024 levels)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None


def router(settings: CdsSettings, start_case: CaseStarter | None = None, suggestions: Any | None = None) -> APIRouter:
    """The CDS Hooks routes. Reading the body is the only thing done on the event loop: checking the
    JWT, evaluating and opening cases run in the threadpool."""
    r = APIRouter(tags=["CDS Hooks"])
    issued = suggestions or Suggestions()

    @r.get("/cds-services")
    def services() -> dict[str, Any]:
        return discovery()

    @r.post("/cds-services/{service_id}")
    async def call(service_id: str, request: Request) -> JSONResponse:
        raw = await request.body()
        return await run_in_threadpool(_call, service_id, request, raw)

    def _call(service_id: str, request: Request, raw: bytes) -> JSONResponse:
        claims = _claims(settings, request)
        if isinstance(claims, JSONResponse):
            return claims
        body = _json(raw)
        if body is None:
            return error(400, Code.INVALID_REQUEST, "the hook request is not valid JSON (or nests too deeply)")
        issuer = claims.get("iss") if isinstance(claims.get("iss"), str) else None
        options = hooks.Options(settings.as_of, settings.workspace_url, settings.reader, settings.speaks_for, issuer)
        try:
            response, material = hooks.answer(service_id, body, options)
        except hooks.HookError as exc:
            code = Code.NOT_FOUND if exc.status == 404 else Code.INVALID_REQUEST  # 400, or 412 (no prefetch)
            return error(exc.status, code, exc.message)
        except RecursionError:
            return error(400, Code.INVALID_REQUEST, "the hook request nests too deeply")
        if start_case is not None and response["cards"] and material is not None:
            issued.remember(response, material)
        return JSONResponse(response)

    @r.post("/cds-services/{service_id}/feedback")
    async def feedback(service_id: str, request: Request) -> JSONResponse:
        raw = await request.body()
        return await run_in_threadpool(_feedback, service_id, request, raw)

    def _feedback(service_id: str, request: Request, raw: bytes) -> JSONResponse:
        refused = _untrusted(settings, request)
        if refused is not None:
            return refused
        body = _json(raw)
        items = body.get("feedback") if isinstance(body, dict) else None
        if not isinstance(items, list):
            return error(400, Code.INVALID_REQUEST, 'feedback must be {"feedback": [...]} (CDS Hooks 2.0)')
        opened = []
        for item in items:
            accepted = item.get("acceptedSuggestions") if isinstance(item, dict) else None
            for s in accepted if isinstance(accepted, list) else []:
                context = issued.take(str(s.get("id"))) if isinstance(s, dict) else None
                if context is not None and start_case is not None:
                    opened.append(start_case(context))
        log.info(
            "cds feedback service=%s items=%d cases_opened=%d", service_id, len(items), len([o for o in opened if o])
        )
        return JSONResponse({"cases": [o for o in opened if o]})

    return r


def _untrusted(settings: CdsSettings, request: Request) -> JSONResponse | None:
    """The 401 answer for a call the EHR's JWT does not vouch for (trust.py), else None."""
    claims = _claims(settings, request)
    return claims if isinstance(claims, JSONResponse) else None


def _claims(settings: CdsSettings, request: Request) -> dict[str, Any] | JSONResponse:
    """The verified JWT's claims (empty for an unsigned development call), or the 401 answer."""
    audience = str(request.url)
    if settings.public_url:  # never the Host header: the configured public address of this service
        audience = settings.public_url.rstrip("/") + request.url.path
    try:
        return settings.trust.verify(request.headers.get("authorization"), audience, _host(request))
    except TrustError as exc:
        return error(exc.status, Code.UNAUTHENTICATED, exc.message)


def _host(request: Request) -> str | None:
    return request.client.host if request.client else None


def create_app(settings: CdsSettings | None = None, start_case: CaseStarter | None = None) -> FastAPI:
    """The CDS Hooks service on its own (the full service mounts ``router()`` in its app)."""
    app = FastAPI(title="priorauth CDS Hooks", version="1")
    app.include_router(router(settings or CdsSettings.from_env(), start_case))
    return app
