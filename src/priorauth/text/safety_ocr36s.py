"""Held-out OCR set 36's safety pass (issue 17, ocr36s): the classes behind its unsafe answers, read from those four
documents only (the set's misses stay blind). Each KRAS class makes a result safer (none adds one), hooked once in
``kras_facts._kras`` right after the OCR v35 pass (``adjust``); the therapy class is hooked once in
``therapy_facts._therapy`` beside the OCR v34 pass (``option_column``).

[ocr36s-order-option] A variant in a tick-box option of an order form ("[X] KRAS G12C reflex PCR if NGS fails      [ ]
ALK IHC"): the option names a test that is asked for, not a result. Read so when the option's label is a test's name (the variant, at
most two words of a test's kind, a test word: "KRAS G12C reflex PCR", "G12C mutation testing") or the options sit under
a request prompt ("TESTS REQUESTED", "Test ordered:"), and neither the option's cell (its box to the next box or cell
gap) nor the prompt has a result word. Boxes as a scan reads them count ("(X)", "{ ]"). Guards: a ticked result
("Result: [X] KRAS G12C detected"), a box list under a result prompt ("Variants detected: [X] KRAS G12C  [ ] KRAS
G12D"), a checklist's criterion met with the result's means ("[x] KRAS G12C (FDA-approved test)", "[X] KRAS p.G12C
mutation by local tissue test"), a variant in no box.

[ocr36s-specked-negation] A scan's speck between a result field's colon and its negation ("KRAS G12C:.not detected",
"KRAS G12C: .negative"): the sentence splitter cut the negation off, and the bare variant was read as detected. Neither
result is read (as [ocr12-specked-not]); a clean "KRAS G12C: not detected" is read by the older rules. Guards: "KRAS
G12C detected at 31%. No other pathogenic variant detected." (no colon: a real stop) keeps its reading.

[ocr36s-specked-other-patient] A sentence saying the variant's report or result belonged to another patient, cut by a
scan's specks into pieces ("a KRAS G12C report scanned into this chart ... belonged\\n. toa\\n- different patient"):
the words are read joined across runs of marks (and "toa" as "to a"), the sentence carried on past a lone mark that
ends no word. Another patient's result: no result (as [v18-kras-belonged-to-other] on the clean text).

[ocr36s-earlier-report-relative] A corrected report quoting what its original said in a relative clause ("REASON FOR
CORRECTION: ... in the original report, which listed "KRAS p.G12C (c.34G>T)"", a scan's "which fisted "KRAS p. G12C"):
the replaced call, no result (as [ocr32-earlier-report-quoted] for "the original report listed KRAS p.G12C"). Guards:
the quote said to stand ("..., which is unchanged"), no correction told near it.

[ocr36s-corrected-to] A variant followed by its correction to another ("an original KRAS p.G12C transcription error
corrected to p.G12V", "G12C (entry error) amended to G12D"): the variant corrected away, no result. Guard: the variant
after "to" ("G12V corrected to G12C") is the corrected value and keeps its reading.

[ocr36s-option-column] A drug under a table column headed as an approved / matched option ("Biomarker  Detected?
Detail  Approved option (NSCLC)" over "KRAS G12C  Y  c.34G>T  Sotorasib / adagrasib"): an option for the alteration,
not a drug given (as [ocr34s-options-column], whose header words name therapies or drugs, not "option"). Guards: a
header naming the patient's history or doses (or such a line between the drug and the header), a row saying the drug
was given, a drug line that is no row. One blank line between two rows (a scan's gap: "ALK  N  o" / "" / "ROS1  N")
does not end the table; two do, and so does a blank line right above the drug's row.
"""

from __future__ import annotations

import re

from priorauth.text.kras_corrections import _ERROR_WORD, _STANDS
from priorauth.text.pipeline import Finding
from priorauth.text.safety_ocr34s import _GIVEN_ON_ROW, _HISTORY_HEADER, _ROW
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

