"""The summary report: one self-contained HTML page, charts drawn as inline SVG (no script, no network).

Patients are named by id only (no names, no dates of birth): the report is for routing work.
"""

from __future__ import annotations

from html import escape
from typing import Any

from priorauth.screen.rows import LISTED, Summary

STATUS_COLORS = {
    "ready": "#2e7d32",
    "needs_documentation": "#f9a825",
    "needs_review": "#1565c0",
    "criteria_not_met": "#c62828",
}
CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:.2rem .8rem .2rem 0;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#666}.bad{color:#c62828}
code{font-size:.9em}
"""


def render(report: dict[str, Any], summary: Summary) -> str:
    s, scan, groups = report["screening"], report["scan"], report["groups"]
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        f"<title>priorauth screening: {escape(report['drug'])}</title><style>{CSS}</style>",
        f"<h1>Screening for {escape(report['drug'])} prior authorization</h1>",
        f"<p class=muted>Export <code>{escape(report['export'])}</code>, as of {escape(report['as_of'])}, "
        f"engine {escape(report['engine'])}, {report['seconds']:.1f} s. "
        f"{groups['patients']:,} patients, {s['candidates']:,} candidates (a lung or colorectal cancer, or "
        f"a {escape(report['drug'])} record), {s['with_order']:,} with a {escape(report['drug'])} order.</p>",
        "<h2>Candidates by overall status</h2>",
        _bars([(k, v, STATUS_COLORS.get(k, "#777")) for k, v in s["overall"].items()]),
        _table(["indication", "patients"], list(s["indication"].items())),
        _table(["request type", "patients"], list(s["request_type"].items())),
        "<h2>Candidates by payer</h2>",
        _bars([(k, v, "#5c6bc0") for k, v in s["payer"].items()]),
        f"<h2>One document away from ready ({s['one_document_away']:,})</h2><p class=muted>Candidates whose only "
        "gap is one missing required criterion: obtain that document and the request is ready.</p>",
        _table(["missing criterion", "patient"], sorted(summary.one_away), s["one_document_away"]),
        "<h2>Most common missing items</h2><p class=muted>Required criteria the chart does not settle "
        "(<code>insufficient</code>): what to obtain before the request can go.</p>",
        _bars([(k, v, "#f9a825") for k, v in list(s["missing"].items())[:12]]),
        "<h2>Criteria not met or needing review</h2>",
        _bars(
            [(f"{k} (not met)", v, "#c62828") for k, v in list(s["not_met"].items())[:8]]
            + [(f"{k} (review)", v, "#1565c0") for k, v in list(s["review"].items())[:8]]
        ),
        f"<h2>Renewals due ({s['renewals_due']:,})</h2><p class=muted>Renewal requests whose renewal window "
        "opens within 30 days of as-of (or has opened).</p>",
        _table(["renewal window opens", "patient"], sorted(summary.renewals_due), s["renewals_due"]),
        f"<h2>Liver tests due ({s['lft_due']:,})</h2><p class=muted>Patients with a {escape(report['drug'])} "
        "order and no complete liver panel within 30 days, or an elevated result.</p>",
        _table(["why", "patient"], sorted(summary.lft_due), s["lft_due"]),
        f"<h2>Ready to submit ({s['ready']:,})</h2>",
        _table(["patient"], [(p,) for p in sorted(summary.ready)], s["ready"]),
        f"<h2>Recorded as deceased ({s['deceased']:,}): do not submit</h2><p class=muted>Counted apart: never "
        "listed as ready, one document away, a renewal or a liver test due. Check the chart.</p>",
        _table(["patient"], [(p,) for p in sorted(summary.deceased)], s["deceased"]),
        "<h2>Input problems (counted, skipped, never fatal)</h2>",
        _table(["problem", "count"], _problems(scan, groups)),
        *(f"<p class=bad>{escape(p)}</p>" for p in scan["file_problems"]),
        "<h2>Resources read</h2>",
        _table(["resource type", "lines"], list(scan["by_type"].items())),
        "</html>",
    ]
    return "\n".join(parts)


def _problems(scan: dict[str, Any], groups: dict[str, Any]) -> list[tuple[str, int]]:
    rows = [
        ("corrupt lines (not JSON)", scan["corrupt_lines"]),
        ("lines that are not FHIR resources", scan["not_fhir_lines"]),
        ("resources of an unknown type", sum(scan["unknown_types"].values())),
        ("files truncated or unreadable", len(scan["file_problems"])),
        ("patient ids referenced with no Patient resource", groups["missing_patient_ids"]),
        ("resources referencing those missing patients", groups["missing_patient_resources"]),
        ("shared resources without an id", scan["shared_without_id"]),
    ]
    rows += [(f"candidates not evaluated: {code}", n) for code, n in groups["errors"].items()]
    rows += [(f"unknown type {escape(t)}", n) for t, n in scan["unknown_types"].items()]
    return rows


def _bars(items: list[tuple[str, int, str]]) -> str:
    if not items:
        return "<p class=muted>none</p>"
    top = max(v for _, v, _ in items) or 1
    h, label_w, bar_w = 22, 260, 420
    out = [f'<svg role=img width="{label_w + bar_w + 80}" height="{h * len(items) + 4}">']
    for i, (label, value, color) in enumerate(items):
        y, w = i * h + 2, max(1, round(bar_w * value / top))
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{h - 6}" fill="{color}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 15}" font-size="13">{value:,}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _table(head: list[str], rows: list[tuple[Any, ...]], total: int | None = None) -> str:
    if not rows:
        return "<p class=muted>none</p>"
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(f"<td class=n>{v:,}</td>" if isinstance(v, int) else f"<td>{escape(str(v))}</td>" for v in r)
        + "</tr>"
        for r in rows
    )
    more = (
        f"<p class=muted>first {LISTED} of {total:,} listed; all are in the determinations files</p>"
        if total is not None and total > len(rows)
        else ""
    )
    return f"<table><tr>{cells}</tr>{body}</table>{more}"
