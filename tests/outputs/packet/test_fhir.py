"""The FHIR files validate as R4B resources (fhir.resources); the QuestionnaireResponse is a DTR-style
pre-fill (in-progress, every answer tagged with DTR 2.0.1's auto origin, only settled criteria answered); the PAS Bundle
has the Claim first, resolves every Claim reference, attaches evidence through supportingInfo, and has
the shape of the Da Vinci PAS 2.2.1 examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from priorauth.outputs.packet.pas import SUPPORTING_TYPES
from priorauth.outputs.packet.questionnaire import ORIGIN
from priorauth.outputs.packet.view import build_view
from tests.conftest import shared_path
from tests.outputs.packet.conftest import SHARED_EXAMPLES, Built, build, on_medical_benefit

MODELS = {
    "pas-bundle.json": Bundle,
    "questionnaire.json": Questionnaire,
    "questionnaire-response.json": QuestionnaireResponse,
}


def validate(b: Built) -> None:
    for name, model in MODELS.items():
        if name == "pas-bundle.json" and b.det["benefit"]["type"] != "medical":
            assert not (b.folder / name).exists(), "a pharmacy-benefit drug has no PAS bundle"
            continue
        model.model_validate_json((b.folder / name).read_bytes())


def leaves(items: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    for it in items:
        yield it
        yield from leaves(it.get("item", []))


def test_bundled_example_validates(ready: Built, missing: Built, medical: Built) -> None:
    validate(ready)
    validate(missing)
    validate(medical)
    check_bundle(medical)


@pytest.mark.parametrize("name", SHARED_EXAMPLES)
def test_shared_examples_validate(shared_built: dict[str, Built], name: str) -> None:
    validate(shared_built[name])
    check_response(shared_built[name])
    assert shared_built[name].det["benefit"] == {**shared_built[name].det["benefit"], "type": "pharmacy", "assumed": True}
    cover = shared_built[name].pages()[0]  # no PAS bundle, and page 1 says why
    assert "Pharmacy benefit (assumed: confirm with the payer)" in cover and "not Da Vinci PAS" in cover


def test_synthea_charts_validate(tmp_path: Path) -> None:
    folder = shared_path("data", "synthea-nsclc-bundles")
    for chart in sorted(folder.glob("*.json")):
        b = build(str(chart), tmp_path / chart.stem[:8], None)
        validate(b)


def check_response(b: Built) -> None:
    q, qr = b.json("questionnaire.json"), b.json("questionnaire-response.json")
    assert qr["status"] == "in-progress"
    assert qr["questionnaire"] == f"{q['url']}|{q['version']}"
    kinds = {it["linkId"]: it["type"] for it in leaves(q["item"])}
    answered, view = {}, build_view(b.ev)
    for it in leaves(qr["item"]):
        assert it["linkId"] in kinds, it["linkId"]
        for a in it.get("answer", []):
            origin = [e for e in a.get("extension", []) if e["url"] == ORIGIN]
            assert origin and origin[0]["extension"] == [{"url": "source", "valueCode": "auto"}]  # DTR 2.0.1
            answered[it["linkId"]] = a
    for c in b.det["criteria"]:
        key = f"criteria.{c['id']}.documented"
        if c["status"] in ("insufficient", "review"):
            assert key not in answered, f"{c['id']} is {c['status']} but pre-filled"
        else:
            assert answered[key]["valueBoolean"] is (c["status"] == "met")
            said = answered[f"criteria.{c['id']}.evidence"]["valueString"]
            for e in c["evidence"]:  # each cited entry dated and in words, then its reference
                entry = view.entry(e)
                assert f"{entry.line()} [{entry.ref}]" in said


def test_response_prefill(ready: Built, missing: Built) -> None:
    for b in (ready, missing):
        check_response(b)
    answers = {it["linkId"]: it.get("answer") for it in leaves(ready.json("questionnaire-response.json")["item"])}
    assert answers["patient.birthDate"][0]["valueDate"] == ready.det["patient"]["birth_date"]
    assert answers["request.dailyDose"][0]["valueDecimal"] == 960


def check_bundle(b: Built) -> None:
    bundle = b.json("pas-bundle.json")
    entries = bundle["entry"]
    claim = entries[0]["resource"]
    assert claim["resourceType"] == "Claim" and claim["use"] == "preauthorization"
    held = set()
    for e in entries:
        r = e["resource"]
        held.add(e["fullUrl"])
        held.add(f"{r['resourceType']}/{r.get('id')}")
    refs = [claim["patient"], claim["insurer"], claim["provider"], *(i["coverage"] for i in claim["insurance"])]
    refs += [s["valueReference"] for s in claim["supportingInfo"]]
    refs += [x["valueReference"] for x in claim["item"][0]["extension"] if "valueReference" in x]
    for ref in refs:
        assert ref["reference"] in held, f"{ref['reference']} is not in the bundle"
    info = {s["valueReference"]["reference"] for s in claim["supportingInfo"]}
    assert any(r.startswith("QuestionnaireResponse/") for r in info)
    for c in b.det["criteria"]:
        if c["status"] in ("met", "not_met"):
            for e in c["evidence"]:
                src = e["source"].split("#")[0]
                if src.split("/")[0] in SUPPORTING_TYPES:  # what PAS lets supportingInfo point at
                    assert src in info or any(src.endswith(i) for i in info), f"{src} not attached"


def test_bundle_shape_matches_pas_examples(medical: Built) -> None:
    check_bundle(medical)
    folder = shared_path("data", "ig-examples", "davinci-pas-2.2.1")
    example = json.loads((folder / "Bundle-MedicalServicesAuthorizationBundleExample.json").read_text())
    ours = medical.json("pas-bundle.json")
    assert [p.split("|")[0] for p in ours["meta"]["profile"]] == example["meta"]["profile"]
    assert ours["type"] == example["type"]
    assert set(example) - {"text"} <= set(ours)
    ex_claim, claim = example["entry"][0]["resource"], ours["entry"][0]["resource"]
    assert [p.split("|")[0] for p in claim["meta"]["profile"]] == ex_claim["meta"]["profile"]
    assert claim["type"]["coding"][0]["code"] == "professional"
    assert claim["item"][0]["productOrService"]["coding"] == [{"system": "http://hl7.org/fhir/sid/ndc", "code": "55513-512"}]
    assert set(ex_claim) - {"text"} <= set(claim)
    urls = {
        e["url"]
        for f in folder.glob("Claim-*.json")
        for i in json.loads(f.read_text()).get("item", [])
        for e in i.get("extension", [])
    }
    ours_urls = {e["url"] for e in claim["item"][0]["extension"]}
    assert ours_urls - urls <= {"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-requestedService"}
    categories = {
        s["category"]["coding"][0]["system"]
        for f in folder.glob("Claim-*.json")
        for s in json.loads(f.read_text()).get("supportingInfo", [])
    }
    assert {s["category"]["coding"][0]["system"] for s in claim["supportingInfo"]} <= categories


def test_renewal_carries_the_authorization_number(tmp_path: Path, practice) -> None:  # type: ignore[no-untyped-def]
    b = build(on_medical_benefit(shared_path("examples", "e03_renewal.json")), tmp_path, practice)
    assert b.det["request_type"] == "renewal" and b.det["benefit"]["type"] == "medical"
    claim = b.json("pas-bundle.json")["entry"][0]["resource"]
    ext = {e["url"].rsplit("/", 1)[-1]: e for e in claim["item"][0]["extension"]}
    assert ext["extension-certificationType"]["valueCodeableConcept"]["coding"][0]["code"] == "R"
    assert ext["extension-authorizationNumber"]["valueString"] == b.det["prior_authorization"]["number"]
