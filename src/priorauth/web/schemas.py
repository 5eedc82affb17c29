"""Request and response bodies (the OpenAPI schema is generated from these)."""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import date as Day
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Role = Literal["coordinator", "prescriber", "admin"]
Text200 = Field(min_length=1, max_length=200)
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    @field_validator("*", mode="after")
    @classmethod
    def _utc(cls, value: Any) -> Any:
        """Every time is answered with its zone: stored times are UTC (SQLite returns them naive)."""
        if isinstance(value, datetime) and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Setup(Body):
    practice_name: str = Text200
    admin_email: str = Field(pattern=EMAIL, max_length=254)
    admin_name: str = Text200
    admin_password: str = Field(min_length=12, max_length=1000)
    setup_token: str | None = Field(default=None, max_length=500)


class Login(Body):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=1000)


class UserIn(Body):
    email: str = Field(pattern=EMAIL, max_length=254)
    name: str = Text200
    role: Role
    password: str = Field(min_length=12, max_length=1000)


class UserPatch(Body):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    active: bool | None = None


class PasswordReset(Body):
    password: str = Field(min_length=12, max_length=1000)


class PasswordChange(Body):
    current_password: str = Field(min_length=1, max_length=1000)
    new_password: str = Field(min_length=12, max_length=1000)


class UserOut(Out):
    id: str
    practice_id: str
    email: str
    name: str
    role: str
    active: bool
    created_at: datetime


class LoginOut(BaseModel):
    user: UserOut
    csrf_token: str


class TokenIn(Body):
    name: str = Text200
    role: Literal["coordinator", "prescriber"] = "coordinator"
    expires_days: int | None = Field(default=None, ge=1, le=3650, description="days until it expires; none: never")


class TokenOut(Out):
    id: str
    name: str
    role: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None = None
    last_used_at: datetime | None


class TokenCreated(TokenOut):
    token: str = Field(description="the secret, shown once")


class SetupOut(BaseModel):
    practice_id: str
    admin: UserOut
    token: TokenCreated


