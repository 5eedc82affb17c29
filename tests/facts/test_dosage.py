"""The daily dose of a KRAS G12C inhibitor order, from real-world sig styles (Epic, Cerner, NCPDP SCRIPT
e-prescribing text) on the three LUMAKRAS tablet strengths (120, 240, 320 mg; label section 2.2: 960 mg
= eight 120 mg, four 240 mg or three 320 mg tablets) and KRAZATI 200 mg tablets (600 mg = three tablets,
twice daily). Each row is a MedicationRequest shaped like the vendor's: the strength comes from the
medication (RxNorm display, product text, Medication.ingredient.strength, NDC), never from the sig's
first "NNN mg"."""

from __future__ import annotations

import pytest

import priorauth
from priorauth.facts.dosage import daily_dose, normalize_sig, per_day_from_timing
from priorauth.terminology.drugs import ndc_product_keys, vocabulary
from tests.conftest import apply_edits, bundle, load_cases

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
NDC = "http://hl7.org/fhir/sid/ndc"
QD = {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}
BID = {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}}


def epic(strength: int, drug: str = "sotorasib", brand: str = "LUMAKRAS") -> dict:
    """Epic: an RxNorm SCD display and the product text with the brand in parentheses."""
    return {
        "coding": [{"system": RXNORM, "code": "0", "display": f"{drug} {strength} MG Oral Tablet"}],
        "text": f"{drug} ({brand}) {strength} mg tablet",
    }


