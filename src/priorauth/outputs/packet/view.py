"""What the packet shows, gathered once from an evaluation: the determination (the answers) plus the
facts and chart entries behind it (names, numbers, documents). Nothing clinical is decided here: every
status comes from the determination; this module only looks up what the determination cites."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from priorauth.api import Evaluation
from priorauth.chart.fhir import dicts, human_name
from priorauth.facts.model import DrugOrder, KrasResult
from priorauth.outputs.deceased import Deceased, deceased
from priorauth.outputs.evidence import Entry, describe
from priorauth.outputs.packet.history import HistoryRow, SupportingDoc, supporting_documents, treatment_history
from priorauth.outputs.packet.practice import Practice
from priorauth.terminology import icd10
from priorauth.terminology.displays import coded, kept

NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi"
DAYS_SUPPLY = 30
STATUS_WORDS = {
    "met": "Met",
    "not_met": "NOT MET",
    "insufficient": "Needs documentation",
    "review": "Needs prescriber review",
}
OVERALL_WORDS = {
    "ready": "Ready to submit",
    "needs_documentation": "NOT READY: needs documentation",
    "needs_review": "NOT READY: needs prescriber review",
    "criteria_not_met": "NOT READY: criteria not met",
}
KRAS_WORDS = {
    "g12c_present": "KRAS G12C detected",
    "g12c_absent": "KRAS G12C not detected",
    "other_variant": "Another KRAS variant (not G12C)",
    "negative": "KRAS negative",
    "unspecified": "KRAS result without a named variant",
}


@dataclass(frozen=True)
class Prescriber:
    name: str | None
    npi: str | None
    specialty: str | None
    reference: str | None


NDC_SYSTEM = "http://hl7.org/fhir/sid/ndc"


@dataclass(frozen=True)
class Medication:
    brand: str
    ingredient: str
    strength_mg: float | None
    daily_dose_mg: float | None
    dose_text: str
    tablets_per_day: float | None
    quantity_30_days: int | None
    days_supply: int
    source: str | None
    rxnorm: str | None
    ndc: str | None = None  # from the order's coding (http://hl7.org/fhir/sid/ndc)


@dataclass(frozen=True)
class KrasRow:
    test: str
    specimen: str
    date: str | None
    result: str
    cpt: str
    source: str


@dataclass
class PacketView:
    det: dict[str, Any]
    practice: Practice | None
    prescriber: Prescriber
    medication: Medication
    diagnoses: list[tuple[str, str]]  # (ICD-10-CM code, description)
    kras: list[KrasRow]
    history: list[HistoryRow]
    documents: list[SupportingDoc]
    payer_fax: str | None = None
    payer_phone: str | None = None
    payer_portal: str | None = None
    denial_reason: str | None = None
    gender: str | None = None
    missing: list[dict[str, Any]] = field(default_factory=list)  # required criteria that are not met
    descriptions: dict[str, str] = field(default_factory=dict)  # criterion id -> the pack's description
    resolve: Any = None  # Chart.resolve: cited references -> their resources (names of codes, note titles)

    @property
    def ready(self) -> bool:
        return self.det["overall"] == "ready"

    @property
    def deceased(self) -> Deceased | None:
        """The patient is recorded as deceased: page 1 says "do not submit"; no letter, no schedule."""
        return deceased(self.det)

    @property
    def patient_line(self) -> str:
        p = self.det["patient"]
        return f"{p.get('name') or 'Patient ' + p['id']}  -  DOB {p.get('birth_date') or 'unknown'}"

    def entry(self, e: dict[str, Any]) -> Entry:
        """An evidence item as the dated chart entry a reviewer reads."""
        return describe(e, self.resolve)

    def criterion(self, cid: str) -> dict[str, Any] | None:
        return next((c for c in self.det["criteria"] if c["id"] == cid), None)


def build_view(ev: Evaluation, practice: Practice | None = None, denial_reason: str | None = None) -> PacketView:
    det = ev.determination
    order = _order(ev)
    payer_fax, payer_phone, payer_portal = _payer_contact(ev, practice)
    return PacketView(
        det=det,
        practice=practice,
        prescriber=_prescriber(ev, order),
        medication=_medication(ev, order),
        diagnoses=[
            (c, icd10.description(c) or "") for c in det["codes"]["icd10_primary"] + det["codes"]["icd10_secondary"]
        ],
        kras=_kras_rows(ev),
        history=treatment_history(ev.facts, ev.pack.drug.ingredient, det["request_type"] == "renewal"),
        documents=supporting_documents(ev),
        payer_fax=payer_fax,
        payer_phone=payer_phone,
        payer_portal=payer_portal,
        denial_reason=denial_reason,
        gender=ev.chart.patient.data.get("gender") if isinstance(ev.chart.patient.data.get("gender"), str) else None,
        missing=[c for c in det["criteria"] if c["required"] and c["status"] != "met"],
        descriptions=_descriptions(ev),
        resolve=ev.chart.resolve,
    )


def _descriptions(ev: Evaluation) -> dict[str, str]:
    """The pack's wording of each criterion the determination lists (the evaluated indication first)."""
    det = ev.determination
    first = det["indication"] if det["indication"] in ev.pack.indications else "nsclc"
    out: dict[str, str] = {}
    for ind, kind, spec in ev.pack.criteria():
        if ind == first and kind == det["request_type"]:
            out[spec.id] = spec.description
    for _, _, spec in ev.pack.criteria():
        out.setdefault(spec.id, spec.description)
    return out


