"""Payer letters on a case (issue 18): the payer's answer uploaded on a submitted case, read into a
proposal (:mod:`priorauth.letters`, in the worker pool: OCR never runs on the event loop), kept with the
letter's bytes, and, once a coordinator corrected and confirmed it, recorded as the case's decision
through :meth:`priorauth.service.cases.Cases.decide` (the same rules as a decision typed in), the letter
kept as that decision's evidence. A letter about another patient proposes nothing and cannot be
confirmed. Clocks: the appeal deadline of a confirmed denial; the renewal date follows from the approved
period (:func:`priorauth.web.ui.workflow.renewal_due`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from priorauth.errors import Code, fail
from priorauth.service import clock, workflow
from priorauth.service.cases import Cases
from priorauth.store.models import Case, Decision, PayerLetter, new_id, stored_file

EDITABLE = (
    "outcome",
    "authorization_number",
    "period_start",
    "period_end",
    "quantity",
    "denial_reason",
    "appeal_deadline",
    "letter_date",
)
OUTCOMES = ("approved", "denied", "pended")


def read(raw: bytes, case_patient: dict[str, Any] | None, ref: str) -> tuple[str, str, dict[str, Any]]:
    """(media type, text, proposal) of a letter; runs in a worker process."""
    from priorauth.letters import source
    from priorauth.letters.proposal import propose

    letter = source.read(raw)
    return source.MEDIA[letter.kind], letter.text, propose(letter, case_patient, raw).as_dict(ref)


def proposed_values(proposal: dict[str, Any]) -> dict[str, Any]:
    """The proposal's editable values (empty when the letter is about another patient)."""
    period = proposal.get("period") or {}
    values = {k: proposal.get(k) for k in EDITABLE if k not in ("period_start", "period_end")}
    return values | {"period_start": period.get("start"), "period_end": period.get("end")}


class PayerLetters:
    def __init__(self, cases: Cases) -> None:
        self.cases = cases
        self.scope = cases.scope

    def case_patient(self, case: Case) -> dict[str, Any]:
        """Who the case is about, for the letter to be matched against: name, birth date, member id."""
        p = self.scope.patient(case.patient_id)
        last = self.cases.latest(case.id)
        member = ((last.document.get("payer") or {}).get("member_id")) if last else None
        return {"name": p.name, "birth_date": p.birth_date, "member_id": member}

    def add(self, case_id: str, raw: bytes, filename: str | None = None) -> PayerLetter:
        """Read the payer's letter on a submitted (or pended, or appealed) case; nothing is decided yet."""
        case = self.cases.get(case_id)
        why = workflow.decision_refusal(case.status)
        if why:
            raise fail(Code.CONFLICT, f"not now: a payer letter is read on a case waiting for the payer; {why}")
        row_id = new_id()
        media, text, proposal = self.cases._run(read, raw, self.case_patient(case), f"PayerLetter/{row_id}")
        row = self.scope.add(
            PayerLetter(
                id=row_id,
                case_id=case.id,
                content_type=media,
                text=text,
                proposal=proposal,
                status="proposed",
                **stored_file(raw, filename, self.scope.actor.id, clock.now()),
            )
        )
        self.scope.audit("create", "payer_letter", row.id, case.patient_id, f"case={case.id}")
        return row

    def of_case(self, case_id: str) -> list[PayerLetter]:
        case = self.cases.get(case_id)
        stmt = self.scope.select(PayerLetter).where(PayerLetter.case_id == case.id)
        return list(self.scope.all(stmt.order_by(PayerLetter.uploaded_at, PayerLetter.id)))

    def get(self, case_id: str, letter_id: str) -> PayerLetter:
        row = self.scope.get(PayerLetter, letter_id, "payer letter")
        if row.case_id != case_id:
            raise fail(Code.NOT_FOUND, f"no payer letter {letter_id} on case {case_id}")
        return row

    def confirm(self, case_id: str, letter_id: str, corrections: dict[str, Any] | None = None) -> Decision:
        """The coordinator's confirmed reading (the proposal with ``corrections`` applied) becomes the
        case's decision; the letter is its evidence."""
        letter = self.get(case_id, letter_id)
        if letter.status != "proposed":
            raise fail(Code.CONFLICT, "not now: this letter was already confirmed")
        mismatch = (letter.proposal.get("patient") or {}).get("mismatch") or []
        if mismatch:
            raise fail(
                Code.PATIENT_MISMATCH,
                f"the letter is about another patient ({', '.join(mismatch)} differ from the case's): "
                "it cannot become this case's decision",
            )
        values = proposed_values(letter.proposal)
        changed = []
        for key, value in (corrections or {}).items():
            if key not in EDITABLE:
                raise fail(Code.INVALID_REQUEST, f"{key} is not a field of a payer letter")
            value = value.isoformat() if isinstance(value, date) else (value or None)
            if value != values.get(key):
                changed.append(key)
            values[key] = value
        outcome = values.get("outcome")
        if outcome not in OUTCOMES:
            raise fail(Code.INVALID_REQUEST, "the outcome is empty: choose approved, denied or pended from the letter")
        days = {k: _day(values.get(k), k) for k in ("period_start", "period_end", "appeal_deadline", "letter_date")}
        decision = self.cases.decide(
            case_id,
            outcome,
            values.get("authorization_number"),
            days["period_start"],
            days["period_end"],
            values.get("denial_reason") or "",
            days["letter_date"],
        )
        if outcome != "denied":
            values["appeal_deadline"] = None
        letter.status = "confirmed"
        letter.confirmed = values | {"corrected": changed}
        letter.decision_id = decision.id
        letter.confirmed_by = self.scope.actor.id
        letter.confirmed_at = clock.now()
        self.scope.session.flush()
        case = self.cases.get(case_id)
        detail = f"case={case.id} outcome={outcome} corrected={','.join(changed) or 'none'}"
        self.scope.audit("update", "payer_letter", letter.id, case.patient_id, detail)
        return decision

    def evidence(self, decision: Decision) -> PayerLetter | None:
        """The letter a decision was confirmed from."""
        stmt = self.scope.select(PayerLetter).where(PayerLetter.decision_id == decision.id)
        return self.scope.session.scalars(stmt).first()

    def appeal_deadline(self, case_id: str) -> date | None:
        """The last day to appeal the case's latest decision, when it is a denial confirmed from a letter."""
        case = self.cases.get(case_id)
        stmt = self.scope.select(Decision).where(Decision.case_id == case.id)
        last = self.scope.session.scalars(stmt.order_by(Decision.created_at.desc(), Decision.id.desc())).first()
        if last is None or last.outcome != "denied":
            return None
        letter = self.evidence(last)
        value = (letter.confirmed or {}).get("appeal_deadline") if letter else None
        return date.fromisoformat(value) if value else None


def _day(value: Any, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise fail(Code.BAD_DATE, f"{name.replace('_', ' ')} {value!r} is not a date (YYYY-MM-DD)") from None
