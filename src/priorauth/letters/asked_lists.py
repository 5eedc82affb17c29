"""Two lists of what a pended letter asks for that :func:`priorauth.letters.fields.requested` misread (issue 18's
twenty-second set, safety pass):

* a portal's list under a heading of what is outstanding ("Outstanding documents", "Missing items", "Documents
  needed"), each row opening with its action button ("[Upload]  Most recent progress note ...", at fax "(Upload)");
  a row marked received ("✓ Received 06/01/2027  KRAS G12C test report", at fax "Y Received") is not asked;
* a request label that ends its line ("Please send:", "We need the following:", "Send us:") with a blank line
  before its bulleted list ("  • a supporting statement ..."): every bullet line of the run (a wrapped line
  joined to its item); at fax a bullet may read as another glyph ("¢", "«", "©", "°", "e"): read as a bullet
  when another line of the run has a true one.

Guards: a heading's row with no action button, or marked received or on file, is no item; a label followed by
prose (no bullet line) is left to the other readers; a run of glyph lines with no true bullet is no list."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, M

_OUTSTANDING = re.compile(
    r"^[ \t]*(?:outstanding|missing|required|needed|pending|requested)[ \t]+(?:documents?|items?|information|records)"
    r"|^[ \t]*(?:documents?|items?|information|records)[ \t]+(?:needed|required|outstanding|missing)",
    M,
)
_ACTION = re.compile(r"^[ \t]*[\[(][ \t]*(?:upload|attach|send|add|submit)[ \t]*[\])][ \t]*(?P<item>\S[^\n]*?)[ \t]*$", M)
_RECEIVED = re.compile(r"\b(?:received|on[ \t]+file|accepted)\b", M)
_LABEL = re.compile(
    r"(?:please[ \t]+(?:send|provide|submit|fax)(?:[ \t]+us)?|send[ \t]+us|we[ \t]+need(?:[ \t]+the[ \t]+following)?)"
    r"(?:[ \t]+the[ \t]+following(?:[ \t]+(?:items?|documents?|information))?)?[ \t]*:[ \t]*\n[ \t]*\n",
    M,
)
_TRUE = "•*·▪‣◦●\x7f–-"  # (a bullet the PDF's font lacks reads as U+007F)
_GLYPH = "¢«©°e"
_BULLET = re.compile(rf"^(?P<ind>[ \t]*)(?P<b>[{re.escape(_TRUE + _GLYPH)}])[ \t]+(?P<item>\S[^\n]*?)[ \t]*$", M)


def _outstanding(text: str) -> list[Hit]:
    for h in _OUTSTANDING.finditer(text):
        if text.find("\n", h.end()) < 0:
            continue
        items: list[Hit] = []
        pos = text.find("\n", h.end()) + 1
        for line in text[pos:].split("\n"):
            if not line.strip():
                break
            m = _ACTION.match(text, pos, pos + len(line))
            if m and not _RECEIVED.search(m.group("item")):
                items.append(Hit(" ".join(m.group("item").split()), m.start("item"), m.end("item")))
            pos += len(line) + 1
        if items:
            return items
    return []


def _bullets(text: str) -> list[Hit]:
    for lab in _LABEL.finditer(text):
        pos = lab.end()
        while pos < len(text) and text[pos] in " \t\n":  # more blank lines
            pos += 1
        pos = text.rfind("\n", 0, pos) + 1
        items: list[list[int]] = []
        true = False
        for line in text[pos:].split("\n"):
            m = _BULLET.match(text, pos, pos + len(line))
            if m:
                true = true or m.group("b") in _TRUE
                items.append([m.start("item"), m.end("item")])
            elif items and line.strip() and line[:1] in " \t" and line.lstrip()[:1] not in _TRUE + _GLYPH:
                items[-1][1] = pos + len(line.rstrip())  # a wrapped line of the item above
            else:
                break
            pos += len(line) + 1
        if items and true:
            return [Hit(" ".join(text[a:b].split()), a, b) for a, b in items]
    return []


def requested(text: str) -> list[Hit]:
    """The items of a portal's outstanding list, else of a blank-separated bulleted list after a request label."""
    return _outstanding(text) or _bullets(text)
