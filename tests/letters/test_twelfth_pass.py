"""Issue 18, twelfth pass: the outcome misses of the twelfth held-out set (now a development set), as CLASSES
with wordings and layouts written here (never a corpus letter's sentence), table-driven, with guards that must
stay as they are.

1. A letter from someone else than the plan that says it is no prior authorization ("this notice is not a
   coverage decision", "does not tell you whether your insurer will pay") has no outcome, whatever it approves
   of its own (a grant, an assistance programme): empty, never approved.
2. A letter printed as its source or with drawn rules: a JSON print's ``"disposition"``, an RTF file's control
   words (``{\\b denied}``), a box-drawn table's column rules (``│``, or ``■`` where the PDF's font lacks them).
3. Wordings of other places and styles: Portuguese (``Situação: INDEFERIDA``, ``foi deferida``), British
   ``authorised``, a telex's numbered labels (``3. DECISION: DENIED STOP``), a transcribed handwritten mark
   (``(circled) APPROVED``), a guarantee of payment, ``we have now authorized``, ``and we cannot approve it``,
   a birth date "of May 1952" (a month, no "may" of a condition).
4. A list of the member's other authorizations set apart under its own heading is no item of the letter."""

from __future__ import annotations

import pytest

from priorauth.letters import fields
from priorauth.letters.proposal import propose
from tests.letters.test_generalise import _letter


def _outcome(text: str) -> str | None:
    return propose(_letter(text)).value("outcome")


# -- 1. no prior authorization, whatever the letter approves of its own -------------------------------------
NOT_A_PA = [
    "Harbourlight Patient Assistance\nYour enrolment in our assistance programme has been approved.\n"
    "This notice is not a coverage decision; your insurer decides separately whether LUMAKRAS is paid for.\n",
    "COPAY SUPPORT FUND\nGrant status: approved, up to $4,000 a year for sotorasib.\n"
    "Please note: this award does not constitute a prior authorization from your health plan.\n",
    "Dear patient, we have approved your application for travel and co-pay help.\n"
    "This letter does not tell you whether your insurer will pay for LUMAKRAS (sotorasib).\n",
]


@pytest.mark.parametrize("text", NOT_A_PA)
def test_a_letter_that_is_no_prior_authorization_has_no_outcome(text: str) -> None:
    assert _outcome(text) is None


@pytest.mark.parametrize(
    "text",
    [  # guards: real approvals that say what they are not stay approved
        "Your request for LUMAKRAS 120 mg has been approved.\nThis approval is not a guarantee of payment; "
        "benefits depend on eligibility on the date of service.\n",
        "Decision: APPROVED\nDrug: sotorasib 240 mg tablets\nThis letter is not a bill.\n",
    ],
)
def test_a_real_approval_stays_approved(text: str) -> None:
    assert _outcome(text) == "approved"


# -- 2. source prints and drawn tables ----------------------------------------------------------------------
def _json(disposition: str) -> str:
    return (
        "{\n"
        '  "resourceType": "ClaimResponse",\n'
        '  "id": "resp-77120",\n'
        '  "use": "preauthorization",\n'
        f'  "disposition": "{disposition}",\n'
        '  "item": [{"productOrService": {"text": "sotorasib 120 mg tablet"}}]\n'
        "}\n"
    )


@pytest.mark.parametrize(
    ("disposition", "want"),
    [
        ("Approved as requested", "approved"),
        ("Certified", "approved"),
        ("Not certified - criteria not met", "denied"),
        ("Denied", "denied"),
        ("Pended - more information needed", "pended"),
        ("Received, in review", None),  # guard: a request under review is no outcome
        ("complete", None),  # guard: a processing state says nothing
    ],
)
def test_a_json_prints_disposition_is_the_outcome(disposition: str, want: str | None) -> None:
    assert _outcome(_json(disposition)) == want


def test_a_json_prints_other_keys_are_no_member_id() -> None:
    p = propose(_letter(_json("Approved as requested")))
    assert p.patient.get("member_id") is None or "77120" not in str(p.patient.get("member_id"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("{\\rtf1\\ansi{\\b Wickfield Care}\\par\nThe request for {\\i sotorasib} 120 mg was {\\b approved}.\\par\n}", "approved"),
        ("{\\rtf1\\ansi\\par\nDecision:\\tab {\\b\\ul DENIED}\\par\nDrug: LUMAKRAS 240 mg\\par\n}", "denied"),
        ("{\\rtf1\\ansi\\par\nWe need more information before we can decide.\\par\n}", "pended"),
        ("{\\rtf1\\ansi\\par\nYour request for LUMAKRAS is {\\b under review}.\\par\n}", None),  # guard
    ],
)
def test_an_rtf_sources_words_are_read(text: str, want: str | None) -> None:
    assert _outcome(text) == want


