"""Findings in text -> the same facts coded data gives (KRAS results, diagnoses, therapies, disease
status), each citing ``Type/id#char=start,end`` and the document's date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from priorauth.chart import dates
from priorauth.facts.model import Diagnosis, DiseaseStatus, Evidence, KrasResult, MedUse
from priorauth.terminology import concepts as cx
from priorauth.terminology.drugs import vocabulary
from priorauth.text.pipeline import EXCLUDING, Finding, analyze, patterns, unwrap
from priorauth.text.sources import TextDoc

# Dates as notes write them: ISO (2026-07-01), US (7/1/2026, 07/01/26) and month/year (6/2026, a partial
# date: the whole month).
_DATE = re.compile(
    r"(?<![\d/])(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})|(\d{1,2})/(\d{4}))(?![\d/])"
)


@dataclass
class TextFacts:
    kras: list[KrasResult] = field(default_factory=list)
    diagnoses: list[Diagnosis] = field(default_factory=list)
    meds: list[MedUse] = field(default_factory=list)
    statuses: list[DiseaseStatus] = field(default_factory=list)
    naive: list[Evidence] = field(default_factory=list)  # "treatment-naive", "no prior systemic therapy"
    monotherapy: list[Evidence] = field(default_factory=list)
    spread_hints: list[Evidence] = field(default_factory=list)
    rationale: list[Evidence] = field(default_factory=list)


def from_documents(docs: list[TextDoc]) -> TextFacts:
    out = TextFacts()
    for doc in docs:
        one = _document_facts(doc)
        for kind in ("kras", "diagnoses", "meds", "statuses", "naive", "monotherapy", "spread_hints", "rationale"):
            getattr(out, kind).extend(getattr(one, kind))
    return out


@lru_cache(maxsize=2048)
def _document_facts(doc: TextDoc) -> TextFacts:
    """The facts of one document (cached: re-evaluating a chart does not re-read its notes)."""
    out = TextFacts()
    if _misfiled(doc.text) or _misdirected(doc.text) or _several_patients(doc.text):
        return out  # a document that says it is another patient's (or a log of several) states nothing about this one
    not_a_patient = bool(_NOT_A_PATIENT.search(doc.text))  # [ocr9-not-a-patient] a proficiency sample: no KRAS result
    for f in analyze(doc.text):
        if not (not_a_patient and f.label.startswith("KRAS")):
            _add(out, doc, f)
    present = {(k.specimen, k.evidence.date) for k in out.kras if k.status == "g12c_present"}
    # A report naming G12C and another KRAS variant on one specimen of one date (two clones) is a G12C result: the
    # other variant is a co-mutation, not a "G12C absent" answer. Two dated results stay two (a conflict to review).
    out.kras = [k for k in out.kras if not (k.status == "other_variant" and (k.specimen, k.evidence.date) in present)]
    # A text recording a systemic drug given in another sentence is not naive, whatever it says of one class ("no
    # targeted drugs yet; she had carboplatin"), of a period ("no chemo in the last 12 months" beside "completed
    # adjuvant carboplatin in 2022") or in a line copied forward ("treatment-naive", then "received 4 cycles ..."). One
    # sentence saying both ("naive per patient, but outside records show carboplatin") keeps both: a conflict to review.
    out.meds = _not_given_yet(doc.text, out.meds)
    given_in = {m.evidence.source for m in out.meds}
    # (held-out v8) "C1D1 sotorasib given (first systemic therapy ever)": naive up to the drug given.
    if not _FIRST_EVER.search(doc.text):
        out.naive = [n for n in out.naive if not given_in - {n.source}]
    return out


# (held-out v10, issue 13's eleventh pass) [v10-not-given-yet] An order the note says was never carried out: "Order
# cancelled, nothing prepared for this patient", "Neither drug dispensed yet", "He has not yet started sotorasib". The
# drugs ordered or requested in it are not given; a drug the note says was had before ("s/p", "prior", "received",
# "after") stays. A drug not yet started is not given anywhere in the note.
_NOTHING_GIVEN = re.compile(
    r"\b(?:neither|none\s+of\s+the)\s+(?:drugs?|agents?|medications?|medicines?|of\s+them)\s+(?:(?:was|were|has\s+been|"
    r"have\s+been)\s+)?(?:yet\s+)?(?:dispensed|given|administered|started|prepared|released|compounded)\b"
    r"|\bnothing\s+(?:was\s+|has\s+been\s+)?(?:prepared|dispensed|given|administered|compounded)\b",
    re.I,
)
_NOT_YET_STARTED = re.compile(
    r"\b(?:has|have|had|did|is|was)\s*(?:not|n't|n\u2019t)\s+yet\s+(?:started|begun|commenced|taken|received|been\s+"
    r"(?:started|given|dispensed))\s+(?:on\s+)?(?:the\s+)?([a-z][\w-]+)",
    re.I,
)
_HAD_BEFORE = re.compile(r"\b(?:s/p|prior|previous|received|completed|had|after|post|on)\s+(?:\S+\s+){0,2}$", re.I)


def _not_given_yet(text: str, meds: list[MedUse]) -> list[MedUse]:
    not_started = {m.group(1).lower() for m in _NOT_YET_STARTED.finditer(text)}
    nothing = bool(_NOTHING_GIVEN.search(text))
    if not (nothing or not_started):
        return meds

    def kept(m: MedUse) -> bool:
        if m.evidence.focus is None or _HAD_BEFORE.search(text[max(0, m.evidence.focus[0] - 30) : m.evidence.focus[0]]):
            return True
        return not nothing and not any(d.ingredient in not_started for d in m.drugs)

    return [m for m in meds if kept(m)]


_FIRST_EVER = re.compile(
    r"\bfirst[\s-]ever\s+(?:systemic|anti-?cancer|cancer)\s+(?:therapy|treatment)"
    r"|\bfirst\s+(?:systemic|anti-?cancer|cancer)\s+(?:therapy|treatment)\s+ever\b"
    # (held-out v9) [v9-naive-until-now] naive up to a start point the text names ("treatment-naive before today",
    # "no anticancer therapy before enrolment", "this will be your first", "first-line cohort"): the drug given
    # from that point on is the first.
    r"|\bbefore\s+(?:today|now|enrol?ment|randomi[sz]ation|registration|c1d1|cycle\s+1|this\s+(?:cycle|regimen|"
    r"treatment|therapy|study|trial|visit|infusion))\b"
    r"|\b(?:this|today|it)\s+(?:will\s+be|is|was)\s+(?:your|his|her|their|the\s+patient'?s)\s+first\b"
    r"|\bfirst[\s-]line\s+(?:cohort|use|setting|arm|indication)\b"
    # (held-out v10) [v10-first-dose] a first dose checked or given ("First-dose verification, pembrolizumab ...; no
    # previous systemic treatment"): the drug is the first
    r"|\bfirst[\s-]dose\s+(?:verification|check|double[\s-]check|review|teaching|education|today|given|administered)\b",
    re.I,
)


# A banner saying the document is not this patient's ("MISFILED", "belongs to another patient", "scanned to
# the wrong chart", "removed from this chart").
_MISFILED = re.compile(
    r"\bmis-?filed\b|\bbelongs\s+to\s+(?:a(?:nother)?\s+|a\s+different\s+)patient\b|\bwrong\s+(?:patient|chart|mrn)\b"
    r"|\b(?:filed|scanned|uploaded)\s+(?:in)?to\s+(?:the\s+)?wrong\b|\bremoved\s+from\s+(?:this|the\s+patient'?s?)\s+chart\b",
    re.I,
)


# --- held-out OCR v5's classes (issue 17's sixth pass) -------------------------------------------------------------
# A cover notice saying the pages are another patient's or were sent in error, worded any way and read through a
# fax's specks ("belongs to another\n-patient", "NOTICE OF MISDIRECTED FAX"): words joined by any run of marks.
_GAP = r"[\W_]{1,4}"
_MISDIRECTED = re.compile(
    rf"\bmis-?(?:directed|routed|sent|addressed){_GAP}(?:fax|facsimile|transmission|pages?|documents?|records?|report)"
    rf"|\b(?:belongs?|belonging|pertains?|relates?){_GAP}to{_GAP}(?:a{_GAP})?(?:another|different|other){_GAP}"
    rf"(?:patient|person|individual)"
    rf"|\b(?:does|do|did){_GAP}not{_GAP}(?:belong|pertain|relate|refer){_GAP}to{_GAP}(?:this|your|the){_GAP}patient"
    rf"|\b(?:was|were|been){_GAP}(?:faxed|sent|transmitted|routed|forwarded|delivered){_GAP}(?:\w+{_GAP}){{0,5}}"
    rf"in{_GAP}error",
    re.I,
)
# "If you received this fax in error" is the boilerplate of every cover sheet, not a notice: a condition.
_CONDITION_BEFORE = re.compile(r"\b(?:if|should|in\s+case|when)\b[^.!?\n]*$", re.I)


def _misdirected(text: str) -> bool:
    """A notice on the document's first page (its first 1,200 characters) that it is not this patient's."""
    head = text[:1200]
    return any(
        not _CONDITION_BEFORE.search(head[max(0, m.start() - 80) : m.start()]) and not _one_result_withdrawn(head, m)
        for m in _MISDIRECTED.finditer(head)
    )


def _misfiled(text: str) -> bool:
    head = text[:400]
    return any(not _one_result_withdrawn(head, m) for m in _MISFILED.finditer(head))


# (held-out v9, issue 13's tenth pass) [v9-one-result-withdrawn] A result, block or specimen that "belongs to a
# different patient" in a corrected report ("the KRAS result reported on 11/10 belongs to a different patient and has
# been withdrawn ... the correct result for this patient: ...") voids that result, not the document: the report goes on
# with this patient's.
_RESULT_SUBJECT = re.compile(
    r"\b(?:result|block|specimen|sample|slide|value|variant|finding|call)\b[^.;\n]{0,60}$", re.I
)
_THIS_PATIENTS = re.compile(r"\b(?:for|of|from)\s+this\s+(?:patient|pt)\b", re.I)


def _one_result_withdrawn(text: str, m: re.Match[str]) -> bool:
    return bool(
        _RESULT_SUBJECT.search(text[max(0, m.start() - 80) : m.start()]) and _THIS_PATIENTS.search(text, m.end())
    )


# (held-out v9, issue 13's tenth pass) [v9-several-patients] A log or list of several patients, each under its own
# number ("Pt 17 - KRAS G12D ... Pt 18 - KRAS G12C but active ILD ... Pt 19 - pending"; "Subject 02: ... Subject 03:"):
# no line of it is this patient's chart. Two or more different numbers, each opening an entry. A tumour board's
# cases ("Case 3: ...", "Case 4: (different patient)") mark this patient's among them: not a log.
_PATIENT_ENTRY = re.compile(
    r"(?:^|\n|[.;:]\s+)\W{0,3}(?:pt|patient|subject)\s*#?\s*(\d{1,4})\s*(?:[-:\u2013\u2014)]|\()", re.I
)
_OTHER_MARKED = re.compile(r"\b(?:different|another|other|separate)\s+(?:pt|patient)\b", re.I)


def _several_patients(text: str) -> bool:
    return len({m.group(1) for m in _PATIENT_ENTRY.finditer(text)}) >= 2 and not _OTHER_MARKED.search(text)


@lru_cache(maxsize=2048)
def _doc_flags(text: str) -> tuple[bool, bool, str | None]:
    """Whole-document facts read once: names the lung, names another primary, the test's name."""
    p = patterns()
    test = p["tests"].search(text)
    return bool(p["lung_context"].search(text)), bool(p["other_primary"].search(text)), test.group(0) if test else None


