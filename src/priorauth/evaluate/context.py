"""What every rule reads: the facts, the evaluation date, the effective pack (its drug, indication and
parameters), and shared derivations. Nothing here names a drug: the pack says which one is requested."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from priorauth.facts.model import Approval, Diagnosis, DrugOrder, Facts, MedUse
from priorauth.policy.schema import Indication, Pack, Parameters


def shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def on_or_before(d: str | None, limit: str) -> bool:
    return d is not None and d[:10] <= limit


@dataclass
class Context:
    facts: Facts
    as_of: str
    pack: Pack
    approvals: list[Approval] = field(default_factory=list)  # same-payer approvals of the drug (renewal)
    indication: str = "nsclc"  # the pack's indication evaluated

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
            if (d.spread or (d.stage or 0) >= 3) and d.site != "other" and not _after(d.evidence.date, self.as_of)
        ]

    @cached_property
    def first_advanced_date(self) -> str | None:
        dates = [d.evidence.date for d in self.advanced if d.evidence.date]
        return min(dates) if dates else None

    @cached_property
    def prior_therapies(self) -> list[MedUse]:
        """Systemic anticancer drugs other than the requested drug, given and dated on or before as-of."""
        return [
            m
            for m in self.facts.meds
            if m.given and on_or_before(m.start, self.as_of) and any(d.ingredient != self.drug for d in m.anticancer)
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
        dates = [m.start for m in self.facts.meds if m.has(self.drug) and m.kind in ("administration", "dispense")]
        dates += [a.start for a in self.approvals]
        dates += [o.evidence.date for o in self.orders]
        found = [d for d in dates if d]
        return min(found) if found else None


def lung_diagnoses(diagnoses: list[Diagnosis]) -> list[Diagnosis]:
    """Lung cancer: diagnoses at a lung site, and histologies that name no site when a lung-site diagnosis
    is beside them. A histology at another site (pancreatic or rectal adenocarcinoma) is not lung cancer."""
    lung = [d for d in diagnoses if d.site == "lung"]
    if not lung:
        return []
    return [d for d in diagnoses if d.site == "lung" or (d.site == "unspecified" and d.histology is not None)]


def _after(d: str | None, limit: str) -> bool:
    return d is not None and d[:10] > limit
