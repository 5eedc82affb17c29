"""A request pended for information, said as "not decided yet" and what to send (issue 18's twenty-second and
twenty-third sets, the twenty-second pass).

Two letters ask for information without any word the label and statement rules read as a pended request: a notice
titled in capitals ``PRIOR AUTHORIZATION PENDING — INFORMATION NEEDED`` (its title's dash is an em dash no banner
rule took, and "No decision has been made yet" below it then emptied the outcome), and a mail-merge letter saying
"We cannot make a decision yet. Please send us:" over a list. Both are a request for information: the letter is
undecided **and** asks for something to decide it.

Two shapes, each read as ``pended``:

* a title in capitals, alone at the start of its line (after an optional ``NOTICE:``-like word): ``PRIOR
  AUTHORIZATION`` / ``REQUEST`` / ``PA`` ``PENDING`` then a dash and ``(MORE | ADDITIONAL) INFORMATION NEEDED /
  REQUIRED / REQUESTED``;
* a sentence that the plan cannot or is unable to decide yet or until something comes (``We cannot make a decision
  yet``, ``we are unable to make a determination until we receive``), followed within the next two sentences by an
  ask (``Please send``, ``send us``, ``we need``, ``please provide``, ``please fax``).

Guards: the same words in small letters or inside a sentence (a heading's shape only in capitals); a "not decided"
sentence with no ask after it (a receipt: nothing is read); a conditional ("If we cannot make a decision ...");
another's decision ("your doctor cannot make a decision yet") — only ``we`` / ``the plan`` / ``our reviewer``.

The twenty-third pass reads the not-yet sentence in Dutch too ("Wij kunnen nog geen besluit nemen."), with its asks
("Wilt u ons het volgende sturen:", "Stuur ons ..."), under the same guards (``als`` / ``indien`` before it: a
condition; no ask in the next two sentences: nothing read). The twenty-fourth pass reads it in German ("Über den
Antrag kann noch nicht entschieden werden.") and Latvian ("Lēmumu pieņemt vēl nav iespējams."), with their asks
("benötigen wir noch folgende Unterlagen:", "Bitte senden Sie", "Lūdzam iesniegt:"), under the same guards (``wenn``,
``falls``, ``ja`` before it: a condition)."""

from __future__ import annotations

import re

from priorauth.letters import misread
from priorauth.letters.spans import Hit, I

_TITLE = re.compile(  # in capitals only (no re.I)
    r"^[ \t]*(?:[A-Z]{3,12}[ \t]*:[ \t]*)?(?P<v>(?:PRIOR[ \t]+AUTHORI[SZ]ATION|REQUEST|PA)[ \t]+PENDING)[ \t]*[—–-]{1,2}[ \t]*"
    # (a text layer may lose the gap after it; a fax may read an "E" as "F": "INFORMATION NFEDED")
    r"(?:MORE[ \t]+|ADDITIONAL[ \t]+)?INFORMATION[ \t]+(?:" + "|".join(misread.faint_e(w) for w in ("NEEDED", "REQUIRED", "REQUESTED")) + r")(?:\b|(?=[A-Z][a-z]))",
    re.M,
)
_NOT_YET = re.compile(
    r"(?<![Ii]f )\b(?P<v>(?:we|the[ \t]+plan|our[ \t]+(?:reviewer|pharmacist)s?)[ \t]+(?:cannot|can[’']t|can[ \t]+not|"
    r"(?:are|is)[ \t]+(?:not[ \t]+)?unable[ \t]+to|are[ \t]+not[ \t]+able[ \t]+to)[ \t]+(?:make|reach|issue)[ \t]+"
    r"(?:a|our|any)[ \t]+(?:decision|determination))[ \t]+(?:yet|until)\b(?P<rest>[^.!?]{0,120}[.!?:]?)",
    I,
)
_ASK = re.compile(
    r"^[^.!?]{0,60}?\b(?:please[ \t]+(?:send|provide|fax|submit|upload)|send[ \t]+us|we[ \t]+(?:need|still[ \t]+need)|"
    r"wilt[ \t]+u[ \t]+(?:ons[ \t]+)?[^.!?]{0,40}?\b(?:sturen|opsturen|toesturen|aanleveren|faxen)|stuur[ \t]+(?:ons|de|het)|(?:wij|we)[ \t]+hebben[ \t]+nodig|"
    # German and Latvian asks (the twenty-fourth pass): "benötigen wir noch folgende Unterlagen:", "Bitte senden Sie",
    # "Lūdzam iesniegt:"
    r"ben[öo]tigen[ \t]+wir|bitte[ \t]+(?:senden|reichen|schicken|übermitteln)[ \t]+sie|l[ūu]dzam[ \t]+(?:iesniegt|nos[ūu]t[īi]t))",
    I,
)
# the same "not decided yet" in Dutch (the twenty-third pass): "Wij kunnen nog geen besluit nemen."
_NOT_YET_DUTCH = re.compile(
    r"(?<![Aa]ls )\b(?P<v>(?:wij|we|de[ \t]+zorgverzekeraar)[ \t]+kunnen[ \t]+(?:nog[ \t]+)?geen[ \t]+(?:besluit|beslissing)[ \t]+"
    r"(?:nemen|maken))\b(?P<rest>[^.!?]{0,120}[.!?:]?)",
    I,
)


# the same in German and Latvian (the twenty-fourth pass): "Über den Antrag kann noch nicht entschieden werden.",
# "Wir können noch nicht entscheiden", "Lēmumu pieņemt vēl nav iespējams."
_NOT_YET_MORE = re.compile(
    r"\b(?P<v>(?:[üu]ber[ \t]+(?:den|ihren)[ \t]+antrag[ \t]+)?kann[ \t]+noch[ \t]+nicht[ \t]+(?:abschlie[ßs]end[ \t]+)?entschieden[ \t]+werden"
    r"|wir[ \t]+k[öo]nnen[ \t]+(?:noch[ \t]+)?nicht[ \t]+(?:abschlie[ßs]end[ \t]+)?entscheiden"
    r"|l[ēe]mumu[ \t]+pie[ņn]emt[ \t]+v[ēe]l[ \t]+nav[ \t]+iesp[ēe]jams)\b(?P<rest>[^.!?]{0,120}[.!?:]?)",
    I,
)


def hits(text: str) -> list[Hit]:
    """A pended request said by a capital title or a not-yet sentence with an ask after it (its span is the
    words that say it); [] otherwise."""
    found = [Hit("pended", m.start("v"), m.end("v")) for m in _TITLE.finditer(text)]
    for m in [*_NOT_YET.finditer(text), *_NOT_YET_DUTCH.finditer(text), *_NOT_YET_MORE.finditer(text)]:
        if re.search(r"\b(?:if|als|indien|wenn|falls|sofern|ja)\b", text[max(0, m.start() - 30) : m.start()], I):
            continue  # "If we cannot make a decision yet, ...": a condition
        after = " ".join(text[m.end("v") : m.end("v") + 400].split())
        sentences = re.split(r"(?<=[.!?:])\s+", after)[1:3]  # the two sentences after this one
        if any(_ASK.match(x) for x in sentences) or _ASK.match(m.group("rest").strip(" .")):
            found.append(Hit("pended", m.start("v"), m.end("v")))
    return found
