"""What a partial read of the chart means for the determination: no criterion more confident than the data.

A source that could not read some resource types (an EHR answering 500 for one type, a page cap reached)
names them in ``Chart.unread``. A criterion that rests on one of them cannot be settled: ``met`` and
``not_met`` become ``insufficient``, with the reason and what to do. ``review`` and ``insufficient`` are
already no more confident than the data. A criterion this table does not know needs everything.
"""

from __future__ import annotations

from typing import Any

_MEDS = frozenset(
    {
        "MedicationRequest",
        "MedicationStatement",
        "MedicationAdministration",
        "MedicationDispense",
        "Medication",
        "Procedure",
    }
)
_TEXT = frozenset({"DocumentReference", "DiagnosticReport", "Binary"})
_DIAGNOSIS = frozenset({"Condition", "Observation"}) | _TEXT

_CLINICAL = _DIAGNOSIS | _MEDS  # therapy lines are dated against the diagnosis and its progression

# criterion id -> the resource types its facts come from (see facts/, text/ and evaluate/context.py)
NEEDS: dict[str, frozenset[str]] = {
    "adult": frozenset({"Patient"}),
    "nsclc_diagnosis": _DIAGNOSIS,
    "mcrc_diagnosis": _DIAGNOSIS,
    "advanced_disease": _DIAGNOSIS,
    "kras_g12c": _DIAGNOSIS | frozenset({"Procedure", "Specimen", "ServiceRequest", "Claim", "ExplanationOfBenefit"}),
    "prior_systemic_therapy": _CLINICAL,
    "prior_crc_chemotherapy": _CLINICAL,
    "no_prior_kras_g12c_inhibitor": _CLINICAL,
    "single_agent": _CLINICAL,
    "with_panitumumab": _CLINICAL,
    "with_cetuximab": _CLINICAL,
    "disease_progression": _CLINICAL,
    "no_progression_on_therapy": _CLINICAL,
    "tolerating_therapy": _CLINICAL,
    "prescription": frozenset({"MedicationRequest", "Medication"}),
    "oncologist_prescriber": frozenset({"MedicationRequest", "Practitioner", "PractitionerRole"}),
}

# resource types whose absence changes more than one criterion: said once, as a warning
_CONTEXT = {
    "ClaimResponse": "earlier approvals could not be read: a renewal may be reported as an initial request",
    "Claim": "earlier approvals could not be read: a renewal may be reported as an initial request",
    "Coverage": "the coverage could not be read: the payer's policy may not be the one applied",
    "Organization": "the payer organization could not be read: the payer's policy may not be the one applied",
}


def limit_to_read(doc: dict[str, Any], unread: dict[str, str]) -> dict[str, Any]:
    """Lower every criterion resting on an unread resource type to ``insufficient``; recompute ``overall``."""
    if not unread:
        return doc
    for c in doc["criteria"]:
        missing = sorted(NEEDS.get(c["id"], frozenset(unread)) & unread.keys())
        if not missing:
            continue
        names = ", ".join(missing)
        if c["status"] in ("met", "not_met"):
            c["status"] = "insufficient"
            c["summary"] = f"Not settled: {names} could not be read from the EHR (was: {c['summary']})"
        else:  # already no more confident than the data: say why the data may be missing
            c["summary"] = f"{c['summary']} ({names} could not be read from the EHR.)"
        c["actions"] = [f"Read {names} again from the EHR, or attach the records", *c["actions"]]
    warnings = doc.setdefault("warnings", [])
    for rtype, why in _CONTEXT.items():
        if rtype in unread and why not in warnings:
            warnings.append(why)
    from priorauth.evaluate.determination import OVERALL_ORDER

    statuses = {c["status"] for c in doc["criteria"] if c["required"]}
    doc["overall"] = next((label for status, label in OVERALL_ORDER if status in statuses), "ready")
    return doc
