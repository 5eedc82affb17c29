"""The text reader meets its quality targets on the labelled corpus, per fact type, and finds nothing
where there is nothing in the real Synthea notes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SHARED

_spec = importlib.util.spec_from_file_location("text_quality", ROOT / "scripts/text_quality.py")
text_quality = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(text_quality)  # type: ignore[union-attr]

ITEMS = yaml.safe_load((Path(__file__).parent / "corpus.yaml").read_text())["items"]
TABLE = text_quality.score(ITEMS)


def test_corpus_is_large_and_labelled_with_known_types() -> None:
    assert len(ITEMS) >= 200
    assert len({i["id"] for i in ITEMS}) == len(ITEMS)
    for item in ITEMS:
        for fact in item["facts"] or []:
            assert fact["type"] in text_quality.TYPES, item["id"]


@pytest.mark.parametrize("fact_type", text_quality.TYPES)
def test_precision_and_recall_targets(fact_type: str) -> None:
    row = TABLE[fact_type]
    assert row["tp"] > 0, f"the corpus has no {fact_type} facts"
    assert row["precision"] >= 0.95, row
    assert row["recall"] >= 0.90, row


def test_synthea_notes_hold_no_kras_and_no_therapy_without_cancer() -> None:
    if not (SHARED / "data/synthea-bulk-10/DocumentReference.000.ndjson").exists():
        pytest.skip("../shared/data absent")
    found = text_quality.synthea()
    assert found["notes"] == 1215
    by_patient = found["findings_by_patient"]
    assert not any(k.startswith("kras=") for p in by_patient.values() for k in p)
    nsclc = "129c6ac7-8d06-89de-ad63-0204a93e76c3"
    assert not any(k.startswith("therapy=") for pid, p in by_patient.items() if pid != nsclc for k in p)
    assert {"therapy=cisplatin", "therapy=paclitaxel"} <= set(by_patient[nsclc])
