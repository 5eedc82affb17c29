"""A letter written in French prints its numeric dates day first, said or not (issue 18's twenty-third set, the
twenty-second pass).

A mutuelle's approval printed ``Durée de validité : du 09/08/2027 au 08/02/2028 inclus`` under a birth date noted
``(jj/mm/aaaa)``. At digital the note made :func:`priorauth.letters.fields.day_first` read every date day first; at
fax OCR read the note ``(@j/mm/aaaa)``, nothing said the order any more, and the period was read as 8 September to
2 August: a wrong period, once the French decision label opened the letter's outcome. French writes numeric dates
day first; a letter is taken as French when it shows at least two of its marks: a French letter date ("le 4 août
2027", "Paris, le 12 janvier 2027"), ``Objet :``, a French patient or member label (``Adhérent(e) :``, ``Né(e)
le``, ``N° d'adhérent``, ``Assuré(e) :``), the ``médecin-conseil``'s signature, a French courtesy formula (``Nous
vous prions d'agréer``, ``Veuillez agréer``).

Guards: one mark alone (a French word quoted in an English letter, a bilingual label) reads nothing; a letter that
says its dates are month first (``mm/jj/aaaa``, ``MM/DD/YYYY``) is read as it says; dates already said day first are
:func:`fields.day_first`'s (this rule only answers when nothing was said)."""

from __future__ import annotations

import re

_MONTHS = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)"
_MARKS = (
    re.compile(rf"\ble\s+\d{{1,2}}(?:er)?\s+{_MONTHS}\s+\d{{4}}\b", re.I),
    re.compile(r"^[ \t]*Objet[ \t]*:", re.M),
    re.compile(
        r"\b(?:Adh[ée]rent|Assur[ée])(?:\(e\)|e)?[ \t]*:|\bN[ée](?:\(e\)|e)?[ \t]+le\b|\bN[°º][ \t]*d['’][ \t]*adh[ée]rent\b"
    ),
    re.compile(r"\bm[ée]decin[- ]conseil\b", re.I),
    re.compile(r"\b(?:nous\s+vous\s+prions|veuillez)\s+d['’]agr[ée]er\b", re.I),
)
_MONTH_FIRST = re.compile(r"\b(?:mm|MM)[/.\-](?:jj|JJ|dd|DD)[/.\-](?:aaaa|AAAA|yyyy|YYYY)\b")


def day_first(text: str) -> bool:
    """The letter is written in French (two of its marks or more) and does not say its dates are month first."""
    return sum(bool(m.search(text)) for m in _MARKS) >= 2 and not _MONTH_FIRST.search(text)
