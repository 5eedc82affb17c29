"""Bulk Data screening from the EHR: ``priorauth screen --fhir-server URL`` against HAPI FHIR behind the
SMART authorization server (Backend Services), compared with screening the same NDJSON from disk; an
export interrupted mid-download resumes with ``--resume``; kick-off and status follow the spec."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from priorauth.cli.main import main
from priorauth.ehr import Connection
from priorauth.ehr.bulk import export
from priorauth.errors import PriorauthError
from tests.ehr.conftest import AS_OF, BULK, GROUP
from tests.ehr.conftest import bulk_patients as patients_of
from tests.ehr.servers import AuthServer, FaultProxy, Hapi, Rule, outcome


def determinations(out: Path, only: set[str] | None = None) -> dict[str, Any]:
    docs = {}
    for line in (out / "determinations.ndjson").read_text().splitlines():
        doc = json.loads(line)
        pid = doc["patient"]["id"] if isinstance(doc.get("patient"), dict) else doc.get("patient_id")
        if only is None or pid in only:
            docs[pid] = doc
    return docs


@pytest.fixture(scope="module")
def from_disk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BULK.exists():
        pytest.skip("../shared/data/synthea-bulk-10 is not available")
    out = tmp_path_factory.mktemp("disk")
    assert main(["screen", str(BULK), "-o", str(out), "--as-of", AS_OF, "--quiet", "--jobs", "1"]) == 0
    return out


def backend_args(auth: AuthServer) -> list[str]:
    return ["--client-id", "priorauth-es384", "--key", str(auth.keys["priorauth-es384"])]


def test_group_export_screens_like_the_files(
    bulk_hapi: Hapi, auth: AuthServer, from_disk: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = [
        "screen",
        "--fhir-server",
        auth.fhir,
        "--group",
        GROUP,
        "-o",
        str(out),
        "--as-of",
        AS_OF,
        "--quiet",
        "--poll-cap",
        "2",
    ]
    assert main([*args, *backend_args(auth), "--jobs", "1"]) == 0
    exported = out / "export"
    assert patients_of(exported) == patients_of(BULK)
    state = json.loads((exported / "state.json").read_text())
    assert state["complete"] and state["manifest"]["requiresAccessToken"] is True
    ours, theirs = determinations(out), determinations(from_disk)
    assert ours.keys() == theirs.keys() and ours, "the same candidates"
    assert ours == theirs
    summary = json.loads((out / "summary.json").read_text())["screening"]
    assert summary == json.loads((from_disk / "summary.json").read_text())["screening"]


def test_system_export_has_every_patient_and_the_same_determinations(
    bulk_hapi: Hapi, auth: AuthServer, from_disk: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["screen", "--fhir-server", auth.fhir, "-o", str(out), "--as-of", AS_OF, "--quiet", "--jobs", "1"]
    args += ["--poll-cap", "2"]
    assert main([*args, *backend_args(auth)]) == 0
    exported = set(patients_of(out / "export"))
    assert set(patients_of(BULK)) <= exported  # the server holds other test patients too
    theirs = determinations(from_disk)
    assert determinations(out, set(theirs)) == theirs


def test_interrupted_download_resumes(bulk_hapi: Hapi, from_disk: Path, tmp_path: Path) -> None:
    """A file download that keeps breaking stops the run (exit code, one line); --resume downloads only
    what is missing, without a new kick-off, and the screen equals the one from disk."""
    proxy = FaultProxy(bulk_hapi.base)
    try:
        downloads: list[str] = []

        def broken(hits: int) -> tuple[int, dict[str, str], bytes] | None:
            return (200, {"Content-Type": "application/fhir+ndjson", "Content-Length": "100000"}, b'{"resourceType"')

        def is_second_file(path: str) -> bool:
            if "/Binary/" not in path:
                return False
            if path not in downloads:
                downloads.append(path)
            return downloads.index(path) == 1

        proxy.rules.append(Rule(is_second_file, broken))
        out = tmp_path / "out"
        args = [
            "screen",
            "--fhir-server",
            proxy.base,
            "--group",
            GROUP,
            "-o",
            str(out),
            "--as-of",
            AS_OF,
            "--quiet",
            "--poll-cap",
            "2",
        ]
        assert main([*args, "--jobs", "1"]) != 0
        state = json.loads((out / "export" / "state.json").read_text())
        assert len(state["done"]) >= 1 and not state.get("complete")
        kickoffs_before = sum("$export?" in p or p.endswith("$export") for p in proxy.requests)
        first_file = downloads[0]
        proxy.rules.clear()
        proxy.requests.clear()
        assert main([*args, "--jobs", "1", "--resume"]) == 0
        assert kickoffs_before == 1
        assert not any("$export" in p and "poll" not in p for p in proxy.requests), "no new kick-off"
        assert first_file not in proxy.requests, "a finished file is not downloaded again"
        assert determinations(out) == determinations(from_disk)
    finally:
        proxy.close()


def test_status_polling_honours_retry_after_and_shows_progress(bulk_hapi: Hapi, tmp_path: Path) -> None:
    proxy = FaultProxy(bulk_hapi.base)
    try:
        polls = {"n": 0}

        def busy(hits: int) -> tuple[int, dict[str, str], bytes] | None:
            polls["n"] += 1
            if hits < 2:
                return 202, {"Retry-After": "7", "X-Progress": f"step {hits + 1} of 3"}, b""
            return None

        proxy.rules.append(Rule(lambda p: "$export-poll-status" in p, busy))
        waits: list[float] = []
        said: list[str] = []

        def sleep(seconds: float) -> None:
            waits.append(seconds)
            time.sleep(min(seconds, 1.0))

        stats = export(Connection(proxy.base), tmp_path / "export", GROUP, say=said.append, sleep=sleep)
        assert waits[:2] == [7.0, 7.0]
        assert stats.progress[:2] == ["step 1 of 3", "step 2 of 3"]
        assert any("step 1 of 3" in m for m in said)
        assert stats.files > 0 and stats.kickoffs == 1
    finally:
        proxy.close()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (outcome(500, "the export job failed"), "the export failed on the server (HTTP 500: the export job failed)"),
        (outcome(403, "not allowed"), "refused the export's status"),
    ],
)
def test_a_failed_export_is_one_line(
    bulk_hapi: Hapi, tmp_path: Path, status: tuple[int, dict[str, str], bytes], expected: str
) -> None:
    proxy = FaultProxy(bulk_hapi.base)
    try:
        proxy.rules.append(Rule(lambda p: "$export-poll-status" in p, lambda hits: status))
        with pytest.raises(PriorauthError) as err:
            export(Connection(proxy.base), tmp_path / "export", GROUP, sleep=lambda s: None)
        assert expected in err.value.message and "\n" not in err.value.message
    finally:
        proxy.close()


def test_an_unknown_group_is_one_line(hapi: Hapi, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "o")
    code = main(["screen", "--fhir-server", hapi.base, "--group", "no-such-group", "-o", out, "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "Group" in err[0], err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "-o", "OUT"], "give an export folder, or --fhir-server"),
        (["screen", "EXPORT", "--fhir-server", "http://127.0.0.1:9/fhir", "-o", "OUT"], "not both"),
        (["screen", "EXPORT", "--group", "g", "-o", "OUT"], "--group needs --fhir-server"),
        (["screen", "--fhir-server", "ftp://x/fhir", "-o", "OUT"], "is not an http(s) URL"),
        (["screen", "--fhir-server", "http://127.0.0.1:9/fhir", "--group", "a/b", "-o", "OUT"], "is not a FHIR id"),
    ],
)
def test_bad_bulk_arguments_are_one_line(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "Patient.ndjson").write_text('{"resourceType":"Patient","id":"p"}\n')
    subst = {"EXPORT": str(tmp_path / "export"), "OUT": str(tmp_path / "out")}
    assert main([subst.get(a, a) for a in args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
