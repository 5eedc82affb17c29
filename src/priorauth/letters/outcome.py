"""The letter's outcome (approved, denied, pended) read only from statements a payer makes about the
request (``has been denied``, ``Decision: Approved``, a ticked box, a banner, LUMAKRAS's row of a table);
conditional sentences (``if ... may be denied``), appeal-rights boilerplate, concessions and sentences
about another pharmacy, drug or claim say nothing about it, and a letter whose statements disagree has no
outcome (null, with a warning), never the likelier one. A letter that decides several drugs is read for
LUMAKRAS's part only (:func:`scope`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from priorauth.letters import (
    asides,
    dates,
    decision,
    deferred,
    earlier,
    extract,
    json_status,
    label_languages,
    line_refs,
    misread,
    ncpdp_xml,
    pending_notice,
    placed,
    radio_star,
    status_icon,
    tables,
    upheld,
    x12_action,
    yes_no,
)
from priorauth.letters.spans import _OURS, _SENTENCE, _STALE, _THIS_ROW, GARBLED_LEADER, Hit, I, M

# the British spelling of "authorised" (the rules' words are American); a letter printed as its source (RTF, JSON,
# Markdown, a box-drawn table) has its markup, and its footnote markers, blanked before this, by
# :func:`priorauth.letters.fields.unmarked`
_BRITISH = re.compile(r"(?<=[Aa]uthori)s(?=e|ed|es|ing|ation)|(?<=AUTHORI)S(?=E|ED|ES|ING|ATION)")


def plain(text: str) -> str:
    """The letter's text with "authorised" spelt "authorized" (the same length: every span holds)."""
    return _BRITISH.sub(lambda m: "z" if m.group(0) == "s" else "Z", text)


