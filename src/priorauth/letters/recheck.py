"""A second look at a field OCR read with low confidence: the field's own words, cropped from the
straightened page Tesseract read, are read again as a single line (page segmentation mode 7, a
different segmentation than the page's). The field is filled only when the second reading gives the
same characters with every word at or above the confidence threshold; otherwise it stays empty, as
before. Numbers, dates and quantities are looked at again (one line each), and so is the outcome's own
word (``APPROVE``, ``Denied``: :data:`OUTCOME`), before the fields that depend on it are read: it is
filled only when the second reading gives the same word, confidently; else it stays empty."""

from __future__ import annotations

import re
from typing import Any

from priorauth.letters import fields
from priorauth.text import ocr

FIELDS = ("authorization_number", "period_start", "period_end", "appeal_deadline", "quantity")
OUTCOME = ("outcome",)
PAD = 8  # pixels around the words' boxes


def _alnum(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text).upper()


def _agreed(f: Any, first: str, second: str) -> Any:
    """The field's value when the second reading agrees with the first (None: it does not). For a
    number, a symbol of the first reading (``€V2603245561``) may be settled by a letter or digit of the
    second (``CV2603245561``) when every other character is the same."""
    if _alnum(second) == _alnum(first):
        return f.read
    if f.name != "authorization_number":
        return None
    a, b = first.replace(" ", ""), second.replace(" ", "").upper()
    if len(a) != len(b) or not any(c in fields.OCR_SYMBOLS for c in a):
        return None
    for x, y in zip(a.upper(), b, strict=True):
        if x != y and not (x in fields.OCR_SYMBOLS and y.isalnum()):
            return None
    return b


def second_reading(image: Any, boxes: list[tuple[int, int, int, int]]) -> tuple[str, float]:
    """(the text, the lowest word confidence 0-100) of the words in ``boxes`` read again as one line."""
    import pytesseract

    left = max(0, min(b[0] for b in boxes) - PAD)
    top = max(0, min(b[1] for b in boxes) - PAD)
    right = min(image.width, max(b[0] + b[2] for b in boxes) + PAD)
    bottom = min(image.height, max(b[1] + b[3] for b in boxes) + PAD)
    data = pytesseract.image_to_data(
        image.crop((left, top, right, bottom)), lang=ocr.LANG, config="--psm 7", output_type=pytesseract.Output.DICT
    )
    words = [(str(t).strip(), float(c)) for t, c in zip(data["text"], data["conf"], strict=True) if str(t).strip()]
    words = [(t, c) for t, c in words if c >= 0]
    return " ".join(t for t, _ in words), min((c for _, c in words), default=0.0)


def confirm(proposal: Any, letter: Any, raw: bytes, names: tuple[str, ...] = FIELDS) -> None:
    """Fill the low-confidence fields of ``proposal`` named in ``names`` (read from ``letter``, the text of
    ``raw``) that a second reading confirms; each gets the second reading's confidence and a note."""
    weak = [
        f
        for f in proposal.fields
        if f.name in names and f.value is None and f.read is not None and "\n" not in letter.text[f.start : f.end]
    ]
    if not weak or not letter.ocr:
        return
    try:
        images = ocr.page_images(raw, letter.kind, limit=max(f.page or 1 for f in weak))
    except Exception:  # the first reading worked on these bytes; a failure here only skips the second look
        return
    for f in weak:
        found = ocr.words_in(letter.pages, f.start, f.end)
        if not found or f.page is None or f.page > len(images) or images[f.page - 1] is None:
            continue
        try:
            text, conf = second_reading(images[f.page - 1], [w.box for _, w in found])
        except Exception:  # Tesseract failing on a crop: the field stays empty
            text, conf = "", 0.0
        value = _agreed(f, letter.text[f.start : f.end], text)
        if value is not None and conf >= ocr.CONFIDENT:
            f.value, f.confidence = value, round(conf / 100, 2)
            said = "confirmed by" if value == f.read else "an OCR symbol in it settled by"
            f.note = (f.note + "; " if f.note else "") + f"{said} a second reading of its words"
            proposal.warnings = [
                w for w in proposal.warnings if not w.startswith(f"the {f.name.replace('_', ' ')} on page")
            ]
