"""The request's authorization or reference number: labelled, in a sentence, on a stamp, an item's own
number; never a phone's, a call's or a stale row's. Split out of :mod:`priorauth.letters.fields`."""

from __future__ import annotations

import re

from priorauth.letters import (
    dates,
    member_on_request,
    misread,
    pointers,
)
from priorauth.letters.spans import _OURS, STAMP_LINE, Hit, I, M
from priorauth.letters.stale import stale

# -- numbers -----------------------------------------------------------------------------------------
# an id: letters, digits and dashes; a space inside only before a group of 3+ more (a lone character
# after a space is what OCR made of a column rule or a bar, never part of the number)
# OCR's symbols for a letter in an id (€ or © for C): read, never proposed as they are (see recheck)
OCR_SYMBOLS = "€©¢"
_ID = (
    r"(?P<v>(?=(?:[A-Z0-9€©¢\-/ ]|[#.:~·](?=[A-Z0-9]))*\d)[A-Z0-9€©¢](?:[A-Z0-9€©¢\-/]| (?=\d[A-Z0-9\-]{2})| (?=\d\d \d{3})|(?<=-) (?=[A-Z0-9]{2,}-)|"
    r"(?<=[A-Z]) ?#(?=\d)|(?<=[A-Z0-9])[.:~·](?=[A-Z0-9](?:[A-Z0-9]|[.:~·](?=[A-Z0-9])))){3,30}(?<=[A-Z0-9]))"  # OVA.D.27, FHC~27~0511, APH·27·0406 (a middle dot)
)
_NUM = r"(?:number|nbr|nr\.?(?![a-z])|[nm]u(?:m|rn|n|ni){1,2}[bh]er)"  # and a system's "NBR"  # and what OCR makes of it: mumber, nurnber, numher
_NUMBER_LABELS = tuple(
    label.replace("{NUM}", _NUM)
    for label in (  # the authorization's own number first, a reference number after it
        r"(?:prior\s+)?auth(?:orization|\.)?\s*(?:contro[l1I|\]]\s+|tracking\s+)?(?:{NUM}|no(?:[.,]|(?![a-z]))|num\.?|#|id|code|request(?=\s*:)|r[eo]f(?:erence)?(?:\s*(?:{NUM}|no(?:\.|(?![a-z]))|#))?)",  # OCR's "Auth rof"
        r"(?:approval|(?:pre-?)?cer[tl]ification|(?:pre-?)?cert\.?)\s*(?:{NUM}|no(?:\.|(?![a-z]))|#|id|code|ref(?:erence)?)",
        # a FHIR ClaimResponse print's "preAuthRef ......... X"
        r"pre-?auth(?:ori[sz]ation)?\s*ref(?:erence)?",
        r"(?:PA|prior\s+auth(?:orization)?)\s*(?:request\s*|case\s*|contro[l1I|\]]\s*)?(?:{NUM}|no(?:\.|(?![a-z]))|#|id|ref(?:erence)?)",
        r"(?-i:PACN|PAN|PAR)(?=[\s.:#])",  # the PA control, authorization or reference number's initials
        r"(?:PA\s+)?case(?=\s*:)",
        r"(?:case|file)(?=\s+(?-i:[A-Z]{1,6}[-/]?[A-Z]{0,4}[-/]?)\d)",  # "...; Case AR-UM-77120", "request, file RMW-27-..."
        r"(?:ticket|case|file)(?=[\s.]+(?-i:[A-Z]{2,6}[:~.][A-Z0-9]))",  # "ticket GMH:RX:27:08:2417", "ticket.... BKH:27:..."
        # (OCR's "l" for the "t" of "Certification no.")
        # a French letter's: "No de demande :", "N° de dossier :", "Numéro d'autorisation :"
        r"(?:n[o°º]\.?|num[ée]ro)\s+(?:de\s+|d['’]\s*)(?:demande|dossier|autorisation|r[ée]f[ée]rence|accord(?:\s+pr[ée]alable)?|entente(?:\s+pr[ée]alable)?)",  # "N° d'accord préalable :"
        r"r[ée]f[ée]rence\s+(?:du|de\s+la|de\s+l['’]\s*)\s*(?:dossier|demande|accord)(?=\s*:)",  # "Référence du dossier :"
        r"(?-i:AUTH)\s+(?-i:KEY)(?=[ \t]{2,}|\s*:)",  # an extract's "AUTH KEY    OF27-..." column
        # an Italian letter's protocol number: "Prot. n. CMV/2027/IV/00873", "Protocollo n.:"
        r"prot(?:ocollo|\.)?\s*n(?:\.|[°º]|um(?:ero|\.))?(?=\s*:?\s*[A-Z0-9])",
        # and its request's own code: "Codice autorizzazione:", "Codice pratica:", "Numero pratica:"
        r"(?:codice|numero|n\.)\s+(?:di\s+|della\s+)?(?:autorizzazione|pratica|richiesta)(?=\s*:)",
        r"case(?=\s+\d{6,}(?![\d/.\-]))",  # a portal's "Case 5518820" (six digits or more, no date)
        # the request's number under any review's name: "Redetermination number", "UR number", "File no."
        r"(?:reference|ref\.?|case|tracking|request|review|confirmation|episode|(?:re)?determination|ticket|pa\s+case|"
        r"reconsideration|file|intake|(?-i:U[RM])|utilization\s+(?:review|management)|decision|notice|referral|inquiry|denial|docket)\s*(?:control\s+)?(?:{NUM}|no(?:\.|(?![a-z]))|#|id)",
        # a Portuguese letter's: "Nº de autorização:", "Número do pedido:", "N.º de processo:"
        # (at fax the "º" may read as a "2": "N2 de autorizacao:")
        # (and "N®& da solicitacgao:": :mod:`priorauth.letters.misread`'s stand-ins for "º", "ç" and "ã")
        rf"(?:n\.?\s*{misread.ORDINAL}\.?|n[uú]mero)\s+d[aeo]\s+(?:{misread.marked('autorização')}|pedido|processo|{misread.marked('solicitação')})(?=\s*:)",
        # the payer's own file named as such ("Our file: TFS-HB-27-...", "Our reference: ..."), a deed's "Instrument No."
        r"our\s+(?:file|reference|ref\.?)(?=\s*:)",
        r"instrument\s*(?:{NUM}|no(?:\.|(?![a-z]))|#)",
        # a Spanish letter's number: "Numero de autorizacion:", "Num. de caso:", "Num. de solicitud:"
        # (at fax the "ó" may read as "6" or "é": "Numero de autorizaci6n:")
        r"n[uú]m(?:ero|\.)?\s+de\s+(?:autorizaci[oó6éè]n|caso|solicitud|referencia|referido)",
        # and its file number, the request's own where no authorization number is printed: "Nº de expediente:" (at
        # fax "N2 de expediente:", as the Portuguese label's)
        r"(?:n\.?\s*[º°o2]\.?|n[uú]m(?:ero|\.)?)\s+de\s+expediente(?=\s*:)",
        # "Autorización previa n.º:", "Solicitação n.º:" (at fax "n.º" may be "n.2")
        r"(?:autorizaci[oó]n|solicitud|caso|solicita[cçg][aã]o|pedido|processo)(?:\s+previa)?\s+n(?:\.?\s*[º°o]|\.2)\.?(?=\s*:)",
        # a Brazilian letter's "Senha de autorização:" (the authorization's password is its number)
        r"senha(?:\s+de\s+autoriza[cç][aã]o)?(?=\s*:)",
        # a German letter's: "Vorgangsnummer:", "Genehmigungs-Nr.:", "Aktenzeichen:"
        r"(?:(?:vorgangs|genehmigungs|bewilligungs|antrags)-?(?:nummer|nr\.?)|aktenzeichen)(?=\s*:)",
        # a Swiss letter's cost approval under its number: "Kostengutsprache Nr. KGS 2027/...", "Gesuch um Kostengutsprache Nr."
        r"(?:kosten)?gutsprache\s*(?:nr\.|nummer)",
        # a Dutch letter's own reference ("Ons kenmerk:", never "Uw kenmerk", the sender's), "Machtigingsnummer:"
        r"(?:(?:ons|onze)\s+(?:kenmerk|referentie)|(?:machtigings|dossier|aanvraag)nummer)(?=\s*:|[ \t]{2,}(?=\S))",  # or a form's column gap
        # (the twenty-seventh pass: the gap a fax closed to one blank, before an id of capitals, a dash and digits)
        r"(?:machtigings|dossier|aanvraag)nummer(?=[ \t](?-i:[A-Z]{1,5}-\d))",
        # the twenty-fourth set's languages (the twenty-third pass): a Spanish "Nº de autorización:", a Brazilian guide's
        # "Protocolo de atendimento:", a Swedish "Beslutsnummer:", a Danish "Bevillingsnummer:", a Polish "Nr sprawy:"
        # (never the member's "Nº de asegurado", "Medlemsnummer", "Nr członkowski")
        # (a form's dot leaders before its colon; at fax the colon lost, a column gap before an id: the twenty-sixth pass)
        rf"n\.?\s*{misread.ORDINAL}\.?\s+de\s+autorizaci[oó6]n(?=\s*(?:\.{{2,}}\s*)?:|[ \t]{{2,}}(?=[A-Z0-9]))",
        r"protocolo\s+de\s+atendimento(?=\s*:)",
        r"(?:beslut|bevillings|tillst[åa]nds)s?nummer(?=\s*:)",
        r"nr\.?\s+(?:sprawy|decyzji)(?=\s*:)",
        # the twenty-fifth set's languages (the twenty-fourth pass): a Finnish "Päätösnumero:", a Czech "Číslo žádosti:" /
        # "Číslo schválení:", a Turkish "Provizyon no:", a Latvian "Lietas
        # Nr.:", an Estonian "Otsuse nr:", a Norwegian "Saksnummer:", a Chilean "N° de solicitud:", a French "Nos
        # références :", a German "Az.:" (never the member's "Jäsennumero",
        # "Číslo pojištěnce", "Üye no", "Polises Nr.", "Vos références", the sender's)
        r"p[äa][äa]t[öo]s(?:numero|ten\s+numero)(?=\s*:)",
        r"[čc][íi]slo\s+(?:[žz]{1}[áa]dosti|schv[áa]len[íi]|rozhodnut[íi])(?=\s*:)",
        r"provizyon\s+no(?=\s*:)",
        r"(?:lietas|otsuse)\s+nr\.?(?=\s*:)",
        r"saksnummer(?=\s*:)",
        rf"n\.?\s*{misread.ORDINAL}\.?\s+de\s+solicitud(?=\s*:)",
        r"nos\s+r[ée]f[ée]rences?(?=\s*:)",
        r"(?-i:Az)\.(?=\s*:)",
        # the twenty-sixth set's languages (the twenty-fifth pass): a Danish "J.nr." and "Sagsnummer:", a Hungarian
        # "Ügyszám:", a Romanian "Nr. înregistrare:", an Indonesian "Nomor Referensi:", an Icelandic "Málsnúmer:", an Italian
        # subject's "pratica n. ...", a Spanish "Código de solicitud:", a Brazilian "Protocolo da solicitação:", an English
        # "Authorisation Letter No." (never a member's or a card's: "Nomor Kartu Peserta", "Nomor Polis", "Código de
        # afiliado", "N. tessera")
        r"j\.\s*nr\.(?=\s*[A-Z0-9])",
        r"(?:sags|ügy|mál)(?:nummer|szám|snúmer|númer)(?=\s*:)",
        # (at fax their marks lost, the twenty-seventh pass: "Ugyszam:", "Malsnumer:")
        rf"(?:{misread.marked('ügy')}{misread.marked('szám')}|{misread.marked('máls')}(?:{misread.marked('núm')}m?er))(?=\s*:)",
        r"nr\.?\s+(?:de\s+)?[îi]nregistrare(?=\s*:)",
        r"nomor\s+(?:referensi|rujukan|surat|jaminan)(?=\s*:)",
        r"pratica\s+n\.(?=\s*[A-Z0-9])",
        r"c[oó]digo\s+de\s+(?:solicitud|autorizaci[oó]n|caso)(?=\s*:)",
        rf"protocolo\s+d[ao]\s+(?:{misread.marked('solicitação')}|pedido|{misread.marked('autorização')})(?=\s*:)",
        r"(?:authori[sz]ation|approval)\s+letter\s+(?:{NUM}|no\.?)(?=\s*:)",
        # the twenty-seventh set's (the twenty-sixth pass): a Croatian or Serbian "Broj zahtjeva:", "Broj predmeta:", a
        # Slovenian "Številka vloge:", a Spanish "No. de autorización:", "Trámite N.º ...", "Referencia:" (never the
        # sender's "Su referencia"), a French "Réf. dossier :", "N° de demande de prise en charge :", "demande
        # d'autorisation préalable n° ...", a subject's "| Ref PGL/GH/..." (never a member's "Broj osiguranika",
        # "No. de afiliado")
        r"broj\s+(?:zahtj?eva|predmeta|rj?e\S{1,2}enja|odluke)(?=\s*:)",
        r"[šs]tevilka\s+(?:vloge|zadeve|odlo\S{1,2}be)(?=\s*:)",
        r"no\.\s+de\s+(?:autorizaci[oó6]n|solicitud|caso)(?=\s*:)",
        rf"tr[aá]mite\s+n\.?\s*{misread.ORDINAL}\.?(?=\s*[A-Z0-9])",
        r"(?<!\bsu\s)(?<!\bsus\s)(?<!\bvuestra\s)referencia(?=\s*:)",
        r"r[ée]f\.?\s+(?:du\s+)?dossier(?=\s*:)",
        r"n[o°º]\.?\s+de\s+demande\s+de\s+prise\s+en\s+charge(?=\s*:)",
        r"demande\s+d['’]\s*(?:autorisation|accord|entente)(?:\s+pr[ée]alable)?\s+n[o°º]\.?(?=\s*[A-Z0-9])",
        r"ref(?=[ \t]+(?-i:[A-Z]{2,6}/[A-Z0-9]))",
        # the twenty-eighth set's (the twenty-seventh pass): a Finnish "Maksusitoumuksen nro:", an Estonian subject's
        # "OTSUS nr ...", an English gloss's "Commitment no.:", an Indonesian letter's "Nomor :", a Peruvian "Solicitud de
        # carta de garantía N°:", a Chilean "N° Solicitud:", a Brazilian "Protocolo nº:", a Danish "Sagsnr.:", a French
        # "Réf. demande:" (never a member's: "Vakuutusnumero", "Nomor Kartu Peserta", "N° de afiliado", "Police-/kundenr.")
        r"maksusitoumu(?:ksen|s)\s+(?:nro|numero)\.?(?=\s*:)",
        r"otsus(?:e)?\s+nr\.?(?=\s+[A-Z0-9])",
        r"commitment\s+(?:{NUM}|no\.?)(?=\s*:)",
        r"nomor(?=[ \t]*:)",
        rf"carta\s+de\s+garant[íi]a\s+n\.?\s*{misread.ORDINAL}\.?(?=\s*:)",
        rf"n\.?\s*{misread.ORDINAL}\.?\s+solicitud(?=\s*:)",
        rf"protocolo\s+n\.?\s*{misread.ORDINAL}\.?(?=\s*:)",
        r"sagsnr\.(?=\s*:)",
        r"r[ée]f\.?\s+(?:de\s+la\s+)?demande(?=\s*:)",
        # the twenty-ninth set's (the twenty-eighth pass): a Norwegian "Godkjenningsnummer:", a Swedish "Ärendenr:", a
        # German "Zusage-Nr.:", a Polish "Znak sprawy:", a Slovenian bare "Številka:", a Serbian "Број:", a Croatian
        # "Klasa:", a Slovak "Číslo konania:", an Albanian "Nr. protokolli:", a Baltic dateline's "Nr. DK-VA/27/0215" after
        # a column gap, a Spanish "Trámite No.:", "Solicitud No. ...", "Solicitud de autorización No. ...", an English
        # "Memo No:", a French "Réf. :", "N/Réf :", a subject's "dossier n° ...", "Décision n° ...", a Portuguese
        # "N/Ref.ª:", "Ref.ª:", a subject's "pre-auth PLHC/PA/27/0308" (never a member's: "Številka police:", "Број
        # полисе", "Nr polisy", "Votre réf.")
        r"(?:godkjennings|vedtaks|saks)nummer(?=\s*:)",
        r"[äa]rende(?:nr\.?|nummer)(?=\s*:)",
        r"zusage-?(?:nr\.?|nummer)(?=\s*:)",
        r"znak\s+sprawy(?=\s*:)",
        r"(?:^|(?<=\n)|(?<=[ \t]{2}))[ \t]*(?:[šs]tevilka|број|klasa)(?=[ \t]*:)",
        r"[čc][íi]slo\s+(?:konania|rozhodnutia|[žz]iadosti)(?=\s*:)",
        r"nr\.?\s+(?:i\s+)?protokollit?(?=\s*:)",
        r"(?<=[ \t]{2})nr\.(?=[ \t]+(?-i:[A-Z]{2,}[A-Z0-9]*[-/][A-Z0-9]))",
        r"tr[aá]mite\s+no\.?(?=\s*:)",
        r"solicitud(?:\s+de\s+autorizaci[oó]n)?\s+no\.(?=\s*[A-Z0-9])",
        r"memo\s+no\.?(?=\s*:)",
        r"(?<!votre\s)(?<!v/)(?:n/\s?)?r[ée]f(?:\.ª|\.)?(?=[ \t]*:)",
        r"(?:dossier|d[ée]cision)\s+n[o°º]\.?(?=\s*[A-Z0-9])",
        r"pre-?auth(?:ori[sz]ation)?(?=[ \t]+(?-i:[A-Z]{2,6}/[A-Z0-9]))",
        # a request's id joined by a number sign, in a sentence: "Coverage request KDH#27-08-2231 is approved"
        r"(?:request|case|file)(?=\s+(?-i:[A-Z]{1,6})#\d)",
        r"(?:authorization|auth|reference|ref\.?|case\s+reference|(?-i:(?<!Claim\s)(?<!Claims\s)(?<!CLAIM\s)(?<!CLAIMS\s)(?:File|FILE|(?<=[A-Z&]\s)file))|(?-i:U[RM]))(?=\s*:)",
        r"(?:covermymeds\s+|cmm\s+)?key(?=\s*:)",
        # the thirty-first set's US plans (the twenty-ninth pass): an ePA portal's "Key | ePA-7Q3K-..." row (the request's
        # key opening its line), a renewal's "Reauthorization #:", a subject's "Prior authorization request 2027050700412"
        # (a number of six characters or more with a digit; never "request 1 of 3")
        r"(?<=\n)key(?=[ \t]+\|[ \t]+)",
        r"re-?authori[sz]ation\s*(?:{NUM}|no(?:\.|(?![a-z]))|#)",
        r"(?:prior\s+authori[sz]ation|pre-?authori[sz]ation|coverage)\s+request(?=[ \t]+(?-i:(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,})(?![\w/]))",
        # a batch print's field code for the case's number ("CASE-NO", "AUTH-NBR"), a column's header
        r"(?-i:(?:CASE|AUTH|PA|REQ)[-_](?:NO|NBR|NUM|NUMBER|ID))(?=\s*:|[ \t]{2,})",
        # a plain-language letter's question and its answer: "Is there a number for this request?\n  Yes: X"
        r"(?:number|reference)\s+for\s+(?:this|your)\s+(?:request|case)\?\s*(?:yes\b[:,.]?)?",
        # a bare "Tracking:", "reference (REF*NT) ....": a colon or dot leaders after it
        r"(?:reference|ref|tracking)(?=(?:\s*\((?-i:[A-Z]{2,5}(?:\*[A-Z0-9]{1,3})?)\))?(?:\s*(?::|\.{3,})|[ \t]{2,}))",
        # an abbreviated "Ref." before an id of capitals and digits ("Ref. DVH 19-08-27/4410")
        r"ref\.(?=[ \t]+(?-i:[A-Z]{2,6}[ \-]?\d))",
        # a Spanish letter's "Folio de autorización:", "Folio:"; a batch notice's "PA CONTROL....:"
        r"folio(?:\s+de\s+(?:autorizaci[oó]n|solicitud|caso))?(?=\s*:)",
        r"(?:PA|prior\s+auth(?:orization)?)\s+control(?=[ \t]*(?:\.{2,}|:))",
        # an ERISA plan's request under its legal name (the thirty-first pass): "Pre-service claim no.:", "Pre-service
        # claim #" (the request for a benefit before the service; never a claim for one given: "Claim no.:", "Pharmacy
        # claim #")
        # (and a TPA's "Pre-service #:", "Pre-service no.:" over its approval, the thirty-fourth pass)
        r"pre-?service\s+(?:claim\s*)?(?:{NUM}|no(?:\.|(?![a-z]))|#|id)(?=\s*:)",
        # a PBM's formulary exception under its own id (the thirty-second pass): "Exception ID .. FX-...", "Formulary
        # exception no.:" (never an exception's kind or code: "Exception type:", "Exception reason: ...")
        # (at fax its leaders lost: "Exception ID FX-08102027-6614", an id of capitals, a dash and digits after one blank)
        r"(?:formulary\s+|tier(?:ing)?\s+|coverage\s+)?exception\s*(?:{NUM}|no(?:\.|(?![a-z]))|#|id)"
        r"(?=\s*(?:\.{2,}|:)|[ \t]+(?-i:[A-Z]{1,5}-\d))",
        # a program's initials as the request's name: "SA number", "Request for services (RFS) no.", "EA #"
        # (never a person's, a drug's or a plan's id: NPI, DIN, PHN, MRN, ...)
        # (nor a fax machine's transmission report's "JOB NO." of the page it sent)
        r"(?:\(?(?-i:(?!(?:NPI|DEA|TIN|EIN|SSN|PHN|MRN|DIN|NDC|BIN|PCN|TTY|MBI|HICN|ID|PIN|RX|GRP|DOB|MBR|MEM|SUB|SUBS|ENR|CERT|JOB|FAX|TEL|PGS)\b)[A-Z]{2,4})\)?)"
        r"\s*(?:{NUM}|no(?:\.|(?![a-z]))|#)(?=\s*[:.#]|\s{2,})",
    )
)
# (a run of OCR's letters opens with a letter: its dots before are the leader's, so a long run of dots splits one way
# only, never in every way when the value after it does not match; the same texts match)
LEADER = r"[\s.:#]*(?:[\-–|][\s.:#]*)?(?:(?-i:[a-z][a-z.]+)[\s.:#]+){0,3}"  # dot leaders, and what OCR makes of them ("scisiscess")
_ABBREV = r"(?:\s*\((?-i:[A-Z]{2,5}(?:\*[A-Z0-9]{1,3})?)\))?"  # and an X12 rendering's segment: "(REF*NT)"  # "Prior Authorization Number (PAN): ..."
_NUMBER_RES = [
    re.compile(rf"\b{label}{_ABBREV}\s*(?:is\s*)?{LEADER}{_ID}(?![A-Za-z0-9])", I) for label in _NUMBER_LABELS
]
# a request's id in capitals (slashes too) after a bare label and dot leaders ("Authorization ...... BCH/27/11/0915-S",
# "Request ....... ILH-RCI-2712-0060", "Case .... EM-27-A-66013"), or after "under authorization" in a sentence that
# may wrap the id onto the next line
_CAPS_ID = r"(?P<v>(?-i:(?=[A-Z0-9\-/]*\d)(?=[A-Z0-9\-/]*[A-Z\-])[A-Z0-9][A-Z0-9\-/]{5,29}(?<=[A-Z0-9])))(?![A-Za-z0-9/])"
_NUMBER_RES += [
    # (the thirty-third pass: the request named with its kind, "Auth request ...", "PA request ....")
    re.compile(
        rf"(?:^[ \t|]*|[ \t]{{2}})(?:(?:auth|prior[ \t]+auth(?:ori[sz]ation)?|PA)[ \t]+(?=request))?(?:authori[sz]ation|request|case)"
        rf"[ \t]*\.{{3,}}[ \t]*{_CAPS_ID}",
        I | M,
    ),
    # its groups spaced ("Case .........  NB 27 0819 4471  |"): letters, then groups of digits, ending the column
    re.compile(
        r"(?:^[ \t|]*|[ \t]{2})(?:authori[sz]ation|request|case|review[ \t]+(?:number|no\.?))(?:[ \t]*\.{3,}[ \t]*|[ \t]{2,}|[ \t]*:[ \t]*)"  # (or a fax's column gap)
        r"(?P<v>(?-i:[A-Z]{1,4}(?: \d{2,6}){2,}))(?=[ \t]{2,}|[ \t]*(?:\||\n|$))",
        I | M,
    ),
    re.compile(rf"^[ \t|]*(?:authori[sz]ation|request|case)[ \t]{{2,}}{_CAPS_ID}[ \t]*$", I | M),  # OCR lost the leaders
    re.compile(rf"\b(?:under|with|quote)\s+(?:the\s+)?(?:authori[sz]ation|approval)(?:\s+(?:number|no\.?|#))?\s+{_CAPS_ID}", I),
]
# an Austrian "Geschäftszahl: GZ 27/0318-ONK" (the twenty-seventh pass): the file's letters, a blank, then its number
# with a slash (the number whole, never its letters alone)
_NUMBER_RES.append(
    re.compile(r"\bgesch[äa]ftszahl[ \t]*:[ \t]*(?P<v>(?-i:[A-Z]{1,4} \d{2,4}/[A-Z0-9]+(?:-[A-Z0-9]+)*))(?![A-Za-z0-9/])", I)
)
# a spaced id's last short group at its line's end ("AUTH: BB 27 05031 7", "DECISION NUMBER: MDA 2703 0119 LK")
_SPACED_ID = re.compile(r"[A-Z]{1,4}(?: \d{2,6}){2,}")
_LAST_GROUP = re.compile(r" (?P<g>\d|[A-Z]{2,3})[ \t]*(?=\n|$)")
# an id cut before its last group: a group with a digit after one space, ending its line or column ("Approval code:
# FR 5Q71 J2K8", "Request PA-VH-0098 3312", a hyphened last group "KV 27 0412 Q-31"): an id of groups takes it; an id of one piece is left unread (never half)
_CUT_GROUP = re.compile(r" (?P<g>(?=[A-Z0-9-]*\d)[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6})?)[ \t]*(?=\n|$|[ \t]{2}|\|)")
# a spaced id of one group or more ("GPH 0406", "HCA 2704 2011")
_SPACED_GROUPS = re.compile(r"[A-Z]{1,4}(?: \d{2,6})+")
# a spaced id's further groups of digits, ending its sentence, its line or a telex's numbered paragraph ("AUTH NO
# QRT 1207 27 44 STOP", "Your approval number is LMC 3105 2277 4."): the groups the id's shape cut off belong to it
_MORE_GROUPS = re.compile(r"(?: \d{1,6})+(?=[ \t]*(?:\n|$|\.(?:\s|$)|[,;)]|[ \t]{2}|\|)|[ \t]+(?-i:STOP)\b)")
# a spaced id followed by a group of digits that runs on into words: where the id ends cannot be told
_RUNS_ON = re.compile(r" \d{1,6}\b")
# a phone number's shape, on a line that names phone or fax numbers: never a request's number
_PHONE_SHAPED = re.compile(r"(?:\(?\d{3}\)?[ .\-])?\d{3}-\d{4}")
_PHONE_LINE = re.compile(r"\b(?:fax|phone|telephone|tel|call)\b", I)
# a call's or a phone line's reference is the call's, not the request's ("Call reference / ticket #: 0927-55102")
_CALL = re.compile(r"\b(?:call|phone|telephone|caller|hotline)[ \t]+(?:reference|ref\.?|ticket|log|tracking|id)\b[^\n]{0,24}$", I)


