"""Is this finding a statement about this patient: a negative that names what was tested, a cancer of
another organ, a counterfactual, a negation that sits in an aside."""

from __future__ import annotations

import re
from functools import lru_cache

from priorauth.text.document_scope import _doc_flags
from priorauth.text.pipeline import EXCLUDING, NOT_OWN_SECTIONS, Finding, _drug_pattern, patterns, unwrap
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line, _line_end, _line_start


def _block_header(doc: TextDoc, f: Finding) -> str:
    """The lines above the finding's line in its block (up to a blank line): a table's header row."""
    block = doc.text[: _line_start(doc.text, f.start)].split("\n\n")[-1]
    return "\n".join(block.split("\n")[-15:])


def _lung(doc: TextDoc, f: Finding) -> bool:
    """The mention is about the lung: its line names the lung, or the whole document does and names no
    other primary cancer (a pathology report's diagnosis line rarely repeats the organ)."""
    p = patterns()
    line = _line(doc, f)
    if p["lung_context"].search(line):
        return True
    lung, other, _ = _doc_flags(doc.text)
    if lung and not other:
        return True
    # (held-out v13) [v13-lung-marker] "Stage IVB adenocarcinoma, KRAS G12C" with no organ named: a lung cancer's
    # biomarker or drug on the line, or in a note that names no other primary
    return (
        _marked_sentence(f)
        or (bool(p["lung_cancer_marker"].search(line)) and not _non_lung(line))
        or (not lung and not other and (_lung_marked(doc.text) or _staged_in_unnamed_note(doc.text, f)))
    )


def _marked_sentence(f: Finding) -> bool:
    """[v13-lung-marker] The finding's own sentence names a lung cancer's biomarker or drug and no other organ."""
    return bool(patterns()["lung_cancer_marker"].search(f.sentence)) and not _non_lung(f.sentence)


def _non_lung(text: str) -> bool:
    p = patterns()
    return any(p[k].search(text) for k in ("other_primary", "colorectal_context", "non_lung_site"))


@lru_cache(maxsize=2048)
def _lung_marked(text: str) -> bool:
    """[v13-lung-marker] The note names a lung cancer's biomarker or drug and no other organ's cancer."""
    return (
        bool(patterns()["lung_cancer_marker"].search(text))
        and not _non_lung(text)
        and not _OTHER_CHEST_CANCER.search(text)
    )


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
# (held-out v22, issue 13's twenty-third pass) [v22-ticked-inclusion] a ticked box ("[x] KRAS G12C (tissue) [x] NSCLC",
# "☒ stage IV") is the same answer; the item runs to the next box only.
_YES_BOX = re.compile(r"(?:\[\s?(?:y|yes|x)\s?\]|[\u2612\u2611])\s*(?:[^\[\]\n\u2610\u2612\u2611]{0,40})$", re.I)


def _answered_yes(doc: TextDoc, f: Finding) -> bool:
    return bool(_YES_BOX.search(doc.text[max(0, f.start - 60) : f.start]))


def _other_primary(doc: TextDoc, f: Finding) -> bool:
    p = patterns()
    line = _line(doc, f)
    return bool(p["other_primary"].search(line)) and not p["lung_context"].search(line)


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
    if f.label == "KRAS_NEG" and not f.modifiers & {"NEGATED_EXISTENCE", "HYPOTHETICAL", "POSSIBLE_EXISTENCE", "FAMILY"}:
        # [ocr18-negative-scope-tested] (held-out OCR v18, issue 17's twentieth pass) the negative itself ("KRAS: no
        # mutation detected (G12C, G12D, G13D and Q61 hotspots tested)"): the coverage after it is the result's scope
        if _DEFINES.search(f.sentence):
            return False
        return not patterns()["not_about_patient"].search(_TESTED_SCOPE.sub(" ", f.sentence))
    if not f.label.startswith("KRAS") or "NEGATED_EXISTENCE" not in f.modifiers:
        return False
    at = f.start - f.sentence_start
    if not _NEGATIVE_BEFORE.search(f.sentence[:at]) or _DEFINES.search(f.sentence):
        return False  # "Negative for G12C is defined as ... for all variants tested": a definition
    rest = _TESTED_SCOPE.sub(" ", f.sentence)
    return not patterns()["not_about_patient"].search(rest)


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


