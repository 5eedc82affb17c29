"""The granted side of a letter that sets what was asked for beside what was approved (issue 18's twenty-second set,
safety pass): the quantity and the dates the plan approved, never the ones the prescriber asked for.

Two shapes:

* two labelled lines, the asked one and the granted one ("Requested:   720 tablets per 90 days" over
  "Approved:    240 tablets per 30 days"; "Asked for: ..." / "Allowed: ..."), in either order, at most two lines
  apart: the granted line's quantity;
* a comparison table, its header the two column names ("Requested      Approved", "You asked for   We approved")
  over rows of a label and two values separated by column gaps ("Quantity   90 tablets per 30 days   240 tablets
  per 30 days", "Dates   12/01/2027 – 11/30/2028   12/15/2027 – 06/14/2028"): the value in the granted column's
  place (by order, so a fax that moved the columns is read the same).

Guards: a granted line with no asked line beside it is left to :func:`priorauth.letters.fields.quantity`; a row with
one value or three is no comparison row; a header with a third column name ("Requested  Approved  Denied") is not
this table; "approved as requested" is no label."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.spans import Hit, I, M

_UNIT = r"(?:tablets?|tabs?|capsules?|caps?)"
_QTY = rf"\d{{1,4}}[ \t]+{_UNIT}(?:[ \t]+(?:per|every|each|a|/)[ \t]+\d{{1,3}}[ \t]+days?)?"
_ASKED = r"(?:requested|asked[ \t]+for|you[ \t]+asked[ \t]+for|submitted|prescribed)"
_GRANTED = r"(?:approved|granted|authori[sz]ed|allowed|we[ \t]+approved|covered)"
_LINE = r"(?:[ \t]+(?:quantity|qty|amount|supply))?[ \t]*:[ \t]*"
_ASKED_LINE = re.compile(rf"^[ \t|]*{_ASKED}{_LINE}(?P<v>{_QTY})[ \t.]*$", I | M)
_GRANTED_LINE = re.compile(rf"^[ \t|]*{_GRANTED}{_LINE}(?P<v>{_QTY})[ \t.]*$", I | M)
_HEADER = re.compile(
    rf"^[ \t|]*(?:(?P<a1>{_ASKED})[ \t|]{{2,}}(?:{_GRANTED})|(?:{_GRANTED})[ \t|]{{2,}}(?P<a2>{_ASKED}))[ \t|]*$", I | M
)
_CELL = re.compile(r"\S(?:[^\n \t|]|[ \t](?=[^ \t|\n]))*")
_QTY_ROW = re.compile(r"(?:quantity|qty|amount|supply)\b", I)
_DATES_ROW = re.compile(r"(?:dates?|period|valid(?:ity)?|coverage|effective)\b", I)
_SPAN = re.compile(rf"^(?P<a>{dates.DATE})[ \t]*(?:[-–—]|to|through|thru)[ \t]*(?P<b>{dates.DATE})$", I)


def _lines_apart(text: str, a: int, b: int) -> int:
    lo, hi = sorted((a, b))
    return text.count("\n", lo, hi)


def _rows(text: str) -> tuple[bool, list[list[re.Match[str]]]] | None:
    """The comparison table's rows (each its cells), and whether the granted column comes second."""
    h = _HEADER.search(text)
    if h is None:
        return None
    rows: list[list[re.Match[str]]] = []
    off = h.end() + 1
    for line in text[off:].split("\n"):
        if not line.strip():
            break
        rows.append(list(_CELL.finditer(text, off, off + len(line))))
        off += len(line) + 1
    return bool(h.group("a1")), rows


def _granted_cell(cells: list[re.Match[str]], second: bool) -> re.Match[str] | None:
    if len(cells) != 3:
        return None
    return cells[2] if second else cells[1]


def quantity(text: str) -> Hit | None:
    """The granted quantity of a requested-and-approved pair, or None."""
    for g in _GRANTED_LINE.finditer(text):
        if any(_lines_apart(text, a.start(), g.start()) <= 2 for a in _ASKED_LINE.finditer(text)):
            return Hit(" ".join(g.group("v").split()), g.start("v"), g.end("v"))
    table = _rows(text)
    if table is None:
        return None
    second, rows = table
    for cells in rows:
        c = _granted_cell(cells, second) if cells and _QTY_ROW.match(cells[0].group(0)) else None
        if c is not None and re.fullmatch(_QTY, c.group(0), I):
            return Hit(" ".join(c.group(0).split()), c.start(), c.end())
    return None


def period(text: str) -> tuple[Hit, Hit] | None:
    """The granted start and end of a comparison table's dates row, or None."""
    table = _rows(text)
    if table is None:
        return None
    second, rows = table
    for cells in rows:
        if cells and _DATES_ROW.match(cells[0].group(0)) and (c := _granted_cell(cells, second)):
            m = _SPAN.match(c.group(0))
            if m is None:
                continue
            a, b = dates.parse(m.group("a")), dates.parse(m.group("b"))
            if a is not None and b is not None and a < b:
                return Hit(a, c.start() + m.start("a"), c.start() + m.end("a")), Hit(b, c.start() + m.start("b"), c.start() + m.end("b"))
    return None
