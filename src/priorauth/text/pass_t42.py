"""(held-out v41, issue 13's forty-second pass, t42) Classes of wording behind held-out v41's misses, read whole after
text pass 41 and v41's safety pass. Each class lifts one modifier from a finding whose cue, by the sentence's own
shape, speaks of another clause; none adds a finding. Kept in one module, applied once to a document's findings as
they are read (``facts.from_documents``), so that the parallel passes' rules are left as they are.

Classes (tests/text/test_wording_classes_v41.py):

- [t42-answer-after-question] a patient's question and its answer in one sentence ("He asked whether he has had
  chemo yet -- no, he has not started any cancer drug treatment", "She asked about the scan: Dr. explained the liver
  spots are smaller"): the question's scope ends at the answer, which is the note's own statement. Only a dash or a
  colon followed by an answer's opening ("no, he ...", "yes, she ...", "Dr. / we / I explained / told / said").
  Guards: the question alone ("asked whether he has had any chemo") and an answer that is the question's words again
  stay general.
  (review fix) Only an answer whose subject is the patient's pronoun ("no, she ...", "Dr. X explained (that) she ..."),
  never a THERAPY or STATUS finding, not when the answer speaks of patients / people / in general / most, and a naive
  finding not when "since" follows it or a drug is named in its sentence.
- [t42-explained-own-state] "explained that ... and that she has not received any cancer treatment so far": what was
  explained to the patient about herself, its clause opened by "that" and a pronoun with its verb, is her state.
  Guards: an explanation about a drug or people in general ("explained that patients who have not received ...",
  "explained that sotorasib can cause pneumonitis") stays general.
  (review fix) The cue ends its clause ("so far", "yet", the sentence's end) and nothing after it takes it back
  ("other than", "although", "that would", "for the purposes of").
- [t42-status-lesions-not-seen] a response and, after a comma, other lesions "not seen" ("near-CR in lung, liver
  lesions not seen"): the negation is the lesions', not the response's. Only a status finding, only "not seen / not
  visualized / no longer seen" of a named lesion noun after the comma, and no negation word before the status in its
  sentence. Guard: "CR not seen" (the status itself not seen) stays negated.
- [t42-mono-bare-combination-boxed] (with its target in rules/targets.yaml) a form's shortest question on the regimen,
  "Used in combination?  [X] No": a question about a partner drug (``regimen_facts._question_answered``), so its No
  says the inhibitor is given alone. Guards: the Yes box ticked, no box ticked.
- [t42-box-of-next-cell] a two-column checklist's row ("[Y] No prior systemic therapy for advanced disease      [N]
  Active ILD / pneumonitis"): the "[N]" that opens the next cell, after a column gap, answers that cell's item, not the
  ticked item before it. Only an item opened by its own ticked "[Y]" / "[X]" box and no other negation between it and
  the gap, and only an "[N]" with an item of its own after it. Guards: an item with its "[N]" right after it ("No
  prior chemotherapy [N]"), or a lone "[N]" closing the row, stays negated.
- [t42-naive-planned-or-given] "No chemotherapy or other systemic treatment is planned or has been given": none given
  as well as none planned; the plan's word does not make the history hypothetical. Guard: "is planned" alone (a
  decision, not a history) stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from priorauth.text.pipeline import Finding

# A question asked in the sentence before the finding ("asked whether", "asks about", "inquired if").
_QUESTION = re.compile(r"\b(?:asked|asks|asking|inquired|inquires|wondered|wonders)\s+(?:whether|if|about)\b", re.I)
# The answer's opening after a dash or a colon, its subject the patient's pronoun: "no, she ...", "yes, he ...", or a
# clinician's telling of it, "Dr. X explained (to her) (that) she ...". (review fix) Not "Dr. X explained <anything>":
# what a clinician explains of a drug or of patients in general is no answer about her.
_ANSWER = re.compile(
    r"(?:\s--?\s*|\s*[\u2013\u2014:]\s*)"
    r"(?:(?:no|yes)\s*[,;:]\s*(?:he|she|the\s+patient|pt)\b"
    r"|(?:dr\.?(?:\s+[A-Z][a-z]+)?|the\s+(?:doctor|oncologist|provider|physician)|we|i|md|np|pa|rn)\s+"
    r"(?:explained|told\s+(?:her|him)|said|confirmed|answered)\s+(?:to\s+(?:her|him)\s+)?(?:that\s+)?(?:she|he)\b)",
    re.I,
)
# (review fix) The answer speaks of people in general, not of her ("patients who ...", "in general", "most").
_OF_PEOPLE = re.compile(
    r"\b(?:patients?|people|persons?|individuals|anyone|those|in\s+general|generally|most|usually|typically)\b", re.I
)
# (review fix) A naive finding with a "since" after it ("has not had chemo since 2024") or a drug named in its
# sentence ("... when she completed carboplatin/pemetrexed") says treatment was had.
_SINCE_AFTER = re.compile(r"[^.;\n]*?\bsince\b", re.I)


def _answer_after_question(text: str, f: Finding) -> bool:
    if "GENERAL" not in f.modifiers or f.label in ("THERAPY", "STATUS"):
        return False
    before = text[f.sentence_start : f.start]
    questions = list(_QUESTION.finditer(before))
    answer = _ANSWER.search(before, questions[-1].end()) if questions else None
    if not answer or _OF_PEOPLE.search(text, answer.start(), _sentence_end(text, f.end)):
        return False
    return f.label != "NAIVE" or not (_drug_named(f.sentence) or _SINCE_AFTER.match(text, f.end))


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.;!?\n]").search(text, pos)
    return m.start() if m else len(text)


# The clause explained, about the patient herself: "(and) that she has / he is / she was ...", right before the finding
# or with the finding as its verb phrase.
_EXPLAINED = re.compile(r"\bexplained\s+(?:to\s+(?:her|him|them|the\s+patient|pt)\s+)?that\b", re.I)
_OWN_CLAUSE = re.compile(r"\bthat\s+(?:she|he)\s+(?:(?:has|is|was|had|does|did)\s+)?$", re.I)
# (review fix) The cue ends its clause ("... any cancer treatment so far."): not "treatment that would disqualify
# her", "treatment-naive for the purposes of the trial"; and nothing after it in the sentence takes it back.
_CLAUSE_ENDS = re.compile(r"(?:\s+(?:so\s+far|yet|to\s+date|as\s+yet))?\s*(?:[.;!\n]|$)", re.I)
_TAKEN_BACK = re.compile(
    r"\b(?:other\s+than|except|apart\s+from|aside\s+from|besides|although|though|but|however|that\s+would|"
    r"for\s+the\s+purposes?\s+of)\b",
    re.I,
)


def _explained_own_state(text: str, f: Finding) -> bool:
    if "GENERAL" not in f.modifiers:
        return False
    before = text[f.sentence_start : f.start]
    if not (_EXPLAINED.search(before) and _OWN_CLAUSE.search(before)):
        return False
    rest = text[f.end : f.sentence_start + len(f.sentence)]
    return bool(_CLAUSE_ENDS.match(text, f.end)) and not _TAKEN_BACK.search(rest)


# "... is planned or has been given", "... was neither planned nor given": none given, as well as none planned.
_PLANNED_OR_GIVEN = re.compile(
    r"\s*(?:is|was|has\s+been|have\s+been|are|were)\s+(?:neither\s+)?planned\s+(?:or|nor)\s+"
    r"(?:has\s+been|have\s+been|was|were|been)?\s*(?:given|received|administered|started)\b",
    re.I,
)


def planned_or_given(text: str, end: int) -> bool:
    """``regimen_facts._naive``: a naive finding ending at ``end`` said none given as well as none planned."""
    return bool(_PLANNED_OR_GIVEN.match(text, end))


def _naive_planned_or_given(text: str, f: Finding) -> bool:
    return f.label == "NAIVE" and f.modifiers == frozenset({"HYPOTHETICAL"}) and planned_or_given(text, f.end)


# After a status: an optional site, a comma / semicolon, then other lesions said not seen.
_LESIONS_NOT_SEEN = re.compile(
    r"[ \t]*(?:(?:in|at|of)\s+(?:the\s+)?[\w/-]+(?:\s+[\w/-]+)?)?\s*[,;]\s*(?:the\s+)?(?:[\w/-]+\s+){0,2}"
    r"(?:lesions?|nodules?|mass(?:es)?|mets|metastas[ie]s|nodes?|deposits?|foci|implants?)\s+(?:are\s+|were\s+|is\s+|was\s+)?"
    r"(?:not\s+(?:seen|visuali[sz]ed|identified|evident|demonstrated)|no\s+longer\s+(?:seen|visible|visuali[sz]ed|evident))\b",
    re.I,
)
_NEGATION_BEFORE = re.compile(r"\b(?:no|not|never|without|none|negative|denies|free\s+of|absence)\b", re.I)


def _status_lesions_not_seen(text: str, f: Finding) -> bool:
    if f.label != "STATUS" or f.modifiers != frozenset({"NEGATED_EXISTENCE"}):
        return False
    if _NEGATION_BEFORE.search(text, f.sentence_start, f.start):
        return False
    return bool(_LESIONS_NOT_SEEN.match(text, f.end))


_BARE_COMBINATION = re.compile(r"\bin\s+combination\s*\?", re.I)


def bare_combination(question: str) -> bool:
    """``regimen_facts._question_answered``: "(used) in combination?" asks about a partner drug, as "with other
    drugs?" does. (review fix) Not when the question or its line names another drug than a KRAS G12C inhibitor ("Was
    docetaxel given in combination?", "Prior regimen: FOLFOX. Oxaliplatin used in combination?"): it asks of that one."""
    return bool(_BARE_COMBINATION.search(question)) and not _names_other_drug(question)


