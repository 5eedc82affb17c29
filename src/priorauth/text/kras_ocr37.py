"""KRAS readings of issue 17's thirty-seventh OCR pass (held-out OCR set 36 read: a US practice's paper).

* [ocr37-fields-row] a line of two or more "Label: value" cells side by side ("NRAS, BRAF: no mutation  Microsatellite
  status: stable (MSS)  HER2: not amplified") is a row of fields, a statement of its own: a capitalised line after it
  ("The KRAS G12C mutation predicts ...") starts a new sentence, so the row's "no mutation" does not negate it. Only two
  or more result fields (a capitalised label and, after its colon, a result's word: no, not, negative, stable, not
  amplified, wild type ...), the cells two or more spaces apart, and a next line that starts with a capital; a prose
  line with one label ("Note: the sample ... was") wraps as before, and so does a row of other fields ("Drug: adagrasib
  200 mg tablets  Prescriber: Dr ..." over "Our criteria require ...": a payer's request, not a drug given).
* [ocr37-same-position-as] a variant named as what another change is compared with by its position ("KRAS p.G12S
  changes the same nucleotide (c.34) as G12C", "G12D sits at the same codon as G12C"): the comparison, no result. Only
  "same" with a position's noun (codon, nucleotide, base, position, residue, amino acid) and "as" right before the
  variant, and nothing after it in its clause reading as a result ("the same codon as the G12C detected in 2024" keeps
  its result).
* [ocr37-applies-only-to] a therapy said to apply only to a variant ("G12C-directed therapy ... applies only to G12C",
  "sotorasib is indicated only for KRAS G12C"): the drug's scope, no result, as what a drug targets is
  ([ocr33-drug-targets-only]). Only a therapy's noun or name as the subject and "only" / "solely" / "exclusively" with
  its verb (applies, is, are, is indicated, is approved) right before the variant; a result after it in its clause
  ("indicated only for G12C, detected here at 12%") keeps its result.
* [ocr37-patient-own-label] inside a family-history section, a line labelled as the patient's own testing ("Patient's
  tumor testing: NGS ... showed an EGFR exon 19 deletion; KRAS, ALK, ROS1 and BRAF were negative"): the patient's
  result, not a relative's, so it is read. Only a label at a line's start naming the patient (patient's, pt's,
  proband's, her own, his own) and a test or tumour noun, the label the last one before the finding, and no relative
  named between the label and the finding ("Patient's tumor testing: ... her sister's tumor had G12C" stays family).
* [ocr37-not-speck-detected] (an OCR reading of "was not detected") a scan's speck between "not" and "detected"
  ("KRAS p.G12C (c.34G>T) was not  ." over "detected."): the call is still "not detected", as
  [ocr32s-copula-speck-not] reads a speck before the "not". Only a copula right after the variant (its bracketed alias
  between), "not", then specks, spaces and line breaks alone, then detected / found / identified; a word after "not"
  ("was not tested. Detected: ...") is no such call.
* [ocr37-person-named] a scanned word read doubtfully that looks like a drug's name ("Mirabel", near "zirabev") but is
  a person's given name: capitalised, then a capitalised surname (one hyphen allowed) and a comma with a credential
  ("Mirabel Castaneda-Voss, MS, CGC"): a name, so the page hides no drug and an absence of a prior inhibitor is read on
  it. Only the word right before such a surname and credential; a doubtful word anywhere else is still checked.
* [ocr37-status-grid] a gene-status grid ("FGFR1 WT  HRAS WT  IDH1 WT  KRAS WT  MAP2K1 WT", three or more gene
  cells a row): a word of another gene's cell read doubtfully ("PIK3CA WT" at 50%) speaks of that gene, so KRAS's own
  cell, read well, is trusted, as another gene's labelled cell is ([ocr33-other-gene-cell]). Only rows wholly made of
  gene-and-status cells, two thirds of them known genes' symbols, the finding in the KRAS cell; a cell whose gene is
  one letter from KRAS ("HRAS", "NRAS", "KRA5") still counts, as it may be KRAS misread.
* [ocr37-bracketed-in] the word "in" right after an opening bracket ("(in-house 50-gene panel)"): a word, not a typed
  answer box read as "(I N" ([ocr19s-broken-box]); a capital "(In" or "[1N" is still a broken box.

Review fixes (narrowed): a fields row ends its statement only when its last cell is a complete field and the next line
starts with no variant or KRAS; the patient's own label needs a value (no "pending" / "sent"), the finding in its own
sentence and no relative to that sentence's end; a given name needs one space before the surname, a name's label and
no medication list; a grid's cells are all status words under known (or one-letter-misread) genes, the doubted cell a
known gene's; the look-ahead for a result runs to the sentence's end across ";" and ":".
"""

