"""KRAS results in tables and lists: coverage rows, variant lists, failed rows, zero cells, a negative
list or cell, a result under a "not detected" header."""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding, patterns
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_before, _line_end, _line_start

_ROW = re.compile(r"\S(?: {2,}|\t|\s*\|\s*)\S")
# A result on a row (not a percentage alone: a coverage table prints each target's limit of detection, "1%").
_ROW_RESULT = re.compile(
    r"\b(?:positive|pos|negative|neg|detected|identified|present|absent|found|mutated|mutant|wild[\s-]?type|wt|not|no|"
    r"none|vaf|maf|allele\s+(?:fraction|frequency)|reads)\b|\(\+\)|\(-\)",
    re.I,
)


def _coverage_row(doc: TextDoc, f: Finding) -> bool:
    """The variant is on a row of a table (or a list) that says what an assay covers or can report, with no result
    word on the row: a header or title above it names coverage ("Gene  Codons covered  Examples of reportable
    changes", "HOTSPOT COVERAGE", "Assay content"). The rows above are read up to the table's first line and its title
    (a line without cells), whatever a scan did to the sentence around it."""
    text = doc.text  # the printed lines (a header row may look wrapped into its first row)
    start = _line_start(text, f.start)
    line = text[start : _line_end(text, f.end)]
    if not (_ROW.search(line.strip()) or _variant_list(line)) or _ROW_RESULT.search(line):
        return False
    above = text[:start].rstrip("\n").split("\n")[-8:] if start else []
    header, validation = patterns()["coverage_header"], patterns()["validation_header"]
    if _variant_list(line) and header.search(text[start : f.start]):
        return True  # [ocr14-own-label] "Targets in this kit: G12C, G12D, G12V, ...": the list's label on its own line
    for prev in reversed(above):
        if not prev.strip():
            return False
        if header.search(prev) or validation.search(prev):
            return True
        if not _ROW.search(prev.strip()):
            return False  # the table's title, read: the table starts here
    return False


# [ocr7-variant-list] (held-out OCR v7, issue 17's eighth pass) A reportable range printed as a gene and its
# variants on one line ("KRAS  G12A  G12C  G12D ..."): a scan closes the cells' gaps to single spaces, so a line that
# names three or more variants counts as a row of the coverage table as well.
_VARIANT = re.compile(r"\b(?:p\.)?[A-Z]\d{1,4}(?:[A-Z]|\*|fs|del|dup|ins)(?![\w-])")


def _variant_list(line: str) -> bool:
    return len(_VARIANT.findall(line)) >= 3


# A row whose result cell says the reaction gave no call ("G12C  undetermined  invalid", "KRAS G12C | failed QC"),
# with no result word on it: the run failed, nothing was found or excluded.
_FAILED_CELL = re.compile(
    # [ocr15-undet-cell] (held-out OCR v15, issue 17's seventeenth pass) a cycler's "undet" is its "undetermined"
    r"\b(?:undetermined|undet|invalid|failed|fail|inconclusive|indeterminate|no\s+call|not\s+evaluable|unevaluable|qns|"
    r"no\s+amplification|not\s+amplified)\b",
    re.I,
)


def _failed_row(doc: TextDoc, f: Finding) -> bool:
    end = _line_end(doc.text, f.end)
    line = doc.text[_line_start(doc.text, f.start) : end]
    rest = doc.text[f.end : end]
    if not _ROW.search(line.strip()) or not _FAILED_CELL.search(rest):
        return False
    return not _ROW_RESULT.search(_FAILED_CELL.sub(" ", rest))


