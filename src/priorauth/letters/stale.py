"""Whether what stands at a place in a letter belongs to an earlier authorization (a previous, expired or
current-being-replaced one, a history block's row), never this request's. Shared by the number and the period
rules; split out of :mod:`priorauth.letters.fields` (issue 18's twenty-fourth pass)."""

from __future__ import annotations

import re

from priorauth.letters.spans import _STALE, _THIS_ROW, I, M

SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z][a-z])|\n[ \t]*\n")  # "PA No. AP-25-..." goes on


_STALE_ROW = re.compile(r"\b(?:expired|superseded|replaced|closed|cancell?ed|withdrawn|previous)\b", I)
_HISTORY = re.compile(r"\b(?:history|previous|earlier|past)\b", I)
# a heading naming this case's own record ("case history export", "case log"): its block is this request's, no history
_THIS_CASE = re.compile(r"\bcase\s+history\b", I)


# a renewal's letter names the authorization it replaces as the "current" one: "Current authorization:
# X (dates)" beside "Renewal authorization: Y"; where a new one is named, the current one's line is stale
_CURRENT_LINE = re.compile(
    r"^[ \t|'‘’`\".,:;_~-]*(?:current|existing|present|active|old)\s+(?:prior\s+)?(?:auth|approval|pa\b|special|coverage)",
    I | M,
)
_NEW_NAMED = re.compile(
    r"\b(?:new|renewal|renewed|revised|updated|replacement|continuation|extended)\s+(?:prior\s+)?"
    r"(?:auth\w*|approval|pa\b|period|coverage|number|special)",
    I,
)

# the same line named as the authorization already held (the thirty-second set's safety pass): "Prior authorization on
# file:", "Approval on record:", "PA in effect:" (stale only where the letter names a new one)
_ON_FILE_LINE = re.compile(
    r"^[ \t|'‘’`\".,:;_~-]*(?:prior\s+)?(?:auth\w*|approval|pa\b|coverage)\s+(?:on\s+(?:file|record)|in\s+(?:effect|place|force))\b",
    I | M,
)

# a renewal's "Your current approval for LUMAKRAS (no. X, valid a through b) ends soon": the approval it replaces
_CURRENT_ENDING = re.compile(r"\b(?:current|existing|present)\s+(?:approval|authori[sz]ation|certification)\b", I)
_SENTENCE_OR_LABEL = re.compile(r"[.!?](?=\s+[A-Z][a-z])|\n[ \t]*\n|\n[ \t]*[A-Z][^\n:]{0,40}:")
_ENDING = re.compile(r"\b(?:ends|expires|will\s+(?:end|expire)|runs\s+out|is\s+ending)\b", I)


def stale(text: str, pos: int) -> bool:
    """Whether what stands at ``pos`` belongs to an earlier authorization: its sentence, up to it, says
    so ("The patient's previous authorization, PA No. X, valid ... through ..."), or it stands on the
    current authorization's line of a letter that names a new one."""
    line_start = text.rfind("\n", 0, pos) + 1
    if _CURRENT_LINE.match(text, line_start) and _NEW_NAMED.search(text):
        return True
    if _ON_FILE_LINE.match(text, line_start) and _NEW_NAMED.search(text):
        return True  # "Prior authorization on file: X, a - b" over "Renewal period: ...": the one it replaces
    start = max(0, pos - 300)
    for m in SENTENCE_END.finditer(text, start, min(len(text), pos + 2)):  # its lookahead sees the word at pos
        start = min(m.end(), pos)
    if _STALE.search(text, start, pos):
        return True
    current = _CURRENT_ENDING.search(text, start, pos)  # "Your current approval (..., valid a through b) ends soon"
    if current:  # its own sentence says it ends, after what stands at pos (never a label line below it)
        tail = text[current.end() : current.end() + 240]
        cut = _SENTENCE_OR_LABEL.search(tail)
        ending = _ENDING.search(tail, 0, cut.start() if cut else len(tail))
        if ending and current.end() + ending.start() > pos:
            return True
    line_end = text.find("\n", pos)
    if _STALE_ROW.search(text, pos, len(text) if line_end < 0 else line_end):  # "... 2026-09-24 to 2027-09-23  EXPIRED"
        return True
    block = max(text.rfind("\n\n", 0, pos), text.rfind("\f", 0, pos)) + 1
    heading = text[block : text.find("\n", block + 1) if "\n" in text[block + 1 :] else len(text)]
    if _THIS_ROW.search(text, line_start, len(text) if line_end < 0 else line_end):
        return False  # the history's row marked as this request's
    # a block under a heading such as "PRIOR AUTHORIZATION HISTORY" (a short line of its own, no sentence)
    return (
        block + len(heading) < pos
        and len(heading.split()) <= 8
        and not heading.rstrip().endswith(".")
        and bool(_HISTORY.search(_THIS_CASE.sub("", _URL_PART.sub("", heading))))
    )


# a web address or a path on a console's heading line ("GET /requests/X?include=history"): its words head no block
_URL_PART = re.compile(r"(?:https?://|/)\S*|\S*[?&=]\S*")
