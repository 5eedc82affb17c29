"""A letter that decides several drugs, item by item or block by block: each drug's line and its outcome
(:func:`items`), the request blocks (:func:`sections`), and LUMAKRAS's part of the letter (:func:`scope`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from priorauth.letters import line_refs, tables
from priorauth.letters.outcome_words import _item_value
from priorauth.letters.spans import _OURS, _THIS_ROW, Hit, I, M

_DOSE = r"(?:\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|units?)(?:\b|(?=tab|cap))|\bfor\s+injection\b|\btab(?:let)?s?\b|\bcap(?:sule)?s?\b)"
_ITEM_WORDS = r"approved|authorized|den[il1|t]ed|declined|not\s+approved|not\s+authorized|not\s+certified|certified|pended|pending"
# a drug's own line in a letter that decides several, item by item (its row number perhaps a column of its own:
# "2 | LUMAKRAS 120 MG TABLET | ... | APPROVED", the twenty-first set's safety pass)
_ITEM = re.compile(
    rf"^[ \t|]*(?:(?:\d{{1,2}}|[A-Ha-h])(?:[.)]|[ \t]*\|)[ \t]+)?(?P<item>[A-Za-z][^\n]*?{_DOSE}[^\n]*?)"  # a row drawn with bars, a numbered row
    # (a Spanish table's cell in capitals, the twenty-sixth pass: "| LUMAKRAS 120 mg tabletas | ... | APROBADO |")
    rf"(?:[ \t]+(?P<v>(?-i:(?:NOT\s+)?(?:APPROVED|AUTHORIZED|DEN[IL1|T]ED|DECLINED|CERTIFIED|PENDED|PENDING)|(?:NO[ \t]+)?APROBAD[OA]|NEGAD[OA]|DENEGAD[OA]))"
    rf"|(?:[ \t]{{2,}}|[ \t]*[:|\-–][ \t]*)(?P<w>{_ITEM_WORDS}))\b",
    M,
)


# a status word glued by a hyphen to the word before it, in lower case ("FDA-approved", "plan-approved"): a compound
# adjective in a sentence that holds a dose, never an item's status (the thirty-second pass)
_COMPOUND = re.compile(r"[A-Za-z]-\Z")
# (in capitals too, the thirty-fourth pass: "EXCEEDS THE FDA-APPROVED DOSE OF 960 MG": a status word glued by a hyphen to
# the word before it and followed by the noun it qualifies, never a column's status, which ends its line or its cell)
_QUALIFIED = re.compile(
    r"[ \t](?:doses?|dosing|dosage|maximum|max|label(?:ing|ling|ed)?|indications?|uses?|regimens?|strengths?|"
    r"quantit(?:y|ies)|amounts?|limits?|therapy|treatments?|drugs?|medications?|products?)\b",
    I,
)


def items(text: str) -> list[tuple[int, Hit, bool]]:
    """The drug lines of a letter that decides item by item (``LUMAKRAS 120 mg tablets  APPROVED``):
    (the line's start, its outcome, whether it is LUMAKRAS/sotorasib). In a history of the drug's requests
    whose row for this request is marked ("<- this request"), the other rows are history, not items."""
    out = []
    marked = []
    for m in _ITEM.finditer(text):
        g = "v" if m.group("v") else "w"
        value = _item_value(m.group(g))
        if value and _COMPOUND.search(text, 0, m.start(g)) and m.group(g)[0].islower():
            continue  # "... more than the FDA-approved maximum dose": a word's hyphen, no column's dash
        if value and _COMPOUND.search(text, 0, m.start(g)) and _QUALIFIED.match(text, m.end(g)):
            continue  # "... THE FDA-APPROVED DOSE OF": the same in capitals, the noun it qualifies after it
        if value:
            line = text.rfind("\n", 0, m.start("item")) + 1
            line_end = text.find("\n", m.end())
            marked.append(bool(_THIS_ROW.search(text, line, line_end if line_end >= 0 else len(text))))
            out.append((line, Hit(value, m.start(g), m.end(g)), bool(_OURS.search(m.group("item")))))
    if any(marked):
        return [x for x, mark in zip(out, marked, strict=True) if mark]
    return [x for x in out if not _listed_apart(text, x[0])]


# a list set apart under its own heading ("V. YOUR OTHER CURRENT AUTHORIZATIONS (for your information)",
# "Other approvals on file:"): its rows are the member's other drugs, listed, not decided by this letter
_APART = re.compile(
    r"^[ \t]*(?:[IVX]{1,4}\.|\d{1,2}[.)]|[A-Z][.)])?[^\n]*?(?:\b(?:other|previous|prior|earlier|past|existing)\s+(?:current\s+|active\s+)?"
    r"(?:authori[sz]ations|approvals|prior\s+authori[sz]ations|requests|decisions|medications|drugs)\b|\bfor\s+your\s+information\b|"
    r"\b(?:authori[sz]ations|approvals)\s+(?:on\s+file|already\s+in\s+place)\b)[^\n]*$",
    I | M,
)


def _listed_apart(text: str, line: int) -> bool:
    """The item line at ``line`` sits under a heading of a list set apart (:data:`_APART`), only item
    lines or blank lines between the two."""
    head = None
    for m in _APART.finditer(text, 0, line):
        head = m
    if head is None:
        return False
    between = text[head.end() : line].split("\n")[1:]
    return all(not b.strip() or _ITEM.match(b + "\n") for b in between)


@dataclass(frozen=True)
class Scope:
    """A letter that decides several drugs item by item: ``ours`` is the letter with everything but
    LUMAKRAS's items blanked (offsets kept), ``shared`` the part before the first item (a reference
    number for the whole request); ``others`` the other drugs' lines."""

    ours: str
    shared: str
    others: tuple[str, ...]


