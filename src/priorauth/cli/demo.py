"""``priorauth serve --demo``: a demo database of its own (a temporary one unless ``--database-url`` names
one), seeded, and the URL and the demo logins printed (stdout) and shown on the login page, so a newcomer
sees the workspace in one command. Two people running the demo on one account never share (nor wipe)
each other's database; a database that holds real practices is refused (``demo.seed``)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

DEMO_DB = "priorauth-demo.db"


def demo_settings(settings: Any, explicit_database: str | None) -> Any:
    """The demo's database: ``explicit_database`` when given (checked by ``demo.seed``), else a new SQLite
    file in a temporary folder removed when the server stops; cookies without the Secure flag, since the
    demo is plain HTTP on this machine."""
    update: dict[str, Any] = {"secure_cookies": False}
    if not explicit_database:
        folder = Path(tempfile.mkdtemp(prefix="priorauth-demo-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        update["database_url"] = f"sqlite:///{folder / DEMO_DB}"
    return settings.model_copy(update=update)


def announce(app: Any, settings: Any) -> None:
    from priorauth.web.ui import demo

    demo.seed(app)
    app.state.demo_logins = [(email, role) for email, _, role in demo.USERS]  # shown on the login page
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host  # noqa: S104 - a comparison
    logins = "\n".join(f"  {role:<12} {email}" for email, _, role in demo.USERS)
    print(
        f"priorauth demo: open http://{host}:{settings.port}/ and log in (password {demo.PASSWORD}):\n{logins}\n"
        "Stop the server with Ctrl+C.",
        flush=True,
    )
