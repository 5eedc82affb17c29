"""A label glossed in brackets before its colon, as a US plan's Spanish letter prints it for an English reader
(``Núm. de autorización [auth. no.]:   AP-2027-...``, ``Paciente [patient]:   María ...``): the gloss blanked, so
the label is read as printed in its own language (``Núm. de autorización   :``) (the twenty-ninth pass). The text keeps
its length: every span holds. Read only for the fields the letter as printed left empty (the number, the patient's):
a gloss the rules read as an English label ("Ngày sinh [born]:", "... [please send us]:") is read as before.

Guards: only a bracket of words (letters, dots, blanks, an apostrophe or a hyphen; 2-30 characters) right after the
label's own words and right before its colon; a value's gloss after the colon ("DENEGADA [DENIED]"), a bracket holding
digits or a date, a bracket opening its line are left as printed."""

from __future__ import annotations

import re

_GLOSS = re.compile(r"(?<=[^\W\d_]|\.)[ \t]+\[[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+)*\.?\](?=[ \t]*:)")


def unglossed(text: str) -> str:
    """The text with a label's bracketed gloss before its colon blanked (same length)."""
    return _GLOSS.sub(lambda m: " " * len(m.group(0)), text) if "[" in text else text
