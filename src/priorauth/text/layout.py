"""Is this finding a result or statement, or an artefact of a list, form or table: a payer's criteria
list, a SmartList's choices, an unticked item, a boxed answer, an unfilled field, an open question, a reagent
code, a control row, a coverage or example parenthesis, a form's field answered no."""

from __future__ import annotations

import re
from dataclasses import dataclass

from priorauth.text.pipeline import Finding, patterns, unwrap
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_before, _line_end, _line_start

# A list item: a number, a letter or a bullet, including what a fax makes of "•" ("¢", "°", "«", "©", "+"; held-out
# OCR v5) and the other bullets a report prints (▪ ■ ► ▶ ◦ ·).
_LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[-*+\u2022\u00a2\u00b0\u00ab\u00bb\u00a9\u00b7\u25aa\u25a0\u25ba\u25b6\u25e6]|\(?[a-z]\))\s"
)
# (issue 13's t36s pass) [t36s-field-ticked-no] "History of ILD/pneumonitis: [x] No", "ILD/pneumonitis: no history."
_FORM_NO = re.compile(
    r":\s*(?:\[\s*[x\u2713\u2714]\s*\]\s*)?(?:no|none|negative|absent|denies|n|no\s+(?:known\s+)?history)\.?\s*$", re.I
)


def _in_criteria_list(doc: TextDoc, f: Finding) -> bool:
    """The finding is on an item of a list introduced as criteria ("Our criteria require documentation of:",
    "Inclusion criteria:"): it restates a requirement, not the patient."""
    text = unwrap(doc.text)
    start = _line_start(text, f.start)
    if not _LIST_ITEM.match(text[start : start + 12]):
        return False
    verdict = _MET_WITH_EVIDENCE.search(text, start, _line_end(text, start))
    if verdict and f.start >= verdict.end():
        return False  # (t37) [t37-criterion-met-evidence] "3. >=1 prior systemic therapy - MET (carbo/pem x4, ...)"
    above = text[: max(0, start - 1)].split("\n")[-12:]
    for k in range(len(above) - 1, -1, -1):
        prev = above[k]
        if not prev.strip():
            return False
        if not _LIST_ITEM.match(prev):
            return _criteria_intro(prev, above[k - 1] if k else "")
    return False


# (held-out v36, issue 13's thirty-seventh pass) [t37-criterion-met-evidence] A reviewer's criteria list whose item
# records its verdict and, in a parenthesis after it, the evidence found in the patient's record ("2. KRAS G12C by
# FDA-approved test - MET (plasma assay, G12C detected 0.9%)", "3. >=1 prior systemic therapy: met (carbo/pem x4)"): the
# evidence is the patient's; the criterion before the verdict stays a requirement. An item with no verdict, or "NOT
# MET", is left as it was.
_MET_WITH_EVIDENCE = re.compile(r"(?:\s[-\u2013]|:)\s*(?<!not\s)(?:met|satisfied|yes)\b\s*\(", re.I)


# (held-out OCR v5, issue 17's sixth pass) A list's introduction in a two-column page ("All of the following:
# Initial: 6 months" under "INITIAL APPROVAL CRITERIA  APPROVAL DURATION"): its first cell ends with the colon, and
# "all / any / one of the following" under a criteria heading introduces criteria too.
_OF_THE_FOLLOWING = re.compile(r"\b(?:all|any|one|each|both)\s+of\s+the\s+following\b", re.I)


# [ocr6-criteria-heading] (held-out OCR v6, issue 17's seventh pass) A criteria heading printed without a colon
# ("I. CRITERIA FOR INITIAL APPROVAL - NSCLC (all must be met)", "Coverage requirements (each required)",
# "ELIGIBILITY CRITERIA"): a title in capitals, or one that says its items must be met, introduces criteria too.
_MUST_BE_MET = re.compile(
    r"\b(?:must\s+(?:all\s+)?be\s+(?:met|satisfied|documented)|(?:all|each|every)\s+(?:are\s+)?required|"
    r"required|apply|applies)\W*$",
    re.I,
)


def _criteria_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    capitals = len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)
    return bool(patterns()["criteria_intro"].search(line)) and (capitals or bool(_MUST_BE_MET.search(line)))


# [ocr12-criterion-column] (held-out OCR v12, issue 17's fourteenth pass) A table whose first column is headed
# "Criterion" ("Criterion   Finding", "Requirement | Met?", "Coverage criterion   Status"): its numbered rows are the
# criteria, whatever the answer column says of them.
# [ocr13-specked-column] (held-out OCR v13, issue 17's fifteenth pass) ... the same header as a scan reads it, with a
# speck glued to "Criterion" ("Criterion.   -   Status", "Requirement,   Documented?"); not a colon
# ("Requirements:  ..." introduces a line of its own).
_CRITERION_COLUMN = re.compile(
    r"^\W{0,3}(?:(?:coverage|approval|policy|payer)\s+)?(?:criteri(?:on|a)|requirements?)[.,;'`~]?"
    r"(?: {2,}|\t|\s*\|\s*)\S",
    re.I,
)


# [ocr23-reasons-list] (held-out OCR v23, issue 17's twenty-fifth pass) A list the writer introduces as their own
# reasons ("I am writing to support coverage for my patient, for the following reasons:", "My rationale is as follows:")
# states the patient's facts, whatever word of coverage the introduction holds: no criteria. "Coverage requires the
# following:" and "criteria (reasons for denial):" stay criteria.
_REASONS_INTRO = re.compile(
    r"\b(?:for\s+the\s+following\s+(?:clinical\s+)?(?:reasons?|grounds)|(?:my|our)\s+(?:clinical\s+)?(?:reasons?|rationale)"
    r"(?:\s+(?:is|are)(?:\s+as\s+follows)?)?|because)\W*$",
    re.I,
)


