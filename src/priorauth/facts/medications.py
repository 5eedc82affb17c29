"""Medication records -> uses of drugs (with dates and setting) and anticancer drug orders with their dose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import (
    codings,
    concept_text,
    date_of,
    dicts,
    first_date,
    notes,
    period_end,
    status_of,
)
from priorauth.chart.load import Resource
from priorauth.facts import dosage
from priorauth.facts.model import DrugOrder, Evidence, MedUse
from priorauth.terminology.drugs import Drug, vocabulary

KINDS = {
    "MedicationRequest": "request",
    "MedicationAdministration": "administration",
    "MedicationStatement": "statement",
    "MedicationDispense": "dispense",
}
CURATIVE = re.compile(r"\b(?:neo-?adjuvant|adjuvant|curative)\b", re.I)


def med_uses(chart: Chart) -> Iterator[MedUse]:
    for r in chart.of_type(*KINDS):
        status = status_of(r.data)
        if status == "entered-in-error":
            continue
        drugs, label = drugs_of(chart, r.data)
        if not drugs:
            continue
        start, end = _dates(r)
        remarks = " ".join([*notes(r.data), concept_text(r.data.get("statusReason"))])
        words = " ".join(
            [remarks, *(concept_text(c) for c in [*dicts(r.data.get("reasonCode")), *dicts(r.data.get("category"))])]
        )
        ev = Evidence(r.ref, start, f"{label} ({KINDS[r.type]}, {status or 'no status'})")
        kind = KINDS[r.type]
        yield MedUse(ev, kind, status, drugs, start, end, bool(CURATIVE.search(words)), remarks)  # type: ignore[arg-type]


def medication_of(chart: Chart | None, data: dict[str, Any]) -> tuple[Any, dict[str, Any] | None]:
    """The medication element's concept and, for a medicationReference, the Medication it points to (the
    resource's contained Medication, else the chart's)."""
    concept = data.get("medicationCodeableConcept")
    if concept is not None:
        return concept, None
    med = _contained(data, data.get("medicationReference"))
    if med is None and chart is not None:
        found_med = chart.resolve(data.get("medicationReference"))
        med = found_med.data if found_med is not None else None
    concept = med.get("code") if med is not None else None
    if concept is None and isinstance(data.get("medicationReference"), dict):
        concept = {"text": data["medicationReference"].get("display", "")}
    return concept, med


def drugs_in(concept: Any) -> list[Drug]:
    """Drugs a concept names: its RxNorm or NDC codes first (the code wins), then its words."""
    vocab = vocabulary()
    coded = []
    for c in codings(concept):
        system = c.system.lower()
        drug = vocab.from_code(c.code) if "rxnorm" in system else vocab.from_ndc(c.code) if "ndc" in system else None
        if drug is not None:
            coded.append(drug)
    return coded or vocab.from_text(" ".join([concept_text(concept), *(c.display for c in codings(concept))]))


def drugs_of(chart: Chart | None, data: dict[str, Any]) -> tuple[tuple[Drug, ...], str]:
    """Drugs named by a medication element (see ``medication_of`` and ``drugs_in``) and its label."""
    concept, _ = medication_of(chart, data)
    drugs = tuple(dict.fromkeys(drugs_in(concept)))
    label = concept_text(concept)
    return drugs, label or ", ".join(d.ingredient for d in drugs) or "unnamed medication"


def _contained(data: dict[str, Any], reference: Any) -> dict[str, Any] | None:
    ref = reference.get("reference") if isinstance(reference, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#"):
        return None
    return next((c for c in dicts(data.get("contained")) if c.get("id") == ref[1:]), None)


def _dates(r: Resource) -> tuple[str | None, str | None]:
    d = r.data
    if r.type == "MedicationRequest":
        start = first_date(d, "authoredOn")
        validity = (
            (d.get("dispenseRequest") or {}).get("validityPeriod")
            if isinstance(d.get("dispenseRequest"), dict)
            else None
        )
        bounds = [
            period_end(((di.get("timing") or {}).get("repeat") or {}).get("boundsPeriod"))
            for di in dicts(d.get("dosageInstruction"))
            if isinstance(di.get("timing"), dict) and isinstance(di["timing"].get("repeat"), dict)
        ]
        end = period_end(validity) or next((b for b in bounds if b), None) or start
        start = start or date_of(validity)
        return start, end
    if r.type == "MedicationAdministration":
        start = first_date(d, "effectiveDateTime", "effectivePeriod")
        return start, period_end(d.get("effectivePeriod")) or start
    if r.type == "MedicationStatement":
        start = first_date(d, "effectiveDateTime", "effectivePeriod", "dateAsserted")
        return start, period_end(d.get("effectivePeriod"))
    start = first_date(d, "whenHandedOver", "whenPrepared")
    return start, start


def drug_orders(chart: Chart) -> Iterator[DrugOrder]:
    """One order per anticancer ingredient of each MedicationRequest (the evaluator keeps the requested drug's)."""
    for r in chart.of_type("MedicationRequest"):
        status = status_of(r.data)
        if status == "entered-in-error":
            continue
        drugs, label = drugs_of(chart, r.data)
        anticancer = [d for d in drugs if d.anticancer]
        if not anticancer:
            continue
        concept, medication = medication_of(chart, r.data)
        dose = dosage.daily_dose(r.data, concept, medication)
        requester = r.data.get("requester")
        prescriber = chart.resolve(requester)
        name = requester.get("display") if isinstance(requester, dict) else None
        ev = Evidence(r.ref, first_date(r.data, "authoredOn"), f"{label}: {dose.text} ({status or 'no status'})")
        for d in anticancer:
            yield DrugOrder(
                ev,
                status,
                dose.mg,
                dose.text,
                prescriber.ref if prescriber else None,
                name,
                d.ingredient,
                dose.strength_mg,
                dose.conflict,
            )
