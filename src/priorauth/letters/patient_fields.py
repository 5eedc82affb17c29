"""The patient as the letter prints them: name, date of birth and member id, each with its span. Split out of
:mod:`priorauth.letters.fields`."""

from __future__ import annotations

import re

from priorauth.letters import (
    bilingual_labels,
    card_number,
    chat,
    cjk_dates,
    dates,
    declared_order,
    household,
    insured_labels,
    label_gloss,
    member_labels,
    more_patient,
    named,
    nordic_patient,
    parts,
    ranks,
    system_ids,
)
from priorauth.letters.letter_dates import _SIX, letter_date
from priorauth.letters.request_number import LEADER
from priorauth.letters.spans import GARBLED_LEADER, Hit, I, M

# -- the patient -------------------------------------------------------------------------------------
_STOP = (
    # (a label starts at a word's start, the twenty-ninth set's safety pass: "Weißenborn" is never cut at its "born"; a
    # German "geb." is a birth label, "Jürgen Weißenborn, geb. 17.04.1955")
    r"(?=\s{2,}|\s*\n|\s*$|\s+[-—–·]\s|\s*[,(;|—–·]?\s*(?:DOB|D\.O\.B|(?<![^\W\d_])(?:Date\s+of\s+birth|Birth|Born|Member|ID|Subscriber|Policy|Group|Plan|geb(?=\.\s)))\b"
    r"|\s*[(;|]"
    r"|[ \t]+_+[ \t]*(?=\||\n|$))"  # a form's blank left after the entry ("Member  Jane Doe _ |", a fax's leader)
)
_ROLE = (
    r"(?:patient|me(?:m|rn)ber|enrollee|beneficiary|insured|subscriber|participant|recipient|claimant|cardholder|"
    r"injured\s+(?:worker|employee)|employee|adh[ée]rente?|benefici[aá]ri[oa]|assistit[oa]|covered\s+person|veteran|applicant|policy\s?holder|employee/dependent|dependent)"
)
_PERSON = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\-.]*(?:(?:,?[ \t]+|,(?-i:(?=[A-Z]{2})))[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\-.]*)"  # accents too (Amélie)
_NAME = re.compile(
    rf"\b(?P<role>{_ROLE})(?:'s)?(?:[\s_-]+(?:name|person)|\.(?:display|name)|[ \t]*:\s*display)?(?:[ \t]*\([a-z ]{{2,20}}\))?(?:[ \t]*(?:[:\-]|\.{{2,}})|[ \t]+{GARBLED_LEADER})"
    # (an Ethiopian title before the name, "W/ro", "W/t", "Ato", the twenty-sixth pass: the title is no part of it)
    rf"[ \t.:]*(?:(?-i:W/ro|W/t|Ato)\.?[ \t]+)?(?P<v>{_PERSON}{{0,4}}?)" + _STOP,
    I,
)
# a system's aligned columns: "MEMBER            OKAFOR, JUNE T" (the label, two or more spaces, the name)
# (a spreadsheet's numbered row, "  3  |  Member   |   Evander Sithebe-Klaasen"; a boxed form's bare "NAME" column)
_NAME_COLUMN = re.compile(
    rf"^[ \t|]*(?:\d{{1,3}}[ \t]*\|[ \t]*)?(?:{_ROLE}|PT|(?i:name))(?:\s+name)?(?:[ \t]{{2,}}|(?:[ \t]*\|)+[ \t]*|[ \t]+_[ \t]+)(?:[‘’“”'\x22](?=[A-Z]))?(?P<v>{_PERSON}{{1,3}}?)" + _STOP, M
)
_NAME_RE = re.compile(rf"^[ \t]*(?:re|regarding|concerning|(?:full\s+)?name|(?:surname|last\s+name|family\s+name)\s*,\s*(?:given|first)\s+names?|(?:to\s+the\s+)?(?:prescriber|physician|doctor)\s+of)\s*:\s*(?:{_ROLE}\s+)?(?P<v>{_PERSON}{{1,3}}?)" + _STOP, M)
# "For: Fenella D. Odhiambo-Kray      Birth date: ...": a bare "For:" names the patient only with a date of birth beside it
# (after a column gap, a dash or bar, a middle dot or bullet, a comma: "For: Jane Doe · born 02/03/1961 · member ...";
# at fax the dot read as a spaced colon or hyphen, "For: Jane Doe : born ...")
_NAME_FOR = re.compile(
    rf"^[ \t]*(?i:for)[ \t]*:[ \t]*(?P<v>{_PERSON}{{1,3}}?)(?=(?:[ \t]{{2,}}|[ \t]*[—–|·•][ \t]*|[ \t]+[-:][ \t]+|[ \t]*,[ \t]*)(?i:DOB|D\.O\.B|date\s+of\s+birth|birth|born)\b)", M
)
# a name in a sentence, set off by its date of birth: "for patient June T. Okafor (DOB 02-03-1961"
_NAME_INLINE = re.compile(
    rf"(?:(?<!-)\b(?i:{_ROLE})|\b(?-i:pt|Pt|PT)\.?|(?i:care\s+team\s+of))[ \t]+(?P<v>(?-i:[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){{1,3}}))"
    r"(?=\s*(?:[,;]\s*(?:DOB|D\.O\.B|date\s+of\s+birth|born|birth)|\(|\n|$)"
    # or a column of its own: "Member Jane Q. Doe  |  born 1960.01.02", "Enrollee Jane Doe    DOB ..." (a gap or a bar)
    r"|(?:[ \t]{2,}|[ \t]*[|·•—–][ \t]*)(?i:DOB|D\.O\.B|date[ \t]+of[ \t]+birth|born|birth[ \t]*date)\b)",
    M,
)
# a name alone at its line's start, its date of birth or member id beside it (a column) or on the next line
# ("Odalys Figueroa-Brennan\nDate of birth 05/16/1964", "Aurelio Castellanos-Whyte      Date of birth: ..."), or a
# subject line's cell before its date of birth's ("... | LUMAKRAS 320 mg | June Okafor |\n DOB 02/03/1961 | ...")
_NAME_OVER_DOB = re.compile(
    r"(?:^[ \t]*(?:To:[ \t]*)?|\|[ \t]*)(?P<v>(?-i:[A-Z][a-z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))"
    r"(?:[ \t]{2,}|[ \t]*\n[ \t]*|[ \t]*\|\s*)"
    r"(?=(?:date\s+of\s+birth|DOB|D\.O\.B|born|birth\s*date|member\s+id)\b)",
    I | M,
)
# a block headed by the role alone, as a portal prints its columns ("PATIENT          PRESCRIBER" over "June T. Okafor
# Sam Lee, MD" over "DOB: 02/03/1961   NPI: ..."): the name opening the line under the heading, its date of birth or
# member id opening the line after (the thirtieth pass; never a role with its colon, a label of its own)
_NAME_UNDER_ROLE = re.compile(
    r"^[ \t]*(?-i:PATIENT|MEMBER|ENROLLEE|Patient|Member|Enrollee)(?:[ \t]{2,}[^\n:]*)?[ \t]*\n"
    r"[ \t]*(?P<v>(?-i:[A-Z][a-z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))(?:[ \t]{2,}[^\n]*)?[ \t]*\n"
    r"[ \t]*(?=(?:date\s+of\s+birth|DOB|D\.O\.B|born|birth\s*date|member\s+(?:id|#|number|no))\b)",
    I | M,
)
# a name opening its line, its date of birth after a comma ("IN THE MATTER OF the request of\nJUNE T. OKAFOR, date of
# birth 02/03/1961, ..."): capitals too
_NAME_COMMA_DOB = re.compile(
    r"^[ \t]*(?P<v>(?-i:[A-Z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))[ \t]*,[ \t]*"
    r"(?=(?i:date[ \t]+of[ \t]+birth|DOB|D\.O\.B|born)\b)",
    M,
)
# a role and a name written "LAST, FIRST M" in capitals ending a line: an X12 print's description column
# ("NM1*IL*1*OKAFOR*JUNE*T~      Subscriber OKAFOR, JUNE T")
_NAME_CAPS_COMMA = re.compile(
    rf"(?:^|[ \t]{{2,}})(?i:{_ROLE})[ \t]+(?P<v>(?-i:[A-Z][A-Z'\-]+,[ \t]*[A-Z][A-Z'\-]+(?:[ \t]+[A-Z]\.?)?))[ \t]*$",
    M,
)
# a Dutch or German (Swiss) letter's patient block: "Verzekerde: <name>", "Versicherte Person: <name>",
# "Patiënt: <name>" at a line's start (unread, the letter's patient could not be checked against the case's)
_NAME_NL_DE = re.compile(
    r"^[ \t|]*(?i:verzekerde|pati[eë]nt(?:in)?|versicherter?(?:[ \t]+person)?|versicherungsnehmer(?:in)?)"
    rf"[ \t]*(?::|\.{{2,}})[ \t]*(?P<v>{_PERSON}{{1,3}}?)" + _STOP,
    M,
)
# a letter's address block: "Mrs. June T. Okafor" on a line of its own (or beside a label in a column)
_ADDRESSEE = re.compile(
    r"^[ \t]*(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+(?P<v>[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){1,3}?)" + _STOP, M
)
# a letter's address block without a title: under the letter's date and a blank line, a name alone on its line
# (or "To: <name>" with an id in a column beside it), then the street or the member's id
_ADDRESS_BLOCK = re.compile(
    rf"^[^\n]*(?:{dates.DATE})[ \t]*\n[ \t]*\n[ \t]*(?:To:[ \t]*)?"
    r"(?P<v>(?-i:[A-Z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}))"
    r"(?:[ \t]*\n[ \t]*(?=\d)|(?:[ \t]*\n[ \t]*|[ \t]{2,})(?=(?:member|medicaid|medicare|id|policy|subscriber|"
    r"enrollee|veteran|health\s+card|personal\s+health)\b))",
    I | M,
)
_NOT_ADDRESSEE = re.compile(
    r"\b(?:dr|doctor|md|do|clinic|oncology|hospital|inc|llc|ltd|pharmacy|health|medical|cancer)\b\.?", I
)
# the last resort: a letter to the patient names them in its salutation ("Dear Ms. June Okafor,")
_SALUTATION = re.compile(
    r"^[ \t]*(?:Dear|(?P<hi>Hello|Hi))[ \t]+(?:(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+)?(?P<v>[A-Z][A-Za-z'\-.]*(?:[ \t]+[A-Z][A-Za-z'\-.]*){0,3})"
    r"(?:(?(hi)(?!))[ \t]*[,:]|[ \t]*(?=\((?:DOB|D\.O\.B|born)\b))",  # "Hello June Okafor (DOB 02-03-1961),", never "Hi Noor," (staff)
    M,
)
_NOT_PERSON = re.compile(
    r"^(?:dr|doctor|provider|prescriber|physician|pharmacist|colleague|sir|madam|member|customer|patient|"
    r"valued|health|care|team|office|all|to|friend|subscriber|enrollee|beneficiary|colleagues|friends|sirs|partners?)\b",
    I,
)
# (a fax's "DOR:", "NOB:", "D0B:" for "DOB:", in capitals before a colon: the thirtieth pass's "NOB", a D's stroke lost)
# a date of birth after its label, in any layout: "DOB 11/3/56", "Date of birth / Fecha de nacimiento:
# 1969-02-03" (and its short forms, the twenty-seventh pass: "Fecha nacimiento:", "F. nacimiento:", "Fecha de nac.:"), "your birthday on file is\nMay 5, 1952" (the first date after the label, within a few words
# that hold no digit and no other date's label)
_DOB = re.compile(
    r"\b(?:DOB|(?-i:DOR|NOB|D0B)(?=[ \t]*:)|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|birth[-_ ]?dt\b|birth(?=[ \t]*:)|birthday|born|date\s+de\s+naissance|n[ée](?:\(e\)|e)?\s+le(?=[ \t]*:)|data\s+de\s+nascimento|data\s+di\s+nascita|nat[ao]\s+il|fecha\s+de\s+nacimiento|fecha\s+de\s+nac\.|f\.\s+nacimiento|fecha\s+nacimiento)"
    rf"(?:{LEADER}|(?:(?!\b(?:dated?|issued|effective)\b)[^\d\n]|\n(?![ \t]*\n)){{0,48}}?)(?P<d>{dates.DATE}|{_SIX})",
    I,
)
# a Dutch or German (Swiss) letter's date of birth, day first as those countries write it ("Geboortedatum:
# 05-02-1950", "Geburtsdatum: 02.12.1958": the 5th of February, never May 2nd)
_DOB_NL_DE = re.compile(
    # (a German "geb. 17.04.1955" after the name, its colon left out: the twenty-eighth pass)
    r"\b(?i:geboortedatum|geburtsdatum|geb\.(?=[ \t]*(?::|\d))|geboren(?:[ \t]+(?:am|op))?)[ \t]*(?::|\.{2,})?[ \t]*"
    r"(?P<d>(?P<dd>\d{1,2})[.\-/](?P<mm>\d{1,2})[.\-/](?P<yy>\d{4}))(?!\d)"
)
# a Dutch or German (Swiss) letter's member number: "Polisnummer: 40.118.227", "Versichertennummer: 756.4471.0912.38"
_MEMBER_NL_DE = re.compile(
    r"^[ \t|]*(?i:polisnummer|verzekerdennummer|relatienummer|lidnummer|versichertennummer|versicherten-?nr\.?|versicherungsnummer)"
    r"[ \t]*(?::|\.{2,})?[ \t]*(?P<v>[A-Z0-9](?:[A-Z0-9\-/]|[.](?=[A-Z0-9])| (?=\d)){3,24})(?![A-Za-z0-9])",
    M,
)
# (a PBM's "ID / Person code" over "CPX... / 01": the member's id first, its person code after the slash, never part of it;
# the thirty-second pass)
_MEMBER = re.compile(
    rf"(?:\b(?P<role>{_ROLE}|membership|affiliation|mbr|society|fund|carteirinha|carteira|tessera|certificate|policy|health\s+plan|medica(?:id|re)(?:[ \t]+rx)?|personal\s+health|health\s+card)(?:[ \t]*/[ \t]*{_ROLE})?"
    r"(?:\s*|\.)(?:(?:id(?:entification|entifier)?|number|no)(?![a-z])\.?|n\.?[ \t]*[º°](?![a-z])\.?|n\.2(?=[ \t]*:)|(?<=tessera )n\.(?=[ \t]*:)|#)|^[ \t|]*(?P<bare>ID|identification)\b(?:[ \t]*/[ \t]*(?i:person|dependent)[ \t]+(?i:code|no\.?|number|suffix))?)"
    r"(?:\s*(?:(?:number|no)(?![a-z])\.?|#))?"
    r"(?:[ \t]*\((?-i:[a-z])[^()\n]{1,40}\))?"  # "member ID (as given on the application): ..."
    + LEADER
    + r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)| (?=[A-Z]{1,3}\d)|(?<=[A-Z0-9])/(?=[A-Z0-9])){3,24})(?![A-Za-z0-9])",
    M,
)
# a plan's own "ID" after its name ("Plan: Cedar Mutual, ID CM-44102", "Cedar Mutual ID: CM-44102"): an ID
# label that is not another thing's id (a request's, a claim's, a session's, a prescriber's)
_ID_LABEL = re.compile(
    r"(?-i:\bID)(?:[ \t]*(?:number|no\.?|#))?[ \t]*[.:#]?[ \t]*(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)
# a member's id after the role alone, as a column of its own ("Name: ...   DOB: ...   Member: KHM-40917-265"):
# a word of letters, digits and hyphens with a digit, never a date, and ending the column
_MEMBER_BARE = re.compile(
    r"(?:(?:^|(?<=[ \t]{2}))[ \t]*(?i:member|enrollee|participant|beneficiary)(?:[ \t]*:|[ \t]*\.{3,})|"
    r"^[ \t]*(?i:member|enrollee|participant|beneficiary)(?=[ \t]{2}))[ \t]*"  # at a line's start, a column gap (OCR lost the leaders)
    r"(?!\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b)(?P<v>(?=[A-Z0-9\- ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){4,24})(?=[ \t]{2,}|[ \t]*$)",
    M,
)
# "Member HPH 8810 3345 7", "...  member GMH-1175-30098": the role and an id that opens with capitals, a column of its own;
# at a line's start the plan's name may come first, as on an address block ("Larchmere member LMH 4410 2"), never a
# word that makes it another person's or another thing's ("Former member", "Family member", "Group member")
_MEMBER_WORD = re.compile(
    r"(?:^[ \t]*(?:(?!(?i:former|previous|prior|past|other|family|group|household|dependent|subscriber|spouse|staff|team)\b)"
    r"(?-i:[A-Z][A-Za-z&'’\-]+)[ \t]+){0,3}|[ \t]{2,}|[,;][ \t]*)(?i:member)[ \t]+(?P<v>(?-i:(?=[A-Z0-9\- ]*\d)[A-Z]{2,4}[A-Z0-9\-]*(?: \d+)*))(?=[ \t]*$|[ \t]{2,}|[,;)])",
    M,
)
# "Re: June Okafor, born June 2, 1960, member RMH 600602 4417": the role and the id, a clause of a subject line
_MEMBER_CLAUSE = re.compile(
    r"[,;][ \t]*(?:member|enrollee)[ \t]+(?P<v>(?-i:(?=[A-Z0-9\- ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){4,24}))(?=[ \t]*(?:$|[,;|)]))",
    M,
)
# a "Plan ID" names the member when a date of birth is printed on its line or the line above it
# (also after a comma or a column gap, "..., DOB 1952-01-30, Plan ID KD-0044-918-2"; its groups joined by
# asterisks, "GRH*0417*2290")
_PLAN_ID = re.compile(
    r"(?:^|\||,|[ \t]{2})[ \t]*plan[ \t]+ID[ \t]*[:|]?[ \t]*"
    r"(?P<v>(?-i:(?=[A-Z0-9\-* ]*\d)[A-Z0-9](?:[A-Z0-9\-]| (?=\d)|(?<=[A-Z0-9])\*(?=[A-Z0-9])){4,24}))(?![A-Za-z0-9*])",
    M,
)
_BIRTH_WORD = re.compile(r"\b(?:DOB|date\s+of\s+birth|birth\s*date|born)\b", I)
# a batch print's label of the request's number right before the member's label, the two run together at fax
_LABEL_BEFORE = re.compile(r"(?-i:\b(?:PA|AUTH|REQ|CASE)[-_](?:NUMBER|NO|NBR|NUM|ID))[ \t]+\S+[ \t]*[:.#]?[ \t]*$")
_NOT_MEMBER_ID = re.compile(
    r"\b(?:request|case|reference|ref|claim|session|chat|conversation|call|interaction|user|login|npi|dea|tax|fax|provider|prescriber|group|rx|pa|"
    r"auth|confirmation|determination|review|episode|ticket|tracking|transaction|transport|message|trace|correlation|document|order|fax|prior\s+auth(?:orization)?|"
    r"authorization|approval|pharmacy|ncpdp|bin|pcn|employer|sponsor|payer|plan|contract|tin|ein|ssn|grant|college|licen[cs]e|registration)\W*$",
    I,
)


_NOT_NAME = re.compile(  # words a person's name never has: "Re: Your request for LUMAKRAS" is no name
    r"\b(?:id|number|name|services?|information|your|our|the|for|of|request(?:ed)?|prior|authorization|lumakras|"
    r"sotorasib|drug|medication|coverage|plan|letter|notice|appeal|review|pharmacy|benefits?|claim|"
    r"patient|member|subscriber|cardholder|beneficiary|enrollee|participant|recipient|claimant|applicant|dob|birth(?:date|day)?|date|sincerely|dear|"
    r"team|access|department|unit|center|centre|office|staff|group|portal|support|"
    r"inc|ltd|llc|plc|gmbh|b\.v|corp|corporation|company|employer|compensation|program(?:me)?|workers|"  # a company (the policyholder of a group scheme)
    r"trust|fund|health|insurance|assurance|mutual|society|union|association|administrator|"  # a payer's own name ("... EMPLOYEE HEALTH TRUST")
    # an insurer's name in another language or with a company form ("PT Asuransi ...", "... Takaful Berhad")
    r"asuransi|takaful|seguros|seguradora|aseguradora|operadora|versicherung|verzekering|assurances|mutuelle|berhad|bhd|tbk|pvt|limited)\b",
    I,
)


# the policyholder, who may not be the patient: "Subscriber: <parent>  ...  Patient (member): <child>"
_HOLDER = re.compile(r"subscriber|insured|policy", I)


# a medical-aid scheme's principal member, who may not be the patient: "Principal member:  <parent>  Membership no.: ..."
# over "Patient (dependant):  <child>  Dependant no.: ..." (the thirtieth set's safety pass)
_PRINCIPAL = re.compile(r"\b(?:principal|main|primary)[ \t]+$", I)
# a line that names the patient as a dependant, or the patient beside a principal member
_DEPENDANT_LINE = re.compile(r"^[ \t|]*(?:patient|dependa[nr]t|dependent)\b[^\n]*(?:dependa[nr]t|dependent)", I | M)
_PRINCIPAL_LINE = re.compile(r"^[ \t|]*(?:principal|main|primary)[ \t]+member\b", I | M)


def _patients_first(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Labels naming the patient (patient, member, enrollee...) before the policyholder's (subscriber,
    insured, policy), which name the patient only when the letter names no one else."""
    return sorted(
        found,
        key=lambda m: (
            bool(m.groupdict().get("role") and (_HOLDER.fullmatch(m.group("role")) or _PRINCIPAL.search(m.string, 0, m.start("role")))),
            bool(m.groupdict().get("bare")),
        ),
    )


# a French letter's member number: "No d'adhérent :", "N° d'assuré :"; the member's card number, "N° de carte :",
# "Numéro de carte d'assuré :" (the twenty-seventh set's safety pass; never a payment card's, "carte bancaire")
_MEMBER_FR = re.compile(
    r"(?:\bn[o°º]\.?|\bnum[ée]ro)\s+(?:d['’]\s*(?:adh[ée]rente?|assur[ée]e?|b[ée]n[ée]ficiaire)"
    r"|de\s+carte(?!\s+(?:bancaire|de\s+cr[ée]dit|de\s+paiement|grise))(?:\s+d['’]\s*(?:adh[ée]rente?|assur[ée]e?|affili[ée]e?)|\s+de\s+membre)?)"
    + LEADER
    + r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)


# a FHIR print's patient identifier, its quotes blanked (:func:`unmarked`): "system : urn:plan:member-id ,
# value : QV-558-20417"
_MEMBER_SYSTEM = re.compile(
    r"\bsystem[ \t]*:[ \t]*\S*(?:member|subscriber)[-_]?id[ \t,]*value[ \t]*:[ \t]*"
    r"(?P<v>[A-Z0-9](?:[A-Z0-9\-]| (?=\d)){3,24})(?![A-Za-z0-9])",
    I,
)


# a certificate the letter says is its authorization's ("AUTHORISATION CERTIFICATE", "certificate of approval"): its
# "Certificate no." is the authorization's number, never the member's (a member's certificate of coverage is)
_AUTH_CERTIFICATE = re.compile(
    r"\b(?:authori[sz]ation|approval|prior\s+approval|coverage\s+approval)\s+certificate\b|"
    r"\bcertificate\s+of\s+(?:authori[sz]ation|approval)\b",
    I,
)


# a closing bracket right after an id, the id's characters going on after it ("IWH-66) -0473", "KL-40)7719"): when no
# bracket was opened before the id on its line, OCR read a stroke of the id as the bracket and the id is cut there
_CUT_BY_PAREN = re.compile(r"\)(?:[ \t]?[-–][ \t]?)?[A-Z0-9]")


# one id filling a table's cell: "| IS-0000-X-4471 " (a digit in it)
_CELL_ID = re.compile(r"[ \t]*(?P<v>(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,24})[ \t]*")


def _under_header(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """A member's label that is a table's header cell (``Pre-Auth Ref | Status | ... | Policy No.``): the id is its own
    column's cell on the next row, never the row's first cell (another thing's number, the twenty-ninth set's safety
    pass); None when the next row has another count of cells or no id in that one."""
    head_start = text.rfind("\n", 0, m.start()) + 1
    head_end = text.find("\n", m.start())
    row_end = text.find("\n", head_end + 1)
    row_end = len(text) if row_end < 0 else row_end
    head, row = text[head_start:head_end], text[head_end + 1 : row_end]
    column = head[: m.start() - head_start].count("|")
    if head.count("|") != row.count("|"):
        return None
    bounds = [-1] + [i for i, c in enumerate(row) if c == "|"] + [len(row)]
    at = head_end + 1 + bounds[column] + 1
    return _CELL_ID.fullmatch(text, at, head_end + 1 + bounds[column + 1])


def _member_id(text: str) -> re.Match[str] | None:
    """The member id: a labelled one with a digit, else a plan's bare "ID" that is nothing else's."""
    if m := _MEMBER_FR.search(text) or _MEMBER_SYSTEM.search(text) or _MEMBER_NL_DE.search(text):
        return m
    authorization_certificate = bool(_AUTH_CERTIFICATE.search(text))
    for m in _patients_first([
        m for m in _MEMBER.finditer(text)
        if re.search(r"\d", m.group("v"))
        and not (authorization_certificate and (m.group("role") or "").lower() == "certificate")
    ]):
        if re.match(r"[^\w\s\-/.,;:)|][A-Za-z0-9]", text[m.end() : m.end() + 2]):
            return None  # OCR put a symbol inside the id ("1920°88"): what it read is cut, so no id is read
        if _CUT_BY_PAREN.match(text, m.end()) and "(" not in text[text.rfind("\n", 0, m.start()) + 1 : m.start()]:
            return None  # a bracket that closes nothing, the id going on after it ("IWH-66) -0473"): OCR's, the id cut
        if "\n" in text[m.start() : m.start("v")] and "|" in text[text.rfind("\n", 0, m.start()) + 1 : m.start()]:
            return _under_header(text, m)  # "... | Policy No." ending a table's header row: its own column's cell
        return m
    for m in _MEMBER_BARE.finditer(text):
        return m
    for m in _MEMBER_CLAUSE.finditer(text):
        return m
    for m in _MEMBER_WORD.finditer(text):
        if re.search(r"\d", m.group("v")):  # an id has a digit ("member IDJ  RH 44..." is OCR's "ID J")
            return m
    for m in _PLAN_ID.finditer(text):
        above = text.rfind("\n", 0, max(0, text.rfind("\n", 0, m.start()))) + 1
        line_end = text.find("\n", m.end())
        if _BIRTH_WORD.search(text, above, line_end if line_end >= 0 else len(text)):
            return m
    for m in _ID_LABEL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if re.search(r"\d", m.group("v")) and not _NOT_MEMBER_ID.search(text[line_start : m.start()]):
            if system_ids.names_system(text[line_start : m.start()]):
                continue  # "ePA ID: MA-...": the system's request, never the member's
            return m
    return None


# a line labelled for the policyholder alone ("Subscriber: <spouse>  DOB ...", "Insured ....  Born ..."): its
# date of birth is the holder's, read only when no other line gives one
_HOLDER_LINE = re.compile(r"[ \t|]*(?:subscriber|insured|policy\s?holder|cardholder)\b(?![ \t]*(?:/|and|or)\b)", I)


def _births_first(text: str) -> list[re.Match[str]]:
    """The dates of birth, those on a line labelled for the policyholder last."""
    return sorted(
        _DOB.finditer(text),
        key=lambda x: bool(_HOLDER_LINE.match(text, text.rfind("\n", 0, x.start()) + 1)),
    )


def _addressee_in_full(text: str, salutation: re.Match[str]) -> re.Match[str] | None:
    """A salutation that gives the surname only ("Dear Ms Okonkwo-Farrell,"): the postal block's line above
    it that is a name alone ending in that surname ("Annelise Okonkwo-Farrell" over "c/o ..." or a street),
    the addressee in full; None when no such line, or more than one, stands there."""
    surname = re.escape(salutation.group("v").strip(" ,."))
    lines = [
        x
        for x in re.finditer(
            rf"^[ \t]*(?:(?:Mr|Ms|Mrs|Mx|Miss)\.?[ \t]+)?(?P<v>(?-i:[A-Z][A-Za-z'\-.]*[ \t]+){{1,3}}{surname})[ \t]*\n(?=[ \t]*(?:c/o\b|\d))",
            text[: salutation.start()],
            M,
        )
        if not _NOT_ADDRESSEE.search(x.group("v")) and not _NOT_NAME.search(x.group("v"))
    ]
    return lines[0] if len(lines) == 1 else None


# a grouped member id's last group of letters, which the id rules (a space only before digits) leave off: "OW 1957 4471
# HA" (the twenty-fifth set); read only after a grouped id, two or three capitals ending the line or before a column gap
_ID_LETTER_GROUP = re.compile(r"[ ](?P<t>[A-Z]{2,3})(?=[ \t]*$|[ \t]{2,})", re.MULTILINE)  # capitals only: "... has" is a word


def patient(text: str) -> dict[str, Hit]:
    out = _patient(text)
    if len(out) < 3 and (english := bilingual_labels.unglossed(text)) != text:
        # "Beneficiary / Bénéficiaire  : <name>": the fields left empty, read under the English half of each label
        out = _patient(english) | out
    if len(out) < 3 and (bare := label_gloss.unglossed(text)) != text:
        # "Paciente [patient]:   <name>" (a US plan's Spanish letter): the fields left empty, read under the Spanish label
        out = _patient(bare) | out
    return out


def _patient(text: str) -> dict[str, Hit]:
    if (entry := household.entry(text)) is not None:  # a household statement: the entry naming LUMAKRAS
        at = entry[0]
        return {k: Hit(h.value, h.start + at, h.end + at, h.note) for k, h in _patient(text[entry[0] : entry[1]]).items()}
    out: dict[str, Hit] = {}
    found = (
        x
        for rule in (
            _NAME, _NAME_COLUMN, _NAME_CAPS_COMMA, _NAME_RE, _NAME_NL_DE, _NAME_FOR, _NAME_INLINE,
            _ADDRESSEE, _ADDRESS_BLOCK, _NAME_OVER_DOB, _NAME_UNDER_ROLE, _NAME_COMMA_DOB, _SALUTATION,
        )
        for x in _patients_first(list(rule.finditer(text)))
        if not _NOT_NAME.search(x.group("v"))
        and not (rule is _SALUTATION and _NOT_PERSON.search(x.group("v")))
        and not (rule in (_ADDRESS_BLOCK, _NAME_OVER_DOB, _NAME_UNDER_ROLE, _NAME_COMMA_DOB) and _NOT_ADDRESSEE.search(x.group("v")))
    )
    if split := parts.name(text):  # "Surname  Given name" columns, or their two labelled lines
        out["name"] = Hit(*split)
        m = None
    else:
        m = next(found, None) or named.name(text, _NOT_NAME)
    if m is not None and m.re is _SALUTATION and len(m.group("v").split()) == 1:
        m = _addressee_in_full(text, m) or m
    if m is not None:
        out["name"] = Hit(" ".join(m.group("v").split()).strip(" ,"), m.start("v"), m.end("v"))
        out["name"] = ranks.past_rank(text, out["name"]) or out["name"]  # "SFC (Ret.) Marcus T. ...": the rank is no name
    # a two-digit birth year is never after the letter's date (dates.century)
    on = letter_date(text)
    near = on.value if on else None
    d = next(
        (x for x in _births_first(text) if dates.parse(x.group("d"), birth=True, near=near) and not dates.roman_doubt(x.group("d"), text)),
        None,
    )
    if said := parts.birth(text):  # its order said in its label: "Birth (yyyy mm dd)  1958 03 17"
        out["birth_date"] = Hit(*said)
    elif d is not None:
        out["birth_date"] = Hit(dates.parse(d.group("d"), birth=True, near=near), d.start("d"), d.end("d"))
    else:
        for x in _DOB_NL_DE.finditer(text):
            if born := dates.calendar_day(x.group("yy"), x.group("mm"), x.group("dd")):
                out["birth_date"] = Hit(born, x.start("d"), x.end("d"))
                break
    if "birth_date" in out and not said and declared_order.day_first(text):  # "(dates DD/MM/YYYY)" said once
        hit = out.pop("birth_date")
        if (born := declared_order.reread(text[hit.start : hit.end], hit.value)) is not None:
            out["birth_date"] = Hit(born, hit.start, hit.end)
    if "birth_date" not in out and (
        born_hit := nordic_patient.birth(text)
        or more_patient.birth(text, declared_order.day_first(text))
        or insured_labels.birth(text, declared_order.day_first(text))
        or cjk_dates.birth(text)
    ):
        out["birth_date"] = born_hit  # "Fødselsdato: 02.10.1950", "Doğum tarihi: 03.11.1961", "生年月日 ... 1950年6月12日"
    mid = (
        _member_id(text) or named.member_id(text) or member_labels.member_id(text)  # NHS, Spanish, bilingual labels
        or card_number.member_card(text)  # "Member Card No.:" alone (its other language blanked)
    )
    mid = card_number.over_policy(text, mid)  # "TPA ID card no." over "Policy no.": the card's number
    if mid is not None and _principal_id(text, mid.start("v")):
        mid = None  # the principal member's number, the patient a dependant: never the patient's
    if mid is not None and _LABEL_BEFORE.search(text, text.rfind("\n", 0, mid.start("v")) + 1, mid.start("v")):
        mid = None  # "PA-NUMBER MBR-ID: 0V2717..." (a fax's header cells run together): the value is the first label's
    if mid is not None:
        value, end = mid.group("v"), mid.end("v")
        if " " in value and (tail := _ID_LETTER_GROUP.match(text, end)):  # "OW 1957 4471 HA": its last group letters
            value, end = f"{value} {tail.group('t')}", tail.end("t")
        out["member_id"] = Hit(value.upper(), mid.start("v"), end)
    return chat.patient(text) | out  # a chat transcript's answers, for what no label gave


def _principal_id(text: str, at: int) -> bool:
    """The id at ``at`` is on the principal member's line of a letter whose patient is a dependant on a line of their
    own ("Principal member: ... Membership no.: ZM-...-00" over "Patient (dependant): ... Dependant no.: ZM-...-02")."""
    line = text.rfind("\n", 0, at) + 1
    return bool(_PRINCIPAL_LINE.match(text, line)) and bool(_DEPENDANT_LINE.search(text))
