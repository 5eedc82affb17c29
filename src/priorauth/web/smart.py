"""SMART App Launch into the workspace (issue 15; docs/ehr.md).

- ``GET /smart/launch?iss=...&launch=...``: the EHR launch; ``GET /smart/standalone?iss=...``: the
  standalone launch (the EHR asks which patient). Both check that ``iss`` is a registered EHR (the
  ``smart_issuers`` setting), discover its endpoints and send the browser to its authorization endpoint
  with ``state`` and a PKCE S256 challenge. The launch's state and verifier travel sealed (Fernet) in a
  short-lived cookie, so nothing is stored before the user comes back.
- ``GET /smart/callback``: the state must match; the code is traded with the verifier; the id_token is
  verified and its ``fhirUser`` read from the EHR and matched (by email) to an active workspace user of the
  practice the issuer belongs to, else a page says why and nothing opens. The patient's chart is read live
  (``priorauth.ehr``), filed, and the patient's case evaluated on it (``service.ehr_cases``). A workspace
  session starts; the EHR's tokens are kept with it, encrypted (``smart_token_key``).
- ``POST /cases/{id}/ehr-refresh``: "Refresh from the EHR": re-read with the session's tokens (renewed
  with the refresh token when expired), a new chart and a new snapshot.

Every route is a plain function (FastAPI runs it in the threadpool): HTTP to the EHR never blocks the
event loop. Tokens and codes are never logged nor shown.
"""

from __future__ import annotations

import html
import logging
import secrets
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from priorauth.ehr import Connection, read_chart
from priorauth.ehr import launch as smart
from priorauth.errors import Code, PriorauthError, fail
from priorauth.service import ehr_cases
from priorauth.service.cases import Cases
from priorauth.store.models import EhrLink, Practice, User, WebSession, now
from priorauth.store.scope import Actor, Scope
from priorauth.web.auth import CSRF_COOKIE, DB, SESSION_COOKIE
from priorauth.web.security import new_token, token_hash
from priorauth.web.settings import Settings, limits
from priorauth.web.ui.session import PAGE, Page, templates

router = APIRouter(include_in_schema=False)
log = logging.getLogger("priorauth.web.smart")
# httpx logs every request's URL at INFO: on an EHR those carry patient ids (PHI). Warnings only.
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)
PENDING_COOKIE = "priorauth_smart"
CALLBACK = "/smart/callback"