def _criteria_intro(line: str, heading: str) -> bool:
    intro = patterns()["criteria_intro"]
    if _REASONS_INTRO.search(line.strip()) and not _CRITERION_COLUMN.match(line):
        return False  # [ocr23-reasons-list]
    first = re.split(r" {2,}|\t", line.strip())[0]
    if line.rstrip().endswith(":") and intro.search(line):
        return True
    if _CRITERION_COLUMN.match(line):
        return True  # [ocr12-criterion-column]
    if _criteria_heading(line):
        return True
    return first.endswith(":") and (
        bool(intro.search(first)) or bool(_OF_THE_FOLLOWING.search(first) and intro.search(heading))
    )


# [ocr9-reagent-code] (held-out OCR v9, issue 17's tenth pass) A variant's name inside a reagent's, kit's or lot's
# code ("mutation mix lot KR-G12C/13D-0425", "kit cat. no. AX-G12C-96") names a product, not a result: the mention is
# glued by a hyphen to a code before it, or the word before its token is lot / kit / catalogue / ref.
_CODE_PREFIX = re.compile(r"(?i:\b(?:lot|kit|cat(?:alog(?:ue)?)?\.?(?:\s+no\.?)?|ref|reagent)[\s#:.]+\S*)$")
_CODE_GLUED = re.compile(r"(?<![A-Za-z0-9])(?![KNH]RAS-)[A-Z0-9]{1,6}-$")  # "KR-G12C/13D-0425", not "KRAS-G12C"
_CODE_AFTER = re.compile(r"[/-][A-Z0-9]")


def _in_code(doc: TextDoc, f: Finding) -> bool:
    before = doc.text[max(_line_start(doc.text, f.start), f.start - 30) : f.start]
    return bool(_CODE_PREFIX.search(before) or (_CODE_GLUED.search(before) and _CODE_AFTER.match(doc.text, f.end)))


# [ocr9-control-row] A run's control row ("Positive control (G12C/G12D/G12V mix)  amplified  expected", "NTC: no
# amplification", "Wild-type control  G12C  negative"): the control's material, not the patient's.
_CONTROL_ROW = re.compile(
    r"^\W*(?:positive|negative|no[\s-]template|ntc|internal|reference|wild[\s-]?type|extraction|mutant|run)\s+"
    r"(?:control|ctrl)\b|^\W*ntc\b",
    re.I,
)


# [ocr17-control-cell] (held-out OCR v17, issue 17's nineteenth pass) ... or the control named in the cell holding the
# variant, after a row's label or another cell ("Controls  positive control 'KRAS G12C PC' lot ...: amplified", "QC |
# mutant control (G12C): in range"): the cell is the control's, whatever labels its row.
_CELL_SPLIT = re.compile(r" {2,}|\t|\s\|\s|;\s")
_CONTROL_CELL = re.compile(
    r"^\W*(?:positive|negative|no[\s-]template|internal|reference|wild[\s-]?type|extraction|mutant|run|external|"
    r"process)\s+(?:control|ctrl)\b[^\n]{0,30}$",
    re.I,
)


# [ocr23-variant-control] (held-out OCR v23, issue 17's twenty-fifth pass) ... or the variant naming a control material
# itself ("the sample's melt curve resembled the G12C control", "G12C positive control: amplified", "a G12C reference
# standard"): the control's, even across a line's wrap. "G12C detected; controls passed" names the result first.
_CONTROL_AFTER = re.compile(
    r"\s+(?:(?:positive|mutant|mutation|reference|ref\.?)\s+)?(?:control|ctrl)s?\b"
    r"|\s+(?:reference|ref\.?)\s+(?:dna|standard|material|sample|line)s?\b",
    re.I,
)


# [ocr26-control-carries] (held-out OCR v26, issue 17's twenty-eighth pass) ... or a control the subject of the verb
# whose object is the variant ("a run whose positive control carries KRAS G12C", "the reference control contained
# p.G12C"): the control's. The patient's tumour carrying it, with a control named after, stays the patient's.
_CONTROL_CARRIES = re.compile(
    r"\b(?:positive|mutant|mutation|reference|run|external)\s+(?:controls?|ctrls?)\s+(?:carries|carried|contains|"
    r"contained|holds|held|harbou?rs|harbou?red|has|had)\s+(?:the\s+|a\s+|an\s+)?(?:kras\s+)?(?:p\.\s*)?$",
    re.I,
)


def _control_row(doc: TextDoc, f: Finding) -> bool:
    before = _line_before(doc, f)
    if _CONTROL_AFTER.match(doc.text, f.end) or _CONTROL_CARRIES.search(before):
        return True  # [ocr23-variant-control], [ocr26-control-carries]
    return bool(_CONTROL_ROW.search(before) or _CONTROL_CELL.search(_CELL_SPLIT.split(before)[-1]))


# [ocr6-coverage-parenthesis] (held-out OCR v6, issue 17's seventh pass) A parenthesis, on one line, that ends by
# saying what the assay looked at ("none (G12C, G12D, G12V assessed)", "wild-type [codons 12/13/61 interrogated]",
# "not detected (hotspots incl. G12C covered)"): the variants in it are the coverage, not a result. A finding
# before the parenthesis ("G12C detected (codons 12/13 assessed)") keeps its result.
_COVERAGE_CLOSE = re.compile(
    r"[^()\[\]\n]{0,120}?\b(?:assessed|tested|interrogated|examined|evaluated|covered|analy[sz]ed|screened|queried|"
    r"sequenced|targeted|included|in\s+scope)\s*[)\]]",
    re.I,
)


