"""The compact ICD-10-CM table agrees with simple-icd-10-cm, and normalisation reads real-world spellings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from priorauth.terminology import icd10

TABLE = Path(__file__).resolve().parents[2] / "src/priorauth/terminology/data/icd10cm.json"


def test_table_matches_the_library() -> None:
    cm = pytest.importorskip("simple_icd_10_cm")
    data = json.loads(TABLE.read_text())
    expected = {}
    for cat in data["categories"]:
        for code in [cat, *cm.get_descendants(cat)]:
            expected[cm.add_dot(code)] = [cm.is_leaf(code), cm.get_description(code)]
    assert data["codes"] == expected


@pytest.mark.parametrize(
    ("raw", "norm", "billable"),
    [
        ("C34.11", "C34.11", True),
        ("c3411", "C34.11", True),
        (" C34.90 ", "C34.90", True),
        ("C341", "C34.1", False),
        ("C34", "C34", False),
        ("C7951", "C79.51", True),
        ("C19", "C19", True),
        ("J8410", "J84.10", True),
        ("C34.99", "C34.99", False),  # shaped like a code, not in ICD-10-CM
        ("254637007", None, False),
        ("", None, False),
    ],
)
def test_normalize_and_billable(raw: str, norm: str | None, billable: bool) -> None:
    assert icd10.normalize(raw) == norm
    assert icd10.billable(norm or "") is billable
