"""A decision label's value read as a decision word: the one loop behind :mod:`priorauth.letters.label_languages`
(Dutch, Spanish) and :mod:`priorauth.letters.label_french`, each giving its own label, value end, condition words,
word families (the denial first) and word end."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, I


def hits(
    text: str,
    label: re.Pattern[str],
    value_end: re.Pattern[str],
    condition: re.Pattern[str],
    words: tuple[tuple[str, str], ...],
    word_end: str,
) -> list[Hit]:
    """Each ``label`` match whose value (to ``value_end``, without a ``condition``) opens with a word of one of
    ``words``' families; the first family that matches decides, its span is the word."""
    found = []
    for m in label.finditer(text):
        value = value_end.split(m.group("v"))[0]
        if condition.search(value):
            continue
        for kind, family in words:
            w = re.match(rf"[ \t*]*(?P<w>{family}){word_end}", value, I)
            if w:
                found.append(Hit(kind, m.start("v") + w.start("w"), m.start("v") + w.end("w")))
                break
    return found
