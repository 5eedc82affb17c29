"""A printed letter's marks that carry no words (a form's blanks, a widget's names, HTML and XML tags, RTF,
JSON, Markdown, INI and YAML keys, a telex's STOPs, an X12 envelope, stacked labels) read as blanks or labels of
the same length, so every span holds; and a letter's day-first numeric dates rewritten month first in place.
Split out of :mod:`priorauth.letters.fields` (issue 18's twenty-fourth pass)."""

from __future__ import annotations

import re

from priorauth.letters import (
    fhir_xml,
    french_dates,
    ini_values,
    margin,
    ncpdp_xml,
    quoted_csv,
    sms,
    spaced,
    xml_attributes,
)
from priorauth.letters.spans import I, M

# a typed-in form's entries sit in its blanks ("Fund reference:   __PEHF 27-3318-RX_________"): the underscores
# touching an entry are the blank's, not the entry's; a blank left empty ("Approved from: ______") stays as it is
# (at fax a blank's underscores may come out as one mark between the label and the entry: "Date of decision: _ 09/13/2027",
# "Fund reference:  — PEHF 27-3318-RX", or glued to the entry: "Plan no.: _KWM 330-12")
_FENCE = re.compile(
    r"_{2,}(?=[^\s_])|(?<=[^\s_])_{2,}|(?<=:[ \t])[ \t]*[_—|](?=[ \t]+[A-Za-z0-9])|(?<=:[ \t])[ \t]*_(?=[A-Za-z0-9])"
)


def unfenced(text: str) -> str:
    """The text with the blanks around typed entries as spaces (the same length: every span holds)."""
    return _FENCE.sub(lambda m: " " * len(m.group(0)), text)


# a flattened PDF form printed with its fields' names ("txtMemberID: WQN 771 204 9", "chkDenied: On"): the
# name's widget prefix dropped and its words split ("Member ID:"), a check box as one ("[X] Denied", "[ ] Approved");
# the same length (padded after the colon), so every span holds; a name too long to split in place stays as it is
_WIDGET = re.compile(
    r"^(?P<lead>[ \t]*)(?P<kind>txt|fld|tb|dd|cbo|chk|cb|cbx)(?P<name>[A-Z][A-Za-z0-9]{1,40})[ \t]*:(?P<rest>[^\n]*)", re.M
)
_WIDGET_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+")
_CHECKED = re.compile(r"[ \t]*(?i:on|yes|true|x|1|checked)[ \t]*")
_UNCHECKED = re.compile(r"[ \t]*(?i:off|no|false|0|unchecked)?[ \t]*")


def _widget(m: re.Match[str]) -> str:
    words = " ".join(_WIDGET_WORD.findall(m.group("name")))
    body = m.group(0)[len(m.group("lead")) :]
    if m.group("kind") in ("chk", "cb", "cbx"):
        if _CHECKED.fullmatch(m.group("rest")):
            out = f"[X] {words}"
        elif _UNCHECKED.fullmatch(m.group("rest")):
            out = f"[ ] {words}"
        else:
            return m.group(0)
    else:
        out = f"{words}:" + " " * (len(body) - len(words) - 1 - len(m.group("rest"))) + m.group("rest")
        return m.group("lead") + out if len(out) == len(body) else m.group(0)
    return m.group("lead") + out.ljust(len(body)) if len(out) <= len(body) else m.group(0)


# a letter saved as a web page (a portal's HTML): its tags are blanks of the same length, so a table's cells
# ("<td>Decision</td><td><b>APPROVED</b></td>") read as a label and its value, and every span holds; a
# non-breaking space's entity is a blank too. Only a text that opens as HTML is so read.
_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b)", re.I)
_TAG = re.compile(r"<!--.*?-->|<![A-Za-z][^<>\n]{0,200}>|</?[A-Za-z][^<>\n]{0,200}>", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,5});")
_ENTITY_AS = {"&ndash;": "-", "&mdash;": "-", "&minus;": "-", "&amp;": "&", "&sol;": "/"}


def _tag(m: re.Match[str]) -> str:
    if m.group(0).lower().startswith("<li"):  # a list's item is a bulleted line ("-   Chart notes")
        return "-" + " " * (len(m.group(0)) - 1)
    return re.sub(r"[^\n]", " ", m.group(0))


