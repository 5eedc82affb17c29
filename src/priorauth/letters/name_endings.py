"""A name's spelling variants in its last syllable ("Jonathon" and "Jonathan", "Halvorsen" and "Halvorson", "Petersen"
and "Peterson"): one vowel before the final "n" after "th", "s" or "m" differs, and each spelling is another
person's name as a record holds it. OCR's one-letter misread is tolerated in a fax's name, never this: a letter
for "Jonathon" filed in the case of "Jonathan" is flagged (issue 18, twenty-third set).

Guard: any other one-letter difference ("Jonalhan" of "Jonathan") is still a misread."""

from __future__ import annotations

import re

_ENDING = re.compile(r"(?:th|s|m)[aeo]n$")


def variant(a: str, b: str) -> bool:
    """a and b (same length, lower case) differ only in the vowel of such an ending."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1 and diff[0] == len(a) - 2 and bool(_ENDING.search(a)) and bool(_ENDING.search(b))
