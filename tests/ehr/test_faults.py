"""Faults between priorauth and a real HAPI FHIR server (a proxy of ours injects them): the determination
still comes out, with warnings naming what was not read, and no criterion more confident than the data."""

from __future__ import annotations

from typing import Any

from priorauth.api import check
from priorauth.ehr import Connection, Limits, read_chart
from priorauth.ehr.http import FhirHttp
from priorauth.ehr.source import FhirSource
from priorauth.evaluate.unread import NEEDS
from tests.ehr.conftest import AS_OF, EXTRA_OBSERVATIONS, MANY, comparable, example_file
from tests.ehr.servers import Rule, outcome

FAST = Limits(connect_timeout=2, read_timeout=2, retries=2, backoff=0.05, max_wait=5)


def searching(rtype: str):  # type: ignore[no-untyped-def]
    return lambda path: path.startswith(f"/fhir/{rtype}?")


def assert_no_more_confident(server_doc: dict[str, Any], file_doc: dict[str, Any], unread: set[str]) -> None:
    """Criteria resting on an unread type are insufficient; the others are as the file says."""
    assert [c["id"] for c in server_doc["criteria"]] == [c["id"] for c in file_doc["criteria"]]
    for got, want in zip(server_doc["criteria"], file_doc["criteria"], strict=True):
        if NEEDS[got["id"]] & unread and want["status"] in ("met", "not_met"):
            assert got["status"] == "insufficient", got
            assert "could not be read" in got["summary"]
        else:
            assert got["status"] == want["status"], got


def test_one_type_answering_500(proxy: Any) -> None:
    proxy.hide_everything = True
    proxy.rules.append(Rule(searching("Observation"), lambda n: outcome(500, "database on fire")))
    loaded, _ = read_chart(Connection(proxy.base, limits=FAST), "e01")
    doc = check(loaded, as_of=AS_OF)
    file_doc = check(example_file("e01"), as_of=AS_OF)
    assert file_doc["overall"] == "ready"
    assert loaded.unread.keys() == {"Observation"}
    assert any(
        w.startswith("Observation could not be read from the EHR (HTTP 500: database on fire)") for w in doc["warnings"]
    )
    assert_no_more_confident(doc, file_doc, {"Observation"})
    kras = next(c for c in doc["criteria"] if c["id"] == "kras_g12c")
    assert kras["status"] == "insufficient"
    assert doc["overall"] == "needs_documentation"


def test_429_with_retry_after_is_waited_for(hapi: Any, proxy: Any) -> None:
    proxy.hide_everything = True
    proxy.rules.append(
        Rule(searching("Condition"), lambda n: outcome(429, "slow down", {"Retry-After": "1"}) if n < 2 else None)
    )
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)

    # Generous timeouts: a HAPI slow under a loaded CI machine must not add transport retries here.
    patient = Limits(connect_timeout=10, read_timeout=30, retries=2, backoff=0.05, max_wait=5)
    http = FhirHttp(proxy.base, limits=patient, sleep=sleep)
    loaded = FhirSource(http, "e01").read()
    http.close()
    # The server's Retry-After, twice, then the answer. Any other wait is a transport retry's backoff
    # (at most 0.1 s with these limits), never the Retry-After's second.
    honoured = [w for w in waits if w > 2 * patient.backoff]
    retried = len(waits) - len(honoured)
    assert honoured == [1.0, 1.0], waits
    assert 3 <= sum(1 for p in proxy.requests if p.startswith("/fhir/Condition?")) <= 3 + retried
    assert not loaded.unread
    assert comparable(check(loaded, as_of=AS_OF)) == comparable(check(example_file("e01"), as_of=AS_OF))


def test_retry_after_longer_than_allowed_is_a_failed_read(proxy: Any) -> None:
    proxy.hide_everything = True
    proxy.rules.append(
        Rule(searching("MedicationRequest"), lambda n: outcome(503, "maintenance", {"Retry-After": "3600"}))
    )
    loaded, _ = read_chart(Connection(proxy.base, limits=FAST), "e01")
    assert "MedicationRequest" in loaded.unread
    doc = check(loaded, as_of=AS_OF)
    assert_no_more_confident(doc, check(example_file("e01"), as_of=AS_OF), {"MedicationRequest"})


def test_slow_page_past_the_timeout(proxy: Any) -> None:
    """The second page of Observations never comes in time: Observation is unread (not half-read)."""
    proxy.hide_everything = True
    proxy.rules.append(Rule(lambda p: "_getpages=" in p, lambda n: 4.0))  # every later page: 4 s > 2 s timeout
    small_pages = Limits(connect_timeout=2, read_timeout=2, retries=1, backoff=0.05, page_size=100)
    loaded, _ = read_chart(Connection(proxy.base, limits=small_pages), MANY)
    assert "Observation" in loaded.unread
    assert "no answer within the read timeout" in loaded.unread["Observation"]
    doc = check(loaded, as_of=AS_OF)
    assert any("Observation could not be read" in w for w in doc["warnings"])
    kras = next(c for c in doc["criteria"] if c["id"] == "kras_g12c")
    assert kras["status"] == "insufficient"


def test_slow_first_attempt_is_retried(proxy: Any) -> None:
    proxy.hide_everything = True
    proxy.rules.append(Rule(searching("Condition"), lambda n: 4.0 if n == 0 else None))
    loaded, _ = read_chart(Connection(proxy.base, limits=FAST), "e01")
    assert not loaded.unread
    assert check(loaded, as_of=AS_OF)["overall"] == check(example_file("e01"), as_of=AS_OF)["overall"]


def test_a_thousand_observations_over_many_pages(hapi: Any) -> None:
    limits = Limits(page_size=50)
    loaded, stats = read_chart(Connection(hapi.base, limits=limits), MANY)
    observations = [r for r in loaded.resources if r.type == "Observation"]
    assert len(observations) >= EXTRA_OBSERVATIONS
    assert stats.pages["$everything"] >= EXTRA_OBSERVATIONS // 50
    doc = check(loaded, as_of=AS_OF)
    assert doc["overall"] == "ready"
    assert not loaded.unread


def test_page_cap_marks_the_type_unread(proxy: Any) -> None:
    proxy.hide_everything = True
    limits = Limits(page_size=50, max_pages=5)
    loaded, _ = read_chart(Connection(proxy.base, limits=limits), MANY)
    assert "page cap" in loaded.unread["Observation"]
    doc = check(loaded, as_of=AS_OF)
    assert any("Observation could not be read" in w for w in doc["warnings"])
    assert next(c for c in doc["criteria"] if c["id"] == "kras_g12c")["status"] == "insufficient"