# A word saying a result, in an option's cell or its prompt.
_RESULT_WORD = re.compile(
    r"\b(?:detected|not\s+detected|positive|negative|present|absent|identified|found|mutated|mutant|wild[\s-]*type|wt|"
    r"result(?:ed|s)?|variants?\s+(?:found|seen)|vaf|maf)\b|\d(?:\.\d+)?\s*%",
    re.I,
)

# --- [ocr36s-order-option] ------------------------------------------------------------------------------------------
# A tick box, clean ("[X]", "[ ]") or as a scan reads it ("(X)", "{ ]", "[}]", "[J]", "[(X]"): an opening bracket of any
# kind, at most two marks a tick or a bracket leaves, a closing bracket of any kind.
_BOX = re.compile(r"[\[({][ \t]?[xX\u2713\u2714*/JIl|}{()\[\]]{0,2}[ \t]?[\])}]|[\u2610\u2611\u2612\u25a1\u25a0]")
# The option's label is a test's name: the variant, at most two words of a test's kind, a test word ("KRAS G12C reflex
# PCR", "G12C mutation testing", "KRAS G12C rapid PCR add-on"). Not a result's means ("KRAS G12C (FDA-approved test)",
# "KRAS p.G12C mutation by local tissue test": a checklist's criterion met, the result stands).
_TEST_NAME_AFTER = re.compile(
    r"[ \t]*(?:(?:reflex|rapid|add-?on|confirmatory|targeted|allele-specific|real-time|digital|droplet|quantitative|"
    r"qualitative|hotspot|single-gene|stat|send-?out|tissue|plasma|mutation|variant|only)[ \t]+){0,2}"
    r"(?:pcr|qpcr|ddpcr|ngs|panel|assay|test|testing|reflex|sequencing|genotyping|analysis)\b",
    re.I,
)
_REQUEST_PROMPT = re.compile(
    r"\b(?:tests?|assays?|studies|panels?|orders?)\s*(?:\(s\)\s*)?(?:requested|ordered|to\s+(?:be\s+)?(?:run|performed|sent))\b"
    r"|\b(?:requested|ordered)\s+(?:tests?|assays?|studies|panels?)\b|\btest\s+requisition\b",
    re.I,
)
_CELL_GAP = re.compile(r" {3,}|\t")
# A prompt saying the boxes mark what was found (review fix): "check = alteration found", "variants seen".
_FOUND_PROMPT = re.compile(r"\balterations?\b", re.I)


def _option_cell(text: str, f: Finding) -> str | None:
    """The tick-box option cell holding the finding (its box through the next box or cell gap), or None."""
    start, end = _line_start(text, f.start), _line_end(text, f.end)
    before = text[start : f.start]
    boxes = list(_BOX.finditer(before))
    if not boxes:
        return None
    box = boxes[-1]
    if _CELL_GAP.search(before, box.end()):
        return None  # a cell gap between the box and the variant: the variant is in a cell of its own
    stop = end
    for m in (_BOX.search(text, f.end, end), _CELL_GAP.search(text, f.end, end)):
        if m:
            stop = min(stop, m.start())
    return text[start + box.start() : stop]


def _prompt_lines(text: str, at: int) -> list[str]:
    """The lines right above the option's line, up to three, stopping at a blank line."""
    out = []
    for _ in range(3):
        if at == 0:
            break
        s = _line_start(text, at - 1)
        line = text[s : at - 1]
        if not line.strip():
            break
        out.append(line)
        at = s
    return out


def order_option(doc: TextDoc, f: Finding) -> bool:
    """[ocr36s-order-option] the variant is the label of a tick-box option of an order, not a result."""
    text = doc.text
    cell = _option_cell(text, f)
    if cell is None or _RESULT_WORD.search(cell):
        return False
    line_start = _line_start(text, f.start)
    lead = text[line_start : f.start]
    if _RESULT_WORD.search(lead):
        return False  # "Result: [X] KRAS G12C": the box marks a result
    if _RESULT_WORD.search(text, f.start, _line_end(text, f.end)):
        return False  # "[X] KRAS G12C PCR     Result: DETECTED": a result past the cell gap (review fix)
    for line in _prompt_lines(text, line_start):
        if _RESULT_WORD.search(line) or _FOUND_PROMPT.search(line):
            return False  # "Test     Result" / "Genes analyzed (check = alteration found):" above (review fix)
        if _REQUEST_PROMPT.search(line):
            return True
    return bool(_TEST_NAME_AFTER.match(text, f.end))


