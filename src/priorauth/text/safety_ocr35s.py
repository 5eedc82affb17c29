"""Held-out OCR set 35's safety pass (issue 17, ocr35s): the classes behind its two unsafe KRAS answers, read from
those two documents only (the set's misses stay blind). Each class makes a KRAS result safer; none adds one. Hooked
once in ``kras_facts._kras``, right before a result is recorded (``adjust``).

[ocr35s-gap-columns] A summary printed in two columns side by side with only a gap between them (no rule), one headed
as detected and the other as not detected ("DETECTED  NOT DETECTED" over "EGFR L858R (c.2573T>G)  3.8%  KRAS
(including G12C)"): a row's first cell is the left column's and its last cell (after a cell gap, with no allele
fraction in or after it, and a left cell that names something besides KRAS and the variant's parts) the right one's; a
cell that starts with a coding / protein change or a bare variant ("KRAS    G12C", "KRAS G12C    c.34G>T") is part of
the cell before it, never a column of its own; a variant in the not-detected column is a target looked for and not found
(G12C: ``g12c_absent``; another KRAS variant: no result). Where the row does not settle the column (a row of one cell
under rows of two columns, a middle cell, a figure beside a right-hand cell) no result is read (review). Guards: both
headings alone on the header line, the rows right below it (no blank line, no prose line between: a sentence or a
labelled line such as "Interpretation: ..." ends the table), a variant in the detected column keeps its reading, and
the negative statements (``KRAS_NEG``) are left as they are.

[ocr35s-item-specimen] A list item (a history line "- 10/2026 plasma NGS: ctDNA detected (TP53 ...); KRAS not
detected; ...") names the specimen at its start, before the result's own clause: the result is that specimen's, not
the one the document's head names (an earlier biopsy "EBUS-TBNA: adenocarcinoma"). Only a plasma word is read this way
(a plasma result is never taken as tissue; the specimen the result's own clause names still wins), and the item's
lead is its line, or the lines of the item back to its bullet when a page wrapped it.
"""

from __future__ import annotations

import re

from priorauth.text.kras_clauses import tissue_named
from priorauth.text.kras_ocr36 import speck_cell, without_end_speck
from priorauth.text.pipeline import Finding, patterns
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

# --- [ocr35s-gap-columns] ---------------------------------------------------------------------------------------------
_GAP = re.compile(r" {2,}|\t")
_LEAD_WORDS = r"(?:(?:genomic|somatic|reportable|clinically|relevant|significant|variants?|alterations?|mutations?|" \
    r"biomarkers?|genes?|findings?|targets?)\s+){0,3}"
_DETECTED_CELL = re.compile(
    rf"^{_LEAD_WORDS}(?:detected|positive|found|identified|present)(?:\s*\(\s*\d+\s*\))?:?$", re.I
)
_NOT_CELL = re.compile(
    rf"^{_LEAD_WORDS}(?:not\s+detected|negative|not\s+found|not\s+identified|absent|none\s+detected)"
    r"(?:\s*\(\s*\d+\s*\))?:?$",
    re.I,
)
_FIGURE = re.compile(r"\d(?:\.\d+)?\s*%|\b(?:vaf|maf|af)\b", re.I)
# A line of prose or a labelled field, not a table row: a sentence's stop, or a label with a colon at its start.
_PROSE = re.compile(r"[.!?](?:\s|$)|^\s*[A-Za-z][\w /()-]{0,40}:\s", re.I)
# A cell that is part of the variant before it, never a column of its own: a coding / protein change or a bare variant
# ("c.34G>T", "(p.G12C)", "G12C", "Gly12Cys").
_VARIANT_PART = re.compile(r"^[(\[]?\s*(?:[cpg]\.\S|[A-Z][a-z]{0,2}\d{1,4}(?:[A-Z][a-z]{0,2}|\*|fs|del|ins|dup)?\b)")
# What a left cell is made of when it is no column of its own: KRAS, the variant's parts, an allele fraction.
_NOT_LEFT_COLUMN = re.compile(
    r"\b(?i:KRAS)\b|\b[cpg]\.\S+|\b[A-Z][a-z]{0,2}\d{1,4}(?:[A-Z][a-z]{0,2}|\*|fs|del|ins|dup)?(?!\w)|\d+(?:\.\d+)?\s*%"
    r"|\b(?i:vaf|maf|af)\b|[()\[\],;:=*]"
)


def _cells(line: str) -> list[tuple[int, int]]:
    """The cells of a line: (start, end) offsets within it, split at gaps of two or more spaces or a tab."""
    out, at = [], 0
    body = line.rstrip()
    for m in _GAP.finditer(body):
        if body[at : m.start()].strip():
            out.append((at, m.start()))
        at = m.end()
    if body[at:].strip():
        out.append((at, len(body)))
    return out


