"""The letter's patient against the case's: name (its words, in any order, initials ignored), date of
birth and member id (letters and digits only). A field the letter does not give is not a mismatch; one
it gives differently is, and then nothing is proposed.

A letter read from its text layer (a portal's PDF) is compared exactly: a name one letter off there is
another name, never a misread. A fax's OCR misreads a letter now and then (``Nelacourt`` for ``Delacourt``, ``NadiaR.`` for ``Nadia
R.``, ``O`` for ``0`` in a member id). Such a reading is tolerated, never silently: a member id equal to
the case's once the characters OCR confuses are folded (O/Q/0, I/L/1, S/5, B/8, Z/2) matches, and so does
one of 8 characters or more that OCR read with one character doubled or dropped (never changed) when the
date of birth matches exactly (``NWXX449021773``), and so does one OCR cut where the fax wrapped its line (the
case's id up to one of its blanks or dashes, ``TLH 448 207`` of ``TLH 448 207 519``) when the date of birth
matches exactly, and so does one with a single capital read as two glyphs (``MHEI-519-0032`` of ``MHH-519-0032``:
H as EI or II, M as IVI or NI, W as VV, D as CL); accents are never a difference (``Quiñones``, ``Quinones``); a name
whose words differ from the case's by one letter each (words of 5 letters or more) is not a mismatch
only when OCR was not sure of the name (word confidence under 0.9) and the letter's date of birth or
member id is read and matches the case's exactly, and the proposal warns about it. A real other patient differs by more than one misread letter, or in a date of
birth or member id, and is flagged."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date
from typing import Any

from priorauth.letters import name_endings

_FOLD = str.maketrans({"O": "0", "Q": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"})
NEAR_LENGTH = 5  # a name word this long may differ by one misread letter
# a name OCR read this confidently is compared as read: one letter off is another name ("Theodore" is not
# "Theodora"); the names OCR misread on the corpora's faxes were read at 0.47-0.56, clean ones at 0.82-0.94
SURE = 0.9


def _unaccented(text: str) -> str:
    """The text with its accents dropped ("Quiñones" is "Quinones": a chart or a fax may print either)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _words(name: str) -> set[str]:
    name = _unaccented(name)
    name = re.sub(r"([a-z]{2,})([A-Z])(?=[.\s]|$)", r"\1 \2", name)  # "NadiaR." is "Nadia R." (OCR lost the space)
    return {w for w in re.findall(r"[a-z]+", name.casefold()) if len(w) > 1}


