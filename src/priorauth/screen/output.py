"""Write the run's outputs from the finished buckets, streaming (memory stays flat): the determinations
as NDJSON sorted by patient id, the same as a Parquet table (flat columns + the whole determination),
``summary.json`` and the HTML report."""

from __future__ import annotations

import heapq
import os
from pathlib import Path
from typing import Any

import orjson

from priorauth.screen.report import render
from priorauth.screen.rows import Summary, row
from priorauth.screen.workdir import WorkDir

NDJSON, PARQUET, SUMMARY, REPORT = "determinations.ndjson", "determinations.parquet", "summary.json", "summary.html"
RESOURCES = "resources.parquet"  # the duckdb engine's kept per-patient resources (what --since reuses)
BATCH = 2000


def write_outputs(out: Path, work: WorkDir, run: dict[str, Any]) -> dict[str, Any]:
    """Merge the bucket results into the output files; returns the summary (also written as JSON)."""
    summary = Summary()
    parquet = _ParquetSink(out / PARQUET)
    tmp = out / (NDJSON + ".tmp")
    with open(tmp, "wb") as f:
        for _pid, doc in heapq.merge(*work.result_lines(), key=lambda item: item[0]):
            f.write(doc + b"\n")
            r = row(orjson.loads(doc))
            summary.add(r)
            parquet.add(r, doc)
    os.replace(tmp, out / NDJSON)
    parquet.close()
    files = {"determinations": NDJSON, "parquet": PARQUET if parquet.available else None, "report": REPORT}
    report = {**run, "outputs": files, "screening": summary.as_dict()}
    (out / SUMMARY).write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    (out / REPORT).write_text(render(report, summary), "utf-8")
    return report


class _ParquetSink:
    """Row batches to a Parquet file (pyarrow, the ``[screen]`` extra); skipped with a note when absent."""

    def __init__(self, path: Path) -> None:
        self.path, self.rows, self.writer = path, [], None
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            self.pa = None
            return
        self.pa, self.pq = pa, pq
        strs = pa.list_(pa.string())
        self.schema = pa.schema(
            [
                ("patient_id", pa.string()),
                ("drug", pa.string()),
                ("indication", pa.string()),
                ("request_type", pa.string()),
                ("overall", pa.string()),
                ("as_of", pa.string()),
                ("payer", pa.string()),
                ("policy_id", pa.string()),
                ("missing", strs),
                ("not_met", strs),
                ("review", strs),
                ("advisories", strs),
                ("has_order", pa.bool_()),
                ("pa_expires", pa.string()),
                ("renewal_start", pa.string()),
                ("renewal_due", pa.bool_()),
                ("next_lft_due", pa.string()),
                ("lft_due", pa.bool_()),
                ("deceased", pa.bool_()),
                ("determination", pa.string()),
            ]
        )

    @property
    def available(self) -> bool:
        return self.pa is not None

    def add(self, r: dict[str, Any], doc: bytes) -> None:
        if self.pa is None:
            return
        self.rows.append({**r, "determination": doc.decode()})
        if len(self.rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.writer is None:
            self.writer = self.pq.ParquetWriter(str(self.path), self.schema)
        self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        if self.pa is None:
            return
        if self.rows or self.writer is None:
            self._flush()
        self.writer.close()