_OUTCOME_WORDS = (  # the value of a "Decision:" / "Status:" label
    (
        "pended",
        r"pend(?:ed|ing)?|more\s+information|additional\s+information|info(?:rmation)?\s+(?:needed|requested|required)|"
        r"incomplete|on\s+hold|request\s+for\s+information|addl\.?\s+info|questions?\s+(?:sent|asked)\s+to\s+(?:the\s+)?prescriber|"
        r"a?waiting\s+(?:for\s+|on\s+|from\s+)?(?:the\s+)?(?:prescriber|physician|doctor|provider)|"
        r"pendente|sospes[ao]|in\s+attesa|a?waiting\s+(?:for\s+)?(?:(?:additional|more|the|your)\s+)?(?:information|records|documentation|documents|chart|notes|"
        r"clinical\s+(?:information|notes|records)|response|reply)|held\s+open|information\s+outstanding",
    ),  # a request received or "under review" is not decided yet: no outcome (a receipt is no pended notice)
    (
        "denied",
        r"den[il1|t]ed|deny|denial|denegad[ao]|indeferid[ao]|negad[ao]|n[ãa]o\s+autorizad[ao]|non\s+autorizzat[ao]|no\s+aprobad[ao]|abgelehnt|nicht\s+genehmigt|not\s+approved|not\s+authorized|adverse|unfavorable|not\s+certified|non-?certified|declined|not\s+covered|refused|rejected",
    ),  # a system's decision code is a verb: APPROVE, DENY, PEND
    ("approved", r"approved?|aprobad[ao]|deferid[ao]|autorizad[ao]|autorizzat[ao]|aprovad[ao]|genehmigt|bewilligt|(?-i:APPROVF)|approval|authorized|certified|granted|favorable|auth(?:orization)?\s+ok"),  # OCR's F for E
)
_LABEL = re.compile(
    r"(?:^|(?<=[ \t]\|)|(?<=[ \t]{3}))[ \t|]*(?:\d{4}(?:-\d\d-\d\d|\.\d\d\.\d\d|/\d\d/\d\d)[ \t]+\d\d:\d\d(?::\d\d)?[ \t]+)?(?:\d{1,2}[.)][ \t]+)?(?:[•▪‣◦●\x7f][ \t]+)?(?!(?:appeal|previous|prior\s+(?!auth)|earlier|original|last|former)\b)(?:[A-Za-z][A-Za-z\d]*[ \t]+){0,2}"
    r"(?:decision|determination|determined|outcome|status|result|disposition|action(?:\s+taken)?|entscheidung|ergebnis|resoluci[oó]n|dictamen|" + misread.marked("situação") + r"|esito)(?:\s+code)?(?:\s+(?:of|da|do|della)\s+(?:the\s+)?(?:review|request|solicita\S{1,3}|" + misread.marked("solicitação") + r"|pedido|valutazione|richiesta))?"
    r"(?:[ \t]*(?:[:\-|]|\.{2,})|[ \t]{2,}|[ \t]+" + GARBLED_LEADER + r"|(?<=[A-Za-z])=)[ \t.:|]*"  # a colon, a bar, leaders, a column; a key=value file's "="
    r"(?P<v>[^\n]{2,60})",
    M,
)
# a label that ends its line, its value on the next: "Determination on the request for LUMAKRAS:\n  Approved"
_LABEL_NEXT = re.compile(
    r"^[ \t|]*(?:(?:final|coverage|review|request|authorization|PA|prior\s+authorization|plan)\s+)?"
    r"(?:decision|determination|outcome|status|result)(?:\s+(?:on|of|for)\s+[^:\n]{0,80})?[ \t]*:[ \t]*\n"
    r"[ \t|]*(?P<v>\S+(?: \S+){0,3})",
    M,
)
# a Markdown heading over its value, a blank line between ("## Decision\n\n**Not approved.**", its bold taken out): the
# value is the whole of its line, four words at most (a heading over prose says nothing by itself)
_HEADING_NEXT = re.compile(
    r"^[ \t]*#{1,4}[ \t]*(?:(?:final|coverage|review|our)\s+)?(?:decision|determination|outcome)[ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?P<v>[A-Za-z]+(?: [A-Za-z]+){0,3})[ \t.!]*$",
    I | M,
)
# a card's or a form's field in capitals, its name and its value in capitals filling the line (in a box's "|" or
# not): "STATUS OK TO FILL (APPROVED)" (the column gap a text layer keeps, a fax's OCR may shrink to one blank)
_CAPS_FIELD = re.compile(
    r"^[ \t|]*(?-i:STATUS|DECISION|OUTCOME)[ \t]+(?P<v>(?-i:[A-Z][A-Z ()/-]{1,40}[A-Z)]))[ \t]*(?:\|[ \t]*)?$", M
)
_APPROVED_CHANGED = (
    r"(?:(?:^\s*(?:(?:notice|result|decision|status)\s*:\s*)?(?:request\s+|coverage\s+)?|\b(?:is|was|been|were|are)\s+)approved"
    r"|\b(?:notice|notification|letter)\s+of\s+approval)"  # "NOTICE OF APPROVAL WITH MODIFICATION"
    r"\s+with\s+(?:a\s+|one\s+)?(?:change|modification|substitution|adjustment)s?\b"
)
# a form's field left blank ("Approved From:   ", "Denied Date:") names a field, it states nothing
_EMPTY_FIELD = r"(?:[ \t]+[A-Za-z.#/]+){1,3}[ \t]*:[ \t]*(?:\n|$)"
# LUMAKRAS's name (its generic name in brackets) opening its line and a dash, then its status: "LUMAKRAS (sotorasib) — Not
# approved" (a notification's line; never a subject line's "PA decision ... -- LUMAKRAS -- not approved")
_DRUG_STATUS = r"(?:^|\n)[ \t]*(?:\b\w{0,3}makras\b|\bsotorasib\b)(?:[ \t]*\([^()\n]{1,30}\))?[ \t]+(?:[—–]|--?)[ \t]*"
_STATEMENTS = {
    "approved": [
        r"(?:^|\n)[ \t]*(?:HCR[ \t]+)?HCR\*A[126]\*",  # an X12 278 response's action code: A1 certified, A2 partly, A6 modified
        r"\bentscheidung\s*:\s*(?:genehmigt|bewilligt)\b",  # "... wurde geprüft. Entscheidung: genehmigt."
        # a Swiss letter's cost guarantee given: "Die Kostengutsprache wird ERTEILT", "Kostengutsprache erteilt"
        r"\b(?:kostengutsprache|kostengarantie|genehmigung|zusage)\b(?![^.\n]*\bnicht\b)[^.\n]{0,60}?\berteilt\b",
        # a Dutch letter: "de machtiging is TOEGEKEND", "Uw aanvraag wordt goedgekeurd" (never "niet toegekend")
        r"\b(?:is|wordt|werd|zijn|worden)\s+(?:\w+\s+)?(?<!niet\s)(?:toegekend|goedgekeurd|verleend)\b",
        _APPROVED_CHANGED,  # a partial approval: "APPROVED WITH A CHANGE" (what was asked for, changed)
        # a partial approval, read before the sentence's other words ("... Partly Approved Request / What we approved")
        r"\b(?:partial(?:ly)?|partly)\s+approv|\bapproved\s+(?:(?:part|some|a\s+portion)\s+of\b|in\s+part\b)",
        r"\b(?:is|was|has\s+been|have\s+been|are|were)\s+(?:now\s+)?(?:pre-?)?(?:approved|authorized|certified)\b"
        # (a drug's indication is no decision: "LUMAKRAS is approved for NSCLC", "... for adults with ...")
        r"(?!\s+(?:only\s+)?(?:for|in)\s+(?:(?:the\s+)?treatment\s+of|use\s+in|adults?\b|(?:adult\s+)?patients\s+with|NSCLC|non-small|colorectal|"
        r"(?:locally\s+advanced|metastatic)\b))",
        r"\bwe\s+(?:have\s+)?(?:now\s+)?(?:approved|authorized|certified)\b",
        # an insurer's guarantee of payment: "We guarantee payment, subject to the terms of the policy, for: ..."
        r"\bwe\s+(?:hereby\s+)?guarantee\s+(?:payment|cover(?:age)?|the\s+cost)\b",
        r"\b(?:approval|authorization|coverage)\s+(?:is|has\s+been|was)\s+granted\b",
        r"\bwe\s+(?:are\s+pleased\s+to|can)\s+(?:approve|authorize|inform\s+you\s+that\s+(?:your|the|this)\s+request\s+(?:is|has\s+been|was)\s+approved)\b",
        # a British insurer's words (the twenty-third pass): "We are pleased to confirm cover for LUMAKRAS" (never "to
        # confirm cover is in place for your other treatment" read apart: the drug or the request named after it)
        r"\bwe\s+(?:are\s+pleased\s+to|can|hereby)\s+confirm\s+cover(?:age)?\s+for\s+(?:this\s+(?:treatment|request|drug|medicine)|lumakras|sotorasib)\b",
        r"^\s*(?:request|coverage|authorization|prior\s+authorization)?\s*approved\b(?!" + _EMPTY_FIELD + r")",
        # a line "Approved: 240 tablets per 30 days, 02/03/2027 to ..." (a fax's lost blank line joins it to the line above)
        r"\n[ \t]*approved[ \t]*:[ \t]*(?=\d)",
        r"^\s*(?:\d{1,2}[.)]\s+)?(?-i:PA|RQST|REQ|AUTH)\s*(?-i:APPROVED|APPRVD|APPVD|APPROVD)\b(?!\s+(?:IF|WHEN|UNLESS)\b)",
        r"\bapproval\s+(?:notice|letter|notification|slip|certificate|confirmation|card)\b",
        # a payer that approves payment: "The committee ... authorizes payment for the item below"
        r"(?<!\bnot\s)\b(?:approves|authori[sz]es|certifies)\s+(?:payment|coverage|benefits)\s+(?:for|of)\b",
        # a heading naming what was approved: "Continued coverage approved", "Renewal request approved"
        r"^\s*(?:[A-Za-z]+\s+){1,2}(?:coverage|request|authorization|therapy)\s+approved\b",
        # a heading naming the letter's kind after a dash or a bar: "Prescription Authorization - Approval"
        r"(?:^|\n)[ \t]*(?:[A-Za-z]+[ \t]+){0,3}(?:authorization|coverage|request)[ \t]*[-–|:][ \t]*approval[ \t]*(?=\n|$)",
        # a review's close: "We reviewed the latest scan and office notes and approved the request"
        r"\band\s+(?:have\s+)?(?:approved|authorized|certified)\s+(?:the|this|your)\s+(?:request|coverage|renewal|continuation|medication|drug)\b",
        # an appeal's outcome: "OUTCOME OF YOUR FIRST-LEVEL APPEAL: DECISION REVERSED", "denial reversed on appeal"
        r"\bappeal\b[^.\n]{0,40}?[:\-–]\s*(?:(?:the\s+)?(?:denial|decision)\s+)?(?:is\s+|was\s+|has\s+been\s+)?reversed\b",
        r"\b(?:denial|decision)\s+(?:is\s+|was\s+|has\s+been\s+)?reversed\s+on\s+appeal\b",
        r"\b(?:notice|notification)\s+of\s+approval\b",
        r"\bwe\s+are\s+approving\b",
        # an e-mail's plain words: "Good news -- this one went through", "your PA went through." (never "went through
        # clinical review", never a fax that went through)
        r"\b(?:this\s+one|(?:the|your|this)\s+(?:PA|prior\s+auth\w*|request|auth(?:orization)?|renewal))\s+(?:went|has\s+gone|got|came)\s+through\b"
        r"(?=\s*(?:[.!,;:)]|--|[—–]|$))",
        # a drug's own status after its name: "LUMAKRAS (sotorasib) — Approved" (a notification's line)
        _DRUG_STATUS + r"(?:approved|authorized|covered)\b",
        # the plan named as who approved: "Kestrel Health Plan approved prior authorization KH-..." (never "not")
        r"\b(?:plan|insurer|health|insurance|fund|trust)\s+(?:has\s+)?approved\s+(?:the\s+|your\s+|this\s+)?(?:prior\s+authori[sz]ation|pre-?authori[sz]ation|request|coverage)\b",
        # a Spanish letter (Puerto Rico): "fue APROBADA", "AVISO DE APROBACION"
        r"(?<!\bno\s)\b(?:fue|ha\s+sido|est[aá])\s+aprobad[ao]s?\b|\baviso\s+de\s+aprobaci[oó]n\b",
        # a Portuguese letter (Brazil): "a solicitação foi DEFERIDA", "está autorizada" (never "não foi autorizada")
        # (a drug's indication is no decision, as in English: "el medicamento solo está autorizado para tumores con ...",
        # "está aprovado apenas para pacientes ...": the twenty-third pass)
        r"(?<!\bn[ãa]o\s)\b(?:foi|est[aá]|foram)\s+(?:deferid|autorizad|aprovad)[ao]s?\b"
        r"(?!\s+(?:(?:s[oó]lo|solamente|[uú]nicamente|apenas|somente)\s+)?(?:para|en|em)\s+(?:(?:el|o)\s+tratamiento|(?:o\s+)?tratamento|tumore?s|pacientes|adultos|uso|c[aá]ncer|c[aâ]ncer))",
        # a French letter (Québec): "la demande ... est ACCEPTÉE", "a été autorisée"
        r"(?<!\bn['’])(?<!\bne\s)\b(?:est|a\s+[ée]t[ée])\s+(?:accept[ée]e?s?|approuv[ée]e?s?|autoris[ée]e?s?)\b",
        # a German letter: "Ihr Antrag wurde genehmigt", "BEWILLIGUNG DER KOSTENÜBERNAHME" (never "nicht genehmigt")
        r"(?<!\bnicht\s)\b(?:wurde|wird|ist)\s+(?:\w+\s+)?(?<!nicht\s)(?:genehmigt|bewilligt)\b|^\s*(?:bewilligung|genehmigung|zusage)\s+(?:der|des|ihres)\b",
        r"\b(?:reviewed|evaluated|considered)\s+and\s+(?:approved|authorized)\b",
        r"\b(?:has|have)\s+(?:approved|authorized|certified)\s+(?:this|the|your|it|coverage|benefits)\b",
        r"\bhereby\s+(?:approves?|certifies|authorizes)\b",
        r"\bnotice\s+of\s+certification\b",
        r"\bwe\s+(?:said|are\s+saying)\s+yes\b",
        r"\bwe\s+(?:can|will|are\s+able\s+to)\s+(?:now\s+)?(?:cover|pay\s+for)\s+(?:this|the|your|it|lumakras|sotorasib)\b",
        r"\b(?:determined|found|decided|confirmed|agree[sd]?)\s+(?:that\s+)?(?:it|(?:this|that|the|your)(?:\s+\w+){0,2}|lumakras|sotorasib)\s+(?:is|was|are)\s+(?:medically\s+necessary|covered)\b",
        r"(?<!\bnot\s)(?<!\bto\s)\b(?:meets?|satisf(?:y|ies|ied))\s+(?:all\s+(?:of\s+)?)?(?:the\s+|our\s+|your\s+|its\s+)?(?:plan'?s\s+)?(?:[\w-]+\s+){0,3}(?:criteria|requirements|guidelines?)\b",
        r"\b(?:criteria|requirements)\s+(?:are|were|have\s+been|has\s+been)\s+met\b",
        r"\b(?:coverage|authorization|approval|request|it|therapy|treatment|lumakras|sotorasib)\s+(?:is|was|has\s+been)\s+"
        r"(?:renewed|extended|reauthorized|re-?certified|re-?approved)\b",
        r"\bwe\s+(?:have\s+)?(?:renewed|extended|reauthorized|re-?approved)\b",
        r"\b(?:made|reached|issued)\s+an?\s+(?:fully\s+)?favorable\s+(?:decision|determination)\b",
        r"\b(?:reviewed|evaluated|considered)\s+(?:(?:your|the|this|prior\s+authorization)\s+)*(?:request|case)\s+and\s+(?:have\s+)?(?:approved|authorized)\b",
        r"\b(?:it|this|that)\s+is\s+(?:now\s+)?covered\b(?!\s+(?:under|by|only|when|if|with|as|through|in))",  # "and it's covered."
        # a decision taken: "We have decided to cover this drug", "the plan has agreed to pay for LUMAKRAS"
        r"(?<!\bnot\s)(?<!\bnever\s)\b(?:decided|agreed|determined|chosen)\s+to\s+(?:cover|approve|authorize|pay\s+for|grant)\b",
        # a Medicare-style heading: "NOTICE OF COVERAGE DETERMINATION - FAVORABLE", "Redetermination: fully favorable"
        r"\b(?:re)?(?:determination|decision|reconsideration)\s*(?:[-–:]|\bis\b)\s*(?:fully\s+|partially\s+)?favou?rable\b",
        # a decision stated as what it is: "Our revised decision is to COVER the drug", "the answer is to approve"
        r"\b(?:decision|determination|answer|ruling|outcome)\s+(?:is|was)\s+to\s+(?:cover|approve|authori[sz]e|grant|pay\s+for)\b",
        # a decision taken as the letter is written: "We now APPROVE LUMAKRAS", "the plan therefore authorizes"
        r"\b(?:we|the\s+plan|(?:the\s+)?\w+\s+plan)\s+(?:now|hereby|today|therefore|thus|so)\s+"
        r"(?:approves?|authori[sz]es?|covers?|grants?|agrees?\s+to\s+cover)\b",
        # an authorization issued: "Pharmacy Authorization No. PA-WC-12 has been issued for:", "an approval was issued"
        # (never "No authorization has been issued"; the number opens the sentence when "No." ended the last)
        # (nor "no new authorization was issued", a duplicate request's: the negation before an adjective, too)
        r"(?:(?<!\bno\s)(?<!\bnot\s)(?<!\bany\s)(?<!\bno\snew\s)(?<!\bno\sother\s)(?<!\bno\sfurther\s)(?<!\bno\ssecond\s)\b(?:authori[sz]ation|approval|certification)(?:\s+(?:no\.?|number|#)\s*[\w-]*\d[\w-]*)?"
        r"|^\s*(?=[\w-]*\d)(?=[A-Z0-9-]*-)[A-Z0-9-]{6,})\s+(?:has\s+been|was|is|were)\s+(?:now\s+)?issued\b",
    ],
    "denied": [
        r"(?:^|\n)[ \t]*(?:HCR[ \t]+)?HCR\*A3\*",  # an X12 278 response's action code: A3 = not certified
        r"\bentscheidung\s*:\s*(?:abgelehnt|nicht\s+(?:genehmigt|bewilligt))\b",  # "... wurde geprüft. Entscheidung: abgelehnt."
        # a Swiss letter: "... können wir die Kosten nicht übernehmen", a heading "Gesuch um Kostengutsprache ... — ABLEHNUNG"
        r"\bk[öo]nnen\s+wir\s+(?:die|diese)\s+kosten\b[^.\n]{0,40}?\bnicht\s+(?:[üu]bernehmen|verg[üu]ten)\b|"
        r"^[^\n.]{0,60}?[ \t][—–-][ \t]*ablehnung[ \t]*(?:\n|$)|\bkostengutsprache\b[^.\n]{0,60}?\b(?:abgelehnt|nicht\s+erteilt|verweigert)\b",
        # a Dutch letter: "de machtiging ... is AFGEWEZEN", "niet toegekend"
        r"\b(?:is|wordt|werd|zijn|worden)\s+(?:\w+\s+)?(?:afgewezen|geweigerd|niet\s+toegekend|niet\s+goedgekeurd)\b",
        r"\b(?:is|was|has\s+been|have\s+been|are|were|been)\s+(?:being\s+)?(?:denied|declined)\b",
        r"\b(?:cannot|can\s*not|could\s+not|will\s+not)\s+be\s+(?:approved|authorized|covered)\b",
        r"\b(?:is|was|has|have|are|were)\s+not\s+(?:been\s+)?(?:approved|authorized|certified|covered)\b",
        r"\bwe\s+(?:have\s+)?(?:denied|declined|are\s+denying|must\s+deny|cannot\s+approve|can\s+not\s+approve|are\s+unable\s+to\s+approve|were\s+unable\s+to\s+approve|could\s+not\s+approve|did\s+not\s+approve|are\s+not\s+able\s+to\s+approve|cannot\s+authorize|are\s+unable\s+to\s+authorize)\b",
        r"\b(?:adverse|unfavorable)\s+(?:benefit\s+|coverage\s+)?determination\b",
        # (a denial letter asked for is a document: "Medicaid eligibility decision or denial letter")
        r"(?<!\bor\s)(?<!\band\s)(?<!\bany\s)(?<!\bthe\s)(?<!['’]s\s)\bdenial\s+(?:notice|letter|notification|of\s+(?:coverage|your|the|this|prior))\b",
        r"\bnotice\s+of\s+(?:(?!appeal)[A-Za-z/]+\s+){0,2}?(?:denial|non-?certification)\b",
        # a label's value: "Outcome: unable to approve ..." (never "... unable to approve it with the records we have")
        r"\bunable\s+to\s+(?:approve|authori[sz]e)\b(?![^.;]{0,60}\b(?:information|records|documentation|until|without|yet)\b)",
        # a British insurer's "we are unable to confirm cover for this treatment", an e-mail's "We were not able to approve
        # this request" (the twenty-third pass; never "... until we receive", "... without the report", "yet")
        r"\bwe\s+(?:are|were)\s+(?:unable|not\s+able)\s+to\s+(?:confirm\s+cover(?:age)?|approve)\s+(?:for\s+)?(?:this|the|your)\s+(?:treatment|request|drug|medicine)\b"
        r"(?![^.;]{0,60}\b(?:information|records|documentation|until|without|yet)\b)",
        # a review's close: "We reviewed this request and cannot approve it as sent"
        r"\b(?:reviewed|evaluated|considered)\b[^.;]{0,200}?\band\s+(?:we\s+)?(?:cannot|can\s*not|could\s+not|are\s+unable\s+to|were\s+unable\s+to|"
        r"did\s+not|will\s+not)\s+(?:approve|authorize|cover)\b",
        r"\bnotice\s+of\s+(?:denial|non-?certification|non-?coverage|adverse\s+(?:benefit\s+)?determination)\b",
        r"^\s*(?:request|coverage|authorization|prior\s+authorization)?\s*denied\b(?!" + _EMPTY_FIELD + r")",
        r"^\s*(?:\d{1,2}[.)]\s+)?(?-i:PA|RQST|REQ|AUTH)\s*(?-i:DENIED|DND|NOT\s+APPRVD|NOT\s+APPROVED)\b",
        r"\b(?:decided|decision)\s+(?:is\s+)?to\s+deny\b",
        r"\b(?:reviewed|evaluated|considered)\s+and\s+(?:denied|declined)\b",
        r"\b(?:has|have)\s+(?:denied|declined)\s+(?:this|the|your|it|coverage|benefits)\b",
        # not "does not approve or deny anything": both words negated together disclaim a decision
        r"\b(?:did|does)\s+not\s+(?:approve|authorize|certify|cover)\b(?!,?\s+(?:or|nor)\s+(?:deny|reject|decline|refuse)\b)",
        r"\bwe\s+(?:said|are\s+saying)\s+no\b",
        # a Spanish letter: "fue DENEGADA", "AVISO DE DENEGACION DE CUBIERTA", "no fue aprobada"
        r"\b(?:fue|ha\s+sido)\s+(?:denegad[ao]|rechazad[ao])s?\b|\bno\s+(?:fue|ha\s+sido)\s+aprobad[ao]\b|"
        r"\baviso\s+de\s+(?:denegaci[oó]n|rechazo)\b",
        # a Portuguese letter: "foi INDEFERIDA", "não foi autorizada", "NEGATIVA DE COBERTURA"
        r"\b(?:foi|foram)\s+(?:indeferid|negad|recusad)[ao]s?\b|\bn[ãa]o\s+(?:foi|foram|est[aá])\s+(?:autorizad|aprovad|deferid)[ao]s?\b|"
        r"\bnegativa\s+de\s+(?:cobertura|autoriza[çc][ãa]o)\b",
        # a German letter: "Ihr Antrag wurde abgelehnt", "ABLEHNUNG DER KOSTENÜBERNAHME", "nicht genehmigt"
        r"\b(?:wurde|wird|ist)\s+(?:leider\s+)?(?:abgelehnt|nicht\s+(?:genehmigt|bewilligt))\b|^\s*ablehnung\s+(?:der|des|ihres)\b|"
        r"\bm[üu]ssen\s+wir\s+(?:\w+\s+)?ablehnen\b",
        # a French letter: "la demande ... est REFUSÉE", "n'est pas acceptée"
        r"\b(?:est|a\s+[ée]t[ée])\s+(?:refus[ée]e?s?|rejet[ée]e?s?)\b|\bn['’](?:est|a)\s+pas\s+(?:[ée]t[ée]\s+)?(?:accept|approuv|autoris)",
        r"\bnotice\s+of\s+action\s*[-–:]\s*denial\b",
        r"\b(?:made|reached|issued)\s+an?\s+(?:unfavorable|adverse)\s+(?:decision|determination)\b",
        r"\bwe\s+(?:are\s+unable\s+to|cannot|can\s*not|will\s+not|are\s+not\s+able\s+to)\s+(?:cover|pay\s+for)\b",
        r"\b(?:reviewed|evaluated|considered)\s+(?:(?:your|the|this|prior\s+authorization)\s+)*(?:request|case)\s+and\s+(?:have\s+)?(?:denied|declined)\b",
        r"\b(?:is|was|are|were)\s+not\s+(?:considered\s+|deemed\s+|found\s+(?:to\s+be\s+)?)?medically\s+necessary\b",
        r"\b(?:does|did|do)\s+not\s+(?:meet|satisfy)\s+(?:all\s+(?:of\s+)?)?(?:the\s+|our\s+|your\s+|its\s+)?(?:plan'?s\s+)?(?:[\w-]+\s+){0,3}(?:criteria|requirements|guidelines?)\b",
        r"\b(?:criteria|requirements?)\b[^.;]{0,40}?\b(?:are|were|was|is|has|have)\s+not\s+(?:been\s+)?met\b",
        r"\bfail(?:s|ed)\s+to\s+(?:meet|satisfy)\b",
        r"\bnot\s+a\s+covered\s+(?:benefit|drug|medication|medicine|service)\b",  # "LUMAKRAS is not a covered benefit"
        r"\b(?:does|did|do)\s+not\s+qualify\s+for\s+(?:coverage|approval|authorization)\b",
        r"\b(?:is|was|has\s+been)\s+disapproved\b",
        # who denied it, in a message's plain words: "the clinical pharmacist denied it", "the reviewer declined the request"
        r"\b(?:pharmacist|reviewer|physician|doctor|director|committee|panel|plan|insurer)\s+(?:has\s+|have\s+)?(?:denied|declined)\s+"
        r"(?:it|this(?:\s+one)?|the\s+(?:request|PA|case|prior\s+auth\w*)|your\s+(?:request|PA|prior\s+auth\w*))\b",
        # a drug's own status after its name: "LUMAKRAS (sotorasib) — Not approved"
        _DRUG_STATUS + r"(?:(?:request|coverage)\s+)?(?:not\s+(?:approved|authorized|covered)|denied|declined|refused|rejected)\b",
        r"\bwe\s+(?:have\s+)?(?:turned\s+down|refused|rejected)\b|\b(?:is|was|has\s+been)\s+(?:turned\s+down|refused|rejected)\b",
        r"\b(?:decided|determined|chosen)\s+(?:not\s+to|that\s+we\s+(?:cannot|can\s*not|will\s+not|should\s+not))\s+(?:cover|approve|authorize|pay\s+for)\b",
        r"\b(?:re)?(?:determination|decision|reconsideration)\s*(?:[-–:]|\bis\b)\s*(?:unfavou?rable|adverse)\b",
        r"\b(?:decision|determination|answer|ruling|outcome)\s+(?:is|was)\s+(?:to\s+deny|not\s+to\s+(?:cover|approve|authori[sz]e))\b",
        r"\b(?:we|the\s+plan|(?:the\s+)?\w+\s+plan)\s+(?:now|hereby|today|therefore|thus|so)\s+(?:den(?:y|ies)|declines?)\b",
        # "The Fund's reviewer has ADVERSELY DETERMINED the request", "the request was decided adversely"
        r"\badversely\s+(?:determined|decided)\b|\b(?:determined|decided)\s+adversely\b",
    ],
    "pended": [
        r"(?:^|\n)[ \t]*(?:HCR[ \t]+)?HCR\*A4\*",  # an X12 278 response's action code: A4 = pended
        r"\b(?:additional|more|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\s+(?:is\s+|are\s+)?(?:needed|required|necessary|requested)\b",
        r"\bneeds?\s+(?:more|additional|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\brequesting\s+(?:additional|more|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\bwe\s+(?:still\s+)?need\s+(?:(?:a\s+few|a\s+couple\s+of|a\s+little|a\s+bit|two|three|four|some|\d)\s+)?(?:more|additional|further|the\s+following)\b",
        r"\brequest(?:ing)?\s+for\s+(?:additional\s+|more\s+)?(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\brequest(?:ing)?\s+(?:for\s+)?(?:a\s+|the\s+|your\s+)?(?:prescriber(?:'s)?\s+)?supporting\s+(?:statement|documentation)\b",
        r"\bbefore\s+we\s+can\s+decide\b",
        r"\b(?:cannot|can\s*not|could\s+not|unable\s+to|not\s+able\s+to)(?:\s+yet)?\s+decide\s+(?:until|without|before)\b",
        r"^\s*pend(?:ing|ed)\b",
        r"^\s*(?:\d{1,2}[.)]\s+)?(?-i:PA|RQST|REQ|AUTH)\s*(?-i:PENDED|PNDG|PENDING)\b",
        # a review paused for what it asks: "The review is paused until they arrive"
        r"\b(?:review|request|case)\s+(?:is|has\s+been|was)\s+(?:paused|on\s+pause)\b",
        r"\b(?:is|has\s+been|been|was)\s+(?:pended|placed\s+on\s+hold|placed\s+in\s+(?:a\s+)?pend(?:ed|ing)\s+status)\b",
        r"\bpending\s+(?:receipt|additional|further|more|the\s+information)\b",
        r"\b(?:unable|cannot|can\s+not|could\s+not|not\s+able)\s+to\s+(?:make|complete|reach|render|finish)\s+(?:a\s+|our\s+|the\s+)?(?:decision|determination|review)\b",
        r"\bbefore\s+we\s+can\s+(?:make|complete|reach|render)\s+(?:a\s+|our\s+|the\s+)?(?:decision|determination|review)\b",
        r"\b(?:is|remains)\s+(?:still\s+)?(?:incomplete|pending)\b",  # "the case is still pending"
        r"\b(?:information|documentation|records)\s+(?:is|are|was|were)\s+(?:missing|incomplete)\b",
        r"\b(?:cannot|can\s*not|could\s+not|unable\s+to)\s+(?:begin|start|complete|continue)\s+(?:our\s+|the\s+|its\s+)?review\b",
        r"\b(?:cannot|can\s*not|unable\s+to|not\s+able\s+to|will\s+not)\s+(?:yet\s+)?(?:finish|complete|continue|make|reach|render|begin|start|process|decide)\b[^.;]{0,100}?\buntil\s+(?:we|you|the|your|our|it|they)\b",
        r"\bwe\s+(?:still\s+)?need\s*:",
        # a Spanish letter: "SOLICITUD DE INFORMACION ADICIONAL", "necesitamos:"
        r"\bsolicitud\s+de\s+(?:informaci[oó]n|documentos)\s+adicional(?:es)?\b|\bnecesitamos\s*:",
        # a German letter: "Bitte reichen Sie ... nach", "fehlende Unterlagen", "Rückfrage zu Ihrem Antrag"
        r"\b(?:fehlende|weitere|zus[äa]tzliche)\s+unterlagen\b|\bbitte\s+reichen\s+sie\b|^\s*r[üu]ckfrage\s+zu\b",
        # a Dutch letter: "Wij missen de volgende gegevens:", "aanvullende gegevens nodig", "Stuur ons nog ..."
        r"\bwij\s+missen\s+(?:nog\s+)?(?:de\s+volgende\s+)?(?:gegevens|stukken|documenten|informatie)\b|"
        r"\b(?:aanvullende|ontbrekende|meer)\s+(?:gegevens|informatie|stukken)\s+(?:nodig|nodig\s+om)\b",
        # a French letter: "RENSEIGNEMENTS REQUIS", "Veuillez nous faire parvenir :"
        r"\brenseignements\s+(?:requis|suppl[ée]mentaires|manquants)\b|\bveuillez\s+nous\s+(?:faire\s+parvenir|transmettre|envoyer)\b",
        # a request that cannot be acted on until something comes: "cannot be adjudicated until we receive"
        r"\b(?:cannot|can\s*not|could\s+not|will\s+not)\s+(?:yet\s+)?be\s+(?:\w+\s+)?\w+ed\b[^.;]{0,60}?\buntil\s+(?:we|you|the|your|our|it|they)\b",
        r"\b(?:request|submission|application|form)\s*[-–:]+\s*incomplete\b",
        r"\b(?:review|request|case)\s+(?:is\s+)?on\s+hold\b",
        r"\bincomplete\s+request\b",
        # a panel's interim order: "the matter is held in abeyance pending that review"
        r"\b(?:is|are|be|been|was|remains)\s+held\s+in\s+abeyance\b",
        # an e-mail's plain words: "The reviewer can't finish this one yet" (a wait, not a decision)
        r"\b(?:cannot|can\s*not|unable\s+to|not\s+able\s+to)\s+(?:finish|complete|decide|close)\s+(?:this(?:\s+one)?|it|the\s+(?:request|case|review)|your\s+request)\s+yet\b",
        _DRUG_STATUS + r"(?:pended|pending|on\s+hold|more\s+information\s+needed)\b",
        r"\brequires?\s+(?:more|additional|further)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b",
        r"\b(?:in\s+order\s+)?to\s+(?:complete|continue|process|finish)\s+(?:our|the|this|your)\s+(?:review|request)\b[^.]*\b(?:please|need|send|provide|submit)\b",
    ],
}
# ^ is the sentence's start (a heading line is a sentence of its own), never a wrapped line's start:
# "Your request was not\napproved." is a denial, not an approval
# a status named in a sentence, its word in capitals as a system prints it ("... for pt X: status PENDING - in review")
for _value, _words in (("approved", "APPROVED|AUTHORIZED|CERTIFIED"), ("denied", "DENIED|DECLINED"), ("pended", "PENDED|PENDING")):
    _STATEMENTS[_value].append(rf"(?<![\w-])status(?:\s+is)?\s+(?-i:{_words})\b(?!\s+(?:if|when|unless|until)\b)")
