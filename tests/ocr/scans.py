"""Synthetic scanned reports with digital twins (issue 17): render a report's lines to page images
(Pillow, DejaVu fonts, 12 pt at 200 dpi), degrade them like a fax at a named level, encode them as a
fax server would (multi-page CCITT G4 TIFF, a PDF of CCITT images) or as a scanner would (PNG, JPEG),
and build the chart around either the scan or its digital twin (the same lines as plain text).

Everything is synthetic and deterministic (seeded by the report id and level).
"""

from __future__ import annotations

import base64
import io
import random
import re
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

import priorauth
from tests.conftest import apply_edits, bundle, load_cases

HERE = Path(__file__).parent
DPI = 200
PAGE = (int(8.5 * DPI), int(11 * DPI))
MARGIN = 150
FONTS = Path("/usr/share/fonts/truetype/dejavu")
CELL = re.compile(r" {2,}")


@dataclass(frozen=True)
class Level:
    """How a page is degraded: fax standard resolution (200x100 dpi), 1-bit, skew, blur, speckle."""

    name: str
    skew: float  # degrees (sign drawn per page)
    blur: float  # Gaussian radius in pixels at 200 dpi, before thresholding
    speckle: float  # fraction of pixels turned black
    threshold: int = 150
    vertical_dpi: int = 100


LEVELS = {
    "fax": Level("fax", 1.0, 0.0, 0.001),  # normal fax quality
    "fax_poor": Level("fax_poor", 2.0, 0.9, 0.004, 150),
    "fax_worst": Level("fax_worst", 3.5, 1.4, 0.012, 165),
}


@dataclass(frozen=True)
class Report:
    id: str
    kind: str  # ngs | pathology | letter
    title: str
    lines: tuple[str, ...]
    expected: dict[str, str] = field(default_factory=dict)

    @property
    def digital_text(self) -> str:
        """The digital original: the title and the lines as laid out on the pages (long lines wrapped
        where the page wraps them), pages joined by a blank line."""
        return "\n".join([self.title, "", *(text for _, text, _ in layout(self))]) + "\n"


def reports(name: str = "documents.yaml") -> list[Report]:
    data = yaml.safe_load((HERE / name).read_text("utf-8"))
    items = data["items"] if isinstance(data, dict) else data
    return [
        Report(
            str(i["id"]),
            str(i.get("kind", "ngs")),
            str(i["title"]),
            tuple(str(x) for x in i["lines"]),
            i.get("expected") or {},
        )
        for i in items
    ]


@cache
def _font(kind: str, bold: bool = False, size: int = 12) -> Any:
    from PIL import ImageFont

    family = "DejaVuSans" if kind == "ngs" else "DejaVuSerif"
    return ImageFont.truetype(str(FONTS / f"{family}{'-Bold' if bold else ''}.ttf"), round(size * DPI / 72))


@cache
def _serif_lacks(char: str) -> bool:
    """DejaVu Serif has no glyph for the character (it would print its empty .notdef box: ☒ and ☑ as ☐)."""
    font = _font("letter")
    return bytes(font.getmask(char)) == bytes(font.getmask("\U000f0000"))


def face(report: Report) -> str:
    """The kind whose typeface prints the report: NGS reports in DejaVu Sans, others in DejaVu Serif unless
    a character of theirs is missing from it (check boxes, check marks): then all in Sans, as a form prints."""
    chars = set(report.title).union(*report.lines)
    if report.kind != "ngs" and any(ord(c) > 0x2000 and _serif_lacks(c) for c in chars):
        return "ngs"
    return report.kind


WIDTH = PAGE[0] - 2 * MARGIN
LINE_H = round(12 * DPI / 72 * 1.45)
GAP = 50  # pixels between table cells


