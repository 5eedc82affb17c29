"""The liver-test schedule: baseline, every 3 weeks for 3 months, then monthly to 12 months."""

from __future__ import annotations

import pytest

import priorauth
from priorauth.evaluate.schedule import add_months
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples/nsclc-ready.json")


def test_schedule_from_as_of_when_the_order_is_older() -> None:
    doc = priorauth.check(EXAMPLE, as_of="2026-11-20")  # order authored 2026-11-18: planned start is as-of
    dues = [m["due"] for m in doc["monitoring"]]
    assert dues[:5] == ["2026-11-20", "2026-12-11", "2027-01-01", "2027-01-22", "2027-02-12"]
    assert dues[5:] == [add_months("2026-11-20", m) for m in range(4, 13)]


def test_schedule_from_a_future_order_date() -> None:
    doc = priorauth.check(EXAMPLE, as_of="2026-11-01")
    assert doc["monitoring"][0]["due"] == "2026-11-18"


@pytest.mark.parametrize(
    ("day", "months", "want"),
    [("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-11-20", 2, "2027-01-20")],
)
def test_add_months_clamps_to_month_end(day: str, months: int, want: str) -> None:
    assert add_months(day, months) == want
