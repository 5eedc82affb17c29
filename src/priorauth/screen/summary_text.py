"""What ``priorauth screen`` prints when done: the counts, where the files are, and the first candidates
with why each stands where it does (the required criteria that are not met, need review or are missing)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from priorauth.outputs.deceased import ADVISORY as DECEASED

SHOWN = 20


def render(report: dict[str, Any], out: Path) -> str:
    s, g, scan = report["screening"], report["groups"], report["scan"]
    lines = [
        f"Screened {g['patients']:,} patients ({scan['resources']:,} resources, {scan['bytes'] / 1e6:,.1f} MB) "
        f"in {report['seconds']:.1f} s with the {report['engine']} engine, as of {report['as_of']}.",
        f"Candidates: {s['candidates']:,} ("
        + ", ".join(f"{k} {v:,}" for k, v in s["overall"].items())
        + f"); renewals due {s['renewals_due']:,}; liver tests due {s['lft_due']:,}.",
    ]
    if s.get("deceased"):
        lines.append(
            f"Recorded as deceased: {s['deceased']:,} (counted apart: not ready, no renewal or liver test due; "
            "do not submit)."
        )
    problems = _problems(scan, g)
    if problems:
        lines.append("Skipped input: " + "; ".join(problems) + ".")
    outputs = report["outputs"]
    lines.append("Wrote " + ", ".join(str(out / f) for f in outputs.values() if f) + ".")
    if outputs.get("parquet") is None:
        lines.append("Parquet skipped: install the [screen] extra (pyarrow).")
    with open(out / outputs["determinations"], "rb") as f:
        for raw in islice(f, SHOWN):
            lines.extend(_explain(orjson.loads(raw)))
    if s["candidates"] > SHOWN:
        lines.append(f"... and {s['candidates'] - SHOWN:,} more in {out / outputs['determinations']}.")
    return "\n".join(lines) + "\n"


def _explain(doc: dict[str, Any]) -> list[str]:
    pid = (doc.get("patient") or {}).get("id")
    died = any(a.get("id") == DECEASED for a in doc.get("advisories") or [])
    head = f"\nPatient/{pid}: {doc['overall']} ({doc.get('indication') or 'no indication'}, {doc['request_type']})"
    head += " - DECEASED: do not submit" if died else ""
    out = [head]
    for c in doc["criteria"]:
        if c["required"] and c["status"] != "met":
            out.append(f"  {c['id']}: {c['status']} - {c['summary']}")
            out.extend(f"    -> {a}" for a in c.get("actions", [])[:2])
    return out


def _problems(scan: dict[str, Any], g: dict[str, Any]) -> list[str]:
    found = [
        (scan["corrupt_lines"], "corrupt lines"),
        (scan["not_fhir_lines"], "non-FHIR lines"),
        (sum(scan["unknown_types"].values()), "resources of unknown types"),
        (len(scan["file_problems"]), "damaged or unreadable files"),
        (g["missing_patient_ids"], "referenced patients with no Patient resource"),
        (sum(g["errors"].values()), "candidates not evaluated"),
    ]
    return [f"{n:,} {what}" for n, what in found if n]
