"""The PA workflow as the workspace shows it: status labels and the moves allowed from each status,
decision clocks from the payer pack, renewal and liver-test due dates, and what changed between two
evaluations. Pure functions of stored rows and determination documents (no database, no web)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from priorauth.outputs.deceased import deceased
from priorauth.service.workflow import DECIDABLE, LABELS, WAITING, Move, hold, moves  # noqa: F401 - the pages' names

ORDER = tuple(LABELS)  # the worklist's and dashboard's order


@dataclass(frozen=True)
class Clock:
    """When the payer's answer is due after a submission, from the pack's decision clocks."""

    sent_at: datetime
    standard_due: datetime | None
    expedited_due: datetime | None
    standard_hours: int | None
    expedited_hours: int | None
    notes: str

    def overdue(self, now: datetime) -> bool:
        return self.standard_due is not None and now > self.standard_due


def aware(t: datetime) -> datetime:
    """Stored times are UTC; SQLite hands them back without a zone."""
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def clock(sent_at: datetime, policy: dict[str, Any] | None) -> Clock:
    sent_at = aware(sent_at)
    clocks = (policy or {}).get("decision_clocks") or {}
    std, exp = clocks.get("standard_hours"), clocks.get("expedited_hours")
    return Clock(
        sent_at,
        sent_at + timedelta(hours=std) if std else None,
        sent_at + timedelta(hours=exp) if exp else None,
        std,
        exp,
        str(clocks.get("notes") or ""),
    )


def appeal_clock(sent_at: datetime, doc: dict[str, Any] | None) -> Clock:
    """When the payer's answer to an appeal is due: the pack's ``appeal_clocks`` from when it was sent."""
    policy = (doc or {}).get("policy") or {}
    return clock(sent_at, {"decision_clocks": policy.get("appeal_clocks") or {}})


def renewal_due(period_end: str | None, doc: dict[str, Any] | None, default_lead: int = 30) -> date | None:
    """The day to start the renewal: the approval's end minus the pack's lead time."""
    if not period_end:
        return None
    lead = ((doc or {}).get("prior_authorization") or {}).get("renewal_lead_days")
    lead = default_lead if lead is None else int(lead)
    return date.fromisoformat(period_end) - timedelta(days=lead)


def monitoring_due(
    doc: dict[str, Any] | None, today: date, start: str | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The liver-test schedule of the determination, each row marked past or upcoming, and the next due.
    The determination plans from the planned start; given ``start`` (an approved period's first day:
    when therapy began), the same schedule is counted from there instead. A patient recorded as deceased
    has no schedule."""
    rows = []
    plan = [] if deceased(doc) else (doc or {}).get("monitoring") or []
    shift = timedelta(0)
    if start and plan and "past" not in plan[0]:  # a plan already counted from the first dose stays as it is
        shift = date.fromisoformat(start) - date.fromisoformat(plan[0]["due"])
    for m in plan:
        due = date.fromisoformat(m["due"]) + shift
        m = {**m, "due": due.isoformat()}
        rows.append({**m, "past": due < today, "days": (due - today).days})
    upcoming = [r for r in rows if not r["past"]]
    return rows, (upcoming[0] if upcoming else None)


@dataclass(frozen=True)
class Change:
    what: str
    before: str
    after: str


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Change]:
    """What differs between two determinations: overall, request type, pack, payer, each criterion's
    status, and the evidence a criterion cites."""
    if before is None:
        return []
    out: list[Change] = []
    for key, name in (("overall", "Overall"), ("request_type", "Request type"), ("as_of", "Evaluated as of")):
        if before.get(key) != after.get(key):
            out.append(Change(name, str(before.get(key)), str(after.get(key))))
    pb, pa = before.get("policy") or {}, after.get("policy") or {}
    if (pb.get("id"), pb.get("version")) != (pa.get("id"), pa.get("version")):
        out.append(Change("Policy pack", f"{pb.get('id')} {pb.get('version')}", f"{pa.get('id')} {pa.get('version')}"))
    yb, ya = (before.get("payer") or {}).get("name"), (after.get("payer") or {}).get("name")
    if yb != ya:
        out.append(Change("Payer", str(yb or "none"), str(ya or "none")))
    old = {c["id"]: c for c in before.get("criteria") or []}
    for c in after.get("criteria") or []:
        prev = old.pop(c["id"], None)
        title = criterion_title(c["id"])
        if prev is None:
            out.append(Change(title, "not evaluated", c["status"]))
        elif prev["status"] != c["status"]:
            out.append(Change(title, prev["status"], c["status"]))
        else:
            added = {e["source"] for e in c.get("evidence") or []} - {e["source"] for e in prev.get("evidence") or []}
            if added:
                out.append(Change(f"{title}: evidence", "", "new: " + ", ".join(sorted(added))))
    out += [Change(criterion_title(cid), prev["status"], "no longer evaluated") for cid, prev in old.items()]
    return out


TITLES = {
    "adult": "Adult patient",
    "nsclc_diagnosis": "NSCLC diagnosis",
    "mcrc_diagnosis": "Metastatic colorectal cancer",
    "advanced_disease": "Locally advanced or metastatic disease",
    "kras_g12c": "KRAS G12C mutation",
    "prior_systemic_therapy": "Prior systemic therapy",
    "prior_crc_chemotherapy": "Prior fluoropyrimidine, oxaliplatin and irinotecan",
    "with_panitumumab": "With panitumumab",
    "single_agent": "Single agent",
    "prescription": "Prescription and dose",
    "disease_progression": "Disease progression",
    "oncologist_prescriber": "Oncologist prescriber",
    "no_prior_kras_g12c_inhibitor": "No prior KRAS G12C inhibitor",
    "no_progression_on_therapy": "No progression on therapy",
    "tolerating_therapy": "Tolerating therapy",
}


def criterion_title(cid: str) -> str:
    return TITLES.get(cid) or cid.replace("_", " ").capitalize()


# Which attestation answers which criterion (the kinds the core reads: priorauth.facts.supplied).
ATTESTS = {
    "single_agent": "monotherapy",
    "disease_progression": "progression",
    "no_progression_on_therapy": "progression",
}
ATTESTATION_KINDS = {
    "monotherapy": "Single-agent use (monotherapy)",
    "progression": "Disease progression on a prior therapy",
    "medical_reason": "Medical-necessity reason",
}