def layout(report: Report) -> list[tuple[int, str, list[tuple[int, str, int]]]]:
    """Each printed line: (page index, its text, its cells as (x, text, font size in pt)). Table rows
    (cells two or more spaces apart) are set in columns, in a smaller type when too wide (down to
    8 pt); other lines wrap at the margin."""
    out: list[tuple[int, str, list[tuple[int, str, int]]]] = []
    page, y = 0, MARGIN + round(LINE_H * 1.6)
    lines = list(report.lines)
    tables = _tables(lines, face(report))
    for i, line in enumerate(lines):
        if line.strip() == "<page>":
            page, y = page + 1, MARGIN
            continue
        if i in tables:
            xs, size = tables[i]
            cells = CELL.split(line.strip())
            printed = [(x, c, size) for x, c in zip(xs, cells, strict=False)]
            rows = [("  ".join(cells), printed)]
        else:
            rows = [(w, [(MARGIN, w, 12)]) for w in _wrap(line.strip(), face(report))] or [("", [])]
        for text, printed in rows:
            if y > PAGE[1] - MARGIN - LINE_H:
                page, y = page + 1, MARGIN
            out.append((page, text, [(x, c, sz) for x, c, sz in printed]))
            y += LINE_H
    return out


def _wrap(line: str, kind: str) -> list[str]:
    """Words wrap at the margin; a word wider than the line (an HL7 segment, a rule of #s) breaks where the
    line ends, as a printer's or fax server's text rendering does."""
    if not line:
        return []
    font = _font(kind, False, 12)
    out, cur = [], ""
    for word in _hard_broken(line.split(" "), font):
        trial = f"{cur} {word}" if cur else word
        if cur and font.getlength(trial) > WIDTH:
            out.append(cur)
            cur = word
        else:
            cur = trial
    return [*out, cur]


def _hard_broken(words: list[str], font: Any) -> list[str]:
    out = []
    for word in words:
        while font.getlength(word) > WIDTH:
            cut = max(n for n in range(1, len(word)) if font.getlength(word[:n]) <= WIDTH)
            out.append(word[:cut])
            word = word[cut:]
        out.append(word)
    return out


def _tables(lines: list[str], kind: str) -> dict[int, tuple[list[int], int]]:
    """Row index -> (cell x positions, type size): consecutive rows with cell gaps form one table
    whose columns are as wide as their widest cell."""
    out: dict[int, tuple[list[int], int]] = {}
    i = 0
    while i < len(lines):
        if not CELL.search(lines[i].strip()):
            i += 1
            continue
        j = i
        while j < len(lines) and CELL.search(lines[j].strip()):
            j += 1
        rows = [CELL.split(lines[k].strip()) for k in range(i, j)]
        for size in (12, 11, 10, 9, 8):
            widths = [0.0] * max(len(r) for r in rows)
            for row in rows:
                for c, cell in enumerate(row):
                    widths[c] = max(widths[c], _font(kind, False, size).getlength(cell))
            if sum(widths) + GAP * (len(widths) - 1) <= WIDTH:
                break
        else:  # too wide even in 8 pt: the rows wrap like prose (a page never prints past its edge)
            i = j
            continue
        xs, x = [], float(MARGIN)
        for w in widths:
            xs.append(int(x))
            x += w + GAP * size / 12
        for k in range(i, j):
            out[k] = (xs, size)
        i = j
    return out


def title_size(report: Report) -> int:
    """The title's type size: 14 pt bold, smaller for a title too long for the page (down to 8 pt)."""
    return next((n for n in (14, 13, 12, 11, 10, 9) if _font(face(report), True, n).getlength(report.title) <= WIDTH), 8)


def render(report: Report) -> list[Any]:
    """The report's pages as 8-bit grey images at 200x200 dpi (12 pt text, tables in columns)."""
    from PIL import Image, ImageDraw

    laid = layout(report)
    count = max((p for p, _, _ in laid), default=0) + 1
    pages = [Image.new("L", PAGE, 255) for _ in range(count)]
    draws = [ImageDraw.Draw(p) for p in pages]
    draws[0].text((MARGIN, MARGIN), report.title, font=_font(face(report), True, title_size(report)), fill=0)
    y, last = MARGIN + round(LINE_H * 1.6), 0
    for page, _, cells in laid:
        if page != last:
            y, last = MARGIN, page
        for x, cell, size in cells:
            draws[page].text(
                (x, y + round((12 - size) * DPI / 72 / 2)), cell, font=_font(face(report), False, size), fill=0
            )
        y += LINE_H
    return pages


