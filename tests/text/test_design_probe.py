"""scripts/text_design_probe.py (issue 13, session 17): a statistical reader for disease status, treatment-naive and
monotherapy, measured the way the rules were. These tests check the probe's shape and regime only: no score is
asserted (the measure is in docs/clinical-text.md) and nothing is timed."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("text_design_probe", ROOT / "scripts/text_design_probe.py")
probe = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(probe)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def quick() -> dict:
    return probe.probe(list(probe.QUICK), probe.QUICK_EPOCHS)


def test_quick_report_has_every_set_type_and_column(quick: dict) -> None:
    assert [r["set"] for r in quick["sets"]] == [f"heldout{n}" for n in probe.QUICK]
    for r in quick["sets"]:
        for column in probe.COLUMNS:
            assert set(r[column]) == set(probe.PROBED), (r["set"], column)
            for cell in r[column].values():
                assert 0.0 <= cell["precision"] <= 1.0 and 0.0 <= cell["recall"] <= 1.0
        for column in ("clf", "clf95", "now", "hybrid"):
            assert all({"tp", "fp", "fn"} <= set(cell) for cell in r[column].values())
    assert set(quick["macro"]) == set(probe.COLUMNS)
    assert set(quick["pooled"]) == set(probe.COLUMNS[1:]) and set(quick["wins"]) == set(probe.COLUMNS[1:])


def test_each_set_is_trained_only_on_the_corpora_written_before_it(quick: dict) -> None:
    for r in quick["sets"]:
        n = int(r["set"].removeprefix("heldout"))
        assert r["trained_on"] == ["tuning", "heldout", *(f"heldout{k}" for k in range(2, n))]
        assert r["set"] not in r["trained_on"]


def test_main_quick_prints_json_and_a_table(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(probe, "probe", _stub)
    monkeypatch.setattr("sys.argv", ["text_design_probe.py", "--quick", "--json"])
    assert probe.main() == 0
    assert json.loads(capsys.readouterr().out)["epochs"] == probe.QUICK_EPOCHS
    monkeypatch.setattr("sys.argv", ["text_design_probe.py", "--quick"])
    assert probe.main() == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["set", "type", *probe.COLUMNS]
    assert [line.split()[:2] for line in lines[2:5]] == [["macro", t] for t in probe.PROBED]
    assert [line.split()[:2] for line in lines[5:8]] == [["pooled", t] for t in probe.PROBED]
    assert [line.split()[:2] for line in lines[9:]] == [["wins", t] for t in probe.PROBED]


def _stub(sets: list[int], epochs: int) -> dict:
    """probe()'s report shape for no set (main's printing is checked without training anything)."""
    empty = {c: {t: {"precision": None, "recall": None} for t in probe.PROBED} for c in probe.COLUMNS}
    return {"epochs": epochs, "sets": [], "macro": empty, "pooled": probe._pooled([]), "wins": probe._wins([])}


def test_the_rules_blind_tables_are_read_from_the_docs_for_every_probed_set() -> None:
    blind = probe.blind_tables((ROOT / "docs/clinical-text.md").read_text("utf-8"))
    for n in range(probe.FIRST, probe.LAST + 1):
        assert set(blind[n]) == set(probe.PROBED), n


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # negation marks the words in its scope, up to the punctuation that ends it
        (
            "Has had no systemic therapy; CT shows growth.",
            {"not_systemic", "not_systemic not_therapy", "<neg>"},
            {"systemic", "not_growth"},
        ),
        ("Never received chemo before, now starting.", {"not_chemo", "now"}, {"chemo", "not_now"}),
        ("She didn't get any platinum.", {"n't", "not_platinum"}, {"platinum"}),
        # guard: a word that merely contains a cue is not a cue
        ("Noted stable nodules, notable response.", {"stable", "noted stable"}, {"not_stable", "<neg>"}),
    ],
)
def test_features_mark_negation_scope(text: str, present: set[str], absent: set[str]) -> None:
    feats = probe.features(text)
    assert present <= feats
    assert not absent & feats
