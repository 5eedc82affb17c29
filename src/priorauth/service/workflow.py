"""The PA workflow's rules: which status moves are allowed, and why a refused one is refused (in words).
The case service enforces them for every entry point (REST API, workspace pages, CDS Hooks, demo);
the workspace shows the same table as its buttons. Pure functions, no database, no web."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from priorauth.outputs.deceased import deceased

STATUSES = ("open", "ready", "submitted", "pended", "approved", "denied", "appealed", "closed")
LABELS = {
    "open": "Draft",
    "ready": "Ready",
    "submitted": "Submitted",
    "pended": "Pended",
    "approved": "Approved",
    "denied": "Denied",
    "appealed": "Appealed",
    "closed": "Closed",
}
WAITING = ("submitted", "pended", "appealed")  # the payer owes an answer
DECIDABLE = WAITING  # a decision can be recorded
SUBMITTABLE = ("ready",)  # what is sent is what was checked


@dataclass(frozen=True)
class Move:
    to: str
    label: str
    enabled: bool = True
    why_not: str = ""


# Status moves made by a status change (PATCH status / the case page's buttons). "submitted" is reached
# by recording a submission, "approved"/"denied"/"pended" by recording the payer's decision.
MOVES: dict[str, tuple[tuple[str, str], ...]] = {
    "open": (("ready", "Mark ready to submit"), ("closed", "Close the case")),
    "ready": (("open", "Back to draft"), ("closed", "Close the case")),
    "submitted": (("closed", "Close the case"),),
    "pended": (("closed", "Close the case"),),
    "approved": (("closed", "Close the case"),),
    "denied": (("closed", "Close the case"),),  # "appealed" by recording the appeal (Cases.record_appeal)
    "appealed": (("closed", "Close the case"),),
    "closed": (("open", "Reopen as draft"),),
}


def label(status: str) -> str:
    return LABELS.get(status, status)


DECEASED = "the patient is recorded as deceased: do not submit; check the chart"


def hold(doc: dict[str, Any] | None) -> str | None:
    """Why a case must not be marked ready nor submitted whatever its checklist says (None: no hold): its
    patient is recorded as deceased, or a document the payer's pack requires is missing."""
    if not doc:
        return None
    if deceased(doc):
        return DECEASED
    gaps = [d["name"] for d in doc.get("documents") or [] if d.get("required") and d.get("status") == "missing"]
    if gaps:
        return f"a document the payer requires is missing ({'; '.join(gaps)})"
    return None


def moves(status: str, overall: str | None, held: str | None = None) -> list[Move]:
    """The status changes allowed from ``status`` (disabled ones say why), given the latest overall and
    its :func:`hold` (a deceased patient, a required document missing: never marked ready)."""
    out = []
    for to, text in MOVES.get(status, ()):
        if to == "ready" and held == DECEASED:  # said first, whatever the checklist says
            out.append(Move(to, text, False, held))
        elif to == "ready" and overall != "ready":
            why = f"the checklist is not ready ({(overall or 'not evaluated').replace('_', ' ')})"
            out.append(Move(to, text, False, why))
        elif to == "ready" and held:
            out.append(Move(to, text, False, held))
        else:
            out.append(Move(to, text))
    return out


def refusal(status: str, to: str, overall: str | None, held: str | None = None) -> str | None:
    """Why the move ``status`` -> ``to`` is refused (None: allowed)."""
    if status == to:
        return None
    allowed = {m.to: m for m in moves(status, overall, held)}
    move = allowed.get(to)
    if move is not None:
        return None if move.enabled else f"it cannot be marked ready: {move.why_not}"
    if to == "submitted":
        return "a case becomes submitted by recording its submission (method, reference), after it is marked ready"
    if to == "appealed":
        return "a case becomes appealed by recording the appeal (the payer's reason, your argument, what was sent), after a denial"
    if to in ("approved", "denied", "pended"):
        return f"a case becomes {to} by recording the payer's decision, after it is submitted"
    targets = ", ".join(label(m.to).lower() for m in moves(status, overall)) or "nothing"
    return f"a {label(status).lower()} case cannot become {label(to).lower()} (it can become: {targets})"


def submission_refusal(status: str, held: str | None = None) -> str | None:
    if held:
        return held
    if status in SUBMITTABLE:
        return None
    return f"mark the case ready before recording a submission (this case is {label(status).lower()})"


def decision_refusal(status: str) -> str | None:
    if status in DECIDABLE:
        return None
    return f"a decision is recorded after the case is submitted; this case is {label(status).lower()}"


def appeal_refusal(status: str) -> str | None:
    if status == "denied":
        return None
    return f"an appeal answers a denial: record the payer's denial first (this case is {label(status).lower()})"
