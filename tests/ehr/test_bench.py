"""bench/bench_ehr.py --quick runs against the session's HAPI server, so the benchmark cannot rot."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from tests.ehr.conftest import synthea_files
from tests.ehr.servers import ROOT


def test_bench_ehr_quick(hapi: Any) -> None:
    synthea_files()  # skips without ../shared
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_ehr.py"), "--quick", "--fhir-port", str(hapi.port)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "| HAPI: Patient/$everything |" in done.stdout and "| file: priorauth.check(path), baseline |" in done.stdout


def test_bench_bulk_quick(bulk_hapi: Any) -> None:
    """Against the session's HAPI with the Synthea export already loaded (``bulk_hapi``: the Group the script
    looks for is there, so it does not load the 7,160 resources a second time; tests/ehr/test_bulk.py exports
    the same server's copy)."""
    synthea_files()  # skips without ../shared
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_bulk.py"), "--quick", "--fhir-port", str(bulk_hapi.port)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| Synthea 13 patients | 13 |" in done.stdout and "| synthetic 20 patients | 20 |" in done.stdout
