"""A payer's statement of its decision in the languages the twenty-sixth set brought (the twenty-fifth pass): Italian,
Danish, Dutch, Hungarian, Romanian, Indonesian, Icelandic and Vietnamese verbs of a decision, and English wordings of a
request kept open ("kept PENDING for want of", "cannot be processed yet", "Before a decision can be made").

Each statement is a verb said of the request in its own language's passive or first person ("è stata ACCOLTA", "Vi har
bevilget", "a kérelemnek helyt ad", "respinge cererea", "tidak dapat kami setujui", "Umsókn er SYNJAÐ"), read by
:mod:`priorauth.letters.outcome` with the English statements (:mod:`priorauth.letters.statements`), under the same
guards: a condition (these languages' "if" are in :data:`priorauth.letters.outcome_guards._CONDITIONAL`), another drug,
disagreeing statements leave the outcome empty. Guards of their own: a negation before an approval's verb makes it a
denial and never an approval (``non è stata accolta``, ``ikke bevilget``, ``nem ad helyt``, ``nu aprobă``, ``tidak
dapat kami setujui``, ``ekki samþykkt``, ``không được chấp thuận``); a drug's indication ("è approvato per il
trattamento di ...") is no decision; a noun of an appeal ("synjun", "contestată") is no statement.

The twenty-sixth pass added the twenty-seventh set's statements (a way letters are written in Central and Eastern
Europe, Norway, French- and Spanish-speaking Africa and America): a Polish passive ("wniosek został rozpatrzony
pozytywnie"), a Norwegian first person ("innvilger dekning", "avslår søknaden"), a South Slavic impersonal verb
("Odbija se zahtjev", "Zahtev se ODBIJA", "odobrava se"), a Slovak insurer's "(ne)vyhovuje žiadosti", a Lithuanian
"prašymas patenkintas", a French "ne peut être acceptée", and a request held for papers ("el trámite se mantiene en
espera", "le dossier est suspendu dans l'attente", "needs the following before deciding"). Guards as above: a negation
before an approval's verb is never an approval (``nie został``, ``ikke innvilger``, ``ne odobrava``, the Slovak
``ne-`` is its own word); a condition leaves the sentence unread."""

from __future__ import annotations

from priorauth.letters.misread import marked

