"""``priorauth packet``: every shared example produces every file; bad input is exit 2 and one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from priorauth.cli.main import main
from tests.conftest import shared_path
from tests.outputs.packet.conftest import AS_OF, EXAMPLE, PRACTICE, SHARED_EXAMPLES

FILES = [
    "packet.pdf",
    "letter-of-medical-necessity.pdf",
    "letter-of-medical-necessity.docx",
    "questionnaire.json",
    "questionnaire-response.json",
    "determination.json",
]  # no pas-bundle.json: these charts' drug is (assumed) on the pharmacy benefit, outside PAS


@pytest.mark.parametrize("name", SHARED_EXAMPLES)
def test_every_shared_example_produces_every_file(name: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    chart = shared_path("examples", f"{name}.json")
    rc = main(
        ["packet", str(chart), "-o", str(tmp_path), "--as-of", AS_OF, "--denial-reason", "not medically necessary"]
    )
    assert rc == 0
    printed = capsys.readouterr().out.split()
    for f in [*FILES, "appeal-letter.pdf", "appeal-letter.docx"]:
        assert (tmp_path / f).stat().st_size > 0, f
        assert str(tmp_path / f) in printed
    assert not (tmp_path / "pas-bundle.json").exists()


def test_with_practice_and_payer(tmp_path: Path) -> None:
    rc = main(["packet", str(EXAMPLE), "-o", str(tmp_path / "new" / "dir"), "--as-of", AS_OF,
               "--practice", str(PRACTICE), "--payer", "wha"])  # fmt: skip
    assert rc == 0
    assert sorted(p.name for p in (tmp_path / "new/dir").iterdir()) == sorted(FILES)


def _bad_practice(tmp: Path, text: str) -> str:
    p = tmp / "practice.yaml"
    p.write_text(text)
    return str(p)


GOOD = PRACTICE.read_text()
BAD = [
    ("missing file", lambda t: str(t / "nope.yaml"), "does not exist"),
    ("not a mapping", lambda t: _bad_practice(t, "- a\n- b\n"), "must be a mapping"),
    ("bad YAML", lambda t: _bad_practice(t, "name: [unclosed\n"), "cannot be read"),
    ("unknown key", lambda t: _bad_practice(t, GOOD + "colour: blue\n"), "colour"),
    ("bad NPI", lambda t: _bad_practice(t, GOOD.replace('npi: "1234567893"', 'npi: "12345"')), "npi"),
    ("missing fax", lambda t: _bad_practice(t, GOOD.replace('fax: "(217) 555-0143"\n', "")), "fax"),
]


@pytest.mark.parametrize(("what", "make", "says"), BAD, ids=[b[0] for b in BAD])
def test_bad_practice_profile(what, make, says, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc = main(["packet", str(EXAMPLE), "-o", str(tmp_path / "out"), "--practice", make(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 2 and says in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--as-of", "2026-13-01"], "not a date"),
        (["--payer", "nobody"], "nobody"),
        (["--drug", "aspirin"], "aspirin"),
    ],
)
def test_bad_arguments(args: list[str], says: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc = main(["packet", str(EXAMPLE), "-o", str(tmp_path / "out"), *args])
    err = capsys.readouterr().err
    assert rc == 2 and says in err and err.count("\n") == 1


def test_no_patient(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc = main(["packet", str(shared_path("examples", "e08_no_patient.json")), "-o", str(tmp_path)])
    assert rc == 2 and "no Patient" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    rc = main(["packet", str(EXAMPLE), "-o", str(blocker / "sub"), "--as-of", AS_OF])
    err = capsys.readouterr().err
    assert rc == 2 and "cannot write the packet" in err and err.count("\n") == 1


def test_output_is_required(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["packet", str(EXAMPLE)]) == 2
    assert "-o" in capsys.readouterr().err


def test_rerun_without_a_reason_removes_the_old_appeal(tmp_path: Path) -> None:
    base = ["packet", str(EXAMPLE), "-o", str(tmp_path), "--as-of", AS_OF]
    assert main([*base, "--denial-reason", "not medically necessary"]) == 0
    assert (tmp_path / "appeal-letter.pdf").exists()
    (tmp_path / "notes.txt").write_text("staff file")
    assert main(base) == 0
    assert not (tmp_path / "appeal-letter.pdf").exists() and not (tmp_path / "appeal-letter.docx").exists()
    assert (tmp_path / "notes.txt").exists()  # only the packet's own files are touched
