"""Screening at scale (not in CI): throughput vs the floor (read + orjson-parse every line of the same
export, one process), peak memory, 1 vs 2 cores, Spark local-mode overhead.

    .venv/bin/python bench/bench_screen.py [--sizes 10000,100000] [--spark-sizes 10000] [--dir /tmp/screen-bench]

Exports are generated once (``priorauth synth``, seed 1) and reused. Each screen runs in a fresh process;
peak memory is the largest resident set of any one process of the run (RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from priorauth.screen.synth import write_export

AS_OF = "2026-11-20"


def floor(export: Path) -> tuple[float, int, int]:
    """Seconds to read and parse every line, bytes, lines."""
    start, size, lines = time.perf_counter(), 0, 0
    for f in sorted(export.glob("*.ndjson")):
        with open(f, "rb") as fh:
            for line in fh:
                orjson.loads(line)
                size += len(line)
                lines += 1
    return time.perf_counter() - start, size, lines


# Runs the command and prints the largest resident set of any of its processes (this run only).
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def screen(export: Path, out: Path, *args: str) -> tuple[float, float, dict]:
    cmd = [sys.executable, "-m", "priorauth", "screen", str(export), "-o", str(out), "--as-of", AS_OF, "--quiet"]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *cmd, *args], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_mb = int(done.stdout.split()[-1]) / 1024
    return seconds, peak_mb, orjson.loads((out / "summary.json").read_bytes())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--spark-sizes", default="10000")
    ap.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "screen-bench"))
    ap.add_argument("--quick", action="store_true", help="200 patients, local only: checks the script runs (CI)")
    a = ap.parse_args()
    if a.quick:
        a.sizes, a.spark_sizes = "200", ""
        a.dir = tempfile.mkdtemp(prefix="screen-bench-quick-")
    root = Path(a.dir)
    spark_sizes = {int(n) for n in a.spark_sizes.split(",") if n}
    print(
        "| patients | MB | floor s | engine | s | patients/s | MB/s | x floor | candidates | peak RSS MB (one process) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in (int(x) for x in a.sizes.split(",")):
        export = root / f"export-{n}"
        if not (export / "Patient.000.ndjson").exists():
            write_export(export, n, seed=1)
        fl, size, _ = floor(export)
        mb = size / 1e6
        runs = [("local, 2 processes", ["--jobs", "2"]), ("local, 1 process", ["--jobs", "1"])]
        if n in spark_sizes:
            runs.append(("spark local[2]", ["--engine", "spark", "--master", "local[2]"]))
        for name, args in runs:
            secs, peak, summary = screen(export, root / f"out-{n}-{name.split()[0]}-{args[-1]}", *args)
            print(
                f"| {n:,} | {mb:,.0f} | {fl:.2f} | {name} | {secs:.1f} | {n / secs:,.0f} | {mb / secs:,.1f} | "
                f"{secs / fl:.1f} | {summary['screening']['candidates']:,} | {peak:,.0f} |",
                flush=True,
            )
    print(f"\n{os.cpu_count()} cores; python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