def _evidence(doc: TextDoc, f: Finding, start: int | None = None, end: int | None = None) -> Evidence:
    s, e = (f.sentence_start, f.sentence_start + len(f.sentence.rstrip())) if start is None else (start, end)
    quote = doc.text[s:e].strip()
    lead = len(doc.text[s:e]) - len(doc.text[s:e].lstrip())
    s += lead
    e = s + len(quote)
    at = (f.start - f.sentence_start, f.end - f.sentence_start)
    when = _stated_date(f.sentence, at, skip_starts=f.label == "STATUS")
    return Evidence(f"{doc.source}#char={s},{e}", when or doc.date, quote, focus=(f.start, f.end))


def _stated_date(sentence: str, at: tuple[int, int] = (0, 0), skip_starts: bool = False) -> str | None:
    """The date written nearest the finding in its sentence ("last 3/15/2026), PD 7/1/2026": the
    progression's date is 7/1/2026); on a tie, the one after it. None when the sentence states none.
    ``skip_starts``: a date introduced as a start ("started 9/2025") is a therapy's, not a status's."""
    best: tuple[int, int, str] | None = None
    for m in _DATE.finditer(sentence):
        day = _date_text(m)
        if day is None or (skip_starts and _STARTED.search(sentence[max(0, m.start() - 12) : m.start()])):
            continue
        after = m.start() >= at[1]
        gap = m.start() - at[1] if after else max(0, at[0] - m.end())
        key = (gap, 0 if after else 1, day)
        if best is None or key < best:
            best = key
    return best[2] if best else None


_STARTED = re.compile(r"\b(?:started|starting|start|since|began|from|initiated)\s*:?\s*$", re.I)


def _date_text(m: re.Match[str]) -> str | None:
    if m.group(1):
        text = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    elif m.group(6):
        year = m.group(6) if len(m.group(6)) == 4 else f"{'19' if int(m.group(6)) > 50 else '20'}{m.group(6)}"
        text = f"{year}-{int(m.group(4)):02d}-{int(m.group(5)):02d}"
    else:
        text = f"{m.group(8)}-{int(m.group(7)):02d}"
    return dates.text_of(text)


_ENTERED_IN_ERROR = re.compile(
    r"\bentered\s+in\s+error\b|\berroneous(?:ly)?\s+entered\b|\b(?:entry|entered)\s+(?:on|for)\s+(?:the\s+)?wrong\s+"
    r"(?:patient|pt|chart)\b|\b(?:meant|intended)\s+for\s+(?:another|a\s+different)\s+(?:pt|patient)\b",
    re.I,
)


def _entered_in_error(doc: TextDoc, f: Finding) -> bool:
    """The entry holding the finding is marked entered in error: the mark after it in the same clause of its line
    ("J84.9 Pulmonary fibrosis - comment: ENTERED IN ERROR"), or opening its line. "The G13C call was entered in
    error; the variant is KRAS G12C" voids only what comes before the ";"."""
    start = doc.text.rfind("\n", 0, f.start) + 1
    end = doc.text.find("\n", f.end)
    after = doc.text[f.end : end if end >= 0 else len(doc.text)]
    m = _ENTERED_IN_ERROR.search(after)
    if m and not re.search(r"[;.]\s", after[: m.start()]):
        return True
    return bool(_ENTERED_IN_ERROR.match(doc.text[start : f.start].lstrip(" *-\u2022")))


def _line(doc: TextDoc, f: Finding) -> str:
    """The line of the finding, a line wrapped at a fixed width read as one (``pipeline.unwrap``)."""
    text = unwrap(doc.text)
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    return text[start : end if end >= 0 else len(text)]


# A list item: a number, a letter or a bullet, including what a fax makes of "•" ("¢", "°", "«", "©", "+"; held-out
# OCR v5) and the other bullets a report prints (▪ ■ ► ▶ ◦ ·).
_LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[-*+\u2022\u00a2\u00b0\u00ab\u00bb\u00a9\u00b7\u25aa\u25a0\u25ba\u25b6\u25e6]|\(?[a-z]\))\s"
)
_FORM_NO = re.compile(r":\s*(?:no|none|negative|absent|denies|n)\.?\s*$", re.I)


def _in_criteria_list(doc: TextDoc, f: Finding) -> bool:
    """The finding is on an item of a list introduced as criteria ("Our criteria require documentation of:",
    "Inclusion criteria:"): it restates a requirement, not the patient."""
    text = unwrap(doc.text)
    start = text.rfind("\n", 0, f.start) + 1
    if not _LIST_ITEM.match(text[start : start + 12]):
        return False
    above = text[: max(0, start - 1)].split("\n")[-12:]
    for k in range(len(above) - 1, -1, -1):
        prev = above[k]
        if not prev.strip():
            return False
        if not _LIST_ITEM.match(prev):
            return _criteria_intro(prev, above[k - 1] if k else "")
    return False


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


def _criteria_intro(line: str, heading: str) -> bool:
    intro = patterns()["criteria_intro"]
    first = re.split(r" {2,}|\t", line.strip())[0]
    if line.rstrip().endswith(":") and intro.search(line):
        return True
    if _criteria_heading(line):
        return True
    return first.endswith(":") and (
        bool(intro.search(first)) or bool(_OF_THE_FOLLOWING.search(first) and intro.search(heading))
    )


def _block_header(doc: TextDoc, f: Finding) -> str:
    """The lines above the finding's line in its block (up to a blank line): a table's header row."""
    start = doc.text.rfind("\n", 0, f.start) + 1
    block = doc.text[:start].split("\n\n")[-1]
    return "\n".join(block.split("\n")[-15:])


def _lung(doc: TextDoc, f: Finding) -> bool:
    """The mention is about the lung: its line names the lung, or the whole document does and names no
    other primary cancer (a pathology report's diagnosis line rarely repeats the organ)."""
    p = patterns()
    if p["lung_context"].search(_line(doc, f)):
        return True
    lung, other, _ = _doc_flags(doc.text)
    return lung and not other


@lru_cache(maxsize=2048)
def _doc_colorectal(text: str) -> bool:
    return bool(patterns()["colorectal_context"].search(text))


def _cancer_of(doc: TextDoc, f: Finding) -> str | None:
    """Which cancer a stage or spread mention belongs to: the one its line names, else the one the note is
    about; None for another primary (pancreas, breast...). A note that names no cancer keeps the lung."""
    p = patterns()
    after = re.split(r"[.;,(\n]", doc.text[f.end : f.end + 40])[0]  # the words it qualifies: "stage I breast ca"
    if not p["lung_context"].search(after):
        if p["colorectal_context"].search(after):
            return "colorectal"
        if p["other_primary"].search(after):
            return None
    line = _line(doc, f)
    if p["lung_context"].search(line):
        return "lung"
    if p["colorectal_context"].search(line):
        return "colorectal"
    if p["other_primary"].search(line):
        return None
    lung, other, _ = _doc_flags(doc.text)
    colorectal = _doc_colorectal(doc.text)
    if lung:
        return "lung"
    if colorectal:
        return "colorectal"
    return None if other else "lung"


# A chest cancer that is not lung cancer (pleural mesothelioma, a head-and-neck cancer with lung nodules): in a note
# about it that names no lung cancer, a stage, a spread or a generic histology word is that cancer's.
_OTHER_CHEST_CANCER = re.compile(
    r"\bmesothelioma\b|\bhead\s+and\s+neck\b|\boropharyn\w*|\bhypopharyn\w*|\blaryn(?:x|geal)\b|\bthym(?:oma|ic\s+carcinoma)\b",
    re.I,
)
_LUNG_CANCER = re.compile(
    r"(?<!not\sa\snew\s)(?<!not\sa\s)(?<!no\s)\blung\s+(?:cancer|ca|carcinoma|adeno\w*|primary)\b|\bm?nsclc\b|\bnon[\s-]?small\b",
    re.I,
)


@lru_cache(maxsize=2048)
def _another_chest_cancer(text: str) -> bool:
    return bool(_OTHER_CHEST_CANCER.search(text)) and not _LUNG_CANCER.search(text)


# (held-out v8) A checklist's item answered yes for this patient ("Eligibility checklist: [Y] stage IV NSCLC [Y] KRAS
# G12C"): the box right before the item says Y / Yes; the checklist's word does not make the answer general.
_YES_BOX = re.compile(r"\[\s?(?:y|yes)\s?\]\s*(?:[^\[\]\n]{0,40})$", re.I)


def _answered_yes(doc: TextDoc, f: Finding) -> bool:
    return bool(_YES_BOX.search(doc.text[max(0, f.start - 60) : f.start]))


def _other_primary(doc: TextDoc, f: Finding) -> bool:
    p = patterns()
    line = _line(doc, f)
    return bool(p["other_primary"].search(line)) and not p["lung_context"].search(line)


