"""Screening an export gives, for every candidate, exactly the determination ``check`` gives on the
whole export for that patient; outputs, resume, and the bad-input rules of the CLI."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import priorauth
from priorauth.cli.main import main
from tests.conftest import shared_path
from tests.screen.conftest import AS_OF, run

NSCLC = "129c6ac7-8d06-89de-ad63-0204a93e76c3"


def _docs(out: Path) -> list[dict]:
    return [orjson.loads(line) for line in (out / "determinations.ndjson").read_bytes().splitlines()]


def _same_as_check(doc: dict, export: Path) -> None:
    expected = priorauth.check(str(export), as_of=AS_OF, patient=doc["patient"]["id"])
    expected.pop("warnings", None)  # check() warns about the export's non-FHIR log file; screen counts it
    assert {k: v for k, v in doc.items() if k != "warnings"} == expected


def _one_away(doc: dict) -> bool:
    required = [c["status"] for c in doc["criteria"] if c["required"]]
    return (
        doc["overall"] == "needs_documentation"
        and required.count("insufficient") == 1
        and all(x in ("met", "insufficient") for x in required)
    )


def test_synthea_bulk_export_finds_the_nsclc_patient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = shared_path("data", "synthea-bulk-10")
    assert main(["screen", str(export), "-o", str(tmp_path), "--as-of", AS_OF, "--quiet", "--jobs", "2"]) == 0
    printed = capsys.readouterr().out
    docs = _docs(tmp_path)
    assert [d["patient"]["id"] for d in docs] == [NSCLC]
    _same_as_check(docs[0], export)
    assert f"Patient/{NSCLC}: {docs[0]['overall']}" in printed
    assert "kras_g12c: insufficient" in printed  # the status is explained criterion by criterion
    summary = orjson.loads((tmp_path / "summary.json").read_bytes())
    assert summary["groups"]["patients"] == 13 and summary["scan"]["not_fhir_lines"] == 4  # log.ndjson


def test_every_candidate_matches_check(small_export: Path, tmp_path: Path) -> None:
    report = run(small_export, tmp_path)
    docs = _docs(tmp_path)
    assert report["screening"]["candidates"] == len(docs) > 20
    assert [d["patient"]["id"] for d in docs] == sorted(d["patient"]["id"] for d in docs)
    for doc in docs[::5]:
        _same_as_check(doc, small_export)


def test_outputs_parquet_and_report(small_export: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    report = run(small_export, tmp_path)
    table = pq.read_table(tmp_path / "determinations.parquet")
    docs = _docs(tmp_path)
    assert table.column("patient_id").to_pylist() == [d["patient"]["id"] for d in docs]
    assert table.column("overall").to_pylist() == [d["overall"] for d in docs]
    html = (tmp_path / "summary.html").read_text("utf-8")
    for heading in (
        "Candidates by overall status",
        "Most common missing items",
        "Candidates by payer",
        "One document away from ready",
        "Renewals due",
        "Liver tests due",
    ):
        assert heading in html
    s = report["screening"]
    assert s["ready"] > 0 and s["renewals_due"] > 0 and s["missing"]["kras_g12c"] > 0
    assert sum(s["overall"].values()) == s["candidates"] == sum(s["payer"].values())
    away = [d for d in docs if _one_away(d)]
    assert s["one_document_away"] == len(away) > 0
    for d in away[:3]:  # listed with the one missing criterion
        missing = next(c["id"] for c in d["criteria"] if c["required"] and c["status"] == "insufficient")
        assert f"<td>{missing}</td><td>{d['patient']['id']}</td>" in html


@pytest.mark.parametrize("engine", ["duckdb", "local"])
def test_resume_skips_finished_buckets(engine: str, small_export: Path, tmp_path: Path) -> None:
    first = run(small_export, tmp_path, engine=engine)
    before = (tmp_path / "determinations.ndjson").read_bytes()
    results = tmp_path / ".work" / "results"
    (results / "b00003.json").unlink()  # as if the run stopped before bucket 3 finished
    again = run(small_export, tmp_path, resume=True, engine=engine)
    assert again["resumed_buckets"] == first["buckets"] - 1
    assert (tmp_path / "determinations.ndjson").read_bytes() == before
    assert again["screening"] == first["screening"] and again["groups"] == first["groups"]
    fresh = run(small_export, tmp_path, engine=engine)  # without --resume everything is redone
    assert fresh["resumed_buckets"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "/nonexistent/export", "-o", "OUT"], "no such export folder"),
        (["screen", "EXPORT", "-o", "OUT", "--engine", "hadoop"], "invalid choice"),
        (["screen", "EXPORT", "-o", "OUT", "--as-of", "tomorrow"], "is not a date"),
        (["screen", "EXPORT", "-o", "OUT", "--drug", "aspirin"], "unknown drug"),
        (["screen", "EMPTY", "-o", "OUT"], "no NDJSON files"),
        (["screen", "EXPORT", "-o", "EXPORT/out"], "must not be inside"),
        (["screen", "EXPORT", "-o", "OUT", "--jobs", "two"], "--jobs 'two' is not a whole number"),
        (["synth", "OUT", "-n", "many"], "--patients 'many' is not a whole number"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    args: list[str], message: str, small_export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    subst = {"EXPORT": str(small_export), "EMPTY": str(tmp_path / "empty"), "OUT": str(tmp_path / "o")}
    argv = [subst.get(a, a.replace("EXPORT", str(small_export))) for a in args]
    assert main([*argv, "--quiet"] if argv[0] == "screen" else argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
