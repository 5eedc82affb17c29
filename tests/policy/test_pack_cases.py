"""Run every case of every pack's cases file (table-driven: one test per case), and check that every
pack has a cases file and sources, and that its cases cover what it defines or changes."""

from __future__ import annotations

import pytest

import priorauth
from priorauth.policy import registry
from tests.conftest import PACKS, case_chart, load_cases

ALL = [(drug, pid) for drug in registry.drugs() for pid in registry.pack_ids(drug)]
WITH_CASES = [(d, p) for d, p in ALL if (PACKS / d / f"{p}.cases.yaml").is_file()]
CASES = [(d, p, case) for d, p in WITH_CASES for case in load_cases(p, d)["cases"]]
ABSENCE = ("single_agent", "no_prior_kras_g12c_inhibitor")  # met by an absence: may cite nothing

# Every status a criterion can take per the contract (and this project's decisions).
POSSIBLE = {
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
    "mcrc_diagnosis": {"met", "not_met", "insufficient"},
    "prior_crc_chemotherapy": {"met", "insufficient"},
    "with_panitumumab": {"met", "insufficient"},
    "with_cetuximab": {"met", "insufficient"},
}


@pytest.mark.parametrize(("drug", "pack_id", "case"), CASES, ids=[f"{d}/{p}:{c['name']}" for d, p, c in CASES])
def test_case(drug: str, pack_id: str, case: dict) -> None:
    spec = load_cases(pack_id, drug)
    doc = priorauth.check(
        case_chart(spec, case), as_of=case.get("as_of", spec["as_of"]), payer=case.get("payer", pack_id), drug=drug
    )
    got = {c["id"]: c["status"] for c in doc["criteria"]}
    for cid, want in case.get("expect", {}).items():
        assert got.get(cid) == want, f"{cid}: want {want}, got {got.get(cid)}; {_summary(doc, cid)}"
    for key in ("overall", "request_type", "indication", "drug"):
        if key in case:
            assert doc[key] == case[key], f"{key}: want {case[key]}, got {doc[key]}"
    for path, want in case.get("fields", {}).items():  # dotted paths into the determination
        value = doc
        for part in path.split("."):
            value = value[int(part)] if isinstance(value, list) else value[part]
        assert value == want, f"{path}: want {want!r}, got {value!r}"
    advisories = {a["id"] for a in doc["advisories"]}
    for a in case.get("advisories_present", []):
        assert a in advisories, f"advisory {a} missing; got {sorted(advisories)}"
    for a in case.get("advisories_absent", []):
        assert a not in advisories, f"advisory {a} unexpected"
    for c in doc["criteria"]:  # the contract's evidence rule holds in every case
        if c["status"] in ("met", "not_met") and c["id"] not in ABSENCE:
            assert c["evidence"], f"{c['id']} is {c['status']} without evidence"
        if c["status"] in ("insufficient", "review"):
            assert c["actions"], f"{c['id']} is {c['status']} without an action"


def _summary(doc: dict, cid: str) -> str:
    return next((c["summary"] for c in doc["criteria"] if c["id"] == cid), "absent")


@pytest.mark.parametrize(("drug", "pack_id"), ALL, ids=[f"{d}/{p}" for d, p in ALL])
def test_every_pack_has_cases_and_sources(drug: str, pack_id: str) -> None:
    assert (PACKS / drug / f"{pack_id}.cases.yaml").is_file(), f"packs/{drug}/{pack_id}.yaml has no cases file"
    pack = registry.load(pack_id, drug)
    assert pack.policy.url.startswith("https://"), "the pack names no https policy URL"
    for _, _, c in pack.criteria():
        assert pack.sources[c.source].startswith(("https://", "docs/")), f"{c.id} cites no source URL"
    assert load_cases(pack_id, drug)["cases"], "the cases file has no case"


def _required_coverage(drug: str, pack_id: str) -> set[tuple[str, str]]:
    """A full pack: every status of every criterion it lists. An overlay: every status of each criterion
    it overrides, plus the statuses its parameters can newly produce."""
    pack = registry.load(pack_id, drug)
    if pack.extends is None:
        ids = {c.id for _, _, c in pack.criteria()}
    else:
        text = (PACKS / drug / f"{pack_id}.yaml").read_text("utf-8")
        ids = {c.id for _, _, c in pack.criteria() if f"id: {c.id}" in text}
    need = {(cid, st) for cid in ids for st in POSSIBLE[cid]}
    if pack.parameters.quantity_limits:
        need |= {("prescription", s) for s in ("met", "not_met", "review")}
    if pack.parameters.accepted_tests != "any":
        need |= {("kras_g12c", s) for s in ("met", "insufficient")}
    if pack.parameters.accepted_tests == "fda_approved":
        need.add(("kras_g12c", "review"))
    return need


@pytest.mark.parametrize(("drug", "pack_id"), WITH_CASES, ids=[f"{d}/{p}" for d, p in WITH_CASES])
def test_cases_cover_every_status_and_advisory(drug: str, pack_id: str) -> None:
    cases = load_cases(pack_id, drug)["cases"]
    seen = {(cid, st) for c in cases for cid, st in c.get("expect", {}).items()}
    missing = sorted(_required_coverage(drug, pack_id) - seen)
    assert not missing, f"no case for {missing}"
    pack = registry.load(pack_id, drug)
    if pack.extends is None:
        present = {a for c in cases for a in c.get("advisories_present", [])}
        absent = {a.id for a in pack.advisories} - present
        assert not absent, f"no case raises {sorted(absent)}"
