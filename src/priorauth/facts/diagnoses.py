"""Conditions (and stage observations) -> diagnoses with site, histology, stage and spread."""

from __future__ import annotations

import re
from collections.abc import Iterator

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import codes_in, codings, concept_text, concept_words, dicts, first_date
from priorauth.chart.load import Resource
from priorauth.facts import staging
from priorauth.facts.model import Diagnosis, Evidence
from priorauth.terminology import concepts as cx
from priorauth.terminology import icd10

EXCLUDED_VERIFICATION = {"refuted", "entered-in-error", "provisional", "differential"}


def diagnoses(chart: Chart) -> Iterator[Diagnosis]:
    for r in chart.of_type("Condition"):
        d = _condition(r)
        if d is not None:
            yield d
    for r in chart.of_type("Observation"):
        d = staging.observation(r)  # coded TNM categories and stage groups
        if d is not None:
            yield d


def condition(r: Resource) -> Diagnosis | None:
    """One Condition as a diagnosis (None when it is not one, e.g. refuted, suspected, or not a cancer/ILD)."""
    return _condition(r)


def _condition(r: Resource) -> Diagnosis | None:
    data = r.data
    ver = codings(data.get("verificationStatus"))
    if ver and ver[0].code.lower() in EXCLUDED_VERIFICATION:
        return None
    code = data.get("code")
    words = concept_words(code)
    if "suspected" in words or "history of" in words:
        return None
    icd = tuple(dict.fromkeys(c for c in _icd_codes(code)))
    snomed = codes_in(code, "snomed")
    stage_words = " ".join(concept_words(s.get("summary")) for s in dicts(data.get("stage")))
    stage_codes = {c for s in dicts(data.get("stage")) for c in codes_in(s.get("summary"), "snomed")}
    stage = cx.stage_from_codes(snomed | stage_codes) or cx.stage_from_text(f"{words} {stage_words}")
    site = _site(icd, snomed, words)
    histology = _histology(snomed, words)
    if site == "other" and stage is None:
        return None
    if site == "unspecified" and stage is None and histology is None:
        return None
    spread = site == "secondary" or bool(cx.METASTATIC.search(words)) or stage == 4
    date = first_date(data, "onsetDateTime", "onsetPeriod", "recordedDate", "onsetString")
    return Diagnosis(Evidence(r.ref, date, concept_text(code) or ", ".join(icd)), site, icd, histology, stage, spread)


def _icd_codes(code: object) -> Iterator[str]:
    for c in codings(code):
        if "icd-10" in c.system.lower() or "icd10" in c.system.lower():
            norm = icd10.normalize(c.code)
            if norm:
                yield norm


def _site(icd: tuple[str, ...], snomed: set[str], words: str) -> str:
    if any(icd10.in_range(c, "C77", "C79") for c in icd) or snomed & cx.concept_set("secondary_malignancy"):
        return "secondary"
    if any(c.startswith("C34") for c in icd):
        return "lung"
    if any(icd10.in_range(c, "C18", "C20") for c in icd) or snomed & cx.concept_set("colorectal_cancer"):
        return "colorectal"
    if any(c.startswith(("J84", "J70.2", "J70.3", "J70.4")) for c in icd) or snomed & cx.concept_set("ild"):
        return "ild"
    lung_sets = cx.concept_set("histology_nsclc") | cx.concept_set("histology_sclc")
    if snomed & (lung_sets | cx.concept_set("lung_cancer_unspecified")):
        return "lung"
    if cx.ILD.search(words):
        return "ild"
    if "secondary malignan" in words or "metastasis to" in words or "metastases" in words:
        return "secondary"
    if cx.MALIGNANT.search(words):
        if cx.LUNG.search(words) or re.search(r"non[\s-]?small[\s-]?cell", words, re.I):
            return "lung"
        if cx.COLORECTAL.search(words):
            return "colorectal"
    if any(c.startswith("C") for c in icd) or cx.OTHER_SITE.search(words):
        return "other"  # another primary site (pancreas C25, breast C50, ...): its histology is not lung cancer
    return "unspecified" if cx.MALIGNANT.search(words) or snomed else "other"


def _histology(snomed: set[str], words: str) -> str | None:
    if snomed & cx.concept_set("histology_sclc"):
        return "sclc"
    if snomed & cx.concept_set("histology_nsclc"):
        return "nsclc"
    if cx.SMALL_CELL.search(words) and not cx.NSCLC.search(words):
        return "sclc"
    if cx.NSCLC.search(words):
        return "nsclc"
    return None
