"""A portal's status codes: the legend that says what each code means ("A1 = Approved as requested"), and
the code a status label, LUMAKRAS's row or a batch print's decision column holds, read through it."""

from __future__ import annotations

import re

from priorauth.letters import tables
from priorauth.letters.outcome_guards import _CLOSED
from priorauth.letters.outcome_words import said_value
from priorauth.letters.several_drugs import _DOSE
from priorauth.letters.spans import _OURS, Hit, I, M

# a legend of a portal's status codes ("Legend:  A1 = Approved as requested   D1 = Denied ..." or "LEGEND  A1
# Approved | D1 Denied-criteria not met"), its entries on its line and the lines below that are indented or
# open with another entry (OCR loses the indent): it says what each code means, not what was decided; the
# code on the status line is read through it. OCR reads a code's 1 as l, I or i ("Al", "PI", "Pi"): the same code.
_CODE = r"(?-i:[A-Z]{2}-[A-Z\d]|[A-Z]{1,3}[\dlIi|]{0,2}|\d{1,2})"  # "AP-F", "DN-C" too
_ENTRY_START = rf"[ \t]*(?:{_CODE}(?:[ \t]*[=:\-–][ \t]*[A-Za-z]|[ \t]+[A-Z][a-z])|(?-i:[A-Z]{{1,3}}\d{{1,2}})[ \t]+[a-z]{{3}})"
_LEGEND = re.compile(  # a blank line OCR put between two lines of entries does not end it
    rf"(?:^|(?<=\f))[ \t]*(?:[A-Za-z]+\.?[ \t]+){{0,2}}(?:legend|key|codes?)\b[ \t]*:?[^\n]*"  # "Det. key:", "DECISION CODES"
    # (a batch print's legend names the column its entries are for first: "DECN-CD  AP = ...", OCR's "DECN-CD_")
    rf"(?:\n(?:[ \t]+\S|{_ENTRY_START}|[ \t]*\n{_ENTRY_START}|(?-i:[A-Z]+(?:-[A-Z0-9]+)+)[_-]?{_ENTRY_START})[^\n]*)*",
    I | M,
)
_LEGEND_ENTRY = re.compile(rf"(?<![\w/-])(?P<c>{_CODE})(?![\w/-])[ \t]*(?:=|:|-|–)?[ \t]*(?=[A-Za-z])")
_CODED = re.compile(
    rf"\b(?:status|decision|determination|outcome|result|disposition)(?:[ \t]+code)?[ \t]*(?:[:|\-]|\.{{2,}})?[ \t]*"
    rf"(?P<c>{_CODE})(?![\w/.-])",
    I,
)


def _code(word: str) -> str:
    """A status code as printed, OCR's l, I or | after its letters read as the 1 they are."""
    letters = re.match(r"[A-Z]*", word).group(0)  # type: ignore[union-attr]
    if letters == word[: len(letters)] and len(letters) < len(word):
        return letters + re.sub(r"[lIi|]", "1", word[len(letters) :])
    if len(word) > 1 and word[-1] in "lIi|" and word[:-1].isalpha():
        return word[:-1] + "1"
    return word


def _undecided(meaning: str) -> bool:
    """A code's meaning that says the request is closed, or received and still under review: no outcome."""
    return bool(_CLOSED.search(meaning) or re.search(r"\b(?:closed|review|received|in\s+process)\b", meaning, I))


