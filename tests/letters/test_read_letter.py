"""``priorauth read-letter`` (issue 18): table-driven over the tuning letters (digital PDFs, and a fax
of each kind), the JSON shape of the issue, the patient check, unusable input (exit 2, one line) and
fuzzed bytes: never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from priorauth.cli.main import main
from tests.letters import render

LETTERS = render.letters("tuning")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
SHAPE = {
    "outcome",
    "authorization_number",
    "period",
    "quantity",
    "denial_reason",
    "appeal_deadline",
    "requested",
    "patient",
    "fields",
    "warnings",
}


def read(tmp_path: Path, raw: bytes, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, Any, str]:
    path = tmp_path / "letter.bin"
    path.write_bytes(raw)
    code = main(["read-letter", str(path), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def check(letter: dict[str, Any], got: dict[str, Any]) -> None:
    e = letter["expected"]
    assert set(got) >= SHAPE, got.keys()
    assert got["outcome"] == e["outcome"]
    number = e["authorization_number"]
    assert (got["authorization_number"] or "").replace("-", "") == (str(number) if number else "").replace("-", "")
    assert got["period"] == {"start": (e.get("period") or {}).get("start"), "end": (e.get("period") or {}).get("end")}
    assert got["appeal_deadline"] == e["appeal_deadline"]
    for piece in e.get("denial_reason_contains") or []:
        assert piece.lower() in (got["denial_reason"] or "").lower()
    asked = " | ".join(r["item"] for r in got["requested"]).lower()
    for piece in e.get("requested_contains") or []:
        assert piece.lower() in asked
    for f in got["fields"]:
        assert set(f) >= {"name", "value", "source", "page", "confidence"} and f["source"].startswith("#char=")


@pytest.mark.parametrize("letter", [x for x in LETTERS if not x["expected"]["patient_mismatch"]], ids=lambda x: x["id"])
def test_every_tuning_letter_reads_as_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], letter: dict[str, Any]
) -> None:
    code, out, err = read(tmp_path, render.digital_pdf(letter), capsys, "--format", "json")
    assert code == 0 and err == ""
    got = json.loads(out)
    check(letter, got)
    for f in got["fields"]:  # a span cites the words it was read from
        assert f["page"] >= 1 and f["confidence"] == 1.0


@pytest.mark.parametrize("letter", [x for x in LETTERS if x["expected"]["patient_mismatch"]], ids=lambda x: x["id"])
def test_a_letter_about_another_patient_proposes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], letter: dict[str, Any]
) -> None:
    p = letter["case"]["patient"]
    args = (
        "--format",
        "json",
        "--patient-name",
        p["name"],
        "--birth-date",
        p["birth_date"],
        "--member-id",
        p["member_id"],
    )
    code, out, _ = read(tmp_path, render.digital_pdf(letter), capsys, *args)
    got = json.loads(out)
    assert code == 0 and got["warnings"][0].startswith("the letter is about another patient")
    assert got["outcome"] is None and got["authorization_number"] is None and got["requested"] == []
    assert got["patient"]["matches_case"] is False and got["patient"]["mismatch"]
    # the same letter matched against its own patient is proposed
    e = letter["expected"]["patient"]
    code, out, _ = read(tmp_path, render.digital_pdf(letter), capsys, "--format", "json", "--patient-name", e["name"])
    assert json.loads(out)["outcome"] == letter["expected"]["outcome"]


def test_text_format_lists_fields_with_their_spans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    denial = next(x for x in LETTERS if x["id"] == "t02-denial-summit")
    code, out, _ = read(tmp_path, render.digital_pdf(denial), capsys, "--format", "text")
    assert code == 0
    assert "Outcome: denied  [page 1, #char=" in out and "Appeal deadline: 2026-12-06" in out


@needs_tesseract
@pytest.mark.parametrize("lid", ["t02-denial-summit", "t07-approval-cascade", "t11-rfi-meridian"])
def test_fax_letters_read_like_their_digital_twins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lid: str
) -> None:
    letter = next(x for x in LETTERS if x["id"] == lid)
    code, out, _ = read(tmp_path, render.fax(letter), capsys, "--format", "json")
    assert code == 0
    got = json.loads(out)
    check(letter, got)
    assert got["ocr"] is True and all(f["confidence"] < 1.0 for f in got["fields"])


BAD = [
    ("empty", b"", "the letter is empty"),
    ("text", b"Dear Doctor, your request was approved.", "a payer letter is a PDF, TIFF, PNG or JPEG file"),
    ("broken pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "cannot be read"),
    ("truncated png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "cannot be read"),
    ("broken tiff", b"II*\x00\x08\x00\x00\x00\xff\xff", "cannot be read"),
    ("jpeg header", b"\xff\xd8\xff\xe0\x00\x10JFIF", "cannot be read"),
]


@pytest.mark.parametrize(("what", "raw", "message"), BAD, ids=[b[0] for b in BAD])
def test_unusable_input_exits_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, raw: bytes, message: str
) -> None:
    code, out, err = read(tmp_path, raw, capsys)
    assert code == 2 and out == ""
    assert err.startswith("priorauth: ") and err.count("\n") == 1 and message in err, err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["read-letter", "/no/such/letter.pdf"], "no such file"),
        (["read-letter", "x.pdf", "--format", "xml"], "invalid choice"),
        (["read-letter"], "the following arguments are required"),
    ],
)
def test_bad_arguments(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("priorauth: ") and err.count("\n") == 1 and message in err


def test_a_bad_birth_date_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = read(tmp_path, render.digital_pdf(LETTERS[0]), capsys, "--birth-date", "12/31/99")
    assert code == 2 and err.count("\n") == 1


MAGIC = [b"", b"%PDF-1.4\n", b"II*\x00", b"MM\x00*", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(MAGIC), body=st.binary(max_size=400))
def test_fuzzed_bytes_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: bytes, body: bytes
) -> None:
    code, _out, err = read(tmp_path, prefix + body, capsys)
    assert code in (0, 2), err
    assert "Traceback" not in err and (code == 0 or err.count("\n") == 1)


def test_a_real_pdf_cut_short_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = render.digital_pdf(LETTERS[0])
    for cut in (len(raw) // 3, len(raw) // 2, len(raw) - 40):
        code, _out, err = read(tmp_path, raw[:cut], capsys)
        assert code in (0, 2) and "Traceback" not in err


def test_the_command_runs_as_a_program(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(render.digital_pdf(LETTERS[1]))
    p = subprocess.run(
        [sys.executable, "-m", "priorauth", "read-letter", str(path)], capture_output=True, text=True, check=False
    )
    assert p.returncode == 0 and json.loads(p.stdout)["outcome"] == "denied"  # json when not a terminal
