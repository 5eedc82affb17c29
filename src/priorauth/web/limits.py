"""A request-body cap on every route, enforced while the body streams in: a declared Content-Length
past the cap is refused before anything is read, and a body that grows past it is stopped at the
first chunk over (413 ``too_large``, whatever the route's parser would have answered). Chart and
scanned-document uploads get ``max_upload_mb``, CDS Hooks calls ``max_cds_mb``, everything else (JSON
bodies, forms) ``max_request_kb``."""

from __future__ import annotations

import re
from typing import Any

import orjson

from priorauth.errors import Code, fail

UPLOADS = re.compile(r"^(/api/v1/charts|/upload|(/api/v1)?/cases/[^/]+/(chart|documents|payer-letters))$")  # scans (17), letters (18)


class BodyLimit:
    def __init__(self, app: Any, settings: Any) -> None:
        self.app, self.settings = app, settings

    def limit(self, path: str) -> int:
        s = self.settings
        if UPLOADS.match(path):
            return int(s.max_upload_mb * 1_000_000) + 65_536  # the form's other fields and boundaries
        if path.startswith("/cds-services"):
            return int(s.max_cds_mb * 1_000_000)
        return int(s.max_request_kb * 1000)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit)
            return
        received, over, answered = 0, False, False

        async def capped() -> Any:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise fail(Code.TOO_LARGE, f"the request body is larger than {_size(limit)}")
            return message

        async def reply(message: Any) -> None:
            # Whatever the app made of the interrupted body (a parser's 400, a page), the answer is 413.
            nonlocal answered
            if not over:
                await send(message)
            elif not answered:
                answered = True
                await _refuse(send, limit)

        await self.app(scope, capped, reply)


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"


async def _refuse(send: Any, limit: int) -> None:
    body = orjson.dumps(
        {"error": {"code": Code.TOO_LARGE, "message": f"the request body is larger than {_size(limit)}", "details": []}}
    )
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
