"""Payer letters for testing the letter reader (issue 18): a corpus file (``letters.yaml``, the tuning
set written while building; ``heldout.yaml`` .. ``heldout21.yaml``, written by someone who saw only the
issue; a corpus whose file is not there yet is named but not readable) rendered as a
payer's portal would send it (a digital PDF with a text layer, reportlab) or as a fax machine would
(the pages set in type and degraded at a fax level by tests/ocr/scans.py: CCITT G4 TIFF, or a PDF of
CCITT images). Deterministic; synthetic only."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tests.ocr import scans

HERE = Path(__file__).parent
CORPORA = {
    "tuning": "letters.yaml",
    "heldout": "heldout.yaml",
    "heldout2": "heldout2.yaml",
    "heldout3": "heldout3.yaml",
    "heldout4": "heldout4.yaml",  # the fourth blind set, scored once; a development set since the fourth pass
    "heldout5": "heldout5.yaml",  # the fifth blind set, scored once; a development set since the fifth pass
    "heldout6": "heldout6.yaml",  # the sixth blind set, scored once; a development set since the sixth pass
    "heldout7": "heldout7.yaml",  # the seventh blind set, scored once; a development set since the seventh pass
    "heldout8": "heldout8.yaml",  # the eighth blind set, scored once; a development set since the eighth pass
    "heldout9": "heldout9.yaml",  # the ninth blind set, scored once; a development set since the ninth pass
    "heldout10": "heldout10.yaml",  # the tenth blind set, scored once; a development set since the tenth pass
    "heldout11": "heldout11.yaml",  # the eleventh blind set, scored once; a development set since the eleventh pass
    "heldout12": "heldout12.yaml",  # the twelfth blind set, scored once; a development set since the twelfth pass
    "heldout13": "heldout13.yaml",  # the thirteenth blind set, written while v12 was read, scored once
    "heldout14": "heldout14.yaml",  # the fourteenth blind set, written while v13 was read, scored once
    "heldout15": "heldout15.yaml",  # the fifteenth blind set, written while v14 was read, scored once
    "heldout16": "heldout16.yaml",  # the sixteenth blind set, written while v15 was read, scored once, then read
    "heldout17": "heldout17.yaml",  # the seventeenth blind set, written while v16 was read, scored once, then read
    "heldout18": "heldout18.yaml",  # the eighteenth blind set, written while v17 was read, scored once, then read
    "heldout19": "heldout19.yaml",  # the nineteenth blind set, written while v18 was read, scored once, then read
    "heldout20": "heldout20.yaml",  # the twentieth blind set, written while v19 was read, scored once, then read
    "heldout21": "heldout21.yaml",  # the twenty-first blind set, written while v20 was read, scored once, then read
    "heldout22": "heldout22.yaml",  # written blind while v21 was read; scored blind once, then read (22nd pass)
    "heldout23": "heldout23.yaml",  # written blind while v22 was read; scored blind once, then read (22nd pass)
    "heldout24": "heldout24.yaml",  # written blind while v22/v23 were read; scored blind once, then read (23rd pass)
    "heldout25": "heldout25.yaml",  # written blind while v24 was read; scored blind once, then read (24th pass)
    "heldout26": "heldout26.yaml",  # written blind while v25 was read; scored once by the lead, then read (25th pass)
    "heldout27": "heldout27.yaml",  # written blind while v26 was read; scored once by the lead, then read (26th pass)
    "heldout28": "heldout28.yaml",  # written blind while v27 was read; scored once by the lead, then read (27th pass)
    "heldout29": "heldout29.yaml",  # written blind while v28 was read; scored once by the lead, then read (28th pass)
    "heldout30": "heldout30.yaml",  # written blind while v29 was read (steered away from every earlier set's styles)
    "heldout31": "heldout31.yaml",  # written blind while v29 was read: US payers' letters, the issue's own population
    "heldout32": "heldout32.yaml",  # written blind on 2026-12-04: US payers' letters; scored once by the lead
    "heldout33": "heldout33.yaml",  # written blind on 2026-12-04: US payers' letters; scored once by the lead
    "heldout34": "heldout34.yaml",  # written blind on 2026-12-04: US payers' letters; scored once by the lead
    "heldout35": "heldout35.yaml",  # written blind on 2026-12-04: US payers' letters; scored once by the lead
    "heldout36": "heldout36.yaml",  # written blind on 2026-12-05: US payers' letters; scored once by the lead
    "heldout37": "heldout37.yaml",  # written blind on 2026-12-05: US payers' letters; scored once by the lead
    "heldout38": "heldout38.yaml",  # the next blind set, absent until merged
}
QUALITIES = ("digital", "fax", "fax_poor", "fax_worst")


@cache
def letters(corpus: str = "tuning") -> tuple[dict[str, Any], ...]:
    path = HERE / CORPORA.get(corpus, corpus)
    data = yaml.safe_load(path.read_text("utf-8"))
    return tuple(data["letters"] if isinstance(data, dict) else data)


def _lines(page: str) -> list[str]:
    return [line.rstrip() for line in str(page).strip("\n").split("\n")]


def digital_pdf(letter: dict[str, Any]) -> bytes:
    """The letter as a portal's PDF: Courier 9 pt, each run of text placed at its column (as a portal
    places a table's cells), long lines wrapped at the margin, one PDF page per page of the letter
    (invariant output)."""
    import re

    from reportlab.lib.pagesizes import letter as LETTER
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER, invariant=1)
    width, height = LETTER
    size, left = 9, 40
    char = c.stringWidth("M", "Courier", size)
    for page in letter["pages"]:
        y = height - 50
        for line in _lines(page):
            parts = (
                simpleSplit(line, "Courier", size, width - 2 * left) if len(line) * char > width - 2 * left else [line]
            )
            for part in parts or [""]:
                if y < 40:
                    c.showPage()
                    y = height - 50
                c.setFont("Courier", size)
                for m in re.finditer(r"\S+(?: \S+)*", part):
                    c.drawString(left + m.start() * char, y, m.group(0))
                y -= size * 1.3
        c.showPage()
    c.save()
    return buf.getvalue()


def report(letter: dict[str, Any]) -> scans.Report:
    """The letter as a page-image report for the fax renderer: its first line is the (bold) title when it
    fits the page's width (a title line is not wrapped, so a wider one would lose its right end: a
    letterhead's date or notice name)."""
    lines: list[str] = []
    for n, page in enumerate(letter["pages"]):
        if n:
            lines.append("<page>")
        lines += _lines(page)
    title = lines[0].strip() if lines else ""
    if title and scans._font("letter", True, 14).getlength(title) <= scans.PAGE[0] - 2 * scans.MARGIN:
        lines.pop(0)
    else:  # a first line wider than the page is set as body text (columns, wrapped), never clipped
        title = ""
    return scans.Report(str(letter["id"]), "letter", title, tuple(lines))


def fax(letter: dict[str, Any], level: str = "fax", fmt: str = "tiff") -> bytes:
    """The letter as it comes off a fax server at ``level`` (``fax``: normal fax quality)."""
    return scans.encode(scans.fax_pages(report(letter), level), fmt, level)[0]


def rendered(letter: dict[str, Any], quality: str = "digital") -> bytes:
    return digital_pdf(letter) if quality == "digital" else fax(letter, quality)
