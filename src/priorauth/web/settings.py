"""Service settings, one pydantic-settings model: defaults < a TOML config file < environment variables <
command-line flags, for every key.

The config file is ``$PRIORAUTH_CONFIG`` if set, else ``<user config dir>/priorauth/service.toml`` when
it exists. Environment: ``PRIORAUTH_<KEY>`` for every key (e.g. ``PRIORAUTH_PORT``, no nesting), and
``DATABASE_URL``. A bad value anywhere is one line: ``setting <key>: <why>``."""

from __future__ import annotations

import contextvars
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from priorauth.errors import Code, fail


def default_database_url() -> str:
    """SQLite in the user data dir (``$XDG_DATA_HOME/priorauth``), a private folder (0700)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("priorauth", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    return f"sqlite:///{folder / 'priorauth.db'}"


_ENV: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar("priorauth_env", default=None)
_FILE: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("priorauth_file", default=None)


class _Source(PydanticBaseSettingsSource):
    """Values from a mapping handed over by :func:`load_settings` (``Settings(...)`` alone reads only its
    arguments: tests and library callers get exactly what they pass)."""

    def __init__(self, settings_cls: type[BaseSettings], values: dict[str, Any]) -> None:
        super().__init__(settings_cls)
        self.values = values

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self.values)


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if env.get("DATABASE_URL"):
        out["database_url"] = env["DATABASE_URL"]
    for name in Settings.model_fields:
        key = f"PRIORAUTH_{name.upper()}"
        if key in env:
            out[name] = env[key]
    return out


class Settings(BaseSettings):
    """Every setting of ``priorauth serve`` (docs/service.md lists them all; a test checks)."""

    model_config = SettingsConfigDict(extra="forbid", validate_default=True)

    database_url: str = Field(default="", description="SQLAlchemy URL; empty: SQLite in the user data dir")
    host: str = Field(default="127.0.0.1", description="address to listen on (loopback unless set)")
    port: int = Field(default=8400, ge=1, le=65535)
    max_upload_mb: float = Field(default=50, gt=0, description="largest chart upload (request body)")
    max_request_kb: float = Field(default=1000, gt=0, description="largest other request body (JSON, forms)")
    max_cds_mb: float = Field(default=10, gt=0, description="largest CDS Hooks request (prefetch included)")
    max_archive_mb: float = Field(default=200, gt=0, description="largest unpacked folder archive")
    secure_cookies: bool = Field(default=True, description="Secure flag on cookies (keep on behind HTTPS)")
    session_hours: float = Field(default=12, gt=0)
    login_max_failures: int = Field(default=5, ge=1, description="failed logins per account and address...")
    login_window_seconds: int = Field(default=900, ge=1, description="...within this window, then 429")
    setup_token: str = Field(default="", description="lets /setup create more practices; empty: first only")
    log_level: Literal["debug", "info", "warning", "error", "critical"] = Field(default="info")
    workers: int = Field(default=1, ge=1, le=64, description="server processes (shared state is in the database)")
    evaluation_workers: int = Field(default=2, ge=0, le=64, description="worker processes evaluating charts")
    evaluation_timeout_seconds: float = Field(default=120, gt=0, description="an evaluation's time limit")
    lock_timeout_seconds: float = Field(
        default=30, gt=0, description="longest wait for a database lock, a pooled connection or a request's turn"
    )
    max_concurrent_requests: int = Field(
        default=32, ge=1, le=1000, description="requests served at once per process; more wait their turn"
    )
    actor_cache_seconds: float = Field(
        default=2,
        ge=0,
        le=60,
        description="how long a process reuses an API token's checked actor (0: check every request)",
    )
    shutdown_timeout_seconds: float = Field(
        default=10, gt=0, description="on SIGTERM, how long requests in progress may finish before the stop"
    )
    public_url: str = Field(default="", description="the service's public base URL (CDS JWT audience)")
    workspace_url: str = Field(default="", description="where CDS cards link to the workspace")
    cds_issuers: str = Field(default="{}", description="JSON: EHR issuer -> its JWKS (URL, file or object)")
    cds_dev_unsigned: bool = Field(default=False, description="accept unsigned CDS calls from loopback")
    cds_case_token: str = Field(default="", description="API token id that opens cases from CDS feedback")
    cds_speaks_for: str = Field(default="", description="comma-separated payer pack ids priorauth speaks for (CRD)")
    cds_fhir_http_loopback: bool = Field(
        default=False, description="accept http:// fhirServer URLs on loopback (tests, local development)"
    )
    cds_fhir_servers: str = Field(
        default="{}", description="JSON: EHR issuer -> fhirServer base URLs its hooks may have read (SSRF guard)"
    )
    cds_fhir_timeout_seconds: float = Field(default=8, gt=0, le=120, description="time limit of a hook's EHR read")
    trusted_proxies: str = Field(default="", description="comma-separated proxy addresses for X-Forwarded-For")
    packs_dir: str = Field(
        default="", description="a practice's own policy packs (<drug>/<id>.yaml) beside the shipped"
    )
    smart_issuers: str = Field(
        default="{}", description="JSON: EHR FHIR base (SMART iss) -> {practice, client_id, client_secret}"
    )
    smart_token_key: str = Field(default="", description="Fernet key encrypting EHR tokens at rest (SMART launch)")

    @field_validator("cds_issuers")
    @classmethod
    def _issuers(cls, value: str) -> str:
        try:
            parsed = json.loads(value or "{}")
        except ValueError:
            raise ValueError("not JSON: give a JSON object, issuer -> JWKS URL, file or object") from None
        if not isinstance(parsed, dict):
            raise ValueError("a JSON object is needed: issuer -> JWKS URL, file or object")
        return value

    @field_validator("cds_fhir_servers")
    @classmethod
    def _fhir_servers(cls, value: str, info: ValidationInfo) -> str:
        from priorauth.cds.ehr_read import EhrReader

        try:
            parsed = json.loads(value or "{}")
        except ValueError:
            raise ValueError("not JSON: give a JSON object, issuer -> list of fhirServer base URLs") from None
        if not isinstance(parsed, dict) or not all(
            isinstance(urls, list) and all(isinstance(u, str) for u in urls) for urls in parsed.values()
        ):
            raise ValueError(
                'a JSON object is needed: issuer -> list of base URLs, e.g. {"https://ehr": ["https://ehr/fhir"]}'
            )
        EhrReader(parsed, bool(info.data.get("cds_fhir_http_loopback")))  # a URL it would refuse: ValueError
        return value

    @field_validator("smart_issuers")
    @classmethod
    def _smart(cls, value: str) -> str:
        from priorauth.ehr.launch import parse_issuers

        parse_issuers(value)  # ValueError with the reason
        return value

    @field_validator("smart_token_key")
    @classmethod
    def _fernet(cls, value: str) -> str:
        if value:
            from cryptography.fernet import Fernet

            try:
                Fernet(value.encode())
            except ValueError:
                raise ValueError(
                    "not a Fernet key (32 url-safe base64 bytes; docs/ehr.md says how to make one)"
                ) from None
        return value

    @field_validator("packs_dir")
    @classmethod
    def _packs(cls, value: str) -> str:
        if value and not Path(value).is_dir():
            raise ValueError(f"{value}: no such folder (a practice's packs: <drug>/<id>.yaml)")
        return value

    @field_validator("public_url", "workspace_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("an http:// or https:// URL is needed")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # flags (the constructor's arguments) < environment < file, highest first
        env, file = _from_env(_ENV.get() or {}), _FILE.get() or {}
        return (init_settings, _Source(settings_cls, env), _Source(settings_cls, file))

    def resolved_database_url(self) -> str:
        return self.database_url or default_database_url()

    def issuers(self) -> dict[str, Any]:
        """``cds_issuers`` read: EHR issuer -> its JWKS (an https URL, a file path, or the JWKS itself)."""
        return dict(json.loads(self.cds_issuers or "{}"))

    def fhir_reader(self) -> Any:
        """The CDS hooks' EHR reader (``cds.ehr_read.EhrReader``) with the allow-list, or None when it is empty."""
        from priorauth.cds.ehr_read import EhrReader

        allowed = json.loads(self.cds_fhir_servers or "{}")
        if not allowed:
            return None
        return EhrReader(allowed, self.cds_fhir_http_loopback, self.cds_fhir_timeout_seconds)

    def resolved_public_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def proxies(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]


def _config_file(env: Mapping[str, str]) -> Path | None:
    if env.get("PRIORAUTH_CONFIG"):
        return Path(env["PRIORAUTH_CONFIG"])
    from platformdirs import user_config_dir

    p = Path(user_config_dir("priorauth", appauthor=False)) / "service.toml"
    return p if p.is_file() else None


def load_settings(env: Mapping[str, str] | None = None, **flags: object) -> Settings:
    """Defaults < config file < environment < ``flags`` (the command line; None means not given)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = _config_file(env)
    if path is not None:
        try:
            values = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise fail(Code.BAD_ARGUMENT, f"config file {path}: {reason}") from None
    env_token, file_token = _ENV.set(env), _FILE.set(values)
    try:
        return Settings(**{k: v for k, v in flags.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        raise fail(Code.BAD_ARGUMENT, f"setting {where}: {first['msg']}") from None
    finally:
        _ENV.reset(env_token)
        _FILE.reset(file_token)


def limits(settings: Settings) -> Any:
    """What one evaluation may use (:class:`priorauth.service.cases.Limits`)."""
    from priorauth.service.cases import Limits

    return Limits(
        int(settings.max_archive_mb * 1_000_000), settings.evaluation_workers, settings.evaluation_timeout_seconds
    )
