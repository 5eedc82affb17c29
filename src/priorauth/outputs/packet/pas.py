"""A Da Vinci PAS 2.2.1 ``Claim/$submit`` request Bundle, written only when the drug is on the medical
benefit (PAS excludes pharmacy-benefit drugs): the Claim first (``professional``, the drug by NDC, the
place of service), then every resource it references (patient, coverage, insurer, requesting practice,
prescriber, the order), the pre-filled QuestionnaireResponse and the chart entries the criteria cite, each
attached through ``Claim.supportingInfo`` with its PWK report type.

Chart resources are copied as the chart holds them (they are the evidence); the Coverage gets its member
id as the ``MB`` identifier PAS requires (the same value the chart gives as ``subscriberId``). New are the
Claim, the practice Organization (from the practice profile) and a stand-in insurer without a chart record.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from priorauth.api import Evaluation
from priorauth.chart.chart import Chart
from priorauth.chart.load import Resource
from priorauth.outputs.packet.view import PacketView

PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition"
PAS_VERSION = "2.2.1"
X12 = "https://codesystem.x12.org/005010"
NDC = "http://hl7.org/fhir/sid/ndc"
POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
# X12 755 report type codes (PWK01) for the attachments: the QuestionnaireResponse answers the payer's
# criteria ("03" Report Justifying Treatment Beyond Utilization Guidelines); chart entries are "OZ"
# Support Data for Claim.
REPORT_TYPE = {"QuestionnaireResponse": ("03", "Report Justifying Treatment Beyond Utilization Guidelines")}
REPORT_DEFAULT = ("OZ", "Support Data for Claim")


# What Claim.supportingInfo may point at in PAS 2.2.1 (AdditionalInformation value[x] targets); other
# cited entries (a PractitionerRole, a MedicationAdministration) stay in the QuestionnaireResponse's text.
SUPPORTING_TYPES = {
    "DocumentReference", "QuestionnaireResponse", "AllergyIntolerance", "Condition", "DiagnosticReport",
    "Immunization", "MedicationRequest", "Procedure", "ServiceRequest", "Observation", "NutritionOrder",
    "DeviceRequest", "Bundle",
}  # fmt: skip


def profile(name: str) -> str:
    return f"{PAS}/{name}|{PAS_VERSION}"

PAS_TEMP = "http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
DEFAULT_BASE = "http://example.org/fhir"  # the submitter's FHIR base; the practice profile's fhir_base replaces it


class _Entries:
    """Bundle entries keyed by reference, in insertion order; ``ref`` gives the Claim's reference to one."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.items: dict[str, dict[str, Any]] = {}

    def add_chart(self, r: Resource) -> str:
        ref = f"{r.type}/{r.id}" if r.id else r.full_url or r.ref
        if ref not in self.items:
            self.items[ref] = {"fullUrl": f"{self.base}/{ref}" if r.id else ref, "resource": copy.deepcopy(r.data)}
        return ref

    def relink(self, chart: Chart) -> None:
        """Point references between copied resources at their bundle entries (a chart may reference by
        ``urn:uuid``, the bundle by ``Type/id``); references to resources left out stay as written."""

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                ref = node.get("reference")
                if isinstance(ref, str) and ref not in self.items:
                    target = chart.resolve(ref)
                    mine = (f"{target.type}/{target.id}" if target.id else target.full_url) if target else None
                    if mine in self.items:
                        node["reference"] = mine
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        for entry in self.items.values():
            walk(entry["resource"])

    def add_new(self, resource: dict[str, Any]) -> str:
        ref = f"{resource['resourceType']}/{resource['id']}"
        self.items.setdefault(ref, {"fullUrl": f"{self.base}/{ref}", "resource": resource})
        return ref


