"""Bad input: exit 2, one line on stderr, never a traceback (table-driven)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from priorauth.cli.main import main
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples/nsclc-ready.json")
PATIENT = {"resourceType": "Patient", "id": "a", "birthDate": "1960-01-01"}


def _write(tmp: Path, name: str, content: bytes | str) -> str:
    p = tmp / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return str(p)


BAD_FILES = [
    ("invalid JSON", "bad.json", "{not json"),
    ("JSON that is not FHIR", "x.json", '{"hello": "world"}'),
    ("a JSON number", "n.json", "42"),
    ("binary data", "b.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
    ("latin-1 bytes", "l.json", b'{"resourceType": "Patient", "name": "\xe9"}'),
    ("an empty file", "e.json", ""),
    ("whitespace only", "w.json", "  \n\n "),
    ("no Patient", "np.json", json.dumps({"resourceType": "Condition", "id": "c"})),
    ("NDJSON with only junk", "j.ndjson", "nope\n{broken\n"),
    ("a Bundle with no entries", "eb.json", '{"resourceType": "Bundle", "type": "collection"}'),
    (
        "several Patients",
        "two.ndjson",
        json.dumps(PATIENT) + "\n" + json.dumps({**PATIENT, "id": "b"}) + "\n",
    ),
]


@pytest.mark.parametrize(("what", "name", "content"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, name: str, content: str) -> None:
    code = main(["check", _write(tmp_path, name, content), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2, what
    assert out == ""
    assert err.startswith("priorauth: ") and err.count("\n") == 1, err


BAD_ARGS = [
    ("missing path", ["check", "/nonexistent/chart.json"]),
    ("empty folder", ["check", "{tmp}"]),
    ("unknown patient", ["check", EXAMPLE, "--patient", "nobody"]),
    ("unknown payer", ["check", EXAMPLE, "--payer", "acme-health"]),
    ("malformed as-of", ["check", EXAMPLE, "--as-of", "2026-13-45"]),
    ("as-of not a date", ["check", EXAMPLE, "--as-of", "yesterday"]),
    ("unknown format", ["check", EXAMPLE, "--format", "xml"]),
    ("no command", []),
    ("unknown option", ["check", EXAMPLE, "--frobnicate"]),
]


@pytest.mark.parametrize(("what", "argv"), BAD_ARGS, ids=[b[0] for b in BAD_ARGS])
def test_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, argv: list[str]) -> None:
    code = main([a.replace("{tmp}", str(tmp_path)) for a in argv])
    out, err = capsys.readouterr()
    assert code == 2, what
    assert out == ""
    assert err.startswith("priorauth: ") and err.count("\n") == 1, err


def test_several_patients_error_names_the_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "two.ndjson", json.dumps(PATIENT) + "\n" + json.dumps({**PATIENT, "id": "b"}) + "\n")
    assert main(["check", path]) == 2
    err = capsys.readouterr().err
    assert "a, b" in err and "--patient" in err


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    """The installed entry point (python -m priorauth) on bad input: exit 2, one line, no traceback."""
    path = _write(tmp_path, "bad.json", "{")
    p = subprocess.run([sys.executable, "-m", "priorauth", "check", path], capture_output=True, text=True, check=False)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and p.stderr.count("\n") == 1


def test_good_input_exits_zero_with_one_json_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["overall"] == "ready"


def test_text_report_lists_criteria_and_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", EXAMPLE, "--as-of", "2026-11-20", "--format", "text"]) == 0
    out = capsys.readouterr().out
    for needle in ("READY to submit", "kras_g12c", "Observation/kras1", "C34.11", "81445", "acid reducer", "Documents"):
        assert needle.lower() in out.lower(), needle


def test_policies_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "list", "--as-of", "2026-11-20"]) == 0
    out = capsys.readouterr()
    assert "sotorasib\tbcbs-nc\t" in out.out and "adagrasib\tdefault\t" in out.out
    assert out.err == ""
