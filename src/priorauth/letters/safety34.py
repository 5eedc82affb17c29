"""Issue 18, safety pass on the thirty-fourth held-out set: the classes behind its wrong values, closed so that each
value is read right or left empty (never guessed).

1. A quantity from a grid's note: a record prints its quantity in a grid's ``Units`` column for the whole period
   (``... | Units`` over ``... | 2,880``) and a note under it says so, a per-fill rate in brackets ("Units are tablets
   for the full authorization period (240 tablets per 30 days)"). The rate in the note is no quantity of the grid's:
   the grid's own cell is read (its outer cells too, a grid drawn without bars at its edges), else nothing.
2. Who asked, read as what was asked: a status line's "MORE INFORMATION REQUESTED BY PAYER - answer within 72 hours"
   gave the item "BY PAYER - ...". An item that opens with "by" names who asked (or how, or when), never a thing to
   send: dropped; an ePA's numbered questions ("Q1. ...", "Q2. ...") named as questions only after them ("Answered
   questions: 0 of 3") are then what was asked.
3. A member id a fax may have misread: an O in an id that holds digits (a 0 read as an O: "KHH-0MX-..." read
   "KHH-OMX-..."), or a group of an id printed in groups of digits read unsurely and of another length than the others
   (a glyph read twice: "992 018 447" read "992 018 4417"). Its words get a second look
   (read again as one line, :mod:`priorauth.letters.recheck`); when the second reading differs, the id is left empty
   (the patient check then compares the name and birth date only: no mismatch for an id that is only unreadable).

Guards: a labelled quantity, a note of no whole period, a grid's cell read as a label's; an item that names a thing;
numbered questions named as none; an id read surely with no look-alike, or one a second reading gives the same."""

from __future__ import annotations

import re
from typing import Any

from priorauth.letters import patient
from priorauth.letters.requested_items import _GOES_ON, _question_run
from priorauth.letters.spans import Hit, I

# -- 1. a grid's note ---------------------------------------------------------------------------------------------------
# "Units are tablets for the full authorization period", "Quantity shown is the total for the approval period"
_WHOLE_PERIOD = re.compile(
    r"\b(?:units?|quantity|qty|amount)\b[^.\n]{0,60}?\b(?:for|over|across|covers?|covering|of)\s+the\s+"
    r"(?:full|whole|entire|total|complete)\s+(?:\w+\s+){0,2}?(?:period|term|duration)\b"
    r"|\b(?:units?|quantity|qty|amount)\b[^.\n]{0,40}?\btotal\s+(?:for|over)\s+the\s+(?:\w+\s+){0,2}?(?:period|term)\b",
    I,
)
_COLUMN = re.compile(r"(?:units?|qty\.?|quantity)(?:\s+(?:approved|authori[sz]ed|allowed))?", I)
_OURS = re.compile(r"\b(?:lumakras|sotorasib)", I)
_COUNT = re.compile(r"\d[\d,]*(?:\s*(?:tablets?|tabs?|capsules?|caps?|units?))?", I)


def _note(text: str, at: int) -> bool:
    """``at`` is in a sentence that says the letter's units count the whole period, after those words."""
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    m = _WHOLE_PERIOD.search(text, start, at)
    return m is not None


def _grid_cell(text: str) -> Hit | None:
    """The value under a grid's units column (``... | Units`` over ``... | 2,880``: its outer cells read too)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines):
        if line.count("|") < 2 or re.search(r"\d", line):
            continue
        head = [c.strip() for c in line.split("|")]
        col = next((n for n, c in enumerate(head) if _COLUMN.fullmatch(c)), None)
        if col is None:
            continue
        rows: list[int] = []  # the grid's data rows, the first within three lines of its header
        for j in range(i + 1, len(lines)):
            row = lines[j]
            if not row.strip() or re.fullmatch(r"[\s\-=+|:]+", row):
                if (rows and not row.strip()) or (not rows and j >= i + 3):
                    break
                continue
            if len(row.split("|")) != len(head):
                break
            rows.append(j)
        if len(rows) > 1:  # several rows: the one naming the drug asked for, else none (another drug's count)
            rows = [j for j in rows if _OURS.search(lines[j])]
        if len(rows) != 1:
            return None
        j = rows[0]
        cells = lines[j].split("|")
        x = sum(len(c) + 1 for c in cells[:col])
        cell = cells[col]
        value = cell.strip()
        if not _COUNT.fullmatch(value):
            return None
        at = starts[j] + x + cell.index(value)
        return Hit(value, at, at + len(value))
    return None


def quantity(text: str, hit: Hit | None, warnings: list[str]) -> Hit | None:
    """The quantity read (``hit``), unless it is a rate in a note that says the grid's units count the whole period:
    then the grid's own cell, else nothing."""
    if hit is None or not _note(text, hit.start):
        return hit
    cell = _grid_cell(text)
    if cell is None:
        warnings.append("the quantity found is a rate in a note on the letter's units for the whole period: left empty")
    return cell