from __future__ import annotations

import re

from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

_VARIANT_LEAD = r"(?:(?:the|a|an)[ \t\n]+)?(?:k-?ras[ \t\n]+)?(?:\(?p\.[ \t]?)?"
# The rest of the finding's sentence, across ";" and ":" and a line's wrap (a next line begun in lower case) ("only for
# G12C; her tumor harbors it (VAF 18%)"): a result anywhere in it keeps the finding's result (review fix).
_SENTENCE_REST = re.compile(r"(?:[^.!?\n]|[.!?](?=[\w%(])|\n(?=[ \t]*[a-z(]))*")
_RESULT_MORE = re.compile(
    r"\b(?:harbou?r\w*|carr(?:y|ies|ied|ying)|has|have|had|vaf|allele[ \t\n]+fraction|in[ \t\n]+(?:this|our|the)[ \t\n]+"
    r"(?:patient|tumou?r|sample|specimen|case))\b",
    re.I,
)


def _result_after(doc: TextDoc, f: Finding) -> bool:
    rest = _SENTENCE_REST.match(doc.text, f.end)
    return bool(rest and (_RESULT_WORD.search(rest.group(0)) or _RESULT_MORE.search(rest.group(0))))


# --- [ocr37-fields-row] ------------------------------------------------------------------------------------------------
_FIELD_CELL = re.compile(
    r"[A-Z][\w ,/&()+-]{0,40}:[ \t]*(?:no|not|negative|positive|detected|absent|present|wild[ \t-]?type|wt|stable|"
    r"unstable|high|low|amplified|mutated|mutant|equivocal|intact|retained|lost|proficient|deficient)\b",
    re.I,
)
_CELL_GAP = re.compile(r" {2,}|\t")
# A cell left open at the line's end (review fix): "KRAS: negative for" / "KRAS G12C: not" / "KRAS: no mutation at" /
# "KRAS:" goes on on the next line, as does a next line begun with a variant or KRAS ("G12C, G12D and G12V.").
_OPEN_END = re.compile(
    r"(?:\b(?:no|not|for|at|of|in|with|without|and|or|to|than|by|on|as|the|a|an|any|nor)|[:,;/&])[ \t]*$", re.I
)
_COMPLETE_CELL = re.compile(r"[A-Z][^:\n]{0,40}:[ \t]*\S")
_VARIANT_NEXT = re.compile(r"[ \t]*(?:\(?(?:p|c)\.|[A-Z]\d{1,4}(?:[A-Z*]|fs|del|ins|dup)|(?i:k-?ras|codons?|exons?)\b)")


def fields_row(line: str, nxt: str) -> bool:
    """[ocr37-fields-row] "NRAS, BRAF: no mutation  MSI: stable  HER2: not amplified" over a capitalised line: a row
    of fields, no wrap into the next line."""
    if not nxt.lstrip()[:1].isupper() or _VARIANT_NEXT.match(nxt):
        return False
    cells = [c for c in _CELL_GAP.split(line.strip()) if c]
    if len(cells) < 2 or not _COMPLETE_CELL.match(cells[-1]) or _OPEN_END.search(cells[-1]):
        return False  # the row's last cell is not a complete field: its statement goes on
    return sum(bool(_FIELD_CELL.match(c)) for c in cells) >= 2


# --- [ocr37-same-position-as] ------------------------------------------------------------------------------------------
_SAME_POSITION_AS = re.compile(
    r"\bsame[ \t\n]+(?:codon|nucleotide|base|position|residue|amino[ \t\n]+acid)[ \t\n]*(?:\([^()\n]{1,20}\)[ \t\n]*)?"
    r"as[ \t\n]+" + _VARIANT_LEAD + "$",
    re.I,
)


