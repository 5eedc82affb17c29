"""The discovery document (``GET /cds-services``): services and their prefetch templates."""

from __future__ import annotations

from typing import Any

# Prefetch templates (CDS Hooks 2.0 tokens). Everything the determination reads, so that a hook call
# needs no FHIR query back to the EHR.
PREFETCH: dict[str, str] = {
    "patient": "Patient/{{context.patientId}}",
    "coverage": "Coverage?patient={{context.patientId}}&status=active&_include=Coverage:payor",
    "conditions": "Condition?patient={{context.patientId}}",
    "labs": "Observation?patient={{context.patientId}}&category=laboratory",
    "genomics": "Observation?patient={{context.patientId}}&code=http://loinc.org|69548-6,http://loinc.org|21702-6,"
    "http://loinc.org|81252-9,http://loinc.org|48005-3",
    "assessments": "Observation?patient={{context.patientId}}&code=http://loinc.org|97509-4,http://loinc.org|21908-9",
    "medicationRequests": "MedicationRequest?patient={{context.patientId}}",
    "medicationStatements": "MedicationStatement?patient={{context.patientId}}",
    "medicationAdministrations": "MedicationAdministration?patient={{context.patientId}}",
    "reports": "DiagnosticReport?patient={{context.patientId}}",
    "documents": "DocumentReference?patient={{context.patientId}}&status=current",
    "priorAuthorizations": "ClaimResponse?patient={{context.patientId}}&use=preauthorization&_include=ClaimResponse:request",
    "prescriber": "PractitionerRole?practitioner={{context.userId}}&_include=PractitionerRole:practitioner",
}
REQUIRED_PREFETCH = ("patient",)

SERVICES: dict[str, dict[str, Any]] = {
    "priorauth-order-select": {
        "hook": "order-select",
        "title": "LUMAKRAS / KRAZATI prior authorization outlook",
        "description": "When a KRAS G12C inhibitor is selected: what the payer's prior authorization needs, "
        "what the chart already documents, and the safety points of the label.",
        "usageRequirements": "Send the prefetch (a call with no prefetch and no fhirServer is answered 412); keys not sent "
        "are reported as not sent, never read as no data.",
    },
    "priorauth-order-sign": {
        "hook": "order-sign",
        "title": "LUMAKRAS / KRAZATI prior authorization check at signing",
        "description": "At signing: the prior authorization outlook, the safety points, and a coverage-information "
        "annotation on the draft order.",
        "usageRequirements": "Send the prefetch (a call with no prefetch and no fhirServer is answered 412); keys not sent "
        "are reported as not sent, never read as no data.",
    },
}


def discovery() -> dict[str, Any]:
    return {"services": [{"id": sid, **spec, "prefetch": PREFETCH} for sid, spec in SERVICES.items()]}
