"""Safety and label notes that do not gate the PA, in the pack's order."""

from __future__ import annotations

from collections.abc import Callable

from priorauth.evaluate.context import Context, shift
from priorauth.facts.model import Evidence, MedUse
from priorauth.facts.observations import ANALYTES

Check = Callable[[Context], list[Evidence]]  # evidence when the advisory applies, else []


def _active(ctx: Context, *classes: str) -> list[Evidence]:
    return [
        m.evidence for m in ctx.facts.meds if m.active and m.has_class(*classes) and ctx.by_as_of(m.start, assume=True)
    ]


def recent_immunotherapy(ctx: Context) -> list[Evidence]:
    since = shift(ctx.as_of, -ctx.params.immunotherapy_window_days)
    hits = []
    for m in ctx.facts.meds:
        if not m.has_class("immunotherapy") or m.status in ("cancelled", "entered-in-error", "not-done", "draft"):
            continue
        when = m.start if m.kind in ("administration", "procedure") else (m.end or m.start)
        if (m.kind == "request" and m.active) or (when is not None and ctx.within(when, since, ctx.as_of, assume=True)):
            hits.append(_dated(m, when))
    return hits


def _dated(m: MedUse, when: str | None) -> Evidence:
    return Evidence(m.evidence.source, when or m.evidence.date, m.evidence.text)


def baseline_lft_missing(ctx: Context) -> list[Evidence]:
    since = shift(ctx.as_of, -ctx.params.lft_window_days)
    recent = {
        lab.analyte
        for lab in ctx.facts.labs
        if lab.value is not None and lab.evidence.date and ctx.within(lab.evidence.date, since, ctx.as_of, assume=False)
    }
    missing = [a for a in ANALYTES if a not in recent]
    if not missing:
        return []
    return [
        Evidence(
            ctx.facts.patient.evidence.source,
            None,
            f"Not resulted within {ctx.params.lft_window_days} days: {', '.join(missing)}",
        )
    ]


def lft_elevated(ctx: Context) -> list[Evidence]:
    hits = []
    for analyte in ("alt", "ast", "tbili"):
        results = [
            lab
            for lab in ctx.facts.labs
            if lab.analyte == analyte
            and lab.value is not None
            and lab.evidence.date
            and ctx.on_or_before(lab.evidence.date, ctx.as_of, assume=True)
        ]
        if results:
            latest = results[-1]
            if latest.high is not None and latest.value is not None and latest.value > latest.high:
                hits.append(latest.evidence)
    return hits


def ild_history(ctx: Context) -> list[Evidence]:
    return [d.evidence for d in ctx.facts.diagnoses if d.site == "ild"]


def patient_deceased(ctx: Context) -> list[Evidence]:
    p = ctx.facts.patient
    if p.deceased and ctx.by_as_of(p.deceased_date, assume=True):
        return [Evidence(p.evidence.source, p.deceased_date, "Patient recorded as deceased")]
    return []


REGISTRY: dict[str, Check] = {
    "acid_reducer": lambda ctx: _active(ctx, "ppi", "h2ra"),
    "antacid_timing": lambda ctx: _active(ctx, "antacid"),
    "cyp3a4_inducer": lambda ctx: _active(ctx, "cyp3a4_inducer"),
    "recent_immunotherapy": recent_immunotherapy,
    "baseline_lft_missing": baseline_lft_missing,
    "lft_elevated": lft_elevated,
    "ild_history": ild_history,
    "patient_deceased": patient_deceased,
}
