"""A small synthetic export (written once per session) and a helper to screen it quietly."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from typing import Any

import pytest

from priorauth.screen import screen
from priorauth.screen.synth import write_export

AS_OF = "2026-11-20"


@pytest.fixture(scope="session")
def small_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    write_export(folder, 400, seed=7)
    return folder


@pytest.fixture(scope="session")
def damaged_export(small_export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small export with every kind of damage: a corrupt line, JSON that is not FHIR, an unknown type,
    a resource of a patient the export lacks, a blank line, a truncated gzip, a conditional reference."""
    export = tmp_path_factory.mktemp("damaged") / "export"
    shutil.copytree(small_export, export)
    with open(export / "Condition.000.ndjson", "ab") as f:
        f.write(b'{"resourceType": "Condition", "id": "cut-off\n')  # a corrupt line
        f.write(b"[1, 2, 3]\n")  # JSON, not FHIR
        f.write(b"   \n")  # a blank line: not counted
        f.write(b'{"resourceType": "Spaceship", "id": "x"}\n')  # an unknown type
        f.write(b'{"resourceType": "Condition", "id": "orphan", "subject": {"reference": "Patient/nobody"}}\n')
        f.write(b'{"resourceType": "Provenance", "agent": [{"who": {"reference": "Practitioner?identifier=x|1"}}]}\n')
    enc = (export / "Encounter.000.ndjson").read_bytes()
    (export / "Encounter.000.ndjson").unlink()
    packed = gzip.compress(enc)
    (export / "Encounter.000.ndjson.gz").write_bytes(packed[: len(packed) // 2])  # a truncated gzip
    return export


def run(export: Path, out: Path, **kw: Any) -> dict[str, Any]:
    return screen(export, out, progress=False, **{"jobs": 2, "as_of": AS_OF, **kw})
