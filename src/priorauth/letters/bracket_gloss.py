"""A letter's translation in square brackets (issue 18's twenty-ninth set, the twenty-eighth pass): a letter in its own
language glosses its lines in English, ``Razlog: ni predložen izvid ...`` then ``[Reason: no KRAS G12C mutation test
result submitted]``. The gloss is the writer's translation, never the letter's words: a denial reason read inside it is
not proposed (the reason is read in the letter's language, or left empty with a warning to read it on the letter).

A reason followed by its translation on the same line (a fax that joined the lines, ``... de la poliza [the drug falls
within ...]``) is read without the bracketed tail.

Guards: only a reason that opens inside an unclosed ``[`` on its line, or that closes a bracket it never opened; a
bracket closed before the reason changes nothing; a tail is cut only when it is the reason's last bracket, running to
the end."""

from __future__ import annotations

import re


def inside(text: str, start: int, value: str = "") -> bool:
    """``text[start]`` is inside a square bracket opened on its line and not yet closed, or the reason read from there
    (``value``) closes a bracket it never opened (a gloss a fax wrapped: its "[" on the line above)."""
    seg = text[text.rfind("\n", 0, start) + 1 : start]
    return seg.rfind("[") > seg.rfind("]") or (value.rstrip(" .").endswith("]") and "[" not in value and "(" not in value)


# a translation in brackets after the reason, on its line or wrapped onto it at fax: "... de la poliza [the drug ...]"
_TRAILING = re.compile(r"[ \t\n]*\[[^\[\]]*\]?[ \t.]*$")


def without_gloss(value: str) -> str:
    """``value`` without a bracketed translation that ends it (the reason's own words before it)."""
    if value.rstrip(" .").endswith("]") and "[" not in value and "(" in value:
        return value[: value.rindex("(")].rstrip()  # a fax read the gloss's "[" as "(": "... remboursables (Reason: ...]"
    return _TRAILING.sub("", value) if "[" in value else value
