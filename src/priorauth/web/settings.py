"""Service settings: defaults, then a TOML config file, then environment variables (highest).

The config file is ``$PRIORAUTH_CONFIG`` if set, else ``<user config dir>/priorauth/service.toml`` when
it exists. Environment: ``DATABASE_URL`` and ``PRIORAUTH_<FIELD>`` (e.g. ``PRIORAUTH_PORT``)."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from priorauth.errors import Code, fail


def default_database_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("priorauth", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'priorauth.db'}"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    database_url: str = Field(default="", description="SQLAlchemy URL; empty: SQLite in the user data dir")
    host: str = Field(default="127.0.0.1", description="address to listen on (loopback unless set)")
    port: int = Field(default=8400, ge=1, le=65535)
    max_upload_mb: float = Field(default=50, gt=0, description="largest chart upload (request body)")
    max_archive_mb: float = Field(default=200, gt=0, description="largest unpacked folder archive")
    secure_cookies: bool = Field(default=True, description="Secure flag on cookies (keep on behind HTTPS)")
    session_hours: float = Field(default=12, gt=0)
    login_max_failures: int = Field(default=5, ge=1, description="failed logins per account and address...")
    login_window_seconds: int = Field(default=900, ge=1, description="...within this window, then 429")
    setup_token: str = Field(default="", description="lets /setup create more practices; empty: first only")
    log_level: str = Field(default="info")

    def resolved_database_url(self) -> str:
        return self.database_url or default_database_url()


def _config_file(env: Mapping[str, str]) -> Path | None:
    if env.get("PRIORAUTH_CONFIG"):
        return Path(env["PRIORAUTH_CONFIG"])
    from platformdirs import user_config_dir

    p = Path(user_config_dir("priorauth", appauthor=False)) / "service.toml"
    return p if p.is_file() else None


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Defaults < config file < environment < ``overrides`` (the command line)."""
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    path = _config_file(env)
    if path is not None:
        try:
            values.update(tomllib.loads(path.read_text("utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise fail(Code.BAD_ARGUMENT, f"config file {path}: {exc}") from None
    if env.get("DATABASE_URL"):
        values["database_url"] = env["DATABASE_URL"]
    for name in Settings.model_fields:
        key = f"PRIORAUTH_{name.upper()}"
        if key in env:
            values[name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise fail(Code.BAD_ARGUMENT, f"setting {where}: {first['msg']}") from None