def cerner_med(strength: int, drug: str = "sotorasib") -> dict:
    """Cerner: medicationReference to a Medication whose ingredient carries the strength (Ratio mg/tablet)."""
    return {
        "resourceType": "Medication",
        "id": "med1",
        "code": {"text": drug.upper()},
        "form": {"text": "Tablet"},
        "ingredient": [
            {
                "itemCodeableConcept": {"text": drug},
                "strength": {
                    "numerator": {"value": strength, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"},
                    "denominator": {"value": 1, "unit": "tablet", "code": "{tbl}"},
                },
            }
        ],
    }


def order(sig: str | None = None, timing: dict | None = None, dose: dict | None = None) -> dict:
    di: dict = {}
    if sig is not None:
        di["text"] = sig
    if timing is not None:
        di["timing"] = timing
    if dose is not None:
        di["doseAndRate"] = [{"type": {"text": "ordered"}, "doseQuantity": dose}]
    return {"resourceType": "MedicationRequest", "status": "active", "dosageInstruction": [di]}


def read(sig: str | None, strength: int | None, how: str = "epic", timing=None, dose=None, drug="sotorasib"):
    data = order(sig, timing, dose)
    if how == "epic":
        return daily_dose(data, epic(strength or 0, drug), None)
    if how == "cerner":
        return daily_dose(data, {"text": drug}, cerner_med(strength or 0, drug))
    if how == "ndc":
        return daily_dose(data, {"coding": [{"system": NDC, "code": "55513-0512-60"}], "text": "LUMAKRAS"}, None)
    return daily_dose(data, {"text": "LUMAKRAS (sotorasib) tablets"}, None)  # no strength anywhere


# (sig, strength of the medication, how the medication is shaped, expected mg/day)
SIGS = [
    # --- LUMAKRAS 240 mg ---------------------------------------------------------------------------
    ("Take 4 tablets (960 mg) by mouth once daily.", 240, "epic", 960),
    ("Take 4 tablets (960 mg total) by mouth daily.", 240, "epic", 960),
    ("4 tabs PO daily", 240, "epic", 960),
    ("960 mg (4 x 240 mg) daily", 240, "epic", 960),
    ("TAKE 4 TABLETS BY MOUTH EVERY DAY", 240, "cerner", 960),
    ("Take four (4) tablets by mouth one (1) time each day.", 240, "cerner", 960),
    ("Take 4 tablets by mouth daily (240 mg per tablet)", 240, "epic", 960),
    ("take 4 x 240mg tabs po qd", 240, "epic", 960),
    ("Take 2 tablets (480 mg) by mouth daily. Dose reduced for hepatotoxicity.", 240, "epic", 480),
    ("Take 480 mg by mouth once daily (two 240 mg tablets).", 240, "epic", 480),
    ("Take 1 tablet (240 mg) by mouth daily", 240, "cerner", 240),
    ("4 tablets (960 mg) orally every 24 hours", 240, "ndc", 960),
    ("Take 4 tablets by mouth daily", 240, "ndc", 960),
    # --- LUMAKRAS 120 mg ---------------------------------------------------------------------------
    ("Take 8 tablets (960 mg) by mouth once daily with or without food", 120, "epic", 960),
    ("Take eight 120 mg tablets by mouth once a day", 120, "epic", 960),
    ("8 tabs (120 mg each) PO QD", 120, "cerner", 960),
    ("Take 960 mg by mouth daily. Swallow tablets whole; may disperse in 120 mL water.", 120, "epic", 960),
    ("sotorasib 960 mg PO daily", 120, "epic", 960),
    ("Take 4 tablets (480 mg total) by mouth daily", 120, "epic", 480),
    ("Take 8 x 120 mg tablets = 960 mg once daily", 120, "epic", 960),
    ("Take 2 tablets by mouth once daily", 120, "cerner", 240),
    # --- LUMAKRAS 320 mg ---------------------------------------------------------------------------
    ("Take 3 tablets (960 mg) by mouth daily", 320, "epic", 960),
    ("Take three 320mg tablets by mouth once daily", 320, "epic", 960),
    ("Take 960 mg (three 320 mg tablets) by mouth once daily", 320, "cerner", 960),
    ("3 tab po qAM", 320, "epic", 960),
    ("Take 3 tablets by mouth at bedtime", 320, "cerner", 960),
    ("960mg po qd", 320, "epic", 960),
    ("Take 3 tablets (960 mg) by mouth every morning.", 320, "epic", 960),
    # --- KRAZATI 200 mg (three tablets twice daily) ------------------------------------------------
    ("Take 3 tablets (600 mg) by mouth 2 times daily", 200, "krazati", 1200),
    ("Take 3 tablets (600 mg) by mouth twice daily.", 200, "krazati", 1200),
    ("600 mg PO BID", 200, "krazati", 1200),
    ("Take 600 mg (3 x 200 mg tablets) by mouth every 12 hours", 200, "krazati", 1200),
    ("Take three 200 mg tablets twice a day", 200, "krazati", 1200),
    ("Take 3 tablets by mouth in the morning and 3 tablets in the evening", 200, "krazati", 1200),
    ("Take 2 tablets (400 mg) by mouth twice daily (first dose reduction)", 200, "krazati", 800),
    ("Take 3 tablets (600 mg) by mouth once daily (second dose reduction)", 200, "krazati", 600),
    ("3 tabs po b.i.d.", 200, "krazati", 1200),
    ("Total daily dose 1,200 mg: take 3 tablets twice daily", 200, "krazati", 1200),
]


@pytest.mark.parametrize(("sig", "strength", "how", "want"), SIGS, ids=[s[0][:60] for s in SIGS])
def test_sig_styles(sig: str, strength: int, how: str, want: float) -> None:
    if how == "krazati":
        got = daily_dose(order(sig), epic(strength, "adagrasib", "KRAZATI"), None)
    else:
        got = read(sig, strength, how)
    assert got.conflict is None, got.conflict
    assert got.mg == want, (sig, got)
    assert got.strength_mg == strength


def test_table_covers_every_strength_with_enough_styles() -> None:
    assert len(SIGS) >= 30
    assert {s[1] for s in SIGS} == {120, 240, 320, 200}
    for strength in (120, 240, 320, 200):
        assert sum(1 for s in SIGS if s[1] == strength) >= 6


# The defects the issue names: "(N mg)" after a tablet count is the dose, never the strength.
@pytest.mark.parametrize(
    ("sig", "strength", "drug", "want"),
    [
        ("Take 4 tablets (960 mg) by mouth once daily", 240, "sotorasib", 960),  # was 4 x 960 = 3,840
        ("Take 3 tablets (600 mg) twice daily", 200, "adagrasib", 1200),  # was 3 x 600 x 2 = 3,600
    ],
)
def test_count_then_mg_in_parentheses_is_the_dose(sig: str, strength: int, drug: str, want: float) -> None:
    assert daily_dose(order(sig), epic(strength, drug), None).mg == want


# Disagreeing sources: no number, a conflict naming both.
CONFLICTS = [
    (
        "stated dose is not tablets x strength",
        "Take 4 tablets (960 mg) by mouth daily",
        120,
        "epic",
        "480 mg",
        "960 mg",
    ),
    ("sig strength is not the product's", "Take 8 tablets (120 mg each) daily", 240, "epic", "240 mg", "120 mg"),
    ("two strengths in the sig", "Take 4 x 240 mg tablets or 8 x 120 mg tablets daily", 240, "none", "240", "120"),
]


@pytest.mark.parametrize(("name", "sig", "strength", "how", "a", "b"), CONFLICTS, ids=[c[0] for c in CONFLICTS])
def test_disagreeing_sources_are_a_conflict_naming_both(name, sig, strength, how, a, b) -> None:
    got = read(sig, strength, how)
    assert got.mg is None
    assert got.conflict and a in got.conflict and b in got.conflict


def test_structured_dose_and_sig_disagree() -> None:
    got = read("Take 3 tablets by mouth daily", 320, timing=QD, dose={"value": 4, "unit": "tablet", "code": "{tbl}"})
    assert got.mg is None and "1280" in (got.conflict or "") and "960" in (got.conflict or "")


def test_product_strengths_disagree() -> None:
    concept = {"coding": [{"system": NDC, "code": "55513-512-60"}], "text": "sotorasib 120 mg tablet"}
    got = daily_dose(order("Take 8 tablets daily"), concept, None)
    assert got.mg is None and "NDC 55513-512-60: 240 mg" in (got.conflict or "") and "120 mg" in (got.conflict or "")


# Structured doseAndRate first (Epic and Cerner both send it beside the sig).
@pytest.mark.parametrize(
    ("timing", "dose", "strength", "want"),
    [
        (QD, {"value": 4, "unit": "tablet", "code": "{tbl}"}, 240, 960),
        (QD, {"value": 960, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}, 120, 960),
        (BID, {"value": 3, "unit": "Tablet"}, 200, 1200),
        ({"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "BID"}]}},
         {"value": 600, "unit": "mg"}, 200, 1200),
        ({"code": {"text": "Daily"}}, {"value": 3, "unit": "tablet"}, 320, 960),
        ({"repeat": {"when": ["MORN", "EVE"]}}, {"value": 3, "unit": "tablet"}, 200, 1200),
        ({"repeat": {"frequency": 1, "period": 24, "periodUnit": "h"}}, {"value": 8, "unit": "tablet"}, 120, 960),
    ],
)  # fmt: skip
def test_structured_dose(timing: dict, dose: dict, strength: int, want: float) -> None:
    assert read(None, strength, "cerner", timing=timing, dose=dose).mg == want


def test_structured_dose_agreeing_with_sig() -> None:
    got = read("Take 4 tablets (960 mg) by mouth once daily", 240, timing=QD, dose={"value": 4, "unit": "tablet"})
    assert got.mg == 960 and got.conflict is None


@pytest.mark.parametrize(
    ("sig", "why"),
    [
        ("Take 4 tablets by mouth daily", "the tablet strength is not stated"),
        ("Take as directed", "no dose in mg or tablets"),
        ("Take 960 mg by mouth", "no frequency"),
    ],
)
def test_unreadable_sigs_say_why(sig: str, why: str) -> None:
    got = read(sig, None, "none")
    assert got.mg is None and got.conflict is None and why in got.text


def test_normalize_sig() -> None:
    assert normalize_sig("Take eight (8) tablets 1 (one) time daily") == "take 8 tablets 1 time daily"
    assert normalize_sig("Total 1,200 mg") == "total 1200 mg"


def test_timing_without_a_rate_says_nothing() -> None:
    assert per_day_from_timing({"repeat": {"boundsPeriod": {"start": "2026-01-01"}}}) is None


# --- NDCs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["55513-512-60", "55513-0512-60", "55513051260", "5551351260", "55513-512"])
def test_ndc_written_forms_name_the_product(code: str) -> None:
    product = vocabulary().product_from_ndc(code)
    assert product is not None and product.ingredient == "sotorasib" and product.strength_mg == 240
    assert product.source.startswith("https://")


@pytest.mark.parametrize("code", ["55513-999-60", "abc", "1234", "0000-0000-00"])
def test_unknown_ndcs_name_nothing(code: str) -> None:
    assert vocabulary().from_ndc(code) is None


def test_ndc_shapes() -> None:
    assert ndc_product_keys("0069-0298-60") == ("000690298",)  # 4-4-2 pads the labeler
    assert ndc_product_keys("55513-512-60") == ("555130512",)  # 5-3-2 pads the product
    assert ndc_product_keys("12345-6789-1") == ("123456789",)  # 5-4-1


# --- end to end: the prescription criterion -----------------------------------------------------------

SPEC = load_cases("default")


def _with_order(medication: dict, sig: str, extra: list[dict] | None = None) -> dict:
    soto = {
        "resourceType": "MedicationRequest",
        "id": "soto1",
        "status": "active",
        "intent": "order",
        "subject": {"reference": "Patient/p1"},
        **medication,
        "authoredOn": "2026-11-18",
        "requester": {"reference": "Practitioner/dr1"},
        "dosageInstruction": [{"text": sig}],
    }
    return bundle(
        apply_edits(SPEC["base"], {"name": "x", "remove": ["MedicationRequest/soto1"], "add": [soto, *(extra or [])]})
    )


def _prescription(chart: dict, **kw) -> dict:
    doc = priorauth.check(chart, as_of="2026-11-20", **kw)
    return next(c for c in doc["criteria"] if c["id"] == "prescription")


def test_epic_order_with_dose_in_parentheses_is_met() -> None:
    chart = _with_order({"medicationCodeableConcept": epic(240)}, "Take 4 tablets (960 mg) by mouth once daily.")
    c = _prescription(chart)
    assert c["status"] == "met" and "960 mg" in c["summary"]


def test_cerner_medication_reference_strength_is_read() -> None:
    med = {**cerner_med(320), "id": "medsoto"}
    chart = _with_order({"medicationReference": {"reference": "Medication/medsoto"}}, "3 tabs PO daily", [med])
    assert _prescription(chart)["status"] == "met"


def test_disagreeing_order_is_review_naming_both() -> None:
    chart = _with_order({"medicationCodeableConcept": epic(120)}, "Take 4 tablets (960 mg) by mouth once daily.")
    c = _prescription(chart)
    assert c["status"] == "review" and "480 mg" in c["summary"] and "960 mg" in c["summary"]