_STATEMENT_RES = {k: [re.compile(p, I) for p in v] for k, v in _STATEMENTS.items()}
_CONDITIONAL = re.compile(
    r"\bno\s+(?:further|more|additional|other)\s+(?:clinical\s+|medical\s+)?(?:information|documentation|records)\b|"
    r"\bnothing\s+(?:more|else|further)\b|"  # a request for nothing: "No further information is needed"
    r"\b(?:if|unless|(?:when(?:ever)?|once)\s+(?:it|this|that|the|your|we|you|a|an|coverage|approved|authorized)|(?<!\bof\s)may(?!\s+\d)|might|could\s+be|would(?!\s+like)|whether|should|otherwise|in\s+the\s+event|in\s+case|"
    r"right\s+to|disagree|previous(?:ly)?|prior\s+(?:approval|denial)|future|any\s+(?:denial|approval)|"
    r"will\s+(?:be|result|say|tell|explain|include|describe|list|give)|results?\s+in|failure\s+to|fail\s+to|do\s+not\s+(?:receive|hear)|not\s+(?:been\s+)?received|"
    r"at\s+that\s+time|earlier|original(?:ly)?|first\s+decision|overturned|no\s+longer|"
    r"did\s+not\s+(?:respond|reply)|no\s+response|not\s+an?\s+(?:adverse|unfavorable|denial|approval))\b"
    rf"|^\s*(?:\d{{1,2}}[.)]\s+)?on\s+{dates.DATE}",
    I,
)