def test_rtf_control_words_are_blanks_of_the_same_length() -> None:
    text = "{\\rtf1 has been {\\b denied}.\\par}"
    got = fields.unmarked(text)
    assert len(got) == len(text) and "denied" in got and "\\" not in got and "{" not in got


@pytest.mark.parametrize("rule", ["│", "■", "┃"])
@pytest.mark.parametrize(
    ("value", "want"),
    [("✔ APPROVED", "approved"), ("✘ NOT APPROVED", "denied"), ("⏸ ON HOLD - records needed", "pended"), ("In review", None)],
)
def test_a_box_drawn_tables_result_is_read(rule: str, value: str, want: str | None) -> None:
    text = (
        "NORTHGATE CARE - PRIOR AUTH RESULT\n"
        "┌────────────┬──────────────────────────────┐\n"
        f"{rule} Drug       {rule} sotorasib 320 mg tablet      {rule}\n"
        f"{rule} Status     {rule} {value:<28} {rule}\n"
        "└────────────┴──────────────────────────────┘\n"
    )
    assert _outcome(text) == want


def test_a_box_tables_borders_are_blanks() -> None:
    text = "┌──┬──┐\n│ a│ b│\n■ ■ ■ ■\n"
    got = fields.unmarked(text)
    assert got.split("\n")[0].strip() == "" and not got.split("\n")[2].strip(" |") and got.split("\n")[1] == "| a| b|"


# -- 3. other places' and styles' wordings --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Medicamento: sotorasibe 120 mg\nSituação: DEFERIDA\n", "approved"),
        ("Medicamento: sotorasibe 120 mg\nSituação do pedido: Indeferido\n", "denied"),
        ("Medicamento: sotorasibe 120 mg\nSituação: aguardando análise - pendente de exames\n", "pended"),
        ("Prezado doutor, a solicitação de sotorasibe foi autorizada pelo plano.\n", "approved"),
        ("Prezado doutor, a solicitação de sotorasibe foi indeferida.\n", "denied"),
        ("Prezado doutor, a solicitação de sotorasibe não foi autorizada.\n", "denied"),  # never approved
        ("NEGATIVA DE AUTORIZAÇÃO\nMedicamento: sotorasibe 240 mg\n", "denied"),
        ("Medicamento: sotorasibe 120 mg\nSituação: em análise\n", None),  # guard: under review
    ],
)
def test_portuguese_letters(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Dear Dr Rowe\nWe are writing to confirm that treatment with sotorasib has been authorised.\n", "approved"),
        ("Our ref 55/PA/2\nSotorasib 120 mg: the request has not been authorised.\n", "denied"),
        ("AUTHORISATION STATUS: AUTHORISED\nDrug: LUMAKRAS 240 mg\n", "approved"),
        ("Sotorasib will be authorised if the histology report confirms the diagnosis.\n", None),  # guard: a condition
    ],
)
def test_british_spelling(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ZCZC 0415\n1. PT: ROE JANE\n2. RX: SOTORASIB 120 MG\n3. DECISION: DENIED STOP\nNNNN\n", "denied"),
        ("ZCZC 0416\n1) STATUS: APPROVED STOP\n2) DRUG LUMAKRAS\nNNNN\n", "approved"),
        ("4. RESULT: PENDING - MORE INFO NEEDED STOP\n5. DRUG: LUMAKRAS 320 MG\n", "pended"),
        ("2. APPEAL DECISION: SEE ATTACHED STOP\n", None),  # guard: says nothing
    ],
)
def test_a_numbered_label(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Re: status of LUMAKRAS request\n[reply written by hand, transcribed]\n   (circled) DENIED\n   no G12C\n", "denied"),
        ("Re: status of sotorasib request\n[handwritten]\n  [underlined] APPROVED\n  ok thru 12/27\n", "approved"),
        ("Re: status of sotorasib request\n[handwritten]\n  (circled) [illegible]\n", None),  # guard
    ],
)
def test_a_transcribed_handwritten_mark(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("GUARANTEE OF PAYMENT\nWe guarantee payment for sotorasib 120 mg tablets supplied this month.\n", "approved"),
        ("Letter of guarantee\nWe hereby guarantee the cost of LUMAKRAS 240 mg for six months.\n", "approved"),
        ("GOP REQUEST\nWe do not guarantee payment until the policy's waiting period ends.\n", None),  # guard
        ("This letter does not guarantee payment for LUMAKRAS.\n", None),  # guard
    ],
)
def test_a_guarantee_of_payment(text: str, want: str | None) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Following the external reviewer's finding we have now approved sotorasib 120 mg.\n", "approved"),
        ("We reviewed the notes for sotorasib and we cannot approve it as sent.\n", "denied"),
        ("Member born on the 3rd of May 1949. We reviewed the request for LUMAKRAS and we cannot approve it.\n", "denied"),
        ("The request for LUMAKRAS may be approved after the review.\n", None),  # guard: "may" is still a condition
    ],
)
def test_other_wordings(text: str, want: str | None) -> None:
    assert _outcome(text) == want


