"""A payer's statement of its decision in the wordings the twenty-eighth set brought (the twenty-seventh pass): a Finnish
passive ("Hakemus hyväksytään"), a Swiss German cost guarantee in prose ("dass wir die Kosten ... übernehmen"), a Spanish
"ha sido AUTORIZADO", a Hungarian first person ("A kérelmet elutasítjuk"), a Romanian request named with its kind
("Cererea de decontare a fost respinsă"), a French medical adviser's opinion ("l'avis du médecin-conseil est
défavorable", a subject's "DÉCISION DE REFUS"), an English heading naming a pre-authorisation ("APPROVAL OF
PRE-AUTHORISATION"), and a request kept open for papers (an Italian "resta sospesa", an Indonesian "belum dapat kami
proses", an Icelandic "til að afgreiða umsóknina vantar:", an English "Please provide the following:" opening its
sentence).

Read by :mod:`priorauth.letters.outcome` with the other statements (:mod:`priorauth.letters.statements`), under the same
guards: a condition (these languages' "if", :data:`priorauth.letters.outcome_guards._CONDITIONAL`), another drug,
disagreeing statements leave the outcome empty. Guards of their own: a negation before an approval is a denial and never
an approval (``ei hyväksytä``, ``nicht übernehmen``, ``no ha sido autorizado``); a drug's indication ("ha sido
autorizado para el tratamiento de ...") is no decision; an opinion is read only as a verb said of it ("l'avis ... est
défavorable", never the noun alone); a request for papers is read only opening its sentence or said of the request."""

from __future__ import annotations

_BOX = "■"  # a letter the PDF's font could not print

APPROVED = [
    # Finnish: "Hakemus hyväksytään", "Hakemus on hyväksytty", "myönnetään" (its negation is another form: "ei hyväksytä")
    r"\b(?:hakemus|anomus)\s+(?:on\s+)?(?:hyv[äa]ksyt[äa][äa]n|hyv[äa]ksytty|my[öo]nnet[äa][äa]n|my[öo]nnetty)\b",
    # Swiss German prose: "dass wir die Kosten aus der Zusatzversicherung übernehmen" (never "nicht übernehmen")
    # (its line wrapped at fax: "... aus der Zusatzversicherung\nubernehmen.")
    r"\bdass\s+wir\s+(?:Ihnen\s+)?die\s+kosten\b(?:(?!\bnicht\b|\bkeine?\b)[^.]){0,80}?\b[üu]bernehmen\b",
    # Spanish: "el medicamento ha sido AUTORIZADO" (never "no ha sido", nor an indication: "autorizado para el tratamiento")
    r"(?<!\bno\s)\b(?:fue|ha\s+sido|han\s+sido)\s+autorizad[ao]s?\b"
    r"(?!\s+(?:(?:s[oó]lo|solamente|[uú]nicamente)\s+)?(?:para|en)\s+(?:el\s+tratamiento|tumore?s|pacientes|adultos|uso|c[aá]ncer))",
    # Romanian, the request named with its kind: "Cererea de decontare a fost aprobată" (never "nu a fost")
    rf"\bcererea\s+de\s+\w+\s+(?:este|a\s+fost)\s+aprobat[ăa{_BOX}]?(?!\w)",
    # French, a medical adviser's opinion said of it: "l'avis du médecin-conseil est favorable"
    r"\bavis\b[^.\n]{0,40}?\best\s+favorable\b",
    # an English heading naming what it approves: "APPROVAL OF PRE-AUTHORISATION" (in capitals, opening its line)
    r"(?-i:^\s*APPROVAL\s+OF\s+(?:YOUR\s+|THE\s+)?(?:PRE-?AUTHORI[SZ]ATION|PRIOR\s+AUTHORI[SZ]ATION)\b)",
]
DENIED = [
    r"\b(?:hakemus|anomus)\s+(?:on\s+)?(?:hyl[äa]t[äa][äa]n|hyl[äa]tty)\b|\b(?:hakemusta|anomusta)\s+ei\s+(?:hyv[äa]ksyt[äa]|my[öo]nnet[äa])\b",
    r"\bdass\s+wir\s+(?:Ihnen\s+)?die\s+kosten\b[^.]{0,80}?\b(?:nicht|keine?)\b[^.]{0,40}?\b[üu]bernehmen\b",
    r"\bno\s+(?:fue|ha\s+sido|han\s+sido)\s+autorizad[ao]s?\b",
    # Hungarian, first person plural: "A kérelmet elutasítjuk" ("we reject the request")
    r"\bk[ée]relm(?:et|[üu]ket)\s+elutas[íi]tjuk\b|\belutas[íi]tjuk\s+(?:a\s+)?k[ée]relm",
    rf"\bcererea\s+de\s+\w+\s+(?:este|a\s+fost)\s+respins[ăa{_BOX}]?(?!\w)|\bcererea\s+de\s+\w+\s+nu\s+(?:este|a\s+fost)\s+aprobat",
    r"\bavis\b[^.\n]{0,40}?\best\s+d[ée]favorable\b|(?-i:\bD[ÉE]CISION\s+DE\s+REFUS\b)",
    r"(?-i:^\s*DENIAL\s+OF\s+(?:YOUR\s+|THE\s+)?(?:PRE-?AUTHORI[SZ]ATION|PRIOR\s+AUTHORI[SZ]ATION)\b)",
]
PENDED = [
    # Italian: "La pratica resta sospesa fino al ricevimento della documentazione"
    r"\b(?:pratica|richiesta|domanda)\b[^.\n]{0,40}?\b(?:resta|rimane)\s+(?:sospesa|in\s+sospeso)\b",
    # Indonesian: "pengajuan belum dapat kami proses" ("we cannot process the request yet")
    r"\b(?:pengajuan|permohonan)\s+belum\s+dapat\s+(?:kami\s+)?(?:proses|diproses)\b",
    # Icelandic: "Til að unnt sé að afgreiða umsóknina vantar:" ("to process the application we lack:")
    r"\bafgrei[ðd]a\s+ums[óo]kn\w*\s+vantar\b",
    # English, a request for papers opening its sentence (after a gloss in another language: "... / Please provide the
    # following:"), its list after the colon
    r"(?:^|\s/\s+)please\s+(?:provide|send|submit)\s+(?:us\s+)?the\s+following(?:\s+\w+){0,2}\s*:",
]