_DOSE = r"(?:\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|units?)(?:\b|(?=tab|cap))|\bfor\s+injection\b|\btab(?:let)?s?\b|\bcap(?:sule)?s?\b)"
_ITEM_WORDS = r"approved|authorized|den[il1|t]ed|declined|not\s+approved|not\s+authorized|not\s+certified|certified|pended|pending"
# a drug's own line in a letter that decides several, item by item (its row number perhaps a column of its own:
# "2 | LUMAKRAS 120 MG TABLET | ... | APPROVED", the twenty-first set's safety pass)
_ITEM = re.compile(
    rf"^[ \t|]*(?:(?:\d{{1,2}}|[A-Ha-h])(?:[.)]|[ \t]*\|)[ \t]+)?(?P<item>[A-Za-z][^\n]*?{_DOSE}[^\n]*?)"  # a row drawn with bars, a numbered row
    rf"(?:[ \t]+(?P<v>(?-i:(?:NOT\s+)?(?:APPROVED|AUTHORIZED|DEN[IL1|T]ED|DECLINED|CERTIFIED|PENDED|PENDING)))"
    rf"|(?:[ \t]{{2,}}|[ \t]*[:|\-–][ \t]*)(?P<w>{_ITEM_WORDS}))\b",
    M,
)


def _item_value(word: str) -> str | None:
    for value, words in _OUTCOME_WORDS:
        if re.fullmatch(rf"(?:{words})", " ".join(word.split()), I):
            return value
    return None


def items(text: str) -> list[tuple[int, Hit, bool]]:
    """The drug lines of a letter that decides item by item (``LUMAKRAS 120 mg tablets  APPROVED``):
    (the line's start, its outcome, whether it is LUMAKRAS/sotorasib). In a history of the drug's requests
    whose row for this request is marked ("<- this request"), the other rows are history, not items."""
    out = []
    marked = []
    for m in _ITEM.finditer(text):
        g = "v" if m.group("v") else "w"
        value = _item_value(m.group(g))
        if value:
            line = text.rfind("\n", 0, m.start("item")) + 1
            line_end = text.find("\n", m.end())
            marked.append(bool(_THIS_ROW.search(text, line, line_end if line_end >= 0 else len(text))))
            out.append((line, Hit(value, m.start(g), m.end(g)), bool(_OURS.search(m.group("item")))))
    if any(marked):
        return [x for x, mark in zip(out, marked, strict=True) if mark]
    return [x for x in out if not _listed_apart(text, x[0])]


# a list set apart under its own heading ("V. YOUR OTHER CURRENT AUTHORIZATIONS (for your information)",
# "Other approvals on file:"): its rows are the member's other drugs, listed, not decided by this letter
_APART = re.compile(
    r"^[ \t]*(?:[IVX]{1,4}\.|\d{1,2}[.)]|[A-Z][.)])?[^\n]*?(?:\b(?:other|previous|prior|earlier|past|existing)\s+(?:current\s+|active\s+)?"
    r"(?:authori[sz]ations|approvals|prior\s+authori[sz]ations|requests|decisions|medications|drugs)\b|\bfor\s+your\s+information\b|"
    r"\b(?:authori[sz]ations|approvals)\s+(?:on\s+file|already\s+in\s+place)\b)[^\n]*$",
    I | M,
)


def _listed_apart(text: str, line: int) -> bool:
    """The item line at ``line`` sits under a heading of a list set apart (:data:`_APART`), only item
    lines or blank lines between the two."""
    head = None
    for m in _APART.finditer(text, 0, line):
        head = m
    if head is None:
        return False
    between = text[head.end() : line].split("\n")[1:]
    return all(not b.strip() or _ITEM.match(b + "\n") for b in between)


@dataclass(frozen=True)
class Scope:
    """A letter that decides several drugs item by item: ``ours`` is the letter with everything but
    LUMAKRAS's items blanked (offsets kept), ``shared`` the part before the first item (a reference
    number for the whole request); ``others`` the other drugs' lines."""

    ours: str
    shared: str
    others: tuple[str, ...]


def _blank(text: str, keep: list[tuple[int, int]]) -> str:
    out = [c if c in "\n\f" else " " for c in text]
    for a, b in keep:
        out[a:b] = text[a:b]
    return "".join(out)


# a request's own block in a letter that decides several: a heading line naming a drug and its dose
# ("Request B - LUMAKRAS 120 mg tablets", "Item 2: ERLOTINIB 150 MG TAB", "2. LUMAKRAS 120 mg") over the
# lines that decide it
_SECTION = re.compile(
    rf"^(?P<ind>[ \t]*)(?:(?:(?:request|item|drug|medication|line|rx|prescription)[ \t]*(?:[A-Z]|#?\d{{1,2}})(?:[ \t]+of[ \t]+\d{{1,2}})?|\d{{1,2}}|\(?[A-H])[ \t]*[-:.)–][ \t]*)"
    # (an outline's lettered sentence that holds a dose is no request's block: "B. The directions (4 tablets of 320 mg ...")
    rf"(?P<item>(?!(?i:the|this|that|these|those|your|our|we|it|its|an?|no|not|if|please)\b)[A-Za-z][^\n]*?{_DOSE}[^\n]*)$",
    M,
)


def sections(text: str) -> list[tuple[int, Hit, bool]]:
    """The request blocks of a letter deciding several drugs (each block's start, a placeholder hit,
    whether it is LUMAKRAS's), only when there are two or more."""
    found = [
        (m.start(), Hit(None, m.start("item"), m.end("item")), bool(_OURS.search(m.group("item"))))
        for m in _SECTION.finditer(text)
    ]
    return found if len(found) >= 2 else []


def scope(text: str) -> Scope | None:
    """The LUMAKRAS part of a letter that decides other drugs too, item by item or block by block (None:
    it does not)."""
    found = items(text)
    if not found or all(ours for _, _, ours in found):
        blocks = sections(text)
        if any(ours for _, _, ours in blocks) and not all(ours for _, _, ours in blocks):
            found = blocks
    if not found or all(ours for _, _, ours in found):
        return None
    bounds = [
        (line, found[i + 1][0] if i + 1 < len(found) else len(text), ours) for i, (line, _, ours) in enumerate(found)
    ]
    others = tuple(
        text[a : text.find("\n", a) if "\n" in text[a:] else len(text)].strip() for a, _, o in bounds if not o
    )
    keep = [(a, b) for a, b, ours in bounds if ours]
    if header := _table_header(text, found[0][0]):  # the columns' names over the items: "Drug  Reference  Decision"
        keep.insert(0, header)
    kept = _blank(text, keep)
    rows = [(line_refs.row_number(text, a), o) for a, _, o in found]
    if (theirs := {n for n, o in rows if n and not o}) and (
        cut := line_refs.theirs(kept, theirs, {n for n, o in rows if n and o})
    ):  # "Line 1 reason: ..." under the rows: another row's sentence
        kept = _blank(kept, [(a, b) for a, b in _gaps(cut, len(kept))])
    return Scope(kept, _blank(text, [(0, found[0][0])]), others)