# [ocr17-coverage-before] (held-out OCR v17, issue 17's nineteenth pass) ... or a list in a parenthesis right after the
# words saying what was looked at ("no variant detected at any position examined (G12C, G12D, G12V, ...)", "hotspots
# tested [G12C / G12D / Q61H]"): the list is the coverage, however the line wraps it. Only a list (a comma or slash in
# the parenthesis).
_COVERAGE_OPEN = re.compile(
    r"\b(?:assessed|tested|interrogated|examined|evaluated|covered|analy[sz]ed|screened|queried|sequenced|targeted|"
    r"(?:positions?|codons?|hotspots?|variants?|targets?)\s+(?:looked\s+at|checked))[ \t]*[(\[][^()\[\]\n]*$",
    re.I,
)
_LIST_MARK = re.compile(r"[,/]")


def _in_coverage_parenthesis(doc: TextDoc, f: Finding) -> bool:
    before = _line_before(doc, f)
    start = _line_start(doc.text, f.start)
    if start > 0 and not re.search(r"[()\[\]]", before):  # [ocr17-coverage-before] the list's wrapped line: "G13D,\nQ61H)"
        above = doc.text[_line_start(doc.text, start - 1) : start - 1]
        if _COVERAGE_OPEN.search(above) and re.search(r"[,/][ \t]*$", above):
            return True
    opened = max(before.rfind("("), before.rfind("["))
    if opened < 0 or max(before.rfind(")"), before.rfind("]")) > opened:
        return False
    if _COVERAGE_OPEN.search(before):  # [ocr17-coverage-before]
        inside = before[opened + 1 :] + re.split(r"[)\]]", doc.text[f.end : f.end + 120], maxsplit=1)[0]
        if _LIST_MARK.search(inside):
            return True
    return bool(_COVERAGE_CLOSE.match(doc.text, f.end))


# [ocr7-example] (held-out OCR v7, issue 17's eighth pass) A variant named as an example in a parenthesis
# ("Synonymous changes (e.g. KRAS p.G12G) are not reported", "(for example G12C or G12D)", "(such as codon 12
# changes)"): it illustrates a kind of change, it is no result; a scan reading the example's last letter wrong
# (G12G as G12C) must not make it one. A result word inside the parenthesis keeps the finding.
_EXAMPLE_OPEN = re.compile(r"[(\[]\s*(?:e\.?\s?g\.?|for\s+example|for\s+instance|such\s+as|examples?\s*:?)[\s,:]", re.I)


def _in_example_parenthesis(doc: TextDoc, f: Finding) -> bool:
    before = _line_before(doc, f)
    opened = max(before.rfind("("), before.rfind("["))
    if opened < 0 or max(before.rfind(")"), before.rfind("]")) > opened or not _EXAMPLE_OPEN.match(before, opened):
        return False
    close = re.search(r"[)\]\n]", doc.text[f.end :])
    inside = before[opened:] + doc.text[f.end : f.end + (close.start() if close else 80)]
    return not _RESULT_WORD.search(inside)


# An Epic SmartList left unselected ("{monotherapy/with panitumumab:88312}", "{single agent/combination}"): its
# words are the choices offered, none chosen.
# A template's bracketed choice ("[as monotherapy / with panitumumab]", held-out v7) is one too.
_SMARTLIST = re.compile(r"\{[^{}\n/]*/[^{}\n]*\}")  # a choice between two or more ("a/b"); "{Lumakras:2231}" is filled
_BRACKET_CHOICE = re.compile(r"\[[^\[\]/|]{0,60}\s[/|]\s[^\[\]]{0,60}\]")  # spaced slash: "[a / b]", not "[He/She]"
# (held-out v9, issue 13's tenth pass) [v9-pipe-choice] options split by a spaced bar ("[ lung | colon | other ]") too.


# (held-out v8) A template's regimen choice written unspaced ("[monotherapy/combination]") or as two bracketed options
# side by side ("[monotherapy] [combination therapy]"); a ticked box ("[X] monotherapy") is neither.
_REGIMEN_WORD = r"(?:mono\w*|single[\s-](?:agent|drug)|alone|combination|combo|combined)"
_BRACKET_REGIMENS = re.compile(
    rf"\[[^\[\]\n]{{0,30}}{_REGIMEN_WORD}[^\[\]\n]{{0,30}}/[^\[\]\n]{{0,60}}\]"
    rf"|\[[^\[\]\n]{{0,60}}/[^\[\]\n]{{0,30}}{_REGIMEN_WORD}[^\[\]\n]{{0,30}}\]"
    rf"|\[[^\[\]\n]{{0,30}}{_REGIMEN_WORD}[^\[\]\n]{{0,30}}\]\s*(?:or\s+)?\[[^\[\]\n]{{4,60}}\]"
    rf"|\[[^\[\]\n]{{4,60}}\]\s*(?:or\s+)?(?=\[[^\[\]\n]{{0,30}}{_REGIMEN_WORD})",
    re.I,
)


