"""An XML element's value cut by a fax's line wrap ("<EndDate>2027-09-3" over "0</EndDate>"): the element opens on
one line and closes on the next, its value's last digits alone before the closing tag. The digits are moved back to
the value (the text keeps its length: the line break moves after them), so the date is read whole, never as its
first digits ("2027-09-3" read as 3 September) (issue 18, twenty-third set).

Guards: a value whose element closes on its own line is unchanged; digits before another element's closing tag
(not the one opened on the line above) are unchanged; letters (not digits) at the wrap are unchanged."""

from __future__ import annotations

import re

_CUT = re.compile(r"(<(?P<t>[A-Za-z][\w:.\-]*)(?:[ \t][^<>\n]*)?>[^<>\n]*\d)\n(?P<rest>\d{1,3})(?=[ \t]*</(?P=t)[ \t]*>)")


def joined(text: str) -> str:
    """The text with each element's value cut by a wrap joined again (same length)."""
    return _CUT.sub(lambda m: m.group(1) + m.group("rest") + "\n", text)
