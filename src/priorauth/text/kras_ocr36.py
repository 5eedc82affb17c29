"""KRAS readings of issue 17's thirty-sixth OCR pass (held-out OCR set 35 read: a US practice's paper).

* [ocr36-miscalled-as] a variant named as what a caller, a tool or a reader may turn another change INTO ("software may
  misreport the first base (c.34G>T) as p.G12C", "the G12F allele can be miscalled as G12C", "was misread as KRAS
  G12C"): the wrong call, no result. Only the variant right after "as" (an article, the gene and "p." between), a
  mis- verb (misreport, miscall, misread, misclassify, misidentify, mislabel, misinterpret, misassign) before it in its
  clause. The variant the text calls wrong is never the patient's; the variant it calls right keeps its result.
* [ocr36-topic-about] a variant named as what a caution, a warning, a note or a comment is about ("a caution about
  G12C", "Note regarding KRAS G12C", "comment concerning the p.G12C call"): the topic, no result, as a query's topic is
  ([ocr28-query-topic]). Only when nothing after it in its clause reads as a result ("a note about KRAS G12C, detected
  at 4%" keeps its result).
* [ocr36-method-title] an assay's name made of the variant and a PCR method ("KRAS G12C DROPLET DIGITAL PCR (ddPCR) -
  TISSUE", "G12C allele-specific PCR", "KRAS p.G12C real-time PCR"): the test's title, no result, as "KRAS G12C
  MUTATION DETECTION (qPCR)" is ([ocr34-detection-title]). Only when nothing after it on its line reads as a result
  ("KRAS G12C digital PCR: detected, 2.1%" keeps its result).
* [ocr36-assay-detects-only] what an assay is built to find, in the present tense and with "only" ("This assay detects
  only KRAS c.34G>T (p.G12C)", "the test only detects G12C"): the assay's scope, no result. Only an assay's noun as the
  subject (assay, test, panel, kit, PCR, probe) and "only"; a past tense ("the assay detected G12C") is a result.
* [ocr36-quoted-withdrawn] an earlier report's words quoted in quote marks and said withdrawn (or in error) right after
  the closing mark ('The original report listed "no KRAS mutation detected"; that statement is withdrawn.'): the
  quote, no result, as an unquoted quote said to be in error is ([ocr32-earlier-report-quoted]). A quote said to stand
  ("..., which is unchanged") or something else withdrawn later in the clause keeps the quote's result.
* [ocr36-reference-channel] a digital or real-time PCR table's wild-type row, the assay's reference channel: "KRAS wild
  type" as the row's first cell, an amount (copies, a count) in the next, and the row calling itself a control ("KRAS
  wild type  412.6  --  Valid (amplifiable DNA)", "KRAS WT  3,120  reference"): the DNA was amplifiable, no KRAS
  result; the mutant row above it is the result. Only a row that starts with the finding, an amount right after it and
  a control's word on the line (valid, reference, control, amplifiable); "KRAS wild type  --  NEGATIVE" stays negative.
* [ocr36-specked-columns] (an OCR reading of [ocr35s-gap-columns]) a scan's speck at the end of a two-column table's
  lines: a lone bar or dot cell after the header's two headings ("DETECTED  NOT DETECTED  |"), a stop after a row's
  last cell ("EGFR L858R (c.2573T>G) 38%  KRAS (including G12C)."): the header is still two headings and the row still a
  row, so the G12C in the not-detected column stays not detected, as on the clean page. Only a cell of specks alone
  (bars, dots, commas, quotes) and a row of two or more cells whose only stop is its last character; a line with a stop
  inside it stays prose.
"""

from __future__ import annotations

import re

from priorauth.text.kras_corrections import _EARLIER_SAID
from priorauth.text.kras_ocr34 import title_without_result
from priorauth.text.layout import _RESULT_WORD
from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

_VARIANT_LEAD = r"(?:(?:the|a|an)[ \t]+)?(?:k-?ras[ \t]+)?(?:\(?p\.[ \t]?)?"

