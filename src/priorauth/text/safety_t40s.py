"""(held-out v40's safety pass, issue 13, t40s) Classes of wording behind held-out v40's false facts, read from its
false positives only (its misses stay blind). Each class removes a fact of one document that the document does not
state of this patient, now; none adds one. Kept in one module, applied once per document after its findings are read
(``facts._document_facts``, after held-out v39's pass), so that the parallel passes' rules are left as they are.

Classes (tests/text/test_wording_classes_v40s.py):

- [t40s-relative-line] a line labelled with a relative ("Mother: ... treated with <drug>"): every fact on it is the
  relative's, up to the patient named again ("...; patient's own tumour ...").
- [t40s-other-person-sentence] "My brother Tom's cancer ... after his chemo stopped working": a sentence about a
  relative (a possessive "my brother", "her father's", no informant verb) gives no status, drug or KRAS result.
- [t40s-template-placeholder] a line with a named placeholder ("***Patient name*** has not received ...",
  "for ***diagnosis***"): a template's text, no fact.
- [t40s-drug-prior-auth] "Case: <drug> PA", "<drug> after PA", "<drug> pending approval": the drug asked for (not a
  renewal, not an approved PA).
- [t40s-drug-awaiting-start] a document saying the new drug waits ("waiting for your insurance to approve it",
  "Do not start until ...", a first fill not shipped yet): the drug of its "Drug:" / "Your new medicine:" line is not
  given yet (t39s's first-fill class read "Rx:" lines only).
- [t40s-drug-under-consideration] "<drug> under consideration", "<drug> being considered": a consideration.
- [t40s-kras-plan-title] "Plan name: SOTORASIB ... -- NSCLC KRAS G12C": an order plan's title names its indication,
  not a result (a result word after it, "KRAS G12C detected", stays).
- [t40s-order-preview] "ORDER SET: ... MONOTHERAPY (unsigned, preview)": an unsigned / preview / draft order set
  orders nothing: no monotherapy, no drug given.
- [t40s-kras-treated-as-positive] "Consensus: treat as KRAS G12C-positive": a negative assay reconciled (t39s's class
  wanted a pronoun, "treat her as ...").
- [t40s-status-unconfirmed-pd] "unconfirmed progressive disease (iUPD)": not (yet) a progression (t39s's class read
  "unconfirmed progression" only).
- [t40s-ild-differential] "may represent interstitial edema, atypical infection or early ILD": one of a differential
  (not a known ILD).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from priorauth.text.safety_t39s import _NOT_G12C, _affirmed_of_patient, _given_word, _line_drugs
from priorauth.text.sources import TextDoc
from priorauth.text.spans import _line_end, _line_start

if TYPE_CHECKING:
    from priorauth.facts.model import Evidence
    from priorauth.text.facts import TextFacts

_KINDS = ("kras", "diagnoses", "meds", "statuses", "naive", "monotherapy")


def _ev(fact: object) -> Evidence:
    return getattr(fact, "evidence", fact)  # type: ignore[return-value]


def _focus(fact: object) -> tuple[int, int] | None:
    return _ev(fact).focus


def _line(text: str, at: int) -> str:
    return text[_line_start(text, at) : _line_end(text, at)]


def _sentence_before(text: str, at: int, reach: int = 200) -> str:
    before = text[max(_line_start(text, at), at - reach) : at]
    return re.split(r"[.;!?][\"'\u201d\u2019)]*\s", before)[-1]


# --- [t40s-relative-line], [t40s-other-person-sentence], [t40s-template-placeholder] -----------------------------------
_REL = (
    r"mother|father|brother|sister|son|daughter|sibling|grandmother|grandfather|aunt|uncle|cousin|niece|nephew|"
    r"husband|wife|spouse|partner|mom|dad"
)
_RELATIVE_LINE = re.compile(
    rf"^[ \t\-*\u2022]*(?:(?:maternal|paternal)\s+)?(?:{_REL})(?:\s*\([^)\n]{{0,30}}\))?\s*:",
    re.I,
)
_PATIENT_AGAIN = re.compile(r"\b(?:patient|pt|own|self)\b", re.I)  # "Father: ...; patient's own tumour KRAS G12C"
_ADJ = r"(?:(?:late|older|younger|twin|little|big|elder)\s+)?"
# a relative's own course: "her father's cancer", "his sister Ann's chemo", "brother Tom's tumor" (not "my ...": a
# spouse's letter about the patient says "my husband has ..."; see _MY_RELATIVE)
_RELATIVE_SUBJECT = re.compile(
    rf"\b(?:his|her|their)\s+{_ADJ}(?:{_REL})(?:\s+(?-i:[A-Z][a-z]+))?['\u2019]s\b"
    rf"|(?<!\bmy\s)(?<!\bour\s)\b(?:{_REL})\s+(?-i:[A-Z][a-z]+)['\u2019]s\b",
    re.I,
)
_MY_RELATIVE = re.compile(rf"\b(?:my|our)\s+{_ADJ}({_REL})\b", re.I)
_INFORMANT = re.compile(
    r"\b(?:says|said|reports?|reported|states?|stated|notes?|noted|told|tells|accompan\w*|confirms?|adds?|calls?|"
    r"called|phoned|asks?|asked|writes|wrote)\b|^[^:.;]{0,40}:",  # a verb of telling, or a label: "his wife: ..."
    re.I,
)
_SOURCE_BEFORE = re.compile(r"\b(?:per|from|via|by|according\s+to)\s+$", re.I)  # "update from his wife"
# a named placeholder inside a sentence ("***Patient name*** has ...", "for ***diagnosis***"), not a heading in
# asterisks ("***UPDATED 11/30/26***:")
_PLACEHOLDER = re.compile(
    r"\*{3}[A-Za-z][^*\n\d]{0,40}\*{3}(?=[ \t]+[a-z])|(?<=[a-z,])[ \t]+\*{3}[A-Za-z][^*\n\d]{0,40}\*{3}"
)


def _about_someone_else(text: str, focus: tuple[int, int] | None) -> bool:
    if focus is None:
        return False
    start = focus[0]
    line = _line(text, start)
    label = _RELATIVE_LINE.match(line)
    if label and label.group(0).lstrip(" \t-*\u2022")[:1].isupper():
        between = text[_line_start(text, start) + label.end() : start]
        if not _PATIENT_AGAIN.search(between):
            return True  # [t40s-relative-line]
    if _PLACEHOLDER.search(line):
        return True  # [t40s-template-placeholder]
    before = _sentence_before(text, start)
    relatives = list(_RELATIVE_SUBJECT.finditer(before))
    if len({m.group(1).lower() for m in _MY_RELATIVE.finditer(text)}) >= 2:  # the writer's two relatives
        relatives += list(_MY_RELATIVE.finditer(before))
    # [t40s-other-person-sentence]: a relative the sentence is about, not one who tells of the patient
    return any(
        not (_INFORMANT.search(before[rel.start() :]) or _SOURCE_BEFORE.search(before[: rel.start()]))
        for rel in relatives
    )


# --- drugs -------------------------------------------------------------------------------------------------------------
_PA = r"(?:PA|prior[\s-]+auth(?:ori[sz]ation)?|pre-?auth(?:ori[sz]ation)?)"
_PA_AFTER = re.compile(
    rf"(?:[ \t]*\([^)\n]{{0,30}}\))?[ \t]*(?:{_PA}\b|(?:after|once|pending|upon|awaiting|when)[ \t]+(?:the[ \t]+)?"
    rf"(?:{_PA}|(?:insurance[ \t]+)?approv\w*|authori[sz]ation)\b)",
    re.I,
)
_PA_APPROVED = re.compile(r"\b(?:approved|authori[sz]ed|renewal|re-?authori[sz]ation|continuation|continued)\b", re.I)
_UNDER_CONSIDERATION = re.compile(
    r"(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*(?:is[ \t]+|was[ \t]+)?(?:under[ \t]+(?:consideration|discussion)|"
    r"being[ \t]+(?:considered|discussed|weighed)|to[ \t]+be[ \t]+considered)\b",
    re.I,
)
_AWAITING_START = re.compile(
    r"\bwaiting\s+(?:for\s+)?(?:your\s+|the\s+)?(?:insurance|plan|payer)\s+to\s+approve\b"
    r"|\bawaiting\s+(?:insurance\s+|payer\s+|prior\s+auth\w*\s+|PA\s+)?approval\b"
    r"|\bdo\s+not\s+start\b[^.\n]{0,40}\buntil\b"
    r"|\b(?:first|initial|1st)\s+(?:fill|shipment|supply|delivery)\s+(?:is\s+)?(?:scheduled|to\s+ship|will\s+ship|"
    r"ships|pending)\b",
    re.I,
)
_RENEWAL = re.compile(r"\b(?:renewal|refill|re-?authori[sz]ation|continuation|continued\s+(?:therapy|use))\b", re.I)
_NEW_DRUG_LINE = re.compile(
    r"^[ \t]*(?:drug|medication|(?:your\s+)?new\s+(?:medicine|medication|drug|prescription)|rx|new\s+rx)\s*:[^\n]*",
    re.I | re.M,
)


def _meds(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    waiting: set[str] = set()
    if _AWAITING_START.search(text) and not _RENEWAL.search(text):  # [t40s-drug-awaiting-start]
        waiting = _line_drugs(text, [m.group(0) for m in _NEW_DRUG_LINE.finditer(text)])

    def dropped(m: object) -> bool:
        focus = _focus(m)
        if focus is None:
            return False
        start, end = focus
        sentence_end = min(
            [i for i in (text.find(". ", end), text.find("; ", end), _line_end(text, end)) if i >= 0] or [len(text)]
        )
        rest = text[end:sentence_end]
        ingredients = {d.ingredient for d in m.drugs}  # type: ignore[attr-defined]
        before = text[_line_start(text, start) : start]
        if waiting and ingredients <= waiting and not _given_word(before[-40:] + rest[:40]):
            return True
        sentence = _sentence_before(text, start)
        if _PA_AFTER.match(text, end) and not _PA_APPROVED.search(sentence + rest) and not _given_word(sentence):
            return True  # [t40s-drug-prior-auth]
        return bool(_UNDER_CONSIDERATION.match(text, end))  # [t40s-drug-under-consideration]

    out.meds = [m for m in out.meds if not dropped(m)]


# --- [t40s-kras-plan-title], [t40s-order-preview] ----------------------------------------------------------------------
# a plan's or order set's name (a "Regimen:" line describes the regimen given and keeps its KRAS words)
_PLAN_TITLE = re.compile(
    r"^[ \t]*(?:(?:treatment\s+|order\s+|therapy\s+)?plan\s+(?:name|title)|order\s+set(?:\s+name)?|"
    r"protocol\s+name|template\s+name)\s*:",
    re.I,
)
_RESULT_AFTER = re.compile(
    r"[ \t]*(?:mutation|mutant|mutated|variant|\+|pos\b|positive|detected|present|identified|found|confirmed)", re.I
)
_ORDER_PREVIEW = re.compile(
    r"\border\s+(?:set|plan)\b[^\n]{0,100}\b(?:unsigned|preview|draft|not\s+(?:yet\s+)?signed|pended|template)\b"
    r"|\b(?:unsigned|preview|draft|pended)\s+order\s+(?:set|plan)\b",
    re.I,
)


_ORDER_LINE = re.compile(r"\[[ \txX\u2713]?\]|\border\s+(?:set|plan)\b", re.I)


def _kras(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text
    present = any(k.status == "g12c_present" for k in out.kras)

    def plan_title(focus: tuple[int, int] | None) -> bool:
        if focus is None:
            return False
        if not _PLAN_TITLE.match(_line(text, focus[0])):
            return False
        after = re.match(r"[ \t]*(?:p\.)?\s*G12C\b", text[focus[1] :], re.I)
        at = focus[1] + (after.end() if after else 0)
        return not _RESULT_AFTER.match(text, at)

    # [t40s-kras-treated-as-positive]
    reconciled = [m.start() for m in _TREATED_AS_POSITIVE.finditer(text) if _affirmed_of_patient(text, m)]

    def dropped(status: str, focus: tuple[int, int] | None) -> bool:
        if plan_title(focus):
            return True  # [t40s-kras-plan-title]
        if focus is None or status not in _NOT_G12C or not present:
            return False
        return any(at > focus[0] for at in reconciled)

    out.kras = [k for k in out.kras if not dropped(k.status, k.evidence.focus)]


_TREATED_AS_POSITIVE = re.compile(
    r"\b(?:treat(?:s|ed|ing)?|regard(?:s|ed|ing)?|manag(?:e|es|ed|ing)|consider(?:s|ed|ing)?|deem(?:s|ed)?)\s+as\s+"
    r"(?:an?\s+)?(?:kras\s+)?(?:p\.)?g12c[\s-]*(?:positive|\+|mutant|mutated)",
    re.I,
)


# --- disease status, ILD -----------------------------------------------------------------------------------------------
_UNCONFIRMED_PD = re.compile(
    r"\bunconfirmed\s+(?:progressive\s+disease|PD|disease\s+progression|progression)\b"
    r"|\b(?:progressive\s+disease|PD)\s*,?\s*(?:not\s+yet|yet\s+to\s+be|un)\s*confirmed\b",
    re.I,
)
_CONFIRMED_PD = re.compile(
    r"\biCPD\b|(?<!un)confirmed\s+(?:progressive\s+disease|PD|(?:disease\s+)?progression)\b", re.I
)
_DIFFERENTIAL_BEFORE = re.compile(
    r"\b(?:(?:may|might|could)\s+(?:represent|reflect|be|indicate|suggest)|differential(?:\s+diagnosis)?\s+"
    r"(?:includes?|of)|ddx)\b[^.;\n]{0,90}$",
    re.I,
)
_KNOWN_BEFORE = re.compile(r"\b(?:known|established|biopsy[\s-]proven|history\s+of|hx\s+of)\b", re.I)


def _statuses(doc: TextDoc, out: TextFacts) -> None:
    out.statuses = [
        s
        for s in out.statuses
        if not (
            s.status == "worsened"
            and _UNCONFIRMED_PD.search(s.evidence.text)
            and not _CONFIRMED_PD.search(s.evidence.text)
        )
    ]  # [t40s-status-unconfirmed-pd]


def _ild(doc: TextDoc, out: TextFacts) -> None:
    text = doc.text

    def hedged(focus: tuple[int, int] | None) -> bool:
        if focus is None:
            return False
        hedge = _DIFFERENTIAL_BEFORE.search(_sentence_before(text, focus[0]))
        return bool(hedge) and not _KNOWN_BEFORE.search(hedge.group(0))

    out.diagnoses = [
        d for d in out.diagnoses if not (d.site == "ild" and hedged(d.evidence.focus))
    ]  # [t40s-ild-differential]


def apply(doc: TextDoc, out: TextFacts) -> TextFacts:
    """The facts of one document, less the ones the classes above remove."""
    text = doc.text
    for kind in _KINDS:
        setattr(out, kind, [f for f in getattr(out, kind) if not _about_someone_else(text, _focus(f))])
    if _ORDER_PREVIEW.search(text):  # [t40s-order-preview] its title and its boxes order nothing
        out.monotherapy = []
        out.meds = [
            m for m in out.meds if not (m.evidence.focus and _ORDER_LINE.search(_line(text, m.evidence.focus[0])))
        ]
    _meds(doc, out)
    _kras(doc, out)
    _statuses(doc, out)
    _ild(doc, out)
    return out
