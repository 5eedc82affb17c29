"""What every rule reads: the facts, the evaluation date, the effective pack (its drug, indication and
parameters), and shared derivations. Nothing here names a drug: the pack says which one is requested."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from priorauth.chart import dates
from priorauth.chart.dates import shift
from priorauth.facts.model import Approval, Diagnosis, DrugOrder, Facts, MedUse
from priorauth.policy.schema import Indication, Pack, Parameters

__all__ = ["Context", "shift"]


@dataclass
class Context:
    """``assume`` is this context's reading of a comparison that depends on which day of a partial date
    is meant: the determination evaluates a criterion in both readings and, when they disagree, answers
    ``review`` (or ``insufficient``), as the contract says. ``ambiguous`` collects the partial dates
    that a comparison depended on."""

    facts: Facts
    as_of: str
    pack: Pack
    approvals: list[Approval] = field(default_factory=list)  # same-payer approvals of the drug (renewal)
    indication: str = "nsclc"  # the pack's indication evaluated
    assume: bool = False
    ambiguous: set[str] = field(default_factory=set)

    # --- date comparisons (three-valued underneath; see priorauth.chart.dates) -------------------------
    # An undated or unreadable side makes a comparison False: callers say what an undated fact means.

    def _decide(self, result: bool | None, values: tuple[Any, ...], assume: bool | None) -> bool:
        if result is not None:
            return result
        if any(dates.parse(v) is None for v in values):
            return False
        self.ambiguous.update(str(v) for v in values if dates.is_partial(v))
        return self.assume if assume is None else assume

    def on_or_before(self, a: Any, b: Any, assume: bool | None = None) -> bool:
        return self._decide(dates.on_or_before(a, b), (a, b), assume)

    def on_or_after(self, a: Any, b: Any, assume: bool | None = None) -> bool:
        return self._decide(dates.on_or_after(a, b), (a, b), assume)

    def within(self, d: Any, start: Any, end: Any, assume: bool | None = None) -> bool:
        return self._decide(dates.within(d, start, end), (d, start, end), assume)

    def by_as_of(self, d: str | None, assume: bool | None = None) -> bool:
        """A fact dated on or before as-of; an undated one counts (it is in the chart now)."""
        return d is None or self.on_or_before(d, self.as_of, assume)

    @property
    def params(self) -> Parameters:
        return self.pack.parameters

    @property
    def drug(self) -> str:
        """The requested drug's ingredient (``sotorasib``, ``adagrasib``)."""
        return self.pack.drug.ingredient

    @property
    def brand(self) -> str:
        return self.pack.drug.brand

    @property
    def spec(self) -> Indication:
        return self.pack.indications.get(self.indication) or self.pack.indications["nsclc"]  # type: ignore[call-overload]

    @cached_property
    def lung(self) -> list[Diagnosis]:
        return lung_diagnoses(self.facts.diagnoses)

    @cached_property
    def colorectal(self) -> list[Diagnosis]:
        return [d for d in self.facts.diagnoses if d.site == "colorectal"]

    @cached_property
    def primary(self) -> list[Diagnosis]:
        """The primary cancer of the indication evaluated."""
        return self.colorectal if self.indication == "mcrc" else self.lung

    @cached_property
    def advanced(self) -> list[Diagnosis]:
        """Diagnoses documenting stage III-IV or spread, up to as-of."""
        return [
            d
            for d in self.facts.diagnoses
            if (d.spread or (d.stage or 0) >= 3) and d.site != "other" and self.by_as_of(d.evidence.date)
        ]

    @cached_property
    def first_advanced_date(self) -> str | None:
        return dates.earliest_of([d.evidence.date for d in self.advanced])

    @cached_property
    def prior_therapies(self) -> list[MedUse]:
        """Systemic anticancer drugs other than the requested drug, given and dated on or before as-of."""
        return [
            m
            for m in self.facts.meds
            if m.given
            and m.start is not None
            and self.on_or_before(m.start, self.as_of)
            and any(d.ingredient != self.drug for d in m.anticancer)
        ]

    @cached_property
    def orders(self) -> list[DrugOrder]:
        """Orders of the requested drug, by date."""
        return [o for o in self.facts.drug_orders if o.ingredient == self.drug]

    @cached_property
    def current_order(self) -> DrugOrder | None:
        """The most recent active or draft order of the requested drug."""
        live = [o for o in self.orders if o.status in ("active", "draft")]
        return live[-1] if live else None

    @cached_property
    def any_order(self) -> DrugOrder | None:
        return self.current_order or (self.orders[-1] if self.orders else None)

    @cached_property
    def drug_start(self) -> str | None:
        """Earliest of: first administration or dispense of the drug, approved period start, order date."""
        found = [m.start for m in self.facts.meds if m.has(self.drug) and m.kind in ("administration", "dispense")]
        found += [a.start for a in self.approvals]
        found += [o.evidence.date for o in self.orders]
        return dates.earliest_of(found)


def lung_diagnoses(diagnoses: list[Diagnosis]) -> list[Diagnosis]:
    """Lung cancer: diagnoses at a lung site, and histologies that name no site when a lung-site diagnosis
    is beside them. A histology at another site (pancreatic or rectal adenocarcinoma) is not lung cancer."""
    lung = [d for d in diagnoses if d.site == "lung"]
    if not lung:
        return []
    return [d for d in diagnoses if d.site == "lung" or (d.site == "unspecified" and d.histology is not None)]
