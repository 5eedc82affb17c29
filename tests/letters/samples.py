"""Letters about the example chart's patient (examples/nsclc-ready.json: Ada Testcase, born 1961-04-12,
member W123456), for the service and browser tests. Synthetic."""

from __future__ import annotations

from typing import Any

from tests.letters import render

HEAD = """Summit Health Plan
Pharmacy Prior Authorization Department

November 24, 2026

Member: {name}
Member ID: W123456
Date of Birth: 04/12/1961
{number_label}: {number}
"""

DENIAL = (
    HEAD
    + """
Dear Dr. Okafor,

We reviewed the request for LUMAKRAS (sotorasib) 120 mg tablets. Your request has been denied.

Reason for denial: The records do not show disease progression after platinum-based chemotherapy.

If you disagree with this decision, you may ask for an appeal. You must file your appeal within 60 days
of the date of this letter.
"""
)

APPROVAL = (
    HEAD
    + """
Your request for LUMAKRAS (sotorasib) has been approved.

Approved period: 11/24/2026 through 05/23/2027
Approved quantity: 240 tablets per 30 days
"""
)

RFI = (
    HEAD
    + """
We are unable to make a decision until we receive the information below. Please send the following:

- The KRAS G12C test report, with the date of the test
- Progress notes documenting prior platinum-based chemotherapy
"""
)


def letter(kind: str, name: str = "Ada Testcase", number: str = "PA-2026-0077001") -> dict[str, Any]:
    body = {"denial": DENIAL, "approval": APPROVAL, "rfi": RFI}[kind]
    label = "Authorization Number" if kind == "approval" else "Reference Number"
    return {"id": f"sample-{kind}", "pages": [body.format(name=name, number=number, number_label=label)]}


def pdf(kind: str, **kw: str) -> bytes:
    return render.digital_pdf(letter(kind, **kw))
