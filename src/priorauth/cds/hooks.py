"""A hook call -> cards: read the prefetch, evaluate the draft order's PA, answer (pure: no HTTP)."""

from __future__ import annotations

import copy
import logging
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from priorauth import api
from priorauth.cds import cards, prefetch
from priorauth.cds.discovery import SERVICES
from priorauth.cds.prefetch import FhirReader
from priorauth.errors import PriorauthError
from priorauth.facts.medications import drugs_of
from priorauth.policy import registry

log = logging.getLogger("priorauth.cds")


class HookError(Exception):
    """A hook request the service cannot answer: HTTP status and a clear message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Options:
    as_of: str | None = None  # default: today
    workspace_url: str | None = None  # base URL of the PA workspace, for the card's link
    reader: FhirReader | None = None  # reads what the prefetch lacks from the EHR (fhirServer + fhirAuthorization)
    # pack ids of the payers priorauth may speak for (CRD coverage-information; the `cds_speaks_for` setting):
    # none by default, since priorauth speaks for the practice, not for a payer
    speaks_for: frozenset[str] = frozenset()
    issuer: str | None = None  # the verified JWT's iss (None: an unsigned development call): the reader's allow-list key


def handle(service_id: str, body: Any, options: Options = Options()) -> dict[str, Any]:
    return answer(service_id, body, options)[0]


def answer(service_id: str, body: Any, options: Options = Options()) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The response, and the case material it was built from (None when no drug with a pack was ordered):
    the chart is read once, whether from the prefetch or from the EHR."""
    started = time.perf_counter()
    spec = SERVICES.get(service_id)
    if spec is None:
        raise HookError(404, f"no CDS service {service_id!r}; see GET /cds-services")
    context = _validate(body, spec["hook"])
    material = case_material(body, options)
    if material is None:
        response: dict[str, Any] = {"cards": []}
        _log(body, service_id, "no KRAS G12C inhibitor in the draft orders", response, started)
        return response, None
    drug, draft, resources = material["drug"], material["draft"], material["resources"]
    sent: prefetch.Prefetch = material["prefetch"]
    if not sent.sent and not prefetch.can_read(body, options.reader, options.issuer):
        why = f" ({sent.ehr_problem})" if sent.ehr_problem else ""
        raise HookError(
            412,
            "no prefetch and no fhirServer/fhirAuthorization this service may read the chart from"
            f"{why}: send the prefetch templates of GET /cds-services (CDS Hooks 2.0: 412 Precondition Failed)",
        )
    try:
        doc = api.check(resources, as_of=material["as_of"], patient=context["patientId"], drug=drug)
    except PriorauthError as exc:
        response = {"cards": [cards.cannot_assess(drug, exc.message)]}
        _log(body, service_id, f"cannot assess ({exc.code})", response, started)
        return response, material
    response = cards.response(doc, draft, context, options.workspace_url, sent, options.speaks_for)
    _log(body, service_id, doc["overall"], response, started)
    return response, material


def case_material(body: dict[str, Any], options: Options = Options()) -> dict[str, Any] | None:
    """What a case opened from this (valid) hook call is made of: the patient, the drug, and the chart
    the EHR sent (prefetch and draft order) - None when the drafts name no drug with a pack."""
    context = body["context"]
    drafts = _draft_orders(context)
    requested = _requested_drug(drafts)
    if requested is None:
        return None
    drug, draft = requested
    sent = prefetch.read(body, options.reader, options.issuer)
    as_of = options.as_of or date.today().isoformat()
    dated = _dated(draft, as_of)
    ordered = {(d.get("resourceType"), d.get("id")) for d in drafts if d.get("id")}
    charted = [r for r in sent.resources if (r.get("resourceType"), r.get("id")) not in ordered]  # the draft wins
    resources = [*charted, *[dated if d is draft else d for d in drafts]]
    if not any(r.get("resourceType") == "Patient" for r in resources):
        # the patient was not sent: only its id is known (the context's); nothing about it is invented
        resources.insert(0, {"resourceType": "Patient", "id": context["patientId"]})
    return {
        "patientId": context["patientId"],
        "drug": drug,
        "as_of": as_of,
        "draft": dated,
        "resources": resources,
        "prefetch": sent,
    }


def _validate(body: Any, hook: str) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise HookError(400, "the hook request must be a JSON object")
    if body.get("hook") != hook:
        raise HookError(400, f"this service answers the {hook!r} hook, not {body.get('hook')!r}")
    if not isinstance(body.get("hookInstance"), str) or not body["hookInstance"]:
        raise HookError(400, "hookInstance is required (a UUID string)")
    context = body.get("context")
    if not isinstance(context, dict):
        raise HookError(400, "context is required (an object)")
    if not isinstance(context.get("patientId"), str) or not context["patientId"]:
        raise HookError(400, "context.patientId is required")
    orders = context.get("draftOrders")
    if not isinstance(orders, dict) or orders.get("resourceType") != "Bundle":
        raise HookError(400, "context.draftOrders is required (a FHIR Bundle)")
    if "prefetch" in body and body["prefetch"] is not None and not isinstance(body["prefetch"], dict):
        raise HookError(400, "prefetch must be an object")
    return context


def _draft_orders(context: dict[str, Any]) -> list[dict[str, Any]]:
    entries = context["draftOrders"].get("entry")
    return (
        [e["resource"] for e in entries if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
        if isinstance(entries, list)
        else []
    )


def _requested_drug(drafts: list[dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """The first draft MedicationRequest naming a drug that has policy packs."""
    with_packs = set(registry.drugs())
    for r in drafts:
        if r.get("resourceType") != "MedicationRequest":
            continue
        drugs, _ = drugs_of(None, r)  # a draft names its drug inline or in a contained Medication
        for d in drugs:
            if d.ingredient in with_packs:
                return d.ingredient, r
    return None


def _dated(draft: dict[str, Any], as_of: str) -> dict[str, Any]:
    """A draft without authoredOn is being ordered now."""
    if draft.get("authoredOn"):
        return draft
    dated = copy.deepcopy(draft)
    dated["authoredOn"] = as_of
    return dated


def _log(body: dict[str, Any], service_id: str, outcome: str, response: dict[str, Any], started: float) -> None:
    """Every call and its answer, without patient data: ids of the call, never of the patient."""
    log.info(
        "cds hook=%s service=%s hookInstance=%s outcome=%s cards=%s indicators=%s systemActions=%d ms=%.1f",
        body.get("hook"),
        service_id,
        body.get("hookInstance"),
        outcome,
        len(response.get("cards", [])),
        ",".join(c.get("indicator", "") for c in response.get("cards", [])),
        len(response.get("systemActions", [])),
        (time.perf_counter() - started) * 1000,
    )