# (held-out v8) A template's slot in capitals ("[PROGRESSION/INTOLERANCE]", "[DIAGNOSIS]") is a field to fill.
# Its words are a slot's (or alternatives joined by a slash); "[KRAS G12C]" or "[NSCLC STAGE IV]" is filled.
_SLOT_WORD = (
    r"(?:PRIOR|PREVIOUS|NEW|CURRENT|DRUG|MEDICATION|DIAGNOSIS|PATIENT|NAME|BIOMARKER|MUTATION|PROGRESSION|INTOLERANCE"
    r"|TOXICITY|RESPONSE|THERAPY|THERAPIES|TREATMENTS?|REGIMEN|DATE|STATUS|OUTCOME|REASON)"
)
_SLOT = re.compile(rf"\[(?:{_SLOT_WORD}[ _]?)+\]|\[[A-Z][A-Z ]{{2,30}}/[A-Z][A-Z /]{{2,30}}\]")


# (issue 13's thirty-fourth pass) [t34-gloss-synonyms] A gloss unsure of one word gives two of its English words joined by
# a slash ("[is taking adagrasib only/alone]"): one meaning, not a choice between regimens. Guard: "[monotherapy /
# combination]" and "[alone/with cetuximab]" stay choices.
_SYNONYM_PAIR = re.compile(r"\b(?:only|alone|solo|sole)\s*/\s*(?:only|alone|solo|sole)\b", re.I)


def _in_choice_list(doc: TextDoc, f: Finding) -> bool:
    for m in _SLOT.finditer(doc.text, max(0, f.start - 45), min(len(doc.text), f.end + 45)):
        if m.start() <= f.start and f.end <= m.end():
            return True
    for m in _BRACKET_REGIMENS.finditer(doc.text, max(0, f.start - 120), min(len(doc.text), f.end + 120)):
        if _SYNONYM_PAIR.search(m.group(0)) and m.group(0).count("/") == 1:
            continue
        inside = m.start() <= f.start and f.end <= m.end()
        # the lookahead's form ("[single agent] [monotherapy]"): the finding in the bracket right after the match
        next_bracket = m.end() <= f.start and doc.text.startswith("[", m.end())
        if inside or (next_bracket and f.end <= doc.text.find("]", m.end()) + 1):
            return True
    for opener, choice in (("{", _SMARTLIST), ("[", _BRACKET_CHOICE)):
        lo = doc.text.rfind(opener, max(0, f.start - 80), f.start + 1)
        m = choice.match(doc.text, lo) if lo >= 0 else None
        if m and f.end <= m.end():
            return True
    return False


# A label that introduces a list written on one line: criteria, requirements, options ("Plan criteria: (1) KRAS
# G12C by FDA-approved test; (2) locally advanced NSCLC", "Second-line options discussed (...): (a) docetaxel;
# (b) sotorasib alone"). The items after its colon, up to the end of the line or paragraph, state no fact.
_LIST_LABEL = re.compile(
    r"\b(?:criteria|requirements?|options|alternatives|choices)\b(?:[^:.\n]|\b(?:ms|mr|mrs|mx|dr|st)\.){0,160}:"
    r"(?=\s*\(?(?:[1-9]|[a-h])[.)])",
    re.I,
)


# (held-out v38, issue 13's thirty-ninth pass) [t39-criteria-records-attached] A list introduced as the records sent to
# show criteria ("Criteria documentation attached: (1) NGS 9/2026 showing KRAS G12C, (2) ...", "criteria - supporting
# records enclosed: (a) ..."): each item names one of the patient's records, not a requirement. "Criteria (documentation
# required): (1) ..." and "Please attach documentation of these criteria: (1) ..." stay a list of criteria.
_RECORDS_SENT = re.compile(
    r"\b(?:documentation|documents?|records?|evidence|reports?|notes)\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
    r"(?:attached|enclosed|included|submitted|provided)\b",
    re.I,
)


def _inline_list(doc: TextDoc, f: Finding) -> bool:
    text = unwrap(doc.text)
    start = _line_start(text, f.start)
    label = _LIST_LABEL.search(text[start : f.start])
    if label is None or _RECORDS_SENT.search(label.group(0)):
        return False
    # (held-out v8) The list ends where a sentence after its last item begins ("options: (a) sotorasib alone, (b)
    # docetaxel. Patient undecided. Stage IVA adeno lung, KRAS G12C"): what follows is the note again.
    rest = text[start + label.end() : f.start]
    items = list(_ITEM_MARK.finditer(rest))
    return not (items and _NEW_SENTENCE.search(rest, items[-1].end()))


_ITEM_MARK = re.compile(r"(?:^|[\s,;])\(?(?:[1-9]|[a-h])[.)]\s")
# (held-out v13) [v13-next-question] ... or a form's next question ("[ ] Pills for cancer. Q: Diagnosis ...", "Q2. ...")
_NEW_SENTENCE = re.compile(r"[.!?]\s+(?:[A-Z][a-z]|Q\d{0,2}[:.)]\s)")


# (held-out v18, issue 13's nineteenth pass, part two) [v18-boxes-of-later-field] A statement with no box before it whose
# line's boxes all come after a later sentence or field ("Dx: NSCLC squamous, stage IIIA. Prior systemic treatment: [x]
# none. KRAS: [ ] G12C [x] other"): the boxes answer those fields, the statement before them is no item of a form. A
# line none of whose boxes is ticked stays as it was read (a form left blank).
_LATER_FIELD = re.compile(r"[.!?]\s+(?:[A-Z][a-z]|Q\d{0,2}[:.)]\s)|[;.|]\s*[A-Z][\w ./-]{0,30}:")


def _boxes_of_later_field(text: str, f: Finding) -> bool:
    p = patterns()
    after = text[f.end : _line_end(text, f.end)]
    ticked = [m.start() for m in p["ticked_box"].finditer(after)]
    marks = [m.start() for m in p["unticked_box"].finditer(after)] + ticked
    # a line none of whose boxes is ticked is a form not answered ('mentions "pneumonitis". Please clarify: [ ] ...'):
    # the earlier rules keep it unread
    return bool(ticked) and bool(_LATER_FIELD.search(after, 0, min(marks)))


