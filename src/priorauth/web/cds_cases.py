"""Cases opened from the EHR: an accepted "Start the prior authorization case" suggestion (CDS Hooks
feedback) files the chart the EHR sent (prefetch and draft order) and opens a case through the case
service, as the integration token named by ``cds_case_token`` (its practice and role; audited under
its id)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import orjson
from fastapi import FastAPI

from priorauth.errors import PriorauthError
from priorauth.service.cases import Cases
from priorauth.service.clock import aware, now
from priorauth.store.models import ApiToken
from priorauth.store.scope import Actor, Scope

log = logging.getLogger("priorauth.cds")


def starter(
    app: FastAPI, token_id: str | None, workspace_url: str | None = None
) -> Callable[[dict[str, Any]], str | None] | None:
    """The feedback callback, or None when no integration token is configured."""
    if not token_id:
        return None

    def start(material: dict[str, Any]) -> str | None:
        from priorauth.web.settings import limits

        with app.state.sessions() as session, session.begin():
            token = session.get(ApiToken, token_id)
            live = token is not None and token.revoked_at is None
            live = live and (token.expires_at is None or aware(token.expires_at) > now())
            if not live or token.role not in ("coordinator", "admin"):
                log.warning("cds feedback: the configured case token is no active coordinator token; no case opened")
                return None
            svc = Cases(Scope(session, Actor(token.id, "token", token.role, token.practice_id, token.name)))
            svc.limits = limits(app.state.settings)
            bundle = {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"resource": r} for r in material["resources"]],
            }
            try:
                chart, _ = svc.store_chart(orjson.dumps(bundle), "bundle", "cds-hook.json", material["patientId"])
                case, _ = svc.open(
                    chart.id, material["drug"], note="Opened from the EHR (CDS Hooks)", trigger="created from the EHR"
                )
            except PriorauthError as exc:
                log.warning("cds feedback: no case opened (%s)", exc.code)
                return None
        return f"{(workspace_url or '').rstrip('/')}/cases/{case.id}"

    return start
