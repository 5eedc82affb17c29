"""``priorauth serve --demo``: a fresh demo database beside the real one, seeded, and the URL and the
demo logins printed (stdout), so a newcomer sees the workspace in one command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DEMO_DB = "priorauth-demo.db"


def demo_settings(settings: Any, explicit_database: str | None) -> Any:
    """A new SQLite demo database (never the practice's own), replaced at each start; cookies without
    the Secure flag, since the demo is plain HTTP on this machine."""
    update: dict[str, Any] = {"secure_cookies": False}
    if not explicit_database:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir("priorauth", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / DEMO_DB
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        update["database_url"] = f"sqlite:///{path}"
    return settings.model_copy(update=update)


def announce(app: Any, settings: Any) -> None:
    from priorauth.web.ui import demo

    demo.seed(app)
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host  # noqa: S104 - a comparison
    logins = "\n".join(f"  {role:<12} {email}" for email, _, role in demo.USERS)
    print(
        f"priorauth demo: open http://{host}:{settings.port}/ and log in (password {demo.PASSWORD}):\n{logins}\n"
        "Stop the server with Ctrl+C.",
        flush=True,
    )
