"""Every benchmark script still runs: each has a ``--quick`` mode of a few seconds (numbers are not
checked here: timed asserts do not belong in tests)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

# tests/screen/test_bench.py and tests/ehr/test_bench.py run these --quick (bench_ehr and bench_bulk against the
# session's HAPI server: here bench_ehr.py would start, load and stop a second HAPI of its own, ~100 s)
OWN_TEST = {"bench_screen.py", "bench_bulk.py", "bench_ehr.py"}
SCRIPTS = sorted(p.name for p in (ROOT / "bench").glob("*.py") if p.name not in OWN_TEST)


def test_the_list_is_every_script() -> None:
    assert {"load_service.py", "bench_check.py", "bench_text.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_script_runs_quick(script: str) -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if r.returncode != 0 and "../shared/data is absent" in r.stderr:
        pytest.skip("needs ../shared/data")
    assert r.returncode == 0, f"{script} --quick failed:\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    assert r.stdout.strip()


def test_the_load_script_runs_its_other_modes_quick() -> None:
    """The open loop and the mixed run (uploads, CDS calls, a /health probe) end cleanly too: one run of a goal
    (``--goal open``: the open loop at --quick's capped rate, 2 server processes) with ``--mixed`` on top, so
    every mode the closed-loop ``--quick`` above leaves out runs once (three runs of ~30 s each before)."""
    r = subprocess.run(
        [sys.executable, str(ROOT / "bench/load_service.py"), "--quick", "--goal", "open", "--mixed"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0 and "Traceback" not in r.stderr, f"{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    assert "load average" in r.stdout and "all (mix)" in r.stdout
    assert "open loop 10 req/s, mixed, 2 worker(s)" in r.stdout, r.stdout[-2000:]
