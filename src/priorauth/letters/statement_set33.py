"""A payer's statement of its decision in the wordings of US plans' letters the thirty-third set brought (the thirty-first
pass): a relay's report that the plan has approved the drug by its name ("the plan has APPROVED LUMAKRAS 120 mg", a
specialty pharmacy's fax), and a title in capitals whose kind and status a dash parts ("APPROVAL - ORAL ONCOLOGY",
"PRESCRIBER NOTIFICATION - PA APPROVED", "DENIAL - SPECIALTY DRUG").

Read by :mod:`priorauth.letters.outcome` with the other statements (:mod:`priorauth.letters.statements`), under the same
guards (a condition, another drug, an ended approval, a quoted earlier decision). Guards of their own: the drug only
after "has approved" with nothing between ("has not approved", "has previously approved" state no decision here); the
title only a line of its own in capitals, the status word alone on one side of the dash, and the other side naming no
request, appeal or earlier decision ("REQUEST FOR APPROVAL - ORAL ONCOLOGY", "APPEAL - PA APPROVED",
"PREVIOUS AUTHORIZATION - PA APPROVED") nor a status of its own ("APPROVAL - EXPIRED", "APPROVAL - NOT GRANTED"); a
title with a blank line under it only (a sentence of its own): over the fields it heads ("STUDY AUTHORIZATION - APPROVED"
over "Study: MRI brain ..."), the title is that item's, read by the subject's rules as before."""

from __future__ import annotations

# the plan (or the insurer) that has approved the drug named: "the plan has APPROVED LUMAKRAS 120 mg"
_DRUG = r"(?:lumakras|sotorasib)\b"
_PLAN_APPROVED_DRUG = rf"\b(?:the\s+)?(?:plan|insurer|payer|health\s+plan|insurance)\s+has\s+(?:now\s+)?approved\s+(?:the\s+)?{_DRUG}"

# a title in capitals: up to four words of capitals on one side of the dash
_CAPS_WORDS = r"(?-i:[A-Z][A-Z/&]*(?:[ \t]+[A-Z][A-Z/&]*){0,3})"
# words that make the title another thing's: a request, an appeal, an earlier decision, a status of its own
_NOT_THIS = (
    r"(?![^\n]*\b(?-i:REQUEST\s+FOR|APPEAL|APPEALS|PREVIOUS|EARLIER|PRIOR\s+TO|EXPIRED|ORIGINAL|NOT|NO|REVOKED|RESCINDED|"
    r"WITHDRAWN|CANCELLED|CANCELED|ENDED|TERMINATED|PENDING|PENDED|SAMPLE|EXAMPLE|HISTORY)\b)"
)
_DASH = r"[ \t]+[-–—][ \t]+"
# a decision's label whose colon a fax read as a dash ("DECISION  - DENIED") is a label, read by the labels' rules
_NOT_LABEL = r"(?!(?-i:DECISION|DETERMINATION|STATUS|OUTCOME|RESULT|PA[ \t]+STATUS)[ \t]+[-–—])"
# the request's short names before the status word: "PA APPROVED", "PRIOR AUTHORIZATION DENIED"
_SHORT = r"(?-i:(?:PA|PRIOR[ \t]+AUTH(?:ORIZATION)?|AUTHORIZATION|AUTH|REQUEST|COVERAGE)[ \t]+)?"


def _dash_title(kind: str, status: str) -> str:
    """The title "<KIND> - <WHAT>" (the kind first) or "<WHAT> - [PA] <STATUS>" (the status last), alone on its line."""
    return (
        rf"^\s*{_NOT_THIS}{_NOT_LABEL}(?:(?-i:{kind}){_DASH}{_CAPS_WORDS}|{_CAPS_WORDS}{_DASH}{_SHORT}(?-i:{status}))"
        r"(?=\s*\Z)"  # the title the whole sentence (a blank line under it): never over the fields it heads
    )


APPROVED = [_PLAN_APPROVED_DRUG, _dash_title("APPROVAL", "APPROVED")]
DENIED = [_dash_title("DENIAL", "DENIED")]
