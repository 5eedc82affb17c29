"""The statements a payer makes of a decision, per outcome and per language ("has been denied", "fue
APROBADA", "Ihr Antrag wurde genehmigt", "We need the following"), a partial or modified approval, and a
sentence's contractions written out before they are read ("can't" as "cannot")."""

from __future__ import annotations

import re

from priorauth.letters import (
    statement_languages,
    statement_phrases,
    statement_set29,
    statement_set31,
    statement_set32,
    statement_set33,
    statement_set34,
    statement_set35,
    statement_set36,
    statement_set37,
)
from priorauth.letters.spans import I, M

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
        r"\b(?:cannot|can\s*not|unable\s+to|not\s+able\s+to|will\s+not)\s+(?:yet\s+)?(?:finish|complete|continue|make|reach|render|begin|start|process|decide|proceed)\b[^.;]{0,100}?\buntil\s+(?:we|you|the|your|our|it|they)\b",
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
# the languages and wordings of the twenty-sixth set (the twenty-fifth pass)
for _value, _patterns in (
    ("approved", statement_languages.APPROVED),
    ("denied", statement_languages.DENIED),
    ("pended", statement_languages.PENDED),
    # and of the twenty-eighth set (the twenty-seventh pass)
    ("approved", statement_phrases.APPROVED),
    ("denied", statement_phrases.DENIED),
    ("pended", statement_phrases.PENDED),
    # and of the twenty-ninth set (the twenty-eighth pass)
    ("approved", statement_set29.APPROVED),
    ("denied", statement_set29.DENIED),
    ("pended", statement_set29.PENDED),
    # and of the thirty-first set, US plans' letters (the twenty-ninth pass)
    ("approved", statement_set31.APPROVED),
    ("denied", statement_set31.DENIED),
    ("pended", statement_set31.PENDED),
    # and of the thirty-second set, US plans' letters (the thirtieth pass)
    ("approved", statement_set32.APPROVED),
    ("denied", statement_set32.DENIED),
    ("pended", statement_set32.PENDED),
    # and of the thirty-third set, US plans' letters (the thirty-first pass)
    ("approved", statement_set33.APPROVED),
    ("denied", statement_set33.DENIED),
    # and of the thirty-fourth set, US plans' letters (the thirty-second pass)
    ("approved", statement_set34.APPROVED),
    ("pended", statement_set34.PENDED),
    # and of the thirty-fifth set, US plans' letters (the thirty-third pass)
    ("denied", statement_set35.DENIED),
    ("approved", statement_set35.APPROVED),
    ("pended", statement_set35.PENDED),
    # and of the thirty-sixth set, US plans' letters (the thirty-fourth pass)
    ("denied", statement_set36.DENIED),
    ("approved", statement_set36.APPROVED),
    ("pended", statement_set36.PENDED),
    # and of the thirty-seventh set, US plans' letters (letters pass 35)
    ("denied", statement_set37.DENIED),
    ("pended", statement_set37.PENDED),
):
    _STATEMENTS[_value].extend(_patterns)
_STATEMENT_RES = {k: [re.compile(p, I) for p in v] for k, v in _STATEMENTS.items()}

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
