"""Findings in text -> the same facts coded data gives (KRAS results, diagnoses, therapies, disease
status), each citing ``Type/id#char=start,end`` and the document's date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from priorauth.facts.model import Diagnosis, DiseaseStatus, Evidence, KrasResult, MedUse
from priorauth.text import pass_t42, safety_t38s, safety_t39s, safety_t40s, safety_t41s, safety_t42s
from priorauth.text.disease_facts import _histology, _spread, _stage, _stage_cells, _status, _ticked_choices
from priorauth.text.document_scope import (
    _NOT_A_PATIENT,
    _blank_template,
    _general_paragraph,
    _misdirected,
    _misfiled,
    _several_patients,
    _superseded_copy,
    document_about_relative,
    no_patient_title,
    not_a_patient_at,
    rejection_notice,
    stamped_page_at,
)
from priorauth.text.finding_scope import (
    _answered_yes,
    _counterfactual,
    _eligibility_decided,
    _exclusion_met,
    _field_of_subject_row,
    _negative_for_tested,
    _question_label_after,
    appealed_denial_only,
    question_premise,
)
from priorauth.text.ild_facts import _ild
from priorauth.text.kras_evidence import ticked_box_after
from priorauth.text.kras_facts import _kras
from priorauth.text.layout import (
    _control_row,
    _form_answer_no,
    _in_choice_list,
    _in_code,
    _in_coverage_parenthesis,
    _in_criteria_list,
    _in_example_parenthesis,
    _inline_list,
    _open_question,
    _unfilled_field,
    _unticked_item,
)
from priorauth.text.pipeline import Finding, analyze, patterns
from priorauth.text.regimen_facts import (
    _monotherapy,
    _naive,
    _naive_before_current_course,
    _naive_of_own_record,
    _zero_prior_cells,
)
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _entered_in_error, _evidence, _line
from priorauth.text.therapy_facts import _FIRST_EVER, _named_as_history, _not_given_yet, _patient_had, _therapy

_ONE_SETTING_AFTER = re.compile(
    r"\s*(?:\(|,)?\s*(?:for|in)\s+(?:the\s+)?(?:advanced|metastatic|recurrent|palliative|stage\s+iv)\s+(?:disease|setting|nsclc|cancer|crc)\b",
    re.I,
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
    if safety_t38s.several_people(doc.text):
        return out  # (held-out v38's safety pass) [t38s-numbered-people] "Subj 012-004: ...", "1. 71M ... 2. 63F ..."
    if _blank_template(doc.text):
        return out  # (held-out v18) [v18-blank-template] "template (fields blank): [Patient name] has [stage] NSCLC ..."
    if no_patient_title(doc.text):
        return out  # (held-out v32's safety pass) [v32s-no-patient-title] a job posting, an animal's record, a generic scenario
    not_a_patient = bool(_NOT_A_PATIENT.search(doc.text))  # [ocr9-not-a-patient] a proficiency sample: no KRAS result
    for f in pass_t42.revise(doc.text, analyze(doc.text)):  # (held-out v41, t42) a cue's scope ended by the sentence
        # [ocr23-section-not-result] a heading's "(... it is not a result):" speaks for its section only
        if not (not_a_patient and f.label.startswith("KRAS") and not_a_patient_at(doc.text, f.start)):
            _add(out, doc, f)
    for f in _stage_cells(doc):  # (held-out v17) [v17-stage-column] "MRN | Diagnosis | Stage" ... "30211 | NSCLC squamous | IIIA"
        _add(out, doc, f)
    for f in _ticked_choices(doc):  # (held-out v18) [v18-status-ticked] "Outcome: SD ☐ CR ☑": the layout decides the box
        if not (_entered_in_error(doc, f) or _superseded_copy(doc, f) or _in_criteria_list(doc, f)):
            _status(out, doc, f)
    present = {(k.specimen, k.evidence.date) for k in out.kras if k.status == "g12c_present"}
    # A report naming G12C and another KRAS variant on one specimen of one date (two clones) is a G12C result: the
    # other variant is a co-mutation, not a "G12C absent" answer. Two dated results stay two (a conflict to review).
    out.kras = [k for k in out.kras if not (k.status == "other_variant" and (k.specimen, k.evidence.date) in present)]
    # A text recording a systemic drug given in another sentence is not naive, whatever it says of one class ("no
    # targeted drugs yet; she had carboplatin"), of a period ("no chemo in the last 12 months" beside "completed
    # adjuvant carboplatin in 2022") or in a line copied forward ("treatment-naive", then "received 4 cycles ..."). One
    # sentence saying both ("naive per patient, but outside records show carboplatin") keeps both: a conflict to review.
    out.naive += _zero_prior_cells(doc)  # (held-out v17) "Prior lines" column of a one-row table: 0
    out.meds = _not_given_yet(doc.text, out.meds)
    given_in = {m.evidence.source for m in out.meds}
    # (held-out v18, issue 13's nineteenth pass) [v18-naive-for-advanced] "no previous systemic therapy in the
    # metastatic setting" beside a drug given (adjuvant carboplatin/paclitaxel): naive of one setting only, not of all therapy.
    if out.meds:
        out.naive = [n for n in out.naive if not (n.focus and _ONE_SETTING_AFTER.match(doc.text, n.focus[1]))]
    # (held-out v8) "C1D1 sotorasib given (first systemic therapy ever)": naive up to the drug given.
    if not _FIRST_EVER.search(doc.text):
        out.naive = [
            n for n in out.naive if not given_in - {n.source} or _naive_before_current_course(doc.text, n, out.meds)
        ]
    out = safety_t38s.apply(doc, out)  # (held-out v38's safety pass) facts the document does not state, removed
    out = safety_t39s.apply(doc, out)  # (held-out v39's safety pass) the same, v39's classes
    out = safety_t40s.apply(doc, out)  # (held-out v40's safety pass) the same, v40's classes
    out = safety_t41s.apply(doc, out)  # (held-out v41's safety pass) the same, v41's classes
    return safety_t42s.apply(doc, out)  # (held-out v42's safety pass) the same, v42's classes


def _add(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    handler = HANDLERS.get(f.label)
    if handler is None:
        return
    line = _line(doc, f)
    p = patterns()
    if _entered_in_error(doc, f):
        return  # (held-out v9) [v9-entered-in-error] a list entry marked as entered in error states nothing
    if document_about_relative(doc, f):
        return  # (held-out v33's safety pass) [v33s-document-about-relative] "Form concerns the patient's grandmother."
    if _superseded_copy(doc, f):
        return  # [ocr10-superseded-copy] "COPY OF PRELIMINARY PRINTOUT - SUPERSEDED - NOT FOR CLINICAL USE"
    if stamped_page_at(doc.text, f.start):
        return  # [ocr32-stamped-page] "[stamp] ... THIS PAGE BELONGS TO ANOTHER PATIENT" on a page naming another patient
    general = (
        p["not_about_patient"].search(f.sentence)
        and not _answered_yes(doc, f)
        and not _negative_for_tested(f)
        and not _exclusion_met(f)  # (held-out v13) [v13-exclusion-met] "FAILED exclusion 9: history of pneumonitis"
        and not _question_label_after(f)  # (held-out v26) [v26-question-label-after] "... pneumonitis | Question: 2L"
        and not (f.label == "THERAPY" and _patient_had(doc, f))  # (held-out v15) [v15-patient-on-drug] "pt on X"
        and not (f.label == "THERAPY" and _named_as_history(doc, f))  # (v20) [v20-therapy-prior-in-request] "prior X"
        and not _eligibility_decided(doc, f)  # (held-out v15) [v15-eligibility-verdict] "eligibility: ... ELIGIBLE"
        and not (f.label == "NAIVE" and _naive_of_own_record(f))  # (v24) [v24-naive-own-record] "education: ..."
        and not _field_of_subject_row(doc, f)  # (v28) [v28-subject-row-field] "| Subject S-019 | ... | Prior therapy: none |"
        and not (not f.modifiers and question_premise(f))  # (v29) [v29-question-premise] "PCP question: 'Pt with ..."
        and not appealed_denial_only(f, doc.text)  # (t38) [t38-appeal-of-denial] "I am writing to appeal the denial of X for my patient"
    )
    unticked = _unticked_item(doc, f, line) and not (f.label == "THERAPY" and _patient_had(doc, f))
    unticked = unticked and not (f.label.startswith("KRAS") and ticked_box_after(doc, f))  # [ocr19-box-after-variant]
    if general or unticked or _in_criteria_list(doc, f):
        return  # a general statement, a form's item left unticked, a payer's list of criteria
    if not f.label.startswith("KRAS") and _form_answer_no(doc, f, line):
        return  # "History of ILD/pneumonitis: No" (a KRAS "G12C: negative" is a result: see _kras)
    asked = _open_question(doc, f) and not question_premise(f)  # (v29) [v29-question-premise] "... given her ILD?"
    if _unfilled_field(doc, f, line) or asked or _general_paragraph(doc, f) or _counterfactual(f):
        return
    if _in_choice_list(doc, f) or _inline_list(doc, f):
        return  # an Epic SmartList's unselected choices; an item of "Criteria: (1) ...; (2) ..." or "options: (a) ..."
    if f.label.startswith("KRAS") and (_in_coverage_parenthesis(doc, f) or _in_example_parenthesis(doc, f)):
        return  # "KRAS  none (G12C, G12D, Q61 assessed)", "(e.g. KRAS p.G12G)": what the assay looked at, an example
    if f.label.startswith("KRAS") and rejection_notice(doc.text):
        return  # (t37) [t37-rejection-notice] "SPECIMEN REJECTION NOTICE ... plasma for KRAS G12C ctDNA assay": no result
    if f.label.startswith("KRAS") and (_in_code(doc, f) or _control_row(doc, f)):
        return  # "lot KR-G12C/13D-0425", "Positive control (G12C mix)  amplified": no result
    handler(out, doc, f)


def _flag(kind: str):  # type: ignore[no-untyped-def]
    def add(out: TextFacts, doc: TextDoc, f: Finding) -> None:
        if f.affirmed:
            getattr(out, kind).append(_evidence(doc, f))

    return add


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
