"""``priorauth serve``: settings (file, environment, flags), logging without patient data, uvicorn with
one or several worker processes (``--workers N``: what they share lives in the database)."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from priorauth.errors import Code, fail

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
SETTINGS_ENV = "PRIORAUTH_SERVE_SETTINGS_JSON"  # the parent's settings, handed to worker processes


def serve(
    host: str | None = None,
    port: int | None = None,
    database_url: str | None = None,
    demo: bool = False,
    workers: int | None = None,
    sets: list[str] | None = None,
) -> int:
    try:
        import uvicorn

        from priorauth.web import create_app, load_settings
    except ImportError as exc:
        raise fail(
            Code.BAD_ARGUMENT,
            f"priorauth serve needs the service extra ({exc.name} is missing): pip install 'priorauth[serve]'",
        ) from None
    os.umask(0o077)  # the database, its WAL and anything else written holds PHI: owner only
    flags: dict[str, Any] = dict(_pairs(sets or []))
    flags |= {"host": host, "port": port, "database_url": database_url, "workers": workers}
    settings = load_settings(**flags)
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT, stream=sys.stderr)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    log = logging.getLogger("priorauth.serve")
    if demo:
        from priorauth.cli.demo import demo_settings

        settings = demo_settings(settings, explicit_database=database_url)
    url = settings.resolved_database_url()
    settings = settings.model_copy(update={"database_url": url})
    app = create_app(settings)  # creates and migrates the database once, before any worker starts
    log.info("database: %s (%s)", app.state.engine.dialect.name, _safe(url))
    if demo:
        from priorauth.cli.demo import announce

        announce(app, settings)
    proxies = settings.proxies()
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "access_log": False,
        "log_config": None,
        "server_header": False,
        # X-Forwarded-For is believed only from the configured proxies (never from any loopback client)
        "proxy_headers": bool(proxies),
        "forwarded_allow_ips": ",".join(proxies) if proxies else "",
        # SIGTERM: requests in progress get this long, then are cancelled; the app's shutdown then ends
        # the process within as long again, whatever still waits (web/app.py)
        "timeout_graceful_shutdown": settings.shutdown_timeout_seconds,
    }
    if settings.workers > 1:
        app.state.engine.dispose()
        os.environ[SETTINGS_ENV] = settings.model_dump_json()
        log.info("%d worker processes", settings.workers)
        uvicorn.run("priorauth.cli.serve:worker_app", factory=True, workers=settings.workers, **options)
    else:
        app.state.exit_after = settings.shutdown_timeout_seconds
        uvicorn.run(app, **options)
    return 0


def worker_app() -> Any:
    """One worker process's app, on the parent's settings."""
    from priorauth.web import Settings, create_app

    settings = Settings.model_validate_json(os.environ[SETTINGS_ENV])
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT, stream=sys.stderr)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    app = create_app(settings)
    app.state.exit_after = settings.shutdown_timeout_seconds
    return app


def _pairs(items: list[str]) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise fail(Code.BAD_ARGUMENT, f"--set {item!r}: use --set KEY=VALUE (a setting of docs/service.md)")
        out.append((key.strip().replace("-", "_"), value))
    return out


def _safe(url: str) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
