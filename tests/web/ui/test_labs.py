"""The liver chart: ALT/AST points as multiples of the ULN, and the SVG."""

from __future__ import annotations

import json
from datetime import date

from priorauth.api import load
from priorauth.chart.chart import select_patient
from priorauth.web.ui import demo, labs
from tests.web.conftest import NSCLC


def test_points_and_svg() -> None:
    bundle = demo.variant(json.loads(NSCLC), "x1", "Xa", "Sample", add=tuple(demo.liver_series("x1", date(2026, 6, 1))))
    points = labs.liver_points(select_patient(load(bundle), None))
    assert len([p for p in points if p.analyte == "alt"]) == 7  # the chart's own plus six
    worst = max(points, key=lambda p: p.ratio)
    assert (worst.analyte, worst.value, worst.uln, round(worst.ratio, 1)) == ("alt", 88, 40, 2.2)
    svg = labs.svg(points, [date(2026, 6, 1), date(2026, 6, 22)], date(2026, 11, 20))
    assert 'role="img"' in svg and "highest ALT 2.2 x ULN on 2026-08-03" in svg
    assert svg.count("<circle") == 7 and svg.count('class="due"') == 2
    assert svg.count("<rect") == 7 + 2  # AST markers and the two legend keys


def _point(day: date, value: float = 50.2679, unit: str = "U/L") -> labs.Point:
    return labs.Point("alt", day, value, unit, 40.0, "Observation/x")


def test_values_are_rounded_as_labs_report_them() -> None:
    assert _point(date(2026, 1, 1)).shown == "50 U/L"
    assert _point(date(2026, 1, 1), 1.2345, "mg/dL").shown == "1.2 mg/dL"
    assert labs.reported(40.0) == "40"


def test_a_long_history_is_drawn_in_a_window_around_treatment() -> None:
    today, start = date(2026, 11, 20), date(2026, 6, 1)
    old = [_point(date(2012 + i, 3, 1)) for i in range(10)]  # ten years of history before treatment
    recent = [_point(date(2026, 5, 1)), _point(date(2026, 9, 1))]
    due = [date(2026, 6, 1), date(2026, 6, 22), date(2027, 6, 1)]
    lo, hi = labs.window(old + recent, due, today, start)
    assert (lo, hi) == (date(2026, 3, 3), date(2027, 3, 20))  # 90 days before; due dates at most 4 months ahead
    svg = labs.svg(old + recent, due, today, start)
    assert svg.count("<circle") == 2 and svg.count('class="due"') == 2
    assert "10 results outside this window are in the table" in svg and ">2026-03-03<" in svg
    assert labs.window(recent, [], today) == (date(2026, 5, 1), today)  # no treatment: the last year
