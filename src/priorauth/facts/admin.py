"""Administrative facts: the patient, coverage, prior PA approvals, prescriber specialty, CPT codes,
and the documents present (notes, reports, claims)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import (
    codings,
    concept_text,
    concept_words,
    dicts,
    first_date,
    human_name,
    status_of,
)
from priorauth.chart.load import Resource
from priorauth.facts.medications import drugs_in
from priorauth.facts.model import Approval, CoverageFact, Evidence, PatientFact, Specialty
from priorauth.terminology import concepts as cx

_PLA = re.compile(r"^0\d{3}U$")
_ONCOLOGY = re.compile(r"oncolog|hematology[\s&/-]*oncology", re.I)


def patient(chart: Chart) -> PatientFact:
    p = chart.patient
    d = p.data
    birth = first_date(d, "birthDate")
    deceased_date = first_date(d, "deceasedDateTime")
    deceased = d.get("deceasedBoolean") is True or deceased_date is not None
    return PatientFact(p.id or p.ref, human_name(d), birth, deceased, deceased_date, Evidence(p.ref, birth, "Patient"))


def coverages(chart: Chart) -> Iterator[CoverageFact]:
    for r in chart.of_type("Coverage"):
        if status_of(r.data) not in ("active", ""):
            continue
        refs, names = _parties(chart, r.data.get("payor"))
        member = r.data.get("subscriberId") if isinstance(r.data.get("subscriberId"), str) else None
        if member is None:
            member = next(
                (i.get("value") for i in dicts(r.data.get("identifier")) if isinstance(i.get("value"), str)), None
            )
        plan = next((c.get("name") or c.get("value") for c in dicts(r.data.get("class"))), None)
        name = names[0] if names else None
        start = first_date(r.data, "period")
        benefit, basis, explicit = coverage_benefit(r.data)
        yield CoverageFact(
            Evidence(r.ref, start, f"Coverage: {name or 'unknown payer'}"), name, member, refs, plan,
            benefit, basis, explicit,
        )  # fmt: skip


# Which benefit a Coverage is for. Coverage.class types rxbin/rxpcn/rxgroup/rxid are the pharmacy-benefit
# card's identifiers (https://terminology.hl7.org/CodeSystem-coverage-class.html); Source of Payment
# Typology 122 "Medicare Drug Benefit" and 191 "Medicare Pharmacy Benefit Manager" are Part D
# (https://www.nahdo.org/sopt); words in the type or class names say it otherwise.
_RX_CLASSES = {"rxbin", "rxpcn", "rxgroup", "rxid"}
_SOPT = {"https://nahdo.org/sopt", "http://nahdo.org/sopt", "urn:oid:2.16.840.1.113883.3.221.5"}
_SOPT_PHARMACY = {"122", "191"}
_PHARMACY_WORDS = re.compile(r"\bpart d\b|prescription drug plan|pharmacy benefit|\bpdp\b", re.I)
_MEDICAL_WORDS = re.compile(r"\bpart b\b|medical benefit", re.I)


def coverage_benefit(data: dict) -> tuple[str | None, str | None, bool]:
    """(benefit, what says so, whether the Coverage's type or plan names it) for one Coverage."""
    kind = data.get("type")
    for c in codings(kind):
        if c.system in _SOPT and c.code in _SOPT_PHARMACY:
            return "pharmacy", f"Coverage type SOPT {c.code} ({c.display or 'Medicare Part D'})", True
    names = [concept_words(kind)] + [
        f"{c.get('name') or ''} {c.get('value') or ''} {concept_words(c.get('type'))}" for c in dicts(data.get("class"))
    ]
    words = " | ".join(n for n in names if n.strip())
    if _MEDICAL_WORDS.search(words):
        return "medical", f"Coverage type or plan: {_MEDICAL_WORDS.search(words).group(0)}", True
    if _PHARMACY_WORDS.search(words):
        return "pharmacy", f"Coverage type or plan: {_PHARMACY_WORDS.search(words).group(0)}", True
    rx = sorted({c.code for cl in dicts(data.get("class")) for c in codings(cl.get("type")) if c.code in _RX_CLASSES})
    if rx:
        return "pharmacy", f"Coverage carries pharmacy-benefit identifiers ({', '.join(rx)})", False
    return None, None, False


def approvals(chart: Chart) -> Iterator[Approval]:
    """Approved prior authorizations of a drug: ClaimResponse outcome complete/partial with a preAuthRef,
    for a Claim naming the drug (the evaluator keeps those of the requested drug)."""
    for r in chart.of_type("ClaimResponse"):
        d = r.data
        ref = d.get("preAuthRef")
        if d.get("outcome") not in ("complete", "partial") or not isinstance(ref, str) or not ref:
            continue
        if status_of(d) in ("cancelled", "entered-in-error"):
            continue
        claim = chart.resolve(d.get("request"))
        drugs = _claim_drugs(claim) if claim is not None else frozenset()
        if not drugs:
            continue
        refs, names = _parties(chart, d.get("insurer"))
        crefs, cnames = _parties(chart, claim.data.get("insurer"))
        period = d.get("preAuthPeriod")
        start = first_date(d, "preAuthPeriod") or first_date(d, "created")
        end = first_date(period, "end") if isinstance(period, dict) else None
        text = f"Prior authorization {ref} approved ({d.get('disposition') or d['outcome']})"
        yield Approval(
            Evidence(r.ref, first_date(d, "created"), text),
            ref,
            start,
            end,
            refs | crefs,
            (names or cnames or [None])[0],
            drugs,
        )


def _claim_drugs(claim: Resource) -> frozenset[str]:
    """Ingredients a Claim's items (and their details) name by RxNorm, NDC or name."""
    return frozenset(d.ingredient for concept in _claim_products(claim.data) for d in drugs_in(concept))


def _claim_products(data: dict[str, Any]) -> Iterator[Any]:
    for item in dicts(data.get("item")):
        yield item.get("productOrService")
        for detail in dicts(item.get("detail")):
            yield detail.get("productOrService")
            for sub in dicts(detail.get("subDetail")):
                yield sub.get("productOrService")


def _parties(chart: Chart, value: object) -> tuple[frozenset[str], list[str]]:
    refs: set[str] = set()
    names: list[str] = []
    for party in dicts(value):
        org = chart.resolve(party)
        if org is not None:
            refs.add(org.ref)
            if isinstance(org.data.get("name"), str):
                names.append(org.data["name"])
            for i in dicts(org.data.get("identifier")):
                if isinstance(i.get("value"), str):
                    refs.add(f"{i.get('system', '')}|{i['value']}")
        elif isinstance(party.get("reference"), str):
            refs.add(party["reference"])
        if isinstance(party.get("display"), str):
            names.append(party["display"])
    return frozenset(refs), names


def specialties(chart: Chart) -> Iterator[Specialty]:
    for r in chart.of_type("PractitionerRole"):
        practitioner = chart.resolve(r.data.get("practitioner"))
        pref = practitioner.ref if practitioner else r.ref
        for s in dicts(r.data.get("specialty")):
            codes = {c.code for c in codings(s)}
            words = concept_words(s)
            onc = bool(codes & cx.concept_set("oncology_specialty")) or bool(_ONCOLOGY.search(words))
            text = concept_text(s) or ", ".join(sorted(codes)) or "specialty"
            yield Specialty(Evidence(r.ref, None, text), pref, onc, text)
    for r in chart.of_type("Practitioner"):
        for q in dicts(r.data.get("qualification")):
            words = concept_words(q.get("code"))
            if words:
                onc = bool(_ONCOLOGY.search(words)) or bool(
                    {c.code for c in codings(q.get("code"))} & cx.concept_set("oncology_specialty")
                )
                yield Specialty(
                    Evidence(r.ref, None, concept_text(q.get("code"))), r.ref, onc, concept_text(q.get("code"))
                )


def molecular_cpt(chart: Chart) -> Iterator[tuple[str, Evidence]]:
    known = cx.concept_set("molecular_cpt")
    for r in chart.of_type(
        "Procedure", "Observation", "DiagnosticReport", "ServiceRequest", "Claim", "ExplanationOfBenefit"
    ):
        concepts = [r.data.get("code")] + [i.get("productOrService") for i in dicts(r.data.get("item"))]
        for concept in concepts:
            for c in codings(concept):
                is_cpt = "cpt" in c.system.lower() or "ama-assn" in c.system.lower()
                if is_cpt and (c.code in known or _PLA.match(c.code)):
                    date = first_date(
                        r.data, "performedDateTime", "performedPeriod", "effectiveDateTime", "issued", "created"
                    )
                    yield c.code, Evidence(r.ref, date, f"CPT {c.code} {c.display}".strip())


_NOTE_WORDS = re.compile(
    r"\bnotes?\b|consult|progress|history\s+and\s+physical|\bh\s*&\s*p\b|summary|assessment|visit|encounter|"
    r"oncology|patholog|imaging|radiology",
    re.I,
)


def clinical_notes(chart: Chart) -> Iterator[Evidence]:
    """DocumentReferences that are clinical notes: the US Core clinical-note category, a clinical note type
    (LOINC), or a type whose words say so. A typed non-note (an insurance card, a consent, a VCF file) is
    not a chart note; an untyped document may be one and is kept."""
    notes_set = cx.concept_set("clinical_note_loinc")
    for r in chart.of_type("DocumentReference"):
        if status_of(r.data) == "entered-in-error":
            continue
        typed = [r.data.get("type"), *dicts(r.data.get("category"))]
        codes = {c.code for t in typed for c in codings(t)}
        words = " ".join(concept_words(t) for t in typed)
        untyped = not codes and not words.strip()
        if untyped or "clinical-note" in codes or codes & notes_set or _NOTE_WORDS.search(words):
            yield _document(r)


def documents(chart: Chart, *types: str) -> Iterator[Evidence]:
    for r in chart.of_type(*types):
        if status_of(r.data) != "entered-in-error":
            yield _document(r)


def _document(r: Resource) -> Evidence:
    date = first_date(r.data, "date", "effectiveDateTime", "effectivePeriod", "issued", "created", "billablePeriod")
    return Evidence(r.ref, date, concept_text(r.data.get("type")) or concept_text(r.data.get("code")) or r.type)


# Claim.use values that are not a bill for care given (a PA request or an estimate).
NOT_A_BILL = {"preauthorization", "predetermination"}


def therapy_claims(chart: Chart) -> Iterator[Evidence]:
    """Claims and EOBs billing systemic anticancer therapy (the "claims history" a payer asks for): an
    item naming an anticancer drug (RxNorm, NDC or name), or a chemotherapy administration (the CPT
    codes of ``systemic_therapy_procedure``) or chemotherapy drug (HCPCS J9000-J9999). Prior-authorization requests, estimates and
    other bills (pathology, imaging, visits) are not treatment claims."""
    administration = cx.concept_set("systemic_therapy_procedure")
    for r in chart.of_type("Claim", "ExplanationOfBenefit"):
        if status_of(r.data) in ("entered-in-error", "cancelled") or r.data.get("use") in NOT_A_BILL:
            continue
        products = list(_claim_products(r.data))
        drugs = sorted({d.ingredient for concept in products for d in drugs_in(concept) if d.anticancer})
        billed = [
            c
            for concept in products
            for c in codings(concept)
            if c.code in administration or cx.in_code_range("chemotherapy_hcpcs", c.code)
        ]
        if not drugs and not billed:
            continue
        date = first_date(r.data, "billablePeriod", "created")
        what = ", ".join(drugs) or ", ".join(f"{c.code} {c.display}".strip() for c in billed)
        yield Evidence(r.ref, date, f"{r.type}: {what}")
