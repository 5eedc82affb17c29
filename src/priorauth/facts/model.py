"""The normalized view of a chart: facts, each with the chart reference and date it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from priorauth.terminology.drugs import Drug


@dataclass(frozen=True)
class Evidence:
    """Where a fact came from: ``Type/id`` (or fullUrl, with an optional ``#char=`` span), date, words."""

    source: str
    date: str | None
    text: str
    ocr: OcrReading | None = None  # the span was read from a scanned page
    # the finding's own words (offsets into the document's text) inside the quoted sentence: what OCR must have
    # read surely; the rest of the sentence only where it could qualify them (text/__init__.py reading_of)
    focus: tuple[int, int] | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "date": self.date, "text": self.text}
        if self.ocr is not None:
            out.update(self.ocr.as_dict())
        return out

    @property
    def low_confidence(self) -> bool:
        return self.ocr is not None and not self.ocr.confident


@dataclass(frozen=True)
class OcrReading:
    """How a span of scanned text was read: its page, and Tesseract's confidence in its key words."""

    page: int
    confidence: float  # the lowest word confidence (0-100) among the words that carry the finding
    confident: bool  # at or above the measured threshold (priorauth.text.ocr.CONFIDENT), no suspect word
    suspect: str | None = None  # a word that looks like a misread negation / hypothetical trigger

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "origin": "ocr",
            "page": self.page,
            "ocr_confidence": round(self.confidence, 1),
            "low_confidence": not self.confident,
        }
        if self.suspect:
            out["ocr_suspect_word"] = self.suspect
        return out


@dataclass(frozen=True)
class PatientFact:
    id: str
    name: str | None
    birth_date: str | None
    deceased: bool
    deceased_date: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Diagnosis:
    evidence: Evidence
    # "other": another named primary site (pancreas, breast...) or a stage of any cancer; "unspecified": a
    # malignancy or histology that names no site (counts for lung only beside a lung-site diagnosis)
    site: Literal["lung", "colorectal", "secondary", "ild", "other", "unspecified"]
    icd10: tuple[str, ...]  # normalized, dotted, any validity
    histology: Literal["nsclc", "sclc"] | None
    stage: int | None
    spread: bool  # coded secondary malignancy or words stating metastatic / locally advanced / recurrent
    tnm: str | None = None  # a coded TNM category behind the stage ("cM1a", "pN2"), when that is the source


@dataclass(frozen=True)
class KrasResult:
    evidence: Evidence
    status: Literal["g12c_present", "g12c_absent", "other_variant", "negative", "unspecified"]
    specimen: Literal["tissue", "plasma", "unknown"]
    test: str | None
    dated: bool  # a result with no date cannot meet the criterion
    report: str | None = None  # the DiagnosticReport that holds the result (coded results)
    clia: str | None = None  # how the lab's CLIA certification is shown (report text, performer identifier)
    lab_text: str = ""  # the whole text of the report (and result), where a test's name may appear


@dataclass(frozen=True)
class MedUse:
    evidence: Evidence
    kind: Literal["request", "administration", "statement", "dispense", "procedure", "text"]
    status: str
    drugs: tuple[Drug, ...]
    start: str | None
    end: str | None
    curative_intent: bool  # written adjuvant / neoadjuvant / curative
    remarks: str = ""  # notes and status reason, for tolerance and toxicity

    @property
    def anticancer(self) -> tuple[Drug, ...]:
        return tuple(d for d in self.drugs if d.anticancer)

    def has(self, ingredient: str) -> bool:
        return any(d.ingredient == ingredient for d in self.drugs)

    def has_class(self, *classes: str) -> bool:
        return any(d.drug_class in classes for d in self.drugs)

    @property
    def given(self) -> bool:
        """Counts as therapy given, per the contract (orders: completed, stopped or active)."""
        return {
            "administration": self.status not in ("not-done", "entered-in-error", "in-progress"),
            "statement": self.status in ("active", "completed"),
            "request": self.status in ("completed", "stopped", "active"),
            "dispense": self.status in ("completed", ""),
            "procedure": self.status in ("completed", "in-progress"),  # a Procedure of systemic therapy
            "text": True,  # a note or report stating it was given (negated and planned mentions are not facts)
        }[self.kind]

    @property
    def active(self) -> bool:
        """An active medication for the advisories: active or on-hold order, active statement."""
        if self.kind == "request":
            return self.status in ("active", "on-hold")
        return self.kind == "statement" and self.status == "active"


