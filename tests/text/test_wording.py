"""The wording classes as data: one table per finding type under tests/text/wording/ (``kras.yaml``,
``treatment_naive.yaml``, ...). A case is a text of our own (none copied from a held-out set), the (type=value)
pairs the reader must find in it and must not find, the class of wording it tests and the reading pass that added it
(``pass: v7``, ``pass: ocr5``: the history docs/clinical-text.md cites). One test reads every case; its id names the
table, the pass and the case's place among that pass's cases in the table (``naive-v10-003``).

A value ``*`` under ``not_found`` means no value of that type at all (``stage=*``: no stage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.text.reading import found

TABLES = ROOT / "tests/text/wording"
# table (finding type) -> the short name its case ids start with
TYPES = {
    "kras": "kras",
    "histology": "histology",
    "stage": "stage",
    "spread": "spread",
    "therapy": "therapy",
    "treatment_naive": "naive",
    "disease_status": "status",
    "monotherapy": "mono",
    "ild": "ild",
}
KEYS = {"pass", "class", "name", "text", "found", "not_found"}
REQUIRED = ("pass", "class", "text")
PASS = re.compile(r"^(v|ocr)\d+s?$")  # "ocr21s": a safety pass on a set (issue 17)
PAIR = re.compile(r"^([a-z_]+)=(\S+)$")
ANY = "*"

Pair = tuple[str, str]


class TableError(ValueError):
    """A wording table that cannot be read as cases: names the file and the case."""


@dataclass(frozen=True)
class WordingCase:
    id: str
    table: str
    pass_name: str
    cls: str
    name: str | None
    text: str
    found: frozenset[Pair]
    not_found: frozenset[Pair]

    def describe(self) -> str:
        what = f"{self.cls} / {self.name}" if self.name else self.cls
        return f"{self.id} ({self.table}.yaml, pass {self.pass_name}: {what})"


def _pairs(raw: object, where: str, key: str) -> frozenset[Pair]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        raise TableError(f"{where}: {key} must be a list of type=value")
    out = set()
    for item in raw:
        match = PAIR.match(item) if isinstance(item, str) else None
        if not match:
            raise TableError(f"{where}: {key} has {item!r}, not type=value")
        if match[1] not in TYPES:
            raise TableError(f"{where}: {key} has unknown type {match[1]!r} (known: {', '.join(TYPES)})")
        if match[2] == ANY and key != "not_found":
            raise TableError(f"{where}: {key} cannot use {ANY!r}; it means 'no value' under not_found only")
        out.add((match[1], match[2]))
    return frozenset(out)


def _case(raw: object, where: str, table: str, number: int) -> WordingCase:
    if not isinstance(raw, dict):
        raise TableError(f"{where}: a case must be a mapping")
    unknown = set(raw) - KEYS
    if unknown:
        raise TableError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise TableError(f"{where}: {key!r} must be a non-empty string")
    if not PASS.match(raw["pass"]):
        raise TableError(f"{where}: pass {raw['pass']!r} is not a reading pass (v7, ocr5, ...)")
    want, unwanted = _pairs(raw.get("found"), where, "found"), _pairs(raw.get("not_found"), where, "not_found")
    if not want and not unwanted:
        raise TableError(f"{where}: no expectation (found or not_found)")
    return WordingCase(
        id=f"{TYPES[table]}-{raw['pass']}-{number:03d}",
        table=table,
        pass_name=raw["pass"],
        cls=raw["class"],
        name=raw.get("name"),
        text=raw["text"],
        found=want,
        not_found=unwanted,
    )


def load_table(path: Path) -> list[WordingCase]:
    table = path.stem
    if table not in TYPES:
        raise TableError(f"{path.name}: no finding type {table!r} (known: {', '.join(TYPES)})")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {"cases"} or not isinstance(data["cases"], list):
        raise TableError(f"{path.name}: expected one key, 'cases', holding a list")
    per_pass: dict[str, int] = {}
    cases = []
    for index, raw in enumerate(data["cases"], start=1):
        where = f"{path.name} case {index}"
        number = per_pass.get(raw.get("pass"), 0) + 1 if isinstance(raw, dict) else 0
        case = _case(raw, where, table, number)
        per_pass[case.pass_name] = number
        cases.append(case)
    return cases


def load_tables(folder: Path = TABLES) -> list[WordingCase]:
    return [case for path in sorted(folder.glob("*.yaml")) for case in load_table(path)]


def unmet(case: WordingCase, got: set[Pair]) -> tuple[set[Pair], set[Pair]]:
    """The pairs missing from what the reader found, and those found that must not be."""
    types = {t for t, _ in got}
    unwanted = {(t, v) for t, v in case.not_found if (t in types if v == ANY else (t, v) in got)}
    return set(case.found - got), unwanted


CASES = load_tables()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_wording_case(case: WordingCase) -> None:
    got = found(case.text)
    missing, unwanted = unmet(case, got)
    assert not missing and not unwanted, (
        f"{case.describe()}: missing {sorted(missing)}, unwanted {sorted(unwanted)}\n"
        f"  text: {case.text!r}\n  found: {sorted(got)}"
    )


def test_one_table_per_finding_type() -> None:
    assert sorted(p.stem for p in TABLES.glob("*.yaml")) == sorted(TYPES)
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("- {pass: v7, class: c, text: t, found: [kras=g12c_present], why: x}", "unknown key(s) why"),
        ("- {pass: v7, class: c, text: t}", "no expectation"),
        ("- {pass: v7, class: c, found: [kras=g12c_present]}", "'text' must be a non-empty string"),
        ("- {pass: v7, text: t, found: [kras=g12c_present]}", "'class' must be a non-empty string"),
        ("- {pass: july, class: c, text: t, found: [kras=g12c_present]}", "not a reading pass"),
        ("- {pass: v7, class: c, text: t, found: [kras g12c_present]}", "not type=value"),
        ("- {pass: v7, class: c, text: t, found: [kras=g12c_present, krass=g12c_absent]}", "unknown type 'krass'"),
        ("- {pass: v7, class: c, text: t, found: ['stage=*']}", "under not_found only"),
    ],
)
def test_a_malformed_case_fails_naming_it(tmp_path: Path, case: str, error: str) -> None:
    path = tmp_path / "kras.yaml"
    path.write_text("cases:\n" + case + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=re.escape(error)) as raised:
        load_table(path)
    assert "kras.yaml case 1" in str(raised.value)


def test_a_table_of_an_unknown_type_fails(tmp_path: Path) -> None:
    path = tmp_path / "krass.yaml"
    path.write_text("cases: []\n", encoding="utf-8")
    with pytest.raises(TableError, match="no finding type 'krass'"):
        load_table(path)


def test_no_value_of_a_type_means_none_of_it() -> None:
    case = _case({"pass": "v9", "class": "c", "text": "t", "not_found": ["stage=*"]}, "here", "stage", 1)
    assert unmet(case, {("stage", "3")}) == (set(), {("stage", "*")})
    assert unmet(case, {("histology", "nsclc")}) == (set(), set())
