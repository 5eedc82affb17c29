"""The patient's name in a French letter, after ``Adhérent(e) :`` (issue 18's twenty-third set, the twenty-second
pass).

Four mutuelle letters print their patient as ``Adhérent(e) :  Mme Hélène Dupont-Martin`` over ``Né(e) le :
23/05/1951 (jj/mm/aaaa)``: no name label of the readers is French and the title (``Mme``, ``M.``) would be read as a
name's word. The name: a French patient label (``Adhérent(e)``, ``Assuré(e)``, ``Bénéficiaire``, ``Patient(e)``,
with or without ``(e)`` / ``e``) opening its line, a colon (a blank before it, as French prints it), an optional
title (``M.``, ``Mme``, ``Mlle``, ``Monsieur``, ``Madame``) that is no part of the name, then two to four
capitalised words ending the line or before a column gap. (The birth label's ``(e)`` is an alternative of
``patient_fields._DOB``'s ``né(e) le``: its date is read as every date of the letter is, in the order the letter says.)

Guards: a label inside a sentence, a value with a digit (an id: ``Adhérent : 204 775 918``), the holder's label
(``Assuré principal``, ``Assuré titulaire``) is not the patient's; a single word is no name."""

from __future__ import annotations

import re

_WORD = r"(?-i:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)"
NAME = re.compile(
    r"^[ \t|]*(?i:adh[ée]rent|assur[ée]|b[ée]n[ée]ficiaire|patient)(?:\((?i:e)\)|(?i:e))?(?![ \t]+(?i:principal|titulaire))"
    r"[ \t]*:[ \t]*(?:(?:M\.|Mme\.?|Mlle\.?|Monsieur|Madame|Mademoiselle)[ \t]+)?"
    rf"(?P<v>{_WORD}(?:[ \t]{_WORD}){{1,3}})(?=[ \t]*$|[ \t]{{2,}})",
    re.M,
)
