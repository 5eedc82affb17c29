"""Run every case of every pack's cases file (table-driven: one test per case), and check that every
pack has a cases file and sources, and that its cases cover what it defines or changes. The runner is
the package's own (``priorauth.policy.cases``), the one ``priorauth policies validate`` uses."""

from __future__ import annotations

import pytest

from priorauth.policy import cases, registry
from tests.conftest import PACKS

ALL = [(drug, pid) for drug in registry.drugs() for pid in registry.pack_ids(drug)]
WITH_CASES = [(d, p) for d, p in ALL if (PACKS / d / f"{p}.cases.yaml").is_file()]
CASES = [(d, p, case) for d, p in WITH_CASES for case in cases.load_cases(p, d)["cases"]]


@pytest.mark.parametrize(("drug", "pack_id", "case"), CASES, ids=[f"{d}/{p}:{c['name']}" for d, p, c in CASES])
def test_case(drug: str, pack_id: str, case: dict) -> None:
    spec = cases.load_cases(pack_id, drug)
    assert cases.run_case(spec, case, pack_id, drug) == []


@pytest.mark.parametrize(("drug", "pack_id"), ALL, ids=[f"{d}/{p}" for d, p in ALL])
def test_every_pack_has_cases_and_sources(drug: str, pack_id: str) -> None:
    assert (PACKS / drug / f"{pack_id}.cases.yaml").is_file(), f"packs/{drug}/{pack_id}.yaml has no cases file"
    pack = registry.load(pack_id, drug)
    assert pack.policy.url.startswith("https://"), "the pack names no https policy URL"
    for _, _, c in pack.criteria():
        assert pack.sources[c.source].startswith(("https://", "docs/")), f"{c.id} cites no source URL"
    assert cases.load_cases(pack_id, drug)["cases"], "the cases file has no case"


@pytest.mark.parametrize(("drug", "pack_id"), WITH_CASES, ids=[f"{d}/{p}" for d, p in WITH_CASES])
def test_cases_cover_every_status_and_advisory(drug: str, pack_id: str) -> None:
    assert cases.coverage_gaps(pack_id, drug, cases.load_cases(pack_id, drug)) == []


def test_the_runner_reports_a_wrong_expectation() -> None:
    spec = cases.load_cases("default")
    case = {**spec["cases"][0], "expect": {"adult": "not_met"}, "overall": "nonsense"}
    wrong = cases.run_case(spec, case, "default", "sotorasib")
    assert any(w.startswith("adult: want not_met") for w in wrong)
    assert any(w.startswith("overall: want nonsense") for w in wrong)
