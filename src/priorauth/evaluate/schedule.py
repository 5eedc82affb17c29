"""The liver-test monitoring schedule from the planned start (label 5.1)."""

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


def monitoring(ctx: Context) -> list[dict[str, str]]:
    spec = ctx.pack.monitoring
    start = planned_start(ctx)
    rows = [{"test": spec.test, "due": start, "reason": "baseline, before the first dose"}]
    end_frequent = add_months(start, spec.every_3_weeks_months)
    n = 1
    while shift(start, 21 * n) <= end_frequent:
        rows.append({"test": spec.test, "due": shift(start, 21 * n), "reason": f"every 3 weeks (week {3 * n})"})
        n += 1
    for month in range(spec.every_3_weeks_months + 1, spec.monthly_until_months + 1):
        rows.append({"test": spec.test, "due": add_months(start, month), "reason": f"monthly (month {month})"})
    return rows