# --- [ocr36-miscalled-as] ----------------------------------------------------------------------------------------------
# (review 2026-12-05) the mis- verb itself (a noun such as "mislabeling found" or "a misinterpretation" never), and it
# governs this "as": only an object noun phrase between ("misread this", "miscall the first base (c.34G>T)"), no comma,
# no conjunction, no second "as" ("misclassified as KRAS wild type, the tumor ... is now classified as KRAS p.G12C")
_MIS_VERB = (
    r"(?<!\bno )(?<!\bthe )(?<!\ba )(?<!\bany )(?<!\bof )\bmis-?(?:report(?:s|ed|ing)?|call(?:s|ed|ing)?|read(?:s|ing)?|"
    r"classif(?:y|ies|ied|ying)|identif(?:y|ies|ied|ying)|label(?:s|ed|led|ing|ling)?|interpret(?:s|ed|ing)?|"
    r"assign(?:s|ed|ing)?)\b"
)
_MIS_OBJECT = (
    r"(?:[ \t\n]+(?!(?:and|but|or|nor|then|which|that|while|so|yet|as|is|was|are|were|now)\b)"
    r"(?:[\w>*/+-]+(?:\.\w+)*|\([^(),;\n]{0,30}\))){0,6}"
)
_MISCALLED_AS = re.compile(_MIS_VERB + _MIS_OBJECT + r"[ \t\n]+as[ \t\n]+" + _VARIANT_LEAD + "$", re.I)


# ... and the change the caller reads from, in a bracket between the verb and "as" ("may miscall this change (c.34G>T)
# as p.G12C"): the input of the wrong call, named only to explain it
_MISCALL_BRACKET_BEFORE = re.compile(_MIS_VERB + _MIS_OBJECT + r"[ \t\n]*\([ \t]*$", re.I)
_MISCALL_BRACKET_AFTER = re.compile(r"[ \t]*\)[ \t\n]*as\b", re.I)


def miscalled_as(doc: TextDoc, f: Finding) -> bool:
    """[ocr36-miscalled-as] "software may misreport c.34G>T as p.G12C": the wrong call, no result."""
    if f.label == "KRAS_NEG":
        return False
    start = max(f.sentence_start, f.start - 120)
    if _MISCALLED_AS.search(doc.text, start, f.start):
        return True
    end = f.end - 1 if doc.text[f.end - 1] == ")" else f.end  # a finding may hold its closing bracket ("c.34G>T)")
    return bool(
        _MISCALL_BRACKET_BEFORE.search(doc.text, start, f.start) and _MISCALL_BRACKET_AFTER.match(doc.text, end)
    )


# --- [ocr36-topic-about] -----------------------------------------------------------------------------------------------
_TOPIC_ABOUT = re.compile(
    r"\b(?:cautions?|warnings?|notes?|comments?|caveats?|disclaimers?)[ \t]+(?:about|regarding|concerning|on|re:?)[ \t]+"
    + _VARIANT_LEAD
    + "$",
    re.I,
)
_CLAUSE_REST = re.compile(r"(?:[^.;\n]|\.(?=\d))*")
# (review 2026-12-05) a topic ending in ":" or at its line's end, its value at the start of the next line ("Comment on
# KRAS p.G12C:" / "Detected at 12% VAF"): a wrapped label, the result its own
_WRAPPED_VALUE = re.compile(
    r"[ \t]*:?[ \t]*\n[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:result|status|call|interpretation)[ \t]*:[ \t]*)?(?:not[ \t]+)?"
    r"(?:positive|pos|negative|neg|detected|identified|present|absent|mutated|mutant|wild[ \t-]?type|wt)\b",
    re.I,
)


def topic_about(doc: TextDoc, f: Finding) -> bool:
    """[ocr36-topic-about] "a caution about G12C": what the note is about, no result."""
    if f.label == "KRAS_NEG" or not _TOPIC_ABOUT.search(doc.text, max(0, f.start - 60), f.start):
        return False
    rest = _CLAUSE_REST.match(doc.text, f.end)
    return not (rest and _RESULT_WORD.search(rest.group(0))) and not _WRAPPED_VALUE.match(doc.text, f.end)


# --- [ocr36-method-title] ----------------------------------------------------------------------------------------------
_METHOD_TITLE = re.compile(
    r"[ \t]*\)?[ \t]*(?:\(?[ \t]*(?:mutant|mutation|variant)[ \t]*\)?[ \t]+)?"
    r"(?:droplet[ \t]+digital|digital|real[ \t-]time|allele[ \t-]specific|quantitative)[ \t]+pcr\b",
    re.I,
)


