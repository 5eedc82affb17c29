"""The drug vocabulary (``data/drugs.yaml``): ingredients, brands, synonyms, RxNorm codes, NDC products,
classes and regimen shorthand, and the matcher that turns a medication's codes or words into ingredients."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
class Product:
    """An NDC product (labeler + product code) of one drug, with its tablet strength and source."""

    ndc: str  # as printed on the label, e.g. "55513-512"
    ingredient: str
    strength_mg: float | None
    source: str


_NDC_SHAPES = {
    (4, 4, 2): (1, 0),
    (5, 3, 2): (0, 1),
    (5, 4, 1): (0, 0),
    (5, 4, 2): (0, 0),
    (4, 4): (1, 0),
    (5, 3): (0, 1),
    (5, 4): (0, 0),
}


def ndc_product_keys(code: str) -> tuple[str, ...]:
    """The 9-digit product keys (5-digit labeler + 4-digit product, the HIPAA 11-digit form without the
    package) an NDC as written can stand for: one for a hyphenated 10- or 11-digit NDC or an 11-digit one
    without hyphens; the possible readings of a 10-digit NDC without hyphens (its shape is lost)."""
    text = code.strip().replace(" ", "")
    parts = text.split("-")
    if not all(p.isdigit() for p in parts):
        return ()
    if len(parts) > 1:
        pad = _NDC_SHAPES.get(tuple(len(p) for p in parts))  # type: ignore[arg-type]
        if pad is None:
            return ()
        return ("0" * pad[0] + parts[0] + "0" * pad[1] + parts[1],)
    if len(text) == 11:
        return (text[:9],)
    if len(text) == 10:  # 4-4-2, 5-3-2 or 5-4-1
        return tuple(dict.fromkeys(("0" + text[:8], text[:5] + "0" + text[5:8], text[:9])))
    return ()


@dataclass(frozen=True)
class Vocabulary:
    version: str
    drugs: dict[str, Drug]  # by ingredient
    by_code: dict[str, str]  # RxNorm code -> ingredient
    by_name: dict[str, tuple[str, ...]]  # lower-case name, brand, synonym or regimen -> ingredients
    pattern: re.Pattern[str]
    by_ndc: dict[str, Product] = field(default_factory=dict)  # 9-digit product key -> product

    def product_from_ndc(self, code: str) -> Product | None:
        """The product an NDC (any common written form) names, if it is in the vocabulary."""
        found = {self.by_ndc[k] for k in ndc_product_keys(code) if k in self.by_ndc}
        return found.pop() if len(found) == 1 else None

    def from_ndc(self, code: str) -> Drug | None:
        product = self.product_from_ndc(code)
        return self.drugs[product.ingredient] if product else None

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
    by_ndc: dict[str, Product] = {}
    names: dict[str, list[str]] = {}
    for d in data["drugs"]:
        ing = d["ingredient"].lower()
        drugs[ing] = Drug(ing, d["class"])
        for code in [*d.get("rxnorm", []), *d.get("rxnorm_products", [])]:
            by_code[str(code)] = ing
        for p in d.get("ndc", []):
            source = data.get("sources", {}).get(p["source"], p["source"])
            product = Product(p["product"], ing, p.get("strength_mg"), source)
            for written in [p["product"], *p.get("packages", [])]:
                for key in ndc_product_keys(written):
                    by_ndc[key] = product
        for name in [ing, *d.get("brands", []), *d.get("synonyms", [])]:
            names.setdefault(name.lower(), []).append(ing)
    for reg in data.get("regimens", []):
        members = [m.lower() for m in reg["drugs"]]
        for name in [reg["name"], *reg.get("aliases", [])]:
            names.setdefault(name.lower(), []).extend(members)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
    by_name = {k: tuple(dict.fromkeys(v)) for k, v in names.items()}
    return Vocabulary(str(data["version"]), drugs, by_code, by_name, pattern, by_ndc)
