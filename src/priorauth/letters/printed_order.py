"""A numeric date of birth whose day and month could be swapped, read in the order the letter's own dates show (issue
18's twenty-ninth set, its safety pass).

Six letters of the twenty-ninth set print a birth date such as ``01/12/1961`` or ``05.02.1963`` (day first, as their
countries write dates) and the reader took it month first, as a US letter writes it: the birth date differed from the
case's and the letter was flagged as another patient's. Each of those letters shows its order elsewhere:

* a dotted date in a letter written in a Cyrillic script (:func:`cyrillic`): day first, as every such country writes it;
* a numeric date the letter prints whose first number is over 12 (``17/03/2027 to 16/09/2027``, ``28.04.2027``),
  with the birth date's separator: the letter writes day first, and the birth date is read day first;
* only worded dates written day first (``25 January 2027``, ``8 March 2027``; a month's name in a language or script
  the rules do not know, ``25 ■■■■■ 2027`` where a font could not print it): the letter's style suggests day first
  but its digits do not say; the birth date is left **empty** (empty is safe, a guess is not). An e-mail header's date
  with its time (``Thu, 18 Mar 2027 09:30:12 -0400``) shows nothing: mail programs write it so everywhere (a US
  letter's month-first birth date beside it stays read, and a letter about another patient stays flagged).

A dotted birth date (``09.01.1961``) on a letter whose dates show neither order is left empty: US letters seldom print
dots, and most countries that do write day first (the thirtieth set's safety pass).

A numeric date whose second number is over 12 (``03/15/2027``) or a worded date month first (``March 5, 2027``) shows
month first, unless the worded date is in a translation in square brackets (the writer's gloss). Guards: a letter that shows both orders, or none, is read as before (month first, the reader's default for
a US letter); a letter that speaks of a date pattern anywhere (``(dates MM/DD/YYYY)``, a form's "Enter the date of
service as DD/MM/YYYY") has its order decided by what it says (:mod:`priorauth.letters.declared_order`), never by its
printed dates; a birth date read any other way (year first, its month's name, day first by its own label or note) is
never changed; a date inside the birth date's own span never decides."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from priorauth.letters import bracket_gloss, dates

_AMBIGUOUS = re.compile(r"(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})")
# a date pattern spoken of ("DD/MM/YYYY", "mm-dd-yy", "JJ/MM/AAAA", "MM/DD"): the letter says its order in words
_PATTERN = re.compile(r"\b(?:dd|jj|tt|mm)[ \t]*[/.\-][ \t]*(?:mm|dd|jj|tt)\b", re.I)
# (a range's hyphen may join two: "01.12.2026-28.02.2027")
_NUMERIC = r"(?<![\d/.])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?:\d{4}|\d{2})(?!\d)(?![/.]\d)"
_WORDED_DAY_FIRST = re.compile(rf"(?<![\d/.\-])(?:[0-2]?\d|3[01])\.?[ \t]+{dates._MONTH}[ \t,]+\d{{4}}\b", re.I)
# an e-mail's header date, its time after it ("Thu, 18 Mar 2027 09:30:12 -0400", "Friday, 17 September 2027 10:15"): a mail
# program writes it so in any country, so it shows nothing of the letter's own order
# a day, a month's name in a language or script the rules do not know (OCR's "25 ciuxHsa 2027 p.", a font's unprinted
# "25 ■■■■■ 2027"), the year: a worded date day first all the same (the thirtieth set's safety pass)
# (a Spanish or Portuguese "9 de abril de 2027" too)
_WORDED_FOREIGN = re.compile(
    r"(?<![\d/.\-])(?:[0-2]?\d|3[01])\.?[ \t]+(?:de[ \t]+)?(?:[^\W\d_]|■){3,12}\.?[ \t]+(?:del?[ \t]+)?(?:19|20)\d{2}\b"
)
_TIME_AFTER = re.compile(r"[ \t,]*\d{1,2}:\d{2}")
_WORDED_MONTH_FIRST = re.compile(rf"\b{dates._MONTH}[ \t]+(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?,?[ \t]+\d{{4}}\b", re.I)


def _glossed(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is inside a translation in square brackets: opened before it on its line, or closed after it
    by a "]" its line never opened (a fax read the gloss's "[" as "(": "(from April 1, 2027 through ...]")."""
    if bracket_gloss.inside(text, start):
        return True
    after = text[end : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    return "]" in after and "[" not in after[: after.index("]")]


def _shown(text: str, sep: str, start: int, end: int) -> tuple[bool, bool, bool]:
    """(a numeric date day first shown, month first shown (numeric or worded), a worded date day first shown), from the
    letter's dates outside ``start:end`` (numeric ones with the birth date's separator ``sep``)."""
    day = month = False
    for m in re.finditer(_NUMERIC, text):
        if m.group("s") != sep or (m.start() < end and m.end() > start):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        day |= a > 12 and 1 <= b <= 12
        month |= b > 12 and 1 <= a <= 12
    worded_day = any(
        not (m.start() < end and m.end() > start) and not _TIME_AFTER.match(text, m.end())
        for w in (_WORDED_DAY_FIRST, _WORDED_FOREIGN)
        for m in w.finditer(text)
    )
    # (a worded date in a translation in brackets is the writer's gloss, not the letter's style: a Spanish letter's
    # "[from April 1, 2027 through ...]" shows nothing of its own order, the thirty-first set's safety pass)
    month |= any(
        not (m.start() < end and m.end() > start) and not _glossed(text, m.start(), m.end())
        for m in _WORDED_MONTH_FIRST.finditer(text)
    )
    return day, month, worded_day


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")


def cyrillic(text: str) -> bool:
    """The letter is written in a Cyrillic script (Ukrainian, Russian, Bulgarian, Serbian ...): a third of its letters
    or more are Cyrillic, sixty or more. Every country writing Cyrillic prints its dotted dates day first ("Дата
    народження: 03.11.1967" is 3 November; the thirtieth set's safety pass). A Cyrillic name quoted in an English
    letter is not enough."""
    cyr = len(_CYRILLIC.findall(text))
    return cyr >= 60 and 3 * cyr >= len(_LETTER.findall(text))


def reread(text: str, start: int, end: int, read: date, *, birth: bool = False) -> tuple[bool, date | None]:
    """(whether the letter's own dates decide, the birth date then: day first, or None to leave it empty) for a birth
    date printed at ``text[start:end]`` and read month first as ``read``; (False, read) when nothing changes."""
    printed = _AMBIGUOUS.fullmatch(text[start:end].strip())
    if printed is None or _PATTERN.search(text):
        return False, read
    a, b = int(printed.group("a")), int(printed.group("b"))
    if a == b or a > 12 or b > 12 or (read.month, read.day) != (a, b):
        return False, read  # no doubt, or not read month first
    day, month, worded_day = _shown(text, printed.group("s"), start, end)
    day |= printed.group("s") == "." and cyrillic(text)
    if birth and not (day or month or worded_day) and printed.group("s") == "." and len(printed.group("y")) == 4:
        return True, None  # a dotted birth date ("09.01.1961") on a letter whose dates settle nothing: a US letter
        # seldom prints dots, most countries that do print day first; left empty, never guessed (the thirtieth set)
    if month or not (day or worded_day):
        return False, read
    if day:
        return True, dates.calendar_day(str(read.year), str(b), str(a))
    return True, None


def period(text: str, span: tuple[Any, Any], warnings: list[str]) -> tuple[Any, Any]:
    """The approved period's two dates (hits on ``text``), each numeric one whose day and month could be swapped read
    as :func:`reread` reads a birth date (the thirtieth set's safety pass: "Vigencia: del 01/05/2027 al 31/07/2027" read
    as 5 January); a date the letter's own dates cannot settle is left None, with a warning."""
    out = []
    for hit in span:
        if hit is not None and isinstance(hit.value, date) and 0 <= hit.start < hit.end <= len(text):
            decided, day = reread(text, hit.start, hit.end, hit.value)
            if decided and day is None:
                warnings.append(
                    "a date of the approved period could have its day and month swapped and the letter's own dates do "
                    "not settle them: left empty; read it on the letter"
                )
                hit = None
            elif decided:
                hit = type(hit)(day, hit.start, hit.end, hit.note)
        out.append(hit)
    return out[0], out[1]