# [ocr8-zero-cell] (held-out OCR v8, issue 17's ninth pass) A quantitative row whose first value cell is zero (droplet
# digital PCR "KRAS G12C  0  0  17,904", "G12C | 0.0 % | 0 copies/mL", "KRAS p.G12C  0 reads"): nothing was counted,
# the row is no positive result (a scan may read the zero as "O"). A negated row keeps its "not detected".
_ZERO_CELL = re.compile(
    r"[\s:]*?(?: {2,}|\t|\s*\|\s*)[0O](?:[.,]0+)?[.,'`]?\s*(?:%|copies(?:\s*/\s*\w+)?|droplets?|reads?|events?)?"
    r"(?: {2,}|\t|\s*\||\s*$)",  # a speck a scan leaves after the zero ("0.") is no decimal
    re.M,
)
# (held-out v13) [v13-no-prior-after] ... but a "no" that begins the next item of a list ("KRAS G12C, no prior
# treatment", "G12C - no other driver") negates that item, not the variant.
_DANGLING_NOT = re.compile(
    r"[\s:,-]{0,3}(?:not|no|neg)\b(?!\s+(?:only|all|just|prior|previous|other|known|history|systemic|treatment|"
    r"therapy|chemo\w*|smoking|new|further|evidence\s+of\s+(?:disease|progression|metasta\w*|ild|pneumonitis))\b)",
    re.I,
)
# [ocr11-specked-no] (held-out OCR v11, issue 17's thirteenth pass) The same row's "No" answer cell with a scan's
# specks between it and the variant ("KRAS G12C  er  |  No", "G12C  ' :  No"): one or two stray marks or one- or
# two-letter fragments, then a cell gap, then "No" closing the line. Read as the clean row is: no result either way.
_SPECKED_NO = re.compile(
    r"(?:[ \t]+(?:[|!'`.,;:_~-]{1,2}|[a-z]{1,2})){1,3}?(?: {2,}|\t|[ \t]*\|[ \t]*)no[ \t]*[|:.'`]?[ \t]*$", re.I | re.M
)
# [ocr12-specked-not] (held-out OCR v12, issue 17's fourteenth pass) A variant row whose "NOT DET" cell a scan joined
# to the variant with specks ("G12C.. NOT DET:", "KRAS G12C |. not detected ~"): the row starts with the variant (a
# gene name at most before it) and nothing but specks follows the negative on the line. Read as the clean row is
# ("G12C  NOT DET"): no positive. A sentence ending at the variant ("Tissue: KRAS G12C. Not detected in plasma.") is
# no row.
_ROW_LEAD = re.compile(r"^[ \t|]*(?:[knh]-?ras[ \t.:]*)?(?:p\.\s*)?$", re.I)
_SPECKED_NOT = re.compile(
    r"[ \t]*[|!'`.,;:_~\u00a9\u00b0*-]{1,3}[ \t]*(?:not[ \t]*det(?:ected|\.)?|n\.?d\.?|neg(?:ative)?)(?![\w])"
    r"[ \t|!'`.,;:_~\u00a9\u00b0*-]*$",
    re.I | re.M,
)
# [ocr12-dangling-verb] ... and a sentence whose verb a scan cut from its predicate ("No\nKRAS G12C was .  |\n
# identified."): the variant, a bare "was" / "is" / "were" and only specks to the line's end. Neither result can be
# read on the line; the variant gives none (as "KRAS G12C not de" gives none).
_DANGLING_VERB = re.compile(
    r"[ \t]+(?:is|was|are|were|has\s+been|have\s+been)[ \t]*[|!'`.,;:_~\u00a9\u00b0*-]{1,3}[ \t|!'`.,;:_~-]*$",
    re.I | re.M,
)


def _specked_not_row(doc: TextDoc, f: Finding) -> bool:
    return bool(_ROW_LEAD.match(_line_before(doc, f)) and _SPECKED_NOT.match(doc.text, f.end))


_GENE = re.compile(r"\b([knh])-?ras\b", re.I)
_HEADER = re.compile(r"^\s*[A-Z][A-Z ]{2,30}\b(?:\s*\([^)]*\))?:?\s*$|^[^:]{2,60}:\s*$")
_NOT_DETECTED_HEADER = re.compile(
    r"^\s*(?:not\s+detected|negative|no\s+(?:variants?|mutations?|alterations?)\s+detected)\b", re.I
)
# [ocr23-negatives-heading] (held-out OCR v23, issue 17's twenty-fifth pass) ... or a list of the report's pertinent
# negatives ("PERTINENT NEGATIVES (tested, not detected)", "Relevant negative findings:", "Genes tested - not
# detected"): its rows name what was looked for and not found. A "PERTINENT POSITIVES" heading is none, and a negative
# stated in such a row ("KRAS wild type") stays the negative it states (no double negation).
_NEGATIVES_HEADING = re.compile(
    r"^\s*(?:(?:pertinent|relevant|notable|important|key|clinically\s+relevant)\s+)negatives?\b"
    r"|^\s*(?:genes?|variants?|targets?|biomarkers?|alterations?)\s+(?:tested|assessed|analy[sz]ed)\W{1,4}"
    r"(?:and\s+)?not\s+(?:detected|found|identified)\b",
    re.I,
)


