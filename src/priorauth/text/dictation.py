"""Speech recognition's renderings of clinical words in a dictated note, read as the words dictated.

(held-out v26, issue 13's twenty-seventh pass, part two) [v26-dictated-homophones] A note that says it was dictated
("[Dictated, not proofread]", "[Voice recognition - errors possible]", "[VR transcript]", "End of dictation") carries
speech recognition's errors: a drug's name split into common words ("so to Rasa Bob" for sotorasib, "cape side a bean"
for capecitabine, "Pem bro lies a mob" for pembrolizumab) and homophones of histology and organ words ("squeamish cell",
"none small cell", "small sell", "pull monetary fibrosis"). Each is rewritten as the word dictated, padded with spaces
to the same length, so every offset into the note stays exact. A typed note is read as written: nothing here applies.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

from priorauth.terminology.drugs import vocabulary

_DICTATED = re.compile(
    r"\bdictat(?:ed|ion)\b|\b(?:voice|speech)[\s-]recogni(?:tion|[sz]ed)\b|\bvr\s+transcript\b|\bdictation\s+transcript\b",
    re.I,
)
# Homophones of the words the readers look for: (what speech recognition wrote, what was said).
_HOMOPHONES = (
    (re.compile(r"\bsqueamish\s+cell\b", re.I), "squamous cell"),
    (re.compile(r"\bnone[\s-]small[\s-]+cell\b", re.I), "non-small cell"),
    (re.compile(r"\bsmall\s+sell\b", re.I), "small cell"),
    (re.compile(r"\bpull\s+monetary\b", re.I), "pulmonary"),
)
_WORD = re.compile(r"[A-Za-z]+")
_GAP = re.compile(r"-|[ \t]+|[ \t]*\n[ \t]*")  # between the words of one name: a space, a hyphen or a line's wrap
MIN_SKELETON = 5  # consonants of a drug's name below this are too few to tell it from chance words
MAX_WORDS = 5


def spoken(text: str) -> str:
    """The note with its speech-recognition renderings read as dictated (same length); a typed note unchanged."""
    if not _DICTATED.search(text):
        return text
    chars = list(text)
    for rx, word in _HOMOPHONES:
        for m in rx.finditer(text):
            chars[m.start() : m.end()] = word.ljust(m.end() - m.start())
    for start, end, name in _split_drug_names("".join(chars)):
        chars[start:end] = name.ljust(end - start)
    return "".join(chars)


def _sound(word: str) -> str:
    """A word as heard: voiced and voiceless pairs one, soft c as s, every vowel one, doubles once."""
    w = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isalpha())
    w = re.sub(r"ph", "f", w)
    w = re.sub(r"c(?=[eiy])", "s", w)
    w = w.replace("x", "ks").replace("q", "k").replace("c", "k")
    w = w.translate(str.maketrans("dbgvzeiouy", "tpkfsaaaaa"))
    w = re.sub(r"[hw]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


def _skeleton(word: str) -> str:
    """A word's consonants as heard."""
    return re.sub(r"(.)\1+", r"\1", _sound(word).replace("a", ""))


@cache
def _names() -> tuple[tuple[str, str, str], ...]:
    """(name, skeleton, sound) of each long anticancer drug name."""
    vocab = vocabulary()
    out = []
    for name, ingredients in vocab.by_name.items():
        if len(name) < 8 or not name.isalpha():
            continue
        if any(i in vocab.drugs and vocab.drugs[i].anticancer for i in ingredients):
            sk = _skeleton(name)
            if len(sk) >= MIN_SKELETON:
                out.append((name, sk, _sound(name)))
    return tuple(out)


def _near(a: str, b: str, cap: int = 2) -> int:
    """Edit distance of two short strings, stopping at ``cap``."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return min(prev[-1], cap)


def _split_drug_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of 2 to 5 words, one of them short, that sounds as one drug's name: the same
    first letter, the same consonants (but one of six or more), the same sounds but two, about its length. Guards:
    "the patient" is no tepotinib (one consonant off five), "for four cycles" no fruzaqla (three sounds off)."""
    words, vocab = list(_WORD.finditer(text)), vocabulary()
    found: list[tuple[int, int, int, str]] = []
    for i in range(len(words)):
        for n in range(2, MAX_WORDS + 1):
            run = words[i : i + n]
            if len(run) < n or not all(_GAP.fullmatch(text, a.end(), b.start()) for a, b in pairwise(run)):
                break
            said = [w.group(0) for w in run]
            if min(map(len, said)) > 4 or any(len(w) > 5 and w.lower() in vocab.by_name for w in said):
                continue  # a run of long words, or one holding a drug's own name ("sotorasib by"), is no split name
            joined = "".join(w.group(0) for w in run).lower()
            sk, sound = _skeleton(joined), _sound(joined)
            for name, name_sk, name_sound in _names():
                if joined[0] != name[0] or not len(name) - 2 <= len(joined) <= len(name) + 4:
                    continue
                d = _near(sk, name_sk)
                if (
                    (d == 0 or len(name_sk) > MIN_SKELETON)
                    and d <= 1
                    and run[-1].end() - run[0].start() >= len(name)
                    and _near(sound, name_sound, 3) <= 2
                ):
                    found.append((d, run[0].start(), run[-1].end(), name))
    out: list[tuple[int, int, str]] = []
    for _, start, end, name in sorted(found):
        if all(end <= s or start >= e for s, e, _ in out):
            out.append((start, end, name))
    return out