def _row_cells(line: str) -> list[tuple[int, int]]:
    """The cells of a table row, a cell that is part of the variant before it ("KRAS    G12C", "KRAS G12C    c.34G>T")
    joined to that cell."""
    out: list[tuple[int, int]] = []
    for s, e in _cells(line):
        if out and _VARIANT_PART.match(line[s:e].strip()):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _left_column_cell(cell: str) -> bool:
    """A left cell that is a column of its own: it names something besides KRAS and the variant's parts."""
    return bool(re.search(r"[A-Za-z]{2,}", _NOT_LEFT_COLUMN.sub(" ", cell)))


def _two_column_header(line: str) -> str | None:
    """'left' / 'right': the side headed as not detected, when the line is a detected / not-detected header."""
    cells = [line[s:e].strip() for s, e in _cells(line)]
    while cells and speck_cell(cells[-1]):  # [ocr36-specked-columns] "DETECTED  NOT DETECTED  |": a speck ending it;
        cells = cells[:-1]  # a bar between two cells is the table's column rule ("NEGATIVE  |  POSITIVE"), kept
    if len(cells) != 2:
        return None
    if _DETECTED_CELL.match(cells[0]) and _NOT_CELL.match(cells[1]):
        return "right"
    if _NOT_CELL.match(cells[0]) and _DETECTED_CELL.match(cells[1]):
        return "left"
    return None


def _column_side(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(the side headed as not detected, the finding's side: 'left', 'right' or 'unsure') when the finding sits on a
    row of a gap-split two-column detected / not-detected table; None otherwise."""
    ls, le = _line_start(text, start), _line_end(text, end)
    row = text[ls:le]
    if _PROSE.search(without_end_speck(row, len(_cells(row)))):  # [ocr36-specked-columns] a stop speck ending the row
        return None
    at, header = ls, None
    for _ in range(12):  # the rows right above the finding's, up to the header
        if at == 0:
            return None
        above = _line_start(text, at - 1)
        line = text[above : at - 1]
        if not line.strip():
            return None  # a blank line ends the table
        header = _two_column_header(line)
        if header:
            break
        if _PROSE.search(line):
            return None  # a sentence or a labelled line: no table reaches up to a header
        at = above
    if not header:
        return None
    cells = _row_cells(row)
    where = next((i for i, (s, e) in enumerate(cells) if s <= start - ls < e), None)
    if where is None or len(cells) < 2:
        return header, "unsure"
    if where == 0:
        return header, "left"
    if (
        where == len(cells) - 1
        and not _FIGURE.search(row[cells[where][0] :])
        and any(_left_column_cell(row[s:e]) for s, e in cells[:where])
    ):
        return header, "right"
    return header, "unsure"


# --- [ocr35s-item-specimen] -------------------------------------------------------------------------------------------
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)", re.I)


def _item_lead(doc: TextDoc, f: Finding) -> str:
    """The list item's text before the finding's sentence: back to its bullet over lines a page wrapped (none of them
    ending a sentence), else the finding's own line."""
    text = doc.text
    own = start = _line_start(text, f.sentence_start)
    for _ in range(4):
        if _BULLET.match(text[start : _line_end(text, start)]):
            return text[start : f.sentence_start]
        if start == 0:
            break
        above = _line_start(text, start - 1)
        line = text[above : start - 1]
        if not line.strip() or re.search(r"[.!?]\s*$", line):
            break  # a blank line or a finished sentence above: no item wraps into the finding's line
        start = above
    return text[own : f.sentence_start]


def _item_plasma(doc: TextDoc, f: Finding) -> bool:
    """The list item's lead names plasma as the specimen nearest the finding's clause, which names none itself."""
    p = patterns()
    own = f.sentence
    if p["plasma"].search(own) or tissue_named(p["tissue"], own):
        return False
    lead = _item_lead(doc, f)
    if not lead.strip():
        return False
    last = list(p["plasma"].finditer(lead))
    if not last:
        return False
    after = lead[last[-1].end() :]
    return not tissue_named(p["tissue"], after)  # a tissue word nearer the clause: that specimen, not plasma


def adjust(doc: TextDoc, f: Finding, status: str, specimen: str) -> tuple[str, str] | None:
    """The (status, specimen) to record for the finding, or None when no result is to be read from it."""
    if f.label != "KRAS_NEG":
        side = _column_side(doc.text, f.start, f.end)
        if side:
            negative, where = side
            if where == "unsure":
                return None  # [ocr35s-gap-columns] the row does not say which column: no result (review)
            if where == negative:
                if f.label != "KRAS_G12C":
                    return None
                status = "g12c_absent"  # [ocr35s-gap-columns] in the not-detected column
    if not doc.specimen and specimen != "plasma" and _item_plasma(doc, f):
        specimen = "plasma"  # [ocr35s-item-specimen]
    return status, specimen
