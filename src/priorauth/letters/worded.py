"""A letter's own date written out in words, its year too ("Given on this sixth day of July, two thousand
twenty-seven"), as a certificate or a deed dates itself.

Issue 18's nineteenth set printed certificates dated so: no digit in the date, so the date patterns of
:mod:`priorauth.letters.dates` never see it and a window "30 days from the date of this notice" had no day to count
from. Read only after a dating verb and "this" (given, dated, signed, done), the day an ordinal word, the month
a name, the year "two thousand [and] <one to ninety-nine>" (or "nineteen <ten to ninety-nine>")."""

from __future__ import annotations

import re
from datetime import date

from priorauth.letters.dates import _DAY_WORDS, _MONTH, _ORDINALS
from priorauth.letters.spans import Hit

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SMALL = {w: i + 1 for i, w in enumerate(_ONES)} | {w: 10 + i for i, w in enumerate(_TEENS)} | _TENS
_UNDER_100 = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|{'|'.join(_ONES)})"
_WORDED = re.compile(
    rf"\b(?:given|dated|signed|done|issued)[ \t]+(?:on[ \t]+|at[ \t]+[A-Z][\w ]{{0,30}},[ \t]+(?:on[ \t]+)?)?this[ \t]+"
    rf"(?P<d>(?P<day>{_DAY_WORDS})[ \t\n]+day[ \t\n]+of[ \t\n]+(?P<m>{_MONTH}),?[ \t\n]+"
    rf"(?P<y>two[ \t\n]+thousand(?:[ \t\n]+and)?[ \t\n]+{_UNDER_100}|nineteen[ \t\n]+(?:hundred[ \t\n]+(?:and[ \t\n]+)?)?{_UNDER_100}))",
    re.I,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _under_100(words: list[str]) -> int:
    return sum(_SMALL[w] for w in words)


def _year(said: str) -> int:
    words = [w for w in re.split(r"[\s-]+", said.lower()) if w not in ("and", "hundred")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + _under_100(words[2:])
    return 1900 + _under_100(words[1:])


def letter_date(text: str) -> Hit | None:
    """The letter's date written out in words after a dating verb, or None."""
    for m in _WORDED.finditer(text):
        day = _ORDINALS.get(re.sub(r"[\s-]+", "-", m.group("day").lower()))
        month = _MONTHS.index(m.group("m").lower()[:3]) + 1
        if day is None:
            continue
        try:
            return Hit(date(_year(m.group("y")), month, day), m.start("d"), m.end("d"))
        except ValueError:
            continue
    return None
