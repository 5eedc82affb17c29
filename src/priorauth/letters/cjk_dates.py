"""A date of birth written the Japanese, Chinese or Korean way (issue 18's twenty-fourth set, its safety pass).

A Japanese payer's bilingual form prints ``生年月日 (Date of birth):   1950年6月12日``: the year, month and day
each followed by its character (年 月 日; Korean 년 월 일). No date reader knew the shape, so the birth date was never
read and a letter about another patient (born a year apart) was not flagged. A PDF whose font lacks the characters
gives each as the missing glyph's box (``1950■6■12■``): the same shape, the year first and a box after the day too. Read only on the line of a birth label
(``生年月日``, ``出生日期``, ``생년월일``, ``Date of birth``, ``DOB``, ``Birth date``), a four-digit year.

Guards: a box missing after the day (``1950■6■12``), a day-first or month-first date; an era year (``昭和25年``: two digits, its era not read) reads nothing; a date on another line than its label;
a date that is no calendar day."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.spans import Hit

_BIRTH = re.compile(
    r"(?:生年月日|出生日期|생년월일|(?i:date[ \t]+of[ \t]+birth|DOB|birth[ \t]*date))[^\d\n]{0,40}?"
    r"(?P<d>(?P<yy>\d{4})[ \t]*[年년■][ \t]*(?P<mm>\d{1,2})[ \t]*[月월■][ \t]*(?P<dd>\d{1,2})[ \t]*[日일■])"
)


def birth(text: str) -> Hit | None:
    """The first date of birth in the year-month-day characters' shape; None when none, or it is no calendar day."""
    for m in _BIRTH.finditer(text):
        born = dates.calendar_day(m.group("yy"), m.group("mm"), m.group("dd"))
        return None if born is None else Hit(born, m.start("d"), m.end("d"))
    return None
