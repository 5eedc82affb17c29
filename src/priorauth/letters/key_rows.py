"""A portal's export printed as ``key|value`` rows with a system's snake_case keys (``authorization_id|2027...``,
``member_dob|1968-03-01``, ``auth_start|2027-04-01``): each row read as a label and its value, ``authorization id:
2027...`` (the twenty-ninth pass). The text keeps its length (an underscore becomes a blank, the row's first bar a
colon): every span holds.

Read only in an export: a ``field|value`` header over the rows, or three such rows or more in a run. Guards: a table
drawn with bars and spaced cells (``Status            | APPROVED``) is left as printed; a single ``a_b|c`` line in
prose, a path or a code is no export."""

from __future__ import annotations

import re

# a row: a lower-case key of words joined by underscores (or one word), a bar, its value on the same line
# (at fax a blank before an underscore, "member _name|", the bar read as "]" or followed by a stray "/": "|/2027...")
_ROW = re.compile(r"^(?P<key>[a-z][a-z0-9]*(?:[ \t]?_[a-z0-9]+)*)(?P<bar>[|\]])(?P<slash>/(?=[A-Za-z0-9]))?(?=[^\n|]*\S)", re.M)
_HEADER = re.compile(r"^(?:field|key|name)\|(?:value|val)[ \t]*$", re.M)


def labelled(text: str) -> str:
    """The text with an export's ``key|value`` rows read as ``key words:value`` (same length)."""
    rows = list(_ROW.finditer(text))
    if not rows:
        return text
    runs: list[list[re.Match[str]]] = [[rows[0]]]
    for m in rows[1:]:
        last = runs[-1][-1]
        between = text[text.find("\n", last.start()) + 1 : m.start()] if "\n" in text[last.start() :] else ""
        if text.find("\n", last.start()) + 1 == m.start() or not between.strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    out = list(text)
    for run in runs:
        start = run[0].start()
        header = _HEADER.search(text, max(0, text.rfind("\n", 0, max(0, start - 1)) + 1), start)
        snake = sum("_" in m.group("key") for m in run)
        if not (header or (len(run) >= 3 and snake >= 2)):
            continue
        for m in run:
            for i in range(m.start("key"), m.end("key")):
                if out[i] == "_":
                    out[i] = " "
            out[m.end("key")] = ":"
            if m.group("slash"):
                out[m.start("slash")] = " "
    return "".join(out)