def _gaps(cut: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans of ``length`` characters outside the ``cut`` spans."""
    out, at = [], 0
    for a, b in sorted(cut):
        out.append((at, a))
        at = max(at, b)
    out.append((at, length))
    return out


def _table_header(text: str, first: int) -> tuple[int, int] | None:
    """The span of a table's header row above the first item line (past a rule, blank lines), if any: a row
    of two or more names set apart by wide gaps, without numbers."""
    end = first - 1
    for _ in range(4):  # past a rule of dashes and the blank lines OCR puts between rows
        start = text.rfind("\n", 0, max(0, end)) + 1
        line = text[start:end]
        if end <= 0:
            return None
        if line.strip() and not tables.ruled(line):
            cells = tables.CELL.findall(line)
            return (start, end) if len(cells) >= 2 and not re.search(r"\d", line) else None
        end = start - 1
    return None


# an outcome set off as a banner, in capitals: "PA REF 0004419310  ***  DENIED  ***", "=== APPROVED ===", "[ DENIED ]",
# a stamp's box ("|  DENIED      |", its word alone between the box's sides)
# a label's value ends at its sentence's end, a semicolon or a column gap
_BOX = re.compile(r"[\[({][^\])}\n]{0,3}[\])}]")  # a box, ticked or not, as OCR may print it ("[X)", "[J]")
_NEGATED = re.compile(r"\b(?:not|no|unable|cannot|can[’']t|never)\b", I)
_VALUE_END = re.compile(r"\.(?=\s|$)|;|[ \t]{2,}")
# a stamp: "*APPROVED 02/01/27 PA# ...*", "RX PLAN * DENIED 03/09/27 * REF ..." (a star or a line's start, the
# word in capitals, then a star or the decision's date)
_STAMP_DATE = r"(?=[ \t]+\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)|[ \t]+\d{1,2}[ \-][A-Za-z]{3}[ \-]\d{2,4}(?!\d))"
_BANNER = re.compile(
    r"(?:[*=#~>]{2,}|(?<![*\w])\*|^|^[ \t]*[(\[](?:circled|underlined|boxed|ticked|checked|handwritten|stamped)[)\]][ \t]*(?=[A-Z]{4})|^[ \t]*[{(|]?[ \t]*\[(?=[ \t]*[A-Z]{4})|(?<=[-–|:])[ \t])[ \t]*(?P<v>(?:NOT[ \t]+)?(?:APPROVED|AUTHORIZED|CERTIFIED|DENIED|DECLINED|PENDED|PENDING|"
    r"COVERED|AUTH(?:ORIZATION)?[ \t]+OK)(?:[ \t]+FOR[ \t]+(?:[A-Z/]+[ \t]+){0,3}REVIEW)?|(?:[A-Z\-]+[ \t]+){0,3}ON[ \t]+HOLD|(?:MORE[ \t]+|ADDITIONAL[ \t]+)?INFORMATION[ \t]+(?:NEEDED|REQUESTED|REQUIRED))"
    r"[ \t]*(?:[*=#~<]{1,}|\][ \t]*$|$|(?=[-–|]{1,3}[ \t])|(?<=[ \t])(?=\|[ \t]*$)|\.(?=[ \t]|$)|" + _STAMP_DATE + ")",  # an app's badge: "[ DENIED ]"
    re.M,
)
# a ticked box of a checkbox list: "[X] Approved   [ ] Denied" (an empty box says nothing)
_CHECKED = re.compile(
    r"(?:[\[(][ \t]*[xX✓✔•●◉\x7f][ \t]*[\])]|[☒☑✓✔◉])[ \t]*"  # "[X]", "(X)", a radio's "(•)", and OCR's "[X)", "(X]"
    r"(?P<v>(?:not[ \t]+)?(?:approved|authorized|certified|denied|declined|pended|pending)"
    r"|more[ \t]+information[ \t]+(?:needed|requested|required))\b",
    I,
)
# a row whose boxes follow their words ("Determination   Approved [ ]   Denied [X]   Pending [ ]"): each box is
# its word's, never the next word's; read as a whole line (it ends with a box) before boxes are read forward
_BOX_AFTER = re.compile(
    r"(?P<w>(?:not[ \t]+)?(?:approved|authorized|certified|denied|declined|pended|pending)|"
    r"more[ \t]+information[ \t]+(?:needed|requested|required))[ \t]*(?P<b>[\[(][^\])\n]{0,3}[\])]|[☐☒☑])",
    I,
)


def _boxes_after(text: str) -> tuple[str, list[Hit]]:
    """The ticked boxes of rows whose boxes follow their words, as hits, and the text with those rows blanked."""
    hits: list[Hit] = []
    for line in re.finditer(r"[^\n]+", text):
        pairs = list(_BOX_AFTER.finditer(line.group(0)))
        if len(pairs) < 2 or line.group(0)[pairs[-1].end() :].strip():
            continue
        for m in pairs:
            if re.search(r"[xX✓✔☒☑•●◉\x7f]", m.group("b")):
                value = _item_value(m.group("w"))
                if value:
                    hits.append(Hit(value, line.start() + m.start("w"), line.start() + m.end("w")))
        a = line.start() + pairs[0].start()
        text = text[:a] + " " * (line.end() - a) + text[line.end() :]
    return text, hits


_UNFILLED_LINE = re.compile(r"^(?:[ \t]*[A-Za-z][A-Za-z ()/]{0,30}:[ \t]*){2,}$", re.M)
# in a row of boxes with one ticked "[X]", another box holding one mark ("[J]", "[l]") is what OCR made of an empty one
_TICKED = re.compile(r"[\[(][ \t]*[xX•●◉\x7f][ \t]*[\])]")
_MARKED_BOX = re.compile(r"[\[(][ \t]*[^\s\])\[(xX✓✔☑☒•●◉\x7f][ \t]*[\])][^\n\[(]*")


def _noise_boxes(text: str) -> str:
    """The text with a ticked row's other marked boxes (and their words) blanked, offsets kept."""
    out = []
    for line in text.split("\n"):
        if _TICKED.search(line):
            line = _MARKED_BOX.sub(lambda m: " " * len(m.group(0)), line)
        out.append(line)
    return "\n".join(out)


# (its label set off by a colon, dot leaders or a column gap; its blank a rule of underscores or a date's mask
# "____/__/__", "__-__-____", the mask's underscores blanked already when a form's entries were taken out of
# their blanks: "Approved from ......     /  /  ")
_UNFILLED = re.compile(
    r"(?:^|(?<=[ \t]))[A-Za-z][A-Za-z ()/]{0,30}?(?:[ \t]*:|[ \t]*\.{2,}|[ \t]{2,})[ \t]*"
    r"(?:(?:_{3,}|_{2,}(?=[ \t]*[/.\-][ \t]*_))(?:[ \t]*[/.\-][ \t]*_+)*|(?:[ \t]*[/\-][ \t]*){2}(?=[ \t]*$))",
    re.M,
)
# a form's field named by an outcome word ("Approved from", "Approved qty", "Denied on") left blank, its blank
# what a fax's OCR made of an empty date mask or rule ("Approved from  a a", "Approved to  ff"): no digit, no
# word of three letters or more, so no statement ("Approved to continue ..." and "Approved from 03/01/2027" stay);
# a period's two blanks both lost leave only the word between them ("Approved from  through", "Approved from  until")
_UNFILLED_OUTCOME = re.compile(
    r"^[ \t]*(?:approved|denied|authorized|pended)[ \t]+(?:from|to|through|thru|until|qty|quantity|units|dates?|on|by|period)"
    r"(?![A-Za-z])(?:[^\w\n]|_|(?<![A-Za-z])(?:[A-Za-z]{1,2}|through|thru|until)(?![A-Za-z]))*$",
    re.I | re.M,
)
_UNCHECKED = re.compile(r"(?:\[[ \t]*\]|\([ \t]*\)|☐)[^\n\[(☐☒☑]*")
# a letter that closes the request (withdrawn, closed, cancelled) has no outcome, whatever else it words
# like one; one that says no decision was made yet has none either, unless all it states is that the
# request is pended ("This request is PENDED ... No decision has been made"): that is no decision yet
# what is withdrawn is an earlier decision, not the request ("the denial of 22 May is withdrawn and ..."): a reversal
_DECISION_WITHDRAWN = re.compile(
    r"\b(?:denial|decision|determination|adverse\s+determination)\b(?:[^.;\n]|\n(?![ \t]*\n)){0,50}?\b(?:is|was|has\s+been|have\s+been)\s+$",
    I,
)
_CLOSED = re.compile(r"\b(?:withdrawn|closed\s+(?:as|without)|cancell?ed|voided)\b", I)
# a letter from someone else than the plan (a foundation's copay grant, a hub's notice) may say "approved" of
# its own programme and that the plan has not decided: "this is not a decision by your health plan", "your
# plan's prior authorization ... has not yet been decided"
_UNDECIDED = re.compile(
    r"\bno\s+(?:determination|decision)\s+(?:of\s+\w+\s+)?(?:was|has\s+been|will\s+be)\s+(?:made|issued|rendered)\b|"
    r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:decided|determined|reviewed)\b|"
    r"\bnot\s+(?:yet\s+)?(?:a|any)\s+(?:decision|determination)\s+(?:by|of|from)\s+(?:your|the)\s+"
    r"(?:health\s+|insurance\s+|drug\s+|prescription\s+)?(?:plan|insurer|payer)\b|"
    # "This letter is not a prior authorization and does not say whether your plan will cover LUMAKRAS"
    r"\b(?:this|the|our)\s+(?:letter|notice|grant|award|approval|decision)\s+(?:is|does)\s+not\s+(?:a|an|constitute\s+a|serve\s+as\s+a)\s+"
    rf"(?:{misread.PRIOR}\s+authori[sz]ation|pre-?authori[sz]ation|coverage\s+(?:decision|determination|approval))\b|"
    r"\bdoes\s+not\s+(?:say|tell\s+you|decide|mean|show)\s+whether\s+(?:your|the)\s+(?:health\s+|insurance\s+|drug\s+)?"
    r"(?:plan|insurer|insurance|payer)\s+will\s+(?:cover|pay|approve|authori[sz]e)\b|"
    # a notice about something else (a transfer, a new pharmacy, an address) that disclaims deciding: "it is not a
    # coverage decision", "this notice does not approve or deny anything", "neither approves nor denies your request"
    rf"\b(?:it|this|this\s+(?:letter|notice|message|update))\s+is\s+not\s+(?:a|an|any)\s+(?:coverage|benefit|{misread.PRIOR}\s+authori[sz]ation)\s+"
    r"(?:decision|determination)\b|"
    r"\b(?:does|do|did|will)\s+not\s+(?:approve|authori[sz]e)\s*,?\s+(?:or|nor)\s+(?:deny|reject|decline|refuse)\b|"
    r"\bneither\s+(?:approves?|authori[sz]es?|grants?)\s+nor\s+(?:denies|deny|rejects?|declines?|refuses?)\b|"
    r"\bmakes?\s+no\s+(?:coverage\s+)?(?:decision|determination)\b",
    I,
)


# a legend of a portal's status codes ("Legend:  A1 = Approved as requested   D1 = Denied ..." or "LEGEND  A1
# Approved | D1 Denied-criteria not met"), its entries on its line and the lines below that are indented or
# open with another entry (OCR loses the indent): it says what each code means, not what was decided; the
# code on the status line is read through it. OCR reads a code's 1 as l, I or i ("Al", "PI", "Pi"): the same code.
_CODE = r"(?-i:[A-Z]{2}-[A-Z\d]|[A-Z]{1,3}[\dlIi|]{0,2}|\d{1,2})"  # "AP-F", "DN-C" too
_ENTRY_START = rf"[ \t]*(?:{_CODE}(?:[ \t]*[=:\-–][ \t]*[A-Za-z]|[ \t]+[A-Z][a-z])|(?-i:[A-Z]{{1,3}}\d{{1,2}})[ \t]+[a-z]{{3}})"
_LEGEND = re.compile(  # a blank line OCR put between two lines of entries does not end it
    rf"(?:^|(?<=\f))[ \t]*(?:[A-Za-z]+\.?[ \t]+){{0,2}}(?:legend|key|codes?)\b[ \t]*:?[^\n]*"  # "Det. key:", "DECISION CODES"
    # (a batch print's legend names the column its entries are for first: "DECN-CD  AP = ...", OCR's "DECN-CD_")
    rf"(?:\n(?:[ \t]+\S|{_ENTRY_START}|[ \t]*\n{_ENTRY_START}|(?-i:[A-Z]+(?:-[A-Z0-9]+)+)[_-]?{_ENTRY_START})[^\n]*)*",
    I | M,
)
_LEGEND_ENTRY = re.compile(rf"(?<![\w/-])(?P<c>{_CODE})(?![\w/-])[ \t]*(?:=|:|-|–)?[ \t]*(?=[A-Za-z])")
_CODED = re.compile(
    rf"\b(?:status|decision|determination|outcome|result|disposition)(?:[ \t]+code)?[ \t]*(?:[:|\-]|\.{{2,}})?[ \t]*"
    rf"(?P<c>{_CODE})(?![\w/.-])",
    I,
)


