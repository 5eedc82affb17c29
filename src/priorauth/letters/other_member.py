"""A page about another member, faxed with the letter, decides nothing of this request (the thirty-third pass).

Two notices faxed together (a pend page, then another member's approval page): the safety pass on the thirty-fifth set
kept the other page's number out (:func:`priorauth.letters.safety35.number`); its decision is kept out too. The
outcome is read on the text with every page that names another member (member id and name both differ from the first
page's) blanked, offsets kept; a letter whose first page names no member, or a second page of the same member, is read
as it is."""

from __future__ import annotations

import re
from typing import Any

from priorauth.letters import safety35


def blanked(letter: Any, text: str) -> str:
    """The text with the pages about another member blanked (each character but a line's end a blank)."""
    for a, b in safety35._other_member_pages(letter, text):
        text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    return text
