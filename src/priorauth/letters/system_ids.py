"""A system's own "ID" is no member's (issue 18's thirty-third set, its safety pass: an ePA printout's "ePA ID:
MA-..." over its "Member ID ...", the member's label misread at fax, read as the member id).

The last fallback for the member id is a bare "ID" label that is nothing else's (:func:`priorauth.letters.patient_fields`
``_ID_LABEL``, "Cedar Mutual ID: CM-44102"); the words that make an ID another thing's are listed there by whole word
("request", "case", "pa", ...). A system's label joins its word to the "ID" or to a letter before it: "ePA ID", "e-PA
ID", "eRx ID", "ePrescribing ID", and a portal's, vendor's or submission's ("Portal ID", "Vendor ID", "Submission ID",
"Transmission ID", "Batch ID", "Job ID"): such an ID is the request's or the system's, never the member's. Guards: a
plan's name before ID ("Cedar Mutual ID: ..."), "Member ID", "Subscriber ID" and a bare "ID:" are read as before."""

from __future__ import annotations

import re

_SYSTEM = re.compile(
    r"(?:\be-?(?:pa|rx|prescri\w*)|\b(?:portal|vendor|system|submission|transmission|batch|job|session|device)\b)\W*$",
    re.I,
)


def names_system(before: str) -> bool:
    """The words before an "ID" label on its line (``before``) end with a system's name: the ID is the system's."""
    return bool(_SYSTEM.search(before))
