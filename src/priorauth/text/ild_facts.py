"""ILD / pneumonitis findings -> diagnoses, unless the text is not about this patient."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from priorauth.facts.model import Diagnosis
from priorauth.text.finding_scope import _NEGATION_CUE, _relative_as_source, _relative_is_patient, question_premise
from priorauth.text.pipeline import EXCLUDING, NOT_OWN_SECTIONS, Finding, unwrap
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _evidence, _line_before

if TYPE_CHECKING:
    from priorauth.text.facts import TextFacts


def _ild(out: TextFacts, doc: TextDoc, f: Finding) -> None:
    if _ILD_NOT_A_DIAGNOSIS.match(doc.text, f.end):
        return  # "ILD clinic", "ILD symptoms reviewed": a service, a teaching point
    before = f.sentence[: f.start - f.sentence_start]
    line = _line_before(doc, f)
    if _ILD_NOT_PATIENT_BEFORE.search(before) or _EXCLUSION_LIST.match(line):
        return
    if _ILD_NOT_PATIENT_AFTER.match(unwrap(doc.text), f.end):
        return
    if _SUSPECTED_BEFORE.search(line):
        return  # (held-out v26) [v26-ild-suspected-abbrev] '"V.a. Pneumonitis"', "Verdacht auf ILD", "susp. pneumonitis"
    if _QUERIED_BEFORE.search(line) or _WEIGHED_AFTER.match(doc.text, f.end):
        return  # (held-out v19) [v19-ild-queried] "TRIAGE - ? PNEUMONITIS", "Pneumonitis considered, cannot assess"
    if _DENIED_OR_DOUBTED_AFTER.match(doc.text, f.end):
        return  # (held-out v21) [v21-ild-denied-after] "the ILD on CT is NOT present", "pneumopathie ... suspectée"
    if _FIELD_NO_AFTER.match(doc.text, f.end):
        return  # (held-out v28) [v28-ild-field-no-inline] "| Pneumonitis: not reported. Tumour: ...", "pneumopathie ...: non."
    if _ICD_CODE.fullmatch(doc.text[f.start : f.end]) and _CODE_WITHDRAWN_AFTER.match(doc.text, f.end):
        return  # (held-out v20) [v20-ild-code-withdrawn] "J84.9 ILD - excluded this admission"
    if _DASH_NO_BEFORE.search(line):
        return  # (held-out v10) [v10-dash-no] "A: CT - no pneumonitis": the result after a dash, negated
    if _refuted_later(doc.text, f.start):
        return  # (held-out v14) [v14-ild-refuted] "chart says ILD" ... "that ILD entry was an error": withdrawn
    if _STRUCK_AFTER.match(doc.text, f.end):
        return  # (held-out v16) [v16-ild-struck] "ILD, no, strike that, the ILD is her sister's": withdrawn by dictation
    # (held-out v16) "per husband, ..."; (held-out v17) [v17-relative-narrator] "Patient's son calling: dad had pneumonitis"
    told = f.modifiers - {"FAMILY"} if _relative_as_source(f) or _relative_is_patient(doc, f) else f.modifiers
    if told & EXCLUDING == {"NEGATED_EXISTENCE"} and _resolved_since(f):
        told = told - {"NEGATED_EXISTENCE"}  # (held-out v26) [v26-ild-resolved] "pneumonitis (steroids, now resolved)"
    if told & EXCLUDING == {"POSSIBLE_EXISTENCE"} and question_premise(f):
        told = told - {"POSSIBLE_EXISTENCE"}  # (held-out v29) [v29-question-premise] "... given her pneumonitis?"
    if told & EXCLUDING == {"HYPOTHETICAL"} and _DIAGNOSED_ON_AFTER.match(doc.text, f.end):
        told = told - {"HYPOTHETICAL"}  # (t37) [t37-ild-referral-dx-date] "Referred for sotorasib-related ILD (dx 8/2026"
    if not (told & EXCLUDING) and f.section not in NOT_OWN_SECTIONS:
        out.diagnoses.append(Diagnosis(_evidence(doc, f), "ild", (), None, None, False))


# (held-out v26, issue 13's twenty-seventh pass, part two) [v26-ild-resolved] A pneumonitis or ILD its own clause says
# has resolved ("grade 3 immune pneumonitis (steroids, now resolved)", "radiation pneumonitis - since resolved", "ILD,
# resolved on prednisolone"): a remote diagnosis of the patient, which the labels count; medspaCy's "now resolved"
# negates it. A negation before the mention ("no pneumonitis, cough resolved") stays one.
_RESOLVED_AFTER = re.compile(
    r"[^.;\n]{0,40}?\b(?:(?:now|since|has|had|have|fully|completely|largely|later|subsequently)\s+)*resolv(?:ed|ing)\b",
    re.I,
)


def _resolved_since(f: Finding) -> bool:
    at = f.end - f.sentence_start
    # (issue 13's t37 pass, held-out v36) [t37-ild-resolved-after-aside] a negation closed inside an earlier
    # parenthesis ("s/p SBRT (no systemic tx), c/b radiation pneumonitis, resolved") negates what the parenthesis names
    before = _CLOSED_ASIDE.sub(" ", f.sentence[: f.start - f.sentence_start])
    return bool(_RESOLVED_AFTER.match(f.sentence, at)) and not _NEGATION_CUE.search(before)


_CLOSED_ASIDE = re.compile(r"\([^()]*\)")


# (held-out v16, issue 13's seventeenth pass) [v16-ild-struck] A mention the dictating voice withdraws right after it
# ("interstitial lung disease, no, strike that", "pneumonitis - scratch that", "ILD, delete that"): not a diagnosis.
_STRUCK_AFTER = re.compile(
    r"[^.;\n]{0,30}?\b(?:strike|scratch|delete|cross\s+out|disregard)\s+(?:that|the\s+last(?:\s+\w+)?)\b", re.I
)


# (held-out v19, issue 13's twentieth pass) [v19-ild-queried] A mention right after a query mark on its line ("Triage
# line - ? pneumonitis", "Reason: ?ILD"; the "?" ends medspaCy's sentence, so its doubt does not reach the word after
# it), or weighed and left open ("Pneumonitis considered, cannot assess", "ILD queried."): sought, not made. A
# question mark ending another word ("on sotorasib? Pneumonitis G2") is not a query of the mention.
# (held-out v20, issue 13's twenty-first pass, part two) [v20-ild-hedged] ... with a word or two between the mark and
# the mention ('"? early ILD"', "?drug pneumonitis"), and a mention named as a worry ("held because of pneumonitis
# concern - HRCT ..."): sought, not made.
_QUERIED_BEFORE = re.compile(
    r"(?:^|[\s(:\u2013\"'\u201c-])\?+\s*(?:(?:early|possible|probable|mild|subtle|drug|immune|radiation|new)[\s-]+){0,2}$",
    re.I,
)
# (held-out v26, issue 13's twenty-seventh pass, part two) [v26-ild-suspected-abbrev] A suspicion written as its
# abbreviation or a foreign word right before the mention (German "V.a." / "Verdacht auf", "susp.", Spanish "sospecha
# de"): the period of "V.a." ends medspaCy's sentence, so its doubt never reaches the word after it. "Z.n. Pneumonitis"
# (a past one) and a suspicion of something else on the line ("V.a. Infekt; radiation pneumonitis 2025") are no such shape.
# (held-out v34, safety pass) [v34s-ild-concern-for] ... or a worry written before it ("Concern for pneumonitis -> ED
# for CT", "concerning for drug ILD"): sought, not made. Guard: a worry about something else on the line ("concern for
# progression; grade 2 pneumonitis") is no such shape.
_SUSPECTED_BEFORE = re.compile(
    r"(?:\bv\.\s?a\.|\bverdacht\s+auf|\bsusp\.|\bsospecha\s+de|\bconcern(?:ing|ed)?\s+(?:for|about|re:?))"
    r"\s*(?:[\w-]+\s*|[\"'\u201c\u201e(]\s*){0,4}$",
    re.I,
)
# (held-out v22, issue 13's twenty-third pass) [v22-ild-queried-dated] ... with the date it was weighed ("Durvalumab
# pneumonitis queried 05/2026 - CT negative", "ILD considered in March 2026.")
_WEIGHED_AFTER = re.compile(
    r"\s+(?:(?:was|is)\s+)?(?:considered|queried|raised|concerns?)"
    r"(?:\s+(?:on\s+|in\s+)?(?:\d{1,2}/\d{2,4}(?:/\d{2,4})?|\d{4}-\d{2}(?:-\d{2})?|[a-z]{3,9}\.?\s+\d{4}))?\s*(?:[,.;\u2013-]|$)",
    re.I,
)

# (held-out v21, issue 13's twenty-second pass) [v21-ild-denied-after] A mention that its own clause, after it, says is
# absent or only suspected ("the ILD seen on his CT is NOT present", "pneumonitis was not confirmed on review",
# "pneumopathie interstitielle médicamenteuse suspectée", "neumonitis sospechada", "ILD to be confirmed"): no
# diagnosis. "not present before sotorasib" (a time) and a present cause's word ("suspected drug", the cause doubted,
# not the disease) are not this shape.
# (held-out v28, issue 13's twenty-ninth pass, part two) [v28-ild-field-no-inline] A field whose label is the finding,
# answered no in the middle of its line ("| Pneumonitis: not reported. Tumour: NSCLC", "pneumopathie interstitielle:
# non. Éligible.", "ILD (HRCT): nein;"): the answer, not a diagnosis (layout's field-no reads only a line's last field).
# Guards: "ILD: non-specific interstitial pneumonia", "pneumonitis: none since 2024 -> grade 2 in 2023" (no answer alone).
# (held-out v34, safety pass) [v34s-ild-field-no-more] ... answered with the Slavic "ne", the empty-set sign ("ILD: Ø",
# "ILD: ∅"), before a closing bracket ("[ILD: no]"), or with "none" / "nil" / "absent" and no colon ("Hx: ILD none.").
# Guards: "ILD: non-specific ..." and "ILD none since 2024 ..." (no answer alone) stay as they were.
# (issue 13's t36s pass, held-out v35) [t36s-ild-field-no-malay] ... answered in Malay ("Interstitial lung disease:
# tiada [none].", "tidak ada"), an English gloss in brackets after it. Guard: "ILD: tiada perubahan ..." (no answer alone).
_FIELD_NO_AFTER = re.compile(
    r"(?:[ \t]*\)?[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?[:=][ \t]*(?:no|none|nil|(?:tiada|tidak\s+ada)(?:[ \t]*\[[^\]\n]{0,20}\])?|non|nein|nee|ne|ninguna|nessuna|negative|neg|absent|"
    r"denied|not\s+(?:reported|present|seen|known|documented|observed)|[\u00d8\u00f8\u2205])"
    r"|[ \t]+(?:none|nil|absent))(?=[ \t]*(?:[.;,|)\]\n]|$))",
    re.I,
)
_DENIED_OR_DOUBTED_AFTER = re.compile(
    r"[^.;\n]{0,40}?\b(?:is|was|are|were)\s+not\s+(?:present|there|real|confirmed|seen)\b(?!\s+(?:before|until|prior|on\s+the\s+(?:prior|previous|earlier)))"
    r"|[^.;\n]{0,30}?\b(?:suspect[ée]e?s?|sospechad[oa]s?|a\s+confirmer|[àa]\s+confirmer|to\s+be\s+confirmed|not\s+(?:yet\s+)?confirmed)\b(?!\s+(?:drug|agent|cause))",
    re.I,
)


# (held-out v20, issue 13's twenty-first pass, part two) [v20-ild-code-withdrawn] A coded problem whose own words on its
# line take it back ("J84.9 ILD - excluded this admission", 'J84.10 - "ILD" coded in error, removed'): the code is no
# diagnosis, as its words are none. A code whose line keeps it ("J84.9 ILD, on nintedanib") stands.
_ICD_CODE = re.compile(r"[A-Z]\d{2}(?:\.\d{1,2}[A-Z]?)?")
_CODE_WITHDRAWN_AFTER = re.compile(
    r"[^\n]{0,80}?\b(?:excluded|ruled\s+out|(?:coded|entered|recorded|listed)\s+in\s+error|removed|deleted|"
    r"not\s+(?:confirmed|present|found|substantiated))\b",
    re.I,
)


# (held-out v10, issue 13's eleventh pass) [v10-dash-no] A result written after a dash ("CT - no pneumonitis", "HRCT -
# no ILD"): medspaCy's checklist "- no" looks back at the item before it and so leaves the finding after it
# affirmed; "no" right before the mention negates it.
_DASH_NO_BEFORE = re.compile(r"(?:^|\s)[-\u2013]\s*no\s+(?:(?:evidence\s+of|signs?\s+of|features\s+of)\s+)?$", re.I)


# (held-out v7) Words before an ILD / pneumonitis mention, in its sentence, that make it no diagnosis of the patient: a
# differential ("Ddx: PJP, viral, drug pneumonitis"), symptoms to report ("report new cough/fever (pneumonitis)",
# "call us for signs of ILD"), a trial's exclusion list ("Exclusion: 7. History of ILD").
_ILD_NOT_PATIENT_BEFORE = re.compile(
    r"\b(?:ddx|d/d|dd|differential(?:\s+diagnos[ie]s)?)\b\s*(?:includes?|of|:|-)?[^.;\n]{0,80}$"
    # (held-out v15, issue 13's sixteenth pass) [v15-ild-report-noun] "report" as a document's name ("SAE report:",
    # "AE report - grade 3 pneumonitis") is no instruction to report symptoms
    r"|\b(?:(?<!\bsae\s)(?<!\bae\s)(?<!\bevent\s)(?<!\bsafety\s)(?<!\bincident\s)report(?!\s*[:-])|call(?:\s+us)?|watch\s+for|look\s+out\s+for|signs?\s+(?:and\s+symptoms\s+)?of|symptoms?\s+of|warn\w*)\b"
    r"[^.;\n]{0,30}$"
    # (held-out v9) [v9-ild-risk-list] a list of a drug's risks ("Risks reviewed: diarrhoea, pneumonitis/ILD (rare)",
    # "possible side effects include ... pneumonitis"); the patient's own toxicity ("Toxicity: grade 2 pneumonitis")
    # is not a risk.
    r"|\brisks?\b(?:\s+(?:and\s+benefits|reviewed|discussed|explained|counsel+ed|included?|incl\.?|of\s+[\w-]+"
    r"(?:\s+[\w-]+)?))*\s*(?::|-|\binclud\w*)[^.\n]{0,160}$"
    r"|\b(?:potential|possible|common|serious|known|rare)\s+(?:side[\s-]effects?|toxicit(?:y|ies)|adverse\s+(?:effects|"
    r"reactions))\b[^.\n]{0,160}$"
    r"|\bside[\s-]effects?\s+(?:reviewed|discussed|explained|include\w*|such\s+as)\b[^.\n]{0,160}$"
    # (issue 13's t36s pass) [t36s-ild-ae-kinds] the kinds of a class of adverse events taught ("immune-related AEs incl.
    # pneumonitis, colitis"); the patient's own ("grade 2 immune-related AE: pneumonitis") is no such list
    r"|\b(?:immune[\s-]related\s+(?:AEs?|adverse\s+(?:events?|effects?)|toxicit(?:y|ies))|irAEs?)\s+(?:incl\w*\.?|such\s+as|e\.g\.?,?)"
    r"[^.\n]{0,80}$"
    # (held-out v12) [v12-ild-example] an example in a blank template ("Event term: ____ (e.g., pneumonitis)")
    r"|\b(?:e\.\s?g\.?|eg\.|for\s+example|for\s+instance)\s*,?\s*$"
    # (held-out v14, issue 13's fifteenth pass) [v14-ild-rule-out] a diagnosis to rule out ("sent to ED - r/o
    # pneumonitis", "HRCT to rule out drug ILD"): sought, not made
    r"|\b(?:r/o|rule\s+out|ruling\s+out|to\s+exclude)\s+(?:[\w-]+\s+){0,2}$"
    # (held-out v16, issue 13's seventeenth pass) [v16-ild-under-evaluation] a question still open: "being evaluated for
    # pneumonitis", "work-up for ILD", "second opinion about interstitial lung disease" (sought, not made)
    r"|\b(?:(?:being\s+)?evaluated\s+for|evaluation\s+for|work-?\s?up\s+(?:for|of)|second\s+opinion\s+(?:about|on|"
    r"regarding|re:?|for))\s+(?:(?:possible|suspected|query|\?)\s+)?(?:[\w-]+\s+){0,2}$",
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
    r"(?:excluded|ruled\s+out|discounted|dismissed)\b"
    # (held-out v12, issue 13's thirteenth pass) [v12-ild-leader-no] a checklist item whose dotted leader ends in a
    # no ("Pneumonitis history ....... NO", "ILD . . . . none")
    r"|[^.\n]{0,40}?(?:\s*\.){3,}\s*(?:no|none|nil|negative|denies|absent|n)\b"
    # [v12-ild-rate] a rate in a study or a label, not the patient ("grade 3 pneumonitis 2%", "ILD in 4.1% of patients")
    r"|(?:\s+(?:in|of|rate|rates|was|were|occurred\s+in))?\s*[:(]?\s*(?:~|<|>|<=|>=)?\s*\d+(?:\.\d+)?\s*%"
    r"(?!\s*of\s+(?:the\s+)?(?:lungs?|parenchyma))"
    # (held-out v17, issue 13's eighteenth pass) [v17-ild-field-relative] a field whose answer is a relative's illness
    # ("ILD: mother had IPF", "Pneumonitis - brother (2019)", "ILD: family hx only"): the field's name is no
    # diagnosis of the patient (the relative's own mention is read as family).
    r"|\s*[:=\u2013-]\s*(?:(?:pt'?s|patient'?s|his|her|their|the)\s+)?(?:late\s+)?(?:father|mother|brother|sister|"
    r"son|daughter|wife|husband|spouse|uncle|aunt|cousin|grand\w+|mum|mom|dad|family\s+(?:history|hx)|fhx|fh)\b"
    # [v17-ild-quoted-other] a mention quoted from a note and then given to someone else ('says "known ILD" but
    # that's her sister', "ILD listed - that was his brother")
    r"|[^.\n]{0,40}?(?:\bbut\b|[-\u2013\u2014;])\s*(?:that|this|it)(?:'s|\u2019s|\s+is|\s+was)\s+(?:(?:his|her|their|the\s+patient'?s)\s+)?"
    r"(?:brother|sister|father|mother|son|daughter|wife|husband|spouse|another\s+patient|a\s+different\s+patient)\b",
    re.I,
)


_ILD_NOT_A_DIAGNOSIS = re.compile(
    r"[\s-]+(?:clinic|program(?:me)?|cent(?:er|re)|service|team|board|conference|symptoms|precautions|warnings?|"
    r"risk|monitoring|signs|education|teaching|screen(?:ing)?"
    # (held-out v10) [v10-ild-meeting] the ILD multidisciplinary discussion or meeting named ("ILD MDD: differential ...")
    r"|mdd|mdt|mdm|multidisciplinary|meeting|rounds|referral)\b",
    re.I,
)


# (held-out v14, issue 13's fifteenth pass) [v14-ild-refuted] An ILD / pneumonitis mention a later sentence refutes: the
# entry declared an error ("that ILD entry was an error - removed"), the event retracted ("AE retracted"), another
# diagnosis named in its place ("turned out to be a chest infection, not pneumonitis", "= bacterial pneumonia, not
# pneumonitis"), or the suspicion dropped ("pneumonitis not suspected further", '"possible ILD, not confirmed"'). Every
# mention up to the refutation, within a few lines before it, is no diagnosis; a mention after it, or far above it (a
# history of another ILD), stands.
_ILD_WORD = r"(?:ild|pneumonitis|interstitial\s+(?:lung|pulmonary)\s+disease|pulmonary\s+fibrosis)"
_ILD_REFUTATION = re.compile(
    rf"\b{_ILD_WORD}\s+(?:entry|diagnosis|dx|label|listing|term|code|history)?\s*(?:was|is)\s+(?:an?\s+|in\s+)?"
    r"(?:error|erroneous|incorrect|wrong|mistaken?|entered\s+in\s+error)\b"
    r"|\b(?:ae|sae|adverse\s+event|event|entry|diagnosis|dx)\s+(?:(?:was|is|has\s+been)\s+)?(?:retracted|withdrawn|rescinded)\b"
    rf"|,\s*(?:and\s+)?not\s+(?:an?\s+)?{_ILD_WORD}\b"
    rf"|\b{_ILD_WORD}\b[\"\u201d']?\s*(?:was\s+|is\s+)?(?:,\s*)?not\s+(?:suspected\s+(?:further|any\s+longer|anymore)|confirmed|"
    r"substantiated|supported)\b",
    re.I,
)
_REFUTED_WINDOW = 300  # characters before the refutation's end that it reaches


@lru_cache(maxsize=1024)
def _refutation_ends(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _ILD_REFUTATION.finditer(text))  # once per document, not per mention


def _refuted_later(text: str, start: int) -> bool:
    return any(start < end <= start + _REFUTED_WINDOW for end in _refutation_ends(text))


# (held-out v36, issue 13's thirty-seventh pass) [t37-ild-referral-dx-date] A referral's reason that carries its own
# diagnosis date right after it ("Referred for sotorasib-related ILD (dx 8/2026, CTCAE gr 3)", "referred for pneumonitis,
# diagnosed 09/2026"): a diagnosis made, which the referral sends on; "referred for" alone ("referred for ILD
# evaluation", "? ILD") stays a question to answer.
_DIAGNOSED_ON_AFTER = re.compile(
    r"\s*[(,;-]\s*(?:dx|diagnosed|diagnosis)\s*:?\s*(?:in\s+|on\s+)?(?:\d{1,2}[/.]\d{2,4}|\d{4}\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})",
    re.I,
)