# --- [ocr36s-specked-negation] --------------------------------------------------------------------------------------
_MARKS = r"[.,;'`\u2018\u2019\u00b7*|_~-]"
_NEGATION = r"(?:not\s*(?:detected|det\b|found|identified|present)|negative|absent|undetected|none\s+detected)"
_SPECKED_NEGATION = re.compile(rf"[ \t]*[:=][ \t]*{_MARKS}{{1,3}}[ \t]*(?i:{_NEGATION})")  # a speck after the colon


def specked_negation(doc: TextDoc, f: Finding) -> bool:
    """[ocr36s-specked-negation] the variant's negation behind a scan's speck: neither result can be read."""
    return bool(_SPECKED_NEGATION.match(doc.text, f.end))


# --- [ocr36s-specked-other-patient] ---------------------------------------------------------------------------------
_GAP = r"[\W_]{1,4}"
_OTHER_PATIENTS = re.compile(
    rf"\bbelong(?:ed|s|ing)?{_GAP}(?:to{_GAP}(?:(?:an?|the){_GAP})?|toa{_GAP}|tothe{_GAP})"
    rf"(?:different|another|other|wrong|unrelated|separate){_GAP}"
    # another patient or person, or another patient's report (review fix: not "a different accession / case / specimen")
    rf"(?:patient(?:'s|\u2019s)?{_GAP}(?:report|result|chart|record|sample|specimen)|patient|person)\b"
    rf"|\b(?:does|do|did){_GAP}not{_GAP}(?:belong|pertain|relate){_GAP}to{_GAP}(?:this|the|our){_GAP}(?:patient|pt)\b",
    re.I,
)
# A real end of sentence: a stop right after a word, then a space and a capital or a line's end; or a blank line.
_REAL_END = re.compile(r"(?<=[A-Za-z0-9)\]])[.!?](?=[ \t]+[A-Z\"'(]|[ \t]*\n[ \t]*[A-Z\"'(]|[ \t]*$)|\n[ \t]*\n", re.M)


# A sentence the splitter ended at a lone mark (a stop or speck after a space or a line break, ending no word).
_LONE_MARK_END = re.compile(r"(?:^|\s)[\W_]{1,3}\s*$")
# ... or before text that goes on in lower case after a line break or a speck ("belonged , toa\n- different patient").
_GOES_ON = re.compile(r"\s*[^\w\s]{0,3}[ \t]*[a-z]")
# A lone mark, ending no word: a scan's speck (review fix: the sentence is joined only across one).
_LONE_MARK = re.compile(r"(?:^|\s)[^\w\s]{1,3}(?=\s)")


# A clause's start, and a material (not the result or its report) as what belonged elsewhere (review fix).
_CLAUSE_START = re.compile(r"[;:]|\b(?:because|since|as|while|but|and|which|that)\b", re.I)
_MATERIAL = re.compile(
    r"\b(?:blocks?|slides?|controls?|specimens?|samples?|tubes?|aliquots?|cores?|tissue|curls?|sections?)\b", re.I
)


