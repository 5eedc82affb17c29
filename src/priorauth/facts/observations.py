"""Liver tests with reference ranges, and cancer disease-status assessments."""

from __future__ import annotations

import re
from collections.abc import Iterator

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import codes_in, concept_text, concept_words, dicts, first_date, notes, number, status_of
from priorauth.facts.model import DiseaseStatus, Evidence, LabResult
from priorauth.terminology import concepts as cx

ANALYTES = ("alt", "ast", "alp", "tbili")
_ANALYTE_WORDS = {
    "alt": re.compile(r"alanine aminotransferase|\balt\b|\bsgpt\b", re.I),
    "ast": re.compile(r"aspartate aminotransferase|\bast\b|\bsgot\b", re.I),
    "alp": re.compile(r"alkaline phosphatase|\balk\s*phos\b|\balp\b", re.I),
    "tbili": re.compile(r"bilirubin[.,\s]*total|total bilirubin|\btbili\b", re.I),
}
_WORSE = re.compile(r"progress|worse|new (?:lesion|metasta)", re.I)
_STABLE = re.compile(r"\bstable\b", re.I)
_BETTER = re.compile(r"improv|partial response|complete response|\bresponse\b|regress", re.I)
SKIP = {"entered-in-error", "cancelled", "registered"}


def lab_results(chart: Chart) -> Iterator[LabResult]:
    for r in chart.of_type("Observation"):
        if status_of(r.data) in SKIP:
            continue
        code = r.data.get("code")
        analyte = _analyte(codes_in(code, "loinc"), concept_words(code))
        if analyte is None:
            continue
        q = r.data.get("valueQuantity") if isinstance(r.data.get("valueQuantity"), dict) else {}
        value = number(q.get("value"))
        high = next(
            (
                number((rr.get("high") or {}).get("value"))
                for rr in dicts(r.data.get("referenceRange"))
                if isinstance(rr.get("high"), dict)
            ),
            None,
        )
        unit = str(q.get("unit") or q.get("code") or "")
        date = first_date(r.data, "effectiveDateTime", "effectivePeriod", "issued")
        text = f"{concept_text(code)}: {value if value is not None else '?'} {unit}".strip()
        uln = high if high is not None else cx.default_uln(analyte)
        yield LabResult(Evidence(r.ref, date, f"{text} (ULN {uln:g})"), analyte, value, unit, uln, high is None)  # type: ignore[arg-type]


def _analyte(loinc: set[str], words: str) -> str | None:
    for a in ANALYTES:
        if loinc & cx.concept_set(f"lft_{a}"):
            return a
    if loinc:  # a coded test that is not an LFT: do not guess from its words
        return None
    return next((a for a in ANALYTES if _ANALYTE_WORDS[a].search(words)), None)


def disease_statuses(chart: Chart) -> Iterator[DiseaseStatus]:
    for r in chart.of_type("Observation"):
        if status_of(r.data) in SKIP:
            continue
        if not codes_in(r.data.get("code"), "loinc") & cx.concept_set("cancer_disease_status_loinc"):
            continue
        value = r.data.get("valueCodeableConcept")
        snomed = codes_in(value, "snomed")
        status = (
            "worsened"
            if snomed & cx.concept_set("status_worsened")
            else "stable"
            if snomed & cx.concept_set("status_stable")
            else "improved"
            if snomed & cx.concept_set("status_improved")
            else _status_from_words(concept_words(value) or str(r.data.get("valueString", "")))
        )
        if status is None:
            continue
        words = "; ".join(
            [concept_text(value) or str(r.data.get("valueString", "")) or f"disease {status}", *notes(r.data)]
        )
        date = first_date(r.data, "effectiveDateTime", "effectivePeriod", "issued")
        yield DiseaseStatus(Evidence(r.ref, date, words), status)


def _status_from_words(words: str) -> str | None:
    if _WORSE.search(words):
        return "worsened"
    if _STABLE.search(words):
        return "stable"
    if _BETTER.search(words):
        return "improved"
    return None
