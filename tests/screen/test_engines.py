"""The Spark engine (local mode) gives byte-identical determinations to the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.conftest import run


def test_spark_and_local_agree(small_export: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    local = run(small_export, tmp_path / "local")
    spark = run(small_export, tmp_path / "spark", engine="spark", master="local[2]")
    a = (tmp_path / "local/determinations.ndjson").read_bytes()
    b = (tmp_path / "spark/determinations.ndjson").read_bytes()
    assert a == b and a.count(b"\n") == local["screening"]["candidates"] > 20
    assert spark["screening"] == local["screening"] and spark["groups"] == local["groups"]
    assert spark["scan"] == local["scan"]


def test_spark_resume_evaluates_only_unfinished_buckets(small_export: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    first = run(small_export, tmp_path, engine="spark", master="local[2]")
    before = (tmp_path / "determinations.ndjson").read_bytes()
    (tmp_path / ".work/results/b00001.json").unlink()
    again = run(small_export, tmp_path, engine="spark", master="local[2]", resume=True)
    assert again["resumed_buckets"] == first["buckets"] - 1
    assert (tmp_path / "determinations.ndjson").read_bytes() == before
