"""Issue 18, the thirty-fourth pass: the thirty-sixth set (US plans' letters) read whole. Each CLASS of miss closed with
letters of our own wording (never a held-out letter's sentence), table-driven, each with the guards that must stay as
they are (ids ``[p34-...]`` in the comments; ``[p34-g-...]`` the guards). Synthetic names and numbers only."""

from __future__ import annotations

from datetime import date

import pytest

from tests.letters.test_generalise import _read

_HEAD = "Fernhollow Health Plan (fictitious)\nJune 8, 2027\n\nMember: Odile P. Framley   DOB: 07/21/1957   ID: FHP000000913\n"
_DRUG = "Drug: LUMAKRAS 120 mg tablets\n\n"


# -- 1. a decision in the thirty-sixth set's wordings -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p34-reviewed-from] a review's close that names whose request it was (a title's "Dr." breaks the sentence)
        ("We looked at the request from Dr. Amal Quince and denied it.\n", "denied"),
        ("We reviewed the request sent by Dr. Amal Quince and approved it.\n", "approved"),
        ("We considered the request from your office and denied it.\n", "denied"),
        # [p34-g-reviewed-from] a part of it, a past told, a condition, a question, a quote, taken back after
        ("We reviewed the request from Dr. Amal Quince and denied it in part.\n", None),
        ("Earlier we reviewed the request from Dr. Amal Quince and denied it.\n", None),
        ("If we reviewed the request from Dr. Amal Quince and denied it, you would know.\n", None),
        ("Is it true we reviewed the request from Dr. Amal Quince and denied it?\n", None),
        ('Your doctor said "we reviewed the request from Dr. Quince and denied it".\n', None),
        ("We reviewed the request from Dr. Amal Quince and denied it. After the new scan we reconsidered.\n", None),
        ("Mrs. Quince and denied it.\n", None),
        # [p34-approval-title] a notice titled as the approval, a line of its own, its date in a column after it
        ("\nPrior Authorization Approval                      06/08/2027\n\nApproval #:  FH-2027-0415\n", "approved"),
        ("\nPHARMACY PRIOR AUTHORIZATION APPROVAL    06/08/2027\n\nApproval #:  FH-2027-0415\n", "approved"),
        # [p34-g-approval-title] a request's title, a body that refuses or pends, the words in a sentence, small letters
        ("\nPrior Authorization Approval Request                 06/08/2027\n", None),
        (
            "\nPrior Authorization Approval                      06/08/2027\n\nWe cannot approve the request as sent.\n",
            "denied",
        ),
        (
            "\nPrior Authorization Approval                      06/08/2027\n\nYour request is pending review.\n",
            "pended",
        ),
        ("Please keep this prior authorization approval with your records.\n", None),
        ("prior authorization approval 06/08/2027\n", None),
        # [p34-before-decision-asks] a review that waits on what it asks for
        ("Before a decision is made, the pharmacist requests a call with the prescriber.\n", "pended"),
        ("Before any determination can be made, our medical director needs a copy of the NGS report.\n", "pended"),
        # [p34-g-before-decision-asks] the office's right, a condition, a past told
        ("Before a decision is made, you may ask for a peer-to-peer discussion.\n", None),
        ("If needed, before a decision is made, the reviewer asks for a call.\n", None),
        ("Before a decision was made, the reviewer asked for a call.\n", None),
        # [p34-questions-status] an ePA portal's status of questions waiting on the office's answers
        ("Status: QUESTIONS OPEN - answer them to continue\n", "pended"),
        ("Status: QUESTIONS SENT - respond to proceed\n", "pended"),
        # [p34-g-questions-status] questions named with no answer asked for
        ("Status: QUESTIONS ISSUED\n", None),
        ("Status: ANSWERS RECEIVED - answer to continue\n", None),
        # [p34-relayed] a specialty pharmacy's shorthand note of the plan's decision
        ("Note: Insurance APPROVED PA for sotorasib, 30-day fill next.\n", "approved"),
        ("Note: plan DENIED PA.\n", "denied"),
        # [p34-g-relayed] another drug's PA, a condition, a negation, small letters
        ("Note: Insurance APPROVED PA for Tagrisso.\n", None),
        ("Note: if insurer APPROVED PA, will ship.\n", None),
        ("Note: insurer NOT APPROVED PA yet.\n", None),
        ("Note: insurance approved pa for sotorasib.\n", None),
    ],
)
def test_a_decision_in_the_thirty_sixth_sets_words(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


# -- 2. a decision beside words that only look like another's -----------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p34-capital-compound] "LABEL-APPROVED DOSING" in a reason in capitals: a compound adjective, no item's status
        (
            "Determination: NOT AUTHORIZED\n\nREASON: 1440 MG A DAY IS HIGHER THAN THE LABEL-APPROVED DOSING"
            " OF\n960 MG ONCE DAILY.\n",
            "denied",
        ),
        (
            "DETERMINATION: NOT AUTHORIZED\n\nREASON: 20 TABLETS OF 120 MG A DAY IS ABOVE THE PLAN-APPROVED MAXIMUM.\n",
            "denied",
        ),
        # [p34-g-capital-compound] a column's status after a dash still an item's: two drugs, LUMAKRAS's read
        ("OSIMERTINIB 80 MG TABLET - APPROVED\nLUMAKRAS 120 MG TABLET - DENIED\n", "denied"),
        ("OSIMERTINIB 80 MG TABLET-APPROVED\nLUMAKRAS 120 MG TABLET-DENIED\n", "denied"),
        # [p34-decided-apart] another drug's request reviewed separately, its "PENDING" (at fax on a line of its own)
        (
            "Pharmacy decision (LUMAKRAS): APPROVED\n\nBevacizumab is given in the clinic. That request will be\n"
            "decided separately by our medical team and is still PENDING.\n",
            "approved",
        ),
        (
            "Pharmacy decision (LUMAKRAS): APPROVED\n\nBevacizumab is given in the clinic. That other request\nis\n"
            "being handled separately by our medical team and is still\nPENDING\n(medical ref FH-MED-0001).\n",
            "approved",
        ),
        # [p34-g-decided-apart] "your" request, or one naming LUMAKRAS: the letters disagree, as before
        (
            "Pharmacy decision (LUMAKRAS): APPROVED\n\nYour request is being reviewed separately and is still PENDING.\n",
            None,
        ),
        (
            "Pharmacy decision (LUMAKRAS): APPROVED\n\nThat request for LUMAKRAS is being reviewed separately and is"
            " still PENDING.\n",
            None,
        ),
    ],
)
def test_a_decision_beside_look_alikes(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


# -- 3. what the plan asks for -------------------------------------------------------------------------------------------
_PEND = _HEAD + _DRUG + "PA status: PENDED for clinical info.\n"


@pytest.mark.parametrize(
    ("body", "ocr", "want"),
    [
        # [p34-column-list] a relay's "The insurer is asking for: <item>" with the next items under it, one a line
        (
            "The insurer is asking for: the latest PET scan report\n                           the pathology report\n"
            "Please fax these to the plan. We will check back.\n",
            False,
            ["the latest PET scan report", "the pathology report"],
        ),
        # (at fax the indent lost)
        (
            "The insurer is asking for: the latest PET scan report\nthe pathology report\nPlease fax these to the plan.\n",
            True,
            ["the latest PET scan report", "the pathology report"],
        ),
        # (a line that runs on: one wrapped item)
        (
            "The insurer is asking for: the latest PET scan report and\n                           the radiologist's reading of it\n\n",
            False,
            ["the latest PET scan report and the radiologist's reading of it"],
        ),
        # [p34-g-column-list] at fax a line in capitals that is no sentence: may be an item or not, so none is read
        (
            "The insurer is asking for: the latest PET scan report\nPathology report\n\n",
            True,
            [],
        ),
        # [p34-blank-fields] a fax-back form's blank fields under "Missing from your request (...):"
        (
            "Missing from your request (complete and fax back to 800-555-0100):\n    Diagnosis code:     ____________\n"
            "    Prescriber DEA:     ____________\n\nThe request stays pended until we receive this page.\n",
            False,
            ["Diagnosis code", "Prescriber DEA"],
        ),
        # (at fax the blanks lost)
        (
            "Missing from your request (complete and fax back to 800-555-0100):\nDiagnosis code:\nPrescriber DEA:\n\n",
            True,
            ["Diagnosis code", "Prescriber DEA"],
        ),
        # [p34-g-blank-fields] a field filled in; blank fields under no such heading
        ("Missing from your request (see below):\n    Diagnosis code:   C34.90\n\n", False, []),
        ("Office use only:\n    Reviewer:   ____________\n    Date:   ____________\n\n", False, []),
        # [p34-column-questions] a portal's column of questions "Q1", "Q2", those not answered yet
        (
            "Plan questions for this request:\n\nQ1  Which line of therapy is this?          [answer required]\n"
            "Q2  Upload the latest CBC.     [required]\nQ3  Is the drug used alone?\n"
            "    ANSWERED 06/08/2027 by office: yes\n",
            False,
            ["Which line of therapy is this?", "Upload the latest CBC."],
        ),
        # [p34-g-column-questions] no word naming questions before them; every one answered
        ("Q1  Adenocarcinoma, stage IV\nQ2  Docetaxel, 2026\n", False, []),
        (
            "Plan questions:\n\nQ1  Is the drug used alone?\n    ANSWERED by office: yes\nQ2  Which test found KRAS?\n"
            "    ANSWERED by office: tissue NGS\n",
            False,
            [],
        ),
        # [p34-received-without] a request or its form "received without <what>"
        (
            "The fax was received without the signed attestation\npage. Please sign it and send it again.\n",
            False,
            ["the signed attestation page"],
        ),
        # (at fax OCR's curly apostrophe read as the typed one)
        (
            "The submission was received without the doctor’s signed\nattestation. Please sign it and send it again.\n",
            True,
            ["the doctor's signed attestation"],
        ),
        # [p34-g-received-without] no article after "without"
        ("Your request form was received without delay.\n", False, []),
    ],
)
def test_what_the_plan_asks_for(body: str, ocr: bool, want: list[str]) -> None:
    assert _read(_PEND + body, ocr=ocr)["requested"] == want


# -- 4. a field under a label of its own ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "field", "want"),
    [
        # [p34-due-by] an appeal's request "due by:" a date, as a label
        (
            "Status: DENIED\nReason: not indicated.\nReconsideration request due by: 08/08/2027\n",
            "deadline",
            date(2027, 8, 8),
        ),
        ("Status: DENIED\nReason: not indicated.\nAppeal request due: 08/08/2027\n", "deadline", date(2027, 8, 8)),
        # [p34-g-due-by] another request due
        ("Status: DENIED\nReason: not indicated.\nRecords request due by: 08/08/2027\n", "deadline", None),
        # [p34-ask-to-reconsider] "you may ask us to reconsider. Your written request must reach us by <date>"
        (
            "We cannot approve this request. Reason: not covered.\nIf you think we are wrong, you may ask us to reconsider."
            " Your written request must reach us by December 8, 2027.\n",
            "deadline",
            date(2027, 12, 8),
        ),
        # [p34-g-ask-to-reconsider] the plan's own reconsidering, once records come
        (
            "We cannot approve this request. Reason: not covered.\nWe will reconsider if the records reach us by December"
            " 8, 2027.\n",
            "deadline",
            None,
        ),
        # [p34-units-certified] a certification's "Units certified:"
        (
            "Decision: APPROVED\nCertification number:  FH-C-0415\nUnits certified:  6 tablets daily\n",
            "quantity",
            "6 tablets",
        ),
        # [p34-g-units-certified] the units asked for
        (
            "Decision: APPROVED\nCertification number:  FH-C-0415\nUnits requested:  16 tablets daily\n",
            "quantity",
            None,
        ),
        # [p34-pre-service-number] a TPA's "Pre-service #:"
        (
            "PRE-SERVICE APPROVAL\nPre-service no.:    FH-PS-2027-0415\nApproved for 90 tablets per 30 days.\n",
            "number",
            "FH-PS-2027-0415",
        ),
        # [p34-g-pre-service-number] a pre-service line's phone
        (
            "PRE-SERVICE APPROVAL\nPre-service phone #:    800-555-0100\nApproved for 90 tablets per 30 days.\n",
            "number",
            None,
        ),
    ],
)
def test_a_field_under_a_label_of_its_own(body: str, field: str, want: object) -> None:
    assert _read(_HEAD + _DRUG + body)[field] == want


