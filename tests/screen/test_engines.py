"""The engines give byte-identical determinations on the same export: DuckDB (the default), the
Python scan (``local``) and Spark (local mode); the same scan statistics and population counts too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.screen.conftest import run


def _same(a: dict, b: dict, out_a: Path, out_b: Path) -> None:
    da, db = (out_a / "determinations.ndjson").read_bytes(), (out_b / "determinations.ndjson").read_bytes()
    assert da == db and da.count(b"\n") == a["screening"]["candidates"]
    assert a["screening"] == b["screening"] and a["groups"] == b["groups"] and a["scan"] == b["scan"]


def test_duckdb_and_local_agree(small_export: Path, tmp_path: Path) -> None:
    duck = run(small_export, tmp_path / "duckdb", engine="duckdb")
    local = run(small_export, tmp_path / "local", engine="local")
    assert duck["screening"]["candidates"] > 20
    _same(duck, local, tmp_path / "duckdb", tmp_path / "local")


def test_engines_agree_on_a_damaged_export(damaged_export: Path, tmp_path: Path) -> None:
    duck = run(damaged_export, tmp_path / "duckdb", engine="duckdb")
    local = run(damaged_export, tmp_path / "local", engine="local")
    assert duck["scan"]["corrupt_lines"] >= 2 and duck["scan"]["file_problems"]
    _same(duck, local, tmp_path / "duckdb", tmp_path / "local")


def test_spark_and_duckdb_agree(small_export: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    duck = run(small_export, tmp_path / "duckdb")
    spark = run(small_export, tmp_path / "spark", engine="spark", master="local[2]")
    _same(duck, spark, tmp_path / "duckdb", tmp_path / "spark")


def test_spark_resume_evaluates_only_unfinished_buckets(small_export: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    first = run(small_export, tmp_path, engine="spark", master="local[2]")
    before = (tmp_path / "determinations.ndjson").read_bytes()
    (tmp_path / ".work/results/b00001.json").unlink()
    again = run(small_export, tmp_path, engine="spark", master="local[2]", resume=True)
    assert again["resumed_buckets"] == first["buckets"] - 1
    assert (tmp_path / "determinations.ndjson").read_bytes() == before


def test_engines_agree_on_invalid_utf8(small_export: Path, tmp_path: Path) -> None:
    """A line DuckDB rejects (invalid UTF-8) is one corrupt line, however many times the files are read (the
    candidate pass and the full pass both read them)."""
    export = tmp_path / "export"
    shutil.copytree(small_export, export)
    with open(export / "Condition.000.ndjson", "ab") as f:
        f.write(b'{"resourceType": "Condition", "id": "bad-\xff\xfe", "subject": {"reference": "Patient/x"}}\n')
    duck = run(export, tmp_path / "duckdb", engine="duckdb")
    local = run(export, tmp_path / "local", engine="local")
    assert duck["scan"]["corrupt_lines"] == 1
    _same(duck, local, tmp_path / "duckdb", tmp_path / "local")
