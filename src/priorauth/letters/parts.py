"""The patient printed in parts, shapes the labelled rules of :func:`priorauth.letters.fields.patient` do not read
(issue 18's twentieth set, safety pass: two letters about another patient went unflagged because their patient
was read nowhere).

* A date of birth whose label says its order ("Birth (yyyy mm dd)  1958 03 17", "DOB (dd.mm.yyyy): 07.03.1958",
  "Date of birth [MM/DD/YYYY] 03/07/1958"): read in the order said, its parts joined by blanks, dots, dashes or
  slashes; this rule comes before the others, which would read "07.03.1958" month first. An order that is not
  one of day, month and year once each, or parts that make no day, reads nothing.
* A name split into its surname and given name, as a table's columns ("Surname   Given name   Birth date" over
  "SZYMANOWSKI   Leopold   14.04.1953") or as two labelled lines ("Last name: Doe" / "First name: Jane"): read
  as printed, surname first. Each part is one to three capitalised words; the two labels must both be there.

Guards: a table whose header has only one of the two name columns, or whose row does not line up, gives no name;
the policyholder's labelled parts ("Subscriber surname") are not the patient's."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters.tables import CELL

_ORDER = re.compile(
    r"\b(?i:DOB|D\.O\.B\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|birth|born)[ \t]*"
    r"[(\[][ \t]*(?P<f>(?i:[ymdjat]{1,4}(?:[ \t./\-]+[ymdjat]{1,4}){2}))[ \t]*[)\]]"
    r"[ \t]*(?::|\.{2,}|=)?[ \t]*(?P<d>\d{1,4}[ \t./\-]+\d{1,2}[ \t./\-]+\d{1,4}|\d{8})(?![\d./\-])"
)
_PART = {"y": "y", "a": "y", "j": "d", "t": "d", "d": "d", "m": "m"}  # French "jj/mm/aaaa", German "TT.MM.JJJJ"


def birth(text: str) -> tuple[date, int, int] | None:
    """(the date of birth, its span) when its label says the order its parts are printed in; else None."""
    for m in _ORDER.finditer(text):
        fmt = [f.lower() for f in re.split(r"[ \t./\-]+", m.group("f"))]
        german = any(f[0] == "t" for f in fmt)  # "TT.MM.JJJJ": J is the year's (Jahr), not the day's (jour)
        order = [("y" if german and f[0] == "j" else _PART.get(f[0])) for f in fmt]
        if any(len(set(f)) != 1 for f in fmt) or sorted(order, key=str) != ["d", "m", "y"]:
            continue  # not each of day, month and year once: the order is not said
        printed = re.split(r"[ \t./\-]+", m.group("d"))
        if len(printed) == 1:  # its blanks lost (a fax's OCR, "19580317"): cut as the order's letters say, when they add up
            if sum(map(len, fmt)) != len(printed[0]):
                continue
            cuts = [sum(map(len, fmt[:k])) for k in range(4)]
            printed = [printed[0][cuts[k] : cuts[k + 1]] for k in range(3)]
        parts = dict(zip(order, (int(p) for p in printed), strict=True))
        if parts["y"] < 1000:
            continue  # a two-digit year: the century is not said
        try:
            return date(parts["y"], parts["m"], parts["d"]), m.start("d"), m.end("d")
        except ValueError:
            continue
    return None


_WORD = r"(?-i:[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)"
_WORDS = rf"{_WORD}(?:[ ]{_WORD}){{0,2}}"
_SURNAME = r"(?i:surname|last[ \t]+name|family[ \t]+name)"
_GIVEN = r"(?i:given[ \t]+names?|first[ \t]+names?|forenames?)"
_HOLDER = re.compile(r"(?i:subscriber|insured|policy[ \t]*holder|cardholder|guarantor|parent|guardian)[ \t]*$")
_LABELLED = {
    key: re.compile(rf"^[ \t|]*(?P<k>{label})[ \t]*(?::|\.{{2,}})[ \t]*(?P<v>{_WORDS})[ \t]*$", re.M)
    for key, label in (("surname", _SURNAME), ("given", _GIVEN))
}


def _columns(text: str) -> tuple[str, int, int] | None:
    lines = text.split("\n")
    at = 0
    for i, line in enumerate(lines):
        start = at
        at += len(line) + 1
        s = re.search(rf"(?:^[ \t|]*|[ \t]{{2}})(?P<w>{_SURNAME})\b", line)
        g = re.search(rf"[ \t]{{2}}(?P<w>{_GIVEN})\b", line)
        if not s or not g or re.search(r"\d", line) or _HOLDER.search(line[: s.start("w")]):
            continue
        row = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
        if row is None:
            return None
        cells = [(c.start(), c.group(0)) for c in CELL.finditer(lines[row])]
        sur = next(((x, c) for x, c in cells if abs(x - s.start("w")) <= 2), None)
        giv = next(((x, c) for x, c in cells if abs(x - g.start("w")) <= 2), None)
        if not (sur and giv):  # OCR text keeps a row's cells, not their columns: the cells in the header's order
            head = [c.start() for c in CELL.finditer(line)]
            k = sum(1 for x in head if x < s.start("w"))
            if head[k + 1 : k + 2] == [g.start("w")] and k + 1 < len(cells):
                sur, giv = cells[k], cells[k + 1]
        if not sur or not giv or not re.fullmatch(_WORDS, sur[1]) or not re.fullmatch(_WORDS, giv[1]) or sur[0] > giv[0]:
            return None  # the row does not line up with the header: no name
        row_start = start + len(line) + 1 + sum(len(x) + 1 for x in lines[i + 1 : row])
        return f"{sur[1]} {giv[1]}", row_start + sur[0], row_start + giv[0] + len(giv[1])
    return None


def name(text: str) -> tuple[str, int, int] | None:
    """(the name as printed, surname first, its span) from a surname and a given-name column or labelled line."""
    if found := _columns(text):
        return found
    sur, giv = _LABELLED["surname"].search(text), _LABELLED["given"].search(text)
    if not sur or not giv or abs(sur.start() - giv.start()) > 200:
        return None
    if any(_HOLDER.search(text[text.rfind("\n", 0, m.start()) + 1 : m.start("k")]) for m in (sur, giv)):
        return None
    first, last = sorted((sur, giv), key=lambda m: m.start())
    return f"{sur.group('v')} {giv.group('v')}", first.start("v"), last.end("v")