def method_title(doc: TextDoc, f: Finding) -> bool:
    """[ocr36-method-title] "KRAS G12C DROPLET DIGITAL PCR (ddPCR) - TISSUE": the test's title, no result."""
    m = title_without_result(doc, f, _METHOD_TITLE)
    if not m:
        return False
    if _TRACKING.search(doc.text[_line_start(doc.text, f.start) : f.start]):
        return False  # (lead, 2026-12-05) "ctDNA tracking, KRAS G12C digital PCR": the patient's own variant tracked
    # (review 2026-12-05) a result in the next one or two non-blank lines ("Result: DETECTED (4.2% ...)") is the
    # title's own, unless that line names the variant itself ("Result: ... KRAS G12C not detected" has its own finding)
    below = [line for line in doc.text[_line_end(doc.text, m.end()) :].split("\n") if line.strip()][:2]
    return not any(
        (_RESULT_WORD.search(line) or _RESULT_LABEL.match(line)) and not _VARIANT_NAMED.search(line) for line in below
    )


_RESULT_LABEL = re.compile(r"[ \t]*(?:results?|interpretation)[ \t]*:", re.I)
_TRACKING = re.compile(r"\b(?:tracking|monitoring|surveillance|MRD|tumou?r[ \t-]informed)\b", re.I)
_VARIANT_NAMED = re.compile(r"\bg12c\b|\bc\.34g>t\b|\bk-?ras\b", re.I)


# --- [ocr36-assay-detects-only] ----------------------------------------------------------------------------------------
_DETECTS_ONLY = re.compile(
    r"\b(?:assay|test|panel|kit|pcr|probe)s?[ \t\n]+(?:(?:is|are)[ \t]+(?:designed|able)[ \t]+to[ \t]+)?"
    r"(?:detects?[ \t\n]+only|only[ \t\n]+detects?|(?:is|are)[ \t]+designed[ \t]+to[ \t]+detect[ \t\n]+only"
    r"|only[ \t\n]+(?:targets?|interrogates?|covers?|identifies|identify))[ \t\n]+" + _VARIANT_LEAD + "$",
    re.I,
)


def assay_detects_only(doc: TextDoc, f: Finding) -> bool:
    """[ocr36-assay-detects-only] "This assay detects only KRAS c.34G>T (p.G12C)": the assay's scope, no result."""
    if f.label == "KRAS_NEG":
        return False
    before = doc.text[max(f.sentence_start, f.start - 100) : f.start]
    bracket = re.search(
        r"\b(?:c\.)?\d{1,4}[ACGT]>[ACGT][ \t]*\([ \t]*(?:p\.)?$", before
    )  # "c.34G>T (p.G12C)": one name
    if not _DETECTS_ONLY.search(before[: bracket.start()] if bracket else before):
        return False
    # (review 2026-12-05) a result right after the variant ("only detects G12C - DETECTED, Ct 27.9"), as the others read
    rest = _CLAUSE_REST.match(doc.text, f.end)
    return not (rest and _RESULT_WORD.search(rest.group(0)))


# --- [ocr36-quoted-withdrawn] ------------------------------------------------------------------------------------------
_OPEN_QUOTE = re.compile(r"[\"\u201c'][ \t]*$")
# the withdrawal said of the quote itself, right after its closing mark ('"..."; that statement is withdrawn', '"..." was
# issued in error', '"...", which is retracted'): not a withdrawal of something else later in the clause
# (review 2026-12-05) always with its verb ("that statement is withdrawn", '"..." was issued in error'): a bare
# "incorrect" or "wrong" before a noun ('"..."; incorrect patient MRN corrected') is about something else
_SAID_WITHDRAWN = re.compile(
    r"[\"\u201d'][ \t]*[,;:\u2013\u2014-]*[ \t]*(?:(?:and|but)[ \t]+)?"
    r"(?:(?:that|this|the)[ \t]+(?:statement|result|line|entry|wording|finding|call|quote|text)[ \t]+|which[ \t]+|it[ \t]+)?"
    r"(?:is|was|are|were|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+(?:now[ \t]+|hereby[ \t]+)?"
    r"(?:withdrawn|retracted|rescinded|voided|struck|(?:issued[ \t]+|reported[ \t]+|listed[ \t]+)?in[ \t]+error|incorrect|"
    r"erroneous|wrong|no[ \t]+longer[ \t]+(?:valid|applies|stands))\b",
    re.I,
)


