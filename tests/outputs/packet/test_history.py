"""The treatment history table: one span per drug, same-day starts as one regimen, the requested order
left out of an initial request's history, progression between a regimen's start and the next one's."""

from __future__ import annotations

import pytest

from priorauth.facts.model import DiseaseStatus, Evidence, Facts, MedUse, PatientFact
from priorauth.outputs.packet.history import treatment_history
from priorauth.terminology.drugs import vocabulary


def use(
    ing: str, start: str, end: str | None = None, status: str = "completed", kind: str = "request", remarks: str = ""
) -> MedUse:
    drug = vocabulary().drugs[ing]
    ev = Evidence(f"MedicationRequest/{ing}-{start}", start, ing)
    return MedUse(ev, kind, status, (drug,), start, end, False, remarks)  # type: ignore[arg-type]


def worse(day: str) -> DiseaseStatus:
    return DiseaseStatus(Evidence(f"Observation/s-{day}", day, "progressive disease"), "worsened")


def facts(*meds: MedUse, statuses: tuple[DiseaseStatus, ...] = ()) -> Facts:
    p = PatientFact("p", "P", "1960-01-01", False, None, Evidence("Patient/p", None, "Patient"))
    return Facts(patient=p, meds=list(meds), statuses=list(statuses))


CASES = [
    (
        "same-day starts are one regimen",
        facts(use("carboplatin", "2025-01-01", "2025-04-01"), use("pemetrexed", "2025-01-01", "2025-05-01")),
        False,
        [("carboplatin + pemetrexed", "2025-01-01", "2025-05-01", "completed", "none recorded")],
    ),
    (
        "progression falls in the regimen before the next one",
        facts(
            use("carboplatin", "2025-01-01", "2025-04-01"),
            use("docetaxel", "2025-06-01", None, "stopped", remarks="neutropenia"),
            statuses=(worse("2025-05-10"), worse("2025-09-01")),
        ),
        False,
        [
            ("carboplatin", "2025-01-01", "2025-04-01", "completed", "2025-05-10: progressive disease"),
            ("docetaxel", "2025-06-01", "2025-06-01", "neutropenia", "2025-09-01: progressive disease"),
        ],
    ),
    (
        "the requested order is not history on an initial request",
        facts(use("carboplatin", "2025-01-01", "2025-04-01"), use("sotorasib", "2026-11-01", None, "active")),
        False,
        [("carboplatin", "2025-01-01", "2025-04-01", "completed", "none recorded")],
    ),
    (
        "on a renewal it is, and ongoing",
        facts(use("sotorasib", "2026-05-01", None, "active")),
        True,
        [("sotorasib (requested drug)", "2026-05-01", None, "ongoing", "none recorded")],
    ),
    ("nothing recorded", facts(), False, []),
]


@pytest.mark.parametrize(("what", "f", "renewal", "rows"), CASES, ids=[c[0] for c in CASES])
def test_treatment_history(what: str, f: Facts, renewal: bool, rows: list[tuple[str, ...]]) -> None:
    got = [(r.regimen, r.start, r.end, r.stopped, r.progression) for r in treatment_history(f, "sotorasib", renewal)]
    assert got == rows
