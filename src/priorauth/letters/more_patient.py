"""The patient in a Czech, Turkish or Finnish letter (issue 18's twenty-fifth set, its safety pass).

Payers in these countries print the patient as a label block no reader knew: ``Pojištěnka:`` / ``Datum narození:`` /
``Číslo pojištěnce:`` (Czech), ``Sigortalı:`` / ``Doğum tarihi:`` / ``Üye no:`` (Turkish), ``Jäsen:`` / ``Syntymäaika:``
/ ``Jäsennumero:`` (Finnish). The letter's patient was never read, so a letter about another patient (one letter of the
surname, or the day of birth, different) was not flagged. The name: the label opening its line, a colon, two to four
capitalised words ending the line or before a column gap. The date of birth: the label and a dotted date, day first
as all three languages write it (``19. 1. 1963``, ``03.11.1961``, ``2.5.1957``). The member number: the label and an id
with a digit. A digital letter whose font lacks a letter (``ě``, ``ğ``, ``ı``) reads it as a box (``■``): a label's
letter may be that box; a name holding one is left empty (it cannot be compared with the case's), its label still
known so that no other rule reads a wrong name there.

Guards: ``Üye no:`` / ``Jäsennumero:`` are no name's labels (the colon must follow the name's noun), a label with
more words before its colon, a value with a digit or of one word, a label inside a sentence; a date that is no
calendar day reads nothing; a letter that says its dates' order (its dates rewritten month first,
``fields.day_first``) has its birth date read by the rules that heed that note, never here."""

from __future__ import annotations

import re

from priorauth.letters import nordic_patient
from priorauth.letters.spans import Hit

_WORD = r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’\-]*)"
_NAME_LABEL = (
    r"poji[šs■]t[ěeé■]n(?:ec|ka|ec/ka)|jm[ée]no[ \t]+poji[šs■]t[ěeé■]nce|pacientk?a?|"  # Czech
    r"sigortal[ıi■]|hasta|ad[ıi■][ \t]+soyad[ıi■]|"  # Turkish
    r"j[äa]sen|vakuutettu|potilas"  # Finnish
)
NAME = re.compile(
    rf"^[ \t|]*(?i:{_NAME_LABEL})[ \t]*:[ \t]*(?P<v>{_WORD}(?:[ \t]{_WORD}){{1,3}})(?=[ \t]*$|[ \t]{{2,}})",
    re.M,
)
_BIRTH = re.compile(
    r"^[ \t|]*(?i:datum[ \t]+narozen[íi]|do[ğg■]um[ \t]+tarihi|syntym[äa]aika|syntym[äa]p[äa]iv[äa])[ \t]*:?[ \t]*"
    r"(?P<d>(?P<dd>\d{1,2})\.[ \t]?(?P<mm>\d{1,2})\.[ \t]?(?P<yy>\d{4}))(?!\d)",
    re.M,
)
MEMBER_ID = re.compile(
    r"^[ \t|]*(?i:[čc■][íi]slo[ \t]+poji[šs■]t[ěeé■]n(?:ce|ky)|[üu]ye[ \t]+no|sigortal[ıi■][ \t]+no|"
    r"j[äa]sennumero|j[äa]sennro\.?|vakuutusnumero)[ \t]*:[ \t]*" + nordic_patient.MEMBER_VALUE,
    re.M,
)


def birth(text: str, order_said: bool) -> Hit | None:
    """The date of birth after a Czech, Turkish or Finnish label, read day first; None when there is none, it is no
    calendar day, or the letter said its dates' order (``order_said``) and day and month could be swapped."""
    return nordic_patient.day_first(_BIRTH, text, refuse_swappable=order_said)