def _names_other_drug(text: str) -> bool:
    from priorauth.text.regimen_facts import _g12c_inhibitors  # (regimen_facts imports this module)

    return not all(_g12c_inhibitors(text))


def _drug_named(text: str) -> bool:
    from priorauth.text.regimen_facts import _g12c_inhibitors

    return bool(_g12c_inhibitors(text))


def _line_of(text: str, f: Finding) -> tuple[str, str]:
    """The finding's line, before the finding and after it."""
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    return text[start : f.start], text[f.end : end if end >= 0 else len(text)]


def _bare_combination_of_other_drug(text: str, f: Finding) -> bool:
    """(review fix) [t42-mono-bare-combination-boxed]'s "Used in combination?  [X] No" with another drug named in the
    question or before it on its line."""
    if f.label != "MONOTHERAPY" or not _BARE_COMBINATION.search(text, f.start, f.end):
        return False
    before, _ = _line_of(text, f)
    return _names_other_drug(before + text[f.start : f.end])


# (review fix) [t42-naive-summary-fields]: another treatment cell on the registry row coded as given (not 00) or naming
# a drug ("RX Summ--Immunotherapy: 01 Pembrolizumab", "Targeted: sotorasib started 3/2026").
_SUMMARY_ROW = re.compile(r"\bchemo(?:therapy)?\s*[:=]\s*00\b", re.I)
_CELL_GIVEN = re.compile(
    r"\b(?:chemo(?:therapy)?|immuno(?:therapy)?|hormon(?:e|al)(?:\s+therapy)?|targeted(?:\s+therapy)?|"
    r"biologic(?:al)?s?(?:\s+therapy)?|BRM|systemic(?:\s+therapy)?|other)\s*[:=]\s*(?!00\b|none\b|nil\b)\S",
    re.I,
)


