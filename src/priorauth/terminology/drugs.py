"""The drug vocabulary (``data/drugs.yaml``): ingredients, brands, synonyms, RxNorm codes, classes and
regimen shorthand, and the matcher that turns a medication's codes or words into ingredients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Classes whose drugs count as systemic anticancer therapy.
ANTICANCER = frozenset({"chemotherapy", "immunotherapy", "targeted", "kras_g12c_inhibitor"})


@dataclass(frozen=True)
class Drug:
    ingredient: str
    drug_class: str

    @property
    def anticancer(self) -> bool:
        return self.drug_class in ANTICANCER


@dataclass(frozen=True)
class Vocabulary:
    version: str
    drugs: dict[str, Drug]  # by ingredient
    by_code: dict[str, str]  # RxNorm code -> ingredient
    by_name: dict[str, tuple[str, ...]]  # lower-case name, brand, synonym or regimen -> ingredients
    pattern: re.Pattern[str]

    def from_text(self, text: str) -> list[Drug]:
        """Ingredients named in free words ("Keytruda 200 mg IV q3w", "carbo/pem/pembro", "FOLFOX")."""
        found: dict[str, Drug] = {}
        for m in self.pattern.finditer(text.lower()):
            for ing in self.by_name[m.group(0)]:
                found.setdefault(ing, self.drugs[ing])
        return list(found.values())

    def from_code(self, code: str) -> Drug | None:
        ing = self.by_code.get(code)
        return self.drugs[ing] if ing else None


@cache
def vocabulary() -> Vocabulary:
    raw = resources.files("priorauth.terminology").joinpath("data/drugs.yaml").read_text("utf-8")
    return build(yaml.load(raw, Loader=_LOADER))  # noqa: S506 - CSafeLoader/SafeLoader only


def build(data: dict[str, Any]) -> Vocabulary:
    drugs: dict[str, Drug] = {}
    by_code: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for d in data["drugs"]:
        ing = d["ingredient"].lower()
        drugs[ing] = Drug(ing, d["class"])
        for code in [*d.get("rxnorm", []), *d.get("rxnorm_products", [])]:
            by_code[str(code)] = ing
        for name in [ing, *d.get("brands", []), *d.get("synonyms", [])]:
            names.setdefault(name.lower(), []).append(ing)
    for reg in data.get("regimens", []):
        members = [m.lower() for m in reg["drugs"]]
        for name in [reg["name"], *reg.get("aliases", [])]:
            names.setdefault(name.lower(), []).extend(members)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
    by_name = {k: tuple(dict.fromkeys(v)) for k, v in names.items()}
    return Vocabulary(str(data["version"]), drugs, by_code, by_name, pattern)
