"""The coordinator's text report: a deceased patient said first and given no schedule; long evidence
lists capped with the rest grouped (the JSON keeps every item)."""

from __future__ import annotations

import copy
import json

import priorauth
from priorauth.outputs.evidence import capped
from priorauth.outputs.text import render
from tests.conftest import ROOT

CHART = json.loads((ROOT / "examples/nsclc-ready.json").read_text())


def _patched(**fields: object) -> dict:
    chart = copy.deepcopy(CHART)
    for e in chart["entry"]:
        if e["resource"]["resourceType"] == "Patient":
            e["resource"].update(fields)
    return chart


def test_a_deceased_patient_is_the_first_line_and_gets_no_schedule() -> None:
    doc = priorauth.check(_patched(deceasedDateTime="2026-11-01"), as_of="2026-11-20")
    text = render(doc)
    first = text.splitlines()[0]
    assert first.startswith("DECEASED: the patient is recorded as deceased on 2026-11-01: do not submit")
    assert "Liver test monitoring" not in text and "deceased)" in text.splitlines()[2]
    assert doc["monitoring"], "the contract's JSON is unchanged: views change, not the contract"


def test_a_living_patient_report_is_unchanged_at_the_top() -> None:
    text = render(priorauth.check(CHART, as_of="2026-11-20"))
    assert text.startswith("sotorasib prior authorization - ") and "Liver test monitoring" in text


def _ev(n: int, kind: str, text: str, year: int) -> dict:
    return {"source": f"{kind}/{text}{n}", "date": f"{year}-01-{n % 28 + 1:02d}", "text": text}


def test_long_evidence_shows_the_first_items_and_groups_the_rest() -> None:
    evidence = [_ev(i, "MedicationRequest", "cisplatin", 2008 + i % 5) for i in range(90)]
    evidence.insert(0, {"source": "Observation/kras1", "date": "2025-01-25", "text": "KRAS G12C"})
    evidence.append(_ev(1, "Procedure", "chemotherapy", 2012))
    shown, groups = capped(evidence)
    assert shown[0]["source"] == "Observation/kras1" and len(shown) == 5
    assert [g.line() for g in groups] == [
        "and 86 more MedicationRequest: cisplatin, 2008-2012",
        "and 1 more Procedure: chemotherapy, 2012",
    ]
    assert sum(g.count for g in groups) + len(shown) == len(evidence)