def _add(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    handler = HANDLERS.get(f.label)
    if handler is None:
        return
    line = _line(doc, f)
    p = patterns()
    if _entered_in_error(doc, f):
        return  # (held-out v9) [v9-entered-in-error] a list entry marked as entered in error states nothing
    general = p["not_about_patient"].search(f.sentence) and not _answered_yes(doc, f) and not _negative_for_tested(f)
    if general or _unticked_item(doc, f, line) or _in_criteria_list(doc, f):
        return  # a general statement, a form's item left unticked, a payer's list of criteria
    if not f.label.startswith("KRAS") and _form_answer_no(doc, f, line):
        return  # "History of ILD/pneumonitis: No" (a KRAS "G12C: negative" is a result: see _kras)
    if _unfilled_field(doc, f, line) or _open_question(doc, f) or _general_paragraph(doc, f) or _counterfactual(f):
        return
    if _in_choice_list(doc, f) or _inline_list(doc, f):
        return  # an Epic SmartList's unselected choices; an item of "Criteria: (1) ...; (2) ..." or "options: (a) ..."
    if f.label.startswith("KRAS") and (_in_coverage_parenthesis(doc, f) or _in_example_parenthesis(doc, f)):
        return  # "KRAS  none (G12C, G12D, Q61 assessed)", "(e.g. KRAS p.G12G)": what the assay looked at, an example
    if f.label.startswith("KRAS") and (_in_code(doc, f) or _control_row(doc, f)):
        return  # "lot KR-G12C/13D-0425", "Positive control (G12C mix)  amplified": no result
    handler(out, doc, f)


# [ocr9-negative-for-tested] (held-out OCR v9, issue 17's eleventh pass) A negative result that names what was tested
# ("KRAS: negative for G12C and for all other hotspot variants tested", "no mutation in G12C or any other codon
# analysed"): the words of coverage ("variants tested") make a general statement elsewhere; after a negative before
# the variant they are the result's scope. Only a negated KRAS finding, and only when nothing else in the sentence
# reads as general.
_NEGATIVE_BEFORE = re.compile(
    r"\b(?:negative|neg)\s+for\b|\bno\s+(?:pathogenic\s+)?(?:mutations?|variants?|alterations?)\s+(?:in|at|of)\b|"
    r"\bwild[\s-]?type\s+(?:for|at)\b|\bnot\s+detected\s*:",
    re.I,
)
_TESTED_SCOPE = re.compile(
    r"\b(?:hotspots?|codons?|exons?|genes?|regions?|mutations?|variants?|alterations?)\s+(?:covered|analy[sz]ed|tested|"
    r"assayed|included|evaluated|examined|assessed|sequenced|screened|interrogated)\b",
    re.I,
)


_DEFINES = re.compile(r"\b(?:defined|defines?|means|refers\s+to|reported\s+as|if|when|whenever|unless)\b", re.I)


def _negative_for_tested(f: Finding) -> bool:
    if not f.label.startswith("KRAS") or "NEGATED_EXISTENCE" not in f.modifiers:
        return False
    at = f.start - f.sentence_start
    if not _NEGATIVE_BEFORE.search(f.sentence[:at]) or _DEFINES.search(f.sentence):
        return False  # "Negative for G12C is defined as ... for all variants tested": a definition
    rest = _TESTED_SCOPE.sub(" ", f.sentence)
    return not patterns()["not_about_patient"].search(rest)


# [ocr9-reagent-code] (held-out OCR v9, issue 17's tenth pass) A variant's name inside a reagent's, kit's or lot's
# code ("mutation mix lot KR-G12C/13D-0425", "kit cat. no. AX-G12C-96") names a product, not a result: the mention is
# glued by a hyphen to a code before it, or the word before its token is lot / kit / catalogue / ref.
_CODE_PREFIX = re.compile(r"(?i:\b(?:lot|kit|cat(?:alog(?:ue)?)?\.?(?:\s+no\.?)?|ref|reagent)[\s#:.]+\S*)$")
_CODE_GLUED = re.compile(r"(?<![A-Za-z0-9])(?![KNH]RAS-)[A-Z0-9]{1,6}-$")  # "KR-G12C/13D-0425", not "KRAS-G12C"
_CODE_AFTER = re.compile(r"[/-][A-Z0-9]")


def _in_code(doc: TextDoc, f: Finding) -> bool:
    start = doc.text.rfind("\n", 0, f.start) + 1
    before = doc.text[max(start, f.start - 30) : f.start]
    return bool(_CODE_PREFIX.search(before) or (_CODE_GLUED.search(before) and _CODE_AFTER.match(doc.text, f.end)))


# [ocr9-control-row] A run's control row ("Positive control (G12C/G12D/G12V mix)  amplified  expected", "NTC: no
# amplification", "Wild-type control  G12C  negative"): the control's material, not the patient's.
_CONTROL_ROW = re.compile(
    r"^\W*(?:positive|negative|no[\s-]template|ntc|internal|reference|wild[\s-]?type|extraction|mutant|run)\s+"
    r"(?:control|ctrl)\b|^\W*ntc\b",
    re.I,
)


def _control_row(doc: TextDoc, f: Finding) -> bool:
    start = doc.text.rfind("\n", 0, f.start) + 1
    return bool(_CONTROL_ROW.search(doc.text[start : f.start]))


# [ocr9-not-a-patient] A document that says it is not from a patient: a proficiency-testing / external quality
# assessment sample, cell-line material ("THIS IS A PROFICIENCY-TESTING SAMPLE ... IT IS NOT FROM A PATIENT").
_NOT_A_PATIENT = re.compile(
    r"\bnot\s+from\s+a\s+patient\b|\bnot\s+a\s+(?:patient|clinical)\s+(?:specimen|sample)\b|"
    r"\bproficiency[\s-]testing\s+(?:sample|specimen|material)\b",
    re.I,
)


# [ocr6-coverage-parenthesis] (held-out OCR v6, issue 17's seventh pass) A parenthesis, on one line, that ends by
# saying what the assay looked at ("none (G12C, G12D, G12V assessed)", "wild-type [codons 12/13/61 interrogated]",
# "not detected (hotspots incl. G12C covered)"): the variants in it are the coverage, not a result. A finding
# before the parenthesis ("G12C detected (codons 12/13 assessed)") keeps its result.
_COVERAGE_CLOSE = re.compile(
    r"[^()\[\]\n]{0,120}?\b(?:assessed|tested|interrogated|examined|evaluated|covered|analy[sz]ed|screened|queried|"
    r"sequenced|targeted|included|in\s+scope)\s*[)\]]",
    re.I,
)


def _in_coverage_parenthesis(doc: TextDoc, f: Finding) -> bool:
    line_start = doc.text.rfind("\n", 0, f.start) + 1
    before = doc.text[line_start : f.start]
    opened = max(before.rfind("("), before.rfind("["))
    if opened < 0 or max(before.rfind(")"), before.rfind("]")) > opened:
        return False
    return bool(_COVERAGE_CLOSE.match(doc.text, f.end))


# [ocr7-example] (held-out OCR v7, issue 17's eighth pass) A variant named as an example in a parenthesis
# ("Synonymous changes (e.g. KRAS p.G12G) are not reported", "(for example G12C or G12D)", "(such as codon 12
# changes)"): it illustrates a kind of change, it is no result; a scan reading the example's last letter wrong
# (G12G as G12C) must not make it one. A result word inside the parenthesis keeps the finding.
_EXAMPLE_OPEN = re.compile(r"[(\[]\s*(?:e\.?\s?g\.?|for\s+example|for\s+instance|such\s+as|examples?\s*:?)[\s,:]", re.I)


def _in_example_parenthesis(doc: TextDoc, f: Finding) -> bool:
    line_start = doc.text.rfind("\n", 0, f.start) + 1
    before = doc.text[line_start : f.start]
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


def _in_choice_list(doc: TextDoc, f: Finding) -> bool:
    for m in _SLOT.finditer(doc.text, max(0, f.start - 45), min(len(doc.text), f.end + 45)):
        if m.start() <= f.start and f.end <= m.end():
            return True
    for m in _BRACKET_REGIMENS.finditer(doc.text, max(0, f.start - 120), min(len(doc.text), f.end + 120)):
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


def _inline_list(doc: TextDoc, f: Finding) -> bool:
    text = unwrap(doc.text)
    start = text.rfind("\n", 0, f.start) + 1
    label = _LIST_LABEL.search(text[start : f.start])
    if label is None:
        return False
    # (held-out v8) The list ends where a sentence after its last item begins ("options: (a) sotorasib alone, (b)
    # docetaxel. Patient undecided. Stage IVA adeno lung, KRAS G12C"): what follows is the note again.
    rest = text[start + label.end() : f.start]
    items = list(_ITEM_MARK.finditer(rest))
    return not (items and _NEW_SENTENCE.search(rest, items[-1].end()))


_ITEM_MARK = re.compile(r"(?:^|[\s,;])\(?(?:[1-9]|[a-h])[.)]\s")
_NEW_SENTENCE = re.compile(r"[.!?]\s+[A-Z][a-z]")


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
    before = text[text.rfind("\n", 0, f.start) + 1 : f.start]
    boxes = [(m.start(), False) for m in p["unticked_box"].finditer(before)]
    boxes += [(m.start(), True) for m in p["ticked_box"].finditer(before)]
    # (held-out v9) [v9-after-box-row] A sentence begun after the last box ("... [ ] targeted [ ] -> NONE (pt and
    # records agree). Dx: lung adenocarcinoma") is the note again, not that box's item.
    if boxes and _NEW_SENTENCE.search(before, max(boxes)[0]):
        return False
    if not boxes and f.label == "KRAS_G12C" and _boxed_answer(doc, f) is not None:
        return False  # [ocr9-boxes-after] "KRAS G12C status:  [X] Positive  [ ] Negative": the field is answered
    return not max(boxes)[1] if boxes else True


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
    end = doc.text.find("\n", f.end)
    rest = doc.text[f.end : end if end >= 0 else len(doc.text)]
    marks = sorted(
        [(m.start(), m.end(), True) for m in p["ticked_box"].finditer(rest)]
        + [(m.start(), m.end(), False) for m in p["unticked_box"].finditer(rest)]
    )
    lead = rest[: marks[0][0]] if marks else rest  # the field's own words ("status:", "mutation present?")
    asked = bool(_ASKS_RESULT.fullmatch(lead))  # "... present?  [X] Yes": a yes or a no answers the result
    if (
        len(marks) < 2
        or len(lead) > 30
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


_ASKS_RESULT = re.compile(
    r"\s*(?:mutation|variant)?\s*(?:status\s+)?(?:present|detected|positive|identified|confirmed)\s*\?\s*:?\s*", re.I
)
_YES_NO = re.compile(r"^\W*(?:yes|no|y|n)\b", re.I)


# A counterfactual: "Had the biopsy shown G12C, we would have requested adagrasib; NGS instead showed G13D". Its
# clause (up to a ";", "however", "but" or "instead" after the "would") asserts nothing.
_COUNTERFACTUAL = re.compile(
    r"^\W*had\s+(?:the|she|he|they|we|it|this|there|our|her|his|their)\b[^;]{0,100}?\b(?:shown|been|revealed|"
    r"demonstrated|found|harbou?red|tested|come\s+back|returned)\b[^;]{0,80}?\bwould(?:\s+not)?\s+have\b",
    re.I,
)
_CLAUSE_END = re.compile(r";|\bhowever\b|\bbut\b|\binstead\b", re.I)


def _counterfactual(f: Finding) -> bool:
    m = _COUNTERFACTUAL.match(f.sentence)
    if not m:
        return False
    end = _CLAUSE_END.search(f.sentence, m.end())
    return f.start - f.sentence_start < (end.start() if end else len(f.sentence))


# A template's field left unfilled: "***", an Epic SmartList "{palliative/curative:30412}", "___", "[ ]".
_PLACEHOLDER = re.compile(r":\s*(?:\*{3,}|\{[^}\n]*\}|_{3,}|\[\s*\])")


def _unfilled_field(doc: TextDoc, f: Finding, line: str) -> bool:
    """The finding is in a field's label whose value is a placeholder ("KRAS G12C: *** (pending)"); a filled field
    before it on the line ("Diagnosis: lung ca (NSCLC).  Stage: ___") keeps its value."""
    if f.label == "KRAS_G12C" and _boxed_answer(doc, f) is not None:
        return False  # [ocr9-boxes-after] "KRAS G12C status:  [ ] Positive  [X] Negative": an empty box is a choice
    line_start = unwrap(doc.text).rfind("\n", 0, f.start) + 1
    for m in _PLACEHOLDER.finditer(line):
        label_start = max((b.end() for b in _FIELD_END.finditer(line, 0, m.start())), default=0)
        if line_start + label_start <= f.start and f.end <= line_start + m.start():
            return True
    return False


_FIELD_END = re.compile(r"[:.;|]\s|\s{2,}|\t")


# A question (an interrogative sentence ending in "?"), answered yes only by what follows it on its line.
_INTERROGATIVE = re.compile(
    r"^\s*(?:q?\d{1,2}[.):]\s*)?(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|any)\b", re.I
)
_YES = re.compile(r"[\s:-]*(?:\[\s*[x✓✔]\s*\]\s*)?(?:yes|y)\b", re.I)


def _open_question(doc: TextDoc, f: Finding) -> bool:
    """The finding is in a question nobody answered yes ("Does the patient have KRAS G12C-mutated NSCLC?
    [ ] Yes [ ] No"): a form's or a letter's question states nothing."""
    sent = f.sentence.rstrip()
    if not (sent.endswith("?") and _INTERROGATIVE.match(sent)) or f.end > f.sentence_start + len(sent):
        return False  # not a question, or a question whose answer is part of the finding ("ever received chemo?  No")
    return not _YES.match(doc.text, f.sentence_start + len(sent))


# The first line of a paragraph that makes the paragraph general: a policy's or a label's text, teaching
# material ("POLICY EXCERPT (...)", "Coverage criteria", "PATIENT EDUCATION HANDOUT").
_GENERAL_HEADING = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?:policy\s+(?:excerpt|criteria|language|text|statement)|(?:medical|clinical|coverage|drug|"
    r"pharmacy|payer)\s+policy|(?:coverage|approval|authorization)\s+criteria|(?:patient\s+)?education(?:al)?\s+"
    r"(?:handout|material|sheet|leaflet|printed|provided|given)|(?:patient\s+)?handout|flyer|brochure|poster|drug\s+information\s+sheet|package\s+insert|"
    r"prescribing\s+information|monograph|"  # [ocr9-monograph] "FORMULARY MONOGRAPH (excerpt)", "Drug monograph:"
    # [ocr8-provider-bulletin] a payer's bulletin or FAQ for providers ("PROVIDER BULLETIN", "Provider newsletter")
    r"(?:provider|prescriber|network)\s+(?:bulletin|newsletter|update|faqs?)|frequently\s+asked\s+questions)"
    r"(?:\s+[\w.-]+)?\s*(?:[:(\-\u2013\u2014]|$)",
    re.I,
)


# A heading that says in its own words that what follows is not about this patient ("APPENDIX - about the
# therapies named (general information, not patient-specific)", "Journal club note (not patient care)").
_NOT_PATIENT_HEADING = re.compile(
    r"\bnot\s+(?:patient[\s-](?:specific|care)|for\s+patient\s+care|about\s+(?:this|the)\s+patient)\b|"
    r"\bgeneral\s+(?:drug\s+)?information\b|\bjournal\s+club\b|\bgeneric\s+drug[\s-]info\w*|"
    # (held-out v8) a teaching case from the literature, a protocol's text quoted for reference
    r"\b(?:educational|teaching|literature|published)\s+case\b|\bcase\s+(?:taken\s+)?from\s+(?:the\s+)?literature\b|"
    r"\bnot\s+(?:a|our)\s+patient\s+(?:of|at|in)\s+(?:this|our)\s+(?:institution|clinic|practice|hospital|cent(?:er|re))\b|"
    r"\bprotocol\s+excerpt\b|"
    # (held-out v10) [v10-not-a-patient] a question asked in general, a teaching composite or a slide ("Asking generally,
    # not about a specific patient", "Grand rounds slide 7 (de-identified teaching composite)")
    r"\bnot\s+about\s+(?:a|any)\s+(?:specific|particular|real|individual)\s+patient\b|\basking\s+(?:generally|in\s+"
    r"general|hypothetically)\b|\bteaching\s+(?:composite|slide|vignette)\b|\bcomposite\s+(?:case|vignette)\b|"
    r"\bgrand\s+rounds\s+(?:slide|case|vignette|presentation)\b",
    re.I,
)


def _general_paragraph(doc: TextDoc, f: Finding) -> bool:
    """The paragraph is general: its first line is a policy's, a label's or teaching material's heading, or the
    paragraph says anywhere that it is not about this patient ("(GENERIC DRUG-INFO TEXT; NOT PATIENT-SPECIFIC)")."""
    start = doc.text.rfind("\n\n", 0, f.start)
    start = 0 if start < 0 else start + 2
    end = doc.text.find("\n\n", f.end)
    paragraph = doc.text[start : end if end >= 0 else len(doc.text)]
    first = paragraph.lstrip("\n").split("\n", 1)[0]
    return bool(_GENERAL_HEADING.match(first) or _NOT_PATIENT_HEADING.search(paragraph)) or policy_document(doc)


# [ocr7-policy-banner] (held-out OCR v7, issue 17's eighth pass) A payer's policy printed with its title as one cell
# of a banner ("GOLDFINCH PLAN   Medical Policy RX-ONC-447   Sotorasib", "Clinical policy CP-12 | Page 1"): the
# whole document is the policy's text, however a scan breaks it into paragraphs, unless it names a patient or member
# (a field "Member:", "Patient name:", "DOB"), as a payer's letter about a request does.
_BANNER_CELL = re.compile(r" {2,}|\t|\s[|=\u2022]\s")
_PERSON_FIELD = re.compile(
    r"\b(?:patient|member|enrollee|subscriber|beneficiary|name|dob|d\.o\.b|date\s+of\s+birth|mrn|member\s+id)"
    r"(?:\s+(?:name|id|number|no\.?))?\s*[:#]|\bdob\b",
    re.I,
)


# [ocr8-provider-bulletin] ... or ends its cell ("PROVIDER BULLETIN," at the worst fax level)
_SPECK = re.compile(r"(?<=[a-z])[!|'`,;:]+(?=\s|$)", re.I)


# [ocr8-provider-bulletin] A bulletin's or FAQ's name anywhere in the first lines ("Oncology prior authorization:
# frequently asked questions"; a scan's "PROVIDF-RBULLETIN" keeps "BULLETIN").
_BULLETIN = re.compile(r"bulletin\b|\bnewsletter\b|\bfrequently\s+asked\s+questions\b|\bfaqs?\b", re.I)


_SENTENCE_LINE = re.compile(r"[a-z]\.\s*$", re.I)  # a sentence ("See the provider bulletin."), not a title


def policy_document(doc: TextDoc) -> bool:
    head = [line for line in doc.text.split("\n", 12)[:12] if line.strip()][:3]
    # a speck a scan glued to a word's end ("Medical! Policy") is dropped
    cells = [_SPECK.sub("", c).strip() for line in head for c in _BANNER_CELL.split(line) if c.strip()]
    general = any(_GENERAL_HEADING.match(c) for c in cells) or any(
        _BULLETIN.search(line) and not _SENTENCE_LINE.search(line) for line in head
    )
    return general and not any(
        not _TRANSMITTAL.search(_line_at(doc.text, m.start())) for m in _PERSON_FIELD.finditer(doc.text)
    )


# [ocr9-monograph] (held-out OCR v9, issue 17's eleventh pass) A general document faxed with a request names the
# member only on its transmittal line ("Faxed with PA form; member: ...", "Attached to the request for patient ...",
# "Enclosed with prior-auth request - Member ID"): that line says what the pages travel with, the pages stay general.
_TRANSMITTAL = re.compile(
    r"\b(?:faxed|sent|attached|enclosed|forwarded|submitted|included)\s+(?:\w+\s+){0,2}?(?:with|to)\b[^\n]{0,40}"
    r"\b(?:pa|prior[\s-]auth\w*|request|form|submission|fax)\b",
    re.I,
)


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _form_answer_no(doc: TextDoc, f: Finding, line: str) -> bool:
    """A form's field answered no: the finding is in the label, before the colon of ``Label: No``."""
    m = _FORM_NO.search(line)
    if not m:
        return False
    text = unwrap(doc.text)
    colon = text.rfind("\n", 0, f.start) + 1 + m.start()
    # the field's label only: a sentence ended between the finding and the colon ("... biopsy: squamous cell
    # carcinoma. Stage IA2. Lines of systemic therapy: none.") puts the finding outside it
    # (held-out v10) [v10-cell-bar] nor a bar: "Prior systemic Rx: none | Trials: none" are two cells, two fields
    return f.end <= colon and not _SENTENCE_END.search(text, f.end, colon) and "|" not in text[f.end : colon]


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


# (held-out v10, issue 13's eleventh pass) [v10-result-withdrawn] A result its own sentence withdraws ("block 2 (reported
# KRAS G12C) belonged to another accession and the result is WITHDRAWN", "the G12C call has been retracted"): no
# result. The corrected result in the next sentence stands.
_WITHDRAWN_AFTER = re.compile(
    r"\b(?:is|was|are|were|has\s+been|have\s+been|being|now)\s+(?:withdrawn|retracted|rescinded|voided|invalidated|"
    r"cancell?ed|struck)\b",
    re.I,
)


def _kras(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if f.modifiers & {"HYPOTHETICAL", "POSSIBLE_EXISTENCE", "FAMILY", "GENERAL"} or f.section == "family_history":
        return
    negated = "NEGATED_EXISTENCE" in f.modifiers
    negated = negated or _under_not_detected(doc, f) or (f.label == "KRAS_G12C" and _negative_list_or_cell(doc, f))
    if _WITHDRAWN_AFTER.search(doc.text, f.end, f.sentence_start + len(f.sentence)):
        return  # (held-out v10) [v10-result-withdrawn] "block 2 (reported KRAS G12C) ... the result is WITHDRAWN"
    if f.label == "KRAS_G12C" and _CALLER_COULD.search(doc.text[f.sentence_start : f.start]):
        return  # [ocr9-neither-nor] "a single-base caller could list c.34G>T (the G12C change)": what a tool might say
    negated = negated or (f.label == "KRAS_G12C" and bool(_NEITHER.search(doc.text[f.sentence_start : f.start])))
    if f.label != "KRAS_NEG" and (_test_not_result(doc, f) or _coverage_row(doc, f)):
        return  # "NGS including KRAS G12C", "KRAS G12C testing: not performed", an assay's range: no result
    if f.label != "KRAS_NEG" and (_ordered_in_list(doc, f) or _population_frequency(doc, f) or _glossary_entry(doc, f)):
        return  # [ocr9-order-list] "KRAS G12C / EGFR / ALK requested"; [ocr9-frequency] "G12C is the most common"
    if _relatives_tumor(doc, f) or _letter_to_relative(doc, f) or (f.label != "KRAS_NEG" and _failed_row(doc, f)):
        return  # "his sister ...; her tumor carried G12C"; "G12C  undetermined  invalid": no result of the patient
    answer = _boxed_answer(doc, f) if f.label == "KRAS_G12C" else None
    if answer == "none":
        return  # [ocr9-boxes-after] "[X] Not tested"
    if answer:
        negated = answer == "negative"  # the ticked box, not an unticked "[ ] Negative" after it
    if f.label == "KRAS_G12C":
        if _gene_of(f) in ("nras", "hras"):
            return  # NRAS / HRAS G12C
        if not negated and _DANGLING_NOT.match(doc.text, f.end):
            return  # "KRAS G12C not de" (a line cut short, a word lost in a scan): neither result can be read
        if not negated and _ZERO_CELL.match(doc.text, f.end):
            return  # "KRAS G12C  0  0  17,904": a count or level of zero on its row; the result is stated elsewhere
        status = "g12c_absent" if negated else "g12c_present"
    elif f.label == "KRAS_OTHER":  # the sentence names KRAS, or the report does and the sentence no other RAS
        # [ocr9-gene-nearest] the variant's own gene decides ("KRAS p.G12V with MSS, NRAS and BRAF wild-type": a scan's
        # comma for a semicolon joins the NRAS clause, the G12V stays KRAS's)
        if negated or _gene_of(f) in ("nras", "hras"):
            return
        if not (
            cx.KRAS.search(f.sentence) or (cx.KRAS.search(doc.text) and not re.search(r"\b[nh]-?ras\b", doc.text, re.I))
        ):
            return
        status = "other_variant"
    else:  # KRAS_NEG states the negative itself; a negated negative is not a result
        if negated:
            return
        status = "negative"
    p = patterns()
    specimen = doc.specimen or "unknown"  # the resource's coded specimen wins over its words
    for text in () if doc.specimen else (f.sentence, doc.text[:600], doc.title):
        if p["plasma"].search(text):
            specimen = "plasma"
            break
        if p["tissue"].search(text):
            specimen = "tissue"
            break
    ev = _evidence(doc, f)
    out.kras.append(KrasResult(ev, status, specimen, _doc_flags(doc.text)[2], ev.date is not None))  # type: ignore[arg-type]
    earlier = _EARLIER_LEVEL.match(doc.text, f.end) if status == "g12c_absent" else None
    if earlier:  # serial monitoring: "G12C: not detected (previously 3.1% on 05/2026)" also reports the earlier draw
        date = _stated_date(earlier.group(0))
        then = Evidence(ev.source, date, ev.text, ev.ocr)
        out.kras.append(KrasResult(then, "g12c_present", specimen, _doc_flags(doc.text)[2], date is not None))  # type: ignore[arg-type]


# An earlier level after a serial result ("not detected (previously 3.1% on 05/2026)", "(prior 0.8%)").
_EARLIER_LEVEL = re.compile(
    r"[\s:,-]*(?:not\s+detected|undetectable|negative|absent|none\s+detected)?[\s,;-]*\(\s*(?:previously|prior|was|down\s+from)"
    r"\s+(?:detected\s+)?(?:at\s+)?(?:vaf\s+|maf\s+)?\d+(?:\.\d+)?\s*%[^)]{0,30}\)",
    re.I,
)


# A KRAS variant named as what a test covers or looks for, with no result beside it: "comprehensive NGS including
# KRAS G12C", "plasma assay for KRAS G12C ordered", "KRAS G12C testing: not performed".
_TEST_AFTER = re.compile(
    # [ocr8-quantification] "ddPCR KRAS G12C Quantification (plasma)": a quantitative assay's name is a test too
    r"[\s-]*(?:mutation\s+|variant\s+)?(?:testing|test|assay|analysis|status|panel|genotyping|sequencing|pcr|results?|"
    r"quantification|quantitation|quantitative\s+(?:assay|pcr|test))\b"
    r"((?:[^.;\n]|\.(?=\d)){0,60})",  # a decimal point ("0.9%") ends no clause
    re.I,
)
_TEST_BEFORE = re.compile(
    r"\b(?:including|incl\.?|includes|covering|covers|(?:test\w*|assay|panel|ngs|sequencing|pcr|profiling|analysis|"
    r"screen\w*|look\w*|evaluat\w*|re-?biops(?:y|ies)|biops(?:y|ies)|genotyping|sampl\w*)\s+for)\s+(?:k-?ras\s*)?(?:p\.\s*)?$",
    re.I,
)
_RESULT_WORD = re.compile(
    r"\b(?:positive|pos|negative|neg|detected|identified|present|absent|found|mutated|mutant|wild[\s-]?type|wt|"
    r"harbou?r\w*|reveal\w*|show\w*|confirm\w*)\b|\(\+\)|\(-\)|\d+(?:\.\d+)?\s*%",
    re.I,
)


# A test that gave no result: "KRAS (G12C): insufficient tissue", "KRAS G12C - QNS", "assay failed".
_NO_RESULT = re.compile(
    r"^[^.;\n]{0,40}?\b(?:insufficient|qns|quantity\s+not\s+sufficient|fail(?:ed|ure)|not\s+(?:performed|done|tested|"
    r"evaluable|assessable|reported|resulted)|cancel+ed|unsuccessful|no\s+results?|rejected|inadequate)\b",
    re.I,
)


def _test_not_result(doc: TextDoc, f: Finding) -> bool:
    clause = re.split(r"[.;\n]", doc.text[f.end : f.end + 80], maxsplit=1)[0]
    failed = _NO_RESULT.match(clause)
    if failed and not _RESULT_WORD.search(clause[: failed.start(0) + len(failed.group(0))].replace("not detected", "")):
        return True
    m = _TEST_AFTER.match(doc.text, f.end)
    if m:
        return not _RESULT_WORD.search(m.group(1))
    lead = re.split(r"[.;\n]", unwrap(doc.text)[max(0, f.start - 60) : f.start])[-1]  # "(incl. G12C)": no stop
    if _TEST_BEFORE.search(lead):
        return not (_RESULT_WORD.search(lead) or _RESULT_WORD.search(clause))
    return False


# [ocr9-order-list] (held-out OCR v9, issue 17's eleventh pass) A variant named as one of a list of tests ordered
# ("11/02  KRAS G12C / EGFR / ALK / PD-L1 requested by Dr ...", "KRAS G12C, EGFR and ROS1 ordered", "G12C + EGFR sent
# out"): a request log's line, no result. Only other test names and separators stand between the variant and the
# order's verb, and no result word follows on the line ("KRAS G12C requested; result: detected" keeps its result).
_TEST_ITEM = (  # a gene or test's name: "EGFR", "PD-L1 22C3", "BRAF V600E", "MET exon 14", "ALK IHC"
    r"(?-i:[A-Z][A-Za-z0-9-]{1,11})(?:\s+(?:exon\s+\d{1,2}|fusions?|rearrangements?|(?-i:[A-Z]\d{1,4}[A-Z])|\d{2}C\d|"
    r"IHC|FISH|NGS|PCR|panel|status|mutations?|testing))?"
)
_ORDER_LIST = re.compile(
    rf"(?:\s*(?:[/,+&|]|\band\b|\bor\b)\s*{_TEST_ITEM})*"
    r"\s*(?:(?:testing|tests?|panel|assays?|pcr|ngs)\s+)?(?:was\s+|were\s+|is\s+|are\s+)?"
    r"(?:requested|ordered|re-?ordered|requisitioned|sent(?:\s+out)?|submitted|added[\s-]on|pending)\b",
    re.I,
)


def _ordered_in_list(doc: TextDoc, f: Finding) -> bool:
    m = _ORDER_LIST.match(doc.text, f.end)
    if not m or "\n" in m.group(0) or _RESULT_WORD.search(m.group(0)) or _drug_named(m.group(0)):
        return False  # "KRAS G12C, sotorasib requested": the drug is requested, the variant stated
    end = doc.text.find("\n", m.end())
    return not _RESULT_WORD.search(doc.text[m.end() : end if end >= 0 else len(doc.text)])


# [ocr9-frequency] A sentence saying how often a variant occurs in a kind of tumour or of patient ("in smokers G12C is
# among the most frequent, whereas G12D and G12V predominate in pancreatic carcinoma", "G12C accounts for about 40% of
# KRAS mutations"): the literature, not a result. The variant (or a list of variants) is the predicate's subject, and
# the sentence names no result of this patient ("The tumour harbours KRAS G12C, the most common KRAS variant" keeps it).
_FREQUENCY_AFTER = re.compile(
    r"(?:\s*(?:,|/|\band\b|\bor\b)\s*(?:p\.)?[A-Z]\d{1,3}[A-Z])*\s*(?:mutations?\s+|variants?\s+|substitutions?\s+)?"
    r"(?:(?:is|are|was|were|remains?|becomes?)\s+(?:by\s+far\s+)?(?:among\s+)?(?:the\s+|one\s+of\s+the\s+)?"
    r"(?:(?:most|least)\s+(?:frequent|common|prevalent)|commonest|rarest|(?:more|less)\s+"
    r"(?:frequent|common)|rare|uncommon|infrequent)\b|predominates?\b|prevails?\b|accounts?\s+for\b|makes?\s+up\b|(?:is|are)\s+(?:found|seen)\s+in\s+"
    r"(?:about|approximately|roughly|~|up\s+to)?\s*\d)",
    re.I,
)
_THIS_RESULT = re.compile(
    r"\b(?:detected|identified|positive|confirmed|harbou?r(?:s|ed|ing)|carries|carried|showed|shows|revealed|reveals)\b"
    r"|\b(?:this|the|our|her|his)\s+(?:patient|pt|tumou?r|case|specimen|sample|biopsy)\b"
    r"|\b(?:vaf|maf|allele\s+fraction|reads|(?:sub)?clon(?:e|al))\b",  # a level measured in this sample
    re.I,
)


def _population_frequency(doc: TextDoc, f: Finding) -> bool:
    # a fax's speck around a line break ("G12C  |", "G12C.\n_ is among": a line going on in lower case) is no punctuation
    after = _LONE_SPECK.sub(" ", _GLUED_SPECK.sub(" ", doc.text[f.end : f.end + 200], count=1))
    return bool(_FREQUENCY_AFTER.match(after)) and not _THIS_RESULT.search(unwrap(f.sentence))


_LONE_SPECK = re.compile(r"(?<=\s)[|!'`.,;:]{1,2}(?=\s)")
_GLUED_SPECK = re.compile(r"^[ \t]*[|!'`.,;:_]{0,2}[ \t]*\n[ \t]*[|!'`.,;:_]{0,2}(?=[ \t]*[a-z])")


# [ocr9-glossary] A variant defined as a term ("G12C: a glycine-to-cysteine change at codon 12 of KRAS", "G12C = a
# substitution of cysteine for glycine", "KRAS G12C means the amino acid at position 12 is a cysteine"), as a report's
# glossary column or a patient page explains it: a definition, no result, unless a result word follows on its line.
_RESULT_FIELD = re.compile(
    r"\b(?:variants?|results?|mutations?|findings?|alterations?|call)(?:\s+(?:detected|identified|found))?\s*:", re.I
)
_DEFINITION = re.compile(
    r"\s*(?:[:=\u2013\u2014-]|\s(?:means|refers\s+to|stands\s+for|denotes|describes))\s*(?:(?:is|are)\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:change|substitution|swap|replacement|exchange)\b|(?:[\w-]+-to-[\w-]+)\b|"
    r"(?:the\s+)?amino\s+acid\b|(?:a\s+)?change\s+in\s+which\b|glycine\b|cysteine\b)",
    re.I,
)


def _glossary_entry(doc: TextDoc, f: Finding) -> bool:
    m = _DEFINITION.match(doc.text, f.end)
    if not m or "\n" in m.group(0) or _RESULT_FIELD.search(doc.text[doc.text.rfind("\n", 0, f.start) + 1 : f.start]):
        return False  # "Variant: KRAS G12C - a glycine-to-cysteine substitution": a result's field explains its value
    end = doc.text.find("\n", m.end())
    return not _RESULT_WORD.search(doc.text[m.end() : end if end >= 0 else len(doc.text)])


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
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    line = text[start : end if end >= 0 else len(text)]
    if not (_ROW.search(line.strip()) or _variant_list(line)) or _ROW_RESULT.search(line):
        return False
    above = text[:start].rstrip("\n").split("\n")[-8:] if start else []
    header, validation = patterns()["coverage_header"], patterns()["validation_header"]
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


# --- held-out OCR v5's KRAS classes (issue 17's sixth pass) ---------------------------------------------------------
# A relative's tumor: the text names a relative with a cancer ("His sister was treated for lung cancer; he
# reports that her tumor carried G12C", "father died of lung cancer; his tumor was reported to carry ..."), then a
# tumor, test or result that is "his", "her" or "their", before the finding: the relative's, not the patient's.
_KIN = (
    r"father|mother|dad|mom|mum|sister|brother|sibling|son|daughter|aunt|uncle|cousin|niece|nephew|twin|"
    r"grand(?:father|mother|parent|son|daughter)|half-(?:brother|sister)"
)
_RELATIVE = re.compile(rf"\b(?:{_KIN})s?\b", re.I)
_RELATIVE_ILL = re.compile(
    r"\b(?:cancer|tumou?r|carcinoma|malignan\w*|diagnos\w*|treated|died|passed|deceased)\b", re.I
)
_THEIR_TUMOR = re.compile(
    r"\b(?:his|her|their)\s+(?:own\s+)?(?:\w+\s+){0,2}?(?:tumou?rs?|cancers?|biops(?:y|ies)|specimens?|samples?|"
    r"tests?|testing|ngs|panel|reports?|profiling|results?|genotyping|mutations?|disease)\b",
    re.I,
)


def _relatives_tumor(doc: TextDoc, f: Finding) -> bool:
    """Read back to the last full stop (up to 300 characters), across line breaks: a history wraps anywhere."""
    before = re.split(r"[.!?](?:\s|$)", unwrap(doc.text)[max(0, f.start - 300) : f.start])[-1]
    for rel in _RELATIVE.finditer(before):
        for poss in _THEIR_TUMOR.finditer(before, rel.end()):
            if _RELATIVE_ILL.search(before, rel.end(), poss.start()):
                return True
    return False


# [ocr8-letter-to-relative] (held-out OCR v8, issue 17's ninth pass) A letter written to a patient's relative ("Dear
# Ms ...", "your mother's result", "your father's test"): a result it states in the third person ("The tumour test
# showed KRAS G12C") is the relative's, seen from the reader's side; only a sentence about "you" is the addressee's.
_YOUR_RELATIVE = re.compile(  # the kin of _RELATIVE, and a spouse or partner
    rf"\byour\s+(?:late\s+)?(?:{_KIN}|husband|wife|partner|spouse)(?:['\u2019]s|\s+(?:had|has|was|died|is))\b",
    re.I,
)
_SALUTATION = re.compile(r"^\s*dear\s+\w", re.I | re.M)
_YOU = re.compile(r"\byou(?:r|rs|rself)?\b", re.I)


def _letter_to_relative(doc: TextDoc, f: Finding) -> bool:
    return bool(_SALUTATION.search(doc.text) and _YOUR_RELATIVE.search(doc.text) and not _YOU.search(f.sentence))


# A row whose result cell says the reaction gave no call ("G12C  undetermined  invalid", "KRAS G12C | failed QC"),
# with no result word on it: the run failed, nothing was found or excluded.
_FAILED_CELL = re.compile(
    r"\b(?:undetermined|invalid|failed|fail|inconclusive|indeterminate|no\s+call|not\s+evaluable|unevaluable|qns|"
    r"no\s+amplification|not\s+amplified)\b",
    re.I,
)


def _failed_row(doc: TextDoc, f: Finding) -> bool:
    end = doc.text.find("\n", f.end)
    line = doc.text[doc.text.rfind("\n", 0, f.start) + 1 : end if end >= 0 else len(doc.text)]
    rest = doc.text[f.end : end if end >= 0 else len(doc.text)]
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
_DANGLING_NOT = re.compile(r"[\s:,-]{0,3}(?:not|no|neg)\b(?!\s+(?:only|all|just)\b)", re.I)
_GENE = re.compile(r"\b([knh])-?ras\b", re.I)
_HEADER = re.compile(r"^\s*[A-Z][A-Z ]{2,30}\b(?:\s*\([^)]*\))?:?\s*$|^[^:]{2,60}:\s*$")
_NOT_DETECTED_HEADER = re.compile(
    r"^\s*(?:not\s+detected|negative|no\s+(?:variants?|mutations?|alterations?)\s+detected)\b", re.I
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


def _negative_list_or_cell(doc: TextDoc, f: Finding) -> bool:
    start = doc.text.rfind("\n", 0, f.start) + 1
    end = doc.text.find("\n", f.end)
    rest = doc.text[f.end : end if end >= 0 else len(doc.text)]
    if _NEG_BEFORE_LIST.search(doc.text[start : f.start]):
        return True
    m = _NEG_LAST_CELL.search(rest)
    return bool(m and not _POS_CELL.search(rest[: m.start()]))


def _under_not_detected(doc: TextDoc, f: Finding) -> bool:
    """The mention is a row under a "NOT DETECTED" heading of a report (the targets tested and not found)."""
    start = doc.text.rfind("\n", 0, f.start) + 1
    for prev in reversed(doc.text[: max(0, start - 1)].split("\n\n")[-1].split("\n")[-10:]):
        if _HEADER.match(prev):
            return bool(_NOT_DETECTED_HEADER.match(prev))
    return False


def _histology(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if not f.affirmed or _other_primary(doc, f):
        return
    if f.label == "HISTOLOGY_LUNG" and (not _lung(doc, f) or _another_chest_cancer(doc.text)):
        return
    if patterns()["other_primary"].search(doc.text[max(0, f.start - 25) : f.start]):
        return  # "metastatic colorectal adenocarcinoma" in a lung wedge is not lung histology
    if _GUT_SITE_BEFORE.search(doc.text[max(0, f.start - 25) : f.start]):
        return  # (held-out v10) [v10-gut-site] "Sigmoid adenocarcinoma ... 2026: lung mets": the bowel's, not the lung's
    ev = _evidence(doc, f)
    out.diagnoses.append(Diagnosis(ev, "lung", (), f.value, None, False))  # type: ignore[arg-type]


# (held-out v10, issue 13's eleventh pass) [v10-gut-site] A part of the bowel or another digestive organ named right
# before the histology ("sigmoid adenocarcinoma", "caecal adenocarcinoma", "gastric adenocarcinoma").
_GUT_SITE_BEFORE = re.compile(
    r"\b(?:sigmoid|rectosigmoid|caecal|cecal|colonic|appendiceal|gastric|oesophageal|esophageal|duodenal|ampullary|"
    r"small\s+bowel|ileal|jejunal)\s+(?:\w+\s+)?$",
    re.I,
)


# (held-out v9) [v9-stage-st] "st IVB", "staged IIIB", "NSCLC IV": the group read as "stage IVB"
_ST_SHORT = re.compile(r"^(?:staged\s+(?:as\s+)?|st\.?\s?|\w+(?:-\w+)?\s+(?=(?:iv|iii|ii)[abc]?\b))", re.I)


_GROUP_AT_END = re.compile(r"(?:^|[\s(:])((?:iv|iii|ii|i)[abc]?\d?)\s*\)?\s*$", re.I)


def _stage(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if not f.affirmed:
        return
    cancer = _cancer_of(doc, f)
    if cancer is None or (cancer == "lung" and not (_lung(doc, f) or cx.NSCLC.search(f.sentence))):
        return
    if cancer == "lung" and _another_chest_cancer(doc.text):
        return  # "diffuse malignant mesothelioma ... stage III"
    window = doc.text[max(0, f.start - 30) : f.end + 30]
    if patterns()["non_cancer_stage"].search(window):
        return
    said = f.sentence[f.start - f.sentence_start : f.end - f.sentence_start]
    stage = cx.stage_from_text(said) or cx.stage_from_text(_ST_SHORT.sub("stage ", said))
    group = None if stage else _GROUP_AT_END.search(said)
    if group:  # (held-out v10) [v10-stage-shapes] "stage per pulmonologist: IIIA", "de stade IV", "cT1cN0M0 (IA3)"
        stage = cx.stage_from_text(f"stage {group.group(1)}")
    if stage:
        out.diagnoses.append(Diagnosis(_evidence(doc, f), cancer, (), None, stage, stage == 4))  # type: ignore[arg-type]


def _spread(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    cancer = _cancer_of(doc, f)
    if (
        cancer is None
        or (cancer == "lung" and _another_chest_cancer(doc.text))
        or f.section == "family_history"
        or (f.modifiers - ({"NEGATED_EXISTENCE"} if _negated_in_aside(f) else set()))
        & {"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL", "GENERAL"}
    ):
        return  # (held-out v10) a negation inside a parenthesis ("alone (no infusion) ... has spread to") stays there
    if f.label == "SPREAD_HINT" or "POSSIBLE_EXISTENCE" in f.modifiers:
        out.spread_hints.append(_evidence(doc, f))
        return
    out.diagnoses.append(Diagnosis(_evidence(doc, f), cancer, (), None, None, True))  # type: ignore[arg-type]


# (held-out v10, issue 13's eleventh pass) [v10-subject-line] A letter's subject line ("Re: Mme X, OHIP ...") with no
# full stop joins the next line's sentence; it makes a request's subject of the drugs on its own line only ("Re:
# sotorasib request"), not of "She continues on sotorasib" on the line after.
_SUBJECT_LINE = re.compile(r"\s*(?:re|subject|regarding)\s*:", re.I)


def _past_subject_line(doc: TextDoc, f: Finding) -> str:
    if not _SUBJECT_LINE.match(f.sentence) or "\n" not in doc.text[f.sentence_start : f.start]:
        return f.sentence
    return doc.text[doc.text.rfind("\n", 0, f.start) + 1 : f.sentence_start + len(f.sentence)]


# (held-out v10) [v10-result-negation] A drug named before a test's result ("repeat after 6 weeks adagrasib: KRAS G12C
# not detected"): the result's "not detected" negates the variant, not the drug given.
_RESULT_NEGATION_AFTER = re.compile(
    r"[^.;:\n]{0,12}:\s*[^.;\n]{0,40}?\b(?:not\s+detected|undetect\w*|not\s+identified|negative)\b", re.I
)


def _therapy(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    result_negated = (
        f.modifiers & EXCLUDING == {"NEGATED_EXISTENCE"}
        and f.section not in ("family_history", "allergies")
        and _RESULT_NEGATION_AFTER.match(doc.text, f.end)
        and not _NEGATION_CUE.search(f.sentence[: f.start - f.sentence_start])
    )
    if not (f.affirmed or result_negated):
        return
    p = patterns()
    before = f.sentence[: f.start - f.sentence_start]
    if _DRUG_NAIVE.match(doc.text, f.end):
        return  # "sotorasib-naive", "adagrasib-naïve": never given
    after = doc.text[f.end : f.sentence_start + len(f.sentence)]
    given = bool(p["given_before"].search(before[-70:]) or p["given_after"].search(after))
    planned = f.section == "plan" or p["planned_before"].search(before) or _starting_later(before, f.sentence)
    after_plan = bool(p["planned_after"].search(after))
    if (
        not given
        and (planned or after_plan)
        and (not p["given_in_plan"].search(f.sentence) or _FUTURE.search(f.sentence))
    ):
        return
    subject_line = _past_subject_line(doc, f)
    if p["therapy_not_given"].search(subject_line) or p["therapy_table_header"].search(_block_header(doc, f)):
        return
    if _PERSON_BEFORE.search(before[-12:]) or _PERSON_AFTER.match(doc.text, f.end):
        return  # a person's name that is also a drug's shorthand ("Dr. Soto", "Soto, MD")
    if _to_start_later(doc, f) or _SPACING.search(doc.text[max(0, f.start - 40) : f.end + 40]):
        return
    vocab = vocabulary()
    drugs = tuple(vocab.drugs[i] for i in f.value.split(",") if i in vocab.drugs)
    if not any(d.anticancer for d in drugs):
        return
    ev = _evidence(doc, f)
    curative = bool(p["curative_setting"].search(f.sentence)) and not p["advanced_setting"].search(f.sentence)
    out.meds.append(MedUse(ev, "text", "stated", drugs, ev.date, None, curative, f.sentence))


# A plan's time still to come ("C1D1 next week", "cycle 1 tomorrow", "C1 next Tues"): a cycle named in a plan is
# not a cycle given.
_FUTURE = re.compile(
    r"\bnext\s+(?:week|month|visit|cycle|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b|\btomorrow\b|\bin\s+\d+\s+(?:days?|weeks?)\b"
    r"|\bthis\s+coming\b|\bupcoming\b",
    re.I,
)
# A drug named as never had: "sotorasib-naive", "adagrasib-naïve", "(pembrolizumab naive)".
_DRUG_NAIVE = re.compile(r"[\s-]?na[i\u00ef]ve\b", re.I)
# "starting carbo/pem/pembro C1 next Tues": a start still to come (a time ahead in the sentence).
_STARTING = re.compile(r"\b(?:starting|beginning|commencing|initiating)\b[^.;]{0,40}$", re.I)


def _starting_later(before: str, sentence: str) -> bool:
    return bool(_STARTING.search(before) and _FUTURE.search(sentence))


# A drug to start on a given day, named last before it ("sotorasib 960 mg daily, single agent, to start 10/09",
# "FOLFIRI + panitumumab to begin next week"); a drug named earlier in the sentence is not (s/p carboplatin, now
# sotorasib to start 10/09).
_TO_START = re.compile(
    r"\bto\s+(?:start|begin|commence)\s+(?:next|tomorrow|today|on|in|after|once|when|monday|tuesday|wednesday|thursday|"
    r"friday|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])|\d{4}-\d{2}-\d{2})\b",
    re.I,
)


# Dose-spacing advice from an interaction check ("take sotorasib 4 h before the antacid", "an antacid 4 h before /
# 10 h after sotorasib"): counselling about the drug, not a dose given.
_SPACING = re.compile(r"\b\d+\s*(?:h|hr|hrs|hours?)\s+(?:before|after|apart)\b|\bseparated\s+by\s+\d", re.I)


def _to_start_later(doc: TextDoc, f: Finding) -> bool:
    after = doc.text[f.end : min(f.sentence_start + len(f.sentence), f.end + 80)]
    m = _TO_START.search(after)
    if not m:
        return False
    between = after[: m.start()]  # the drug's own words, or the rest of its regimen ("+ panitumumab")
    return not _drug_named(between) or not _drugs().sub("", between).strip(" \t+/&-").strip()


_PERSON_BEFORE = re.compile(r"\b(?:dr|mr|mrs|ms|mx|prof|nurse)\.?\s+$", re.I)
_PERSON_AFTER = re.compile(r",?\s+(?:md|do|np|pa-c|rn|phd|mbbs)\b", re.I)


def _status(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    # A table cell is not negated by another cell of its row ("New lesions: no ... SD").
    affirmed = f.affirmed or (
        (f.label == "STATUS_CELL" or _negated_in_aside(f))  # (held-out v10) "... (pt declined IO), progression on CT"
        and f.modifiers & EXCLUDING == {"NEGATED_EXISTENCE"}
        and f.section not in ("family_history", "allergies")
    )
    if not affirmed or _cancer_of(doc, f) is None:
        return
    p = patterns()
    if f.value == "worsened" and _CONDITIONAL_PROGRESSION.search(doc.text[max(0, f.start - 30) : f.start]):
        return  # "a G12C inhibitor at progression": a plan's condition
    lo, hi = max(0, f.start - 40, f.sentence_start), min(f.end + 25, f.sentence_start + len(f.sentence))
    window = doc.text[lo:hi]  # within the sentence: "Stable fibrotic ILD. No lung mass." is about the ILD
    if p["non_cancer_disease"].search(window) and not (p["cancer_words"].search(window) or _drug_named(window)):
        return  # "Interstitial lung disease, progressed since 2024"
    if f.value == "stable" and re.search(r"\bmsi\b|\bmss\b|microsatellite", f.sentence, re.I):
        return  # microsatellite stable is a biomarker
    value = f.value
    if f.label == "STATUS_CELL" and not p["response_table_header"].search(_block_header(doc, f)):
        return  # "PR" ending a row of another table (hormone receptors, a problem list)
    if value.endswith("_in_context"):  # PD / POD / "(SD)" / arrows: only on a line about cancer care
        line = _line(doc, f)
        if not (p["oncology_context"].search(line) or _drug_named(line)):
            return
        value = value.removesuffix("_in_context")
    out.statuses.append(DiseaseStatus(_evidence(doc, f), value))  # type: ignore[arg-type]


_CONDITIONAL_PROGRESSION = re.compile(
    r"\b(?:at|upon|on|at\s+(?:the\s+)?time\s+of|in\s+(?:the\s+)?(?:event|case)\s+of)\s+(?:further\s+|disease\s+)?$",
    re.I,
)


def _drug_named(sentence: str) -> bool:
    return bool(_drugs().search(sentence))


def _drugs() -> re.Pattern[str]:
    from priorauth.text.pipeline import _drug_pattern

    return _drug_pattern()


def _flag(kind: str):  # type: ignore[no-untyped-def]
    def add(out: TextFacts, doc: TextDoc, f: Finding) -> None:
        if f.affirmed:
            getattr(out, kind).append(_evidence(doc, f))

    return add


def _naive(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    """A statement that no systemic therapy was given. In a plan a bare "no systemic therapy" is a decision ("no
    systemic therapy indicated"), not history; a wording of history ("treatment-naive", "no prior ...", "has not
    received") states it there too ("A/P: 68M with stage IVA adenocarcinoma, treatment-naive")."""
    if _PRIOR_TICKED_YES.search(doc.text) or _SINCE_TREATED.search(doc.text, f.end) or _STALE.search(_line(doc, f)):
        return  # a form's other prior-therapy row answered yes; a copied-forward "naive" updated since, or marked stale
    if _row_end_answer(doc.text, f.start):
        return  # "Biomarker ... No\nPrior Tx >= 1 prior therapy": the row above's answer, not "no prior therapy"
    if _CORRECTED_AFTER.match(doc.text, f.end) or _REVIEW_FINDS_AFTER.match(doc.text, f.end):
        return  # "'chemo-naive' per referral - INCORRECT: had pembrolizumab": a statement the note corrects
    if _ONE_CLASS_NOT_RECEIVED.fullmatch(doc.text[f.start : f.end]):
        return  # "has not received immunotherapy": one class only, as "IO-naive" is
    if (f.affirmed or _planned_beside(f)) and (f.section != "plan" or _NAIVE_HISTORY.search(doc.text[f.start : f.end])):
        out.naive.append(_evidence(doc, f))


# (held-out v9, issue 13's tenth pass) [v9-naive-beside-plan] A plan in the same sentence ("chemoradiation planned to
# start next month - nothing given yet, no prior treatment of any sort", "FOLFOX to start next week - no chemo yet")
# makes the plan hypothetical, not the history: a naive wording of history stays naive. A condition ("if no prior
# therapy ...", "should she be treatment-naive") keeps it hypothetical.
_CONDITION_WORD = re.compile(r"\b(?:if|unless|whether|should|in\s+case|assuming|provided|when)\b|\?", re.I)
_NAIVE_PAST = re.compile(
    r"na[i\u00ef]ve|\bprior\b|\bprevious|\bnever\b|\byet\b|to\s+date|so\s+far|of\s+any\s+(?:sort|kind|type)", re.I
)


def _planned_beside(f: Finding) -> bool:
    if f.modifiers != frozenset({"HYPOTHETICAL"}) or not _NAIVE_PAST.search(f.sentence[f.start - f.sentence_start :]):
        return False
    return not _CONDITION_WORD.search(f.sentence)


# (held-out v9) [v9-naive-corrected] A naive statement the note calls wrong right after it ("- INCORRECT:", "(not
# accurate)", "was wrong", "is in error").
_CORRECTED_AFTER = re.compile(
    r"[^.;\n]{0,30}?(?:\b(?:incorrect|inaccurate|erroneous|not\s+(?:correct|accurate|true))\b|\b(?:is|was)\s+(?:wrong|in\s+"
    r"error|mistaken)\b)",
    re.I,
)


# (held-out v10, issue 13's eleventh pass) [v10-naive-review-finds] A naive statement the note's own review contradicts
# in the same sentence ("pt says she is chemo-naive, but on review she received pembrolizumab", "... but in fact had
# FOLFOX"): the review decides. A conflict between two sources ("naive per patient, but records show ...") stays one.
_REVIEW_FINDS_AFTER = re.compile(
    r"[^.;\n]{0,40}?\bbut\s+(?:on\s+(?:(?:chart|record)\s+)?review|in\s+fact|actually|on\s+checking)\b", re.I
)
# (held-out v10) [v10-naive-one-class] "has not received immunotherapy", "never had targeted therapy": one class of
# therapy not received, as "IO-naive" is, says nothing of chemotherapy: not treatment-naive.
_ONE_CLASS_NOT_RECEIVED = re.compile(
    r"(?:has|have|had|did|was|were)\s*(?:n[o'\u2019]t|never)\s+(?:yet\s+|ever\s+)?\w+(?:\s+\w+)?\s+(?:any\s+)?"
    r"(?:immunotherap(?:y|ies)|io|immuno\s+therapy|targeted\s+(?:therapy|therapies|drugs?))",
    re.I,
)


# (held-out OCR v5, issue 17's sixth pass) A "No" that ends its line alone or in a cell of its own (after two
# spaces, a tab or a bar) answers that line's row; the next line is another row ("Met?  No" then "Prior Tx ...").
_NO_ENDS_LINE = re.compile(r"no[ \t]*\n", re.I)
_CELL_BEFORE = re.compile(r"(?:^|\n|  |\t|\|)[ \t]*$")


def _row_end_answer(text: str, start: int) -> bool:
    return bool(_NO_ENDS_LINE.match(text, start) and _CELL_BEFORE.search(text[max(0, start - 4) : start]))


_PRIOR_TICKED_YES = re.compile(r"^[^\n]*\bprior\b[^\n]*?(?:☒|☑|\[\s?x\s?\])\s*y(?:es)?\b", re.I | re.M)
_STALE = re.compile(r"\bstale\b|\bout-?dated\b|\bsuperseded\b|\bno\s+longer\s+(?:accurate|current|true|valid)\b", re.I)
# A later statement that treatment has been given since: "has since completed 4 cycles", "since then received".
_SINCE_TREATED = re.compile(
    r"\b(?:has|have|had)\s+since\s+(?:completed|received|started|begun|had|undergone|been\s+(?:on|treated|given))\b"
    r"|\bsince\s+then\b[^.;\n]{0,40}?\b(?:received|started|completed|treated|given)\b",
    re.I,
)


_NAIVE_HISTORY = re.compile(
    r"na[i\u00ef]ve|untreated|\bprior\b|\bprevious|\bnever\b|\bdenies\b|\b(?:has|have|had)\s+(?:not|received)|to\s+date|\blines?\b"
    # (held-out v10) [v10-naive-in-plan] "no systemic therapy ever given", "nothing so far" in a plan: history too
    r"|\bever\b|so\s+far|\byet\b",
    re.I,
)


def _monotherapy(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    """A statement about the KRAS G12C inhibitor's regimen, current or planned ("will start single-agent"
    counts; "if positive, sotorasib monotherapy would be an option" does not); "pembrolizumab monotherapy"
    is another drug's."""
    modifiers = f.modifiers - ({"NEGATED_EXISTENCE"} if _negated_in_aside(f) else set())
    if modifiers & {"NEGATED_EXISTENCE", "FAMILY", "POSSIBLE_EXISTENCE", "GENERAL"} or f.section == "family_history":
        return
    past = _PAST_REGIMEN.search(f.sentence)
    at = f.start - f.sentence_start
    if past and past.start() > at and _SUBJECT_WITH.search(f.sentence, at, past.start()):
        past = None  # (held-out v10) "... as single-agent therapy for this enrollee with ... previously treated with X"
    if past and not _NOW.search(f.sentence, past.end(), max(past.end(), f.start - f.sentence_start)):
        return  # an earlier regimen, not this request ("received carboplatin ... and now sotorasib monotherapy" is now)
    if _NOT_THE_REGIMEN.search(_own_clause(f)):
        return  # a condition, an option or an offer (declined), not the regimen
    named = _drug_named_near(doc, f)
    if named is not None and not named:
        return  # the drug it qualifies is not a KRAS G12C inhibitor
    if not named and _STRATEGY_AFTER.match(doc.text, f.end):
        return  # (held-out v10) [v10-single-agent-approach] "recommend single-agent approach": no drug, a strategy
    if f.value == "alone" and not (
        named or any(_g12c_inhibitors(_line(doc, f))) or any(_g12c_inhibitors(f.sentence)) or _named_before(doc, f)
    ):
        return  # "taken alone", "no other anticancer agents": only beside the KRAS G12C inhibitor
    if _combination(f.sentence) or _combination(_line_from_now(doc, f)):
        return  # "adagrasib + cetuximab; no other drugs": a combination, whatever else is excluded
    out.monotherapy.append(_evidence(doc, f))


# (held-out v10, issue 13's eleventh pass) [v10-single-agent-approach] "single-agent approach", "monotherapy strategy"
# with no drug named near: a kind of plan weighed, not the KRAS G12C inhibitor's regimen.
_STRATEGY_AFTER = re.compile(r"[\s-]*(?:approach|strategy|strategies|options?|pathway)\b", re.I)


# (held-out v9) [v9-i-would-give] "I would give it as a single agent": the writer's own recommendation is a plan.
_NOT_THE_REGIMEN = re.compile(
    r"\b(?:if|could|whether|option|options|offered|declined|refused)\b|(?<!\bi\s)(?<!\bwe\s)\bwould\b", re.I
)


# (held-out v8) A parenthesis that does not hold the mention is an aside about something else: "adagrasib monotherapy
# (panitumumab declined by pt)" is a regimen chosen, not an offer declined.
_ASIDE = re.compile(r"\([^()]*\)")


_NEGATION_CUE = re.compile(r"\b(?:no|not|never|none|without|declined|declines|refused|denies|negative|nor)\b", re.I)


def _negated_in_aside(f: Finding) -> bool:
    """The only negation of the sentence sits in a parenthesis beside the mention ("adagrasib monotherapy
    (cetuximab declined by pt)"): it negates what the parenthesis names."""
    return bool(
        "NEGATED_EXISTENCE" in f.modifiers
        and not _NEGATION_CUE.search(_own_clause(f))
        and any(_NEGATION_CUE.search(m.group(0)) for m in _ASIDE.finditer(f.sentence))
    )


def _own_clause(f: Finding) -> str:
    at = f.start - f.sentence_start
    return _ASIDE.sub(lambda m: m.group(0) if m.start() <= at < m.end() else " ", f.sentence)


# (held-out v8) Words that put a regimen in the past: "previously on sotorasib + panitumumab (stopped 9/2026). Now
# resuming sotorasib alone": the earlier sentence's combination on the same wrapped line is not today's regimen.
_ENDED = re.compile(r"\b(?:previously|formerly|was\s+on|were\s+on|stopped|discontinued|d/c'?d)\b", re.I)


def _line_from_now(doc: TextDoc, f: Finding) -> str:
    line = _line(doc, f)
    at = line.find(f.sentence.strip()[:40])
    if at > 0 and _ENDED.search(line[:at]):
        return line[at:]
    return line


# (held-out v10, issue 13's eleventh pass) [v10-for-this-patient-with] the request's subject described after the
# regimen: an earlier treatment in the description is the patient's history, not this regimen's
_SUBJECT_WITH = re.compile(
    r"\b(?:for|in)\s+(?:this|our|my)\s+(?:patient|pt|member|enrol+ee|beneficiary|man|woman|gentleman|lady)\s+with\b",
    re.I,
)
_PAST_REGIMEN = re.compile(r"\b(?:received|was\s+on|previously|prior(?!\s+auth))\b", re.I)
_NOW = re.compile(r"\b(?:now|currently|presently|today)\b", re.I)
# "this medication", "the drug", "it": a regimen word about a drug named in the sentence before.
_THIS_DRUG = re.compile(r"\b(?:this|the|that)\s+(?:medication|medicine|drug|pill|tablet)s?\b|\bit\b", re.I)


def _named_before(doc: TextDoc, f: Finding) -> bool:
    """The sentence speaks of "this medication" and the text just before it names only a KRAS G12C inhibitor
    ("Medication taught: sotorasib. Pt will take this medication by itself"); or (held-out v9) [v9-no-other-after-list]
    it closes a medication list whose only anticancer drug is one ("1. LUMAKRAS 240 mg ... 2. Atorvastatin ... No other
    cancer medicines per daughter")."""
    if _NO_OTHER_CANCER.match(doc.text, f.start):
        before = doc.text[max(0, f.sentence_start - 600) : f.sentence_start]
        named = _g12c_inhibitors(before)
        return bool(named) and all(named) and not _HELD.search(before)  # a drug on hold is no regimen now
    if not _THIS_DRUG.search(f.sentence):
        return False
    named = _g12c_inhibitors(doc.text[max(0, f.sentence_start - 200) : f.sentence_start])
    return bool(named) and all(named)


_NO_OTHER_CANCER = re.compile(
    r"no\s+other\s+(?:anti-?cancer|cancer|oncology|onc|oncologic|chemo(?:therapy)?)\s+(?:medicines?|medications?|meds|drugs?"
    r"|therap(?:y|ies)|treatments?|agents?)\b",
    re.I,
)
_HELD = re.compile(r"\b(?:hold|held|on\s+hold|stopped|discontinued|ceased|suspended)\b", re.I)
_JOINED = re.compile(r"^\s*(?:\+|&|/|,|plus|with|and|in\s+combination\s+with|combined\s+with)\s*$", re.I)


def _combination(sentence: str) -> bool:
    """Whether ``sentence`` joins a KRAS G12C inhibitor to another anticancer drug ("sotorasib + panitumumab",
    "adagrasib with cetuximab")."""
    vocab = vocabulary()
    named = []
    for m in _drugs().finditer(sentence):
        drugs = [vocab.drugs[i] for i in vocab.by_name.get(m.group(0).lower(), ()) if i in vocab.drugs]
        kinds = {d.drug_class == "kras_g12c_inhibitor" for d in drugs if d.anticancer}
        if len(kinds) > 1:
            return True  # a combination's own name ("adagrasib + cetuximab")
        if kinds:
            named.append((m, kinds.pop()))
    return any(a[1] != b[1] and _JOINED.match(sentence[a[0].end() : b[0].start()]) for a, b in pairwise(named))


# USAN stems of anticancer drugs that are not KRAS G12C inhibitors (those end in -rasib), for a drug word just
# before a "monotherapy" that the vocabulary does not know.
_OTHER_DRUG_STEM = re.compile(
    r"\b\w{3,}(?:mab|zumb|mib|tinib|nib|platin|taxel|rubicin|tecan|citabine|trexed)\s*,?\s*$", re.I
)


def _g12c_inhibitors(text: str) -> list[bool]:
    """For each anticancer drug named in ``text``: whether it is a KRAS G12C inhibitor."""
    vocab = vocabulary()
    out = []
    for m in _drugs().finditer(text):
        drugs = [vocab.drugs[i] for i in vocab.by_name.get(m.group(0).lower(), ()) if i in vocab.drugs]
        if any(d.anticancer for d in drugs):
            out.append(any(d.drug_class == "kras_g12c_inhibitor" for d in drugs))
    return out


def _drug_named_near(doc: TextDoc, f: Finding) -> bool | None:
    """Whether the drug the mention qualifies is a KRAS G12C inhibitor: named in it ("sotorasib alone"), before
    it in its clause ("pembrolizumab monotherapy", "sotorasib, monotherapy") or right after it
    ("single-agent docetaxel"); None when no anticancer drug is named there."""
    inside = _g12c_inhibitors(doc.text[f.start : f.end])
    if inside:
        return any(inside)
    window = doc.text[max(0, f.start - 60) : f.start]
    left = re.split(r"[;.(\n]", window)[-1][-30:]
    if not left.strip() and window.rstrip().endswith("("):  # "pembrolizumab monotherapy since 02/2026 (single agent)"
        left = re.split(r"[;.]|\n\s*\n", window)[-1]
    after = re.match(r"[\s-]*(?:(?:of|with)\s+)?", doc.text[f.end : f.end + 40])
    m = _drugs().match(doc.text, f.end + (after.end() if after else 0))
    near = _g12c_inhibitors(left)[-1:] + (_g12c_inhibitors(m.group(0)) if m else [])
    if not near and _OTHER_DRUG_STEM.search(left):
        return False  # a drug name the vocabulary lacks (or misspelt), by its USAN stem: "cemiplimab", "pembrolizumb"
    if not near:
        return None
    return any(near)


def _ild(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if _ILD_NOT_A_DIAGNOSIS.match(doc.text, f.end):
        return  # "ILD clinic", "ILD symptoms reviewed": a service, a teaching point
    before = f.sentence[: f.start - f.sentence_start]
    line = doc.text[doc.text.rfind("\n", 0, f.start) + 1 : f.start]
    if _ILD_NOT_PATIENT_BEFORE.search(before) or _EXCLUSION_LIST.match(line):
        return
    if _ILD_NOT_PATIENT_AFTER.match(unwrap(doc.text), f.end):
        return
    if _DASH_NO_BEFORE.search(line):
        return  # (held-out v10) [v10-dash-no] "A: CT - no pneumonitis": the result after a dash, negated
    if f.affirmed:
        out.diagnoses.append(Diagnosis(_evidence(doc, f), "ild", (), None, None, False))


# (held-out v10, issue 13's eleventh pass) [v10-dash-no] A result written after a dash ("CT - no pneumonitis", "HRCT -
# no ILD"): medspaCy's checklist "- no" looks back at the item before it and so leaves the finding after it
# affirmed; "no" right before the mention negates it.
_DASH_NO_BEFORE = re.compile(r"(?:^|\s)[-\u2013]\s*no\s+(?:(?:evidence\s+of|signs?\s+of|features\s+of)\s+)?$", re.I)


# (held-out v7) Words before an ILD / pneumonitis mention, in its sentence, that make it no diagnosis of the patient: a
# differential ("Ddx: PJP, viral, drug pneumonitis"), symptoms to report ("report new cough/fever (pneumonitis)",
# "call us for signs of ILD"), a trial's exclusion list ("Exclusion: 7. History of ILD").
_ILD_NOT_PATIENT_BEFORE = re.compile(
    r"\b(?:ddx|d/d|dd|differential(?:\s+diagnos[ie]s)?)\b\s*(?:includes?|of|:|-)?[^.;\n]{0,80}$"
    r"|\b(?:report|call(?:\s+us)?|watch\s+for|look\s+out\s+for|signs?\s+(?:and\s+symptoms\s+)?of|symptoms?\s+of|warn\w*)\b"
    r"[^.;\n]{0,30}$"
    # (held-out v9) [v9-ild-risk-list] a list of a drug's risks ("Risks reviewed: diarrhoea, pneumonitis/ILD (rare)",
    # "possible side effects include ... pneumonitis"); the patient's own toxicity ("Toxicity: grade 2 pneumonitis")
    # is not a risk.
    r"|\brisks?\b(?:\s+(?:and\s+benefits|reviewed|discussed|explained|counsel+ed|included?|incl\.?|of\s+[\w-]+"
    r"(?:\s+[\w-]+)?))*\s*(?::|-|\binclud\w*)[^.\n]{0,160}$"
    r"|\b(?:potential|possible|common|serious|known|rare)\s+(?:side[\s-]effects?|toxicit(?:y|ies)|adverse\s+(?:effects|"
    r"reactions))\b[^.\n]{0,160}$"
    r"|\bside[\s-]effects?\s+(?:reviewed|discussed|explained|include\w*|such\s+as)\b[^.\n]{0,160}$",
    re.I,
)
_EXCLUSION_LIST = re.compile(r"\W*exclusions?\b(?:\s+criteria)?\s*:", re.I)  # a line of a trial's exclusion list
# Words after it: a column or a question answered no ("ILD Y/N", "Hx pneumonitis? No - that was her husband").
_ILD_NOT_PATIENT_AFTER = re.compile(
    r"(?:\s*/\s*[\w-]+){0,2}[\s:]*(?:\(?y\s?/\s?n\)?|\(?yes\s?/\s?no\)?)(?:\s|\||$)|[^.;\n?]{0,40}\?\s*(?:-\s*)?no\b"
    # (held-out v9) [v9-ild-not-patient] a bare question ("ILD?" unanswered, or dictated "... question mark"), a
    # diagnosis considered and excluded ("drug-induced pneumonitis was considered and excluded")
    r"|\s*\?(?!\s*(?:[-:]\s*)?(?:yes|y)\b)"
    r"|[^.;\n]{0,30}?\b(?:was|were|is|has\s+been|been)\s+(?:considered|suspected|entertained)\s+(?:and|but)\s+"
    r"(?:excluded|ruled\s+out|discounted|dismissed)\b",
    re.I,
)


_ILD_NOT_A_DIAGNOSIS = re.compile(
    r"[\s-]+(?:clinic|program(?:me)?|cent(?:er|re)|service|team|board|conference|symptoms|precautions|warnings?|"
    r"risk|monitoring|signs|education|teaching|screen(?:ing)?"
    # (held-out v10) [v10-ild-meeting] the ILD multidisciplinary discussion or meeting named ("ILD MDD: differential ...")
    r"|mdd|mdt|mdm|multidisciplinary|meeting|rounds|referral)\b",
    re.I,
)


HANDLERS = {
    "KRAS_G12C": _kras,
    "KRAS_OTHER": _kras,
    "KRAS_NEG": _kras,
    "HISTOLOGY": _histology,
    "HISTOLOGY_LUNG": _histology,
    "STAGE": _stage,
    "SPREAD": _spread,
    "SPREAD_HINT": _spread,
    "THERAPY": _therapy,
    "STATUS": _status,
    "STATUS_CELL": _status,
    "NAIVE": _naive,
    "MONOTHERAPY": _monotherapy,
    "RATIONALE": _flag("rationale"),
    "ILD": _ild,
}
