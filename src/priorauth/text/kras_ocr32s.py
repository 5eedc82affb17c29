"""Held-out OCR v32's safety pass (issue 17): a G12C named where no result is given, and a negative call a fax's
speck split from its copula.

[ocr32s-report-requested] The variant named as what a requested document must confirm ("the plan requires a copy of
the laboratory report confirming a KRAS G12C mutation", "please fax the molecular report showing KRAS G12C"): what is
asked for, no result. Guards: no requirement or request verb before the document in the finding's sentence ("the
report confirming a KRAS G12C mutation is attached", "we received the NGS report showing KRAS G12C") stays a result.

[ocr32s-label-population] The variant named as the population a drug's label or approval is for ("current FDA labeling
for sotorasib is for KRAS G12C-mutated NSCLC", "approved only for KRAS G12C-mutated NSCLC"): the drug's indication,
no result of this patient. Guards: the variant must be followed by a mutated/positive adjective and a disease or
patient noun; "her tumor is KRAS G12C-mutated" (no label before) stays a result. A sentence a scan's speck opened
on the predicate ("... labeling for sotorasib and adagrasib  :" over "is for KRAS G12C-mutated NSCLC") is read with the
line before (a sentence never opens on "is for").

[ocr32s-document-not-received] The variant naming a document said not received, missing or outstanding ("KRAS G12C
documentation that has not been received", "KRAS G12C report still outstanding"): what is missing, no result. Guards:
a received or attached report (a "received" a scan misread, "recelved", is read as received after "not been") ("KRAS G12C report received 11/02: detected") stays a result.

[ocr32s-drug-labeling] A drug named as what a label speaks of ("current FDA labeling for sotorasib and adagrasib is
for ...", "the prescribing information of adagrasib"): no drug given. Guards: a drug given in the same sentence, not
right after the label ("she took sotorasib, per its labeling, with food"), stays given.

[ocr32s-copula-speck-not] A negative call whose copula a fax's speck or line break split from its "not" ("KRAS G12C
was ; NOT detected", "KRAS G12C was" over "- not detected."): the copula cannot end a clause, so the "not" is the
variant's. Guards: a word other than a copula between the variant and "not" ("KRAS G12C was found; EGFR not detected"),
a result word before the "not" ("KRAS G12C is present - not detected: EGFR") keep their reading.
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc

_REQUEST_BEFORE = re.compile(
    r"\b(?:requires?|required|requiring|needs?|needed|please\s+(?:send|fax|forward|provide|submit|attach)|"
    r"must\s+(?:send|fax|provide|submit|include|attach)|(?:send|fax|forward|provide|submit)\s+us)\b[^.;:!?]{0,80}?"
    r"\b(?:report|result|documentation|document|record|copy|evidence|proof)s?\s+"
    r"(?:confirming|showing|documenting|demonstrating|(?:that|which)\s+(?:confirms|shows|documents|demonstrates))\s+"
    r"(?:(?:an?|the)\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)
_LABEL_BEFORE = re.compile(
    r"\b(?:label(?:l?ing)?|indications?|approvals?|(?:fda|ema)[\s-]+approved|approved|indicated|licensed)\b[^.;:!?]{0,60}?"
    r"\b(?:(?:is|are)\s+)?(?:only\s+|solely\s+|limited\s+|restricted\s+)?(?:for|to)\s+"
    r"(?:(?:adults?|patients?|people|those)\s+with\s+)?(?:(?:an?|the)\s+)?(?:k-?ras\s+)?(?:p\.)?$",
    re.I,
)
_PREDICATE_OPENS = re.compile(r"^(?:is|are)\s+(?:only\s+|solely\s+|limited\s+|restricted\s+)?(?:for|to)\b", re.I)
_SPACED_SPECK = re.compile(r"\s[:;|]+(?=\s)")
_POPULATION_AFTER = re.compile(
    r"[\s-]*(?:mutated|mutant|mutation[\s-]*positive|positive|\+)\s+(?:advanced\s+|metastatic\s+|locally\s+advanced\s+)?"
    r"(?:nsclc|non[\s-]*small|lung|crc|colorectal|cancer|tumou?rs?|disease|patients?|solid)\b",
    re.I,
)
_NOT_RECEIVED_AFTER = re.compile(
    r"[ \t]+(?:(?:mutation|test(?:ing)?)[ \t]+)?(?:documentation|documents?|reports?|results?|paperwork|records?)[ \t\n]+"
    r"(?:(?:that|which)[ \t\n]+)?(?:(?:(?:has|have|was|were|is|are)[ \t\n]+(?:still[ \t\n]+)?(?:not|never)[ \t\n]+(?:yet[ \t\n]+)?"
    r"(?:been[ \t\n]+)?(?:received|rec[a-z]{3,5}|provided|submitted|sent|supplied|attached|included|faxed))|(?:(?:is|are)[ \t\n]+)?"
    r"(?:still[ \t\n]+)?(?:missing|outstanding|not[ \t\n]+(?:yet[ \t\n]+)?received))\b",
    re.I,
)
_LABEL_OF_DRUG = re.compile(
    r"\b(?:label(?:l?ing)?|prescribing\s+information|package\s+inserts?|product\s+information)\s+(?:of|for)\s+"
    r"(?:[\w-]+(?:\s*,\s*|\s+(?:and|or)\s+)){0,2}$",
    re.I,
)
_SPECKS = r"[ \t.,;:'`\u2018\u2019~_\u2013\u2014\u2026|-]"
_COPULA_SPECK_NOT = re.compile(
    rf"[ \t]+(?:was|is|were|are|(?:has|have|had)[ \t]+been)((?:{_SPECKS}|\n)+)not[ \t]+(?:detected|found|identified)\b",
    re.I,
)


def _sentence_before(doc: TextDoc, f: Finding) -> str:
    before = doc.text[max(f.sentence_start, f.start - 200) : f.start]
    return " ".join(before.split()) + (" " if before[-1:].isspace() else "")  # "a KRAS " keeps its space


def report_requested(doc: TextDoc, f: Finding) -> bool:
    """[ocr32s-report-requested] "requires a copy of the report confirming a KRAS G12C mutation": no result."""
    return bool(_REQUEST_BEFORE.search(_sentence_before(doc, f)))


def label_population(doc: TextDoc, f: Finding) -> bool:
    """[ocr32s-label-population] "labeling ... is for KRAS G12C-mutated NSCLC": the drug's indication, no result."""
    if not _POPULATION_AFTER.match(doc.text, f.end):
        return False
    before = _sentence_before(doc, f)
    if _PREDICATE_OPENS.match(before):  # a scan's speck ended the sentence before its predicate ("adagrasib  :" over
        wider = " ".join(doc.text[max(0, f.start - 200) : f.start].split())  # "is for KRAS G12C-mutated ..."): the
        before = _SPACED_SPECK.sub(" ", wider) + " "  # label's subject is the line before, across the speck
    return bool(_LABEL_BEFORE.search(before))


def copula_speck_not(doc: TextDoc, f: Finding) -> bool:
    """[ocr32s-copula-speck-not] "KRAS G12C was ; NOT detected" / "was" over "- not detected": negated."""
    m = _COPULA_SPECK_NOT.match(doc.text, f.end)
    return bool(m and m.group(1).strip(" \t"))  # a clean "was not detected" is the ordinary negation's


def document_not_received(doc: TextDoc, f: Finding) -> bool:
    """[ocr32s-document-not-received] "KRAS G12C documentation that has not been received": no result."""
    return bool(_NOT_RECEIVED_AFTER.match(doc.text, f.end))


def drug_in_labeling(before: str) -> bool:
    """[ocr32s-drug-labeling] "FDA labeling for sotorasib and adagrasib": the drugs of a label, none given."""
    return bool(_LABEL_OF_DRUG.search(" ".join(before[-80:].split()) + " "))