# the fallback: any label naming the request's reference ("Our reference for this request:", "Reference /
# Referencia:", "Prior authorization request BSO-UM-8791305 for ...") over an id in capitals that has
# digits and letters or dashes, set off by a colon, a column or nothing at all
_STRICT_ID = r"(?P<v>(?-i:(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z\-])[A-Z0-9][A-Z0-9\-]{5,29}(?<=[A-Z0-9])))"
_NUMBER_ANY = re.compile(
    r"\b(?:(?:prior\s+)?auth(?:orization)?|reference|ref\.?|request|case|review|control|tracking|certification|(?-i:PA)|"
    r"pre-?certification|determination|approval|utilization\s+review)"
    r"(?:\s+(?:request|number|no\.?|id|#|code|reference))?"
    r"(?:\s+(?:for|of|on)\s+(?:this|the|your)\s+(?:request|case|review|letter))?"
    r"(?:[ \t]*/[ \t]*[A-Za-z]+)?"
    r"[ \t]*(?::[ \t]*|[ \t]{2,}|[ \t])" + _STRICT_ID + r"(?![A-Za-z0-9])",
    I,
)


# a slashed id going on after a blank with more slashed groups ("SVH/PA/27 10/0388", a blank OCR put inside a group)
_SLASH_RUNS_ON = re.compile(r"[ ][A-Z0-9]{1,6}/[A-Z0-9]")
_ID_COLUMN = re.compile(r"^[^\d\n]*\b(?:reference|ref\.?|auth(?:orization)?|number|no\.|case|id|#)[^\d\n]*$", M)