# (held-out v13, issue 13's fourteenth pass) [v13-exclusion-met] A trial's exclusion the patient met ("FAILED exclusion
# 9: history of radiation pneumonitis", "meets exclusion criterion 4 (prior ILD)", "screen-failed on exclusion 7:
# ..."): the history after it is the patient's, whatever a bare "exclusion" makes a list of criteria elsewhere. The
# sentence, its verdict taken away, must read as nothing general.
_EXCLUSION_MET = re.compile(
    r"\b(?:failed|fails|fail|met|meets|meeting|triggered|triggers|hit|screen[\s-]?fail(?:ed|ure)?\s+(?:on|for|due\s+to))\s+"
    r"(?:on\s+)?(?:the\s+)?(?:(?:key|trial|study|protocol)\s+)?exclusions?(?:\s+criteri(?:on|a))?\s*(?:#\s*|no\.?\s*)?\d{0,3}[a-z]?\b",
    re.I,
)
_EXCLUSION_MET_AFTER = re.compile(
    # (held-out v26, issue 13's twenty-seventh pass, part two) [v26-exclusion-met-after] the verdict after the criterion
    # ("Exclusion 4 met: active ILD", "exclusion criterion 7 triggered - prior pneumonitis"), or a screen failure whose
    # sentence cites the criterion after the history ("SCREEN FAIL - prior grade 3 pneumonitis (exclusion 7)")
    r"\bexclusions?(?:\s+criteri(?:on|a))?\s*(?:#\s*|no\.?\s*)?\d{1,3}[a-z]?\s+(?:was\s+|is\s+)?(?:met|triggered|hit|applies)\b"
    # (held-out v28, issue 13's twenty-ninth pass, part two) [v28-exclusion-met-field] a log's field "Exclusion met:"
    # with no number, answered with the history ("| Exclusion met: history of drug-induced pneumonitis |"); "Exclusion
    # met: none" answers nothing
    r"|\bexclusions?(?:\s+criteri(?:on|a))?\s+(?:met|triggered|hit)\s*[:\u2013-]\s*(?!(?:none|no|nil|n/?a|0)\b)"
    r"|\bscreen[\s-]?fail(?:ed|ure|s)?\b(?=[^.\n]{0,120}\bexclusions?\b)"
    # (issue 13's thirty-fifth pass) [t35-exclusion-reason-field] a log's "Reason:" field citing a numbered exclusion,
    # then the history after a dash ("Reason: Exclusion 7 - history of ILD (pneumonitis 2025)"): the reason a subject
    # failed; a protocol's bare list ("Exclusion 7 - history of ILD") stays general
    # (held-out v38, issue 13's thirty-ninth pass) [t39-exclusion-decimal] ... the criterion numbered as protocols number
    # their sections ("Reason: exclusion 5.3 -- active ILD (biopsy-proven ...)")
    r"|\breasons?\s*:\s*(?:excl\.?|exclusions?)(?:\s+criteri(?:on|a))?\s*(?:#\s*|no\.?\s*)?\d{1,3}(?:\.\d{1,2})?[a-z]?\s*[:\u2013\u2014-]",
    re.I,
)
# The criterion a verdict cites, in brackets or after a dash ("(exclusion 7)", "- excl. criterion 4"): a reference.
_EXCLUSION_REF = re.compile(
    r"\(\s*(?:per\s+)?exclusions?(?:\s+criteri(?:on|a))?\s*(?:#\s*|no\.?\s*)?\d{1,3}[a-z]?\s*\)", re.I
)


def _exclusion_met(f: Finding) -> bool:
    m = _EXCLUSION_MET.search(f.sentence)
    if not m and f.label != "NAIVE":  # "screen failure - untreated brain metastases (exclusion 4)": the exclusion's words
        m = _EXCLUSION_MET_AFTER.search(f.sentence)
    if not m or m.start() > f.start - f.sentence_start:
        return False
    rest = _EXCLUSION_REF.sub(" ", f.sentence[: m.start()] + " " + f.sentence[m.end() :])
    return not patterns()["not_about_patient"].search(rest)


