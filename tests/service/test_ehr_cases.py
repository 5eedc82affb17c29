"""A chart read from the EHR is stored as a Bundle; what the EHR would not give in full stays unread."""

from __future__ import annotations

from pathlib import Path

import priorauth
from priorauth.chart.load import LoadedChart, Resource, load_path
from priorauth.service.ehr_cases import bundle_of
from tests.conftest import load_cases

BASE = load_cases("default")["base"]


def _stored(tmp_path: Path, unread: dict[str, str]) -> Path:
    loaded = LoadedChart([Resource(r) for r in BASE], [], unread)
    path = tmp_path / "stored.json"
    path.write_bytes(bundle_of(loaded))
    return path


def test_unread_types_survive_storage(tmp_path: Path) -> None:
    path = _stored(tmp_path, {"Condition": "HTTP 403: not in the granted scopes"})
    assert load_path(path).unread == {"Condition": "HTTP 403: not in the granted scopes"}
    criteria = {c["id"]: c for c in priorauth.check(str(path), as_of="2026-11-20")["criteria"]}
    assert criteria["nsclc_diagnosis"]["status"] == "insufficient"


def test_a_fully_read_chart_is_stored_without_tags(tmp_path: Path) -> None:
    path = _stored(tmp_path, {})
    assert b'"meta"' not in path.read_bytes()[:200] and load_path(path).unread == {}
    criteria = {c["id"]: c for c in priorauth.check(str(path), as_of="2026-11-20")["criteria"]}
    assert criteria["nsclc_diagnosis"]["status"] == "met"
