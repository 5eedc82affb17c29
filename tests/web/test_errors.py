"""One JSON error shape for every error, pinned: ``{"error": {"code", "message", "details"}}`` and nothing
else, with the stable code and the HTTP status of each kind of failure. Bad input is never a 500."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from priorauth.web.errors import ERROR_SCHEMA
from tests.web.conftest import AS_OF, Practice, client, open_case, upload

PINNED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "additionalProperties": False,
            "required": ["code", "message", "details"],
            "properties": {
                "code": {"type": "string", "pattern": "^[a-z_]+$"},
                "message": {"type": "string", "minLength": 1, "pattern": "^[^\\n]+$"},
                "details": {"type": "array"},
            },
        }
    },
}


def _cases(p: Practice, app: Any) -> list[tuple[str, Any, int, str]]:
    case = open_case(p.coordinator)
    url = f"/api/v1/cases/{case['id']}"
    anon = client(app)
    return [
        ("no credentials", lambda: anon.get("/api/v1/cases"), 401, "unauthenticated"),
        ("bad token", lambda: client(app, "pa_nope").get("/api/v1/cases"), 401, "unauthenticated"),
        (
            "bad scheme",
            lambda: anon.get("/api/v1/cases", headers={"Authorization": "Basic eDp5"}),
            401,
            "unauthenticated",
        ),
        ("role", lambda: p.prescriber.post("/api/v1/cases", json={"chart_id": "x"}), 403, "forbidden"),
        ("admin only", lambda: p.coordinator.get("/api/v1/audit"), 403, "forbidden"),
        ("unknown route", lambda: p.admin.get("/api/v1/nothing"), 404, "not_found"),
        ("unknown case", lambda: p.admin.get("/api/v1/cases/0000"), 404, "not_found"),
        ("method", lambda: p.admin.delete(url), 405, "method_not_allowed"),
        ("stale version", lambda: p.coordinator.patch(url, json={"version": 99, "note": "x"}), 409, "conflict"),
        ("missing field", lambda: p.coordinator.post("/api/v1/cases", json={}), 422, "invalid_request"),
        (
            "extra field",
            lambda: p.coordinator.patch(url, json={"version": case["version"], "bogus": 1}),
            422,
            "invalid_request",
        ),
        (
            "not json",
            lambda: p.coordinator.post("/api/v1/cases", content=b"{", headers={"Content-Type": "application/json"}),
            422,
            "invalid_request",
        ),
        (
            "bad date",
            lambda: p.coordinator.post("/api/v1/cases", json={"chart_id": "x", "as_of": "2026-13-01"}),
            422,
            "invalid_request",
        ),
        (
            "unknown payer",
            lambda: p.coordinator.patch(url, json={"version": case["version"], "payer": "nobody"}),
            422,
            "unknown_payer",
        ),
        ("not fhir", lambda: p.coordinator.post("/api/v1/charts", content=b'{"a": 1}'), 422, "not_fhir"),
        ("invalid json", lambda: p.coordinator.post("/api/v1/charts", content=b"{nope"), 422, "invalid_json"),
        ("empty upload", lambda: p.coordinator.post("/api/v1/charts", content=b""), 422, "empty_input"),
        (
            "media type",
            lambda: p.coordinator.post("/api/v1/charts", content=b"x", headers={"Content-Type": "image/png"}),
            415,
            "unsupported_media_type",
        ),
        ("too large", lambda: p.coordinator.post("/api/v1/charts", content=b" " * 5_000_001), 413, "too_large"),
        (
            "bad login",
            lambda: anon.post("/api/v1/auth/login", json={"email": "a@b.c", "password": "x"}),
            401,
            "unauthenticated",
        ),
        ("csrf", lambda: _without_csrf(p).post(f"{url}/determinations", json={}), 403, "csrf_failed"),
        ("query type", lambda: p.admin.get("/api/v1/cases", params={"limit": "many"}), 422, "invalid_request"),
    ]


def _without_csrf(p: Practice) -> Any:
    c = p.coordinator
    c.headers.pop("X-CSRF-Token", None)
    return c


def test_every_error_has_the_one_shape(practice: Practice, app: Any) -> None:
    seen = set()
    for name, call, status, code in _cases(practice, app):
        r = call()
        assert r.status_code == status, (name, r.status_code, r.text)
        assert r.headers["content-type"].startswith("application/json"), name
        body = r.json()
        jsonschema.validate(body, PINNED)
        jsonschema.validate(body, ERROR_SCHEMA)
        assert body["error"]["code"] == code, (name, body)
        seen.add(status)
    assert seen >= {401, 403, 404, 405, 409, 413, 415, 422}


def test_validation_details_never_echo_the_input(practice: Practice) -> None:
    secret = "Jane Q Patient 1961-04-02"
    r = practice.coordinator.post("/api/v1/cases", json={"chart_id": 5, "as_of": secret})
    assert r.status_code == 422
    assert secret not in r.text
    assert {tuple(d["loc"]) for d in r.json()["error"]["details"]} >= {("body", "as_of")}


def test_an_unexpected_failure_is_a_500_in_the_same_shape(app: Any, caplog: pytest.LogCaptureFixture) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("Jane Q Patient")  # a message that must not reach the client

    r = client(app).get("/boom")
    assert r.status_code == 500
    jsonschema.validate(r.json(), PINNED)
    assert r.json()["error"]["code"] == "internal_error" and "Jane" not in r.text
    assert "RuntimeError" in caplog.text and "Jane" not in caplog.text  # the type is logged, not the message


@pytest.mark.parametrize("as_of", ["2026-02-30", "yesterday", "20261120"])
def test_bad_evaluation_dates_are_422(practice: Practice, as_of: str) -> None:
    chart = upload(practice.coordinator)
    r = practice.coordinator.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": as_of})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    ok = practice.coordinator.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": AS_OF})
    assert ok.status_code == 201
