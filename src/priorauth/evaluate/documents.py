"""The documents checklist: what to attach, present or missing, required by the payer's pack or advised,
with the chart entries behind it."""

from __future__ import annotations

from collections.abc import Callable

from priorauth.evaluate.context import Context, shift
from priorauth.facts.model import Evidence

Collector = Callable[[Context], list[Evidence]]


def _base(source: str) -> str:
    return source.split("#", 1)[0]


def _baseline_labs(ctx: Context) -> list[Evidence]:
    since = shift(ctx.as_of, -ctx.params.lft_window_days)
    return [
        lab.evidence for lab in ctx.facts.labs if lab.evidence.date and ctx.within(lab.evidence.date, since, ctx.as_of)
    ]


def _since_start(ctx: Context) -> list[Evidence]:
    start = ctx.drug_start
    return [
        s.evidence for s in ctx.facts.statuses if start and s.evidence.date and ctx.on_or_after(s.evidence.date, start)
    ]


def _type(source: str) -> str:
    return source.split("/", 1)[0]


# Where a diagnosis with histology and stage is recorded: the problem list (Condition), a pathology or
# other diagnostic report, a clinical note. Observations of disease status are assessments, not the diagnosis.
DIAGNOSIS_RECORDS = frozenset({"Condition", "DiagnosticReport", "DocumentReference"})


def _diagnosis_records(ctx: Context) -> list[Evidence]:
    """The primary cancer's diagnosis records, the stage recorded for it (stage-group Observations, which
    name no site, count only beside a diagnosis) and pathology reports."""
    records = [d.evidence for d in ctx.primary if _type(d.evidence.source) in DIAGNOSIS_RECORDS]
    if not records:
        return []
    stages = [
        d.evidence
        for d in ctx.facts.diagnoses
        if d.site == "unspecified"
        and d.stage is not None
        and _type(d.evidence.source) == "Observation"
        and "#" not in d.evidence.source
    ]
    pathology = [r for r in ctx.facts.reports if "patholog" in r.text.lower()]
    return records + stages + pathology


def _treatment_history(ctx: Context) -> list[Evidence]:
    """Prior systemic therapy: what was given before (administrations, statements, completed or stopped
    orders, procedures of systemic therapy, notes stating it), not the orders current now."""
    current = ("active", "on-hold", "draft")
    return [m.evidence for m in ctx.prior_therapies if not (m.kind == "request" and m.status in current)]


REGISTRY: dict[str, Collector] = {
    "chart_notes": lambda ctx: ctx.facts.notes,
    "diagnosis_records": _diagnosis_records,
    "kras_report": lambda ctx: [r.evidence for r in ctx.facts.kras],
    "treatment_history": _treatment_history,
    "claims_history": lambda ctx: ctx.facts.claims,
    "baseline_labs": _baseline_labs,
    "prescription": lambda ctx: [o.evidence for o in ctx.orders],
    "response_assessment": _since_start,
    "prior_authorization": lambda ctx: [a.evidence for a in ctx.approvals],
}


def checklist(ctx: Context, request_type: str) -> list[dict[str, object]]:
    rows = []
    for spec in ctx.pack.documents:
        if request_type not in spec.request_types:
            continue
        sources = list(dict.fromkeys(_base(e.source) for e in REGISTRY[spec.id](ctx)))
        rows.append(
            {
                "id": spec.id,
                "name": spec.name,
                "status": "present" if sources else "missing",
                "required": spec.required,
                "sources": sources,
            }
        )
    return rows