def _alnum(value: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", value.upper())


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by at most one letter substituted, added or dropped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


# a spelling's variants, never a fax's misread: "Szymanowski" and "Szymanowsky" are two names ("i" and "y" differ in
# shape; a name written with the one and read with the other is another person's record; "l" is "i" once OCR's glyphs
# are folded)
# the twenty-ninth set's safety pass: a transliterated name's vowel, "Saleh" and "Salah", "Mohammed" and "Mohammad", is
# a spelling too: at fax an "a" read for an "e" would be tolerated as a misread, and another patient's letter not flagged)
_VARIANTS = ({"i", "y"}, {"l", "y"}, {"a", "e"})


def _misread(a: str, b: str) -> bool:
    """a and b differ by one letter OCR may misread (never a spelling variant of :data:`_VARIANTS`)."""
    if not _one_edit(a, b):
        return False
    if len(a) == len(b):
        if name_endings.variant(a, b):  # "Jonathon" and "Jonathan": two spellings, never a misread
            return False
        return not any({x, y} in _VARIANTS for x, y in zip(a, b, strict=True) if x != y)
    return True


# one printed capital OCR read as two glyphs ("H" as "EI" or "II", "M" as "IVI" or "NI", "W" as "VV", "D" as "CL")
_SPLIT = {"H": ("EI", "II", "IL", "LI"), "M": ("IVI", "NI", "RN"), "W": ("VV",), "D": ("CL",)}


def _split_glyph(read: str, want: str) -> bool:
    """read is want with one of its capitals read as two glyphs ("MHEI-519-0032" of "MHH-519-0032"), OCR's look-alikes
    folded; the id's other characters all as the case's."""
    a, b = _alnum(read).translate(_FOLD), _alnum(want)
    for i, c in enumerate(b):
        for two in _SPLIT.get(c, ()):
            if a == (b[:i] + two + b[i + 1 :]).translate(_FOLD):
                return True
    return False


def _cut(read: str, want: str) -> bool:
    """OCR cut the id where the fax wrapped its line: what it read is the case's id up to a blank or a dash
    (6 characters or more), the rest of the case's id its whole last groups ("TLH 448 207" of "TLH 448 207 519")."""
    a, b = _alnum(read), _alnum(want)
    if len(a) < 6 or not b.startswith(a) or a == b:
        return False
    groups = re.split(r"[\s\-]+", want.strip().upper())
    return any(_alnum("".join(groups[:i])) == a for i in range(1, len(groups)))


def _capital_ij(a: str, b: str) -> bool:
    """a and b differ only in their first letter, an I for a J: a fax's serif capitals ("Jain" of "Iain", any length)."""
    return len(a) > 1 and a[1:] == b[1:] and {a[0], b[0]} == {"i", "j"}


def _near_words(a: set[str], b: set[str]) -> bool:
    """Every word of the shorter name is a word of the other or one misread letter away from one."""
    short, long_ = sorted((a, b), key=len)
    return all(
        w in long_
        or any(_capital_ij(w, v) for v in long_)
        or (len(w) >= NEAR_LENGTH and any(len(v) >= NEAR_LENGTH and _misread(w, v) for v in long_))
        for w in short
    )


def compare(
    read: dict[str, Any],
    case: dict[str, Any] | None,
    ocr: bool = False,
    sure: Collection[str] = (),
    weak_name: str | None = None,
) -> tuple[list[str], list[str]]:
    """(the fields where the letter's patient differs from the case's, the fields that differ only as
    OCR misreads and are tolerated: only when the letter was read by OCR, and for a name only when OCR was
    not sure of it: ``sure`` names the fields it read with :data:`SURE` confidence or more); in words,
    never values (PHI)."""
    if not case:
        return [], []
    out: list[str] = []
    near: list[str] = []
    dob, want_dob = read.get("birth_date"), case.get("birth_date")
    dob_same = None
    if dob and want_dob:
        dob_same = str(dob) == (want_dob.isoformat() if isinstance(want_dob, date) else str(want_dob))
        if not dob_same:
            out.append("date of birth")
    mid, want_mid = read.get("member_id"), case.get("member_id")
    mid_same = None
    if mid and want_mid:
        a, b = _alnum(str(mid)), _alnum(str(want_mid))
        mid_same = a == b
        if not mid_same:
            folded = a.translate(_FOLD), b.translate(_FOLD)
            # OCR's look-alikes, or one character doubled or dropped when the date of birth agrees
            # (never one character changed: a dependant's id differs from the subscriber's in its suffix)
            added = len(folded[0]) != len(folded[1]) and _one_edit(*folded)
            # or cut where the fax wrapped its line, the date of birth agreeing
            slip = (added and len(b) >= 8) or _cut(str(mid), str(want_mid))
            if ocr and (folded[0] == folded[1] or (dob_same and slip) or _split_glyph(str(mid), str(want_mid))):
                near.append("member id")
            else:
                out.append("member id")
    name, want = read.get("name"), case.get("name")
    if name and want:
        a, b = _words(str(name)), _words(str(want))
        if a and b and not (a <= b or b <= a):
            if ocr and "name" not in sure and (dob_same or mid_same) and _near_words(a, b):
                near.append("name")
            elif ocr and dob_same and mid_same is not False and glyph_same(str(name), str(want)):
                # read surely, but the same name once OCR's look-alike glyphs are folded ("Arnaga" of "Arriaga":
                # "ri" read as "n"), the birth date agreeing and no member id differing (twenty-third set)
                near.append("name")
            else:
                out.insert(0, "name")
    elif weak_name and want and ocr and (said := _weak_name(weak_name, str(want), bool(dob_same or mid_same))):
        # OCR read the name too weakly to give it, but well enough to see it is another
        (near.append if said == "near" else lambda x: out.insert(0, x))("name")
    return out, near


# a name OCR read weakly (under its confidence threshold, left empty as a value) is still compared, its glyphs folded as
# OCR confuses them: letters it cannot tell apart ("l", "I", "1"; "rn" and "m"; "ri" and "n"; "cl" and "d"; "vv" and
# "w"; "ç" read as "g"; "b" and "h", whose bowl a fax's pixels open; "ü" read as "ii", its two dots as the i's, the
# twenty-fifth set's "Liithi" of "Lüthi"), letters a fax font drops the mark of ("ø", "æ", "ß"), stray marks inside a word ("l.und")
_FOLD_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "þ": "th"})
_FOLD_GLYPHS = (("ii", "u"), ("b", "h"), ("rn", "m"), ("ri", "n"), ("cl", "d"), ("vv", "w"), ("1", "l"), ("|", "l"), ("!", "l"), ("i", "l"), ("g", "c"))
# a "c" read as an "e", its gap a fax's pixels close (the thirty-second pass: "Kowalezyk" of "Kowalczyk"): an "e" is a
# vowel, so never folded as a glyph (it would make "Mae" of "Mac", "Cagan" of "Eagan"); only in a name read surely
# (:func:`glyph_same`), only between consonants inside a word, and only where the case's word has its "c"
_CONSONANT = "bcdfghjklmnpqrstvwxz"


