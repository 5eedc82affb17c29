"""A payer's statement of its decision in the wordings the twenty-ninth set brought (the twenty-eighth pass): a Norwegian
"Søknaden er innvilget", an English "The application is granted" and "The request is repudiated", a Polish "wyrażamy
zgodę na pokrycie kosztów", a German "erteilen wir folgende Leistungszusage", a Slovenian "smo zavrnili", a Latvian "ir
noraidīts", a Bulgarian "не се одобрява", a Russian label "Решение: ОТКАЗАНО"; and a request kept open for papers (a
Lithuanian "Prašome pateikti:", a Serbian "Молимо да доставите", a French "ne peut être instruite en l'état" or a
heading "DEMANDE DE PIÈCES COMPLÉMENTAIRES", a Slovak "Na posúdenie žiadosti ... potrebujeme:", an English "Decision will
be given after receipt of the documents", a Spanish status "EN AUDITORÍA MÉDICA").

Read by :mod:`priorauth.letters.outcome` with the other statements (:mod:`priorauth.letters.statements`), under the same
guards: a condition (``if``, ``falls``, ``si``...), another drug, disagreeing statements leave the outcome empty. Guards of
their own: a negation before an approval is a denial, never an approval ("Søknaden er ikke innvilget", "nie wyrażamy
zgody", "keine Leistungszusage"); an English approval only said of the application or request in the present or
perfect ("if the application is granted" is a condition); a request for papers only opening its sentence or its list's
colon; an acknowledgement of receipt ("Your request has been registered") is none of these."""

from __future__ import annotations

# (a marked letter the digital PDF's font could not print is a box, "wyra■amy zgod■": read as the letter)

APPROVED = [
    # Norwegian / Danish: "Søknaden er innvilget", "Ansøgningen er bevilget" (never "ikke innvilget")
    r"\b(?:s[øo■]knaden|ans[øo■]gningen)\s+(?:er\s+|blir\s+)?(?:innvilget|innvilges|bevilget|bevilges|godkjent|godkendt)\b",
    # English: "The application is granted" (the request's own noun, the present or perfect)
    r"(?<!\bif\s)(?<!\bonce\s)(?<!\bwhen\s)\b(?:the|your|this)\s+(?:application|request)\s+(?:is|has\s+been)\s+granted\b",
    # Polish: "wyrażamy zgodę na pokrycie kosztów" (never "nie wyrażamy zgody")
    r"(?<!\bnie\s)\bwyra[żz■]amy\s+zgod[ęe■]\s+na\b",
    # German: "erteilen wir folgende Leistungszusage" / "Kostenzusage"
    r"\berteilen\s+wir\s+(?:Ihnen\s+)?(?:folgende|die|eine)\s+(?:Leistungs|Kosten)zusage\b",
    # Russian / Bulgarian label in capitals: "Решение: ОДОБРЕНО"
    r"(?-i:^[ \t]*(?:Решение|РЕШЕНИЕ)[ \t]*:[ \t]*(?:ОДОБРЕНО|СОГЛАСОВАНО)\b)",
]
DENIED = [
    r"\b(?:s[øo■]knaden|ans[øo■]gningen)\s+(?:er\s+|blir\s+)?(?:avsl[åa]tt|avsl[åa]s|afsl[åa]et)\b|"
    r"\b(?:s[øo■]knaden|ans[øo■]gningen)\s+(?:er\s+|blir\s+)?ikke\s+(?:innvilget|bevilget|godkjent|godkendt)\b",
    r"\b(?:the|your|this)\s+(?:application|request|claim)\s+(?:is|has\s+been)\s+repudiated\b",
    r"\bnie\s+wyra[żz■]amy\s+zgody\s+na\b",
    # Slovenian: "Vlogo ... smo zavrnili" ("we rejected the application")
    r"\b(?:vlogo|zahtevo|zahtevek)\b[^.\n]{0,80}?\bsmo\s+zavrnili\b",
    # Latvian: "Pieteikums ... ir noraidīts"
    r"\b(?:pieteikums|iesniegums)\b[^.\n]{0,80}?\bir\s+noraid[īi■]ts(?!\w)",
    # Bulgarian: "Искането ... не се одобрява"
    r"\b(?:искането|заявлението)\b[^.\n]{0,80}?\bне\s+се\s+одобрява\b",
    r"(?-i:^[ \t]*(?:Решение|РЕШЕНИЕ)[ \t]*:[ \t]*(?:ОТКАЗАНО|ОТКАЗ)\b)",
]
PENDED = [
    # Lithuanian: "Prašome pateikti:" opening its list
    r"\bpra[šs■]ome\s+pateikti\s*:",
    # Serbian (Cyrillic): "Молимо да доставите" before its list
    r"(?:^|\.\s)\s*молимо\s+(?:да\s+)?доставите\b[^.\n]{0,40}:",
    # French: "Votre demande ne peut être instruite en l'état", a heading "DEMANDE DE PIÈCES COMPLÉMENTAIRES"
    r"\bne\s+peut\s+(?:pas\s+)?[êe]tre\s+instruite?\s+en\s+l['’][ée]tat\b",
    r"(?-i:^[ \t]*DEMANDE\s+DE\s+PI[ÈE]CES\s+COMPL[ÉE]MENTAIRES\b)",
    # Slovak: "Na posúdenie žiadosti ... potrebujeme:"
    r"\bna\s+pos[úu■]denie\s+[žz■]iadosti\b[^.\n]{0,80}?\bpotrebujeme\s*:",
    # English: "Decision will be given after receipt of the documents"
    r"(?:^|\.\s)\s*(?:a\s+|the\s+|our\s+)?decision\s+will\s+be\s+(?:given|made|taken)\s+(?:only\s+)?(?:after|on|upon)\s+(?:the\s+)?receipt\s+of\b",
    # Spanish: a status "EN AUDITORÍA MÉDICA" (the request under the fund's medical audit)
    r"\bestado\s+del?\s+(?:tr[áa]mite|solicitud)\s*:\s*en\s+auditor[íi]a\s+m[ée]dica\b",
]
