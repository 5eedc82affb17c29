"""docs/payer-letters.md stays true: its example is the CLI's real output on the tuning letter it names,
its numbers are those of the committed measurement, and the scoring script it cites runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from priorauth.cli.main import main
from tests.conftest import ROOT
from tests.letters import render

DOC = (ROOT / "docs" / "payer-letters.md").read_text("utf-8")


def test_the_example_is_the_real_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = next(x for x in render.letters() if x["id"] == "t02-denial-summit")
    path = tmp_path / "denial.pdf"
    path.write_bytes(render.digital_pdf(letter))
    assert main(["read-letter", str(path), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    shown = json.loads(re.search(r"```json\n(.*?)\n```", DOC, re.S).group(1))
    assert shown == {**got, "fields": got["fields"][:2]}


def test_the_scoring_script_runs_quick() -> None:
    p = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "letter_quality.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert p.returncode == 0, p.stderr
    assert "tuning letters at digital: 2 letters" in p.stdout and "outcomes wrong: 0" in p.stdout


def test_the_tuning_numbers_in_the_doc_are_todays_digital_reading() -> None:
    """The digital tuning row is re-measured here (seconds): the doc's row must say what the reader does."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import letter_quality

    result = letter_quality.score("tuning", "digital")
    row = re.search(r"\| tuning \| digital \| (\d+) \| ([\d.]+)% \| ([\d.]+)% \| ([\d.]+)% \| (\d+) \|", DOC)
    assert row, "the doc's measured table has no tuning/digital row"
    letters, outcome, number, dates, wrong = row.groups()
    f = result["fields"]
    assert int(letters) == result["letters"] and int(wrong) == result["outcome_wrong"]
    assert float(outcome) == round(100 * f["outcome"]["correct"], 1)
    assert float(number) == round(100 * f["authorization_number"]["correct"], 1)
    low = min(f[k]["correct"] for k in ("period_start", "period_end", "appeal_deadline"))
    assert float(dates) == round(100 * low, 1)


def test_the_former_heldout_digital_row_is_todays_reading() -> None:
    """The development set's last digital row (seconds to re-measure) is what the reader does today."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import letter_quality

    result = letter_quality.score("heldout", "digital")
    rows = re.findall(
        r"\| former held-out \(development\) \| digital \| (\d+) \| ([\d.]+)% \| ([\d.]+)% \| ([\d.]+)% \| (\d+) \|",
        DOC,
    )
    assert rows, "the doc's measured table has no former held-out digital row"
    letters, outcome, number, dates, wrong = rows[-1]
    f = result["fields"]
    assert int(letters) == result["letters"] and int(wrong) == result["outcome_wrong"]
    assert float(outcome) == round(100 * f["outcome"]["correct"], 1)
    assert float(number) == round(100 * f["authorization_number"]["correct"], 1)
    low = min(f[k]["correct"] for k in ("period_start", "period_end", "appeal_deadline"))
    assert float(dates) == round(100 * low, 1)
    assert "Since 2026-11-30 it is a development set" in DOC


def test_the_second_heldout_digital_row_is_todays_reading() -> None:
    """The second held-out set's blind row stays as recorded; its development row is today's reading."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import letter_quality

    assert "| second held-out | digital | 48 | 60.4% | 72.9% | 77.1% | 1 | **first and only blind run**" in DOC
    result = letter_quality.score("heldout2", "digital")
    rows = re.findall(
        r"\| second held-out \(development\) \| digital \| (\d+) \| ([\d.]+)% \| ([\d.]+)% \| ([\d.]+)% \| (\d+) \|",
        DOC,
    )
    assert rows, "the doc's measured table has no second held-out development row"
    letters, outcome, number, dates, wrong = rows[-1]
    f = result["fields"]
    assert int(letters) == result["letters"] and int(wrong) == result["outcome_wrong"]
    assert float(outcome) == round(100 * f["outcome"]["correct"], 1)
    assert float(number) == round(100 * f["authorization_number"]["correct"], 1)
    low = min(f[k]["correct"] for k in ("period_start", "period_end", "appeal_deadline"))
    assert float(dates) == round(100 * low, 1)