def item_number(ours: str) -> Hit | None:
    """In a table deciding several drugs whose header names a reference column, the one id on LUMAKRAS's
    own row (``LUMAKRAS 120 MG TABLET   CSK2708120045   APPROVED ...``), when OCR's columns do not line up."""
    if not _ID_COLUMN.search(ours):
        return None
    for line in re.finditer(r"[^\n]+", ours):
        if not _OURS.search(line.group(0)):
            continue
        ids = [
            m
            for m in re.finditer(r"(?<![\w/])" + _STRICT_ID + r"(?![\w/])", line.group(0))
            if sum(c.isdigit() for c in m.group("v")) >= 5 and not dates.DATE_RE.fullmatch(m.group("v"))
        ]
        if len(ids) == 1:
            return Hit(ids[0].group("v"), line.start() + ids[0].start("v"), line.start() + ids[0].end("v"))
    return None


# a reopened or corrected decision names the earlier decision's number in its story and its own on a line labelled new
# ("New determination no.: X", "Revised authorization number: Y"): that line's number is the letter's
_NEW_LABEL = re.compile(r"(?:^|\n)[ \t|*]*(?:new|revised|corrected|amended|replacement|reissued)[ \t]+$", I)


# an id's last group printed after a spaced slash, ending its line (the year of "GH-0602-77 / 27")
_SLASH_GROUP = re.compile(r"[ \t]+/[ \t]+(?P<g>\d{2,4})(?=[ \t]*(?:\n|$))")


