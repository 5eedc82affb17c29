"""The error type of priorauth for what users get wrong, with stable codes.

Every failure the user can cause (bad input, bad arguments) is a :class:`PriorauthError`. The CLI
prints ``priorauth: <message>`` and exits with :attr:`PriorauthError.exit_code`; the service turns the
same code into its JSON error shape. Three more exceptions stay inside the web and CDS layers and never
reach a user as such (``cds.trust.TrustError``, ``cds.hooks.HookError``, ``web.ui.session.LoginRequired``:
see docs/architecture.md). Codes are stable: retire a code by commenting it out,
never reuse it.
"""

from __future__ import annotations

from typing import ClassVar

USAGE = 2  # exit code for unusable input or usage, per the determination contract


class Code:
    """Stable error codes (strings, used by the API; the CLI exits 2 for all of them)."""

    PATH_MISSING = "path_missing"
    UNREADABLE = "unreadable"
    EMPTY_INPUT = "empty_input"
    BINARY_INPUT = "binary_input"
    INVALID_JSON = "invalid_json"
    NOT_FHIR = "not_fhir"
    NOTHING_USABLE = "nothing_usable"
    NO_PATIENT = "no_patient"
    SEVERAL_PATIENTS = "several_patients"
    UNKNOWN_PATIENT = "unknown_patient"
    UNKNOWN_PAYER = "unknown_payer"
    UNKNOWN_DRUG = "unknown_drug"
    BAD_DATE = "bad_date"
    BAD_POLICY = "bad_policy"
    BAD_ARGUMENT = "bad_argument"
    BAD_PRACTICE = "bad_practice"  # the practice profile (packet) is missing, unreadable or invalid
    UNWRITABLE = "unwritable"  # the packet's output folder cannot be written
    # reading the chart from an EHR (priorauth.ehr, issue 14)
    EHR_UNREACHABLE = "ehr_unreachable"  # no answer from the FHIR server (connection, DNS, timeout)
    EHR_REFUSED = "ehr_refused"  # the FHIR server or its authorization server said no (401/403, invalid_client)
    EHR_ERROR = "ehr_error"  # the FHIR server answered, but not with what a FHIR server answers
    BAD_KEY = "bad_key"  # the Backend Services private key is missing, unreadable or of an unsupported type
    # the service (priorauth.web) maps these to HTTP statuses
    INVALID_REQUEST = "invalid_request"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    UNAUTHENTICATED = "unauthenticated"
    FORBIDDEN = "forbidden"
    CSRF = "csrf_failed"
    CONFLICT = "conflict"
    TOO_LARGE = "too_large"
    UNSUPPORTED_MEDIA = "unsupported_media_type"
    RATE_LIMITED = "rate_limited"
    INTERNAL = "internal_error"
    EVALUATION_TIMEOUT = "evaluation_timeout"  # 503: the evaluation passed its time limit; nothing lost
    BUSY = "busy"  # 503: the database stayed locked past the lock timeout; try again
    PATIENT_MISMATCH = "patient_mismatch"  # 409: the chart's Patient disagrees with the stored patient


class PriorauthError(Exception):
    """A user-facing failure: a one-line message and a stable code."""

    exit_codes: ClassVar[dict[str, int]] = {}

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = " ".join(message.split())  # always one line

    @property
    def exit_code(self) -> int:
        return self.exit_codes.get(self.code, USAGE)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[PriorauthError], tuple[str, str]]:  # crosses process boundaries
        return (type(self), (self.code, self.message))


def fail(code: str, message: str) -> PriorauthError:
    """Build the error (``raise fail(...)`` reads as the intent)."""
    return PriorauthError(code, message)
