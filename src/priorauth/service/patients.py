"""Patient identity: which stored patient a chart belongs to. A patient is keyed within the practice by
the chart's identifiers (system + value, e.g. an MRN), the FHIR id among them (system ``fhir-id``).
A chart joins a stored patient only when it shares an identifier and disagrees on nothing (no other
value for a shared identifier system, no other name, no other birth date). Otherwise it is another
person: a new patient, or (practice setting ``patient_mismatch: refuse``) a 409 ``patient_mismatch``.
A chart whose Patient has no id and no identifier is always a new patient. Nothing is ever renamed."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, or_

from priorauth.errors import Code, fail
from priorauth.store.models import Patient, PatientIdentifier, Practice
from priorauth.store.scope import Scope

FHIR_ID = "fhir-id"
POLICIES = ("new_patient", "refuse")


def keys(found: dict[str, Any]) -> set[tuple[str, str]]:
    out = {(s, v) for s, v in found.get("identifiers") or []}
    if found.get("fhir_id"):
        out.add((FHIR_ID, found["fhir_id"]))
    return out


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace(",", " ").split())


def disagreement(stored: Patient, stored_keys: set[tuple[str, str]], found: dict[str, Any]) -> str | None:
    """What differs between a stored patient and a chart's Patient (None: nothing)."""
    if stored.name and found.get("name") and _norm(stored.name) != _norm(found["name"]):
        return "another name"
    if stored.birth_date and found.get("birth_date") and stored.birth_date != found["birth_date"]:
        return "another birth date"
    mine: dict[str, set[str]] = defaultdict(set)
    for s, v in stored_keys:
        mine[s].add(v)
    theirs: dict[str, set[str]] = defaultdict(set)
    for s, v in keys(found):
        theirs[s].add(v)
    for system, values in theirs.items():
        if mine.get(system) and not (mine[system] & values):
            return "another identifier" if system != FHIR_ID else "another Patient id"
    return None


def policy(scope: Scope) -> str:
    practice = scope.session.get(Practice, scope.practice_id)
    value = ((practice.profile or {}) if practice else {}).get("patient_mismatch") or "new_patient"
    return value if value in POLICIES else "new_patient"


def file_patient(scope: Scope, found: dict[str, Any], mismatch: str | None = None) -> tuple[Patient, bool]:
    """The patient a chart's Patient ``found`` belongs to, created when none agrees; (patient, created)."""
    wanted = keys(found)
    candidates: list[Patient] = []
    if wanted:
        match = or_(*(and_(PatientIdentifier.system == s, PatientIdentifier.value == v) for s, v in wanted))
        ids = scope.session.scalars(
            scope.select(PatientIdentifier).with_only_columns(PatientIdentifier.patient_id).where(match).distinct()
        ).all()
        if ids:
            candidates = list(
                scope.all(scope.select(Patient).where(Patient.id.in_(ids)).order_by(Patient.created_at, Patient.id))
            )
    why = None
    for candidate in candidates:
        stored = {(i.system, i.value) for i in identifiers(scope, candidate.id)}
        why = disagreement(candidate, stored, found)
        if why is None:
            for s, v in sorted(wanted - stored):  # the chart names more identifiers: remember them
                scope.add(PatientIdentifier(patient_id=candidate.id, system=s, value=v))
            return candidate, False
    if candidates and (mismatch or policy(scope)) == "refuse":
        raise fail(
            Code.PATIENT_MISMATCH,
            f"the chart's Patient shares an identifier with patient {candidates[0].id} but has {why}: it was "
            "not filed (this practice refuses such charts; correct the chart or its identifiers)",
        )
    row = scope.add(Patient(fhir_id=found.get("fhir_id"), name=found.get("name"), birth_date=found.get("birth_date")))
    for s, v in sorted(wanted):
        scope.add(PatientIdentifier(patient_id=row.id, system=s, value=v))
    scope.audit("create", "patient", row.id, row.id, f"shares_identifier_with={candidates[0].id}" if candidates else "")
    return row, True


def identifiers(scope: Scope, patient_id: str) -> list[PatientIdentifier]:
    return list(scope.all(scope.select(PatientIdentifier).where(PatientIdentifier.patient_id == patient_id)))