# -- 4. a list of the member's other authorizations ------------------------------------------------------------
def _with_list(heading: str) -> str:
    return (
        "DETERMINATION\n  The request for LUMAKRAS (sotorasib) 240 mg tablets is denied.\n  The records show no KRAS G12C.\n"
        f"{heading}\n"
        "  ondansetron 4 mg        ZX-1101   approved   01/02/2027 - 06/30/2027\n"
        "  metoclopramide 10 mg    ZX-1102   approved   01/02/2027 - 06/30/2027\n"
    )


@pytest.mark.parametrize(
    "heading",
    ["OTHER ACTIVE AUTHORIZATIONS ON YOUR ACCOUNT", "For your information - approvals on file:", "6. Your previous approvals"],
)
def test_a_list_of_other_authorizations_is_no_item(heading: str) -> None:
    assert _outcome(_with_list(heading)) == "denied"


def test_a_letter_deciding_several_drugs_item_by_item_still_reads_lumakras_row() -> None:
    text = (  # guard: a letter that decides each drug, no list set apart
        "Decisions on your requests:\n"
        "  ondansetron 4 mg          approved\n"
        "  LUMAKRAS 120 mg tablets   denied\n"
    )
    assert _outcome(text) == "denied"


# -- 5. what a decided letter's fields read (item 4 of the brief, and wrong values the new outcomes exposed) ---------
def _denial(body: str) -> str:
    return "Lowfield Health Plan\nYour request for LUMAKRAS 120 mg tablets has been denied.\n" + body


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a Markdown or plain heading alone on its line over the reasons
        (_denial("\n### Why we said no\n- The chart shows stage I disease only.\n\n### Appeals\nWrite to us.\n"), "stage I disease only"),
        (_denial("\nWHY WE DENIED YOUR REQUEST\nNo KRAS test result was sent with the request.\n\nYou may appeal in 60 days.\n"),
         "No KRAS test result was sent"),
        # a mainframe report's reason text, ended by its next hyphenated field
        ("PA-DETERMINATION  STATUS DENIED\nDRUG SOTORASIB 120MG TAB\nRSN-TXT: NO G12C VARIANT ON FILE\nAPPEAL-BY 27301  FAX 555-0100\n",
         "NO G12C VARIANT ON FILE"),
        # an outline: the lettered sentence after the statement, never the next section's numeral
        ("III. DECISION\n   A. The request is denied.\n   B. The dose asked for is twice the labeled dose.\nIV. APPEALS\n   A. Write within 60 days.\n",
         "twice the labeled dose"),
    ],
)
def test_a_denials_reason_is_read(text: str, want: str) -> None:
    p = propose(_letter(text))
    assert p.value("outcome") == "denied"
    reason = p.value("denial_reason")
    assert reason and want in reason
    assert "APPEAL-BY" not in reason and not reason.rstrip().endswith("IV.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('{\n  "resourceType": "ClaimResponse",\n  "disposition": "Pended: information needed",\n  "use": "preauthorization",\n'
         '  "communicationRequest": [{"payload": [\n    {"contentString": "Most recent liver panel"},\n'
         '    {"contentString": "Oncology consult note"}]}]\n}\n', ["Most recent liver panel", "Oncology consult note"]),
        ("RESULT\n| Status     | On hold - information needed |\n| Needed (1) | Biopsy report                |\n"
         "| Needed (2) | List of prior treatments     |\n| Send by    | 05/01/2027                   |\n",
         ["Biopsy report", "List of prior treatments"]),
        ("Situação: PENDENTE\nPara concluir a análise, solicitamos o envio de:\n  a) relatório médico atualizado;\n  b) exame de imagem recente.\n",
         ["relatório médico atualizado", "exame de imagem recente"]),
        ("We need more information.\nTo decide, we need the latest biopsy report. We also need the genetic test result. "
         "Please mail both to us within 14 days.\n", ["the latest biopsy report", "the genetic test result"]),
    ],
)
def test_what_a_pended_letter_asks_for(text: str, want: list[str]) -> None:
    p = propose(_letter(text))
    assert p.value("outcome") == "pended"
    got = [r["item"] for r in p.requested]
    assert len(got) == len(want) and all(w in g for w, g in zip(want, got, strict=True)), got


def test_an_id_after_max_is_no_quantity() -> None:
    text = ("We guarantee payment for sotorasib 120 mg tablets, 240 tablets per 30 days.\n"
            "Policy number: MAX-4410-0091-QT\n")
    p = propose(_letter(text))
    assert p.value("outcome") == "approved" and p.value("quantity") == "240 tablets per 30 days"


