"""A fax's speck read as a symbol between a label's colon and a name (the twenty-ninth pass): "Member name: © Patricia
A. ...". The "©" (or "®") is no part of what was printed; it is blanked (the text keeps its length: every span holds),
so the name after it is read.

Read only on a fax's OCR text. Guards: a symbol glued to an id ("©HP-0001", OCR's © for a C: read as it is by the
number's rules, never proposed) or with no blank after it, a symbol before a word in small letters, a symbol not right
after a label's colon, are left as printed.

The thirtieth pass: a fax's "=" or "~" between a label's colon and a value that opens with a capital or a digit ("Plan
auth ID: = QH-0000000", a speck or a rule's end read as a sign) is blanked the same way; glued to the colon or to the
value ("ID:=QH-...", "=QH-..."), or before small letters, it stays. And a bracket that closes nothing, glued to the end
of the name after a patient's label ("Member: June T. Okafor)   Member #: ..."), is blanked; a bracket that closes one
opened on its line ("June Okafor (Jr.)"), one after a digit ("IWH-66)", an id cut: its own rule's), or not before a
column gap or the line's end, stays."""

from __future__ import annotations

import re

_SYMBOL = re.compile(r"(?<=:)[ \t]+[©®][ \t]+(?=[A-Z][a-z])")
_SIGN = re.compile(r"(?<=:)[ \t]+[=~][ \t]+(?=[A-Z0-9])")
_UNOPENED = re.compile(
    r"^(?P<head>[ \t]*(?:member|patient|enrollee|beneficiary|name|re)(?:[ \t]+name)?[ \t]*:[ \t]*[A-Z][^\n()]*?[a-z]{2})\)(?=[ \t]{2,}|[ \t]*$)",
    re.I | re.M,
)


def blanked(text: str) -> str:
    """The text with a fax's speck between a label's colon and a name, or a sign before a value, blanked (same length)."""
    text = _SYMBOL.sub(lambda m: " " * len(m.group(0)), text) if ("©" in text or "®" in text) else text
    text = _SIGN.sub(lambda m: " " * len(m.group(0)), text) if ("=" in text or "~" in text) else text
    return _UNOPENED.sub(lambda m: m.group("head") + " ", text) if ")" in text else text
