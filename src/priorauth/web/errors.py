"""One JSON error shape for every error the service returns:

    {"error": {"code": "not_found", "message": "no case 1234", "details": []}}

``code`` is a stable :class:`priorauth.errors.Code`; ``details`` lists field problems for
``invalid_request`` (location and message, never the submitted value: it may be patient data)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as DBTimeout
from starlette.exceptions import HTTPException

from priorauth.errors import Code, PriorauthError

log = logging.getLogger("priorauth.web")

STATUS = {
    Code.INVALID_REQUEST: 422,
    Code.NOT_FOUND: 404,
    Code.METHOD_NOT_ALLOWED: 405,
    Code.UNAUTHENTICATED: 401,
    Code.FORBIDDEN: 403,
    Code.CSRF: 403,
    Code.CONFLICT: 409,
    Code.TOO_LARGE: 413,
    Code.UNSUPPORTED_MEDIA: 415,
    Code.RATE_LIMITED: 429,
    Code.INTERNAL: 500,
    Code.EVALUATION_TIMEOUT: 503,
    Code.BUSY: 503,
    Code.PATIENT_MISMATCH: 409,
}
HTTP_CODES = {400: Code.INVALID_REQUEST, 401: Code.UNAUTHENTICATED, 403: Code.FORBIDDEN, 404: Code.NOT_FOUND}
HTTP_CODES |= {405: Code.METHOD_NOT_ALLOWED, 409: Code.CONFLICT, 413: Code.TOO_LARGE, 415: Code.UNSUPPORTED_MEDIA}
HTTP_CODES |= {422: Code.INVALID_REQUEST, 429: Code.RATE_LIMITED}

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
        }
    },
}


def error_response(
    code: str, message: str, details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    # Core input errors (a chart that is not FHIR, an unknown payer) are the client's: 422.
    status = STATUS.get(code, 422)
    body = {"error": {"code": code, "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(PriorauthError)
    async def _priorauth(_: Request, exc: PriorauthError) -> JSONResponse:
        headers = getattr(exc, "headers", None)
        return error_response(exc.code, exc.message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"]) or "request"
        return error_response(Code.INVALID_REQUEST, f"{where}: {first['msg']}", details)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, Code.INVALID_REQUEST if exc.status_code < 500 else Code.INTERNAL)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        resp = error_response(code, message, headers=getattr(exc, "headers", None))
        resp.status_code = exc.status_code
        return resp

    @app.exception_handler(DBTimeout)
    async def _no_connection(_: Request, exc: DBTimeout) -> JSONResponse:
        return busy("no database connection was free in time")

    @app.exception_handler(OperationalError)
    async def _database(request: Request, exc: OperationalError) -> JSONResponse:
        if is_busy(exc):  # another process held SQLite's lock past its busy timeout
            return busy("the database stayed locked")
        return await _internal(request, exc)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # The type and route only: an exception's message may quote patient data.
        log.error("internal error %s on %s %s", type(exc).__name__, request.method, _route(request))
        return error_response(Code.INTERNAL, "internal error; the server log has its type")


def busy(why: str) -> JSONResponse:
    return error_response(Code.BUSY, f"{why}; try again", headers={"Retry-After": "1"})


def is_busy(exc: OperationalError) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text or "lock timeout" in text


def _route(request: Request) -> str:
    route = request.scope.get("route")
    return getattr(route, "path", None) or "<unmatched>"
