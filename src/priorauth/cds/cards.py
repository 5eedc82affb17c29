"""Cards and the coverage-information system action, built from a determination (CDS Hooks 2.0, CRD)."""

from __future__ import annotations

import uuid
from typing import Any

from priorauth.policy import registry

CARD_TYPES = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp"  # CRD card types (STU 2.0.1)
COVERAGE_INFO = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information"
CRITERION_SYSTEM = "urn:priorauth:criterion"
SUMMARY_MAX = 140  # CDS Hooks: summary "<140 characters"
INTERACTIONS = {"acid_reducer", "antacid_timing", "cyp3a4_inducer"}
OUTLOOK = {
    "ready": "ready to submit",
    "needs_documentation": "needs documentation",
    "needs_review": "needs the prescriber's review",
    "criteria_not_met": "criteria not met",
}
MARK = {"met": "documented", "insufficient": "MISSING", "review": "TO REVIEW", "not_met": "NOT MET"}


def response(
    doc: dict[str, Any],
    draft: dict[str, Any],
    resources: list[dict[str, Any]],
    context: dict[str, Any],
    workspace: str | None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"cards": [outlook(doc, context, workspace)]}
    if doc["advisories"]:
        out["cards"].append(safety(doc))
    action = coverage_information(doc, draft, resources)
    if action is not None:
        out["systemActions"] = [action]
    return out


def _brand(doc: dict[str, Any]) -> str:
    return str(doc.get("brand") or doc["drug"])


def brand_of(drug: str) -> str:
    return registry.load(registry.DEFAULT, drug).drug.brand


def _source(doc: dict[str, Any], code: str, display: str) -> dict[str, Any]:
    payer = (doc.get("payer") or {}).get("name") or "payer not identified"
    pol = doc["policy"]
    return {
        "label": f"{payer} PA criteria: priorauth {pol['id']} {pol['version']}",
        "topic": {"system": CARD_TYPES, "code": code, "display": display},
    }


def _summary(text: str) -> str:
    return text if len(text) < SUMMARY_MAX else text[: SUMMARY_MAX - 2].rstrip() + "…"


def outlook(doc: dict[str, Any], context: dict[str, Any], workspace: str | None) -> dict[str, Any]:
    """The PA outlook: ready, or what is missing, one line each, with a suggestion to start the case."""
    required = [c for c in doc["criteria"] if c["required"]]
    open_items = [c for c in required if c["status"] != "met"]
    payer = (doc.get("payer") or {}).get("name") or "the payer"
    head = f"{_brand(doc)} PA ({payer}): {OUTLOOK[doc['overall']]}"
    if open_items:
        head += f"; {len(open_items)} of {len(required)} criteria open"
    lines = [f"**{_brand(doc)} {doc['request_type']} prior authorization, {OUTLOOK[doc['overall']]}.**", ""]
    for c in doc["criteria"]:
        opt = "" if c["required"] else " (optional)"
        action = f" To do: {c['actions'][0]}" if c["status"] != "met" and c["actions"] else ""
        lines.append(f"- {MARK[c['status']]}: {c['id'].replace('_', ' ')}{opt}: {c['summary']}{action}")
    card: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "summary": _summary(head),
        "detail": "\n".join(lines),
        "indicator": "warning" if doc["overall"] == "criteria_not_met" else "info",
        "source": _source(doc, "coverage-info", "Coverage Information"),
        "suggestions": [start_case(doc, context)],
        "selectionBehavior": "at-most-one",
    }
    if workspace:
        card["links"] = [
            {"label": "Open the priorauth PA workspace", "url": f"{workspace.rstrip('/')}/worklist", "type": "absolute"}
        ]
    return card


