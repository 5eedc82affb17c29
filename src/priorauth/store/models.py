"""The service's tables. Every row that holds or points at patient data carries ``practice_id``: the
tenant every query is scoped to (see :mod:`priorauth.store.scope`)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ROLES = ("coordinator", "prescriber", "admin")
CASE_STATUSES = ("open", "ready", "submitted", "approved", "denied", "pended", "appealed", "closed")
OUTCOMES = ("approved", "denied", "pended")


def new_id() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: DateTime(timezone=True), dict[str, Any]: JSON}


class Practice(Base):
    """The tenant. ``profile`` is what the PA packet needs: NPI, tax id, address, phone, fax, contact."""

    __tablename__ = "practices"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    profile: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=now)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=now)
    password_changed_at: Mapped[datetime] = mapped_column(default=now)


class WebSession(Base):
    """A login. The cookie holds the token; the table holds its SHA-256 and the CSRF token."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=now)
    expires_at: Mapped[datetime]


class ApiToken(Base):
    """An integration's token: only its SHA-256 is stored; ``prefix`` lets people tell tokens apart."""

    __tablename__ = "api_tokens"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    prefix: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)  # none: until revoked
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)


class Patient(Base):
    """A person, keyed within the practice by the chart's identifiers (:class:`PatientIdentifier`, the
    FHIR id among them). Name and birth date are those of the first chart: a chart that disagrees is
    another patient, never a rename (``priorauth.service.patients``)."""

    __tablename__ = "patients"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    fhir_id: Mapped[str | None] = mapped_column(String(200))  # the chart's Patient id (none: no id)
    name: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=now)


class PatientIdentifier(Base):
    """One identifier of a patient: ``system`` + ``value`` as in the chart (an MRN), or the system
    ``fhir-id`` for the chart's Patient.id. Not unique: two patients may share one when a practice keeps
    a disagreeing chart as a new patient."""

    __tablename__ = "patient_identifiers"
    __table_args__ = (Index("ix_patient_identifiers_key", "practice_id", "system", "value"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"))
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    system: Mapped[str] = mapped_column(String(300))
    value: Mapped[str] = mapped_column(String(300))


class PatientReview(Base):
    """A patient an admin must look at: found by the 0002 migration holding charts of different people
    (merged before identities were checked). Nothing is split automatically."""

    __tablename__ = "patient_reviews"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"))
    reason: Mapped[str] = mapped_column(Text)
    chart_ids: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"charts": [...]}: the charts involved
    created_at: Mapped[datetime] = mapped_column(default=now)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class StoredFile:
    """A file kept byte for byte as received (a chart, a scanned document, a payer letter): its name, size,
    SHA-256, bytes and who stored it when. :func:`stored_file` fills these columns from the bytes."""

    filename: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[str] = mapped_column(String(32))
    uploaded_at: Mapped[datetime] = mapped_column(default=now)


def stored_file(raw: bytes, filename: str | None, uploaded_by: str, at: datetime) -> dict[str, Any]:
    """The :class:`StoredFile` columns of ``raw`` stored by ``uploaded_by`` at ``at`` (the name cut to its
    column's 255 characters)."""
    return {
        "filename": (filename or "")[-255:] or None,
        "size": len(raw),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "content": raw,
        "uploaded_by": uploaded_by,
        "uploaded_at": at,
    }


class Chart(StoredFile, Base):
    """An uploaded chart, kept byte for byte as received."""

    __tablename__ = "charts"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # bundle | ndjson | archive


class Case(Base):
    """One PA request: a patient, a drug, a payer pack (null: matched from the coverage), a status.
    ``version`` is the optimistic-concurrency counter: an update names the version it read."""

    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id"), index=True)
    chart_id: Mapped[str | None] = mapped_column(ForeignKey("charts.id"))
    drug: Mapped[str] = mapped_column(String(40))
    payer: Mapped[str | None] = mapped_column(String(80))
    as_of: Mapped[str | None] = mapped_column(String(10))  # null: the day of each evaluation
    request_type: Mapped[str | None] = mapped_column(String(10))  # from the latest determination
    status: Mapped[str] = mapped_column(String(12), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative attribute


class Determination(Base):
    """A snapshot of the determination (the contract's JSON) with the pack id and version it used."""

    __tablename__ = "determinations"
    __table_args__ = (Index("ix_determinations_case_latest", "case_id", "created_at", "id"),)  # latest: a seek
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    chart_id: Mapped[str] = mapped_column(ForeignKey("charts.id"))
    pack_id: Mapped[str] = mapped_column(String(80))
    pack_version: Mapped[str] = mapped_column(String(40))
    overall: Mapped[str] = mapped_column(String(40))
    request_type: Mapped[str] = mapped_column(String(10))
    as_of: Mapped[str] = mapped_column(String(10))
    trigger: Mapped[str] = mapped_column(String(40))
    document: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=now)


class Attestation(Base):
    __tablename__ = "attestations"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    date: Mapped[str] = mapped_column(String(10))  # the clinical date attested (progression: when)
    by_user: Mapped[str] = mapped_column(ForeignKey("users.id"))
    by_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=now)


