"""The drug's PA Questionnaire (Da Vinci DTR-style) and its QuestionnaireResponse pre-filled from the
determination. Every pre-filled answer carries the DTR ``information-origin`` extension (DTR 2.0.1's ``auto``);
the response stays ``in-progress``: a person completes and signs it, never priorauth."""

from __future__ import annotations

from html import escape
from typing import Any

from priorauth.outputs.packet.view import PacketView
from priorauth.policy.schema import Pack

DTR = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition"
DTR_VERSION = "2.0.1"  # the DTR package in ../shared/data/fhir-packages; its origin codes and extensions
ORIGIN = f"{DTR}/information-origin"
ORIGIN_AUTO = "auto"  # DTR 2.0.1 informationOrigins: auto | override | manual ("auto-client" is later DTR)
DTR_QUESTIONNAIRE = f"{DTR}/dtr-std-questionnaire|{DTR_VERSION}"
DTR_RESPONSE = f"{DTR}/dtr-questionnaireresponse|{DTR_VERSION}"
# Without both a Coverage and the order in the chart, the response cannot carry DTR's two qr-context
# references: it then declares only US Core's QuestionnaireResponse profile, and says why.
US_CORE_RESPONSE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-questionnaireresponse|7.0.0"
QR_CONTEXT = f"{DTR}/qr-context"
INTENDED_USE = f"{DTR}/intendedUse"
# CRD DocReason "withpa": the response is to go with a prior authorization request.
WITH_PA = {"system": "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp", "code": "withpa", "display": "Include with PA"}
UNSET_BASE = "urn:priorauth"  # no practice FHIR base configured: a URN, never a made-up web address

# (linkId, text, type) of the fixed questions; the criteria group is authored from the pack.
FIXED: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("patient", "Patient", [("patient.name", "Patient name", "string"), ("patient.birthDate", "Date of birth", "date"),
                            ("patient.memberId", "Member ID", "string")]),
    ("prescriber", "Prescriber", [("prescriber.name", "Prescriber name", "string"), ("prescriber.npi", "Prescriber NPI", "string"),
                                  ("prescriber.specialty", "Prescriber specialty", "string")]),
    ("request", "Medication request", [
        ("request.drug", "Drug", "string"), ("request.strength", "Tablet strength (mg)", "decimal"),
        ("request.dailyDose", "Daily dose (mg)", "decimal"), ("request.quantity", "Quantity per 30 days (tablets)", "integer"),
        ("request.daysSupply", "Days supply", "integer"), ("request.type", "Initial request or renewal", "choice"),
        ("request.priorAuthNumber", "Current prior authorization number (renewal)", "string"),
        ("request.periodStart", "Requested approval start", "date"), ("request.periodEnd", "Requested approval end", "date"),
        ("request.icd10", "Diagnosis codes (ICD-10-CM)", "string"), ("request.kras", "KRAS G12C test (test, specimen, date, result)", "text"),
    ]),
]  # fmt: skip


def questionnaire_id(pack: Pack) -> str:
    return f"{pack.drug.ingredient}-pa"


def canonical(pack: Pack, base: str | None) -> str:
    """The Questionnaire's canonical URL: under the practice's FHIR base, where the practice serves it."""
    if base:
        return f"{base.rstrip('/')}/Questionnaire/{questionnaire_id(pack)}"
    return f"{UNSET_BASE}:Questionnaire:{questionnaire_id(pack)}"


def questionnaire(pack: Pack, base: str | None = None) -> dict[str, Any]:
    """The Questionnaire for the pack's drug: fixed request questions plus one group per criterion the
    pack (every indication, initial and renewal) can ask, worded as the pack words it."""
    groups: list[dict[str, Any]] = []
    for gid, text, items in FIXED:
        group: dict[str, Any] = {"linkId": gid, "text": text, "type": "group", "item": []}
        for link, label, kind in items:
            item: dict[str, Any] = {"linkId": link, "text": label, "type": kind}
            if kind == "choice":
                item["answerOption"] = [{"valueCoding": {"code": c, "display": c}} for c in ("initial", "renewal")]
            if link == "request.icd10":
                item["repeats"] = True
            group["item"].append(item)
        groups.append(group)
    crit: dict[str, Any] = {"linkId": "criteria", "text": "Coverage criteria", "type": "group", "item": []}
    seen: set[str] = set()
    for _, _, spec in pack.criteria():
        if spec.id in seen:
            continue
        seen.add(spec.id)
        crit["item"].append(
            {
                "linkId": f"criteria.{spec.id}",
                "text": spec.description,
                "type": "group",
                "item": [
                    {"linkId": f"criteria.{spec.id}.documented", "text": "Documented in the chart?", "type": "boolean"},
                    {
                        "linkId": f"criteria.{spec.id}.evidence",
                        "text": "Evidence (chart entries and dates)",
                        "type": "text",
                    },
                ],
            }
        )
    groups.append(crit)
    title = f"{pack.drug.brand} ({pack.drug.ingredient}) prior authorization"
    return {
        "resourceType": "Questionnaire",
        "id": questionnaire_id(pack),
        "meta": {"profile": [DTR_QUESTIONNAIRE]},
        "text": {"status": "generated", "div": _narrative(title, groups)},
        "url": canonical(pack, base),
        "version": pack.version,
        "name": f"{pack.drug.brand.capitalize()}PriorAuthorization",
        "title": title,
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": "priorauth",
        "item": groups,
    }


