"""One flat row per determination (the Parquet table and the summary read these), and the summary
counters: candidates by overall status, the most common missing items, renewals and liver tests due.
Patients recorded as deceased are counted apart: listed as such, never as ready, one document away, a
renewal or a liver test due."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from priorauth.outputs.deceased import ADVISORY as DECEASED

DUE_SOON_DAYS = 30  # a renewal window or liver test falling within this many days of as-of is "due soon"
LFT_ADVISORIES = ("baseline_lft_missing", "lft_elevated")
LISTED = 200  # patients listed by id in the report per list (the counts are complete; the files hold all)


def row(doc: dict[str, Any]) -> dict[str, Any]:
    crit = doc.get("criteria") or []
    required = [c for c in crit if c.get("required")]
    pa = doc.get("prior_authorization") or {}
    as_of = doc.get("as_of") or ""
    order = _has_order(crit)
    advisories = [a["id"] for a in doc.get("advisories") or []]
    died = DECEASED in advisories
    upcoming = [] if died else [m["due"] for m in doc.get("monitoring") or [] if (m.get("due") or "") >= as_of]
    renewal_start = pa.get("renewal_start")
    soon = _plus(as_of, DUE_SOON_DAYS)
    return {
        "patient_id": (doc.get("patient") or {}).get("id"),
        "drug": doc.get("drug"),
        "indication": doc.get("indication"),
        "request_type": doc.get("request_type"),
        "overall": doc.get("overall"),
        "as_of": as_of,
        "payer": (doc.get("payer") or {}).get("name"),
        "policy_id": (doc.get("policy") or {}).get("id"),
        "missing": [c["id"] for c in required if c["status"] == "insufficient"],
        "not_met": [c["id"] for c in required if c["status"] == "not_met"],
        "review": [c["id"] for c in required if c["status"] == "review"],
        "advisories": advisories,
        "has_order": order,
        "pa_expires": pa.get("expires"),
        "renewal_start": renewal_start,
        "renewal_due": bool(
            not died and doc.get("request_type") == "renewal" and renewal_start and renewal_start <= soon
        ),
        "next_lft_due": min(upcoming) if upcoming else None,
        "lft_due": bool(not died and order and any(a in LFT_ADVISORIES for a in advisories)),
        "deceased": died,
    }


def one_document_away(r: dict[str, Any]) -> bool:
    """Needs documentation, and only one required criterion is missing (none not met or to review): one
    document (a KRAS report, a progress note, the order) would make the request ready."""
    return (
        r["overall"] == "needs_documentation"
        and len(r["missing"]) == 1
        and not r["not_met"]
        and not r["review"]
        and not r.get("deceased")
    )


def _has_order(criteria: list[dict[str, Any]]) -> bool:
    """The chart holds an order of the requested drug: the prescription criterion cites one."""
    return any(
        c["id"] == "prescription" and any(e["source"].startswith("MedicationRequest/") for e in c.get("evidence", []))
        for c in criteria
    )


def _plus(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


@dataclass
class Summary:
    candidates: int = 0
    overall: Counter[str] = field(default_factory=Counter)
    indication: Counter[str] = field(default_factory=Counter)
    request_type: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    not_met: Counter[str] = field(default_factory=Counter)
    review: Counter[str] = field(default_factory=Counter)
    with_order: int = 0
    renewals_due_count: int = 0
    lft_due_count: int = 0
    ready_count: int = 0
    renewals_due: list[tuple[str, str]] = field(default_factory=list)  # (renewal start, patient id)
    lft_due: list[tuple[str, str]] = field(default_factory=list)  # (advisory, patient id)
    ready: list[str] = field(default_factory=list)
    payer: Counter[str] = field(default_factory=Counter)
    one_away_count: int = 0
    one_away: list[tuple[str, str]] = field(default_factory=list)  # (the missing criterion, patient id)
    deceased_count: int = 0
    deceased: list[str] = field(default_factory=list)  # patient ids recorded as deceased: not to submit

    def add(self, r: dict[str, Any]) -> None:
        self.candidates += 1
        self.overall[r["overall"]] += 1
        self.payer[r["payer"] or "no payer found"] += 1
        if one_document_away(r):
            self.one_away_count += 1
            _listed(self.one_away, (r["missing"][0], r["patient_id"]))
        self.indication[r["indication"] or "none"] += 1
        self.request_type[r["request_type"]] += 1
        self.missing.update(r["missing"])
        self.not_met.update(r["not_met"])
        self.review.update(r["review"])
        self.with_order += r["has_order"]
        if r["renewal_due"]:
            self.renewals_due_count += 1
            _listed(self.renewals_due, (r["renewal_start"], r["patient_id"]))
        if r["lft_due"]:
            self.lft_due_count += 1
            _listed(self.lft_due, (next(a for a in r["advisories"] if a in LFT_ADVISORIES), r["patient_id"]))
        if r.get("deceased"):
            self.deceased_count += 1
            _listed(self.deceased, r["patient_id"])
        elif r["overall"] == "ready":
            self.ready_count += 1
            _listed(self.ready, r["patient_id"])

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidates": self.candidates,
            "overall": dict(self.overall.most_common()),
            "indication": dict(self.indication.most_common()),
            "request_type": dict(self.request_type.most_common()),
            "missing": dict(self.missing.most_common()),
            "not_met": dict(self.not_met.most_common()),
            "review": dict(self.review.most_common()),
            "with_order": self.with_order,
            "renewals_due": self.renewals_due_count,
            "lft_due": self.lft_due_count,
            "ready": self.ready_count,
            "payer": dict(self.payer.most_common()),
            "one_document_away": self.one_away_count,
            "deceased": self.deceased_count,
        }


def _listed(items: list[Any], item: Any) -> None:
    if len(items) < LISTED:
        items.append(item)
