"""The Python API the CLI and the service call: ``check`` a chart, get the determination."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from priorauth.chart.chart import Chart, select_patient
from priorauth.chart.load import LoadedChart, add_document, load_path
from priorauth.errors import Code, fail
from priorauth.evaluate.determination import determine
from priorauth.evaluate.unread import limit_to_read
from priorauth.facts import extract
from priorauth.facts.model import Facts
from priorauth.facts.supplied import apply_approvals, apply_attestations
from priorauth.policy import registry
from priorauth.policy.schema import Pack

ChartInput = str | os.PathLike[str] | dict[str, Any] | list[Any] | LoadedChart


def parse_as_of(value: str | date | None) -> str:
    """The evaluation date as ISO ``YYYY-MM-DD`` (default: today)."""
    if value is None:
        return date.today().isoformat()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(value.strip()) if len(value.strip()) == 10 else _bad_date(value)
        except ValueError:
            return _bad_date(value)
    if not FIRST_DAY <= value <= LAST_DAY:  # date arithmetic (ages, windows) must not overflow
        raise fail(Code.BAD_DATE, f"--as-of {value.isoformat()} is out of range ({FIRST_DAY} to {LAST_DAY})")
    return value.isoformat()


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


def _bad_date(value: str) -> str:
    raise fail(Code.BAD_DATE, f"--as-of {value!r} is not a date (use YYYY-MM-DD)")


def load(chart: ChartInput) -> LoadedChart:
    """A path (file or folder), a parsed FHIR resource or Bundle, a list of resources, or resources
    already read (e.g. from an EHR by :mod:`priorauth.ehr`)."""
    if isinstance(chart, LoadedChart):
        return chart
    if isinstance(chart, str | os.PathLike):
        return load_path(chart)
    loaded = LoadedChart()
    add_document(chart, loaded, where="input")
    if not loaded.resources:
        raise fail(Code.NOT_FHIR, "the input holds no FHIR resource (no resourceType)")
    return loaded


@dataclass(frozen=True)
class Evaluation:
    """A determination with what it was made from, for outputs that render more than the contract (the
    packet): the patient's chart, its facts and the effective policy pack. Nothing here is re-derived."""

    determination: dict[str, Any]
    chart: Chart
    facts: Facts
    pack: Pack
    ocr: bool = True  # scanned attachments were read (outputs that re-read the chart's text do the same)


def check(
    chart: ChartInput,
    as_of: str | date | None = None,
    payer: str | None = None,
    patient: str | None = None,
    drug: str = registry.DEFAULT_DRUG,
    renewal_lead_days: int | None = None,
    attestations: Iterable[Mapping[str, Any]] = (),
    approvals: Iterable[Mapping[str, Any]] = (),
    ocr: bool = True,
) -> dict[str, Any]:
    """Evaluate one patient's chart for the requested ``drug`` (default sotorasib) and return the
    determination (the contract's JSON). ``renewal_lead_days`` overrides the pack's lead time.
    ``attestations`` and ``approvals`` are facts supplied beside the chart (see
    :mod:`priorauth.facts.supplied`): they are cited as ``Attestation/<id>`` and ``Decision/<id>``.
    ``ocr=False`` leaves scanned attachments unread (a warning each); OCR is on by default.

    Raises :class:`priorauth.errors.PriorauthError` for unusable input (its ``code`` says why).
    """
    return evaluate(chart, as_of, payer, patient, drug, renewal_lead_days, attestations, approvals, ocr).determination


def evaluate(
    chart: ChartInput,
    as_of: str | date | None = None,
    payer: str | None = None,
    patient: str | None = None,
    drug: str = registry.DEFAULT_DRUG,
    renewal_lead_days: int | None = None,
    attestations: Iterable[Mapping[str, Any]] = (),
    approvals: Iterable[Mapping[str, Any]] = (),
    ocr: bool = True,
) -> Evaluation:
    """``check`` that also returns the chart, facts and pack behind the determination (same arguments)."""
    day = parse_as_of(as_of)
    if renewal_lead_days is not None and (isinstance(renewal_lead_days, bool) or renewal_lead_days < 0):
        raise fail(Code.BAD_ARGUMENT, f"renewal lead time {renewal_lead_days!r} must be 0 or more days")
    registry.pack_ids(drug)  # an unknown --drug fails before any work
    if payer is not None:
        registry.load(payer, drug)  # an unknown --payer too
    loaded = load(chart)
    one = select_patient(loaded, patient)
    facts = extract(one, ocr)
    apply_attestations(facts, attestations, day)
    apply_approvals(facts, approvals)
    cov = facts.coverages[0] if facts.coverages else None
    choice = registry.choose(
        payer, [cov.payer_name] if cov and cov.payer_name else [], set(cov.payer_refs) if cov else set(), drug
    )
    doc = determine(facts, day, choice, [*one.warnings, *choice.warnings], renewal_lead_days)
    doc = limit_to_read(doc, one.unread)
    return Evaluation(doc, one, facts, choice.pack, ocr)