def specked_other_patient(doc: TextDoc, f: Finding) -> bool:
    """[ocr36s-specked-other-patient] the variant's sentence, read across a scan's specks, gives it to another patient."""
    text = doc.text
    window = f.sentence
    sentence_end = f.sentence_start + len(f.sentence)
    if _LONE_MARK_END.search(f.sentence) or _GOES_ON.match(text, sentence_end):  # the sentence goes on past a speck
        end = _REAL_END.search(text, f.end, f.end + 400)
        joined = text[f.sentence_start : end.end() if end else min(len(text), f.end + 400)]
        if _LONE_MARK.search(joined, len(f.sentence) - 4):  # review fix: split at a lone mark, not at a clause's ";"
            window = joined
    for m in _OTHER_PATIENTS.finditer(window):
        subject = _CLAUSE_START.split(window[max(0, f.end - f.sentence_start) : m.start()])[-1]
        if not _MATERIAL.search(subject):  # review fix: the result or report belonged elsewhere, not a block or slide
            return True
    return False


# --- [ocr36s-earlier-report-relative] -------------------------------------------------------------------------------
_EARLIER_WHICH = re.compile(
    r"\b(?:the\s+|this\s+|our\s+|an?\s+)?(?:original|previous|prior|initial|earlier|first|preceding)\s+"
    r"(?:(?:molecular|ngs|genomic|pathology|lab(?:oratory)?)\s+)?(?:report|result|version|issue|printout)\s*,?\s*"
    r"(?:which|that)\s+(?:had\s+|has\s+|originally\s+|erroneously\s+|incorrectly\s+)?(?:[a-z]{2,12}ed|read|said|gave|"
    r"shows?|named)\s+[\W_]{0,3}(?:(?:a|an|the)\s+)?(?:k-?ras\s+)?"
    # the quoted call's own coding or protein change before it ('"KRAS p.G12C (c.34G>T)"')
    r"(?:(?:[pc]\s*[.:]\s*)?(?:G12C|Gly12Cys)\s*[(\[]?\s*)?(?:[pc]\s*[.:]\s*)?$",
    re.I,
)


# The original said to agree with the new report (review fix): its call stands.
_SAME_AS = re.compile(r"\b(?:identical|same|consistent|unchanged|agrees?|concordant|matches)\b", re.I)
# A word naming the KRAS / variant call, in the correction's sentence (review fix).
_CALL_WORD = re.compile(
    r"\b(?:k-?ras|variants?|mutations?|alterations?|protein\s+change|calls?|g12[a-z]?|gly12|nucleotide|hgvs)\b"
    r"|\b[pc]\s*\.\s*(?:g12|\d)",
    re.I,
)
_SENTENCE_STOP = re.compile(r"(?<=[A-Za-z0-9)\]\"'])[.!?](?=\s+[A-Z\"'(])|\n[ \t]*\n")


