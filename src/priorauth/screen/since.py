# ruff: noqa: S608  (SQL is built from constants and file paths quoted by _sql_str, never from input data)
"""Incremental screening: ``priorauth screen EXPORT --since PREVIOUS_OUT``.

``EXPORT`` holds what changed since the previous run (a Bulk Data ``_since`` export: new and updated
resources, and Bundles whose ``DELETE`` entries name deleted ones). The previous run kept its
per-patient resources (``PREVIOUS_OUT/resources.parquet``, the evaluated types only); this run:

1. scans the new export (the DuckDB scan), and reads its deletions;
2. builds the current resources: the kept ones less those replaced (same ``Type/id``) or deleted, then
   the new ones, in that order (what a full export of the current chart would hold, updates last);
3. finds the candidates among *all* patients (a new lung cancer makes a new candidate; a deleted one
   ends one) and re-evaluates the touched ones: a patient with a new, updated or deleted resource;
   every candidate when a shared resource (practitioner, organization, medication) changed or the
   as-of date differs, since those change answers without touching a patient's own resources;
4. carries the previous determination over for every other candidate, so the output is complete.

Nothing else is reused across runs. The result equals a full screen of the current chart (tested).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from priorauth.errors import Code, fail
from priorauth.screen.duck import OK, OWNED, SHARED, _sql_str
from priorauth.screen.output import NDJSON, RESOURCES, SUMMARY

CARRIED = "carried.ndjson"


def previous(prev: Path, drug: str, payer: str | None) -> dict[str, Any]:
    """The previous run's summary, checked: same drug and payer, kept resources present."""
    try:
        summary = orjson.loads((prev / SUMMARY).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        raise fail(Code.BAD_ARGUMENT, f"--since {prev}: not the output folder of a finished screen") from None
    if not (prev / RESOURCES).is_file() or not (prev / NDJSON).is_file():
        raise fail(Code.BAD_ARGUMENT, f"--since {prev}: no kept resources (screen it with --keep-resources)")
    if summary.get("drug") != drug or summary.get("payer") != payer:
        raise fail(Code.BAD_ARGUMENT, f"--since {prev}: screened for another drug or payer; screen afresh")
    return summary


def deletions(con: Any, table: Path) -> set[str]:
    """``Type/id`` of every resource a Bundle of the new export deletes (``request.method`` DELETE)."""
    t = f"read_parquet('{_sql_str(str(table))}')"
    out: set[str] = set()
    for (line,) in con.execute(f"SELECT line FROM {t} WHERE rtype = 'Bundle' AND line IS NOT NULL").fetchall():
        for entry in orjson.loads(line).get("entry") or []:
            req = entry.get("request") if isinstance(entry, dict) else None
            if isinstance(req, dict) and str(req.get("method", "")).upper() == "DELETE":
                url = req.get("url")
                if isinstance(url, str) and url.count("/") == 1:
                    out.add(url.split("?")[0])
    return out


def combine(con: Any, prev: Path, new: Path, dest: Path, deleted: set[str]) -> dict[str, Any]:
    """Write the current resources to ``dest``; create the table ``touched`` (patients whose own resources
    changed); return what changed."""
    p = f"read_parquet('{_sql_str(str(prev / RESOURCES))}', file_row_number = true)"
    n = f"read_parquet('{_sql_str(str(new))}', file_row_number = true)"
    con.execute("CREATE OR REPLACE TEMP TABLE deleted (k VARCHAR)")
    if deleted:
        con.executemany("INSERT INTO deleted VALUES (?)", [(k,) for k in sorted(deleted)])
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE gone AS
        SELECT rtype || '/' || rid AS k FROM {n} WHERE status = {OK} AND rid IS NOT NULL AND kind IN ('{OWNED}', '{SHARED}')
        UNION SELECT k FROM deleted"""
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE touched AS
        SELECT DISTINCT pid FROM {n} WHERE kind = '{OWNED}'
        UNION SELECT DISTINCT pid FROM {p} WHERE kind = '{OWNED}' AND rtype || '/' || rid IN (SELECT k FROM gone)"""
    )
    shared_changed = (
        con.execute(
            f"SELECT count(*) FROM {p} WHERE kind = '{SHARED}' AND rtype || '/' || rid IN (SELECT k FROM gone)"
        ).fetchone()[0]
        + con.execute(f"SELECT count(*) FROM {n} WHERE kind = '{SHARED}'").fetchone()[0]
    )
    cols = "file, status, rtype, rid, pid, kind, key, line"
    con.execute(
        f"""COPY (
            SELECT {cols} FROM (
                SELECT {cols}, 0 AS gen, file_row_number AS seq FROM {p}
                WHERE status = {OK} AND rtype <> 'Bundle' AND (rid IS NULL OR rtype || '/' || rid NOT IN (SELECT k FROM gone))
                UNION ALL
                SELECT {cols}, 1 AS gen, file_row_number AS seq FROM {n} WHERE status = {OK} AND rtype <> 'Bundle'
            ) ORDER BY gen, seq
        ) TO '{_sql_str(str(dest))}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 16384)"""
    )
    touched = con.execute("SELECT count(*) FROM touched").fetchone()[0]
    return {"deleted": len(deleted), "touched_patients": touched, "shared_changed": shared_changed}


def carry_over(con: Any, prev: Path, reevaluate_all: bool, out: Path) -> int:
    """Choose who is evaluated (table ``todo``) and write the previous determinations of the other
    candidates to ``out`` (sorted by patient id, as a bucket result); returns how many were carried."""
    if reevaluate_all:
        con.execute("CREATE OR REPLACE TEMP TABLE todo AS SELECT pid FROM cand")
        out.write_bytes(b"")
        return 0
    keep = {pid for (pid,) in con.execute("SELECT pid FROM cand WHERE pid NOT IN (SELECT pid FROM touched)").fetchall()}
    carried: list[tuple[str, bytes]] = []
    with open(prev / NDJSON, "rb") as f:
        for line in f:
            doc = line.rstrip(b"\n")
            pid = ((orjson.loads(doc).get("patient") or {}).get("id")) if doc else None
            if pid in keep:
                carried.append((pid, doc))
    done = {pid for pid, _ in carried}
    con.execute("CREATE OR REPLACE TEMP TABLE carried (pid VARCHAR)")
    if done:
        con.executemany("INSERT INTO carried VALUES (?)", [(p,) for p in sorted(done)])
    con.execute("CREATE OR REPLACE TEMP TABLE todo AS SELECT pid FROM cand WHERE pid NOT IN (SELECT pid FROM carried)")
    carried.sort()
    with open(out, "wb") as f:
        for pid, doc in carried:
            f.write(pid.encode() + b"\t" + doc + b"\n")
    return len(carried)