def same_position_as(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-same-position-as] "G12S changes the same nucleotide (c.34) as G12C": the comparison, no result."""
    if f.label == "KRAS_NEG" or not _SAME_POSITION_AS.search(doc.text, max(0, f.start - 80), f.start):
        return False
    return not _result_after(doc, f)


# --- [ocr37-applies-only-to] -------------------------------------------------------------------------------------------
_APPLIES_ONLY_TO = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|inhibitors?|drugs?|agents?|regimens?|sotorasib|adagrasib|divarasib)\b"
    r"(?:[ \t\n]*\([^()]{0,60}\))?[ \t\n]+"
    r"(?:(?:applies|apply)[ \t\n]+(?:only|solely|exclusively)[ \t\n]+to"
    r"|(?:is|are)[ \t\n]+(?:(?:indicated|approved)[ \t\n]+)?(?:only|solely|exclusively)[ \t\n]+(?:for|to|in)"
    r"|(?:is|are)[ \t\n]+(?:only|solely|exclusively)[ \t\n]+(?:indicated|approved)[ \t\n]+(?:for|in))"
    r"[ \t\n]+" + _VARIANT_LEAD + "$",
    re.I,
)


def applies_only_to(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-applies-only-to] "G12C-directed therapy (...) applies only to G12C": the drug's scope, no result."""
    if f.label == "KRAS_NEG" or not _APPLIES_ONLY_TO.search(doc.text, max(0, f.start - 120), f.start):
        return False
    return not _result_after(doc, f)


# --- [ocr37-patient-own-label] -----------------------------------------------------------------------------------------
_LINE_LABEL = re.compile(r"^[ \t]*[A-Z][\w ,'/&()-]{0,40}:", re.M)
_OWN_LABEL = re.compile(
    r"[ \t]*(?:(?:the[ \t]+)?(?:patient|pt|proband)(?:'s|s')|(?:her|his|their)[ \t]+own)[ \t]+(?:own[ \t]+)?"
    r"(?:tumou?r|somatic|molecular|genomic|biomarker|ngs|biopsy|test|testing|results?)\b[^:\n]{0,30}:",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:(?:step|half)[ \t-]?)?(?:sister|brother|sibling|sib|mother|father|parent|daughter|son|child|aunt|uncle|"
    r"cousin|niece|nephew|grand\w+|relative|family|kindred|husband|wife|spouse|partner|twin|mom|dad|mum)s?(?:'s|s')?\b"
    r"|\b(?:MGM|PGM|MGF|PGF|maternal|paternal|(?:first|second|third|1st|2nd|3rd)[ \t-]degree)\b"
    r"|(?i:\b(?:step|half)[ \t-]?\w+)",
    re.I,
)
# A label whose value is no result (review fix): "Patient's tumor testing: pending (sent 11/2026)".
_NO_VALUE = re.compile(
    r"[ \t]*(?:pending|awaited|awaiting|sent|ordered|requested|in[ \t]+(?:process|progress)|not[ \t]+(?:yet[ \t]+)?"
    r"(?:done|performed|sent|available|tested|back|resulted|received)|none|n/?a|unknown|tbd)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?](?=[ \t]*(?:\n|$)|[ \t]+[A-Z(])|\n\n")
_WRAPPED_BREAK = re.compile(r"[^,;:\w\n][ \t]*\n")  # a line's end that is no wrap ("... (sent 11/2026)" over "KRAS")


def patient_own_label(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-patient-own-label] "Patient's tumor testing: ...; KRAS ... negative" in a family history: the patient's."""
    window_start = max(0, f.start - 400)
    labels = list(_LINE_LABEL.finditer(doc.text, window_start, f.start))
    if not labels or not _OWN_LABEL.match(labels[-1].group(0)) or _NO_VALUE.match(doc.text, labels[-1].end()):
        return False
    between = doc.text[labels[-1].end() : f.start]
    if _SENTENCE_END.search(between) or _WRAPPED_BREAK.search(between):
        return False  # the finding is not in the label's own sentence
    end = _SENTENCE_END.search(doc.text, f.end)
    return not _RELATIVE.search(doc.text, labels[-1].end(), end.start() if end else len(doc.text))


