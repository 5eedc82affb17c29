"""The patient in a Danish, Norwegian or Swedish letter (issue 18's twenty-fourth set, its safety pass).

A Danish payer prints its patient as ``Medlem:  <name>`` over ``Fødselsdato:  02.10.1950 (dd.mm.åååå)`` and
``Medlemsnummer:  <id>``: no label the readers knew, so the letter's patient was never read and a letter about
another patient (one letter of the surname different) was not flagged. The name: the label opening its line
(``Medlem``, ``Sikrede``, ``Forsikrede``, ``Forsikret``, ``Försäkrad``), a colon, two to four capitalised words ending
the line or before a column gap. The date of birth: ``Fødselsdato`` / ``Födelsedatum`` / ``Fødselsdag`` and a dotted
or dashed date, day first as these countries write it, read only when its order cannot matter (its first number
above 12, or day and month the same): a letter that says its order (``(dd.mm.åååå)``) has its dates rewritten month
first before the patient is read (``fields.day_first``), so an ambiguous date's order is not known here. The member number: ``Medlemsnummer`` / ``Medlemsnr.``.

Guards: ``Medlemsnummer:`` is no name's label (the colon must follow ``Medlem``), a label with more words (``Medlem
siden:``), a value with a digit or one word, a label inside a sentence; a date that is no calendar day reads nothing."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.spans import Hit

_WORD = r"(?-i:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)"
NAME = re.compile(
    r"^[ \t|]*(?i:medlem|sikrede|forsikrede|forsikret|f[öo]rs[äa]krad)[ \t]*:[ \t]*"
    rf"(?P<v>{_WORD}(?:[ \t]{_WORD}){{1,3}})(?=[ \t]*$|[ \t]{{2,}})",
    re.M,
)
_BIRTH = re.compile(
    r"^[ \t|]*(?i:f[øo]dselsdato|f[øo]dselsdag|f[öo]delsedatum)[ \t]*:?[ \t]*"
    r"(?P<d>(?P<dd>\d{1,2})[.\-](?P<mm>\d{1,2})[.\-](?P<yy>\d{4}))(?!\d)",
    re.M,
)
# A member number after its label: an id of capitals, digits, dashes and spaces before digits, with a digit.
# (a Danish or Norwegian id may open with a letter of their own: "ØS-771-20931", the twenty-seventh pass)
MEMBER_VALUE = r"(?P<v>(?-i:(?=[A-ZÆØÅ0-9\- ]*\d)[A-ZÆØÅ0-9](?:[A-Z0-9\-]| (?=\d)){4,24}))(?![A-Za-z0-9])"
MEMBER_ID = re.compile(r"^[ \t|]*(?i:medlemsnummer|medlemsnr\.?|medlems-?id)[ \t]*:[ \t]*" + MEMBER_VALUE, re.M)


def day_first(pattern: re.Pattern[str], text: str, refuse_swappable: bool) -> Hit | None:
    """The first date ``pattern`` finds (groups ``d``, ``dd``, ``mm``, ``yy``), read day first; None when there is
    none, it is no calendar day, or ``refuse_swappable`` and day and month could be swapped (both 12 or under and
    different)."""
    for m in pattern.finditer(text):
        dd, mm = m.group("dd").lstrip("0"), m.group("mm").lstrip("0")
        if refuse_swappable and int(dd or 0) <= 12 and int(mm or 0) <= 12 and dd != mm:
            return None
        born = dates.calendar_day(m.group("yy"), m.group("mm"), m.group("dd"))
        return None if born is None else Hit(born, m.start("d"), m.end("d"))
    return None


def birth(text: str) -> Hit | None:
    """The date of birth after a Nordic label, read day first; None when there is none, it is no calendar day, or its
    order matters (both numbers 12 or under and different: the text may have been rewritten month first)."""
    return day_first(_BIRTH, text, refuse_swappable=True)
