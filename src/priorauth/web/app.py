"""The app factory: one FastAPI app, one database. Later issues mount their routers on it
(``app.include_router(...)``: the workspace UI, CDS Hooks)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from sqlalchemy import Engine, text

from priorauth import __version__
from priorauth.errors import Code
from priorauth.store.db import make_engine, migrate, session_factory
from priorauth.web import errors
from priorauth.web.routers import accounts, audit, cases, charts, records
from priorauth.web.security import LoginLimiter
from priorauth.web.settings import Settings

API = "/api/v1"
log = logging.getLogger("priorauth.web.access")


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the service on ``settings`` (default: :class:`Settings` defaults); the database is
    created and migrated to the newest schema here, so a first start needs nothing else."""
    settings = settings or Settings()
    engine = engine or make_engine(settings.resolved_database_url())
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
    app.state.sessions = session_factory(engine)
    app.state.login_limiter = LoginLimiter(settings.login_max_failures, settings.login_window_seconds)
    errors.install(app)
    for router in (accounts.router, charts.router, cases.router, records.router, audit.router):
        app.include_router(router, prefix=API)
    from priorauth.cds.http import CdsSettings
    from priorauth.cds.http import router as cds_router
    from priorauth.web.cds_cases import starter

    cds = CdsSettings.from_env()
    start_case = starter(app, os.environ.get("PRIORAUTH_CDS_CASE_TOKEN"), cds.workspace_url)
    app.include_router(cds_router(cds, start_case))  # CDS Hooks: /cds-services (docs/cds-hooks.md)
    from priorauth.web import ui  # the workspace pages (issue 7)

    ui.mount(app)

    @app.get("/health", tags=["service"])
    def health() -> dict[str, str]:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__, "database": engine.dialect.name}

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
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def _route(request: Request) -> str:
    return getattr(request.scope.get("route"), "path", None) or "<unmatched>"
