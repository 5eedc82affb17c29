"""What a KRAS finding's own clause covers (held-out OCR v24, issue 17's twenty-sixth pass).

Three ways a report or a note writes a KRAS line whose words reach past what the finding itself says:

* [ocr24-exon-scoped-negative] a negative call limited to a part of the gene that does not hold codon 12 ("KRAS
  exon 3: no variant detected", "KRAS codon 61 wild type"): no answer about G12C, which sits in exon 2.
* [ocr24-acquaintance-result] a result in a friend's, a neighbour's or another patient's tumour ("My friend's cancer
  had the G12C gene"): somebody else's, as a relative's is.
* [ocr24-marker-specimen] a specimen named after the KRAS call for another marker of the same sentence ("KRAS wild
  type, PD-L1 TPS 80% on the biopsy"): that marker's specimen; the KRAS call's is the one its own item names first.
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_start

# --- [ocr24-exon-scoped-negative] ------------------------------------------------------------------------------------
# "exon 3", "exons 3-4", "exons 3 and 4", "codon 61", "codons 12/13", "codon 12 and 13"
_PART = re.compile(r"\b(exons?|codons?)[ \t]*((?:\d{1,3}(?:[ \t]*(?:-|\u2013|/|,|\+|to|and|&)[ \t]*)?)+)", re.I)
_RANGE = re.compile(r"(\d{1,3})[ \t]*(?:-|\u2013|to)[ \t]*(\d{1,3})")
_CODON12 = {"exon": 2, "codon": 12}


def _numbers(listed: str) -> set[int]:
    out: set[int] = set()
    for m in _RANGE.finditer(listed):
        out.update(range(int(m[1]), int(m[2]) + 1))
    out.update(int(n) for n in re.findall(r"\d{1,3}", _RANGE.sub(" ", listed)))
    return out


def other_part_negative(doc: TextDoc, f: Finding) -> bool:
    """A KRAS negative whose own words name only exons or codons that leave codon 12 out ("exon 3", "codon 61")."""
    parts = list(_PART.finditer(doc.text[f.start : f.end]))
    if not parts:
        return False
    return not any(_CODON12[m[1].lower().rstrip("s")] in _numbers(m[2]) for m in parts)


# --- [ocr24-acquaintance-result] -------------------------------------------------------------------------------------
_ACQUAINTANCE = (
    r"friend|neighbou?r|colleague|co-?worker|workmate|acquaintance|classmate|room-?mate|flat-?mate|"
    r"(?:another|other|fellow)[ \t]+patient"
)
_TUMOUR_WORD = r"(?:tumou?rs?|cancers?|biops(?:y|ies)|tests?|results?|reports?|mutations?|disease|genes?)"
# "my friend's cancer", "a neighbour's lung tumour", "another patient's result"
_THEIR_TUMOUR = re.compile(
    rf"\b(?:{_ACQUAINTANCE})(?:['\u2019]s|s['\u2019])\s+(?:\w+\s+){{0,2}}?{_TUMOUR_WORD}\b", re.I
)
# the patient's own tumour named after it ("... but my biopsy shows G12C")
_OWN_TUMOUR = re.compile(
    rf"\b(?:my|your|our|the\s+patient['\u2019]s|pt['\u2019]s|own)\s+(?:\w+\s+){{0,2}}?{_TUMOUR_WORD}\b", re.I
)


def acquaintance_result(doc: TextDoc, f: Finding) -> bool:
    """The clause before the finding (back to a stop) names a friend's or another patient's tumour, and no tumour
    of the patient's own comes between."""
    clause = re.split(r"[.!?;](?:\s|$)", doc.text[max(0, f.start - 200) : f.start])[-1]
    theirs = list(_THEIR_TUMOUR.finditer(clause))
    return bool(theirs) and not _OWN_TUMOUR.search(clause, theirs[-1].end())


# --- [ocr24-marker-specimen] -----------------------------------------------------------------------------------------
# another marker named after the KRAS call, which a following specimen word then belongs to
_OTHER_MARKER = re.compile(
    r"(?:^|[,;]|\band\b)\s*(?:pd-?l1|tps|egfr|alk|ros-?1|braf|her-?2|erbb2|ntrk\d?|ret|(?-i:MET)|tmb|msi|mmr|nras)\b",
    re.I,
)


def specimen_texts(doc: TextDoc, f: Finding) -> tuple[str, ...]:
    """Where the finding's specimen is looked for, nearest first: its sentence up to another marker named after
    the finding, then the start of the finding's line before its sentence (a list item's "plasma ctDNA panel -
    ...; KRAS wild type"), then the document's head and title, as before."""
    cut = max(0, f.end - f.sentence_start)
    other = _OTHER_MARKER.search(f.sentence, cut)
    own = f.sentence[: other.start()] if other else f.sentence
    lead = doc.text[_line_start(doc.text, f.sentence_start) : f.sentence_start] if other else ""
    return own, lead, doc.text[:600], doc.title
