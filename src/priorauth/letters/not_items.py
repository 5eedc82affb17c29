"""Objects of a request sentence that name nothing to send (issue 18's twenty-first set, safety pass: "Please fax
within 10 days to 555-0143" was read as the item asked for, and "Please send the items checked below" as one).

* Only when and where: the object is a time window ("within 10 days", "in 14 business days", "by 06/30/2027",
  "today", "as soon as possible", "at this time": the twenty-first pass, "No additional
  documentation is needed at this time") and/or a destination ("to 555-0143", "to us", "to the number above", "to our
  fax"), nothing else. Such a request's object is no item; the letter's other request sentence ("we need the
  pathology report") is read instead.
* A pointer to a list: "the items checked below", "the documents marked above", "the records listed below", "the
  following": the items are the list's, never these words. When the list itself is not read (its boxes printed
  alike, ticked or not), nothing is read.

Guards: an object that names a thing as well as when and where ("the pathology report within 10 days") is an item;
"the checked-below form"-like words that are a document's name (an object naming a form: "the enclosed form") are
items."""

from __future__ import annotations

import re

from priorauth.letters import dates

_WHEN = (
    r"(?:(?:with)?in\s+(?:the\s+next\s+)?(?:\d{1,3}|[a-z]+)\s+(?:\(\d{1,3}\)\s+)?(?:business\s+|calendar\s+|working\s+)?days?"
    r"(?:\s+(?:of|from)\s+(?:this|the|our)\s+(?:letter|notice|message|request|date|chat))?"
    rf"|by\s+(?:{dates.DATE}|close\s+of\s+business|end\s+of\s+day)|today|tomorrow|as\s+soon\s+as\s+possible|asap|promptly"
    r"|(?:at|for)\s+(?:this|the\s+present)\s+(?:time|moment|stage)|at\s+present|now|currently|yet)"  # "... is needed at this time"
)
_WHERE = (
    r"(?:to\s+(?:us|me|our\s+(?:fax|office|team|department)|the\s+(?:fax\s+)?number\s+(?:above|below)|(?:fax\s+)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}"
    r"|\d{3}[\s.\-]\d{4}|fax(?:\s+(?:number\s+)?)?\(?\d[\d\s().\-]{6,}\d))"
    r"|(?:at|on)\s+(?:fax\s+)?(?:\(?\d{3}\)?[\s.\-]?)?\d{3}[\s.\-]\d{4}"
)
_ONLY_WHEN_WHERE = re.compile(rf"^(?:(?:it|them|this|these)\s+)?(?:(?:{_WHEN}|{_WHERE})[\s,]*(?:and\s+)?)+$", re.I)
_LIST_POINTER = re.compile(
    r"^(?:all\s+)?(?:the\s+|each\s+of\s+the\s+)?(?:(?:items?|documents?|records?|information|documentation|forms?)\s+)?"
    r"(?:(?:checked|marked|ticked|listed|indicated|shown|named)\s+(?:below|above)|below|following)$",
    re.I,
)


def no_item(obj: str) -> bool:
    """``obj`` (a request sentence's object) names nothing to send: only when and where, or a pointer to a list."""
    said = " ".join(obj.split()).strip(" :.;,")
    return bool(_ONLY_WHEN_WHERE.match(said) or _LIST_POINTER.match(said))