def _code(word: str) -> str:
    """A status code as printed, OCR's l, I or | after its letters read as the 1 they are."""
    letters = re.match(r"[A-Z]*", word).group(0)  # type: ignore[union-attr]
    if letters == word[: len(letters)] and len(letters) < len(word):
        return letters + re.sub(r"[lIi|]", "1", word[len(letters) :])
    if len(word) > 1 and word[-1] in "lIi|" and word[:-1].isalpha():
        return word[:-1] + "1"
    return word


def legend(text: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """The status codes a letter's legend defines, each with its meaning, and where the legends are."""
    codes: dict[str, str] = {}
    where: list[tuple[int, int]] = []
    for block in _LEGEND.finditer(text):
        body = block.group(0)
        entries = list(_LEGEND_ENTRY.finditer(body))
        if len(entries) < 2:
            continue  # one "code" is no legend ("Key: ..." a sentence)
        where.append(block.span())
        for m, after in zip(entries, [*entries[1:], None], strict=True):
            meaning = body[m.end() : after.start() if after else len(body)]
            codes.setdefault(_code(m.group("c")), " ".join(meaning.replace("|", " ").split()))
    return codes, where


def unlegended(text: str) -> str:
    """The text with its status-code legends blanked (offsets kept): a legend's words are no reason or request."""
    for a, b in legend(text)[1]:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _coded_item_hits(text: str, codes: dict[str, str]) -> tuple[list[Hit], str]:
    """LUMAKRAS's row of a table whose status column holds a legend's code ("1  LUMAKRAS 120 MG TABLET
    240/30  D2  R14" under "Status codes: ... D2 denied, benefit"), its columns as OCR may run them together:
    the one code on the row, after the drug's name, whose meaning states an outcome."""
    hits: list[Hit] = []
    for line in re.finditer(r"[^\n]+", text):
        ours = _OURS.search(line.group(0))
        if not ours or not re.search(_DOSE, line.group(0), I):
            continue
        found = []
        for m in re.finditer(r"(?<![^\s|])([^\s|]+)(?![^\s|])", line.group(0)[ours.end() :]):
            meaning = codes.get(_code(m.group(1)))
            stated = meaning and (_CLOSED.search(meaning) or any(re.search(rf"\b(?:{w})", meaning, I) for _, w in _OUTCOME_WORDS))
            if stated and re.fullmatch(_CODE, m.group(1)):  # a reason's code ("R14") is no status
                found.append((m, meaning))
        if len(found) != 1:
            continue
        m, meaning = found[0]
        if _CLOSED.search(meaning) or re.search(r"\b(?:closed|review|received|in\s+process)\b", meaning, I):
            return [], f"the status code {m.group(1)} means {meaning}: no outcome"
        value = next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words})", meaning, I)), None)
        if value:
            at = line.start() + ours.end() + m.start(1)
            hits.append(Hit(value, at, at + len(m.group(1))))
    return hits, ""


# a batch print's column of decision codes: its header names the column ("DECN-CD", "STATUS", "DISP-CODE") and the row
# below holds a legend's code in it ("PA01  QM27-...  AP")
_CODE_COLUMN_NAME = r"(?:DECN|DECISION|DEC|STATUS|STAT|DISP|DISPOSITION|DETERM|DET|OUTCOME)(?:[-_](?:CD|CODE))?"
_CODE_COLUMN = re.compile(rf"(?<![\w-])(?-i:{_CODE_COLUMN_NAME})(?![\w-])")


# a legend that names its column ("ST CODES: AP=APPROVED DN=DENIED"): the column's name, whatever it is
_NAMED_LEGEND = re.compile(r"^[ \t]*(?P<n>(?-i:[A-Z][A-Z\-]{0,9}))[ \t]+codes?[ \t]*:", M)


def _column_coded_hits(text: str, codes: dict[str, str], named: set[str] | None = None) -> tuple[list[Hit], str]:
    """The outcome a legend's code says from under its column's header on the line below, or why none; ``named``:
    the columns the letter's legends name (read before the legends were blanked)."""
    hits: list[Hit] = []
    column = (
        re.compile(rf"(?<![\w-])(?-i:{_CODE_COLUMN_NAME}|" + "|".join(map(re.escape, sorted(named))) + r")(?![\w-])")
        if named
        else _CODE_COLUMN
    )
    for header in re.finditer(r"[^\n]+", text):
        columns = list(column.finditer(header.group(0)))
        if len(columns) != 1 or len(header.group(0).split()) < 3:
            continue  # a header of columns: three names or more, one of them the decision's
        below = re.match(r"\n([^\n]*)", text[header.end() :])
        if below is None:
            continue
        row, row_start = below.group(1), header.end() + 1
        col = columns[0]
        cells = [m for m in re.finditer(r"\S+", row) if m.start() < col.end() and m.end() > col.start()]
        if (len(cells) != 1 or _code(cells[0].group(0)) not in codes) and not header.group(0)[col.end() :].strip():
            cells = list(re.finditer(r"\S+", row))[-1:]  # the column ends the header (OCR moved the cells): its code ends the row
        if len(cells) != 1 or not re.fullmatch(_CODE, cells[0].group(0)):
            continue
        meaning = codes.get(_code(cells[0].group(0)))
        if not meaning:
            continue
        if _CLOSED.search(meaning) or re.search(r"\b(?:closed|review|received|in\s+process)\b", meaning, I):
            return [], f"the status code {cells[0].group(0)} means {meaning}: no outcome"
        value = next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words})", meaning, I)), None)
        if value:
            hits.append(Hit(value, row_start + cells[0].start(), row_start + cells[0].end()))
    if hits:
        return hits, ""
    # OCR keeps a row's cells, not its columns: the header's codes read with their values in order (tables.pairs)
    lines, segs = tables.pairs(text)
    for m in re.finditer(r"^(?P<k>[^:\n]+): (?P<v>[^\n]+)$", lines, M):
        if not column.fullmatch(m.group("k").strip()) or not re.fullmatch(_CODE, m.group("v").strip()):
            continue
        meaning = codes.get(_code(m.group("v").strip()))
        if not meaning:
            continue
        if _CLOSED.search(meaning) or re.search(r"\b(?:closed|review|received|in\s+process)\b", meaning, I):
            return [], f"the status code {m.group('v').strip()} means {meaning}: no outcome"
        value = next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words})", meaning, I)), None)
        at = tables.back(Hit(value or "", m.start("v"), m.end("v")), segs)
        if value and at is not None:
            hits.append(at)
    return hits, ""


def _coded_hits(text: str, codes: dict[str, str]) -> tuple[list[Hit], str]:
    """The outcome a status code says through the legend ("Status  A1 (see legend)"), or why none: the
    code means the request was closed or is still under review."""
    hits: list[Hit] = []
    for m in _CODED.finditer(text):
        meaning = codes.get(_code(m.group("c")))
        if not meaning:
            continue
        if _CLOSED.search(meaning) or (
            re.search(r"\b(?:closed|review|received|in\s+process)\b", meaning, I)
            and not (re.search(r"\binfo", meaning, I))
        ):
            return [], f"the status code {m.group('c')} means {meaning}: no outcome"
        value = next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words})", meaning, I)), None)
        if value:
            hits.append(Hit(value, m.start("c"), m.end("c")))
    return hits, ""


# a statement about something else than this request: another pharmacy, drug or provider, a quantity
# beyond the limit, a fill or claim elsewhere ("Fills at other pharmacies will not be covered" in an
# approval); its outcome words are never the letter's outcome
_ELSEWHERE = re.compile(
    r"\b(?:other|another|different|alternative|any\s+other|non-?(?:network|participating|preferred|specialty))\s+"
    r"(?:specialty\s+|retail\s+|in-network\s+)?(?:pharmac\w*|drugs?|medicines?|medications?|products?|providers?|prescribers?|"
    r"strengths?|doses?|brands?|stores?|suppliers?|vendors?|locations?|facilit\w+)\b|"
    r"\bout[- ]of[- ]network\b|"
    r"\b(?:quantit(?:y|ies)|doses?|amounts?|fills?|refills?|supply|supplies|claims?|tablets?|days?)\s+(?:above|over|beyond|exceeding|"
    r"greater\s+than|more\s+than|in\s+excess\s+of|past|after)\b|"
    r"\b(?:early|mail[- ]order|retail|walk-in)\s+(?:fills?|refills?|pharmac\w*)\b|"
    r"\b(?:fills?|refills?)\s+(?:at|from|through|filled)\b|"
    r"\bclaims?\b|"  # a pharmacy claim rejected or paid is no decision on the request
    # what falls outside the approval's own terms ("Dispensing outside the approval period is not covered"): a rule
    # of an approval, never its outcome
    r"\b(?:outside|beyond|past|after|before)\s+(?:of\s+)?(?:the|this|your|its)\s+(?:approv\w+|authori[sz]\w+|valid\w*|covered|coverage)\s+"
    r"(?:period|dates?|window|term|time\s*frame|timeframe)\b",
    I,
)
# a sentence that names another dosed product and not LUMAKRAS ("ONDANSETRON 8 mg is not covered");
# the capital word before a dose is a drug's name unless it is one of these
_OTHER_DOSED = re.compile(r"\b(?P<n>[A-Z][A-Za-z\-]{3,})(?:\s+\([A-Za-z\-]+\))?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\b")
_NOT_DRUG = re.compile(
    r"(?:request|dose|doses|strength|medication|medicine|drug|tablets?|quantity|daily|total|oral|each|only)$", I
)
_OTHER_NAMED = re.compile(r"\b(?:krazati|adagrasib)\b", I)
# a drug's name in lower case before its dose ("dexamethasone 4 mg"), unless the word is one of these
_LOWER_DOSED = re.compile(r"\b(?P<n>[a-z][a-z\-]{3,})(?:\s+\([A-Za-z\-]+\))?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\b")
_NOT_DRUG_WORD = re.compile(
    r"(?:your|their|with|from|than|over|under|above|below|about|reduced|lower|higher|same|full|current|"
    r"starting|maximum|minimum|approved|requested|prescribed|labeled|labelled|listed|usual|within|take|taking|"
    r"takes|dosed|dosing|given|plus|also|once|twice|times)$"
)


def _about_another_drug(sentence: str) -> bool:
    """The sentence names another drug and not LUMAKRAS: by name (KRAZATI), or by a dose after a word that
    is no common word ("ONDANSETRON 8 mg is not covered", "Your request for dexamethasone 4 mg was approved")."""
    if _OURS.search(sentence):
        return False
    if _OTHER_NAMED.search(sentence):
        return True
    if any(not _NOT_DRUG.match(m.group("n")) for m in _OTHER_DOSED.finditer(sentence)):
        return True
    return any(
        not _NOT_DRUG.match(m.group("n")) and not _NOT_DRUG_WORD.match(m.group("n"))
        for m in _LOWER_DOSED.finditer(sentence)
    )


