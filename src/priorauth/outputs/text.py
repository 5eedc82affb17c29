"""The determination as a report a PA coordinator reads: the checklist with evidence, what to do, the codes."""

from __future__ import annotations

from typing import Any

from priorauth.outputs.deceased import deceased
from priorauth.outputs.evidence import capped

MARK = {
    "met": "[x] met",
    "not_met": "[!] NOT MET",
    "insufficient": "[ ] needs documentation",
    "review": "[?] needs review",
}
OVERALL = {
    "ready": "READY to submit",
    "needs_documentation": "NEEDS DOCUMENTATION before submitting",
    "needs_review": "NEEDS REVIEW by the prescriber",
    "criteria_not_met": "CRITERIA NOT MET",
}


def render(doc: dict[str, Any]) -> str:
    p, pol = doc["patient"], doc["policy"]
    payer = doc.get("payer") or {}
    died = deceased(doc)
    age = "deceased" if died else f"age {p['age']}" if p.get("age") is not None else "age unknown"
    lines = [f"DECEASED: {died.words()}."] if died else []
    lines += [
        f"{doc['drug']} prior authorization - {OVERALL[doc['overall']]}",
        f"Patient {p.get('name') or p['id']} (id {p['id']}, born {p.get('birth_date') or 'unknown'}, {age})",
        f"Payer   {payer.get('name') or 'no active coverage'}"
        + (f", member {payer['member_id']}" if payer.get("member_id") else ""),
        f"Request {doc['request_type']}, indication {doc['indication'] or 'not determined (evaluated as NSCLC)'}, as of {doc['as_of']}",
        f"Policy  {pol['id']} {pol['version']} ({pol.get('chosen_because', '')})",
    ]
    pa = doc.get("prior_authorization") or {}
    if pa.get("number"):
        lines.append(f"Prior approval {pa['number']} {pa.get('start') or '?'} to {pa.get('end') or '?'}")
    asked = pa.get("requested_period") or {}
    if asked.get("duration"):
        lines.append(f"Request {asked['duration']}: {asked['start']} to {asked['end']}")
    if pa.get("renewal_start"):
        lines.append(f"Renewal start by {pa['renewal_start']} ({pa['renewal_lead_days']} days before expiry)")
    lines += ["", "Criteria"]
    todo: list[str] = []
    for c in doc["criteria"]:
        req = "required" if c["required"] else "optional"
        lines.append(f"  {MARK[c['status']]:<24} {c['id']} ({req})")
        lines.append(f"      {c['summary']}")
        shown, groups = capped(c["evidence"])
        for e in shown:
            lines.append(f"      - {_cited(e)}")
        lines += [f"      - {g.line()}" for g in groups]
        if c["status"] != "met":
            todo += [f"{a} ({c['id']})" for a in c["actions"]]
    if todo:
        lines += ["", "To do"] + [f"  {i}. {t}" for i, t in enumerate(todo, 1)]
    codes = doc["codes"]
    lines += [
        "",
        "Codes",
        f"  ICD-10-CM primary:   {', '.join(codes['icd10_primary']) or 'none found'}",
        f"  ICD-10-CM secondary: {', '.join(codes['icd10_secondary']) or 'none found'}",
        f"  CPT (KRAS test):     {', '.join(codes['cpt']) or 'none found'}",
    ]
    if doc["advisories"]:
        lines += ["", "Safety advisories"]
        for a in doc["advisories"]:
            lines.append(f"  {a['severity'].upper():<8} {a['text']}")
            if a.get("detail"):
                lines.append(f"           {a['detail']}")
            shown, groups = capped(a.get("evidence", []))
            for e in shown:
                lines.append(f"           - {_cited(e)}")
            lines += [f"           - {g.line()}" for g in groups]
    lines += ["", "Documents to attach (required: the payer's pack asks for it; advised: it helps the review)"]
    for d in doc["documents"]:
        mark = "present" if d["status"] == "present" else "MISSING"
        need = "required" if d.get("required") else "advised"
        srcs = f" ({', '.join(d['sources'][:3])}{', ...' if len(d['sources']) > 3 else ''})" if d["sources"] else ""
        lines.append(f"  {mark:<8} {need:<8} {d['name']}{srcs}")
    gaps = [d["name"] for d in doc["documents"] if d.get("required") and d["status"] == "missing"]
    if gaps:
        lines.append(f"  Obtain before submitting (required): {'; '.join(gaps)}.")
    if doc["monitoring"] and not died:  # no schedule for a patient recorded as deceased
        first, rest = doc["monitoring"][0], doc["monitoring"][1:]
        lines += [
            "",
            f"Liver test monitoring: {first['test']}",
            f"  {'first dose' if 'past' in first else 'baseline'} {first['due']}; then "
            + ", ".join(m["due"] for m in rest),
        ]
    if doc.get("warnings"):
        lines += ["", f"Skipped while reading the chart ({len(doc['warnings'])})"] + [
            f"  {w}" for w in doc["warnings"][:10]
        ]
    return "\n".join(lines) + "\n"


def _cited(e: dict[str, Any]) -> str:
    """One evidence item on one line (a quoted note's line breaks become spaces)."""
    return f"{e.get('date') or 'undated'}  {e['source']}  {' '.join((e.get('text') or '').split())}".rstrip()