# (held-out v26, issue 13's twenty-seventh pass, part two) [v26-question-label-after] A field labelled as a question
# after the finding on its row ("... grade 2 immune pneumonitis 04/2026 | Question: 2L options", "Stage IVB; question
# for the board: ..."): the label heads what follows it, not the data before it. The row up to the label must read as
# nothing general.
_QUESTION_LABEL = re.compile(r"\bquestions?(?:\s+(?:for|to)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*:", re.I)


def _question_label_after(f: Finding) -> bool:
    m = _QUESTION_LABEL.search(f.sentence, f.end - f.sentence_start)
    return bool(m) and not patterns()["not_about_patient"].search(f.sentence[: m.start()])



# (held-out v29, issue 13's thirtieth pass, part two) [v29-question-premise] The history a question takes as given: a
# consult question that first presents the patient ("PCP question: 'Pt with stage IIIA lung adenocarcinoma s/p adjuvant
# cisplatin/pemetrexed, now ALT 3x ULN - related?'") or asks in view of the patient's own history ("Can we start X given
# her remote radiation pneumonitis?"). The premise is the chart's statement; only what is asked is open. The finding
# must come after the presentation ("pt / patient / NN yo with", "given / in view of her / his") with no doubt word or
# question mark between; guards: "given the risk of pneumonitis?" (no possessive), "given her possible ILD?" (a doubt),
# "Question: does the pt have stage IV?" (no presentation).
_QUESTION_PREMISE = re.compile(
    r"\bquestions?(?:\s+(?:for|to)\s+(?:the\s+)?[\w-]+)?\s*:\s*['\"\u2018\u201c]?\s*(?:(?:the\s+|our\s+)?(?:pt|patient)|\d{1,3}\s*(?:yo|y/o|-year-old)"
    r"(?:\s+(?:m|f|man|woman|male|female))?)\s+(?:with|w/|has|had|s/p)\s"
    r"|\b(?:given|in\s+view\s+of|considering)\s+(?:her|his|their|the\s+patient'?s|pt'?s)\s",
    re.I,
)
_PREMISE_DOUBT = re.compile(
    r"\?|\b(?:possible|possibly|probable|suspected|suspicion|query|questionable|if|whether|r/o|rule\s+out|risk)\b", re.I
)


def question_premise(f: Finding) -> bool:
    at = f.start - f.sentence_start
    premises = list(_QUESTION_PREMISE.finditer(f.sentence, 0, at))
    return bool(premises) and not _PREMISE_DOUBT.search(f.sentence, premises[-1].end(), at)


# (held-out v28, issue 13's twenty-ninth pass) [v28-subject-row-field] A log's row for one subject, its fields in cells
# ("Screening log ... | Subject S-019 | ... | Prior therapy: none (treatment-naive) | Exclusion met: ... | Outcome: SCREEN
# FAIL"): a labelled field of the row is the subject's record, whatever another cell says of criteria. Read for the
# regimen and status findings only; the finding's own cell must be a field ("Label: value") that reads as nothing
# general, and the row must name its subject ("Subject S-019", "Patient 044", "Pt ID 7"); a criteria table's
# "| Inclusion | treatment-naive |" names none.
_SUBJECT_CELL = re.compile(
    r"(?:^|\|)\s*(?:subject|patient|pt|participant|screening\s+(?:no|number|id))\.?(?:\s+(?:id|no|number))?\s*[:#]?\s*[a-z]{0,4}[-]?\d[\w-]*\s*(?=\||$)",
    re.I | re.M,
)
_FIELD_CELL = re.compile(r"^\s*[^\s:|][^:|]{1,40}:\s*\S")


def _field_of_subject_row(doc: TextDoc, f: Finding) -> bool:
    if f.label not in {"NAIVE", "STATUS", "MONOTHERAPY"}:
        return False
    line_start, line_end = _line_start(doc.text, f.start), _line_end(doc.text, f.end)
    cell_start = max(doc.text.rfind("|", line_start, f.start) + 1, line_start)
    after = doc.text.find("|", f.end, line_end)
    cell = doc.text[cell_start : after if after >= 0 else line_end]
    row = unwrap(doc.text[max(0, line_start - 400) : line_end])
    return (
        "|" in row
        and bool(_FIELD_CELL.match(cell))
        and not patterns()["not_about_patient"].search(cell)
        and bool(_SUBJECT_CELL.search(row))
    )

