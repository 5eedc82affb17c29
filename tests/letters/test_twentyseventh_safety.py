"""Issue 18, safety pass on the twenty-seventh letters set: letters of our own wording for each class of WRONG value
found there (a French member card number label, a bilingual label whose other language a fax read as round glyphs, a
member card number label alone) and the "cannot confirm" guard: a labelled patient detail left unread is never a
silent match. Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import markup, unconfirmed
from priorauth.letters.proposal import propose
from tests.letters.reading import fax as _fax
from tests.letters.reading import pdf as _pdf

_CASE = {"name": "Odile Testname", "birth_date": date(1961, 5, 24), "member_id": "ZZA-PQR-550011"}

# -- 1. a French member card number ("N° de carte") -------------------------------------------------------------------
_FRENCH = (
    "MUTUELLE EXEMPLE (fictive)\n\n"
    "Dossier n° : EX/2027/0042\n"
    "Bénéficiaire :      Mme Odile Testname\n"
    "Date de naissance : 24/05/1961 (JJ/MM/AAAA)\n"
    "{label} :       {value}\n\n"
    "DEMANDE DE PIÈCES COMPLÉMENTAIRES\n"
)


@pytest.mark.parametrize(
    ("label", "value", "member", "flagged"),
    [
        ("N° de carte", "ZZA-PQR-550101", "ZZA-PQR-550101", True),  # two digits swapped: another member
        ("N° de carte", "ZZA-PQR-550011", "ZZA-PQR-550011", False),  # the case's own card
        ("Numéro de carte d'assuré", "ZZA-PQR-550101", "ZZA-PQR-550101", True),
        ("No de carte de membre", "ZZA-PQR-550011", "ZZA-PQR-550011", False),
        ("N° de carte bancaire", "4970 1100 2233", None, False),  # a payment card's number is no member's
    ],
)
def test_a_french_card_number_is_the_members(label: str, value: str, member: str | None, flagged: bool) -> None:
    for reading in (_pdf, _fax):
        p = propose(reading(_FRENCH.format(label=label, value=value)), _CASE)
        assert p.patient.get("member_id") == member
        assert bool(p.mismatch) is flagged


# -- 2. a bilingual label whose other language a fax read as round glyphs ---------------------------------------------
@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        ("Member Name/ (0000 000:  Jane Roe", True),  # the blank before the slash lost
        ("Member Card No. / Q000000 000: XY-12", True),
        ("Decision / 000000: APPROVED", True),
        ("Status / Good: APPROVED", False),  # a Latin word, never glyphs
        ("Date / 09/08/2027 : note", False),  # digits other than zero: a value
        ("Owner / Dog Co: someone", False),  # words without a zero or a Q
    ],
)
def test_round_glyph_translations_are_blanked(line: str, blanked: bool) -> None:
    out = markup.unmarked(line)
    assert (out != line) is blanked
    assert len(out) == len(line)


def test_a_fax_bilingual_name_is_read_and_compared() -> None:
    text = (
        "EXAMPLE NATIONAL HEALTH (fictitious)\n\n"
        "Member Name/ (0000 000:  Odile Othername\n"
        "Member Card No. / Q000000 000: ZZA-PQR-550011\n"
        "Date of Birth / 24/05/1961 :QQ00000 GO000\n"
        "Decision / 000000: APPROVED\n"
    )
    p = propose(_fax(text), _CASE)
    assert p.patient.get("name") == "Odile Othername"
    assert p.patient.get("member_id") == "ZZA-PQR-550011"
    assert p.mismatch == ["name"]


# -- 3. a member card number alone ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "member"),
    [
        ("Member Card No.:  ZZA-PQR-550011", "ZZA-PQR-550011"),
        ("Insurance card number:  ZZA-PQR-550011", "ZZA-PQR-550011"),
        ("Card no.:  4970 1100 2233", None),  # a bare card: a payment card's, never read
    ],
)
def test_a_member_card_number_alone_is_read(line: str, member: str | None) -> None:
    p = propose(_pdf(f"EXAMPLE PLAN (fictitious)\n\nPatient: Odile Testname\n{line}\n"), _CASE)
    assert p.patient.get("member_id") == member


# -- 4. a labelled patient detail left unread: "cannot confirm" --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "read", "missing"),
    [
        ("Membership card serial no.: QQ 44 10\n", {}, ["member id"]),
        ("Membership card serial no.: QQ 44 10\n", {"member_id": "QQ4410"}, []),
        ("Member name:  Jane Roe\n", {}, ["name"]),
        ("Member name:  Jane Roe\n", {"name": "Jane Roe"}, []),
        ("Claim member no.: 5512\nRequest ID: 7781\n", {}, []),  # another thing's number
        ("Member ID: not on file\n", {}, []),  # no digit: nothing to confirm
        ("Our reference: AB-12\n", {}, []),
    ],
)
def test_unread_labelled_details(text: str, read: dict[str, str], missing: list[str]) -> None:
    assert unconfirmed.unread(text, read) == missing


def test_an_unread_labelled_member_id_warns_first() -> None:
    text = "EXAMPLE PLAN (fictitious)\n\nPatient: Odile Testname\nMembership card serial no.: QQ 44 10\nDecision: APPROVED\n"
    p = propose(_pdf(text), _CASE)
    assert not p.mismatch
    assert "member_id" not in p.patient  # a label no reader rule knows
    assert "cannot be confirmed" in p.warnings[0] and "member id" in p.warnings[0]
    assert not any("cannot be confirmed" in w for w in propose(_pdf(text), None).warnings)  # no case: nothing to confirm