# -- 4. the review's fixes (2026-12-05, lead's reviewer): each a narrowing, its input a guard -----------------------------
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # [p34-r1] whose request: the name ends it, never another drug's request
        ("We reviewed the request from Dr. Amal Quince for Tagrisso and denied it.\n", None),
        (
            "We reviewed the request from your office for osimertinib and denied it. Your LUMAKRAS request is still under"
            " review.\n",
            None,
        ),
        # [p34-r2] an approval's title over a body that revokes, rescinds or pends
        (
            "Prior Authorization Approval                      06/08/2027\n\nThis letter replaces our earlier notice. The"
            " approval has been revoked/terminated effective 06/30/2027.\n",
            None,
        ),
        (
            "Prior Authorization Approval                      06/08/2027\n\nApproval for LUMAKRAS was rescinded after"
            " review of pharmacy claims.\n",
            None,
        ),
        (
            "Prior Authorization Approval                      06/08/2027\n\nAdditional information is needed. Please"
            " send chart notes within 14 days.\n",
            "pended",
        ),
        # [p34-r3] "before a decision is made on your appeal": the refusal stands
        (
            "Status: DENIED\nReason: not indicated.\nBefore a decision is made on your appeal, the plan needs a copy of"
            " the signed appeal form.\n",
            "denied",
        ),
        # [p34-r4] a questions status yields to a denial in the letter; a history's row is no status
        (
            "Status: QUESTIONS SENT - answer to continue\nNo answers were received within 14 days. Your request is denied"
            " for lack of information.\n",
            "denied",
        ),
        (
            "ePA Status: QUESTIONS RECEIVED - answer to continue\nDetermination: DENIED\nReason: not answered.\n",
            "denied",
        ),
        (
            "Request history\n06/01/2027  Status: QUESTIONS SENT - answer to continue\n06/07/2027  Status: DENIED -"
            " criteria not met\n",
            "denied",
        ),
        # [p34-r5] a relay of a past year's approval, or one a renewal awaits
        ("Note: Ins APPROVED PA for Lumakras in 2026. Renewal request sent 06/01/2027, awaiting decision.\n", None),
        (
            "Pharmacy log:\n05/02/2026  Ins APPROVED PA for sotorasib.\n06/05/2027  Renewal submitted - awaiting plan.\n",
            None,
        ),
        # [p34-r6] another drug's outcome before "That other request ... separately" never stands
        (
            "We received two requests from your office. Your request for Tagrisso is approved. That other request is"
            " being reviewed separately and was denied.\n",
            None,
        ),
    ],
)
def test_the_reviews_outcome_guards(body: str, want: str | None) -> None:
    assert _read(_HEAD + _DRUG + body)["outcome"] == want


