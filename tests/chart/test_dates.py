"""The FHIR date type: partial dates are the span they name; comparisons are three-valued (table-driven)."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.chart import dates


@pytest.mark.parametrize(
    ("text", "written", "earliest", "latest", "precision"),
    [
        ("2025", "2025", "2025-01-01", "2025-12-31", "year"),
        ("2025-02", "2025-02", "2025-02-01", "2025-02-28", "month"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29", "month"),  # leap year
        ("2025-03-10", "2025-03-10", "2025-03-10", "2025-03-10", "day"),
        ("2025-03-10T23:30:00-05:00", "2025-03-10", "2025-03-10", "2025-03-10", "day"),  # no time-zone shifting
        ("2025-03-10T10:00:00.123Z", "2025-03-10", "2025-03-10", "2025-03-10", "day"),
        (" 2025-03-10 ", "2025-03-10", "2025-03-10", "2025-03-10", "day"),
    ],
)
def test_parse(text: str, written: str, earliest: str, latest: str, precision: str) -> None:
    d = dates.parse(text)
    assert d is not None
    assert (d.text, d.earliest.isoformat(), d.latest.isoformat(), d.precision) == (written, earliest, latest, precision)


@pytest.mark.parametrize(
    "text", ["2025-13", "2025-02-30", "2025-3-1", "20250301", "March 2025", "", "2025-03T10:00", "0000", None, 2025]
)
def test_unreadable(text: object) -> None:
    assert dates.parse(text) is None
    assert dates.text_of(text) is None


@pytest.mark.parametrize(
    ("fn", "a", "b", "want"),
    [
        (dates.on_or_before, "2025-03", "2025-03-31", True),
        (dates.on_or_before, "2025-03", "2025-03-30", None),  # the 31st is after
        (dates.on_or_before, "2025-03", "2025-02-28", False),
        (dates.on_or_before, "2025", "2026-01-01", True),
        (dates.on_or_before, "2025-03-10", "2025-03-10", True),
        (dates.on_or_before, "2025-03", "2025-03", None),  # two partial dates in the same month: any order
        (dates.before, "2025-03-10", "2025-03-10", False),
        (dates.before, "2025-02", "2025-03", True),
        (dates.on_or_after, "2025-04", "2025-03-31", True),
        (dates.on_or_after, None, "2025-03-31", None),
        (dates.on_or_after, "not a date", "2025-03-31", None),
    ],
)
def test_three_valued_comparisons(fn, a, b, want) -> None:  # type: ignore[no-untyped-def]
    assert fn(a, b) is want


@pytest.mark.parametrize(
    ("d", "want"),
    [("2026-10-01", True), ("2026-09", None), ("2026-08", False), ("2026-11", None), ("2026", None), ("2027", False)],
)
def test_within_a_window(d: str, want: bool | None) -> None:
    assert dates.within(d, "2026-09-15", "2026-11-20") is want


def test_arithmetic_takes_the_reading_asked() -> None:
    assert dates.shift("2027-05", 1, "latest") == "2027-06-01"
    assert dates.shift("2027-05", -30) == "2027-04-01"
    assert dates.add_months("2026-01-31", 1) == "2026-02-28"
    assert dates.add_months("2026", 2, "latest") == "2027-02-28"
    with pytest.raises(ValueError):
        dates.shift("2027-13", 1)


def test_earliest_of_never_claims_more_precision() -> None:
    assert dates.earliest_of(["2025-06", "2025-03-10"]) == "2025-03-10"
    assert dates.earliest_of(["2025", "2025-03-10"]) == "2025"  # the first event may be any day up to Mar 10
    assert dates.earliest_of([None, "bad", "2024-12"]) == "2024-12"
    assert dates.earliest_of([None]) is None
    assert dates.sort_key("2025-03") < dates.sort_key("2025-03-10") < dates.sort_key(None)


def test_unreadable_elements_are_named() -> None:
    res = {
        "resourceType": "Observation",
        "effectiveDateTime": "2025-13-01",
        "issued": "2025-03-01T10:00:00Z",
        "effectivePeriod": {"start": "2025-02-30", "end": "2025"},
        "component": [{"valueDateTime": "yesterday"}],
        "meta": {"lastUpdated": "garbage"},
        "valueString": "2025-99-99 is not a date element",
    }
    assert sorted(dates.unreadable(res)) == [
        ("component.valueDateTime", "yesterday"),
        ("effectiveDateTime", "2025-13-01"),
        ("effectivePeriod.start", "2025-02-30"),
    ]


def test_dates_and_date_objects() -> None:
    d = dates.parse(date(2026, 11, 20))
    assert d is not None and d.exact and str(d) == "2026-11-20"
