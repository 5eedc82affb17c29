"""Reading a chart from a FHIR server (HAPI FHIR, tests/fhir_server) against loading the same file.

For the largest Synthea NSCLC bundle (3.9 MB, 1,111 entries): ``priorauth.check`` on the file (the
baseline, measured in the same run) vs reading the patient from HAPI — through ``Patient/$everything``
and through US Core searches type by type — then the same check. Reports requests, bytes, seconds and
the ratio to the file. The server is the one on ``--fhir-port`` (loaded with the bundle if it lacks the
patient), else one started and stopped here with scripts/fhir-test-server.

    .venv/bin/python bench/bench_ehr.py [--runs 5] [--fhir-port PORT] [--quick]

``--quick`` (CI): one run of each, to prove the script still works; its numbers mean nothing.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import time
from pathlib import Path

from priorauth.api import check
from priorauth.ehr.http import FhirHttp
from priorauth.ehr.source import FhirSource

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "fhir-test-server"
SYNTHEA = ROOT.parent / "shared/data/synthea-nsclc-bundles"
AS_OF = "2026-11-20"


def largest_bundle() -> Path:
    return max(SYNTHEA.glob("*.json"), key=lambda p: p.stat().st_size)


def patient_id(path: Path) -> str:
    bundle = json.loads(path.read_text())
    return next(e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_read(base: str, pid: str, everything: bool) -> tuple[float, float, int, int]:
    """(read seconds, read + check seconds, requests, bytes)."""
    t = time.perf_counter()
    http = FhirHttp(base)
    loaded = FhirSource(http, pid, use_everything=everything).read()
    read = time.perf_counter() - t
    check(loaded, as_of=AS_OF)
    total = time.perf_counter() - t
    http.close()
    return read, total, http.requests, http.bytes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fhir-port", type=int)
    ap.add_argument("--quick", action="store_true", help="one run of each (CI: proves the script works)")
    args = ap.parse_args()
    runs = 1 if args.quick else args.runs
    path = largest_bundle()
    pid = patient_id(path)
    port = args.fhir_port or free_port()
    started = not args.fhir_port
    if started:
        subprocess.run([str(SCRIPT), "start", str(port)], check=True)
    base = f"http://127.0.0.1:{port}/fhir"
    try:
        probe = FhirHttp(base)
        try:
            probe.get_json(f"Patient/{pid}")
        except Exception:
            subprocess.run([str(SCRIPT), "load", str(port), str(path)], check=True)
        finally:
            probe.close()
        check(path, as_of=AS_OF)  # warm: imports, packs
        server_read(base, pid, True)
        file_times = []
        for _ in range(runs):
            t = time.perf_counter()
            check(path, as_of=AS_OF)
            file_times.append(time.perf_counter() - t)
        rows = {True: [], False: []}
        for _ in range(runs):
            for everything in (True, False):
                rows[everything].append(server_read(base, pid, everything))
    finally:
        if started:
            subprocess.run([str(SCRIPT), "stop", str(port)], check=False)
    base_s = statistics.median(file_times)
    size = path.stat().st_size
    print(f"chart: {path.name} ({size / 1e6:.1f} MB), {runs} run(s), medians")
    print("| how | requests | bytes | read s | read + check s | x file |")
    print("|---|---|---|---|---|---|")
    print(f"| file: priorauth.check(path), baseline | 0 | {size:,} | - | {base_s:.3f} | 1.0 |")
    for everything, label in ((True, "HAPI: Patient/$everything"), (False, "HAPI: US Core searches by type")):
        r = rows[everything]
        read, total = statistics.median(x[0] for x in r), statistics.median(x[1] for x in r)
        print(f"| {label} | {r[0][2]} | {r[0][3]:,} | {read:.3f} | {total:.3f} | {total / base_s:.1f} |")


if __name__ == "__main__":
    main()
