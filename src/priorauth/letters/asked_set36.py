"""What the thirty-sixth set's letters ask for (issue 18, the thirty-fourth pass): US plans' lists in three layouts.

* a relay's "Plan is asking for: <first item>" with the next items set under the first, one a line ("most recent
  chest CT report" / "a copy of the lab report"): each line an item, unless the line above runs on (it ends in "and",
  "of", "the", ... or its next line's first word would not have fit on it: a wrapped item, joined); the list ends at a blank line, a label or a
  sentence, and at fax (its indent lost) a line in capitals that is no sentence leaves the whole list unread;
* a fax-back form's "Missing from your request (fill in and fax back):" over fields left blank ("Diagnosis code:
  ______"): each blank field's name is an item (never a field filled in, nor blank fields under no such heading);
* an ePA portal's questions numbered "Q1", "Q2" in a column (no stop after the number) under a page that names them
  as questions: those not answered yet (never a question with an "ANSWERED ..." line under it), its "[required]" tag
  no part of it."""

from __future__ import annotations

import re

from priorauth.letters.spans import _RUNS_ON, Hit, I, M

# the relay's ask with its first item on the same line
_COLUMN_ASK = re.compile(
    r"^[ \t]*(?:the[ \t]+)?(?:health[ \t]+)?(?:plan|insurer|payer|pbm|reviewer)[ \t]+(?:is|are)[ \t]+(?:also[ \t]+)?"
    r"(?:asking|requesting)[ \t]+for[ \t]*:[ \t]*(?=\S)",
    I | M,
)


def column_list(text: str) -> list[Hit]:
    """The items of a relay's "Plan is asking for: <item>" with the next ones under it, one a line; [] otherwise (and
    [] when a line under it can be neither an item nor the sentence after the list: no list cut short)."""
    widest = max((len(line.rstrip()) for line in text.split("\n")), default=0)
    for a in _COLUMN_ASK.finditer(text):
        end = text.find("\n", a.end())
        end = len(text) if end < 0 else end
        first = text[a.end() : end].rstrip()
        if _SENTENCE_STOP.search(first):
            return []  # "Plan is asking for: the CT report. Please fax it.": the sentence's object, read elsewhere
        items = [Hit(" ".join(first.split()), a.end(), a.end() + len(first))]
        previous = text[text.rfind("\n", 0, a.end()) + 1 : end]
        pos = end + 1
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            value = line.strip()
            if not value or _LABEL.match(line):
                break  # a blank line or the next field's label: the list ends
            if _NO_ITEM.search(value):
                break  # (the review's fix) "Fax them to 1-800-555-0100 ...", "(you may also upload it ...)": no item
            if value[0].isupper() and not line.startswith(("  ", "\t")):
                if _SENTENCE_STOP.search(value):
                    break  # the sentence after the list ("Please fax these to ...")
                return []  # (at fax, the indent lost: a line in capitals that may be an item or not, unread)
            if _RUNS_ON.search(previous) or len(previous.rstrip()) + 1 + len(value.split()[0]) > widest:
                last = items[-1]  # the line above ran on: a wrapped item
                items[-1] = Hit(f"{last.value} {' '.join(value.split())}", last.start, pos + len(line.rstrip()))
            else:
                start = pos + len(line) - len(line.lstrip())
                items.append(Hit(" ".join(value.split()), start, start + len(value)))
            previous, pos = line, line_end + 1
        return items
    return []


_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
# a line that is no item: an imperative ("Fax them to ..."), a note in brackets, a phone number or an address
_NO_ITEM = re.compile(
    r"^(?:\(|(?:fax|send|call|upload|mail|submit|please|attach|include|return|e-?mail|visit|contact|log|go|use|note|"
    r"complete|sign|provide)\b)|\b\d{3}[-. )]+\d{3}[-. ]\d{4}\b|\bhttps?://|\bwww\.",
    I,
)
_LABEL = re.compile(r"[ \t]*[A-Za-z][\w #./-]{0,30}:(?:\s|$)")


# a fax-back form's heading over its blank fields, a note in brackets before its colon
_MISSING_HEADING = re.compile(
    r"^[ \t]*(?:missing|needed|required)[ \t]+(?:from|for|on)[ \t]+(?:your|the|this)[ \t]+(?:request|submission|form)"
    r"(?:[ \t]*\([^()\n]{1,100}\))?[ \t]*:[ \t]*$",
    I | M,
)
_BLANK_FIELD = re.compile(r"[ \t]*(?P<item>[A-Za-z][^:\n_]{1,60}?)[ \t]*:[ \t]*(?:_{3,}[ \t]*)?")


def blank_fields(text: str) -> list[Hit]:
    """The names of the blank fields right under a fax-back form's "Missing from your request (...):"; [] otherwise."""
    for h in _MISSING_HEADING.finditer(text):
        pos = h.end() + 1
        items: list[Hit] = []
        for line in text[pos:].split("\n")[:12]:
            m = _BLANK_FIELD.fullmatch(line)
            if not m:
                break
            items.append(Hit(m.group("item"), pos + m.start("item"), pos + m.end("item")))
            pos += len(line) + 1
        if items:
            return items
    return []


_COLUMN_QUESTION = re.compile(
    r"^[ \t]*(?-i:Q)(?P<n>\d{1,2})[ \t]{2,}(?P<item>\S[^\n]*?)(?:[ \t]{2,}\[(?:answer[ \t]+)?(?:required|needed)\])?[ \t]*$",
    M,
)
# (the review's fix: an "Answer:", "Response:", "Reply:" or "A:" line under a question answers it)
_ANSWERED = re.compile(r"[ \t]*(?:(?-i:ANSWERED)\b|(?i:answer|response|reply|a)[ \t]*:)")


# (the review's fix: a line in the 300 characters above the column that names them as questions, a heading or the
# portal's status, never "Questions? Call ..." nor any line with call wording)
_QUESTIONS_HEADING = re.compile(
    r"^(?![^\n]*(?:questions?[ \t]*\?|\b(?:call|contact|phone|fax|tty)\b))[^\n]*\bquestions?\b", I
)


def column_questions(text: str) -> list[Hit]:
    """A portal's questions "Q1", "Q2", ... in a column (from 1 in order, two or more) on a page that names them as
    questions (in the 300 characters before the first), those not answered yet; [] otherwise."""
    run = [m for n, m in enumerate(_COLUMN_QUESTION.finditer(text)) if int(m.group("n")) == n + 1]
    above = text[max(0, run[0].start() - 300) : run[0].start()].split("\n") if run else []
    if len(run) < 2 or not any(_QUESTIONS_HEADING.search(line) for line in above):
        return []
    out = []
    for m in run:
        if not _answered(text[m.end() + 1 : m.end() + 400].split("\n")):
            out.append(Hit(" ".join(m.group("item").split()), m.start("item"), m.end("item")))
    return out


def _answered(lines: list[str]) -> bool:
    """Whether the lines under a question, up to a blank line or the next question, hold its answer ("ANSWERED ...")."""
    for line in lines:
        if not line.strip() or _COLUMN_QUESTION.match(line):
            return False
        if _ANSWERED.match(line):
            return True
    return False
