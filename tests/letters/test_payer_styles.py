"""Issue 18, third pass: the CLASSES behind the misses on the third held-out set (now a development set),
each with NEW letters written here from how payers write (none is copied from a corpus letter): spoken
contractions, a claims system's decision verbs and compact dates, a label whose value sits on the next
line, "we cannot decide until", a receipt that decides nothing, a clause governed by an earlier "if",
requests decided block by block, and the patient's identifiers as plan systems print them."""

from __future__ import annotations

from datetime import date

import pytest

from priorauth.letters import fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter

OUTCOMES = [
    # contractions, as plain-language letters speak
    ("Unfortunately we can't approve sotorasib for you at this time.", "denied"),
    ("Sorry - we won't pay for this medicine under your plan.", "denied"),
    ("Your plan didn't approve the request your oncologist made.", "denied"),
    ("We looked at the notes from your doctor and it's covered.", "approved"),
    ("LUMAKRAS is covered under your pharmacy benefit when it is approved first.", None),
    # a claims system's decision code is a verb
    ("ACTION CODE        DENY\nREASON CODE        ST-01", "denied"),
    ("DECISION:  APPROVE", "approved"),
    ("STATUS   PEND   (ADDL INFO)", "pended"),
    # a label ending its line, the value on the next
    ("Result of the coverage review:\n      Denied - see the reason below", "denied"),
    ("Outcome for your request for sotorasib 120 mg:\n  Approved", "approved"),
    # no decision until the prescriber answers
    ("Before we can decide on this medicine, please send the pathology report.", "pended"),
    ("We are unable to decide without the most recent CT report.", "pended"),
    ("We need three more documents from your office.", "pended"),
    ("PHARMACY FAX: REQUEST FOR PRESCRIBER SUPPORTING STATEMENT", "pended"),
    # a receipt or a review in progress decides nothing (empty, never pended)
    ("Status: Submitted - under clinical review", None),
    ("Your request is in review. Most reviews take two business days.", None),
    ("Request status ....... Received, awaiting pharmacist review", None),
    # a clause after a semicolon is governed by its sentence's "if"
    ("If the plan turns the request down, you may appeal; the denial letter will explain how.", None),
    ("If coverage is refused the member may appeal; a denial notice gives the steps.", None),
    ("Your request was denied; you may appeal.", "denied"),
]


@pytest.mark.parametrize(("text", "want"), OUTCOMES)
def test_outcome_styles(text: str, want: str | None) -> None:
    hit, why = fields.outcome(text)
    assert (hit.value if hit else None) == want, why


BLOCKS = """Coverage decisions for requests received 06/02/2026

Item 1: PEMBROLIZUMAB 100 mg for injection
   Decision: Denied - medical benefit, bill the medical plan
   Appeal within 60 days from the date of this notice.

Item 2: Sotorasib 120 mg tablets
   Authorization ID  KX-5521-0602
   Decision: Approved
   Valid 06/03/2026 through 12/02/2026
"""


def test_requests_decided_block_by_block_read_only_lumakras() -> None:
    p = propose(_letter(BLOCKS))
    assert p.value("outcome") == "approved"
    assert p.value("authorization_number") == "KX-5521-0602"
    assert (p.value("period_start"), p.value("period_end")) == (date(2026, 6, 3), date(2026, 12, 2))
    assert any("other drugs" in w and "PEMBROLIZUMAB" in w for w in p.warnings)
    # the same blocks with LUMAKRAS's denied: the other drug's approval is never read as ours
    flipped = BLOCKS.replace("Decision: Denied", "Decision: Approved!").replace("   Decision: Approved\n", "   Decision: Denied\n")
    assert propose(_letter(flipped)).value("outcome") == "denied"