def _entity(m: re.Match[str]) -> str:
    mark = _ENTITY_AS.get(m.group(0).lower(), " ")  # a dash between dates stays one; the rest are blanks
    return mark.center(len(m.group(0)))


# a message printed as XML (an ePA gateway's log: "<PayerAssignedMemberID>BMH0...</PayerAssignedMemberID>"): each
# value's run of opening tags becomes its label in words ("Payer Assigned Member ID:"; the outer tags', then the
# first words, dropped until it fits the run), every other tag a blank; the same length, so every span holds.
# A value wrapped by the print is one line again. Only a text with an XML declaration, or many closing tags, is so read.
_XML = re.compile(r"<\?xml\b", re.I)
_XML_CLOSE = re.compile(r"</[A-Za-z][\w.:\-]{0,60}>")
_XML_LEAF = re.compile(r"(?P<open>[ \t]*(?:<[A-Za-z][\w.:\-]{0,60}(?:[ \t][^<>\n]{0,200})?>)+)(?P<v>[^<>\n]*\S[^<>]{0,400}?)(?=</)")
_XML_LIST_ITEM = re.compile(r"(?:Requested|Needed|Missing|Required)?(?:Item|Question|Document|Entry)(?:Text|Description)?", re.I)
_XML_DECLARATION = re.compile(r"<\?[^<>\n]{0,200}\?>")
_XML_NAME = re.compile(r"<([A-Za-z][\w.:\-]{0,60})")
_XML_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+")


# a list's item number in its own element ("<QuestionID>2</QuestionID><QuestionText>List each ...") is the
# item's marker ("2.  List each ..."), no label
_XML_ITEM_CLOSE = re.compile(
    r"(?:<[A-Za-z][^<>\n]{0,200}>)+(?P<n>\d{1,2})</[\w.:\-]{0,60}(?:ID|Number|No|Seq|Sequence|Index)>(?P<open>(?:<[A-Za-z][^<>\n]{0,200}>)*)(?P<v>[^<>\s][^<>]{0,400}?)(?=</)", re.I
)


def _xml_label(m: re.Match[str]) -> str:
    names = [n.split(":")[-1] for n in _XML_NAME.findall(m.group("open"))]
    room = len(m.group("open"))
    value = m.group("v").replace("\n", " ")  # a value the print wrapped is one line again (the same length)
    if _XML_LIST_ITEM.fullmatch(names[-1]) and room >= 2:  # a list's item ("<Item>Chart notes</Item>") is a bullet
        return "- ".rjust(room) + value
    for k in range(len(names)):
        words = [w for n in names[k:] for w in _XML_WORD.findall(n)]
        words = [w for i, w in enumerate(words) if not (i and (w == words[i - 1] or (w == "Time" and words[i - 1] == "Date")))]
        label = " ".join(w for i, w in enumerate(words) if not (i and w == words[i - 1])) + ": "
        if len(label) - 1 <= room:  # (its colon hugging the value when the tags leave no room for a blank)
            return label[:room].ljust(room) + value  # at the line's start: no wrapped line of the value above it
    # a fax's OCR drops a line's indent, so an element at the line's start leaves no room for its spaced label
    # ("<PACaseID>LPB-..."): its own name, unspaced, always fits ("PACaseID: LPB-...")
    return f"{names[-1]}:".ljust(room) + value


def _xml_item(m: re.Match[str]) -> str:
    return (m.group("n") + ". ").rjust(m.start("v") - m.start()) + m.group("v").replace("\n", " ")


# a list's container named for what is asked (``<InformationRequested>`` alone on its line) is the list's heading
_XML_ASKED = re.compile(r"(?m)^[ \t]*<(?P<k>[A-Za-z][\w.\-]{0,60}(?i:requested|needed|required|missing))(?:[ \t][^<>\n]{0,200})?>[ \t]*$")


def _xml_asked(m: re.Match[str]) -> str:
    label = " ".join(_XML_WORD.findall(m.group("k"))) + ":"
    return label.ljust(len(m.group(0))) if len(label) <= len(m.group(0)) else " " * len(m.group(0))


# an element named for the decision, alone on its line and closed below ("<Approved>" ... "</Approved>" around the
# answer's body, an ePA message's status): its name is the outcome, printed as a stamp's word ("APPROVED")
_XML_DECISION = re.compile(r"^[ \t]*<(?P<v>Approved|Denied|Pended)(?P<rest>[ \t][^<>\n]{0,200})?>[ \t]*$", M | I)


