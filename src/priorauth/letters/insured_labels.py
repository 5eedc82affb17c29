"""The patient's name and member number under the labels of the twenty-sixth set's languages (issue 18, the
twenty-fifth pass), read only when the labelled rules of :mod:`priorauth.letters.patient_fields` left the field empty.

The insured person's label in Spanish, Portuguese, Italian, Dutch, Swedish, Indonesian, Icelandic, Hungarian and
Romanian (``Asegurada:``, ``Afiliado titular:``, ``Pessoa segura:``, ``Iscritta:``, ``Assistita:``, ``Verzekerde``,
``Nama Tertanggung:``, ``Sjúkratryggður:``, ``Beteg neve:``, ``Asigurat:``) opening a line or a form's
column after a bar, then a colon (after dot leaders or not) or a column gap, an honorific perhaps (``D.ª``,
``Sr.ª``, ``Sig.ra``), and two to four capitalised words ending the line, before a column gap, a bar or a comma (a
Hungarian name is read as printed, family name first; a surname's particles in lower case, ``van den``, kept). The member's number under its label in these languages and
a few English ones (``Försäkringsnummer``, ``TAJ szám:``, ``No. de certificado:``, ``Código de afiliado:``,
``Kundenr.:``, ``Nomor Kartu Peserta:``, ``N. iscrizione:``, ``Nº da carteirinha:``, ``Carteira:``, ``N.º de pessoa
segura:``, a national number printed as the member's ``Kennitala:``, ``CPR-nr.:``, ``CNP:``; ``HMO Card No.:``, a
military ``BENEFITS NO. (DBN):``), a colon or a column gap, then an id with a digit. The date of birth under
``Födelsedatum``, ``Fæðingardagur:``, ``Születési idő:``, ``Data nașterii:``, ``Tanggal Lahir:``: a date written year
first (``1953-02-28``, ``1954. 03. 19.``), or a dotted date day first as these languages write it (``14.03.1957``).

Guards: a name with any word of :data:`patient_fields._NOT_NAME` (an insurer's, ``Aseguradora ...``) is refused by
the caller; a label with more words before its colon is no label (``Asegurado principal del contrato``); an insurer's
label ``Aseguradora`` is not ``Asegurada``; a bare ``Card No.`` (a payment card's) is never read; an id is never a
date; a dotted birth date whose day and month could be swapped is not read when the letter said its dates' order (its
dates may have been rewritten month first); a date that is no calendar day reads nothing."""

from __future__ import annotations

import re

from priorauth.letters import dates
from priorauth.letters.nordic_patient import MEMBER_VALUE, day_first
from priorauth.letters.spans import Hit

