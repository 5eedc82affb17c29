"""Safety and label notes that do not gate the PA, in the pack's order. A check returns None when the
advisory does not apply, else what it cites (possibly nothing: an absence cites what was reviewed or
nothing, never an unrelated resource) and an optional detail line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from priorauth.evaluate.context import Context, shift
from priorauth.facts.model import Evidence, MedUse
from priorauth.facts.observations import ANALYTES


@dataclass
class Raised:
    evidence: list[Evidence] = field(default_factory=list)
    detail: str | None = None


Check = Callable[[Context], "Raised | None"]


def _cite(evidence: list[Evidence]) -> Raised | None:
    """Raised with this evidence, or not raised when there is none (a finding advisory needs a finding)."""
    return Raised(evidence) if evidence else None


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


def baseline_lft_missing(ctx: Context) -> Raised | None:
    """Raised when an LFT has no result in the window; cites the liver tests reviewed (older results of the
    missing analytes, up to as-of), or nothing when the chart has none: never the Patient."""
    since = shift(ctx.as_of, -ctx.params.lft_window_days)
    recent = {
        lab.analyte
        for lab in ctx.facts.labs
        if lab.value is not None and lab.evidence.date and ctx.within(lab.evidence.date, since, ctx.as_of, assume=False)
    }
    missing = [a for a in ANALYTES if a not in recent]
    if not missing:
        return None
    reviewed = [
        lab.evidence
        for lab in ctx.facts.labs
        if lab.analyte in missing and lab.evidence.date and ctx.by_as_of(lab.evidence.date, assume=True)
    ]
    names = {"alt": "ALT", "ast": "AST", "alp": "alkaline phosphatase", "tbili": "total bilirubin"}
    latest = f"; latest on file: {max(e.date or '' for e in reviewed)}" if reviewed else "; none on file"
    detail = (
        f"No result within {ctx.params.lft_window_days} days before {ctx.as_of}: "
        f"{', '.join(names[a] for a in missing)}{latest}."
    )
    return Raised(reviewed, detail)


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
    "acid_reducer": lambda ctx: _cite(_active(ctx, "ppi", "h2ra")),
    "antacid_timing": lambda ctx: _cite(_active(ctx, "antacid")),
    "cyp3a4_inducer": lambda ctx: _cite(_active(ctx, "cyp3a4_inducer")),
    "recent_immunotherapy": lambda ctx: _cite(recent_immunotherapy(ctx)),
    "baseline_lft_missing": baseline_lft_missing,
    "lft_elevated": lambda ctx: _cite(lft_elevated(ctx)),
    "ild_history": lambda ctx: _cite(ild_history(ctx)),
    "patient_deceased": lambda ctx: _cite(patient_deceased(ctx)),
}
