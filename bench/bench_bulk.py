"""Bulk Data screening from a FHIR server (HAPI FHIR, tests/fhir_server) against screening the same
export from disk.

Two populations: the 13-patient Synthea export (../shared/data/synthea-bulk-10) and N synthetic patients
(``priorauth synth``), each loaded into HAPI once with a Group of its patients. For each: ``$export`` of
the Group (kick-off, polling, downloads) + the screen, against the screen alone of the files the export
wrote (the baseline, measured in the same run on the same machine). Reports seconds, bytes and ratios.

    .venv/bin/python bench/bench_bulk.py --fhir-port PORT [--synthetic 2000] [--runs 3] [--quick]

Without ``--fhir-port`` a server is started and stopped here (minutes). ``--quick`` (CI): one run of the
13-patient export and 20 synthetic patients, to prove the script works; its numbers mean nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "fhir-test-server"
BULK = ROOT.parent / "shared/data/synthea-bulk-10"
AS_OF = "2026-11-20"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def patients(folder: Path) -> list[str]:
    found = sorted(folder.glob("Patient*.ndjson"))
    return [json.loads(line)["id"] for f in found for line in f.read_text().splitlines() if line.strip()]


def has_group(base: str, gid: str) -> bool:
    try:
        urllib.request.urlopen(f"{base}/Group/{gid}", timeout=60).close()  # noqa: S310
        return True
    except OSError:
        return False


def load(port: int, base: str, gid: str, folder: Path) -> None:
    if has_group(base, gid):
        return
    subprocess.run(
        [str(SCRIPT), "load", str(port), str(folder), "--group", gid], check=True, capture_output=True, timeout=7200
    )


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=7200)
    return time.perf_counter() - t


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.ndjson"))


def measure(base: str, gid: str, runs: int, tmp: Path, poll_cap: float) -> dict[str, float]:
    cli = [sys.executable, "-m", "priorauth"]
    poll = ["--poll-cap", str(poll_cap)]
    bulk, disk = [], []
    for i in range(runs):
        out = tmp / f"{gid}-bulk-{i}"
        bulk.append(
            timed(
                [
                    *cli,
                    "screen",
                    "--fhir-server",
                    base,
                    "--group",
                    gid,
                    "-o",
                    str(out),
                    "--as-of",
                    AS_OF,
                    "--quiet",
                    *poll,
                ]
            )
        )
        exported = tmp / f"{gid}-files-{i}"
        shutil.copytree(out / "export", exported, ignore=shutil.ignore_patterns("state.json"))
        disk.append(
            timed([*cli, "screen", str(exported), "-o", str(tmp / f"{gid}-disk-{i}"), "--as-of", AS_OF, "--quiet"])
        )
    return {
        "bulk": statistics.median(bulk),
        "disk": statistics.median(disk),
        "bytes": size(out / "export"),
        "patients": len(patients(out / "export")),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fhir-port", type=int)
    ap.add_argument("--synthetic", type=int, default=2000, help="synthetic patients to load (default 2000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--poll-cap", type=float, default=5.0, help="export status poll pause cap (HAPI asks 120 s; default 5)"
    )
    ap.add_argument("--quick", action="store_true", help="one small run of each (CI: proves the script works)")
    args = ap.parse_args()
    if not BULK.exists():
        print("../shared/data is absent", file=sys.stderr)
        return 2
    runs, synthetic = (1, 20) if args.quick else (args.runs, args.synthetic)
    port, started = args.fhir_port, False
    if port is None:
        port, started = free_port(), True
        subprocess.run([str(SCRIPT), "start", str(port)], check=True, timeout=1800)
    base = f"http://127.0.0.1:{port}/fhir"
    try:
        with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp_name:
            tmp = Path(tmp_name)
            load(port, base, "bench-synthea-13", BULK)
            synth = tmp / "synth"
            subprocess.run(
                [sys.executable, "-m", "priorauth", "synth", str(synth), "-n", str(synthetic), "--seed", "15"],
                check=True,
                capture_output=True,
            )
            load(port, base, f"bench-synth-{synthetic}", synth)
            rows = [
                ("Synthea 13 patients", measure(base, "bench-synthea-13", runs, tmp, args.poll_cap)),
                (
                    f"synthetic {synthetic} patients",
                    measure(base, f"bench-synth-{synthetic}", runs, tmp, args.poll_cap),
                ),
            ]
    finally:
        if started:
            subprocess.run([str(SCRIPT), "stop", str(port)], check=False, timeout=120)
    print(
        f"median of {runs} run(s); --poll-cap {args.poll_cap:g} s; baseline: `priorauth screen` of the exported "
        "files from disk, same run"
    )
    print("| population | patients | export size | screen from disk (baseline) | export + screen | ratio |")
    print("|---|---|---|---|---|---|")
    for name, m in rows:
        print(
            f"| {name} | {m['patients']} | {m['bytes'] / 1e6:.1f} MB | {m['disk']:.1f} s | {m['bulk']:.1f} s "
            f"| {m['bulk'] / m['disk']:.1f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
