"""A text-message thread exported from a phone, read as the labelled lines its messages are.

Issue 18's nineteenth set printed SMS threads with a payer's short code ("9:16 AM  BRACKWATER HP: Status: APPROVED
PA# BW27-0302-661"): each message opens with its time and its sender, then says what a letter's label line says
("Status: DENIED", "Pt: ... DOB ... Mbr ...", "Dates 3/2/27-8/31/27"). The time and the sender are blanked (the same
length: every span holds), so each message is read as a line of the letter. Only a thread: four messages or more,
each opening with a clock time unbracketed (a bracketed live-chat turn is :mod:`priorauth.letters.chat`'s)."""

from __future__ import annotations

import re

# a message's head: its clock time ("9:16 AM", "15:02"), a gap, its sender and a colon ("BRACKWATER HP:", "Clinic:");
# at fax a speck between them may read as "=" or "-"
_HEAD = re.compile(
    r"^[ \t]*\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]+(?:[=~\-][ \t]+)?(?-i:[A-Z])[^:\n\d]{0,39}?:(?=[ \t]+\S)", re.M
)


def unthreaded(text: str) -> str:
    """The thread with each message's time and sender blanked; any other text as it is."""
    if len(_HEAD.findall(text)) < 4:
        return text
    return _HEAD.sub(lambda m: " " * len(m.group(0)), text)
