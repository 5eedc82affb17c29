"""An INI export's coded values read as words: ``status = pending_information`` is ``pending information``
(the same length: every span holds), as its snake-case keys already are (``member_no`` is ``member no``).

Issue 18's twentieth set printed a portal's ``determination.ini`` whose decision was a code word of small letters
joined by underscores: no decision word stands alone in it, so the label's value said nothing. Only a value that is
one such code, all of it small letters (a reference ``MFM_27_06`` or a path keeps its underscores)."""

from __future__ import annotations

import re

# a key's value that is one snake-case code to its line's end (after fields.unmarked turned "=" into ":")
_CODE = re.compile(r"(?m)(?<=:[ \t])(?P<v>[ \t]*[a-z]{2,}(?:_[a-z]{2,}){1,4})[ \t]*$")


def worded(text: str) -> str:
    """The INI text with each coded value's underscores blanked."""
    return _CODE.sub(lambda m: m.group("v").replace("_", " "), text)
