"""Pleading paper: every line of a page numbered in its left margin ("1  FERNCASTLE MUTUAL", "4", "10  Member: ..."),
the numbers blanked so each line reads as the letter's own (the same length: every span holds).

Issue 18's nineteenth set printed a two-page letter so: its list of records ("(i) molecular report ...") under a
heading on page 2 read with the margin's numbers as words of the items. Only a page whose lines are numbered 1, 2,
3, ... in order (eight lines or more, nearly every line of the page) is so read; a numbered list inside a letter
numbers a few lines, never its every line from the first."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^(?P<n>[ \t]*(?P<d>\d{1,2}))(?=[ \t]{2,}\S|[ \t]*$)")


def _page(page: str) -> str:
    lines = page.split("\n")
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    numbered = [m for i, line in enumerate(lines) if (m := _NUMBER.match(line)) and int(m.group("d")) == i + 1]
    if len(numbered) < 8 or len(numbered) < 0.9 * len(lines):
        return page
    out = page.split("\n")
    for i, line in enumerate(out[: len(lines)]):
        if (m := _NUMBER.match(line)) and int(m.group("d")) == i + 1:
            out[i] = " " * len(m.group("n")) + line[m.end("n") :]
    return "\n".join(out)


def unnumbered(text: str) -> str:
    """The text with each pleading page's margin numbers blanked; any other page as it is."""
    return "\f".join(_page(p) for p in text.split("\f")) if re.search(r"^[ \t]*[1-9][ \t]{2,}\S", text, re.M) else text
