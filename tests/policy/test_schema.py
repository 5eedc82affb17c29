"""Policy packs are validated data: unknown keys, unknown sources and unknown rules are errors."""

from __future__ import annotations

import pytest
import yaml

from priorauth.errors import PriorauthError
from priorauth.evaluate import advisories, documents
from priorauth.evaluate.criteria import REGISTRY as CRITERIA
from priorauth.policy import registry
from tests.conftest import PACKS


@pytest.mark.parametrize("pack_id", registry.pack_ids())
def test_pack_names_only_registered_rules(pack_id: str) -> None:
    pack = registry.load(pack_id)
    for ind in pack.indications.values():
        for c in [*ind.initial, *ind.renewal]:
            assert c.id in CRITERIA
    assert {a.id for a in pack.advisories} <= set(advisories.REGISTRY)
    assert {d.id for d in pack.documents} <= set(documents.REGISTRY)


def _default() -> dict:
    return yaml.safe_load((PACKS / "default.yaml").read_text())


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(colour="blue"), "colour"),
        (lambda d: d["parameters"].update(max_dose=1), "parameters.max_dose"),
        (lambda d: d["indications"]["nsclc"]["initial"][0].update(source="nowhere"), "unknown sources: nowhere"),
        (lambda d: d["sources"].update(label="http://insecure.example"), "https://"),
        (lambda d: d["parameters"].update(max_daily_dose_mg=-5), "max_daily_dose_mg"),
        (lambda d: d.pop("review_by"), "review_by"),
        (lambda d: d["indications"]["nsclc"]["initial"].append(d["indications"]["nsclc"]["initial"][0]), "twice"),
    ],
)
def test_invalid_pack_is_one_line_naming_the_field(edit, message: str) -> None:
    data = _default()
    edit(data)
    with pytest.raises(PriorauthError) as exc:
        registry.parse(yaml.safe_dump(data), "broken.yaml")
    assert exc.value.code == "bad_policy"
    assert "broken.yaml" in exc.value.message and message in exc.value.message
    assert "\n" not in exc.value.message


def test_every_rule_cites_a_source() -> None:
    pack = registry.load("default")
    for ind in pack.indications.values():
        for c in [*ind.initial, *ind.renewal]:
            assert pack.sources[c.source]


def test_payer_choice_falls_back_to_default() -> None:
    choice = registry.choose(None, ["Aetna"], {"Organization/x"})
    assert choice.pack.id == "default" and "default" in choice.reason
    assert registry.choose("default", [], set()).reason == "chosen with --payer default"
