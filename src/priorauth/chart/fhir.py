"""Tolerant readers for FHIR elements as real exports write them (missing, partial, mistyped)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from priorauth.chart import dates

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"


class Coding(NamedTuple):
    system: str
    code: str
    display: str


def codings(concept: Any) -> list[Coding]:
    """Every coding of a CodeableConcept (or a bare Coding), with missing parts as empty strings."""
    if not isinstance(concept, dict):
        return []
    raw = concept.get("coding")
    items = raw if isinstance(raw, list) else ([concept] if "code" in concept or "system" in concept else [])
    out = []
    for c in items:
        if isinstance(c, dict):
            out.append(Coding(_s(c.get("system")), _s(c.get("code")).strip(), _s(c.get("display"))))
    return out


def concept_text(concept: Any) -> str:
    """The human words of a CodeableConcept: its text, else its displays."""
    if not isinstance(concept, dict):
        return _s(concept)
    text = _s(concept.get("text"))
    if text:
        return text
    return "; ".join(c.display for c in codings(concept) if c.display)


def concept_words(concept: Any) -> str:
    """Text and every display, lower-cased, for keyword matching."""
    parts = [_s(concept.get("text"))] if isinstance(concept, dict) else []
    parts += [c.display for c in codings(concept)]
    return " | ".join(p for p in parts if p).lower()


def codes_in(concept: Any, system_hint: str) -> set[str]:
    """Codes whose system contains ``system_hint`` (e.g. ``"snomed"``, ``"loinc"``)."""
    return {c.code for c in codings(concept) if system_hint in c.system.lower() and c.code}


def date_of(value: Any) -> str | None:
    """The calendar date as written (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the first 10 characters of
    a dateTime), from a date, dateTime, Period or instant; None when absent or unreadable (a month 13, a
    February 30: ``facts.extract`` warns about those). Compare with :mod:`priorauth.chart.dates`."""
    if isinstance(value, dict):  # Period: start, else end
        return date_of(value.get("start")) or date_of(value.get("end"))
    return dates.text_of(value)


def first_date(data: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        d = date_of(data.get(key))
        if d:
            return d
    return None


def period_end(value: Any) -> str | None:
    return date_of(value.get("end")) if isinstance(value, dict) else None


def status_of(data: dict[str, Any]) -> str:
    s = data.get("status")
    return s.lower() if isinstance(s, str) else ""


def clinical_status(data: dict[str, Any]) -> str:
    cs = codings(data.get("clinicalStatus"))
    return cs[0].code.lower() if cs else ""


def as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def dicts(value: Any) -> Iterator[dict[str, Any]]:
    for v in as_list(value):
        if isinstance(v, dict):
            yield v


def notes(data: dict[str, Any]) -> list[str]:
    return [n["text"] for n in dicts(data.get("note")) if isinstance(n.get("text"), str)]


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def human_name(data: dict[str, Any]) -> str | None:
    for n in dicts(data.get("name")):
        if isinstance(n.get("text"), str) and n["text"].strip():
            return n["text"].strip()
        given = " ".join(g for g in as_list(n.get("given")) if isinstance(g, str))
        family = n.get("family") if isinstance(n.get("family"), str) else ""
        full = f"{given} {family}".strip()
        if full:
            return full
    return None


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ""
