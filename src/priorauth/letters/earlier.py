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

# a paragraph that opens with a history label, its decisions on the label's line and under it ("History: authorization
# X was approved for ..."): the thirty-third pass; a label of an earlier authorization ("Previous authorization: X
# (dates) - expires") is its own line only (the new one is on the line under it)
_HISTORY_PARAGRAPH = re.compile(
    # (only a history of decisions: its label's line names an authorization, an approval, a denial or a request; a
    # clinical "History: adenocarcinoma treated with LUMAKRAS ..." is the patient's, read as before)
    r"^[ \t]*(?:(?:request|authori[sz]ation|approval|PA|decision)[ \t]+)?history[ \t]*:"
    r"(?=[^\n]*\b(?:authori[sz]ation|approv\w*|den(?:ied|ial)|requests?|PA|auth)\b)[ \t]*\S[^\n]*(?:\n[ \t]*\S[^\n]*)*|"
    r"^[ \t]*(?:previous|prior|earlier|past|old)[ \t]+(?:authori[sz]ation|approval|auth|PA)[ \t]*(?:#|number|no\.)?[ \t]*:[^\n]*",
    I | M,
)


def _blank(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + re.sub(r"[^\n]", " ", m.group(0)) + text[m.end() :]


def without(text: str) -> str:
    """The text with its quoted earlier messages and its history lists blanked; the text itself when it has none."""
    for pattern in (_REPLY, _LIST, _HISTORY_PARAGRAPH):
        for m in reversed(list(pattern.finditer(text))):
            if m.start() > 0 and text[: m.start()].strip():  # something of the letter's own comes first
                text = _blank(text, m)
    return json_status.without_history(text)  # a record's "history" key: the block indented under it


# a renewal's pair of labelled lines, the earlier authorization's over the new one's ("Previous authorization:  X
# (dates) - expires" over "New authorization:  Y" and "New period: ..."): the thirty-third pass
# (the review's fix, 2026-12-05: "Prior authorization number: X" labels THIS request's number, "prior" naming prior
# authorization, and "Current period:" is no earlier one; a "Prior approval" line names an earlier one only when it says
# it expired or ended)
_PREVIOUS_LINE = re.compile(
    r"^[ \t]*(?:(?:previous|earlier|old|expiring)[ \t]+(?:authori[sz]ation|approval|auth|PA|period|dates?)\b|"
    r"prior[ \t]+(?:authori[sz]ation|approval|auth|PA)\b(?![ \t]*(?:number|num\b|no\b|id\b|#|ref|reference|request|code))"
    r"(?=[^\n]*\b(?:expired|expires|expiring|ended|ends|replaced|superseded)\b))[^\n:]{0,20}:[^\n]*",
    I | M,
)
_NEW_LINE = re.compile(r"^[ \t]*new[ \t]+(?:authori[sz]ation|approval|auth|PA|period|dates?)\b[^\n:]{0,20}:[ \t]*\S", I | M)


def previous_blanked(text: str) -> str:
    """The text with its earlier authorization's labelled lines blanked (offsets kept), only where the letter labels the
    new one's too ("New authorization:", "New period:"); else the text as it is."""
    if not _NEW_LINE.search(text):
        return text
    for m in reversed(list(_PREVIOUS_LINE.finditer(text))):
        text = _blank(text, m)
    return text
