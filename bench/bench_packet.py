"""Speed of ``priorauth packet`` on the largest Synthea NSCLC bundle (target: under 5 s), against
``priorauth check`` on the same chart measured in the same run.

1. In-process, warm: ``api.evaluate`` (the check) vs ``write_packet`` (all files) vs both, median of N.
2. CLI cold start, wall time, median of N: ``priorauth packet`` vs ``priorauth check`` on the same chart.

    .venv/bin/python bench/bench_packet.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from priorauth.api import evaluate
from priorauth.outputs.packet import write_packet
from priorauth.outputs.packet.practice import load_practice

ROOT = Path(__file__).resolve().parents[1]
SYNTHEA = ROOT.parent / "shared/data/synthea-nsclc-bundles"
AS_OF = "2026-11-20"


def median(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="one run each: checks the script still runs (CI)")
    a = ap.parse_args()
    if a.quick:
        a.runs = 1
    if not SYNTHEA.exists():
        print("../shared/data is absent: nothing to measure", file=sys.stderr)
        return 1
    chart = max(SYNTHEA.glob("*.json"), key=lambda p: p.stat().st_size)
    practice = load_practice(ROOT / "examples/practice.yaml")
    exe = str(Path(sys.executable).with_name("priorauth"))
    with tempfile.TemporaryDirectory() as tmp:
        ev = evaluate(str(chart), as_of=AS_OF)
        write_packet(ev, tmp, practice, "not medically necessary")  # warm-up (fonts, imports)
        check = median(lambda: evaluate(str(chart), as_of=AS_OF), a.runs)
        packet = median(lambda: write_packet(ev, tmp, practice, "not medically necessary"), a.runs)
        both = median(
            lambda: write_packet(evaluate(str(chart), as_of=AS_OF), tmp, practice, "not medically necessary"), a.runs
        )
        pages = len(PdfReader(Path(tmp) / "packet.pdf").pages)

        def cli(*args: str) -> None:
            subprocess.run([exe, *args, str(chart), "--as-of", AS_OF], check=True, capture_output=True)

        cold_check = median(lambda: cli("check", "--format", "json"), a.runs)
        cold_packet = median(
            lambda: cli("packet", "-o", tmp, "--practice", str(ROOT / "examples/practice.yaml")), a.runs
        )
    mb = chart.stat().st_size / 1e6
    print(f"chart: {chart.name[:24]}... ({mb:.1f} MB); packet.pdf {pages} pages; median of {a.runs}")
    print(f"in-process  evaluate (check)            {check * 1000:8.1f} ms   1.0x")
    print(f"in-process  write_packet (all files)    {packet * 1000:8.1f} ms   {packet / check:.1f}x check")
    print(f"in-process  evaluate + write_packet     {both * 1000:8.1f} ms   {both / check:.1f}x check")
    print(f"cold CLI    priorauth check             {cold_check * 1000:8.1f} ms   1.0x")
    print(
        f"cold CLI    priorauth packet            {cold_packet * 1000:8.1f} ms   {cold_packet / cold_check:.1f}x check"
    )
    print(f"target: packet under 5 s -> {'met' if cold_packet < 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