_WORD = r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’\-]*)"
_NAME_LABEL = (
    # (not the Swedish "Försäkrad": at fax OCR reads a Swedish name's å and ö as other letters, "Åström" as "Astrém", and
    # the name was proposed wrong with nothing beside it to settle it, as the Danish ø of the safety pass)
    r"asegurad[oa]|afiliad[oa](?:/a)?(?:[ \t]+titular)?|pessoa[ \t]+segura|iscritt[oa]|assistit[oa]|verzekerde|"
    r"(?:nama[ \t]+)?tertanggung|sj[úu]kratrygg[ðd]ur|beteg[ \t]+neve|asigurat(?:ul)?|"
    # the twenty-seventh set's (the twenty-sixth pass): Polish, Norwegian, Slovak, Croatian / Serbian, Lithuanian, a
    # French or Spanish "Participante", a Uruguayan "Usuario"
    r"ubezpieczon[ya]|forsikre(?:t|de)|poisten(?:ec|kyňa)|osiguran(?:ik|ica)|apdraust(?:asis|oji)|participante|usuari[oa]|"
    # the twenty-eighth set's (the twenty-seventh pass): Estonian, Dutch, a Belgian "Titulaire", Hungarian, Italian,
    # Indonesian, Icelandic, Faroese
    r"kindlustatu|naam[ \t]+verzekerde|titulaire|biztos[íi]tott[ \t]+neve|assicurat[oa]|nama[ \t]+peserta|v[áa]tryggð?ur|limur|"
    # the twenty-ninth set's (the twenty-eighth pass): a Slovenian "Zavarovanec:", a Latvian "Apdrošinātā persona:"
    r"zavarovan(?:ec|ka)|apdro(?:š|s|■)in[āa■]t(?:[āa■]|ais)[ \t]+persona|"
    # the thirty-first set's (the twenty-ninth pass): a Puerto Rican plan's "Paciente:" (its English gloss in brackets
    # blanked before: :mod:`priorauth.letters.label_gloss`)
    r"paciente"
)
_HONORIFIC = r"(?:(?:Signora|Signor|Pan|Pani|W/ro|Ato|Mme|M\.|D\.?ª|Dña\.|Sr\.?ª|Sra?\.|Sig\.ra|Sig\.na|Sig\.|Dott\.(?:ssa)?|Mevr\.|Dhr\.|Bapak|Ibu|Pak)[ \t]+)?"
_SEP = r"(?:[ \t]*(?:\.{2,}[ \t]*)?:|[ \t]{2,})"
# a surname's particles in lower case ("van den", "da", "del")
_PARTICLE = r"(?-i:van|von|de|der|den|da|das|do|dos|del|della|di|du|la|le|ten|ter)"
NAME = re.compile(
    rf"(?:^|(?<=\|))[ \t]*(?i:{_NAME_LABEL}){_SEP}[ \t]*{_HONORIFIC}"
    rf"(?P<v>{_WORD}(?:[ \t](?:{_PARTICLE}[ \t]){{0,2}}{_WORD}){{1,3}})(?=[ \t]*$|[ \t]{{2,}}|[ \t]*[|,])",
    re.M,
)
_MEMBER_LABEL = (
    r"f[öo]rs[äa]kringsnummer|taj[ \t]+sz[áa]m|no\.?[ \t]+de[ \t]+certificado|c[oó]digo[ \t]+de[ \t]+afiliad[oa]|kunde(?:nummer|nr\.?)|"
    r"nomor[ \t]+kartu[ \t]+peserta|n\.?[ \t]+iscrizione|kennitala|cpr-nr\.?|cnp|hmo[ \t]+card[ \t]+(?:no\.?|number)|"
    r"(?:n\.?[ \t]*[º°o2]\.?[ \t]+da[ \t]+)?carteir(?:inha|a)|n\.?[ \t]*[º°o]\.?[ \t]+de[ \t]+pessoa[ \t]+segura|"
    r"(?:dod[ \t]+)?benefits[ \t]+no\.?[ \t]*\(dbn\)|"
    # the twenty-seventh set's (the twenty-sixth pass): a Polish "Nr klienta:" (never "Nr polisy", a group's), a
    # Norwegian "Forsikringsnr.:", a Serbian "Broj polise/kartice:", a French "N° d'immatriculation :", "Matricule IPM :",
    # a Colombian "Número documento:", a Latin American "Cédula (de identidad):", "NSS:", "Nro. de contrato:"
    r"nr\.?[ \t]+klienta|forsikringsn(?:r\.?|ummer)|broj[ \t]+(?:polise/)?kartice|n[o°º]\.?[ \t]+d['’]immatriculation|"
    r"matricule(?:[ \t]+[A-Z]{2,5})?|n[úu]mero[ \t]+(?:de[ \t]+)?documento|c[ée]dula(?:[ \t]+de[ \t]+identidad)?|nss|"
    r"nro\.?[ \t]+de[ \t]+contrato|"
    # the twenty-eighth set's: an Estonian "Kindlustatu nr:", a Belgian "N° d'affilié:", a Hungarian "Biztosítotti
    # azonosító:", a Romanian "Cod asigurat:", a Danish "Police-/kundenr.:", an Italian "N. assicurato:", an Indonesian
    # "No. Peserta:", a Peruvian "Código de asegurado:", an Icelandic "Vátryggingarnúmer:", a Faroese "Limanummar:"
    # (never a policy's own number alone: "Nomor Polis", "N° de police")
    r"kindlustatu[ \t]+nr\.?|n[o°º]\.?[ \t]+d['’]affili[ée]|biztos[íi]totti[ \t]+azonos[íi]t[óo6]|cod[ \t]+asigurat|"
    r"police-?/kunde(?:nr\.?|nummer)|n\.?[ \t]+assicurat[oa]|no\.?[ \t]+peserta|c[óoé]digo[ \t]+de[ \t]+asegurad[oa]|"
    r"v[áa]tryggingarn[úu]mer|limanummar"
)
MEMBER_ID = re.compile(rf"(?:^|(?<=\|))[ \t]*(?i:{_MEMBER_LABEL}){_SEP}[ \t]*{MEMBER_VALUE}", re.M)
# a card's number in groups of digits joined by dots under these labels ("Nº da carteirinha:  8840.0192.7003"; never a
# dotted date)
DOTTED_MEMBER_ID = re.compile(
    rf"(?:^|(?<=\|))[ \t]*(?i:{_MEMBER_LABEL}){_SEP}[ \t]*(?!\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}(?![\d.]))(?P<v>\d{{2,6}}(?:\.\d{{2,6}}){{2,4}})(?![\w.])", re.M
)

