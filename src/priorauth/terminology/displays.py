"""People words for a coding: the chart's own display first, else the words priorauth keeps for the codes it
uses (``data/displays.yaml``: LOINC answers, NUCC taxonomy, SNOMED CT, HGNC; ICD-10-CM from
:mod:`priorauth.terminology.icd10`), each with where they come from; else the code itself."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from priorauth.terminology import icd10

ICD10_SOURCE = "ICD-10-CM (simple-icd-10-cm)"


@dataclass(frozen=True)
class Words:
    text: str  # what a person reads
    code: str  # system|code as the chart has it
    origin: str  # "the chart", the kept source's name and URL, or "code only"


@cache
def _data() -> dict[str, Any]:
    """``data/displays.yaml``, read once."""
    return yaml.safe_load(resources.files("priorauth.terminology").joinpath("data/displays.yaml").read_text("utf-8"))


@cache
def _kept() -> tuple[dict[tuple[str, str], tuple[str, str]], dict[str, tuple[str, str]]]:
    data = _data()
    by_system: dict[tuple[str, str], tuple[str, str]] = {}
    by_code: dict[str, tuple[str, str]] = {}
    for key, system in data["systems"].items():
        origin = f"{key.upper()} ({data['sources'][key]})"
        for code, text in system["codes"].items():
            by_system[(system["uri"], str(code))] = (str(text), origin)
            by_code.setdefault(str(code), (str(text), origin))
    return by_system, by_code


@cache
def _labels() -> dict[str, str]:
    return {s["uri"]: key.upper() for key, s in _data()["systems"].items()}


def coded(name: str, code: str, system: str | None = None) -> str:
    """A code after its words, one format for every output: ``Medical Oncology (Internal Medicine), NUCC
    207RX0202X`` (the system named when ``system`` is one priorauth knows, or when the code is one of
    its kept codes; else ``code 207RX0202X``)."""
    if not system:  # a bare code: the system of priorauth's kept code, if it is one
        system = next((uri for uri, kept_code in _kept()[0] if kept_code == code), "")
    return f"{name}, {_labels().get(system, 'code')} {code}"


def kept(code: str) -> str | None:
    """priorauth's words for a bare code (any system), or None."""
    found = _kept()[1].get(code)
    return found[0] if found else None


def words(coding: dict[str, Any], text: str | None = None) -> Words:
    """One coding in people words (``text``: the CodeableConcept's own text, used when no display)."""
    system, code = str(coding.get("system") or ""), str(coding.get("code") or "")
    shown = f"{system}|{code}" if system else code
    display = coding.get("display")
    if isinstance(display, str) and display.strip():
        return Words(display.strip(), shown, "the chart")
    by_system, by_code = _kept()
    kept = by_system.get((system, code)) or (by_code.get(code) if not system else None)
    if kept:
        return Words(kept[0], shown, kept[1])
    if "icd-10" in system.lower() or (not system and icd10.normalize(code)):
        found = icd10.description(icd10.normalize(code) or code)
        if found:
            return Words(found, shown, ICD10_SOURCE)
    if isinstance(text, str) and text.strip():
        return Words(text.strip(), shown, "the chart")
    return Words(code or "(no code)", shown, "code only: no display in the chart or in priorauth's tables")
