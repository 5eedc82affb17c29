"""FHIR dates as the spans they name (the contract: "a partial date is the whole span it names").

A FHIR ``date``/``dateTime``/``instant`` may be partial: ``2025`` is any day of 2025, ``2025-03`` any
day of March 2025. :class:`FhirDate` keeps the precision written and the earliest and latest day.
Comparisons are three-valued: ``True`` or ``False`` when every day of the spans gives the same answer,
``None`` when the answer depends on which day is meant (the evaluator then takes the reading the
contract asks for: ``review``/``insufficient`` for a criterion, the safe side for an advisory).

Dates are calendar dates as written (the first 10 characters): no time-zone shifting.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

Precision = Literal["year", "month", "day"]
_FHIR_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])")


@dataclass(frozen=True)
class FhirDate:
    """A calendar date of year, month or day precision, as the span of days it names."""

    text: str  # as written, normalised to YYYY, YYYY-MM or YYYY-MM-DD
    earliest: date
    latest: date

    @property
    def precision(self) -> Precision:
        return ("year", "month", "day")[self.text.count("-")]  # type: ignore[return-value]

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65536)
def _parse_text(text: str) -> FhirDate | None:
    m = _FHIR_DATE.match(text)
    if not m:
        return None
    if m.end() < len(text) and m.group(3) is None:  # a time needs a full date ("2025-03T10:00" is not FHIR)
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return FhirDate(d.isoformat(), d, d)
        if m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
            return FhirDate(first.isoformat()[:7], first, last)
        return FhirDate(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    except ValueError:  # month 13, February 30, year 0
        return None


def parse(value: Any) -> FhirDate | None:
    """A FHIR date, dateTime or instant (string, possibly partial) as a span; None when unreadable."""
    if isinstance(value, FhirDate):
        return value
    if isinstance(value, date):
        return FhirDate(value.isoformat(), value, value)
    if not isinstance(value, str):
        return None
    return _parse_text(value.strip())


def text_of(value: Any) -> str | None:
    """The date as written, normalised (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or None when unreadable."""
    d = parse(value)
    return d.text if d else None


def is_partial(value: Any) -> bool:
    d = parse(value)
    return d is not None and not d.exact


# --- three-valued comparisons ------------------------------------------------------------------------
# Arguments are anything `parse` reads (a chart date string, a FhirDate, a datetime.date). An argument
# that is None or unreadable makes the comparison None: the caller decides what an undated fact means.


def on_or_before(a: Any, b: Any) -> bool | None:
    """Every day of ``a`` is on or before every day of ``b`` (True); none is (False); else None."""
    x, y = parse(a), parse(b)
    if x is None or y is None:
        return None
    if x.latest <= y.earliest:
        return True
    if x.earliest > y.latest:
        return False
    return None


def before(a: Any, b: Any) -> bool | None:
    """``a`` is strictly before ``b`` on every reading (True), on none (False), else None."""
    x, y = parse(a), parse(b)
    if x is None or y is None:
        return None
    if x.latest < y.earliest:
        return True
    if x.earliest >= y.latest:
        return False
    return None


def on_or_after(a: Any, b: Any) -> bool | None:
    return on_or_before(b, a)


def within(d: Any, start: Any, end: Any) -> bool | None:
    """``start <= d <= end`` (both boundaries included), three-valued."""
    lo, hi = on_or_after(d, start), on_or_before(d, end)
    if lo is False or hi is False:
        return False
    if lo is True and hi is True:
        return True
    return None


# --- arithmetic on full days -------------------------------------------------------------------------


def shift(day: Any, days: int, reading: Literal["earliest", "latest"] = "earliest") -> str:
    """``day`` plus ``days`` (negative: minus), as ``YYYY-MM-DD``; a partial date is read at its
    earliest or latest day as the caller says. Raises ValueError for an unreadable date."""
    d = parse(day)
    if d is None:
        raise ValueError(f"not a date: {day!r}")
    base = d.earliest if reading == "earliest" else d.latest
    return (base + timedelta(days=days)).isoformat()


def add_months(day: Any, months: int, reading: Literal["earliest", "latest"] = "earliest") -> str:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    d = parse(day)
    if d is None:
        raise ValueError(f"not a date: {day!r}")
    base = d.earliest if reading == "earliest" else d.latest
    y, m = divmod(base.month - 1 + months, 12)
    year, month = base.year + y, m + 1
    return date(year, month, min(base.day, calendar.monthrange(year, month)[1])).isoformat()


def earliest_of(values: list[Any]) -> str | None:
    """The date (as written) whose span holds the earliest of ``values``: the one that starts first
    (the narrowest of those). Its span always contains the first day any of them may mean, so it never
    claims more precision than the chart has."""
    spans = [d for d in (parse(v) for v in values) if d is not None]
    return min(spans, key=lambda s: (s.earliest, s.latest)).text if spans else None


def sort_key(value: Any) -> tuple[int, date, date]:
    """Order by earliest day, then latest; undated last."""
    d = parse(value)
    return (0, d.earliest, d.latest) if d else (1, date.max, date.max)


# --- unreadable dates --------------------------------------------------------------------------------

# Elements whose string value is a FHIR date, dateTime or instant (top level, in Periods and timings).
DATE_KEYS = frozenset(
    {
        "date",
        "issued",
        "created",
        "authoredOn",
        "recorded",
        "recordedDate",
        "whenHandedOver",
        "whenPrepared",
        "dateAsserted",
        "birthDate",
        "start",
        "end",
        "occurrenceDateTime",
        "effectiveDateTime",
        "effectiveInstant",
        "onsetDateTime",
        "abatementDateTime",
        "performedDateTime",
        "deceasedDateTime",
        "valueDateTime",
        "authoredDate",
    }
)
_SKIP = frozenset({"meta", "text", "contained", "extension", "modifierExtension"})


def unreadable(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(element path, value) of each date element of a resource that cannot be read as a date."""
    yield from _walk(data, "")


def _walk(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _SKIP:
                continue
            where = f"{path}.{key}" if path else key
            if isinstance(value, str):
                if key in DATE_KEYS and parse(value) is None:
                    yield where, value
            elif isinstance(value, dict | list):
                yield from _walk(value, where)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, path)
