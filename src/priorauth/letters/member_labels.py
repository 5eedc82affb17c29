"""Member ids under labels :func:`priorauth.letters.fields.patient` did not read (issue 18's twenty-first set), tried
only where it read none:

* a national health number printed as the member's (``NHS number: 401 227 6185``, ``Health card no.:``);
* a Spanish membership label (``Nº de afiliación:``, ``Nº de tarjeta:``, ``Número de afiliado:``, ``Nº de
  tarjeta sanitaria:``, at fax ``N2 de``; the member's card, ``Carné No.:``, ``Nº de carné:``);
* a bilingual label whose English half names the member's id and whose translation follows a slash
  (``Medicaid ID / Número de Medicaid:  5550-2093-4418``).

The value is an id with a digit (letters, digits, hyphens, single blanks before a digit), up to the line's end or a
column gap. Guards: a label of another thing's number (``Número de autorización``, ``Nº de expediente``, a
prescriber's ``NPI / Número``) is not read; a value with no digit, or a date, is not an id."""

from __future__ import annotations

import re

from priorauth.letters.spans import I, M

_VALUE = r"(?<![A-Za-z0-9\-])(?P<v>(?=[A-Z0-9\- ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)| (?=[A-Z]{1,3}\d)){3,24})(?![A-Za-z0-9/])"
_NATIONAL = r"NHS[ \t]+(?:number|no\.?)|health[ \t]+card[ \t]+(?:number|no\.?)"
_SPANISH = (
    r"(?:n\.?[ \t]*[º°o2]\.?|n[uú]m(?:ero|\.)?)[ \t]+de[ \t]+"
    r"(?:afiliaci[oó6]n|afiliad[oa]|tarjeta(?:[ \t]+sanitaria)?|asegurad[oa]|beneficiari[oa]|socio|carn[eé]t?)"
    # the member's card, its number after it ("Carné No.:", "Carné:", "Carnet n°": the thirtieth set's safety pass)
    r"|carn[eé]t?(?:[ \t]+(?:n\.?[ \t]*[º°o2]\.?|no\.|n[uú]m(?:ero|\.)?|#))?(?=[ \t]*:)"
)
# the English half of a bilingual label: the member's id ("Medicaid ID", "Member number"), then "/ <translation>"
# (its translation's words end at a column gap or a table's bar: "Member ID / رقم العضوية  | SA-000000-9021", never
# inside the id, whose tail is no id: the thirtieth set's safety pass)
_BILINGUAL = (
    r"(?:member|medicaid|medicare|subscriber|enrollee|recipient)[ \t]+(?:ID|number|no\.?|#)[ \t]*/[ \t]*"
    r"[^\s:/|](?:[^\s:/|]|[ \t](?=[^\s:/|])){1,39}(?:[ \t]*\|)?"
)
_LABEL = re.compile(
    rf"^[ \t|]*(?:{_NATIONAL}|{_SPANISH}|{_BILINGUAL})[ \t]*:?[ \t]*{_VALUE}(?=[ \t]{{2,}}|[ \t]*$)",
    M | I,
)
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}")


def member_id(text: str) -> re.Match[str] | None:
    """The first member id under one of the module's labels, or None."""
    for m in _LABEL.finditer(text):
        if not _DATE.fullmatch(m.group("v").strip()):
            return m
    return None
