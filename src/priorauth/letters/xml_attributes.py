"""An XML element that says its values in attributes, read as labelled values.

Issue 18's nineteenth set printed gateway responses whose coverage and appeal window are an empty element's
attributes (``<Coverage start="2027-02-10" end="2027-08-09"/>``, ``<Appeal lastDay="2027-05-30" level="1"/>``).
Each attribute's value stays where it is; the room before it (the tag's name, the attribute's name, ``="``)
becomes its label in words ("Coverage start: ", "Appeal last Day: "; the element's name dropped when it does not
fit, "end: "), its closing quote and the tag's end blanks: the same length, every span holds. Only an element
closed in itself (``/>``); an element with text between its tags is :func:`priorauth.letters.markup._xml`'s."""

from __future__ import annotations

import re

_EMPTY = re.compile(r"<(?P<n>[A-Za-z][\w.\-]{0,60})(?P<attrs>(?:[ \t]+[A-Za-z][\w.:\-]{0,60}=\"[^\"<>\n]{0,120}\")+)[ \t]*/>")
_ATTR = re.compile(r"(?P<pre>[ \t]+)(?P<k>[A-Za-z][\w.:\-]{0,60})=\"(?P<v>[^\"<>\n]{0,120})\"")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+")


def _words(name: str) -> str:
    return " ".join(_WORD.findall(name.split(":")[-1]))


def _element(m: re.Match[str]) -> str:
    element = _words(m.group("n"))
    out = ""
    for n, a in enumerate(_ATTR.finditer(m.group("attrs"))):
        room = len(a.group("pre")) + len(a.group("k")) + 2 + (0 if n else 1 + len(m.group("n")))  # '<Appeal lastDay="'
        label = next(
            (x for x in (f"{element} {_words(a.group('k'))}: ", f"{_words(a.group('k'))}: ") if len(x) <= room), ""
        )
        out += label.rjust(room) + a.group("v") + " "  # the closing quote a blank
    return out.ljust(len(m.group(0)))


def labelled(text: str) -> str:
    """The text with each empty element's attributes written as labelled values (the same length)."""
    return _EMPTY.sub(_element, text)