def start_case(doc: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
    """Accepting it creates a Task for the PA coordinator (and, through the feedback endpoint, a
    case in the priorauth workspace when one is attached)."""
    missing = [c["actions"][0] for c in doc["criteria"] if c["required"] and c["status"] != "met" and c["actions"]]
    task = {
        "resourceType": "Task",
        "status": "requested",
        "intent": "order",
        "priority": "routine",
        "code": {"text": "Prepare prior authorization"},
        "description": f"Prepare the {_brand(doc)} prior authorization ({doc['request_type']}); "
        + (f"to obtain: {'; '.join(missing)}" if missing else "the chart documents every required criterion."),
        "for": {"reference": f"Patient/{context['patientId']}"},
        "authoredOn": doc["as_of"],
    }
    if isinstance(context.get("userId"), str):
        task["requester"] = {"reference": context["userId"]}
    return {
        "label": "Start the prior authorization case",
        "uuid": str(uuid.uuid4()),
        "isRecommended": doc["overall"] != "criteria_not_met",
        "actions": [{"type": "create", "description": "Create a task for the PA coordinator", "resource": task}],
    }


def safety(doc: dict[str, Any]) -> dict[str, Any]:
    ids = [a["id"] for a in doc["advisories"]]
    indicator = "critical" if any(a["severity"] == "critical" for a in doc["advisories"]) else "warning"
    first = doc["advisories"][0]["text"].split(":")[0]
    more = f" (+{len(ids) - 1} more)" if len(ids) > 1 else ""
    topic = ("contraindication", "Contraindication") if INTERACTIONS & set(ids) else ("guideline", "Guideline")
    lines = []
    for a in doc["advisories"]:
        dated = "; ".join(
            f"{e.get('date') or 'undated'} {e.get('text') or e['source']}" for e in a.get("evidence", [])[:3]
        )
        lines.append(f"- **{a['severity']}**: {a['text']}" + (f" ({dated})" if dated else ""))
    return {
        "uuid": str(uuid.uuid4()),
        "summary": _summary(f"{_brand(doc)} safety: {first}{more}"),
        "detail": "\n".join(lines),
        "indicator": indicator,
        "source": _source(doc, *topic),
    }


def coverage_information(
    doc: dict[str, Any], draft: dict[str, Any], resources: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """An update of the draft order carrying CRD's coverage-information extension. CRD requires the
    coverage: with no active Coverage in the prefetch there is nothing to annotate."""
    coverage = (doc.get("payer") or {}).get("source")
    if not coverage or not draft.get("id"):
        return None
    open_items = [c for c in doc["criteria"] if c["required"] and c["status"] != "met"]
    ext: list[dict[str, Any]] = [
        {"url": "coverage", "valueReference": {"reference": coverage}},
        {"url": "covered", "valueCode": "conditional"},
        {"url": "pa-needed", "valueCode": "auth-needed"},
    ]
    if any(c["status"] in ("insufficient", "review") for c in open_items):
        ext.append({"url": "doc-needed", "valueCode": "clinical"})
    pol = doc["policy"]
    reason = f"priorauth {pol['id']} {pol['version']}: {OUTLOOK[doc['overall']]}"
    if open_items:
        reason += "; open: " + ", ".join(c["id"] for c in open_items)
    ext.append({"url": "reason", "valueCodeableConcept": {"text": reason}})
    for c in open_items:
        ext.append(
            {
                "url": "detail",
                "extension": [
                    {
                        "url": "code",
                        "valueCodeableConcept": {
                            "coding": [{"system": CRITERION_SYSTEM, "code": c["id"]}],
                            "text": c["summary"],
                        },
                    },
                    {"url": "value", "valueString": c["status"]},
                ],
            }
        )
    ext += [
        {"url": "date", "valueDate": doc["as_of"]},
        {"url": "coverage-assertion-id", "valueString": str(uuid.uuid4())},
    ]
    annotated = {
        **draft,
        "extension": [
            *[e for e in draft.get("extension", []) if e.get("url") != COVERAGE_INFO],
            {"url": COVERAGE_INFO, "extension": ext},
        ],
    }
    return {
        "type": "update",
        "description": "Coverage information for the draft order (Da Vinci CRD)",
        "resource": annotated,
    }


def missing_prefetch(drug: str, missing: list[str], keys: list[str]) -> dict[str, Any]:
    brand = brand_of(drug)
    return {
        "uuid": str(uuid.uuid4()),
        "summary": _summary(f"{brand} PA outlook unavailable: the EHR sent no {', '.join(missing)} prefetch"),
        "detail": f"This service reads only the prefetch. Missing: {', '.join(missing)}. Configure the prefetch "
        f"templates of GET /cds-services ({', '.join(keys)}).",
        "indicator": "info",
        "source": {
            "label": "priorauth",
            "topic": {"system": CARD_TYPES, "code": "coverage-info", "display": "Coverage Information"},
        },
    }


def cannot_assess(drug: str, reason: str) -> dict[str, Any]:
    brand = brand_of(drug)
    return {
        "uuid": str(uuid.uuid4()),
        "summary": _summary(f"{brand} PA outlook unavailable: {reason}"),
        "indicator": "info",
        "source": {
            "label": "priorauth",
            "topic": {"system": CARD_TYPES, "code": "coverage-info", "display": "Coverage Information"},
        },
    }
