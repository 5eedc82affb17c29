"""Load on the PA service: concurrent clients on determinations and case reads (closed loop), a fixed
request rate (open loop), or a mixed run adding chart uploads, case openings and CDS Hooks calls while
``/health`` is probed every 100 ms.

Starts ``priorauth serve`` on loopback (a fresh SQLite file in a temporary HOME, or ``--database-url``),
sets up a practice, uploads the example charts (and the shared examples when ``../shared`` is there),
opens cases, then runs the clients. Each client loops over a fixed mix:

- 50% ``GET /cases/{id}`` (the case with its latest determination),
- 25% ``GET /cases/{id}/determination``,
- 25% ``POST /cases/{id}/determinations`` (evaluate the chart again: the expensive one).

Reports requests/s, p50/p95/p99 latency per operation, and errors; the baseline is ``priorauth.check``
in-process on the same charts in the same run (evaluations per second on one core, no HTTP, no DB).

    .venv/bin/python bench/load_service.py [--workers 2] [--clients 32] [--seconds 60] [--database-url URL]
    .venv/bin/python bench/load_service.py --workers 2 --rate 100 --seconds 60     # open loop
    .venv/bin/python bench/load_service.py --workers 2 --mixed --seconds 60        # + uploads, CDS, /health
    .venv/bin/python bench/load_service.py --quick                                  # seconds (CI)

The issue's three goal runs (``--workers 2``, 40 s each; docs/performance.md):

    .venv/bin/python bench/load_service.py --goal closed   # 32 clients: >= 150 requests/s, 0 errors
    .venv/bin/python bench/load_service.py --goal open     # 100 requests/s: p99 <= 250 ms, 0 errors
    .venv/bin/python bench/load_service.py --goal mixed    # + uploads, CDS: /health always < 1 s

Besides latency it prints the server's CPU time per request (its uvicorn and evaluation processes, from
``/proc``): on a shared machine that, not requests/s, is the number to compare two versions by.
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
GOALS = {"closed": {"clients": 32}, "open": {"rate": 100.0}, "mixed": {"clients": 32, "mixed": True}}


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


def start_server(
    home: Path, port: int, database_url: str | None, workers: int = 1, evaluation_workers: int = 1
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRIORAUTH_", "XDG_"))}
    env |= {"HOME": str(home), "PRIORAUTH_PORT": str(port), "PRIORAUTH_LOG_LEVEL": "warning"}
    env |= {"PRIORAUTH_WORKERS": str(workers), "PRIORAUTH_CDS_DEV_UNSIGNED": "1"}
    env |= {"PRIORAUTH_EVALUATION_WORKERS": str(evaluation_workers)}
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


def prepare(base: str, per_chart: int = 3, quick: bool = False) -> tuple[dict[str, str], list[str]]:
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
        for path in charts()[:2] if quick else charts():
            chart = c.post("/charts", content=path.read_bytes()).json()
            for _ in range(per_chart):
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
            status = await request(c, op, case)
            if status >= 400 or status < 0:
                errors.append(f"{op} {status if status > 0 else 'no answer'}")
            else:
                out[op].append(time.perf_counter() - start)


async def request(c: httpx.AsyncClient, op: str, case: str) -> int:
    """One operation of the mix: its status, or -1 when no answer came (a timeout, a refused connection)."""
    try:
        if op == "read_case":
            r = await c.get(f"/cases/{case}")
        elif op == "read_determination":
            r = await c.get(f"/cases/{case}/determination")
        else:
            r = await c.post(f"/cases/{case}/determinations", json={})
    except httpx.HTTPError:
        return -1
    return r.status_code


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


def warm_up(base: str, headers: dict[str, str], cases: list[str], n: int) -> None:
    """Evaluations in parallel before the clock starts, so every evaluation process has loaded the
    evaluator (spaCy/medspaCy) and every server process has served."""

    async def go() -> None:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=300) as c:
            await asyncio.gather(*(c.post(f"/cases/{cases[i % len(cases)]}/determinations", json={}) for i in range(n)))

    asyncio.run(go())


async def open_loop(
    base: str,
    headers: dict[str, str],
    cases: list[str],
    until: float,
    rate: float,
    out: dict[str, list[float]],
    errors: list[str],
) -> None:
    """Requests sent at a fixed rate whatever the answers do; latency counted from the scheduled send
    (no coordinated omission)."""
    rng = random.Random(7)  # noqa: S311 - a request mix, not a secret
    ops = [name for name, weight in MIX for _ in range(weight)]
    limits = httpx.Limits(max_connections=512, max_keepalive_connections=128)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60, limits=limits) as c:
        tasks = []
        start, i = time.perf_counter(), 0
        while time.monotonic() < until:
            due = start + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            tasks.append(asyncio.create_task(one(c, rng.choice(ops), rng.choice(cases), due, out, errors)))
            i += 1
        await asyncio.gather(*tasks)


async def one(
    c: httpx.AsyncClient, op: str, case: str, since: float, out: dict[str, list[float]], errors: list[str]
) -> None:
    status = await request(c, op, case)
    if status >= 400 or status < 0:
        errors.append(f"{op} {status if status > 0 else 'no answer'}")
    else:
        out[op].append(time.perf_counter() - since)


async def uploader(
    base: str, headers: dict[str, str], until: float, out: dict[str, list[float]], errors: list[str]
) -> None:
    """A coordinator uploading charts and opening cases (what the workspace's upload does), back to back."""
    paths = charts()
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as c:
        i = 0
        while time.monotonic() < until:
            start = time.perf_counter()
            try:
                r = await c.post("/charts", content=paths[i % len(paths)].read_bytes())
                if r.status_code == 201:
                    r = await c.post("/cases", json={"chart_id": r.json()["id"], "as_of": AS_OF})
                status = r.status_code
            except httpx.HTTPError:
                status = -1
            if status >= 400 or status < 0:
                errors.append(f"upload {status if status > 0 else 'no answer'}")
            else:
                out["upload_and_open"].append(time.perf_counter() - start)
            i += 1


async def cds_caller(root: str, until: float, out: dict[str, list[float]], errors: list[str]) -> None:
    """An EHR calling order-sign with a prefetch (unsigned, loopback: development mode)."""
    import json

    hook = (
        json.loads((ROOT / "examples/cds/order-sign.json").read_text())
        if (ROOT / "examples/cds/order-sign.json").is_file()
        else None
    )
    if hook is None:
        return
    async with httpx.AsyncClient(base_url=root, timeout=60) as c:
        while time.monotonic() < until:
            start = time.perf_counter()
            try:
                status = (await c.post("/cds-services/priorauth-order-sign", json=hook)).status_code
            except httpx.HTTPError:
                status = -1
            if status >= 400 or status < 0:
                errors.append(f"cds {status if status > 0 else 'no answer'}")
            else:
                out["cds_order_sign"].append(time.perf_counter() - start)
            await asyncio.sleep(0.2)


async def health_probe(root: str, until: float, out: dict[str, list[float]], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=root, timeout=30) as c:
        while time.monotonic() < until:
            start = time.perf_counter()
            try:
                status = (await c.get("/health")).status_code
            except httpx.HTTPError:
                status = -1
            if status != 200:
                errors.append(f"health {status if status > 0 else 'no answer'}")
            out["health"].append(time.perf_counter() - start)
            await asyncio.sleep(0.1)


def stop(proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """SIGTERM, then SIGKILL (said in one line) when the server has not stopped within ``seconds``."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        print(f"the server did not stop within {seconds:g} s of SIGTERM: killed")
        proc.kill()
        proc.wait()


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def cpu_seconds(root: int, workers: int) -> dict[str, float]:
    """CPU time (user + system) used so far by the server's processes, from ``/proc``: the uvicorn
    processes (``server``: ``root``, and its children when ``workers`` > 1) and the evaluation processes
    below them. Unlike requests/s, CPU per request barely moves with what else a shared machine runs:
    the number to compare code by."""
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    out = {"server": 0.0, "evaluation": 0.0}
    for pid, seconds in used.items():
        p, depth = pid, 0
        while p > 1 and p != root:
            p, depth = parents.get(p, 0), depth + 1
        if p == root:
            out["server" if depth < (2 if workers > 1 else 1) else "evaluation"] += seconds
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=32, help="closed loop: concurrent clients")
    ap.add_argument("--rate", type=float, help="open loop: requests per second (instead of --clients)")
    ap.add_argument("--mixed", action="store_true", help="add uploads, case openings, CDS calls; probe /health")
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    ap.add_argument("--evaluation-workers", type=int, default=1, help="evaluation processes per server process")
    ap.add_argument("--seconds", type=float, help="default 60 (40 for --goal)")
    ap.add_argument("--database-url", help="default: a fresh SQLite file")
    ap.add_argument("--quick", action="store_true", help="a few seconds, 4 clients: checks the script still runs")
    ap.add_argument("--goal", choices=sorted(GOALS), help="one of the issue's goal runs (sets the options above)")
    args = ap.parse_args()
    if args.goal:
        for key, value in (GOALS[args.goal] | {"workers": 2}).items():
            setattr(args, key, value)
    args.seconds = args.seconds or (40.0 if args.goal else 60.0)
    if args.quick:
        args.seconds, args.clients = 3.0, 4
        args.rate = None if args.rate is None else min(args.rate, 10)
    with tempfile.TemporaryDirectory() as home:
        port = free_port()
        proc = start_server(Path(home), port, args.database_url, args.workers, args.evaluation_workers)
        try:
            root = f"http://127.0.0.1:{port}"
            base = f"{root}/api/v1"
            headers, cases = prepare(base, 1 if args.quick else 3, args.quick)
            warm_up(base, headers, cases, 2 * args.workers * max(1, args.evaluation_workers))
            out: dict[str, list[float]] = {name: [] for name, _ in MIX}
            out |= {"upload_and_open": [], "cds_order_sign": [], "health": []}
            errors: list[str] = []
            until = time.monotonic() + args.seconds
            started = time.perf_counter()
            load_before = load()
            cpu_before = cpu_seconds(proc.pid, args.workers) if Path("/proc/self/stat").exists() else None

            async def run() -> None:
                jobs = []
                if args.rate:
                    jobs.append(open_loop(base, headers, cases, until, args.rate, out, errors))
                else:
                    jobs += [client(base, headers, cases, until, i, out, errors) for i in range(args.clients)]
                if args.mixed:
                    jobs += [uploader(base, headers, until, out, errors), cds_caller(root, until, out, errors)]
                    jobs.append(health_probe(root, until, out, errors))
                await asyncio.gather(*jobs)

            asyncio.run(run())
            wall = time.perf_counter() - started
            load_after = load()
            cpu_after = cpu_seconds(proc.pid, args.workers) if cpu_before is not None else None
        except httpx.HTTPError as exc:
            stop(proc)
            raise SystemExit(f"load_service: the run stopped: {type(exc).__name__} from the server") from None
        finally:
            stop(proc)
            tail = (Path(home) / "server.log").read_text(errors="replace").splitlines()[-15:]
            if proc.returncode not in (0, -15) or os.environ.get("SHOW_LOG"):
                print("server log:", *tail, sep="\n")
    main_ops = [name for name, _ in MIX]
    total = sum(len(out[k]) for k in main_ops)
    db = "PostgreSQL" if args.database_url and args.database_url.startswith("postgres") else "SQLite"
    how = f"open loop {args.rate:g} req/s" if args.rate else f"{args.clients} clients (closed loop)"
    print(
        f"{how}{', mixed' if args.mixed else ''}, {args.workers} worker(s), {wall:.0f} s, {db}, {len(cases)} cases, "
        f"{os.cpu_count()} cores (load generator on the same machine)"
    )
    print(f"load average (1/5/15 min) at start {load_before}, at end {load_after}")
    print(f"{'operation':<20}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    rows = [*out.items(), ("all (mix)", [x for k in main_ops for x in out[k]])]
    for name, values in rows:
        if values:
            print(
                f"{name:<20}{len(values):>9}{len(values) / wall:>8.1f}{pct(values, 50):>9.0f}{pct(values, 95):>9.0f}"
                f"{pct(values, 99):>9.0f}{max(values) * 1000:>9.0f}"
            )
    print(f"errors: {len(errors)}" + (f" ({statistics.mode(errors)} most often)" if errors else ""))
    if cpu_before is not None and cpu_after is not None:
        served = total + len(out["upload_and_open"]) + len(out["cds_order_sign"])
        used = {k: cpu_after[k] - cpu_before[k] for k in cpu_after}
        print(
            f"server CPU: {used['server']:.1f} s in the uvicorn processes + {used['evaluation']:.1f} s in the "
            f"evaluation processes = {1000 * sum(used.values()) / max(1, served):.1f} ms per request "
            f"({1000 * used['server'] / max(1, served):.1f} ms outside evaluation)"
        )
    base_rate = baseline(1 if args.quick else 3)
    evals = len(out["evaluate"]) / wall
    print(
        f"baseline: in-process priorauth.check {base_rate:.1f}/s; service evaluations {evals:.1f}/s ({evals / base_rate:.2f}x)"
    )
    return 1 if errors or not total else 0


if __name__ == "__main__":
    raise SystemExit(main())