# (held-out v15, issue 13's sixteenth pass) [v15-eligibility-verdict] A screening log's eligibility check with its verdict
# later on the line ("11/02 eligibility review: NSCLC stage IVB, KRAS G12C on tissue. Eligible.", "eligibility check -
# stage IIIC adenocarcinoma ... screen failed"): the data checked are the patient's, whatever a bare "eligibility" makes
# a list of criteria elsewhere. The sentence, its "eligibility" taken away, must read as nothing general; a verdict
# that is a question or a condition ("eligible if ...", "eligible?") is none.
_ELIGIBILITY = re.compile(r"\beligibility\b", re.I)
_ELIGIBILITY_VERDICT = re.compile(
    r"\b(?:(?:not\s+)?eligible|ineligible|screen[\s-]?fail(?:ed|ure)?)\b(?!\s*(?:\?|if\b|for\b|when\b|once\b|provided\b))",
    re.I,
)


# (held-out v17) [v17-eligibility-met] ... or its verdict put first, as a heading of the data ("Eligibility confirmed:
# squamous NSCLC, stage IVA, KRAS G12C", "eligibility criteria met - ..."); "eligibility met?" or "... met if" is none.
# (held-out v39, issue 13's fortieth pass) [t40-eligibility-confirmed-by] ... the one who confirmed it named before the
# colon ("Subject's eligibility confirmed by PI: stage IVB non-squamous NSCLC, KRAS G12C ..."). Guard: "eligibility to be
# confirmed by PI: ..." (no verdict: "to be" is not "was").
_ELIGIBILITY_MET = re.compile(
    r"\s*(?:criteria\s+)?(?:(?:was|were|is|are|all)\s+)?(?:met|confirmed|verified|fulfilled)\b(?!\s*(?:\?|if\b|when\b|once\b))"
    r"(?:\s+(?:by|per)\s+(?!(?:if|when|once)\b)[\w.'-]+(?:\s+[\w.'-]+){0,2}?)?"  # (t40) [t40-eligibility-confirmed-by]
    r"\s*[:\u2013\u2014-]",
    re.I,
)


# (held-out v22, issue 13's twenty-third pass) [v22-eligibility-then-enrolled] ... or the subject's enrolment on the
# next line ("Eligibility: KRAS G12C+ NSCLC, stage IV, ...\nExclusion: ... Randomised 11/29 to arm B"): a subject
# randomised, enrolled or dosed was found eligible. "will be randomised", "if enrolled" are no verdict.
_ENROLLED = re.compile(
    r"(?<!will\sbe\s)(?<!to\sbe\s)(?<!if\s)(?<!once\s)(?<!when\s)\b(?:randomi[sz]ed|enrolled|registered)\b"
    r"(?![^.;\n]{0,20}\?)(?=\s+(?:(?:on|to|in|into|at|today|yesterday)\b|\d))",
    re.I,
)


def _eligibility_decided(doc: TextDoc, f: Finding) -> bool:
    m = _ELIGIBILITY.search(f.sentence)
    if not m or m.start() > f.start - f.sentence_start:
        return False
    met = _ELIGIBILITY_MET.match(f.sentence, m.end())
    line_end = _line_end(doc.text, f.end)
    if not (
        met
        or _ELIGIBILITY_VERDICT.search(doc.text, f.end, line_end)
        or _ENROLLED.search(doc.text, f.end, _line_end(doc.text, line_end + 1))
    ):
        return False
    rest = f.sentence[: m.start()] + " " + f.sentence[(met or m).end() :]  # a verdict put first goes with its heading
    return not patterns()["not_about_patient"].search(rest)


