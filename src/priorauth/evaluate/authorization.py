"""The authorization periods: the current approval (on a renewal), the period to request (the pack's
duration), and when to start the renewal (expiry minus the lead time, 30 days unless configured)."""

from __future__ import annotations

from typing import Any

from priorauth.chart import dates
from priorauth.chart.dates import add_months, shift
from priorauth.evaluate.context import Context
from priorauth.evaluate.schedule import planned_start
from priorauth.policy.schema import Duration


def period_end(start: str, duration: Duration) -> str:
    """The last day of a period starting on ``start`` (both days counted: 365 days from 2026-01-01 ends 2026-12-31)."""
    if duration.days:
        return shift(start, duration.days - 1)
    return shift(add_months(start, duration.months or 0), -1)


def prior_authorization(ctx: Context, request_type: str, lead_days: int | None = None) -> dict[str, Any]:
    lead = ctx.params.renewal_lead_days if lead_days is None else lead_days
    current = ctx.approvals[-1] if request_type == "renewal" and ctx.approvals else None
    expires = current.end if current and dates.parse(current.end) else None
    if current is not None:
        duration = ctx.params.renewal_duration or ctx.params.approval_duration
        # A partial expiry (``2027-05``) may mean its last day: the new period starts after it (no
        # overlap claimed), while the renewal starts from its first day (never too late).
        ends = dates.parse(expires)
        start = shift(expires, 1, "latest") if ends and ends.latest.isoformat() >= ctx.as_of else ctx.as_of
    else:
        duration = ctx.params.approval_duration
        start = planned_start(ctx)
    end = period_end(start, duration) if duration else None
    until = expires or end
    return {
        "number": current.auth_number if current else None,
        "start": current.start if current else None,
        "end": expires,
        "source": current.evidence.source if current else None,
        "expires": expires,
        "renewal_lead_days": lead,
        "renewal_start": shift(until, -lead) if until else None,
        "requested_period": {
            "start": start,
            "end": end,
            "duration": str(duration) if duration else None,
            "source": ctx.pack.policy.url if duration else None,
        },
    }