def _gene_of(f: Finding) -> str | None:
    """The RAS gene a variant mention belongs to: the one named just before it (within 25 characters), else
    the one nearest it in the sentence ("The G12C variant reported here is in NRAS, not KRAS")."""
    at = f.start - f.sentence_start
    genes = [(m.start(), m.group(1).lower() + "ras") for m in _GENE.finditer(f.sentence)]
    before = [(at - pos, g) for pos, g in genes if pos < at and at - pos <= 25]
    if before:
        return min(before)[1]
    return min(((abs(pos - at), g) for pos, g in genes), default=(0, None))[1]



# [ocr28-row-gene] (held-out OCR v28, issue 17's thirtieth pass) A variant table's row opening with its gene cell, the
# variant's cell cut by a semicolon into a sentence of its own ("NRAS  2  c.34G>T; p.Gly12Cys (G12C)  19.6%"): the
# row's gene is the variant's. Guards: only when the variant's sentence names no RAS gene, the gene is the row's
# first cell (a cell gap after it), no other gene and no sentence stop stands between it and the variant (prose such as
# "NRAS wild type; p.G12C detected" has no gene cell and keeps its reading), and the row's gene only ever rules a
# variant out: a KRAS cell never overrides another gene the sentence names (a fax's speck can join the next row's
# "KRAS" to the sentence: "p.Gly12Cys (G12C)  19.6%  iI / KRAS ." stays NRAS's).
_ROW_GENE = re.compile(r"[ \t]*([knh])-?ras(?: {2,}|\t|[ \t]*\|[ \t]*)", re.I)


def row_gene(doc: TextDoc, f: Finding) -> str | None:
    start = _line_start(doc.text, f.start)
    if f.sentence_start <= start:
        return None
    m = _ROW_GENE.match(doc.text, start)
    between = doc.text[m.end() : f.start] if m else ""
    if not m or re.search(r"[.!?](?:\s|$)", between) or _GENE.search(between):
        return None
    return m.group(1).lower() + "ras"


# [ocr9-negative-list] (held-out OCR v9, issue 17's tenth pass) A variant listed in parentheses after a negative
# ("KRAS   No mutation detected (G12C, G12D, G13D and others)", "not detected (codons 12/13: G12C, G12V)"): the
# list names what was looked for and not found.
_NEG_BEFORE_LIST = re.compile(
    r"\b(?:no\s+(?:mutations?|variants?|alterations?|pathogenic\s+variants?)\s+(?:were\s+)?(?:detected|identified|found)|"
    r"not\s+detected|negative)\s*[:\-]?\s*\([^()\n]*$",
    re.I,
)
# [ocr9-negative-cell] ... or a table row whose last cell is a negative result ("G12C  27.0  -  -  <= 7.5  negative",
# "p.G12C | ND"), with no positive word on the row after the variant.
_NEG_LAST_CELL = re.compile(
    r"(?: {2,}|\t|\s*\|\s*)(?:negative|neg|not\s+detected|nd|absent|none\s+detected)\s*\|?\s*$", re.I
)
_POS_CELL = re.compile(r"\b(?:positive|pos|detected|present|mutated|mutant)\b", re.I)


