"""A name OCR may have read as another name: a word of it read under :data:`priorauth.letters.patient.SURE` whose
glyph a fax's OCR confuses with another letter of the alphabet (the twenty-eighth safety pass). Its reading is not
given as a value (a wrong name is worse than an empty one); it stays a weak reading, compared with the case's
(:func:`priorauth.letters.patient.compare`), so a real other patient is still flagged.

The glyph: a capital ``I`` or ``J`` opening a word, which a fax's serif font prints alike ("Jain" of "Iain"). (A vowel
with a mark, "Anténio" of "Antônio", is not doubted: OCR reads marks unsurely on right names as often, "é" for "è" or
"ė", which accents folded are the same name; doubting them emptied right names on the twenty-fifth and
twenty-seventh sets' faxes.)

A word read at :data:`~priorauth.letters.patient.SURE` or more is taken as read; a text-layer PDF is never doubted."""

from __future__ import annotations

import re
from collections.abc import Callable

_LOOK_ALIKE = re.compile(r"\b[IJ](?=[a-z])")
_WORD = re.compile(r"[^\s,]+")


def doubtful(name: str, start: int, confidence: Callable[[int, int], float], sure: float) -> bool:
    """A word of the name (read at ``start`` in the letter's text) holds a look-alike glyph and was read under ``sure``
    (``confidence(start, end)`` is OCR's word confidence over a span, 0-1)."""
    return any(
        _LOOK_ALIKE.search(w.group(0)) and confidence(start + w.start(), start + w.end()) < sure
        for w in _WORD.finditer(name)
    )
