"""scripts/text_design_probe.py (issue 13, session 17): a statistical reader for disease status, treatment-naive and
monotherapy, measured the way the rules were. These tests check the probe's shape and regime only: no score is
asserted (the measure is in docs/clinical-text.md) and nothing is timed."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from unittest import mock

import pytest

from tests.conftest import ROOT, doc_history

_spec = importlib.util.spec_from_file_location("text_design_probe", ROOT / "scripts/text_design_probe.py")
probe = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(probe)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def quick() -> dict:
    """The probe run as ``text_design_probe.py --quick --json``: its printed JSON."""
    out = io.StringIO()
    with mock.patch("sys.argv", ["text_design_probe.py", "--quick", "--json"]), contextlib.redirect_stdout(out):
        assert probe.main() == 0
    return json.loads(out.getvalue())


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


def test_quick_table_has_a_row_per_set_and_type_then_macro_pooled_and_wins(quick: dict) -> None:
    assert quick["epochs"] == probe.QUICK_EPOCHS
    lines = probe.render(quick).splitlines()
    assert lines[1].split() == ["set", "type", *probe.COLUMNS]
    rows = [line.split() for line in lines[2:]]
    per_set = [[f"heldout{n}", t] for n in probe.QUICK for t in probe.PROBED]
    k = len(per_set)
    assert [r[:2] for r in rows[:k]] == per_set
    assert all(len(r) == 2 + len(probe.COLUMNS) for r in rows[: k + 6])
    assert [r[:2] for r in rows[k : k + 3]] == [["macro", t] for t in probe.PROBED]
    assert [r[:2] for r in rows[k + 3 : k + 6]] == [["pooled", t] for t in probe.PROBED]
    assert [r[:2] for r in rows[k + 7 :]] == [["wins", t] for t in probe.PROBED]


def test_the_rules_blind_tables_are_read_from_the_docs_for_every_probed_set() -> None:
    blind = probe.blind_tables(doc_history.read("clinical-text.md"))
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
