"""An outcome a form or a notice marks rather than states: a ticked box (before or after its word), a banner
or a stamp in capitals, a heading printed letter-spaced; and what a form leaves blank or OCR made of an empty
box, blanked before the outcome is read."""

from __future__ import annotations

import re

from priorauth.letters.outcome_guards import _CONDITIONAL
from priorauth.letters.outcome_words import _item_value, said_value
from priorauth.letters.spans import _OURS, _STALE, Hit, I

# a stamp's box ("|  DENIED      |", its word alone between the box's sides)
# a label's value ends at its sentence's end, a semicolon or a column gap

# a stamp: "*APPROVED 02/01/27 PA# ...*", "RX PLAN * DENIED 03/09/27 * REF ..." (a star or a line's start, the
# word in capitals, then a star or the decision's date)
_STAMP_DATE = r"(?=[ \t]+\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)|[ \t]+\d{1,2}[ \-][A-Za-z]{3}[ \-]\d{2,4}(?!\d))"
_BANNER = re.compile(
    r"(?:[*=#~>]{2,}|(?<![*\w])\*|^|^[ \t]*[(\[](?:circled|underlined|boxed|ticked|checked|handwritten|stamped)[)\]][ \t]*(?=[A-Z]{4})|^[ \t]*[{(|]?[ \t]*\[(?=[ \t]*[A-Z]{4})|(?<=[-–|:])[ \t])[ \t]*(?P<v>(?:NOT[ \t]+)?(?:APPROVED|AUTHORIZED|CERTIFIED|DENIED|DECLINED|PENDED|PENDING|"
    r"COVERED|AUTH(?:ORIZATION)?[ \t]+OK)(?:[ \t]+FOR[ \t]+(?:[A-Z/]+[ \t]+){0,3}REVIEW)?|(?:[A-Z\-]+[ \t]+){0,3}ON[ \t]+HOLD|(?:MORE[ \t]+|ADDITIONAL[ \t]+)?INFORMATION[ \t]+(?:NEEDED|REQUESTED|REQUIRED))"
    r"[ \t]*(?:[*=#~<]{1,}|\][ \t]*$|$|(?=[-–|]{1,3}[ \t])|(?<=[ \t])(?=\|[ \t]*$)|\.(?=[ \t]|$)|" + _STAMP_DATE + ")",  # an app's badge: "[ DENIED ]"
    re.M,
)
# a ticked box of a checkbox list: "[X] Approved   [ ] Denied" (an empty box says nothing)
_CHECKED = re.compile(
    r"(?:[\[(][ \t]*[xX✓✔•●◉\x7f][ \t]*[\])]|[☒☑✓✔◉])[ \t]*"  # "[X]", "(X)", a radio's "(•)", and OCR's "[X)", "(X]"
    r"(?P<v>(?:not[ \t]+)?(?:approved|authorized|certified|denied|declined|pended|pending)"
    r"|more[ \t]+information[ \t]+(?:needed|requested|required))\b",
    I,
)
# a row whose boxes follow their words ("Determination   Approved [ ]   Denied [X]   Pending [ ]"): each box is
# its word's, never the next word's; read as a whole line (it ends with a box) before boxes are read forward
_BOX_AFTER = re.compile(
    r"(?P<w>(?:not[ \t]+)?(?:approved|authorized|certified|denied|declined|pended|pending)|"
    r"more[ \t]+information[ \t]+(?:needed|requested|required))[ \t]*(?P<b>[\[(][^\])\n]{0,3}[\])]|[☐☒☑])",
    I,
)


def _boxes_after(text: str) -> tuple[str, list[Hit]]:
    """The ticked boxes of rows whose boxes follow their words, as hits, and the text with those rows blanked."""
    hits: list[Hit] = []
    for line in re.finditer(r"[^\n]+", text):
        pairs = list(_BOX_AFTER.finditer(line.group(0)))
        if len(pairs) < 2 or line.group(0)[pairs[-1].end() :].strip():
            continue
        for m in pairs:
            if re.search(r"[xX✓✔☒☑•●◉\x7f]", m.group("b")):
                value = _item_value(m.group("w"))
                if value:
                    hits.append(Hit(value, line.start() + m.start("w"), line.start() + m.end("w")))
        a = line.start() + pairs[0].start()
        text = text[:a] + " " * (line.end() - a) + text[line.end() :]
    return text, hits


_UNFILLED_LINE = re.compile(r"^(?:[ \t]*[A-Za-z][A-Za-z ()/]{0,30}:[ \t]*){2,}$", re.M)
# in a row of boxes with one ticked "[X]", another box holding one mark ("[J]", "[l]") is what OCR made of an empty one
_TICKED = re.compile(r"[\[(][ \t]*[xX•●◉\x7f][ \t]*[\])]")
_MARKED_BOX = re.compile(r"[\[(][ \t]*[^\s\])\[(xX✓✔☑☒•●◉\x7f][ \t]*[\])][^\n\[(]*")


