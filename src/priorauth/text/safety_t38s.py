"""(held-out v38's safety pass, issue 13, t38s) Classes of wording behind held-out v38's false facts, read from its
false positives only (its misses stay blind). Each class removes a fact of one document that the document does not
state of this patient, now; none adds one. Kept in one module, applied once per document after its findings are read
(``facts._document_facts``), so that the parallel passes' rules are left as they are.

Classes (tests/text/test_wording_classes_v38s.py):

- [t38s-numbered-people] a list whose numbered entries each open with another person: "Subj 012-004: ...",
  "1. 71M RUL mass ... 2. 63F stage IV ..." (two or more entries, ages/sexes or subject numbers differing): a log or an
  agenda of several patients, nobody's chart here. A title saying it is "not a clinical note for any (single) patient"
  too.
- [t38s-status-requirement] a status the note asks to be shown ("needs chart notes showing ... imaging with
  progression"): a payer's requirement, not a reading.
- [t38s-status-staging-spread] "has spread to the bones, which makes it stage 4": the spread that stages the cancer at
  diagnosis, not a progression.
- [t38s-status-one-lesion-stable] "Previously treated/seen <lesion> stable/unchanged" in a report that reads a
  progression: one lesion's course inside a progression, no stability of the disease.
- [t38s-status-code-decides] a shrinkage with the report's own call in brackets ("decreased 18% (SD)"): the call
  decides; the shrinkage is no response.
- [t38s-status-no-pd-beside-response] a bare "No progression." beside a response read in the same note: the response
  is the status; "no progression" is no stability.
- [t38s-status-benign-retracted] a radiology addendum retracting its cancer words ('"new hepatic metastasis" is
  retracted ... represents a hemangioma'): no cancer is left to have a status.
- [t38s-naive-drug-not-started] "pt has not started therapy yet" in a note dispensing a drug: that drug is not
  started (neither given nor a naive patient).
- [t38s-naive-one-class-received] "no prior IO -- received carbo/pem only": naive of one class, another received.
- [t38s-ild-grade-zero] a toxicity grade of 0 ("Pneumonitis: 0", "pneumonitis | grade 0"): none.
- [t38s-ild-leading-consideration] "drug-related pneumonitis is the leading consideration; ... not excluded": a
  differential's favourite, not a diagnosis.
- [t38s-kras-clearance] a monitoring assay's "G12C not detected" beside its detected baseline or a "clearance" of the
  variant: the variant was the tumour's; no G12C-absent answer.
- [t38s-histology-other-primary] "metastatic adenocarcinoma c/w colorectal primary" beside lung nodules: the
  histology is the colorectal cancer's, not a lung one.
- [t38s-drug-not-given] a drug named as a future option ("future sotorasib once ..."), a preference ("prefer
  docetaxel"), agreement ("I agree with sotorasib as ..."), interest ("interested in your <drug> trial"), a
  consideration ("for standard <drug> consideration"), hearsay ("told me about a pill called <drug>"), an approval's
  list ("has been approved: <drug>"), a future question ("Will <drug> be given ...?"), a start on a later date
  ("Starting <drug> ... on 12/07"), a rule ("<drug> should not be used alone"), a laboratory's "Associated therapies:"
  line, or a consent's "Regimen:" line: none of it given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.facts.model import Evidence
    from priorauth.text.facts import TextFacts

# --- [t38s-numbered-people] ----------------------------------------------------------------------------------------
_SUBJECT_ENTRY = re.compile(r"^[ \t]*subj(?:ect)?\.?[ \t]*#?[ \t]*(\d{1,4}(?:-\d{1,4}){0,2})[ \t]*[:)]", re.I | re.M)
_AGE_SEX_ENTRY = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+(\d{1,3})[ \t]?(?:y/?o[ \t]?|yo[ \t]?)?([MF])\b", re.M)
_NO_SINGLE_PATIENT = re.compile(
    r"\bnot\s+a\s+(?:clinical\s+)?(?:note|record|document)\s+(?:for|of|about)\s+any\s+(?:single\s+|one\s+|individual\s+)?"
    r"patient\b",
    re.I,
)


def several_people(text: str) -> bool:
    """[t38s-numbered-people] a log or agenda of several people, or a page saying it is no patient's note."""
    if _NO_SINGLE_PATIENT.search(text):
        return True
    if len({m.group(1) for m in _SUBJECT_ENTRY.finditer(text)}) >= 2:
        return True
    people = {(m.group(1), m.group(2).upper()) for m in _AGE_SEX_ENTRY.finditer(text)}
    return len(people) >= 2