# -- 2. who asked -------------------------------------------------------------------------------------------------------
_BY = re.compile(r"by\b", I)
_ANSWER_FIELD = re.compile(r"[ \t]{2,}[\[(][^\n]*$")
_QUESTIONS_AFTER = re.compile(r"\bquestions?\b", I)


def _questions_named_after(text: str) -> list[Hit]:
    """An ePA's numbered questions ("Q1. ...", "Q2. ...", from 1 in order, two or more) named as questions in the
    lines after the last ("Answered questions: 0 of 3"); [] otherwise."""
    run = _question_run(text)
    if len(run) < 2:
        return []
    after = run[-1].end()
    if _GOES_ON.match(text, after + 1):  # the last question wraps: the words after its last line (the text's end)
        after = text.find("\n", after + 1) % (len(text) + 1)
    if not _QUESTIONS_AFTER.search(text, after, after + 200):
        return []
    out = []
    for m in run:
        item = _ANSWER_FIELD.sub("", m.group("item"))
        end = m.start("item") + len(item)
        nxt_end = text.find("\n", m.end() + 1)
        nxt = text[m.end() + 1 : nxt_end if nxt_end >= 0 else len(text)]
        goes_on = _ANSWER_FIELD.sub("", nxt)
        if goes_on.strip() and _GOES_ON.fullmatch(goes_on) and item == m.group("item"):
            # the question wrapped onto the next line, its answer's field ("[ Yes ] [ No ]") after it
            item, end = f"{item} {goes_on.strip()}", m.end() + 1 + len(goes_on.rstrip())
        out.append(Hit(" ".join(item.split()), m.start("item"), end))
    return out


def requested(text: str, hits: list[Hit]) -> list[Hit]:
    """The items read, less those that name who asked ("by payer ..."); none left: the questions named after them
    (nothing dropped, none read too: the items as read, so that the readings after this one are tried)."""
    kept = [h for h in hits if not _BY.match(str(h.value))]
    if len(kept) == len(hits):  # nothing dropped (none read too): the other readings of what was asked go on
        return hits
    return kept or _questions_named_after(text)


# -- 3. a member id a fax may have misread -----------------------------------------------------------------------------
# an O in an id that holds digits: OCR tells it from a 0 by a stroke a fax blurs (a 0 beside a capital is not looked at
# again: "PCH0000..." read twice gave "PCHO0000...", worse than the first)
_LOOK_ALIKE = re.compile(r"O")


def second_reading(letter: Any, raw: bytes | None, start: int, end: int) -> str | None:
    """The span's words read again as one line (None: no second look could be made)."""
    if raw is None:
        return None
    from priorauth.letters import recheck
    from priorauth.text import ocr

    found = ocr.words_in(letter.pages, start, end)
    page = letter.page_at(start)
    if not found or page is None:
        return None
    try:
        images = ocr.page_images(raw, letter.kind, limit=page)
        image = images[page - 1] if page <= len(images) else None
        if image is None:
            return None
        return recheck.second_reading(image, [w.box for _, w in found])[0]
    except Exception:  # the first reading worked on these bytes; a failure here only skips the second look
        return None


def _uneven_group(letter: Any, value: str, start: int) -> bool:
    """An id printed in groups of digits ("PLH 992 018 447"), one group read unsurely (under ``patient.SURE``) and
    longer or shorter than the others, which agree: a glyph read twice, or one lost."""
    groups = list(re.finditer(r"\S+", value))
    digits = [g for g in groups if g.group(0).isdigit()]
    if len(digits) < 3:
        return False
    for g in digits:
        others = {len(o.group(0)) for o in digits if o is not g}
        if len(others) == 1 and len(g.group(0)) not in others:
            return letter.confidence(start + g.start(), start + g.end()) < patient.SURE
    return False


def member_id_doubt(letter: Any, raw: bytes | None, hit: Hit) -> str | None:
    """Why the member id OCR read at ``hit`` is left empty (None: it is read as before)."""
    if not letter.ocr:
        return None
    value = letter.text[hit.start : hit.end]
    if "\n" in value:
        return None
    if not _uneven_group(letter, value, hit.start) and not (re.search(r"\d", value) and _LOOK_ALIKE.search(value)):
        return None
    second = second_reading(letter, raw, hit.start, hit.end)
    if second is None or patient._alnum(second) == patient._alnum(value):
        return None
    return (
        f"the member id read as {value} was read differently by a second look at its words (a look-alike glyph or a "
        "glyph read twice): left empty; read it on the letter"
    )
