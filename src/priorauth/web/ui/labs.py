"""The patient panel's liver chart: ALT and AST over time as multiples of each result's upper limit of
normal (1x, 3x and 5x ULN lines: the label's dose-modification thresholds), with the monitoring due
dates, drawn as a server-side SVG (no script), plus the same numbers as a table. A long history is drawn
in a window around treatment (from 90 days before it started to the last due date, at most 4 months
ahead); values are rounded as labs report them (whole U/L for ALT and AST)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from priorauth.chart.chart import Chart
from priorauth.facts.observations import lab_results

W, H = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 16, 40
SERIES = {"alt": ("ALT", "#1f5fa8", "circle"), "ast": ("AST", "#a23b00", "square")}


@dataclass(frozen=True)
class Point:
    analyte: str
    day: date
    value: float
    unit: str
    uln: float
    source: str

    @property
    def ratio(self) -> float:
        return self.value / self.uln if self.uln else 0.0

    @property
    def shown(self) -> str:
        """The value as a lab reports it: ALT and AST in whole units (U/L), else one decimal at most."""
        return f"{reported(self.value, self.unit)} {self.unit}".strip()


def reported(value: float, unit: str = "U/L") -> str:
    whole = unit.replace(" ", "").lower() in ("u/l", "iu/l", "[iu]/l", "units/l", "")
    v = round(value) if whole else round(value, 1)
    return f"{v:g}"


BEFORE = timedelta(days=90)  # history shown before treatment started
AHEAD = timedelta(days=120)  # due dates shown ahead of today


def window(points: list[Point], due: list[date], today: date, start: date | None = None) -> tuple[date, date]:
    """The days the chart draws: around treatment (``start``, else the first due date) when there is one,
    else the last year of results up to today."""
    anchor = start or (min(due) if due else None)
    if anchor is None:
        first = min((p.day for p in points), default=today)
        return max(first, today - timedelta(days=365)), today
    last = max([today, *due]) if due else today
    return anchor - BEFORE, max(min(last, today + AHEAD), today)


def liver_points(chart: Chart) -> list[Point]:
    out = []
    for lab in lab_results(chart):
        if lab.analyte not in SERIES or lab.value is None or not lab.high or not lab.evidence.date:
            continue
        day = date.fromisoformat(lab.evidence.date[:10])
        out.append(Point(lab.analyte, day, lab.value, lab.unit, lab.high, lab.evidence.source))
    return sorted(out, key=lambda p: (p.day, p.analyte))


def svg(points: list[Point], due: list[date], today: date, start: date | None = None) -> str:
    """The chart as an inline SVG element (role=img with a text alternative), drawn in :func:`window`;
    results and due dates outside it are left to the table."""
    lo, hi = window(points, due, today, start)
    hidden = sum(1 for p in points if not lo <= p.day <= hi)
    points = [p for p in points if lo <= p.day <= hi]
    due = [d for d in due if lo <= d <= hi]
    span = max((hi - lo).days, 1)
    top_ratio = max([5.5, *(p.ratio * 1.1 for p in points)])

    def x(d: date) -> float:
        return LEFT + (W - LEFT - RIGHT) * (d - lo).days / span

    def y(r: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (1 - r / top_ratio)

    worst = max(points, key=lambda p: p.ratio, default=None)
    alt = f"ALT and AST as multiples of the upper limit of normal, {len(points)} results from {lo} to {hi}"
    if worst:
        alt += f"; highest {SERIES[worst.analyte][0]} {worst.ratio:.1f} x ULN on {worst.day}"
    if hidden:
        alt += f"; {hidden} result{'s' if hidden != 1 else ''} outside this window are in the table"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(alt)}" '
        'class="labchart">',
        f"<title>{escape(alt)}</title>",
    ]
    for r, label in ((1, "ULN"), (3, "3x ULN"), (5, "5x ULN")):
        parts.append(
            f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(r):.1f}" y2="{y(r):.1f}" class="uln uln{r}"/>'
            f'<text x="{LEFT - 4}" y="{y(r) + 4:.1f}" text-anchor="end" class="axis">{label}</text>'
        )
    for d in due:
        parts.append(
            f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{TOP}" y2="{H - BOTTOM}" class="due"><title>LFT due {d}</title></line>'
        )
    parts.append(f'<line x1="{x(today):.1f}" x2="{x(today):.1f}" y1="{TOP}" y2="{H - BOTTOM}" class="today"/>')
    parts.append(f'<text x="{x(today) + 3:.1f}" y="{TOP + 10}" class="axis">today</text>')
    for analyte, (label, color, shape) in SERIES.items():
        pts = [p for p in points if p.analyte == analyte]
        if len(pts) > 1:
            path = " ".join(f"{x(p.day):.1f},{y(p.ratio):.1f}" for p in pts)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for p in pts:
            tip = f"{label} {p.shown} on {p.day} ({p.ratio:.1f} x ULN {reported(p.uln, p.unit)})"
            if shape == "circle":
                mark = f'<circle cx="{x(p.day):.1f}" cy="{y(p.ratio):.1f}" r="4" fill="{color}">'
            else:
                mark = f'<rect x="{x(p.day) - 4:.1f}" y="{y(p.ratio) - 4:.1f}" width="8" height="8" fill="{color}">'
            parts.append(f"{mark}<title>{escape(tip)}</title></{'circle' if shape == 'circle' else 'rect'}>")
    parts.append(f'<text x="{LEFT}" y="{H - 12}" class="axis">{lo}</text>')
    parts.append(f'<text x="{W - RIGHT}" y="{H - 12}" text-anchor="end" class="axis">{hi}</text>')
    legend_x = LEFT + 150
    for i, (label, color, _) in enumerate(SERIES.values()):
        parts.append(
            f'<rect x="{legend_x + i * 70}" y="{H - 21}" width="10" height="10" fill="{color}"/>'
            f'<text x="{legend_x + i * 70 + 14}" y="{H - 12}" class="axis">{label}</text>'
        )
    parts.append(f'<text x="{legend_x + 150}" y="{H - 12}" class="axis">dashed: LFT due dates</text>')
    parts.append("</svg>")
    return "".join(parts)
