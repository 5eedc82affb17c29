"""A status shown as an icon and its word on a line of their own ("✕  Not approved", "✓ Approved", "⏳ Pending"),
as a phone app or a portal's card prints a request's state: read when no other rule states an outcome.

Issue 18's twenty-first set had a phone-app screen whose decision was a cross and "Not approved" on the line under
its header, the drug and the update date below: no label, no sentence, no legend. The line holds the icon, then an
outcome phrase and nothing else (two to four words at most: "Not approved", "More information needed").
A fax's OCR may read the cross as the letter x ("x  Not approved"): read alike.
Guards: a letter with two such lines or more is a legend or a list of requests (nothing is read); an icon before
a longer text ("✓ Approved for 6 months if ...") or a field name ("✓ Approved qty: 240") is not a status line."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I, M

_ICON = r"[✕✖✗✘❌✓✔☑✅⏳⌛⏸●xX×]"  # a fax's OCR reads the cross as a letter x
_LINE = re.compile(rf"^[ \t|]*{_ICON}[ \t]+(?P<v>[A-Za-z][A-Za-z]*(?:[ \t][A-Za-z]+){{0,3}})[ \t.!]*$", M)


def hits(text: str, words: tuple[tuple[str, str], ...]) -> list[Hit]:
    """The one icon status line's outcome (``words``: (outcome, pattern), the denial before the approval)."""
    lines = list(_LINE.finditer(text))
    found = []
    for m in lines:
        kind = next((k for k, p in words if re.fullmatch(rf"(?:{p})", m.group("v").strip(), I)), None)
        if kind:
            found.append(Hit(kind, m.start("v"), m.end("v")))
    return found if len(lines) == 1 else []