# --- disease status --------------------------------------------------------------------------------------------------
_REQUIREMENT_BEFORE = re.compile(
    r"\b(?:needs?|needed|requires?|required|requests?|requesting|must\s+(?:show|submit|provide|document)|submit|provide)\b"
    r"[^.;\n]{0,80}\b(?:showing|documenting|demonstrating|confirming|that\s+shows?)\b[^.;\n]{0,40}$",
    re.I,
)
_STAGING_CLAUSE = re.compile(
    r"\b(?:makes?|making|made|means?|meaning)\s+(?:it|this|the\s+cancer|your\s+cancer)\s+(?:a\s+)?stage\b", re.I
)
_SPREAD_WORD = re.compile(r"\bspread\b", re.I)
_ONE_LESION_STABLE = re.compile(
    r"^\W*(?:the\s+)?previously\s+(?:treated|seen|noted|described|irradiated|known|resected)\b", re.I
)
_CODE_SD = re.compile(r"\d\s*%\s*\(\s*SD\s*\)")
_RESPONSE_NAMED = re.compile(r"\b(?:partial|complete)\s+response\b|\b[PC]R\b")
_BARE_NO_PD = re.compile(
    r"^\W*no\s+(?:evidence\s+of\s+)?(?:(?:disease|radiographic|radiologic)\s+)?progression\W*$", re.I
)
_RETRACTED = re.compile(r"\b(?:is|was|are|were|has\s+been)\s+(?:retracted|withdrawn)\b", re.I)
_QUOTE = re.compile(r"\"[^\"\n]{1,160}\"|\u201c[^\u201d\n]{1,160}\u201d")
_CANCER_WORD = re.compile(
    r"\b(?:cancer|carcinoma|adenocarcinoma|nsclc|sclc|malignan\w*|metasta\w*|mets|tumou?r|neoplasm|lymphoma|crc)\b",
    re.I,
)
_BENIGN_NAMED = re.compile(r"\b(?:hemangioma|haemangioma|cyst|benign)\b", re.I)


