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
:func:`fields.day_first`'s (this rule only answers when nothing was said).

The twenty-sixth set's safety pass added Portuguese, written day first in Portugal and Brazil alike: a Portuguese
insurer's refusal printed ``Data de nascimento: 02-12-1958`` with no note, read as 12 February, and flagged this
patient's letter as another's. Its marks: a Portuguese letter date ("22 de março de 2027"), ``Data de nascimento:``,
a Portuguese insured-person label (``Beneficiário:``, ``Pessoa segura:``, ``Segurado(a):``, ``carteirinha``),
``Assunto:``, a Portuguese courtesy formula (``Atenciosamente``, ``Com os melhores cumprimentos``, ``Exmo./Exma.``).
Guards as for French: two marks of one language, never one; a month-first statement wins. Spanish is left out on
purpose: letters in Spanish from US plans print their dates month first."""

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
_MONTHS_PT = r"(?:janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)"
_MARKS_PT = (
    re.compile(rf"\b\d{{1,2}}\s+de\s+{_MONTHS_PT}\s+de\s+\d{{4}}\b", re.I),
    re.compile(r"\bData[ \t]+de[ \t]+nascimento[ \t]*:"),
    re.compile(r"^[ \t]*(?:Benefici[áa]ri[oa]|Pessoa[ \t]+segura|Segurad[oa](?:\(a\))?)[ \t]*:|\bcarteirinha\b", re.M | re.I),
    re.compile(r"^[ \t]*Assunto[ \t]*:", re.M),
    re.compile(r"\b(?:Atenciosamente|Com[ \t]+os[ \t]+melhores[ \t]+cumprimentos|Exm[oa]\.?[ \t]+Senhor[a]?)\b"),
)
# each language that writes its numeric dates day first, by its marks
_LANGUAGES = {"French": _MARKS, "Portuguese": _MARKS_PT}
_MONTH_FIRST = re.compile(r"\b(?:mm|MM)[/.\-](?:jj|JJ|dd|DD)[/.\-](?:aaaa|AAAA|yyyy|YYYY)\b")


def day_first(text: str) -> bool:
    """The letter is written in French or Portuguese (two of one language's marks or more) and does not say its
    dates are month first."""
    written = any(sum(bool(m.search(text)) for m in marks) >= 2 for marks in _LANGUAGES.values())
    return written and not _MONTH_FIRST.search(text)
