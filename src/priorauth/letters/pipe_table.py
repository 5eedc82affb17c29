"""A pipe table's rows read as a sentence (issue 18's twenty-fourth set, its safety pass).

A criteria worksheet prints its criteria as a Markdown table (``| 4 | Patient is 18 ... | Not met | ... |``) with
``Met?`` in its header: the header's question mark ended a "sentence", and the next one, the table's rows up to the
decision line, was taken as the denial reason because it held "not met". A sentence that is a table's rows (a
Markdown rule ``|---|``, or two lines or more opening with a bar) is no reason sentence: the
reason is read elsewhere (the decision line's own words, or the unmet criterion's row).

Guards: a sentence with one or two bars (``Reason | Not covered``), a sentence of prose."""

from __future__ import annotations

import re

_RULE = re.compile(r"\|[ \t]*:?-{3,}")


def rows(sentence: str) -> bool:
    """The sentence is a pipe table's rows, not prose."""
    if _RULE.search(sentence):
        return True
    return len(re.findall(r"(?m)^[ \t]*\|", sentence)) >= 2