# --- [ocr37-not-speck-detected] ----------------------------------------------------------------------------------------
_SPECK = r"[ \t.,;:'`\u2018\u2019~_\u2013\u2014\u2026|-]"
_NOT_SPECK_DETECTED = re.compile(
    r"(?:[ \t]*\([^()\n]{1,30}\))?\)?[ \t\n]+(?:was|is|were|are|(?:has|have|had)[ \t]+been)[ \t\n]+not"
    rf"((?:{_SPECK}|\n)+)(?:detected|found|identified)\b",
    re.I,
)


def not_speck_detected(doc: TextDoc, f: Finding) -> bool:
    """[ocr37-not-speck-detected] "KRAS p.G12C (c.34G>T) was not ." over "detected.": negated."""
    m = _NOT_SPECK_DETECTED.match(doc.text, f.end)
    return bool(m and m.group(1).strip())  # a clean "was not detected" is the ordinary negation's


# --- [ocr37-person-named] ----------------------------------------------------------------------------------------------
_SURNAME_CREDENTIAL = re.compile(
    r" [A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]*,[ \t]*(?:MD|DO|MS|CGC|LCGC|RN|NP|PA(?:-C)?|PhD|PharmD|MBBS|FNP|APRN)\b"
)


# A name's context (review fix): a label naming a person right before the word on its line ("Counselor:", "Seen with",
# "Signed:"), or the word starting its line under a line that ends with such a label.
_NAME_LABEL = (
    r"(?:(?:genetic[ \t]+)?counsell?or|seen[ \t]+(?:with|by)|(?:electronically[ \t]+)?signed(?:[ \t]+by)?|reviewed[ \t]+by|"
    r"dictated[ \t]+by|(?:prepared|verified|approved|interpreted|reported|authored|written|referred)[ \t]+by|"
    r"attending(?:[ \t]+physician)?|(?:ordering|referring|treating)(?:[ \t]+(?:physician|provider|clinician))?|"
    r"physician|provider|clinician|pathologist|navigator|coordinator|author|contact|cc|from|to|attn|patient(?:[ \t]+name)?|"
    r"name)"
)
_NAME_BEFORE = re.compile(rf"(?:^|[ \t])(?i:{_NAME_LABEL})[ \t]*[:\-]?[ \t]*$")
_NAME_LINE_ABOVE = re.compile(rf"(?i:{_NAME_LABEL})[ \t]*:[ \t]*$")
# A medication list or drug table (a header or section word): a doubted word there may be a drug, whoever follows it.
_MEDICATION_CONTEXT = re.compile(
    r"\b(?:drugs?|medications?|meds|medicines?|prescri\w*|rx|dos(?:e|es|ing|age)|regimens?|therap(?:y|ies)|"
    r"treatments?|inhibitors?|agents?|mg|tablets?|bid|tid|qd|daily)\b",
    re.I,
)


def person_named(text: str, start: int, end: int) -> bool:
    """[ocr37-person-named] "Mirabel Castaneda-Voss, MS, CGC": a person's given name, no misread drug."""
    if not text[start : start + 1].isupper() or not _SURNAME_CREDENTIAL.match(text, end):
        return False
    line_start, line_end = _line_start(text, start), _line_end(text, end)
    before = text[line_start:start]
    if before.strip():
        named = bool(_NAME_BEFORE.search(before))
    else:
        above = text[_line_start(text, max(0, line_start - 1)) : max(0, line_start - 1)]
        named = line_start > 0 and bool(_NAME_LINE_ABOVE.search(above))
    if not named:
        return False
    block = text.rfind("\n\n", 0, line_start)
    block = max(block + 2 if block >= 0 else 0, line_start - 600)
    return not _MEDICATION_CONTEXT.search(text, block, line_end)  # never in a medication list or drug table


