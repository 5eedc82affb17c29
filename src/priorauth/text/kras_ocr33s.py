"""Held-out OCR v33's safety pass (issue 17): a negative panel's coverage list naming the variant it looked for.

[ocr33s-coverage-locus] A variant named, with its locus, in what a test covers: "Genes with hotspot or full coverage
include: KRAS (including codon 12 G12C), EGFR, ...", "Targets include KRAS (exon 2, codons 12/13: G12C, G12D)",
"Hotspot regions include KRAS codon 12 (G12C)". The locus ("codon 12", "exon 2 codons 12/13:") between the range word
and the variant hid the range from the test-range rule, which reads the range word right before the variant; a
negative report's coverage list then read as a G12C found. The locus is set aside and the range read before it: a
range word ("including", "incl.", "covering", "such as") or a coverage clause ending in "include(s)" (genes, regions,
targets, hotspots, coverage, panel or assay named before it). No result.
Guards: a result word in the clause before the variant ("Variants detected include KRAS codon 12 G12C"), or after it up
to the clause's end ("KRAS (including codon 12 G12C detected, VAF 18%)"), keeps the finding; so does a clause naming
what was found ("Genes with alterations include KRAS codon 12 G12C", "Findings include ..."); no locus, no change (the
older rules decide). Read on the finding's line (the line above only when the locus opens the line: a wrap).
"""

from __future__ import annotations

import re

from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_at, _line_start

# The locus written between the range word and the variant: "codon 12", "exon 2, codons 12/13:", "KRAS codon 12 (".
_LOCUS_TAIL = re.compile(
    r"(?:\bk-?ras\b[ \t]*)?(?:\([ \t]*)?"
    r"(?:(?:,|\band\b)?[ \t]*\b(?:exons?|codons?)[ \t]*\d{1,3}(?:[ \t]*(?:[/,&-]|\band\b|\bto\b)[ \t]*\d{1,3})*[ \t]*[:,(]?[ \t]*)+"
    r"(?:k-?ras[ \t]*)?(?:(?:p\.)?[A-Z]\d{1,3}[A-Z][ \t]*(?:[,/]|\bor\b|\band\b)[ \t]*)*(?:p\.[ \t]*)?$",
    re.I,
)
# The range read before the locus: a range word, or a coverage clause that ends in "include(s)".
_RANGE_BEFORE = re.compile(
    r"(?:\b(?:including|incl\.?|includes|covering|covers|such\s+as|e\.\s?g\.?)"
    r"|\b(?:genes?|regions?|targets?|hotspots?|coverage|panel|assay|test)\b[^.;:]{0,50}\binclude[sd]?\b[ \t]*:?)"
    r"[ \t]*[:(]?[ \t]*(?:k-?ras\b[ \t]*)?[:(]?[ \t]*$",
    re.I,
)
# A clause naming what was found, not what was looked for ("Genes with alterations include ...", "Variants ...").
_FOUND_NOUN = re.compile(
    r"\b(?:alter\w*|mutat\w*|variants?|changes?|findings?|abnormalit\w*|aberration\w*|lesions?)\b", re.I
)
_CLAUSE_STOP = re.compile(r"(?<!\bincl)(?<!\be\.g)[.;](?=\s|$)", re.I)


def coverage_locus(doc: TextDoc, f: Finding) -> bool:
    start = _line_start(doc.text, f.start)
    lead = _CLAUSE_STOP.split(doc.text[start : f.start])[-1]
    locus = _LOCUS_TAIL.search(lead)
    if not locus or not locus.group(0).strip():
        return False
    rest = lead[: locus.start()]
    if not rest.strip() and start > 0:  # the locus opens its line: the range word ends the line above (a wrap)
        above = _line_at(doc.text, start - 1)
        rest = _CLAUSE_STOP.split(above)[-1] + " "
    if not _RANGE_BEFORE.search(rest) or _RESULT_WORD.search(rest) or _FOUND_NOUN.search(rest):
        return False
    after = re.split(r"[.;\n)]", doc.text[f.end : f.end + 80], maxsplit=1)[0]
    return not _RESULT_WORD.search(after)
