"""A decision extract: a delimited file's header row and its one record, read for the request's status.

Issue 18's seventeenth set sent a payer's semicolon-delimited extract ("rec;member_no;...;decision;decision_txt;
...") with "#" comment lines above and below it and a one-letter code explained in a comment; a comma-separated
export (its status a word) is the same shape (the eighteenth pass folded ``outcome._csv_hits`` in here). The
delimiter is any of ";", "|", a tab or ",", the record may wrap over the page's lines, and the status is the first
status column (``decision``, ``status``, ``decision_txt``, ...) whose cell is a decision word, or a code a legend
on the page defines ("decision: A = approved, D = denied"). A file of several records says nothing here."""

from __future__ import annotations

import csv
import re

from priorauth.letters.spans import Hit, I, M

_DELIMITERS = (";", "|", "\t", ",")
_NAME = r"[A-Za-z_][\w ]*"
# a status column, or its text beside a code column ("decision_txt", "status_desc")
_STATUS = re.compile(
    r"(?:pa_|request_|review_)?(?:status|decision|result|outcome|determination)(?:[_ ](?:txt|text|desc|description|meaning|code|cd))?",
    I,
)
# a legend in a comment or a label: "decision: A = approved, D = denied, P = pended"
_ENTRY = re.compile(r"(?<![\w-])(?P<c>[A-Z0-9]{1,3})[ \t]*=[ \t]*(?P<m>[A-Za-z][A-Za-z ]{1,40}?)[ \t]*(?=,|;|$|[ \t]{2}|\n)", M)


def legend(text: str) -> dict[str, str]:
    """The codes a one-line legend defines ("A = approved, D = denied"): two entries at least on its line."""
    codes: dict[str, str] = {}
    for line in text.split("\n"):
        entries = list(_ENTRY.finditer(line))
        if len(entries) >= 2:
            for m in entries:
                codes.setdefault(m.group("c"), m.group("m").strip())
    return codes


def is_legend(value: str) -> bool:
    """Whether a label's value is a legend ("A = approved, D = denied"): it defines codes, it decides nothing."""
    return len(_ENTRY.findall(value)) >= 2


def _record(lines: list[str], width: int, delimiter: str) -> tuple[list[str], int] | None:
    """The record's cells, wrapped over up to four printed lines, and the characters it used."""
    record, used = "", 0
    for line in lines[:4]:
        if line.lstrip().startswith("#"):
            return None
        record, used = record + (" " if record and not record.endswith(delimiter) else "") + line, used + len(line) + 1
        try:
            cells = next(csv.reader([record], delimiter=delimiter))
        except (csv.Error, StopIteration):
            return None
        if len(cells) >= width:
            return (cells, used) if len(cells) == width else None
    return None


def hits(text: str, words: tuple[tuple[str, str], ...]) -> list[Hit]:
    """The status of a delimited extract's one record (``words``: each outcome's words, as a label's value)."""
    out: list[Hit] = []
    codes = legend(text)
    for delimiter in _DELIMITERS:
        d = re.escape(delimiter)
        for m in re.finditer(rf"^[ \t]*(?P<h>{_NAME}(?:{d}{_NAME}){{3,}})[ \t]*$", text, M):
            names = [n.strip() for n in m.group("h").split(delimiter)]
            columns = [i for i, n in enumerate(names) if _STATUS.fullmatch(n)]
            if not columns:
                continue
            start = m.end() + 1
            lines = text[start:].split("\n")
            found = _record(lines, len(names), delimiter)
            if found is None:
                continue
            cells, used = found
            after = text[start + used :].split("\n", 1)[0]
            if after.count(delimiter) >= len(names) // 2:
                continue  # another record: a file of several says nothing here
            # a word's column before a code's: its span is the word's own
            for col in sorted(columns, key=lambda c: bool(re.fullmatch(r"[A-Z0-9]{1,3}", cells[c].strip()))):
                value = cells[col].strip()
                meaning = codes.get(value, value) if re.fullmatch(r"[A-Z0-9]{1,3}", value) else value
                # the cell is the word, or opens with it ("Pended - information needed"), a short cell
                short = len(meaning.split()) <= 6
                word = next(
                    (v for v, w in words if re.fullmatch(rf"(?:{w})", meaning, I) or (short and re.match(rf"(?:{w})\b", meaning, I))),
                    None,
                )
                at = text.find(value, start, start + used)
                if word and at >= 0:
                    out.append(Hit(word, at, at + len(value)))
                    break
    return out
