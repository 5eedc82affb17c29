"""Read a patient's chart from an EHR's FHIR R4 API (open, a bearer token, or SMART Backend Services).

``read_chart(url, patient)`` returns the :class:`~priorauth.chart.load.LoadedChart` that
``priorauth.api.check`` takes, exactly as a file would give it: the core never sees HTTP.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import httpx

from priorauth.chart.load import LoadedChart
from priorauth.ehr.auth import BackendServices, BackendServicesConfig, BearerToken
from priorauth.ehr.http import Auth, FhirHttp, Limits, NoAuth
from priorauth.ehr.source import FhirSource, ReadStats
from priorauth.errors import Code, fail

TOKEN_ENV = "PRIORAUTH_FHIR_TOKEN"  # noqa: S105 (the variable's name, not a secret)


@dataclass(frozen=True)
class Connection:
    """How to reach the FHIR server: its base URL and one way to authenticate (or none)."""

    server: str
    token: str | None = None
    backend: BackendServicesConfig | None = None
    limits: Limits = field(default_factory=Limits)


def make_auth(conn: Connection) -> Auth:
    if conn.token and conn.backend:
        raise fail(Code.BAD_ARGUMENT, "give either a bearer token or a Backend Services client (--client-id), not both")
    if conn.backend:
        return BackendServices(conn.backend, conn.server)
    if conn.token:
        return BearerToken(conn.token)
    return NoAuth()


def read_chart(
    conn: Connection, patient: str, transport: httpx.BaseTransport | None = None
) -> tuple[LoadedChart, ReadStats]:
    """One patient's resources from the server, with what reading them cost."""
    http = FhirHttp(conn.server, make_auth(conn), conn.limits, transport=transport)
    try:
        source = FhirSource(http, patient)
        return source.read(), source.stats
    finally:
        http.close()


def token_from_env() -> str | None:
    value = os.environ.get(TOKEN_ENV, "").strip()
    return value or None


__all__ = ["TOKEN_ENV", "BackendServicesConfig", "Connection", "Limits", "ReadStats", "read_chart", "token_from_env"]
