"""What a KRAS finding's own clause covers (held-out OCR v24, issue 17's twenty-sixth pass).

Three ways a report or a note writes a KRAS line whose words reach past what the finding itself says:

* [ocr24-exon-scoped-negative] a negative call limited to a part of the gene that does not hold codon 12 ("KRAS
  exon 3: no variant detected", "KRAS codon 61 wild type"): no answer about G12C, which sits in exon 2.
* [ocr24-acquaintance-result] a result in a friend's, a neighbour's or another patient's tumour ("My friend's cancer
  had the G12C gene"): somebody else's, as a relative's is.
* [ocr25-relative-has-variant] (held-out OCR v25, issue 17's twenty-seventh pass) a sentence whose subject is a
  relative ("Her sister, who is also our patient, has a KRAS G12C lung cancer"), the variant the object of its
  "has", "had" or "carries": the relative's, as [ocr24-acquaintance-result] is a friend's.
* [ocr25-cell-free-dna] a plasma result "detected in cell-free DNA": "free" is the sample's name, no negation; a
  sentence with any other negative word keeps its negation.
* [ocr26-no-call-made] (held-out OCR v26, issue 17's twenty-eighth pass) a sentence saying no call can be made ("No
  mutation call could be made for any KRAS target, G12C included"): the variants it names were not read, no result.
* [ocr28-query-topic] (held-out OCR v28, issue 17's thirtieth pass) the variant as the topic of a question ("a
  second opinion that answers a query about G12C", "your question regarding KRAS G12C"): what was asked, no result;
  the answer is read where it is stated.
* [ocr24-marker-specimen] a specimen named after the KRAS call for another marker of the same sentence ("KRAS wild
  type, PD-L1 TPS 80% on the biopsy"): that marker's specimen; the KRAS call's is the one its own item names first.
"""

from __future__ import annotations

import re

from priorauth.text.document_scope import KIN
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


# --- [t34-kras-neg-other-gene] (issue 13's thirty-fourth pass) ------------------------------------------------------
# A negative that KRAS_NEG's window reaches past KRAS's own word and a comma, in another gene's clause ("KRAS pending,
# EGFR negative", "KRAS sent out; ALK wild-type"): that gene's result, not KRAS's. Guards: a list of genes sharing one
# verdict ("KRAS, NRAS, BRAF negative", "KRAS and NRAS wild-type") stays KRAS's negative.
_OWN_WORD_THEN_OTHER_GENE = re.compile(
    r"k-?ras\b\s*:?\s*(?:testing\s+|test\s+|result\s+|status\s+)?(?:is\s+|was\s+)?(?:pending|sent(?:\s+out)?|ordered|awaited|"
    r"requested|to\s+follow|in\s+progress|not\s+(?:yet\s+)?(?:tested|done|performed|available|reported)|failed|insufficient|qns|"
    r"positive|detected|mutated|mutant|unknown)\b[^.;,\n]{0,20}[,;]\s*(?:and\s+)?(?:egfr|alk|ros-?1|braf|met|ret|ntrk\d?|"
    r"her-?2|erbb2|pd-?l1|tp53|stk11|keap1|pik3ca|nras|hras|kit)\b",
    re.I,
)


def other_gene_negative(doc: TextDoc, f: Finding) -> bool:
    """A KRAS negative read from another gene's clause after KRAS's own word ("KRAS pending, EGFR negative")."""
    return bool(_OWN_WORD_THEN_OTHER_GENE.match(doc.text, f.start))


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


# --- [ocr25-relative-has-variant] ------------------------------------------------------------------------------------
# the sentence (or a line of it: a salutation may run into it) opens with a relative (an aside between commas allowed), whose verb of having comes right before the
# variant: "Her sister, who ..., has a KRAS G12C", "His father carried KRAS G12C". A verb of someone else between
# ("Her sister says she has ...", "his brother asked whether he has ...") is no such sentence.
_RELATIVE_HAS = re.compile(
    rf"(?:^|\n)[ \t]*\W{{0,3}}(?:her|his|their|my|your|the\s+patient['\u2019]s|pt['\u2019]s)\s+(?:late\s+|older\s+|younger\s+|twin\s+)?"
    rf"(?:{KIN})(?:\s*,[^,.;!?]{{1,100}},)?\s+(?:also\s+)?(?:has|had|carries|carried|harbou?rs|harbou?red)\s+"
    rf"(?:an?\s+|the\s+)?(?:k-?ras\s+)?(?:p\.\s*)?$",
    re.I,
)


def relative_has_variant(doc: TextDoc, f: Finding) -> bool:
    """The finding's sentence, or one of its lines, opens with a relative whose "has" / "carries" names the variant."""
    return bool(_RELATIVE_HAS.search(doc.text[f.sentence_start : f.start]))


# --- [ocr25-cell-free-dna] -------------------------------------------------------------------------------------------
_CELL_FREE = re.compile(r"\b(?:cell|circulating)[ \t-]*free(?=[ \t-]*(?:dna|nucleic|tumou?r|fraction|plasma)\b)", re.I)
_OTHER_NEGATION = re.compile(
    r"\b(?:not|no|non|never|nor|none|negative|neg|absent|without|wild[\s-]?type|wt|nd|excluded|ruled\s+out|undetect\w*|"
    r"free|fail\w*)\b",
    re.I,
)


