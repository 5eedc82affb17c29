"""A FHIR resource printed as XML (``<ClaimResponse xmlns="http://hl7.org/fhir">``), its values in ``value``
attributes (issue 18's twenty-second set), read before :mod:`priorauth.letters.xml_attributes` labels them:

* a resource's own id (``<id value="cr-27-0204-118"/>``, a contained ``<Patient>``'s ``<id value="pat1"/>``) is
  no number of the letter's: blanked with its value, as a JSON print's ``"id"`` is;
* a patient's identifier whose system names the member's id (``<system value="urn:plan:member-id"/>`` then
  ``<value value="TMH77201846"/>``, on the next line or the same) is the member id: its value stays where it is,
  labelled ``Member ID: `` on its own line (the same length, every span holds).

Only a text that names FHIR's namespace. Guards: an identifier of another system (``urn:plan:claim-number``,
a prescriber's NPI) keeps its plain labels; an ``<id>`` with text between its tags, or any other element's
``value``, is not touched."""

from __future__ import annotations

import re

from priorauth.letters import fhir_claim

_FHIR = re.compile(r"xmlns[ \t]*=[ \t]*[\"“”]https?://hl7\.org/fhir[\"“”]", re.I)
_RESOURCE_ID = re.compile(r"<id[ \t]+value=\"[^\"<>\n]{0,80}\"[ \t]*/>")
_MEMBER_SYSTEM = re.compile(
    r"<system[ \t]+value=\"[^\"<>\n]{0,80}?(?:member|subscriber|insured|beneficiary)[-_:]?(?:id|number|no)\"[ \t]*/>"
    r"(?P<gap>\s{0,40})(?P<open><value[ \t]+value=\")(?P<v>[^\"<>\n]{1,40})\"[ \t]*/>",
    re.I,
)


def _blank(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


def _member(m: re.Match[str]) -> str:
    label = "Member ID: "
    before = m.group(0)[: m.start("open") - m.start()]
    line_room = len(m.group("open")) + len(before) - (before.rfind("\n") + 1)
    if len(label) > line_room:
        return m.group(0)
    head = _blank(before + m.group("open"))
    head = head[: len(head) - len(label)] + label
    return head + m.group("v") + " " * (m.end() - m.end("v"))


def read(text: str) -> str:
    """The text with a FHIR print's resource ids blanked and its member identifier labelled (the same length)."""
    if not _FHIR.search(text):
        return text
    text = _MEMBER_SYSTEM.sub(_member, fhir_claim.read(text))  # a ClaimResponse's decision, number, period, name
    return _RESOURCE_ID.sub(lambda m: _blank(m.group(0)), text)
