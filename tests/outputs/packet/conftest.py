"""Packets built once per test session: the bundled example (always), a needs-documentation variant of it,
and the shared examples and Synthea charts (skipped without ../shared)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from priorauth.api import Evaluation, evaluate
from priorauth.outputs.packet import write_packet
from priorauth.outputs.packet.practice import Practice, load_practice
from tests.conftest import ROOT, SHARED

AS_OF = "2026-11-20"
EXAMPLE = ROOT / "examples/nsclc-ready.json"
MEDICAL = ROOT / "examples/nsclc-medical-benefit.json"  # a synthetic chart whose Coverage puts the drug on the medical benefit
PRACTICE = ROOT / "examples/practice.yaml"
SHARED_EXAMPLES = [
    "e01_ready",
    "e02_kras_not_detected",
    "e03_renewal",
    "e04_missing_kras",
    "e05_kras_in_note_and_ppi",
    "e06_recent_immunotherapy",
    "e07_small_cell",
]
KRAS_RESOURCES = {"Observation/kras1", "DiagnosticReport/ngsrep1"}


@dataclass
class Built:
    ev: Evaluation
    folder: Path

    @property
    def det(self) -> dict[str, Any]:
        return self.ev.determination

    def pages(self, name: str = "packet.pdf") -> list[str]:
        return [flat(p.extract_text()) for p in PdfReader(self.folder / name).pages]

    def text(self, name: str = "packet.pdf") -> str:
        return " ".join(self.pages(name))

    def json(self, name: str) -> Any:
        return json.loads((self.folder / name).read_text("utf-8"))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def build(chart: Any, folder: Path, practice: Practice | None, reason: str | None = None, **kw: Any) -> Built:
    ev = evaluate(chart, as_of=AS_OF, **kw)
    write_packet(ev, folder, practice, reason, timestamp="2026-11-20T09:00:00+00:00")
    return Built(ev, folder)


def without_kras() -> dict[str, Any]:
    """The bundled example with its KRAS result and report removed: needs_documentation."""
    doc = json.loads(EXAMPLE.read_text("utf-8"))
    doc["entry"] = [
        e for e in doc["entry"] if f"{e['resource']['resourceType']}/{e['resource'].get('id')}" not in KRAS_RESOURCES
    ]
    return doc


@pytest.fixture(scope="session")
def practice() -> Practice:
    p = load_practice(PRACTICE)
    assert p is not None
    return p


@pytest.fixture(scope="session")
def ready(tmp_path_factory: pytest.TempPathFactory, practice: Practice) -> Built:
    return build(str(EXAMPLE), tmp_path_factory.mktemp("ready"), practice)


@pytest.fixture(scope="session")
def missing(tmp_path_factory: pytest.TempPathFactory, practice: Practice) -> Built:
    return build(without_kras(), tmp_path_factory.mktemp("missing"), practice, "KRAS G12C test result not provided")


@pytest.fixture(scope="session")
def medical(tmp_path_factory: pytest.TempPathFactory, practice: Practice) -> Built:
    return build(str(MEDICAL), tmp_path_factory.mktemp("medical"), practice)


def on_medical_benefit(chart: Path) -> dict[str, Any]:
    """A chart with its active Coverage saying the drug is on the medical benefit."""
    doc = json.loads(chart.read_text("utf-8"))
    for e in doc["entry"]:
        if e["resource"]["resourceType"] == "Coverage":
            e["resource"]["type"] = {"text": "Specialty drugs under the medical benefit"}
    return doc


@pytest.fixture(scope="session")
def shared_built(tmp_path_factory: pytest.TempPathFactory, practice: Practice) -> dict[str, Built]:
    if not (SHARED / "examples").exists():
        pytest.skip("../shared is not available")
    return {
        name: build(str(SHARED / "examples" / f"{name}.json"), tmp_path_factory.mktemp(name), practice)
        for name in SHARED_EXAMPLES
    }
