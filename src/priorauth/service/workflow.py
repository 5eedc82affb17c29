"""The PA workflow's rules: which status moves are allowed, and why a refused one is refused (in words).
The case service enforces them for every entry point (REST API, workspace pages, CDS Hooks, demo);
the workspace shows the same table as its buttons. Pure functions, no database, no web."""

from __future__ import annotations

from dataclasses import dataclass

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
    "denied": (("appealed", "Record an appeal"), ("closed", "Close the case")),
    "appealed": (("closed", "Close the case"),),
    "closed": (("open", "Reopen as draft"),),
}


def label(status: str) -> str:
    return LABELS.get(status, status)


def moves(status: str, overall: str | None) -> list[Move]:
    """The status changes allowed from ``status`` (disabled ones say why), given the latest overall."""
    out = []
    for to, text in MOVES.get(status, ()):
        if to == "ready" and overall != "ready":
            why = f"the checklist is not ready ({(overall or 'not evaluated').replace('_', ' ')})"
            out.append(Move(to, text, False, why))
        else:
            out.append(Move(to, text))
    return out


def refusal(status: str, to: str, overall: str | None) -> str | None:
    """Why the move ``status`` -> ``to`` is refused (None: allowed)."""
    if status == to:
        return None
    allowed = {m.to: m for m in moves(status, overall)}
    move = allowed.get(to)
    if move is not None:
        return None if move.enabled else f"it cannot be marked ready: {move.why_not}"
    if to == "submitted":
        return "a case becomes submitted by recording its submission (method, reference), after it is marked ready"
    if to in ("approved", "denied", "pended"):
        return f"a case becomes {to} by recording the payer's decision, after it is submitted"
    targets = ", ".join(label(m.to).lower() for m in moves(status, overall)) or "nothing"
    return f"a {label(status).lower()} case cannot become {label(to).lower()} (it can become: {targets})"


def submission_refusal(status: str) -> str | None:
    if status in SUBMITTABLE:
        return None
    return f"mark the case ready before recording a submission (this case is {label(status).lower()})"


def decision_refusal(status: str) -> str | None:
    if status in DECIDABLE:
        return None
    return f"a decision is recorded after the case is submitted; this case is {label(status).lower()}"
