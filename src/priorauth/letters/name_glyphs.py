"""A name OCR may have read as another name: a word of it read under :data:`priorauth.letters.patient.SURE` whose
glyph a fax's OCR confuses with another letter of the alphabet (the twenty-eighth safety pass). Its reading is not
given as a value (a wrong name is worse than an empty one); it stays a weak reading, compared with the case's
(:func:`priorauth.letters.patient.compare`), so a real other patient is still flagged.

The glyph: a capital ``I`` or ``J`` opening a word, which a fax's serif font prints alike ("Jain" of "Iain"). (A vowel
with a mark, "Anténio" of "Antônio", is not doubted: OCR reads marks unsurely on right names as often, "é" for "è" or
"ė", which accents folded are the same name; doubting them emptied right names on the twenty-fifth and
twenty-seventh sets' faxes.)

A word read at :data:`~priorauth.letters.patient.SURE` or more is taken as read; a text-layer PDF is never doubted. A word
opening with a small "l" beside capitalised words ("Kumar lyer") is doubted whatever its confidence (the twenty-ninth
pass): a name's word is printed with a capital, only its particles ("la", "le", "los") are small."""

from __future__ import annotations

import re
from collections.abc import Callable

_LOOK_ALIKE = re.compile(r"\b[IJ](?=[a-z])")
_WORD = re.compile(r"[^\s,]+")
# (the twenty-ninth pass) a word of a name opening with a small "l" in a name whose other words are capitalised: a fax's
# "l" for a capital I or T ("Rajesh Kumar lyer", "Sione lupou Fifita"), whatever OCR's confidence; a particle ("la", "le",
# "los", "las", "lo") is a name's own small word
_SMALL_L = re.compile(r"^l(?=[a-z])(?!(?:a|e|os|as|o)$)")


def doubtful(name: str, start: int, confidence: Callable[[int, int], float], sure: float) -> bool:
    """A word of the name (read at ``start`` in the letter's text) holds a look-alike glyph and was read under ``sure``
    (``confidence(start, end)`` is OCR's word confidence over a span, 0-1)."""
    words = list(_WORD.finditer(name))
    if any(_SMALL_L.match(w.group(0)) for w in words) and any(w.group(0)[:1].isupper() for w in words):
        return True
    return any(
        _LOOK_ALIKE.search(w.group(0)) and confidence(start + w.start(), start + w.end()) < sure
        for w in words
    )