_BIRTH_LABEL = (
    # (at fax, the twenty-seventh pass: "ü" read as "ii", "ő" as "é", "ð" as "d": "Sziiletési idé", "Fodingardagur")
    r"^[ \t|]*(?i:f[öo]delsedatum|f[æa][ðd]ingardagur|sz(?:[üu]|ii)let[ée]si[ \t]+(?:id[őo■é]|d[áa]tum)|data[ \t]+na(?:ș|ş|s|■)terii|tanggal[ \t]+lahir|"
    # the twenty-seventh set's: Polish, Norwegian, Slovak, Croatian / Serbian, Lithuanian, a Spanish form's "Fecha nacimiento"
    r"data[ \t]+urodzenia|f[øo]dselsdato|d[áa]tum[ \t]+narodenia|datum[ \t]+ro(?:đ|■|d)enja|gimimo[ \t]+data|fecha[ \t]+nacimiento|nacid[oa]|"
    # the twenty-eighth set's: Estonian, Faroese, an abbreviated Spanish "F. nacimiento", "Fecha de nac."
    r"s(?:[üu]|ii)nniaeg|f[øo][ðd]ingardagur|f\.[ \t]+nacimiento|fecha[ \t]+de[ \t]+nac\.|"
    # the twenty-ninth set's (the twenty-eighth pass): a Slovenian "Datum rojstva", a Lithuanian "Gimimo data" (above)
    r"datum[ \t]+rojstva)"
    r"[ \t]*(?:\.{2,}[ \t]*)?:?[ \t]*(?:['‘’`][ \t]+)?"  # (a fax's speck after the colon: "idé:  ' 1961. 09. 30.")
)
_BIRTH_DOTTED = re.compile(_BIRTH_LABEL + r"(?P<d>(?P<dd>\d{1,2})\.[ ]?(?P<mm>\d{1,2})\.[ ]?(?P<yy>\d{4}))(?!\d)", re.M)
_BIRTH_YEAR_FIRST = re.compile(
    _BIRTH_LABEL + r"(?P<d>(?P<yy>\d{4})(?:-|/|\.[ ]?)(?P<mm>\d{1,2})(?:-|/|\.[ ]?)(?P<dd>\d{1,2})\.?)(?![\d/.-])", re.M
)


# a birth date whose own note beside it says it is day first ("05-11-1958 (dd-mm-åååå)", "27/05/1961 (dd/mm/aaaa)"):
# read as the note says (the twenty-seventh pass; a note that says month first, or none, reads nothing here)
_BIRTH_NOTED = re.compile(
    _BIRTH_LABEL + r"(?P<d>(?P<dd>\d{1,2})(?P<s>[/.\-])(?P<mm>\d{1,2})(?P=s)(?P<yy>\d{4}))[ \t]*"
    r"\((?i:dd|jj|tt)[/.\-](?i:mm)[/.\-](?i:yyyy|aaaa|åååå|jjjj)\)",
    re.M,
)


# a birth date with its month's name under these labels ("Tanggal Lahir : 1 Agustus 1963", the twenty-seventh pass): the
# name says the order
_BIRTH_WORDED = re.compile(_BIRTH_LABEL + r"(?P<d>\d{1,2}\.?[ \t]+[^\W\d_]{3,12}\.?[ \t]+\d{4})(?![\d.])", re.M)


# (the twenty-eighth pass) a birth word after the name and a comma, as these languages write it in a sentence or a
# block: a Norwegian "født", a Polish "ur.", a Latvian "dzim.", a Croatian "rođena", a Slovak "dátum narodenia", an
# Albanian "datëlindja" ("Ubezpieczona: Agnieszka Wiśniewska, ur. 14.05.1961"), a dotted date, day first
_BIRTH_AFTER_NAME = re.compile(
    r",[ \t]*(?i:f[øo■]dt|ur\.|dzim\.|ro(?:đ|■|d)en[ao]?|d[áa■]tum[ \t]+narodenia|dat[ëe■]lindja)[ \t]*:?[ \t]*"
    r"(?P<d>(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<yy>\d{4}))(?!\d|\.\d)"
)


def birth(text: str, order_said: bool) -> Hit | None:
    """The date of birth under one of these labels: year first as written, else a dotted date day first (None when the
    letter said its dates' order, ``order_said``, and day and month could be swapped)."""
    if (w := _BIRTH_WORDED.search(text)) and (said := dates.parse(w.group("d"), birth=True)):
        return Hit(said, w.start("d"), w.end("d"))
    if m := _BIRTH_YEAR_FIRST.search(text):
        born = dates.calendar_day(m.group("yy"), m.group("mm"), m.group("dd"))
        return Hit(born, m.start("d"), m.end("d")) if born else None
    return (
        day_first(_BIRTH_NOTED, text, refuse_swappable=False)
        or day_first(_BIRTH_DOTTED, text, refuse_swappable=order_said)
        or day_first(_BIRTH_AFTER_NAME, text, refuse_swappable=order_said)
    )
