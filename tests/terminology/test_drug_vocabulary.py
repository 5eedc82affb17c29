"""Structural and content checks for src/priorauth/terminology/data/drugs.yaml."""

import json
import re
from pathlib import Path

import pytest
import yaml

VOCAB_PATH = Path(__file__).parents[2] / "src/priorauth/terminology/data/drugs.yaml"
CTM_PATH = Path(__file__).parents[3] / "shared/data/lung-drug-codes-ctm.json"

TOP_KEYS = {"version", "sources", "drugs", "regimens"}
DRUG_KEYS = {"ingredient", "class", "brands", "synonyms", "rxnorm", "rxnorm_products", "source"}
REGIMEN_KEYS = {"name", "aliases", "drugs", "source"}
CLASSES = {
    "chemotherapy",
    "immunotherapy",
    "targeted",
    "kras_g12c_inhibitor",
    "ppi",
    "h2ra",
    "antacid",
    "cyp3a4_inducer",
    "supportive",
}


def _load():
    with VOCAB_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


VOCAB = _load()
DRUGS = VOCAB["drugs"]
BY_INGREDIENT = {d["ingredient"]: d for d in DRUGS}


def _codes(drug):
    return list(drug["rxnorm"]) + list(drug["rxnorm_products"])


def _is_url(value):
    return isinstance(value, str) and re.match(r"^https?://\S+$", value) is not None


# --------------------------------------------------------------------------- structure


def test_top_level_keys_exact():
    assert set(VOCAB) == TOP_KEYS


def test_version_is_a_string():
    assert isinstance(VOCAB["version"], str) and VOCAB["version"]


def test_sources_are_https_urls():
    assert isinstance(VOCAB["sources"], dict) and VOCAB["sources"]
    for key, url in VOCAB["sources"].items():
        assert isinstance(key, str) and key
        assert isinstance(url, str) and url.startswith("https://"), key
        assert _is_url(url), key


def test_drug_entries_have_exactly_the_expected_keys():
    for drug in DRUGS:
        assert set(drug) - {"ndc"} == DRUG_KEYS, drug.get("ingredient")


NDC_KEYS = {"product", "strength_mg", "packages", "source"}


def test_ndc_products_name_their_source_and_strength():
    """Every NDC product cites where it was read (the label's How supplied / the FDA NDC Directory)."""
    seen = set()
    for drug in DRUGS:
        for p in drug.get("ndc", []):
            assert set(p) == NDC_KEYS, (drug["ingredient"], p)
            assert re.fullmatch(r"\d{4,5}-\d{3,4}", p["product"]), p
            assert all(pkg.startswith(p["product"] + "-") for pkg in p["packages"]), p
            assert isinstance(p["strength_mg"], (int, float)) and p["strength_mg"] > 0
            assert p["source"] in VOCAB["sources"] or _is_url(p["source"]), p
            assert p["product"] not in seen
            seen.add(p["product"])
    assert "55513-512" in seen  # LUMAKRAS 240 mg (clinical-facts.md: NDC 55513-512-60)


def test_drug_field_types():
    for drug in DRUGS:
        name = drug["ingredient"]
        assert isinstance(name, str) and name, drug
        for field in ("brands", "synonyms", "rxnorm", "rxnorm_products"):
            assert isinstance(drug[field], list), (name, field)
            assert all(isinstance(x, str) and x.strip() == x and x for x in drug[field]), (name, field)
        for code in _codes(drug):
            assert code.isdigit(), (name, code)


def test_class_is_allowed():
    for drug in DRUGS:
        assert drug["class"] in CLASSES, drug["ingredient"]


def test_ingredient_unique_and_lowercase():
    names = [d["ingredient"] for d in DRUGS]
    assert len(names) == len(set(names))
    for name in names:
        assert name == name.lower(), name


def test_synonyms_lowercase():
    for drug in DRUGS:
        for syn in drug["synonyms"]:
            assert syn == syn.lower(), (drug["ingredient"], syn)


def test_no_duplicate_codes_within_an_ingredient():
    for drug in DRUGS:
        codes = _codes(drug)
        assert len(codes) == len(set(codes)), drug["ingredient"]


def test_no_rxnorm_code_under_two_ingredients():
    owner = {}
    for drug in DRUGS:
        for code in _codes(drug):
            assert code not in owner, f"{code} under {owner.get(code)} and {drug['ingredient']}"
            owner[code] = drug["ingredient"]


