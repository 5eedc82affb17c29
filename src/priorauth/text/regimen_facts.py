"""Regimen findings -> "treatment-naive" and monotherapy statements."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from priorauth.terminology.drugs import vocabulary
from priorauth.text import pass_t42
from priorauth.text.finding_scope import (
    _NEGATION_CUE,
    _negated_in_aside,
    _own_clause,
    _relative_as_source,
    _relative_is_patient,
)
from priorauth.text.layout import _column_tables
from priorauth.text.pipeline import EXCLUDING, NOT_OWN_SECTIONS, Finding, patterns, unwrap
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _evidence, _line, _line_before, _line_end, _line_start
from priorauth.text.therapy_facts import _drugs

if TYPE_CHECKING:
    from priorauth.facts.model import Evidence, MedUse
    from priorauth.text.facts import TextFacts


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
    if f.value == "answered_no" and _answer_undone(doc, f):
        return  # (t41 review fix) "Q4. Prior chemotherapy? A: Yes", 'Patient wrote: "No." Spouse corrected: had ...'
    if _ONE_CLASS_NOT_RECEIVED.fullmatch(doc.text[f.start : f.end]):
        return  # "has not received immunotherapy": one class only, as "IO-naive" is
    if _NOTHING.match(doc.text, f.start) and not _treatment_beside(doc, f):
        return  # (held-out v17) "nothing given yet" says naive only beside a cancer treatment ("CAPOX planned. Nothing ...")
    if _NOT_NAIVE_AFTER.search(doc.text, f.end):
        return  # (held-out v17) [v17-naive-answered-not] "she says 'treatment naive' ... A: she is NOT treatment-naive"
    none_given = pass_t42.planned_or_given(doc.text, f.end)  # (t42) [t42-naive-planned-or-given] "planned or given"
    if _NONE_PROPOSED_AFTER.match(doc.text, f.end) and not (_NAIVE_HISTORY_WORD.search(doc.text[f.start : f.end]) or none_given):
        return  # (held-out v21) [v21-naive-none-proposed] "for lobectomy, no neoadjuvant therapy proposed": a decision
    if _YET_PLANNED.match(doc.text, f.end) and re.search(r"\byet\s*$", doc.text[f.start : f.end], re.I):
        return  # (held-out v24) [v24-naive-shapes] "No treatment yet planned by oncology": a plan not yet made
    if _NEVER_IT.match(doc.text, f.start) and not (_never_it_of_treatment(doc, f) or _refusal_before(doc, f)):
        return  # (held-out v28) [v28-naive-never-it] "never had any of this before" of a symptom, or no "before"/"ever"
    if _scoped_to_one_cancer(doc, f):
        return  # (held-out v29) [v29-naive-one-cancer] "no treatment yet for the lung tumour" beside a treated breast cancer
    if _ALONGSIDE_BEFORE.search(doc.text, max(0, f.start - 30), f.start):
        return  # (held-out v33's safety pass) [v33s-naive-concomitant] "Concomitant anticancer therapy: none": no second drug
    if _BARE_NONE_GIVEN.fullmatch(doc.text[f.start : f.end]) and _UNCONFIRMED_DX.search(doc.text):
        return  # (held-out v33's safety pass) [v33s-naive-unconfirmed-dx] "diagnosis not confirmed ... No treatment given."
    affirmed = f.affirmed or _own_dash_no(doc, f) or _negated_from_other_clause(doc, f) or _negated_after_it(doc, f)
    affirmed = affirmed or _refused_recommendation(doc, f) or _none_after_treatment(doc, f)
    affirmed = affirmed or _never_it_after_refusal(doc, f)
    if affirmed and _DAY_DOSE_NOT_GIVEN.fullmatch(doc.text[f.start : f.end]) and _COURSE_RECORDED.search(doc.text):
        return  # (held-out v28) [v28-naive-not-given] "C3D1 today ... No chemotherapy given.": a day's dose, not history
    if (affirmed or _planned_beside(f)) and (f.section != "plan" or _NAIVE_HISTORY.search(doc.text[f.start : f.end])):
        out.naive.append(_evidence(doc, f))


# (held-out v33's safety pass, issue 13) [v33s-naive-concomitant] A field for the drugs given beside the current one
# answered none ("Concomitant anticancer therapy: none", "concurrent systemic treatment - nil"): the current drug is
# given alone (a monotherapy statement), not "no therapy ever".
_ALONGSIDE_BEFORE = re.compile(r"\b(?:concomitant|concurrent|co-?administered|additional|combination|add-?on)\s+$", re.I)
# [v33s-naive-unconfirmed-dx] A bare generic "No treatment given." in a document that says no cancer is diagnosed yet
# ("diagnosis not confirmed", "no tissue diagnosis"): nothing given on that visit, no history of cancer therapy. A named
# cancer treatment ("no chemotherapy given") or "treatment-naive" stays naive.
_BARE_NONE_GIVEN = re.compile(r"no\s+(?:treatment|therapy|tx|rx)\s+(?:(?:was|has\s+been)\s+)?(?:given|received|administered)", re.I)
_UNCONFIRMED_DX = re.compile(
    r"\b(?:diagnosis|dx)\s+(?:(?:is|was|remains|still|yet)\s+)*(?:not\s+(?:yet\s+)?(?:confirmed|established|made|proven)|"
    r"unconfirmed|unproven)\b|\bno\s+(?:confirmed|tissue|histologic(?:al)?|pathologic(?:al)?)\s+diagnosis\b",
    re.I,
)


# (held-out v25, issue 13's twenty-sixth pass) [v25-naive-refused-then-none] "recommended, patient refused; no chemo
# given": the recommendation before it is what was refused, so its hypothetical cue does not reach the refusal's own
# statement of none given (the statement begins with the refusal); any other cue (negation, another person) still does.
# A refusal that is itself a condition ("if she refuses, no chemo given") stays hypothetical.
_REFUSAL_FIRST = re.compile(r"(?:declin|refus)\w*\b", re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:if|should|unless|in\s+case|whether|would)\b[^.;:\n]*$", re.I)


def _refused_recommendation(doc: TextDoc, f: Finding) -> bool:
    before = doc.text[max(0, f.start - 40) : f.start]
    return bool(
        f.modifiers & EXCLUDING == {"HYPOTHETICAL"}
        and _REFUSAL_FIRST.match(doc.text, f.start)
        and not _CONDITION_BEFORE.search(before)
    )


# (held-out v11, issue 13's twelfth pass) [v11-naive-after-dash] "Not on treatment yet - no chemo or immunotherapy so
# far": the checklist answer "- no" (context.yaml) negates the naive statement it begins; its own "no" is the statement.
_DASH_BEFORE = re.compile(r"[-\u2013\u2014]\s*$")
_STARTS_NO = re.compile(r"no\b", re.I)


def _own_dash_no(doc: TextDoc, f: Finding) -> bool:
    return bool(
        f.modifiers & EXCLUDING == {"NEGATED_EXISTENCE"}
        and f.section not in NOT_OWN_SECTIONS
        and _DASH_BEFORE.search(doc.text[max(0, f.start - 4) : f.start])
        and _STARTS_NO.match(doc.text, f.start)
    )


# (held-out v28, issue 13's twenty-ninth pass) [v28-naive-none-after-tx] A cancer treatment named, then a clause of its
# own saying none of it was given ("no chemotherapy available locally, none given", "Family declined chemotherapy; he has
# never had any"): the earlier clause's "no" or "declined" (and a relative who declined) is that clause's, not a denial
# of the statement. The statement's clause must begin after a comma or a semicolon with "none" or the patient.
_NONE_AFTER_CLAUSE = re.compile(
    r"[,;]\s*(?:and\s+|so\s+|but\s+)?(?:none\s+(?:was\s+|were\s+|has\s+been\s+|ever\s+)?(?:given|received|administered)"
    r"|(?:he|she|they|the\s+patient|pt|patient)\s+(?:has|have|had)\s+never\s+(?:had|received|been\s+given|taken)\s+any)$",
    re.I,
)
# [v28-naive-not-given] a bare "No chemotherapy given." / "Chemotherapy not administered." in a text that records a
# course's cycle or day, or a dose held, is that day's dose.
_DAY_DOSE_NOT_GIVEN = re.compile(
    r"(?:(?!ever\b|yet\b|prior\b|previous\w*\b)[\w/,-]+\s+){1,4}?(?:was\s+|were\s+|has\s+|have\s+)?(?:not|never)\s+"
    r"(?:been\s+)?(?:administered|given|received|started|provided)"
    r"|no\s+(?:(?!ever\b|yet\b|prior\b|previous\w*\b)[\w/,-]+\s+){1,6}?(?:was\s+|were\s+)?(?:given|received|administered)",
    re.I,
)
_COURSE_RECORDED = re.compile(
    r"\b(?:cycle|c)\s*#?\s*[1-9]\d?\b(?:\s*,?\s*d(?:ay)?\s*\d{1,2})?|\bcycle\s+(?:one|two|three|four|five|six)\b"
    r"|\b(?:held|withheld|on\s+hold|deferred|postponed)\b",
    re.I,
)


# [v28-naive-never-it] the pronoun's treatment: a cancer treatment named in the 240 characters before, no symptom word
# between it and the statement, and "before" / "previously" in the statement or "ever" in the text before it.
_NEVER_IT = re.compile(
    r"(?:i|i['\u2019]ve|i\s+have|he|she|they|(?:the\s+)?(?:patient|pt))(?:\s+(?:has|have|had))?\s+never\s+"
    r"(?:had|received|taken|took|been\s+given|been\s+on)\s+(?:any\s+of\s+)?(?:this|these|it|them|that)\b",
    re.I,
)
_SYMPTOM = re.compile(
    r"\b(?:pain|aches?|headaches?|cough\w*|rash\w*|nausea|vomit\w*|diarrh\w*|fever\w*|symptoms?|seizures?|bleed\w*|"
    r"dizz\w*|numb\w*|tingl\w*|swell\w*|itch\w*|breathless\w*|dyspn\w*|fatigue|reaction|side\s+effects?|scan|surgery|"
    r"operation|biopsy|bronchoscopy|test)\b",
    re.I,
)


def _never_it_of_treatment(doc: TextDoc, f: Finding) -> bool:
    before = doc.text[max(0, f.start - 240) : f.start]
    named = [m.end() for m in _TREATMENT_BESIDE.finditer(before)] + [m.end() for m in _drugs().finditer(before)]
    if not named or _SYMPTOM.search(before, max(named)):
        return False
    own = doc.text[f.start : f.end]
    return bool(re.search(r"\b(?:before|previously|life)\b", own, re.I) or re.search(r"\bever\b", before, re.I))


# (held-out v29, issue 13's thirtieth pass) [v29-naive-never-it] The patient's "I never took any of it" right after a
# refusal of the treatment named ("declined chemo and radiation: 'I never took any of it and I won't.'"): the
# refusal's negative is the refusal's, the statement of none taken stands, and the refusal stands for v28's
# "before" / "ever". A refusal that is a condition ("if she declines chemo, ...") does not.
_REFUSED_BEFORE = re.compile(r"\b(?:declin|refus)\w*\b[^.;\n]{0,80}$", re.I)


def _refusal_before(doc: TextDoc, f: Finding) -> bool:
    before = doc.text[max(0, f.start - 120) : f.start]
    refusal = _REFUSED_BEFORE.search(before)
    return bool(refusal and _TREATMENT_BESIDE.search(refusal.group(0)) and not _CONDITION_BEFORE.search(before))


def _never_it_after_refusal(doc: TextDoc, f: Finding) -> bool:
    return bool(
        _NEVER_IT.match(doc.text, f.start)
        and f.modifiers & EXCLUDING == {"NEGATED_EXISTENCE"}
        and f.section not in NOT_OWN_SECTIONS
        and _refusal_before(doc, f)
    )


# (held-out v29) [v29-naive-one-cancer] A none-answer scoped to one cancer ("no treatment yet for the lung tumour",
# "dosud bez léčby plicního nádoru") in a text naming another primary (a breast cancer treated with doxorubicin): naive
# of that cancer only, not of all systemic therapy, so no naive fact. Unscoped, or with no other primary, it stands.
_ONE_CANCER_AFTER = re.compile(
    r"[^.;\n]{0,30}?(?:\bfor\s+(?:the|his|her|this|their)\s+(?:new\s+)?(?:lung|colon|colorectal|rectal|bowel)\s+"
    r"(?:tumou?r|cancer|primary|malignancy)\b|\s(?:plicn[íi]ho|st[řr]evn[íi]ho)\s+n[áa]doru\b)",
    re.I,
)
_SCOPE_FAMILY = {"lung": r"lung|plic", "colon": r"colo|colon|rect|bowel|st[řr]ev"}


def _scoped_to_one_cancer(doc: TextDoc, f: Finding) -> bool:
    scope = _ONE_CANCER_AFTER.match(doc.text, f.end)
    if not scope:
        return False
    family = next((v for v in _SCOPE_FAMILY.values() if re.search(v, scope.group(0), re.I)), "")
    others = [m.group(0) for m in patterns()["other_primary"].finditer(doc.text)]
    return any(not (family and re.match(family, o, re.I)) for o in others)


def _none_after_treatment(doc: TextDoc, f: Finding) -> bool:
    if not f.modifiers & EXCLUDING or f.modifiers & EXCLUDING - {"NEGATED_EXISTENCE", "FAMILY"}:
        return False
    return f.section not in NOT_OWN_SECTIONS and bool(_NONE_AFTER_CLAUSE.search(doc.text[f.start : f.end]))


# (held-out v13, issue 13's fourteenth pass) [v13-naive-own-negative] A naive statement worded with its own negative
# ("has never had chemotherapy", "has had no drug treatment") that a cue of an earlier clause negates ("no adjuvant
# therapy - has never had chemotherapy", "chose not to have chemo and has had no drug treatment"): that clause's "no"
# is a statement of its own, not a denial of this one. A naive word without its own negative ("not treatment-naive")
# and a negative in its own clause ("it is not true that she has had no chemo") stay negated.
_OWN_NEGATIVE = re.compile(r"^(?:[\w']+\s+){0,2}(?:no|never|not|nil|none)\b|^(?:[\w']+\s+){0,2}\w+n[o'\u2019]t\b", re.I)
_CLAUSE_BREAK = re.compile(r"\s[-\u2013\u2014]\s|[;,:(]|\b(?:and|but)\b", re.I)
_NEGATIVE_WORD = re.compile(
    r"\b(?:no|not|never|without|denies|denied|decline[sd]?|refuse[sd]?|neither|nor|true|false)\b|n[o'\u2019]t\b", re.I
)


def _only_negated_with_own_negative(doc: TextDoc, f: Finding) -> bool:
    """A naive statement whose only modifier is a negation, outside family history and allergies, that carries a
    negative of its own ("no chemo"): the shape the two clause rules below re-read. (held-out v22, issue 13's
    twenty-third pass) [v22-naive-offer-before] A negation with a doubt of an offer or a recommendation is the same
    shape when that doubt's cue is in an earlier clause too ("declined the carboplatin offered in May and has not
    received any cancer treatment", "no chemo was recommended and I have never had chemo"): the clause rule then
    finds no negative or doubt word in the statement's own clause ("if he has had no chemo", "would have had no chemo")."""
    kinds = f.modifiers & EXCLUDING
    if kinds == {"NEGATED_EXISTENCE", "HYPOTHETICAL"}:
        before = doc.text[f.sentence_start : f.start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if not breaks or not _OFFER_CUE.search(before[: breaks[-1].start()]) or _DOUBT_WORD.search(before[breaks[-1].end() :]):
            return False
    elif kinds != {"NEGATED_EXISTENCE"}:
        return False
    return f.section not in NOT_OWN_SECTIONS and bool(_OWN_NEGATIVE.search(doc.text[f.start : f.end]))


_OFFER_CUE = re.compile(r"\b(?:offered|recommended|proposed|suggested|advised)\b", re.I)
_DOUBT_WORD = re.compile(
    r"\b(?:if|unless|whether|would|should|could|may|might|will|to\s+be|planned|plan|once|when|until|assuming)\b", re.I
)


def _negated_from_other_clause(doc: TextDoc, f: Finding) -> bool:
    if not _only_negated_with_own_negative(doc, f):
        return False
    before = doc.text[f.sentence_start : f.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return bool(breaks) and not _NEGATIVE_WORD.search(before[breaks[-1].end() :])


# (held-out v17, issue 13's eighteenth pass) [v17-naive-own-negative-after] The same, its cue in a clause after it ("never
# received any chemotherapy - he refused it in 2025"): that clause's refusal is a statement of its own. A negative or a
# correction in its own clause ("had no chemo, not true", "never had chemo? no") keeps it negated.
_CLAUSE_END = re.compile(r"\s[-\u2013\u2014]\s|[;,:()?]|\b(?:and|but)\b", re.I)
_DENIED_AFTER = re.compile(r"\b(?:false|untrue|incorrect|inaccurate|wrong|not\s+(?:true|correct|accurate|so))\b", re.I)


def _negated_after_it(doc: TextDoc, f: Finding) -> bool:
    if not _only_negated_with_own_negative(doc, f):
        return False
    before = doc.text[f.sentence_start : f.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if _NEGATIVE_WORD.search(before[breaks[-1].end() :] if breaks else before):
        return False  # "it is not true that she has had no chemo": negated in its own clause
    after = doc.text[f.end : f.sentence_start + len(f.sentence)]
    end = _CLAUSE_END.search(after)
    if end is None or end.group(0) == "?" or _NEGATIVE_WORD.search(after[: end.start()]):
        return False
    return not _DENIED_AFTER.search(after)


# (held-out v17) the naive statement's own "nothing" needs a cancer treatment beside it on its line; and a later answer
# that the patient is not naive decides.
_NOTHING = re.compile(r"(?:[\w']+\s+){0,2}nothing\b(?![^\n]*\bfor\s+(?:the|this|her|his|their|its)\s+(?:cancer|malignancy|tumou?r|disease))", re.I)
_TREATMENT_BESIDE = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|tx|chemo\w*|immunotherap\w*|regimens?|sact|cycles?|c1d1|infusions?)\b", re.I
)


def _treatment_beside(doc: TextDoc, f: Finding) -> bool:
    line = _line(doc, f).replace(doc.text[f.start : f.end], " ")
    return bool(_TREATMENT_BESIDE.search(line) or _drugs().search(line))


# (held-out v21, issue 13's twenty-second pass) [v21-naive-none-proposed] "no neoadjuvant therapy proposed", "no
# systemic therapy planned / offered / suggested": a decision about what is to come, not a history of none given. A
# history word in the statement ("no prior chemo ... planned" is odd but says the past) keeps it; "no adjuvant chemo
# required" after an operation done stays naive ([v18-naive-shapes]).
_NONE_PROPOSED_AFTER = re.compile(
    r"\s*(?:(?:is|was|has\s+been|were)\s+)?(?:currently\s+)?(?:proposed|planned|suggested|offered|scheduled|intended)\b", re.I
)
# (held-out v24, issue 13's twenty-fifth pass) [v24-naive-shapes] "no treatment yet planned / decided / arranged": its
# "yet" is the plan's, not a history of none given ("no treatment yet" alone stays naive).
_YET_PLANNED = re.compile(
    r"\s*(?:been\s+)?(?:planned|proposed|decided|arranged|scheduled|agreed|offered|recommended|discussed|finali[sz]ed)\b",
    re.I,
)
_NAIVE_HISTORY_WORD = re.compile(r"\b(?:prior|previous|previously|ever|before|received|had|given|yet|to\s+date|so\s+far)\b", re.I)


_NOT_NAIVE_AFTER = re.compile(
    r"\b(?:is|was|are|were)\s+(?:not|n[o'\u2019]t)\s+(?:(?:truly|really|actually)\s+)?(?:treatment|therapy|tx|chemo(?:therapy)?)"
    r"[\s-]?na[i\u00ef]ve\b|\b(?:is|was)n[o'\u2019]?t\s+(?:treatment|therapy|tx|chemo(?:therapy)?)[\s-]?na[i\u00ef]ve\b",
    re.I,
)


# (held-out v9, issue 13's tenth pass) [v9-naive-beside-plan] A plan in the same sentence ("chemoradiation planned to
# start next month - nothing given yet, no prior treatment of any sort", "FOLFOX to start next week - no chemo yet")
# makes the plan hypothetical, not the history: a naive wording of history stays naive. A condition ("if no prior
# therapy ...", "should she be treatment-naive") keeps it hypothetical.
_CONDITION_WORD = re.compile(r"\b(?:if|unless|whether|should|in\s+case|assuming|provided|when)\b|\?", re.I)
# (held-out v20, issue 13's twenty-first pass) [v20-naive-shapes] "... as planned (first treatment, nothing before)": a
# first course with nothing before it, or a course the first "ever", is history too.
_NAIVE_PAST = re.compile(
    r"na[i\u00ef]ve|\bprior\b|\bprevious|\bnever\b|\byet\b|to\s+date|so\s+far|of\s+any\s+(?:sort|kind|type)"
    r"|\b(?:none|nothing)\s+before\b|\bever\b",
    re.I,
)


def _planned_beside(f: Finding) -> bool:
    if f.modifiers != frozenset({"HYPOTHETICAL"}) or not _NAIVE_PAST.search(f.sentence[f.start - f.sentence_start :]):
        return False
    return not _CONDITION_WORD.search(f.sentence)


# (held-out v9) [v9-naive-corrected] A naive statement the note calls wrong right after it ("- INCORRECT:", "(not
# accurate)", "was wrong", "is in error").
_CORRECTED_AFTER = re.compile(
    r"[^.;\n]{0,30}?(?:\b(?:incorrect|inaccurate|erroneous|false|untrue|not\s+(?:correct|accurate|true))\b(?!\s+positive)|\b(?:is|was)\s+(?:wrong|in\s+"
    r"error|mistaken)\b)",
    re.I,
)


# (held-out v10, issue 13's eleventh pass) [v10-naive-review-finds] A naive statement the note's own review contradicts
# in the same sentence ("pt says she is chemo-naive, but on review she received pembrolizumab", "... but in fact had
# FOLFOX"): the review decides. A conflict between two sources ("naive per patient, but records show ...") stays one.
_REVIEW_FINDS_AFTER = re.compile(
    r"[^.;\n]{0,40}?\bbut\s+(?:on\s+(?:(?:chart|record)\s+)?review|in\s+fact|actually|on\s+checking)\b"
    # (held-out v21, issue 13's twenty-second pass) an addendum's correction right after it ('"..., no chemo" -
    # ADDENDUM: correction, records show ...')
    r"|[^.;\n]{0,40}?\b(?:correction|corrected)\s*[:,\u2013-]",
    re.I,
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


# (held-out v26, issue 13's twenty-seventh pass) [v26-naive-prior-field] the ticked yes in the prior row's own sentence
# ("Prior systemic: none. ... ILD: [x] yes" is another field's answer, after a full stop and a capital)
_PRIOR_TICKED_YES = re.compile(
    r"^[^\n]*\bprior\b(?:[^\n.]|\.(?!\s+(?-i:[A-Z])))*?(?:☒|☑|\[\s?x\s?\])\s*y(?:es)?\b", re.I | re.M
)
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
    r"|\bever\b|so\s+far|\byet\b"
    # (held-out v40, issue 13's forty-first pass) [t41-naive-first-of-any-kind] "This will be her first treatment of any
    # kind for the cancer" in an A/P: nothing came before it, a statement of history as "first treatment ever" is
    r"|\bfirst\s+(?:[\w-]+\s+){1,2}of\s+any\s+(?:kind|sort|type)\b",
    re.I,
)


def _monotherapy(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    """A statement about the KRAS G12C inhibitor's regimen, current or planned ("will start single-agent"
    counts; "if positive, sotorasib monotherapy would be an option" does not); "pembrolizumab monotherapy"
    is another drug's."""
    if _COMBINATION_ANSWERED_YES.search(doc.text):
        return  # (t41 review fix) "Will the drug be used in combination with other anticancer therapy? [X] Yes"
    answered = _question_answered(doc, f)
    if answered is not None:
        if answered:  # (held-out v18) [v18-mono-question-answered] "Used alone or with other cancer drugs? A: Alone"
            out.monotherapy.append(_evidence(doc, f))
        return
    denial_not_its_own = _negated_in_aside(f) or _start_awaited(f) or _answer_no_before(doc, f)
    modifiers = f.modifiers - ({"NEGATED_EXISTENCE"} if denial_not_its_own else set())
    modifiers -= {"FAMILY"} if _relative_as_source(f) or _relative_is_patient(doc, f) else set()
    if modifiers & {"NEGATED_EXISTENCE", "FAMILY", "POSSIBLE_EXISTENCE", "GENERAL"} or f.section == "family_history":
        return
    past = _PAST_REGIMEN.search(f.sentence)
    at = f.start - f.sentence_start
    if past and past.start() > at and (_SUBJECT_WITH.search(f.sentence, at, past.start()) or _other_history(f, past)):
        past = None  # (held-out v10) "... as single-agent therapy for this enrollee with ... previously treated with X"
    if past and past.start() > at and _another_cell(f.sentence, at, past):
        past = None  # (held-out v18) [v18-mono-past-other-cell] "... monotherapy, study X | ... | Prior therapy: none"
    if past and _own_course_word(f.sentence, past) and _only_inhibitor_named(f):
        past = None  # (held-out v16) [v16-mono-past-own] "was on sotorasib monotherapy until 09/2026": its own course
    if past and past.start() < at and _past_in_other_item(f.sentence, at, past):
        past = None  # (held-out v28) [v28-mono-past-other-item] "Criteria met: prior platinum, single-agent use"
    if past and past.start() > at and _in_negated_aside(f.sentence, at, past.start()):
        past = None  # (held-out v24) [v24-mono-aside-reason] "sotorasib single agent (no panitumumab - prior ... toxicity)"
    if past and not _NOW.search(f.sentence, past.end(), max(past.end(), f.start - f.sentence_start)):
        return  # an earlier regimen, not this request ("received carboplatin ... and now sotorasib monotherapy" is now)
    cue = _NOT_THE_REGIMEN.search(_partner_declined_out(_APPROVAL_CONDITION.sub(" ", _own_clause(f))))
    if cue and not _offer_requested(doc, f, cue):
        return  # a condition, an option or an offer (declined), not the regimen
    if _UNCHOSEN_BEFORE.search(_line_before(doc, f)) or _unchosen_alternative(doc, f):
        return  # (held-out v15) [v15-mono-unchosen-drug] "Requested agent: {sotorasib/adagrasib} as monotherapy"
    named = _drug_named_near(doc, f)
    if named is not None and not named:
        return  # the drug it qualifies is not a KRAS G12C inhibitor
    if named is None and _OTHER_CLASS_AFTER.match(doc.text, f.end):
        return  # (t37s) [t37s-mono-other-class] "single-agent immunotherapy", "single-agent chemo": another drug class
    if not named and _STRATEGY_AFTER.match(doc.text, f.end):
        return  # (held-out v10) [v10-single-agent-approach] "recommend single-agent approach": no drug, a strategy
    if f.value == "alone" and not (
        named
        or any(_g12c_inhibitors(_line(doc, f)))
        or any(_g12c_inhibitors(f.sentence))
        or _named_before(doc, f)
        or _named_in_wrapped_sentence(doc, f)
    ):
        return  # "taken alone", "no other anticancer agents": only beside the KRAS G12C inhibitor
    if f.value == "alone" and named is None and _other_drug_before(doc, f):
        return  # (held-out v18) [v18-mono-other-drug-before] "pembrolizumab q6w. No other systemic therapy. ... adagrasib"
    if _combination(f.sentence) or _combination(_line_from_now(doc, f)):
        return  # "adagrasib + cetuximab; no other drugs": a combination, whatever else is excluded
    if f.value == "alone" and not any(_g12c_inhibitors(f.sentence)) and _partner_in_inhibitor_sentence(doc, f):
        return  # (review fix) [t40-mono-none-given-with-it] "sotorasib plus panitumumab. No chemo ... given with it"
    if _inhibitor_never_given(doc.text):
        return  # (held-out v13) [v13-never-started] "he NEVER started it ... No other cancer medicines": no regimen
    out.monotherapy.append(_evidence(doc, f))


# (held-out v37's safety pass, issue 13, t37s) [t37s-mono-other-class] A single-agent word whose object, next to it,
# is a class of other drugs and names no drug ("discuss single-agent immunotherapy vs hospice", "single agent chemo"):
# another regimen's, not the KRAS G12C inhibitor's. "single-agent sotorasib" names the inhibitor and stays; the class
# word must follow the single-agent word itself ("(alone; chemotherapy not resumed)" stays).
_OTHER_CLASS_AFTER = re.compile(
    r"(?<=[a-z])[ \t-]*(?:immuno-?therap\w*|io\b|chemo\w*|checkpoint\s+inhibit\w*|anti-?pd-?l?1\b|cytotoxic\w*|taxanes?\b"
    r"|(?:platinum|pd-?l?1|egfr|alk)\b)",
    re.I,
)


# (held-out v18, issue 13's nineteenth pass, part two) [v18-mono-question-answered] A form's or a call's question about
# the regimen with its answer after it on its line ("Is this medication used alone or with other cancer treatments?  A:
# Alone", "Will the requested drug be used as monotherapy?  A: Yes", "Taking anything else for cancer? Pt: No, just the
# pills", "Given with another anticancer agent?  [ ] Yes  [x] No"): the answer decides, not the question's doubt. A
# question about the regimen alone answered yes / alone, or about another drug with it answered no / alone, is
# monotherapy; the opposite answer ("A: No", "Yes - with cetuximab", "A: Combination") is none. The KRAS G12C
# inhibitor must be named near the question (its form's drug field) and no other anticancer drug beside it in the
# answer. None when the finding is no question's or the answer cannot be read.
_QUESTION_END = re.compile(r"[^?\n]{0,120}\?")
_ANSWER = re.compile(
    r"[ \t\"\u201d\u2019']*(?:(?:a|ans|answer|response|reply|pt|patient|caller|member)\s*[:.\-\u2013]\s*)?[\"\u201c\u2018']?"
    r"(?:(?P<box>(?:[\[(]\s?[\]\)]\s*(?:yes|no)\s*)*[\[(]\s?x\s?[\])]\s*(?P<boxed>yes|no)\b)"
    r"|(?P<word>yes|y|no|n|none|nil|alone|monotherapy|single[\s-]agent|combination|combined|with\b))",
    re.I,
)
_ABOUT_OTHERS = re.compile(
    r"\b(?:with|alongside|plus|besides|combined|together)\b[^?\n]{0,50}\b(?:other|another|any\w*|anything|additional|else)\b"
    r"|\b(?:anything|any\s+other|other)\b[^?\n]{0,40}\b(?:else|with|alongside|for\s+(?:the\s+)?cancer)\b",
    re.I,
)
_ABOUT_ALONE = re.compile(r"\balone\b|\bmonotherapy\b|\bsingle[\s-]agent\b|\bon\s+its\s+own\b", re.I)


def _question_answered(doc: TextDoc, f: Finding) -> bool | None:
    text = doc.text
    start = _line_start(text, f.start)
    asked = text.rfind("?", start, f.start)
    if asked >= 0:  # the finding in the answer after a question on its line ("anything else for cancer? Pt: No, just ...")
        question = text[start : asked + 1]
        a = _ANSWER.match(text, asked + 1)
        if not a or a.end() > f.end or not (_ABOUT_OTHERS.search(question) or _ABOUT_ALONE.search(question)):
            return None
        q_end = asked + 1
    else:
        q = _QUESTION_END.match(text, f.start)
        if not q:
            return None
        question = text[start : q.end()]
        q_end = q.end()
    if not re.search(r"(?:^|\s)(?:q\d*\s*[:.]|is|are|will|was|does|do|did|taking|any|given|used)\b", question, re.I):
        return None
    a = _ANSWER.match(text, q_end)
    if not a:
        return None
    word = (a.group("boxed") or a.group("word") or "").lower()
    asks_partner = _ABOUT_OTHERS.search(question) or pass_t42.bare_combination(question)  # (t42) "in combination?"
    about_others = bool(asks_partner) and not _ABOUT_ALONE.search(question.replace(" or ", " | "))
    if about_others and "alone" in question.lower():
        about_others = False  # "used alone or with other treatments?": asks which; the answer names it
    if word in ("alone", "monotherapy", "single agent", "single-agent"):
        yes = True
    elif word in ("combination", "combined", "with"):
        yes = False
    elif word in ("yes", "y"):
        yes = not about_others
    else:  # no / none / nil
        yes = about_others
    if not yes:
        return False
    rest = text[a.end() : _line_end(text, a.end())]
    near = text[max(0, start - 600) : _line_end(text, q_end) + 300]
    named = _g12c_inhibitors(near)
    if not any(named) or any(not n for n in _g12c_inhibitors(rest)):
        return None if not any(named) else False
    return True


# (held-out v15, issue 13's sixteenth pass) [v15-mono-history-after] A past word after the regimen that speaks of another
# drug's history ("on sotorasib alone (2nd line, prior carbo/pem/pembro)", "adagrasib single agent; previously received
# docetaxel") or of a supply's delivery ("adagrasib single agent via access programme - tabs received, started 11/20"):
# not this regimen's past. A past word about the inhibitor itself ("sotorasib alone previously, now docetaxel") or about
# nothing named stays one.
_SUPPLY_BEFORE = re.compile(
    r"\b(?:tabs?|tablets?|pills?|capsules?|supply|supplies|shipment|delivery|parcel|box(?:es)?|bottles?)\s+(?:was\s+|were\s+)?$",
    re.I,
)

# what may stand between the past word and the drug it governs: "prior carbo", "previously treated with docetaxel",
# "received 4 cycles of FOLFOX"
_OBJECT_GAP = re.compile(r"[\s:,(]*(?:(?:treated|given|on|had)\s+)?(?:with\s+)?(?:\d+\s+(?:cycles?|doses?)\s+of\s+)?", re.I)


def _other_history(f: Finding, past: re.Match[str]) -> bool:
    if _SUPPLY_BEFORE.search(f.sentence[: past.start()]):
        return True
    drug = _drugs().search(f.sentence, past.end())
    if not drug or not _OBJECT_GAP.fullmatch(f.sentence[past.end() : drug.start()]):
        return False  # "approved as monotherapy in previously treated NSCLC and with panitumumab": no object of it
    named = _g12c_inhibitors(drug.group(0))
    return bool(named) and not named[0]


# (held-out v16, issue 13's seventeenth pass) [v16-mono-answer-no] The regimen word that answers a question about other
# drugs after its "no" ('Any other antineoplastic with it? Caller: "No, single agent."', "( ) yes (x) no - single
# agent"): the "no" denies a partner, not the regimen. "No single agent" (no comma or dash) stays negated.
_ANSWER_NO = re.compile(r"\b(?:no|none|nope|nil)\s*[,:\u2013\u2014-]+\s*$", re.I)


def _answer_no_before(doc: TextDoc, f: Finding) -> bool:
    if "NEGATED_EXISTENCE" not in f.modifiers:
        return False
    before = doc.text[max(0, f.start - 12) : f.start]
    if not _ANSWER_NO.search(before):
        return False
    return not _NEGATION_CUE.search(doc.text[f.start : f.end + 30].split("\n")[0])


# (held-out v16) [v16-mono-past-own] A past word in a sentence whose only anticancer drugs named are KRAS G12C inhibitors
# ("He was on sotorasib monotherapy from March until September", "the only cancer pill I was on"): the inhibitor's own
# course alone, since stopped or held, is still a regimen of one. A sentence naming another drug keeps the past rule.
def _only_inhibitor_named(f: Finding) -> bool:
    named = _g12c_inhibitors(f.sentence)
    return all(named) and not _ENDED_NOW.search(f.sentence)


# Only "was on" / "were on" (a course); "previously treated NSCLC", "prior therapy" describe the disease or its history.
# (held-out v18, issue 13's nineteenth pass, part two) [v18-mono-past-own-received] ... and "received" / "previously
# received" / "previously on" ("Previously received sotorasib alone (progressed)"): the inhibitor's own course too.
# (held-out v26) [v26-mono-own-past-course] ... and a "Prior:" field whose entry is the inhibitor's own course ("Prior:
# sotorasib monotherapy 2025 (stopped for hepatotoxicity)").
_ON_BEFORE = re.compile(
    r"(?:was|were)\s+on\b|received\b|previously\s+(?:received|on|took|taken|given|had)\b|had\s+been\s+on\b"
    r"|(?:prior|previous)(?:\s+(?:therap(?:y|ies)|treatments?|tx|lines?|regimens?))?\s*[:=]",
    re.I,
)


# (held-out v18, issue 13's nineteenth pass, part two) [v18-mono-past-other-cell] A past word in a later cell of a
# listing line ("divarasib 400 mg daily, monotherapy | Event: ... | Prior therapy: none"), or one that opens a field
# answered none ("; prior therapy: nil"): another field's history, not this regimen's.
_NONE_FIELD_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:therap(?:y|ies)|treatments?|lines?|tx|sact)\s*[:=-]\s*(?:none|nil|no|0)\b", re.I)


def _own_course_word(sentence: str, past: re.Match[str]) -> bool:
    on = _ON_BEFORE.match(sentence, past.start())
    if not on:
        return False
    if re.fullmatch(r"(?:was|were)\s+on", on.group(0), re.I):
        return True
    drug = _drugs().search(sentence, on.end())  # "received sotorasib alone": the inhibitor is what was received
    return bool(drug) and re.fullmatch(r"[\s:,]*(?:\w+\s+)?", sentence[on.end() : drug.start()]) is not None and all(
        _g12c_inhibitors(drug.group(0)) or [False]
    )


def _another_cell(sentence: str, at: int, past: re.Match[str]) -> bool:
    return bool(re.search(r"[|\t]| {3,}", sentence[at : past.start()]) or _NONE_FIELD_AFTER.match(sentence, past.end()))
# ... unless the sentence says a later drug replaced it ("sotorasib alone previously, now docetaxel").
# (held-out v26, issue 13's twenty-seventh pass) [v26-mono-own-past-course] "now PD - new liver lesions on PET" is a
# reading, not a later drug: an "on" before a study names no treatment.
_ENDED_NOW = re.compile(
    r"\b(?:now|then|switched|changed)\b[^.;\n]{0,40}\b(?:on|to|started|receiv\w+)\b"
    r"(?!\s+(?:the\s+|a\s+|repeat\s+|latest\s+|today'?s\s+)?(?:ct|pet(?:[/-]ct)?|mri|mr|scans?|imaging|x-?rays?)\b)",
    re.I,
)


# (held-out v16) [v16-mono-unchosen-alternative] The regimen word offered beside its alternative, neither chosen
# ("Treatment proposed: ____ (single agent / combination)", "monotherapy or combination?"): a blank choice.
_ALTERNATIVE_AFTER = re.compile(r"\s*(?:/|\bor\b|\|)\s*(?:combination|combo|doublet|combined)\b", re.I)
_ALTERNATIVE_BEFORE = re.compile(r"\b(?:combination|combo|doublet|combined)\s*(?:/|\bor\b|\|)\s*$", re.I)


def _unchosen_alternative(doc: TextDoc, f: Finding) -> bool:
    before = doc.text[max(0, f.start - 20) : f.start]
    return bool(_ALTERNATIVE_AFTER.match(doc.text, f.end) or _ALTERNATIVE_BEFORE.search(before))


# a field of other drugs answered none ("Concurrent onc meds  NONE"): closes its text as "no other cancer medicines" does
_NONE_ANSWER = re.compile(r"\b(?:none|nil|no|n)\s*$", re.I)


# (held-out v15) [v15-mono-start-awaited] A planned regimen whose only negation is a start still awaited ("plan is
# adagrasib on its own, not started yet pending review", "sotorasib alone - not yet begun"): a plan of monotherapy, as
# "will start single-agent" is. A refusal, a stop or a start that never came ("never started") stays negated.
_AWAITED_START = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|commenced|initiated)(?:\s+yet)?\b|\byet\s+to\s+(?:start|begin|commence)\b",
    re.I,
)