def _folded_words(name: str, glyphs: bool = True) -> set[str]:
    words = set()
    for w in re.split(r"[\s\-,]+", _unaccented(name.casefold().translate(_FOLD_LETTERS))):
        w = re.sub(r"[^a-z1|!]", "", w)
        if glyphs:
            w = _fold_glyphs(w)
        if len(w) > 1:
            words.add(w)
    return words


def glyph_same(read: str, want: str) -> bool:
    """The two names are the same word for word once OCR's look-alike glyphs are folded (never a vowel changed:
    "Jonathon" is not "Jonathan")."""
    a, b = _glyph_fixed_point(read), _glyph_fixed_point(want)
    return bool(a) and {_c_read_as_e(w, b) for w in a} == b


def _c_read_as_e(word: str, case_words: set[str]) -> str:
    """The read word as the case's word it equals once an "e" between two consonants inside it is taken for the
    case's "c" there ("kowalezyk" of "kowalczyk"); else as read (an "e" at a word's edge or by a vowel is a vowel)."""
    inner = {i for i in range(1, len(word) - 1) if word[i] == "e" and {word[i - 1], word[i + 1]} <= set(_CONSONANT)}
    for want in (w for w in case_words if len(w) == len(word)):
        if all(x == y or (i in inner and y == "c") for i, (x, y) in enumerate(zip(word, want, strict=True))):
            return want
    return word


def _glyph_fixed_point(name: str) -> set[str]:
    """The name's folded words, folded again to a fixed point: "ri" folded to "n" may make an "rn" ("Arriaga" ->
    "Arnaga" -> "Amaga")."""
    words, last = _folded_words(name), set()
    while words != last:
        last, words = words, {_fold_glyphs(w) for w in words}
    return words


def _fold_glyphs(word: str) -> str:
    """One pass of OCR's look-alike glyphs folded ("rn" as "m", "cl" as "d", ...)."""
    for x, y in _FOLD_GLYPHS:
        word = word.replace(x, y)
    return word


def _weak_name(weak: str, want: str, confirmed: bool) -> str | None:
    """How a weakly read name compares with the case's: None (the same once OCR's glyphs are folded), "near" (one
    letter a word off in words of :data:`NEAR_LENGTH` letters or more, folded or not, the birth date or member id
    agreeing), else "name" (another)."""
    near = False
    for glyphs in (True, False):
        a, b = _folded_words(weak, glyphs), _folded_words(want, glyphs)
        if not a or not b or a <= b or b <= a:
            return None
        near |= _near_words(a, b)
    return "near" if confirmed and near else "name"


# an id's O or I between two digits is OCR's 0 or 1 ("GW 55O9" is "GW 5509"); one between a letter and a digit
# ("PLOO50", "X12O") may be either: the id's own shape does not say, so the id is not given (an I there is read as
# printed: ids have letters I before digits more often than OCR misreads a 1)
_BETWEEN_DIGITS = re.compile(r"(?<=\d)(?:(?P<o>[Oo])|(?P<i>[Il|]))(?=\d)")
_UNSURE = re.compile(r"[A-NP-Za-np-z][Oo]+\d|\d[Oo]+(?:[A-Za-z]|$|[ \-])", re.M)


def ocr_digits(value: str) -> str | None:
    """A member id as OCR read it, its O and I between digits read as 0 and 1; None when an O or I joins a
    letter to a digit (or ends a run of digits), where OCR's reading cannot say which it is."""
    while (m := _BETWEEN_DIGITS.search(value)) is not None:
        value = value[: m.start()] + ("0" if m.group("o") else "1") + value[m.end() :]
    if any(_UNSURE.finditer(value)):
        return None
    return value


def mismatches(read: dict[str, Any], case: dict[str, Any] | None, ocr: bool = False) -> list[str]:
    """The fields where the letter's patient differs from the case's (in words, no values: PHI)."""
    return compare(read, case, ocr)[0]