def quoted_withdrawn(doc: TextDoc, f: Finding) -> bool:
    """[ocr36-quoted-withdrawn] 'The original report listed "no KRAS mutation detected"; that statement is withdrawn.'"""
    before = doc.text[max(0, f.sentence_start, f.start - 160) : f.start]
    quote = _OPEN_QUOTE.search(before)
    if not quote or not _EARLIER_SAID.search(before[: quote.start()]):
        return False
    close = re.compile(r"[^\"\u201d'\n]{0,60}").match(doc.text, f.end)
    if not close or not _SAID_WITHDRAWN.match(doc.text, close.end()):
        return False
    # (review 2026-12-05) "... molecular result unchanged" later in the sentence: the quote's result stands
    return not _RESULT_UNCHANGED.search(doc.text, close.end(), _sentence_end(doc.text, close.end()))


_RESULT_UNCHANGED = re.compile(
    r"\b(?:result|finding|call|interpretation)s?[ \t]+(?:(?:is|are|was|were|remains?|remained)[ \t]+)?unchanged\b", re.I
)


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[^\n]*?(?:\.(?!\w)|\n|$)").match(text, pos)
    return m.end() if m else len(text)


# --- [ocr36-reference-channel] -----------------------------------------------------------------------------------------
# (review 2026-12-05) the control's word as a cell of its own ("  Valid (DNA amplified)", "  reference", "  internal
# control") or "reference channel" / "(amplifiable ...)"; never "reference sequence NM_...", "Run valid, controls passed"
_REFERENCE_ROW = re.compile(
    r"(?:[ \t]{2,}|\t|[ \t]*\|[ \t]*)\d[\d,]*(?:\.\d+)?\b(?:[^\n]*?(?:[ \t]{2,}|\t|\|)[ \t]*"
    r"(?:valid|reference|(?:internal[ \t]+)?control|amplifiable)[ \t]*(?:\([^()\n]{0,40}\))?[ \t|]*(?:\n|$|[ \t]{2,}|\t)"
    r"|[^\n]*?\breference[ \t]+channel\b|[^\n]*?\([ \t]*amplifiable\b)",
    re.I,
)
_WILD_TYPE_ROW = re.compile(r"\bk-?ras[ \t]+(?:wild[ \t-]?type|wt)\b", re.I)
_MUTANT_ROW = re.compile(r"\bk-?ras\b[^\n]*?(?:\bg1[23][a-z]\b|\bq61[a-z]\b|\bp\.[a-z]|\bmutant\b)", re.I)


def reference_channel(doc: TextDoc, f: Finding) -> bool:
    """[ocr36-reference-channel] "KRAS wild type  412.6  --  Valid (amplifiable DNA)": a control row, no result."""
    line_start = _line_start(doc.text, f.start)
    if f.label != "KRAS_NEG" or doc.text[line_start : f.start].strip():
        return False
    # (review 2026-12-05) only a wild-type row, and a mutant row above it (within the table's four lines before)
    if not _WILD_TYPE_ROW.match(doc.text, f.start) or not _REFERENCE_ROW.match(doc.text, f.end):
        return False
    above = doc.text[:line_start].split("\n")[-5:]
    return any(_MUTANT_ROW.search(line) for line in above)


# --- [ocr36-specked-columns] -------------------------------------------------------------------------------------------
_SPECK_CELL = re.compile(r"[|.,'`\u2018\u2019]")  # (review 2026-12-05) one speck; "-" / "--" is an empty cell
_END_SPECK = re.compile(r"(?<=\S)[ \t]*[.,|'`\u2018\u2019][ \t]*$")


def speck_cell(cell: str) -> bool:
    """[ocr36-specked-columns] a table cell that is only a scan's speck ("|", ".", "'")."""
    return bool(_SPECK_CELL.fullmatch(cell.strip()))


def without_end_speck(row: str, cells: int) -> str:
    """[ocr36-specked-columns] a row of two or more cells with a scan's stop or bar as its last character, the speck
    dropped ("... 38%  KRAS (including G12C)." -> "... KRAS (including G12C)"); any other line as it is."""
    return _END_SPECK.sub("", row) if cells >= 2 else row


# What this pass reads as no result of the patient, in kras_facts' order (one hook there).
NO_RESULT = (miscalled_as, topic_about, method_title, assay_detects_only, quoted_withdrawn, reference_channel)
