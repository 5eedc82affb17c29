"""A French decision label and its value ("DÉCISION : ACCORD", "Décision : REFUS", "DÉCISION : EN ATTENTE —
dossier incomplet"), read with :mod:`priorauth.letters.label_languages` (issue 18's twenty-third set, the
twenty-second pass).

Four mutuelle letters of the twenty-third set state their decision only as a label's value: the label's noun
(``décision``, with its accent) and its value's word (``accord``, ``refus``, ``en attente``) were known to no rule,
and French typography puts a blank before the colon. The label opens a line or a table cell (``Décision``,
``Avis``, ``Résultat``, ``Statut``, optionally "of the request": ``de la demande``, ``du médecin-conseil``); its
value is read to the first full stop, semicolon, dash or column gap, and its first word decides.

Guards: a condition in the value (``si``, ``sauf``, ``sous réserve``) or a question mark; ``accord préalable``
(the request's own name: "demande d'accord préalable") is no decision; a negated word (``pas d'accord``, ``non
accordé``) is a denial, never an approval; another thing's status (``Statut du recours``, ``Décision de la
commission de recours``: an appeal's) is not read; a label inside a sentence (after words on its line) is not a
label."""

from __future__ import annotations

import re

from priorauth.letters import label_values
from priorauth.letters.spans import Hit, I, M

_NOUN = r"(?:d[ée]cision|avis|r[ée]sultat|statut)"
_OF = r"(?:[ \t]+(?:de[ \t]+la[ \t]+(?:demande|caisse|mutuelle)|du[ \t]+(?:m[ée]decin[- ]conseil|service|dossier)))?"
_LABEL = re.compile(rf"^[ \t|]*(?P<k>{_NOUN}){_OF}[ \t]*:[ \t]*(?P<v>[^\n]{{2,80}})", M | I)
_VALUE_END = re.compile(r"[.;](?=\s|$)|[ \t]+[—–-][ \t]+|[ \t]{3,}")
_IF = re.compile(r"\b(?:si|sauf|sous[ \t]+r[ée]serve|[ée]ventuel\w*)\b|\?|_{3,}", I)
_WORDS = (  # the denial first ("non accordé", "pas d'accord")
    (
        "denied",
        r"refus(?:[ée]e?s?)?|rejet(?:[ée]e?s?)?|d[ée]favorable|non[ \t]+(?:accord[ée]e?s?|autoris[ée]e?s?|favorable)|"
        r"pas[ \t]+d['’]accord",
    ),
    (
        "pended",
        r"en[ \t]+attente|en[ \t]+suspens|suspendue?|ajourn[ée]e?|dossier[ \t]+incomplet|"
        r"en[ \t]+cours[ \t]+d['’](?:instruction|examen)",
    ),
    ("approved", r"accord(?![ \t]+pr[ée]alable)(?:[ée]e?s?)?|favorable|accept[ée]e?s?|autoris[ée]e?s?"),
)


def hits(text: str) -> list[Hit]:
    """Each French decision label's value that is a decision word (its span is the word)."""
    return label_values.hits(text, _LABEL, _VALUE_END, _IF, _WORDS, r"(?![\w'’-])")
