"""Policy packs are validated data: unknown keys, unknown sources and unknown rules are one-line errors
naming the file, the line and the field; overlays resolve onto their base; payer matching."""

from __future__ import annotations

import pytest
import yaml

from priorauth.errors import PriorauthError
from priorauth.evaluate import advisories, documents
from priorauth.evaluate.criteria import REGISTRY as CRITERIA
from priorauth.policy import loader, registry
from priorauth.policy.schema import Pack
from tests.conftest import PACKS

ALL = [(d, p) for d in registry.drugs() for p in registry.pack_ids(d)]


@pytest.mark.parametrize(("drug", "pack_id"), ALL)
def test_pack_names_only_registered_rules(drug: str, pack_id: str) -> None:
    pack = registry.load(pack_id, drug)
    assert {c.id for _, _, c in pack.criteria()} <= set(CRITERIA)
    assert {a.id for a in pack.advisories} <= set(advisories.REGISTRY)
    assert {d.id for d in pack.documents} <= set(documents.REGISTRY)
    assert pack.drug.ingredient == drug


def _default() -> dict:
    return yaml.safe_load((PACKS / "sotorasib/default.yaml").read_text())


def _overlay() -> dict:
    return yaml.safe_load((PACKS / "sotorasib/bcbs-nc.yaml").read_text())


def _parse(data: dict) -> Pack:
    return loader.parse(
        yaml.safe_dump(data, sort_keys=False), "broken.yaml", lambda b, d: registry.load(b, d or "sotorasib")
    )


def _criterion(d: dict) -> dict:
    return d["indications"]["nsclc"]["initial"][0]


def _override(d: dict) -> dict:
    return d["overrides"]["indications"]["nsclc"]["initial"][0]


@pytest.mark.parametrize(
    ("make", "edit", "message"),
    [
        (_default, lambda d: d.update(colour="blue"), "colour: unknown key"),
        (_default, lambda d: d["parameters"].update(max_dose=1), "parameters.max_dose: unknown key"),
        (_default, lambda d: _criterion(d).update(source="nowhere"), "unknown source 'nowhere'"),
        (_default, lambda d: _criterion(d).pop("source"), "indications.nsclc.initial.0.source: required field missing"),
        (_default, lambda d: _criterion(d).update(id="adutl"), "unknown criterion 'adutl'"),
        (_default, lambda d: d["sources"].update(label="http://insecure.example"), "https://"),
        (_default, lambda d: d["policy"].update(url="http://insecure.example"), "policy.url"),
        (_default, lambda d: d["parameters"].update(max_daily_dose_mg=-5), "max_daily_dose_mg"),
        (_default, lambda d: d.pop("review_by"), "review_by: required field missing"),
        (_default, lambda d: d["indications"]["nsclc"]["initial"].append(_criterion(d)), "listed twice"),
        (_default, lambda d: d["indications"]["mcrc"].update(partner="cetuximab"), "needs partner: panitumumab"),
        (_default, lambda d: d["parameters"].update(approval_duration={"days": 3, "months": 1}), "exactly one"),
        (
            _overlay,
            lambda d: d["overrides"]["parameters"].update(quantity_limit={120: 8}),
            "overrides.parameters.quantity_limit: unknown key",
        ),
        (_overlay, lambda d: _override(d).update(id="disease_progresion"), "unknown criterion 'disease_progresion'"),
        (_overlay, lambda d: _override(d).update(source="missing"), "unknown source 'missing'"),
        (
            _overlay,
            lambda d: d["overrides"]["indications"]["nsclc"]["initial"].append(
                {"id": "with_cetuximab", "required": True}
            ),
            "is new here",
        ),
        (_overlay, lambda d: d.update(extends="nope"), "unknown payer pack 'nope'"),
        (
            _overlay,
            lambda d: d["overrides"].update(documents=[{"id": "claims_histry", "required": True, "source": "label"}]),
            "no document 'claims_histry' in the base pack",
        ),
        (
            _overlay,
            lambda d: d["overrides"].update(documents=[{"id": "claims_history", "required": True, "source": "nope"}]),
            "unknown source 'nope'",
        ),
        (_overlay, lambda d: d.update(drug="aspirin"), "extends: unknown drug"),
        (_overlay, lambda d: d["overrides"]["parameters"].update(accepted_tests="fda"), "accepted_tests"),
        (_overlay, lambda d: d["policy"].pop("url"), "policy.url: required field missing"),
    ],
)
def test_invalid_pack_is_one_line_naming_file_line_and_field(make, edit, message: str) -> None:
    data = make()
    edit(data)
    with pytest.raises(PriorauthError) as exc:
        _parse(data)
    assert exc.value.code == "bad_policy"
    assert exc.value.message.startswith("policy pack broken.yaml:"), exc.value.message
    assert message in exc.value.message, exc.value.message
    assert "\n" not in exc.value.message


