"""Charts in every accepted form (Bundle, NDJSON, a zipped Bulk Data folder), kept byte for byte; upload
and archive size limits; hostile archives."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from tests.web.conftest import AS_OF, NSCLC, Practice


def _resources() -> list[dict[str, Any]]:
    return [e["resource"] for e in json.loads(NSCLC)["entry"]]


def _ndjson() -> bytes:
    return b"\n".join(json.dumps(r).encode() for r in _resources())


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bulk_folder() -> bytes:
    by_type: dict[str, list[bytes]] = {}
    for r in _resources():
        by_type.setdefault(r["resourceType"], []).append(json.dumps(r).encode())
    return _zip({f"export/{t}.000.ndjson": b"\n".join(lines) for t, lines in by_type.items()})


FORMS = [
    ("bundle", NSCLC, "application/fhir+json"),
    ("ndjson", _ndjson(), "application/x-ndjson"),
    ("archive", _bulk_folder(), "application/zip"),
]


@pytest.mark.parametrize(("kind", "raw", "media"), FORMS, ids=[f[0] for f in FORMS])
def test_every_form_gives_the_same_determination(practice: Practice, kind: str, raw: bytes, media: str) -> None:
    c = practice.coordinator
    r = c.post("/api/v1/charts", content=raw, headers={"Content-Type": media})
    assert r.status_code == 201, r.text
    chart = r.json()
    assert chart["kind"] == kind and chart["size"] == len(raw)
    assert c.get(f"/api/v1/charts/{chart['id']}/content").content == raw
    case = c.post("/api/v1/cases", json={"chart_id": chart["id"], "as_of": AS_OF}).json()
    reference = c.post("/api/v1/charts", content=NSCLC).json()
    ref_case = c.post("/api/v1/cases", json={"chart_id": reference["id"], "as_of": AS_OF}).json()
    got, want = case["determination"]["document"], ref_case["determination"]["document"]
    assert (got["overall"], [x["status"] for x in got["criteria"]]) == (
        want["overall"],
        [x["status"] for x in want["criteria"]],
    )


def test_limits(practice: Practice, app: Any) -> None:
    c = practice.coordinator
    limit = int(app.state.settings.max_upload_mb * 1_000_000)
    big = b" " * (limit + 1)
    assert c.post("/api/v1/charts", content=big).status_code == 413

    def chunks() -> Any:  # no Content-Length: the limit holds while streaming
        for _ in range(6):
            yield b" " * 1_000_000

    r = c.post("/api/v1/charts", content=chunks())
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    app.state.settings.max_archive_mb = 0.5
    bomb = _zip({"Patient.ndjson": b" " * 2_000_000})
    assert len(bomb) < 100_000
    r = c.post("/api/v1/charts", content=bomb, headers={"Content-Type": "application/zip"})
    assert r.status_code == 413


def test_hostile_and_broken_archives(practice: Practice, tmp_path: Any) -> None:
    c = practice.coordinator
    resources = _resources()
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    traversal = _zip({"../../../../tmp/evil.ndjson": json.dumps(patient).encode()})
    r = c.post("/api/v1/charts", content=traversal, headers={"Content-Type": "application/zip"})
    assert r.status_code == 201  # read, flattened into the private folder; nothing written elsewhere
    assert not (tmp_path.parents[len(tmp_path.parents) - 1] / "tmp/evil.ndjson").exists()
    for raw, code in (
        (b"PK\x03\x04 not really a zip", "unreadable"),
        (_zip({"readme.txt": b"hello"}), "nothing_usable"),
    ):
        r = c.post("/api/v1/charts", content=raw, headers={"Content-Type": "application/zip"})
        assert r.status_code == 422 and r.json()["error"]["code"] == code, r.text


def test_a_chart_of_several_patients_needs_the_patient(practice: Practice) -> None:
    resources = _resources()
    other = {"resourceType": "Patient", "id": "p-other", "birthDate": "1970-01-01"}
    raw = json.dumps(
        {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in [*resources, other]]}
    )
    c = practice.coordinator
    r = c.post("/api/v1/charts", content=raw)
    assert r.status_code == 422 and r.json()["error"]["code"] == "several_patients"
    r = c.post("/api/v1/charts", content=raw, params={"patient": "p-other"})
    assert r.status_code == 201
