"""Cases opened from the EHR: an accepted "Start the prior authorization case" suggestion (CDS Hooks
feedback) files the chart the EHR sent (prefetch and draft order) and opens a case, as the integration
token named by ``PRIORAUTH_CDS_CASE_TOKEN`` (its practice and role; audited under its id)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import orjson
from fastapi import FastAPI

from priorauth.errors import PriorauthError
from priorauth.store.models import ApiToken, Case, new_id
from priorauth.store.scope import Actor, Scope
from priorauth.web.routers.cases import reevaluate
from priorauth.web.routers.charts import store_chart

log = logging.getLogger("priorauth.cds")


def starter(
    app: FastAPI, token_id: str | None, workspace_url: str | None = None
) -> Callable[[dict[str, Any]], str | None] | None:
    """The feedback callback, or None when no integration token is configured."""
    if not token_id:
        return None

    def start(material: dict[str, Any]) -> str | None:
        settings = app.state.settings
        with app.state.sessions() as session, session.begin():
            token = session.get(ApiToken, token_id)
            if token is None or token.revoked_at is not None or token.role not in ("coordinator", "admin"):
                log.warning("cds feedback: PRIORAUTH_CDS_CASE_TOKEN names no active coordinator token; no case opened")
                return None
            scope = Scope(session, Actor(token.id, "token", token.role, token.practice_id, token.name))
            bundle = {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"resource": r} for r in material["resources"]],
            }
            try:
                chart = store_chart(
                    scope,
                    orjson.dumps(bundle),
                    "bundle",
                    "cds-hook.json",
                    material["patientId"],
                    int(settings.max_archive_mb * 1_000_000),
                )
                case = Case(
                    id=new_id(),
                    practice_id=scope.practice_id,
                    patient_id=chart.patient_id,
                    chart_id=chart.id,
                    drug=material["drug"],
                    payer=None,
                    as_of=None,
                    note="Opened from the EHR (CDS Hooks)",
                    created_by=token.id,
                )
                reevaluate(SimpleNamespace(app=app), scope, case, "created from the EHR", new=True)  # type: ignore[arg-type]
            except PriorauthError as exc:
                log.warning("cds feedback: no case opened (%s)", exc.code)
                return None
        return f"{(workspace_url or '').rstrip('/')}/cases/{case.id}"

    return start
