"""Optimistic concurrency on cases: the second of two editors gets a clear 409, never a silent overwrite."""

from __future__ import annotations

import threading
from typing import Any

from tests.web.conftest import Practice, login, open_case


def test_second_editor_gets_a_conflict(app: Any, practice: Practice) -> None:
    case = open_case(practice.coordinator)
    url = f"/api/v1/cases/{case['id']}"
    first, second = practice.coordinator, login(app, practice.admin_email)
    read_1, read_2 = first.get(url).json(), second.get(url).json()
    assert read_1["version"] == read_2["version"]
    r1 = first.patch(url, json={"version": read_1["version"], "note": "first editor"})
    assert r1.status_code == 200 and r1.json()["version"] == read_1["version"] + 1
    r2 = second.patch(url, json={"version": read_2["version"], "note": "second editor", "status": "closed"})
    assert r2.status_code == 409
    err = r2.json()["error"]
    assert err["code"] == "conflict" and f"now version {r1.json()['version']}" in err["message"]
    now = first.get(url).json()
    assert (now["note"], now["status"], now["version"]) == ("first editor", "open", r1.json()["version"])
    r3 = second.patch(url, json={"version": now["version"], "status": "closed"})
    assert r3.status_code == 200 and r3.json()["note"] == "first editor"


def test_simultaneous_edits_of_one_version_let_exactly_one_through(app: Any, practice: Practice) -> None:
    case = open_case(practice.coordinator)
    url = f"/api/v1/cases/{case['id']}"
    version = practice.coordinator.get(url).json()["version"]
    results: list[int] = []
    barrier = threading.Barrier(6)

    def edit(i: int) -> None:
        c = login(app, practice.admin_email) if i % 2 else practice.coordinator
        barrier.wait()
        results.append(c.patch(url, json={"version": version, "note": f"editor {i}"}).status_code)

    threads = [threading.Thread(target=edit, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results).count(200) == 1 and results.count(409) == 5, results
    assert practice.coordinator.get(url).json()["version"] == version + 1


def test_simultaneous_evaluations_of_one_case_all_succeed(app: Any, practice: Practice) -> None:
    """A new determination snapshot is not an edit: evaluations neither conflict nor change the version."""
    case = open_case(practice.coordinator)
    url = f"/api/v1/cases/{case['id']}"
    version = practice.coordinator.get(url).json()["version"]
    results: list[int] = []
    barrier = threading.Barrier(6)

    def evaluate() -> None:
        barrier.wait()
        results.append(practice.admin.post(f"{url}/determinations", json={}).status_code)

    threads = [threading.Thread(target=evaluate) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [201] * 6
    assert practice.coordinator.get(url).json()["version"] == version
    assert len(practice.coordinator.get(f"{url}/determinations").json()) == 7
