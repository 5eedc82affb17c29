"""What a case read costs: one query (the case joined with its latest snapshot), the stored
determination sent as stored, and always the latest snapshot however many the case has."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from tests.web.conftest import Practice, client, open_case


def test_a_case_read_is_one_query_and_answers_the_latest_snapshot(app: Any, practice: Practice) -> None:
    token = practice.admin.post("/api/v1/tokens", json={"name": "ehr", "role": "coordinator"}).json()["token"]
    c = client(app, token)
    case = open_case(c)
    url = f"/api/v1/cases/{case['id']}"
    posted = [c.post(f"{url}/determinations", json={"as_of": day}).json() for day in ("2026-11-20", "2026-11-21")]
    assert c.get(url).status_code == 200  # the token's check is cached now
    selects: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(app.state.engine, "before_cursor_execute", seen)
    read = c.get(url).json()
    assert len(selects) == 1, selects
    determination = c.get(f"{url}/determination").json()
    assert len(selects) == 2
    assert read["determination"] == determination == posted[-1]
    assert determination["as_of"] == "2026-11-21" and read["version"] == case["version"]
    assert read["determination"]["created_at"].endswith(("Z", "+00:00"))
