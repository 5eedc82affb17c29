"""A decision label and its value in Dutch or Spanish ("Besluit: GOEDGEKEURD.", "Status: AANGEHOUDEN.",
"Estado de la solicitud: PENDIENTE DE DOCUMENTACIÓN"), read with the labels of :mod:`priorauth.letters.outcome`.

Issue 18's twenty-first set had four letters whose decision was a label's value in a language the label rules did not
read: the label's noun (Dutch ``besluit``, ``beslissing``; Spanish ``estado``, ``decisión``) or its value's word
(``goedgekeurd``, ``aangehouden``, ``pendiente``) was missing, and one label followed a sentence on its line
("Wij kunnen nog geen besluit nemen. Status: AANGEHOUDEN."). The label opens a line, a table cell or follows a
sentence's full stop; its value is read to the first full stop, semicolon or column gap. Guards: a condition in the
value ("indien", "als", "si", "wanneer"), another thing's status ("Status van uw bezwaar", "estado del recurso"),
a negated approval is a denial and never an approval.

The twenty-third pass added the Nordic and Polish decision labels of the twenty-fourth set (``Beslut: BEVILJAT``,
``Afgørelse: GODKENDT``, ``DECYZJA: ODMOWA``): the nouns ``beslut``, ``afgørelse``, ``vedtak``, ``decyzja`` and their
value words (Swedish, Danish, Norwegian, Polish), a negation before an approval word a denial (``ej beviljat``,
``ikke godkendt``, ``nie zatwierdzono``). Guards as above, with these languages' "if" (``om``, ``hvis``, ``jeśli``,
``jeżeli``) and their not-yet words left out (a Nordic "under behandling" is a receipt, never read); the noun with
more words before its colon ("Beslut om förhandsbedömning") is no label.

The twenty-fourth pass added the twenty-fifth set's decision labels in Finnish, Czech, Greek, Turkish, Estonian and
Hebrew (``Päätös: MYÖNNETTY``, ``Výsledek posouzení: ZAMÍTNUTO``, ``ΑΠΟΦΑΣΗ: ΑΠΟΡΡΙΠΤΕΤΑΙ``, ``SONUÇ: RED``, ``Otsus:
taotlust mitte rahuldada.``, a Hebrew ``החלטה:`` over "the request was rejected") and the Spanish ``Resolución:``;
guards as above, with these languages' "if" (``jos``, ``pokud``, ``eğer``, ``kui``, ``εάν``, ``אם``), a negation
before an approval word a denial (``ei myönnetty``, ``neschváleno``, ``mitte rahuldada``, ``onaylanmadı``)."""

from __future__ import annotations

import re

from priorauth.letters import label_french, label_values
from priorauth.letters.spans import Hit, I, M

