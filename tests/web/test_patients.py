"""Patient identity: a chart joins a stored patient only when it shares an identifier and disagrees on
nothing; otherwise it is another person (a new patient, or 409 ``patient_mismatch`` when the practice
says so). Nobody is merged or renamed, and a chart without any id or identifier is never shared."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from priorauth.store.db import make_engine, migrate
from tests.web.conftest import AS_OF, NSCLC, Practice, open_case, upload

BUNDLE = json.loads(NSCLC)


def _variant(
    given: str | None = None, birth: str | None = None, pid: str | None = "keep", mrn: str | None = None
) -> bytes:
    data = copy.deepcopy(BUNDLE)
    patient = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient")
    if given is not None:
        patient["name"] = [{"given": [given], "family": "Other"}]
    if birth is not None:
        patient["birthDate"] = birth
    if mrn is not None:
        patient["identifier"] = [{"system": "urn:mrn", "value": mrn}]
    if pid is None:
        old = patient.pop("id")
        for e in data["entry"]:
            e.pop("fullUrl", None)
        text_ = json.dumps(data).replace(f'"Patient/{old}"', '"Patient/nobody"')
        data = json.loads(text_)
    return json.dumps(data).encode()


def test_a_different_person_reusing_a_patient_id_is_never_merged_or_renamed(practice: Practice) -> None:
    c = practice.coordinator
    first = open_case(c)
    name = c.get(f"/api/v1/patients/{first['patient_id']}").json()["name"]
    other = upload(c, _variant(given="Zed", birth="1950-02-02"))
    assert other["patient_id"] != first["patient_id"]
    assert c.get(f"/api/v1/patients/{first['patient_id']}").json()["name"] == name  # not renamed
    assert "Zed" in c.get(f"/api/v1/patients/{other['patient_id']}").json()["name"]
    assert len(c.get("/api/v1/patients").json()) == 2
    same = upload(c)  # the same person again: the same patient
    assert same["patient_id"] == first["patient_id"]


def test_an_approval_of_one_person_never_makes_another_a_renewal(practice: Practice) -> None:
    c = practice.coordinator
    first = open_case(c)
    url = f"/api/v1/cases/{first['id']}"
    c.patch(url, json={"version": c.get(url).json()["version"], "status": "ready"})
    assert c.post(f"{url}/submissions", json={"method": "fax"}).status_code == 201
    approval = {"outcome": "approved", "auth_number": "PA-1", "period_start": "2026-06-01", "period_end": "2026-12-31"}
    assert c.post(f"{url}/decisions", json=approval).status_code == 201
    stranger = upload(c, _variant(given="Zed", birth="1950-02-02"))
    r = c.post("/api/v1/cases", json={"chart_id": stranger["id"], "as_of": AS_OF})
    assert r.status_code == 201 and r.json()["request_type"] == "initial"


def test_the_practice_may_refuse_a_mismatching_chart(practice: Practice) -> None:
    profile = practice.admin.get("/api/v1/practice").json()
    body = {"name": profile["name"], "profile": {**profile["profile"], "patient_mismatch": "refuse"}}
    assert practice.admin.put("/api/v1/practice", json=body).status_code == 200
    c = practice.coordinator
    upload(c)
    r = c.post(
        "/api/v1/charts", content=_variant(birth="1950-02-02"), headers={"Content-Type": "application/fhir+json"}
    )
    assert r.status_code == 409 and r.json()["error"]["code"] == "patient_mismatch"
    assert len(c.get("/api/v1/patients").json()) == 1


def test_other_identifiers_are_another_person_and_more_identifiers_are_remembered(practice: Practice) -> None:
    c = practice.coordinator
    a = upload(c, _variant(mrn="MRN-1"))
    assert upload(c, _variant(mrn="MRN-1"))["patient_id"] == a["patient_id"]
    assert upload(c, _variant(mrn="MRN-2"))["patient_id"] != a["patient_id"]


def test_charts_without_any_id_or_identifier_never_share_a_patient(practice: Practice) -> None:
    c = practice.coordinator
    one, two = upload(c, _variant(pid=None)), upload(c, _variant(pid=None))
    assert one["patient_id"] != two["patient_id"]


def test_the_migration_carries_a_merged_database_over_and_lists_it_for_review(tmp_path: Path) -> None:
    """A database at revision 0001 whose one patient holds two people's charts (the old merge)."""
    from alembic import command
    from alembic.config import Config

    from priorauth.store.db import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text("INSERT INTO practices (id, name, profile, created_at) VALUES ('pr', 'P', '{}', '2026-01-01')")
        )
        conn.execute(
            text(
                "INSERT INTO patients (id, practice_id, fhir_id, name, birth_date, created_at) "
                "VALUES ('pa', 'pr', :fid, 'Renamed', '1950-02-02', '2026-01-01')"
            ),
            {"fid": _patient_id()},
        )
        for cid, raw in (("c1", NSCLC), ("c2", _variant(given="Zed", birth="1950-02-02"))):
            conn.execute(
                text(
                    "INSERT INTO charts (id, practice_id, patient_id, kind, filename, size, sha256, content, uploaded_by,"
                    " uploaded_at) VALUES (:id, 'pr', 'pa', 'bundle', NULL, :n, 'x', :raw, 'u', '2026-01-01')"
                ),
                {"id": cid, "n": len(raw), "raw": raw},
            )
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM charts")).scalar() == 2
        assert conn.execute(text("SELECT name FROM patients WHERE id = 'pa'")).scalar() == "Renamed"  # untouched
        reviews = conn.execute(text("SELECT patient_id, chart_ids FROM patient_reviews")).all()
        assert [r[0] for r in reviews] == ["pa"] and sorted(json.loads(reviews[0][1])["charts"]) == ["c1", "c2"]
        keys = conn.execute(text("SELECT system, value FROM patient_identifiers")).all()
        assert [tuple(k) for k in keys] == [("fhir-id", _patient_id())]
    engine.dispose()


def _patient_id() -> str:
    return next(e["resource"]["id"] for e in BUNDLE["entry"] if e["resource"]["resourceType"] == "Patient")


def test_admins_see_the_patients_to_review(practice: Practice, app: Any) -> None:
    assert practice.admin.get("/api/v1/patients/reviews").json() == []
    assert practice.coordinator.get("/api/v1/patients/reviews").status_code == 403