# (held-out v40, issue 13's forty-first pass) [t41-boxes-of-next-question] A form's field answered in words on its own
# printed line, with no box ("Prior systemic therapy: carboplatin + pemetrexed 8/2026-11/2026; progression on CT
# 11/20/2026"), read on into the next printed line because it stops on a word: when that line is a question or field of
# its own, begun with a capital and asked before its boxes ("Will the drug be used in combination ...?  [ ] Yes  [X]
# No"), the boxes answer that question, not the field above. As [v18-boxes-of-later-field], a line none of whose boxes
# is ticked stays unread (a form left blank); the question's line may not begin in lower case (a wrap of the field).
# (t41's review fix) the field's own printed line carries its written answer after a colon ("Field: value"), or is
# the answer under a label ending its line above ("Prior systemic therapies (drug / dates / outcome):" / "  carboplatin
# + pemetrexed + pembrolizumab / 2/2026-10/2026 / progression").
_FIELD_ANSWERED = re.compile(r":[ \t]*[^\s\[☐□☒☑]")
_OWN_QUESTION = re.compile(r"^[ \t]*(?:Q\d{0,2}[.:)]\s*)?[A-Z][^\n]*(?:\?|:)[ \t]*$")


def _boxes_of_next_printed_question(raw: str, text: str, f: Finding) -> bool:
    p = patterns()
    own_end = raw.find("\n", f.end)
    joined_end = _line_end(text, f.end)
    if own_end < 0 or own_end >= joined_end:
        return False  # the finding's printed line is its whole line
    if p["ticked_box"].search(raw, f.end, own_end) or p["unticked_box"].search(raw, f.end, own_end):
        return False
    own_start = raw.rfind("\n", 0, f.start) + 1
    above = raw[raw.rfind("\n", 0, max(0, own_start - 1)) + 1 : max(0, own_start - 1)] if own_start else ""
    if not (_FIELD_ANSWERED.search(raw, own_start, own_end) or above.rstrip().endswith(":")):
        return False  # (t41 review fix) a label with no written answer ("History of interstitial lung disease or
        # pneumonitis", "Section 4 - Interstitial lung disease / pneumonitis history") is never joined to the next boxes
    nxt = raw[own_end + 1 : joined_end]
    marks = [m.start() for kind in ("ticked_box", "unticked_box") for m in p[kind].finditer(nxt)]
    if not marks or not p["ticked_box"].search(nxt):
        return False
    return bool(_OWN_QUESTION.match(nxt[: min(marks)]))


# (held-out v18, issue 13's nineteenth pass, part two) [v18-box-after-item] A form whose boxes follow their items, each
# box closing its item ("Dx colorectal ca [x]; Stage III [ ] IV [x]; Prior SACT: None [ ] / Yes [x]"): the box right
# after the finding answers it, not the box before it, which closed the item before. Whether it is ticked (True) or
# not (False); None when the line is not laid out so.
_ITEM_CLOSED = re.compile(r"[ \t]*[;,|/]")


def _box_closing_item(text: str, f: Finding, before: str, boxes: list[tuple[int, bool]]) -> bool | None:
    if not boxes:
        return None
    p = patterns()
    last = max(boxes)[0]
    mark = (p["ticked_box"].match(before, last) or p["unticked_box"].match(before, last))
    if not mark or not _ITEM_CLOSED.match(before, mark.end()):
        return None
    own = re.match(rf"[ \t]*(?:{p['ticked_box'].pattern}|{p['unticked_box'].pattern})", text[f.end : f.end + 12], re.I)
    if not own:
        return None
    return bool(p["ticked_box"].search(own.group(0)))


def _unticked_item(doc: TextDoc, f: Finding, line: str) -> bool:
    """The finding is a form's item left unticked: the last box before it on its line is empty, or (no box before
    it) its line holds an empty box ("KRAS G12C confirmed?  [ ] Yes  [ ] No"). A line of several items keeps the
    ticked one ("[X] KRAS G12C mutation identified   Test type: [X] tissue   [ ] plasma")."""
    p = patterns()
    inside = doc.text[f.start : f.end]
    if not p["unticked_box"].search(line) or p["ticked_box"].search(inside):
        return False  # no empty box, or a "Prior chemotherapy? [ ] Yes [x] No" row answered inside the finding
    if f.label == "NAIVE" and p["unticked_box"].search(inside):
        return False  # (held-out v9) a row of empty boxes answered after them ("chemo [ ] IO [ ] -> NONE")
    text = unwrap(doc.text)
    before = text[_line_start(text, f.start) : f.start]
    if _own_box_after(doc, f):
        before = ""  # [ocr10-box-column] the row's own box follows it: boxes of the row above are not its answer
    boxes = [(m.start(), False) for m in p["unticked_box"].finditer(before)]
    boxes += [(m.start(), True) for m in p["ticked_box"].finditer(before)]
    # (held-out v9) [v9-after-box-row] A sentence begun after the last box ("... [ ] targeted [ ] -> NONE (pt and
    # records agree). Dx: lung adenocarcinoma") is the note again, not that box's item.
    if boxes and _NEW_SENTENCE.search(before + text[f.start : f.start + 2], max(boxes)[0]):
        return False  # (held-out v27) [v27-sentence-at-finding] "[ ] PD. Metastatic colon ...": begun by the finding
    own = _box_closing_item(text, f, before, boxes)
    if own is not None:
        return not own  # (held-out v18) [v18-box-after-item] "Dx colorectal ca [x]; Stage III [ ] IV [x]"
    if not boxes and f.label == "MONOTHERAPY" and re.match(r"[^\n]{0,3}\?", text[f.end - 1 : f.end + 3]):
        return False  # (held-out v18) [v18-mono-question-answered] the boxes answer the question; the reader reads them
    if not boxes and _boxes_of_later_field(text, f):
        return False  # (held-out v18) [v18-boxes-of-later-field] "Dx: NSCLC, stage IIIA. Prior treatment: [x] none"
    if not boxes and _boxes_of_next_printed_question(doc.text, text, f):
        return False  # (t41) [t41-boxes-of-next-question] "Prior therapy: carbo/pem 8/2026" / "Combination? [ ] Yes [X] No"
    if not boxes and f.label == "KRAS_G12C" and _boxed_answer(doc, f) is not None:
        return False  # [ocr9-boxes-after] "KRAS G12C status:  [X] Positive  [ ] Negative": the field is answered
    if not boxes and f.label == "KRAS_G12C" and _ticked_detail_after(doc, f):
        return False  # (held-out v16) [v16-g12c-ticked-detail] "KRAS G12C confirmed by: [x] tissue test [ ] plasma"
    return not max(boxes)[1] if boxes else True


