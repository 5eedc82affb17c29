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
    number,
    period_end,
    status_of,
)
from priorauth.chart.load import Resource
from priorauth.facts.model import DrugOrder, Evidence, MedUse
from priorauth.terminology.drugs import Drug, vocabulary

KINDS = {
    "MedicationRequest": "request",
    "MedicationAdministration": "administration",
    "MedicationStatement": "statement",
    "MedicationDispense": "dispense",
}
CURATIVE = re.compile(r"\b(?:neo-?adjuvant|adjuvant|curative)\b", re.I)
_TABLETS = re.compile(r"(\d+)\s*tab\w*\s*\(?\s*(\d+(?:\.\d+)?)\s*mg\s*each", re.I)
_MG = re.compile(r"(\d+(?:\.\d+)?)\s*mg\b", re.I)
_MG_TABLET = re.compile(r"(\d+(?:\.\d+)?)\s*mg\s*(?:oral\s+)?tab", re.I)
_PER_DAY = {"d": 1.0, "wk": 1 / 7, "h": 24.0, "mo": 1 / 30, "a": 1 / 365, "min": 1440.0, "s": 86400.0}


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


def drugs_of(chart: Chart | None, data: dict[str, Any]) -> tuple[tuple[Drug, ...], str]:
    """Drugs named by a medication element: codes first (the code wins), then words. A
    medicationReference is read from the resource's contained Medication, else from the chart."""
    concept = data.get("medicationCodeableConcept")
    if concept is None:
        med = _contained(data, data.get("medicationReference"))
        if med is None and chart is not None:
            found_med = chart.resolve(data.get("medicationReference"))
            med = found_med.data if found_med is not None else None
        concept = med.get("code") if med is not None else None
        if concept is None and isinstance(data.get("medicationReference"), dict):
            concept = {"text": data["medicationReference"].get("display", "")}
    vocab = vocabulary()
    coded = [d for c in codings(concept) if "rxnorm" in c.system.lower() for d in [vocab.from_code(c.code)] if d]
    label = concept_text(concept)
    found = coded or vocab.from_text(" ".join([label, *(c.display for c in codings(concept))]))
    drugs = tuple(dict.fromkeys(found))
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
        dose, dose_text = daily_dose_mg(r.data, label)
        strength = tablet_strength(r.data, label)
        requester = r.data.get("requester")
        prescriber = chart.resolve(requester)
        name = requester.get("display") if isinstance(requester, dict) else None
        ev = Evidence(r.ref, first_date(r.data, "authoredOn"), f"{label}: {dose_text} ({status or 'no status'})")
        for d in anticancer:
            yield DrugOrder(
                ev, status, dose, dose_text, prescriber.ref if prescriber else None, name, d.ingredient, strength
            )


def tablet_strength(data: dict[str, Any], label: str) -> float | None:
    """The tablet strength: "320 mg tablet" in the medication, or "(240 mg each)" in the dosage text."""
    texts = [di.get("text") for di in dicts(data.get("dosageInstruction")) if isinstance(di.get("text"), str)]
    for text in texts:
        each = _TABLETS.search(text)
        if each:
            return float(each.group(2))
    for text in [label, *texts]:
        m = _MG_TABLET.search(text)
        if m:
            return float(m.group(1))
    return None


def daily_dose_mg(data: dict[str, Any], label: str) -> tuple[float | None, str]:
    """The daily dose in mg from structured dosage (mg, or tablets x strength), else the dosage text."""
    for di in dicts(data.get("dosageInstruction")):
        text = di.get("text") if isinstance(di.get("text"), str) else ""
        per_day = _per_day(di.get("timing"), text)
        for dr in dicts(di.get("doseAndRate")):
            q = dr.get("doseQuantity")
            if not isinstance(q, dict):
                continue
            value = number(q.get("value"))
            unit = f"{q.get('unit', '')} {q.get('code', '')}".lower()
            if value is None:
                continue
            if "mg" in unit.split() or unit.strip().startswith("mg"):
                return value * per_day, text or f"{value:g} mg x {per_day:g}/day"
            if any(u in unit for u in ("tab", "{tbl}")):
                strength = _strength(text) or _strength(label)
                if strength:
                    return value * strength * per_day, text or f"{value:g} x {strength:g} mg x {per_day:g}/day"
        tabs = _TABLETS.search(text)
        if tabs:
            return float(tabs.group(1)) * float(tabs.group(2)) * per_day, text
        m = re.search(r"(\d+(?:\.\d+)?)\s*mg\b", text, re.I)
        if m and re.search(r"\b(?:daily|a day|per day|qd|once|bid|twice)\b", text, re.I):
            return float(m.group(1)) * per_day, text
    return None, "dose not readable"


def _strength(text: str) -> float | None:
    m = _MG.search(text)
    return float(m.group(1)) if m else None


def _per_day(timing: Any, text: str) -> float:
    rep = timing.get("repeat") if isinstance(timing, dict) else None
    if isinstance(rep, dict):
        freq = number(rep.get("frequency")) or 1.0
        period = number(rep.get("period")) or 1.0
        unit = rep.get("periodUnit") if isinstance(rep.get("periodUnit"), str) else "d"
        return freq / period * _PER_DAY.get(unit, 1.0)
    if re.search(r"\b(?:bid|twice daily|twice a day)\b", text, re.I):
        return 2.0
    return 1.0
