"""The schema every policy pack satisfies. Unknown keys are errors naming the file, line and field.

Two file shapes: a full pack (the drug's ``default.yaml``: label criteria, advisories, documents) and a
payer overlay (``extends: default`` plus ``overrides``). ``policy.overlay`` resolves an overlay onto its
base, so the evaluator only ever reads one shape: :class:`Pack`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

IndicationId = Literal["nsclc", "mcrc"]
AcceptedTests = Literal["any", "fda_approved", "fda_approved_or_clia"]
RuleId = Field(pattern=r"^[a-z][a-z0-9_]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _https(value: str) -> str:
    if not (value.startswith("https://") or value.startswith("docs/")):
        raise ValueError("must be an https:// URL or a docs/ path")
    return value


def _source_urls(value: dict[str, str]) -> dict[str, str]:
    for key, url in value.items():
        if not (url.startswith("https://") or url.startswith("docs/")):
            raise ValueError(f"source {key!r} must be an https:// URL or a docs/ path")
    return value


class CriterionSpec(Strict):
    id: str = RuleId
    required: bool
    description: str
    source: str  # a key of the pack's ``sources``


class CriterionOverride(Strict):
    """In an overlay: change a criterion of the base pack (by id), or add one (then all fields are needed)."""

    id: str = RuleId
    required: bool | None = None
    description: str | None = None
    source: str | None = None


class AdvisorySpec(Strict):
    id: str = RuleId
    severity: Literal["info", "warning", "critical"]
    text: str
    source: str


class DocumentSpec(Strict):
    id: str = RuleId
    name: str
    request_types: list[Literal["initial", "renewal"]] = ["initial", "renewal"]
    source: str
    # Required: the payer's pack asks for it (send nothing without it); else advised (it helps the review).
    required: bool = False


class DocumentOverride(Strict):
    """In an overlay: make a document of the base pack required or advised, with the source saying so."""

    id: str = RuleId
    required: bool
    source: str


class Indication(Strict):
    initial: list[CriterionSpec]
    renewal: list[CriterionSpec]
    # Which KRAS specimens the label accepts for this indication (mCRC: tumor tissue only).
    kras_specimens: Literal["tissue_or_plasma", "tissue"] = "tissue_or_plasma"
    # What extent of disease the indication covers (mcrc_diagnosis): metastatic only, or also locally advanced.
    disease_extent: Literal["metastatic", "locally_advanced_or_metastatic"] = "metastatic"
    # The drug given alongside (mCRC: panitumumab with sotorasib, cetuximab with adagrasib).
    partner: str | None = None
    # Prior chemotherapy the indication requires: group name -> ingredients, each group documented.
    prior_chemotherapy: dict[str, list[str]] = {}


class Monitoring(Strict):
    test: str
    every_3_weeks_months: int = Field(ge=0)
    monthly_until_months: int = Field(ge=0)
    source: str


class Duration(Strict):
    """An approval period: days or months (exactly one)."""

    days: int | None = Field(default=None, gt=0)
    months: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one(self) -> Duration:
        if (self.days is None) == (self.months is None):
            raise ValueError("give exactly one of days or months")
        return self

    def __str__(self) -> str:
        return f"{self.days} days" if self.days else f"{self.months} months"


class Parameters(Strict):
    max_daily_dose_mg: float = Field(gt=0)
    immunotherapy_window_days: int = Field(ge=0)
    lft_window_days: int = Field(ge=0)
    concurrent_administration_days: int = Field(ge=0)
    approval_duration: Duration | None = None  # the period requested on an initial request
    renewal_duration: Duration | None = None  # on a renewal (default: approval_duration)
    renewal_lead_days: int = Field(default=30, ge=0)  # start the renewal this many days before expiry
    quantity_limits: dict[float, int] = {}  # tablet strength (mg) -> tablets per day
    accepted_tests: AcceptedTests = "any"  # which KRAS tests count: any, FDA-approved, or FDA-approved or CLIA

    @field_validator("quantity_limits")
    @classmethod
    def _positive(cls, value: dict[float, int]) -> dict[float, int]:
        if any(k <= 0 or v <= 0 for k, v in value.items()):
            raise ValueError("strengths and tablets per day must be positive")
        return value


class ParameterOverrides(Strict):
    """The parameters an overlay may change (any subset)."""

    max_daily_dose_mg: float | None = Field(default=None, gt=0)
    immunotherapy_window_days: int | None = Field(default=None, ge=0)
    lft_window_days: int | None = Field(default=None, ge=0)
    concurrent_administration_days: int | None = Field(default=None, ge=0)
    approval_duration: Duration | None = None
    renewal_duration: Duration | None = None
    renewal_lead_days: int | None = Field(default=None, ge=0)
    quantity_limits: dict[float, int] | None = None
    accepted_tests: AcceptedTests | None = None


class Match(Strict):
    """How a pack is recognised from the active Coverage's payer: organization names, their other
    spellings (aliases), and identifiers (``system|value``, a bare value, or ``Organization/id``)."""

    names: list[str] = []
    aliases: list[str] = []
    identifiers: list[str] = []


class PolicyRef(Strict):
    """The published policy the pack encodes, as the payer (or label) states it."""

    url: str
    title: str
    revision: str  # as published ("11/2024", "PI revised 01/2025"), or "not stated"

    @field_validator("url")
    @classmethod
    def _url_is_https(cls, value: str) -> str:
        return _https(value)


class DecisionClocks(Strict):
    """How long the payer has to decide; null when the source does not say."""

    expedited_hours: int | None = Field(default=None, gt=0)
    standard_hours: int | None = Field(default=None, gt=0)
    source: str  # a key of ``sources``
    notes: str = ""


class Submission(Strict):
    """Where the payer takes PA requests for the drug (the packet's fax cover), when a source states it."""

    fax: str | None = None
    phone: str | None = None
    portal: str | None = None  # https URL
    source: str  # a key of ``sources``


class Benefit(Strict):
    """Which benefit covers the drug for this payer (pharmacy: NCPDP SCRIPT ePA; medical: Da Vinci PAS),
    when a source states it. Without it the Coverage decides, else the drug's route (oral: pharmacy)."""

    type: Literal["pharmacy", "medical"]
    source: str  # a key of ``sources``


class Drug(Strict):
    ingredient: str = RuleId
    brand: str
    strengths_mg: list[float]
    route: Literal["oral", "intravenous", "subcutaneous"] | None = None  # as the label gives it


class Pack(Strict):
    """The effective pack (a full pack, or an overlay resolved onto its base)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str
    name: str
    drug: Drug
    extends: str | None = None
    policy: PolicyRef
    effective: date
    review_by: date
    sources: dict[str, str]  # https URL, or a path of this repository's docs (a documented decision)
    match: Match = Match()
    decision_clocks: DecisionClocks
    # How long the payer has to decide an appeal of a denial (from when the appeal is sent); optional.
    appeal_clocks: DecisionClocks | None = None
    submission: Submission | None = None
    benefit: Benefit | None = None
    notes: list[str] = []
    parameters: Parameters
    monitoring: Monitoring
    indications: dict[IndicationId, Indication]
    advisories: list[AdvisorySpec]
    documents: list[DocumentSpec]

    @field_validator("sources")
    @classmethod
    def _sources_are_urls(cls, value: dict[str, str]) -> dict[str, str]:
        return _source_urls(value)

    def source_urls(self) -> list[str]:
        return list(dict.fromkeys([self.policy.url, *self.sources.values()]))

    def criteria(self) -> list[tuple[str, str, CriterionSpec]]:
        """(indication, request type, spec) for every criterion, in the pack's order."""
        return [
            (name, kind, c)
            for name, ind in self.indications.items()
            for kind in ("initial", "renewal")
            for c in getattr(ind, kind)
        ]


class IndicationOverride(Strict):
    initial: list[CriterionOverride] = []
    renewal: list[CriterionOverride] = []


class Overrides(Strict):
    parameters: ParameterOverrides = ParameterOverrides()
    indications: dict[IndicationId, IndicationOverride] = {}
    documents: list[DocumentOverride] = []


class Overlay(Strict):
    """A payer pack file: what it changes on the pack it ``extends``."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str
    name: str
    extends: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    drug: str | None = None  # the drug family of the base pack (default: the folder's, else sotorasib)
    policy: PolicyRef
    effective: date
    review_by: date
    sources: dict[str, str] = {}
    match: Match = Match()
    decision_clocks: DecisionClocks
    appeal_clocks: DecisionClocks | None = None  # replaces the base's when given
    submission: Submission | None = None
    benefit: Benefit | None = None
    notes: list[str] = []
    overrides: Overrides = Overrides()

    @field_validator("sources")
    @classmethod
    def _sources_are_urls(cls, value: dict[str, str]) -> dict[str, str]:
        return _source_urls(value)