APPROVED = [
    # Italian: "la richiesta ... è stata ACCOLTA", "viene autorizzata" (never "non è stata accolta", nor an indication)
    r"(?<!\bnon\s)\b(?:(?:è|e'|é)\s+stat[ao]|viene|vengono)\s+(?:accolt|approvat|autorizzat)[ao]\b"
    r"(?!\s+(?:solo\s+|soltanto\s+)?(?:per|in)\s+(?:il\s+trattamento|pazienti|adulti|uso))",
    # Dutch: "U krijgt toestemming (een machtiging) voor", "wij geven u toestemming" (never "geen toestemming")
    r"\b(?:u|je)\s+krijgt\s+(?:een\s+)?(?:toestemming|machtiging)\b|\bwij\s+(?:geven|verlenen)\s+(?:u\s+)?(?:toestemming|een\s+machtiging)\b",
    # Danish: "Vi har bevilget enkelttilskud", "Ansøgningen er godkendt" (a negation sits between: never read)
    r"\b(?:vi\s+har|har\s+vi)\s+(?:hermed\s+)?(?:bevilget|bevilliget|godkendt|imødekommet)\b|"
    r"\b(?:er|bliver|blev)\s+(?:hermed\s+)?(?:bevilget|bevilliget|godkendt|imødekommet)\b(?!\s+(?:til|for)\s+(?:behandling|patienter|voksne))",
    # Hungarian: "A Hivatal a kérelemnek helyt ad", "a kérelmet jóváhagyja" (never "nem ad helyt")
    r"\bkérelemnek\s+helyt\s+ad(?:ott)?\b|\bkérelmet\s+(?:jóváhagyja|engedélyezi)\b",
    # Romanian: "aprobă cererea", "cererea a fost aprobată" (never "nu aprobă")
    r"(?<!\bnu\s)\baprob[ăa]\s+cererea\b|\bcererea\s+(?:este|a\s+fost)\s+aprobat[ăa]\b",
    # Indonesian: "telah disetujui", "dapat kami setujui" (never "tidak dapat kami setujui", "belum disetujui")
    r"(?<!\btidak\s)(?<!\bbelum\s)\b(?:telah|sudah)\s+disetujui\b|(?<!\btidak\s)\bdapat\s+kami\s+setujui\b",
    # Icelandic: "Umsókn er samþykkt" (never "ekki samþykkt")
    r"\b(?:umsókn(?:in)?\s+)?(?:er|var|hefur\s+verið)\s+samþykkt\b(?!\s+(?:til|fyrir)\s)",
    # an English heading that names the letter's kind: "APPROVAL OF REQUEST FOR SPECIALIST MEDICATION" (in capitals,
    # opening its line: "approval of the request" inside a sentence is not read)
    r"(?-i:^\s*APPROVAL\s+OF\s+(?:YOUR\s+|THE\s+)?(?:[A-Z]+\s+){0,2}(?:REQUEST|APPLICATION)\b)",
    # Vietnamese: "yêu cầu đã được chấp thuận" (never "không được chấp thuận")
    r"(?<!không\s)\bđược\s+(?:chấp\s+thuận|phê\s+duyệt)\b",
    r"(?-i:^\s*(?:Objet\s*:\s*)?ACCORD\s+DE\s+(?:PRISE\s+EN\s+CHARGE|REMBOURSEMENT)\b)",
    # Polish: "wniosek ... został ROZPATRZONY POZYTYWNIE" (never "nie został", nor "negatywnie")
    # (a PDF's font may print the "ł" as a box: the verb's ending is not needed, "nie" before it still is)
    r"(?<!\bnie\s)(?<!\bnie\szosta.\s)(?<!\bnie\szosta..\s)(?<!\bnie\szostaje\s)\b(?:(?:zosta\S{1,2}|zostaje)\s+)?"
    r"(?:rozpatrzon[yae]\s+pozytywnie|zaakceptowan[yae]|zatwierdzon[yae])\b",
    # Norwegian: "... og innvilger dekning av legemidlet" (never "ikke innvilger", nor a request to grant)
    r"(?<!\bikke\s)(?<!\bå\s)\binnvilger\s+(?:vi\s+)?(?:(?:herved|derfor)\s+)?(?:dekning|søknaden|refusjon|forhåndsgodkjenning)\b",
    # Croatian, Serbian, Bosnian: "Odobrava se zahtjev", "Zahtev se odobrava" (never "ne odobrava se")
    r"(?<!\bne\s)\bodobrava\s+se\s+zahtj?e[vj]\b|\bzahtj?e[vj]\s+se\s+odobrava\b",
    # Slovak: "poisťovňa žiadosti vyhovuje" (its negation is one word: "nevyhovuje")
    rf"\b{marked('žiadosti')}\s+(?:v\s+plnom\s+rozsahu\s+)?vyhovuje\b|\bvyhovuje\s+{marked('žiadosti')}\b",
    # Lithuanian: "PRAŠYMAS PATENKINTAS" (never "nepatenkintas": its own word)
    rf"\b{marked('prašymas')}\s+(?:yra\s+)?patenkintas\b",
]
DENIED = [
    r"(?-i:^\s*DENIAL\s+OF\s+(?:YOUR\s+|THE\s+)?(?:[A-Z]+\s+){0,2}(?:REQUEST|APPLICATION)\b)",
    r"\b(?:è|e')\s+stat[ao]\s+(?:respint|rigettat)[ao]\b|\bnon\s+(?:è|e')\s+stat[ao]\s+(?:accolt|approvat|autorizzat)[ao]\b|"
    r"\bnon\s+pu[òo]\s+essere\s+(?:accolt|approvat|autorizzat)[ao]\b",
    r"\b(?:er|bliver|blev)\s+(?:hermed\s+)?(?:afslået|afvist|ikke\s+(?:bevilget|godkendt))\b|\bvi\s+har\s+(?:afslået|afvist|givet\s+afslag)\b|"
    r"\bvi\s+kan\s+ikke\s+(?:bevilge|godkende|imødekomme)\b",
    r"\bkérelmet\s+elutasítja\b|\bkérelemnek\s+nem\s+ad\s+helyt\b",
    r"\brespinge\s+cererea\b|\bcererea\s+(?:este|a\s+fost)\s+respins[ăa]\b|\bnu\s+aprob[ăa]\s+cererea\b",
    r"\btidak\s+(?:dapat\s+kami\s+setujui|disetujui)\b|\b(?:permohonan|pengajuan)\b[^.\n]{0,60}?\bditolak\b",
    r"\b(?:umsókn(?:in)?\s+)?(?:er|var|hefur\s+verið)\s+(?:synjað|hafnað|ekki\s+samþykkt)\b",
    r"\bkhông\s+được\s+(?:chấp\s+thuận|phê\s+duyệt)\b",
    r"\bnie\s+(?:zosta\S{1,2}|zostaje)\s+(?:rozpatrzon[yae]\s+pozytywnie|zaakceptowan[yae]|zatwierdzon[yae])\b|"
    r"\brozpatrzon[yae]\s+negatywnie\b",
    r"\b(?:vi\s+)?avslår\s+(?:vi\s+)?(?:herved\s+|derfor\s+)?(?:søknaden|dekning)\b|\bikke\s+innvilger\s+(?:dekning|søknaden)\b",
    r"\bodbija\s+se\s+zahtj?e[vj]\b|\bzahtj?e[vj]\s+se\s+odbija\b|\bne\s+odobrava\s+se\s+zahtj?e[vj]\b",
    rf"\b{marked('žiadosti')}\s+nevyhovuje\b|\bnevyhovuje\s+{marked('žiadosti')}\b|\b{marked('žiadosť')}\s+(?:sa\s+)?zamieta\b|\bzamieta\s+(?:sa\s+)?{marked('žiadosť')}",
    rf"\b{marked('prašymas')}\s+(?:yra\s+)?(?:nepatenkintas|atmestas)\b",
    # a French subject line in capitals: "Objet : REFUS DE PRISE EN CHARGE - LUMAKRAS ..." (opening its line)
    r"(?-i:^\s*(?:Objet\s*:\s*)?REFUS\s+DE\s+(?:PRISE\s+EN\s+CHARGE|REMBOURSEMENT)\b)",
    # French: "la demande de prise en charge ne peut être acceptée" (a request's, never a document's)
    r"\b(?:demande|requête)\b[^.]{0,60}?\bne\s+(?:peut|pourra)\s+(?:pas\s+)?" + marked("être") + r"\s+(?:accept[ée]e|accord[ée]e|retenue)\b",
]
PENDED = [
    # English: "The above request is kept PENDING for want of the following", "stays pending until ..."
    r"\bkept\s+(?:pending|on\s+hold|in\s+abeyance)\b|\bstays\s+(?:pending|on\s+hold)\b",
    r"\b(?:cannot|can\s*not)\s+be\s+(?:processed|reviewed|completed|decided)\s+yet\b",
    r"\bbefore\s+a\s+(?:decision|determination)\s+can\s+be\s+(?:made|reached|taken)\b",
    # Italian: "la pratica in oggetto è sospesa", "si chiede di trasmettere"
    r"\b(?:pratica|richiesta|domanda)\b[^.\n]{0,40}?\b(?:è|e')\s+(?:sospesa|in\s+sospeso)\b|\bsi\s+chiede\s+di\s+(?:trasmettere|inviare|integrare)\b",
    # Danish: "Sagen er sat i bero", "beder vi om:"
    r"\bsagen\s+er\s+sat\s+i\s+bero\b|\bbeder\s+vi\s+om\b",
    # a request held for papers: "el trámite se mantiene en espera", "Le dossier est suspendu dans l'attente de ces
    # pièces", "the committee ... needs the following before deciding"
    r"\b(?:tr[áa]mite|solicitud|expediente|caso)\s+(?:se\s+)?(?:mantiene|queda|permanece)\s+en\s+(?:espera|suspenso)\b",
    r"\b(?:dossier|demande)\s+est\s+(?:suspendu|mis\s+en\s+attente)e?\b",
    r"\bneeds?\s+the\s+following\s+(?:\w+\s+){0,2}before\s+(?:deciding|(?:a|its|our|any)\s+decision|it\s+can\s+decide)\b",
]
