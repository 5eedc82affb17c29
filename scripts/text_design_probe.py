"""Measure a different design for three fact types the rules miss most on blind sets: a statistical classifier for
disease status (worsened / stable / improved), treatment-naive and monotherapy, scored the way the rules were.

Design: one logistic regression per (type, value) pair the scorer counts (disease status worsened / stable /
improved, treatment_naive, monotherapy), trained together by plain SGD (EPOCHS, RATE decaying, L2, SEED: fixed before
the first full run), over an item's lower-cased word unigrams and bigrams with a negation marker (a word after "no",
"not", "never", "without", "denies", "nil", "none", "n't" and the like, up to the next punctuation, is read as
``not_word``; an item holding a cue also gets the feature ``<neg>``). Logistic regression rather than naive Bayes: it
is discriminative, so the unbalanced classes (each pair positive in at most a quarter of the items) do not skew it;
multinomial naive Bayes called nearly every item positive and Bernoulli naive Bayes, swamped by absent features,
found almost nothing (tried on v25 and v26 before any full run). Standard library only.

Regime, the one the rules faced: for each held-out set vN (N from 10 to 26), train only on the corpora that existed
before vN was written (tests/text/corpus.yaml and heldout.yaml .. heldout(N-1).yaml) and test on vN. Labels and
counting are scripts/text_quality.py's own (``gold``, ``_canonical``, ``labels``; TP / FP / FN per (type, value) pair
per item, precision 1.0 when nothing is predicted, recall 1.0 when nothing is wanted). Columns, per set and type:

- ``blind``: the rules' blind P/R on vN, parsed from the "### Held-out vN: written blind, scored once" table in
  docs/clinical-text.md, read with its history (docs/history/clinical-text.md) by doc_history (not rerun: the rules
  have read vN since);
- ``clf``: the classifier at its natural threshold (probability 0.5);
- ``clf95``: the classifier at the lowest threshold whose pooled precision is >= .95 on the training sets, the
  training sets dealt round-robin into FOLDS folds and each fold scored by a model trained on the others;
- ``now``: the rules' current output on vN (optimistic: the rules have read vN since, all but v26);
- ``hybrid``: the rules' current output, and the ``clf95`` facts of a type where the rules found none of that type in
  the item (optimistic for the same reason).

    .venv/bin/python scripts/text_design_probe.py           # v10 .. v26 (about 8 minutes on a shared 2-core machine)
    .venv/bin/python scripts/text_design_probe.py --quick   # v10 and v11, 2 epochs: a shape check (well under a minute)
    .venv/bin/python scripts/text_design_probe.py --json    # the same numbers as JSON
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import doc_history  # docs/clinical-text.md with its history (docs/history/) back in place
import text_quality as tq  # the scorer's own corpora, labels, gold and canonical pairs

from priorauth.text.facts import from_documents
from priorauth.text.sources import TextDoc

PROBED = ("disease_status", "treatment_naive", "monotherapy")
CLASSES = (
    ("disease_status", "worsened"),
    ("disease_status", "stable"),
    ("disease_status", "improved"),
    ("treatment_naive", "true"),
    ("monotherapy", "true"),
)
FIRST, LAST = 10, 26
QUICK = (10, 11)  # --quick: the two smallest trainings, QUICK_EPOCHS epochs (a shape check, not the measure)
TARGET_P = 0.95
# Fixed before the first full run and not tuned on any test set.
EPOCHS, RATE, L2, SEED, FOLDS = 8, 0.2, 1e-4, 13, 3
QUICK_EPOCHS = 2
DOCS = "clinical-text.md"  # read with doc_history: v10 .. v29's blind tables are in docs/history/clinical-text.md

NEG_CUES = {"no", "not", "never", "without", "denies", "denied", "nil", "none", "neither", "nor", "non", "n't"}
TOKEN = re.compile(r"n't|[a-z0-9]+|[.,;:!?()\[\]]")
PUNCT = set(".,;:!?()[]")


def features(text: str) -> set[str]:
    """Unigrams and bigrams, lower-cased, words inside a negation's scope marked ``not_``."""
    words: list[str] = []
    negated = False
    seen_cue = False
    for tok in TOKEN.findall(text.lower().replace("’", "'").replace("n't", " n't")):
        if tok in PUNCT:
            negated = False
            words.append("|")
            continue
        if tok in NEG_CUES:
            negated = seen_cue = True
            words.append(tok)
            continue
        words.append(f"not_{tok}" if negated else tok)
    out = {w for w in words if w != "|"}
    out |= {f"{a} {b}" for a, b in itertools.pairwise(words) if "|" not in (a, b)}
    if seen_cue:
        out.add("<neg>")
    return out


