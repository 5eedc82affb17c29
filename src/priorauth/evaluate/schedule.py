"""The liver-test monitoring schedule (label 5.1): from the planned start for a patient not yet on the
drug; for a patient already on it (a renewal, or doses in the chart), from the first dose the chart shows."""

from __future__ import annotations

from priorauth.chart import dates
from priorauth.chart.dates import add_months, shift
from priorauth.evaluate.context import Context

__all__ = ["add_months", "monitoring", "planned_start"]


def planned_start(ctx: Context) -> str:
    """The order's date, or as-of when later or absent. A partial order date (``2026-11``) is read at its
    earliest day: the baseline liver test is never scheduled later than the chart allows."""
    order = ctx.current_order
    when = dates.parse(order.evidence.date) if order else None
    return max(when.earliest.isoformat(), ctx.as_of) if when else ctx.as_of


def first_dose(ctx: Context) -> tuple[str, str] | None:
    """The first dose of the requested drug the chart shows (on or before as-of): an administration, a
    dispense, or a statement that it is taken; on a renewal without such a record, the start of therapy
    the contract defines (the approved period's start or the first order, ``Context.drug_start``)."""
    doses = [
        (_first_day(m.start), m.kind)
        for m in ctx.facts.meds
        if m.has(ctx.drug)
        and m.kind in ("administration", "dispense", "statement")
        and m.given
        and dates.on_or_before(m.start, ctx.as_of) is not False
        and dates.parse(m.start) is not None
    ]
    if doses:
        day, kind = min(doses)
        return day, f"first dose (the first {kind} the chart shows)"
    start = ctx.drug_start if ctx.approvals else None
    if start and dates.on_or_before(start, ctx.as_of) is not False and dates.parse(start) is not None:
        return _first_day(start), "therapy start (no dose recorded: the approved period's start or the first order)"
    return None


def _first_day(value: str | None) -> str:
    """A (possibly partial) date's earliest day: the schedule is never later than the chart allows."""
    d = dates.parse(value)
    assert d is not None
    return d.earliest.isoformat()


UPCOMING_MONTHLY = 3  # a patient on therapy past the planned months still sees the next monthly checks


def monitoring(ctx: Context) -> list[dict[str, object]]:
    spec = ctx.pack.monitoring
    on_therapy = first_dose(ctx)
    start = on_therapy[0] if on_therapy else planned_start(ctx)
    first = on_therapy[1] if on_therapy else "baseline, before the first dose"
    rows: list[dict[str, object]] = [{"test": spec.test, "due": start, "reason": first}]
    end_frequent = add_months(start, spec.every_3_weeks_months)
    n = 1
    while shift(start, 21 * n) <= end_frequent:
        rows.append({"test": spec.test, "due": shift(start, 21 * n), "reason": f"every 3 weeks (week {3 * n})"})
        n += 1
    month = spec.every_3_weeks_months + 1
    while month <= spec.monthly_until_months or (
        on_therapy and sum(1 for r in rows if str(r["due"]) >= ctx.as_of) < UPCOMING_MONTHLY
    ):
        rows.append({"test": spec.test, "due": add_months(start, month), "reason": f"monthly (month {month})"})
        month += 1
    if on_therapy:
        for r in rows:
            r["past"] = str(r["due"]) < ctx.as_of
    return rows