def _noise_boxes(text: str) -> str:
    """The text with a ticked row's other marked boxes (and their words) blanked, offsets kept."""
    out = []
    for line in text.split("\n"):
        if _TICKED.search(line):
            line = _MARKED_BOX.sub(lambda m: " " * len(m.group(0)), line)
        out.append(line)
    return "\n".join(out)


# (its label set off by a colon, dot leaders or a column gap; its blank a rule of underscores or a date's mask
# "____/__/__", "__-__-____", the mask's underscores blanked already when a form's entries were taken out of
# their blanks: "Approved from ......     /  /  ")
_UNFILLED = re.compile(
    r"(?:^|(?<=[ \t]))[A-Za-z][A-Za-z ()/]{0,30}?(?:[ \t]*:|[ \t]*\.{2,}|[ \t]{2,})[ \t]*"
    r"(?:(?:_{3,}|_{2,}(?=[ \t]*[/.\-][ \t]*_))(?:[ \t]*[/.\-][ \t]*_+)*|(?:[ \t]*[/\-][ \t]*){2}(?=[ \t]*$))",
    re.M,
)
# a form's field named by an outcome word ("Approved from", "Approved qty", "Denied on") left blank, its blank
# what a fax's OCR made of an empty date mask or rule ("Approved from  a a", "Approved to  ff"): no digit, no
# word of three letters or more, so no statement ("Approved to continue ..." and "Approved from 03/01/2027" stay);
# a period's two blanks both lost leave only the word between them ("Approved from  through", "Approved from  until")
_UNFILLED_OUTCOME = re.compile(
    r"^[ \t]*(?:approved|denied|authorized|pended)[ \t]+(?:from|to|through|thru|until|qty|quantity|units|dates?|on|by|period)"
    r"(?![A-Za-z])(?:[^\w\n]|_|(?<![A-Za-z])(?:[A-Za-z]{1,2}|through|thru|until)(?![A-Za-z]))*$",
    re.I | re.M,
)
# an empty box's option, with its translation in brackets or parentheses ("[ ] Hylätään [refused]", the thirtieth
# set's safety pass): a bracket holding words (three characters or more, opening with a letter) is the option's gloss;
# a box ("[X]", "( )", "[ X ]") ends it
_UNCHECKED = re.compile(
    r"(?:\[[ \t]*\]|\([ \t]*\)|☐)(?:[^\n\[(☐☒☑]|\[[A-Za-z][^\[\]\n]{2,}\]|\([A-Za-z][^()\n]{2,}\))*"
)

# letter-spaced label of a decision; never after any other word ("N O T   A P P R O V E D" is not read)
_SPACED = re.compile(r"(?<![A-Za-z])(?P<w>(?:[A-Z] ){4,}[A-Z])(?![A-Za-z])")
_SPACED_WORDS = {"APPROVED": "approved", "DENIED": "denied", "PENDED": "pended", "PENDING": "pended"}

_SPACED_LABELS = ("", "DECISION:", "STATUS:", "OUTCOME:", "DETERMINATION:", "RESULT:")


def _spaced_hits(text: str) -> list[Hit]:
    hits = []
    for m in _SPACED.finditer(text):
        value = _SPACED_WORDS.get(m.group("w").replace(" ", ""))
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        before = re.sub(r"[\s|*=#+]", "", text[line_start : m.start()])
        after = re.sub(r"[\s|*=#+.!]", "", text[m.end() : line_end if line_end >= 0 else len(text)])
        # after it, nothing, or a colon and LUMAKRAS's name ("D E N I E D :   LUMAKRAS (sotorasib) 120 mg")
        if value and before in _SPACED_LABELS and (not after or (after.startswith(":") and _OURS.match(after[1:]))):
            hits.append(Hit(value, m.start("w"), m.end("w")))
    return hits


def marked_hits(text: str) -> list[Hit]:
    """The outcomes a form's ticked box ("[X] Denied") or a banner or stamp ("*** DENIED ***") marks."""
    labeled: list[Hit] = []
    for m in _CHECKED.finditer(text):
        value = _item_value(m.group("v"))
        if value:
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    for m in _BANNER.finditer(text):
        word = m.group("v")
        if re.search(r"\bnot[ \t]*\n[ \t]*$", text[max(0, m.start("v") - 12) : m.start("v")], I):
            word = f"not {word}"  # "... - NOT" wrapped over "APPROVED" is one heading
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.end()]
        if _wrapped_pair(text, m.start("v")):
            continue
        value = said_value(word)
        if value and not (_CONDITIONAL.search(line) or _STALE.search(line)):
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    return labeled


def _wrapped_pair(text: str, start: int) -> bool:
    """The word at ``start`` opens its line and the line above ends with a slash: the English half of a bilingual
    pair a fax wrapped ("... (CT chest and abdomen) - IMEIDHINISHWA /" over "APPROVED"), the line above's value
    (about what that line names), never a banner of its own (the thirtieth set's safety pass). A rule or a blank
    line above, or a line ending with a stop or a word, leaves the banner as it is."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or line_start == 0:
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].rstrip()
    return bool(re.search(r"[A-Za-z0-9)\]][ \t]*/$", above))