def _start_awaited(f: Finding) -> bool:
    if "NEGATED_EXISTENCE" not in f.modifiers or "HYPOTHETICAL" not in f.modifiers:
        return False
    awaited = _AWAITED_START.search(f.sentence, f.end - f.sentence_start)
    if not awaited:
        return False
    rest = f.sentence[: awaited.start()] + " " + f.sentence[awaited.end() :]
    return not _NEGATION_CUE.search(rest)


# (held-out v15, issue 13's sixteenth pass) [v15-mono-unchosen-drug] A template's choice of drugs left unmade just before
# the regimen word ("Agent: {sotorasib/adagrasib} as monotherapy", "[soto | ada] single agent"): no drug was chosen, so
# no regimen of one is stated.
_UNCHOSEN_BEFORE = re.compile(r"(?:\{[^{}\n]*/[^{}\n]*\}|\[[^\[\]\n]*\|[^\[\]\n]*\])\s*(?:as\s+(?:a\s+)?|,\s*)?$")


# (held-out v13, issue 13's fourteenth pass) [v13-never-started] A sentence saying the KRAS G12C inhibitor was never
# started, not started and the plan changed, or no study drug dispensed ("adagrasib ... he NEVER started it",
# "Sotorasib NOT started: ...; plan changed to observation", "single-agent cohort of divarasib intended, but no study
# drug was dispensed"): no regimen of it, whatever a copied plan or a med list's "no other cancer medicines" says. A
# start still awaited ("not started yet", "not started - awaiting delivery", "will start") stays a plan.
_NEVER_GIVEN = re.compile(
    r"\bnever\s+(?:been\s+)?(?:started|took|taken|received|dispensed|begun|began)\b"
    r"|\bno\s+(?:study\s+|trial\s+)?drug\s+(?:was\s+|has\s+been\s+)?(?:dispensed|given|administered|supplied)\b"
    r"|\bnot\s+started\b(?=[^.\n]{0,80}\bplan\s+(?:was\s+)?(?:changed|revised|switched|amended)\b)"
    # (held-out v18) [v18-mono-request-withdrawn] "the request for divarasib single agent (...) is withdrawn"
    r"|(?<=\s)(?:is|was|has\s+been|now)\s+(?:now\s+)?(?:withdrawn|rescinded|cancell?ed)\b",
    re.I,
)
_REQUEST = re.compile(r"\b(?:request|application|order|prescription|referral|enrol+ment)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1024)
def _inhibitor_never_given(text: str) -> bool:
    """The drug named last before the cue, in its sentence, is the KRAS G12C inhibitor ("discontinue pemetrexed
    (pt never took it)" beside a sotorasib order is the pemetrexed's)."""
    for sentence in _SENTENCE_END.split(unwrap(text)):
        for cue in _NEVER_GIVEN.finditer(sentence):
            start = 0
            if re.match(r"(?:is|was|has|now)\b", cue.group(0), re.I):
                requests = list(_REQUEST.finditer(sentence, 0, cue.start()))
                if not requests:
                    continue  # a withdrawal of something other than a request
                start = requests[-1].end()  # the drug the request names, not one before it
            named = _g12c_inhibitors(sentence[start : cue.start()])
            if named and named[-1]:
                return True
    return False


# (held-out v10, issue 13's eleventh pass) [v10-single-agent-approach] "single-agent approach", "monotherapy strategy"
# with no drug named near: a kind of plan weighed, not the KRAS G12C inhibitor's regimen.
_STRATEGY_AFTER = re.compile(r"[\s-]*(?:approach|strategy|strategies|options?|pathway)\b", re.I)


# (held-out v24, issue 13's twenty-fifth pass) [v24-mono-approval-condition] a plan's only condition is its funding
# ("agreed plan: sotorasib alone as first treatment, if insurer approves", "adagrasib monotherapy if approved"): a plan
# awaiting a payer, as a request is, not a clinical condition ("if positive", "if PD-L1 high" stay conditions).
_APPROVAL_CONDITION = re.compile(
    r"\bif\s+(?:(?:the|his|her|their)\s+)?(?:insurer|insurance|payer|plan|scheme|funder|funding|coverage|committee|court|"
    r"cdf|nhis|medicare|medicaid|hmo|pbm|access\s+programme|access\s+program)?\s*(?:approves?|approved|agrees?|covers?|"
    r"pays?|funds?|funded|grants?|authori[sz]es?|authori[sz]ed|accepts?)\b",
    re.I,
)


# (held-out v24) [v24-mono-aside-reason] A past word inside a parenthesis after the regimen word that opens with a
# negative: the aside gives the reason a partner is left out ("single agent (no panitumumab - prior anti-EGFR skin
# toxicity)"), its history is the partner's, not this regimen's past.
def _in_negated_aside(sentence: str, at: int, past_at: int) -> bool:
    opened = sentence.rfind("(", at, past_at)
    if opened < 0 or ")" in sentence[opened:past_at]:
        return False
    return re.match(r"\(\s*(?:no|not|without|nil)\b", sentence[opened:], re.I) is not None


# (held-out v9) [v9-i-would-give] "I would give it as a single agent": the writer's own recommendation is a plan.
_NOT_THE_REGIMEN = re.compile(
    r"\b(?:if|could|whether|option|options|offered|declined|refused)\b|(?<!\bi\s)(?<!\bwe\s)\bwould\b"
    # (held-out v18) [v18-mono-term-asked] the word asked about ("asking what the nurse meant by single agent")
    r"|\bmeant\s+by\b|\bmeaning\s+of\b|\bwhat\b[^.?\n]{0,40}?\bmeans?\b"
    # (held-out v20, issue 13's twenty-first pass, part two) [v20-mono-box-blank] a form's box named and left unanswered
    # ("monotherapy box left blank by prescriber", "single-agent field not ticked"): no regimen stated
    r"|\b(?:box|field|item|checkbox|tick\s?box)\s+(?:(?:was|is|has\s+been)\s+)?(?:left\s+)?(?:blank|empty|unticked|unchecked|"
    r"unanswered|not\s+(?:ticked|checked|marked|answered|completed))\b",
    re.I,
)


# (held-out v8) Words that put a regimen in the past: "previously on sotorasib + panitumumab (stopped 9/2026). Now
# resuming sotorasib alone": the earlier sentence's combination on the same wrapped line is not today's regimen.
# (held-out v13) [v13-copied-plan] ... or text copied from an earlier visit ('(Visit 1 text) "Plan: sotorasib with
# carboplatin" ... (Today) Final plan: sotorasib alone'): the copy is not today's regimen.
_ENDED = re.compile(
    r"\b(?:previously|formerly|was\s+on|were\s+on|stopped|discontinued|d/c'?d|copied|copy-?forward|carried[\s-]forward|"
    r"(?:earlier|prior|previous|last)\s+(?:visit|note)|visit\s+\d{1,2})\b",
    re.I,
)


def _line_from_now(doc: TextDoc, f: Finding) -> str:
    line = _line(doc, f)
    at = line.find(f.sentence.strip()[:40])
    if at > 0 and (_ENDED.search(line[:at]) or _DENIED_QUESTION.search(line[:at])):
        return line[at:]
    return line


# (held-out v15, issue 13's sixteenth pass) [v15-mono-combination-denied] A combination asked about and answered no on the
# same line ("Sotorasib with cetuximab? No - mixed up with bed 2; this one: sotorasib alone"): the combination is not this
# regimen; the sentence after the answer is.
_DENIED_QUESTION = re.compile(r"\?\s*(?:[-:]\s*)?(?:no|nope|negative|incorrect|wrong)\b", re.I)


# (held-out v10, issue 13's eleventh pass) [v10-for-this-patient-with] the request's subject described after the
# regimen: an earlier treatment in the description is the patient's history, not this regimen's
_SUBJECT_WITH = re.compile(
    r"\b(?:for|in)\s+(?:this|our|my)\s+(?:patient|pt|member|enrol+ee|beneficiary|man|woman|gentleman|lady)\s+with\b",
    re.I,
)
# (held-out v19) [v19-mono-records-received] "records received:", "notes received" is a document's receipt, not a
# regimen received before.
_PAST_REGIMEN = re.compile(
    # (held-out v26) [v26-mono-supply-received] a pack, bottle or supply received is the drug arriving, not a course
    r"\b(?:(?<!records\s)(?<!notes\s)(?<!documents\s)(?<!results\s)(?<!letter\s)(?<!fax\s)(?<!pack\s)(?<!packs\s)"
    r"(?<!bottle\s)(?<!box\s)(?<!supply\s)(?<!delivery\s)(?<!shipment\s)(?<!parcel\s)(?<!refill\s)received(?!\s*:)|was\s+on|"
    r"previously|prior(?!\s+auth))\b",
    re.I,
)
_NOW = re.compile(r"\b(?:now|currently|presently|today)\b", re.I)
# "this medication", "the drug", "it": a regimen word about a drug named in the sentence before.
# (held-out v28, issue 13's twenty-ninth pass) [v28-mono-study-drug] "trial drug", "study drug", "investigational
# product" stand for the drug named just before ("divarasib ... from trial; trial drug taken alone daily")
_THIS_DRUG = re.compile(
    r"\b(?:this|the|that)\s+(?:medication|medicine|drug|pill|tablet)s?\b|\bit\b"
    r"|\b(?:trial|study|investigational)\s+(?:drug|medication|medicine|agent|product)s?\b",
    re.I,
)


# (held-out v28, issue 13's twenty-ninth pass) [v28-mono-past-other-item] A list after a colon whose items are
# comma-separated ("Criteria met: prior platinum, single-agent use"): a past word in an earlier item is that item's
# history, not this regimen's, when the finding's own item names no drug ("Prior therapy: carboplatin, sotorasib
# single-agent" names one: a history).
_LIST_AFTER_COLON = re.compile(r":\s*[^:,;.]*$")


def _past_in_other_item(sentence: str, at: int, past: re.Match[str]) -> bool:
    if not _LIST_AFTER_COLON.search(sentence[: past.start()]):
        return False
    between = sentence[past.end() : at]
    if "," not in between or ";" in between:
        return False
    own_item = sentence[past.end() + between.rfind(",") + 1 : at]
    return not _drugs().search(own_item) and not _drugs().search(sentence[at : at + 40].split(",")[0])


def _named_before(doc: TextDoc, f: Finding) -> bool:
    """The sentence speaks of "this medication" and the text just before it names only a KRAS G12C inhibitor
    ("Medication taught: sotorasib. Pt will take this medication by itself"); or (held-out v9) [v9-no-other-after-list]
    it closes a medication list whose only anticancer drug is one ("1. LUMAKRAS 240 mg ... 2. Atorvastatin ... No other
    cancer medicines per daughter")."""
    if (
        _NO_OTHER_CANCER.match(doc.text, f.start)
        or _SOLE_CANCER.match(doc.text, f.start)
        or _NONE_ANSWER.search(doc.text, f.start, f.end)
    ):
        before = _HISTORY_FIELD.sub(" ", doc.text[max(0, f.sentence_start - 600) : f.sentence_start])
        named = _g12c_inhibitors(before)
        return bool(named) and all(named) and not _inhibitor_held(before)  # a drug on hold is no regimen now
    if not _THIS_DRUG.search(f.sentence):
        return False
    named = _g12c_inhibitors(doc.text[max(0, f.sentence_start - 200) : f.sentence_start])
    return bool(named) and all(named)


# (held-out v38, issue 13's thirty-ninth pass) [t39-mono-concurrent-none-request] A request form's field of drugs given
# alongside answered none ("Drug requested: sotorasib ... Prior systemic therapy: carboplatin/paclitaxel/pembrolizumab
# ... Concurrent antineoplastics: none"): the drugs of a prior-therapy field are history, not partners, so the drug
# named before the answer is the requested inhibitor alone. A current-medication line naming another anticancer drug
# ("Current oncology meds: pembrolizumab") still counts.
_HISTORY_FIELD = re.compile(
    r"^[ \t*\u2022-]*(?:prior|previous|past)\s+(?:(?:systemic|anti-?cancer|anti-?neoplastic|oncologic|cancer|chemo)\s+)?"
    r"(?:therap(?:y|ies)|treatments?|tx|regimens?|lines?)(?:\s*\([^)\n]{0,40}\))?\s*:[^\n]*",
    re.I | re.M,
)


# (held-out v38, issue 13's thirty-ninth pass) [t39-mono-partner-declined] A refusal whose object is another anticancer
# drug ("Request: Lumakras 960 mg daily alone for mCRC, pt declined further panitumumab due to rash"): the reason the
# partner is left out, not a refusal of the regimen. A refusal of the inhibitor itself ("pt declined sotorasib"), of a
# class ("declined chemotherapy") or with no object ("offered; pt declined") still makes the regimen no plan.
_DECLINED_OBJECT = re.compile(
    r"\b(?:declined|declines|refused|refuses)\s+(?:(?:further|more|continued|ongoing|additional|the|any|her|his)\s+){0,2}"
    r"(?P<drug>[a-z][\w-]+)",
    re.I,
)


def _partner_declined_out(clause: str) -> str:
    def blank(m: re.Match[str]) -> str:
        return " " if _g12c_inhibitors(m.group("drug")) == [False] else m.group(0)

    return _DECLINED_OBJECT.sub(blank, clause)


# (held-out v38, issue 13's thirty-ninth pass) [t39-mono-offer-requested] An offer whose prior authorization is on its
# way in the same line ("sotorasib monotherapy offered given poor PS for chemo; PA to be sent", "adagrasib alone
# offered - prior auth submitted"): the offer taken up, a request of that regimen. An offer with no request after it,
# or with a refusal on its line ("offered; PA to be sent if she agrees", "offered, pt declined"), stays an offer.
# (session 28 review) The request must be the PA or the drug's own: "records request sent to outside hospital" is no
# request of the regimen, and the offer stays an offer.
_REQUEST_SENT = re.compile(
    r"\b(?:(?:pa|prior\s+auth(?:ori[sz]ation)?|authori[sz]ation)(?:\s+request)?|(?:sotorasib|adagrasib|divarasib|lumakras|krazati"
    r"|drug|medication|regimen|therapy|treatment)\s+request)\s+(?:(?:to\s+be|will\s+be|being|was|has\s+been|is)\s+)?"
    r"(?:sent|submitted|filed|faxed)\b",
    re.I,
)
_REFUSAL_OR_CONDITION = re.compile(r"\b(?:declin\w*|refus\w*|if|unless|whether|once\s+(?:she|he|they)\s+(?:agrees?|decides?))\b", re.I)


def _offer_requested(doc: TextDoc, f: Finding, cue: re.Match[str]) -> bool:
    if cue.group(0).lower() != "offered":
        return False
    rest = doc.text[f.end : _line_end(doc.text, f.end)]
    sent = _REQUEST_SENT.search(rest)
    return bool(sent) and not _REFUSAL_OR_CONDITION.search(_line(doc, f))


_NO_OTHER_CANCER = re.compile(
    r"no\s+other\s+(?:anti-?cancer|anti-?neoplastic|cancer(?:[\s-](?:directed|specific|related))?|oncology|onc|oncologic|chemo(?:therapy)?)\s+(?:medicines?|medications?|meds|drugs?"
    r"|therap(?:y|ies)|treatments?|agents?|orders?|products?|tablets?|capsules?|injections?|infusions?|pills?)\b",
    re.I,
)
# (held-out v15) [v15-mono-sole-before] ... and the same for "only cancer medication", "sole antineoplastic on profile",
# "nothing else for cancer" closing a text whose only anticancer drug named before is one.
_SOLE_CANCER = re.compile(
    r"(?:the\s+)?(?:sole|only)\s+(?:anti-?cancer|anti-?neoplastic|cancer|oncology|oncolytic|sact)\b"
    r"|nothing\s+else\s+for\s+(?:(?:the|her|his|their)\s+)?(?:cancer|tumou?r)\b",
    re.I,
)
_HELD = re.compile(r"\b(?:hold|held|on\s+hold|stopped|discontinued|ceased|suspended)\b", re.I)


def _inhibitor_held(text: str) -> bool:
    """(held-out v18, issue 13's nineteenth pass, part two) [v18-mono-held-own-line] A hold word on a KRAS G12C
    inhibitor's own line, after its name ("sotorasib 960 mg - on hold for ALT"); one on another drug's line
    ("omeprazole (stopped at start)") holds that drug, not the inhibitor."""
    for m in _drugs().finditer(text):
        if not any(_g12c_inhibitors(m.group(0))):
            continue
        held = _HELD.search(text, m.end(), _line_end(text, m.end()))
        if held and not _RESTARTED.search(text, held.end(), _line_end(text, held.end())):
            return True
    return False


# (held-out v26, issue 13's twenty-seventh pass) [v26-mono-hold-ended] a hold that ends on its line ("held it for 1 week
# for LFT rise; restarting tomorrow", "on hold, resumed 11/20"): the drug is the regimen again.
_RESTARTED = re.compile(r"\b(?:restart\w*|re-start\w*|resum\w*|back\s+on)\b", re.I)
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
    return any(
        a[1] != b[1]
        and _JOINED.match(sentence[a[0].end() : b[0].start()])
        and not (sentence[a[0].end() : b[0].start()].strip() == "," and _SEQUENCE_BEFORE.search(sentence[: a[0].start()]))
        for a, b in pairwise(named)
    )


# (held-out v31, issue 13's thirty-second pass) [v31-mono-after-earlier-drug] "After docetaxel, sotorasib on its own":
# a drug after "after / following / post" and a comma is the earlier course, not the inhibitor's partner (Persian "pas
# az", German "nach", French "après", Spanish "después de / tras"). "docetaxel, sotorasib" with no such word stays joined.
_SEQUENCE_BEFORE = re.compile(
    r"\b(?:after|following|post|s/p|pas\s+az|nach|apr[eè]s|despu[eé]s\s+de|tras)\s*$", re.I
)


# USAN stems of anticancer drugs that are not KRAS G12C inhibitors (those end in -rasib), for a drug word just
# before a "monotherapy" that the vocabulary does not know.
_OTHER_DRUG_STEM = re.compile(
    r"\b\w{3,}(?:mab|zumb|mib|tinib|nib|platin|platyn\w*|taxel|taksel|rubicin|tecan|[cs]itabin[ea]?|trexed)\s*,?\s*"
    r"(?:(?:w|we|em|en|som|in|as|como|i)\s+)?$"
    # (held-out v24) [v24-mono-translated] the same stems in katakana before 単剤 ("ペムブロリズマブ単剤")
    # (held-out v29's safety pass) [v29s-mono-local-stem] "-citabine" spelt the local way ("kapesitabin monoterapi",
    # "gemcitabina en monoterapia"): another drug's single agent
    r"|(?:\u30de\u30d6|\u30cb\u30d6|\u30d7\u30e9\u30c1\u30f3|\u30bf\u30ad\u30bb\u30eb|\u30c6\u30ab\u30f3|\u30b7\u30bf\u30d3\u30f3|\u30c8\u30ec\u30ad\u30bb\u30c9)\s*$",
    re.I,
)


# (held-out v19) [v19-mono-isolated] a KRAS G12C inhibitor spelt the Portuguese or French way ("sotorasibe",
# "adagrasibe"): the same drug (only booleans are returned, so the changed length does not matter).
# (held-out v27) [v27-mono-inflected-inhibitor] ... or with a Finnish or Baltic ending ("sotorasibi", "adagrasibs").
_ROMANCE_INHIBITOR = re.compile(r"\b([a-z]+ras)(?:ibe|ibi|ibs|ibas|yb)\b", re.I)
# (held-out v24, issue 13's twenty-fifth pass) [v24-mono-translated] ... spelt the Polish way ("adagrasyb") or written
# in katakana in a Japanese note (ソトラシブ, アダグラシブ, ジバラシブ): the same drugs.
_KATAKANA_INHIBITOR = {"\u30bd\u30c8\u30e9\u30b7\u30d6": " sotorasib ", "\u30a2\u30c0\u30b0\u30e9\u30b7\u30d6": " adagrasib ", "\u30b8\u30d0\u30e9\u30b7\u30d6": " divarasib "}
_KATAKANA_NAME = re.compile("|".join(_KATAKANA_INHIBITOR))


# (review fix of the fortieth pass) [t40-mono-none-given-with-it] A "none given with it" that names no drug is about the
# KRAS G12C inhibitor of the sentence before it; when that sentence joins a partner drug to the inhibitor ("Plan:
# sotorasib 960 mg daily plus panitumumab 6 mg/kg q2w. No chemotherapy or immunotherapy will be given with it"), the
# regimen is the combination, not the inhibitor alone.
_PARTNER_WORD = re.compile(r"(?:\b(?:plus|with|and|alongside|combined\s+with|in\s+combination\s+with)\b|[+&])\s*", re.I)
_PARTNER_DRUG = re.compile(r"\b(?:panitumumab|cetuximab|vectibix|erbitux)\b", re.I)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


def _partner_in_inhibitor_sentence(doc: TextDoc, f: Finding) -> bool:
    """The sentence before the finding's names a KRAS G12C inhibitor and a partner drug joined to it."""
    text = doc.text
    before = text[max(0, f.sentence_start - 300) : f.sentence_start].rstrip().rstrip(".!?")
    stops = [m.end() for m in _SENTENCE_STOP.finditer(before)]
    sentence = before[stops[-1] if stops else 0 :]
    if not any(_g12c_inhibitors(sentence)):
        return False
    if _combination(sentence) or _PARTNER_DRUG.search(sentence):
        return True
    for m in _PARTNER_WORD.finditer(sentence):
        nxt = _g12c_inhibitors(sentence[m.end() : m.end() + 25])
        if nxt and not nxt[0]:
            return True  # "... plus irinotecan", "with FOLFIRI"
    return False


def _g12c_inhibitors(text: str) -> list[bool]:
    """For each anticancer drug named in ``text``: whether it is a KRAS G12C inhibitor."""
    vocab = vocabulary()
    out = []
    text = _KATAKANA_NAME.sub(lambda m: _KATAKANA_INHIBITOR[m.group(0)], text)
    for m in _drugs().finditer(_ROMANCE_INHIBITOR.sub(r"\1ib", text)):
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
    elif not left.strip() and re.search(r"[^\W\d_]\s*\n[ \t]*$", window):
        # (held-out v14) [v14-wrapped-mono] a sentence wrapped before the mention ("now receives docetaxel en\n
        # monoterapia"): the drug at the end of the line above is the one it qualifies
        left = re.split(r"[;.(]|\n\s*\n", window)[-1].replace("\n", " ")[-30:]
    after = re.match(r"[\s-]*(?:(?:of|with)\s+)?", doc.text[f.end : f.end + 40])
    m = _drugs().match(doc.text, f.end + (after.end() if after else 0))
    near = _g12c_inhibitors(left)[-1:] + (_g12c_inhibitors(m.group(0)) if m else [])
    if not near and _OTHER_DRUG_STEM.search(left):
        return False  # a drug name the vocabulary lacks (or misspelt), by its USAN stem: "cemiplimab", "pembrolizumb"
    if not near:
        return None
    return any(near)


def _other_drug_before(doc: TextDoc, f: Finding) -> bool:
    """(held-out v18, issue 13's nineteenth pass, part two) [v18-mono-other-drug-before] A "no other ..." with no drug in
    its sentence, after a line that names only other anticancer drugs before it, the KRAS G12C inhibitor named only
    after it ("Day unit: pembrolizumab q6w. No other systemic therapy scheduled. Adagrasib was stopped 10/2026"): the
    "other" is beside the drug before it, not the inhibitor."""
    if _g12c_inhibitors(f.sentence):
        return False
    before = _g12c_inhibitors(doc.text[_line_start(doc.text, f.start) : f.start])
    return bool(before) and not any(before)


_GIVEN_CLAUSE = re.compile(
    r"\b(?:given|administered|started|commenced|dispensed|taken|took|taking|initiated)\b(?![^;\n]*\b(?:if|once|when|at\s+progression)\b)",
    re.I,
)


def _named_in_wrapped_sentence(doc: TextDoc, f: Finding) -> bool:
    """(held-out v14, issue 13's fifteenth pass) [v14-wrapped-sentence] A sentence wrapped onto an indented line, which
    the sentence splitter cuts ("Now sotorasib 960 mg\\n   qd, no other anticancer agent alongside"): the drug named
    earlier in the same sentence, up to its last full stop, is the one it qualifies (KRAS G12C inhibitors only)."""
    start = max(doc.text.rfind(c, 0, f.start) for c in ".;!?") + 1
    # (held-out v26) [v26-mono-clause-after-semicolon] nor does a semicolon when the clause after it records the drug
    # given ("Sotorasib approved by the fund;\nfirst dose given in clinic - as a single agent"); a clause of talk or
    # plans ("not funded;\nwe discussed self-funding it as sole therapy at progression") stays cut.
    if doc.text[start - 1 : start] == ";" and _GIVEN_CLAUSE.search(doc.text, start, f.start):
        start = max(doc.text.rfind(c, 0, start - 1) for c in ".!?") + 1
    clause = doc.text[start : f.start]
    if "\n" not in clause or len(clause) > 200:
        return False
    named = _g12c_inhibitors(clause)
    return bool(named) and all(named)


# (held-out v17, issue 13's eighteenth pass) [v17-naive-before-current-course] A naive statement beside a drug given in
# another sentence is naive up to that drug when every course the text records is the current or first one ("started
# capecitabine 11/10 ... no prior chemotherapy", "C1D1 FOLFIRI today", "first-line sotorasib", "baseline before
# adagrasib"): the statement is the history before it. A course the text dates or words as earlier (completed,
# received, had, s/p, prior, second line, continues on, a month/year or a year) is a history that contradicts it; a
# statement limited to a period ("no chemo before surgery", "none in the last 12 months") says nothing of the rest. A
# course in the statement's own sentence counts ("treatment-naive for KRAS inhibitors only - she had carboplatin").
# The twenty-one such statements of v7..v17 lost here all sat beside a first course; the thirty-one kept out sit
# beside an earlier one.
_EARLIER_COURSE = re.compile(
    r"\b(?:completed|complete|finished|received|rec'?d|had|has\s+had|s/p|status\s+post|prior|previous(?:ly)?|earlier|"
    r"past|former|since\s+then|after|progress\w*|stopped|discontinued|ended|held|continues|continued|remains\s+on|"
    r"still\s+on|maintenance|(?:2nd|3rd|[4-9]th|second|third|fourth|later)[\s-]*(?:line|l)\b|[2-9]l\b|relapse\w*|"
    r"recurren\w*|outside\s+records?|treated\s+with)\b"
    r"|(?<![\d/.-])(?:19|20)\d{2}\b|(?<![\d/])\d{1,2}\s*[-\u2013]?\s*(?:\d{1,2}\s*)?/(?:19|20)\d{2}\b",
    re.I,
)
_NAIVE_FOR_A_PERIOD = re.compile(
    r"\b(?:before|prior\s+to|until|till)\s+(?!(?:this|that|it|now|today|starting|start|the\s+current|c1|cycle\s+1)\b)\w"
    r"|\b(?:in|during|within|for)\s+the\s+(?:last|past|previous)\b|\b(?:in|during|within)\s+\d",
    re.I,
)


def _naive_before_current_course(text: str, naive: Evidence, meds: list[MedUse]) -> bool:
    if naive.focus is None:
        return False
    window = text[naive.focus[0] : naive.focus[1] + 30].split(";")[0]
    period = _NAIVE_FOR_A_PERIOD.search(window)
    if period and not _before_a_drug_given(window[period.start() :], meds):
        return False
    own = text[naive.focus[0] : naive.focus[1]]  # its own "prior" is not a course: "baseline before X (no prior tx)"
    return not any(_EARLIER_COURSE.search(m.evidence.text.replace(own, " ")) for m in meds)


# (held-out v21, issue 13's twenty-second pass) [v21-naive-before-drug] "no systemic therapy before adagrasib" beside
# "Day 21 of adagrasib": naive up to the drug the note gives, as "before this course" is; "before <a month>" or
# "before <a drug not given in the note>" stays a period.
_BEFORE_WORD = re.compile(r"(?:before|prior\s+to)\s+", re.I)


def _before_a_drug_given(after: str, meds: list[MedUse]) -> bool:
    from priorauth.text.pipeline import _drug_pattern

    lead = _BEFORE_WORD.match(after)
    drug = _drug_pattern().match(after, lead.end()) if lead else None
    if not drug:
        return False
    vocab = vocabulary()
    named = {vocab.drugs[i].ingredient for i in vocab.by_name.get(drug.group(0).lower(), ()) if i in vocab.drugs}
    return bool(named) and any(named & {d.ingredient for d in m.drugs} for m in meds)


# (held-out v17, issue 13's eighteenth pass) [v17-naive-table-cell] A table of one patient's row whose column of prior
# therapy is answered zero or none ("MRN | Dx | Prior lines | Current Rx" then "5512 | NSCLC | 0 | none"): the cell is
# a naive statement the header's words make, as "Prior lines: 0" is. A table of several rows (a tracker of several
# patients) or a cell with a count or a drug says nothing naive.
_PRIOR_COLUMN = re.compile(
    r"(?:(?:no\.?|number|#|count)\s+(?:of\s+)?)?(?:prior|previous|past)\s+(?:(?:systemic|anti-?cancer|cancer|onc\w*)\s+)?"
    r"(?:lines?|tx|rx|therap(?:y|ies)|treatments?|regimens?|chemo\w*)(?:\s+of\s+(?:therapy|tx|treatment))?"
    r"|(?:no\.?\s+of\s+|#\s*)?lines?\s+of\s+(?:prior\s+)?(?:systemic\s+)?(?:therapy|tx|treatment)",
    re.I,
)
_ZERO_CELL = re.compile(r"(?:0|zero|none|nil|no|n)", re.I)


def _zero_prior_cells(doc: TextDoc) -> list[Evidence]:
    from priorauth.facts.model import Evidence

    for table in _column_tables(doc.text, _PRIOR_COLUMN, ("|", "\t")):
        if table.columns < 3:
            continue
        if len(table.cells) != 1:
            return []
        (a, b), (_, row_end) = table.cells[0], table.rows[0]
        if not _ZERO_CELL.fullmatch(doc.text[a:b]):
            return []
        head_at, head_end = table.header
        quote = f"{doc.text[head_at:head_end].strip()}\n{doc.text[table.rows[0][0] : row_end].strip()}"
        return [Evidence(f"{doc.source}#char={head_at},{row_end}", doc.date, quote, focus=(a, b))]
    return []


# (held-out v24, issue 13's twenty-fifth pass) [v24-naive-own-record] A naive statement in a record kept for this patient
# whose only general word is the record's name ("Patient education: first-ever chemo, no prior systemic therapy of any
# kind", '"first chemo ever - no prior cancer treatment" per RN education checklist'), or in a clause whose subject is
# the patient after a criterion ("Eligibility: no prior systemic therapy for advanced disease - subject has not received
# any anticancer drug ever"): the patient's own history, not teaching or a criterion. Teaching about patients in general
# ("patients with no prior therapy should ...") and the criterion itself stay general.
_RECORD_WORD = re.compile(r"\b(?:education|checklist)\b", re.I)
_GENERAL_SUBJECT = re.compile(
    r"\b(?:patients|people|persons|anyone|those|individuals|if|should|may|can|must|could|would)\b", re.I
)
_PATIENT_CLAUSE = re.compile(
    r"(?:\s[-\u2013\u2014]\s|[;:])\s*(?:the\s+)?(?:subject|patient|pt|member|he|she)\s+$", re.I
)


def _naive_of_own_record(f: Finding) -> bool:
    general = patterns()["not_about_patient"]
    rest = _RECORD_WORD.sub(" ", f.sentence)
    if _RECORD_WORD.search(f.sentence) and not general.search(rest) and not _GENERAL_SUBJECT.search(rest):
        return True
    clause = _PATIENT_CLAUSE.search(f.sentence[: f.start - f.sentence_start])
    return bool(clause) and not general.search(f.sentence[clause.end() :])


# (t41's review fixes, 2026-12-05) [t41-naive-question-answer-no] [t41-naive-patient-wrote-no] A question's written
# "No" (value answered_no) is no naive history when another prior-therapy question of the document is answered Yes
# ("Q3. Prior targeted therapy? A: No" / "Q4. Prior chemotherapy? A: Yes - carboplatin/pemetrexed x4"), or when the
# answer is corrected on its line or the next ('Patient wrote: "No." Spouse corrected: had 4 cycles ...', "incorrect",
# "per records", "actually").
_PRIOR_QUESTION_YES = re.compile(
    r"^[^\n]*\b(?:prior|previous|past|ever|before|received|had)\b[^\n?]*\b(?:therap\w*|treat\w*|tx|chemo\w*|immuno\w*|"
    r"io|targeted|regimens?|drugs?|agents?|medications?|pills)\b[^\n?]*\?[\s\"\u201d]*(?:[^\n]{0,40}?\b(?:a|ans|answer|"
    r"response|wrote|answered|replied|said)\s*[:.-]?\s*[\"\u201c]?\s*)?yes\b",
    re.I | re.M,
)
_ANSWER_CORRECTED = re.compile(
    r"\b(?:correct(?:ed|s|ion)|incorrect|per\s+(?:the\s+)?records?|records\s+show|actually)\b", re.I
)


def _answer_undone(doc: TextDoc, f: Finding) -> bool:
    if any(m.start() != _line_start(doc.text, f.start) for m in _PRIOR_QUESTION_YES.finditer(doc.text)):
        return True
    line_end = _line_end(doc.text, f.end)
    next_end = _line_end(doc.text, line_end + 1) if line_end < len(doc.text) else line_end
    return bool(_ANSWER_CORRECTED.search(doc.text, f.end, next_end))


# (t41's review fixes) [t41-mono-to-be-given-ticked] A combination question of the document ticked or answered Yes ("Will
# the drug be used in combination with other anticancer therapy?  [X] Yes  [ ] No", "... combination?  A: Yes"): the
# regimen is a combination, whatever monotherapy word stands elsewhere (main's "Monotherapy" above such a question too).
_COMBINATION_ANSWERED_YES = re.compile(
    r"\b(?:combin\w*|together\s+with|with\s+(?:any\s+)?(?:other|another|additional))\b[^\n?]{0,80}\?[ \t]*"
    r"(?:(?:a|ans|answer|response)[ \t]*[:.-][ \t]*)?(?:(?:☒|☑|\[[ \t]?[x✓✔][ \t]?\])[ \t]*(?:yes|y)\b"
    r"|(?:yes|y)\b(?![ \t]*(?:/|or\b)[ \t]*no?\b)(?![ \t]*(?:☐|□|\[[ \t]?\])))",
    re.I,
)
