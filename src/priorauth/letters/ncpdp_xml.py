"""An NCPDP SCRIPT prior-authorization response printed as XML: a case left open with a question set is a request
for information, and the patient's id the payer gave is the member id (issue 18's twenty-third set, the
twenty-second pass).

An ePA hub's ``PAInitiationResponse`` answers with ``<Response><Open/></Response>`` and a ``<QuestionSet>`` of
questions for the prescriber: the case is open until they are answered (NCPDP's "open" response), which the
letter's reader calls pended. Its ``<Patient>`` carries ``<Identification><PayerID>LPB0399450</PayerID>``: the
id the payer knows the patient by, the member id (outside ``<Patient>`` a payer id is the payer's own).

* :func:`read` (before the markup is blanked): the open response written ``Response: Open`` and the patient's
  payer id labelled ``Member ID:``, each value where it is, the room of its tags as its label (the same length).
* the patient's ``<Name>`` of ``<LastName>`` and ``<FirstName>`` elements is written as two labelled lines
  (``Last name: ...`` over ``First name: ...``, a newline in the first element's closing tag: every offset holds),
  read as :func:`priorauth.letters.parts.name` reads such lines;
* :func:`read` writes ``Response: Open`` only when the message holds a question set or a question
  (``<QuestionSet>``, ``<Question>``, ``<QuestionText>``): an open case with nothing asked says nothing;
  :func:`hits` (on the read text) reads that line as pended.

Guards: only a text whose markup names an NCPDP PA message (``PAInitiationResponse``, ``PAResponse``,
``PAAppealResponse``); ``<Closed>``, ``<Approved>``, ``<Denied>`` are another rule's (:mod:`fields`' element named
for the decision); a payer id outside ``<Patient>`` keeps its plain label."""

from __future__ import annotations

import re

from priorauth.letters.spans import Hit, M

_NCPDP = re.compile(r"<(?:PAInitiationResponse|PAResponse|PAAppealResponse)\b")
_OPEN = re.compile(
    r"<Response>[ \t]*<Open[ \t]*/>[ \t]*</Response>|<Response>[ \t]*<Open>[ \t]*</Open>[ \t]*</Response>"
)
_PATIENT = re.compile(r"<Patient>[\s\S]{0,800}?</Patient>")
_PAYER_ID = re.compile(
    r"(?P<open><Identification>[ \t]*<PayerID>)(?P<v>[^<>\n]{1,40})(?P<close></PayerID>[ \t]*</Identification>)"
)
# the patient's name in two elements, either first ("<Name><LastName>Doe</LastName><FirstName>Jane</FirstName></Name>")
_NAME = re.compile(
    r"(?P<o1><Name>[ \t]*<(?P<k1>LastName|FirstName)>)(?P<v1>[^<>\n]{1,40})(?P<c1></(?P=k1)>[ \t]*<(?P<k2>LastName|FirstName)>)"
    r"(?P<v2>[^<>\n]{1,40})(?P<c2></(?P=k2)>[ \t]*</Name>)"
)
_NAME_LABELS = {"LastName": "Last name: ", "FirstName": "First name: "}
_READ_OPEN = re.compile(r"^[ \t]*Response:[ \t]+(?P<v>Open)[ \t]*$", M)
_ASKED = re.compile(r"<(?:QuestionSet|Question|QuestionText)>")


def _name(m: re.Match[str]) -> str:
    """The two name elements as two labelled lines ("Last name: Doe" / "First name: Jane"), the same length."""
    if m.group("k1") == m.group("k2"):
        return m.group(0)
    first = _NAME_LABELS[m.group("k1")].rjust(len(m.group("o1")))
    second = "\n" + _NAME_LABELS[m.group("k2")].rjust(len(m.group("c1")) - 1)
    return first + m.group("v1") + second + m.group("v2") + " " * len(m.group("c2"))


def read(text: str) -> str:
    """The text with an NCPDP PA response's open status and patient's payer id labelled (the same length)."""
    if not _NCPDP.search(text):
        return text
    if _ASKED.search(text):  # an open case with nothing asked says nothing: left as it is
        text = _OPEN.sub(lambda m: "Response: Open".ljust(len(m.group(0))), text)
    for p in reversed(list(_PATIENT.finditer(text))):
        body = _NAME.sub(_name, p.group(0))
        body = _PAYER_ID.sub(
            lambda m: "Member ID: ".rjust(len(m.group("open"))) + m.group("v") + " " * len(m.group("close")),
            body,
        )
        text = text[: p.start()] + body + text[p.end() :]
    return text


def hits(text: str) -> list[Hit]:
    """``Response: Open`` (written by :func:`read` only when the message asks questions) read as pended."""
    return [Hit("pended", m.start("v"), m.end("v")) for m in _READ_OPEN.finditer(text)]
