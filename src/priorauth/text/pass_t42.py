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
- [t42-explained-own-state] "explained that ... and that she has not received any cancer treatment so far": what was
  explained to the patient about herself, its clause opened by "that" and a pronoun with its verb, is her state.
  Guards: an explanation about a drug or people in general ("explained that patients who have not received ...",
  "explained that sotorasib can cause pneumonitis") stays general.
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
# The answer's opening after a dash or a colon: a yes / no with a pronoun subject, or a clinician's telling.
_ANSWER = re.compile(
    r"(?:\s--?\s*|\s*[\u2013\u2014:]\s*)"
    r"(?:(?:no|yes)\s*[,;:]\s*(?:he|she|they|the\s+patient|pt)\b"
    r"|(?:dr\.?(?:\s+[A-Z][a-z]+)?|the\s+(?:doctor|oncologist|provider|physician)|we|i|md|np|pa|rn)\s+"
    r"(?:explained|told\s+(?:her|him|them)|said|confirmed|answered|reviewed)\b)",
    re.I,
)


def _answer_after_question(text: str, f: Finding) -> bool:
    if "GENERAL" not in f.modifiers:
        return False
    before = text[f.sentence_start : f.start]
    questions = list(_QUESTION.finditer(before))
    return bool(questions) and bool(_ANSWER.search(before, questions[-1].end()))


# The clause explained, about the patient herself: "(and) that she has / he is / she was ...", right before the finding
# or with the finding as its verb phrase.
_EXPLAINED = re.compile(r"\bexplained\s+(?:to\s+(?:her|him|them|the\s+patient|pt)\s+)?that\b", re.I)
_OWN_CLAUSE = re.compile(r"\bthat\s+(?:she|he)\s+(?:(?:has|is|was|had|does|did)\s+)?$", re.I)


def _explained_own_state(text: str, f: Finding) -> bool:
    if "GENERAL" not in f.modifiers:
        return False
    before = text[f.sentence_start : f.start]
    return bool(_EXPLAINED.search(before) and _OWN_CLAUSE.search(before))


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
    drugs?" does."""
    return bool(_BARE_COMBINATION.search(question))


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