def test_sources_resolve():
    keys = set(VOCAB["sources"])
    for item in DRUGS + VOCAB["regimens"]:
        src = item["source"]
        assert src in keys or _is_url(src), (item.get("ingredient") or item.get("name"), src)


def test_names_do_not_collide_across_ingredients():
    seen = {}
    for drug in DRUGS:
        own = {drug["ingredient"].lower()}
        own |= {b.lower() for b in drug["brands"]}
        own |= {s.lower() for s in drug["synonyms"]}
        for name in own:
            assert name not in seen, f"{name!r} used by {seen.get(name)} and {drug['ingredient']}"
            seen[name] = drug["ingredient"]


def test_regimen_entries_and_drugs_known():
    known = set(BY_INGREDIENT)
    assert VOCAB["regimens"]
    for reg in VOCAB["regimens"]:
        assert set(reg) == REGIMEN_KEYS, reg.get("name")
        assert isinstance(reg["name"], str) and reg["name"]
        assert isinstance(reg["aliases"], list)
        assert isinstance(reg["drugs"], list) and len(reg["drugs"]) >= 2, reg["name"]
        for ing in reg["drugs"]:
            assert ing in known, (reg["name"], ing)


def test_regimen_names_and_aliases_unique():
    seen = {}
    for reg in VOCAB["regimens"]:
        for name in [reg["name"], *reg["aliases"]]:
            key = name.lower()
            assert key not in seen, f"{name!r} in {seen.get(key)} and {reg['name']}"
            seen[key] = reg["name"]


def test_regimen_names_do_not_shadow_drug_names():
    drug_names = set()
    for drug in DRUGS:
        drug_names |= {drug["ingredient"].lower(), *(b.lower() for b in drug["brands"])}
        drug_names |= {s.lower() for s in drug["synonyms"]}
    for reg in VOCAB["regimens"]:
        for name in [reg["name"], *reg["aliases"]]:
            assert name.lower() not in drug_names, (reg["name"], name)


# --------------------------------------------------------------------------- content


def test_leucovorin_is_supportive_and_the_only_supportive_drug():
    assert BY_INGREDIENT["leucovorin"]["class"] == "supportive"
    assert [d["ingredient"] for d in DRUGS if d["class"] == "supportive"] == ["leucovorin"]


def test_kras_g12c_inhibitors():
    assert BY_INGREDIENT["sotorasib"]["class"] == "kras_g12c_inhibitor"
    assert BY_INGREDIENT["adagrasib"]["class"] == "kras_g12c_inhibitor"
    assert "Lumakras" in BY_INGREDIENT["sotorasib"]["brands"]
    assert "Krazati" in BY_INGREDIENT["adagrasib"]["brands"]


@pytest.mark.parametrize(
    "name, expected_class",
    [
        ("carboplatin", "chemotherapy"),
        ("cisplatin", "chemotherapy"),
        ("pemetrexed", "chemotherapy"),
        ("paclitaxel", "chemotherapy"),
        ("docetaxel", "chemotherapy"),
        ("oxaliplatin", "chemotherapy"),
        ("fluorouracil", "chemotherapy"),
        ("irinotecan", "chemotherapy"),
        ("pembrolizumab", "immunotherapy"),
        ("nivolumab", "immunotherapy"),
        ("durvalumab", "immunotherapy"),
        ("ipilimumab", "immunotherapy"),
        ("osimertinib", "targeted"),
        ("bevacizumab", "targeted"),
        ("panitumumab", "targeted"),
        ("cetuximab", "targeted"),
        ("sotorasib", "kras_g12c_inhibitor"),
        ("adagrasib", "kras_g12c_inhibitor"),
        ("omeprazole", "ppi"),
        ("pantoprazole", "ppi"),
        ("famotidine", "h2ra"),
        ("calcium carbonate", "antacid"),
        ("rifampin", "cyp3a4_inducer"),
        ("carbamazepine", "cyp3a4_inducer"),
        ("st. john's wort", "cyp3a4_inducer"),
        ("leucovorin", "supportive"),
    ],
)
def test_expected_class(name, expected_class):
    assert name in BY_INGREDIENT, name
    assert BY_INGREDIENT[name]["class"] == expected_class