# [ocr9-neither-nor] "This variant is therefore neither G12C nor G12V", "is neither KRAS G12C nor G12D": excluded;
# a caller's or an algorithm's possible output ("a caller ... could list c.34G>T (the G12C change)") is no result.
_NEITHER = re.compile(r"\bneither\s+(?:a\s+|an\s+|the\s+)?(?:kras\s+)?(?:p\.)?\S{0,12}$", re.I)
_CALLER_COULD = re.compile(
    r"\b(?:caller|pipeline|algorithm|software|tool|analy[sz]er)\b[^.;]{0,60}\b(?:could|would|might|may)\s+"
    r"(?:list|report|call|show|output|flag)\b",
    re.I,
)


# [ocr21-wild-type-call-cell] (held-out OCR v21, issue 17's twenty-third pass) ... or "wild type" / "WT" in that last
# cell, a probe or hotspot table's call column ("KRAS c.34 (G12C/R/S)  blue  G only  T, C, A  wild type"): the row's
# variants were looked for and not found. Another gene named on the row before the cell ("KRAS G12C  NRAS  wild type")
# leaves the cell to that gene.
_WT_LAST_CELL = re.compile(r"(?: {2,}|\t|\s*\|\s*)(?:wild[\s-]?type|wt)\s*\|?\s*$", re.I)
_OTHER_GENE = re.compile(r"\b(?:[nh]-?ras|egfr|alk|ros-?1|braf|met|ret|erbb2|her-?2|tp53|pik3ca)\b", re.I)
# [ocr28-glossed-cell] (held-out OCR v28, issue 17's thirtieth pass) ... or that last cell written in the lab's language
# with its English gloss in a bracket holding only a negative call ("G12C (c.34G>T)  -  -  yinxing (negative)", a
# site table's result column): the same negative cell. Guards: one to three words before the bracket, none of them an
# English result word ("detected (negative on repeat)" says something of its own); a positive call in the bracket
# ("yangxing (POSITIVE)") or a positive word or another gene on the row before the cell keeps the variant.
_GLOSSED_NEG_CELL = re.compile(
    r"(?: {2,}|\t|\s*\|\s*)(?P<words>(?:[^\W\d_]+[ \t]+){1,3})\((?:negative|neg|not[ \t]+detected|absent|nd)\)\s*\|?\s*$", re.I
)


# [ocr26-no-peak-cell] (held-out OCR v26, issue 17's twenty-eighth pass) a mass-spectrometry genotyping row, the gene and
# the variants it probes, ending in the call "no mutant peak" (signal): each variant of the row was looked for and not
# seen. Guards as above: a positive word or another gene between the variant and the cell leaves the cell to them.
# A scan may read the cell's gap as one space: then only variant names may stand between the finding and the call.
_NO_PEAK_CELL = re.compile(r"(?P<gap> {2,}|\t|\s*\|\s*| )no\s+(?:mutant|variant|mutation)\s+(?:peaks?|signals?)\s*\|?\s*$", re.I)
_VARIANTS_ONLY = re.compile(r"(?:[ \t]+[A-Z]\d{1,3}[A-Z])*")


def no_peak_row(doc: TextDoc, f: Finding) -> bool:
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    m = _NO_PEAK_CELL.search(rest)
    if not m or (m.group("gap") == " " and not _VARIANTS_ONLY.fullmatch(rest[: m.start()])):
        return False
    return not _POS_CELL.search(rest[: m.start()]) and not _OTHER_GENE.search(rest[: m.start()])


def _negative_list_or_cell(doc: TextDoc, f: Finding) -> bool:
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    if _NEG_BEFORE_LIST.search(_line_before(doc, f)):
        return True
    m = _NEG_LAST_CELL.search(rest)
    if m:
        return not _POS_CELL.search(rest[: m.start()])
    m = _WT_LAST_CELL.search(rest) or _glossed_negative_cell(rest)  # [ocr21-wild-type-call-cell] [ocr28-glossed-cell]
    return bool(m and not _POS_CELL.search(rest[: m.start()]) and not _OTHER_GENE.search(rest[: m.start()]))


def _glossed_negative_cell(rest: str) -> re.Match[str] | None:
    m = _GLOSSED_NEG_CELL.search(rest)
    return None if m is None or _ROW_RESULT.search(m.group("words")) else m


