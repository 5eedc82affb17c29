"""A printout's dot leaders a fax read as a dash (the twenty-ninth pass): a mainframe letter's aligned ``EFF
DATE.......: 19-MAR-2027`` came back as ``EFF DATE _ - 19-MAR-2027``, ``MEMBER NAME. - HOLLIS W. GRANT``, ``LIMIT  —- QL
8/day``, ``MEMBERID ~~ - X...``, ``MEMBER NAME_-  ...``, ``DRUG  * LUMAKRAS ...``: the leader's dots lost, one dash (and a stray dot or underscore) left, and no label rule reads a label before a
lone dash. In a run of such lines, the dash becomes the colon it stood for and the marks before it blanks (the text keeps
its length: every span holds).

Guards: only lines that open with a label in capitals (two to thirty characters: letters, digits, blanks, ``/``, ``#``,
``.``), then blanks, one or two dashes, blanks and a value; only in a run of three such lines or more (one blank line
between allowed): a heading "PRIOR AUTHORIZATION - DENIAL" alone, a range "3/18/27 - 9/17/27", a label's own hyphen
("E-MAIL") are left as printed."""

from __future__ import annotations

import re

_LINE = re.compile(
    r"^(?P<label>[ \t]*[A-Z][A-Z0-9 /#.]{1,29}?)(?P<junk>(?:[ \t]*[._~]{1,2})?[ \t]*(?:[-—–]{1,2}:?|\*))[ \t]+(?=\S)", re.M
)


def colons(text: str) -> str:
    """The text with a run of capital labels' dash leaders read as colons (same length)."""
    found = [m for m in _LINE.finditer(text) if not m.group("label").rstrip().endswith(("-", ":"))]
    if len(found) < 3:
        return text
    runs: list[list[re.Match[str]]] = [[found[0]]]
    for m in found[1:]:
        gap = text[runs[-1][-1].end() : m.start()].count("\n")
        (runs[-1].append(m) if gap <= 2 else runs.append([m]))
    out = list(text)
    for run in runs:
        if len(run) < 3:
            continue
        for m in run:
            a, b = m.span("junk")
            out[a : b - 1] = " " * (b - 1 - a)
            out[b - 1] = ":"
    return "".join(out)
