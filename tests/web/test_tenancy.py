"""Every query is scoped to the caller's practice. Practice A fills every kind of record; practice B's
admin, coordinator and prescriber then call every endpoint of the API with A's ids: nothing of A is
read (404, never A's data) or written (A's records are unchanged), and B's lists hold nothing of A."""

from __future__ import annotations

import re
from typing import Any

from tests.letters import samples
from tests.web.conftest import AS_OF, Practice, make_practice, open_case, submitted

SETUP_TOKEN = "operator-setup-token"


def _fill(a: Practice) -> dict[str, str]:
    """One record of every kind in practice A; the ids by path parameter name."""
    case = open_case(a.coordinator)
    cid = case["id"]
    att = a.prescriber.post(
        f"/api/v1/cases/{cid}/attestations", json={"kind": "monotherapy", "text": "single agent", "date": AS_OF}
    ).json()
    submitted(a.coordinator, case)
    a.coordinator.post(f"/api/v1/cases/{cid}/decisions", json={"outcome": "pended", "reason": "more notes"})
    letter = a.coordinator.post(  # issue 18: a payer letter on the (pended) case
        f"/api/v1/cases/{cid}/payer-letters", content=samples.pdf("denial"), headers={"Content-Type": "application/pdf"}
    ).json()
    users = a.admin.get("/api/v1/users").json()
    token = a.admin.post("/api/v1/tokens", json={"name": "ehr"}).json()
    return {
        "case_id": cid,
        "chart_id": case["chart_id"],
        "patient_id": case["patient_id"],
        "determination_id": case["determination"]["id"],
        "user_id": users[-1]["id"],
        "token_id": token["id"],
        "attestation_id": att["id"],
        "letter_id": letter["id"],
    }


def _bodies(ids: dict[str, str], version: int) -> dict[str, Any]:
    """A valid body per (method, path) so a refusal is about the practice, not the body."""
    return {
        ("POST", "/api/v1/cases"): {"chart_id": ids["chart_id"], "as_of": AS_OF},
        ("PATCH", "/api/v1/cases/{case_id}"): {"version": version, "note": "overwritten by B"},
        ("POST", "/api/v1/cases/{case_id}/determinations"): {},
        ("POST", "/api/v1/cases/{case_id}/attestations"): {"kind": "progression", "text": "B says", "date": AS_OF},
        ("POST", "/api/v1/cases/{case_id}/submissions"): {"method": "portal"},
        ("POST", "/api/v1/cases/{case_id}/decisions"): {"outcome": "denied", "reason": "B"},
        ("POST", "/api/v1/cases/{case_id}/appeals"): {"version": version, "argument": "B", "method": "fax"},
        ("POST", "/api/v1/cases/{case_id}/payer-letters/{letter_id}/confirm"): {"outcome": "denied"},
        ("PATCH", "/api/v1/users/{user_id}"): {"active": False},
        ("POST", "/api/v1/users/{user_id}/password"): {"password": "a new password of B"},
    }


def _snapshot(a: Practice, ids: dict[str, str]) -> dict[str, Any]:
    cid = ids["case_id"]
    parts = ["", "/attestations", "/submissions", "/decisions", "/determinations", "/payer-letters", "/documents", "/appeals"]
    out = {p: a.admin.get(f"/api/v1/cases/{cid}{p}").json() for p in parts}
    out["users"] = a.admin.get("/api/v1/users").json()
    out["tokens"] = [{**t, "last_used_at": None} for t in a.admin.get("/api/v1/tokens").json()]
    out["charts"] = a.admin.get("/api/v1/charts").json()
    return out


def test_no_cross_practice_read_or_write_through_any_endpoint(app: Any) -> None:
    app.state.settings.setup_token = SETUP_TOKEN
    a = make_practice(app, "Alpha")
    b = make_practice(app, "Beta", setup_token=SETUP_TOKEN)
    ids = _fill(a)
    before = _snapshot(a, ids)
    bodies = _bodies(ids, before[""]["version"])
    # CDS Hooks (/cds-services) read only the EHR's prefetch, store nothing of a practice, and trust the
    # EHR's JWT, not practice users: tests/cds covers them.
    paths = app.openapi()["paths"].items()
    routes = [(m.upper(), p) for p, ops in paths if "{" in p and not p.startswith("/cds-services") for m in ops]
    assert len(routes) >= 18
    for method, template in routes:
        names = re.findall(r"{(\w+)}", template)
        assert set(names) <= ids.keys(), f"add an id for {template} to the matrix"
        path = template.format(**ids)
        for who, c in (("admin", b.admin), ("coordinator", b.coordinator), ("prescriber", b.prescriber)):
            r = c.request(method, path, json=bodies.get((method, template)))
            assert r.status_code in (403, 404), (who, method, template, r.status_code, r.text)
            for secret in ids.values():
                assert secret not in r.text or secret in path, (who, method, template)
    # B cannot open a case on A's chart either (POST with A's id in the body)
    r = b.coordinator.post("/api/v1/cases", json={"chart_id": ids["chart_id"], "as_of": AS_OF})
    assert r.status_code == 404
    assert _snapshot(a, ids) == before
    # B's lists and audit trail hold nothing of A
    for list_path in (
        "/api/v1/cases",
        "/api/v1/charts",
        "/api/v1/patients",
        "/api/v1/users",
        "/api/v1/tokens",
        "/api/v1/audit",
    ):
        text = b.admin.get(list_path).text
        assert not any(v in text for v in ids.values()), list_path