# a clause that says after or because of what, or what the drug replaces, is no object of the decision
# ("We approved KRAZATI 200 mg ... after LUMAKRAS was stopped"): the decided drug is named before it
_SUBORDINATE = re.compile(
    r"\b(?:after|because|since|following|before|until|instead\s+of|in\s+place\s+of|rather\s+than|"
    r"replacing|replaces|which|who|due\s+to|as\s+a\s+(?:replacement|substitute|switch|change)|"
    r"(?:switch|switched|change|changed|moved)\s+from|when|once|now\s+that)\b",
    I,
)
# words of a decision or of what a letter is about ("We approved KRAZATI", "This letter is only about ...")
_DECIDES = re.compile(
    r"\b(?:approv\w*|authori[sz]\w*|cover(?:ed|s)?|grant\w*|den(?:y|ies|ied|ial)|pend\w*|"
    r"(?:is|are)\s+(?:only\s+)?(?:about|for)|only\s+(?:about|for|applies)|concerns|regarding)\b",
    I,
)
# a drug field that names LUMAKRAS: the letter's headings and labels are about it
_OUR_FIELD = re.compile(
    r"^[ \t]*(?:(?:requested|approved|denied|prescribed)\s+)?(?:drug|medication|medicine|product|item|"
    r"prescription|rx|service|drug\s+name|drug\s+requested)\b[^:\n]{0,20}(?:[:|]|\.{3,})[^\n]*?"
    r"(?:\b\w{0,3}makras\b|\bs?otora[s5][il1|]b\b)",
    I | re.MULTILINE,
)

# the field naming what a block decides ("Drug:", "Study:", "Service:"); one that names another drug, an
# imaging study or a procedure (and no field names LUMAKRAS) makes the letter's headings and labels its
_SUBJECT = re.compile(
    r"^[ \t|]*(?:(?:requested|approved|denied|prescribed|authorized|ordered)\s+)?(?P<label>drug|medication|medicine|"
    r"product|prescription|rx|study|exam(?:ination)?|procedure|imaging|scan|test|service|device|item)"
    r"(?:\s+(?:name|requested|description|ordered|approved|authorized))?(?:[ \t]*[:|]|[ \t]*\.{3,}|(?P<gap>[ \t]{2,}(?=\S)))[ \t]*(?P<v>[^\n]+)",  # a ledger's dot leaders (OCR's gap)
    I | re.MULTILINE,
)
_NOT_A_DRUG_LABEL = re.compile(r"study|exam|examination|procedure|imaging|scan|test", I)
_PROCEDURE_CODE = re.compile(r"\b(?:CPT|HCPCS)\b|\b(?:MRI|CT|PET|X-?ray|ultrasound|biopsy|scan)\b", I)


_WORD = re.compile(r"[A-Za-z0-9|]{5,12}")


def resembles_ours(text: str) -> bool:
    """Whether a word of the letter could be LUMAKRAS or sotorasib misread (OCR's "LUMAKRA5", "s0torasib"):
    such a letter may be about LUMAKRAS after all, and is never read as another drug's."""
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        for ours in ("lumakras", "sotorasib"):
            if abs(len(w) - len(ours)) <= 2 and SequenceMatcher(None, w, ours).ratio() >= 0.7:
                return True
    return False


def other_subject(text: str) -> str | None:
    """The field that names what the letter decides when it is not LUMAKRAS ("Drug: VECTIBIX
    (panitumumab) 6 mg/kg", "Study: CT chest ... (CPT 74177)"), and no such field names LUMAKRAS."""
    if _OUR_FIELD.search(text):
        return None
    for m in _SUBJECT.finditer(text):
        v = m.group("v").strip()
        if _OURS.search(v):
            return None
        if m.group("gap"):  # a column's gap (a ledger's leaders OCR lost): only a drug with its dose names the subject
            if not _OURS.search(text) and _about_another_drug(v) and not _NOT_A_DRUG_LABEL.fullmatch(m.group("label")):
                return " ".join(m.group(0).split())
            continue
        if _NOT_A_DRUG_LABEL.fullmatch(m.group("label")) or _PROCEDURE_CODE.search(v) or _about_another_drug(v):
            return " ".join(m.group(0).split())
    return None


def _heading(sentence: str) -> bool:
    """A heading, not a sentence: no lower-case word ("APPROVAL NOTICE"), a few words on a line, or a line
    that opens with a word in capitals and ends without a stop ("APPROVED - medical benefit (infusion)")."""
    words = sentence.split()
    line = sentence.strip()
    banner = "\n" in line or line.endswith(".") or not re.match(r"[A-Z]{3,}\b", line)
    return not re.search(r"[a-z]{2}", sentence) or (len(words) <= 4 and not line.endswith(".")) or not banner


def _main_clause(sentence: str) -> str:
    """The sentence up to its first clause of time, cause or replacement after some words of its own."""
    m = next((m for m in _SUBORDINATE.finditer(sentence) if sentence[: m.start()].strip()), None)
    return sentence[: m.start()] if m else sentence


def decides_other(sentence: str) -> bool:
    """The sentence's decision is about another drug: the sentence names it and not LUMAKRAS, or its main
    clause does (LUMAKRAS only in a clause of time, cause or replacement)."""
    return _about_another_drug(sentence) or _about_another_drug(_main_clause(sentence))


# a field's name that opens with a decision ("Approved dates:", "Denied quantity:") labels a value: it is
# no sentence of the letter about LUMAKRAS
_FIELD_NAME = re.compile(r"\s*(?:approved|authorized|denied|certified)(?:[ \t]+[A-Za-z.#/]+){1,3}[ \t]*:", I)


# a partial approval approves the request; what it did not approve is the rest ("We approved part of
# this request ... What we did not approve: the months after ...")
PARTIAL = re.compile(r"\b(?:partial(?:ly)?|partly)\s+approv|\bapproved\s+(?:(?:part|some|a\s+portion)\s+of\b|in\s+part\b)|" + _APPROVED_CHANGED, I | M)
# a modified approval said as a heading or a sentence: "MODIFIED APPROVAL - Authorization ...", "We approved
# LUMAKRAS for a shorter time than was asked for" (what it did not approve, said after, is the rest)
_MODIFIED = re.compile(
    r"^[ \t]*(?:modified|amended|reduced|limited)[ \t]+approval\b|"
    r"\bapproved\b[^.\n]{0,60}?\b(?:for\s+(?:a\s+)?(?:shorter|briefer)\s+(?:time|period)|(?:fewer|less|smaller|lower)\b[^.\n]{0,30}?)"
    r"\s+than\s+(?:was\s+|were\s+|you\s+)?(?:asked|requested)",
    I | M,
)
# a concession is no statement of the outcome ("Although the earlier request was approved, ...")
_CONCESSIVE = re.compile(r"\b(?:although|even\s+though|though|albeit)\b", I)


_CONTRACTION = re.compile(
    r"\b(?:(?P<neg>can|won|couldn|didn|doesn|isn|wasn|aren|weren|haven|hasn)[’']t|(?P<pro>it|that|we|they)[’'](?P<aux>s|re|ll|ve))\b",
    I,
)
_NEG = {"can": "cannot", "won": "will not"}
_AUX = {"s": "is", "re": "are", "ll": "will", "ve": "have"}


def _expanded(sentence: str) -> tuple[str, list[int]]:
    """The sentence with contractions written out ("can't" as "cannot", "it's" as "it is"), and for each
    of its characters the offset of the character it came from (a hit's span stays in the letter)."""
    out: list[str] = []
    at: list[int] = []
    last = 0
    for m in _CONTRACTION.finditer(sentence):
        out.append(sentence[last : m.start()])
        at.extend(range(last, m.start()))
        if m.group("neg"):
            word = m.group("neg")
            full = _NEG.get(word.lower(), word[:-1] + " not")
        else:
            full = f"{m.group('pro')} {_AUX[m.group('aux').lower()]}"
        out.append(full)
        at.extend(min(m.start() + i, m.end() - 1) for i in range(len(full)))
        last = m.end()
    out.append(sentence[last:])
    at.extend(range(last, len(sentence)))
    return "".join(out), at


# a heading printed letter-spaced ("D E C I S I O N :   A P P R O V E D"): the word alone on its line, or after a
# letter-spaced label of a decision; never after any other word ("N O T   A P P R O V E D" is not read)
_SPACED = re.compile(r"(?<![A-Za-z])(?P<w>(?:[A-Z] ){4,}[A-Z])(?![A-Za-z])")
_SPACED_WORDS = {"APPROVED": "approved", "DENIED": "denied", "PENDED": "pended", "PENDING": "pended"}
_EARLIER_DECISION = re.compile(r"\b(?:earlier|previous|prior|original|first)\s+(?:denial|decision|approval|determination)\b", I)
_SPACED_LABELS = ("", "DECISION:", "STATUS:", "OUTCOME:", "DETERMINATION:", "RESULT:")


def _spaced_hits(text: str) -> list[Hit]:
    hits = []
    for m in _SPACED.finditer(text):
        value = _SPACED_WORDS.get(m.group("w").replace(" ", ""))
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        before = re.sub(r"[\s|*=#+]", "", text[line_start : m.start()])
        after = re.sub(r"[\s|*=#+.!]", "", text[m.end() : line_end if line_end >= 0 else len(text)])
        # after it, nothing, or a colon and LUMAKRAS's name ("D E N I E D :   LUMAKRAS (sotorasib) 120 mg")
        if value and before in _SPACED_LABELS and (not after or (after.startswith(":") and _OURS.match(after[1:]))):
            hits.append(Hit(value, m.start("w"), m.end("w")))
    return hits


# the sentence after a decision says it is over: "That approval has ended." (the decision is an earlier one)
_ENDED = re.compile(
    r"\s*(?:that|this|the|its|your|the\s+earlier|the\s+previous)\s+(?:approval|authori[sz]ation|coverage|certification)\s+"
    r"(?:has\s+|had\s+|is\s+)?(?:now\s+)?(?:ended|expired|lapsed|closed|run\s+out|no\s+longer\s+(?:active|valid|in\s+effect))\b",
    I,
)


def _ended(sentences: list[re.Match[str]], n: int) -> bool:
    """The sentence after the n-th says the decision it states has ended."""
    return n + 1 < len(sentences) and bool(_ENDED.match(sentences[n + 1].group(0)))


def outcome_hits(text: str, codes: dict[str, str] | None = None) -> tuple[list[Hit], str]:
    """Every statement of the letter's outcome when they agree, or ([], why not): read first without what it
    quotes of earlier decisions (:mod:`priorauth.letters.earlier`), then, when that says nothing, whole."""
    own = earlier.without(text)
    if own != text:
        hits, why = _outcome_hits(own, codes)
        if hits or not why.startswith("the outcome could not be read"):
            return hits, why  # its own words decide, disagree or say nothing was decided
    hits, why = _outcome_hits(text, codes)
    if not hits and why.startswith("the outcome could not be read") and (bare := asides.without(text)) != text:
        return _outcome_hits(bare, codes)  # "Quillon Health (the member's insurer) APPROVED ...": past its aside
    return hits, why


