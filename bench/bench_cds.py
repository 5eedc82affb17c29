"""CDS Hooks latency under load: an open-loop generator at a fixed rate (default 50 calls/s) against a
real uvicorn server on loopback, p50/p95/p99 reported; structured prefetch and notes-bearing prefetch
measured separately. The generator runs on the same 2-core machine as the server.

    .venv/bin/python bench/bench_cds.py [--rate 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from priorauth.cds.simulate import hook_request

ROOT = Path(__file__).resolve().parents[1]
NOTE = (
    "ONCOLOGY PROGRESS NOTE\nHPI: 64-year-old with metastatic KRAS G12C-mutant lung adenocarcinoma (FFPE tissue NGS), "
    "liver and bone metastases. First-line carboplatin/pemetrexed/pembrolizumab x4 then pemetrexed maintenance; "
    "PD per RECIST 1.1 with new liver lesions.\nROS: no cough, no dyspnea. No pneumonitis.\n"
    "Plan: start sotorasib 960 mg daily as monotherapy; LFTs every 3 weeks.\n"
) * 8


def requests() -> dict[str, dict]:
    resources = [e["resource"] for e in json.loads((ROOT / "examples/nsclc-ready.json").read_text())["entry"]]
    draft = next(r for r in resources if r.get("id") == "soto1")
    structured = [r for r in resources if r["resourceType"] != "DiagnosticReport"]
    notes = [
        *resources,
        *[
            {
                "resourceType": "DocumentReference",
                "id": f"note{i}",
                "status": "current",
                "subject": {"reference": "Patient/p1"},
                "date": f"2026-0{1 + i}-10",
                "content": [
                    {
                        "attachment": {
                            "contentType": "text/plain",
                            "data": base64.b64encode(f"Visit {i}\n{NOTE}".encode()).decode(),
                        }
                    }
                ],
            }
            for i in range(5)
        ],
    ]
    return {
        "structured": hook_request(structured, "priorauth-order-sign", "p1", draft, "Practitioner/dr1"),
        "with 5 notes": hook_request(notes, "priorauth-order-sign", "p1", draft, "Practitioner/dr1"),
    }


def fresh_notes(body: dict, i: int) -> dict:
    """The same request with notes never seen before (defeats the text cache: a first read)."""
    out = json.loads(json.dumps(body))
    for e in out["prefetch"]["documents"]["entry"]:
        att = e["resource"]["content"][0]["attachment"]
        att["data"] = base64.b64encode(f"Call {i}\n{NOTE}".encode()).decode()
    return out


async def open_loop(url: str, make, rate: float, seconds: float) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    latencies: list[float] = []
    errors = 0
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=200)) as client:

        async def one(body: dict) -> None:
            nonlocal errors
            t = time.perf_counter()
            try:
                r = await client.post(url, json=body)
                ok = r.status_code == 200 and r.json()["cards"]
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t)
            errors += not ok

        tasks = []
        start = time.perf_counter()
        n = int(rate * seconds)
        for i in range(n):  # open loop: send on schedule, whatever the responses do
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(one(make(i))))
        await asyncio.gather(*tasks)
    return latencies, errors


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=float, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument(
        "--new-notes-rate", type=float, default=5, help="rate for never-seen notes (a first read is CPU-bound)"
    )
    ap.add_argument("--warm", type=int, default=20, help="calls per scenario before the clock starts")
    ap.add_argument(
        "--quick", action="store_true", help="two seconds at a low rate, 2 warm calls: checks the script runs (CI)"
    )
    a = ap.parse_args()
    if a.quick:
        a.rate, a.seconds, a.new_notes_rate, a.warm = 5, 2, 1, 2
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PRIORAUTH_CDS_DEV_UNSIGNED": "1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "priorauth.cds.http:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}/cds-services/priorauth-order-sign"
    try:
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/cds-services", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        reqs = requests()
        scenarios = {
            "structured": lambda i: reqs["structured"],
            "5 notes, cached": lambda i: reqs["with 5 notes"],
            "5 new notes": lambda i: fresh_notes(reqs["with 5 notes"], i),
        }
        for name, make in scenarios.items():
            for i in range(a.warm):  # warm: imports, vocabularies, spaCy for the notes
                httpx.post(url, json=make(-1 - i), timeout=300)
            rate = a.new_notes_rate if name == "5 new notes" else a.rate
            lat, errors = asyncio.run(open_loop(url, make, rate, a.seconds))
            print(
                f"{name:<16} {len(lat)} calls at {rate:g}/s for {a.seconds:g} s: errors {errors}, "
                f"p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms, p99 {pct(lat, 99):.1f} ms, max {max(lat) * 1000:.1f} ms"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
