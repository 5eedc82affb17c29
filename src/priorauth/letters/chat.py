"""The patient of a chat transcript, read from the turns that give it.

Issue 18's eighteenth set printed provider live-chat transcripts ("[10:41 AM] Nadia (clinic): ..."): no label names
the patient, the clinic types the member id, the name and the birth date in answer to a question ("Member ID,
please?", "Please confirm the member's name and date of birth.") or says the id in its own question ("Status of the
PA for member SBA770318806?"). A transcript's own ids (its "Chat ID") are never the member's
(:data:`priorauth.letters.patient_fields._NOT_MEMBER_ID`). Read only when the letter is a transcript (three turns or more)
and only for what the labelled rules left empty."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.spans import Hit, I, M

# a turn: "[10:41 AM] Nadia (clinic): ..." (its time in brackets, who, a colon, what was said), its stamp perhaps
# dated ("[03/30/2027 15:02] You: ...": the twenty-first set's portal transcripts)
_TURN = re.compile(
    r"^[ \t]*[\[(](?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\][ \t]*(?P<who>[^:\n]{1,40}):[ \t]*(?P<say>[^\n]*)$", M
)
# a turn asking for the member's id, or their name and date of birth
_ASKS = re.compile(
    r"\b(?:member|subscriber|patient|enrollee)(?:['’]s)?\s+(?:id|number|no\.?|name|date\s+of\s+birth|dob)\b"
    r"[^\n]{0,40}?(?:\?|\bplease\b)|\b(?:please\s+)?confirm\b[^\n]{0,40}\b(?:name|date\s+of\s+birth|dob)\b",
    I,
)
# an id as typed: capitals then digits ("SBA770194552", "KH-4471-220"), never a date or a phone number
_ID = r"(?-i:[A-Z]{2,4}[-/]?\d[A-Z\d\-/]{4,20})"
_ID_PART = re.compile(rf"(?:(?:member\s+)?(?:id|number|no\.?)[ \t:#]*)?(?P<v>{_ID})", I)
# the member's id in the clinic's own question: "Status of LUMAKRAS PA for member SBA770318806?"
_MEMBER_SAID = re.compile(rf"\bmember(?:\s+(?:id|number|no\.?))?[ \t:#]*(?P<v>{_ID})(?![\w-])", I)
_NAME_PART = re.compile(r"(?P<v>(?-i:[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){1,3}))")
_BIRTH_PART = re.compile(r"(?:(?:born|dob|d\.o\.b\.?|date\s+of\s+birth)[ \t:]*)?(?P<d>\d{1,2}/\d{1,2}/\d{4})", I)
# the patient named in a turn's own words, set off by their date of birth ("status of the PA for Jane Q. Doe, DOB
# 01/02/1960", "Checking a PA - Jane Doe, born 01/02/1960"): two to four capitalised words right before the comma; a
# greeting or a role word before them is not the name's
_NAME_DOB = re.compile(
    r"(?P<v>(?-i:[A-Z][a-z'’\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Za-z'’\-]+)){1,3}))[ \t]*,[ \t]*"
    r"(?=(?:DOB|D\.O\.B\.?|date[ \t]+of[ \t]+birth|born)\b[ \t:]*\d)",
    I,
)
_NOT_NAME_WORD = re.compile(
    r"^(?i:hi|hello|hey|dear|thanks|patient|member|pt|re|for|checking|status|name|mr|ms|mrs|dr)$"
)
# a turn's words go on over the next lines (a wrapped transcript; indented, or at the margin once a fax's OCR lost the
# indent) up to the next turn or a blank line: read as one line, same offsets
_WRAPPED = re.compile(r"\n(?=[ \t]*[^\s\[(])")
_STAMPED = re.compile(r"^[ \t]*[\[(]\d{1,2}[/:]", M)
_SPLIT = re.compile(r"[ \t]*(?:,|;|[ \t][-–—][ \t])[ \t]*")


def _parts(say: str, at: int) -> list[tuple[str, int]]:
    out, last = [], 0
    for m in _SPLIT.finditer(say):
        out.append((say[last : m.start()], at + last))
        last = m.end()
    out.append((say[last:], at + last))
    return [(p.rstrip(" \t.!"), a) for p, a in out if p.strip()]


def patient(text: str) -> dict[str, Hit]:
    """The member id, name and birth date the transcript's answers give (each the first given)."""
    text = _unwrapped(text)  # one character for one: every span stays the letter's
    turns = list(_TURN.finditer(text))
    if len(turns) < 3:
        return {}
    out: dict[str, Hit] = {}
    for n, t in enumerate(turns):
        if "name" not in out and (said := _named(t.group("say"), t.start("say"))):
            out["name"] = said
        if (m := _MEMBER_SAID.search(t.group("say"))) and "member_id" not in out:
            out["member_id"] = Hit(m.group("v"), t.start("say") + m.start("v"), t.start("say") + m.end("v"))
        if not _ASKS.search(t.group("say")) or n + 1 >= len(turns):
            continue
        answer = turns[n + 1]
        if answer.group("who").strip() == t.group("who").strip():
            continue  # the same speaker goes on: no answer
        for part, at in _parts(answer.group("say"), answer.start("say")):
            if (m := _ID_PART.fullmatch(part)) and "member_id" not in out:
                out["member_id"] = Hit(m.group("v"), at + m.start("v"), at + m.end("v"))
            elif (m := _BIRTH_PART.fullmatch(part)) and "birth_date" not in out:
                born = dates.parse(m.group("d"), birth=True)
                if born is not None:
                    out["birth_date"] = Hit(born, at + m.start("d"), at + m.end("d"))
            elif (m := _NAME_PART.fullmatch(part)) and "name" not in out:
                out["name"] = Hit(m.group("v"), at, at + len(part))
    return out


def _named(say: str, at: int) -> Hit | None:
    """The patient a turn names before their date of birth, its greeting or role words dropped."""
    m = _NAME_DOB.search(say)
    if m is None:
        return None
    words = m.group("v").split()
    start = m.start("v")
    while words and _NOT_NAME_WORD.match(words[0]):
        start = say.index(words[1], start + len(words[0])) if len(words) > 1 else start
        words = words[1:]
    if len(words) < 2:
        return None
    return Hit(" ".join(words), at + start, at + m.end("v"))


def _unwrapped(text: str) -> str:
    """``text`` with each turn's wrapped lines joined to it (a newline made a blank); lines outside turns as they are."""
    out = list(text)
    in_turn = False
    at = 0
    for line in text.split("\n"):
        if _STAMPED.match(line):
            in_turn = True
        elif not line.strip():
            in_turn = False
        elif in_turn and at > 0 and _WRAPPED.match(text, at - 1):
            out[at - 1] = " "
        at += len(line) + 1
    return "".join(out)
