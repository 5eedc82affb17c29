"""Practice-scoped data access: the only way the web layer reads or writes tenant rows.

A :class:`Scope` is bound to one session and one practice; every ``get`` and ``select`` filters by that
practice, so a row of another practice is simply "not found". Changes are recorded as audit events in
the same transaction as the change itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from priorauth.errors import Code, fail
from priorauth.store.models import (
    AuditEvent,
    Case,
    Decision,
    Patient,
    now,
)

T = TypeVar("T")


@dataclass
class Actor:
    """Who is acting: a user (``kind`` user) or an integration token (``kind`` token), with a role."""

    id: str
    kind: str
    role: str
    practice_id: str
    name: str


class Scope:
    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.practice_id = actor.practice_id

    def select(self, model: type[T]) -> Select[tuple[T]]:
        return select(model).where(model.practice_id == self.practice_id)  # type: ignore[attr-defined]

    def get(self, model: type[T], id_: str, what: str | None = None) -> T:
        row = self.session.scalars(self.select(model).where(model.id == id_)).first()  # type: ignore[attr-defined]
        if row is None:
            if hasattr(model, "practice_id") and len(id_) <= 32:
                elsewhere = self.session.scalar(
                    select(model.practice_id).where(model.id == id_)  # type: ignore[attr-defined]
                )
                if elsewhere is not None:  # another practice's record: refused, and recorded in the
                    # owner's trail (never the caller's: it must not learn that the id exists elsewhere)
                    event = self._event("refused", model.__tablename__[:20], id_, None, "from another practice")  # type: ignore[attr-defined]
                    sink = self.session.info.get("audit_sink")
                    if sink is not None:
                        sink.put(**(event | {"practice_id": elsewhere}))
            raise fail(Code.NOT_FOUND, f"no {what or model.__name__.lower()} {id_}")
        return row

    def all(self, stmt: Select[tuple[T]]) -> Sequence[T]:
        return self.session.scalars(stmt).all()

    def add(self, row: Any) -> Any:
        row.practice_id = self.practice_id
        self.session.add(row)
        self.session.flush()
        return row

    def audit(
        self, action: str, resource: str, resource_id: str | None, patient_id: str | None, detail: str = ""
    ) -> None:
        """Record who did what (never patient data in ``detail``: ids, field names, counts), in the
        request's transaction; views on SQLite go to the background writer (``store.audit``)."""
        event = self._event(action, resource, resource_id, patient_id, detail)
        sink = self.session.info.get("audit_sink")
        if sink is not None and sink.defer_views and action == "view":
            sink.put(**event)
        else:
            self.session.add(AuditEvent(**event))

    def audit_always(
        self, action: str, resource: str, resource_id: str | None, patient_id: str | None, detail: str = ""
    ) -> None:
        """Record an event that stays even when the request fails (a refusal)."""
        event = self._event(action, resource, resource_id, patient_id, detail)
        sink = self.session.info.get("audit_sink")
        if sink is not None:
            sink.put(**event)

    def _event(
        self, action: str, resource: str, resource_id: str | None, patient_id: str | None, detail: str
    ) -> dict[str, Any]:
        return {
            "practice_id": self.practice_id,
            "actor": self.actor.id,
            "actor_kind": self.actor.kind,
            "action": action,
            "resource": resource,
            "resource_id": resource_id,
            "patient_id": patient_id,
            "detail": detail[:500],
            "at": now(),
        }

    def approvals(self, patient_id: str, drug: str, exclude_case: str | None = None) -> list[dict[str, Any]]:
        """Approved decisions for the patient and drug (other cases than ``exclude_case``), as
        :func:`priorauth.api.check` takes them."""
        rows = self.session.execute(
            select(Decision, Case)
            .join(Case, Decision.case_id == Case.id)
            .where(
                Decision.practice_id == self.practice_id,
                Case.patient_id == patient_id,
                Case.drug == drug,
                Decision.outcome == "approved",
                Decision.case_id != (exclude_case or ""),
            )
            .order_by(Decision.decided_on)
        ).all()
        return [
            {
                "id": d.id,
                "auth_number": d.auth_number,
                "start": d.period_start,
                "end": d.period_end,
                "payer_name": d.payer_name,
                "drug": c.drug,
                "date": d.decided_on,
            }
            for d, c in rows
        ]

    def patient(self, id_: str) -> Patient:
        return self.get(Patient, id_, "patient")