# (held-out v16, issue 13's seventeenth pass) [v16-g12c-ticked-detail] A result's field whose ticked box after it gives a
# detail of the result, not a yes/no ("KRAS G12C confirmed by: [x] tissue test  [ ] plasma test", "G12C found in: [x]
# tumour [ ] blood"): the field is answered, the result stands. A ticked yes/no answer ("[X] Yes", "[x] No", "Not
# tested") is no detail: the earlier box rules decide it.
_NOT_A_DETAIL = re.compile(
    r"\s*(?:no|n|negative|neg|not|absent|none|unknown|pending|wild|yes|y|positive|pos|present|detected|true)\b", re.I
)


def _ticked_detail_after(doc: TextDoc, f: Finding) -> bool:
    text = unwrap(doc.text)
    after = text[f.end : _line_end(text, f.end)]
    ticked = patterns()["ticked_box"].search(after)
    return bool(ticked) and not _NOT_A_DETAIL.match(after, ticked.end())


# [ocr10-box-column] (held-out OCR v10, issue 17's twelfth pass) A checklist printed as a table with its boxes in a
# column after the items ("Criterion ... Met?" / "KRAS G12C confirmed by an approved test   [ ]   -- not received --"):
# a row that reads on into the next when unwrapped keeps its own box. The finding's printed line has no box before it
# and one after it: that box, not the box of the row above, answers the item.
def _own_box_after(doc: TextDoc, f: Finding) -> bool:
    p = patterns()
    own_before = _line_before(doc, f)
    own_after = doc.text[f.end : _line_end(doc.text, f.end)]
    boxed = p["unticked_box"].search(own_after) or p["ticked_box"].search(own_after)
    if not own_before.strip() and _box_ends_line_above(doc.text, f.start):
        return False  # (held-out v29) [v29-box-wrapped-above] "Regimen requested: [x]\nmonotherapy [ ] combination"
    if boxed and _LATER_ITEM.search(own_after[: boxed.start()]):
        return False  # (held-out v30) [v30-box-of-next-field] "... progressed (CT: new lesions). Exclusion: [ ] ILD"
    if not own_before.strip() and _inline_boxes_wrapped(doc.text, f.start, own_after):
        return False  # (held-out v30) [v30-inline-boxes-wrapped] "Inclusion: [x] histologically confirmed\nNSCLC [x] KRAS"
    return bool(boxed) and not p["unticked_box"].search(own_before) and not p["ticked_box"].search(own_before)


# (held-out v30, issue 13's thirty-first pass) [v30-box-of-next-field] A ticked item wrapped onto the next printed line,
# where a new sentence or a new field label comes before that line's box ("[x] prior platinum - pt received cisplatin,
# progressed (CT: new liver lesions). Exclusion: [ ] active pneumonitis"): the box is the next field's, not the
# finding's own, and the box before the finding (the line above) answers it.
_LATER_ITEM = re.compile(r"[.!?]\s+[A-Z]|\b[A-Z][A-Za-z /-]{1,30}:\s*$")



# (held-out v30, issue 13's thirty-first pass, part two) [v30-inline-boxes-wrapped] A run of boxes written before their
# items on one line ("Inclusion: [x] histologically confirmed" / "NSCLC (adeno) [x] KRAS G12C [x] stage IV"), wrapped
# inside an item: the box after the finding opens the next item (one space, then its words), and the line above ends
# in an item begun by its own box, so that box, not the next item's, answers the finding. A box column ("... test   [ ]
# -- not received --") sets its boxes apart with wider gaps and stays [ocr10-box-column].
_BOX_THEN_ITEM = r"(?:{box}) [^\W\d_]"


def _inline_boxes_wrapped(text: str, at: int, own_after: str) -> bool:
    start = _line_start(text, at)
    if start == 0:
        return False
    p = patterns()
    above = text[_line_start(text, start - 1) : start - 1]
    boxes = [m for kind in ("ticked_box", "unticked_box") for m in p[kind].finditer(above)]
    if not boxes:
        return False
    last = max(boxes, key=lambda m: m.end())
    item_above = re.match(r" [^\W\d_][^\[\]{}()\u2610\u2611\u2612]*$", above[last.end() :])
    box = f"{p['ticked_box'].pattern}|{p['unticked_box'].pattern}"
    next_item = re.search(_BOX_THEN_ITEM.format(box=box), own_after, re.I)
    return bool(item_above and next_item)