# --- [ocr37-status-grid] -----------------------------------------------------------------------------------------------
_GRID_PAIR = re.compile(r"[^\w\s]{0,2}([A-Z][A-Z0-9]{1,6})[ \t]+([A-Za-z0-9.>*-]{1,8})(?:[^\w\n]{0,3}[ \t]*|$)")
_GRID_SYMBOLS = [
    "KRAS",
    "NRAS",
    "HRAS",
    "BRAF",
    "EGFR",
    "ALK",
    "ROS1",
    "RET",
    "MET",
    "ERBB2",
    "HER2",
    "NTRK1",
    "NTRK2",
    "NTRK3",
    "PIK3CA",
    "TP53",
    "STK11",
    "KEAP1",
    "MAP2K1",
    "NF1",
    "PTEN",
    "SMAD4",
    "APC",
    "CDKN2A",
    "FGFR1",
    "FGFR2",
    "FGFR3",
    "FGFR4",
    "IDH1",
    "IDH2",
    "KIT",
    "PDGFRA",
    "BRCA1",
    "BRCA2",
    "NRG1",
    "CTNNB1",
    "RB1",
    "ATM",
    "AKT1",
    "AKT2",
    "AKT3",
    "ERBB3",
    "ERBB4",
    "MAP2K2",
    "MTOR",
    "TSC1",
    "TSC2",
    "ARID1A",
    "SMARCA4",
    "NOTCH1",
    "CDK4",
    "CDK6",
    "MDM2",
    "MYC",
    "NFE2L2",
    "RAF1",
    "GNAS",
    "POLE",
    "MLH1",
    "MSH2",
    "MSH6",
    "PMS2",
    "FBXW7",
    "ESR1",
    "JAK2",
    "CCND1",
    "U2AF1",
    "RIT1",
    "SMO",
    "DDR2",
]
_GRID_GENE = re.compile("(?-i:" + "|".join(_GRID_SYMBOLS) + ")")
_GRID_STATUS = re.compile(
    r"(?i:wt|neg|pos|mut|amp|negative|positive|normal|wild-?type)|(?:p\.)?[A-Z]\d{1,4}(?:[A-Z*]|fs\*?\d*|del|ins|dup)"
)


def _grid_pairs(line: str) -> list[re.Match[str]] | None:
    """The (gene, status) cells of a gene-status grid's row ("AKT1 WT  ALK WT  BRAF V600E"), None for any other line:
    three or more cells making up the whole line, two thirds of them or more a known gene's symbol."""
    pairs, at, body = [], 0, line.rstrip()
    while at < len(body):
        m = _GRID_PAIR.match(body, at)
        if not m or m.end() == at:
            return None
        pairs.append(m)
        at = m.end()
    if len(pairs) < 3 or not all(_GRID_STATUS.fullmatch(m.group(2)) for m in pairs):
        return None  # review fix: every cell's status a status word ("KRAS G12C N0T DETECTED" is no grid)
    known = sum(bool(_GRID_GENE.fullmatch(m.group(1))) for m in pairs)
    # every cell a known gene's symbol or one a scan misread by one character ("(DH1 WT" for "IDH1 WT")
    return pairs if known * 3 >= len(pairs) * 2 and all(_near_gene(m.group(1)) for m in pairs) else None


def _near_gene(token: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    if _GRID_GENE.fullmatch(token):
        return True
    return len(token) >= 3 and any(Levenshtein.distance(token, g) <= 1 for g in _GRID_SYMBOLS if len(g) >= 3)


def grid_other_cell(text: str, start: int, cited: tuple[int, int]) -> bool:
    """[ocr37-status-grid] a word of another gene's cell in a gene-status grid ("PIK3CA WT" read at 50%), the finding
    in KRAS's own cell ("KRAS WT"): that gene's word, not the finding's."""
    from rapidfuzz.distance import Levenshtein

    own_start, at_start = _line_start(text, cited[0]), _line_start(text, start)
    own_pairs = _grid_pairs(text[own_start : _line_end(text, cited[0])])
    pairs = own_pairs if own_start == at_start else _grid_pairs(text[at_start : _line_end(text, start)])
    if not own_pairs or not pairs:
        return False
    own = next((m for m in own_pairs if own_start + m.start() <= cited[0] < own_start + m.end()), None)
    cell = next((m for m in pairs if at_start + m.start() <= start < at_start + m.end()), None)
    if own is None or cell is None or own.group(1) != "KRAS" or (own_start == at_start and own is cell):
        return False
    if not _GRID_GENE.fullmatch(cell.group(1)):
        return False  # review fix: another gene's cell only under a known gene's symbol
    return Levenshtein.distance(cell.group(1), "KRAS") >= 2  # "HRAS", "NRAS", "KRA5": may be KRAS misread, still count


# What this pass reads as no result of the patient, in kras_facts' order (one hook there).
NO_RESULT = (same_position_as, applies_only_to)
