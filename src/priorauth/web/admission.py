"""At most ``limit`` requests are inside the app at once (per server process); the others wait their
turn on the event loop, holding nothing, at most ``wait`` seconds, then get the one JSON error (503
``busy``, with ``Retry-After``). ``/health`` is never queued.

Why: a request keeps its pooled database connection from its first query (authentication) to the end
of its transaction, across several threadpool steps (the dependencies, the endpoint, the response's
serialization), and needs a free thread for each step. With nothing bounding how many requests are
inside, a burst filled every thread with requests waiting for a connection while the requests holding
the connections waited for a thread: the server froze (CPU 0) until the pool's timeout failed them
all, and under a steady arrival rate it never recovered. The bound makes the cycle impossible: the
threadpool is given more threads than ``limit`` and the pool more connections
(:func:`priorauth.store.db.make_engine`), so an admitted request never waits for either."""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

import orjson

from priorauth.errors import Code

OPEN = frozenset({"/health"})  # answers whatever the other requests do (its own thread, its own connection)
THREAD_MARGIN = 8  # threads beyond the admitted requests: CDS Hooks calls hop to a thread of their own


class Admission:
    def __init__(self, app: Any, limit: int, wait: float) -> None:
        self.app, self.limit, self.wait = app, limit, wait
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        turns = self._turns.get(loop)
        if turns is None:  # first request on this event loop: size its threadpool above the limit
            import anyio.to_thread

            threads = anyio.to_thread.current_default_thread_limiter()
            threads.total_tokens = max(threads.total_tokens, self.limit + THREAD_MARGIN)
            turns = self._turns[loop] = asyncio.Semaphore(self.limit)
        return turns

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN:
            await self.app(scope, receive, send)
            return
        turns = self._semaphore()
        try:
            await asyncio.wait_for(turns.acquire(), self.wait)
        except TimeoutError:
            await _busy(send, self.wait)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            turns.release()


async def _busy(send: Any, waited: float) -> None:
    message = f"the server is busy: no turn within {waited:g} seconds; try again"
    body = orjson.dumps({"error": {"code": Code.BUSY, "message": message, "details": []}})
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(b"retry-after", b"1"), (b"cache-control", b"no-store")]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