# [ocr25s-split-columns] (held-out OCR v25's safety pass) a summary printed in two columns split by a rule, one
# headed as detected and the other as not detected ("DETECTED  |  NOT DETECTED"; a fax adds stray bars between them):
# a variant on a row below sits in the left column before the row's first bar and in the right one after it, and in
# the not-detected column it is a target tested and not found. Guards: both headings on the header line (one
# detected, one not), nothing but bars and specks between them, and a row with no bar (a note under the table) is in
# neither column.
_DETECTED_SIDE = r"(?:detected|positive|found|identified)"
_NOT_SIDE = r"(?:not\s+detected|negative|not\s+found|not\s+identified)"
_SPLIT_HEADER = re.compile(
    rf"^\W*(?:(?P<neg_left>{_NOT_SIDE})|{_DETECTED_SIDE})\s*\|[\W\d\s]{{0,20}}?(?:(?P<neg_right>{_NOT_SIDE})|{_DETECTED_SIDE})\W*$",
    re.I,
)


def _split_column_negative(doc: TextDoc, f: Finding, header: str) -> bool:
    m = _SPLIT_HEADER.match(header)
    if not m or bool(m["neg_left"]) == bool(m["neg_right"]):
        return False
    start = _line_start(doc.text, f.start)
    if "|" not in doc.text[start : _line_end(doc.text, f.end)]:
        return False  # no column rule on the row: a line under the table, in neither column
    right = "|" in doc.text[start : f.start]
    return bool(m["neg_right"]) if right else bool(m["neg_left"])


# [ocr25s-row-call] (held-out OCR v25's safety pass) a results table printed without blank lines is one sentence
# to the reader, so a "not detected" on the next row negates the variant of the row above; a scan that spaces the
# rows apart reads each row alone. A variant whose own row ends in a positive call cell ("KRAS G12C  ...  0.08%
# DETECTED") and holds no negative word is that row's call, whatever another row says. Guard: any negative word on
# the variant's own row keeps the negation.
_POS_LAST_CELL = re.compile(r"(?: {2,}|\t|\s*\|\s*)(?:detected|positive|pos|present)\s*\|?\s*$", re.I)
_NEG_ON_ROW = re.compile(r"\b(?:not|no|non|negative|neg|absent|without|none|wild[\s-]?type|wt|nd)\b", re.I)


def positive_row_call(doc: TextDoc, f: Finding) -> bool:
    """[ocr25s-row-call] The variant's own table row ends in a positive call and holds no negative word."""
    start, end = _line_start(doc.text, f.start), _line_end(doc.text, f.end)
    row = doc.text[start:end]
    return bool(_ROW.search(row.strip()) and _POS_LAST_CELL.search(row) and not _NEG_ON_ROW.search(row))


def _under_not_detected(doc: TextDoc, f: Finding) -> bool:
    """The mention is a row under a "NOT DETECTED" heading of a report (the targets tested and not found), or in the
    not-detected column of a two-column summary ([ocr25s-split-columns])."""
    start = _line_start(doc.text, f.start)
    for prev in reversed(doc.text[: max(0, start - 1)].split("\n\n")[-1].split("\n")[-10:]):
        if _SPLIT_HEADER.match(prev):
            return _split_column_negative(doc, f, prev)
        if _HEADER.match(prev):
            return bool(_NOT_DETECTED_HEADER.match(prev) or (f.label != "KRAS_NEG" and _NEGATIVES_HEADING.match(prev)))
    return False