def pas_bundle(
    ev: Evaluation, v: PacketView, questionnaire: dict[str, Any], qr: dict[str, Any], timestamp: str
) -> dict[str, Any]:
    det, chart = ev.determination, ev.chart
    base = (v.practice.fhir_base if v.practice and v.practice.fhir_base else DEFAULT_BASE).rstrip("/")
    out = _Entries(base)
    patient = out.add_chart(chart.patient)
    cov_res = chart.resolve(det["payer"]["source"]) if det.get("payer") else None
    insurer = _insurer(ev, out, cov_res)
    coverage = out.add_chart(cov_res) if cov_res else _stand_in_coverage(out, patient, insurer)
    _member_identifier(out.items[coverage]["resource"])
    prescriber_res = chart.resolve(v.prescriber.reference) if v.prescriber.reference else None
    prescriber = out.add_chart(prescriber_res) if prescriber_res else None
    provider = _provider(v, out) or prescriber
    order_res = chart.resolve(v.medication.source) if v.medication.source else None
    order = out.add_chart(order_res) if order_res else None
    out.add_new(questionnaire)  # the canonical the response names, resolvable inside the bundle
    info: list[str] = [out.add_new(qr)]
    for c in det["criteria"]:
        if c["status"] not in ("met", "not_met"):
            continue
        for e in c["evidence"]:
            res = chart.resolve(e["source"].split("#")[0])
            if res is not None and res is not chart.patient and res.type in SUPPORTING_TYPES:
                info.append(out.add_chart(res))
    out.relink(chart)
    digest = hashlib.sha256(f"{det['patient']['id']}|{det['as_of']}|{det['drug']}".encode()).hexdigest()[:16]
    refs = list(dict.fromkeys(info))
    types = {ref: out.items[ref]["resource"].get("resourceType", "") for ref in refs}
    claim = _claim(v, patient, coverage, insurer, provider, order, refs, types)
    claim["id"] = f"pa-{digest}"  # one Claim per request: never a fixed id shared by every submission
    claim["identifier"] = [{"system": f"{base}/pa-request", "value": digest}]
    return {
        "resourceType": "Bundle",
        "id": f"pas-request-{digest}",
        "meta": {"profile": [profile("profile-pas-request-bundle")]},
        "language": "en",
        "identifier": {"system": f"{base}/submission", "value": digest},
        "type": "collection",
        "timestamp": timestamp,
        "entry": [{"fullUrl": f"{base}/Claim/{claim['id']}", "resource": claim}, *out.items.values()],
    }


def _insurer(ev: Evaluation, out: _Entries, cov: Resource | None) -> str:
    payors = cov.data.get("payor") if cov else None
    for ref in payors if isinstance(payors, list) else []:
        res = ev.chart.resolve(ref)
        if res is not None and res.type == "Organization":
            mine = out.add_chart(res)
            org = out.items[mine]["resource"]
            # the payor of the active Coverage: an active payer ("PR" in X12 98), as PAS's insurer says it
            org.setdefault("active", True)
            if not org.get("type"):
                org["type"] = [{"coding": [{"system": f"{X12}/98", "code": "PR", "display": "Payer"}]}]
            return mine
    name = ((ev.determination.get("payer") or {}).get("name")) or ev.pack.name
    return out.add_new(
        {
            "resourceType": "Organization",
            "id": "insurer",
            "meta": {"profile": [profile("profile-insurer")]},
            "active": True,
            "type": [{"coding": [{"system": f"{X12}/98", "code": "PR", "display": "Payer"}]}],
            "name": name,
        }
    )


def _member_identifier(coverage: dict[str, Any]) -> None:
    """PAS requires the member id as an ``MB`` identifier; the chart may give it only as subscriberId."""
    ids = coverage.setdefault("identifier", [])
    has_mb = any(
        c.get("code") == "MB" for i in ids if isinstance(i, dict) for c in (i.get("type") or {}).get("coding", [])
    )
    # PAS slices relationship by X12 1069: "18" Self is the same statement as HL7's "self"
    rel = coverage.get("relationship")
    codes = [c for c in (rel or {}).get("coding", []) if isinstance(c, dict)] if isinstance(rel, dict) else []
    if any(c.get("code") == "self" for c in codes) and not any(c.get("system") == f"{X12}/1069" for c in codes):
        rel["coding"] = [*codes, {"system": f"{X12}/1069", "code": "18", "display": "Self"}]
    member = coverage.get("subscriberId")
    if not has_mb and isinstance(member, str) and member:
        ids.append(
            {
                "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MB"}]},
                "value": member,
            }
        )
    if not ids:
        coverage.pop("identifier")


def _stand_in_coverage(out: _Entries, patient: str, insurer: str) -> str:
    """The chart records no coverage: a draft Coverage for staff to complete (the Claim requires one)."""
    return out.add_new(
        {
            "resourceType": "Coverage",
            "id": "coverage-to-complete",
            "status": "draft",
            "beneficiary": {"reference": patient},
            "payor": [{"reference": insurer}],
        }
    )