def _xml_decision(text: str) -> str:
    for m in reversed(list(_XML_DECISION.finditer(text))):
        if re.search(rf"</{m.group('v')}>", text[m.end() :]):
            word = " " + m.group("v").upper() + " " * (len(m.group("rest") or "") + 1)
            text = text[: m.start("v") - 1] + word + text[m.end("v") + len(m.group("rest") or "") + 1 :]
    return text


def _xml(text: str) -> str:
    text = ncpdp_xml.read(text)  # an NCPDP PA response's open status and the patient's payer id, labelled
    text = xml_attributes.labelled(_XML_ITEM_CLOSE.sub(_xml_item, fhir_xml.read(_XML_DECLARATION.sub(_blank, text))))
    text = _XML_LEAF.sub(_xml_label, _xml_decision(text))
    text = _XML_ASKED.sub(_xml_asked, text)
    return _TAG.sub(_tag, text)


def untagged(text: str) -> str:
    """The text of a letter saved as HTML with its tags and entities blanked (same length, spans hold), or
    printed as XML with each value's tags as its label (:func:`_xml`); any letter's other markup blanked too
    (:func:`unmarked`) and its numeric dates read in the order it says (:func:`day_first`)."""
    if _HTML.match(text):
        text = _ENTITY.sub(_entity, _TAG.sub(_tag, text))
    elif _XML.search(text) or len(_XML_CLOSE.findall(text)) >= 6 or _xml_decision(text) != text:
        text = _xml(text)
    return day_first(unmarked(text))


# a letter printed from its source, not as it shows: marks that carry no words become blanks of the same length
# (every span holds). RTF ("{\b TRH-27-...}\par", "\tab DOB:"); JSON ('"preAuthRef": "QV4-..."', a FHIR resource's
# print); Markdown ("**Member:**", an id in `backticks`); a mail merge's field codes left in ("«Auth_No» CV27...");
# a box-drawn table's rules ("│ Approval code │ 5R8T-... │" reads as a "|" table); a bilingual label's second
# language between the English label and its colon ("Member ID 會員編號: JHH-...", "Date 日期: August 9, 2027")
_RTF = re.compile(r"\\[a-z][a-zA-Z]{0,31}-?\d{0,6} ?|\\[{}\\]|[{}]")
# (at fax a straight quote may come out curly: “created”)
_JSON = re.compile(r'\A\s*[{\[]|["“”](?:resourceType|[A-Za-z_]+)["“”]\s*:\s*[\[{"“”\d]')
_JSON_MARK = re.compile(r'["“”]|[{}\[\]](?=[\s,"“”{}\[\]]|$)|(?<=["“”}\]]),', M)
_JSON_ID = re.compile(r'["“”]id["“”][ \t]*:[ \t]*["“”][^"“”\n]{0,60}["“”]')
# (a Markdown source has a heading and bold that hugs its words: a stamp's "** APPROVED ... **" is no markup)
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+\S", M)
_BOLD = re.compile(r"\*\*\S[^*\n]{0,80}?(?<=\S)\*\*")
# (at fax a backtick may come out as a quote or a degree sign hugging the code: ‘HBT-PA-27-05-3391°)
_MARKDOWN_MARK = re.compile(r"\*\*|`|(?<=[\s|])[‘’'](?=[A-Z0-9])|(?<=[A-Z0-9])[‘’'°](?=[ \t]*(?:\||$))|^[ \t]*>[ \t]", M)
_MERGE_FIELD = re.compile(r"«[A-Za-z][A-Za-z0-9_ ]{0,40}»")
_BOX = str.maketrans({c: "|" for c in "│┃║┆┊"} | {c: " " for c in "─━═┄┈┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋"})
# (and, since the twenty-fourth pass, after a slash in Arabic or Hebrew, or as the squares a PDF's font prints for them:
# "Member name / ■■■ ■■■■■■ ■■■■: KHALID ...", "Status / الحالة: REJECTED": the words after the slash are
# non-Latin only, never a Latin word, and end at the label's colon)
# a word a fax's OCR made of glyphs it cannot read: round letters and zeros only ("(0000", "Q000000", "g0000"), with a
# zero or a Q in it and two characters or more, never a Latin word ("Good", "Dog", "Coco" have none)
_ROUND_WORD = r"(?-i:\(?[0OoQDCcGgUu]*[0Q][0OoQDCcGgUu]*(?<=[0OoQDCcGgUu]{2}))"
_SECOND_LANGUAGE = re.compile(
    r"(?<=[A-Za-z.#])[ \t]+[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef■]{1,12}(?=[ \t]*[:：])"
    r"|(?<=[A-Za-z.])[ \t]+/[ \t]+[\u0590-\u05ff\u0600-\u06ff■]+(?:[ \t][\u0590-\u05ff\u0600-\u06ff■]+){0,4}(?=[ \t]*:)"
    # (at fax, the same words as the round glyphs OCR makes of a script it does not read, the blank before the slash
    # lost: "Member Name/ (0000 000:", "Member Card No. / Q000000 000:"; the twenty-seventh set's safety pass)
    rf"|(?<=[A-Za-z.])[ \t]*/[ \t]*{_ROUND_WORD}(?:[ \t]{{1,2}}{_ROUND_WORD}){{0,4}}(?=[ \t]*:)"
)
# a PDF whose font lacks a script's glyphs prints each as a black square: a lone one beside a blank or a line's
# edge is a box rule it could not draw ("■ Approval code ■ 5R8T-..."), a run of them words it could not print
_LONE_SQUARE = re.compile(r"(?:(?<=[ \t])|^)■(?!■)|(?<!■)■(?=[ \t]|$)", M)


