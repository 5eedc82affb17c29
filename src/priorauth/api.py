"""The Python API the CLI (and later the service) call: ``check`` a chart, get the determination."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from priorauth.chart.chart import select_patient
from priorauth.chart.load import LoadedChart, add_document, load_path
from priorauth.errors import Code, fail
from priorauth.evaluate.determination import determine
from priorauth.facts import extract
from priorauth.policy import registry

ChartInput = str | os.PathLike[str] | dict[str, Any] | list[Any]


def parse_as_of(value: str | date | None) -> str:
    """The evaluation date as ISO ``YYYY-MM-DD`` (default: today)."""
    if value is None:
        return date.today().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat() if len(value.strip()) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> str:
    raise fail(Code.BAD_DATE, f"--as-of {value!r} is not a date (use YYYY-MM-DD)")


def load(chart: ChartInput) -> LoadedChart:
    """A path (file or folder), a parsed FHIR resource or Bundle, or a list of resources."""
    if isinstance(chart, str | os.PathLike):
        return load_path(chart)
    loaded = LoadedChart()
    add_document(chart, loaded, where="input")
    if not loaded.resources:
        raise fail(Code.NOT_FHIR, "the input holds no FHIR resource (no resourceType)")
    return loaded


def check(
    chart: ChartInput,
    as_of: str | date | None = None,
    payer: str | None = None,
    patient: str | None = None,
) -> dict[str, Any]:
    """Evaluate one patient's chart for LUMAKRAS and return the determination (the contract's JSON).

    Raises :class:`priorauth.errors.PriorauthError` for unusable input (its ``code`` says why).
    """
    day = parse_as_of(as_of)
    loaded = load(chart)
    if payer is not None:
        registry.load(payer)  # an unknown --payer fails before any work
    one = select_patient(loaded, patient)
    facts = extract(one)
    cov = facts.coverages[0] if facts.coverages else None
    choice = registry.choose(
        payer, [cov.payer_name] if cov and cov.payer_name else [], set(cov.payer_refs) if cov else set()
    )
    return determine(facts, day, choice, one.warnings)
