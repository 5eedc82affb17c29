"""Cards and the coverage-information system action, built from a determination (CDS Hooks 2.0, CRD)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from priorauth.cds.prefetch import ABSENCE_ADVISORIES, MET_BY_ABSENCE, Prefetch
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
MARK = {
    "met": "documented",
    "insufficient": "MISSING",
    "review": "TO REVIEW",
    "not_met": "NOT MET",
    "not_sent": "NOT SENT",
}
DEFAULT_PACK = "default"


def response(
    doc: dict[str, Any],
    draft: dict[str, Any],
    context: dict[str, Any],
    workspace: str | None,
    sent: Prefetch | None = None,
    speaks_for: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    sent = sent or Prefetch()
    doc = assessed(doc, sent)
    action = coverage_information(doc, draft, context, speaks_for)
    out: dict[str, Any] = {"cards": []}
    todo = [c for c in doc["criteria"] if c["required"] and c["status"] != "met"]
    if action is None or todo or sent.not_sent:
        out["cards"].append(outlook(doc, context, workspace, sent))  # never a card that only repeats the action
    if doc["advisories"]:
        out["cards"].append(safety(doc))
    if action is not None:
        out["systemActions"] = [action]
    return out


def assessed(doc: dict[str, Any], sent: Prefetch) -> dict[str, Any]:
    """The determination as far as what was sent supports it: a criterion whose answer rests on data the
    EHR did not send becomes ``not_sent``; an advisory about missing data it did not send is dropped."""
    if not sent.not_sent:
        return doc
    criteria = []
    for c in doc["criteria"]:
        missing = sent.depends_on_missing(c["id"])
        rests_on_absence = c["status"] != "met" or c["id"] in MET_BY_ABSENCE
        if missing and rests_on_absence:
            c = {**c, "status": "not_sent", "summary": f"not assessed: the EHR did not send {', '.join(missing)}"}
        criteria.append(c)
    advisories = [
        a for a in doc["advisories"] if not (ABSENCE_ADVISORIES.get(a["id"], frozenset()) & set(sent.not_sent))
    ]
    return {**doc, "criteria": criteria, "advisories": advisories}


def _brand(doc: dict[str, Any]) -> str:
    return str(doc.get("brand") or doc["drug"])


def brand_of(drug: str) -> str:
    return registry.load(registry.DEFAULT, drug).drug.brand


def _source(doc: dict[str, Any], code: str, display: str) -> dict[str, Any]:
    """Who wrote the criteria applied: the payer's pack names the payer; the default pack is the FDA label
    and the manufacturer's PA guide, whoever the patient's payer is."""
    pol = doc["policy"]
    if pol["id"] == DEFAULT_PACK:
        label = f"FDA label and manufacturer's PA guide (priorauth {pol['id']} {pol['version']})"
    else:
        label = f"{pol.get('name') or pol['id']} (priorauth {pol['id']} {pol['version']})"
    out: dict[str, Any] = {"label": label, "topic": {"system": CARD_TYPES, "code": code, "display": display}}
    if pol.get("url"):
        out["url"] = pol["url"]
    return out


def _label_source(doc: dict[str, Any], code: str, display: str) -> dict[str, Any]:
    """The safety card's advice comes from the drug's label, whatever pack applied."""
    return {"label": "FDA label", "topic": {"system": CARD_TYPES, "code": code, "display": display}}


def _summary(text: str) -> str:
    return text if len(text) < SUMMARY_MAX else text[: SUMMARY_MAX - 2].rstrip() + "…"


def outlook(
    doc: dict[str, Any], context: dict[str, Any], workspace: str | None, sent: Prefetch | None = None
) -> dict[str, Any]:
    """The PA outlook: ready, or what is missing, one line each, with a suggestion to start the case."""
    sent = sent or Prefetch()
    required = [c for c in doc["criteria"] if c["required"]]
    open_items = [c for c in required if c["status"] not in ("met", "not_sent")]
    unassessed = [c for c in required if c["status"] == "not_sent"]
    payer = (doc.get("payer") or {}).get("name") or "the payer"
    whose = payer if doc["policy"]["id"] != DEFAULT_PACK else f"{payer}, label criteria"
    state = OUTLOOK[doc["overall"]] if not unassessed else _partial_state(doc)
    head = f"{_brand(doc)} PA ({whose}): {state}"
    if open_items:
        head += f"; {len(open_items)} of {len(required)} criteria open"
    if unassessed:
        head += f"; {len(unassessed)} not assessed (data not sent)"
    lines = [f"**{_brand(doc)} {doc['request_type']} prior authorization, {state}.**", ""]
    for c in doc["criteria"]:
        opt = "" if c["required"] else " (optional)"
        action = f" To do: {c['actions'][0]}" if c["status"] not in ("met", "not_sent") and c["actions"] else ""
        lines.append(f"- {MARK[c['status']]}: {c['id'].replace('_', ' ')}{opt}: {c['summary']}{action}")
    if sent.not_sent:
        lines += ["", "Not sent by the EHR (not read as 'no data'): "
                  + "; ".join(f"{k} ({why})" for k, why in sorted(sent.not_sent.items()))]  # fmt: skip
        if "priorAuthorizations" in sent.not_sent and doc["request_type"] == "initial":
            lines.append("Prior authorizations were not sent: a renewal could not be recognized.")
    if sent.read_from_ehr:
        lines += ["", "Read from the EHR's FHIR server (not in the prefetch): " + ", ".join(sent.read_from_ehr)]
    if sent.ehr_problem:
        lines += ["", f"The EHR's FHIR server (fhirServer) was {sent.ehr_problem}"]
    if sent.issues:
        lines.append("The EHR reported: " + "; ".join(sent.issues[:5]))
    not_met = any(c["status"] == "not_met" for c in required)
    card: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "summary": _summary(head),
        "detail": "\n".join(lines),
        "indicator": "warning" if not_met else "info",
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
        "source": _label_source(doc, *topic),
    }


def _partial_state(doc: dict[str, Any]) -> str:
    required = [c for c in doc["criteria"] if c["required"]]
    if any(c["status"] == "not_met" for c in required):
        return OUTLOOK["criteria_not_met"]
    return "incomplete: not all the chart was sent"


def coverage_information(
    doc: dict[str, Any], draft: dict[str, Any], context: dict[str, Any], speaks_for: frozenset[str] = frozenset()
) -> dict[str, Any] | None:
    """An update of the draft order carrying CRD's coverage-information extension: a payer's statement,
    made only when priorauth is configured to speak for the payer whose pack applied (``speaks_for``).
    CRD requires the coverage: with no active Coverage there is nothing to annotate. The assertion id is
    stable for the same patient, order, pack and answer; a draft already carrying it is not annotated again."""
    coverage = (doc.get("payer") or {}).get("source")
    pol = doc["policy"]
    if pol["id"] == DEFAULT_PACK or pol["id"] not in speaks_for or not coverage or not draft.get("id"):
        return None
    if any(c["status"] == "not_sent" for c in doc["criteria"]):
        return None  # no payer statement on a partial chart
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
    basis = "|".join(
        [
            context.get("patientId", ""),
            draft["id"],
            pol["id"],
            pol["version"],
            doc["overall"],
            *(f"{c['id']}={c['status']}" for c in open_items),
        ]
    )
    assertion = hashlib.sha256(basis.encode()).hexdigest()[:32]
    for e in draft.get("extension", []):
        if e.get("url") == COVERAGE_INFO and {"url": "coverage-assertion-id", "valueString": assertion} in e.get(
            "extension", []
        ):
            return None  # nothing changed since this assertion: no re-issue
    ext += [
        {"url": "date", "valueDate": doc["as_of"]},
        {"url": "coverage-assertion-id", "valueString": assertion},
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
