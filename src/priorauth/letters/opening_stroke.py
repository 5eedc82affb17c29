"""An id OCR read opening with a 1 before a capital (issue 18's thirty-third set, its safety pass: a portal print's
"PA/Auth number IW0603..." read by a fax's OCR as "1W0603...", the capital I printed as one stroke).

A capital I opening an id is one stroke, as a 1 is; where OCR reads an id as a 1 directly before a capital letter
("1W...", "1BA-...") and is not sure of the word (under :data:`priorauth.letters.patient.SURE`), the id may open with
an I: it is left empty (read it on the letter), never proposed and never corrected (an id may open with a 1: a
Medicare number does, "1EG4-..."). Guards: a letter read from its text layer is never doubted; an id read opening with
an I, or with a 1 before a digit ("1204-..."), or with a 1 before a capital read surely, stays."""

from __future__ import annotations

import re
from collections.abc import Callable

_OPENING = re.compile(r"^[1l|](?=[A-Z])")


def doubtful(read: str, start: int, end: int, confidence: Callable[[int, int], float], sure: float) -> bool:
    """``read`` (an id as OCR read it at ``[start, end)``) opens with a stroke before a capital, read under ``sure``."""
    return bool(_OPENING.match(read.strip())) and confidence(start, end) < sure
