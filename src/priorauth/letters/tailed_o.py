"""A fax's "O" in a member id whose glyph has a tail below the line: a Q read as an O (the thirty-seventh set, letters
pass 35). Tesseract read "LQP-30081-22" as "LOP-30081-22" at word confidence 91, and a second look read the same: the
id was proposed with a wrong letter. The glyph's own box says it: a Q's tail takes its box below the line the id's other
letters and digits stand on, an O's stays on it. Such an id is left empty (never read as a Q: the tail may be a speck).

Read only on a fax's OCR text, only for an id holding an "O". Guards: an O standing on the line with its neighbours
("POL-...", "COB-...") is read as before; a word whose glyph boxes cannot be had (no image, no boxes, no other glyph
to compare) is read as before."""

from __future__ import annotations

import statistics
from typing import Any


def _boxes(image: Any, box: tuple[int, int, int, int]) -> list[tuple[str, int, int]]:
    """The word's glyphs as (glyph, bottom, top), in the crop's own coordinates (origin at its bottom)."""
    import pytesseract

    from priorauth.text import ocr

    x, y, w, h = box
    crop = image.convert("L").crop((max(0, x - 4), max(0, y - 6), x + w + 4, y + h + 10))
    out = []
    for line in pytesseract.image_to_boxes(crop, lang=ocr.LANG, config="--psm 7").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[1].lstrip("-").isdigit():
            out.append((parts[0], int(parts[2]), int(parts[4])))
    return out


def tailed(glyphs: list[tuple[str, int, int]]) -> bool:
    """Whether an "O" among the glyphs reaches below the line its letters and digits stand on (a Q's tail)."""
    others = [(b, t) for g, b, t in glyphs if g.isalnum() and g != "O"]
    if len(others) < 2:
        return False
    line = statistics.median(b for b, _ in others)
    height = statistics.median(t - b for b, t in others)
    return any(g == "O" and line - b >= max(3, 0.12 * height) for g, b, _ in glyphs)


def doubtful(letter: Any, raw: bytes | None, start: int, end: int) -> bool:
    """Whether the fax's id at ``start:end`` holds an "O" whose glyph has a Q's tail."""
    if raw is None or not getattr(letter, "ocr", False) or "O" not in letter.text[start:end]:
        return False
    from priorauth.text import ocr

    page = letter.page_at(start)
    found = ocr.words_in(letter.pages, start, end)
    if page is None or not found:
        return False
    try:
        images = ocr.page_images(raw, letter.kind, limit=page)
        image = images[page - 1] if page <= len(images) else None
        if image is None:
            return False
        return any(tailed(_boxes(image, w.box)) for _, w in found if "O" in letter.text[w.start : w.end])
    except Exception:  # the first reading worked on these bytes; a failure here only skips the look
        return False