class Refused(Exception):
    """The launch cannot go on: a page says why (``title``, ``message``) with ``status``."""

    def __init__(self, title: str, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.title, self.message, self.status = title, message, status


def refused_page(request: Request, exc: Refused) -> Response:
    response = templates.TemplateResponse(
        request, "ehr_refused.html", {"page": None, "title": exc.title, "message": exc.message}, status_code=exc.status
    )
    response.delete_cookie(PENDING_COOKIE, path=CALLBACK)
    return response


def _key(settings: Settings) -> str:
    if not settings.smart_token_key:
        raise Refused(
            "Launch from the EHR is not set up",
            "This priorauth has no smart_token_key setting (the key that encrypts EHR tokens): "
            "an administrator must set it before the EHR can open priorauth.",
            503,
        )
    return settings.smart_token_key


def _issuer(settings: Settings, iss: str) -> smart.Issuer:
    issuers = smart.parse_issuers(settings.smart_issuers)
    found = issuers.get(smart.norm(iss)) if iss else (next(iter(issuers.values())) if len(issuers) == 1 else None)
    if found is None:
        raise Refused(
            "This EHR is not registered",
            f"The EHR {iss or '(none given)'} is not registered with this priorauth (setting smart_issuers): "
            "nothing was opened. An administrator adds the EHR, its practice and priorauth's client id there.",
            400 if not iss else 403,
        )
    return found


def _redirect_uri(settings: Settings) -> str:
    return settings.resolved_public_url() + CALLBACK


def _begin(request: Request, iss: str, launch: str | None) -> Response:
    settings: Settings = request.app.state.settings
    try:
        key = _key(settings)
        issuer = _issuer(settings, iss)
        try:
            endpoints = smart.discover(issuer.iss)
        except PriorauthError as exc:
            raise Refused("The EHR did not answer as expected", _sentence(exc.message), 502) from None
        url, pending = smart.begin(issuer, endpoints, _redirect_uri(settings), launch)
    except Refused as exc:
        return refused_page(request, exc)
    response = Response(status_code=303, headers={"Location": url})
    # Lax: the authorization server's redirect back is a top-level GET from another site
    response.set_cookie(
        PENDING_COOKIE,
        smart.seal_pending(key, pending),
        max_age=smart.PENDING_SECONDS,
        path=CALLBACK,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
    )
    return response


@router.get("/smart/launch", response_class=HTMLResponse)
def ehr_launch(request: Request, iss: str = "", launch: str = "") -> Response:
    if not iss or not launch:
        return refused_page(
            request,
            Refused("Not a launch", "An EHR launch needs both iss and launch: open priorauth from the EHR.", 400),
        )
    return _begin(request, iss, launch)


@router.get("/smart/standalone", response_class=HTMLResponse)
def standalone_launch(request: Request, iss: str = "") -> Response:
    return _begin(request, iss, None)


@router.get(CALLBACK, response_class=HTMLResponse)
def callback(
    request: Request,
    code: str = "",
    state: str = "",
    error: str = "",
    error_description: str = "",
    session: Session = DB,
) -> Response:
    settings: Settings = request.app.state.settings
    try:
        return _callback(request, session, settings, code, state, error, error_description)
    except Refused as exc:
        session.rollback()
        log.info("SMART launch refused: %s", exc.title)
        return refused_page(request, exc)


def _callback(
    request: Request, session: Session, settings: Settings, code: str, state: str, error: str, description: str
) -> Response:
    key = _key(settings)
    pending = smart.unseal_pending(key, request.cookies.get(PENDING_COOKIE, ""))
    if pending is None:
        raise Refused(
            "This sign-in has expired",
            "No launch from this browser is waiting (it expired after ten minutes, or came from elsewhere): "
            "open priorauth from the EHR again.",
            400,
        )
    if not state or not secrets.compare_digest(state, pending.state):
        raise Refused(
            "Refused: the sign-in does not match",
            "The state sent back does not match the launch this browser started, so the answer may come from "
            "someone else: nothing was opened. Open priorauth from the EHR again.",
            400,
        )
    if error:
        words = " ".join(f"{error} {description}".split())[:200]
        raise Refused("The EHR did not sign you in", f"The EHR answered: {words}.", 403)
    if not code:
        raise Refused("The EHR did not sign you in", "The EHR sent back no authorization code.", 400)
    issuer = _issuer(settings, pending.iss)
    try:
        endpoints = smart.discover(issuer.iss)
        tokens = smart.finish(issuer, endpoints, _redirect_uri(settings), pending, code)
        fhir_user = smart.identity(issuer, endpoints, tokens)
    except PriorauthError as exc:
        raise Refused("The EHR did not sign you in", _sentence(exc.message), 403) from None
    practice = _practice(session, issuer)
    user = _user(session, practice, issuer, tokens, fhir_user)
    patient = tokens.get("patient")
    if not isinstance(patient, str) or not patient:
        raise Refused(
            "No patient was chosen",
            "The EHR gave no patient in context: open priorauth from a patient's chart (or pick a patient).",
            400,
        )
    scope = Scope(session, Actor(user.id, "user", user.role, user.practice_id, user.name))
    if user.role not in ("coordinator", "admin"):
        raise Refused(
            "This role cannot open cases",
            f"{user.name} is a {user.role} in priorauth; opening a case from the EHR needs a coordinator or admin.",
        )
    try:
        loaded, _ = read_chart(Connection(issuer.iss, token=tokens["access_token"]), patient)
        case, _det, created = ehr_cases.open_from_ehr(
            Cases(scope, limits(settings)), loaded, patient, _host(issuer.iss)
        )
    except PriorauthError as exc:
        raise Refused("The chart could not be read from the EHR", _sentence(exc.message), 502) from None
    web, secret, csrf = _start_session(session, settings, user)
    session.add(
        EhrLink(
            practice_id=practice.id,
            session_id=web.id,
            issuer=issuer.iss,
            patient_fhir_id=patient,
            fhir_user=fhir_user,
            tokens=smart.seal(key, tokens),
        )
    )
    scope.audit("ehr_launch", "case", case.id, case.patient_id, "created" if created else "evaluated")
    session.commit()
    # A page of our own that moves on to the case: the session cookie is SameSite=Strict, which a browser
    # does not send on a navigation that began on another site (the EHR's redirect).
    target = f"/cases/{case.id}?done={'created' if created else 'evaluated'}"
    response = templates.TemplateResponse(request, "ehr_opened.html", {"page": None, "target": target})
    hours = settings.session_hours
    age = int(hours * 3600)
    response.set_cookie(
        SESSION_COOKIE, secret, max_age=age, httponly=True, secure=settings.secure_cookies, samesite="strict"
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, max_age=age, httponly=False, secure=settings.secure_cookies, samesite="strict"
    )
    response.delete_cookie(PENDING_COOKIE, path=CALLBACK)
    return response


def _practice(session: Session, issuer: smart.Issuer) -> Practice:
    practice = (
        session.get(Practice, issuer.practice)
        or session.scalars(select(Practice).where(Practice.name == issuer.practice)).first()
    )
    if practice is None:
        raise Refused(
            "This EHR's practice is not set up",
            f"The EHR {issuer.iss} is registered for the practice {issuer.practice!r}, which priorauth does not have.",
        )
    return practice


def _user(
    session: Session, practice: Practice, issuer: smart.Issuer, tokens: dict[str, Any], fhir_user: str | None
) -> User:
    """The workspace user of ``practice`` the EHR user is: the fhirUser resource's email, matched to an
    active account of that practice."""
    if not fhir_user:
        raise Refused(
            "Who you are is unknown",
            "The EHR did not say who you are (no fhirUser in the id_token): priorauth cannot open a case for an "
            "unknown user.",
        )
    emails = _emails(issuer, tokens, fhir_user)
    user = None
    if emails:
        user = session.scalars(select(User).where(User.email.in_(emails), User.practice_id == practice.id)).first()
    if user is None or not user.active:
        why = (
            f"{fhir_user} has no email address in the EHR"
            if not emails
            else f"no active priorauth account of {practice.name} has the EHR user's email"
        )
        raise Refused(
            "Your EHR user is not a priorauth user of this practice",
            f"The EHR signed you in as {fhir_user}, but {why}. Ask your priorauth administrator to add your "
            "account (with the same email as in the EHR); nothing was opened.",
        )
    return user


def _emails(issuer: smart.Issuer, tokens: dict[str, Any], fhir_user: str) -> list[str]:
    from priorauth.ehr.auth import BearerToken
    from priorauth.ehr.http import FhirHttp, ReadFailed

    http = FhirHttp(issuer.iss, BearerToken(tokens["access_token"]))
    try:
        doc = http.get_json(fhir_user)
    except ReadFailed as exc:
        raise Refused(
            "Who you are could not be read",
            f"The EHR did not give the user resource {fhir_user} ({exc.reason}): priorauth cannot tell who you are.",
            502,
        ) from None
    finally:
        http.close()
    out = []
    for t in doc.get("telecom") or []:
        if isinstance(t, dict) and t.get("system") == "email" and isinstance(t.get("value"), str):
            out.append(t["value"].strip().lower())
    return out


def _start_session(session: Session, settings: Settings, user: User) -> tuple[WebSession, str, str]:
    secret, digest = new_token("s")
    csrf = secrets.token_urlsafe(32)
    web = WebSession(
        user_id=user.id, token_hash=digest, csrf_token=csrf, expires_at=now() + timedelta(hours=settings.session_hours)
    )
    session.add(web)
    session.flush()
    return web, secret, csrf


# -- Refresh from the EHR ---------------------------------------------------------------------------
def link_of(page: Page) -> EhrLink | None:
    """The EHR link of this page's session (None: the session was not opened from the EHR)."""
    cookie = page.request.cookies.get(SESSION_COOKIE, "")
    if not cookie:
        return None
    stmt = (
        select(EhrLink)
        .join(WebSession, WebSession.id == EhrLink.session_id)
        .where(WebSession.token_hash == token_hash(cookie), EhrLink.practice_id == page.practice.id)
        .order_by(EhrLink.created_at.desc())
    )
    return page.scope.session.scalars(stmt).first()


@router.post("/cases/{case_id}/ehr-refresh")
def ehr_refresh(case_id: str, page: Page = PAGE) -> Response:
    from priorauth.web.ui.case_page import _act

    def run(case: Any) -> None:
        page.require("coordinator", "admin")
        settings: Settings = page.request.app.state.settings
        link = link_of(page)
        if link is None:
            raise fail(
                Code.CONFLICT, "this session was not opened from the EHR: open priorauth from the patient's chart"
            )
        patient = page.scope.patient(case.patient_id)
        if link.patient_fhir_id != patient.fhir_id:
            raise fail(
                Code.CONFLICT, "the EHR session is for another patient: open priorauth from this patient's chart"
            )
        key = settings.smart_token_key
        tokens = smart.unseal(key, link.tokens) if key else None
        if tokens is None:
            raise fail(Code.CONFLICT, "the EHR session's tokens cannot be read (the key changed): launch again")
        issuer = _issuer_or_fail(settings, link.issuer)

        def renew() -> dict[str, Any]:
            fresh = smart.refresh(issuer, smart.discover(issuer.iss), _redirect_uri(settings), tokens or {})
            link.tokens = smart.seal(key, fresh)
            link.updated_at = now()
            return fresh

        if smart.expired(tokens):
            tokens = renew()
        try:
            loaded, _ = read_chart(Connection(issuer.iss, token=tokens["access_token"]), patient.fhir_id or "")
        except PriorauthError as exc:  # revoked or expired early: one renewal, then read again
            if exc.code != Code.EHR_REFUSED or not tokens.get("refresh_token"):
                raise
            tokens = renew()
            loaded, _ = read_chart(Connection(issuer.iss, token=tokens["access_token"]), patient.fhir_id or "")
        ehr_cases.refresh_from_ehr(Cases(page.scope, limits(settings)), case.id, loaded, _host(issuer.iss))

    return _act(page, case_id, "ehr", run, "ehr")


def _issuer_or_fail(settings: Settings, iss: str) -> smart.Issuer:
    try:
        return _issuer(settings, iss)
    except Refused:
        raise fail(Code.CONFLICT, "this EHR is no longer registered with priorauth") from None


def _host(iss: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(iss).netloc or iss


def _sentence(message: str) -> str:
    message = html.unescape(message)
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
