"""A reason's label a fax split from its colon with a stray mark (issue 18's twenty-fourth set, its safety pass).

A form's aligned ``Reason              : <text>`` came back from the fax as ``Reason _ : <text>``: the column of blanks
read as an underscore. No reason label allows a mark between the word and its colon, so the reason was read from
the next sentence that sounded like one (a disclaimer, "Cashless denial is not a rejection ...": a **wrong** reason).
The label opening its line (``Reason``, ``Reasons``, ``Denial reason``), one or two stray marks (``_ . , ' ` ~``)
between blanks, its colon: the reason is its text up to the paragraph's end.

Guards: the label inside a sentence, a mark with no blank before it (``Reason_code:``), a label with nothing after
its colon, a value shorter than 15 characters.

The twenty-third pass met the same damage on other labels: an aligned ``Approved quantity   : 720 tablets`` came back
as ``Approved quantity  |: 720 tablets``, the column of blanks read as a bar hugging the colon. :func:`unbarred`
blanks such a bar (same length), so every label rule reads the label. Guards: a line with another bar (a table's
row, ``| Quantity |: ...``), a bar with no blank before it or no colon right after it, a bar at the line's start."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit

_LABEL = re.compile(
    r"^[ \t|]*(?i:(?:denial[ \t]+)?reasons?)[ \t]+[_.,'‘’`~]{1,2}[ \t]*:[ \t]*(?=\S)",
    re.M,
)


def reason(text: str) -> Hit | None:
    """The reason after a label a fax gave a stray mark before its colon, up to its paragraph's end."""
    for m in _LABEL.finditer(text):
        end_para = re.search(r"\n[ \t]*\n|\f", text[m.end() :])
        end = m.end() + (end_para.start() if end_para else len(text) - m.end())
        end = m.end() + len(text[m.end() : end].rstrip())
        if end - m.end() >= 15:
            return Hit(" ".join(text[m.end() : end].split()), m.end(), end)
    return None


# one bar between a label's last word (and a blank) and its colon: "Approved quantity  |: 720 tablets"
_BAR_COLON = re.compile(r"(?<=[A-Za-z.)])[ \t]+(?P<bar>\|)(?=:)")
# (the twenty-seventh pass) the same column read as one underscore before the colon: "Nomor _ :", "Nama Peserta_  :" (a
# blank on one side at least: "Reason_code:" is a name, never changed)
_UNDERSCORE_COLON = re.compile(r"(?<=[A-Za-z])(?:[ \t]+(?P<u1>_)[ \t]*|(?P<u2>_)[ \t]+)(?=:)")


# (the twenty-ninth set's safety pass) the same column read as a lone dash between blanks before the colon: "Member No. —
# : PG-0000-2209" (an em or en dash only, one on the line: a hyphen is an id's or a range's)
_DASH_COLON = re.compile(r"(?<=[A-Za-z.])[ \t]+(?P<d>[—–])[ \t]+(?=:)")


def unbarred(text: str) -> str:
    """``text`` with a lone bar a fax put before a label's colon blanked (same length); a line with another bar
    is a table's and stays."""
    out = []
    for line in text.split("\n"):
        if line.count("|") == 1 and (m := _BAR_COLON.search(line)):
            line = line[: m.start("bar")] + " " + line[m.end("bar") :]
        if line.count("_") == 1 and (u := _UNDERSCORE_COLON.search(line)):
            g = "u1" if u.group("u1") else "u2"
            line = line[: u.start(g)] + " " + line[u.end(g) :]
        if len(re.findall("[—–]", line)) == 1 and (d := _DASH_COLON.search(line)):
            line = line[: d.start("d")] + " " + line[d.end("d") :]
        out.append(line)
    return "\n".join(out)