def _blank(text: str, keep: list[tuple[int, int]]) -> str:
    out = [c if c in "\n\f" else " " for c in text]
    for a, b in keep:
        out[a:b] = text[a:b]
    return "".join(out)


# a request's own block in a letter that decides several: a heading line naming a drug and its dose
# ("Request B - LUMAKRAS 120 mg tablets", "Item 2: ERLOTINIB 150 MG TAB", "2. LUMAKRAS 120 mg") over the
# lines that decide it
_SECTION = re.compile(
    rf"^(?P<ind>[ \t]*)(?:(?:(?:request|item|drug|medication|line|rx|prescription)[ \t]*(?:[A-Z]|#?\d{{1,2}})(?:[ \t]+of[ \t]+\d{{1,2}})?|\d{{1,2}}|\(?[A-H])[ \t]*[-:.)–][ \t]*"
    # a summary's request named by its number: "Request 0514-PA-571190 - ondansetron 8 mg tablets" (the twenty-ninth pass)
    rf"|request[ \t]+(?:no\.?[ \t]*|#[ \t]*)?(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{{5,}}[ \t]+[-:–][ \t]+)"
    # (an outline's lettered sentence that holds a dose is no request's block: "B. The directions (4 tablets of 320 mg ...")
    rf"(?P<item>(?!(?i:the|this|that|these|those|your|our|we|it|its|an?|no|not|if|please)\b)[A-Za-z][^\n]*?{_DOSE}[^\n]*)$",
    M,
)


def sections(text: str) -> list[tuple[int, Hit, bool]]:
    """The request blocks of a letter deciding several drugs (each block's start, a placeholder hit,
    whether it is LUMAKRAS's), only when there are two or more."""
    found = [
        (m.start(), Hit(None, m.start("item"), m.end("item")), bool(_OURS.search(m.group("item"))))
        for m in _SECTION.finditer(text)
    ]
    return found if len(found) >= 2 else []


def scope(text: str) -> Scope | None:
    """The LUMAKRAS part of a letter that decides other drugs too, item by item or block by block (None:
    it does not)."""
    found = items(text)
    if not found or all(ours for _, _, ours in found):
        blocks = sections(text)
        if any(ours for _, _, ours in blocks) and not all(ours for _, _, ours in blocks):
            found = blocks
    if not found or all(ours for _, _, ours in found):
        return None
    bounds = [
        (line, found[i + 1][0] if i + 1 < len(found) else len(text), ours) for i, (line, _, ours) in enumerate(found)
    ]
    others = tuple(
        text[a : text.find("\n", a) if "\n" in text[a:] else len(text)].strip() for a, _, o in bounds if not o
    )
    keep = [(a, b) for a, b, ours in bounds if ours]
    if header := _table_header(text, found[0][0]):  # the columns' names over the items: "Drug  Reference  Decision"
        keep.insert(0, header)
    kept = _blank(text, keep)
    rows = [(line_refs.row_number(text, a), o) for a, _, o in found]
    if (theirs := {n for n, o in rows if n and not o}) and (
        cut := line_refs.theirs(kept, theirs, {n for n, o in rows if n and o})
    ):  # "Line 1 reason: ..." under the rows: another row's sentence
        kept = _blank(kept, [(a, b) for a, b in _gaps(cut, len(kept))])
    return Scope(kept, _blank(text, [(0, found[0][0])]), others)


def _gaps(cut: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans of ``length`` characters outside the ``cut`` spans."""
    out, at = [], 0
    for a, b in sorted(cut):
        out.append((at, a))
        at = max(at, b)
    out.append((at, length))
    return out


def _table_header(text: str, first: int) -> tuple[int, int] | None:
    """The span of a table's header row above the first item line (past a rule, blank lines), if any: a row
    of two or more names set apart by wide gaps, without numbers."""
    end = first - 1
    for _ in range(4):  # past a rule of dashes and the blank lines OCR puts between rows
        start = text.rfind("\n", 0, max(0, end)) + 1
        line = text[start:end]
        if end <= 0:
            return None
        if line.strip() and not tables.ruled(line):
            cells = tables.CELL.findall(line)
            return (start, end) if len(cells) >= 2 and not re.search(r"\d", line) else None
        end = start - 1
    return None


# an outcome set off as a banner, in capitals: "PA REF 0004419310  ***  DENIED  ***", "=== APPROVED ===", "[ DENIED ]",
