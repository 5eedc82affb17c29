"""A Da Vinci PAS-style ``Claim/$submit`` Bundle: the Claim first, then every resource it references
(patient, coverage, insurer, provider, prescriber, the order), the pre-filled QuestionnaireResponse and
the chart entries the criteria cite, each attached through ``Claim.supportingInfo``.

Chart resources are copied as the chart holds them (they are the evidence); only the Claim, the
practice Organization (from the practice profile) and a stand-in insurer without a chart record are new.
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
X12 = "https://codesystem.x12.org/005010"
PAS_TEMP = "http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
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


def pas_bundle(ev: Evaluation, v: PacketView, qr: dict[str, Any], timestamp: str) -> dict[str, Any]:
    det, chart = ev.determination, ev.chart
    base = (v.practice.fhir_base if v.practice and v.practice.fhir_base else DEFAULT_BASE).rstrip("/")
    out = _Entries(base)
    patient = out.add_chart(chart.patient)
    cov_res = chart.resolve(det["payer"]["source"]) if det.get("payer") else None
    insurer = _insurer(ev, out, cov_res)
    coverage = out.add_chart(cov_res) if cov_res else _stand_in_coverage(out, patient, insurer)
    prescriber_res = chart.resolve(v.prescriber.reference) if v.prescriber.reference else None
    prescriber = out.add_chart(prescriber_res) if prescriber_res else None
    provider = _provider(v, out) or prescriber
    order_res = chart.resolve(v.medication.source) if v.medication.source else None
    order = out.add_chart(order_res) if order_res else None
    info: list[str] = [out.add_new(qr)]
    for c in det["criteria"]:
        if c["status"] not in ("met", "not_met"):
            continue
        for e in c["evidence"]:
            res = chart.resolve(e["source"].split("#")[0])
            if res is not None and res is not chart.patient:
                info.append(out.add_chart(res))
    out.relink(chart)
    digest = hashlib.sha256(f"{det['patient']['id']}|{det['as_of']}|{det['drug']}".encode()).hexdigest()[:16]
    claim = _claim(v, patient, coverage, insurer, provider, order, list(dict.fromkeys(info)))
    claim["identifier"] = [{"system": f"{base}/pa-request", "value": digest}]
    return {
        "resourceType": "Bundle",
        "id": f"pas-request-{digest}",
        "meta": {"profile": [f"{PAS}/profile-pas-request-bundle"]},
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
            return out.add_chart(res)
    name = ((ev.determination.get("payer") or {}).get("name")) or ev.pack.name
    return out.add_new({"resourceType": "Organization", "id": "insurer", "active": True, "name": name})


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
            "identifier": [
                {"system": "http://hl7.org/fhir/sid/us-npi", "value": pr.npi},
                {"system": "urn:oid:2.16.840.1.113883.4.4", "value": pr.tax_id.replace("-", "")},
            ],
            "active": True,
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
    product: dict[str, Any] = {
        "text": f"{m.brand} ({m.ingredient})" + (f" {m.strength_mg:g} mg tablet" if m.strength_mg else "")
    }
    if m.rxnorm:
        product["coding"] = [{"system": RXNORM, "code": m.rxnorm}]
    item: dict[str, Any] = {
        "extension": ext,
        "sequence": 1,
        "category": {"coding": [{"system": f"{X12}/1365", "code": "88", "display": "Pharmacy"}]},
        "productOrService": product,
    }
    if m.quantity_30_days:
        item["quantity"] = {"value": m.quantity_30_days, "unit": "tablet"}
    if asked.get("start"):
        item["servicedPeriod"] = {k: asked[k] for k in ("start", "end") if asked.get(k)}
    claim: dict[str, Any] = {
        "resourceType": "Claim",
        "id": "pa-request",
        "meta": {"profile": [f"{PAS}/profile-claim"]},
        "language": "en",
        "status": "active",
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "pharmacy"}]},
        "use": "preauthorization",
        "patient": {"reference": patient},
        "created": d["as_of"],
        "insurer": {"reference": insurer},
        "provider": {"reference": provider or insurer},
        "priority": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/processpriority", "code": "normal"}]},
        "supportingInfo": [
            {
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


def _x12(name: str, table: str, code: str, display: str) -> dict[str, Any]:
    return {
        "url": f"{PAS}/{name}",
        "valueCodeableConcept": {"coding": [{"system": f"{X12}/{table}", "code": code, "display": display}]},
    }