@pytest.mark.parametrize(
    ("body", "field", "want"),
    [
        # [p34-r7] a bare "due date" after the appeal was received is no window
        (
            "Status: DENIED\nReason: not indicated.\nWe received your request for redetermination on 06/20/2027.\n"
            "Redetermination due date: 06/27/2027\n",
            "deadline",
            None,
        ),
        # [p34-r8] "ask us to reconsider" then another date "until": no window
        (
            "Status: DENIED\nReason: not indicated.\nIf you disagree with the quantity, you may ask us to reconsider. Your"
            " current supply is covered until 07/15/2027.\n",
            "deadline",
            None,
        ),
        # [p34-r9] a relay's column ends at an instruction or a note in brackets
        (
            "PA status: PENDED for clinical info.\nThe plan is asking for: chart notes from the last 3 months\n"
            "                        Fax them to 1-800-555-0100 within 14 days\n",
            "requested",
            ["chart notes from the last 3 months"],
        ),
        (
            "PA status: PENDED for clinical info.\nThe plan is asking for: the latest CT report\n"
            "                        (you may also upload it in the portal)\n",
            "requested",
            ["the latest CT report"],
        ),
        # [p34-r10] a question with an "Answer:" / "Response:" line under it is answered
        (
            "PA status: PENDED for clinical info.\nPlan questions for this request:\n\nQ1  Which line of therapy is this?\n"
            "    Answer: second line\nQ2  Was KRAS G12C confirmed by NGS?\n    Response: Yes, tissue NGS 03/2027\n"
            "Q3  Upload the latest CT report.\n",
            "requested",
            ["Upload the latest CT report."],
        ),
        # [p34-r11] "Questions? Call ..." is no heading over a column of questions
        (
            "PA status: PENDED for clinical info.\nPlease send the most recent chart notes.\nQuestions? Call Provider"
            " Services at 1-800-555-0100.\n\nQ1  2027 refill schedule: 90 tablets\nQ2  2027 refill schedule: 90 tablets\n",
            "requested",
            ["the most recent chart notes"],
        ),
        # [p34-r12] a fax-back form's blank fields merged with the ask above them
        (
            "PA status: PENDED for clinical info.\nPlease send the most recent chart notes.\nMissing from your request"
            " (fill in and fax back):\n    Prescriber signature:  ____________\n    Date:  ____________\n",
            "requested",
            ["the most recent chart notes", "Prescriber signature", "Date"],
        ),
    ],
)
def test_the_reviews_field_guards(body: str, field: str, want: object) -> None:
    got = _read(_HEAD + _DRUG + body)[field]
    assert (got if field != "requested" else [str(h) for h in got]) == want