def _no_glyph_line(m: re.Match[str]) -> str:
    """A line's black squares: lone ones are a table's rules when the line has two or more (a row, "■ Born ■ 30 Apr
    1956 ■"; one alone may be a checked box and stays), runs of them are blanks."""
    line = m.group(0)
    if len(_LONE_SQUARE.findall(line)) >= 2:
        line = _LONE_SQUARE.sub("|", line)
    return re.sub(r"■{2,}", lambda r: " " * len(r.group(0)), line)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


# a footnote's marker (¹ ² ³) hugging a label or a word ("Prior authorization number²: ...", "NOTICE OF APPROVAL¹",
# "number²,") or opening the footnote itself: a blank (never a unit's square, "mg/m²")
_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z.,:;)])(?<!/m)[¹²³⁴⁵⁶⁷⁸⁹⁰]+|^[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}(?=[ \t])", M)
# an INI-style notice ("[member]" sections, "member_id=WCE-..." keys): each key is a label ("member id:"), the same length
_INI_SECTION = re.compile(r"^[ \t]*\[[A-Za-z][\w ]{1,30}\][ \t]*$", M)
_INI_KEY = re.compile(r"^(?P<lead>[ \t]*)(?P<k>[A-Za-z][A-Za-z0-9_]{0,40})[ \t]*=(?=[ \t]*\S)", M)


def _ini_key(m: re.Match[str]) -> str:
    return m.group(0)[:-1].replace("_", " ") + ":"


# a YAML export ("pa_reference: \"AMBV-...\"", "society_no: ...", nested keys under "member:"): each snake-case key
# is a label ("pa reference:"), a quoted value's quotes blanks; the same length
_YAML_KEY = re.compile(r"^(?P<lead>[ \t]*)(?P<k>[a-z][a-z0-9]*(?:_[a-z0-9]+)*):(?=[ \t]|$)", M)
_YAML_SNAKE = re.compile(r"^[ \t]*[a-z][a-z0-9]*(?:_[a-z0-9]+)+:[ \t]", M)
_YAML_QUOTED = re.compile(r"(?<=:[ \t])(?P<q>[ \t]*[\"'“”‘’]{1,2})(?P<v>[^\"'“”‘’\n]*)[\"'“”‘’]?(?=[ \t]*$)", M)  # OCR's curly quotes


def _yaml(text: str) -> str:
    if len(_YAML_SNAKE.findall(text)) < 3 or len(_YAML_KEY.findall(text)) < 6:
        return text
    text = _YAML_KEY.sub(lambda m: m.group(0).replace("_", " "), text)
    return _YAML_QUOTED.sub(lambda m: " " * (m.start("v") - m.start()) + m.group("v") + " " * (m.end() - m.end("v")), text)


