"""Long evidence lists made readable: the decisive items first, the rest grouped ("and 88 more
MedicationRequest: cisplatin, 2008-2012"). A view of the determination; the contract keeps every item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from priorauth.chart.fhir import codings, concept_text
from priorauth.terminology import icd10
from priorauth.terminology.displays import coded, kept

KEEP = 5  # items shown one by one before the rest is grouped


@dataclass(frozen=True)
class Group:
    kind: str  # the resource type cited
    text: str  # what the items say (their shared text)
    count: int
    first: str | None  # earliest and latest dates of the group (None when undated)
    last: str | None
    sources: tuple[str, ...]

    def line(self) -> str:
        span = (
            ""
            if not self.first
            else f", {self.first[:4]}"
            if self.first[:4] == (self.last or "")[:4]
            else f", {self.first[:4]}-{(self.last or '')[:4]}"
        )
        what = f"{self.kind}: {self.text}" if self.text else self.kind
        return f"and {self.count} more {what}{span}"


def capped(evidence: list[dict[str, Any]], keep: int = KEEP) -> tuple[list[dict[str, Any]], list[Group]]:
    """The first ``keep`` items as they are (the evaluator lists the decisive ones first), and the rest
    grouped by resource type and text, largest group first."""
    shown, rest = evidence[:keep], evidence[keep:]
    buckets: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in rest:
        kind = e["source"].split("/", 1)[0].split("#", 1)[0]
        buckets.setdefault((kind, _said(e.get("text")).lower()), []).append(e)
    groups = []
    for (kind, _), items in buckets.items():
        text = _said(items[0].get("text"))
        dates = sorted(d for d in (i.get("date") for i in items) if d)
        groups.append(
            Group(
                kind,
                text,
                len(items),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                tuple(i["source"] for i in items),
            )
        )
    groups.sort(key=lambda g: (-g.count, g.kind, g.text))
    return shown, groups


def _said(text: str | None) -> str:
    """What an item says, for grouping: one line, without trailing list punctuation."""
    return " ".join((text or "").split()).rstrip(" -;,.")


# -- one evidence item as a reviewer reads it ---------------------------------------------------------
KIND = {
    "Patient": "Patient record",
    "Condition": "Diagnosis",
    "Observation": "Result",
    "DiagnosticReport": "Report",
    "DocumentReference": "Clinical note",
    "Binary": "Attached document",
    "MedicationRequest": "Medication order",
    "MedicationAdministration": "Medication given",
    "MedicationStatement": "Medication history",
    "MedicationDispense": "Medication dispensed",
    "Procedure": "Procedure",
    "ServiceRequest": "Order",
    "Specimen": "Specimen",
    "PractitionerRole": "Prescriber's role",
    "Practitioner": "Prescriber",
    "Coverage": "Coverage",
    "Claim": "Prior authorization request",
    "ClaimResponse": "Payer's decision",
    "ExplanationOfBenefit": "Claim",
}
# Where each type keeps the name of what it records.
NAMED_BY = {
    "Condition": "code",
    "Observation": "code",
    "DiagnosticReport": "code",
    "Procedure": "code",
    "ServiceRequest": "code",
    "DocumentReference": "type",
    "Specimen": "type",
    "PractitionerRole": "specialty",
}


@dataclass(frozen=True)
class Entry:
    """A cited chart entry in a reviewer's words: when, what kind of entry, what it says; ``ref`` is the
    chart reference (for the small print), without a note's character span."""

    date: str  # the entry's date, or "undated"
    what: str
    ref: str

    def line(self) -> str:
        return f"{self.date}: {self.what}"


def describe(e: dict[str, Any], resolve: Any = None) -> Entry:
    """``e`` (an evidence item: source, date, text) as the dated chart entry a reviewer reads. ``resolve``
    (``Chart.resolve``) looks up the cited resource for its name (a code's display, a note's title)."""
    ref = e["source"].split("#", 1)[0]
    rtype = ref.split("/", 1)[0]
    said = _said(e.get("text"))
    res = resolve(ref) if resolve else None
    data: dict[str, Any] = res.data if res is not None else {}
    quoted = "#" in e["source"]  # a span of a note or report's text: the words themselves
    if rtype == "Patient" and e.get("date") and data.get("birthDate") == e.get("date"):
        return Entry(e["date"], "Patient record: date of birth", ref)
    name = _name(rtype, data, said)
    if quoted:
        what = f"{KIND.get(rtype, rtype)}{f', {name}' if name else ''}: \u201c{said}\u201d"
    elif rtype == "Condition" and icd10.normalize(said):
        what = f"Diagnosis: {name or icd10.description(said) or said} (ICD-10-CM {said})"
    elif name and (system := _code_system(rtype, data, said)) is not None:
        what = f"{KIND.get(rtype, rtype)}: {coded(name, said, system)}"
    elif name and said and not said.lower().startswith(name.lower()):
        what = f"{KIND.get(rtype, rtype)}, {name}: {said}"
    else:
        what = f"{KIND.get(rtype, rtype)}: {said or name or 'entry'}"
    return Entry(e.get("date") or "undated", what, ref)


def _name(rtype: str, data: dict[str, Any], said: str) -> str:
    """What the entry records, in words: the text or display of its code (the coding whose code the
    evidence names first), else the title of a note."""
    concepts = _concepts(rtype, data)
    for concept in concepts:
        for c in codings(concept):
            if c.code and c.code == said and (c.display or kept(c.code)):
                return c.display or kept(c.code) or ""
    if rtype == "Condition" and icd10.normalize(said):
        return icd10.description(said) or ""
    for concept in concepts:
        words = concept_text(concept) or next((w for c in codings(concept) if c.code and (w := kept(c.code))), "")
        if words:
            return words
    return _said(data.get("description")) if rtype == "DocumentReference" else ""


def _concepts(rtype: str, data: dict[str, Any]) -> list[Any]:
    value = data.get(NAMED_BY.get(rtype, "")) if data else None
    return [c for c in (value if isinstance(value, list) else [value]) if isinstance(c, dict)]


def _code_system(rtype: str, data: dict[str, Any], said: str) -> str | None:
    """The system of the entry's coding whose code is the evidence text (``207RX0202X``, a bare code, not
    words): "" when that coding has no system; None when the text is not one of the entry's codes."""
    return next((c.system for concept in _concepts(rtype, data) for c in codings(concept) if c.code == said), None)
