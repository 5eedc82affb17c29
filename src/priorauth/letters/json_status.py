"""A JSON record's decision as a nested status object, and the history a record carries, for the outcome rules.

Issue 18's twenty-first set showed API responses in a console (``"status": { "code": "D", "text": "Denied" }``):
once the record's markup is blanked (:func:`priorauth.letters.fields.unmarked`) the object's keys run on one line
after ``status``, and no label rule read a value that is itself an object. The object's text key
(``text``, ``description``, ``display``, ``label``, ``message``, ``name``), after an optional code key, is the
status's value here (:func:`hits`). A record may carry its history (``"history": [ {... "status": {"text":
"Approved"} ...} ]``, ``"previousRequests"``, ``"priorAuthorizations"``): the block under that key, indented
below it, is blanked by :func:`without_history` (read first without it by :mod:`priorauth.letters.earlier`); where
a fax's OCR lost the indentation, the block between the key's bracket and the one that closes it in the letter's
own text is blanked before anything is read (:func:`without_bracketed_history`, its quotes as OCR reads them).
Guards: the text of another key's object ("payer", "member", "appeal") says nothing; a status of something
else ("claimStatus", "appealStatus", "eligibilityStatus": only a key that is the bare word) is not read."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I, M

_KEY = r"(?<![\w\"'])[\"']?(?:status|decision|determination|outcome)[\"']?"
_CODE = r"(?:[\"']?(?:code|id|value)[\"']?[ \t]*:[ \t]*[\"']?[\w-]{1,12}[\"']?[ \t,]+)?"
_TEXT = r"[\"']?(?:text|description|desc|display|label|message|name|meaning)[\"']?"
_NESTED = re.compile(rf"{_KEY}[ \t]*:[ \t]*\{{?[ \t]*{_CODE}{_TEXT}[ \t]*:[ \t]*[\"']?(?P<v>[^\"'\n]{{2,60}}?)(?=[\"']|[ \t]{{2,}}|[ \t]*[,}}]|$)", M)
# a key whose value is the record's history: the block indented under it (its "[" or "{" kept on its line or not)
_HISTORY = re.compile(
    r"^(?P<ind>[ \t]*)[\"']?(?:history|\w*[Hh]istory|previous\w*|prior(?:Requests|Authori[sz]ations|Decisions)|earlier\w*)[\"']?"
    r"[ \t]*:[ \t]*[\[{]?[ \t]*\n",
    M,
)


def hits(text: str, words: tuple[tuple[str, str], ...]) -> list[Hit]:
    """Each nested status object's text that is a decision word of ``words`` ((outcome, pattern), the denial
    before the approval)."""
    found = []
    for m in _NESTED.finditer(text):
        for kind, pattern in words:
            w = re.search(rf"\b(?:{pattern})\b", m.group("v"), I)
            if w and not (kind == "approved" and re.search(r"\bnot\b", m.group("v"), I)):
                found.append(Hit(kind, m.start("v") + w.start(), m.start("v") + w.end()))
                break
    return found


def without_history(text: str) -> str:
    """The text with each history key's block (the lines indented deeper than the key, blank lines between
    them) blanked, offsets kept."""
    for m in reversed(list(_HISTORY.finditer(text))):
        depth = len(m.group("ind").expandtabs())
        end = pos = m.end()
        for line in text[m.end() :].splitlines(keepends=True):
            body = line.strip()
            if body and len(line) - len(line.lstrip()) <= depth and body not in ("]", "}", "],", "},"):
                break
            pos += len(line)
            if body:
                end = pos
        if end > m.end():
            text = text[: m.start()] + re.sub(r"[^\n]", " ", text[m.start() : end]) + text[end:]
    return text


_BRACKETED = re.compile(
    r"[\"'“”‘’]?(?:history|\w*History|previous\w*|prior(?:Requests|Authori[sz]ations|Decisions)|earlier\w*)[\"'“”‘’]?[ \t]*:[ \t]*(?P<o>[\[{])"
)
_CLOSE = {"[": "]", "{": "}"}


def without_bracketed_history(raw: str, text: str) -> str:
    """``text`` (``raw`` with its markup blanked, the same length) with each history key's bracketed value in
    ``raw`` blanked: from the key to the bracket that closes its own (none closing: nothing is blanked)."""
    if len(raw) != len(text):
        return text
    for m in reversed(list(_BRACKETED.finditer(raw))):
        depth, end = 0, None
        for i in range(m.start("o"), len(raw)):
            if raw[i] in "[{":
                depth += 1
            elif raw[i] in "]}":
                depth -= 1
                if depth == 0:
                    end = i + 1
                    break
        if end is not None:
            text = text[: m.start()] + re.sub(r"[^\n]", " ", text[m.start() : end]) + text[end:]
    return text