def authorization_number(text: str) -> Hit | None:
    return _authorization_number(text, new_only=True) or _authorization_number(text)


def _authorization_number(text: str, new_only: bool = False) -> Hit | None:
    for p in (*_NUMBER_RES, _NUMBER_ANY):
        for m in p.finditer(text):
            value = m.group("v")
            if new_only and not _NEW_LABEL.search(text, text.rfind("\n", 0, m.start()), m.start()):
                continue
            if (
                re.search(r"[1-9]", value)  # an id of zeros is a sample's placeholder ("GHH-D-0000-0000")
                and not dates.DATE_RE.fullmatch(value)
                and not stale(text, m.start())
            ):
                end = m.end("v")
                if (joined := re.match(r"([.:~])[A-Z0-9](?![A-Za-z0-9])", text[end : end + 3])) and value.count(joined.group(1)) >= 2:
                    value, end = value + text[end : end + 2], end + 2  # its own mark joins every part ("SBT:A:27:05100:3")
                elif joined:
                    continue  # the id goes on past a mark OCR made of a space ("BCH 0621 7704.2"): never half of it
                if _CALL.search(text, text.rfind("\n", 0, m.start()) + 1, m.start("v")):
                    continue
                if _PHONE_SHAPED.fullmatch(value) and _PHONE_LINE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start("v")):
                    continue  # "New fax numbers: pharmacy PA 555-0129": a phone number on a line of phone numbers
                if member_on_request.names_member(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                    continue  # "Member ID on the request: BMX-...": the member's id, never the number
                if pointers.theirs(text, text.rfind("\n", 0, m.start()) + 1, m.start("v")):
                    continue  # "Your ref: onc/12   Our ref: X": the correspondent's, never the payer's
                spaced = _SPACED_GROUPS.fullmatch(value)
                if spaced and (more := _MORE_GROUPS.match(text, end)):
                    value, end = text[m.start("v") : more.end()], more.end()
                elif "/" in value and _SLASH_RUNS_ON.match(text, end):
                    continue  # "SVH/PA/27 10/0388": OCR put a blank inside a slashed id; never half of it
                elif spaced and _RUNS_ON.match(text, end):
                    continue  # "DHP 2810 0413 6 when you call": where the spaced id ends is not clear; never half of it
                if _SPACED_ID.fullmatch(value) and (last := _LAST_GROUP.match(text, end)):
                    value, end = text[m.start("v") : last.end("g")], last.end("g")
                elif cut := _CUT_GROUP.match(text, end):
                    if not re.search(r"[ \-]", value):
                        continue
                    value, end = text[m.start("v") : cut.end("g")], cut.end("g")
                if slash := _SLASH_GROUP.match(text, end):  # "GH-0602-77 / 27": its last group after a spaced slash
                    value, end = text[m.start("v") : slash.end("g")], slash.end("g")
                return Hit(value.replace("- ", "-").upper(), m.start("v"), end)  # OCR's "SF- PA-2704"
    return None if new_only else _stamp_number(text)


def _stamp_number(text: str) -> Hit | None:
    """The one reference id on a decision stamp atop a returned form, unlabelled ("** PENDED FOR REVIEW **
    LARK RX ** LS-PND-27-0091"): letters and digits joined by hyphens, five digits or more, not a date."""
    top = "\n".join(text.split("\n")[:4])
    for line in STAMP_LINE.finditer(top):
        end = line.end()  # OCR may put the stamp's id on a line of its own under it
        if m := re.match(r"\n[ \t]*[A-Z0-9-]+[ \t]*(?=\n|$)", top[end:]):
            end += m.end()
        ids = [
            m
            for m in re.finditer(r"(?<![\w/#:-])(?=[A-Z0-9-]*[A-Z])(?:[A-Z0-9]+-)+[A-Z0-9]+(?![\w/-])", top[line.start() : end])
            if sum(c.isdigit() for c in m.group(0)) >= 5 and not dates.DATE_RE.fullmatch(m.group(0))
        ]
        if len(ids) == 1:
            return Hit(ids[0].group(0), line.start() + ids[0].start(), line.start() + ids[0].end())
    return None