def _payer_contact(ev: Evaluation, practice: Practice | None) -> tuple[str | None, str | None, str | None]:
    """A fax number belongs to a payer: the practice's directory entry for the chart's payer (it is the
    practice's latest) wins, else the submission details of a payer's own pack. The default pack applies to
    every payer without one, so its details are never used; with neither, the number stays blank."""
    cov = ev.facts.coverages[0] if ev.facts.coverages else None
    names = [cov.payer_name] if cov and cov.payer_name else []
    hit = practice.payer(names, set(cov.payer_refs)) if practice and cov else None
    mine = hit[1] if hit else None
    pack = ev.pack.submission if ev.pack.match.names or ev.pack.match.aliases or ev.pack.match.identifiers else None
    pick = [getattr(mine, k, None) or getattr(pack, k, None) for k in ("fax", "phone", "portal")]
    return pick[0], pick[1], pick[2]


def _order(ev: Evaluation) -> DrugOrder | None:
    """The order the determination's ``prescription`` criterion cites, else the latest of the drug."""
    crit = next((c for c in ev.determination["criteria"] if c["id"] == "prescription"), None)
    cited = {e["source"] for e in crit["evidence"]} if crit else set()
    mine = [o for o in ev.facts.drug_orders if o.ingredient == ev.pack.drug.ingredient]
    return next((o for o in mine if o.evidence.source in cited), mine[-1] if mine else None)


def _prescriber(ev: Evaluation, order: DrugOrder | None) -> Prescriber:
    ref = order.prescriber if order else None
    res = ev.chart.resolve(ref) if ref else None
    npi = None
    if res is not None:
        npi = next((i.get("value") for i in dicts(res.data.get("identifier")) if i.get("system") == NPI_SYSTEM), None)
    spec = next((s.text for s in ev.facts.specialties if res is not None and s.practitioner == res.ref), None)
    if spec and (said := kept(spec)):  # a bare taxonomy code: its name first
        spec = coded(said, spec)
    name = (human_name(res.data) if res is not None else None) or (order.prescriber_name if order else None)
    return Prescriber(name, npi, spec, res.ref if res is not None else ref)


def _medication(ev: Evaluation, order: DrugOrder | None) -> Medication:
    drug = ev.pack.drug
    strength = order.strength_mg if order else None
    if strength is None and order is not None and len(drug.strengths_mg) == 1:  # the only tablet there is
        strength = drug.strengths_mg[0]
    dose = order.daily_dose_mg if order else None
    per_day = dose / strength if dose and strength else None
    qty = round(per_day * DAYS_SUPPLY) if per_day else None
    rxnorm = ndc = None
    if order is not None:
        res = ev.chart.resolve(order.evidence.source)
        concept = res.data.get("medicationCodeableConcept") if res is not None else None
        rxnorm = next(
            (c.get("code") for c in dicts((concept or {}).get("coding")) if "rxnorm" in str(c.get("system", ""))),
            None,
        )
        ndc = next((c.get("code") for c in dicts((concept or {}).get("coding")) if c.get("system") == NDC_SYSTEM), None)
    return Medication(
        brand=drug.brand,
        ingredient=drug.ingredient,
        strength_mg=strength,
        daily_dose_mg=dose,
        dose_text=order.dose_text if order else "",
        tablets_per_day=per_day,
        quantity_30_days=qty,
        days_supply=DAYS_SUPPLY,
        source=order.evidence.source if order else None,
        rxnorm=rxnorm,
        ndc=ndc,
    )


def _kras_rows(ev: Evaluation) -> list[KrasRow]:
    cpt = ", ".join(ev.determination["codes"]["cpt"]) or "none in the chart"
    rows: list[KrasRow] = []
    seen: set[str] = set()
    for k in sorted(ev.facts.kras, key=lambda k: k.evidence.date or "", reverse=True):
        if k.evidence.source in seen:
            continue
        seen.add(k.evidence.source)
        rows.append(_kras_row(k, cpt))
    return rows[:4]


def _kras_row(k: KrasResult, cpt: str) -> KrasRow:
    return KrasRow(
        test=k.test or "not named",
        specimen=k.specimen,
        date=k.evidence.date if k.dated else None,
        result=f"{KRAS_WORDS[k.status]}: {k.evidence.text}",
        cpt=cpt,
        source=k.evidence.source,
    )


def fmt_mg(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g} mg"


def human(value: Any, blank: str = "not in the chart") -> str:
    return str(value) if value not in (None, "") else blank


__all__ = ["OVERALL_WORDS", "STATUS_WORDS", "PacketView", "build_view", "fmt_mg", "human"]
