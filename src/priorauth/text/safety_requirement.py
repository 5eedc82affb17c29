"""A requirement is no result (fixreq, 2026-12-04): a KRAS wild-type / negative named as the condition of a drug or of
eligibility, read as the patient's result, gave the criterion a wrong ``not_met`` ("Cetuximab requires KRAS wild-type
disease; ... KRAS: not yet tested", "Panitumumab is limited to RAS wild-type tumors; KRAS pending"). Found by the OCR
pass of session 29 while writing its guards; the class is read from those two sentences, in words of our own.

[req-condition-named] A negative whose own clause puts a condition's words right before it ("requires", "needs", "is
limited / restricted / reserved / confined to", "only in / for / with", "indicated (only) in / for", "approved (only)
in / for", "eligible (only) if / when", "must be / have / show", "criteria:", "criteria include", "requirement:")
states what a drug or a trial asks for, not what the patient's tumour is: no result. Between the words and the
negative only a few words that name who or what is meant ("patients with", "tumors that are", "a documented",
"confirmed") may stand. Hooked once in ``kras_facts._kras``, right before a result is recorded; it only removes a
negative (makes no result, adds none).

Guards: the words must stand before the negative in its own clause (sentence); a result stated elsewhere in the
document still counts ("KRAS wild-type on the 03/2026 biopsy; cetuximab requires RAS wild-type" stays a negative), as
does a result with the requirement after it ("RAS wild-type confirmed; started cetuximab"), and a variant found (a G12C
positive beside a requirement sentence stays ``met``). A requirement written after the negative ("KRAS wild-type is
required for cetuximab") is ConText's (``required for``, rules/context.yaml).
"""

from __future__ import annotations

import re

from priorauth.text.pipeline import Finding
from priorauth.text.sources import TextDoc

# Who or what the condition names before the negative: "patients with", "tumors that are", "a documented", "confirmed".
_FILLER = (
    r"(?:(?:patients?|pts?|those|people|adults?|individuals|tumou?rs?|disease|cancers?|cases|mcrc|crc|nsclc)\s+"
    r"(?:with|who\s+(?:are|have)|whose\s+tumou?rs?\s+(?:are|is)|that\s+(?:are|is|have|has)|which\s+(?:are|is))\s+)?"
    r"(?:(?:a|an|the|documented|confirmed|proven|known|demonstrated|extended|expanded|all|full|tumou?r)\s+){0,3}"
)
# The condition's words, right before the negative (the end of the clause's text up to the finding).
_CONDITION_BEFORE = re.compile(
    r"(?:\b(?:requires?|required|requiring|needs?|needed|necessitates?)"
    r"|\b(?:limited|restricted|reserved|confined)\s+(?:only\s+)?(?:to|for)"
    r"|\bonly\s+(?:in|for|with|if|when)"
    r"|\b(?:indicated|approved|licensed|labell?ed|funded|covered)\s+(?:only\s+)?(?:in|for)"
    r"|\beligib(?:le|ility)\s+(?:only\s+)?(?:if|when|provided|requires?)"
    r"|\bmust\s+(?:be|have|show|carry)"
    r"|\bcriteri(?:a|on)\s*(?::|-|\u2013|include[sd]?|are|is)"
    r"|\b(?:requirements?|prerequisites?)\s*(?::|-|\u2013|include[sd]?|are|is)"
    rf")\s+{_FILLER}$",
    re.I,
)


def condition_named(doc: TextDoc, f: Finding, status: str) -> bool:
    """The negative is named as a drug's or an eligibility's condition in its own clause: no result of the patient."""
    if status not in ("negative", "g12c_absent"):
        return False
    return bool(_CONDITION_BEFORE.search(doc.text[f.sentence_start : f.start]))
