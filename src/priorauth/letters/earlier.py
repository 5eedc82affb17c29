"""What a letter quotes of earlier decisions, blanked before its own decision is read (offsets kept).

Issue 18's seventeenth set showed two shapes that put an earlier decision beside the letter's own: an e-mail
reply quoting the earlier message under "-----Original Message-----" (or "On <date>, <who> wrote:", its lines
opened by ">"), and a list of the member's authorizations "on file ... (for reference only)", each row with its own
status. Both are history (and, since the twenty-first set, a JSON record's "history" key, blanked by
:func:`priorauth.letters.json_status.without_history`): the outcome is read first without them, and only when nothing is stated without
them is the whole letter read (a forwarded letter, its decision all in the quoted part, is still read)."""

from __future__ import annotations

import re

from priorauth.letters import json_status
from priorauth.letters.spans import I, M

# a reply's quoted earlier message: its separator line to the end, or its ">" lines
_REPLY = re.compile(
    r"^[ \t]*-{3,}[ \t]*original[ \t]+message[ \t]*-{3,}[\s\S]*|^[ \t]*on[ \t][^\n]{4,120}\bwrote:[ \t]*\n[\s\S]*|^[ \t]*>[^\n]*",
    I | M,
)
# a list introduced as history: "Authorizations on file for this member (for reference only):", "Request history:"
_LIST = re.compile(
    r"^[^\n]*(?:\bfor[ \t]+reference[ \t]+only\b|\b(?:authori[sz]ations?|approvals?|requests?|decisions?)[ \t]+on[ \t]+file\b|"
    r"\b(?:authori[sz]ation|request|decision|approval|prior[ \t]+auth\w*)[ \t]+history\b|"
    # "other authorizations we hold for this member:", "Other requests on record:"
    r"\bother[ \t]+(?:authori[sz]ations|approvals|requests|decisions|prior[ \t]+auth\w*)\b)[^\n]*:[^\n]*\n"
    r"(?:[ \t]*\S[^\n]*(?:\n|$))*",
    I | M,
)


def _blank(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + re.sub(r"[^\n]", " ", m.group(0)) + text[m.end() :]


def without(text: str) -> str:
    """The text with its quoted earlier messages and its history lists blanked; the text itself when it has none."""
    for pattern in (_REPLY, _LIST):
        for m in reversed(list(pattern.finditer(text))):
            if m.start() > 0 and text[: m.start()].strip():  # something of the letter's own comes first
                text = _blank(text, m)
    return json_status.without_history(text)  # a record's "history" key: the block indented under it
