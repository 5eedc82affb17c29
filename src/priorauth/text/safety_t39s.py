"""(held-out v39's safety pass, issue 13, t39s) Classes of wording behind held-out v39's false facts, read from its
false positives only (its misses stay blind). Each class removes a fact of one document that the document does not
state of this patient, now; none adds one. Kept in one module, applied once per document after its findings are read
(``facts._document_facts``, after held-out v38's pass), so that the parallel passes' rules are left as they are.

Classes (tests/text/test_wording_classes_v39s.py):

- [t39s-stage-range] "Stage IIIB-IV not amenable to curative tx [X]": a range of stage groups (an eligibility line)
  is neither end's stage; a range inside one group ("IIIA-IIIB") and a stage with its node group ("IIIA-N2") stay.
- [t39s-drug-first-fill-pending] a pharmacy's new prescription whose first fill has not shipped ("first fill ships
  12/3"): the drug on its "Rx:" line is not given yet, wherever the document names it again.
- [t39s-drug-denied-request] a notice denying the request ("We denied this request", "unable to approve"): the drug of
  its "Drug:" / "Medication:" line is the one asked for, not given.
- [t39s-drug-rule-statement] "label supports combination with <drug>", "guidelines recommend <drug>": a rule's words.
- [t39s-drug-agreed-plan] "I agree with definitive chemoradiation followed by consolidation <drug>": an agreed plan
  (not continuing a drug taken).
- [t39s-drug-weighed] "oncology is weighing <drug>": a consideration (not a dose change of a drug taken).
- [t39s-drug-corrected] "adjuvant <drug A>... CORRECTION: adjuvant was <drug B>": the corrected drug is not had.
- [t39s-drug-not-an-option] "<drug> not an option (no G12C)": ruled out ("no longer an option" is a drug had, kept).
- [t39s-kras-reconciled-positive] a negative assay the note reconciles ("we consider her KRAS G12C positive",
  "patient is KRAS G12C positive"): no G12C-absent answer.
- [t39s-kras-other-variants-negative] "Other KRAS mutations in panel: not detected" beside a G12C found: the other
  variants' absence, no G12C-absent answer.
- [t39s-kras-result-not-received] "we did not receive a test result showing the KRAS G12C mutation": a payer lacking
  the result; neither a G12C present nor an absent answer.
- [t39s-status-screening-benign] a lung cancer screening CT read benign (Lung-RADS 1-2) naming no cancer of the
  patient: a nodule's stability is no disease status.
- [t39s-status-other-person] "her late brother who ... before it stopped working": another person's course.
- [t39s-status-unconfirmed-progression] "iUPD -- unconfirmed progression; confirmatory scan required": the writer's
  own "unconfirmed" / "not yet confirmed", not (yet) a progression. A bare "iUPD" stays worsened (pass v23's
  [v23-status-criteria] wording case); the two conventions are the lead's to settle.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.facts.model import MedUse
    from priorauth.text.facts import TextFacts

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# --- [t39s-stage-range] ------------------------------------------------------------------------------------------------
_RANGE_AFTER = re.compile(
    r"[ \t]*(?:-|\u2013|\u2014|/|\bto\b|\bthrough\b|\bor\b)[ \t]*(?:stage[ \t]*)?(iv|iii|ii|i(?=[ab]))[abc]?\d?(?![a-z])",
    re.I,
)
_RANGE_BEFORE = re.compile(
    r"\bstage[ \t]*(iv|i{1,3})[abc]?\d?[ \t]*(?:-|\u2013|\u2014|/|\bto\b|\bthrough\b|\bor\b)[ \t]*(?:stage[ \t]*)?$",
    re.I,
)


def _stages(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text

    def in_range(stage: int | None, focus: tuple[int, int] | None) -> bool:
        if not stage or focus is None:
            return False
        after = _RANGE_AFTER.match(text, focus[1])
        before = _RANGE_BEFORE.search(text[max(0, focus[0] - 30) : focus[0]])
        other = after or before
        return bool(other) and _ROMAN[other.group(1).lower()] != stage

    out.diagnoses = [d for d in out.diagnoses if not in_range(d.stage, d.evidence.focus)]


# --- drugs ---------------------------------------------------------------------------------------------------------
_FIRST_FILL_PENDING = re.compile(
    r"\b(?:first|initial|1st)\s+(?:fill|shipment|supply|delivery)\s+(?:ships|will\s+ship|to\s+ship|shipping|"
    r"scheduled|pending|goes\s+out|is\s+pending)\b",
    re.I,
)
_RX_LINE = re.compile(r"^[ \t]*(?:rx|new\s+rx|prescription)\s*[:#][^\n]*", re.I | re.M)
_DENIED = re.compile(
    r"\b(?:we|the\s+plan|your\s+plan)\s+(?:have\s+)?(?:denied|den(?:y|ies)|(?:are|were|was)\s+unable\s+to\s+approve|"
    r"cannot\s+approve|can\s+not\s+approve|did\s+not\s+approve)\b|\bnotice\s+of\s+denial\b|\badverse\s+determination\b",
    re.I,
)
_RENEWAL = re.compile(r"\b(?:renewal|re-?authori[sz]ation|continuation|continued\s+(?:therapy|use))\b", re.I)
_DRUG_LINE = re.compile(
    r"^[ \t]*(?:drug|medication|requested\s+(?:drug|medication)|(?:drug|medication)\s+requested)\s*:[^\n]*", re.I | re.M
)
_RULE_BEFORE = re.compile(
    r"\b(?:label(?:ing)?|package\s+insert|prescribing\s+information|guidelines?|nccn|fda\s+approval|the\s+pi)\s+"
    r"(?:supports?|recommends?|requires?|calls?\s+for|lists?|specif(?:ies|y)|allows?|permits?)\b[^.;\n]{0,60}$",
    re.I,
)
_AGREED_BEFORE = re.compile(r"\b(?:agree|agrees|concur|concurs)\s+with\b[^.;\n]{0,100}$", re.I)
_WEIGHED_BEFORE = re.compile(
    r"\b(?:weigh(?:s|ing)?|contemplat(?:es|ing)|debat(?:es|ing)|deliberat(?:es|ing)\s+(?:on|about|over))\s+"
    r"(?:(?:adding|starting|using|a|an|the|trying)\s+){0,2}$",
    re.I,
)
_KEEP_BETWEEN = re.compile(
    r"\b(?:continu\w*|resum\w*|remain\w*|stay\w*|maintain\w*|dose|reduc\w*|hold\w*|held|stop\w*|discontinu\w*|"
    r"interrupt\w*|restart\w*|on|given|received|taking)\b",
    re.I,
)
_NOT_OPTION_AFTER = re.compile(
    r"[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?(?:is[ \t]+|was[ \t]+|would[ \t]+be[ \t]+)?not[ \t]+(?:an?[ \t]+)?"
    r"(?:option|candidate|appropriate|indicated)\b",
    re.I,
)
_GIVEN_LATER = re.compile(
    r"\b(?:received|started|began|administered|infused|given)\b|\b(?:first|1st)\s+(?:dose|cycle|infusion)\b", re.I
)
_CORRECTION = re.compile(r"\b(?:correction|corrected|erratum)\b\W{0,20}", re.I)
_ROLE = (
    r"adjuvant|neoadjuvant|maintenance|consolidation|induction|first[\s-]line|second[\s-]line|third[\s-]line|1L|2L|3L"
)
_ROLE_RESTATED = re.compile(rf"\b({_ROLE})\s+(?:therapy\s+|treatment\s+|tx\s+|regimen\s+)?(?:was|were|is)\b", re.I)


def _given_word(text: str) -> bool:
    return bool(re.search(r"\b(?:given|received|administered|infused|started|since|taking|tolerat\w*)\b", text, re.I))


def _ingredients(m: MedUse) -> set[str]:
    return {d.ingredient for d in m.drugs}


def _line_drugs(text: str, lines: list[str]) -> set[str]:
    from priorauth.terminology.drugs import vocabulary
    from priorauth.text.pipeline import _drug_pattern

    vocab = vocabulary()
    firsts = [re.split(r"\.\s|;\s", line)[0] for line in lines]  # its first sentence: not a "Prior: ..." after it
    return {
        vocab.drugs[i].ingredient
        for line in firsts
        if not _given_word(line)
        for d in _drug_pattern().finditer(line)
        for i in vocab.by_name.get(d.group(0).lower(), ())
        if i in vocab.drugs and vocab.drugs[i].anticancer
    }


def _meds(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    asked: set[str] = set()
    if _FIRST_FILL_PENDING.search(text):  # [t39s-drug-first-fill-pending]
        asked |= _line_drugs(text, [m.group(0) for m in _RX_LINE.finditer(text)])
    if _DENIED.search(text) and not _RENEWAL.search(text):  # [t39s-drug-denied-request]
        asked |= _line_drugs(text, [m.group(0) for m in _DRUG_LINE.finditer(text)])

    corrections = []  # [t39s-drug-corrected] (marker end, role restated, drugs named after)
    for c in _CORRECTION.finditer(text):
        role = _ROLE_RESTATED.search(text, c.end(), min(len(text), c.end() + 80))
        if role:
            after = set().union(
                *(_ingredients(m) for m in out.meds if m.evidence.focus and m.evidence.focus[0] >= c.end())
            )
            corrections.append((c.start(), role.group(1).lower().replace(" ", "-"), after))

    def dropped(m: MedUse) -> bool:
        focus = m.evidence.focus
        if focus is None:
            return False
        start, end = focus
        line_start = _line_start(text, start)
        before = text[line_start:start]
        sentence_before = re.split(r"[.;!?]\s", before)[-1]
        rest = text[end : _line_end(text, end)]
        if _ingredients(m) <= asked and not _given_word(before[-40:] + rest[:40]):
            return True
        if _NOT_OPTION_AFTER.match(text, end):
            return True  # [t39s-drug-not-an-option]
        for at, role, after in corrections:
            near = text[max(0, start - 30) : start].lower().replace(" ", "-")
            if start < at and role in near and after and not (_ingredients(m) & after):
                return True  # [t39s-drug-corrected]
        if _GIVEN_LATER.search(rest):
            return False  # "I agree with <drug>; she received the first dose yesterday"
        if _RULE_BEFORE.search(sentence_before):
            return True  # [t39s-drug-rule-statement]
        agreed = _AGREED_BEFORE.search(sentence_before)
        if agreed and not _KEEP_BETWEEN.search(agreed.group(0)):
            return True  # [t39s-drug-agreed-plan]
        weighed = _WEIGHED_BEFORE.search(sentence_before)
        return bool(weighed) and not _KEEP_BETWEEN.search(weighed.group(0))  # [t39s-drug-weighed]

    out.meds = [m for m in out.meds if not dropped(m)]


# --- KRAS --------------------------------------------------------------------------------------------------------------
_NOT_G12C = ("g12c_absent", "negative", "other_variant")
_RECONCILED_POSITIVE = re.compile(
    r"\b(?:consider(?:s|ed)?|regard(?:s|ed)?|treat(?:s|ed)?|deem(?:s|ed)?|call(?:s|ed)?)\s+(?:her|him|them|the\s+patient|"
    r"this\s+patient|pt)\s+(?:as\s+|to\s+be\s+)?(?:kras\s+)?g12c[\s-]*(?:positive|\+|mutant|mutated)"
    r"|\b(?:patient|pt|she|he)\s+is\s+(?:kras\s+)?g12c[\s-]*(?:positive|\+|mutant|mutated)",
    re.I,
)
_UNSURE_BEFORE = re.compile(r"\b(?:whether|if|unclear|unknown|uncertain|not\s+yet)\b[^.;\n]{0,40}$", re.I)
# (session 28 review) only an affirmative statement about the patient reconciles: not a negated one ("We do not
# consider her KRAS G12C positive"), not a criterion or question to answer ("Criterion 2: patient is KRAS G12C
# positive [ ] Yes [ ] No"), not one about someone else ("Her brother ... he is KRAS G12C positive").
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no\s+longer|cannot)\b|n['\u2019]t\b)[^.;\n]{0,40}$", re.I)
_FORM_ON_LINE = re.compile(r"\bcriteri(?:on|a)\b|\[\s*[x\u2713]?\s*\]|\byes\s*/\s*no\b|\?|\brequire[ds]?\b|\bmust\b", re.I)
_OTHER_PERSON = re.compile(
    r"\b(?:brother|sister|mother|father|son|daughter|sibling|parent|relative|family|cousin|aunt|uncle|husband|wife|spouse)\b",
    re.I,
)
_PRONOUN_SEX = {"she": re.compile(r"\b(?:he|him|his)\b", re.I), "he": re.compile(r"\b(?:she|her|hers)\b", re.I)}


def _affirmed_of_patient(text: str, m: re.Match[str]) -> bool:
    start = m.start()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start : len(text) if line_end < 0 else line_end]
    before = re.split(r"[.;!?]\s", text[max(line_start, start - 120) : start])[-1]
    if _UNSURE_BEFORE.search(before) or _NEGATED_BEFORE.search(before) or _FORM_ON_LINE.search(line):
        return False
    if _OTHER_PERSON.search(text[max(0, start - 160) : m.end()]):
        return False
    pronoun = m.group(0).split()[0].lower()
    other_sex = _PRONOUN_SEX.get(pronoun)
    return not (other_sex and other_sex.search(text[:start] + text[m.end() :]))


_OTHER_VARIANTS = re.compile(r"\b(?:all\s+)?other\s+(?:kras\s+)?(?:mutations?|variants?|alterations?|codons?)\b", re.I)
_NOT_RECEIVED_BEFORE = re.compile(
    r"(?:\b(?:did|do|does|have|has|had|was|were)\s*(?:not|n't|n\u2019t)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:receive[ds]?|get|got(?:ten)?|see[ns]?|provided?|submitted?|include[ds]?|sent)"
    r"|\bno(?:t)?\s+(?:a\s+)?(?:copy\s+of\s+(?:the\s+|a\s+)?)?)"
    r"[^.;\n]{0,30}\b(?:results?|reports?|documentation|records?|proof)\b[^.;\n]{0,20}"
    r"\b(?:showing|documenting|confirming|demonstrating|that\s+shows?)\b[^.;\n]{0,30}$",
    re.I,
)


def _kras(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    present = any(k.status == "g12c_present" for k in out.kras)
    reconciled = [m.start() for m in _RECONCILED_POSITIVE.finditer(text) if _affirmed_of_patient(text, m)]

    def dropped(status: str, focus: tuple[int, int] | None) -> bool:
        if focus is None:
            return False
        start = focus[0]
        before = text[max(_line_start(text, start), start - 160) : start]
        if _NOT_RECEIVED_BEFORE.search(re.split(r"[.;!?]\s", before)[-1]):
            return True  # [t39s-kras-result-not-received]
        if status not in _NOT_G12C or not present:
            return False
        if any(at > start for at in reconciled):
            return True  # [t39s-kras-reconciled-positive]
        sentence = text[_sentence_start(text, start) : _sentence_end(text, focus[1])]
        return (
            bool(_OTHER_VARIANTS.search(sentence)) and "g12c" not in sentence.lower()
        )  # [t39s-kras-other-variants-negative]

    out.kras = [k for k in out.kras if not dropped(k.status, k.evidence.focus)]


def _sentence_start(text: str, at: int) -> int:
    cut = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind("; ", 0, at))
    return cut + 1 if cut >= 0 else 0


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(". ", at), text.find("\n", at), text.find("; ", at)) if i >= 0]
    return min(ends) if ends else len(text)


# --- disease status ---------------------------------------------------------------------------------------------------
_SCREENING_BENIGN = re.compile(
    r"\blung[\s-]?rads\s*(?:category\s*|cat\.?\s*)?[:\-]?\s*(?:1|2)\b(?![.\d])|\blung[\s-]?rads\b[^\n]{0,40}\bbenign\b",
    re.I,
)
_SCREENING_NAME = re.compile(r"\b(?:lung\s+)?cancer\s+screening\b", re.I)
_CANCER_WORD = re.compile(
    r"\b(?:cancer|carcinoma|adenocarcinoma|nsclc|sclc|malignan\w*|metasta\w*|mets|tumou?r|neoplasm|lymphoma|crc|"
    r"kras|recist)\b",
    re.I,
)
_OTHER_PERSON_BEFORE = re.compile(
    r"\b(?:brother|sister|mother|father|husband|wife|spouse|partner|friend|neighbou?r|cousin|aunt|uncle|son|daughter|"
    r"sibling|grandmother|grandfather|colleague)\s+(?:\([^)\n]{0,20}\)\s+)?who\b(?P<clause>[^.;\n]*)$",
    re.I,
)
_INFORMANT = re.compile(r"\b(?:says|said|reports?|reported|states?|stated|notes?|noted|accompan\w*|told)\b", re.I)
_UNCONFIRMED = re.compile(
    r"\bunconfirmed\s+(?:disease\s+)?progression\b|\bprogression\s+(?:not\s+yet|yet\s+to\s+be)\s+confirmed\b",
    re.I,
)
_CONFIRMED = re.compile(r"\biCPD\b|(?<!un)confirmed\s+(?:disease\s+)?progression\b", re.I)


def _statuses(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    screening = out.statuses and _SCREENING_BENIGN.search(text)
    if screening and not _CANCER_WORD.search(_SCREENING_NAME.sub(" ", text)) and not out.meds:
        out.statuses = []  # [t39s-status-screening-benign]
        return

    def dropped(status: str, ev_text: str, focus: tuple[int, int] | None) -> bool:
        if focus is None:
            return False
        start = focus[0]
        before = text[max(_line_start(text, start), start - 200) : start]
        other = _OTHER_PERSON_BEFORE.search(before)
        if other and not _INFORMANT.search(other.group("clause")):
            return True  # [t39s-status-other-person]
        # [t39s-status-unconfirmed-progression]
        return status == "worsened" and bool(_UNCONFIRMED.search(ev_text)) and not _CONFIRMED.search(ev_text)

    out.statuses = [s for s in out.statuses if not dropped(s.status, s.evidence.text, s.evidence.focus)]


def apply(doc: TextDoc, out: TextFacts) -> TextFacts:
    """The facts of one document, less the ones the classes above remove."""
    _stages(doc, out)
    _meds(doc, out)
    _kras(doc, out)
    _statuses(doc, out)
    return out
