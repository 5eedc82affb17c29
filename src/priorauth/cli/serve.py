"""``priorauth serve``: settings (file, environment, flags), logging without patient data, uvicorn."""

from __future__ import annotations

import logging
import sys

from priorauth.errors import Code, fail

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def serve(host: str | None = None, port: int | None = None, database_url: str | None = None, demo: bool = False) -> int:
    try:
        import uvicorn

        from priorauth.web import create_app, load_settings
    except ImportError as exc:
        raise fail(
            Code.BAD_ARGUMENT,
            f"priorauth serve needs the service extra ({exc.name} is missing): pip install 'priorauth[serve]'",
        ) from None
    settings = load_settings(host=host, port=port, database_url=database_url)
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT, stream=sys.stderr)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    log = logging.getLogger("priorauth.serve")
    if demo:
        from priorauth.cli.demo import demo_settings

        settings = demo_settings(settings, explicit_database=database_url)
    url = settings.resolved_database_url()
    app = create_app(settings.model_copy(update={"database_url": url}))
    log.info("database: %s (%s)", app.state.engine.dialect.name, _safe(url))
    if demo:
        from priorauth.cli.demo import announce

        announce(app, settings)
    uvicorn.run(app, host=settings.host, port=settings.port, access_log=False, log_config=None, server_header=False)
    return 0


def _safe(url: str) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
