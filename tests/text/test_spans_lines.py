"""The line helpers of the text reader (``priorauth.text.spans``): where the line holding a position starts and
ends, the whole line, and the line up to a finding. Table-driven: (text, position, start, end)."""

from __future__ import annotations

import pytest

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_at, _line_before, _line_end, _line_start

# (text, position, line start, line end)
LINES = [
    ("", 0, 0, 0),  # empty text
    ("KRAS G12C", 5, 0, 9),  # one line, no newline: the first line is also the last
    ("KRAS G12C\nstage IV", 5, 0, 9),  # first line
    ("KRAS G12C\nstage IV", 16, 10, 18),  # last line without a newline
    ("KRAS G12C\nstage IV", 9, 0, 9),  # at a newline: the line that newline ends
    ("KRAS G12C\nstage IV", 10, 10, 18),  # just after a newline: the next line's start
    ("KRAS G12C\n\nstage IV", 10, 10, 10),  # at the newline of an empty line
    ("KRAS G12C\n", 10, 10, 10),  # at the end of a text that ends with a newline
    ("a\nb\nc", 0, 0, 1),  # position 0
    ("a\nb\nc", 5, 4, 5),  # position at the text's end
]


@pytest.mark.parametrize(("text", "at", "start", "end"), LINES)
def test_line_start_end_and_line_at(text: str, at: int, start: int, end: int) -> None:
    assert _line_start(text, at) == start
    assert _line_end(text, at) == end
    assert _line_at(text, at) == text[start:end]
    assert "\n" not in _line_at(text, at)


# (text, finding's start, the line up to the finding)
BEFORE = [
    ("KRAS G12C detected", 5, "KRAS "),  # first line
    ("Dx: NSCLC\nResult: G12C", 18, "Result: "),  # last line without a newline
    ("G12C", 0, ""),  # at the start of the text
    ("Dx: NSCLC\nG12C", 10, ""),  # at the start of a line
]


@pytest.mark.parametrize(("text", "at", "before"), BEFORE)
def test_line_before(text: str, at: int, before: str) -> None:
    doc = TextDoc("DocumentReference/1", None, "DocumentReference", "note", text)
    f = Finding("KRAS_G12C", "G12C", at, at + 4, frozenset(), None, text, 0)
    assert _line_before(doc, f) == before