def _summary_row_given(text: str, f: Finding) -> bool:
    if f.label != "NAIVE" or not (_SUMMARY_ROW.match(text, f.start) or re.match(r"rx\s+summ", text[f.start :], re.I)):
        return False
    before, after = _line_of(text, f)
    line = before + text[f.start : f.end] + after
    return bool(_CELL_GIVEN.search(line)) or _drug_named(line)


# (review fix) [t42-status-disease-controlled]: "disease" with a qualifier of its own before it ("Crohn's disease",
# "Thyroid disease", "COPD, disease well controlled"), the control a goal ("goal is to keep disease controlled"), or a
# past one ended ("was controlled on pembrolizumab until 2025").
_CONTROLLED = re.compile(r"controlled$", re.I)
_BARE_DISEASE = re.compile(r"(?:disease|dz)\b", re.I)
_OPENS_CLAUSE = re.compile(
    r"(?:^|[;:(]|\b(?:and|with|but|otherwise|overall|now|currently|her|his|their|metastatic|systemic|extracranial|"
    r"intracranial|residual|nodal|visceral|measurable|known|cancer|tumou?r))\s*$",
    re.I,
)
_CONTROL_AS_GOAL = re.compile(
    r"\b(?:goals?|keep(?:s|ing)?|aims?|aiming|to\s+be|maintain\w*|achieve\w*|hop(?:e|es|ed|ing)|intent\w*)\b", re.I
)
_CONTROL_ENDED = re.compile(r"[^.;\n]*?\b(?:until|till|up\s+to|before)\b", re.I)