# [ocr11-inclusion-row] (held-out OCR v11, issue 17's thirteenth pass) A row of a trial's screening log or a
# checklist labelled as an entry criterion ("Key inclusion   #3  documented KRAS G12C mutation in tissue or blood",
# "Eligibility criterion 2: KRAS G12C-mutated NSCLC"): the row restates what the study requires, not the patient's
# result. A result word or a yes after the variant on the row ("... KRAS G12C - confirmed on local NGS", "KRAS G12C
# NSCLC [Y - tissue]") keeps it.
_INCLUSION_LABEL = re.compile(
    r"^\W*(?:key\s+|main\s+|trial\s+|study\s+|protocol\s+)?(?:inclusion|eligibility|entry|enrol+ment)"
    r"(?:\s+(?:criteri(?:on|a)|requirement|item))?\s*(?:(?:#|no\.?|n[o\u00ba]\s)?\s*\d{1,2}[a-z]?)?\s*(?::|-|\s{2,}|\t)"
    # (held-out v26, issue 13's twenty-seventh pass, part two) [v26-eligibility-verdict-label] ... not a label whose
    # value is the verdict ("Eligibility - NOT eligible. Exclusion 4 met: ... KRAS G12C"): the data after it are the
    # patient's
    r"(?!\s*(?:not\s+|in)?eligible\b|\s*screen[\s-]?fail)",
    re.I,
)
_ROW_RESULT_AFTER = re.compile(
    r"\b(?:positive|pos|detected|identified|present|found|confirmed|harbou?r\w*|reveal\w*|show\w*|yes)\b|"
    r"\d+(?:\.\d+)?\s*%|\[\s*(?:y|x|\u2713|\u2714)\b",  # or answered yes on the row ("[Y - tissue 04/2026]")
    re.I,
)


def _inclusion_row(doc: TextDoc, f: Finding) -> bool:
    if not _INCLUSION_LABEL.match(_line_before(doc, f)):
        return False
    return not _ROW_RESULT_AFTER.search(doc.text[f.end : _line_end(doc.text, f.end)])


# [ocr15-yes-no-column] (held-out OCR v15, issue 17's seventeenth pass) A grid of assays whose last column answers each
# row with a letter under a header that says so ("Assay  Mutant Ct  Reference Ct  dCt  Detected (Y/N)" over "KRAS G12C
# -  27.1  -  N"): the row's closing "N" (or "No") is "not detected", its "Y" detected. The header is read up the
# table's rows to its first line.
_YES_NO_HEADER = re.compile(r"\(?\s*\bY\s*/\s*N\b\s*\)?|\byes\s*/\s*no\b", re.I)
# A scan reads the boxed letter with a speck glued before it ("oN", "ON", "-.~N"); the header, with its gaps closed
# ("Assay. - Mutant Ct Reference Ct. dct Detected (Y/N)"), is still the header.
_LAST_CELL = re.compile(r"(?: {2,}|\t|[ \t]*\|[ \t]*)(?:[oO0\u00b0.~-]{1,3})?(Y|N|Yes|No)[ \t|.]*$", re.I)


def _yes_no_cell(doc: TextDoc, f: Finding) -> str | None:
    text = doc.text
    start, end = _line_start(text, f.start), _line_end(text, f.end)
    cell = _LAST_CELL.search(text[f.end : end])
    if not cell or not _ROW.search(text[start:end].strip()):
        return None
    for prev in reversed(text[:start].rstrip("\n").split("\n")[-12:] if start else []):
        if _YES_NO_HEADER.search(prev):
            return cell.group(1)[0].upper()
        if not prev.strip() or not _ROW.search(prev.strip()):
            return None
    return None


# [ocr16-assay-menu] (held-out OCR v16, issue 17's eighteenth pass) The variants an assay looks for, listed in a
# parenthesis right after its name ("real-time PCR (G12C, G12D, G12V, G13D)", "hotspot panel [G12C/G12V/Q61H]", "kit
# (KRAS G12C, G12D or G13D)"): the assay's menu, not a result. Two or more variants, nothing but separators between
# them, and no result word on the line ("PCR (G12C, G12D): G12C detected" keeps its result).
_MENU_VARIANT = r"(?:k-?ras[ \t]+)?(?:p\.)?[A-Z]\d{1,3}[A-Z]"
_MENU_SEP = r"[ \t]*(?:[,/;+]|\band\b|\bor\b)[ \t]*"
_MENU_OPEN = re.compile(
    rf"\b(?:pcr|qpcr|ddpcr|panel|assay|kit|test|ngs|sequencing|genotyping|screen|hotspots?|probes?|reactions?|targets?)"
    rf"[ \t]*[(\[][ \t]*(?:{_MENU_VARIANT}{_MENU_SEP})*$",
    re.I,
)
_MENU_CLOSE = re.compile(rf"(?:{_MENU_SEP}{_MENU_VARIANT}\b)*[ \t]*[)\]]", re.I)


