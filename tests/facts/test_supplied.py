"""Attestations and approvals supplied beside the chart (``check(attestations=, approvals=)``): each kind
feeds its criterion as evidence ``Attestation/<id>`` / ``Decision/<id>``; bad ones are one clear error."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import priorauth
from priorauth.errors import PriorauthError
from tests.conftest import ROOT

AS_OF = "2026-11-20"
BUNDLE = json.loads((ROOT / "examples/nsclc-ready.json").read_text())


def _crit(doc: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in doc["criteria"] if c["id"] == cid)


def _without(types: set[str]) -> dict[str, Any]:
    b = copy.deepcopy(BUNDLE)
    b["entry"] = [e for e in b["entry"] if e["resource"]["resourceType"] not in types]
    return b


def test_no_supplied_facts_changes_nothing() -> None:
    assert priorauth.check(BUNDLE, as_of=AS_OF) == priorauth.check(BUNDLE, as_of=AS_OF, attestations=[], approvals=[])


def test_monotherapy_attestation_is_cited_by_single_agent() -> None:
    att = {"id": "a1", "kind": "monotherapy", "text": "Single agent.", "date": AS_OF, "by": "Dr. Prescriber"}
    crit = _crit(priorauth.check(BUNDLE, as_of=AS_OF, attestations=[att]), "single_agent")
    assert crit["status"] == "met"
    ev = next(e for e in crit["evidence"] if e["source"] == "Attestation/a1")
    assert ev["date"] == AS_OF and "Dr. Prescriber" in ev["text"]


def test_monotherapy_attestation_against_an_active_other_drug_asks_for_review() -> None:
    b = copy.deepcopy(BUNDLE)
    b["entry"].append(
        {
            "resource": {
                "resourceType": "MedicationRequest",
                "id": "other",
                "status": "active",
                "intent": "order",
                "subject": {"reference": "Patient/p1"},
                "authoredOn": "2026-11-01",
                "medicationCodeableConcept": {"text": "docetaxel"},
            }
        }
    )
    assert _crit(priorauth.check(b, as_of=AS_OF), "single_agent")["status"] == "not_met"
    att = {"id": "a1", "kind": "monotherapy", "text": "Docetaxel was stopped.", "date": AS_OF}
    crit = _crit(priorauth.check(b, as_of=AS_OF, attestations=[att]), "single_agent")
    assert crit["status"] == "review" and "Attestation/a1" in [e["source"] for e in crit["evidence"]]


def test_progression_attestation_settles_disease_progression() -> None:
    chart = _without({"Observation", "DiagnosticReport", "DocumentReference"})
    assert _crit(priorauth.check(chart, as_of=AS_OF), "disease_progression")["status"] == "insufficient"
    att = {
        "id": "p9",
        "kind": "progression",
        "text": "Progression on CT after carboplatin/pemetrexed.",
        "date": "2026-10-01",
    }
    crit = _crit(priorauth.check(chart, as_of=AS_OF, attestations=[att]), "disease_progression")
    assert crit["status"] == "met"
    assert "Attestation/p9" in [e["source"] for e in crit["evidence"]]


def test_an_attestation_dated_after_as_of_does_not_count_yet() -> None:
    att = {"id": "late", "kind": "monotherapy", "text": "x", "date": "2026-12-01"}
    crit = _crit(priorauth.check(BUNDLE, as_of=AS_OF, attestations=[att]), "single_agent")
    assert "Attestation/late" not in [e["source"] for e in crit["evidence"]]


def test_an_approval_makes_a_renewal() -> None:
    payer = priorauth.check(BUNDLE, as_of=AS_OF)["payer"]["name"]
    approval = {
        "id": "d1",
        "auth_number": "PA-1",
        "start": "2026-06-01",
        "end": "2026-12-31",
        "payer_name": payer,
        "date": "2026-06-01",
    }
    doc = priorauth.check(BUNDLE, as_of=AS_OF, approvals=[approval])
    assert doc["request_type"] == "renewal"
    assert (doc["prior_authorization"]["number"], doc["prior_authorization"]["source"]) == ("PA-1", "Decision/d1")
    other_payer = priorauth.check(BUNDLE, as_of=AS_OF, approvals=[{**approval, "payer_name": "Another Plan"}])
    assert other_payer["request_type"] == "initial"  # an approval by another payer is not this payer's renewal
    other_drug = priorauth.check(BUNDLE, as_of=AS_OF, approvals=[{**approval, "drug": "adagrasib"}])
    assert other_drug["request_type"] == "initial"


@pytest.mark.parametrize(
    ("attestations", "approvals", "fragment"),
    [
        ([{"id": "x", "kind": "telepathy", "text": "t"}], [], "kind"),
        ([{"id": "x", "kind": "monotherapy", "text": " "}], [], "needs a text"),
        ([{"id": "x", "kind": "monotherapy", "text": "t", "date": "soon"}], [], "not a date"),
        ([], [{"id": "d", "auth_number": ""}], "authorization number"),
        ([], [{"id": "d", "auth_number": "A", "end": "2026-02-30"}], "not a date"),
    ],
)
def test_bad_supplied_facts_are_one_error(attestations: list[Any], approvals: list[Any], fragment: str) -> None:
    with pytest.raises(PriorauthError) as err:
        priorauth.check(BUNDLE, as_of=AS_OF, attestations=attestations, approvals=approvals)
    assert err.value.code == "bad_argument" and fragment in err.value.message
