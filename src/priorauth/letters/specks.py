"""A fax's speck read as a symbol between a label's colon and a name (the twenty-ninth pass): "Member name: © Patricia
A. ...". The "©" (or "®") is no part of what was printed; it is blanked (the text keeps its length: every span holds),
so the name after it is read.

Read only on a fax's OCR text. Guards: a symbol glued to an id ("©HP-0001", OCR's © for a C: read as it is by the
number's rules, never proposed) or with no blank after it, a symbol before a word in small letters, a symbol not right
after a label's colon, are left as printed."""

from __future__ import annotations

import re

_SYMBOL = re.compile(r"(?<=:)[ \t]+[©®][ \t]+(?=[A-Z][a-z])")


def blanked(text: str) -> str:
    """The text with a fax's speck between a label's colon and a name blanked (same length)."""
    return _SYMBOL.sub(lambda m: " " * len(m.group(0)), text) if ("©" in text or "®" in text) else text
