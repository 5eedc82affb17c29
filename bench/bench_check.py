"""Speed of ``priorauth check``, measured against baselines taken in the same run.

1. In-process, warm: evaluating the largest Synthea NSCLC bundle vs plain ``orjson.loads`` of the same
   file (target: evaluation at most 3x the parse time). "Evaluation" = the whole check (read, parse,
   facts, rules, determination); the ratio is reported with and without the parse.
2. CLI cold start: ``priorauth check`` on a small coded chart (the default pack's case base) and on
   the bundled example (which has a report conclusion, so it loads spaCy), vs ``python -c pass``,
   wall time, median of N runs (target: under 0.5 s for a small chart).

    .venv/bin/python bench/bench_check.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import yaml

import priorauth
from priorauth.chart.chart import select_patient
from priorauth.chart.load import LoadedChart, add_document
from priorauth.evaluate.determination import determine
from priorauth.facts import extract
from priorauth.policy import registry

ROOT = Path(__file__).resolve().parents[1]
SYNTHEA = ROOT.parent / "shared/data/synthea-nsclc-bundles"


def best(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def evaluate_only(doc: dict) -> None:  # type: ignore[type-arg]
    loaded = LoadedChart()
    add_document(doc, loaded, "bench")
    facts = extract(select_patient(loaded, None))
    determine(facts, "2026-11-20", registry.choose(None, [], set()))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--quick", action="store_true", help="one run each: checks the script still runs (CI)")
    a = ap.parse_args()
    if a.quick:
        a.runs = 1
    if not SYNTHEA.exists():
        print("../shared/data is absent: nothing to measure", file=sys.stderr)
        return 1
    chart = max(SYNTHEA.glob("*.json"), key=lambda p: p.stat().st_size)
    raw = chart.read_bytes()
    priorauth.check(str(chart), as_of="2026-11-20")  # warm: imports, vocabularies, pack
    parse = best(lambda: orjson.loads(raw), a.runs)
    full = best(lambda: priorauth.check(str(chart), as_of="2026-11-20"), a.runs)
    doc = orjson.loads(raw)
    rules = best(lambda: evaluate_only(doc), a.runs)
    print(f"chart: {chart.name} ({len(raw) / 1e6:.1f} MB, {len(doc['entry'])} entries)")
    print(f"orjson.loads (baseline)           {parse * 1000:8.1f} ms")
    print(f"check, whole (read+parse+rules)   {full * 1000:8.1f} ms   {full / parse:5.1f}x parse")
    print(f"check, evaluation after parse     {rules * 1000:8.1f} ms   {rules / parse:5.1f}x parse")

    cases = yaml.safe_load((ROOT / "src/priorauth/policy/packs/sotorasib/default.cases.yaml").read_text())
    coded = Path(tempfile.mkdtemp()) / "coded.json"
    coded.write_bytes(
        orjson.dumps(
            {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in cases["base"]]}
        )
    )
    base = [sys.executable, "-c", "pass"]

    def wall(chart: Path) -> float:
        cmd = [sys.executable, "-m", "priorauth", "check", str(chart), "--as-of", "2026-11-20", "--format", "json"]
        return best(lambda: subprocess.run(cmd, check=True, capture_output=True), a.runs)

    py = best(lambda: subprocess.run(base, check=True), a.runs)
    small, with_text = wall(coded), wall(ROOT / "examples/nsclc-ready.json")
    print(f"python -c pass (baseline)         {py * 1000:8.1f} ms")
    print(
        f"priorauth check, small coded chart, cold        {small * 1000:8.1f} ms   {small / py:5.1f}x python start-up"
    )
    print(
        f"priorauth check, small chart with a report, cold{with_text * 1000:8.1f} ms   {with_text / py:5.1f}x (loads spaCy)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
