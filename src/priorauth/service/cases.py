"""The case service: every change of a chart or a case, for every entry point (the REST API, the
workspace pages, CDS Hooks feedback, the demo seed). It owns the workflow (the allowed status moves;
a refused one is a 409 with the reason in words), the practice scope (everything goes through the
caller's :class:`~priorauth.store.scope.Scope`) and the audit event of each action. No web framework
here: callers pass plain values and get rows back.

Evaluations run in the worker pool (:mod:`priorauth.service.pool`) before anything is written, so no
database write lock is held while a chart is read; a new snapshot is stored with the change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Text, and_, cast, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from priorauth.errors import Code, fail
from priorauth.service import case_documents, charts, clock, patients, pool, workflow
from priorauth.store.models import (
    Appeal,
    Attestation,
    Case,
    CaseDocument,
    Chart,
    Decision,
    Determination,
    Practice,
    Submission,
    new_id,
    stored_file,
)
from priorauth.store.scope import Scope

STORED_COLUMNS = (
    "id",
    "case_id",
    "chart_id",
    "pack_id",
    "pack_version",
    "overall",
    "request_type",
    "as_of",
    "trigger",
    "created_at",
)


@dataclass(frozen=True)
class StoredDetermination:
    """A stored determination as read: its columns (``STORED_COLUMNS``) and its document as the stored
    JSON text."""

    columns: dict[str, Any]
    document_json: str


@dataclass(frozen=True)
class Limits:
    """What one evaluation may use: the unpacked archive size, the worker processes (0: in the calling
    thread) and the time limit in seconds."""

    max_archive_bytes: int = 200_000_000
    workers: int = 0
    timeout: float = 120.0


class Cases:
    def __init__(self, scope: Scope, limits: Limits | None = None) -> None:
        self.scope = scope
        self.limits = limits or Limits()

    # -- the practice's day ------------------------------------------------------------------------
    def today(self) -> date:
        return clock.day(clock.now(), self.zone())

    def zone(self) -> ZoneInfo:
        practice = self.scope.session.get(Practice, self.scope.practice_id)
        return clock.zone(practice.profile if practice else None)

    # -- charts ------------------------------------------------------------------------------------
    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return pool.run(fn, *args, workers=self.limits.workers, timeout=self.limits.timeout, **kwargs)

    def store_chart(
        self, raw: bytes, kind: str, filename: str | None = None, patient: str | None = None
    ) -> tuple[Chart, bool]:
        """Keep a chart as received and file it under its patient (``patients.file_patient``: never
        merged with another person); (chart, patient created)."""
        found = self._run(charts.patient_of, raw, kind, self.limits.max_archive_bytes, patient)
        row, created = patients.file_patient(self.scope, found)
        chart = self.scope.add(
            Chart(
                patient_id=row.id,
                kind=kind,
                **stored_file(raw, filename, self.scope.actor.id, clock.now()),
            )
        )
        self.scope.audit("create", "chart", chart.id, row.id, f"kind={kind} bytes={len(raw)}")
        return chart, created

    # -- cases -------------------------------------------------------------------------------------
    def get(self, case_id: str) -> Case:
        return self.scope.get(Case, case_id, "case")

    def open(
        self,
        chart_id: str,
        drug: str = "sotorasib",
        payer: str | None = None,
        as_of: date | None = None,
        note: str = "",
        trigger: str = "created",
    ) -> tuple[Case, Determination]:
        chart = self.scope.get(Chart, chart_id, "chart")
        case = Case(
            id=new_id(),
            practice_id=self.scope.practice_id,
            patient_id=chart.patient_id,
            chart_id=chart.id,
            drug=drug,
            payer=payer or None,
            as_of=as_of.isoformat() if as_of else None,
            note=note,
            created_by=self.scope.actor.id,
        )
        doc = self._evaluate(case)
        case.request_type = doc["request_type"]
        self.scope.add(case)
        self.scope.audit("create", "case", case.id, case.patient_id)
        return case, self._snapshot(case, doc, trigger)

    def inputs(
        self,
        case: Case,
        extra_attestations: list[dict[str, Any]] | None = None,
        extra_documents: list[CaseDocument] | None = None,
    ) -> tuple[Chart, dict[str, Any]]:
        """The case's chart and the arguments of its evaluation: its date (the practice's today when the
        case has none), payer, patient, drug, attestations, the patient's recorded approvals and the
        documents added to the case (scanned reports, merged into the chart; the determination and the
        packet use the same)."""
        if case.chart_id is None:
            raise fail(Code.CONFLICT, "the case has no chart to evaluate")
        scope = self.scope
        chart = scope.get(Chart, case.chart_id, "chart")
        patient = scope.patient(case.patient_id)
        rows = scope.all(
            scope.select(Attestation).where(Attestation.case_id == case.id).order_by(Attestation.created_at)
        )
        attestations = [{"id": a.id, "kind": a.kind, "text": a.text, "date": a.date, "by": a.by_name} for a in rows]
        zone = self.zone()
        return chart, {
            "as_of": case.as_of or self.today().isoformat(),
            "payer": case.payer,
            "patient": patient.fhir_id,
            "drug": case.drug,
            "attestations": attestations + (extra_attestations or []),
            "approvals": scope.approvals(case.patient_id, case.drug, exclude_case=case.id),
            "documents": [
                *case_documents.resources(scope, case, patient.fhir_id, zone),
                *(case_documents.resource(d, patient.fhir_id, zone) for d in extra_documents or []),
            ],
        }

    def chart(self, case: Case, chart_id: str | None = None) -> Any:
        """The chart a case's evidence points into (``chart_id``: an earlier one of the case), loaded,
        with the case's documents merged in, its patient selected."""
        chart_id = chart_id or case.chart_id
        if chart_id is None:
            raise fail(Code.NOT_FOUND, "the case has no chart")
        chart = self.scope.get(Chart, chart_id, "chart")
        patient = self.scope.patient(case.patient_id)
        docs = case_documents.resources(self.scope, case, patient.fhir_id, self.zone())
        return charts.chart_of(chart.content, chart.kind, self.limits.max_archive_bytes, patient.fhir_id, docs)

    def _evaluate(
        self,
        case: Case,
        as_of: date | None = None,
        extra_attestations: list[dict[str, Any]] | None = None,
        extra_documents: list[CaseDocument] | None = None,
    ) -> dict[str, Any]:
        chart, inputs = self.inputs(case, extra_attestations, extra_documents)
        if as_of is not None:
            inputs["as_of"] = as_of.isoformat()
        return self._run(charts.evaluate, chart.content, chart.kind, self.limits.max_archive_bytes, **inputs)

    def _snapshot(self, case: Case, doc: dict[str, Any], trigger: str) -> Determination:
        row = self.scope.add(
            Determination(
                case_id=case.id,
                chart_id=case.chart_id,
                pack_id=doc["policy"]["id"],
                pack_version=str(doc["policy"]["version"]),
                overall=doc["overall"],
                request_type=doc["request_type"],
                as_of=doc["as_of"],
                trigger=trigger[:40],
                document=doc,
            )
        )
        self.scope.audit("evaluate", "determination", row.id, case.patient_id, f"case={case.id} trigger={trigger}")
        return row

    def _record_request_type(self, case: Case, doc: dict[str, Any]) -> None:
        # A new snapshot is not an edit of the case: its request type is recorded without bumping the
        # version, so evaluations never conflict with editors (or with each other).
        self.scope.session.execute(update(Case).where(Case.id == case.id).values(request_type=doc["request_type"]))
        set_committed_value(case, "request_type", doc["request_type"])

    def evaluate(self, case_id: str, as_of: date | None = None, trigger: str = "requested") -> Determination:
        """Evaluate again now (optionally on another date); the snapshot is kept."""
        case = self.get(case_id)
        doc = self._evaluate(case, as_of)
        row = self._snapshot(case, doc, trigger)
        self._record_request_type(case, doc)
        return row

    def latest(self, case_id: str) -> Determination | None:
        stmt = self.scope.select(Determination).where(Determination.case_id == case_id)
        # LIMIT 1: without it the ORM loads (and decodes the JSON of) every snapshot the case ever had
        return self.scope.session.scalars(
            stmt.order_by(Determination.created_at.desc(), Determination.id.desc()).limit(1)
        ).first()

    def read(self, case_id: str, with_case: bool = True) -> tuple[Case, StoredDetermination | None]:
        """The case and its latest determination in one query, the determination's document as the JSON
        text stored (a read serves it as is: never decoded and encoded again). ``with_case`` False: the
        case row is still checked (scope) but its columns are not wanted."""
        d = Determination
        latest = (
            select(d.id)
            .where(d.case_id == Case.id)
            .order_by(d.created_at.desc(), d.id.desc())
            .limit(1)
            .correlate(Case)
            .scalar_subquery()
        )
        head = (Case,) if with_case else (Case.id, Case.patient_id)
        stmt = (
            select(*head, *(getattr(d, c) for c in STORED_COLUMNS), cast(d.document, Text))
            .outerjoin(d, and_(d.id == latest, d.practice_id == Case.practice_id))
            .where(Case.id == case_id, Case.practice_id == self.scope.practice_id)
        )
        row = self.scope.session.execute(stmt).first()
        if row is None:
            self.get(case_id)  # not found (and a record of another practice's refused): raises
            raise fail(Code.NOT_FOUND, f"no case {case_id}")  # pragma: no cover - get raised
        values = tuple(row)
        case = values[0] if with_case else Case(id=values[0], patient_id=values[1])
        rest = values[len(head) :]
        if rest[0] is None:
            return case, None
        return case, StoredDetermination(dict(zip(STORED_COLUMNS, rest[:-1], strict=True)), rest[-1])

    def update(
        self, case_id: str, version: int, changes: dict[str, Any], trigger: str = "case_changed"
    ) -> tuple[Case, Determination | None]:
        """Change a case: ``chart_id``, ``payer``, ``as_of``, ``status``, ``note``. ``version`` must be
        the version read (else 409 ``conflict``); a status move must be allowed (else 409 with why). A
        change of chart, payer or date is evaluated first, then written with its snapshot."""
        row = self.get(case_id)
        if version != row.version:
            raise conflict(row)
        to = changes.get("status")
        if to is not None and to != row.status:
            last = self.latest(row.id)
            why = workflow.refusal(
                row.status, to, last.overall if last else None, workflow.hold(last.document if last else None)
            )
            if why:
                raise fail(Code.CONFLICT, f"not now: {why}")
        new_chart = None
        if changes.get("chart_id") is not None:
            new_chart = self.scope.get(Chart, changes["chart_id"], "chart")
            if new_chart.patient_id != row.patient_id:
                raise fail(Code.CONFLICT, "that chart is of another patient than the case's")
        doc = None
        if {"chart_id", "payer", "as_of"} & changes.keys():
            probe = Case(
                id=row.id,
                practice_id=row.practice_id,
                patient_id=row.patient_id,
                chart_id=new_chart.id if new_chart else row.chart_id,
                drug=row.drug,
                payer=(changes["payer"] or None) if "payer" in changes else row.payer,
                as_of=_day(changes["as_of"]) if "as_of" in changes else row.as_of,
            )
            doc = self._evaluate(probe)
        if new_chart is not None:
            row.chart_id = new_chart.id
        if "payer" in changes:
            row.payer = changes["payer"] or None
        if "as_of" in changes:
            row.as_of = _day(changes["as_of"])
        for key in ("status", "note"):
            if changes.get(key) is not None:
                setattr(row, key, changes[key])
        row.updated_at = clock.now()
        self._save(row)
        self.scope.audit("update", "case", row.id, row.patient_id, ",".join(sorted(changes)))
        determination = None
        if doc is not None:
            determination = self._snapshot(row, doc, trigger)
            self._record_request_type(row, doc)
        return row, determination

    def move(self, case_id: str, version: int, to: str) -> Case:
        return self.update(case_id, version, {"status": to})[0]

    def _save(self, case: Case) -> None:
        """Flush a change of ``case``: UPDATE ... WHERE version = :read, so a concurrent change is a 409."""
        case_id = case.id
        try:
            self.scope.session.flush()
        except StaleDataError:
            self.scope.session.rollback()  # another writer committed first: report the version it left
            raise conflict(self.get(case_id)) from None

    # -- what happens around a case ----------------------------------------------------------------
    def attest(self, case_id: str, kind: str, text: str, on: date | None = None) -> tuple[Attestation, Determination]:
        """A prescriber's statement; the case is evaluated again with it (cited ``Attestation/<id>``)."""
        if self.scope.actor.kind != "user" or self.scope.actor.role != "prescriber":
            raise fail(Code.FORBIDDEN, "an attestation is a prescriber's own statement: log in as the prescriber")
        case = self.get(case_id)
        if case.status == "closed":
            raise fail(Code.CONFLICT, "not now: the case is closed; reopen it before attesting")
        row = Attestation(
            id=new_id(),
            case_id=case.id,
            kind=kind,
            text=text,
            date=(on or self.today()).isoformat(),
            by_user=self.scope.actor.id,
            by_name=self.scope.actor.name,
        )
        doc = self._evaluate(
            case,
            extra_attestations=[
                {"id": row.id, "kind": row.kind, "text": row.text, "date": row.date, "by": row.by_name}
            ],
        )
        self.scope.add(row)
        self.scope.audit("create", "attestation", row.id, case.patient_id, f"case={case.id} kind={kind}")
        det = self._snapshot(case, doc, "attestation")
        self._record_request_type(case, doc)
        return row, det

    def add_document(self, case_id: str, raw: bytes, filename: str | None = None) -> tuple[CaseDocument, Determination]:
        """A scanned report or fax added to the case (kept byte for byte); the case is evaluated again
        with it (the report OCR'd like any scanned attachment) before anything is written."""
        case = self.get(case_id)
        if case.status == "closed":
            raise fail(Code.CONFLICT, "not now: the case is closed; reopen it before adding a document")
        row = case_documents.new(self.scope, case, raw, filename)
        doc = self._evaluate(case, extra_documents=[row])
        self.scope.add(row)
        self.scope.audit("create", "document", row.id, case.patient_id, f"case={case.id}")
        det = self._snapshot(case, doc, "document_added")
        self._record_request_type(case, doc)
        return row, det

    def submit(
        self,
        case_id: str,
        method: str,
        reference: str | None = None,
        what: str = "",
        sent_at: datetime | None = None,
        determination_id: str | None = None,
    ) -> Submission:
        """Record what was sent to the payer; a ready case becomes submitted."""
        case = self.get(case_id)
        last = self.latest(case.id)
        why = workflow.submission_refusal(case.status, workflow.hold(last.document if last else None))
        if why:
            raise fail(Code.CONFLICT, f"not now: {why}")
        if determination_id is not None:
            d = self.scope.get(Determination, determination_id, "determination")
            if d.case_id != case.id:
                raise fail(Code.CONFLICT, "that determination belongs to another case")
        else:
            determination_id = last.id if last else None
        row = self.scope.add(
            Submission(
                case_id=case.id,
                determination_id=determination_id,
                method=method,
                reference=reference,
                what=what,
                sent_at=clock.aware(sent_at) if sent_at else clock.now(),
                created_by=self.scope.actor.id,
            )
        )
        case.status = "submitted"
        case.updated_at = clock.now()
        self._save(case)
        self.scope.audit("create", "submission", row.id, case.patient_id, f"case={case.id} method={method}")
        return row

    def decide(
        self,
        case_id: str,
        outcome: str,
        auth_number: str | None = None,
        period_start: date | None = None,
        period_end: date | None = None,
        reason: str = "",
        decided_on: date | None = None,
    ) -> Decision:
        """The payer's answer. An approval needs its number and period (it makes the patient's later
        cases for the drug renewals); a denial needs the reason."""
        case = self.get(case_id)
        why = workflow.decision_refusal(case.status)
        if why:
            raise fail(Code.CONFLICT, f"not now: {why}")
        if outcome == "approved":
            if not (auth_number and period_start and period_end):
                raise fail(
                    Code.INVALID_REQUEST,
                    "an approval needs the authorization number and the approved period (from and through)",
                )
            if period_end < period_start:
                raise fail(Code.INVALID_REQUEST, "the end date is before the start date of the approved period")
        if outcome == "denied" and not reason.strip():
            raise fail(Code.INVALID_REQUEST, "a denial needs the payer's reason")
        last = self.latest(case.id)
        payer = (last.document.get("payer") or {}).get("name") if last else None
        row = self.scope.add(
            Decision(
                case_id=case.id,
                outcome=outcome,
                auth_number=auth_number,
                period_start=period_start.isoformat() if period_start else None,
                period_end=period_end.isoformat() if period_end else None,
                reason=reason,
                payer_name=payer,
                decided_on=(decided_on or self.today()).isoformat(),
                created_by=self.scope.actor.id,
            )
        )
        case.status = outcome
        case.updated_at = clock.now()
        self._save(case)
        self.scope.audit("create", "decision", row.id, case.patient_id, f"case={case.id} outcome={outcome}")
        return row

    def record_appeal(
        self,
        case_id: str,
        version: int,
        argument: str,
        method: str,
        reason: str | None = None,
        reference: str | None = None,
        what: str = "",
        sent_at: datetime | None = None,
    ) -> Appeal:
        """The practice's appeal of the case's denial, as sent: the payer's reason (the recorded denial's
        unless given), the practice's argument, how, what and when it was sent. The case becomes appealed
        and the appeal's decision clock (the pack's ``appeal_clocks``) runs from ``sent_at``."""
        case = self.get(case_id)
        if version != case.version:
            raise conflict(case)
        why = workflow.appeal_refusal(case.status)
        if why:
            raise fail(Code.CONFLICT, f"not now: {why}")
        denial = self.denial(case.id)
        reason = (reason or "").strip() or (denial.reason if denial else "")
        if not reason:
            raise fail(Code.INVALID_REQUEST, "an appeal needs the payer's reason for the denial")
        if not argument.strip():
            raise fail(Code.INVALID_REQUEST, "an appeal needs your argument: why the denial should be reversed")
        row = self.scope.add(
            Appeal(
                case_id=case.id,
                decision_id=denial.id if denial else None,
                reason=reason,
                argument=argument.strip(),
                method=method,
                reference=reference,
                what=what,
                sent_at=clock.aware(sent_at) if sent_at else clock.now(),
                created_by=self.scope.actor.id,
            )
        )
        case.status = "appealed"
        case.updated_at = clock.now()
        self._save(case)
        self.scope.audit("create", "appeal", row.id, case.patient_id, f"case={case.id} method={method}")
        return row

    def denial(self, case_id: str) -> Decision | None:
        """The case's latest recorded denial (what an appeal answers)."""
        stmt = self.scope.select(Decision).where(Decision.case_id == case_id, Decision.outcome == "denied")
        return self.scope.session.scalars(stmt.order_by(Decision.created_at.desc(), Decision.id.desc())).first()

    def appeals(self, case_id: str) -> list[Appeal]:
        stmt = self.scope.select(Appeal).where(Appeal.case_id == case_id)
        return list(self.scope.all(stmt.order_by(Appeal.sent_at, Appeal.id)))


def conflict(row: Case) -> Exception:
    return fail(
        Code.CONFLICT,
        f"case {row.id} was changed by someone else since you read it (now version {row.version}); "
        "reload it and apply your change again",
    )


def _day(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)
