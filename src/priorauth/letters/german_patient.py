"""The patient's name in a German letter, after ``Versicherte/r:`` and a title (issue 18's twenty-third set, the
twenty-second pass).

Four Krankenkasse letters print their patient as ``Versicherte/r:   Frau Ingrid Beispiel``: the gender-inclusive
label (``Versicherte/r``, ``Versicherte(r)``) was no label the readers knew (they read ``Versicherter``,
``Versicherte Person``), and the title (``Herr``, ``Frau``) would be read as a name's word. The name: the label
opening its line (also ``Patient/in``, ``Patient(in)``), a colon, an optional title that is no part of the name,
then two to four capitalised words ending the line or before a column gap.

Guards: the main insured's label (``Hauptversicherte/r``, ``Versicherungsnehmer/in``: the holder, not the
patient), a label inside a sentence, a value with a digit (a number) or a single word read nothing."""

from __future__ import annotations

import re

_WORD = r"(?-i:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿß'’\-]*)"
NAME = re.compile(
    r"^[ \t|]*(?i:versicherte(?:/r|\(r\))|patient(?:/in|\(in\)))[ \t]*:[ \t]*(?:(?:Herr|Frau|Hr\.|Fr\.)[ \t]+)?"
    rf"(?P<v>{_WORD}(?:[ \t]{_WORD}){{1,3}})(?=[ \t]*$|[ \t]{{2,}})",
    re.M,
)
