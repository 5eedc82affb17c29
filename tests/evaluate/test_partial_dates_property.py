"""Property: every date of every shared example, truncated to ``YYYY-MM`` or ``YYYY`` (all at once, and
random subsets at random precisions), gives a determination (never a crash) in which no criterion is
`met` or `not_met` unless the full dates give the same answer. Bounded for CI (a fixed number of draws)."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import priorauth
from priorauth.chart import dates
from tests.conftest import SHARED

EXAMPLES = sorted(p.name for p in (SHARED / "examples").glob("e0*.json")) if SHARED.exists() else []
AS_OF = "2026-11-20"


@cache
def _chart(name: str) -> dict[str, Any]:
    return json.loads((SHARED / "examples" / name).read_text("utf-8"))


@cache
def _full(name: str) -> dict[str, Any] | None:
    try:
        return priorauth.check(copy.deepcopy(_chart(name)), as_of=AS_OF)
    except priorauth.PriorauthError:
        return None


def date_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every full-day date element (the ones truncation can make partial)."""
    out: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, str) and k in dates.DATE_KEYS and (d := dates.parse(v)) and d.exact:
                out.append((*path, k))
            elif isinstance(v, dict | list):
                out += date_paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += date_paths(v, (*path, i))
    return out


def truncate(chart: dict[str, Any], cuts: dict[tuple[Any, ...], int]) -> dict[str, Any]:
    out = copy.deepcopy(chart)
    for path, width in cuts.items():
        node = out
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = node[path[-1]][:width]
    return out


def check_against_full(name: str, cuts: dict[tuple[Any, ...], int]) -> None:
    full = _full(name)
    chart = truncate(_chart(name), cuts)
    if full is None:  # an example without a usable patient stays an error, never a crash
        with pytest.raises(priorauth.PriorauthError):
            priorauth.check(chart, as_of=AS_OF)
        return
    partial = priorauth.check(chart, as_of=AS_OF)
    assert partial["request_type"] == full["request_type"]
    settled = {c["id"]: c["status"] for c in full["criteria"]}
    for c in partial["criteria"]:
        if c["status"] in ("met", "not_met"):
            assert settled[c["id"]] == c["status"], (name, c["id"], c["summary"], cuts)
        for e in c["evidence"]:
            assert e["date"] is None or dates.parse(e["date"]) is not None


@pytest.mark.parametrize("width", [7, 4], ids=["YYYY-MM", "YYYY"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_date_truncated(name: str, width: int) -> None:
    check_against_full(name, dict.fromkeys(date_paths(_chart(name)), width))


@pytest.mark.skipif(not EXAMPLES, reason="../shared absent")
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=st.data())
def test_random_dates_truncated(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(EXAMPLES))
    paths = date_paths(_chart(name))
    if not paths:
        return
    chosen = data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=6, unique=True))
    cuts = {p: data.draw(st.sampled_from([4, 7])) for p in chosen}
    check_against_full(name, cuts)


def test_examples_have_dates_to_truncate() -> None:
    if not EXAMPLES:
        pytest.skip("../shared absent")
    assert sum(len(date_paths(_chart(n))) for n in EXAMPLES) > 50
