"""A docs page read with its history put back where it stood.

``docs/history/<page>`` holds, verbatim, the pass-by-pass history once in ``docs/<page>``: one ``## `` part per
place it was moved from. The page keeps a short summary there, ending on a line that links to the part
(``history/<page>#<part's anchor>``). ``read`` splices each part back in after that line, so a reader of the numbers
(the tests, ``scripts/text_design_probe.py``) sees every table in the page's original order; a page without a
history file is read as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PART = re.compile(r"^## (.+)\n\n", re.M)


class HistoryError(ValueError):
    """A history part the page does not link to: the splice would lose its place."""


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def parts(history: str) -> list[tuple[str, str]]:
    """Each ``## `` part of a history file: its anchor and its body (the verbatim text moved out of the page)."""
    heads = list(PART.finditer(history))
    after = [*heads[1:], None][: len(heads)]  # the part after each (none after the last)
    return [
        (anchor(h.group(1)), history[h.end() : nxt.start() if nxt else None].strip("\n"))
        for h, nxt in zip(heads, after, strict=True)
    ]


def splice(page: str, history: str, name: str = "page") -> str:
    """The page with each history part put back after the line that links to it."""
    for part, body in parts(history):
        link = f"history/{name}#{part})"
        at = page.find(link)
        if at < 0:
            raise HistoryError(f"docs/{name} has no link to history/{name}#{part}")
        end = page.find("\n", at) + 1 or len(page)
        page = f"{page[:end]}\n{body}\n{page[end:]}"
    return page


def read(name: str, root: Path = ROOT) -> str:
    """``docs/<name>`` with ``docs/history/<name>`` spliced back in (the page alone when it has no history)."""
    page = (root / "docs" / name).read_text("utf-8")
    history = root / "docs" / "history" / name
    return splice(page, history.read_text("utf-8"), name) if history.exists() else page
