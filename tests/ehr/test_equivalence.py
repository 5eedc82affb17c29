"""The determination read from HAPI FHIR equals the one read from the file: overall, every criterion's
status and evidence, codes, advisories, documents, by the same Type/id — through Patient/$everything and
through US Core searches type by type (an EHR that does not offer $everything)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from priorauth.api import check
from priorauth.ehr import Connection, read_chart
from tests.ehr.conftest import AS_OF, EXAMPLES, comparable, example_file, synthea_files, synthea_patient

CASES = [pytest.param(n, id=n) for n in EXAMPLES] + [pytest.param(f"synthea-{i}", id=f"synthea-{i}") for i in range(3)]


def case(name: str) -> tuple[Path, str]:
    if name.startswith("synthea-"):
        path = synthea_files()[int(name.split("-")[1])]
        return path, synthea_patient(path)
    return example_file(name), name


def sources(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["source"]} if isinstance(node.get("source"), str) else set()
        return found.union(*(sources(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(sources(v) for v in node))
    return set()


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("path_kind", ["everything", "searches"])
def test_server_read_equals_file(name: str, path_kind: str, hapi: Any, proxy: Any) -> None:
    path, patient = case(name)
    from_file = check(path, as_of=AS_OF)
    if path_kind == "searches":
        proxy.hide_everything = True  # the same HAPI, as an EHR without Patient/$everything
        base = proxy.base
    else:
        base = hapi.base
    loaded, stats = read_chart(Connection(base), patient)
    from_server = check(loaded, as_of=AS_OF)
    assert stats.everything is (path_kind == "everything")
    assert from_server["overall"] == from_file["overall"]
    assert [(c["id"], c["status"]) for c in from_server["criteria"]] == [
        (c["id"], c["status"]) for c in from_file["criteria"]
    ]
    assert from_server["codes"] == from_file["codes"]
    assert from_server["advisories"] == from_file["advisories"]
    assert sources(from_server) == sources(from_file)
    assert comparable(from_server) == comparable(from_file)
    assert not [w for w in from_server.get("warnings", []) if "could not be read" in w]