class Model:
    """One logistic regression per (type, value) class, trained together by SGD over the items' feature sets."""

    def __init__(self, epochs: int = EPOCHS, rate: float = RATE, l2: float = L2) -> None:
        self.epochs, self.rate, self.l2 = epochs, rate, l2
        self.weights: dict[str, list[float]] = {}
        self.bias = [0.0] * len(CLASSES)

    def _z(self, feats: set[str]) -> list[float]:
        z = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w:
                for k in range(len(CLASSES)):
                    z[k] += w[k]
        return z

    def fit(self, rows: list[tuple[set[str], set[tuple[str, str]]]]) -> Model:
        order = list(range(len(rows)))
        rng = random.Random(SEED)  # noqa: S311 (a reproducible shuffle, not a secret)
        step = 0
        for _ in range(self.epochs):
            rng.shuffle(order)
            for i in order:
                feats, want = rows[i]
                step += 1
                lr = self.rate / (1 + step / len(rows))
                grads = [_sigmoid(z) - (cls in want) for z, cls in zip(self._z(feats), CLASSES, strict=True)]
                for k, g in enumerate(grads):
                    self.bias[k] -= lr * g
                for f in feats:
                    w = self.weights.setdefault(f, [0.0] * len(CLASSES))
                    for k, g in enumerate(grads):
                        w[k] -= lr * (g + self.l2 * w[k])
        return self

    def scores(self, feats: set[str]) -> dict[tuple[str, str], float]:
        """Probability per class."""
        return {cls: _sigmoid(z) for cls, z in zip(CLASSES, self._z(feats), strict=True)}


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -35 else 0.0


_LOADED: dict[str, list[tuple[dict, set[str]]]] = {}


def _load(name: str) -> list[tuple[dict, set[str]]]:
    """A corpus's items through the scorer's own paths, each with its features (read once)."""
    if name not in _LOADED:
        text = tq.CORPORA[name].read_text()
        items = yaml.load(text, Loader=yaml.CSafeLoader)["items"]
        _LOADED[name] = [(item, features(item["text"])) for item in items]
    return _LOADED[name]


def _wanted(item: dict) -> set[tuple[str, str]]:
    return {p for p in tq._canonical(tq.gold(item)) if p[0] in PROBED}


def _threshold(scored: list[tuple[float, bool]]) -> float:
    """The lowest threshold whose pooled precision is >= TARGET_P (inf when none is)."""
    best = math.inf
    tp = fp = 0
    for s, positive in sorted(scored, key=lambda x: -x[0]):
        tp, fp = tp + positive, fp + (not positive)
        if tp / (tp + fp) >= TARGET_P:
            best = s
    return best


def _tally(rows: list[tuple[set, set]]) -> dict[str, dict[str, float]]:
    """The scorer's counting (text_quality.score): TP / FP / FN per type over (got, want) pairs per item."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for got, want in rows:
        for t, _v in got & want:
            tp[t] += 1
        for t, _v in got - want:
            fp[t] += 1
        for t, _v in want - got:
            fn[t] += 1
    out = {}
    for t in PROBED:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 1.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 1.0
        out[t] = {"tp": tp[t], "fp": fp[t], "fn": fn[t], "precision": round(p, 3), "recall": round(r, 3)}
    return out


def blind_tables(text: str) -> dict[int, dict[str, dict[str, float]]]:
    """The rules' blind P/R per set, parsed from each "### Held-out vN: written blind, scored once" table."""
    out: dict[int, dict[str, dict[str, float]]] = {}
    for m in re.finditer(r"^### Held-out v(\d+): written blind, scored once.*?```\n(.*?)```", text, re.M | re.S):
        rows = {}
        for line in m.group(2).splitlines():
            parts = line.split()
            if len(parts) == 6 and parts[0] in PROBED:
                rows[parts[0]] = {"precision": float(parts[4]), "recall": float(parts[5])}
        out[int(m.group(1))] = rows
    return out


def _rules(item: dict) -> set[tuple[str, str]]:
    doc = TextDoc(
        f"DocumentReference/{item['id']}", "2026-01-01", "DocumentReference", item.get("style", ""), item["text"]
    )
    return {p for p in tq._canonical(tq.labels(from_documents([doc]))) if p[0] in PROBED}


def _rows(names: list[str]) -> list[tuple[set[str], set[tuple[str, str]]]]:
    return [(feats, _wanted(item)) for name in names for item, feats in _load(name)]


def _thresholds(train: list[str], epochs: int) -> dict[tuple[str, str], float]:
    """Per class, the lowest threshold with pooled precision >= TARGET_P over the training sets, each scored by a
    model trained on the other folds (the training sets dealt round-robin into FOLDS folds)."""
    scored: dict[tuple[str, str], list[tuple[float, bool]]] = {cls: [] for cls in CLASSES}
    for k in range(FOLDS):
        held = train[k::FOLDS]
        model = Model(epochs).fit(_rows([n for n in train if n not in held]))
        for feats, want in _rows(held):
            for cls, s in model.scores(feats).items():
                scored[cls].append((s, cls in want))
    return {cls: _threshold(v) for cls, v in scored.items()}


