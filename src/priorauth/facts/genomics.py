"""KRAS results from Observations and DiagnosticReport conclusions, with specimen, date and test.

Coded values decide (LOINC answer codes LA9633-4 present / LA9634-2 absent); otherwise the short
value strings are read with the patterns of ``terminology.concepts``. Report conclusions and notes are read
by the clinical-text pipeline (``priorauth.text``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from priorauth.chart.chart import Chart
from priorauth.chart.fhir import codes_in, concept_text, concept_words, dicts, first_date, notes, status_of
from priorauth.chart.load import Resource
from priorauth.facts import specimen
from priorauth.facts.model import Evidence, KrasResult
from priorauth.terminology import concepts as cx

ANSWERS = {"LA9633-4": "present", "LA9634-2": "absent", "HGNC:6407": "KRAS"}
SKIP_STATUS = {"entered-in-error", "cancelled", "registered"}


def kras_results(chart: Chart) -> Iterator[KrasResult]:
    reports_by_result: dict[str, Resource] = {}
    for rep in chart.of_type("DiagnosticReport"):
        for ref in dicts(rep.data.get("result")):
            target = chart.resolve(ref)
            if target is not None:
                reports_by_result[target.ref] = rep
    for r in chart.of_type("Observation"):
        if status_of(r.data) in SKIP_STATUS:
            continue
        result = _observation(chart, r, reports_by_result.get(r.ref))
        if result is not None:
            yield result


def classify(text: str, coded: str | None = None) -> str | None:
    """A KRAS status from a short result string (and the coded presence answer, when there is one)."""
    negative = coded == "absent" or bool(cx.NEGATIVE_RESULT.search(text))
    if cx.G12C.search(text):
        return "g12c_absent" if negative else "g12c_present"
    if cx.OTHER_KRAS_VARIANT.search(text) and not negative:
        return "other_variant"
    if negative:
        return "negative"
    if coded == "present":
        return "unspecified"
    return None


def _observation(chart: Chart, r: Resource, report: Resource | None) -> KrasResult | None:
    data = r.data
    code = data.get("code")
    components = list(dicts(data.get("component")))
    gene_codes = {c for comp in components for c in codes_in(comp.get("valueCodeableConcept"), "")}
    texts = [_value_text(data)] + [_value_text(comp) for comp in components]
    words = " ".join(t for t in texts if t)
    about_kras = bool(gene_codes & cx.concept_set("kras_gene")) or bool(
        cx.KRAS.search(f"{concept_words(code)} {words}")
    )
    if not about_kras:
        return None
    value_codes = codes_in(data.get("valueCodeableConcept"), "")
    coded = (
        "present"
        if value_codes & cx.concept_set("variant_present")
        else "absent"
        if value_codes & cx.concept_set("variant_absent")
        else None
    )
    status = classify(words, coded)
    if status is None:
        return None
    date = first_date(data, "effectiveDateTime", "effectivePeriod", "issued")
    if date is None and report is not None:
        date = first_date(report.data, "effectiveDateTime", "effectivePeriod", "issued")
    test = _test_name(data, report)
    kind = _specimen(chart, data, report, test, f"{concept_words(code)} | {words}")
    text = f"{concept_text(code)}: {words}".strip(": ")
    report_ref = report.ref if report else None
    return KrasResult(Evidence(r.ref, date, text), status, kind, test, date is not None, report_ref)  # type: ignore[arg-type]


def _value_text(data: dict[str, Any]) -> str:
    for key in ("valueString", "valueCodeableConcept"):
        v = data.get(key)
        if isinstance(v, str) and v.strip():
            return v.strip()
        if isinstance(v, dict):
            codes = codes_in(v, "")
            named = [ANSWERS.get(c, c) for c in sorted(codes)]
            t = concept_text(v) or " ".join(named)
            if t:
                return t
    return ""


def _test_name(data: dict[str, Any], report: Resource | None) -> str | None:
    method = concept_text(data.get("method"))
    if method:
        return method
    if report is not None:
        return concept_text(report.data.get("code")) or None
    return None


def _specimen(chart: Chart, data: dict[str, Any], report: Resource | None, test: str | None, code_words: str) -> str:
    """Coded first (the Specimen's type, a plasma test code), then words (``facts.specimen``)."""
    rep = report.data if report is not None else None
    return (
        specimen.coded(chart, data, rep)
        or specimen.worded(
            specimen.specimen_words(chart, data),
            specimen.specimen_words(chart, rep),
            test,
            code_words,
            concept_words(rep.get("code")) if rep else None,
        )
        or "unknown"
    )


# CLIA numbers are issued under this OID (CMS); vendors also name the system or the identifier type "CLIA".
CLIA_OID = "urn:oid:2.16.840.1.113883.4.7"
CLIA_WORDS = re.compile(r"\bCLIA\b|clinical\s+laborator(?:y|ies)\s+improvement\s+amendments?", re.I)


def performer_clia(chart: Chart, refs: list[str]) -> str | None:
    """A CLIA identifier on the performing Organization (or its display) of the resources ``refs``."""
    for ref in refs:
        r = chart.resolve(ref)
        if r is None:
            continue
        for party in [*dicts(r.data.get("performer")), *dicts(r.data.get("resultsInterpreter"))]:
            org = chart.resolve(party)
            if org is not None and org.type == "Organization":
                for i in dicts(org.data.get("identifier")):
                    kind = f"{i.get('system', '')} {concept_text(i.get('type'))} {codes_in(i.get('type'), '')}"
                    if isinstance(i.get("value"), str) and (i.get("system") == CLIA_OID or "clia" in kind.lower()):
                        return f"CLIA {i['value']} on {org.ref} ({org.data.get('name') or 'performing laboratory'})"
            if isinstance(party.get("display"), str) and CLIA_WORDS.search(party["display"]):
                return f"performer: {party['display']}"
    return None


def with_lab(result: KrasResult, chart: Chart, texts: dict[str, str]) -> KrasResult:
    """The result with what its report states about the lab: the report's whole text (an FDA-approved
    test may be named anywhere in it) and CLIA certification (its text, or the performer's identifier)."""
    base = result.evidence.source.split("#", 1)[0]
    refs = [base] + ([result.report] if result.report and result.report != base else [])
    parts = [texts.get(ref, "") for ref in refs]
    for ref in refs:
        r = chart.resolve(ref)
        if r is not None:
            parts += [*notes(r.data), concept_text(r.data.get("method")), concept_text(r.data.get("code"))]
    lab_text = "\n".join(p for p in parts if p).strip()
    clia = performer_clia(chart, refs)
    if clia is None:
        clia = _clia_stated(lab_text)
    return replace(result, clia=clia, lab_text=lab_text)


@lru_cache(maxsize=1024)
def _clia_stated(lab_text: str) -> str | None:
    """The line of a report's text that states CLIA certification (cached: a report with many results, or a
    chart re-evaluated, searches its text once)."""
    m = CLIA_WORDS.search(lab_text)
    if m is None:
        return None
    line_start = lab_text.rfind("\n", 0, m.start()) + 1
    line_end = lab_text.find("\n", m.end())
    return f'the report states: "{lab_text[line_start : line_end if line_end >= 0 else None].strip()[:160]}"'
