"""A fax number belongs to a payer: the practice directory entry matching the chart's coverage (name,
alias, identifier), never one number for every payer without a pack, and a blank when none matches."""

from __future__ import annotations

import copy
import json

import pytest

from priorauth.api import evaluate
from priorauth.errors import PriorauthError
from priorauth.outputs.packet.practice import load_practice
from priorauth.outputs.packet.view import build_view
from tests.conftest import ROOT

CHART = json.loads((ROOT / "examples/nsclc-ready.json").read_text())
PRACTICE = load_practice(ROOT / "examples/practice.yaml")


def _with_payer(org: dict | None) -> dict:
    chart = copy.deepcopy(CHART)
    entries = []
    for e in chart["entry"]:
        r = e["resource"]
        if r["resourceType"] == "Organization" and r["id"] == "payer1":
            if org is None:
                continue
            e = {**e, "resource": {"resourceType": "Organization", "id": "payer1", **org}}
        if r["resourceType"] == "Coverage" and org is None:
            continue
        entries.append(e)
    chart["entry"] = entries
    return chart


@pytest.mark.parametrize(
    ("what", "org", "fax"),
    [
        ("the payer's name", {"name": "Aetna"}, "(800) 555-0199"),
        ("an alias, in another case and spacing", {"name": "AETNA  inc."}, "(800) 555-0199"),
        (
            "an identifier",
            {"name": "A payer", "identifier": [{"system": "http://example.org/payer-id", "value": "60054"}]},
            "(800) 555-0199",
        ),
        ("a payer the practice has no entry for", {"name": "Cigna"}, None),
        ("no coverage at all", None, None),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_the_cover_faxes_the_charts_payer_or_nobody(what: str, org: dict | None, fax: str | None) -> None:
    view = build_view(evaluate(_with_payer(org), as_of="2026-11-20"), PRACTICE)
    assert view.payer_fax == fax, what


def test_a_default_key_is_refused(tmp_path) -> None:
    f = tmp_path / "practice.yaml"
    f.write_text((ROOT / "examples/practice.yaml").read_text().replace("  Aetna:\n", "  default:\n", 1))
    with pytest.raises(PriorauthError) as exc:
        load_practice(f)
    assert exc.value.code == "bad_practice" and "payer names" in exc.value.message
