"""A FHIR ``ClaimResponse`` for a prior authorization printed as XML: its decision, number, period and patient's
name written as the labels the readers know (issue 18's twenty-second set, the twenty-second pass).

Three gateway prints of a ``ClaimResponse`` (``<use value="preauthorization"/>``) put the payer's answer in
elements no label rule read: ``<disposition value="Not certified"/>`` (the decision in the payer's words),
``<preAuthRef value="TMH-PA-..."/>`` (the authorization's number), ``<preAuthPeriod>`` with its ``<start>`` and
``<end>`` (the approved period) and a contained ``<Patient>``'s ``<name>`` whose ``<text value="..."/>`` is the
name as printed. Each value stays where it is; the room before it (indent, tag, ``value="``) becomes a label in
words (``Decision: ``, ``Auth number: ``, ``Valid from: `` / ``Valid to: ``, ``Patient name: ``), the closing
quote and tag blanks: the same length, every span holds.

Guards: only a text that names FHIR's namespace and holds a ``ClaimResponse`` whose use is preauthorization (a
claim's or a predetermination's disposition is about a claim, never this request's decision); a ``<text>`` that
is not the first child of a ``<name>`` (a process note's text) and a ``<start>`` / ``<end>`` outside
``<preAuthPeriod>`` (another period: a coverage's, an item's serviced period) keep the plain reading; the FHIR
``<outcome>`` code (``queued``, ``complete``) is processing, not a decision, and is never read as one."""

from __future__ import annotations

import re

_FHIR = re.compile(r"xmlns[ \t]*=[ \t]*[\"“”]https?://hl7\.org/fhir[\"“”]", re.I)
_PREAUTH = re.compile(r"<ClaimResponse\b[\s\S]*?<use[ \t]+value=\"preauthorization\"[ \t]*/>")
_VALUE = r"(?P<open>[ \t]*<(?P<n>{tag})[ \t]+value=\")(?P<v>[^\"<>\n]{{1,120}})(?P<close>\"[ \t]*/>)"
_DISPOSITION = re.compile("^" + _VALUE.format(tag="disposition"), re.M)
_REF = re.compile("^" + _VALUE.format(tag="preAuthRef"), re.M)
_PERIOD = re.compile(
    r"<preAuthPeriod>(?P<body>[^<]*(?:<(?:start|end)[ \t]+value=\"[^\"<>\n]{1,40}\"[ \t]*/>[^<]*){1,2})</preAuthPeriod>"
)
_BOUND = re.compile(_VALUE.format(tag="start|end"))
_NAME = re.compile(
    r"<Patient>[^\n]*\n(?:(?!</Patient>)[^\n]*\n){0,12}?[ \t]*<name>[ \t]*\n" + _VALUE.format(tag="text")
)
_LABELS = {
    "disposition": "Decision: ",
    "preAuthRef": "Auth number: ",
    "start": "Valid from: ",
    "end": "Valid to: ",
    "text": "Patient name: ",
}


def _labelled(m: re.Match[str], label: str, base: int = 0) -> tuple[int, int, str]:
    """(start, end, replacement) for a ``<tag value="v"/>`` element: its room as the label, the value kept."""
    room = len(m.group("open"))
    if len(label) > room:
        return m.start() + base, m.start() + base, ""
    return m.start("open") + base, m.end("close") + base, label.rjust(room) + m.group("v") + " " * len(m.group("close"))


def read(text: str) -> str:
    """The text with a FHIR prior-authorization ClaimResponse's decision, number, period and patient's name
    labelled in words (the same length); any other text as it is."""
    if not (_FHIR.search(text) and _PREAUTH.search(text)):
        return text
    edits = [_labelled(m, _LABELS[m.group("n")]) for m in (*_DISPOSITION.finditer(text), *_REF.finditer(text))]
    for p in _PERIOD.finditer(text):
        edits += [_labelled(b, _LABELS[b.group("n")], p.start("body")) for b in _BOUND.finditer(p.group("body"))]
    edits += [_labelled(m, _LABELS["text"]) for m in _NAME.finditer(text)]
    for start, end, new in sorted(edits, reverse=True):
        if new and len(new) == end - start:
            text = text[:start] + new + text[end:]
    return text
