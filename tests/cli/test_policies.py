"""The pack commands (list, show, validate) and the issue's end-to-end answers through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from priorauth.cli.main import main
from tests.conftest import PACKS, ROOT, case_chart, load_cases

BCBS = (PACKS / "sotorasib/bcbs-nc.yaml").read_text()


def _line_of(text: str, needle: str) -> int:
    return next(i for i, t in enumerate(text.splitlines(), 1) if needle in t)


# (what is wrong, how the file is broken, the one line expected on stderr, relative to the broken file)
BROKEN = [
    (
        "misspelt key",
        lambda t: t.replace("quantity_limits:", "quantity_limit:"),
        lambda t, f: (
            f"{f}:{_line_of(t, 'quantity_limit:')}: overrides.parameters.quantity_limit: unknown key (misspelt?)"
        ),
    ),
    (
        "unknown criterion",
        lambda t: t.replace("id: disease_progression", "id: disease_progresion"),
        lambda t, f: (
            f"{f}:{_line_of(t, 'disease_progresion')}: overrides.indications.nsclc.initial.0.id: unknown criterion 'disease_progresion'"
        ),
    ),
    (
        "missing policy source URL",
        lambda t: t.replace(
            "  url: https://www.bluecrossnc.com/providers/policies-guidelines-codes/commercial/um/pharmacy-benefit/updates/lumakras-nc-standard\n",
            "",
            1,
        ),
        lambda t, f: f"{f}:{_line_of(t, 'policy:')}: policy.url: required field missing",
    ),
    (
        "new criterion without a source",
        lambda t: t.replace(
            "      initial:\n",
            "      renewal:\n        - {id: disease_progression, required: true, description: Progression}\n      initial:\n",
            1,
        ),
        lambda t, f: (
            f"{f}:{_line_of(t, 'description: Progression')}: overrides.indications.nsclc.renewal.0: criterion 'disease_progression' is new here"
        ),
    ),
    (
        "source key not in sources",
        lambda t: t.replace(
            'source: bcbsnc_policy, description: "Prescribed', 'source: bcbs_policy, description: "Prescribed'
        ),
        lambda t, f: (
            f"{f}:{_line_of(t, 'bcbs_policy, description')}: overrides.indications.nsclc.initial.1.source: unknown source 'bcbs_policy'"
        ),
    ),
]


@pytest.mark.parametrize(("what", "breaks", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_rejects_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, breaks, expected
) -> None:
    text = breaks(BCBS)
    assert text != BCBS, "the edit did not apply"
    f = tmp_path / "my-plan.yaml"
    f.write_text(text)
    assert main(["policies", "validate", str(f)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(expected(text, str(f))), err
    assert err[-1].startswith("priorauth: 1 problem(s)") and len(err) == 2


def test_validate_a_practice_folder_with_its_own_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "default.yaml").write_text((PACKS / "sotorasib/default.yaml").read_text())
    (tmp_path / "acme.yaml").write_text(BCBS.replace("id: bcbs-nc", "id: acme"))
    (tmp_path / "acme.cases.yaml").write_text("not a pack: skipped\n")
    assert main(["policies", "validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "2 pack file(s) valid"


def test_validate_shipped_and_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "validate"]) == 0
    assert "pack file(s) valid" in capsys.readouterr().out
    assert main(["policies", "validate", "/nonexistent/pack.yaml"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_list_warns_when_review_is_past(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "list", "--as-of", "2027-03-15"]) == 0
    out = capsys.readouterr()
    assert "sotorasib\twha\t" in out.out and "REVIEW OVERDUE" in out.out
    assert "warning: pack sotorasib/wha was due for review on 2027-02-28" in out.err
    assert "bcbs-nc was due" not in out.err  # review by 2027-05-31


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (
            ["bcbs-nc"],
            ["bcbs-nc 2026.11.2", "extends     default", "320 mg 3/day", "disease_progression", "bcbsnc_policy"],
        ),
        (["centene-medicaid"], ["6 months", "expedited 24 h", "no_prior_kras_g12c_inhibitor"]),
        (["default", "--drug", "adagrasib"], ["KRAZATI (adagrasib)", "1200 mg", "with_cetuximab"]),
    ],
)
def test_show(capsys: pytest.CaptureFixture[str], args: list[str], needles: list[str]) -> None:
    assert main(["policies", "show", *args]) == 0
    out = capsys.readouterr().out
    for n in needles:
        assert n in out, n


def test_show_json_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "show", "highmark", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["parameters"]["accepted_tests"] == "fda_approved"
    assert main(["policies", "show", "nope"]) == 2
    assert main(["policies", "show"]) == 2
    assert main(["check", str(ROOT / "examples/nsclc-ready.json"), "--drug", "aspirin"]) == 2
    assert "unknown drug 'aspirin'" in capsys.readouterr().err


def _chart(tmp_path: Path, pack: str, case_name: str, drug: str = "sotorasib") -> str:
    spec = load_cases(pack, drug)
    case = next(c for c in spec["cases"] if c["name"] == case_name)
    p = tmp_path / "chart.json"
    p.write_text(json.dumps(case_chart(spec, case)))
    return str(p)


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["check", *args, "--as-of", "2026-11-20", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_done_when_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = _chart(tmp_path, "default", "prior adagrasib")
    doc = _check(capsys, chart, "--payer", "centene-medicaid")
    assert {c["id"]: c["status"] for c in doc["criteria"]}["no_prior_kras_g12c_inhibitor"] == "not_met"
    chart = _chart(tmp_path, "bcbs-nc", "without documented progression the request needs documentation")
    doc = _check(capsys, chart, "--payer", "bcbs-nc")
    assert {c["id"]: c["status"] for c in doc["criteria"]}["disease_progression"] == "insufficient"
    assert doc["overall"] == "needs_documentation" and doc["policy"]["id"] == "bcbs-nc"
    doc = _check(capsys, str(ROOT / "examples/mcrc-ready.json"))
    assert (doc["indication"], doc["overall"], doc["codes"]["icd10_primary"]) == ("mcrc", "ready", ["C18.7"])


def test_drug_flag_and_lead_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = _chart(tmp_path, "default", "base chart is ready for KRAZATI", "adagrasib")
    doc = _check(capsys, chart, "--drug", "adagrasib", "--payer", "default", "--renewal-lead-days", "45")
    assert (doc["drug"], doc["overall"], doc["prior_authorization"]["renewal_lead_days"]) == ("adagrasib", "ready", 45)
    doc = _check(capsys, chart)  # the same chart asked for sotorasib: no LUMAKRAS order
    assert doc["drug"] == "sotorasib" and doc["overall"] == "needs_documentation"
    assert main(["check", chart, "--renewal-lead-days", "-3"]) == 2


def test_text_report_names_the_drug_and_periods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = _chart(tmp_path, "bcbs-nc", "base chart is ready under Blue Cross NC")
    assert main(["check", chart, "--payer", "bcbs-nc", "--as-of", "2026-11-20", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sotorasib prior authorization - READY")
    assert "Request 365 days: 2026-11-20 to 2027-11-19" in out and "Renewal start by 2027-10-20" in out


def test_cases_files_are_yaml_mappings() -> None:
    for f in PACKS.glob("*/*.cases.yaml"):
        assert isinstance(yaml.safe_load(f.read_text()), dict), f
