"""ReportLab plumbing shared by the packet and the letters: fonts, styles, the page frame with the
patient's name and DOB on every page and "Page n of N", and a two-pass build that learns the page
count and where each section starts (for the fax cover and the index).

ReportLab with ``invariant=1``: the same input gives the same bytes (docs/decisions.md, issue 5).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
MARGIN = 0.75 * inch
GRID = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e8edf2")
ALERT = colors.HexColor("#b00020")


@cache
def fonts() -> tuple[str, str, str]:
    """(regular, bold, mono): DejaVu when installed (Unicode), else ReportLab's bundled Vera."""
    for d in FONT_DIRS:
        paths = [os.path.join(d, f) for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")]
        if all(os.path.exists(p) for p in paths):
            for name, p in zip(("PA", "PA-Bold", "PA-Mono"), paths, strict=True):
                pdfmetrics.registerFont(TTFont(name, p))
            pdfmetrics.registerFontFamily("PA", normal="PA", bold="PA-Bold", italic="PA", boldItalic="PA-Bold")
            return "PA", "PA-Bold", "PA-Mono"
    for name, f in (("PA", "Vera.ttf"), ("PA-Bold", "VeraBd.ttf"), ("PA-Mono", "VeraMono.ttf")):
        pdfmetrics.registerFont(TTFont(name, f))
    pdfmetrics.registerFontFamily("PA", normal="PA", bold="PA-Bold", italic="PA", boldItalic="PA-Bold")
    return "PA", "PA-Bold", "PA-Mono"


@cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold, mono = fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, alignment=TA_LEFT, spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "line": ParagraphStyle("line", parent=base, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, fontSize=8.5, leading=10.5, spaceAfter=0),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=16, leading=20, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=12, leading=15, spaceBefore=8, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=10, leading=13, spaceBefore=4, spaceAfter=3),
        "mono": ParagraphStyle("mono", parent=base, fontName=mono, fontSize=7.5, leading=9.2, spaceAfter=0),
        "alert": ParagraphStyle(
            "alert",
            parent=base,
            fontName=bold,
            textColor=ALERT,
            borderColor=ALERT,
            borderWidth=1.2,
            borderPadding=6,
            spaceBefore=6,
            spaceAfter=10,
        ),
        "blank": ParagraphStyle(
            "blank",
            parent=base,
            backColor=colors.HexColor("#fff4c2"),
            borderColor=colors.HexColor("#c9a400"),
            borderWidth=0.8,
            borderPadding=4,
            spaceBefore=3,
            spaceAfter=7,
        ),
    }


def p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def pm(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of ReportLab markup (callers escape the data they interpolate)."""
    return Paragraph(markup, styles()[style])


def table(rows: Sequence[Sequence[str | Flowable]], widths: Sequence[float], header: bool = True) -> Table:
    """A grid of plain-text cells (wrapped; a flowable cell is kept as given), the first row as a shaded header."""
    body = [
        [p(c, "cellb" if header and i == 0 else "cell") if isinstance(c, str) else c for c in row]
        for i, row in enumerate(rows)
    ]
    t = Table(body, colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    t.setStyle(TableStyle(style))
    return t


class Anchor(Flowable):
    """A zero-size mark: the build records the page it lands on under ``key``."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)


@dataclass
class Layout:
    """What the first pass learned: total pages and the page of each anchor."""

    pages: int = 0
    anchors: dict[str, int] = field(default_factory=dict)


class _Doc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, header: str, title: str, layout: Layout, found: Layout) -> None:
        super().__init__(
            buf, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 8,
            bottomMargin=MARGIN, title=title, author="priorauth", invariant=1,
        )  # fmt: skip
        self._header, self._layout, self._found = header, layout, found
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Anchor):
            self._found.anchors.setdefault(flowable.key, self.page)

    def _decorate(self, canv: Any, doc: Any) -> None:
        regular, bold, _ = fonts()
        w, h = LETTER
        canv.saveState()
        canv.setFont(bold, 8.5)
        canv.drawString(MARGIN, h - MARGIN + 6, self._header)
        canv.setStrokeColor(GRID)
        canv.line(MARGIN, h - MARGIN + 2, w - MARGIN, h - MARGIN + 2)
        canv.line(MARGIN, MARGIN - 10, w - MARGIN, MARGIN - 10)
        canv.setFont(regular, 7.5)
        canv.drawString(MARGIN, MARGIN - 22, "CONFIDENTIAL: protected health information. Generated by priorauth.")
        total = self._layout.pages or "?"
        canv.drawRightString(w - MARGIN, MARGIN - 22, f"Page {doc.page} of {total}")
        canv.restoreState()
        self._found.pages = max(self._found.pages, doc.page)


def build(story_for: Callable[[Layout], list[Flowable]], header: str, title: str) -> bytes:
    return build_layout(story_for, header, title)[0]


def build_layout(story_for: Callable[[Layout], list[Flowable]], header: str, title: str) -> tuple[bytes, Layout]:
    """Build until stable (twice, normally): a pass learns the page count and anchor pages, the next
    prints them. Returns the PDF and where its anchors landed."""
    layout = Layout()
    for _ in range(3):
        found = Layout()
        buf = io.BytesIO()
        _Doc(buf, header, title, layout, found).build(story_for(layout))
        if found.pages == layout.pages and found.anchors == layout.anchors:
            break
        layout = found
    return buf.getvalue(), found
