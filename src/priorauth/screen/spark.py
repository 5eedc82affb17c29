"""``--engine spark``: the same scan and the same bucket evaluation as the local engine, with Spark's
shuffle doing the grouping by patient. ``master`` is ``local[*]`` by default, or a cluster URL (the
export folder and the output folder's parent must then be on a filesystem every executor can read).

Partition ``i`` of the shuffle is bucket ``i`` (keyed by :func:`bucket_of`), so results are
written as the same bucket files as the local engine's, and ``--resume`` works the same way.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from priorauth.screen.evaluate import Options, SharedIndex, evaluate_bucket
from priorauth.screen.scan import Classifier, ScanStats, Unit, bucket_of, scan, units
from priorauth.screen.workdir import WorkDir

SHARED, STATS, PATIENT = 0, 1, 2  # kinds of scan records


def run_spark(
    files: list[Path],
    work: WorkDir,
    opts: Options,
    buckets: int,
    todo: list[int],
    kept: bool,
    master: str | None,
    progress: bool,
) -> dict[str, Any]:
    if not todo and kept and work.scanned() is not None:
        return work.scanned()  # type: ignore[return-value]
    from priorauth.screen import ingredient

    spark = _session(master, buckets, progress)
    try:
        sc = spark.sparkContext
        us = units(files)
        wanted = set(todo)
        ing = ingredient(opts.drug)
        records = sc.parallelize(list(enumerate(us)), max(1, len(us))).flatMap(
            lambda iu: _scan_records(iu[0], iu[1], ing, buckets, wanted)
        )
        from pyspark import StorageLevel

        records.persist(StorageLevel.MEMORY_AND_DISK)
        side = records.filter(lambda r: r[0] != PATIENT).collect()
        stats = ScanStats()
        for kind, _, payload in side:
            if kind == STATS:
                stats.merge(ScanStats.from_dict(payload))
        shared = sc.broadcast([payload for kind, _, payload in side if kind == SHARED])
        patients = records.filter(lambda r: r[0] == PATIENT).map(lambda r: (r[1], r[2]))
        grouped = patients.partitionBy(buckets, lambda bucket: bucket)
        token = f"{os.getpid()}-{time.time_ns()}"
        results = grouped.mapPartitionsWithIndex(
            lambda i, it: _evaluate_partition(i, it, (token, shared), opts, wanted)
        )
        for bucket, determinations, counts in results.toLocalIterator():
            work.write_result(bucket, determinations, counts)
        records.unpersist()
        work.mark_scanned(stats.as_dict())
        return stats.as_dict()
    finally:
        spark.stop()


def _scan_records(index: int, unit: Unit, ing: str, buckets: int, wanted: set[int]) -> Iterator[tuple[int, Any, Any]]:
    """One unit's lines as a few records: per bucket, the list of its (pid, flags, position, line); the
    shuffle then moves a handful of large records instead of one per line."""
    shared: list[tuple[str, int, bytes]] = []
    by_bucket: dict[int, list[tuple[str, int, int, bytes]]] = {}

    def sink(pid: str | None, key: str | None, flags: int, seq: int, line: bytes) -> None:
        if pid is None:
            shared.append((key or "", seq, line))
            return
        b = bucket_of(pid, buckets)
        if b in wanted:  # --resume: finished buckets are not shuffled again
            by_bucket.setdefault(b, []).append((pid, flags, seq, line))

    stats = scan(index, unit, Classifier(ing), sink)
    out: list[tuple[int, Any, Any]] = [(PATIENT, b, recs) for b, recs in by_bucket.items()]
    out += [(SHARED, None, item) for item in shared]
    out.append((STATS, None, stats.as_dict()))
    return iter(out)


def _evaluate_partition(
    index: int, items: Iterator[tuple[int, list[Any]]], shared: Any, opts: Options, wanted: set[int]
) -> Iterator[tuple[int, list[tuple[str, bytes]], dict[str, Any]]]:
    if index not in wanted:
        return iter(())
    records = (rec for _, recs in items for rec in recs)
    result = evaluate_bucket(records, _shared_index(shared), opts)
    return iter([(index, result.determinations, result.counts())])


_INDEX: dict[str, SharedIndex] = {}


def _shared_index(shared: tuple[str, Any]) -> SharedIndex:
    """One index per run per Python worker (workers are reused across tasks)."""
    token, broadcast = shared
    if token not in _INDEX:
        _INDEX.clear()
        _INDEX[token] = SharedIndex(broadcast.value)
    return _INDEX[token]


def _session(master: str | None, buckets: int, progress: bool) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        from priorauth.errors import Code, fail

        raise fail(Code.BAD_ARGUMENT, "--engine spark needs PySpark: pip install 'priorauth[screen]'") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    url = master or "local[*]"
    builder = SparkSession.builder.master(url).appName("priorauth-screen")
    if url.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", str(progress).lower())
        .config("spark.sql.shuffle.partitions", str(buckets))
        .config("spark.python.worker.reuse", "true")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
