"""Words a digital letter's font could not print (issue 18's twenty-fifth set, its safety pass).

A PDF whose font lacks a script (Korean, Chinese) gives each of its letters as the missing glyph's box (``■``). The
labels beside such words are often glossed in English ("(Reason):", "Please provide:"), so the readers found the
label and read the boxes, or the English sentence after them, as the denial's reason or as the items asked for: a
wrong value where the letter's words cannot be read at all. A free-text value (a denial reason, a requested item)
whose first line is mostly boxes is left empty, with a warning to read it on the letter. At fax, OCR reads
such words as runs of round glyphs (``QOOOODO``, ``QQ0000``, :mod:`priorauth.letters.glossed`): a value with a run of
five or more of them, letters among them, is left empty the same way.

Guards: a line with one or two boxes (a table's rule, a ticked box) is read as before (the twenty-sixth pass: a box
between two letters of a word, a letter the font lacked, leaves the value empty too: it is not the letter's words);
a run of digits alone (``10000``) or a word of four letters (``GOOD``) is no run of round glyphs; numbers and
dates are not judged here (:mod:`priorauth.letters.cjk_dates` reads a date whose units are boxes)."""

from __future__ import annotations

import re

BOX = "■"
_LEAST = 3  # boxes on one line
_SHARE = 0.3  # of the line's non-blank characters
# a box inside a word ("indika■ným"): the font lacked one of its letters (a Slovak "č"), so the value is not the
# letter's words (the twenty-sixth pass; a box alone between blanks, a ticked box's or a rule's, is read as before)
# (the twenty-seventh pass: or ending it, "nem téríthet■." for a Hungarian "ő": a box glued to a word's last letter,
# a blank, a stop or the line's end after it)
_INSIDE_WORD = re.compile(rf"(?<=[^\W\d_]){BOX}+(?=[^\W\d_]|[\s.,;:!?)]|$)")
_ROUND_RUN = re.compile(r"(?=[0-9OQDGUCo]*[OQ])[0-9OQDGUCo]{5,}")  # what a fax makes of a script OCR cannot read


def unprinted(span: str, ocr: bool = False) -> bool:
    """Whether the first line of ``span`` is mostly words the font could not print (three or more boxes, 30% of its
    non-blank characters or more), or, read by OCR (``ocr``), holds a run of round glyphs. (A reason in English
    whose native version follows on the next lines is read: only its first line is judged.)"""
    line = span.split("\n", 1)[0]
    if ocr and _ROUND_RUN.search(line):
        return True
    ink = sum(not c.isspace() for c in line)
    boxes = line.count(BOX)
    return (boxes >= _LEAST and boxes >= _SHARE * ink) or bool(_INSIDE_WORD.search(line))