def _narrative(title: str, groups: list[dict[str, Any]]) -> str:
    """The human-readable form of the Questionnaire (DTR requires it): its groups and questions."""
    parts = [f'<div xmlns="http://www.w3.org/1999/xhtml"><p><b>{escape(title)}</b></p>']
    for g in groups:
        parts.append(f"<p>{escape(g['text'])}</p><ul>")
        for it in g["item"]:
            parts.append(f"<li>{escape(it['text'])}</li>")
        parts.append("</ul>")
    return "".join(parts) + "</div>"


def _answer(value: Any, kind: str) -> dict[str, Any]:
    key = {"string": "valueString", "text": "valueString", "date": "valueDate", "decimal": "valueDecimal",
           "integer": "valueInteger", "boolean": "valueBoolean", "choice": "valueCoding"}[kind]  # fmt: skip
    return {"extension": [{"url": ORIGIN, "extension": [{"url": "source", "valueCode": ORIGIN_AUTO}]}], key: value}


def _values(v: PacketView) -> dict[str, Any]:
    d, m, pr = v.det, v.medication, v.prescriber
    pay = d.get("payer") or {}
    pa = d.get("prior_authorization") or {}
    asked = pa.get("requested_period") or {}
    kras = "; ".join(f"{k.test}, {k.specimen}, {k.date or 'undated'}, {k.result}" for k in v.kras[:1])
    return {
        "patient.name": d["patient"].get("name"),
        "patient.birthDate": d["patient"].get("birth_date"),
        "patient.memberId": pay.get("member_id"),
        "prescriber.name": pr.name,
        "prescriber.npi": pr.npi,
        "prescriber.specialty": pr.specialty,
        "request.drug": f"{m.brand} ({m.ingredient})",
        "request.strength": m.strength_mg,
        "request.dailyDose": m.daily_dose_mg,
        "request.quantity": m.quantity_30_days,
        "request.daysSupply": m.days_supply,
        "request.type": {"code": d["request_type"], "display": d["request_type"]},
        "request.priorAuthNumber": pa.get("number"),
        "request.periodStart": asked.get("start"),
        "request.periodEnd": asked.get("end"),
        "request.icd10": [c for c, _ in v.diagnoses],
        "request.kras": kras or None,
    }


def questionnaire_response(
    v: PacketView,
    pack: Pack,
    patient_ref: str,
    context: list[str] | None = None,
    base: str | None = None,
) -> dict[str, Any]:
    """Answers only what the determination settles: a met criterion is ``true``, a not_met one ``false``
    (the chart documents the opposite), each with its evidence; insufficient and review stay unanswered.
    ``context`` are the references of the Coverage and the order the response is about (DTR qr-context)."""
    q = questionnaire(pack, base)
    values = _values(v)
    items: list[dict[str, Any]] = []
    for group in q["item"][:-1]:
        answered = []
        for it in group["item"]:
            val = values.get(it["linkId"])
            vals = val if isinstance(val, list) else [val]
            answers = [_answer(x, it["type"]) for x in vals if x not in (None, "")]
            if answers:
                answered.append({"linkId": it["linkId"], "text": it["text"], "answer": answers})
        if answered:
            items.append({"linkId": group["linkId"], "text": group["text"], "item": answered})
    crit = []
    for c in v.det["criteria"]:
        if c["status"] not in ("met", "not_met"):
            continue
        cites = "\n".join(f"{(en := v.entry(e)).line()} [{en.ref}]" for e in c["evidence"])
        sub = [{"linkId": f"criteria.{c['id']}.documented", "text": "Documented in the chart?",
                "answer": [_answer(c["status"] == "met", "boolean")]}]  # fmt: skip
        sub.append({"linkId": f"criteria.{c['id']}.evidence", "text": "Evidence (chart entries and dates)",
                    "answer": [_answer(f"{c['summary']}\n{cites}".strip(), "text")]})  # fmt: skip
        crit.append({"linkId": f"criteria.{c['id']}", "text": v.descriptions.get(c["id"], c["id"]), "item": sub})
    if crit:
        items.append({"linkId": "criteria", "text": "Coverage criteria", "item": crit})
    return {
        "resourceType": "QuestionnaireResponse",
        "id": f"{questionnaire_id(pack)}-response",
        "meta": {"profile": [DTR_RESPONSE if len(context or []) >= 2 else US_CORE_RESPONSE]},
        "extension": [
            *({"url": QR_CONTEXT, "valueReference": {"reference": ref}} for ref in context or []),
            {"url": INTENDED_USE, "valueCodeableConcept": {"coding": [WITH_PA]}},
        ],
        "questionnaire": f"{q['url']}|{q['version']}",
        "status": "in-progress",
        "subject": {"reference": patient_ref},
        "authored": v.det["as_of"],
        "item": items,
    }
