"""Fuzz/property layer over real-world structured shapes (bounded for CI): random partial or unreadable
dates, missing ids (cited by fullUrl), and entered-in-error twins of any resource, on the default pack's
base charts. Whatever the draw: a determination (never a crash), every cited source exists in the
chart, a twin is never cited, every met/not_met cites evidence (absence criteria aside), and an
unreadable date is a warning."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import priorauth
from priorauth.chart import dates
from tests.conftest import load_cases

SPEC = load_cases("default")
AS_OF = SPEC["as_of"]
STATUSES = {"met", "not_met", "insufficient", "review"}
ABSENCE = {"single_agent", "no_prior_kras_g12c_inhibitor"}
BASES = sorted(SPEC["bases"])


def _date_slots(r: dict[str, Any], path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for k, v in r.items():
        if isinstance(v, str) and k in dates.DATE_KEYS and dates.parse(v):
            out.append((*path, k))
        elif isinstance(v, dict):
            out += _date_slots(v, (*path, k))
        elif isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, dict):
                    out += _date_slots(item, (*path, k, i))
    return out


def _set(r: dict[str, Any], path: tuple[Any, ...], value: str) -> None:
    node: Any = r
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _void(r: dict[str, Any]) -> dict[str, Any]:
    twin = copy.deepcopy(r)
    twin["id"] = f"{r.get('id', 'x')}-void"
    if r["resourceType"] == "Condition":
        twin["verificationStatus"] = {"coding": [{"code": "refuted"}]}
    else:
        twin["status"] = "entered-in-error"
    return twin


@st.composite
def charts(draw: st.DrawFn) -> tuple[dict[str, Any], set[str], set[str]]:
    """A Bundle, the references that may be cited, and the twins' references (never cited)."""
    resources = copy.deepcopy(SPEC["bases"][draw(st.sampled_from(BASES))])
    twins: list[dict[str, Any]] = []
    for r in resources:
        if r["resourceType"] == "Patient":
            continue
        op = draw(st.sampled_from(["keep", "keep", "partial", "unreadable", "twin", "no-id"]))
        slots = _date_slots(r)
        if op == "partial" and slots:
            path = draw(st.sampled_from(slots))
            node: Any = r
            for key in path:
                node = node[key]
            _set(r, path, node[: draw(st.sampled_from([4, 7]))])
        elif op == "unreadable" and slots:
            _set(r, draw(st.sampled_from(slots)), draw(st.sampled_from(["2026-02-30", "13/01/2026", "soon"])))
        elif op == "twin" and ("status" in r or r["resourceType"] == "Condition"):
            twins.append(_void(r))
        elif op == "no-id":
            r.pop("id", None)
    entries, citable = [], set()
    for i, r in enumerate(resources + twins):
        full = f"urn:uuid:00000000-0000-4000-8000-{i:012d}"
        entries.append({"fullUrl": full, "resource": r})
        citable.add(f"{r['resourceType']}/{r['id']}" if r.get("id") else full)
    void = {f"{t['resourceType']}/{t['id']}" for t in twins}
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}, citable - void, void


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(drawn=charts())
def test_structured_shapes_never_break_the_contract(drawn: tuple[dict[str, Any], set[str], set[str]]) -> None:
    chart, citable, void = drawn
    doc = priorauth.check(chart, as_of=AS_OF)
    cited = set()
    for c in doc["criteria"]:
        assert c["status"] in STATUSES
        if c["status"] in ("met", "not_met") and c["id"] not in ABSENCE:
            assert c["evidence"], c
        cited |= {e["source"].split("#", 1)[0] for e in c["evidence"]}
    for a in doc["advisories"]:
        cited |= {e["source"].split("#", 1)[0] for e in a["evidence"]}
    assert cited <= citable, cited - citable
    assert not cited & void
    unreadable = [v for e in chart["entry"] for _, v in dates.unreadable(e["resource"])]
    for value in unreadable:
        assert any(value[:40] in w for w in doc.get("warnings", [])), value
