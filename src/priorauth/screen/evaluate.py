"""Evaluate one bucket of patients: group their lines, keep the candidates, and run the evaluator
(:func:`priorauth.api.check`) on each candidate's resources plus the shared resources they reference.

Both engines call :func:`evaluate_bucket`, so their determinations are the same by construction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from priorauth.api import check
from priorauth.chart.chart import normalize_reference
from priorauth.errors import PriorauthError
from priorauth.screen.scan import CANDIDATE, PATIENT

_REFERENCE = re.compile(rb'"reference"\s*:\s*"([^"\\]+)"')
_BINARY_URL = re.compile(rb'"url"\s*:\s*"([^"\\]*Binary/[^"\\]+)"')
_FOLLOWED = ("Practitioner", "PractitionerRole", "Organization", "Location")  # shared refs followed one hop more


@dataclass(frozen=True)
class Options:
    as_of: str
    drug: str
    payer: str | None = None


class SharedIndex:
    """Resources that belong to no patient (practitioners, organizations, medications, binaries), by
    ``Type/id``, kept as bytes and parsed when a patient references them."""

    def __init__(self, items: Iterable[tuple[str, int, bytes]]) -> None:
        self.raw: dict[str, tuple[int, bytes]] = {}
        self.roles: dict[str, list[str]] = {}  # Practitioner/x -> the PractitionerRoles naming it
        for key, seq, line in sorted(items, key=lambda item: item[1]):
            if key in self.raw:
                continue  # a duplicate id: the first one in the export wins, as in a chart
            self.raw[key] = (seq, line)
            if key.startswith("PractitionerRole/"):
                for ref in _refs(line):
                    if ref.startswith("Practitioner/"):
                        self.roles.setdefault(ref, []).append(key)

        # A reference to a shared resource names its type ("Practitioner/1", ".../Binary/2"): a line without
        # any shared type's name followed by "/" references none, and is not searched for references.
        self.needles = tuple(sorted({key.split("/", 1)[0].encode() + b"/" for key in self.raw}))

    def closure(self, lines: list[bytes]) -> list[tuple[int, bytes]]:
        """The shared resources the lines reference, with the roles and organizations behind them."""
        seen: dict[str, None] = {}
        needles = self.needles
        todo = [r for line in lines if any(n in line for n in needles) for r in _refs(line)]
        while todo:
            ref = todo.pop()
            if ref in seen or ref not in self.raw:
                continue
            seen[ref] = None
            if ref.startswith(_FOLLOWED):
                todo.extend(_refs(self.raw[ref][1]))
                todo.extend(self.roles.get(ref, ()))
        return [self.raw[k] for k in seen]


def _refs(line: bytes) -> list[str]:
    return [_normalized(m) for m in (*_REFERENCE.findall(line), *_BINARY_URL.findall(line))]


_NORMALIZED: dict[bytes, str] = {}


def _normalized(ref: bytes) -> str:
    """``normalize_reference`` of a raw reference, remembered (the same practitioners recur in every chart)."""
    hit = _NORMALIZED.get(ref)
    if hit is None:
        if len(_NORMALIZED) > 200_000:
            _NORMALIZED.clear()
        hit = _NORMALIZED[ref] = normalize_reference(ref.decode("utf-8", "replace"))
    return hit


# LOINC codes of the FHIR vital signs profiles (core, US Core). None is in the evaluator's concept sets
# (tests/screen/test_types.py checks that), and no reader of the evaluator reads vital signs.
VITAL_SIGNS_LOINC = frozenset(
    """85353-1 9279-1 8867-4 2708-6 59408-5 8310-5 8302-2 9843-4 29463-7 39156-5 85354-9 8480-6 8462-4 8478-0
    59576-9 8289-1 77606-2 3150-0 3151-8""".split()  # noqa: SIM905
)


def _plain_vital_sign(doc: Any) -> bool:
    """An Observation that is only a vital sign: category vital-signs, every code and component code a vital
    signs LOINC code, no text (note, valueString) for the clinical-text reader. ~70% of a primary-care
    chart's Observations; dropping them before ``check`` cuts the evaluation without changing its answer."""
    if doc.get("resourceType") != "Observation" or "note" in doc or "valueString" in doc:
        return False
    try:
        if not any(x["code"] == "vital-signs" for c in doc["category"] for x in c["coding"]):
            return False
        concepts = [doc["code"], *(c["code"] for c in doc.get("component", ()))]
        return all(
            c["coding"] and all(x["system"] == LOINC and x["code"] in VITAL_SIGNS_LOINC for x in c["coding"])
            for c in concepts
        )
    except (KeyError, TypeError, AttributeError):  # not the plain shape: kept, the evaluator decides
        return False


LOINC = "http://loinc.org"


@dataclass
class BucketResult:
    """One bucket's determinations (sorted by patient id) and what could not be evaluated."""

    determinations: list[tuple[str, bytes]] = field(default_factory=list)
    patients: int = 0
    candidates: int = 0
    missing_patient_ids: int = 0  # ids that resources reference but no Patient line has
    missing_patient_resources: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def counts(self) -> dict[str, Any]:
        return {
            "patients": self.patients,
            "candidates": self.candidates,
            "evaluated": len(self.determinations),
            "missing_patient_ids": self.missing_patient_ids,
            "missing_patient_resources": self.missing_patient_resources,
            "errors": dict(sorted(self.errors.items())),
        }


def evaluate_bucket(records: Iterable[tuple[str, int, int, bytes]], shared: SharedIndex, opts: Options) -> BucketResult:
    """``records``: (patient id, flags, position, line) in any order; flags as :mod:`priorauth.screen.scan`
    sets them. A patient's lines are evaluated in export order, whatever order they arrived in."""
    groups: dict[str, list[Any]] = {}
    for pid, flags, seq, line in records:
        g = groups.get(pid)
        if g is None:
            g = groups[pid] = [0, []]
        g[0] |= flags
        g[1].append((seq, line))
    out = BucketResult()
    for pid in sorted(groups):
        flags, pairs = groups[pid]
        if not flags & PATIENT:
            out.missing_patient_ids += 1
            out.missing_patient_resources += len(pairs)
            continue
        out.patients += 1
        if not flags & CANDIDATE:
            continue
        out.candidates += 1
        doc = _evaluate(pid, pairs, shared, opts, out)
        if doc is not None:
            out.determinations.append((pid, orjson.dumps(doc)))
    return out


def _evaluate(pid: str, pairs: list[tuple[int, bytes]], shared: SharedIndex, opts: Options, out: BucketResult) -> Any:
    """The patient's lines and the shared ones they reference, in export order (as ``check`` would read them),
    less the plain vital signs (no reader of the evaluator can use them)."""
    everything = sorted([*pairs, *shared.closure([line for _, line in pairs])])
    resources = [
        doc
        for _, line in everything
        if not ((doc := orjson.loads(line)).get("resourceType") == "Observation" and _plain_vital_sign(doc))
    ]
    try:
        return check(resources, as_of=opts.as_of, payer=opts.payer, patient=pid, drug=opts.drug)
    except PriorauthError as exc:
        out.errors[exc.code] += 1
    except Exception as exc:  # a bug of ours on one chart must not stop a population run; counted, no PHI
        out.errors[f"internal:{type(exc).__name__}"] += 1
    return None
