"""A practice's own packs (``--packs DIR``): chosen like shipped ones, winning a tie on the payer with a
warning, never reusing a shipped id; and the CLI's help and errors around packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from priorauth.cli.main import main
from priorauth.policy import registry
from tests.conftest import ROOT

CHART = str(ROOT / "examples/nsclc-ready.json")  # its payer is "Aetna"


OWN = """id: {id}
version: "2026.11.1"
name: The practice's own {name} pack
extends: default
drug: sotorasib
policy: {{url: "https://payer.example/pa/lumakras", title: "LUMAKRAS criteria", revision: "11/2026"}}
effective: 2026-11-01
review_by: 2099-12-31
sources: {{own: "https://payer.example/pa/lumakras"}}
match: {{names: ["{name}"]}}
decision_clocks: {{source: own}}
overrides: {{parameters: {{approval_duration: {{months: 3}}}}}}
"""


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A practice folder with its own packs for Aetna and for Highmark (which a shipped pack matches too)."""
    monkeypatch.setenv(registry.PACKS_ENV, "")
    (tmp_path / "sotorasib").mkdir()
    (tmp_path / "sotorasib/aetna-own.yaml").write_text(OWN.format(id="aetna-own", name="Aetna"))
    (tmp_path / "sotorasib/highmark-own.yaml").write_text(OWN.format(id="highmark-own", name="Highmark"))
    return tmp_path


def _check(capsys: pytest.CaptureFixture[str], *args: str, chart: str = CHART) -> dict:
    assert main(["check", chart, "--as-of", "2026-11-20", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_practice_pack_matches_the_coverage(packs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _check(capsys, "--packs", str(packs))
    assert doc["policy"]["id"] == "aetna-own"
    assert "practice's own pack" in doc["policy"]["chosen_because"]
    assert doc["prior_authorization"]["requested_period"]["duration"] == "3 months"


def test_the_practice_pack_wins_a_tie_with_a_warning(
    packs: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chart = tmp_path / "highmark.json"
    chart.write_text(Path(CHART).read_text().replace('"name": "Aetna"', '"name": "Highmark"', 1))
    assert _check(capsys, chart=str(chart))["policy"]["id"] == "highmark"  # the shipped pack alone
    doc = _check(capsys, "--packs", str(packs), chart=str(chart))
    assert doc["policy"]["id"] == "highmark-own"
    assert any("the practice's own applies" in w for w in doc["warnings"])


def test_a_shipped_id_cannot_be_reused(packs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (packs / "sotorasib/aetna-own.yaml").rename(packs / "sotorasib/highmark.yaml")
    assert main(["check", CHART, "--packs", str(packs)]) == 2
    assert "is a shipped pack's" in capsys.readouterr().err


def test_payer_ids_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(capsys, "--payer", "BCBS-NC")["policy"]["id"] == "bcbs-nc"


def test_an_unknown_payer_says_leaving_it_out_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", CHART, "--payer", "acme"]) == 2
    assert "leave --payer out to match the chart's coverage" in capsys.readouterr().err


def test_a_missing_packs_folder_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv(registry.PACKS_ENV, "")
    assert main(["check", CHART, "--packs", "/nonexistent/packs"]) == 2
    assert capsys.readouterr().err == "priorauth: --packs /nonexistent/packs: no such folder\n"


@pytest.mark.parametrize("sub", ["list", "show", "validate"])
def test_each_policies_subcommand_has_its_own_help(sub: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["policies", sub, "--help"])
    assert f"usage: priorauth policies {sub}" in capsys.readouterr().out


def test_a_usage_error_points_at_the_subcommands_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", CHART, "--format", "html"]) == 2
    assert "(see 'priorauth check --help')" in capsys.readouterr().err
