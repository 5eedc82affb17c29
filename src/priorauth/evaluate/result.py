"""A criterion's answer, in the contract's shape."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from priorauth.facts.model import Evidence

Status = Literal["met", "not_met", "insufficient", "review"]


@dataclass
class Answer:
    status: Status
    summary: str
    evidence: list[Evidence] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


def answer(status: Status, summary: str, evidence: Iterable[Any] = (), actions: Iterable[str] = ()) -> Answer:
    """Evidence (an Evidence or any fact carrying one) de-duplicated by source and ordered by date
    (undated last), as the contract requires."""
    items: list[Evidence] = [getattr(e, "evidence", e) for e in evidence]
    unique = {e.source: e for e in items}
    ordered = sorted(unique.values(), key=lambda e: (e.date is None, e.date or "", e.source))
    return Answer(status, summary, ordered, list(actions))


def criterion_dict(cid: str, required: bool, a: Answer) -> dict[str, Any]:
    return {
        "id": cid,
        "required": required,
        "status": a.status,
        "summary": a.summary,
        "evidence": [e.as_dict() for e in a.evidence],
        "actions": a.actions,
    }