@pytest.mark.parametrize("text", ["Max qty: 240 tablets per 30 days", "MAX - 240 tablets per 30 days"])
def test_a_maximum_still_labels_a_quantity(text: str) -> None:
    from priorauth.letters import fields

    hit = fields.quantity(text)
    assert hit is not None and hit.value.startswith("240")


def test_a_peer_to_peer_window_is_no_appeal_deadline() -> None:
    text = ("June 1, 2027\nThe request for LUMAKRAS 120 mg is denied. The chart shows no KRAS test.\n"
            "You may appeal within 30 days from the date of this letter.\n"
            "Your doctor may ask for a peer-to-peer discussion until 06/08/2027.\n")
    p = propose(_letter(text))
    assert p.value("outcome") == "denied"
    assert str(p.value("appeal_deadline")) == "2027-07-01"


def test_a_json_request_list_as_ocr_reads_it() -> None:
    """A fax's OCR may lose a closing quote or wrap a value over two lines; the item is still read whole."""
    text = (
        '{\n  "resourceType": "ClaimResponse",\n  "disposition": "Pended: information needed",\n  "use": "preauthorization",\n'
        '  {"contentString": "Most recent liver panel},\n  {"contentString": "Oncology consult note listing the\n'
        'prior regimens"}\n}\n'
    )
    got = [r["item"] for r in propose(_letter(text)).requested]
    assert got == ["Most recent liver panel", "Oncology consult note listing the prior regimens"]


@pytest.mark.parametrize(
    ("pointer", "table", "want"),
    [
        ("The unmet criterion is listed in the table below.",
         "Crit.  Description                               Outcome\n"
         "1      Adult patient                             met\n"
         "2      Tumor tested for KRAS G12C                NOT MET\n"
         "       Note: only an EGFR panel was sent.\n"
         "3      Oncologist involved                       met\n",
         ["Tumor tested for KRAS G12C", "only an EGFR panel was sent"]),
        ("The unmet criterion is shown in the table below.",
         "  Requirement                         Status\n"
         "  ✓ Adult patient                     met\n"
         "  ✗ Measurable disease on imaging     NOT MET\n"
         "      (the last scan shows no measurable lesion)\n"
         "  ✓ Oncologist involved               met\n",
         ["Measurable disease on imaging", "the last scan shows no measurable lesion"]),
        ("For the reason, see the criteria table.",
         "✓ Age 18 or older                      met\n✗ Prior systemic therapy              not met\n",
         ["Prior systemic therapy"]),
    ],
)
def test_a_reason_that_points_to_a_criteria_table_is_its_unmet_row(pointer: str, table: str, want: list[str]) -> None:
    text = f"Review notice\nThe request for LUMAKRAS 120 mg tablets is not approved. {pointer}\n\n{table}"
    reason = propose(_letter(text)).value("denial_reason")
    assert reason and all(w in reason for w in want), reason
    assert "met\n" not in reason and "Oncologist" not in reason and "Age 18" not in reason


def test_a_reason_given_in_words_is_kept_beside_a_criteria_table() -> None:
    text = ("The request for LUMAKRAS 120 mg tablets is denied because no KRAS G12C result was sent.\n\n"
            "1  KRAS G12C result    NOT MET\n2  Adult patient       met\n")
    reason = propose(_letter(text)).value("denial_reason")
    assert "no KRAS G12C result was sent" in reason and "NOT MET" not in reason


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # a Markdown task list whose ticks mark what came in: the empty boxes are asked for
        ("- [x] Referral form (received 04/02/2027)\n- [ ] Latest CT report\n- [X] Consent (on file)\n- [ ] ECOG status note\n",
         ["Latest CT report", "ECOG status note"]),
        # the same as a fax's OCR may print a box
        ("- [x] Referral form (received 04/02/2027)\n-{ ] Latest CT report\n- [ ] ECOG status note\n",
         ["Latest CT report", "ECOG status note"]),
        # guard: a checklist whose ticks mark what is asked for keeps the ticked items
        ("[X] Latest CT report\n[ ] Referral form\n[X] ECOG status note\n", ["Latest CT report", "ECOG status note"]),
    ],
)
def test_a_checklists_ticks(lines: str, want: list[str]) -> None:
    text = "Status: PENDED\nDrug: sotorasib 120 mg\nPlease send the following:\n" + lines
    assert [r["item"] for r in propose(_letter(text)).requested] == want


def test_a_rows_status_on_a_line_of_its_own_does_not_end_the_list() -> None:
    text = ("We need more records.\nPlease send the following:\n1. Pathology report with the tumor type\nREQUIRED\n"
            "2. Current medication list  REQUIRED\n")
    got = [r["item"] for r in propose(_letter(text)).requested]
    assert len(got) == 2 and got[0].startswith("Pathology report") and got[1].startswith("Current medication list")
