"""Precision and recall of the clinical-text reader, per fact type, on the labelled corpora, each scored
separately: ``tuning`` (``tests/text/corpus.yaml``, written with the rules), ``heldout``
(``tests/text/heldout.yaml``, v1: written from the contract by someone who had not read the rules; its
errors have been read since 2026-11-30, so it is a development set now), ``heldout2``
(``tests/text/heldout2.yaml``, scored blind once, then read on 2026-11-30: a development set too),
``heldout3`` (``tests/text/heldout3.yaml``, scored blind once, then read on 2026-11-30 in the fourth pass: a
development set too), ``heldout4`` (``tests/text/heldout4.yaml``, scored blind once, then read on 2026-11-30 in the
fifth pass: a development set too), ``heldout5`` (``tests/text/heldout5.yaml``, written blind while v4 was read, scored
blind once, then read on 2026-11-30 in the sixth pass: a development set too), ``heldout6``
(``tests/text/heldout6.yaml``, written blind while v5 was read, scored blind once, then read on 2026-11-30 in the
seventh pass: a development set too), ``heldout7`` (``tests/text/heldout7.yaml``, written blind while v6 was read,
scored blind once, then read on 2026-12-01 in the eighth pass: a development set too), ``heldout8``
(``tests/text/heldout8.yaml``, written blind while v7 was read, scored blind once, then read on 2026-12-01 in the
ninth pass: a development set too), ``heldout9`` (``tests/text/heldout9.yaml``, written blind while v8 was read,
scored blind once, then read on 2026-12-01 in the tenth pass: a development set too), ``heldout10``
(``tests/text/heldout10.yaml``, written blind while v9 was read, scored blind once, then read on 2026-12-01 in the
eleventh pass: a development set too), ``heldout11`` (``tests/text/heldout11.yaml``, written blind while v10 was
read, scored blind once, then read on 2026-12-01 in the twelfth pass: a development set too), ``heldout12``
(``tests/text/heldout12.yaml``, written blind while v11 was read, scored blind once, then read on 2026-12-01 in the
thirteenth pass: a development set too), ``heldout13`` (``tests/text/heldout13.yaml``, written blind while v12 was
read, scored blind once, then read on 2026-12-01 in the fourteenth pass: a development set too), ``heldout14``
(``tests/text/heldout14.yaml``, written blind while v13 was read, scored blind once, then read on 2026-12-01 in the
fifteenth pass: a development set too), ``heldout15`` (``tests/text/heldout15.yaml``, written blind while v14 was
read, scored blind once, then read on 2026-12-01 in the sixteenth pass: a development set too), ``heldout16``
(``tests/text/heldout16.yaml``, written blind while v15 was read, scored blind once, then read on 2026-12-01 in the
seventeenth pass: a development set too), ``heldout17`` (``tests/text/heldout17.yaml``, written blind while v16 was
read, scored blind once, then read on 2026-12-01 in the eighteenth pass: a development set too), ``heldout18``
(``tests/text/heldout18.yaml``, written blind while v17 was read, scored blind once on 2026-12-01, then read on
2026-12-02 in the nineteenth pass: a development set too), ``heldout19`` (``tests/text/heldout19.yaml``, written
blind while v18 was read, scored blind once, then read on 2026-12-02 in the twentieth pass: a development set too),
``heldout20`` (``tests/text/heldout20.yaml``, written blind while v19 was read, scored blind once, then read on
2026-12-02 in the twenty-first pass: a development set too), ``heldout21`` (``tests/text/heldout21.yaml``, written
blind while v20 was read, scored blind once, then read on 2026-12-02 in the twenty-second pass: a development set
too), ``heldout22`` (``tests/text/heldout22.yaml``, written blind while v21 was read, scored blind once, then read
on 2026-12-02 in the twenty-third pass: a development set too), ``heldout23`` (``tests/text/heldout23.yaml``, written
blind while v22 was read, scored blind once, then read on 2026-12-02 in the twenty-fourth pass: a development set
too), ``heldout24`` (``tests/text/heldout24.yaml``, written blind while v23 was read, scored blind once, then read on
2026-12-02 in the twenty-fifth pass: a development set too), ``heldout25`` (``tests/text/heldout25.yaml``, written
blind while v24 was read, scored blind once, then read on 2026-12-02 in the twenty-sixth pass: a development set
too), ``heldout26`` (``tests/text/heldout26.yaml``, written
blind while v25 was read, scored blind once, then read on 2026-12-02 in the twenty-seventh pass: a development set
too), ``heldout27`` (``tests/text/heldout27.yaml``, written
blind while v26 was read, scored blind once, then read on 2026-12-02 in the twenty-eighth pass: a development set
too), ``heldout28`` (``tests/text/heldout28.yaml``, written blind while v27 was read, scored blind once, then read on
2026-12-02 in the twenty-ninth pass: a development set too), ``heldout29`` (``tests/text/heldout29.yaml``, written blind while v28 was read, scored
blind once, then read on 2026-12-03 in the thirtieth pass: a development set too), ``heldout30``
(``tests/text/heldout30.yaml``, written blind while v29 was read, scored blind once, then read on 2026-12-03 in the
thirty-first pass: a development set too), ``heldout31`` (``tests/text/heldout31.yaml``, written blind while v30 was
read, scored blind once on 2026-12-03, then read in the thirty-second pass: a development set too), ``heldout32``
(``tests/text/heldout32.yaml``, written blind while v31 was read, scored blind once on 2026-12-03, then read in the
thirty-third pass: a development set too), ``heldout33`` (``tests/text/heldout33.yaml``, written blind while v32 was
read, scored blind once on 2026-12-03, then read in the thirty-fourth pass: a development set too), ``heldout34``
(``tests/text/heldout34.yaml``, written blind while v33 was read, scored blind once on 2026-12-03, then read in the
thirty-fifth pass: a development set too), ``heldout35`` (``tests/text/heldout35.yaml``, the held-out set, written
blind while v34 was read; merged by the lead), ``heldout36`` (``tests/text/heldout36.yaml``, written blind while v34
was read: US oncology charts, the issue's own population; merged by the lead), ``heldout37``
(``tests/text/heldout37.yaml``, written blind on 2026-12-04: US charts; scored once by the lead), ``heldout38``
(``tests/text/heldout38.yaml``, written blind on 2026-12-04 while v37 was read: US charts; scored once by the lead,
then read in the thirty-ninth pass: a development set too), ``heldout39`` (``tests/text/heldout39.yaml``, written blind
on 2026-12-04 while v38 was read: US charts; scored once by the lead, then read in the fortieth pass: a development set
too), ``heldout40`` (``tests/text/heldout40.yaml``, written blind on 2026-12-04 while v39 was read: US charts; scored
once by the lead, then read in the forty-first pass: a development set too), ``heldout41``
(``tests/text/heldout41.yaml``, written blind on 2026-12-05 while session 29's passes were fixed: US charts; scored
once by the lead, then read in the forty-second pass: a development set too), ``heldout42``
(``tests/text/heldout42.yaml``, written blind on 2026-12-05 while v41 was read: US charts; scored once by the lead)
and ``heldout43`` (``tests/text/heldout43.yaml``, the next held-out set; absent until merged: a
corpus whose file is absent, as each was until merged, is named absent and the scorer exits 1 when asked for it
alone), and what it finds in the real Synthea notes of ``../shared``.

    .venv/bin/python scripts/text_quality.py            # every corpus present
    .venv/bin/python scripts/text_quality.py --corpus heldout2  # one of them
    .venv/bin/python scripts/text_quality.py --synthea  # also the 1,215 Synthea bulk-export notes
    .venv/bin/python scripts/text_quality.py --errors   # also list every false positive / negative
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from priorauth.text.facts import TextFacts, from_documents
from priorauth.text.sources import TextDoc

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/text/corpus.yaml"
HELDOUT = ROOT / "tests/text/heldout.yaml"
HELDOUT2 = ROOT / "tests/text/heldout2.yaml"
HELDOUT3 = ROOT / "tests/text/heldout3.yaml"  # written blind while v2 was read; a development set since read
HELDOUT4 = ROOT / "tests/text/heldout4.yaml"  # written blind while v3 was read; a development set since read
HELDOUT5 = ROOT / "tests/text/heldout5.yaml"  # written blind while v4 was read; a development set since read
HELDOUT6 = ROOT / "tests/text/heldout6.yaml"  # written blind while v5 was read; a development set since read
HELDOUT7 = ROOT / "tests/text/heldout7.yaml"  # written blind while v6 was read; a development set since read
HELDOUT8 = ROOT / "tests/text/heldout8.yaml"  # written blind while v7 was read; a development set since read
HELDOUT9 = ROOT / "tests/text/heldout9.yaml"  # written blind while v8 was read; a development set since read
HELDOUT10 = ROOT / "tests/text/heldout10.yaml"  # written blind while v9 was read; a development set since read
HELDOUT11 = ROOT / "tests/text/heldout11.yaml"  # written blind while v10 was read; a development set since read
HELDOUT12 = ROOT / "tests/text/heldout12.yaml"  # written blind while v11 was read; a development set since read
HELDOUT13 = ROOT / "tests/text/heldout13.yaml"  # written blind while v12 was read; a development set since read
HELDOUT14 = ROOT / "tests/text/heldout14.yaml"  # written blind while v13 was read; a development set since read
HELDOUT15 = ROOT / "tests/text/heldout15.yaml"  # written blind while v14 was read; a development set since read
HELDOUT16 = ROOT / "tests/text/heldout16.yaml"  # written blind while v15 was read; a development set since read
HELDOUT17 = ROOT / "tests/text/heldout17.yaml"  # written blind while v16 was read; a development set since read
HELDOUT18 = ROOT / "tests/text/heldout18.yaml"  # written blind while v17 was read; a development set since read
HELDOUT19 = ROOT / "tests/text/heldout19.yaml"  # written blind while v18 was read; a development set since read
HELDOUT20 = ROOT / "tests/text/heldout20.yaml"  # written blind while v19 was read; a development set since read
HELDOUT21 = ROOT / "tests/text/heldout21.yaml"  # written blind while v20 was read; a development set since read
HELDOUT22 = ROOT / "tests/text/heldout22.yaml"  # written blind while v21 was read; a development set since read
HELDOUT23 = ROOT / "tests/text/heldout23.yaml"  # written blind while v22 was read; a development set since read
HELDOUT24 = ROOT / "tests/text/heldout24.yaml"  # written blind while v23 was read; read in the twenty-fifth pass
HELDOUT25 = ROOT / "tests/text/heldout25.yaml"  # written blind while v24 was read; read in the twenty-sixth pass
HELDOUT26 = ROOT / "tests/text/heldout26.yaml"  # written blind while v25 was read; read in the twenty-seventh pass
HELDOUT27 = ROOT / "tests/text/heldout27.yaml"  # written blind while v26 was read; read in the twenty-eighth pass
HELDOUT28 = ROOT / "tests/text/heldout28.yaml"  # written blind while v27 was read; scored blind once, then read
HELDOUT29 = ROOT / "tests/text/heldout29.yaml"  # written blind while v28 was read; a development set (30th pass)
HELDOUT30 = ROOT / "tests/text/heldout30.yaml"  # written blind while v29 was read; a development set (31st pass)
HELDOUT31 = ROOT / "tests/text/heldout31.yaml"  # written blind while v30 was read; a development set (32nd pass)
HELDOUT32 = ROOT / "tests/text/heldout32.yaml"  # written blind while v31 was read; a development set (33rd pass)
HELDOUT33 = ROOT / "tests/text/heldout33.yaml"  # written blind while v32 was read; a development set (34th pass)
HELDOUT34 = ROOT / "tests/text/heldout34.yaml"  # written blind while v33 was read; a development set (35th pass)
HELDOUT35 = ROOT / "tests/text/heldout35.yaml"  # written blind while v34 was read; the held-out set, merged by the lead
HELDOUT36 = ROOT / "tests/text/heldout36.yaml"  # written blind while v34 was read: the issue's own population (US)
HELDOUT37 = ROOT / "tests/text/heldout37.yaml"  # written blind on 2026-12-04 (US charts); scored once by the lead
HELDOUT38 = ROOT / "tests/text/heldout38.yaml"  # written blind on 2026-12-04 (US charts); scored once, read by t39
HELDOUT39 = ROOT / "tests/text/heldout39.yaml"  # written blind on 2026-12-04 (US charts); scored once, read by t40
HELDOUT40 = ROOT / "tests/text/heldout40.yaml"  # written blind on 2026-12-04 (US charts); scored once, read by t41
HELDOUT41 = ROOT / "tests/text/heldout41.yaml"  # written blind on 2026-12-05 (US charts); scored once, read by t42
HELDOUT42 = ROOT / "tests/text/heldout42.yaml"  # written blind on 2026-12-05 (US charts); scored once by the lead
HELDOUT43 = ROOT / "tests/text/heldout43.yaml"  # the next held-out set, absent until merged
CORPORA = {
    "tuning": CORPUS,
    "heldout": HELDOUT,
    "heldout2": HELDOUT2,
    "heldout3": HELDOUT3,
    "heldout4": HELDOUT4,
    "heldout5": HELDOUT5,
    "heldout6": HELDOUT6,
    "heldout7": HELDOUT7,
    "heldout8": HELDOUT8,
    "heldout9": HELDOUT9,
    "heldout10": HELDOUT10,
    "heldout11": HELDOUT11,
    "heldout12": HELDOUT12,
    "heldout13": HELDOUT13,
    "heldout14": HELDOUT14,
    "heldout15": HELDOUT15,
    "heldout16": HELDOUT16,
    "heldout17": HELDOUT17,
    "heldout18": HELDOUT18,
    "heldout19": HELDOUT19,
    "heldout20": HELDOUT20,
    "heldout21": HELDOUT21,
    "heldout22": HELDOUT22,
    "heldout23": HELDOUT23,
    "heldout24": HELDOUT24,
    "heldout25": HELDOUT25,
    "heldout26": HELDOUT26,
    "heldout27": HELDOUT27,
    "heldout28": HELDOUT28,
    "heldout29": HELDOUT29,
    "heldout30": HELDOUT30,
    "heldout31": HELDOUT31,
    "heldout32": HELDOUT32,
    "heldout33": HELDOUT33,
    "heldout34": HELDOUT34,
    "heldout35": HELDOUT35,
    "heldout36": HELDOUT36,
    "heldout37": HELDOUT37,
    "heldout38": HELDOUT38,
    "heldout39": HELDOUT39,
    "heldout40": HELDOUT40,
    "heldout41": HELDOUT41,
    "heldout42": HELDOUT42,
    "heldout43": HELDOUT43,
}
BULK = ROOT.parent / "shared/data/synthea-bulk-10"
TYPES = ("kras", "histology", "stage", "spread", "therapy", "treatment_naive", "disease_status", "monotherapy", "ild")


# How the scorer compares (both sides, every corpus), as the criteria read the facts:
# - KRAS: G12C present, or not G12C. "G12C not detected", "another KRAS variant" and "KRAS wild-type" are
#   one answer for the kras_g12c criterion (evaluate/criteria/kras.py) and the corpora's writers name them
#   differently ("KRAS wt" is `negative` in one, `g12c_absent` in the other), so all three score as
#   `g12c_absent`.
# - Therapy: a fixed combination of one vocabulary entry ("trifluridine/tipiracil") is its ingredients.
# - Spread: scored only for a text that states no stage group (a stage group decides advanced disease; this
#   is how the held-out writers read labels(): "spread only when a diagnosis has no stage").
NOT_G12C = {"g12c_absent", "other_variant", "negative"}


def _canonical(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    out = {("kras", "g12c_absent") if t == "kras" and v in NOT_G12C else (t, v) for t, v in pairs}
    # A fixed combination ("trifluridine/tipiracil", one vocabulary entry) scores as its ingredients, as writers
    # list them.
    out = {(t, part) for t, v in out for part in (v.split("/") if t == "therapy" else (v,))}
    if any(t == "stage" for t, _ in out):
        out = {(t, v) for t, v in out if t != "spread"}
    return out


def labels(found: TextFacts) -> set[tuple[str, str]]:
    """The (type, value) pairs a text asserts, in the corpus's vocabulary."""
    out: set[tuple[str, str]] = {("kras", k.status) for k in found.kras}
    for d in found.diagnoses:
        if d.site == "ild":
            out.add(("ild", "true"))
        if d.histology:
            out.add(("histology", d.histology))
        if d.stage:
            out.add(("stage", str(d.stage)))
        elif d.spread:
            out.add(("spread", "metastatic"))
    out |= {("therapy", drug.ingredient) for m in found.meds for drug in m.drugs}
    out |= {("disease_status", s.status) for s in found.statuses}
    out |= {("treatment_naive", "true") for _ in found.naive}
    out |= {("monotherapy", "true") for _ in found.monotherapy}
    return out