def _controlled_not_hers(text: str, f: Finding) -> bool:
    if f.label != "STATUS" or f.value != "stable" or not _CONTROLLED.search(text[f.start : f.end]):
        return False
    before = text[f.sentence_start : f.start]
    if _CONTROL_AS_GOAL.search(before) or _CONTROL_ENDED.match(text, f.end):
        return True
    return bool(_BARE_DISEASE.match(text, f.start)) and not _OPENS_CLAUSE.search(before)


_OWN_TICK_BEFORE = re.compile(r"(?:^|[ \t]{2,}|\t)[\[(]\s?(?:y|yes|x)\s?[\])][ \t]*$", re.I)
_NEXT_CELL_NO = re.compile(r"(?P<between>[^\[\]\n]*?)(?:[ \t]{2,}|\t)[\[(]\s?(?:n|no)\s?[\])](?=[ \t]*\w)", re.I)
_OTHER_NEGATION = re.compile(r"\b(?:no|not|never|none|denies|negative|without)\b", re.I)


def _box_of_next_cell(text: str, f: Finding) -> bool:
    if f.modifiers != frozenset({"NEGATED_EXISTENCE"}):
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    if not _OWN_TICK_BEFORE.search(text[line_start : f.start]):
        return False
    gap = _NEXT_CELL_NO.match(text, f.end)
    return bool(gap) and not _OTHER_NEGATION.search(gap.group("between"))


def revise(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings with the modifiers these classes show to be another clause's removed."""
    out = []
    for f in findings:
        if _bare_combination_of_other_drug(text, f) or _summary_row_given(text, f) or _controlled_not_hers(text, f):
            continue  # (review fix) dropped: the bare combination question, the registry row, "disease controlled"
        if _answer_after_question(text, f) or _explained_own_state(text, f):
            f = replace(f, modifiers=f.modifiers - {"GENERAL"})  # [t42-answer-after-question] [t42-explained-own-state]
        if _status_lesions_not_seen(text, f):
            f = replace(f, modifiers=frozenset())  # [t42-status-lesions-not-seen]
        if _box_of_next_cell(text, f):
            f = replace(f, modifiers=frozenset())  # [t42-box-of-next-cell]
        if _naive_planned_or_given(text, f):
            f = replace(f, modifiers=frozenset())  # [t42-naive-planned-or-given]
        out.append(f)
    return out
