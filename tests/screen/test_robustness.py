"""Damaged exports: every problem is counted in the summary and skipped, never fatal."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import orjson

from tests.screen.conftest import run


def _copy(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def test_damage_is_counted_not_fatal(small_export: Path, tmp_path: Path) -> None:
    export = _copy(small_export, tmp_path / "export")
    with open(export / "Condition.000.ndjson", "ab") as f:
        f.write(b'{"resourceType": "Condition", "id": "cut-off\n')  # a corrupt line
        f.write(b"[1, 2, 3]\n")  # JSON, not FHIR
        f.write(b'{"resourceType": "Spaceship", "id": "x"}\n')  # an unknown type
        f.write(b'{"resourceType": "Condition", "id": "orphan", "subject": {"reference": "Patient/nobody"}}\n')
    enc = (export / "Encounter.000.ndjson").read_bytes()
    (export / "Encounter.000.ndjson").unlink()
    packed = gzip.compress(enc)
    (export / "Encounter.000.ndjson.gz").write_bytes(packed[: len(packed) // 2])  # a truncated gzip

    report = run(export, tmp_path / "out")
    scan, groups = report["scan"], report["groups"]
    assert scan["corrupt_lines"] >= 2  # the cut-off line, and the gzip's last partial line
    assert scan["not_fhir_lines"] == 1
    assert scan["unknown_types"] == {"Spaceship": 1}
    assert any("Encounter.000.ndjson.gz: truncated" in p for p in scan["file_problems"])
    assert groups["missing_patient_ids"] == 1 and groups["missing_patient_resources"] == 1
    clean = run(small_export, tmp_path / "clean")
    assert report["screening"]["candidates"] == clean["screening"]["candidates"]  # the rest was screened
    html = (tmp_path / "out" / "summary.html").read_text("utf-8")
    assert "unknown type Spaceship" in html and "truncated or corrupt gzip" in html


def test_gzip_export_gives_the_same_determinations(small_export: Path, tmp_path: Path) -> None:
    export = tmp_path / "gz"
    export.mkdir()
    for f in small_export.iterdir():
        (export / (f.name + ".gz")).write_bytes(gzip.compress(f.read_bytes()))
    run(small_export, tmp_path / "plain")
    run(export, tmp_path / "packed")
    assert (tmp_path / "plain/determinations.ndjson").read_bytes() == (
        tmp_path / "packed/determinations.ndjson"
    ).read_bytes()


def test_units_split_large_files_on_line_boundaries(small_export: Path) -> None:
    from priorauth.screen.scan import Classifier, scan, units

    files = sorted(small_export.glob("*.ndjson"))
    whole, split = [], []
    for chunk, out in ((1 << 30, whole), (4096, split)):
        for i, u in enumerate(units(files, chunk)):
            scan(i, u, Classifier("sotorasib"), lambda pid, key, flags, seq, line, out=out: out.append(line))
    assert len(split) == len(whole) and sorted(split) == sorted(whole)
    assert all(orjson.loads(line) for line in split[:50])
