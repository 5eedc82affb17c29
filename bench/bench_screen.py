"""Screening at scale: the whole screen, its scan and its evaluation, against the floor (read and
orjson-parse every line of the same export in one process, measured in the same run), per engine.

    .venv/bin/python bench/bench_screen.py [--sizes 10000,100000] [--cancer-percent 8,1] \\
        [--engines duckdb,duckdb-keep,local] [--spark-sizes 10000] [--jobs 2] [--dir /tmp/screen-bench]
    .venv/bin/python bench/bench_screen.py --quick     # seconds: a 300-patient export (CI runs this)

Exports come from ``priorauth synth`` (seed 1; ``--cancer-percent`` sets the candidate shares, 8 by default,
1 for a general population), generated once and reused. ``duckdb-keep`` is the DuckDB engine with
``--keep-resources`` (what a nightly ``--since`` chain runs). Each screen runs in a fresh process (``--quiet``);
its peak memory is the largest resident set of any one of its processes (RUSAGE_CHILDREN). The load
average before and after each row says how busy the shared machine was.
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
SYNTH_PERCENT = 8  # priorauth synth's default cancer share


def floor(export: Path) -> tuple[float, float, int]:
    """Seconds (wall, CPU) to read and parse every line in one process; bytes."""
    start, cpu, size = time.perf_counter(), time.process_time(), 0
    for f in sorted(export.glob("*.ndjson")):
        with open(f, "rb") as fh:
            for line in fh:
                orjson.loads(line)
                size += len(line)
    return time.perf_counter() - start, time.process_time() - cpu, size


# Runs the command and prints the largest resident set of any of its processes and their CPU seconds (user
# + system, every process of the run): on a shared machine CPU time varies much less with the load than wall
# time, so "CPU x floor" (the screen's CPU over the floor's) is the steadier ratio.
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.ru_maxrss, r.ru_utime + r.ru_stime)"
)


def screen(export: Path, out: Path, *args: str) -> tuple[float, float, float, dict]:
    cmd = [sys.executable, "-m", "priorauth", "screen", str(export), "-o", str(out), "--as-of", AS_OF, "--quiet"]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *cmd, *args], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak, cpu = done.stdout.split()[-2:]
    return seconds, int(peak) / 1024, float(cpu), orjson.loads((out / "summary.json").read_bytes())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--cancer-percent", default="8", help="candidate shares, comma-separated (synth default: 8)")
    ap.add_argument("--engines", default="duckdb,local", help="duckdb, duckdb-keep, local (comma-separated)")
    ap.add_argument("--spark-sizes", default="", help="sizes also screened with Spark local mode")
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "screen-bench"))
    ap.add_argument("--quick", action="store_true", help="a 300-patient export, seconds (CI)")
    a = ap.parse_args(argv)
    if a.quick:
        a.sizes, a.dir, a.engines = "300", tempfile.mkdtemp(prefix="screen-bench-quick-"), "duckdb,duckdb-keep,local"
    root = Path(a.dir)
    print(
        "| patients | cancer % | MB | floor s | engine | s | x floor | scan s | scan x floor | evaluate s "
        "| candidates | ms / candidate | peak MB | floor CPU s | CPU s | CPU x floor | load avg |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    runs = [(int(n), int(p)) for n in a.sizes.split(",") for p in a.cancer_percent.split(",")]
    for n, pct in runs:
        default = pct == SYNTH_PERCENT  # the synth's own mix (the exports of earlier runs)
        export = root / (f"export-{n}" + ("" if default else f"-{pct}pct"))
        if not (export / "Patient.000.ndjson").exists():
            write_export(export, n, seed=1, cancer_share=None if default else pct / 100)
        fl, fl_cpu, size = floor(export)
        mb = size / 1e6
        engines = [e for e in a.engines.split(",") if e]
        if str(n) in a.spark_sizes.split(","):
            engines.append("spark")
        outputs = []
        for engine in engines:
            extra = ["--master", f"local[{a.jobs}]"] if engine == "spark" else ["--jobs", a.jobs]
            if engine == "duckdb-keep":
                extra.append("--keep-resources")
            out = root / f"out-{export.name}-{engine}"
            load = os.getloadavg()[0]
            secs, peak, cpu, s = screen(export, out, "--engine", engine.removesuffix("-keep"), *extra)
            outputs.append(out)
            phases, cands = s.get("phases", {}), s["screening"]["candidates"]
            scan, evaluate = phases.get("scan"), phases.get("evaluate")
            print(
                f"| {n:,} | {pct} | {mb:,.0f} | {fl:.2f} | {engine} | {secs:.1f} | "
                f"{secs / fl:.2f} | {_f(scan)} | {_f(scan and scan / fl)} | {_f(evaluate)} | {cands:,} | "
                f"{_f(evaluate and 1000 * evaluate / max(cands, 1))} | {peak:,.0f} | {fl_cpu:.2f} | {cpu:.2f} | "
                f"{cpu / fl_cpu:.2f} | "
                f"{load:.1f}-{os.getloadavg()[0]:.1f} |",
                flush=True,
            )
        same = len({(o / "determinations.ndjson").read_bytes() for o in outputs}) == 1
        print(
            f"\n{n:,} patients, {pct}%: determinations byte-identical across {', '.join(engines)}: {same}\n", flush=True
        )
        if not same:
            sys.exit(1)
    print(f"{os.cpu_count()} cores; python {sys.version.split()[0]}; --jobs {a.jobs}")


def _f(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}"


if __name__ == "__main__":
    main()
