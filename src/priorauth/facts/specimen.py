"""The specimen of a KRAS result: the chart's coding first, then its wording (the contract, 2026-11-30).

Coded: the Specimen the Observation (else its DiagnosticReport) points to, by its ``type`` (SNOMED CT,
HL7 v2 table 0487), then a plasma test code (the PLA codes of the liquid-biopsy companion tests) on the
Observation or report. Words: "circulating tumor DNA", ctDNA, cfDNA, liquid biopsy and plasma mean
plasma, and are read before the tissue words (so "circulating tumor DNA" is never "tumor" tissue).
"""

from __future__ import annotations

from typing import Any, Literal

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import codings, concept_words, dicts
from priorauth.terminology import concepts as cx

Specimen = Literal["tissue", "plasma"]


def coded(chart: Chart, *resources: dict[str, Any] | None) -> Specimen | None:
    """The specimen coded on the first of ``resources`` (an Observation, then its report) that codes one."""
    for data in resources:
        if not isinstance(data, dict):
            continue
        for ref in dicts(data.get("specimen")):
            target = chart.resolve(ref)
            found = _type_code(target.data.get("type")) if target is not None else None
            if found:
                return found
        codes = {c.code for c in codings(data.get("code"))}
        if codes & cx.concept_set("plasma_test_codes"):
            return "plasma"
    return None


def worded(*texts: str | None) -> Specimen | None:
    """The specimen the first text that names one names (plasma words before tissue words)."""
    for text in texts:
        if not text:
            continue
        if cx.PLASMA.search(text):
            return "plasma"
        if cx.TISSUE.search(text):
            return "tissue"
    return None


def specimen_words(chart: Chart, data: dict[str, Any] | None) -> str:
    """The words of the specimen a resource points to (its reference display and the Specimen's type)."""
    if not isinstance(data, dict):
        return ""
    words = []
    for ref in dicts(data.get("specimen")):
        words.append(str(ref.get("display", "")))
        target = chart.resolve(ref)
        if target is not None:
            words.append(concept_words(target.data.get("type")))
    return " ".join(w for w in words if w)


def _type_code(concept: Any) -> Specimen | None:
    codes = {c.code for c in codings(concept)}
    if codes & cx.concept_set("specimen_plasma"):
        return "plasma"
    if codes & cx.concept_set("specimen_tissue"):
        return "tissue"
    return None
