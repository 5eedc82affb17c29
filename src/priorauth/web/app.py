"""The app factory: one FastAPI app, one database, with every router mounted on it: the REST API, the
workspace UI and CDS Hooks (``app.include_router(...)``)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text
from starlette.datastructures import MutableHeaders

from priorauth import __version__
from priorauth.errors import Code
from priorauth.policy import registry
from priorauth.store.audit import AuditSink
from priorauth.store.db import make_engine, migrate, session_factory
from priorauth.web import errors
from priorauth.web.admission import Admission
from priorauth.web.auth import ActorCache
from priorauth.web.limits import BodyLimit
from priorauth.web.routers import accounts, appeals, audit, cases, charts, letters, records
from priorauth.web.settings import Settings
from priorauth.web.shared import JtiStore, LoginThrottleStore, SuggestionStore, TokenUse

API = "/api/v1"
log = logging.getLogger("priorauth.web.access")
_HEALTH = ThreadPoolExecutor(2, thread_name_prefix="priorauth-health")
RESERVED_CONNECTIONS = 4  # beyond the admitted requests: the audit and token-use writers, /health


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the service on ``settings`` (default: :class:`Settings` defaults); the database is
    created and migrated to the newest schema here, so a first start needs nothing else."""
    settings = settings or Settings()
    if settings.packs_dir:  # loaded and validated now; the evaluation workers inherit the folder
        registry.use_folder(settings.packs_dir)
    connections = settings.max_concurrent_requests + RESERVED_CONNECTIONS
    engine = engine or make_engine(settings.resolved_database_url(), settings.lock_timeout_seconds, connections)
    migrate(engine)
    app = FastAPI(
        lifespan=_lifespan,
        title="priorauth",
        version=__version__,
        description="Prior-authorization determinations for KRAS G12C inhibitors, as a service. "
        'Every error is `{"error": {"code", "message", "details"}}`.',
        responses={
            "default": {"description": "an error", "content": {"application/json": {"schema": errors.ERROR_SCHEMA}}}
        },
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine, settings.lock_timeout_seconds)
    app.state.login_limiter = LoginThrottleStore(
        app.state.sessions, settings.login_max_failures, settings.login_window_seconds
    )
    app.state.token_use = TokenUse(app.state.sessions)
    app.state.actors = ActorCache(settings.actor_cache_seconds)
    app.state.actors.watch(app.state.sessions)
    app.state.audit_sink = AuditSink(app.state.sessions, defer_views=engine.dialect.name == "sqlite")
    errors.install(app)
    for router in (
        accounts.router,
        charts.router,
        cases.router,
        records.router,
        letters.router,
        appeals.router,
        audit.router,
    ):
        app.include_router(router, prefix=API)
    from priorauth.cds.http import CdsSettings
    from priorauth.cds.http import router as cds_router
    from priorauth.cds.trust import Trust
    from priorauth.web.cds_cases import starter

    trust = Trust(settings.issuers(), settings.cds_dev_unsigned, first_use=JtiStore(app.state.sessions))
    workspace = settings.workspace_url or None
    speaks = frozenset(x.strip() for x in settings.cds_speaks_for.split(",") if x.strip())
    cds = CdsSettings(trust, workspace, None, settings.resolved_public_url(), speaks, settings.fhir_reader())
    start_case = starter(app, settings.cds_case_token or None, workspace)
    # CDS Hooks: /cds-services (docs/cds-hooks.md)
    app.include_router(cds_router(cds, start_case, SuggestionStore(app.state.sessions)))
    from priorauth.web import ui  # the workspace pages (issue 7)

    ui.mount(app)

    @app.get("/health", tags=["service"])
    async def health() -> Response:
        """Answers at once whatever the other requests do: the database check runs on a thread of its
        own (not the request threadpool, which busy requests may fill) and is given two seconds."""

        def ping() -> None:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))

        try:
            await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(_HEALTH, ping), 2)
        except Exception as exc:
            log.warning("health: database check failed (%s)", type(exc).__name__)
            return errors.error_response(Code.BUSY, "the database does not answer")
        return JSONResponse({"status": "ok", "version": __version__, "database": engine.dialect.name})

    app.add_middleware(AccessLog)
    app.add_middleware(BodyLimit, settings=settings)  # streamed request-body caps on every route
    # outermost: a bounded number of requests inside at once (web/admission.py: why)
    app.add_middleware(Admission, limit=settings.max_concurrent_requests, wait=settings.lock_timeout_seconds)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    # Stopping (uvicorn has let the requests in progress finish, for at most shutdown_timeout_seconds):
    # under `priorauth serve` a watchdog ends the process if what follows, or a thread still waiting on
    # the database, holds it past the same bound; then the evaluation workers stop and the events
    # written in the background are written now.
    if getattr(app.state, "exit_after", None):
        _watchdog(app.state.exit_after)
    await asyncio.to_thread(_stop, app)


def _stop(app: FastAPI) -> None:
    from priorauth.service import pool

    pool.shutdown()
    app.state.token_use.close()
    app.state.audit_sink.close()


def close(app: FastAPI) -> None:
    """Done with an app that was never served (tests, scripts): its background writers write what they
    hold and end, then its database connections are closed. Without this the writers' threads keep the
    engine alive and reopen a connection the next time they write."""
    app.state.token_use.close()
    app.state.audit_sink.close()
    app.state.engine.dispose()


def _watchdog(seconds: float) -> None:
    import os
    import threading

    def exit_now() -> None:
        log.error("stopping: still busy %g s after the shutdown began; exiting now", seconds)
        logging.shutdown()
        os._exit(0)

    timer = threading.Timer(seconds, exit_now)
    timer.daemon = True
    timer.start()


SECURITY_HEADERS = (
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),  # no-referrer makes a browser send Origin: null on its own forms
)


class AccessLog:
    """Method, route template, status, time: never the path's values, the query or the body; the
    security headers on every answer; an exception that escaped everything else is one JSON 500 (its type
    only in the log). A plain ASGI middleware: no task or stream of its own per request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0

        async def answer(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, answer)
        except Exception as exc:  # a bug or a database failure: one JSON 500, the type only in the log
            log.error("internal error %s on %s %s", type(exc).__name__, scope["method"], _route(scope))
            if status:
                raise  # the answer has begun: nothing else can be sent
            response = errors.error_response(Code.INTERNAL, "internal error; the server log has its type")
            await response(scope, receive, answer)
        ms = (time.perf_counter() - start) * 1000
        log.info("%s %s %d %.0fms", scope["method"], _route(scope), status, ms)


def _route(scope: dict[str, Any]) -> str:
    return getattr(scope.get("route"), "path", None) or "<unmatched>"
