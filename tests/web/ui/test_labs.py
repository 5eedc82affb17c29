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
