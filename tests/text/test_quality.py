"""The text reader meets its quality targets on the labelled tuning corpus, per fact type, and finds
nothing where there is nothing in the real Synthea notes. The other corpora (held-out v1 to v5, development
sets since their errors were read, and v7, the held-out set scored blind once) are scored separately: their tables in docs/clinical-text.md
are the ones the scorer computes today (the targets are reported there, not asserted: see that page)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SHARED, doc_history

_spec = importlib.util.spec_from_file_location("text_quality", ROOT / "scripts/text_quality.py")
text_quality = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(text_quality)  # type: ignore[union-attr]

ITEMS = yaml.safe_load((Path(__file__).parent / "corpus.yaml").read_text())["items"]
TABLE = text_quality.score(ITEMS)
HELDOUT = yaml.safe_load((Path(__file__).parent / "heldout.yaml").read_text())["items"]
DOC = doc_history.read("clinical-text.md")  # the page with its history (docs/history/) back in place


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


def test_heldout_corpus_is_large_and_covers_every_type() -> None:
    assert len(HELDOUT) >= 150
    assert len({i["id"] for i in HELDOUT}) == len(HELDOUT)
    assert not {i["id"] for i in HELDOUT} & {i["id"] for i in ITEMS}  # an item is in one corpus only
    per_type: dict[str, int] = {}
    for item in HELDOUT:
        for fact in item["facts"] or []:
            assert fact["type"] in text_quality.TYPES, item["id"]
            per_type[fact["type"]] = per_type.get(fact["type"], 0) + 1
    assert all(per_type.get(t, 0) >= 15 for t in text_quality.TYPES), per_type


def _doc_table(title: str) -> dict[str, tuple[int, int, int, float, float]]:
    """The last table under a ``title`` line in docs/clinical-text.md."""
    assert title in DOC, f"docs/clinical-text.md has no table titled {title!r}"
    block = DOC.rsplit(title, 1)[1].split("```", 1)[0].split("\n\n", 1)[0]  # the last such table (today's)
    rows = {}
    for line in block.splitlines():
        parts = line.split()
        if parts and parts[0] in text_quality.TYPES:
            rows[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3]), float(parts[4]), float(parts[5]))
    return rows


def _table(table: dict[str, dict[str, float]]) -> dict[str, tuple[int, int, int, float, float]]:
    return {t: (r["tp"], r["fp"], r["fn"], r["precision"], r["recall"]) for t, r in table.items()}  # type: ignore[misc]


def test_docs_report_both_scores_as_computed_today() -> None:
    assert _doc_table(f"tuning corpus (corpus.yaml): {len(ITEMS)} items") == _table(TABLE)
    assert _doc_table(f"heldout corpus (heldout.yaml): {len(HELDOUT)} items") == _table(text_quality.score(HELDOUT))


def test_docs_report_the_heldout2_score_as_computed_today() -> None:
    """Held-out v2 (a development set since its misses were read on 2026-11-30): the docs show its table as
    the scorer computes it today."""
    path = Path(__file__).parent / "heldout2.yaml"
    if not path.exists():
        pytest.skip("held-out v2 not merged yet")
    items = yaml.safe_load(path.read_text())["items"]
    assert _doc_table(f"heldout2 corpus (heldout2.yaml): {len(items)} items") == _table(text_quality.score(items))


@pytest.mark.parametrize(
    "name",
    [
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
        "heldout14",
        "heldout15",
        "heldout16",
        "heldout17",
        "heldout18",
        "heldout19",
        "heldout20",
        "heldout21",
        "heldout22",
        "heldout23",
        "heldout24",
        "heldout25",
        "heldout26",
        "heldout27",
        "heldout28",
        "heldout29",
        "heldout30",
        "heldout31",
        "heldout32",
        "heldout33",
        "heldout34",
        "heldout35",
        "heldout36",
        "heldout37",
        "heldout38",
        "heldout39",
        "heldout40",
        "heldout41",
        "heldout42",
        "heldout43",
    ],
)
def test_docs_report_the_later_heldout_scores_once_merged(name: str) -> None:
    """Held-out v3 to v34 (each written blind while the one before was read; development sets since their misses
    were read), v35 and v36 (written blind while v34 was read: the held-out sets, v36 of US charts), v37, v38, v39
    and v40 (US charts, written blind on 2026-12-04), v41 and v42 (US charts, written blind on 2026-12-05) and v43
    (each skipped until merged): the docs show each
    one's table as the scorer computes it today (the last table under its title; a blind first score stays above it
    as history)."""
    path = text_quality.CORPORA[name]
    if not path.exists():
        pytest.skip(f"{name} not merged yet")
    items = yaml.safe_load(path.read_text())["items"]
    assert _doc_table(f"{name} corpus ({path.name}): {len(items)} items") == _table(text_quality.score(items))


def test_the_scorer_says_a_corpus_not_merged_yet_is_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    """Asked for a corpus whose file is not there (held-out v43 until it is merged), the scorer says so in one line
    and exits 1: no traceback."""
    monkeypatch.setitem(text_quality.CORPORA, "heldout43", tmp_path / "heldout43.yaml")
    monkeypatch.setattr("sys.argv", ["text_quality.py", "--corpus", "heldout43"])
    assert text_quality.main() == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"heldout43 corpus (heldout43.yaml): absent (not merged yet: {tmp_path / 'heldout43.yaml'})"
    ]