def legend(text: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """The status codes a letter's legend defines, each with its meaning, and where the legends are."""
    codes: dict[str, str] = {}
    where: list[tuple[int, int]] = []
    for block in _LEGEND.finditer(text):
        body = block.group(0)
        entries = list(_LEGEND_ENTRY.finditer(body))
        if len(entries) < 2:
            continue  # one "code" is no legend ("Key: ..." a sentence)
        where.append(block.span())
        for m, after in zip(entries, [*entries[1:], None], strict=True):
            meaning = body[m.end() : after.start() if after else len(body)]
            codes.setdefault(_code(m.group("c")), " ".join(meaning.replace("|", " ").split()))
    return codes, where


def unlegended(text: str) -> str:
    """The text with its status-code legends blanked (offsets kept): a legend's words are no reason or request."""
    for a, b in legend(text)[1]:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _coded_item_hits(text: str, codes: dict[str, str]) -> tuple[list[Hit], str]:
    """LUMAKRAS's row of a table whose status column holds a legend's code ("1  LUMAKRAS 120 MG TABLET
    240/30  D2  R14" under "Status codes: ... D2 denied, benefit"), its columns as OCR may run them together:
    the one code on the row, after the drug's name, whose meaning states an outcome."""
    hits: list[Hit] = []
    for line in re.finditer(r"[^\n]+", text):
        ours = _OURS.search(line.group(0))
        if not ours or not re.search(_DOSE, line.group(0), I):
            continue
        found = []
        for m in re.finditer(r"(?<![^\s|])([^\s|]+)(?![^\s|])", line.group(0)[ours.end() :]):
            meaning = codes.get(_code(m.group(1)))
            stated = meaning and (_CLOSED.search(meaning) or said_value(meaning, ""))
            if stated and re.fullmatch(_CODE, m.group(1)):  # a reason's code ("R14") is no status
                found.append((m, meaning))
        if len(found) != 1:
            continue
        m, meaning = found[0]
        if _undecided(meaning):
            return [], f"the status code {m.group(1)} means {meaning}: no outcome"
        value = said_value(meaning, "")
        if value:
            at = line.start() + ours.end() + m.start(1)
            hits.append(Hit(value, at, at + len(m.group(1))))
    return hits, ""


# a batch print's column of decision codes: its header names the column ("DECN-CD", "STATUS", "DISP-CODE") and the row
# below holds a legend's code in it ("PA01  QM27-...  AP")
_CODE_COLUMN_NAME = r"(?:DECN|DECISION|DEC|STATUS|STAT|DISP|DISPOSITION|DETERM|DET|OUTCOME)(?:[-_](?:CD|CODE))?"
_CODE_COLUMN = re.compile(rf"(?<![\w-])(?-i:{_CODE_COLUMN_NAME})(?![\w-])")


# a legend that names its column ("ST CODES: AP=APPROVED DN=DENIED"): the column's name, whatever it is
_NAMED_LEGEND = re.compile(r"^[ \t]*(?P<n>(?-i:[A-Z][A-Z\-]{0,9}))[ \t]+codes?[ \t]*:", M)


def _column_coded_hits(text: str, codes: dict[str, str], named: set[str] | None = None) -> tuple[list[Hit], str]:
    """The outcome a legend's code says from under its column's header on the line below, or why none; ``named``:
    the columns the letter's legends name (read before the legends were blanked)."""
    hits: list[Hit] = []
    column = (
        re.compile(rf"(?<![\w-])(?-i:{_CODE_COLUMN_NAME}|" + "|".join(map(re.escape, sorted(named))) + r")(?![\w-])")
        if named
        else _CODE_COLUMN
    )
    for header in re.finditer(r"[^\n]+", text):
        columns = list(column.finditer(header.group(0)))
        if len(columns) != 1 or len(header.group(0).split()) < 3:
            continue  # a header of columns: three names or more, one of them the decision's
        below = re.match(r"\n([^\n]*)", text[header.end() :])
        if below is None:
            continue
        row, row_start = below.group(1), header.end() + 1
        col = columns[0]
        cells = [m for m in re.finditer(r"\S+", row) if m.start() < col.end() and m.end() > col.start()]
        if (len(cells) != 1 or _code(cells[0].group(0)) not in codes) and not header.group(0)[col.end() :].strip():
            cells = list(re.finditer(r"\S+", row))[-1:]  # the column ends the header (OCR moved the cells): its code ends the row
        if len(cells) != 1 or not re.fullmatch(_CODE, cells[0].group(0)):
            continue
        meaning = codes.get(_code(cells[0].group(0)))
        if not meaning:
            continue
        if _undecided(meaning):
            return [], f"the status code {cells[0].group(0)} means {meaning}: no outcome"
        value = said_value(meaning, "")
        if value:
            hits.append(Hit(value, row_start + cells[0].start(), row_start + cells[0].end()))
    if hits:
        return hits, ""
    # OCR keeps a row's cells, not its columns: the header's codes read with their values in order (tables.pairs)
    lines, segs = tables.pairs(text)
    for m in re.finditer(r"^(?P<k>[^:\n]+): (?P<v>[^\n]+)$", lines, M):
        if not column.fullmatch(m.group("k").strip()) or not re.fullmatch(_CODE, m.group("v").strip()):
            continue
        meaning = codes.get(_code(m.group("v").strip()))
        if not meaning:
            continue
        if _undecided(meaning):
            return [], f"the status code {m.group('v').strip()} means {meaning}: no outcome"
        value = said_value(meaning, "")
        at = tables.back(Hit(value or "", m.start("v"), m.end("v")), segs)
        if value and at is not None:
            hits.append(at)
    return hits, ""


def _coded_hits(text: str, codes: dict[str, str]) -> tuple[list[Hit], str]:
    """The outcome a status code says through the legend ("Status  A1 (see legend)"), or why none: the
    code means the request was closed or is still under review."""
    hits: list[Hit] = []
    for m in _CODED.finditer(text):
        meaning = codes.get(_code(m.group("c")))
        if not meaning:
            continue
        if _CLOSED.search(meaning) or (_undecided(meaning) and not re.search(r"\binfo", meaning, I)):
            return [], f"the status code {m.group('c')} means {meaning}: no outcome"
        value = said_value(meaning, "")
        if value:
            hits.append(Hit(value, m.start("c"), m.end("c")))
    return hits, ""


# a statement about something else than this request: another pharmacy, drug or provider, a quantity
