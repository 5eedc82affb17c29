"""What the EHR sent, and what it did not: one rule for missing data.

CDS Hooks 2.0: a prefetch key the EHR omits (or sends as null) was not fetched; it never means "no data".
A key whose value is an OperationOutcome (the EHR's fetch failed) or a search Bundle with ``link[next]``
(more pages than sent) was not fetched in full. Keys not fetched are read from the EHR's FHIR server when
the call carries ``fhirServer`` and ``fhirAuthorization`` and a FHIR reader is configured (the seam for the
chart-from-the-EHR FHIR source); with neither a prefetch nor a way to read, the call is refused with 412.
Nothing that rests on the absence of data (a ``not_met`` or "missing" criterion, the missing-baseline-LFT
advisory, a criterion met because nothing contrary was found) is asserted when that data was not sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from priorauth.cds.discovery import PREFETCH

# reader(fhir_server, access_token, query) -> a search Bundle or a resource (all pages), or None
FhirReader = Callable[[str, str, str], dict[str, Any] | None]

MEDS = frozenset({"medicationRequests", "medicationStatements", "medicationAdministrations", "documents"})
DISEASE = frozenset({"conditions", "assessments", "reports", "documents"})
# Prefetch keys each criterion's answer rests on; a criterion not listed rests on every clinical key.
DEPENDS: dict[str, frozenset[str]] = {
    "adult": frozenset({"patient"}),
    "nsclc_diagnosis": DISEASE,
    "advanced_disease": DISEASE,
    "mcrc_diagnosis": DISEASE,
    "kras_g12c": frozenset({"genomics", "labs", "reports", "documents"}),
    "prior_systemic_therapy": MEDS,
    "prior_crc_chemotherapy": MEDS,
    "single_agent": MEDS,
    "no_prior_kras_g12c_inhibitor": MEDS,
    "with_panitumumab": MEDS,
    "with_cetuximab": MEDS,
    "prescription": frozenset(),  # the draft order itself
    "disease_progression": DISEASE,
    "no_progression_on_therapy": DISEASE,
    "tolerating_therapy": frozenset({"labs", "documents"}),
    "oncologist_prescriber": frozenset({"prescriber"}),
}
CLINICAL = frozenset(PREFETCH) - {"coverage", "prescriber", "priorAuthorizations"}
# Criteria a chart meets by the absence of contrary data: not asserted when that data was not sent.
MET_BY_ABSENCE = frozenset({"single_agent", "no_prior_kras_g12c_inhibitor", "no_progression_on_therapy"})
# Advisories that say something is missing: they rest on the absence of the listed data.
ABSENCE_ADVISORIES: dict[str, frozenset[str]] = {"baseline_lft_missing": frozenset({"labs"})}


@dataclass
class Prefetch:
    resources: list[dict[str, Any]] = field(default_factory=list)
    sent: set[str] = field(default_factory=set)  # keys fetched in full
    not_sent: dict[str, str] = field(default_factory=dict)  # key -> why (omitted, OperationOutcome, more pages)
    issues: list[str] = field(default_factory=list)  # OperationOutcome entries inside a search result

    def depends_on_missing(self, criterion: str) -> list[str]:
        keys = DEPENDS.get(criterion, CLINICAL)
        return sorted(k for k in keys if k in self.not_sent)


def read(body: dict[str, Any], reader: FhirReader | None) -> Prefetch:
    """The prefetch as sent, completed from the EHR when the call allows it and a reader is configured."""
    given = body.get("prefetch") if isinstance(body.get("prefetch"), dict) else {}
    out = Prefetch()
    for key in PREFETCH:
        why = _take(out, key, given.get(key)) if key in given else "not sent"
        if why:
            out.not_sent[key] = why
    for key, value in given.items():
        if key not in PREFETCH:
            _take(out, key, value)  # an EHR may send more than asked: use it, it is data
    server, auth = body.get("fhirServer"), body.get("fhirAuthorization")
    token = auth.get("access_token") if isinstance(auth, dict) else None
    if reader is not None and isinstance(server, str) and isinstance(token, str) and out.not_sent:
        patient = body["context"]["patientId"]
        user = body["context"].get("userId") or ""
        for key in list(out.not_sent):
            query = PREFETCH[key].replace("{{context.patientId}}", patient).replace("{{context.userId}}", user)
            got = reader(server, token, query)
            if got is not None and not _take(out, key, got):
                del out.not_sent[key]
    return out


def can_read(body: dict[str, Any], reader: FhirReader | None) -> bool:
    auth = body.get("fhirAuthorization")
    return reader is not None and isinstance(body.get("fhirServer"), str) and isinstance(auth, dict)


def _take(out: Prefetch, key: str, value: Any) -> str | None:
    """Add one prefetch value; return why it is not complete (None when it is)."""
    if not isinstance(value, dict) or not isinstance(value.get("resourceType"), str):
        return "not sent"
    if value["resourceType"] == "OperationOutcome":
        out.issues += _diagnostics(value)
        return "the EHR could not fetch it"
    if value["resourceType"] != "Bundle":
        out.resources.append(value)
        out.sent.add(key)
        return None
    for e in value.get("entry") or []:
        r = e.get("resource") if isinstance(e, dict) else None
        if not isinstance(r, dict):
            continue
        if r.get("resourceType") == "OperationOutcome":
            out.issues += _diagnostics(r)  # a warning about the search, not chart data
        else:
            out.resources.append(r)
    if any(isinstance(link, dict) and link.get("relation") == "next" for link in value.get("link") or []):
        return "only the first page was sent"
    out.sent.add(key)
    return None


def _diagnostics(outcome: dict[str, Any]) -> list[str]:
    return [
        str(i.get("diagnostics") or (i.get("details") or {}).get("text") or i.get("code") or "issue")
        for i in outcome.get("issue") or []
        if isinstance(i, dict)
    ]