def earlier_report_relative(doc: TextDoc, f: Finding) -> bool:
    """[ocr36s-earlier-report-relative] 'the original report, which listed "KRAS p.G12C"' in a corrected report."""
    if not _EARLIER_WHICH.search(doc.text[max(f.sentence_start, f.start - 160) : f.start]):
        return False
    sentence_end = f.sentence_start + len(f.sentence)
    after = doc.text[sentence_end : sentence_end + 160]
    next_sentence = re.match(r"[^.!?\n]*(?:[.!?]|$)", after.lstrip())
    if _STANDS.search(doc.text[f.end : sentence_end]) or (next_sentence and _STANDS.search(next_sentence.group(0))):
        return False  # the quote is said to stand: "..., which is unchanged"
    if _SAME_AS.search(doc.text, max(f.sentence_start, f.start - 160), f.start):
        return False  # review fix: "Results are identical to the original report, which showed KRAS p.G12C"
    # the correction told near the quote, and naming the KRAS / variant call (review fix: not a birth date or a site)
    for m in _ERROR_WORD.finditer(doc.text, max(0, f.start - 300), f.end + 300):
        if _CALL_WORD.search(_sentence_around(doc.text, m.start(), m.end())):
            return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (cut at a stop before a capital, or a blank line)."""
    ends = list(_SENTENCE_STOP.finditer(text, max(0, start - 200), start))
    after = _SENTENCE_STOP.search(text, end, end + 200)
    return text[ends[-1].end() if ends else max(0, start - 200) : after.start() if after else end + 200]


# --- [ocr36s-corrected-to] ------------------------------------------------------------------------------------------
_CORRECTED_TO = re.compile(
    r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?:(?:transcription|transcribing|typing|typographical|reporting|entry|clerical|"
    r"annotation|nomenclature)[ \t]+)?(?:error|mistake|typo)?[ \t]*(?:(?:was|has[ \t]+been|is|now|since|later)[ \t]+)?"
    r"(?:corrected|amended|changed|revised|updated|reissued)[ \t]+to\b"
    # review fix: "to" followed by another variant ("p.G12V", "G12D", "c.35G>T"), not "corrected to DETECTED"
    r"(?=[ \t]+(?:k-?ras[ \t]+)?(?:[pc][ \t]*\.|g12[a-z]|gly12|[A-Z]\d{1,4}[A-Z]\b))",
    re.I,
)


def corrected_to(doc: TextDoc, f: Finding) -> bool:
    """[ocr36s-corrected-to] "KRAS p.G12C transcription error corrected to p.G12V": the variant corrected away."""
    return bool(_CORRECTED_TO.match(doc.text, f.end))


def adjust(doc: TextDoc, f: Finding, status: str, specimen: str) -> tuple[str, str] | None:
    """The (status, specimen) to record for the finding, or None when no result is to be read from it."""
    if f.label == "KRAS_NEG":
        return status, specimen
    if order_option(doc, f):
        return None  # [ocr36s-order-option]
    if status == "g12c_present" and specked_negation(doc, f):
        return None  # [ocr36s-specked-negation]
    if specked_other_patient(doc, f):
        return None  # [ocr36s-specked-other-patient]
    if earlier_report_relative(doc, f):
        return None  # [ocr36s-earlier-report-relative]
    if status == "g12c_present" and corrected_to(doc, f):
        return None  # [ocr36s-corrected-to]
    return status, specimen


# --- [ocr36s-option-column] -----------------------------------------------------------------------------------------
_WORDS = r"(?:[\w'\u2019-]+\s+){0,2}?"
_OPTION_HEADER = re.compile(
    rf"\b(?:fda[\s-]+approved|approved|indicated|available|associated|matched|matching|potential(?:ly)?|relevant|"
    rf"recommended|labell?ed|actionable|possible|predicted|candidate|eligible|targeted|guideline)\s+{_WORDS}options?\b"
    rf"|\boptions?\s+{_WORDS}(?:approved|indicated|available|matched|recommended|labell?ed)\b",
    re.I,
)


# A history table's header words (review fix): "Line  Regimen  Dates  Best response", "Medication  Sig  Status",
# "Drug | Dates | Response". Such a header between the drug and an options header ends the walk.
_HISTORY_COLUMNS = re.compile(
    r"\b(?:dates?|regimens?|line|lines\s+of\s+therapy|(?:best\s+)?response|sig|status|discontinued|medications?|"
    r"meds|drugs?)\b",
    re.I,
)


def option_column(doc: TextDoc, f: Finding) -> bool:
    """[ocr36s-option-column] the drug sits in a table under an approved / matched option column header."""
    text = doc.text
    start, end = _line_start(text, f.start), _line_end(text, f.end)
    row = text[start:end]
    if not _ROW.search(row) or _GIVEN_ON_ROW.search(row):
        return False
    at, blank = start, False
    for _ in range(12):  # the rows right above the drug's, up to the table's header
        if at == 0:
            return False
        above_start = _line_start(text, at - 1)
        line = text[above_start : at - 1]
        if not line.strip():
            if blank or at == start:
                return False  # a blank line ends the table (but one a scan put between two rows)
            blank = True
            at = above_start
            continue
        if _HISTORY_HEADER.search(line) or _HISTORY_COLUMNS.search(line):
            return False  # a header or row naming the patient's history or doses: no options column decides
        if _OPTION_HEADER.search(line):
            return bool(_ROW.search(line) or line.rstrip().endswith(":"))
        if not _ROW.search(line):
            return False  # a line of prose: no table reaches up to a header
        at = above_start
    return False
