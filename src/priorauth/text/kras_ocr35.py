"""KRAS readings of issue 17's thirty-fifth OCR pass (held-out OCR set 34 read: a US practice's paper).

* [ocr35-quoted-alias] a corrected report quoting what its original said, the variant written twice, its coding change
  and then its protein change in brackets ("The original report listed KRAS c.34G>T (p.G12C) in error."): the bracket
  is the same quote, no result, as the coding change before it is ([ocr32-earlier-report-quoted]). Only a protein
  change in a bracket opened right after a coding change; the quote's own guards stand (a quote said to stand, "...,
  which is unchanged", keeps its result; a sentence that quotes no earlier report is no quote).
"""

from __future__ import annotations

import re
from dataclasses import replace

from priorauth.text.kras_corrections import earlier_report_quoted
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc

# --- [ocr35-quoted-alias] ----------------------------------------------------------------------------------------------
_CODING_THEN_BRACKET = re.compile(r"\b(?:c\.)?\d{1,4}[ACGT]>[ACGT][ \t]*[(\[][ \t]*(?:p\.)?$", re.I)


def quoted_alias(doc: TextDoc, f: Finding) -> bool:
    """[ocr35-quoted-alias] "The original report listed KRAS c.34G>T (p.G12C) ...": the bracket quotes as the change."""
    if f.label == "KRAS_NEG":
        return False
    m = _CODING_THEN_BRACKET.search(doc.text, max(f.sentence_start, f.start - 40), f.start)
    return bool(m) and earlier_report_quoted(doc, replace(f, start=m.start(), end=f.end))
