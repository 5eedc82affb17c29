"""Derive priorauth's compact ICD-10-CM table from simple-icd-10-cm (the April 2026 release).

simple-icd-10-cm parses its whole data set at import (~1.4 s), too slow for the CLI's cold path, so
the few chapters priorauth reasons about are written once to ``terminology/data/icd10cm.json``.
``tests/terminology/test_icd10.py`` checks the table against the library, so a library update that
changes a code fails the tests until this script is re-run:

    python scripts/build_icd10_table.py
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import simple_icd_10_cm as cm

# Categories priorauth reads: lung (C34), colorectal (C18-C20), secondary malignancy (C77-C79),
# personal history of lung cancer (Z85.1x), interstitial lung disease (J84) and drug-induced ILD (J70).
CATEGORIES = ("C18", "C19", "C20", "C34", "C77", "C78", "C79", "J70", "J84", "Z85")
OUT = Path(__file__).parents[1] / "src/priorauth/terminology/data/icd10cm.json"


def build() -> dict[str, object]:
    codes: dict[str, list[object]] = {}
    for cat in CATEGORIES:
        for code in [cat, *cm.get_descendants(cat)]:
            dotted = cm.add_dot(code)
            codes[dotted] = [cm.is_leaf(code), cm.get_description(code)]
    return {
        "source": "simple-icd-10-cm " + version("simple-icd-10-cm") + " (ICD-10-CM April 2026 release, CDC/NCHS)",
        "source_url": "https://github.com/StefanoTrv/simple_icd_10_CM",
        "categories": list(CATEGORIES),
        "codes": dict(sorted(codes.items())),
    }


if __name__ == "__main__":
    table = build()
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in table.pop("codes").items()]
    head = json.dumps(table, ensure_ascii=False)[:-1]
    OUT.write_text(head + ', "codes": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    print(f"wrote {OUT}")
