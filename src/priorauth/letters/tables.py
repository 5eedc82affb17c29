"""Column tables of a letter (a header row, then a row of values under it: ``Status  Start date  End
date`` over ``AUTHORIZED  02/01/2026  01/31/2027``), and two-column tables drawn with bars (``| Status |
APPROVED |``), read as ``header: value`` lines, so the field rules
that read labels read them too; a hit in those lines is mapped back to the value's span in the letter."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from priorauth.letters import dates, lost_commas, quoted_csv
from priorauth.letters.spans import line_starts

CELL = re.compile(r"\S+(?: \S+)*")  # cells are separated by two or more spaces
RULE = re.compile(r"^[\s\-=_+|]+$")  # a line of dashes under the header
KEY_VALUE = re.compile(r"^[ \t]*\|[ \t]*(?P<k>[^|\n]*?[A-Za-z][^|\n]*?)[ \t]*\|[ \t]*(?P<v>[^|\n]*?\S)[ \t]*\|?[ \t]*$")


# a markup element on a line of its own, as an e-prescribing viewer prints a message raw:
# ``<EffectiveDate>2027-02-11</EffectiveDate>`` is ``Effective Date: 2027-02-11``
# (its closing tag as OCR read it: ``<MemberID>...</MemberlD>``)
ELEMENT = re.compile(r"^[ \t]*<(?P<k>[A-Za-z][\w.\-]*)(?:[ \t][^<>\n]*)?>[ \t]*(?P<v>[^<>\n]*?\S)[ \t]*</[A-Za-z][\w.\-]*>[ \t]*$")
# one that wraps: its opening tag and words on a line, its closing tag a few lines down
ELEMENT_OPEN = re.compile(r"^[ \t]*<(?P<k>[A-Za-z][\w.\-]*)(?:[ \t][^<>\n]*)?>[ \t]*(?P<v>[^<>\n]*\S)[ \t]*$")
# a container's opening tag alone on its line (``<InformationRequested>``): its items are a list under it
CONTAINER = re.compile(r"^[ \t]*<(?P<k>[A-Za-z][\w.\-]*)(?:[ \t][^<>\n]*)?>[ \t]*$")
LIST_ITEM = re.compile(r"item|entry|line|value|element", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_.\-]+")


def element_label(tag: str) -> str:
    """A markup tag in words: ``PAReferenceID`` is ``PA Reference ID``, ``date_of_birth`` ``date of birth``."""
    return " ".join(_CAMEL.sub(" ", tag).split())


# a portal's CSV export printed: a header row of field names (``request_id,status,member_name,...``), then ONE
# row of quoted or bare values (a file of several rows lists several requests: none is read as this one)
# (or a semicolon-delimited extract's, "rec;member_no;...;decision;...", its "#" comment lines around it)
CSV_HEADER = re.compile(r"^[ \t]*[A-Za-z][\w ]*(?:(?P<d>[,;])[A-Za-z][\w ]*)(?:(?P=d)[A-Za-z][\w ]*){2,}[ \t]*$")
_CELLS = {
    # (a bare cell the print wrapped over its lines, "LUMAKRAS 120MG" / "TAB", is one cell)
    d: re.compile(rf'(?:^|[ \t]*{d})[ \t]*\n?[ \t]*(?:"(?P<q>(?:[^"]|"")*)"|(?P<b>[^{d}"\n]*(?:\n[^{d}"\n]+)*))') for d in (",", ";")
}
CSV_CELL = _CELLS[","]


def _csv(text: str, lines: list[str], starts: list[int], i: int) -> tuple[int, list[tuple[str, int, str]]] | None:
    """(the values' last line, (field, offset in the letter, value) of each) under the CSV header ``lines[i]``: one
    row with as many cells (wrapped over lines when the page was narrower than the row), then a blank line or
    the page's end; a second row means a list of requests, none of which is read as this one."""
    if (quoted := quoted_csv.header(lines, i)) is not None:  # "Member Name","Status",... (quoted field names)
        head, first, d = *quoted, ","
    elif not (h := CSV_HEADER.match(lines[i])) or i + 1 >= len(lines):
        return None
    else:
        d = h.group("d")
        header, first = lines[i], i + 1
        if re.fullmatch(rf"[A-Za-z_][\w ]*(?:{d}[A-Za-z][\w ]*)*[ \t]*", lines[first]) and first + 1 < len(lines):
            header, first = header.rstrip() + lines[first].strip(), first + 1  # the header wrapped: "qty_a" / "pproved,..."
        head = [h.strip() for h in header.split(d)]
    begin = starts[first]
    stop = re.compile(r"\n[ \t]*(?:\n|#)").search(text, begin)  # a blank line, or an extract's "#" comment line
    block = text[begin : len(text) if stop is None else stop.start()].rstrip()
    cells = _csv_cells(block, begin, d, len(head))
    if cells is None and d == ",":  # a fax lost a run of empty cells' commas: put back at the row's one gap
        cells = lost_commas.refilled(block, begin, len(head), lambda part, at: _csv_cells(part, at, d, len(head)))
    if cells is None or len(cells) != len(head):
        return None
    last = first + block.count("\n")
    return last, [(h, x, v) for h, (x, v) in zip(head, cells, strict=True)]


def _csv_cells(block: str, begin: int, d: str, most: int) -> list[tuple[int, str]] | None:
    """(offset in the letter, value) of each cell of the row ``block`` (at ``begin``), or None when it does not split
    whole (more than ``most`` cells, or text left over)."""
    cells: list[tuple[int, str]] = []
    pos = 0
    while pos <= len(block) and len(cells) <= most:
        m = _CELLS[d].match(block, pos)
        if m is None or (m.end() == pos and pos > 0):
            break
        g = "q" if m.group("q") is not None else "b"
        cells.append((begin + m.start(g), m.group(g)))
        pos = m.end()
        if pos >= len(block):
            break
    return cells if pos >= len(block) and len(cells) <= most else None


# a page printed as stacked pairs (a phone app, a PDF's text extracted field by field): a label alone on its line
# ("Auth ID", "Covered dates", "Appeal by"), its value on the line or lines under it; read only where three labels
# or more stack so
STACKED_LABEL = re.compile(
    r"^[ \t]*(?-i:[A-Z])[A-Za-z'./#]*(?:[ \t][A-Za-z'./#]+){0,2}[ \t]*:?[ \t]*$"
)
STACKED_WORD = re.compile(
    r"\b(?:member|patient|name|dob|birth|id|auth|authorization|reference|ref|number|no|status|decision|decided|"
    r"determination|reason|appeal|valid|covered|dates?|period|effective|start|end|expires?|from|through|until|"
    r"quantity|qty|drug|medication|approved|request|case|plan)\b",
    re.I,
)


def _stacked(lines: list[str]) -> list[tuple[int, int]]:
    """(label line, last value line) of each stacked pair of the page, when three or more stack."""
    found = []
    i = 0
    while i < len(lines) - 1:
        if STACKED_LABEL.match(lines[i]) and STACKED_WORD.search(lines[i]) and lines[i + 1].strip():
            j = i + 1
            while j + 1 < len(lines) and lines[j + 1].strip() and not (
                STACKED_LABEL.match(lines[j + 1]) and STACKED_WORD.search(lines[j + 1])
            ) and j - i < 3 and not re.match(r"[ \t]*(?:[-=_]{4,}|\[)", lines[j + 1]):
                j += 1
            found.append((i, j))
            i = j + 1
            continue
        i += 1
    return found if len(found) >= 3 else []


def structured(text: str) -> bool:
    """The letter is a record printed raw, a markup message (three elements or more, each on its line) or a CSV
    export's row: its labels are its tags or its header's fields, read in the ``header: value`` lines before
    its prose."""
    if len(re.findall(r"(?m)^[ \t]*<[A-Za-z][\w.\-]*(?:[ \t][^<>\n]*)?>[^<>\n]*\S", text)) >= 3:
        return True
    lines = text.split("\n")
    starts = line_starts(lines)
    return any(
        _csv(text, lines, starts, i) for i in range(len(lines)) if CSV_HEADER.match(lines[i]) or lines[i].lstrip()[:1] == '"'
    )


def _element_end(lines: list[str], i: int, tag: str) -> tuple[int, int] | None:
    """(line, offset) of the closing tag of the element opened on ``lines[i]``: within six lines that hold
    only words (None: another tag comes first, or none)."""
    for j in range(i + 1, min(len(lines), i + 7)):
        found = re.search(r"</[A-Za-z][\w.\-]*>", lines[j])
        close = found.start() if found else -1
        if close >= 0:
            return (j, close) if "<" not in lines[j][:close] else None
        if "<" in lines[j] or not lines[j].strip():
            return None
    return None


def _cells(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in CELL.finditer(line)]


BAR_CELL = re.compile(r"(?<=\|)[ \t]*(?P<c>[^|\n]*?\S)?[ \t]*(?=\|)")


def _bar_cells(line: str) -> list[tuple[int, str]]:
    """The cells of a row drawn with bars (``| Drug | Decision | Begin |``), empty ones kept: (offset, text)."""
    if line.count("|") < 3:
        return []
    return [(m.start("c") if m.group("c") else m.start(), m.group("c") or "") for m in BAR_CELL.finditer(line)]


def _bar_header(line: str) -> bool:
    """A header row drawn with bars: three or more named columns, no digits."""
    head = _bar_cells(line)
    return len(head) >= 3 and not re.search(r"\d", line) and all(c for _, c in head)


def _bar_row(lines: list[str], i: int) -> tuple[int, list[tuple[int, str]]] | None:
    """(its line, the values) under the bar-drawn header row ``lines[i]``: the next row with as many cells, past rules
    of dashes and blank lines (None: there is none); in a letter deciding several drugs the other drugs'
    rows are blank lines by then (outcome.scope)."""
    head = _bar_cells(lines[i])
    for j in range(i + 1, min(len(lines), i + 12)):
        if not lines[j].strip() or ruled(lines[j]):
            continue
        row = _bar_cells(lines[j])
        if len(row) != len(head):  # a bar OCR read as a brace or a bracket beside a cell ("tab  {APPROVE")
            row = _bar_cells(_OCR_BAR.sub("|", lines[j]))
        return (j, row) if len(row) == len(head) else None
    return None


def ruled(line: str) -> bool:
    """A rule of dashes, or what OCR made of one (``$ -----22ceesee---- ences +  - +  --  +-``): half its
    printed characters or more are rule characters."""
    ink = re.sub(r"\s", "", line)
    return bool(RULE.match(line)) or (bool(ink) and sum(c in "-=_+|~" for c in ink) >= len(ink) / 2)


_OCR_BAR = re.compile(r"(?<=[ \t])[{}\[\]!](?=\S)|(?<=\S)[{}\[\]!](?=[ \t])")


# a batch print's field code (``CASE-NO``, ``MBR_ID``, ``MBR-DOB``): a header row of them is one column each, even
# where OCR closed the gap between two (``REC-TYP CASE-NO  MBR-ID``: three columns, never two)
CODE = re.compile(r"[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+")
BAR = re.compile(r"\s+[|=.,:;'!©®€]\s+")  # what OCR makes of a column gap: a lone bar, equals sign or dot
TOKEN = re.compile(r"\S+")


def _kind(token: str) -> str:
    if dates.DATE_RE.fullmatch(token):
        return "date"
    if len(token) >= 6 and sum(c.isdigit() for c in token) >= 3 and "/" not in token:
        return "id"
    return "word"


def _split_cells(line: str) -> list[tuple[int, str]]:
    """Cells where OCR closed the gap between them: at a bar or equals sign, and between a date or an id
    and the words beside it (``Harold Whitcombe 11/23/1949 CVH-88210457``: three cells)."""
    out: list[tuple[int, str]] = []
    for x, cell in _cells(line):
        pieces, last = [], 0
        for m in BAR.finditer(cell):
            pieces.append((last, cell[last : m.start()]))
            last = m.end()
        pieces.append((last, cell[last:]))
        for px, piece in pieces:
            cur: list[re.Match[str]] = []
            for t in TOKEN.finditer(piece):
                if cur and (_kind(t.group(0)) != "word" or _kind(cur[-1].group(0)) != "word"):
                    out.append((x + px + cur[0].start(), piece[cur[0].start() : cur[-1].end()]))
                    cur = []
                cur.append(t)
            if cur:
                out.append((x + px + cur[0].start(), piece[cur[0].start() : cur[-1].end()]))
    return out


# a speck a fax left after a header cell's word ("To_", "From.", "End~"): no part of its name (the thirty-second pass)
_SPECK_AFTER = re.compile(r"(?<=[A-Za-z])[_~`'.,]+$")


def _unspecked(header: str) -> str:
    return _SPECK_AFTER.sub("", header)


@lru_cache(maxsize=32)
def pairs(text: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """(the ``header: value`` lines, (offset in them, offset in the letter, length) of each value)."""
    lines = text.split("\n")
    starts = line_starts(lines)
    out: list[str] = []
    segs: list[tuple[int, int, int]] = []
    size = 0
    skip = 0  # the lines of a wrapped element already read
    value = ""
    stacked = {i: j for i, j in _stacked(lines)}
    for i, line in enumerate(lines):
        if i < skip:
            continue
        if i in stacked:  # "Auth ID" over "A27-188-340-Q"
            label = f"{line.strip().rstrip(':').rstrip()}: "
            value = text[starts[i + 1] : starts[stacked[i]] + len(lines[stacked[i]])].strip()
            at = starts[i + 1] + len(lines[i + 1]) - len(lines[i + 1].lstrip())
            out.append(label + value)
            segs.append((size + len(label), at, len(value)))
            size += len(label) + len(value) + 1
            skip = stacked[i] + 1
            continue
        if (found_csv := _csv(text, lines, starts, i)) is not None:  # request_id,status,... over "LBT-...",...
            j, cells = found_csv
            for header, x, cell in cells:
                if cell.strip():
                    label = f"{element_label(header)}: "
                    out.append(label + cell.replace("\n", " "))  # a wrapped cell is one value (same length)
                    segs.append((size + len(label), x, len(cell)))
                    size += len(label) + len(cell) + 1
            skip = j + 1
            continue
        element = ELEMENT.match(line)
        if element is None and (element := ELEMENT_OPEN.match(line)) is not None:
            end = _element_end(lines, i, element.group("k"))
            if end is None:
                element = None
            else:
                skip = end[0] + 1
                value = text[starts[i] + element.start("v") : starts[end[0]] + end[1]].rstrip()
        elif element is not None:
            value = element.group("v")
        if element:  # <Decision>APPROVED</Decision>, <Item>...</Item> as a list's item
            label = "- " if LIST_ITEM.fullmatch(element.group("k")) else f"{element_label(element.group('k'))}: "
            out.append(label + value.replace("\n", " "))
            segs.append((size + len(label), starts[i] + element.start("v"), len(value)))
            size += len(label) + len(value) + 1
            continue
        if (container := CONTAINER.match(line)) is not None:
            label = f"{element_label(container.group('k'))}:"
            out.append(label)
            size += len(label) + 1
            continue
        row = KEY_VALUE.match(line)
        if row and not RULE.match(line):  # a two-column table's row: | Status | APPROVED |
            label = f"{row.group('k')}: "
            out.append(label + row.group("v"))
            segs.append((size + len(label), starts[i] + row.start("v"), len(row.group("v"))))
            size += len(label) + len(row.group("v")) + 1
            continue
        if _bar_header(line):  # | Drug | Decision | Begin | End | over its values
            if (found := _bar_row(lines, i)) is None:
                continue  # a row that does not line up with the header (OCR lost a bar): read none of it
            j, row_values = found
            for (_, header), (x, value) in zip(_bar_cells(line), row_values, strict=True):
                if value:
                    label = f"{_unspecked(header)}: "
                    out.append(label + value)
                    segs.append((size + len(label), starts[j] + x, len(value)))
                    size += len(label) + len(value) + 1
            continue
        head = _cells(line)
        if len(head) < 2 or re.search(r"\d{2}", line):  # a header row is words
            continue
        coded = len(codes := list(TOKEN.finditer(line))) > len(head) and all(CODE.fullmatch(t.group(0)) for t in codes)
        if coded:  # a record's field codes, OCR closed a gap between two: one column each
            head = [(t.start(), t.group(0)) for t in codes]
        j = i + 1  # the values' row: past a rule of dashes, blank lines, or what OCR made of the rule
        between = 0  # printed lines between the header and the values (blank lines do not count)
        while j < len(lines) and not re.search(r"\d{3}", lines[j]) and between <= 2:
            between += bool(lines[j].strip())
            j += 1
        if j >= len(lines) or between > 2 or j - i > 6:
            continue
        values = _cells(lines[j])
        if len(values) != len(head) and len(split := _split_cells(lines[j])) == len(head):
            values = split
        if coded:
            # its values one by one, in order (OCR text keeps the cells, not their columns), the row's end on the
            # next line when it wrapped; read only when there are as many values as codes (else none of it is)
            values = _split_cells(lines[j])
            if len(values) < len(head) and j + 1 < len(lines):
                values += [(starts[j + 1] - starts[j] + x, v) for x, v in _split_cells(lines[j + 1])]
            if len(values) != len(head):
                continue
        if len(values) < 2:
            continue
        by_index = len(values) == len(head)  # OCR text keeps the cells, not their columns
        for n, (x, value) in enumerate(values):
            header = [head[n][1]] if by_index else [h for hx, h in head if hx <= x + 2]
            if not header:
                continue
            label = f"{_unspecked(header[-1])}: "
            out.append(label + value)
            segs.append((size + len(label), starts[j] + x, len(value)))
            size += len(label) + len(value) + 1
    return "\n".join(out), tuple(segs)


def back(hit: Any, segs: tuple[tuple[int, int, int], ...]) -> Any:
    """A hit in the ``header: value`` lines as a hit in the letter (None when it is not inside a value)."""
    for at, orig, length in segs:
        if at <= hit.start and hit.end <= at + length:
            return replace(hit, start=orig + hit.start - at, end=orig + hit.end - at)
    return None


def read(rule: Callable[..., Any], text: str, *args: Any) -> Any:
    """``rule`` applied to the letter's column tables (None when they hold nothing it reads)."""
    lines, segs = pairs(text)
    if not lines:
        return None
    found = rule(lines, *args)
    if isinstance(found, tuple):  # outcome: (hit, why); period: (start, end)
        if not any(hasattr(h, "start") for h in found):
            return None
        mapped = tuple(back(h, segs) if hasattr(h, "start") else h for h in found)
        return None if any(m is None for m, h in zip(mapped, found, strict=True) if hasattr(h, "start")) else mapped
    if isinstance(found, list):  # requested items
        return [m for h in found if (m := back(h, segs)) is not None] or None
    if isinstance(found, dict):
        return {k: m for k, v in found.items() if (m := back(v, segs)) is not None}
    return back(found, segs) if found is not None else None
