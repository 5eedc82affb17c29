"""What every rule reads: the facts, the evaluation date, the pack's parameters, and shared derivations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from priorauth.facts.model import Approval, Diagnosis, Facts, MedUse, SotorasibOrder
from priorauth.policy.schema import Pack


def shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def on_or_before(d: str | None, limit: str) -> bool:
    return d is not None and d[:10] <= limit


@dataclass
class Context:
    facts: Facts
    as_of: str
    pack: Pack
    approvals: list[Approval] = field(default_factory=list)  # same-payer approvals (renewal)

    @property
    def params(self):  # type: ignore[no-untyped-def]
        return self.pack.parameters

    @cached_property
    def lung(self) -> list[Diagnosis]:
        return [d for d in self.facts.diagnoses if d.site == "lung" or d.histology is not None]

    @cached_property
    def advanced(self) -> list[Diagnosis]:
        """Diagnoses documenting stage III-IV or spread, up to as-of."""
        return [
            d
            for d in self.facts.diagnoses
            if (d.spread or (d.stage or 0) >= 3) and not _after(d.evidence.date, self.as_of)
        ]

    @cached_property
    def first_advanced_date(self) -> str | None:
        dates = [d.evidence.date for d in self.advanced if d.evidence.date]
        return min(dates) if dates else None

    @cached_property
    def prior_therapies(self) -> list[MedUse]:
        """Systemic anticancer drugs other than sotorasib, given and dated on or before as-of."""
        return [
            m
            for m in self.facts.meds
            if m.given and on_or_before(m.start, self.as_of) and any(d.ingredient != "sotorasib" for d in m.anticancer)
        ]

    @cached_property
    def current_order(self) -> SotorasibOrder | None:
        """The most recent active or draft sotorasib order."""
        live = [o for o in self.facts.sotorasib_orders if o.status in ("active", "draft")]
        return live[-1] if live else None

    @cached_property
    def any_order(self) -> SotorasibOrder | None:
        return self.current_order or (self.facts.sotorasib_orders[-1] if self.facts.sotorasib_orders else None)

    @cached_property
    def sotorasib_start(self) -> str | None:
        """Earliest of: first sotorasib administration or dispense, approved period start, order date."""
        dates = [m.start for m in self.facts.meds if m.has("sotorasib") and m.kind in ("administration", "dispense")]
        dates += [a.start for a in self.approvals]
        dates += [o.evidence.date for o in self.facts.sotorasib_orders]
        dates = [d for d in dates if d]
        return min(dates) if dates else None


def _after(d: str | None, limit: str) -> bool:
    return d is not None and d[:10] > limit
