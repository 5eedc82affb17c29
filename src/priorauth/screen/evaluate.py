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

    def closure(self, lines: list[bytes]) -> list[tuple[int, bytes]]:
        """The shared resources the lines reference, with the roles and organizations behind them."""
        seen: dict[str, None] = {}
        todo = [r for line in lines for r in _refs(line)]
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
    found = [m.decode("utf-8", "replace") for m in _REFERENCE.findall(line)]
    found += [m.decode("utf-8", "replace") for m in _BINARY_URL.findall(line)]
    return [normalize_reference(r) for r in found]


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
    """The patient's lines and the shared ones they reference, in export order (as ``check`` would read them)."""
    everything = sorted([*pairs, *shared.closure([line for _, line in pairs])])
    resources = [orjson.loads(line) for _, line in everything]
    try:
        return check(resources, as_of=opts.as_of, payer=opts.payer, patient=pid, drug=opts.drug)
    except PriorauthError as exc:
        out.errors[exc.code] += 1
    except Exception as exc:  # a bug of ours on one chart must not stop a population run; counted, no PHI
        out.errors[f"internal:{type(exc).__name__}"] += 1
    return None