def _statuses(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    worsened = any(s.status == "worsened" for s in out.statuses)
    keep = []
    for s in out.statuses:
        focus = s.evidence.focus
        if focus is None:
            keep.append(s)
            continue
        start = focus[0]
        before = text[max(_line_start(text, start), start - 160) : start]
        if _REQUIREMENT_BEFORE.search(before):
            continue  # [t38s-status-requirement]
        if s.status == "worsened" and _SPREAD_WORD.search(s.evidence.text) and _STAGING_CLAUSE.search(s.evidence.text):
            continue  # [t38s-status-staging-spread]
        if s.status == "stable" and worsened and _ONE_LESION_STABLE.search(s.evidence.text):
            continue  # [t38s-status-one-lesion-stable]
        code_sd = _CODE_SD.search(s.evidence.text) and not _RESPONSE_NAMED.search(s.evidence.text)
        if (
            s.status == "improved"
            and code_sd
            and any(o.status == "stable" and o.evidence.text == s.evidence.text for o in out.statuses)
        ):
            continue  # [t38s-status-code-decides]
        keep.append(s)
    improved = any(s.status == "improved" for s in keep)
    keep = [s for s in keep if not (s.status == "stable" and improved and _BARE_NO_PD.match(s.evidence.text))]
    retracted = bool(keep and _RETRACTED.search(text) and _BENIGN_NAMED.search(text))
    if retracted and not _CANCER_WORD.search(_QUOTE.sub(" ", text)) and not _drug_named(text):
        keep = []  # [t38s-status-benign-retracted]
    out.statuses = keep


# --- treatment-naive and drugs not started -------------------------------------------------------------------------
_NOT_STARTED_THERAPY = re.compile(
    r"\b(?:has|have|had|did)\s*(?:not|n't|n\u2019t)\s+(?:yet\s+)?(?:started|begun|commenced)\s+(?:the\s+|this\s+)?"
    r"(?:therapy|treatment|medication|drug)\s+yet\b",
    re.I,
)
_ONE_CLASS_RECEIVED = re.compile(
    r"\bno\s+(?:prior\s+|previous\s+)?(?:io|immunotherapy|immune\s+checkpoint\s+inhibitors?|checkpoint\s+inhibitors?|"
    r"targeted\s+(?:therapy|tx)|tki|chemo\w*)\b[^.;\n]{0,20}?(?:--|-|\u2013|\u2014|;|,)\s*(?:received|had|got|s/p)\s+\w",
    re.I,
)
_HAD_BEFORE = re.compile(r"\b(?:s/p|prior|previous|received|completed|had|after|post)\s+(?:\S+\s+){0,2}$", re.I)


def _naive(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    not_started = bool(_NOT_STARTED_THERAPY.search(text)) and _drug_named(text)

    def dropped(n: Evidence) -> bool:
        if not_started and _NOT_STARTED_THERAPY.search(n.text):
            return True  # [t38s-naive-drug-not-started]
        return bool(_ONE_CLASS_RECEIVED.search(n.text))  # [t38s-naive-one-class-received]

    out.naive = [n for n in out.naive if not dropped(n)]
    if not_started:  # [t38s-naive-drug-not-started] the drug of the note is not started
        out.meds = [
            m
            for m in out.meds
            if m.evidence.focus is None
            or _HAD_BEFORE.search(text[max(0, m.evidence.focus[0] - 30) : m.evidence.focus[0]])
        ]


# --- ILD -------------------------------------------------------------------------------------------------------------
_GRADE_ZERO_AFTER = re.compile(r"[ \t]*(?:[:|=][ \t]*)?(?:(?:ctcae\s+)?(?:grade|gr\.?|g)[ \t]*)?0(?![\d.,/])", re.I)
_LEADING_CONSIDERATION_AFTER = re.compile(
    r"[^.;\n]{0,40}?\b(?:is|remains)\s+(?:the\s+)?(?:leading|favou?red|most\s+likely|primary)\s+"
    r"(?:consideration|diagnosis|differential|possibility|etiology)\b",
    re.I,
)


def _ild(doc: TextDoc, out: TextFacts) -> None:
    def dropped(ev: Evidence) -> bool:
        if ev.focus is None:
            return False
        end = ev.focus[1]
        return bool(_GRADE_ZERO_AFTER.match(doc.text, end) or _LEADING_CONSIDERATION_AFTER.match(doc.text, end))

    out.diagnoses = [d for d in out.diagnoses if not (d.site == "ild" and dropped(d.evidence))]


# --- KRAS --------------------------------------------------------------------------------------------------------------
_BASELINE_COPIES = re.compile(r"\bbaseline\b[^.\n]{0,30}?\d[\d,.]*\s*(?:copies|mutant\s+copies|%\s*vaf)\b", re.I)
_CLEARANCE = re.compile(
    r"\b(?:clearance|cleared)\s+(?:of\s+)?(?:the\s+)?(?:kras\s+)?(?:g12c\s+)?(?:ctdna|cfdna|variant|mutation)\b", re.I
)
_NOT_G12C = ("g12c_absent", "negative", "other_variant")


def _kras(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    present = any(k.status == "g12c_present" for k in out.kras)

    def dropped(ev: Evidence, status: str) -> bool:
        if status not in _NOT_G12C or ev.focus is None:
            return False
        line = text[_line_start(text, ev.focus[0]) : _line_end(text, ev.focus[1])]
        return present and bool(_BASELINE_COPIES.search(line) or _CLEARANCE.search(text))  # [t38s-kras-clearance]

    out.kras = [k for k in out.kras if not dropped(k.evidence, k.status)]


# --- histology ---------------------------------------------------------------------------------------------------------
_OTHER_PRIMARY_CALL = re.compile(
    r"\badenocarcinoma\W{0,3}(?:c/w|consistent\s+with|compatible\s+with|favou?ring|suggestive\s+of)\s+(?:an?\s+)?"
    r"(?:colorectal|colonic|colon|rectal|gastric|pancreatic|pancreatobiliary|upper\s+gi|breast|prostatic|ovarian|"
    r"endometrial)\s+(?:primary|origin)\b",
    re.I,
)


def _histology(doc: TextDoc, out: TextFacts) -> None:
    out.diagnoses = [
        d
        for d in out.diagnoses
        if not (d.site == "lung" and d.histology == "nsclc" and _OTHER_PRIMARY_CALL.search(d.evidence.text))
    ]


# --- drugs not given -------------------------------------------------------------------------------------------------
_NOT_GIVEN_BEFORE = re.compile(
    r"(?:\bfuture\s+|\bprefer(?:s|red)?\s+(?:(?!continu)\w+\s+){0,1}|\b(?:agree|agrees|concur|concurs)\s+with\s+"
    r"|\binterested\s+in\s+(?:\w+\s+){0,4}|\b(?:told|heard|read)\s+(?:me|her|him|us|them)?\s*about\s+(?:[\w-]+\s+){0,3}"
    r"|\b(?:a|the)\s+(?:pill|drug|medicine|medication|tablet)\s+called\s+)$",
    re.I,
)
_NOT_GIVEN_AFTER = re.compile(
    r"\s*(?:\([^)\n]{0,40}\)\s*)?(?:consideration|candidacy)\b"
    r"|[^.;\n]{0,30}?\bshould\s+not\s+be\s+used\s+(?:alone|as\s+monotherapy|as\s+a\s+single\s+agent)\b",
    re.I,
)
_APPROVED_LIST = re.compile(r"\b(?:has|have|was|were)\s+been\s+approved\s*:[^\n]*$|\bapproved\s*:[^\n]*$", re.I)
_LINE_LABEL = re.compile(
    r"^\W*(?:(?:associated|matched|matching|potential|relevant|available)\s+(?:therapies|therapy|drugs|agents|treatments)"
    r"|regimen)\s*:",
    re.I,
)
_CONSENT_TITLE = re.compile(r"\bconsent\b", re.I)
_GIVEN_LATER = re.compile(r"\b(?:received|started|began|administered|infused)\b|\bfirst\s+(?:dose|cycle)\b", re.I)
_GIVEN_WORD = re.compile(r"\b(?:given|administered|infused|received|completed|tolerated)\b", re.I)
_FUTURE_QUESTION = re.compile(r"^\W*(?:q\d{1,2}\W+)?(?:will|would|should|can|could)\b[^?\n]{0,120}\?", re.I)
_STARTING_ON_DATE = re.compile(
    r"^\W*(?:starting|will\s+start|to\s+start|begin(?:ning)?)\b[^.\n]{0,80}?\bon\s+\d{1,2}/\d{1,2}\b", re.I
)


def _meds(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    title = text[: text.find("\n")] if "\n" in text else text

    def dropped(ev: Evidence) -> bool:
        if ev.focus is None:
            return False
        start, end = ev.focus
        before = text[_line_start(text, start) : start]
        line_end = _line_end(text, end)
        rest = text[end:line_end]
        if (_NOT_GIVEN_BEFORE.search(before) or _NOT_GIVEN_AFTER.match(text, end)) and not _GIVEN_LATER.search(rest):
            return True
        if _APPROVED_LIST.search(before):
            return True
        label = _LINE_LABEL.match(before)
        if label and ("regimen" not in label.group(0).lower() or _CONSENT_TITLE.search(title)):
            return not _GIVEN_WORD.search(text, start, line_end)
        sentence = ev.text
        if _FUTURE_QUESTION.match(sentence) or _FUTURE_QUESTION.match(before):
            return True
        return bool(_STARTING_ON_DATE.match(sentence))

    out.meds = [m for m in out.meds if not dropped(m.evidence)]


def _drug_named(text: str) -> bool:
    from priorauth.text.therapy_facts import _drug_named as named

    return named(text)


def apply(doc: TextDoc, out: TextFacts) -> TextFacts:
    """The facts of one document, less the ones the classes above remove."""
    _statuses(doc, out)
    _naive(doc, out)
    _ild(doc, out)
    _kras(doc, out)
    _histology(doc, out)
    _meds(doc, out)
    return out
