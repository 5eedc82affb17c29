"""``bench/bench_screen.py --quick`` runs (so the benchmark cannot rot) and checks the engines agree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_screen_quick_runs() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench/bench_screen.py"), "--quick"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 300 |")]
    assert [r.split("|")[5].strip() for r in rows] == ["duckdb", "duckdb-keep", "local"]
    assert "byte-identical across duckdb, duckdb-keep, local: True" in done.stdout