# (held-out v13, issue 13's fourteenth pass) [v13-indication] A diagnosis or a result named as what a drug is ordered or
# requested for ("adagrasib ordered alone for inoperable stage IIIC lung adenocarcinoma, KRAS p.G12C",
# "request to start adagrasib (newly diagnosed metastatic NSCLC, KRAS G12C, ...)"), or as the subject of a note's
# title ("Next-line planning - mCRC, KRAS G12C"): the order's doubt is the drug's, the indication is the patient's.
# Only a finding whose one doubt is the order's (HYPOTHETICAL); a condition, a test or a doubt near it keeps it out.
_INDICATION_OPEN = re.compile(r"\bfor\b|\(")
_NOT_STATED = re.compile(
    r"\b(?:if|whether|would|could|should|pending|awaiting|await\w*|once|unless|when|suspected|possible|probable|"
    r"presumed|rule\s+out|r/o|to\s+be\s+confirmed|test\w*|assays?|panels?|ngs|sequencing|screen\w*|evaluat\w*|"
    r"confirm\w*|trials?|cohorts?|studies|study|eligib\w*|criteri\w*|requires?|required)\b|\?",
    re.I,
)
_TITLE_DASH = re.compile(r"\s[-\u2013\u2014]\s")
# a drug's label, not an order: "approved only for KRAS G12C-mutated tumours" ([ocr12-approved-only-for])
# (held-out v37, issue 13's thirty-eighth pass) [t38-label-scope-indication] ... and what a drug "is (only) for", told
# to a patient it may not apply to ("sotorasib is for advanced KRAS G12C cancer only"): the label's population, not an
# order's indication (the HYPOTHETICAL of [t37s-is-for-advanced] stands, for the result as for the drug).
_LABEL_ONLY = re.compile(
    r"\b(?:approved|licensed|indicated|labell?ed)\s+only\s*$|\bonly\s+(?:approved|licensed|indicated)\s*$"
    r"|\b(?:is|are)\s+(?:only\s+|just\s+|meant\s+|intended\s+)?$",
    re.I,
)


# (held-out v29, issue 13's thirtieth pass, part two) [v29-declined-for] The patient declining a treatment recommended or
# offered for a disease ("Pt declined the chemo-immunotherapy recommended for stage IV squamous NSCLC"): the refusal and
# the recommendation are the treatment's, the disease it was meant for is the patient's. The patient (or a pronoun) as
# the one who declines, a treatment after it, "recommended / offered / proposed / advised for" and the finding within
# three words; guards: no doubt word after "for" ("possible stage IV"), nothing but the refusal and the plan as doubts.
_DECLINED_FOR = re.compile(
    r"\b(?:pt|patient|he|she|they)\s+(?:has\s+|had\s+)?(?:declined|declines|refused|refuses)\s+"
    r"(?:[\w/+-]+\s+){1,4}?(?:recommended|offered|proposed|advised|suggested)\s+(?:to\s+(?:him|her|them)\s+)?for\s+"
    r"(?:(?:his|her|their|the)\s+)?(?P<segment>(?:[\w-]+\s+){0,3})$",
    re.I,
)


def _declined_for(f: Finding) -> bool:
    if not f.modifiers & EXCLUDING or f.modifiers & EXCLUDING - {"HYPOTHETICAL", "NEGATED_EXISTENCE"}:
        return False
    m = _DECLINED_FOR.search(f.sentence[: f.start - f.sentence_start])
    return bool(m) and not _NOT_STATED.search(m.group("segment")) and f.section not in NOT_OWN_SECTIONS


def _indication_of_request(doc: TextDoc, f: Finding) -> bool:
    if _declined_for(f):
        return True
    if f.modifiers & EXCLUDING != {"HYPOTHETICAL"} or f.section in NOT_OWN_SECTIONS:
        return False
    at = f.start - f.sentence_start
    before = f.sentence[:at]
    after = re.split(r"[;\n]|\.(?!\d)", f.sentence[at + (f.end - f.start) :], maxsplit=1)[0]
    if _NOT_STATED.search(after):
        return False
    opens = list(_INDICATION_OPEN.finditer(before))
    segment = before[opens[-1].end() :] if opens else ""
    if (
        opens
        and len(segment) <= 80
        and _drug_pattern().search(before[: opens[-1].start()])
        and not _LABEL_ONLY.search(before[: opens[-1].start()])
        and not _NOT_STATED.search(segment)
        and not _drug_pattern().search(segment)
    ):
        return True
    title = "\n" not in doc.text[: f.start] and "\n" in doc.text[f.end :]
    dash = list(_TITLE_DASH.finditer(before)) if title else []  # the note's title: its subject after a dash
    return bool(dash) and not _NOT_STATED.search(before[dash[-1].end() :])


