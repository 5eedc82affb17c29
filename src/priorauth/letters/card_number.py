"""The member's id card number over a policy number (issue 18's twenty-fourth set, its safety pass).

An Indian TPA's cashless letter prints ``TPA ID card no.: SRH/IDC/7730215`` over ``Policy no.: KCG/HLT/2026/0091847
(group policy)``: the card's number is the member's (the case's member id); the policy's is the policy's (a group's,
shared by many). The member id rules knew the ``Policy no.`` label only, so the policy's number was read as the
member's, and this patient's letters were flagged as another's. When the id read is a policy's and the letter labels
an ID card's number (``ID card no.``, ``ID card number``, ``Member ID card #``, after an optional ``TPA``, ``member``,
``health`` or ``insurance``; at fax the words run together, ``TPAIDcardno.``), the card's number is the member's.
The twenty-sixth set's safety pass added the card's words in the other order (``TPA Card ID``, ``Member Card No.``),
after a bilingual label's other language (``No. Kad Ahli / Member Card No.:``); that order needs its owner's word
(TPA, member, health, insurance) before ``card``, so a bare ``Card no.`` (a payment card's) is never read.

Guards: a member id read under any other label stays (a ``Member ID:`` beside a card number is kept); no card line,
the policy's number stays; a card line whose value has no digit reads nothing."""

from __future__ import annotations

import re

CARD = re.compile(
    r"^[ \t|]*(?:[^\n:/]{1,40}/[ \t]*)?"  # a bilingual label's other language first ("No. Kad Ahli / Member Card No.")
    r"(?:(?i:(?:TPA|member|health|insurance|e-?)[ \t]*)?(?i:ID)[ \t]*(?i:card)[ \t]*(?i:no\.?|number|#)"
    r"|(?i:TPA|member|health|insurance)[ \t]*(?i:card)[ \t]*(?i:ID|no\.?|number|#))[ \t]*[:.]?[ \t]*"
    r"(?P<v>(?=[A-Z0-9/\-]*\d)[A-Z0-9](?:[A-Z0-9\-]|(?<=[A-Z0-9])/(?=[A-Z0-9])){3,24})(?![A-Za-z0-9])",
    re.M,
)


def member_card(text: str) -> re.Match[str] | None:
    """The member's card number when no other member id label was read (the twenty-seventh set's safety pass: a
    bilingual form's ``Member Card No. / <its translation>:``)."""
    return CARD.search(text)


def over_policy(text: str, read: re.Match[str] | None) -> re.Match[str] | None:
    """The ID card's number when the member id read is a policy's and the letter labels a card's; else ``read``."""
    if read is None or (read.groupdict().get("role") or "").lower() != "policy":
        return read
    return CARD.search(text) or read