class PracticeProfile(Body):
    npi: str | None = Field(default=None, max_length=20)
    tax_id: str | None = Field(default=None, max_length=20)
    address: str | None = Field(default=None, max_length=500)
    phone: str | None = Field(default=None, max_length=40)
    fax: str | None = Field(default=None, max_length=40)
    contact: str | None = Field(default=None, max_length=200)
    timezone: str | None = Field(
        default=None, max_length=60, description="IANA zone: the practice's day (today, default as-of) and shown times"
    )
    patient_mismatch: Literal["new_patient", "refuse"] = Field(
        default="new_patient",
        description="a chart whose Patient disagrees with the stored patient sharing its identifier: "
        "a new patient (201), or refused (409 patient_mismatch)",
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError("not an IANA time zone (e.g. America/New_York)") from None
        return value


class PracticeIn(Body):
    name: str = Text200
    profile: PracticeProfile


class PracticeOut(Out):
    id: str
    name: str
    profile: dict[str, Any]


class PatientOut(Out):
    id: str
    fhir_id: str | None
    name: str | None
    birth_date: str | None
    created_at: datetime


class PatientReviewOut(Out):
    id: str
    patient_id: str
    reason: str
    chart_ids: dict[str, Any]
    created_at: datetime
    resolved_at: datetime | None


class ChartOut(Out):
    id: str
    patient_id: str
    kind: str
    filename: str | None
    size: int
    sha256: str
    uploaded_at: datetime


class CaseIn(Body):
    chart_id: str = Field(min_length=1, max_length=32, description="the chart to evaluate (sets the patient)")
    drug: Literal["sotorasib", "adagrasib"] = "sotorasib"
    payer: str | None = Field(default=None, max_length=80, description="policy pack id; null: from the coverage")
    as_of: Day | None = Field(default=None, description="evaluation date; null: the day of each evaluation")
    note: str = Field(default="", max_length=5000)


class CasePatch(Body):
    version: int = Field(ge=1, description="the version you read; a stale one gets 409")
    chart_id: str | None = Field(default=None, min_length=1, max_length=32)
    payer: str | None = Field(default=None, max_length=80)
    as_of: Day | None = None
    status: Literal["open", "ready", "submitted", "pended", "approved", "denied", "appealed", "closed"] | None = Field(
        default=None, description="a move the workflow allows (else 409 saying why); see docs/workspace.md"
    )
    note: str | None = Field(default=None, max_length=5000)


class DeterminationColumns(Out):
    """A determination without its document (a read splices the stored document in: routers/cases.py)."""

    id: str
    case_id: str
    chart_id: str
    pack_id: str
    pack_version: str
    overall: str
    request_type: str
    as_of: str
    trigger: str
    created_at: datetime


class DeterminationOut(DeterminationColumns):
    document: dict[str, Any] = Field(description="the determination contract's JSON")


class CaseOut(Out):
    id: str
    patient_id: str
    chart_id: str | None
    drug: str
    payer: str | None
    as_of: str | None
    request_type: str | None
    status: str
    note: str
    version: int
    created_at: datetime
    updated_at: datetime


class CaseDetail(CaseOut):
    determination: DeterminationOut | None


class Evaluate(Body):
    as_of: Day | None = None


class AttestationIn(Body):
    kind: Literal["monotherapy", "progression", "medical_reason"]
    text: str = Field(min_length=1, max_length=5000)
    date: Day | None = Field(default=None, description="the clinical date attested; default today")


class AttestationOut(Out):
    id: str
    case_id: str
    kind: str
    text: str
    date: str
    by_user: str
    by_name: str
    created_at: datetime


class SubmissionIn(Body):
    method: Literal["portal", "fax", "electronic", "phone", "mail"]
    reference: str | None = Field(default=None, max_length=200)
    what: str = Field(default="", max_length=5000, description="what was sent")
    sent_at: datetime | None = None
    determination_id: str | None = Field(default=None, max_length=32)


class SubmissionOut(Out):
    id: str
    case_id: str
    determination_id: str | None
    method: str
    reference: str | None
    what: str
    sent_at: datetime
    created_at: datetime


class DecisionIn(Body):
    outcome: Literal["approved", "denied", "pended"]
    auth_number: str | None = Field(default=None, min_length=1, max_length=80)
    period_start: Day | None = None
    period_end: Day | None = None
    reason: str = Field(default="", max_length=5000)
    decided_on: Day | None = None


class DecisionOut(Out):
    id: str
    case_id: str
    outcome: str
    auth_number: str | None
    period_start: str | None
    period_end: str | None
    reason: str
    payer_name: str | None
    decided_on: str
    created_at: datetime


class AuditOut(Out):
    id: int
    actor: str
    actor_kind: str
    action: str
    resource: str
    resource_id: str | None
    patient_id: str | None
    detail: str
    at: datetime


class AppealIn(Body):
    version: int = Field(description="the case version you read (409 when it changed since)")
    argument: str = Field(default="", max_length=20000, description="the practice's argument (needed)")
    method: Literal["portal", "fax", "electronic", "phone", "mail"]
    reason: str | None = Field(
        default=None, max_length=5000, description="the payer's reason (default: the recorded denial's)"
    )
    reference: str | None = Field(default=None, max_length=200)
    what: str = Field(default="", max_length=5000, description="what was sent")
    sent_at: datetime | None = None


class AppealOut(Out):
    id: str
    case_id: str
    decision_id: str | None
    reason: str
    argument: str
    method: str
    reference: str | None
    what: str
    sent_at: datetime
    created_at: datetime
    standard_due: datetime | None = Field(default=None, description="the payer's answer due (the pack's appeal clock)")
    expedited_due: datetime | None = None


class CaseDocumentOut(Out):
    """A scanned report or fax added to a case (issue 17); the bytes are not echoed."""

    id: str
    case_id: str
    filename: str | None
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class CaseDocumentAdded(Body):
    document: CaseDocumentOut
    determination: DeterminationOut = Field(description="the case evaluated again with the document")


class PayerLetterOut(Out):
    """A payer's letter on a case (issue 18): what the reader proposed (the CLI's ``read-letter`` shape,
    spans as ``PayerLetter/<id>#char=s,e``), and once confirmed, the fields as confirmed and the decision."""

    id: str
    case_id: str
    filename: str | None
    content_type: str
    size: int
    status: Literal["proposed", "confirmed"]
    proposal: dict[str, Any]
    confirmed: dict[str, Any] | None
    decision_id: str | None
    uploaded_at: datetime
    confirmed_at: datetime | None


class PayerLetterConfirm(Body):
    """The coordinator's corrections of the proposal (a field left out keeps the proposed value; an empty
    string empties it). Confirming records the case's decision."""

    outcome: Literal["approved", "denied", "pended"] | None = None
    authorization_number: str | None = Field(default=None, max_length=80)
    period_start: Day | None = None
    period_end: Day | None = None
    quantity: str | None = Field(default=None, max_length=200)
    denial_reason: str | None = Field(default=None, max_length=5000)
    appeal_deadline: Day | None = None
    letter_date: Day | None = None


class PayerLetterConfirmed(Body):
    letter: PayerLetterOut
    decision: DecisionOut