def cell_free_only(f: Finding) -> bool:
    """The sentence's only negative word is the "free" of "cell-free DNA" (the plasma sample's name)."""
    return bool(_CELL_FREE.search(f.sentence)) and not _OTHER_NEGATION.search(_CELL_FREE.sub(" ", f.sentence))


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


# --- [ocr31s-tissue-lacking] ----------------------------------------------------------------------------------------
# (held-out OCR v31's safety pass) A tissue word said to be lacking ("... KRAS G12C not detected and no tissue",
# "tissue unavailable", "without a biopsy", "biopsy exhausted") names no specimen the finding was read on: it is skipped
# when the finding's specimen is looked for (the plasma the report names elsewhere is then read). Guards: a tissue
# word that is not lacking ("tissue NGS", "no tissue left? tested on the resection") is a specimen as before.
_LACKING_BEFORE = re.compile(r"\b(?:no|without|lacking|absent)\s+(?:(?:a|an|the|any|further|more|archival|remaining)\s+)?$", re.I)
_LACKING_AFTER = re.compile(
    r"\s*(?:(?:was|is|were|are|had\s+been|has\s+been)\s+)?(?:unavailable|exhausted|not\s+available|depleted|insufficient)\b",
    re.I,
)


# [ocr32-tissue-pending] (held-out OCR v31, issue 17's thirty-second pass) ... or a tissue word whose own test is still
# under way ("tissue testing in progress at outside lab", "tissue NGS pending", "tissue biopsy sent out"): the result
# beside it (a plasma report's row a scan joined to that line) was not read on tissue. Guards: a tissue word with a
# result ("tissue NGS: KRAS G12C detected"), a pending test of something else ("tissue PD-L1 pending" keeps "tissue").
_PENDING_AFTER = re.compile(
    r"[ \t]+(?:(?:ngs|testing|test|sequencing|genotyping|profiling|analysis|results?|biopsy|specimen|sample|molecular)"
    r"[ \t]+){1,2}(?:(?:is|are|was|were|still|now)[ \t]+){0,2}(?:in[ \t]+progress|pending|awaited|underway|to[ \t]+follow|"
    r"sent(?:[ \t]+out)?|not[ \t]+yet[ \t]+(?:resulted|available|back|reported))\b",
    re.I,
)


def tissue_named(rx: re.Pattern[str], text: str) -> bool:
    """[ocr31s-tissue-lacking] Whether the tissue pattern ``rx`` names a specimen in ``text``: a match said to be
    lacking ("no tissue", "tissue unavailable") names none; [ocr32-tissue-pending] nor does one whose test is under way
    ("tissue testing in progress")."""
    return any(
        not (
            _LACKING_BEFORE.search(text[: m.start()])
            or _LACKING_AFTER.match(text, m.end())
            or _PENDING_AFTER.match(text, m.end())
        )
        for m in rx.finditer(text)
    )


# --- [ocr26-no-call-made] --------------------------------------------------------------------------------------------
# "no (mutation / variant / genotype) call can / could be made", "no call was possible": a failed run's words. A
# sentence that also gives a call ("... for G12D; G12C detected") keeps its finding.
_NO_CALL = re.compile(
    r"\bno\s+(?:(?:mutation|variant|genotype|genotyping|reliable)\s+)?calls?\s+(?:can|could|was|were|is)\s+(?:be\s+)?"
    r"(?:made|possible|issued|given)\b",
    re.I,
)
_CALL_GIVEN = re.compile(r"\b(?:detected|identified|found|present|positive|negative|wild[\s-]?type)\b", re.I)


def no_call_made(f: Finding) -> bool:
    """[ocr26-no-call-made] The finding's sentence says that no call can be made: no result."""
    return bool(_NO_CALL.search(f.sentence)) and not _CALL_GIVEN.search(_NO_CALL.sub(" ", f.sentence))



# --- [ocr28-query-topic] --------------------------------------------------------------------------------------------
# A question's noun and its preposition right before the variant (at most an article, the gene and "p." between).
# Guards: the question itself, not a question's label ("Question: KRAS G12C detected?" is a form's field) nor an
# answer ("in answer to ..., KRAS G12C was found": the noun is no question noun).
_QUERY_ABOUT = re.compile(
    r"\b(?:query|queries|question|questions|enquiry|inquiry|request\s+for\s+comment)[ \t]+(?:about|regarding|concerning|on|"
    r"re:?|as[ \t]+to)[ \t]+(?:(?:the|a|an|any|her|his|their)[ \t]+)?(?:k-?ras[ \t]+)?(?:p\.[ \t]?)?$",
    re.I,
)


def query_topic(doc: TextDoc, f: Finding) -> bool:
    """[ocr28-query-topic] "answers a query about G12C": the variant is what was asked."""
    return bool(_QUERY_ABOUT.search(doc.text[max(0, f.start - 80) : f.start]))