def gold(item: dict) -> set[tuple[str, str]]:
    return {(f["type"], str(f["value"]).lower()) for f in item.get("facts") or []}


def score(items: list[dict], show_errors: bool = False) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[str] = []
    for item in items:
        doc = TextDoc(
            f"DocumentReference/{item['id']}", "2026-01-01", "DocumentReference", item.get("style", ""), item["text"]
        )
        got, want = _canonical(labels(from_documents([doc]))), _canonical(gold(item))
        for t, _v in got & want:
            tp[t] += 1
        for t, v in got - want:
            fp[t] += 1
            errors.append(f"FP {item['id']}: {t}={v}")
        for t, v in want - got:
            fn[t] += 1
            errors.append(f"FN {item['id']}: {t}={v}")
    if show_errors:
        print("\n".join(sorted(errors)))
    table = {}
    for t in TYPES:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 1.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 1.0
        table[t] = {"tp": tp[t], "fp": fp[t], "fn": fn[t], "precision": round(p, 3), "recall": round(r, 3)}
    return table


def synthea() -> dict[str, object]:
    """Findings in the Synthea bulk notes, by patient: no KRAS anywhere, no lung therapy without cancer."""
    per_patient: dict[str, Counter[str]] = defaultdict(Counter)
    notes = 0
    for line in (BULK / "DocumentReference.000.ndjson").read_text().splitlines():
        r = json.loads(line)
        pid = r["subject"]["reference"].split("/")[-1]
        for c in r.get("content", []):
            data = c.get("attachment", {}).get("data")
            if not data:
                continue
            notes += 1
            text = base64.b64decode(data).decode("utf-8", "replace")
            for t, v in labels(
                from_documents([TextDoc(f"DocumentReference/{r['id']}", None, "DocumentReference", "", text)])
            ):
                per_patient[pid][f"{t}={v}"] += 1
    return {"notes": notes, "findings_by_patient": {p: dict(c) for p, c in sorted(per_patient.items())}}


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthea", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--corpus", choices=[*CORPORA, "all", "both"], default="all")
    a = ap.parse_args()
    for name, path in CORPORA.items():
        if a.corpus not in (name, "all", "both"):
            continue
        if not path.exists():
            print(f"{name} corpus ({path.name}): absent (not merged yet: {_shown(path)})", file=sys.stderr)
            if a.corpus == name:
                return 1
            continue
        items = yaml.safe_load(path.read_text())["items"]
        table = score(items, a.errors)
        print(f"{name} corpus ({path.name}): {len(items)} items")
        print(f"{'fact type':<16}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
        for t, row in table.items():
            print(f"{t:<16}{row['tp']:>5}{row['fp']:>5}{row['fn']:>5}{row['precision']:>11.3f}{row['recall']:>8.3f}")
        print()
    if a.synthea:
        if not BULK.exists():
            print("../shared/data is absent", file=sys.stderr)
            return 1
        print(json.dumps(synthea(), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
