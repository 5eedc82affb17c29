"""People words for codes: the chart's display first, then the words priorauth keeps with their source,
then ICD-10-CM's description, else the code (table-driven)."""

from __future__ import annotations

import pytest

from priorauth.terminology import concepts
from priorauth.terminology.displays import _kept, coded, words

LOINC, NUCC, ICD = "http://loinc.org", "http://nucc.org/provider-taxonomy", "http://hl7.org/fhir/sid/icd-10-cm"


@pytest.mark.parametrize(
    ("coding", "text", "said", "origin"),
    [
        ({"system": LOINC, "code": "LA9633-4", "display": "Detected"}, None, "Detected", "the chart"),
        ({"system": LOINC, "code": "LA9633-4"}, None, "Present", "LOINC (https://loinc.org/)"),
        ({"system": LOINC, "code": "LA9634-2"}, None, "Absent", "LOINC (https://loinc.org/)"),
        ({"system": NUCC, "code": "207RX0202X"}, None, "Medical Oncology (Internal Medicine)", "NUCC (https://taxonomy.nucc.org/)"),
        ({"system": ICD, "code": "C3490"}, None, "Malignant neoplasm of unspecified part of unspecified bronchus or lung", "ICD-10-CM (simple-icd-10-cm)"),
        ({"system": "http://example.org/local", "code": "X1"}, "KRAS panel", "KRAS panel", "the chart"),
        ({"system": "http://example.org/local", "code": "X1"}, None, "X1", "code only: no display in the chart or in priorauth's tables"),
    ],
)
def test_words(coding: dict, text: str | None, said: str, origin: str) -> None:
    w = words(coding, text)
    assert (w.text, w.origin) == (said, origin)


def test_every_kept_code_is_one_priorauth_uses() -> None:
    """The table keeps words only for codes of the concept sets (no invented vocabulary)."""
    used = set().union(*(concepts.concept_set(name) for name in concepts._data()["sets"]))
    assert {code for _, code in _kept()[0]} <= used


@pytest.mark.parametrize(
    ("name", "code", "system", "line"),
    [
        ("Medical Oncology (Internal Medicine)", "207RX0202X", None, "Medical Oncology (Internal Medicine), NUCC 207RX0202X"),
        ("Medical Oncology (Internal Medicine)", "207RX0202X", NUCC, "Medical Oncology (Internal Medicine), NUCC 207RX0202X"),
        ("Present", "LA9633-4", LOINC, "Present, LOINC LA9633-4"),
        ("Oncology", "207RX0202X", "http://example.org/local", "Oncology, code 207RX0202X"),
        ("Local panel", "X1", None, "Local panel, code X1"),
    ],
)
def test_one_format_for_a_code_after_its_words(name: str, code: str, system: str | None, line: str) -> None:
    """The packet's prescriber row and the evidence lines name a code the same way (no double brackets)."""
    assert coded(name, code, system) == line
