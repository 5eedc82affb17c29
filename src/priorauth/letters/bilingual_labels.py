"""A bilingual form's label: the English label, a slash, its gloss in the letter's other language, then the colon
(issue 18's twenty-ninth set, its safety pass): ``Beneficiary / Bénéficiaire      : Jean Bosco Habimana``, ``Date of
birth / Date de naiss.  : 26/01/1960``, ``Affiliation No. / N° d'affilié  : RW-...``. No patient rule read such a line
(a label's colon must follow its word; the gloss's "Date" stopped the date of birth's label), so a letter about another
patient was not checked against the case's. :func:`unglossed` blanks the gloss (same length, offsets kept), so the
patient rules read the English label.

Guards: the label opens its line and holds no digit; the slash has a blank on each side (``Broj polise/kartice:`` is
one label); the gloss is one to four words with no digit, no colon and no
second slash, right before the colon; a gloss that is itself an English patient label (``Subscriber / Patient:``, a
holder and a patient named apart) is kept as printed; a slash inside a value (``Date: 19/04/2027``) or a line with no
colon after the gloss is never changed."""

from __future__ import annotations

import re

_LINE = re.compile(
    r"^(?P<label>[ \t|]*[A-Za-z][A-Za-z.'’ \t]{1,30}?)(?P<gloss>[ \t]+/[ \t]+[^\W\d_][^:/\n\d]{0,30}?)(?=[ \t]*:)", re.M
)
_ENGLISH_ROLE = re.compile(
    r"\b(?:patient|member|subscriber|insured|policy\s?holder|enrollee|beneficiary|cardholder|dependent|name|ID)\b", re.I
)


def _blank(m: re.Match[str]) -> str:
    gloss = m.group("gloss")
    if len(gloss.split()) > 5 or _ENGLISH_ROLE.search(gloss):
        return m.group(0)
    return m.group("label") + " " * len(gloss)


def unglossed(text: str) -> str:
    """``text`` with each bilingual label's gloss blanked (same length)."""
    return _LINE.sub(_blank, text)