@dataclass(frozen=True)
class DrugOrder:
    """An order (MedicationRequest) of one anticancer drug, with its daily dose; the evaluator picks the
    orders of the requested drug."""

    evidence: Evidence
    status: str
    daily_dose_mg: float | None
    dose_text: str
    prescriber: str | None  # reference of the requester
    prescriber_name: str | None
    ingredient: str  # the drug ordered (the pack's drug is picked from these)
    strength_mg: float | None = None  # tablet strength, when the order names it
    dose_conflict: str | None = None  # the dose's sources disagree (names both); daily_dose_mg is then None


@dataclass(frozen=True)
class LabResult:
    evidence: Evidence
    analyte: Literal["alt", "ast", "alp", "tbili"]
    value: float | None
    unit: str
    high: float | None
    high_is_default: bool


@dataclass(frozen=True)
class DiseaseStatus:
    evidence: Evidence
    status: Literal["worsened", "stable", "improved"]


@dataclass(frozen=True)
class Specialty:
    evidence: Evidence
    practitioner: str
    oncology: bool
    text: str


@dataclass(frozen=True)
class CoverageFact:
    evidence: Evidence
    payer_name: str | None
    member_id: str | None
    payer_refs: frozenset[str]
    plan: str | None
    benefit: str | None = None  # "pharmacy" | "medical" when the Coverage says so (facts/admin.py)
    benefit_basis: str | None = None  # what in the Coverage says so
    benefit_explicit: bool = False  # the Coverage's type names the benefit (not only its rx identifiers)


@dataclass(frozen=True)
class Approval:
    evidence: Evidence
    auth_number: str
    start: str | None
    end: str | None
    payer_refs: frozenset[str]
    payer_name: str | None
    drugs: frozenset[str] = frozenset({"sotorasib"})  # ingredients the approved claim names


@dataclass(frozen=True)
class UnreliablePage:
    """A scanned page whose reading may hide a statement: ``where`` names it for the reader ("DocumentReference/x
    page 2 (41% of its words read below 70%)"); ``perhaps`` is the drug a misread word on it may be, if that is
    all that makes it unreliable."""

    where: str
    perhaps: str | None = None


@dataclass
class Facts:
    patient: PatientFact
    diagnoses: list[Diagnosis] = field(default_factory=list)
    kras: list[KrasResult] = field(default_factory=list)
    meds: list[MedUse] = field(default_factory=list)
    drug_orders: list[DrugOrder] = field(default_factory=list)
    labs: list[LabResult] = field(default_factory=list)
    statuses: list[DiseaseStatus] = field(default_factory=list)
    specialties: list[Specialty] = field(default_factory=list)
    coverages: list[CoverageFact] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    cpt: list[tuple[str, Evidence]] = field(default_factory=list)
    notes: list[Evidence] = field(default_factory=list)  # clinical notes (documents), by reference
    reports: list[Evidence] = field(default_factory=list)  # diagnostic reports
    claims: list[Evidence] = field(default_factory=list)  # claims / EOBs billing systemic therapy
    naive: list[Evidence] = field(default_factory=list)  # text: "treatment-naive", "no prior systemic therapy"
    monotherapy: list[Evidence] = field(default_factory=list)  # text: "single agent", "monotherapy"
    spread_hints: list[Evidence] = field(default_factory=list)  # text hinting at spread without stating it
    rationale: list[Evidence] = field(default_factory=list)  # text: medical-necessity sentences
    # scanned pages read unreliably ("DocumentReference/x page 2"): what they say may be missing from the facts
    unreliable_pages: tuple[UnreliablePage, ...] = ()
