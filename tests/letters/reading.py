"""A letter's text as the reader gets it, for table-driven tests: a digital PDF's text layer, or a fax's OCR reading
with a confidence per word. Synthetic."""

from __future__ import annotations

import re

from priorauth.letters import outcome as _outcome
from priorauth.letters.source import LetterText
from priorauth.text import ocr as _ocr


def pdf(text: str) -> LetterText:
    """A digital PDF's text layer: no OCR, no word confidences."""
    return LetterText(text, (_ocr.Page(1, 0, len(text), (1700, 2200), (), ocr=False),), "pdf", False)


def fax(text: str, weak: tuple[str, ...] = ()) -> LetterText:
    """A fax's OCR reading: every word at 95, the words in ``weak`` at 40 (under the confidence threshold)."""
    words = tuple(
        _ocr.Word(m.start(), m.end(), 40.0 if m.group(0) in weak else 95.0, (0, 0, 1, 1)) for m in re.finditer(r"\S+", text)
    )
    return LetterText(text, (_ocr.Page(1, 0, len(text), (1700, 2200), words, ocr=True),), "tiff", True)


def outcome_of(text: str) -> str | None:
    """The outcome the outcome reader alone gives a letter's plain text (``approved`` / ``denied`` / ``pended``)."""
    hit, _ = _outcome.outcome(_outcome.plain(text))
    return hit.value if hit else None
