"""``--engine local``: all cores of one machine (multiprocessing), grouping by patient through a spill
to disk: scan (each process appends lines to its own bucket files), then evaluate bucket by bucket.

Memory is bounded by one 32 MB work unit while scanning and one bucket while evaluating, per process,
plus the shared resources (practitioners, organizations) held by each evaluating process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from priorauth.screen.evaluate import Options, SharedIndex, evaluate_bucket
from priorauth.screen.scan import Classifier, ScanStats, Unit, bucket_of, scan
from priorauth.screen.workdir import WorkDir, read_spill

Tick = Callable[[int, int], None]  # (work done, patients evaluated)

_state: dict[str, Any] = {}
FORK = "fork" in mp.get_all_start_methods()  # workers inherit what the parent loaded


def scan_all(units: list[Unit], work: WorkDir, buckets: int, ingredient: str, jobs: int, tick: Tick) -> ScanStats:
    total = ScanStats()
    args = [(i, u, str(work.spill), buckets, ingredient) for i, u in enumerate(units)]
    with _pool(jobs) as pool:
        for stats, size in pool.imap_unordered(_scan_job, args):
            total.merge(ScanStats.from_dict(stats))
            tick(size, 0)
    return total


def evaluate_all(todo: list[int], work: WorkDir, opts: Options, jobs: int, text: bool, tick: Tick) -> None:
    """``text``: the export holds documents, so load the text pipeline before forking (shared, not per worker)."""
    if text and FORK:
        from priorauth.text.pipeline import preload

        preload()
    init = (str(work.root), opts)
    with _pool(jobs, _init_evaluate, init) as pool:
        for evaluated in pool.imap_unordered(_evaluate_job, todo):
            tick(1, evaluated)


def _pool(jobs: int, init: Callable[..., None] | None = None, args: tuple[Any, ...] = ()) -> Any:
    ctx = mp.get_context("fork" if FORK else "spawn")
    return ctx.Pool(jobs, init, args, maxtasksperchild=None)


def _scan_job(args: tuple[int, Unit, str, int, str]) -> tuple[dict[str, Any], int]:
    index, unit, spill, buckets, ingredient = args
    folder = Path(spill) / f"w{os.getpid()}"
    if _state.get("folder") != folder:
        folder.mkdir(parents=True, exist_ok=True)
        _state.update(folder=folder, files={})
    files: dict[int, IO[bytes]] = _state["files"]

    def sink(pid: str | None, key: str | None, flags: int, seq: int, line: bytes) -> None:
        b = bucket_of(pid, buckets) if pid is not None else -1
        f = files.get(b)
        if f is None:
            name = f"b{b:05d}.tsv" if b >= 0 else "shared.tsv"
            f = files[b] = open(folder / name, "ab", buffering=1 << 18)  # noqa: SIM115 (kept open across units)
        f.write(b"%s\t%d\t%d\t%s\n" % ((pid or key or "").encode(), flags, seq, line))

    stats = scan(index, unit, Classifier(ingredient), sink)
    for f in files.values():
        f.flush()  # the unit is on disk when its result is returned
    size = (unit.end - unit.start) if unit.end >= 0 else os.path.getsize(unit.path)
    return stats.as_dict(), size


def _init_evaluate(root: str, opts: Options) -> None:
    work = WorkDir(Path(root).parent)
    _state.update(work=work, opts=opts, shared=SharedIndex(_shared(work)))


def _shared(work: WorkDir) -> list[tuple[str, int, bytes]]:
    return [(key, seq, line) for key, _, seq, line in read_spill(work.shared_parts())]


def _evaluate_job(bucket: int) -> int:
    work: WorkDir = _state["work"]
    result = evaluate_bucket(read_spill(work.bucket_parts(bucket)), _state["shared"], _state["opts"])
    work.write_result(bucket, result.determinations, result.counts())
    return len(result.determinations)
