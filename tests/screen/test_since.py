"""Incremental screening (``--since``) gives exactly what a full screen of the current chart gives: new and
updated resources, deletions listed in a Bundle, a new patient, a changed practitioner, a new as-of date."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from priorauth.cli.main import main
from priorauth.errors import PriorauthError
from tests.screen.conftest import AS_OF, run

LUNG = {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C34.90", "display": "Lung cancer"}]}


def _lines(folder: Path, name: str) -> list[dict]:
    return [orjson.loads(x) for f in sorted(folder.glob(f"{name}.*.ndjson")) for x in f.read_bytes().splitlines()]


def _ids(out: Path) -> list[str]:
    return [orjson.loads(x)["patient"]["id"] for x in (out / "determinations.ndjson").read_bytes().splitlines()]


def _changes(export: Path, first: Path) -> tuple[list[dict], set[str]]:
    """New or updated resources, and the keys a Bundle deletes."""
    candidates = _ids(first)
    patients = [p["id"] for p in _lines(export, "Patient")]
    outsider = next(p for p in patients if p not in candidates)
    conditions = _lines(export, "Condition")
    cancer_of = {c["subject"]["reference"][8:]: c for c in conditions if "C34" in orjson.dumps(c).decode()}
    with_cancer = [p for p in candidates if p in cancer_of]
    refuted = {**cancer_of[with_cancer[0]], "verificationStatus": {"coding": [{"code": "refuted"}]}}
    new = [
        {"resourceType": "Condition", "id": "new-lung", "subject": {"reference": f"Patient/{outsider}"}, "code": LUNG},
        refuted,  # updated: same id, now refuted
        {"resourceType": "Patient", "id": "newcomer", "birthDate": "1960-01-01"},
        {
            "resourceType": "Condition",
            "id": "newcomer-lung",
            "subject": {"reference": "Patient/newcomer"},
            "code": LUNG,
        },
    ]
    deleted = {f"Patient/{with_cancer[1]}", f"Condition/{cancer_of[with_cancer[2]]['id']}"}
    return new, deleted


def _write_since(folder: Path, new: list[dict], deleted: set[str]) -> None:
    folder.mkdir()
    (folder / "changes.ndjson").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in new))
    entries = [{"request": {"method": "DELETE", "url": k}} for k in sorted(deleted)]
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": entries}
    (folder / "deleted.ndjson").write_bytes(orjson.dumps(bundle) + b"\n")


def _write_current(export: Path, folder: Path, new: list[dict], deleted: set[str]) -> None:
    """The full export of the chart as it now stands: the old lines less the replaced and deleted, then the new."""
    gone = deleted | {f"{r['resourceType']}/{r['id']}" for r in new}
    folder.mkdir()
    for f in sorted(export.glob("*.ndjson")):
        keep = [x for x in f.read_bytes().splitlines() if _key(x) not in gone]
        (folder / f.name).write_bytes(b"".join(x + b"\n" for x in keep))
    (folder / "zzz-changes.ndjson").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in new))


def _key(line: bytes) -> str:
    r = orjson.loads(line)
    return f"{r['resourceType']}/{r.get('id')}"


def _same(a: Path, b: Path) -> None:
    assert (a / "determinations.ndjson").read_bytes() == (b / "determinations.ndjson").read_bytes()
    sa, sb = (orjson.loads((x / "summary.json").read_bytes()) for x in (a, b))
    assert sa["screening"] == sb["screening"]
    assert {k: v for k, v in sa["groups"].items()} == sb["groups"]


@pytest.fixture(scope="module")
def first(small_export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("first")
    run(small_export, out, keep_resources=True)
    return out


def test_a_run_keeps_resources_only_when_asked(small_export: Path, first: Path, tmp_path: Path) -> None:
    """By default the scan carries only the candidates' lines and keeps nothing for --since; with
    --keep-resources it keeps every patient's; the determinations are the same either way."""
    (tmp_path / "resources.parquet").write_bytes(b"a previous run's")  # stale: must not survive
    run(small_export, tmp_path)
    assert not (tmp_path / "resources.parquet").exists() and (first / "resources.parquet").is_file()
    _same(tmp_path, first)
    assert (tmp_path / "determinations.ndjson").read_bytes() == (first / "determinations.ndjson").read_bytes()
    with pytest.raises(PriorauthError, match="--keep-resources"):
        run(small_export, tmp_path / "again", since=tmp_path)


def test_since_equals_a_full_screen_of_the_current_chart(small_export: Path, first: Path, tmp_path: Path) -> None:
    new, deleted = _changes(small_export, first)
    _write_since(tmp_path / "since", new, deleted)
    _write_current(small_export, tmp_path / "current", new, deleted)
    report = run(tmp_path / "since", tmp_path / "out", since=first)
    run(tmp_path / "current", tmp_path / "full")
    _same(tmp_path / "out", tmp_path / "full")
    ids = _ids(tmp_path / "out")
    gone_patient = next(k[8:] for k in deleted if k.startswith("Patient/"))
    assert "newcomer" in ids and new[0]["subject"]["reference"][8:] in ids and gone_patient not in ids
    s = report["since"]
    assert s["deleted"] == 2 and s["touched_patients"] >= 5 and s["reevaluated_all_candidates"] is None
    assert s["carried_over"] >= len(ids) - 5  # only the touched are evaluated again
    assert (tmp_path / "out/resources.parquet").is_file()  # the next run can chain from this one


def test_since_with_a_changed_practitioner_or_date_reevaluates_all(
    small_export: Path, first: Path, tmp_path: Path
) -> None:
    doctor = _lines(small_export, "Practitioner")[0]
    new = [{**doctor, "name": [{"family": "Renamed"}]}]
    _write_since(tmp_path / "since", new, set())
    _write_current(small_export, tmp_path / "current", new, set())
    report = run(tmp_path / "since", tmp_path / "out", since=first, as_of="2026-12-01")
    assert report["since"]["reevaluated_all_candidates"] == "shared resources changed"
    assert report["since"]["carried_over"] == 0
    run(tmp_path / "current", tmp_path / "full", as_of="2026-12-01")
    _same(tmp_path / "out", tmp_path / "full")


def test_since_needs_a_previous_duckdb_output(
    small_export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["screen", str(small_export), "-o", str(tmp_path / "o"), "--as-of", AS_OF, "--quiet"]
    assert main([*args, "--since", str(tmp_path)]) == 2
    assert "not the output folder of a finished screen" in capsys.readouterr().err
    local = tmp_path / "local"
    run(small_export, local, engine="local")
    assert main([*args, "--since", str(local)]) == 2
    assert "no kept resources" in capsys.readouterr().err
    assert main([*args, "--keep-resources", "--engine", "local"]) == 2
    assert "--keep-resources needs the duckdb engine" in capsys.readouterr().err
    assert main([*args, "--since", str(local), "--engine", "local"]) == 2
    assert "--since needs the duckdb engine" in capsys.readouterr().err
    shutil.rmtree(local)
