"""priorauth: evidence-linked prior-authorization determinations for KRAS G12C inhibitors (LUMAKRAS, KRAZATI).

    import priorauth
    result = priorauth.check("chart.json", as_of="2026-11-20")   # the determination, a dict
    result["overall"]                                             # "ready", "needs_documentation", ...

Errors the caller can cause raise :class:`priorauth.PriorauthError` (``.code``, ``.message``).
"""

from __future__ import annotations

from typing import Any

from priorauth.errors import PriorauthError

__version__ = "0.1.0"
__all__ = ["PriorauthError", "__version__", "check"]


def check(
    chart: Any,
    as_of: Any = None,
    payer: str | None = None,
    patient: str | None = None,
    drug: str = "sotorasib",
    renewal_lead_days: int | None = None,
    attestations: Any = (),
    approvals: Any = (),
) -> dict[str, Any]:
    """See :func:`priorauth.api.check` (imported on first use, so ``import priorauth`` stays cheap)."""
    from priorauth.api import check as _check

    return _check(
        chart,
        as_of=as_of,
        payer=payer,
        patient=patient,
        drug=drug,
        renewal_lead_days=renewal_lead_days,
        attestations=attestations,
        approvals=approvals,
    )
