"""Evaluations run in worker processes with a time limit: past it, 503 ``evaluation_timeout``, the
chart and the case are kept, and the next evaluation may try again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tests.web.slow
from priorauth.service import charts
from priorauth.web import Settings, create_app
from priorauth.web.app import close
from tests.web.conftest import AS_OF, make_practice, upload


@pytest.fixture
def pooled(tmp_path: Path) -> Iterator[Any]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'p.db'}", evaluation_workers=1))
    yield app
    close(app)


def test_an_evaluation_past_its_time_limit_is_503_and_keeps_chart_and_case(
    pooled: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = make_practice(pooled, "Alpha").coordinator
    chart = upload(c)
    r = c.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": AS_OF})
    assert r.status_code == 201, r.text  # evaluated in a worker process
    case = r.json()
    slow = pooled.state.settings
    pooled.state.settings = slow.model_copy(update={"evaluation_timeout_seconds": 0.5})
    real = charts.evaluate
    monkeypatch.setattr(charts, "evaluate", tests.web.slow.evaluate)  # sleeps past the limit in the worker
    r = c.post(f"/api/v1/cases/{case['id']}/determinations", json={})
    assert r.status_code == 503 and r.json()["error"]["code"] == "evaluation_timeout"
    r = c.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": AS_OF})
    assert r.status_code == 503 and r.json()["error"]["code"] == "evaluation_timeout"
    kept = c.get(f"/api/v1/cases/{case['id']}")
    assert kept.status_code == 200 and kept.json()["determination"]["id"] == case["determination"]["id"]
    assert c.get(f"/api/v1/charts/{chart['id']}").status_code == 200
    assert len(c.get("/api/v1/cases").json()) == 1
    pooled.state.settings = slow
    monkeypatch.setattr(charts, "evaluate", real)
    r = c.post(f"/api/v1/cases/{case['id']}/determinations", json={})
    assert r.status_code == 201 and r.json()["overall"] == case["determination"]["overall"]


def test_a_chart_error_in_a_worker_is_the_same_clear_error(pooled: Any) -> None:
    c = make_practice(pooled, "Alpha").coordinator
    r = c.post(
        "/api/v1/charts", content=b'{"resourceType": "Observation"}', headers={"Content-Type": "application/fhir+json"}
    )
    assert r.status_code == 422 and r.json()["error"]["code"] in ("no_patient", "not_fhir", "nothing_usable")
