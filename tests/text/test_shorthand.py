"""Oncology shorthand in notes drives the criteria (issue 13, class 5): PD / POD / "progressed" /
"progression on" / RECIST PD, arrows, s/p, c/b, w/, regimen shorthand and US dates (7/1/2026, 6/30/26,
6/2026 as a partial date). Table-driven on the default pack's base chart, therapy and progression
removed so the note alone must settle them."""

from __future__ import annotations

import base64
from typing import Any

import pytest

import priorauth
from tests.conftest import bundle, load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]
CODED = ("carbo1", "pem1", "pembro1", "status1")


def note(text: str, date: str = "2026-07-10") -> dict[str, Any]:
    return {
        "resourceType": "DocumentReference",
        "id": "n1",
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}]},
        "date": date,
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }


def run(text: str) -> dict[str, Any]:
    resources = [r for r in SPEC["base"] if r["id"] not in CODED] + [note(text)]
    return priorauth.check(bundle(resources), as_of=AS_OF)


def crit(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in doc["criteria"] if c["id"] == cid)


CASES = [
    # (name, note, {criterion: status}, progression date cited or None)
    (
        "the issue's note",
        "68M w/ mNSCLC, s/p 4C carbo/pem/pembro (last 3/15/2026), PD 7/1/2026 (new liver mets).",
        {"prior_systemic_therapy": "met", "disease_progression": "met"},
        "2026-07-01",
    ),
    (
        "POD on a regimen, in an A/P section",
        "A/P: POD on carbo/pem/pembro 5/2026 -> plan 2L sotorasib.",
        {"prior_systemic_therapy": "met", "disease_progression": "met"},
        "2026-05",
    ),
    (
        "arrows and maintenance",
        "Tx hx: carbo/pem/pembro x4 (2/2025) → pembro maint → PD 6/30/26.",
        {"prior_systemic_therapy": "met", "disease_progression": "met"},
        "2026-06-30",
    ),
    (
        "RECIST PD",
        "Carboplatin/pemetrexed/pembrolizumab C1D1 2/3/2025. CT 6/30/26: RECIST PD, new R adrenal met.",
        {"disease_progression": "met"},
        "2026-06-30",
    ),
    (
        "progressed on second line",
        "Progressed on 2L docetaxel/ram (started 9/2025) in 3/2026.",
        {"prior_systemic_therapy": "met", "disease_progression": "met"},
        "2026-03",
    ),
    (
        "progression on, with c/b",
        "1L carbo/pem/pembro 1/2025-6/2025 c/b pneumonitis; progression on pembro maint 10/2025.",
        {"disease_progression": "met"},
        "2025-10",
    ),
    (
        "Parkinson's PD is not progression",
        "PMH: HTN, PD (Parkinson disease). s/p 4C carbo/pem/pembro 2025.",
        {"disease_progression": "insufficient"},
        None,
    ),
    (
        "post-op day is not progression",
        "POD 2 s/p RLL lobectomy; adjuvant cis/pem planned.",
        {"disease_progression": "insufficient"},
        None,
    ),
]


@pytest.mark.parametrize(("name", "text", "want", "when"), CASES, ids=[c[0] for c in CASES])
def test_shorthand(name: str, text: str, want: dict[str, str], when: str | None) -> None:
    doc = run(text)
    assert {cid: crit(doc, cid)["status"] for cid in want} == want, name
    if when:
        prog = crit(doc, "disease_progression")
        assert when in [e["date"] for e in prog["evidence"]], prog["evidence"]
        assert all(e["source"].startswith("DocumentReference/n1#char=") for e in prog["evidence"])
