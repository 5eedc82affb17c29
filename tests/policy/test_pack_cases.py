"""Run every case of every pack's cases file (table-driven: one test per case)."""

from __future__ import annotations

from importlib import resources

import pytest

import priorauth
from priorauth.evaluate.advisories import REGISTRY as ADVISORIES
from priorauth.policy import registry
from tests.conftest import apply_edits, bundle, load_cases

PACKS = [p for p in registry.pack_ids() if (resources.files("priorauth.policy") / f"packs/{p}.cases.yaml").is_file()]
CASES = [(pid, case) for pid in PACKS for case in load_cases(pid)["cases"]]


@pytest.mark.parametrize(("pack_id", "case"), CASES, ids=[f"{p}:{c['name']}" for p, c in CASES])
def test_case(pack_id: str, case: dict) -> None:
    spec = load_cases(pack_id)
    doc = priorauth.check(
        bundle(apply_edits(spec["base"], case)), as_of=case.get("as_of", spec["as_of"]), payer=pack_id
    )
    got = {c["id"]: c["status"] for c in doc["criteria"]}
    for cid, want in case.get("expect", {}).items():
        assert got.get(cid) == want, f"{cid}: want {want}, got {got.get(cid)}; {_summary(doc, cid)}"
    for key in ("overall", "request_type"):
        if key in case:
            assert doc[key] == case[key], f"{key}: want {case[key]}, got {doc[key]}"
    advisories = {a["id"] for a in doc["advisories"]}
    for a in case.get("advisories_present", []):
        assert a in advisories, f"advisory {a} missing; got {sorted(advisories)}"
    for a in case.get("advisories_absent", []):
        assert a not in advisories, f"advisory {a} unexpected"
    for c in doc["criteria"]:  # the contract's evidence rule holds in every case
        if c["status"] in ("met", "not_met") and c["id"] not in ("single_agent", "no_prior_kras_g12c_inhibitor"):
            assert c["evidence"], f"{c['id']} is {c['status']} without evidence"
        if c["status"] in ("insufficient", "review"):
            assert c["actions"], f"{c['id']} is {c['status']} without an action"


def _summary(doc: dict, cid: str) -> str:
    return next((c["summary"] for c in doc["criteria"] if c["id"] == cid), "absent")


@pytest.mark.parametrize("pack_id", PACKS)
def test_cases_cover_every_status_and_advisory(pack_id: str) -> None:
    """Every status a criterion can take per the contract, and every advisory, has a case."""
    possible = {
        "adult": {"met", "not_met", "insufficient"},
        "nsclc_diagnosis": {"met", "not_met", "insufficient", "review"},
        "advanced_disease": {"met", "not_met", "insufficient"},
        "kras_g12c": {"met", "not_met", "insufficient", "review"},
        "prior_systemic_therapy": {"met", "insufficient", "review"},
        "single_agent": {"met", "not_met", "insufficient"},
        "prescription": {"met", "not_met", "insufficient"},
        "disease_progression": {"met", "insufficient"},
        "oncologist_prescriber": {"met", "not_met", "insufficient"},
        "no_prior_kras_g12c_inhibitor": {"met", "not_met"},
        "no_progression_on_therapy": {"met", "not_met", "insufficient"},
        "tolerating_therapy": {"met", "not_met", "insufficient"},
    }
    cases = load_cases(pack_id)["cases"]
    seen = {(cid, st) for c in cases for cid, st in c.get("expect", {}).items()}
    missing = sorted((cid, st) for cid, sts in possible.items() for st in sts if (cid, st) not in seen)
    assert not missing, f"no case for {missing}"
    present = {a for c in cases for a in c.get("advisories_present", [])}
    assert set(ADVISORIES) <= present, f"no case raises {sorted(set(ADVISORIES) - present)}"
