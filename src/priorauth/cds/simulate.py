"""Build hook requests the way an EHR would: discovery's prefetch templates filled from a chart.

Used by the tests, the benchmark and ``scripts/build_hook_examples.py``. It emulates just the FHIR
searches of our own templates (by patient, category, code, status), not a FHIR server.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any
from urllib.parse import parse_qs

from priorauth.cds.discovery import PREFETCH, SERVICES


def hook_request(
    resources: list[dict[str, Any]], service_id: str, patient_id: str, draft: dict[str, Any], user: str | None = None
) -> dict[str, Any]:
    """A hook request for ``draft`` (a MedicationRequest, made ``draft``) with every prefetch filled."""
    order = copy.deepcopy(draft)
    order["status"] = "draft"
    context = {
        "userId": user or "Practitioner/unknown",
        "patientId": patient_id,
        "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": order}]},
    }
    if SERVICES[service_id]["hook"] == "order-select":
        context["selections"] = [f"MedicationRequest/{order.get('id')}"]
    others = [
        r for r in resources if not (r.get("resourceType") == "MedicationRequest" and r.get("id") == draft.get("id"))
    ]
    prefetch = {key: _search(others, template, patient_id, context["userId"]) for key, template in PREFETCH.items()}
    return {
        "hook": SERVICES[service_id]["hook"],
        "hookInstance": str(uuid.uuid4()),
        "fhirServer": "https://ehr.example.org/fhir",
        "context": context,
        "prefetch": prefetch,
    }


def _search(resources: list[dict[str, Any]], template: str, patient_id: str, user: str) -> dict[str, Any] | None:
    query = template.replace("{{context.patientId}}", patient_id).replace("{{context.userId}}", user)
    rtype, _, qs = query.partition("?")
    if not qs:  # a read: Type/id
        t, _, rid = rtype.partition("/")
        return next((r for r in resources if r.get("resourceType") == t and r.get("id") == rid), None)
    params = {k: v[0] for k, v in parse_qs(qs).items()}
    hits = [r for r in resources if r.get("resourceType") == rtype and _matches(r, params, patient_id, user)]
    includes = _included(resources, hits, params.get("_include"))
    entries = [{"resource": r, "search": {"mode": "match"}} for r in hits]
    entries += [{"resource": r, "search": {"mode": "include"}} for r in includes]
    return {"resourceType": "Bundle", "type": "searchset", "total": len(hits), "entry": entries}


def _matches(r: dict[str, Any], params: dict[str, str], patient_id: str, user: str) -> bool:
    for key, value in params.items():
        if key == "patient":
            link = r.get("subject") or r.get("patient") or r.get("beneficiary") or {}
            if link.get("reference") not in (f"Patient/{patient_id}", patient_id):
                return False
        elif key == "practitioner":
            if (r.get("practitioner") or {}).get("reference") != value:
                return False
        elif key in ("status", "use") and r.get(key) != value:
            return False
        elif key == "category":
            codes = {c.get("code") for cat in r.get("category") or [] for c in cat.get("coding") or []}
            if value not in codes:
                return False
        elif key == "code":
            wanted = {v.split("|")[-1] for v in value.split(",")}
            if not wanted & {c.get("code") for c in (r.get("code") or {}).get("coding") or []}:
                return False
    return True


def _included(resources: list[dict[str, Any]], hits: list[dict[str, Any]], include: str | None) -> list[dict[str, Any]]:
    if not include:
        return []
    element = include.split(":")[1]
    refs = set()
    for r in hits:
        for ref in r.get(element) if isinstance(r.get(element), list) else [r.get(element)]:
            if isinstance(ref, dict) and isinstance(ref.get("reference"), str):
                refs.add(ref["reference"])
    return [r for r in resources if f"{r.get('resourceType')}/{r.get('id')}" in refs]
