"""The documents checklist: what to attach, present or missing, with the chart entries behind it."""

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


REGISTRY: dict[str, Collector] = {
    "chart_notes": lambda ctx: ctx.facts.notes,
    "diagnosis_records": lambda ctx: (
        [d.evidence for d in ctx.primary] + [r for r in ctx.facts.reports if "patholog" in r.text.lower()]
    ),
    "kras_report": lambda ctx: [r.evidence for r in ctx.facts.kras],
    "treatment_history": lambda ctx: [m.evidence for m in ctx.prior_therapies],
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
            {"id": spec.id, "name": spec.name, "status": "present" if sources else "missing", "sources": sources}
        )
    return rows
