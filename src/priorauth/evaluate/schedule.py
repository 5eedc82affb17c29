"""The liver-test monitoring schedule from the planned start (label 5.1)."""

from __future__ import annotations

import calendar
from datetime import date

from priorauth.evaluate.context import Context, shift


def add_months(day: str, months: int) -> str:
    d = date.fromisoformat(day)
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1])).isoformat()


def planned_start(ctx: Context) -> str:
    order = ctx.current_order
    when = order.evidence.date if order and order.evidence.date else None
    return max(when, ctx.as_of) if when else ctx.as_of


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
