"""Issue 18, safety pass on the twenty-eighth letters set: letters of our own wording for each class of WRONG value
found there (a denial statement that gives its reason after its own colon, with a grievance sentence after it; a
fax's name whose capital I/J OCR read unsurely) and their guards: a name read surely, or from a text
layer, is given as read; a real other patient is still flagged. Synthetic names and numbers only."""

from __future__ import annotations

import re
from datetime import date

import pytest

from priorauth.letters import name_glyphs, patient
from priorauth.letters.proposal import propose
from priorauth.letters.source import LetterText
from priorauth.text import ocr as _ocr
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf


def _fax_at(text: str, unsure: dict[str, float]) -> LetterText:
    """A fax's OCR reading: every word at 96, the words named in ``unsure`` at their own confidence."""
    words = tuple(
        _ocr.Word(m.start(), m.end(), unsure.get(m.group(0), 96.0), (0, 0, 1, 1)) for m in re.finditer(r"\S+", text)
    )
    return LetterText(text, (_ocr.Page(1, 0, len(text), (1700, 2200), words, ocr=True),), "tiff", True)


# -- 1. a denial statement whose reason follows its colon -------------------------------------------------------------
_DENIAL = (
    "EXAMPLE CARE TPA (fictitious)\n\n"
    "Claim ref:      EX-PA-0001\n"
    "Patient:        Quill Abernathy-Test\n\n"
    "Dear Doctor,\n"
    "{body}\n\n"
    "Yours faithfully, Medical Officer\n"
)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "The request is rejected: tablets taken at home are outside this scheme's day-care cover.\n"
            "The member may raise a grievance within 30 days of this letter.",
            "tablets taken at home are outside this scheme's day-care cover.",
        ),
        (
            "Your request is denied: the plan lists no cover for this indication.\n"
            "A grievance may be lodged with the plan within 20 days.",
            "the plan lists no cover for this indication.",
        ),
        (  # a statement without a colon: its sentence, as before
            "Your request is denied as not medically necessary for this stage of disease.",
            "Your request is denied as not medically necessary for this stage of disease.",
        ),
        (  # a grievance sentence alone after the statement: never the reason
            "The request is rejected.\nThe member may raise a grievance within 30 days of this letter.",
            None,
        ),
    ],
)
def test_the_reason_after_a_statements_colon(body: str, reason: str | None) -> None:
    for reading in (_pdf, _fax):
        got = propose(reading(_DENIAL.format(body=body))).value("denial_reason")
        assert got == reason
        assert "grievance" not in (got or "")


# -- 2. a fax's name whose look-alike glyph OCR read unsurely ---------------------------------------------------------
_MEMBER = (
    "EXAMPLE MUTUAL (fictitious)\n\n"
    "Reference:      EXM-27-0099\n"
    "Member:         {name}\n"
    "Date of birth:  {dob}\n"
    "Treatment:      LUMAKRAS (sotorasib) 120 mg tablets\n\n"
    "Your request is approved.\n"
)


@pytest.mark.parametrize(
    ("name", "unsure", "given"),
    [
        ("Orla Jona Pembleton", {"Jona": 78.0}, None),  # a capital J read unsurely: I or J?
        ("Orla Iona Pembleton", {"Iona": 80.0}, None),
        ("Zália Quarrington", {"Zália": 84.0}, "Zália Quarrington"),  # a marked vowel: its mark's doubt is no other name
        ("Orla Jona Pembleton", {}, "Orla Jona Pembleton"),  # read surely: as read
        ("Orla Jona Pembleton", {"Pembleton": 80.0}, "Orla Jona Pembleton"),  # the unsure word has no look-alike
        ("Zalia Quarrington", {"Zalia": 84.0}, "Zalia Quarrington"),  # no mark, no capital I/J: as read
    ],
)
def test_a_name_with_an_unsure_look_alike_is_left_empty(name: str, unsure: dict[str, float], given: str | None) -> None:
    p = propose(_fax_at(_MEMBER.format(name=name, dob="12 June 1958"), unsure))
    assert p.patient.get("name") == given
    if given is None:
        assert p.weak_patient.get("name") == name  # still compared with the case's


def test_a_text_layer_name_is_never_doubted() -> None:
    p = propose(_pdf(_MEMBER.format(name="Orla Jona Pembleton", dob="12 June 1958")))
    assert p.patient.get("name") == "Orla Jona Pembleton"


@pytest.mark.parametrize(
    ("read", "case_name", "dob", "flagged"),
    [
        ("Orla Jona Pembleton", "Orla Iona Pembleton", "12 June 1958", False),  # I read as J, the birth date agreeing
        ("Orla Jona Pembleton", "Orla Iona Pembleton", "13 June 1958", True),  # another birth date: another patient
        ("Orla Jona Pembleton", "Orla Iona Castleford", "12 June 1958", True),  # another surname: another patient
        ("Orla Jona Pembleton", "Orla Nona Pembleton", "12 June 1958", True),  # N is no look-alike of J
    ],
)
def test_an_unsure_name_is_still_compared(read: str, case_name: str, dob: str, flagged: bool) -> None:
    unsure = {w: 80.0 for w in read.split() if name_glyphs.doubtful(w, 0, lambda a, b: 0.0, 1.0)}
    case = {"name": case_name, "birth_date": date(1958, 6, 12)}
    p = propose(_fax_at(_MEMBER.format(name=read, dob=dob), unsure), case)
    assert bool(p.mismatch) is flagged
    if not flagged:
        assert any("misread" in w for w in p.warnings)  # tolerated, never silently


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("jona", "iona", True),
        ("ian", "jan", True),  # a short word too: the capital's shape, not the word's length
        ("jona", "nona", False),
        ("jo", "io", True),
        ("j", "i", False),  # an initial alone is no word
        ("jonas", "ionus", False),  # and a second letter changed
    ],
)
def test_capital_i_and_j(a: str, b: str, near: bool) -> None:
    assert patient._capital_ij(a, b) is near
