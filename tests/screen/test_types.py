"""The screening shortcuts stay in step with the evaluator: the resource types it hands a candidate's
evaluation are every type the evaluator's code reads, and the vital signs it leaves out are in no concept set."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import priorauth
from priorauth.screen.evaluate import VITAL_SIGNS_LOINC, _plain_vital_sign
from priorauth.screen.fhir_types import EVALUATED_TYPES, R4_RESOURCE_TYPES

SRC = Path(priorauth.__file__).parent
READERS = ("facts", "text", "evaluate", "chart")  # what api.check runs


def _quoted_types(text: str) -> set[str]:
    return {t for t in re.findall(r'"([A-Z][A-Za-z]+)"', text) if t in R4_RESOURCE_TYPES}


def test_every_type_the_evaluator_names_is_handed_to_it() -> None:
    named: set[str] = set()
    for folder in READERS:
        for f in (SRC / folder).rglob("*.py"):
            named |= _quoted_types(f.read_text("utf-8"))
    missing = named - EVALUATED_TYPES - {"Bundle"}  # a Bundle is unpacked by the loader, never a chart resource
    assert not missing, f"the evaluator reads {sorted(missing)}: add them to fhir_types.EVALUATED_TYPES"


def test_no_vital_sign_code_is_in_a_concept_set() -> None:
    data = yaml.safe_load((SRC / "terminology/data/concepts.yaml").read_text("utf-8"))
    codes = {str(c) for s in data["sets"].values() for c in s["codes"]}
    assert not codes & VITAL_SIGNS_LOINC


def _obs(**kw: object) -> dict:
    vital = {
        "coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]
    }
    return {
        "resourceType": "Observation",
        "category": [vital],
        "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
        **kw,
    }


def test_plain_vital_signs_only() -> None:
    assert _plain_vital_sign(_obs(valueQuantity={"value": 120}))
    assert not _plain_vital_sign(_obs(note=[{"text": "KRAS G12C positive"}]))  # text: the evaluator reads it
    assert not _plain_vital_sign(_obs(valueString="x" * 50))
    assert not _plain_vital_sign(_obs(code={"coding": [{"system": "http://loinc.org", "code": "1742-6"}]}))  # ALT
    assert not _plain_vital_sign(_obs(category=[{"text": "vital-signs"}]))
    assert not _plain_vital_sign(_obs(component=[{"code": {"text": "KRAS"}}]))
    assert not _plain_vital_sign({**_obs(), "category": "vital-signs"})  # a malformed shape is kept