def probe(sets: list[int], epochs: int = EPOCHS) -> dict:
    names = ["tuning", "heldout", *(f"heldout{n}" for n in range(2, LAST + 1))]
    blind = blind_tables(doc_history.read(DOCS))
    results = []
    for n in sets:
        train = names[: names.index(f"heldout{n - 1}") + 1]
        model = Model(epochs).fit(_rows(train))
        thresholds = _thresholds(train, epochs)
        clf, clf95, now, hybrid = [], [], [], []
        for item, feats in _load(f"heldout{n}"):
            want = _wanted(item)
            scores = model.scores(feats)
            got = {cls for cls, s in scores.items() if s > 0.5}
            got95 = {cls for cls, s in scores.items() if s >= thresholds[cls]}
            ruled = _rules(item)
            mixed = ruled | {p for p in got95 if not any(t == p[0] for t, _ in ruled)}
            clf.append((got, want))
            clf95.append((got95, want))
            now.append((ruled, want))
            hybrid.append((mixed, want))
        results.append(
            {
                "set": f"heldout{n}",
                "trained_on": train,
                "thresholds": {
                    f"{t}={v}": (None if math.isinf(x) else round(x, 3)) for (t, v), x in thresholds.items()
                },
                "blind": blind.get(n, {}),
                "clf": _tally(clf),
                "clf95": _tally(clf95),
                "now": _tally(now),
                "hybrid": _tally(hybrid),
            }
        )
    return {
        "epochs": epochs,
        "sets": results,
        "macro": _macro(results),
        "pooled": _pooled(results),
        "wins": _wins(results),
    }


COLUMNS = ("blind", "clf", "clf95", "now", "hybrid")


def _macro(results: list[dict]) -> dict[str, dict[str, dict[str, float]]]:
    out: dict[str, dict[str, dict[str, float]]] = {}
    for col in COLUMNS:
        out[col] = {}
        for t in PROBED:
            rows = [r[col][t] for r in results if t in r[col]]
            out[col][t] = {
                k: round(sum(x[k] for x in rows) / len(rows), 3) if rows else None for k in ("precision", "recall")
            }
    return out


def _pooled(results: list[dict]) -> dict[str, dict[str, dict[str, float]]]:
    """TP / FP / FN summed over the sets, P and R from the sums (the rules' blind column has no counts here)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for col in COLUMNS[1:]:
        out[col] = {}
        for t in PROBED:
            tp, fp, fn = (sum(r[col][t][k] for r in results) for k in ("tp", "fp", "fn"))
            out[col][t] = {
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
            }
    return out


def _wins(results: list[dict]) -> dict[str, dict[str, int]]:
    """Per column and type, on how many sets the column's recall beats the rules' blind recall at precision >= .95."""
    return {
        col: {
            t: sum(
                1
                for r in results
                if t in r["blind"]
                and r[col][t]["precision"] >= TARGET_P
                and r[col][t]["recall"] > r["blind"][t]["recall"]
            )
            for t in PROBED
        }
        for col in COLUMNS[1:]
    }


def _pr(cell: dict | None) -> str:
    if not cell or cell.get("precision") is None:
        return f"{'-':>11}"
    return f"{cell['precision']:>5.3f}/{cell['recall']:.3f}"


def render(report: dict) -> str:
    head = f"{'set':<11}{'type':<17}" + "".join(f"{c:>12}" for c in COLUMNS)
    lines = ["P/R per set and type (" + ", ".join(COLUMNS) + ")", head]
    for r in report["sets"]:
        for t in PROBED:
            lines.append(f"{r['set']:<11}{t:<17}" + "".join(f" {_pr(r[c].get(t))}" for c in COLUMNS))
    for t in PROBED:
        lines.append(f"{'macro':<11}{t:<17}" + "".join(f" {_pr(report['macro'][c][t])}" for c in COLUMNS))
    for t in PROBED:
        pooled = [report["pooled"][c][t] for c in COLUMNS[1:]]
        lines.append(f"{'pooled':<11}{t:<17}{'-':>12}" + "".join(f" {_pr(cell)}" for cell in pooled))
    n = len(report["sets"])
    lines.append(f"sets (of {n}) where recall beats the rules' blind recall at precision >= {TARGET_P}:")
    for t in PROBED:
        lines.append(f"{'wins':<11}{t:<17}{'-':>12}" + "".join(f"{report['wins'][c][t]:>12}" for c in COLUMNS[1:]))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="v25 and v26 only")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sets = list(QUICK) if a.quick else list(range(FIRST, LAST + 1))
    report = probe(sets, QUICK_EPOCHS if a.quick else EPOCHS)
    print(json.dumps(report, indent=1) if a.json else render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