@pytest.mark.parametrize(
    "text, ingredient",
    [
        ("Keytruda", "pembrolizumab"),
        ("carbo", "carboplatin"),
        ("pem", "pemetrexed"),
        ("pembro", "pembrolizumab"),
        ("5-FU", "fluorouracil"),
        ("nab-paclitaxel", "paclitaxel"),
        ("Abraxane", "paclitaxel"),
        ("Vectibix", "panitumumab"),
        ("Lumakras", "sotorasib"),
        ("Krazati", "adagrasib"),
        ("Protonix", "pantoprazole"),
        ("Pepcid", "famotidine"),
        ("Tums", "calcium carbonate"),
        ("rifampicin", "rifampin"),
        ("folinic acid", "leucovorin"),
    ],
)
def test_names_resolve(text, ingredient):
    index = {}
    for drug in DRUGS:
        for name in [drug["ingredient"], *drug["brands"], *drug["synonyms"]]:
            index[name.lower()] = drug["ingredient"]
    assert index.get(text.lower()) == ingredient


@pytest.mark.parametrize(
    "code, ingredient",
    [
        ("40048", "carboplatin"),
        ("2555", "cisplatin"),
        ("68446", "pemetrexed"),
        ("12574", "gemcitabine"),
        ("253337", "bevacizumab"),
        ("263034", "panitumumab"),
        ("1547545", "pembrolizumab"),
    ],
)
def test_confirmed_ingredient_codes(code, ingredient):
    assert code in BY_INGREDIENT[ingredient]["rxnorm"]


@pytest.mark.parametrize("code, ingredient", [("1736854", "cisplatin"), ("583214", "paclitaxel")])
def test_synthea_clinical_drug_codes(code, ingredient):
    assert code in _codes(BY_INGREDIENT[ingredient])


def test_sotorasib_codes():
    soto = BY_INGREDIENT["sotorasib"]
    for code in ("2550719", "2550725", "2628240", "2628242", "2687205", "2687207"):
        assert code in soto["rxnorm_products"], code
    assert soto["rxnorm"] == ["2550714"]


def test_every_regimen_from_the_brief_is_present():
    names = set()
    for reg in VOCAB["regimens"]:
        names.add(reg["name"].lower())
        names.update(a.lower() for a in reg["aliases"])
    for wanted in [
        "folfox",
        "folfiri",
        "folfoxiri",
        "capox",
        "xelox",
        "carbo/pem",
        "carboplatin/pemetrexed",
        "carbo/pem/pembro",
        "cis/pem",
        "carbo/taxol",
        "carbo/pac",
        "carbo/gem",
        "cis/etoposide",
        "carbo/pac/pembro",
        "folfiri-bev",
    ]:
        assert wanted in names, wanted


def test_folfox_resolves_to_its_drugs():
    folfox = next(r for r in VOCAB["regimens"] if r["name"] == "FOLFOX")
    assert sorted(folfox["drugs"]) == ["fluorouracil", "leucovorin", "oxaliplatin"]


# --------------------------------------------------------------------------- cross-check with ctm


def test_products_match_ctm_displays():
    if not CTM_PATH.exists():
        pytest.skip(f"{CTM_PATH} not present")
    entries = json.loads(CTM_PATH.read_text(encoding="utf-8"))
    display = {}
    for entry in entries:
        display.setdefault(entry["code"], entry["display"])
    checked = 0
    for drug in DRUGS:
        ingredient = drug["ingredient"]
        names = [ingredient] + [b.lower() for b in drug["brands"]]
        parts = ingredient.split("/") if "/" in ingredient else None
        for code in drug["rxnorm_products"]:
            if code not in display:
                continue
            text = display[code].lower()
            checked += 1
            ok = any(n in text for n in names)
            if parts:  # fixed combination: every component must be named
                ok = ok or all(p in text for p in parts)
            assert ok, f"{ingredient}: {code} {display[code]!r}"
    assert checked > 0


def test_ambiguous_abbreviations_are_not_names() -> None:
    """Never guess: words with a common non-drug meaning must not name a drug (EP = electrophysiology)."""
    data = _load()
    names = {n.lower() for d in data["drugs"] for n in [d["ingredient"], *d["brands"], *d["synonyms"]]}
    names |= {n.lower() for r in data["regimens"] for n in [r["name"], *r["aliases"]]}
    assert not names & {"ep", "pe", "cis", "pac", "ptx", "lv", "cape", "ram"}
