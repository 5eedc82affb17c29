"""The approved quantity under a German, French, Dutch or Spanish label: "Genehmigte Menge: 240 Tabletten je 30 Tage", "Quantité
accordée : 240 comprimés par période de 30 jours". :func:`priorauth.letters.fields.quantity` reads English, Italian,
Spanish and Portuguese labels and units; these were left empty. Tried only where it read none.

The label says the quantity is the one granted (``genehmigte`` / ``bewilligte Menge``, ``quantité accordée /
autorisée / approuvée``), never the one asked for (``Beantragte Menge``, ``quantité demandée``); the value opens
with a count and a unit of the drug's (``Tabletten``, ``Filmtabletten``, ``Kapseln``, ``comprimés``, ``gélules``)
and runs to its line's end. The twenty-first set added Dutch (``goedgekeurde / toegekende hoeveelheid``, never
``aangevraagde hoeveelheid``) and Spanish (``cantidad autorizada / aprobada / concedida``, never ``cantidad
solicitada``) labels, and their units (``comprimidos``, ``cápsulas``, ``tabletas``); the twenty-third pass Swedish,
Danish and Norwegian (``Beviljad mängd``, ``Bevilget mængde``, ``Innvilget mengde``; units ``tabletter``, ``kapsler``,
``kapslar``; never ``Ansökt mängd``, ``Ansøgt mængde``); the twenty-fourth pass Finnish ``Korvattava määrä`` and a
bare ``Menge:``, ``Quantité :``, ``Määrä:``, ``Množství:`` (its colon required; units ``tablettia``, ``tablet``))."""

from __future__ import annotations

import re

from priorauth.letters import misread
from priorauth.letters.spans import Hit, I, M

_GRANTED = re.compile(
    r"^[ \t|]*(?:(?:genehmigte|bewilligte|freigegebene)[ \t]+(?:menge|packungsmenge|anzahl)"
    r"|quantit[ée][ \t]+(?:accord[ée]e|autoris[ée]e|approuv[ée]e|prise[ \t]+en[ \t]+charge)"
    # Dutch and Spanish (the twenty-first set): "Goedgekeurde hoeveelheid:", "Cantidad autorizada:"
    r"|(?:goedgekeurde|toegekende|vergoede)[ \t]+hoeveelheid|cantidad[ \t]+(?:autorizada|aprobada|concedida)"
    # Swedish, Danish, Norwegian (the twenty-third pass): "Beviljad mängd:", "Bevilget mængde:", "Innvilget mengde:"
    r"|(?:beviljad|bevilget|bevilliget|innvilget|godkendt|godkänd)[ \t]+(?:m[äa]ngd|" + misread.marked("mængde") + r"|mengde|antal)"
    # the twenty-fourth pass: a Finnish "Korvattava määrä:", and the bare quantity label of a German, French, Finnish or
    # Czech approval ("Menge:", "Quantité :", "Määrä:", "Množství:"), its colon required (never "Beantragte Menge",
    # "Haettu määrä", the quantity asked for, nor a label in a sentence)
    r"|korvattava[ \t]+m[äa][äa]r[äa]|(?:menge|quantit[ée]|m[äa][äa]r[äa]|mno[žz]stv[íi])(?=[ \t]*:)"
    # the twenty-seventh pass: a Czech "Schválené množství:", a Turkish "Onaylanan Miktar :", an Estonian "Kogus:" (never
    # "Požadované množství", "Talep edilen miktar", the quantity asked for)
    r"|schv[áa]len[ée][ \t]+mno[žz]stv[íi]|onaylanan[ \t]+miktar|kogus(?=[ \t]*:)"
    # the twenty-eighth pass: a bare Norwegian "Mengde:", a Polish "Ilość:" (its colon required; units "tabletek")
    r"|(?:mengde|ilo(?:ś|s|■)[ćc■])(?=[ \t]*:))"
    r"[ \t]*:?[ \t]*(?P<v>\d{1,4}[ \t]+(?:film)?(?:tabletten|kapseln|comprim[ée]s|g[ée]lules|comprimidos|c[áa]psulas|tabletas|capsules|tabletter|kapsler|kapslar|tablettia|tabletti|tabletek|tablet|tablety|tbl\.)(?:\b|(?<=\.))[^\n]*?)[ \t.]*$",
    I | M,
)


def quantity(text: str) -> Hit | None:
    """The granted quantity under a German or French label, or None."""
    m = _GRANTED.search(text)
    if m is None:
        return None
    return Hit(" ".join(m.group("v").split()), m.start("v"), m.end("v"))