def test_error_names_the_line_of_the_field() -> None:
    text = (PACKS / "sotorasib/bcbs-nc.yaml").read_text().replace("approval_duration:", "aproval_duration:")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "aproval_duration" in t)
    _, issues = loader.examine(text, "bcbs-nc.yaml", lambda b, d: registry.load(b, "sotorasib"))
    assert [str(i) for i in issues] == [
        f"bcbs-nc.yaml:{line}: overrides.parameters.aproval_duration: unknown key (misspelt?)"
    ]


def test_invalid_yaml_names_the_line() -> None:
    _, issues = loader.examine("id: x\nversion: [1,\n", "bad.yaml", lambda b, d: registry.load(b))
    assert issues[0].file == "bad.yaml" and issues[0].line >= 2 and "not valid YAML" in issues[0].message


def test_overlay_resolves_onto_the_default() -> None:
    base, pack = registry.load("default"), registry.load("bcbs-nc")
    required = {c.id: c.required for c in pack.indications["nsclc"].initial}
    assert required["disease_progression"] and required["oncologist_prescriber"]
    assert not {c.id: c.required for c in base.indications["nsclc"].initial}["disease_progression"]
    assert [c.id for c in pack.indications["nsclc"].initial] == [c.id for c in base.indications["nsclc"].initial]
    assert pack.parameters.quantity_limits == {120: 8, 240: 4, 320: 3}
    assert pack.parameters.max_daily_dose_mg == base.parameters.max_daily_dose_mg
    assert pack.advisories == base.advisories and pack.extends == "default"
    assert pack.sources["label"] == base.sources["label"] and "bcbsnc_policy" in pack.sources
    wha = registry.load("wha")
    assert [c.id for c in wha.indications["nsclc"].renewal][-1] == "oncologist_prescriber"


@pytest.mark.parametrize(
    ("names", "refs", "want"),
    [
        (["Aetna"], {"Organization/x"}, "default"),
        (["Blue Cross NC"], set(), "bcbs-nc"),
        (["blue-cross  nc"], set(), "bcbs-nc"),
        (["BCBS North Carolina"], set(), "bcbs-nc"),
        (["Western Health Advantage"], set(), "wha"),
        (["Sunflower Health Plan"], set(), "centene-medicaid"),
        (["Highmark Blue Cross Blue Shield"], set(), "highmark"),
        ([], set(), "default"),
    ],
)
def test_payer_choice(names: list[str], refs: set[str], want: str) -> None:
    assert registry.choose(None, names, refs).pack.id == want


def test_payer_choice_reasons() -> None:
    assert "no active coverage" in registry.choose(None, [], set()).reason
    assert registry.choose("default", [], set()).reason == "chosen with --payer default"
    assert registry.choose("wha", ["Blue Cross NC"], set()).pack.id == "wha"  # --payer wins


@pytest.mark.parametrize(
    ("refs", "identifiers", "want"),
    [
        (
            {"http://example.org/payer-id|12345"},
            ["http://example.org/payer-id|12345"],
            "http://example.org/payer-id|12345",
        ),
        ({"http://example.org/payer-id|12345"}, ["12345"], "12345"),
        ({"Organization/org7"}, ["Organization/org7"], "Organization/org7"),
        ({"http://example.org/payer-id|12345"}, ["http://other|12345"], None),
        ({"Organization/org7"}, ["org7"], None),
    ],
)
def test_identifier_matching(refs: set[str], identifiers: list[str], want: str | None) -> None:
    assert registry.identifiers_match(refs, identifiers) == want


def test_unknown_drug_and_payer_are_errors() -> None:
    with pytest.raises(PriorauthError) as exc:
        registry.pack_ids("aspirin")
    assert exc.value.code == "unknown_drug"
    with pytest.raises(PriorauthError) as exc:
        registry.load("bcbs-nc", "adagrasib")
    assert exc.value.code == "unknown_payer"


def test_overlay_submission_contact_resolves_and_its_source_is_checked() -> None:
    data = _overlay()
    data["submission"] = {"fax": "(800) 555-0100", "portal": "https://portal.example/pa", "source": "bcbsnc_policy"}
    pack = _parse(data)
    assert pack.submission is not None and pack.submission.fax == "(800) 555-0100"
    assert registry.load("bcbs-nc").submission is None  # no pack states a fax we could cite yet
    data["submission"]["source"] = "nowhere"
    with pytest.raises(PriorauthError, match="nowhere"):
        _parse(data)


def test_documents_are_required_or_advised_and_a_payer_pack_can_require_more() -> None:
    base, centene = registry.load("default"), registry.load("centene-medicaid")
    required = {d.id for d in base.documents if d.required}
    assert required == {
        "diagnosis_records",
        "kras_report",
        "treatment_history",
        "prescription",
        "response_assessment",
        "prior_authorization",
    }
    mine = {d.id: d for d in centene.documents}
    assert mine["chart_notes"].required and mine["chart_notes"].source == "sunflower_policy"
    assert mine["baseline_labs"].required and not mine["claims_history"].required
    assert [d.id for d in centene.documents] == [d.id for d in base.documents]