# [v13-lung-marker] ... or a stage group or "metastatic" before the histology ("Stage IIIA adenocarcinoma after SBRT")
# in a note naming no organ at all (no other primary, no skin, no gut): this project's staged cancers are the lung's
# and the bowel's, and a bowel note names the bowel. A bare "squamous cell carcinoma" of a skin biopsy stays unread.
_STAGED_BEFORE = re.compile(r"\b(?:stage\s+(?:iv|iii|ii|i)[abc]?\d?|metastatic|recurrent)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _staged_in_unnamed_note(text: str, f: Finding) -> bool:
    before = f.sentence[: f.start - f.sentence_start]
    return bool(_STAGED_BEFORE.search(before)) and not _non_lung(text) and not _OTHER_CHEST_CANCER.search(text)


# (held-out v16, issue 13's seventeenth pass) [v16-relative-source] A relative named as the teller of the history ("Hx
# per wife: on sotorasib pills - only cancer medicine", "according to his daughter, the adagrasib alone", "per husband,
# pneumonitis confirmed on CT"): the patient's own, not family history. A relative's own illness ("mother had lung
# cancer") has no "per"/"according to" before it; a sentence naming another relative too stays family.
_RELATIVE_SOURCE = re.compile(
    r"\b(?:per|according\s+to|from|via|by|told\s+by|reported\s+by)\s+(?:the\s+|his\s+|her\s+|their\s+|pt'?s\s+)?"
    # (held-out v17) [v17-relative-source] the patient and a relative telling it together ("Hx per pt/wife:", "per
    # patient and daughter", "per pt & son")
    r"(?:(?:pt|patient|him|her)\s*(?:/|&|\+|and)\s*(?:his\s+|her\s+)?)?"
    r"(?:wife|husband|spouse|partner|daughter|son|mother|father|mum|mom|dad|sister|brother|niece|nephew|caregiver|carer"
    r"|family)\b"
    # (held-out v20, issue 13's twenty-first pass, part two) [v20-relative-reports] a relative who tells what happened to
    # the patient, named as a pronoun ("wife also reports he had pneumonitis", "granddaughter says she is coughing", "his
    # son told us that he ..."): the teller, not the one who had it
    r"|\b(?:wife|husband|spouse|partner|daughter|son|mother|father|mum|mom|dad|sister|brother|niece|nephew|grand\w+"
    r"|caregiver|carer|family)\s+(?:also\s+)?(?:says|said|reports?|reported|states?|stated|tells?\s+(?:us|me)|told\s+(?:us|me))"
    # (held-out v31) [v31-relative-quoted] ... "family", the words quoted ('Family says "she is the same"')
    r"\s+(?:that\s+)?[\"\u201c]?(?:he|she|they|pt|patient|the\s+patient)\b",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:wife|husband|spouse|daughter|son|mother|father|mum|mom|dad|sister|brother|niece|nephew|aunt|uncle|grand\w+"
    r"|family)\b",
    re.I,
)


def _relative_as_source(f: Finding) -> bool:
    if "FAMILY" not in f.modifiers:
        return False
    relatives = len(_RELATIVE.findall(f.sentence))
    return relatives > 0 and len(_RELATIVE_SOURCE.findall(f.sentence)) == relatives


def _told_by_relative(f: Finding, doc: TextDoc | None = None) -> bool:
    """(held-out v17) [v17-relative-source] Of the patient but for a relative named as the teller ("per pt/husband: lung
    adenocarcinoma stage IIIB, KRAS G12C"): affirmed once that FAMILY is set aside; any other doubt stays.
    (held-out v24) [v24-caller-relative] With the note, also the patient named by their relation to the relative who
    calls ("Caregiver call (son). Father, stage IV lung adeno", "Phone note - husband calling. Wife with metastatic
    rectal cancer"), as [v17-relative-narrator] reads it for ILD and therapy."""
    by_relative = _relative_as_source(f) or (doc is not None and _relative_is_patient(doc, f))
    return by_relative and not (f.modifiers - {"FAMILY"}) & EXCLUDING and f.section not in (
        "family_history",
        "allergies",
    )


# (held-out v17) [v17-relative-narrator] A relative telling the patient's story who names the patient by their relation
# ("Patient's son calling: dad had radiation pneumonitis", "pt's daughter - mum is on adagrasib alone",
# "patient's wife reports husband had pneumonitis"): the parent a daughter or son speaks of, the spouse a wife or husband speaks
# of, is the patient. Only when every relative the sentence names is the narrator or that relation.
_NARRATOR = re.compile(
    r"\b(?:patient'?s|pt'?s)\s+(daughter|son|wife|husband)\b\s*(?::|[-\u2013(]|calling|called|phoned|rang|reports?|says|"
    r"states|relays)"
    # ... or the one the call or the counselling was with ("phone call with husband: she ...", "son answers
    # for pt", "counselled husband: the only cancer medicine she takes")
    r"|\b(?:(?:phone|call|f/u|follow-?up|spoke|discussed|telephone\s+call)\s+with|counsell?ed|educated|taught)\s+"
    r"(?:the\s+|his\s+|her\s+|pt'?s\s+|patient'?s\s+)?(daughter|son|wife|husband)\b"
    r"|\b(daughter|son|wife|husband)\s+(?:answers|answered|answering|speaks|spoke|speaking)\s+for\s+(?:the\s+)?(?:pt|patient)\b"
    # (held-out v24) [v24-caller-relative] the caller in brackets or after "from" ("Caregiver call (son).", "Call (wife):",
    # "Call from son: father stopped ..."), or a relative calling at a note's or a sentence's start ("Phone note -
    # husband calling.")
    r"|\b(?:(?:caregiver|carer|phone|telephone)\s+)?call\s*\(\s*(daughter|son|wife|husband)\s*\)"
    r"|\bcall\s+from\s+(?:the\s+)?(?:pt'?s\s+|patient'?s\s+)?(daughter|son|wife|husband)\b"
    r"|(?:^|[.:\u2013-]\s*)(daughter|son|wife|husband)\s+(?:calling|phoning|on\s+the\s+(?:phone|line))\b",
    re.I | re.M,
)
_PATIENT_AS = {
    "daughter": {"mother", "mum", "mom", "father", "dad"},
    "son": {"mother", "mum", "mom", "father", "dad"},
    "wife": {"husband"},
    "husband": {"wife"},
}
_RELATION = re.compile(
    r"\b(?:wife|husband|spouse|daughter|son|mother|father|mum|mom|dad|sister|brother|niece|nephew|aunt|uncle|grand\w+"
    r"|cousin|family)\b",
    re.I,
)


# (held-out v24) [v24-caller-relative] ... never a sentence that says its relative is not the patient ("Pt's husband (not
# pt) is on oral chemo")
_NOT_THE_PATIENT = re.compile(r"\bnot\s+(?:the\s+|our\s+)?(?:pt|patient)\b", re.I)


# (held-out v26, issue 13's twenty-seventh pass, part two) [v26-relative-writes-for-patient] A letter a relative writes
# for the patient ("Dear Sir/Madam, my husband has bowel cancer that has spread to his liver ... Yours"): the one the
# writer says has the illness is the patient, when the writer never speaks of a cancer of their own ("I have lung
# cancer", "my cancer": then the relative is a relative).
_LETTER = re.compile(
    r"^\W*dear\b|\byours\s+(?:sincerely|faithfully|truly)\b|^\W*yours\b|\bto\s+whom\s+it\s+may\s+concern\b", re.I | re.M
)
_WRITTEN_FOR = re.compile(
    r"\bmy\s+(husband|wife|father|mother|dad|mum|mom|son|daughter)\b\s+(?:has|had|was\s+diagnosed|is\s+being\s+treated)\b",
    re.I,
)
_WRITERS_OWN = re.compile(
    r"\bI\s+(?:have|had|was\s+diagnosed)\b[^.\n]{0,40}\b(?:cancer|carcinoma|nsclc|crc|tumou?r)"
    r"|\bmy\s+(?:own\s+)?(?:lung\s+|bowel\s+|colon\s+|rectal\s+)?(?:cancer|carcinoma|tumou?r)\b",
    re.I,
)


def _written_for(text: str) -> set[str]:
    if not _LETTER.search(text) or _WRITERS_OWN.search(text):
        return set()
    return {m.group(1).lower() for m in _WRITTEN_FOR.finditer(text)}


# (held-out v31, issue 13's thirty-second pass) [v31-patient-as-relative] the patient named by a kin word in apposition
# ("Patient (the grandmother, 78)", "Pt, her father, 81,"): that relation is the patient's own name in the note.
_PATIENT_IS = re.compile(
    r"\b(?:patient|pt)\s*[(,]\s*(?:the\s+|our\s+|their\s+|his\s+|her\s+)?"
    r"(grandmother|grandfather|grandma|grandpa|mother|father|husband|wife)\s*[,)]",
    re.I,
)


def _relative_is_patient(doc: TextDoc, f: Finding) -> bool:
    if "FAMILY" not in f.modifiers:
        return False
    narrators = {next(g for g in m.groups() if g).lower() for m in _NARRATOR.finditer(doc.text)}
    subjects = _written_for(doc.text) | {m.group(1).lower() for m in _PATIENT_IS.finditer(doc.text)}
    if not (narrators or len(subjects) == 1) or _NOT_THE_PATIENT.search(f.sentence):
        return False
    allowed = narrators.union(*(_PATIENT_AS[n] for n in narrators)) | (subjects if len(subjects) == 1 else set())
    named = {w.lower() for w in _RELATION.findall(f.sentence)}
    return bool(named) and named <= allowed


# (held-out v37, issue 13's thirty-eighth pass) [t38-appeal-of-denial] A prescriber's own appeal of a payer's denial ("I
# am writing to appeal the denial of <drug> for my patient, a 64-year-old man with stage IVB adenocarcinoma ..., KRAS
# G12C", "we are requesting reconsideration of the denial"): the "denial" the general-statement filter reads as a
# payer's reasoning is the letter's subject; the patient described after it is the patient's. The writer must be "I" or
# "we": a payer's "You may appeal this denial" stays general. Not for drugs (the drug appealed for is asked for, not
# given); any other general word in the sentence still decides.
_APPEAL_OF_DENIAL = re.compile(
    r"\b(?:i|we)\s+(?:am\s+|are\s+|would\s+like\s+to\s+|wish\s+to\s+|hereby\s+)?(?:writing\s+(?:to|in\s+order\s+to)\s+)?"
    r"(?:appeal(?:ing)?|contest(?:ing)?|disput(?:e|ing)|request(?:ing)?\s+(?:reconsideration|(?:a\s+)?review)\s+of)\s+"
    r"(?:the|this|your|its)\s+(?:recent\s+|initial\s+|adverse\s+)?denial\b",
    re.I,
)


# (held-out v39, issue 13's fortieth pass) [t40-overturned-review-issue] An external review's statement of the case
# ("Issue: denial of sotorasib for KRAS G12C-mutated metastatic NSCLC as a single agent following progression ...") in a
# decision that overturned the denial ("Decision: OVERTURNED"): the case reviewed is the enrollee's. Guards: a denial
# upheld, or a document that is no independent / external review, keeps the "denial" general; the drug stays asked for.
_REVIEW_ISSUE = re.compile(
    r"^\W*(?:issue|question|matter)(?:\s+(?:at\s+issue|reviewed|under\s+review|in\s+dispute))?\s*:\s*(?:the\s+)?"
    r"(?:(?:health\s+)?plan'?s\s+)?denial\b",
    re.I,
)
_OVERTURNED_REVIEW = re.compile(r"\b(?:independent|external)\s+(?:external\s+)?review\b|\biro\b", re.I)
_OVERTURNED = re.compile(r"\b(?:decision|determination|outcome)\s*:\s*(?:the\s+denial\s+is\s+)?(?:overturned|reversed)\b", re.I)


def appealed_denial_only(f: Finding, text: str = "") -> bool:
    """The sentence is general only through a prescriber's appeal of a denial ([t38-appeal-of-denial]), or through an
    overturned external review's statement of the issue ([t40-overturned-review-issue])."""
    if f.label == "THERAPY":
        return False
    issue = bool(_REVIEW_ISSUE.match(f.sentence)) and bool(_OVERTURNED_REVIEW.search(text)) and bool(_OVERTURNED.search(text))
    if not (_APPEAL_OF_DENIAL.search(f.sentence) or issue):
        return False
    rest = _APPEAL_OF_DENIAL.sub(lambda m: " " * len(m.group(0)), f.sentence)
    if issue:
        rest = _REVIEW_ISSUE.sub(lambda m: " " * len(m.group(0)), rest)
    return not patterns()["not_about_patient"].search(rest)
