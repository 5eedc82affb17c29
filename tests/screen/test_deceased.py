"""The screening summary counts patients recorded as deceased apart: never ready, one document away, a
renewal or a liver test due; listed in their own section; the determinations stay as the contract says."""

from __future__ import annotations

import copy
import json

import priorauth
from priorauth.screen import report, summary_text
from priorauth.screen.rows import Summary, row
from tests.conftest import ROOT

CHART = json.loads((ROOT / "examples/nsclc-ready.json").read_text())


def _doc(deceased: bool) -> dict:
    chart = copy.deepcopy(CHART)
    if deceased:
        for e in chart["entry"]:
            if e["resource"]["resourceType"] == "Patient":
                e["resource"]["deceasedDateTime"] = "2026-11-01"
    return priorauth.check(chart, as_of="2026-11-20")


def test_a_deceased_patient_is_counted_apart() -> None:
    alive, dead = _doc(False), _doc(True)
    assert alive["overall"] == dead["overall"] == "ready"
    s = Summary()
    s.add(row(alive))
    s.add({**row(dead), "patient_id": "dead-1"})
    d = s.as_dict()
    assert d["candidates"] == 2 and d["overall"] == {"ready": 2}  # the contract's statuses, all counted
    assert d["ready"] == 1 and s.ready == [alive["patient"]["id"]]
    assert d["deceased"] == 1 and s.deceased == ["dead-1"]
    r = row(dead)
    assert r["deceased"] and r["next_lft_due"] is None and not r["lft_due"] and not r["renewal_due"]


def test_the_report_and_the_printed_summary_say_so() -> None:
    s = Summary()
    s.add({**row(_doc(True)), "patient_id": "dead-1"})
    page = report.render(
        {
            "screening": s.as_dict(),
            "scan": {"file_problems": [], "corrupt_lines": 0, "not_fhir_lines": 0, "unknown_types": {},
                     "shared_without_id": 0, "by_type": {}},
            "groups": {"patients": 1, "missing_patient_ids": 0, "missing_patient_resources": 0, "errors": {}},
            "drug": "sotorasib", "export": "x", "as_of": "2026-11-20", "engine": "duckdb", "seconds": 1.0,
        },
        s,
    )  # fmt: skip
    assert "<h2>Recorded as deceased (1): do not submit</h2>" in page and "<td>dead-1</td>" in page
    assert "<h2>Ready to submit (0)</h2>" in page
    head = summary_text._explain(_doc(True))[0]
    assert head.endswith(" - DECEASED: do not submit")