def _provider(v: PacketView, out: _Entries) -> str | None:
    pr = v.practice
    if pr is None:
        return None
    return out.add_new(
        {
            "resourceType": "Organization",
            "id": "requesting-practice",
            "meta": {"profile": [profile("profile-requestor")]},
            "identifier": [
                {"system": "http://hl7.org/fhir/sid/us-npi", "value": pr.npi},
                {"system": "urn:oid:2.16.840.1.113883.4.4", "value": pr.tax_id.replace("-", "")},
            ],
            "active": True,
            "type": [{"coding": [{"system": f"{X12}/98", "code": "1P", "display": "Provider"}]}],
            "name": pr.name,
            "telecom": [{"system": "phone", "value": pr.phone}, {"system": "fax", "value": pr.fax}],
            "address": [{"line": pr.address[:-1] or pr.address, "text": ", ".join(pr.address)}],
        }
    )


def _claim(
    v: PacketView,
    patient: str,
    coverage: str,
    insurer: str,
    provider: str | None,
    order: str | None,
    info: list[str],
    types: dict[str, str],
) -> dict[str, Any]:
    d, m = v.det, v.medication
    pa = d.get("prior_authorization") or {}
    asked = pa.get("requested_period") or {}
    renewal = d["request_type"] == "renewal"
    ext = [
        _x12("extension-serviceItemRequestType", "1525", "HS", "Health Services Review"),
        _x12("extension-certificationType", "1322", "R" if renewal else "I", "Renewal" if renewal else "Initial"),
    ]
    if renewal and pa.get("number"):
        ext.append({"url": f"{PAS}/extension-authorizationNumber", "valueString": pa["number"]})
    if order:
        ext.append({"url": f"{PAS}/extension-requestedService", "valueReference": {"reference": order}})
    # PAS binds productOrService to NDC, CPT and HCPCS (not RxNorm): the drug by the order's NDC
    product: dict[str, Any] = {
        "text": f"{m.brand} ({m.ingredient})" + (f" {m.strength_mg:g} mg tablet" if m.strength_mg else "")
    }
    if m.ndc:
        product["coding"] = [{"system": NDC, "code": m.ndc}]
    item: dict[str, Any] = {
        "extension": ext,
        "sequence": 1,
        "category": {"coding": [{"system": f"{X12}/1365", "code": "78", "display": "Chemotherapy"}]},
        "productOrService": product,
    }
    if m.quantity_30_days:
        item["quantity"] = {"value": m.quantity_30_days, "unit": "tablet"}
    if asked.get("start"):
        item["servicedPeriod"] = {k: asked[k] for k in ("start", "end") if asked.get(k)}
    # place of service (1..1 in PAS): the prescriber's office, where an oral drug is prescribed
    item["locationCodeableConcept"] = {"coding": [{"system": POS, "code": "11", "display": "Office"}]}
    claim: dict[str, Any] = {
        "resourceType": "Claim",
        "meta": {"profile": [profile("profile-claim")]},
        "language": "en",
        "status": "active",
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
        "use": "preauthorization",
        "patient": {"reference": patient},
        "created": d["as_of"],
        "insurer": {"reference": insurer},
        "provider": {"reference": provider} if provider else {"display": "the requesting practice (no practice profile)"},
        "priority": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/processpriority", "code": "normal"}]},
        "supportingInfo": [
            {
                "extension": [_document_information(types.get(ref, ""))],
                "sequence": i,
                "category": {"coding": [{"system": PAS_TEMP, "code": "additionalInformation"}]},
                "valueReference": {"reference": ref},
            }
            for i, ref in enumerate(info, 1)
        ],
        "item": [item],
    }
    if v.diagnoses:
        claim["diagnosis"] = [
            {
                "sequence": i,
                "diagnosisCodeableConcept": {"coding": [{"system": ICD10, "code": c, "display": t or None}]},
            }
            for i, (c, t) in enumerate(v.diagnoses, 1)
        ]
        for dx in claim["diagnosis"]:
            dx["diagnosisCodeableConcept"]["coding"][0] = {
                k: x for k, x in dx["diagnosisCodeableConcept"]["coding"][0].items() if x
            }
    claim["insurance"] = [{"sequence": 1, "focal": True, "coverage": {"reference": coverage}}]
    return claim


def _document_information(resource_type: str) -> dict[str, Any]:
    code, display = REPORT_TYPE.get(resource_type, REPORT_DEFAULT)
    return {
        "url": f"{PAS}/extension-documentInformation",
        "extension": [
            {
                "url": "reportTypeCode",
                "valueCodeableConcept": {"coding": [{"system": f"{X12}/755", "code": code, "display": display}]},
            }
        ],
    }


def _x12(name: str, table: str, code: str, display: str) -> dict[str, Any]:
    return {
        "url": f"{PAS}/{name}",
        "valueCodeableConcept": {"coding": [{"system": f"{X12}/{table}", "code": code, "display": display}]},
    }
