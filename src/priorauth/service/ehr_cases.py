"""A case from the EHR's live chart (SMART App Launch, issue 15): the chart read from the FHIR server is
kept as a chart of the patient (a collection Bundle, byte for byte what was read) and the patient's open
case is re-evaluated on it, or a case is opened. "Refresh from the EHR" does the same for one case: every
refresh is a new chart and a new determination snapshot; the earlier ones stay."""

from __future__ import annotations

from typing import Any

import orjson

from priorauth.chart.load import UNREAD_TAG, LoadedChart
from priorauth.errors import Code, fail
from priorauth.service.cases import Cases
from priorauth.store.models import Case, Chart, Determination, Patient

LAUNCH, REFRESH = "ehr_launch", "ehr_refresh"


def bundle_of(loaded: LoadedChart) -> bytes:
    """The resources read, as a FHIR collection Bundle (what the file loader reads back the same, including
    the resource types the EHR would not give in full, kept as the Bundle's tags)."""
    entries = [{"resource": r.data} for r in loaded.resources]
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    if loaded.unread:
        tags = [{"system": UNREAD_TAG, "code": t, "display": why} for t, why in sorted(loaded.unread.items())]
        bundle["meta"] = {"tag": tags}
    return orjson.dumps(bundle)


def _store(cases: Cases, loaded: LoadedChart, patient_fhir_id: str, source: str) -> Chart:
    chart, _ = cases.store_chart(bundle_of(loaded), "bundle", filename=f"EHR {source}"[:255], patient=patient_fhir_id)
    return chart


def open_from_ehr(
    cases: Cases, loaded: LoadedChart, patient_fhir_id: str, source: str, drug: str = "sotorasib"
) -> tuple[Case, Determination, bool]:
    """The patient's newest case of ``drug`` that is not closed, re-evaluated on the live chart; else a
    new case. (case, its new determination, created)."""
    chart = _store(cases, loaded, patient_fhir_id, source)
    scope = cases.scope
    open_case = scope.session.scalars(
        scope.select(Case)
        .where(Case.patient_id == chart.patient_id, Case.drug == drug, Case.status != "closed")
        .order_by(Case.created_at.desc())
        .limit(1)
    ).first()
    if open_case is None:
        case, determination = cases.open(chart.id, drug=drug, trigger=LAUNCH)
        return case, determination, True
    case, determination = cases.update(open_case.id, open_case.version, {"chart_id": chart.id}, trigger=LAUNCH)
    assert determination is not None
    return case, determination, False


def refresh_from_ehr(cases: Cases, case_id: str, loaded: LoadedChart, source: str) -> tuple[Case, Determination]:
    """Re-read and re-evaluate one case: a new chart, a new snapshot (the earlier ones are kept)."""
    case = cases.get(case_id)
    patient = cases.scope.patient(case.patient_id)
    fhir_id = _patient_id(loaded)
    if patient.fhir_id != fhir_id:
        raise fail(Code.CONFLICT, "the EHR session is for another patient than this case's: launch from their chart")
    chart = _store(cases, loaded, fhir_id, source)
    case, determination = cases.update(case.id, case.version, {"chart_id": chart.id}, trigger=REFRESH)
    assert determination is not None
    return case, determination


def case_patient(cases: Cases, case_id: str) -> Patient:
    return cases.scope.patient(cases.get(case_id).patient_id)


def _patient_id(loaded: LoadedChart) -> str | None:
    for r in loaded.resources:
        data: Any = r.data
        if data.get("resourceType") == "Patient":
            return data.get("id")
    return None
