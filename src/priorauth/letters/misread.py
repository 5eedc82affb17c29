"""Words OCR misreads in a fax of a letter (issue 18's twenty-second set), as patterns that read them too.

* ``PRIOR``: "prior" with its "ri" read as one "n" ("pnor"), its "i" as "l", "1" or "|" ("prlor", "pr1or"):
  a disclaimer that says "It is not a pnor authorization decision" is the same disclaimer.

Guards: each pattern is a whole word's spelling only (a word boundary either side at its use), never a looser
"p..or" ("poor", "pour" and "prayor" are not "prior")."""

from __future__ import annotations

PRIOR = r"(?:pr[il1|]or|pnor)"
