"""The app factory: one FastAPI app, one database. Later issues mount their routers on it
(``app.include_router(...)``: the workspace UI, CDS Hooks)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text

from priorauth import __version__
from priorauth.errors import Code
from priorauth.policy import registry
from priorauth.store.audit import AuditSink
from priorauth.store.db import make_engine, migrate, session_factory
from priorauth.web import errors
from priorauth.web.limits import BodyLimit
from priorauth.web.routers import accounts, audit, cases, charts, records
from priorauth.web.settings import Settings
from priorauth.web.shared import JtiStore, LoginThrottleStore, SuggestionStore, TokenUse

API = "/api/v1"
log = logging.getLogger("priorauth.web.access")
_HEALTH = ThreadPoolExecutor(2, thread_name_prefix="priorauth-health")


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the service on ``settings`` (default: :class:`Settings` defaults); the database is
    created and migrated to the newest schema here, so a first start needs nothing else."""
    settings = settings or Settings()
    if settings.packs_dir:  # loaded and validated now; the evaluation workers inherit the folder
        registry.use_folder(settings.packs_dir)
    engine = engine or make_engine(settings.resolved_database_url(), settings.lock_timeout_seconds)
    migrate(engine)
    app = FastAPI(
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
    app.state.audit_sink = AuditSink(app.state.sessions, defer_views=engine.dialect.name == "sqlite")
    errors.install(app)
    for router in (accounts.router, charts.router, cases.router, records.router, audit.router):
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

    @app.middleware("http")
    async def access_log(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # Method, route template, status, time: never the path's values, the query or the body.
        start = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # a bug or a database failure: one JSON 500, the type only in the log
            log.error("internal error %s on %s %s", type(exc).__name__, request.method, _route(request))
            response = errors.error_response(Code.INTERNAL, "internal error; the server log has its type")
        route = _route(request)
        ms = (time.perf_counter() - start) * 1000
        log.info("%s %s %d %.0fms", request.method, route, response.status_code, ms)
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Referrer-Policy", "same-origin"
        )  # no-referrer makes a browser send Origin: null on its own forms
        return response

    app.add_middleware(BodyLimit, settings=settings)  # outermost: streamed request-body caps on every route
    return app


def _route(request: Request) -> str:
    return getattr(request.scope.get("route"), "path", None) or "<unmatched>"
