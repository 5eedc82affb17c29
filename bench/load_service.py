"""Load on the PA service: 32 concurrent clients for 2 minutes on determinations and case reads.

Starts ``priorauth serve`` on loopback (a fresh SQLite file in a temporary HOME, or ``--database-url``),
sets up a practice, uploads the example charts (and the shared examples when ``../shared`` is there),
opens cases, then runs the clients. Each client loops over a fixed mix:

- 50% ``GET /cases/{id}`` (the case with its latest determination),
- 25% ``GET /cases/{id}/determination``,
- 25% ``POST /cases/{id}/determinations`` (evaluate the chart again: the expensive one).

Reports requests/s, p50/p95/p99 latency per operation, and errors; the baseline is ``priorauth.check``
in-process on the same charts in the same run (evaluations per second on one core, no HTTP, no DB).

    .venv/bin/python bench/load_service.py [--clients 32] [--seconds 120] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

import priorauth

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-20"
MIX = [("read_case", 2), ("read_determination", 1), ("evaluate", 1)]


def charts() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*.json"))
    shared = ROOT.parent / "shared/examples"
    if shared.is_dir():
        found += [p for p in sorted(shared.glob("e0*.json")) if "no_patient" not in p.name]
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path, port: int, database_url: str | None) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRIORAUTH_", "XDG_"))}
    env |= {"HOME": str(home), "PRIORAUTH_PORT": str(port), "PRIORAUTH_LOG_LEVEL": "warning"}
    if database_url:
        env["DATABASE_URL"] = database_url
    log = (home / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "priorauth", "serve"], env=env, stderr=log, stdout=log)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def prepare(base: str) -> tuple[dict[str, str], list[str]]:
    body = {
        "practice_name": "Load",
        "admin_email": "admin@load.example",
        "admin_name": "L",
        "admin_password": "load test password",
    }
    token = httpx.post(f"{base}/setup", json=body, timeout=30).json()["token"]["token"]
    headers = {"Authorization": f"Bearer {token}"}
    cases = []
    with httpx.Client(base_url=base, headers=headers, timeout=60) as c:
        for path in charts():
            chart = c.post("/charts", content=path.read_bytes()).json()
            for _ in range(3):
                r = c.post("/cases", json={"chart_id": chart["id"], "as_of": AS_OF})
                r.raise_for_status()
                cases.append(r.json()["id"])
    return headers, cases


async def client(
    base: str,
    headers: dict[str, str],
    cases: list[str],
    until: float,
    seed: int,
    out: dict[str, list[float]],
    errors: list[str],
) -> None:
    rng = random.Random(seed)  # noqa: S311 - a request mix, not a secret
    ops = [name for name, weight in MIX for _ in range(weight)]
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as c:
        while time.monotonic() < until:
            op, case = rng.choice(ops), rng.choice(cases)
            start = time.perf_counter()
            if op == "read_case":
                r = await c.get(f"/cases/{case}")
            elif op == "read_determination":
                r = await c.get(f"/cases/{case}/determination")
            else:
                r = await c.post(f"/cases/{case}/determinations", json={})
            elapsed = time.perf_counter() - start
            if r.status_code >= 400:
                errors.append(f"{op} {r.status_code}")
            else:
                out[op].append(elapsed)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] * 1000


def baseline(rounds: int = 3) -> float:
    """In-process ``priorauth.check`` evaluations per second over the same charts (warm)."""
    paths = charts()
    for p in paths:
        priorauth.check(str(p), as_of=AS_OF)
    start = time.perf_counter()
    for _ in range(rounds):
        for p in paths:
            priorauth.check(str(p), as_of=AS_OF)
    return rounds * len(paths) / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--database-url", help="default: a fresh SQLite file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        port = free_port()
        proc = start_server(Path(home), port, args.database_url)
        try:
            base = f"http://127.0.0.1:{port}/api/v1"
            headers, cases = prepare(base)
            out: dict[str, list[float]] = {name: [] for name, _ in MIX}
            errors: list[str] = []
            until = time.monotonic() + args.seconds
            started = time.perf_counter()

            async def run() -> None:
                await asyncio.gather(
                    *(client(base, headers, cases, until, i, out, errors) for i in range(args.clients))
                )

            asyncio.run(run())
            wall = time.perf_counter() - started
        finally:
            proc.terminate()
            proc.wait(30)
            tail = (Path(home) / "server.log").read_text(errors="replace").splitlines()[-15:]
            if proc.returncode not in (0, -15) or os.environ.get("SHOW_LOG"):
                print("server log:", *tail, sep="\n")
    total = sum(len(v) for v in out.values())
    db = "PostgreSQL" if args.database_url and args.database_url.startswith("postgres") else "SQLite"
    print(
        f"{args.clients} clients, {wall:.0f} s, {db}, {len(cases)} cases over {len(charts())} charts, {os.cpu_count()} cores"
    )
    print(f"{'operation':<20}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, values in [*out.items(), ("all", [x for v in out.values() for x in v])]:
        if values:
            print(
                f"{name:<20}{len(values):>9}{len(values) / wall:>8.1f}{pct(values, 50):>9.0f}{pct(values, 95):>9.0f}{pct(values, 99):>9.0f}"
            )
    print(f"errors: {len(errors)}" + (f" ({statistics.mode(errors)} most often)" if errors else ""))
    base_rate = baseline()
    evals = len(out["evaluate"]) / wall
    print(
        f"baseline: in-process priorauth.check {base_rate:.1f}/s; service evaluations {evals:.1f}/s ({evals / base_rate:.2f}x)"
    )
    return 1 if errors or not total else 0


if __name__ == "__main__":
    raise SystemExit(main())
