"""The schema every policy pack must satisfy. Unknown keys are errors naming the file and field."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CriterionSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    required: bool
    description: str
    source: str  # a key of the pack's ``sources``


class AdvisorySpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    severity: Literal["info", "warning", "critical"]
    text: str
    source: str


class DocumentSpec(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    request_types: list[Literal["initial", "renewal"]] = ["initial", "renewal"]
    source: str


class Indication(Strict):
    initial: list[CriterionSpec]
    renewal: list[CriterionSpec]


class Monitoring(Strict):
    test: str
    every_3_weeks_months: int = Field(ge=0)
    monthly_until_months: int = Field(ge=0)
    source: str


class Parameters(Strict):
    max_daily_dose_mg: float = Field(gt=0)
    immunotherapy_window_days: int = Field(ge=0)
    lft_window_days: int = Field(ge=0)
    concurrent_administration_days: int = Field(ge=0)


class Match(Strict):
    """How a pack is recognised from the active Coverage's payer (names and identifiers)."""

    names: list[str] = []
    identifiers: list[str] = []


class Pack(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str
    name: str
    drug: str
    effective: date
    review_by: date
    sources: dict[str, str]  # https URL, or a path of this repository's docs (a documented decision)
    match: Match = Match()
    parameters: Parameters
    monitoring: Monitoring
    indications: dict[Literal["nsclc", "mcrc"], Indication]
    advisories: list[AdvisorySpec]
    documents: list[DocumentSpec]

    @field_validator("sources")
    @classmethod
    def _sources_are_urls(cls, value: dict[str, str]) -> dict[str, str]:
        for key, url in value.items():
            if not (url.startswith("https://") or url.startswith("docs/")):
                raise ValueError(f"source {key!r} must be an https:// URL or a docs/ path")
        return value

    @model_validator(mode="after")
    def _sources_resolve(self) -> Pack:
        cited = [self.monitoring.source, *(a.source for a in self.advisories), *(d.source for d in self.documents)]
        for ind in self.indications.values():
            cited += [c.source for c in [*ind.initial, *ind.renewal]]
        missing = sorted({s for s in cited if s not in self.sources})
        if missing:
            raise ValueError(f"rules cite unknown sources: {', '.join(missing)} (add them to 'sources')")
        for name, ind in self.indications.items():
            for kind in ("initial", "renewal"):
                ids = [c.id for c in getattr(ind, kind)]
                if len(ids) != len(set(ids)):
                    raise ValueError(f"indications.{name}.{kind} lists a criterion twice")
        return self

    def source_urls(self) -> list[str]:
        return list(self.sources.values())