# a telex / teletype message ("ZCZC" opens it, "NNNN" ends it): its sentences end in "STOP", its fields are a key in
# capitals and a blank ("REF SFS/27/0113", "MEMBER ANA ROOK STOP BORN 11 NOV 1958 STOP"). The STOPs are read as
# full stops or blanks and the field keys as labels (the blank after the key a colon: the same length)
_TELEX = re.compile(r"^[ \t]*ZCZC\b[\s\S]*^[ \t]*NNNN[ \t]*$", M)
_TELEX_STOP = re.compile(r"[ \t]STOP(?=[ \t]+[A-Z])|(?P<end>[ \t]STOP(?=[ \t]*$))", M)
# (a numbered paragraph's key too: "4. REASON KRAS G12C NOT DETECTED STOP")
_TELEX_KEY = re.compile(r"^(?P<k>[ \t]*(?:\d{1,2}\.[ \t]+)?(?:REF|DATE|MEMBER|BORN|SOCIETY[ \t]NO|GROUND|GROUNDS|REASON|QUANTITY|COVER))[ \t](?=\S)", M)


def _telex(text: str) -> str:
    # a STOP ending its line ends a sentence (a full stop), one inside a line only a field
    text = _TELEX_STOP.sub(lambda m: ("." if m.group("end") else " ") + " " * (len(m.group(0)) - 1), text)
    text = re.sub(r"(?<=[ \t]{2})BORN[ \t](?=\d)", "BORN:", text)  # "MEMBER ANA ROOK     BORN 11 NOV 1958"
    return _TELEX_KEY.sub(lambda m: m.group("k") + ":", text)


# an X12 message printed raw ("ST*278*0001~", "MSG*PENDED FOR ...~"): its envelope's segments carry no words of the
# letter and are blanked (a message's last words run on into its trailer "SE*15*0001~" no more)
_X12_SEGMENT = re.compile(r"^[ \t]*[A-Z][A-Z0-9]{1,2}\*[^\n]*~[ \t]*$", M)
_X12_ENVELOPE = re.compile(r"^[ \t]*(?:ISA|GS|ST|SE|GE|IEA)\*[^\n]*~[ \t]*$", M)


def _x12(text: str) -> str:
    return _X12_ENVELOPE.sub(_blank, text)


# an audit trail's entry: "2027.07.21 15:12      reason         Patient is ...": its event word is the label of what
# follows (the blank after the word becomes its colon, same length; the entry's time stays)
_EVENT = re.compile(
    r"(?<=^)(?P<k>[ \t]*\d{4}[.\-/]\d\d[.\-/]\d\d[ \t]+\d{1,2}:\d\d(?::\d\d)?[ \t]+(?-i:[a-z]+))[ \t](?=[ \t]+\S)", re.M
)
# a label in capitals alone on its line, its value indented on the line below ("REQUEST NUMBER\n     ACP-CR-...",
# "RATIONALE\n     The restaging CT ..."): the line break becomes the label's colon (same length)
_STACKED = re.compile(r"^(?P<l>[ \t]*(?-i:[A-Z][A-Z]+(?:[ \t][A-Z]+){0,3}))[ \t]*\n(?=[ \t]{2,}\S)", re.M)
# (at fax: the value's line has a digit or a small letter, never another label in capitals)
_STACKED_FLAT = re.compile(r"^(?P<l>[ \t]*(?-i:[A-Z][A-Z]+(?:[ \t][A-Z]+){0,3}))[ \t]*\n(?=[ \t]*[^\n]*[a-z0-9])", re.M)


def _stacked_label(m: re.Match[str]) -> str:
    """A stacked label with its line break made its colon (same length)."""
    return m.group("l") + ":" + " " * (len(m.group(0)) - len(m.group("l")) - 1)


