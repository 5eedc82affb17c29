"""The patient's name and member id in the shapes the labelled rules of :func:`priorauth.letters.fields.patient`
do not read, each read only when those rules left the field empty.

Issue 18's nineteenth set printed the patient

* on one line of fields, the name after a short label and before its date of birth ("Pt: Jane Doe DOB 02/03/1961
  Mbr KHM40917265", an SMS thread's message) or set off by bullets ("Patient  •  Jane Doe  •  DOB ...", a bullet the PDF's font lacks read as U+007F);
* in a sentence, the name after "for" or "of" and a comma before its date of birth ("the request for Jane Doe,
  date of birth ..."), after "about" / "for" with its birth in brackets (the twentieth set's one-paragraph letter:
  "writes ... about Jane Doe (born the 2nd of March 1960, ..."), or alone at a line's start with its birth in brackets ("Jane Doe (born 2 March 1960; ...");
* (the twenty-first set) in a deed's parties clause ("issued ... with respect to Jane Doe, born March 3, 1946"), on an
  app's card after "For" and a column gap, a dot before the birth ("For   Jane Doe · DOB ..."), or in a subject line
  after a dash, its birth on the next line ("Re:  LUMAKRAS decision - Jane Doe,\n  DOB ...");
* with its member number labelled the way another language or a telex writes it: the number's word first
  ("Codice assistito:", "Nº de beneficiário:", at fax "N2 de beneficiario:", "Número do beneficiário:"), "NR" for number ("MEMBER NR GPH-..."),
  "Mbr" for member ("Mbr BWH22190744").

Guards: a name has two to four capitalised words and none of :data:`patient_fields._NOT_NAME`'s words; an id has a digit
and is never a date."""

from __future__ import annotations

import re

from priorauth.letters import french_patient, german_patient, insured_labels, more_patient, nordic_patient
from priorauth.letters.spans import M

_WORD = r"(?-i:[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*\.?)"
_FULL = rf"{_WORD}(?:[ \t]+{_WORD}){{1,3}}?"
_BIRTH = r"(?i:date[ \t\n]+of[ \t\n]+birth|birth[ \t]*date|DOB|D\.O\.B\.?|born)\b"
NAMES = (
    # "Pt: Jane Doe DOB 02/03/1961", "Patient  •  Jane Doe  •  DOB ..." (a short label, a colon or a bullet)
    re.compile(
        rf"(?:^|(?<=[ \t]))(?i:pt|patient|member|name)[ \t]*[:•·|\x7f][ \t]*(?P<v>{_FULL})(?=[ \t]+(?:[•·|\x7f][ \t]*)?{_BIRTH})", M
    ),
    # "the LUMAKRAS request for Jane Doe, date of birth ...", "... for Jane Doe,\nbirth date 08/21/1949"; a deed's
    # parties clause, "issued ... with respect to Jane Doe, born March 3, 1946" (the twenty-first set)
    re.compile(rf"\b(?:for|of|(?:with|in)[ \t]+(?:respect|relation)[ \t]+to|regarding|concerning)[ \t]+(?P<v>{_FULL}),\s*(?={_BIRTH})"),
    # an app's card: "For   Jane Doe · DOB Jan 30, 1957 · ID ..." (the label "For" and a column gap, a dot before the birth)
    re.compile(rf"^[ \t]*(?i:for|patient|member)[ \t]{{2,}}(?P<v>{_FULL})[ \t]+[•·|][ \t]*(?={_BIRTH})", M),
    # a subject line's name after a dash, its birth after the comma: "Re:  LUMAKRAS decision - Jane Doe,\n  DOB ..."
    re.compile(rf"^[ \t]*(?i:re|subject)[ \t]*:[^\n]*?[ \t][-–—][ \t]+(?P<v>{_FULL}),\s*(?={_BIRTH})", M),
    # "... writes about Jane Doe (born the 2nd of March 1960, member ...)", "the request for Jane Doe (DOB ...)": a
    # letter run as one paragraph names the patient after what it is about, the birth in brackets after the name
    re.compile(rf"\b(?:about|for|of|regarding|concerning)[ \t\n]+(?P<v>{_FULL})[ \t]*\((?={_BIRTH})"),
    # a German or French form's "Name, Vorname:" / "Nom, prénom :" over "Surname, Given" (read as printed)
    re.compile(rf"^[ \t]*(?i:name,[ \t]*vorname|nom,[ \t]*pr[ée]nom)[ \t]*:[ \t]*(?P<v>{_WORD},[ \t]+{_WORD}(?:[ \t]+{_WORD})?)[ \t]*$", M),
    # "Jane Doe (born 2 March 1960; member ...)" alone at its line's start
    re.compile(rf"^[ \t]*(?P<v>{_FULL})[ \t]*\((?={_BIRTH})", M),
    french_patient.NAME,  # "Adhérent(e) :  Mme Hélène Dupont" (the twenty-second pass)
    german_patient.NAME,  # "Versicherte/r:  Frau Ingrid Beispiel" (the twenty-second pass)
    nordic_patient.NAME,  # "Medlem:  Mette Jensen" (the twenty-fourth safety pass)
    more_patient.NAME,  # "Pojištěnka:  Jana Nováková", "Sigortalı:", "Jäsen:" (the twenty-fifth safety pass)
    insured_labels.NAME,  # "Asegurada:  D.ª Ana Ruiz", "Iscritta:", "Nama Tertanggung:" (the twenty-fifth pass)
)
_ID = r"(?P<v>(?-i:(?=[A-Z0-9\- ]*\d)(?!\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){4,24}))(?![A-Za-z0-9])"
MEMBER_IDS = (
    # "Codice assistito: VDR 0091 4457 3", "Nº de beneficiário: 3301-77845-02", "Número do beneficiário: ..."
    re.compile(
        r"^[ \t|]*(?i:codice(?:[ \t]+(?:dell['’][ \t]*)?)|n\.?[ \t]*[º°2][ \t]*(?:d[eoa][ \t]+)?|n[uú]mero[ \t]+d[eoa][ \t]+)"
        rf"(?i:assistit[oa]|benefici[aá]ri[oa]|segurad[oa]|utente|associad[oa])[ \t]*[:.][ \t]*{_ID}",
        M,
    ),
    # "MEMBER NR GPH-4471-3308" (a telex), "Mbr BWH22190744" (an SMS)
    re.compile(rf"\b(?i:member[ \t:]+nr\.?|mbr\.?)[ \t]*[:#]?[ \t]*{_ID}"),
    nordic_patient.MEMBER_ID,  # "Medlemsnummer:  SJF 0210 5077 3" (the twenty-fourth safety pass)
    more_patient.MEMBER_ID,  # "Číslo pojištěnce:", "Üye no:", "Jäsennumero:" (the twenty-fifth safety pass)
    insured_labels.MEMBER_ID,  # "Försäkringsnummer", "TAJ szám:", "Código de afiliado:" (the twenty-fifth pass)
    insured_labels.DOTTED_MEMBER_ID,  # "Nº da carteirinha:  8840.0192.7003" (the twenty-seventh pass)
)


def name(text: str, refused: re.Pattern[str]) -> re.Match[str] | None:
    """The first name a rule here reads that ``refused`` (the words a name never has) does not refuse."""
    for rule in NAMES:
        for m in rule.finditer(text):
            if not refused.search(m.group("v")):
                return m
    return None


def member_id(text: str) -> re.Match[str] | None:
    """The first member id a rule here reads."""
    for rule in MEMBER_IDS:
        if m := rule.search(text):
            return m
    return None
