"""Wording tests that are more than "this text gives / does not give these (type, value) pairs" (those are tables:
tests/text/wording/*.yaml, read by tests/text/test_wording.py): a KRAS result's date and specimen, how many results a
report holds, a therapy check that accepts one of two drugs, the rule files' word classes, and two cases that assert
nothing yet. Gathered by finding type from the per-pass modules they were written in (the pass is named on each)."""

from __future__ import annotations

import pytest

from priorauth.text.facts import from_documents
from priorauth.text.pipeline import expand
from priorauth.text.sources import TextDoc
from tests.text.reading import found

# --- KRAS: dates, specimens and the number of results ---------------------------------------------------------------


def test_serial_ctdna_earlier_positive_keeps_its_own_date() -> None:
    """Pass v3."""
    text = "Plasma ctDNA 2026-08-01: KRAS G12C not detected (previously 1.8% on 03/2026)."
    facts = from_documents([TextDoc("DocumentReference/s", "2026-08-02", "DocumentReference", "", text)])
    by_status = {k.status: k for k in facts.kras}
    assert by_status["g12c_present"].evidence.date == "2026-03"
    assert by_status["g12c_present"].specimen == by_status["g12c_absent"].specimen == "plasma"
    assert by_status["g12c_absent"].evidence.date != "2026-03"


def test_a_co_mutation_is_one_result_but_two_dated_results_stay_two() -> None:
    """Pass v3."""

    def statuses(text: str) -> set[str]:
        doc = TextDoc("DocumentReference/c", "2026-05-01", "DocumentReference", "", text)
        return {k.status for k in from_documents([doc]).kras}

    assert statuses("Tissue NGS: KRAS G12C (VAF 20%); KRAS G12V (VAF 3%).") == {"g12c_present"}
    two = "Tissue NGS 3/2024: KRAS G12V.\nRebiopsy tissue NGS 4/2026: KRAS G12C."
    assert statuses(two) == {"g12c_present", "other_variant"}


# --- therapy: the regimen kept is no drug negated (pass v9; either drug named counts) --------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Tumour board: no change to current treatment - continues capecitabine maintenance for mCRC.", True),
        ("Plan: no changes in therapy; remains on sotorasib for NSCLC.", True),
        ("No capecitabine given this cycle (hand-foot syndrome).", False),
    ],
)
def test_no_change_to_treatment(text: str, said: bool) -> None:
    drugs = {v for t, v in found(text) if t == "therapy"}
    assert bool(drugs & {"capecitabine", "sotorasib"}) is said


# --- the rule files' word classes (pass v5) ---------------------------------------------------------------------------


def test_word_classes_expand_nested_and_as_groups() -> None:
    words = {"a": "x|y", "b": "<<a>>z"}
    assert expand("^<<b>>$", words) == "^(?:(?:x|y)z)$"