def _outcome_hits(text: str, codes: dict[str, str] | None = None) -> tuple[list[Hit], str]:
    """Every statement of the letter's outcome when they agree (labels and item lines first), or
    ([], why not): none is stated, or statements disagree. ``codes``: the letter's legend, when ``text``
    is its table's cells read as labels (the legend is elsewhere on the page)."""
    if clash := x12_action.disagreement(text):  # a 278 viewer's raw code and its translation disagree (a fax misread)
        return [], f"the response's action code and its translation disagree ({clash}): left empty"
    text = radio_star.dotted(text)  # "(*) APPROVED ()DENIED": a fax's star for a radio's dot
    text, ticked = _boxes_after(text)
    text, answered = yes_no.rows(text)  # a form's "Approved  Y / N :  Y" rows: the one answered yes, then blanked
    text = _UNCHECKED.sub(lambda m: " " * len(m.group(0)), text)  # an empty box's words say nothing
    text = _UNFILLED.sub(lambda m: " " * len(m.group(0)), text)  # nor a form's field left blank ("Approved from: ____")
    text = _UNFILLED_LINE.sub(lambda m: " " * len(m.group(0)), text)  # its blanks lost at fax ("Approved from:  to:")
    text = _UNFILLED_OUTCOME.sub(lambda m: " " * len(m.group(0)), text)  # or garbled there ("Approved to  ff")
    text = _noise_boxes(text)  # a row with one [X]: its other boxes are empty
    codes = {**legend(text)[0], **(codes or {})}
    named = {m.group("n") for m in _NAMED_LEGEND.finditer(text)}  # "ST CODES: AP=APPROVED ...": the column "ST"
    text = unlegended(text)  # a legend's words say what codes mean, nothing was decided by them
    symbols = placed.symbol_hits(text)  # a legend of symbols read on the request's line, then blanked
    text = placed.without_symbol_legend(text)
    labeled, why = _coded_hits(text, codes)
    if not why and codes and not labeled:
        labeled, why = _coded_item_hits(text, codes)
    if not why and codes and not labeled:
        labeled, why = _column_coded_hits(text, codes, named)
    if why:
        return [], why
    labeled += symbols + ticked + answered + _spaced_hits(text) + extract.hits(text, _OUTCOME_WORDS)
    labeled += label_languages.hits(text) + json_status.hits(text, _OUTCOME_WORDS)  # Dutch, Spanish; a JSON object
    labeled += pending_notice.hits(text) + ncpdp_xml.hits(text)  # "cannot decide yet. Please send"; ePA "Open"
    for m in _LABEL.finditer(text):
        if extract.is_legend(m.group("v")):
            continue  # "decision: A = approved, D = denied": a legend's codes, nothing decided
        if _BOX.search(m.group("v")):
            continue  # a row of boxes ("Status: [ ] Approved  [X] Pended"): the ticked box says it, below
        v = _VALUE_END.split(m.group("v"))[0]  # "Decision: APPROVED. The earlier denial no longer applies."
        at = m.start("v")
        if _EARLIER_DECISION.search(v):
            continue  # "RECONSIDERED DECISION: the earlier denial is reversed." (the new decision is said after it)
        if re.fullmatch(_CODE, v.strip()) and _code(v.strip()) not in codes:  # "A3      NOT CERTIFIED", "A1  (Certified)"
            meaning = re.match(r"\S+[ \t]+\(?(?P<m>[A-Za-z][^()=:\n]{1,40}?)[ \t]*(?:\)|$)", m.group("v"))
            if meaning:  # the code's meaning printed beside it says the outcome
                v, at = meaning.group("m"), at + meaning.start("m")
        for value, words in _OUTCOME_WORDS:
            w = re.search(rf"\b(?:{words})\b", v, I)
            if w and not (value == "approved" and _NEGATED.search(v)):
                labeled.append(Hit(value, at + w.start(), at + w.end()))
                break
    for m in _CAPS_FIELD.finditer(text):  # "| STATUS OK TO FILL (APPROVED) |": a card's field, its gap lost at fax
        for value, words in _OUTCOME_WORDS:
            w = re.search(rf"\b(?:{words})\b", m.group("v"), I)
            if w and not (value == "approved" and _NEGATED.search(m.group("v"))):
                labeled.append(Hit(value, m.start("v") + w.start(), m.start("v") + w.end()))
                break
    for m in _LABEL_NEXT.finditer(text):
        value = _item_value(m.group("v").split("  ")[0]) or next(
            (v for v, words in _OUTCOME_WORDS if re.match(rf"(?:{words})\b", m.group("v"), I)), None
        )
        if value and not (value == "approved" and _NEGATED.search(m.group("v"))):
            labeled.append(Hit(value, m.start("v"), m.start("v") + len(m.group("v").split()[0])))
    for m in _HEADING_NEXT.finditer(text):
        value = next((v for v, words in _OUTCOME_WORDS if re.fullmatch(rf"(?:{words})", m.group("v"), I)), None)
        if value and not (value == "approved" and _NEGATED.search(m.group("v"))):
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    labeled += [hit for _, hit, ours in items(text) if ours]
    for m in _CHECKED.finditer(text):
        value = _item_value(m.group("v"))
        if value:
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    for m in _BANNER.finditer(text):
        word = m.group("v")
        if re.search(r"\bnot[ \t]*\n[ \t]*$", text[max(0, m.start("v") - 12) : m.start("v")], I):
            word = f"not {word}"  # "... - NOT" wrapped over "APPROVED" is one heading
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.end()]
        value = next((v for v, words in _OUTCOME_WORDS if re.search(rf"\b(?:{words})\b", word, I)), None)
        if value and not (_CONDITIONAL.search(line) or _STALE.search(line)):
            labeled.append(Hit(value, m.start("v"), m.end("v")))
    if m := next((c for c in _CLOSED.finditer(text) if not _DECISION_WITHDRAWN.search(text, max(0, c.start() - 60), c.start())), None):
        return [], f"the letter says no decision was made ({' '.join(m.group(0).split())}): left empty"
    undecided = _UNDECIDED.search(text)
    said: list[Hit] = []
    names_ours = bool(_OURS.search(text))  # a letter about one request only, for another drug, is read as it is
    other = False  # a statement decides another drug
    ours_said = False  # a statement in a sentence (not a heading) that is not about another drug
    governed = (
        False  # a clause after a semicolon is governed by its sentence's "if" ("If we deny it, ...; the notice ...")
    )
    sentences = list(_SENTENCE.finditer(text))
    for n, s in enumerate(sentences):
        sentence, at = _expanded(s.group(0))
        conditional = bool(_CONDITIONAL.search(sentence) or _CONCESSIVE.search(sentence)) or governed
        governed = conditional and s.group(0).rstrip().endswith(";")
        if conditional or _ELSEWHERE.search(sentence) or _ended(sentences, n):
            continue
        if names_ours and decides_other(sentence):
            # (another drug "already authorized" is a cover in force, a duplicate therapy's reason: no decision)
            other |= bool(_DECIDES.search(_main_clause(sentence))) and not _IN_FORCE.search(sentence)
            continue
        for value, patterns in _STATEMENT_RES.items():
            for p in patterns:
                m = p.search(sentence)
                if m:
                    said.append(Hit(value, s.start() + at[m.start()], s.start() + at[m.end() - 1] + 1))
                    # (a heading that names LUMAKRAS and its status is LUMAKRAS's: "LUMAKRAS (sotorasib) — Not approved")
                    ours_said |= (not _heading(sentence) or bool(_OURS.search(sentence))) and not _FIELD_NAME.match(sentence, m.start())
                    break
    if other and not ours_said and not any(ours for _, _, ours in items(text)) and not _OUR_FIELD.search(text):
        # the letter's decision in words is another drug's, no other sentence states one: its headings and
        # labels are that drug's too
        return [], "the letter decides another drug, not LUMAKRAS: left empty"
    if names_ours and not ours_said and not any(ours for _, _, ours in items(text)) and (field := other_subject(text)):
        # its headings, labels and stamps decide what its subject field names ("Study: CT chest ..."), not
        # LUMAKRAS, which it names only in passing
        return [], f"the letter decides another item ({field}), not LUMAKRAS: left empty"
    if not names_ours and (field := other_subject(text)) and not resembles_ours(text):
        # a letter that never names LUMAKRAS and whose subject field names another drug ("Product ...
        # METOCLOPRAMIDE 10 mg", filed in the LUMAKRAS case): its decision, number and dates are that drug's
        return [], f"the letter decides another item ({field}) and never names LUMAKRAS: left empty"
    values = {h.value for h in labeled} | {h.value for h in said}
    if values == {"approved", "denied"} and (
        any(PARTIAL.search(text, h.start, h.end) for h in said)
        # a label's value "APPROVED WITH MODIFICATION" (the part not approved, said below, is what was changed)
        or any(h.value == "approved" and PARTIAL.match(text[h.start : h.end + 40]) for h in labeled)
        or _MODIFIED.search(text)
    ):
        said = [h for h in said if h.value == "approved"]  # the part not approved is the rest of the request
        labeled = [h for h in labeled if h.value == "approved"]
        values = {"approved"}
    if undecided and values != {"pended"}:
        return [], f"the letter says no decision was made ({' '.join(undecided.group(0).split())}): left empty"
    if not values and not other:  # no known wording: a decision word bound to this request in any shape
        general = decision.general_hits(text, decides_other if names_ours else None)
        if len({h.value for h in general}) > 1:
            return [], "the letter states more than one outcome (" + ", ".join(sorted({h.value for h in general})) + "): left empty"
        said, values = general, {h.value for h in general}
    if not values and not other:  # nor a general shape: where the letter places its decision (a symbol, a title)
        placed_ = placed.placed_hits(text, decides_other if names_ours else None)
        if len({h.value for h in placed_}) > 1:
            return [], "the letter states more than one outcome (" + ", ".join(sorted({h.value for h in placed_})) + "): left empty"
        said, values = placed_, {h.value for h in placed_}
    if not values and not other:  # nor placed: an app's icon line ("✕  Not approved"), a decision deferred
        late = status_icon.hits(text, _OUTCOME_WORDS) + deferred.hits(text) + upheld.hits(text)
        if len({h.value for h in late}) > 1:
            return [], "the letter states more than one outcome (" + ", ".join(sorted({h.value for h in late})) + "): left empty"
        said, values = late, {h.value for h in late}
    if not values:
        return [], "the outcome could not be read (no approval, denial or request for information is stated)"
    if len(values) > 1:
        return [], "the letter states more than one outcome (" + ", ".join(sorted(values)) + "): left empty"
    return labeled + said, ""


# another drug's cover in force, said as a reason ("KRAZATI (adagrasib) is already authorized for this member")
_IN_FORCE = re.compile(r"\b(?:already|currently|still)\s+(?:been\s+)?(?:authori[sz]ed|approved|covered|certified)\b", I)


def outcome(text: str, codes: dict[str, str] | None = None) -> tuple[Hit | None, str]:
    """The letter's outcome and its span, or (None, why not)."""
    hits, why = outcome_hits(text, codes)
    return (hits[0] if hits else None), why


def decides_another_drug(text: str) -> bool:
    """Whether the letter states a decision only about another drug ("APPROVED: ondansetron 8 mg ..." in a
    letter that mentions LUMAKRAS only in passing): a statement of an outcome in a sentence that names
    another dosed drug and not LUMAKRAS, and none about this request. The number such a letter gives is
    the other drug's, never proposed for LUMAKRAS."""
    hits, _ = outcome_hits(text)
    if hits:
        return False
    if not _OURS.search(text):  # a letter that never names LUMAKRAS: its subject field names another drug
        return bool(other_subject(text)) and not resembles_ours(text)
    if other_subject(text) and not any(ours for _, _, ours in items(text)):
        return True
    for s in _SENTENCE.finditer(text):
        sentence, _ = _expanded(s.group(0))
        if _CONDITIONAL.search(sentence) or not decides_other(sentence):
            continue
        if any(p.search(sentence) for patterns in _STATEMENT_RES.values() for p in patterns):
            return True
    return False