# (held-out v29, issue 13's thirtieth pass) [v29-box-wrapped-above] A box that ends the line above, when the finding
# opens its own line, is the finding's box: the form's line wrapped between the box and its item ("Regimen requested:
# [x]" / "monotherapy [ ] combination"), so the box after it is the next item's, not its own. The unwrapped line then
# reads as one ("[x] monotherapy [ ] combination"), where the last box before the item decides.
def _box_ends_line_above(text: str, at: int) -> bool:
    start = _line_start(text, at)
    if start == 0:
        return False
    p = patterns()
    above = text[_line_start(text, start - 1) : start - 1].rstrip()
    ends = [m.end() for kind in ("ticked_box", "unticked_box") for m in p[kind].finditer(above)]
    return bool(ends) and max(ends) == len(above)


# [ocr9-boxes-after] (held-out OCR v9, issue 17's eleventh pass) A form's field whose answer boxes follow it on its line
# ("KRAS G12C status:  [X] Positive  [ ] Negative  [ ] Not tested", "KRAS G12C result: ☐ Detected  ☒ Not detected"):
# the one ticked box answers it (positive, negative, or no result: "not tested", "pending"); none or several ticked,
# no answer. The words of the unticked boxes ("[ ] Negative") are choices, not the answer.
_BOX_NO_RESULT = re.compile(
    r"^\W*(?:not\s+(?:tested|done|performed|known|available)|pending|unknown|failed|insufficient|qns|n/?a)\b", re.I
)
_BOX_NEGATIVE = re.compile(
    r"^\W*(?:negative|neg|not\s+(?:detected|present|identified|found)|absent|no|wild[\s-]?type|wt)\b", re.I
)
_BOX_POSITIVE = re.compile(r"^\W*(?:positive|pos|detected|present|identified|yes|mutated|mutation\s+detected)\b", re.I)


def _boxed_answer(doc: TextDoc, f: Finding) -> str | None:
    p = patterns()
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    marks = sorted(
        [(m.start(), m.end(), True) for m in p["ticked_box"].finditer(rest)]
        + [(m.start(), m.end(), False) for m in p["unticked_box"].finditer(rest)]
    )
    lead = rest[: marks[0][0]] if marks else rest  # the field's own words ("status:", "mutation present?")
    asked = bool(_ASKS_RESULT.fullmatch(lead))  # "... present?  [X] Yes": a yes or a no answers the result
    if (
        len(marks) < 2
        or (len(lead) > 30 and not asked)  # (t40) [t40-g12c-confirmed-by-test] a question's longer words
        or (_RESULT_WORD.search(lead) and not asked)
        or sum(t for _, _, t in marks) != 1
    ):
        return None  # not a row of answer boxes right after the field, or not one box ticked
    at = next(i for i, m in enumerate(marks) if m[2])
    item = rest[marks[at][1] : marks[at + 1][0] if at + 1 < len(marks) else len(rest)]
    if _YES_NO.match(item) and not asked:
        return None  # "KRAS G12C testing sent?  [X] Yes": a yes to something else than the result
    for answer, rx in (("none", _BOX_NO_RESULT), ("negative", _BOX_NEGATIVE), ("positive", _BOX_POSITIVE)):
        if rx.match(item):
            return answer
    return None


# (held-out v39, issue 13's fortieth pass) [t40-g12c-confirmed-by-test] ... the question may name the test that
# confirmed it ("Is the KRAS G12C mutation confirmed by an FDA-approved test?  [X] Yes  [ ] No"): a yes or a no still
# answers the result, the field's words longer than a bare "present?". Guard: "KRAS G12C testing sent?  [X] Yes".
_ASKS_RESULT = re.compile(
    r"\s*(?:mutation|variant)?\s*(?:status\s+)?(?:present|detected|positive|identified|confirmed)"
    r"(?:\s+(?:by|with|on|via)\s+(?:an?\s+|the\s+)?(?:fda[\s-]approved\s+|approved\s+|validated\s+)?"
    r"(?:tests?|assays?|ngs|pcr|laborator(?:y|ies)|labs?)(?:\s+tests?)?)?\s*\?\s*:?\s*",
    re.I,
)
_YES_NO = re.compile(r"^\W*(?:yes|no|y|n)\b", re.I)


# A template's field left unfilled: "***", an Epic SmartList "{palliative/curative:30412}", "___", "[ ]".
_PLACEHOLDER = re.compile(r":\s*(?:\*{3,}|\{[^}\n]*\}|_{3,}|\[\s*\])")


def _unfilled_field(doc: TextDoc, f: Finding, line: str) -> bool:
    """The finding is in a field's label whose value is a placeholder ("KRAS G12C: *** (pending)"); a filled field
    before it on the line ("Diagnosis: lung ca (NSCLC).  Stage: ___") keeps its value."""
    if f.label == "KRAS_G12C" and _boxed_answer(doc, f) is not None:
        return False  # [ocr9-boxes-after] "KRAS G12C status:  [ ] Positive  [X] Negative": an empty box is a choice
    line_start = _line_start(unwrap(doc.text), f.start)
    for m in _PLACEHOLDER.finditer(line):
        if _FILLED_AFTER.match(line, m.end()):
            continue  # (held-out v15) [v15-filled-placeholder] "Pneumonitis grade: {0-4:9012} -> 2": a choice made
        label_start = max((b.end() for b in _FIELD_END.finditer(line, 0, m.start())), default=0)
        if line_start + label_start <= f.start and f.end <= line_start + m.start():
            return True
    return False