def unmarked(text: str) -> str:
    """The letter's text with its source's markup blanked (same length): RTF, JSON, Markdown, mail-merge
    field codes, box-drawing rules, a bilingual label's second language."""
    if text.lstrip().startswith("{\\rtf"):
        text = _RTF.sub(_blank, text)
    if len(_JSON.findall(text)) >= 3:  # a resource's own "id" is no number of the letter's: blanked with its value
        text = _JSON_MARK.sub(_blank, _JSON_ID.sub(_blank, text))
    if _MARKDOWN.search(text) and _BOLD.search(text):
        text = _MARKDOWN_MARK.sub(_blank, text)
    text = quoted_csv.straightened(_MERGE_FIELD.sub(_blank, text))  # a CSV export's quotes as OCR read them
    text = _FOOTNOTE_MARK.sub(_blank, text)
    if _INI_SECTION.search(text) and len(_INI_KEY.findall(text)) >= 4:
        text = ini_values.worded(_INI_KEY.sub(_ini_key, text))  # "status = pending_information": words
    text = margin.unnumbered(spaced.joined(sms.unthreaded(_yaml(text))))
    if len(_X12_SEGMENT.findall(text)) >= 4:
        text = _x12(text)
    if _TELEX.search(text):
        text = _telex(text)
    if len(_EVENT.findall(text)) >= 4:  # an audit trail: each entry's event names what it says
        text = _EVENT.sub(lambda m: m.group("k") + ":", text)
    if len(_STACKED.findall(text)) >= 3:  # a stacked-label layout: each label the name of the indented value below it
        text = _STACKED.sub(_stacked_label, text)
    elif len(_STACKED_FLAT.findall(text)) >= 5:  # the same, its indent lost at fax: five labels or more over values
        text = _STACKED_FLAT.sub(_stacked_label, text)
    text = _SECOND_LANGUAGE.sub(_blank, text.translate(_BOX))
    return re.sub(r"[^\n]*■[^\n]*", _no_glyph_line, text) if "■" in text else text


# a letter that says its numeric dates are day first ("All dates in this letter are written day/month/year.",
# "03/09/1957 (dia/mês/ano)", "(DD/MM/YYYY)"): each such date is rewritten month first in place (the same length:
# "14/06/2027" is "06/14/2027"), so every reader of a date reads it as the letter means it; the note itself is
# blanked (a note beside one date would otherwise turn it twice)
_DAY_FIRST_SAID = re.compile(
    # (Italian "gg/mm/aaaa", French "jj/mm/aaaa" too; a German letter's dotted dates are read day first already)
    # (its opening bracket lost at fax, right after the date it follows: "08/09/1948 JJ/MM/AAAA)")
    # (Spanish "(día/mes/año)", its accents kept)
    r"(?:\(|(?<=\d[ ]))(?:day|dd|d[ií]a|d|gg|giorno|jj|jour)[/.\-](?:month|mm|m[eêé]s|m|mese|mois)[/.\-](?:year|yyyy|yy|a[nñ]o|aaaa|a|anno|ann[ée]e)\)"
    # ("(datas no formato dd/mm/aaaa)", "fechas en formato dd/mm/aaaa": the format named)
    r"|\b(?:dates?|datas?|fechas?)\b[^.\n]{0,40}\b(?:written|are|in|given|shown|printed|s[aã]o|est[aã]o|no|en|em|formato|format)\b[^.\n]{0,12}"
    r"\b(?:day|dd|d[ií]a|gg)[/.\-](?:month|mm|m[eêé]s)[/.\-](?:year|yyyy|a[nñ]o|aaaa)\b"  # (Italian "date nel formato gg/mm/aaaa")
    r"|\ball[ \t]+dates[ \t]+(?-i:DD/MM/YYYY|dd/mm/yyyy)\b",  # an extract's comment: "all dates DD/MM/YYYY"
    I,
)
_NUMERIC_DATE = re.compile(r"(?<![\w/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d)")


def _swap(m: re.Match[str]) -> str:
    d, sep, mo, y = m.groups()
    if not (1 <= int(d) <= 31 and 1 <= int(mo) <= 12):
        return m.group(0)
    return f"{mo}{sep}{d}{sep}{y}"


def day_first(text: str) -> str:
    """The text with its numeric dates month first when the letter says they are day first (same length)."""
    notes = list(_DAY_FIRST_SAID.finditer(text))
    if not notes:  # nothing said: a letter in French is day first all the same ("du 09/08/2027 au ...")
        return _NUMERIC_DATE.sub(_swap, text) if french_dates.day_first(text) else text
    for note in notes:
        text = text[: note.start()] + " " * (note.end() - note.start()) + text[note.end() :]
    return _NUMERIC_DATE.sub(_swap, text)


def unwidgeted(text: str) -> str:
    """The text with a flattened form's field names as labels and its check boxes as boxes (same length)."""
    return _WIDGET.sub(_widget, text)
