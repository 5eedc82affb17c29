"""A fax's "1D" for the "ID" of a member's label (the thirtieth pass): OCR reads the capital I of "Member ID:" as a one
or a small l ("Member 1D: RMH...", "Member lD: ..."), or a speck before it as a bracket ("Member [1D RVH..."), so the
label is no label and the id beside it is never read. The label's "ID" is put back (the text keeps its length: every
span holds), after the member's role only.

Read only on a fax's OCR text. Guards: "1D" after any other word ("Stage 1D", "Form 1D", "Box 1D") and "1D" glued to a
word ("Member1D") are left as printed; the id after the label is read by the member id's own rules, its confidence
OCR's."""

from __future__ import annotations

import re

_ROLE = r"(?:member|patient|subscriber|enrollee|beneficiary|cardholder|medicare|medicaid)"
_MISREAD = re.compile(rf"(?P<role>\b{_ROLE}[ \t])(?P<lead>[\[(|][ \t]?|)(?P<one>[1l|])(?=D\b)", re.I)


def repaired(text: str) -> str:
    """The text with a member's label "1D" (or "[1D") read as "ID" (same length)."""
    if "1D" not in text and "lD" not in text and "|D" not in text:
        return text
    return _MISREAD.sub(lambda m: m.group("role") + " " * len(m.group("lead")) + "I", text)