# (held-out v15, issue 13's sixteenth pass) [v15-filled-placeholder] a SmartList or token the writer filled after an
# arrow ("{0-4:9012} -> 2", "*** => yes"): the field has its value, its label is a finding.
_FILLED_AFTER = re.compile(r"\s*(?:->|=>|\u2192)\s*[^\s*_@{\[]")
_FIELD_END = re.compile(r"[:.;|]\s|\s{2,}|\t")


# A question (an interrogative sentence ending in "?"), answered yes only by what follows it on its line.
_INTERROGATIVE = re.compile(
    r"^\s*(?:q?\d{1,2}[.):]\s*)?(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|any)\b", re.I
)
# (held-out v40, issue 13's forty-first pass) [t41-answer-label-yes] ... and a question set's "A: Yes" / "Answer: Yes"
# (t41's review fix) [t41-answer-label-yes] "Yes / No", "Y/N", "yes or no" is the printed choice left unanswered, never
# a Yes ("Answer: Yes / No / Pending", "? A: Y/N", and main's bare "? Yes / No").
_YES = re.compile(
    r"[\s:-]*(?:(?:a|ans|answer|response)\s*[:.-]\s*)?(?:\[\s*[x✓✔]\s*\]\s*)?(?:yes|y)\b(?!\s*(?:/|\bor\b)\s*(?:no|n)\b)",
    re.I,
)


def _open_question(doc: TextDoc, f: Finding) -> bool:
    """The finding is in a question nobody answered yes ("Does the patient have KRAS G12C-mutated NSCLC?
    [ ] Yes [ ] No"): a form's or a letter's question states nothing."""
    sent = f.sentence.rstrip()
    if not (sent.endswith("?") and _INTERROGATIVE.match(sent)) or f.end > f.sentence_start + len(sent):
        return False  # not a question, or a question whose answer is part of the finding ("ever received chemo?  No")
    return not _YES.match(doc.text, f.sentence_start + len(sent))


def _form_answer_no(doc: TextDoc, f: Finding, line: str) -> bool:
    """A form's field answered no: the finding is in the label, before the colon of ``Label: No``."""
    m = _FORM_NO.search(line)
    if not m:
        return False
    text = unwrap(doc.text)
    colon = _line_start(text, f.start) + m.start()
    # the field's label only: a sentence ended between the finding and the colon ("... biopsy: squamous cell
    # carcinoma. Stage IA2. Lines of systemic therapy: none.") puts the finding outside it
    # (held-out v10) [v10-cell-bar] nor a bar: "Prior systemic Rx: none | Trials: none" are two cells, two fields
    return f.end <= colon and not _SENTENCE_END.search(text, f.end, colon) and "|" not in text[f.end : colon]


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_RESULT_WORD = re.compile(
    r"\b(?:positive|pos|negative|neg|detected|identified|present|absent|found|mutated|mutant|wild[\s-]?type|wt|"
    r"harbou?r\w*|reveal\w*|show\w*|confirm\w*)\b|\(\+\)|\(-\)|\d+(?:\.\d+)?\s*%",
    re.I,
)


# (held-out v17, issue 13's eighteenth pass) [v17-stage-column] A table written as rows of cells under a header row (a
# tracker's "MRN | Dx | Stage | KRAS", a CSV export's "pt_id,site,hist,stage", tab-separated columns): the cells under
# the header a pattern names, as (start, end) offsets into the text. A row counts while it has the header's number of
# cells; a markdown rule row ("|---|:--:|") is skipped; a blank line, or a line of another shape, ends the table. A CSV
# cell may quote its commas.
_CELL_SEPARATORS = ("|", "\t", ",")
_RULE_ROW = re.compile(r"[\s|:+]*[-=][\s|:+=-]*")


@dataclass(frozen=True)
class ColumnTable:
    """One table's header line and the cells under the named header, as offsets into the text."""

    header: tuple[int, int]  # the header line
    columns: int  # its number of cells
    cells: list[tuple[int, int]]
    rows: list[tuple[int, int]]  # each cell's line


def _column_tables(
    text: str, header: re.Pattern[str], separators: tuple[str, ...] = _CELL_SEPARATORS
) -> list[ColumnTable]:
    out: list[ColumnTable] = []
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    for i, (head_at, line) in enumerate(lines):
        for sep in separators:
            if sep not in line:
                continue
            cells = _cells(line, sep)
            column = next((k for k, (a, b) in enumerate(cells) if header.fullmatch(line[a:b])), None)
            if column is None:
                continue
            found, rows = [], []
            for row_at, row in lines[i + 1 :]:
                if _RULE_ROW.fullmatch(row):
                    continue
                row_cells = _cells(row, sep)
                if len(row_cells) != len(cells):
                    break
                a, b = row_cells[column]
                found.append((row_at + a, row_at + b))
                rows.append((row_at, row_at + len(row)))
            columns = len([c for c in cells if c[0] < c[1]])
            out.append(ColumnTable((head_at, head_at + len(line)), columns, found, rows))
    return out


def _column_cells(text: str, header: re.Pattern[str]) -> list[tuple[int, int]]:
    return [cell for table in _column_tables(text, header) for cell in table.cells]


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    spans, start, quoted = [], 0, False
    for k, ch in enumerate(line):
        if ch == '"' and sep == ",":
            quoted = not quoted
        elif ch == sep and not quoted:
            spans.append(_trimmed(line, start, k))
            start = k + 1
    spans.append(_trimmed(line, start, len(line)))
    return spans


def _trimmed(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and line[a] in ' "':
        a += 1
    while b > a and line[b - 1] in ' "':
        b -= 1
    return a, b