def degrade(page: Any, level: Level, seed: str) -> Any:
    """A fax of the page: rotated, blurred, thresholded to 1 bit, halved vertically (standard mode), speckled."""
    from PIL import Image, ImageFilter

    rng = random.Random(zlib.crc32(f"{seed}:{level.name}".encode()))  # noqa: S311 (test images)
    angle = level.skew * rng.choice((-1, 1)) * rng.uniform(0.8, 1.0)
    img = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if level.blur:
        img = img.filter(ImageFilter.GaussianBlur(level.blur))
    img = img.resize((img.width, img.height * level.vertical_dpi // DPI), Image.Resampling.LANCZOS)
    img = img.point(lambda p: 255 if p > level.threshold else 0).convert("1")
    px = img.load()
    for _ in range(int(img.width * img.height * level.speckle)):
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        px[x, y] = 0
        if rng.random() < 0.3 and x + 1 < img.width:
            px[x + 1, y] = 0
    return img


def fax_pages(report: Report, level: str = "fax") -> list[Any]:
    lv = LEVELS[level]
    return [degrade(p, lv, f"{report.id}:{n}") for n, p in enumerate(render(report))]


def encode(pages: list[Any], fmt: str, level: str = "fax") -> tuple[bytes, str]:
    """The pages as a fax server or scanner writes them: ``tiff`` (multi-page CCITT G4), ``pdf`` (CCITT
    images, no text layer), ``png`` (first page, 1-bit) or ``jpeg`` (first page, grey)."""
    buf = io.BytesIO()
    vdpi = LEVELS[level].vertical_dpi if level in LEVELS else DPI
    if fmt == "tiff":
        pages[0].save(buf, "TIFF", compression="group4", dpi=(DPI, vdpi), save_all=True, append_images=pages[1:])
        return buf.getvalue(), "image/tiff"
    if fmt == "pdf":
        pages[0].save(buf, "PDF", dpi=(DPI, vdpi), save_all=True, append_images=pages[1:])
        return buf.getvalue(), "application/pdf"
    if fmt == "png":
        pages[0].save(buf, "PNG", dpi=(DPI, vdpi))
        return buf.getvalue(), "image/png"
    if fmt == "jpeg":
        pages[0].convert("L").save(buf, "JPEG", quality=80, dpi=(DPI, vdpi))
        return buf.getvalue(), "image/jpeg"
    raise ValueError(fmt)


def document(rid: str, content: bytes, ctype: str, title: str = "Outside report") -> dict[str, Any]:
    return {
        "resourceType": "DocumentReference",
        "id": rid,
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "date": "2026-10-25T10:00:00Z",
        "type": {"text": title},
        "content": [{"attachment": {"contentType": ctype, "data": base64.b64encode(content).decode()}}],
    }


@cache
def _base() -> tuple[dict[str, Any], ...]:
    spec = load_cases("default")
    return tuple(apply_edits(spec["base"], {"name": "no coded KRAS", "remove": ["Observation/kras1"]}))


def chart(doc: dict[str, Any]) -> dict[str, Any]:
    """The default pack's base chart without its coded KRAS result, plus ``doc``: KRAS rests on the document."""
    return bundle([*_base(), doc])


def twin_charts(report: Report, level: str = "fax", fmt: str = "tiff") -> tuple[dict[str, Any], dict[str, Any], bytes]:
    """(scanned chart, digital chart, the scan's bytes) for one report."""
    raw, ctype = encode(fax_pages(report, level), fmt, level)
    scanned = chart(document("scan1", raw, ctype, report.title))
    digital = chart(document("scan1", report.digital_text.encode(), "text/plain", report.title))
    return scanned, digital, raw


def kras_status(text: str, title: str = "Molecular result", as_of: str = "2026-11-20") -> str:
    """The KRAS G12C criterion's status for a chart holding one typed (text/plain) document with this text."""
    determination = priorauth.check(chart(document("scan1", text.encode(), "text/plain", title)), as_of=as_of)
    return next(c for c in determination["criteria"] if c["id"] == "kras_g12c")["status"]


def statuses(determination: dict[str, Any]) -> dict[str, str]:
    return {c["id"]: c["status"] for c in determination["criteria"]}


def normalized(text: str) -> str:
    """Text for the character error rate: whitespace runs and dot leaders ("KRAS ........ Negative": OCR
    erases them from the page image, text/ocr.py) are layout, and become one space."""
    return " ".join(LEADER.sub(" ", text).split())


LEADER = re.compile(r"(?:[.·…_] ?){5,}")
