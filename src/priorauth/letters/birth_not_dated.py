"""A letter's date is never its patient's date of birth (issue 18's twenty-first set, safety pass: at fax, two letters
whose own date OCR lost had their patient's "DOB 10/14/1951" and "Date of birth ... 06/27/1955" read as the letter's
date, and the appeal windows "60 days from the denial date", "30 days of the notice date" counted from it).

A letter date read at the birth date's own span, or on the same day as the birth date read, is dropped: what is
counted from the letter's date is then left empty (never counted from a birth).

Guard: a letter date on another day than the birth date stays."""

from __future__ import annotations

from typing import Any


def letter_date(day: Any, born: Any) -> Any:
    """``day`` (the letter date's hit), or None when it is the patient's birth date (``born``, its hit)."""
    if day is None or born is None:
        return day
    if day.start < born.end and born.start < day.end:
        return None
    return None if day.value == born.value else day