# the label: a decision noun, optionally "of the request" ("van de aanvraag", "de la solicitud")
_NOUN = (
    r"(?:besluit|beslissing|uitkomst|status|estado|decisi[oó]n|resultado|beslut|afg[øo]relse|vedtak|decyzja|resoluci[oó]n|"
    # Finnish, Czech, Greek (capitals carry no accent), Turkish, Estonian, Hebrew
    r"p[äa][äa]t[öo]s|v[ýy]sledek(?:[ \t]+posouzen[íi])?|rozhodnut[íi]|απ[οό]φαση|(?:prov[iİ■]zyon[ \t]+)?sonu[çc]u?|karar|otsus|החלטה|"
    # Ukrainian, Vietnamese, Icelandic (the twenty-fifth pass)
    r"рішення|k[ếe]t[ \t]+qu[ảa]|niðurstaða|"
    # at fax (the twenty-sixth pass): the Icelandic "ð" read as "d" or "é" ("Nidurstaéa")
    r"ni[ðd]ursta[ðdé]a|"
    # Turkish "Durum" (status; the twenty-seventh pass)
    r"durum(?:u)?)"
)
_OF_REQUEST = (
    r"(?:[ \t]+(?:van[ \t]+(?:de|uw|het)|de[ \t]+(?:la|su)|del)[ \t]+"
    r"(?:aanvraag|machtiging|verzoek|solicitud|petici[oó6]n|autorizaci[oó6]n|tr[aá]mite|evaluaci[oó6]n))?"
)
_LABEL = re.compile(
    # set off by a colon, dot leaders and a colon ("Estado ........: AUTORIZADO") or a form's column gap ("Status     Beviljat");
    # at fax a colon read as a quote mark between blanks ("Estado  ‘ AUTORIZADO", the twenty-sixth pass);
    # opening a line, following a sentence's stop or a two-column form's bar ("...  | Estado ....: AUTORIZADO")
    rf"(?:^[ \t|]*|(?<=[.!?])[ \t]+|(?<=[ \t]\|)[ \t]*)(?<![\w-])(?P<k>{_NOUN}){_OF_REQUEST}(?:[ \t]*(?:\.{{2,}}[ \t]*)?:|[ \t]+[‘’'][ \t]+(?=\S)|[ \t]{{2,}}(?=\S))[ \t]*(?P<v>[^\n]{{2,80}})",
    M,
)
_VALUE_END = re.compile(r"[.;](?=\s|$)|[ \t]{3,}")
_IF = re.compile(
    r"\b(?:indien|als|wanneer|tenzij|si|cuando|salvo|eventueel|posible(?:mente)?|om|hvis|dersom|je[śs]li|je[żz]eli|o[ \t]+ile|"
    r"jos|pokud|jestli[žz]e|e[ğg]er|kui|ε[άα]ν|אם)\b|\?|_{3,}", I
)
# the families, the denial first ("niet goedgekeurd", "no aprobada")
_WORDS = (
    (
        "denied",
        r"afgewezen|geweigerd|niet[ \t]+(?:goedgekeurd|toegekend|verleend|akkoord)|denegad[ao]|rechazad[ao]|"
        r"no[ \t]+(?:aprobad|autorizad|concedid)[ao]|"
        # Swedish, Danish, Norwegian, Polish
        r"avslag(?:et)?|avsl[åa]s|avsl[åa]tt|afslag|afvist|avvist|(?:ej|inte|ikke)[ \t]+(?:beviljat|beviljad|godk[äa]nd|godk[äa]nt|godkendt|godkjent|bevilget|innvilget)|"
        r"odmowa|odmowna|odmówiono|nie[ \t]+(?:zatwierdzono|przyznano|wyra[żz]ono[ \t]+zgody)|"
        # Finnish, Czech, Greek, Turkish, Estonian, Hebrew ("the request was rejected")
        r"hyl[äa]tty|kielteinen|ei[ \t]+(?:my[öo]nnetty|hyv[äa]ksytty)|zam[íi]tnut[oa]?|neschv[áa]len[oa]?|nepovolen[oa]?|"
        r"απορρ[ιί]πτεται|απορρ[ιί]φθηκε|δεν[ \t]+εγκρ[ιί]νεται|red|reddedildi(?:r)?|olumsuz|onaylanmad[ıi]|"
        r"(?:taotlust?[ \t]+)?mitte[ \t]+rahulda(?:da|tud)|(?:הבקשה[ \t]+)?(?:נדחתה|נדחה|לא[ \t]+אושרה)|"
        # Ukrainian, Vietnamese, Icelandic ("the application is refused"), Spanish "NO PROCEDE la cobertura"
        r"відмов(?:а|лено)|відхилено|t[ừu][ \t]+ch[ốo]i|(?:ums[óo]kn(?:in)?[ \t]+(?:er|var)[ \t]+)?(?:synja[ðd]|hafna[ðd]|ekki[ \t]+samþykkt)|"
        r"no[ \t]+procede|improcedente|"
        # Estonian (the twenty-seventh pass): "mitte kooskõlastatud", "kooskõlastamata"
        r"mitte[ \t]+koosk[õo]lastatud|koosk[õo]lastamata",
    ),
    (
        "pended",
        r"aangehouden|in[ \t]+afwachting(?:[ \t]+van[ \t]+\w+)?|opgeschort|"
        r"pendiente(?:[ \t]+de[ \t]+(?:documentaci[oó]n|informaci[oó]n|datos))?|en[ \t]+espera|en[ \t]+suspenso|aplazad[ao]|"
        # a Peruvian guarantee letter "OBSERVADA" (queried: papers asked before a decision; the twenty-seventh pass)
        r"observad[ao]",
    ),
    (
        "approved",
        r"goedgekeurd|toegekend|verleend|aprobad[ao]|autorizad[ao]|concedid[ao]|"
        r"beviljat|beviljad|beviljas|godk[äa]nd|godk[äa]nt|godkendt|godkjent|bevilget|bevilliget|innvilget|"
        r"zatwierdzono|przyznano|zgoda|pozytywna|"
        r"my[öo]nnetty|hyv[äa]ksytty|my[öo]nteinen|schv[áa]len[oa]?|povolen[oa]?|εγκρ[ιί]νεται|εγκρ[ιί]θηκε|"
        r"onayland[ıi](?:r)?|onay|olumlu|(?:taotlus(?:t)?[ \t]+)?rahulda(?:da|tud|takse)|(?:הבקשה[ \t]+)?(?:אושרה|אושר|מאושרת)|"
        r"погоджено|схвалено|затверджено|ch[ấa]p[ \t]+thu[ậa]n|(?:umsókn(?:in)?[ \t]+(?:er|var)[ \t]+)?samþykkt|procedente|procede|"
        r"koosk[õo]lastatud",
    ),
)


def hits(text: str) -> list[Hit]:
    """Each Dutch, Spanish or French decision label's value that is a decision word (its span is the word)."""
    found = label_values.hits(text, _LABEL, _VALUE_END, _IF, _WORDS, r"\b")
    return found + label_french.hits(text)  # a French label ("DÉCISION : ACCORD")
