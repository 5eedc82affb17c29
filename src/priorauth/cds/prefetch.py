"""What the EHR sent, and what it did not: one rule for missing data.

CDS Hooks 2.0: a prefetch key the EHR omits (or sends as null) was not fetched; it never means "no data".
A key whose value is an OperationOutcome (the EHR's fetch failed) or a search Bundle with ``link[next]``
(more pages than sent) was not fetched in full. Keys not fetched are read from the EHR's FHIR server when
the call carries ``fhirServer`` and ``fhirAuthorization`` and a reader is configured that allows that
server for the call's issuer (``cds.ehr_read``: issue 14's FHIR source behind an allow-list); a key whose
resource type the EHR could not read stays not fetched, with why. With neither a prefetch nor a server it
may read, the call is refused with 412.
Nothing that rests on the absence of data (a ``not_met`` or "missing" criterion, the missing-baseline-LFT
advisory, a criterion met because nothing contrary was found) is asserted when that data was not sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from priorauth.cds.discovery import PREFETCH
from priorauth.cds.ehr_read import EhrRead


class FhirReader(Protocol):
    """Reads a patient's chart from the EHR's FHIR server (``cds.ehr_read.EhrReader``)."""

    def refusal(self, server: str, issuer: str | None) -> str | None: ...  # why not (None: allowed)

    def read(self, server: str, token: str, patient: str, user: str | None = None) -> EhrRead: ...


# The resource type each prefetch key reads (its template's type); documents also need their attachments.
KEY_TYPES: dict[str, frozenset[str]] = {
    key: frozenset({template.split("?")[0].split("/")[0]}) | ({"Binary"} if key == "documents" else set())
    for key, template in PREFETCH.items()
}

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
    read_from_ehr: list[str] = field(default_factory=list)  # keys not sent that were read from fhirServer
    ehr_problem: str | None = None  # why fhirServer was not read (refused, or the read failed), one line

    def depends_on_missing(self, criterion: str) -> list[str]:
        keys = DEPENDS.get(criterion, CLINICAL)
        return sorted(k for k in keys if k in self.not_sent)


def read(body: dict[str, Any], reader: FhirReader | None, issuer: str | None = None) -> Prefetch:
    """The prefetch as sent, completed from the EHR when the call allows it and a reader allows its server
    for ``issuer`` (the verified JWT's ``iss``; None for an unsigned development call)."""
    given = body.get("prefetch") if isinstance(body.get("prefetch"), dict) else {}
    out = Prefetch()
    for key in PREFETCH:
        why = _take(out, key, given.get(key)) if key in given else "not sent"
        if why:
            out.not_sent[key] = why
    for key, value in given.items():
        if key not in PREFETCH:
            _take(out, key, value)  # an EHR may send more than asked: use it, it is data
    server, token = _server(body)
    if reader is None or server is None or token is None or not out.not_sent:
        return out
    refused = reader.refusal(server, issuer)
    if refused:
        out.ehr_problem = f"not read: {refused}"
        return out
    context = body["context"]
    got = reader.read(server, token, context["patientId"], context.get("userId") or None)
    if got.failed:
        out.ehr_problem = f"not read: {got.failed}"
        return out
    have = {_ref(r) for r in out.resources}
    out.resources += [r for r in got.resources if _ref(r) not in have]
    for key in sorted(out.not_sent):
        failed = sorted(got.unread[t] for t in KEY_TYPES[key] if t in got.unread)
        if failed:
            out.not_sent[key] = f"{out.not_sent[key]}; the EHR read failed: {failed[0]}"
        else:
            del out.not_sent[key]
            out.read_from_ehr.append(key)
    return out


def can_read(body: dict[str, Any], reader: FhirReader | None, issuer: str | None = None) -> bool:
    """Whether the call names a FHIR server (with a token) that the reader may read for ``issuer``."""
    server, token = _server(body)
    return reader is not None and server is not None and token is not None and reader.refusal(server, issuer) is None


def _server(body: dict[str, Any]) -> tuple[str | None, str | None]:
    server, auth = body.get("fhirServer"), body.get("fhirAuthorization")
    token = auth.get("access_token") if isinstance(auth, dict) else None
    ok = isinstance(server, str) and server and isinstance(token, str) and token
    return (server, token) if ok else (None, None)  # type: ignore[return-value]


def _ref(resource: dict[str, Any]) -> str:
    return f"{resource.get('resourceType')}/{resource.get('id')}"


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
