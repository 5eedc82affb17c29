"""Population screening: every candidate patient of a FHIR Bulk Data export, evaluated by the same
evaluator as ``priorauth check``, on all local cores or on Apache Spark. See ``docs/screening.md``.

``screen(export_dir, out)`` is the one entry point; it calls inward (``priorauth.api.check``)."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

from priorauth.api import parse_as_of
from priorauth.errors import Code, fail
from priorauth.policy import registry
from priorauth.screen.evaluate import Options
from priorauth.screen.output import write_outputs
from priorauth.screen.progress import Progress
from priorauth.screen.scan import ScanStats, export_files, units
from priorauth.screen.workdir import WorkDir, fingerprint

ENGINES = ("duckdb", "local", "spark")
TEXT_TYPES = ("DocumentReference", "DiagnosticReport")  # what may hold text for the clinical-text reader


def screen(
    export_dir: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    engine: str = "duckdb",
    resume: bool = False,
    as_of: str | None = None,
    drug: str = registry.DEFAULT_DRUG,
    payer: str | None = None,
    jobs: int | None = None,
    master: str | None = None,
    progress: bool = True,
    since: str | os.PathLike[str] | None = None,
    keep_resources: bool = False,
) -> dict[str, Any]:
    """Screen an export folder into ``out``; returns the summary (``out/summary.json``). ``since``: the
    output folder of a previous run; ``export_dir`` then holds only what changed (see ``screen.since``).
    ``keep_resources`` (duckdb; implied by ``since``): keep every patient's resources in
    ``out/resources.parquet`` for a later ``since`` run."""
    started = time.monotonic()
    PHASES.clear()
    src, dest = Path(export_dir), Path(out)
    opts, files = _check_arguments(src, dest, engine, as_of, drug, payer)
    dest.mkdir(parents=True, exist_ok=True)
    prev = Path(since) if since is not None else None
    if prev is not None and engine != "duckdb":
        raise fail(Code.BAD_ARGUMENT, "--since needs the duckdb engine (the one that keeps per-patient resources)")
    if prev is not None and prev.resolve() == dest.resolve():
        raise fail(Code.BAD_ARGUMENT, "--since must name the previous output folder, not this run's")
    keep = engine == "duckdb" and (keep_resources or prev is not None)
    if keep_resources and engine != "duckdb":
        raise fail(Code.BAD_ARGUMENT, "--keep-resources needs the duckdb engine")
    if prev is not None:
        from priorauth.screen.since import previous

        previous(prev, opts.drug, opts.payer)  # a bad --since fails before any work
    fp = fingerprint(files, opts.drug, opts.as_of, opts.payer)
    fp["since"] = str(prev.resolve()) if prev is not None else None
    fp["keep"] = keep
    work = WorkDir(dest)
    kept = work.start(fp, resume)
    buckets = fp["buckets"]
    done = work.finished() if kept else {}
    todo = [b for b in range(buckets) if b not in done]
    jobs = max(1, jobs or os.cpu_count() or 1)
    population: dict[str, int] = {}
    if engine == "spark":
        from priorauth.screen.spark import run_spark

        stats = run_spark(files, work, opts, buckets, todo, kept, master, progress)
    elif engine == "duckdb":
        from priorauth.screen.duck import run_duckdb

        stats, population = run_duckdb(
            files, work, opts, buckets, todo, kept, jobs, lambda *a: _bar(*a, progress), prev, keep
        )
    else:
        stats = _run_local(files, work, opts, buckets, todo, kept, jobs, progress)
    groups = _group_counts(work.finished().values())
    groups.update({k: v for k, v in population.items() if k not in ("candidates", "since", "documents")})
    work.drop_spill()
    run = {
        "export": src.name,
        "engine": engine,
        "drug": opts.drug,
        "as_of": opts.as_of,
        "payer": opts.payer,
        "buckets": buckets,
        "resumed_buckets": len(done),
        "scan": stats,
        "groups": groups,
    }
    if "since" in population:
        run["since"] = population["since"]
    run["seconds"] = round(time.monotonic() - started, 3)  # scan and evaluation; the outputs follow
    run["phases"] = dict(PHASES)
    report = write_outputs(dest, work, run)
    from priorauth.screen.duck import CURRENT
    from priorauth.screen.output import RESOURCES

    if keep and (work.root / CURRENT).exists():
        os.replace(work.root / CURRENT, dest / RESOURCES)  # kept for a later --since run
    elif not keep:
        (dest / RESOURCES).unlink(missing_ok=True)  # a previous run's into the same folder would not match
    report["seconds"] = round(time.monotonic() - started, 3)
    return report


def _check_arguments(
    src: Path, dest: Path, engine: str, as_of: str | None, drug: str, payer: str | None
) -> tuple[Options, list[Path]]:
    if engine not in ENGINES:
        raise fail(Code.BAD_ARGUMENT, f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    day = parse_as_of(as_of)
    registry.pack_ids(drug)
    if payer is not None:
        registry.load(payer, drug)
    if not src.is_dir():
        raise fail(Code.PATH_MISSING, f"no such export folder: {src}")
    files = export_files(src)
    if not files:
        raise fail(Code.NOTHING_USABLE, f"no NDJSON files in {src} (looked for *.ndjson, *.ndjson.gz)")
    if dest.resolve() == src.resolve() or src.resolve() in dest.resolve().parents:
        raise fail(Code.BAD_ARGUMENT, f"the output folder {dest} must not be inside the export folder")
    return Options(day, drug, payer), files


def ingredient(drug: str) -> str:
    return registry.load(registry.DEFAULT, drug).drug.ingredient


def _run_local(
    files: list[Path],
    work: WorkDir,
    opts: Options,
    buckets: int,
    todo: list[int],
    kept: bool,
    jobs: int,
    progress: bool,
) -> dict[str, Any]:
    from priorauth.screen import local

    scanned = work.scanned() if kept else None
    if todo and (scanned is None or not work.spill.exists()):
        work.reset_spill()
        us = units(files)
        bar = _bar("scan", sum(_size(u) for u in us), "MB", 1 << 20, progress)
        stats = local.scan_all(us, work, buckets, ingredient(opts.drug), jobs, bar.tick).as_dict()
        bar.finish()
        work.mark_scanned(stats)
    else:
        stats = scanned or ScanStats().as_dict()
    if todo:
        bar = _bar("evaluate", len(todo), "buckets", 1, progress)
        text = any(stats["by_type"].get(t) for t in TEXT_TYPES)
        local.evaluate_all(todo, work, opts, jobs, text, bar.tick)
        bar.finish()
    return stats


def _size(u: Any) -> int:
    return (u.end - u.start) if u.end >= 0 else os.path.getsize(u.path)


class _Quiet:
    def tick(self, amount: float, patients: int = 0) -> None:
        pass

    def finish(self) -> float:
        return 0.0


PHASES: dict[str, float] = {}  # seconds per phase of the current run (scan, evaluate), for summary.json


class _Timed:
    def __init__(self, label: str, bar: Any) -> None:
        self.label, self.bar, self.started = label, bar, time.monotonic()

    def tick(self, amount: float, patients: int = 0) -> None:
        self.bar.tick(amount, patients)

    def finish(self) -> float:
        PHASES[self.label] = round(time.monotonic() - self.started, 3)
        return self.bar.finish()


def _bar(label: str, total: float, unit: str, scale: float, show: bool) -> Any:
    return _Timed(label, Progress(label, total, unit, scale) if show else _Quiet())


def _group_counts(results: Any) -> dict[str, Any]:
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for r in results:
        errors.update(r["errors"])
        total.update({k: v for k, v in r.items() if k != "errors"})
    keys = ("patients", "candidates", "evaluated", "missing_patient_ids", "missing_patient_resources")
    return {**{k: total[k] for k in keys}, "errors": dict(sorted(errors.items()))}