class Submission(Base):
    __tablename__ = "submissions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    determination_id: Mapped[str | None] = mapped_column(ForeignKey("determinations.id"))
    method: Mapped[str] = mapped_column(String(20))  # portal | fax | electronic | phone | mail
    reference: Mapped[str | None] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=now)


class Decision(Base):
    """The payer's answer. Approvals (number and period) count for later renewals of the patient."""

    __tablename__ = "decisions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(10))
    auth_number: Mapped[str | None] = mapped_column(String(80))
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    payer_name: Mapped[str | None] = mapped_column(String(200))
    decided_on: Mapped[str] = mapped_column(String(10))
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=now)


class Appeal(Base):
    """The practice's appeal of a denial: the payer's reason (from the recorded denial, or as the appeal
    states it), the practice's argument, what was sent, how and when. The appeal letter is built from
    these; the appeal's decision clock (the pack's ``appeal_clocks``) runs from ``sent_at``."""

    __tablename__ = "appeals"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decisions.id"))  # the denial appealed
    reason: Mapped[str] = mapped_column(Text, default="")
    argument: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str | None] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime] = mapped_column()
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=now)


class CalendarFeed(Base):
    """A user's calendar feed link (``/calendar/<token>.ics``): only the token's SHA-256 is stored; revoked
    feeds answer 404. The feed names patients by initials only (calendar apps copy it elsewhere)."""

    __tablename__ = "calendar_feeds"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class AuditEvent(Base):
    """Who did what to which record, when. ``detail`` never holds patient data (ids and field names only)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_practice_at", "practice_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"))
    actor: Mapped[str] = mapped_column(String(32))  # user id or token id
    actor_kind: Mapped[str] = mapped_column(String(10))  # user | token
    action: Mapped[str] = mapped_column(String(20))  # view | create | update | delete | login | ...
    resource: Mapped[str] = mapped_column(String(20))
    resource_id: Mapped[str | None] = mapped_column(String(32))
    patient_id: Mapped[str | None] = mapped_column(String(32), index=True)
    detail: Mapped[str] = mapped_column(String(500), default="")
    at: Mapped[datetime] = mapped_column(default=now)


class CaseDocument(StoredFile, Base):
    """A document added to a case (a scanned report, a fax): the original byte for byte. It belongs to the
    case, not to a chart, so it is merged into whatever chart the case is evaluated with (issue 17)."""

    __tablename__ = "case_documents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    content_type: Mapped[str] = mapped_column(String(40))


class LoginThrottle(Base):
    """Failed logins of one key (``a:<email>``: the account from any address; ``ip:<address>``), shared by
    every server process: each failure past the allowance doubles the wait before the next try."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=now)
    blocked_until: Mapped[datetime | None] = mapped_column(default=None)


class SeenJwt(Base):
    """A CDS Hooks JWT's ``jti`` already used (single use, across processes and restarts), until it expires."""

    __tablename__ = "seen_jwts"
    jti: Mapped[str] = mapped_column(String(300), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class CdsSuggestion(Base):
    """A start-case suggestion issued on a CDS card: what accepted feedback needs to open the case (the
    chart the EHR sent), for 24 hours."""

    __tablename__ = "cds_suggestions"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # the suggestion's uuid
    context: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=now, index=True)


class PayerLetter(StoredFile, Base):
    """The payer's answer as it came (issue 18): the letter's bytes, the text read from it, what the reader
    proposed and, once a coordinator confirmed it, the fields as confirmed and the decision it became (the
    letter is that decision's evidence)."""

    __tablename__ = "payer_letters"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    content_type: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    proposal: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(12), default="proposed")  # proposed | confirmed
    confirmed: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decisions.id"), default=None)
    confirmed_by: Mapped[str | None] = mapped_column(String(32), default=None)
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)


class EhrLink(Base):
    """A workspace login opened by a SMART App Launch (issue 15): the EHR it came from, the patient in
    context and the EHR's tokens, encrypted (Fernet, the ``smart_token_key`` setting): never in the clear,
    never logged. It lives as long as its web session."""

    __tablename__ = "ehr_links"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    practice_id: Mapped[str] = mapped_column(ForeignKey("practices.id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    issuer: Mapped[str] = mapped_column(String(500))
    patient_fhir_id: Mapped[str | None] = mapped_column(String(200))
    fhir_user: Mapped[str | None] = mapped_column(String(500))
    tokens: Mapped[bytes] = mapped_column(LargeBinary)  # Fernet token of the JSON token response
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now)