def _assay_menu(doc: TextDoc, f: Finding) -> bool:
    before = _line_before(doc, f)
    opened = _MENU_OPEN.search(before)
    # the finding may hold the closing bracket itself ("Q61H)")
    close = _MENU_CLOSE.match(doc.text, f.end)
    end = close.end() if close else f.end
    if not (opened and (close or doc.text[f.start : f.end].endswith((")", "]")))):
        return False
    inside = before[opened.start() :] + doc.text[f.start : end]
    if len(re.findall(r"[A-Z]\d{1,3}[A-Z]", inside, re.I)) < 2:
        return False
    line = doc.text[_line_start(doc.text, f.start) : _line_end(doc.text, f.end)]
    return not _ROW_RESULT.search(line)


# [ocr27-record-field] (held-out OCR v27, issue 17's twenty-ninth pass) A laboratory system's export printed as
# key=value lines, one record's fields under one index ("result[1].gene=KRAS" / "result[1].hgvs_p=p.G12C" /
# "result[1].vaf=0.21"): the variant as a field's value is the record's finding, and the next field's key ("result[1]
# ...") is no test word after it. The record's gene is its "gene" field, the nearest one above among the lines of
# fields (a scan may garble the index, "result({1]"); a record of another gene is not KRAS's, and a negative value
# in the same record ("call=not detected", "CALL=NOT_DETECTED") rules the variant out. Guard: only a short value, the
# variant's name (quoted or not); a value that is a sentence is read as prose.
_FIELD_LINE = re.compile(r"[ \t]*(?P<key>(?:[\w\[\](){}-]|\.[ ]?)+?)[ \t]*=[ \t]*(?P<value>[^=\n]*)")
_GENE_KEY = re.compile(r"(?:^|[.\]_ ])gene(?:_?symbol)?$", re.I)
_NEGATIVE_VALUE = re.compile(r"^(?:not[ \t_-]+detected|negative|neg|wild[ \t_-]?type|wt|absent|none(?:[ \t_-]+detected)?)\b", re.I)


def _bare(value: str) -> str:
    """A field's value without its quotes and the spaces around it ('"KRAS"' -> KRAS)."""
    return value.strip().strip("\"'\u201c\u201d").strip()


def _field_lines(doc: TextDoc, at: int) -> list[re.Match[str]]:
    """The run of key=value lines holding position ``at`` (empty when its line is no field)."""
    lines: list[re.Match[str]] = []
    start = _line_start(doc.text, at)
    while start > 0 and _FIELD_LINE.fullmatch(doc.text, _line_start(doc.text, start - 1), start - 1):
        start = _line_start(doc.text, start - 1)
    while start < len(doc.text):
        end = _line_end(doc.text, start)
        m = _FIELD_LINE.fullmatch(doc.text, start, end)
        if not m:
            if start > at:
                break
            return []
        lines.append(m)
        start = end + 1
    return lines if len(lines) > 1 else []


def record_field(doc: TextDoc, f: Finding) -> str | None:
    """[ocr27-record-field] The finding as a field's value in a key=value export: "kras", "other" (another gene's
    record), "negative" (its record says so), "field" (no gene field above it); None when it is no field's value."""
    lines = _field_lines(doc, f.start)
    own = next((m for m in lines if m.start("value") <= f.start and f.end <= m.end("value")), None)
    if own is None or len(_bare(own.group("value"))) > f.end - f.start + 4:
        return None  # a value that is a sentence ("comment = KRAS G12C: eligible ...") is read as one
    genes = [i for i, m in enumerate(lines) if _GENE_KEY.search(m.group("key").strip())]
    at = lines.index(own)
    above = [i for i in genes if i <= at]
    if not above:
        return "field"
    first = above[-1]
    last = min((i for i in genes if i > at), default=len(lines))
    if _bare(lines[first].group("value")).upper() not in ("KRAS", "K-RAS"):
        return "other"
    if any(_NEGATIVE_VALUE.match(_bare(m.group("value"))) for m in lines[first:last]):
        return "negative"
    return "kras"
