"""The short blind-score summaries of docs/clinical-text.md and docs/payer-letters.md say what the blind tables they
summarise say (those tables now mostly in docs/history/, read back in place by scripts/doc_history.py), one row per
blind set, every blind set in the docs; and the history is spliced back where it stood."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.conftest import ROOT, doc_history

TEXT = doc_history.read("clinical-text.md")
LETTERS = doc_history.read("payer-letters.md")
PAGE = {name: (ROOT / "docs" / name).read_text("utf-8") for name in ("clinical-text.md", "payer-letters.md")}

TEXT_TITLE = "**Each text set's blind score**"
OCR_TITLE = "**Each OCR set's blind score**"
LETTERS_TITLE = "**Each letter set's blind score**"
TARGET_P, TARGET_R = 0.95, 0.90

# Where each text set's blind table starts: the first fenced table after this line.
TEXT_ANCHORS = {
    1: "Blind score of the held-out corpus (the rules",
    2: "**Held-out v2**, scored once",
    3: "**Held-out v3, scored blind**",
    4: "**Held-out v4, scored blind**",
    5: "**Held-out v5, scored blind**",
    6: "**Held-out v6, blind**",
}
# The first OCR sets' row labels (later sets: "held-out N (46)"); their first rows are the blind ones.
OCR_LABELS = {1: "held-out (34), 2026-11-30", 2: "held-out 2 (36)"}
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
            "twentieth"]  # fmt: skip
ORDINALS += [f"twenty-{o}" for o in ORDINALS[:9]] + ["thirtieth"] + [f"thirty-{o}" for o in ORDINALS[:9]]
# The first two letter sets were scored blind in the summary table of "## Measured" (label, and which qualities).
LETTER_ROWS = {1: "held-out", 2: "second held-out"}


def summary(page: str, title: str) -> dict[int, list[str]]:
    """A summary table's rows under its title: set number -> its other cells."""
    assert title in page, f"no summary titled {title!r}"
    block = page.split(title, 1)[1].split("\n\n", 2)[1]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in block.splitlines() if line.startswith("| ")]
    return {int(r[0].lstrip("v")): r[1:] for r in rows if r[0].lstrip("v").isdigit()}


def _short(x: float) -> str:
    return f"{x:.3f}".removeprefix("0")


def text_row(n: int) -> list[str]:
    """Held-out vN's blind table, as the summary puts it: items, types meeting both targets, the weakest score."""
    start = TEXT.index(TEXT_ANCHORS.get(n, f"### Held-out v{n}: written blind, scored once"))
    table = TEXT[start:].split("```\n", 2)[1]
    items = re.search(r"\): (\d+) items", table).group(1)  # type: ignore[union-attr]
    rows = [line.split() for line in table.splitlines()]
    rows = [(r[0], float(r[4]), float(r[5])) for r in rows if len(r) == 6 and r[1].isdigit()]
    assert len(rows) == 9, n
    met = sum(p >= TARGET_P and r >= TARGET_R for _, p, r in rows)
    kind, name, low = min(((k, t, v) for t, p, r in rows for k, v in (("P", p), ("R", r))), key=lambda x: x[2])
    return [items, f"{met} of 9", f"{name} {kind} {_short(low)}"]


def _ocr_first(n: int, level: str) -> list[str] | None:
    label = re.escape(OCR_LABELS.get(n, f"held-out {n} (46)"))
    row = re.search(rf"^\| {label} \| {level} \|(.*)\|$", TEXT, re.M)
    return [c.strip() for c in row.group(1).split("|")] if row else None


def ocr_row(n: int) -> list[str]:
    """The OCR set's blind rows: normal fax identical to the twin, worst fax `met` where the twin is not, digital KRAS
    as labelled (the second number of "KRAS as expected (scan/digital)")."""
    fax, worst = _ocr_first(n, "fax"), _ocr_first(n, "fax_worst")
    assert fax, n
    layouts = fax[1].split("/")[1]
    digital = f"{fax[4].split('/')[1]}/{layouts}" if len(fax) > 4 else "-"
    return [fax[1], worst[2] if worst else "-", digital]


def letters_row(n: int) -> list[str]:
    """The letter set's blind run: outcome correct at digital and at fax, wrong outcomes (digital / fax)."""
    if n in LETTER_ROWS:
        got = {}
        for quality in ("digital", "fax"):
            pattern = (
                rf"^\| {LETTER_ROWS[n]} \| {quality} \| \d+ \| ([\d.]+%) \|[^|]*\|[^|]*\| (\d+) \| \*\*first and only"
            )
            m = re.search(pattern, LETTERS, re.M)
            got[quality] = m.groups() if m else ("-", "-")
        return [got["digital"][0], got["fax"][0], f"{got['digital'][1]} / {got['fax'][1]}"]
    section = LETTERS[LETTERS.index(f"### The {ORDINALS[n - 1]} held-out set") :]
    outcome = re.search(r"^\| outcome \| ([\d.]+) / [^|]+\|(?: ([\d.]+) / [^|]+\|)?", section, re.M)
    wrong = re.search(r"^\| wrong outcomes \| (\d+) \|(?: (\d+) \|)?", section, re.M)
    assert outcome and wrong, n
    digital, fax = (f"{v}%" if v else "-" for v in outcome.groups())
    return [digital, fax, f"{wrong.group(1)} / {wrong.group(2) or '-'}"]


def _blind_text_sets() -> list[int]:
    return sorted(int(n) for n in re.findall(r"^### Held-out v(\d+): written blind, scored once", TEXT, re.M))


def _blind_ocr_sets() -> list[int]:
    return sorted({int(n) for n in re.findall(r"^\| held-out (\d+) \(46\) \| fax \|", TEXT, re.M)})


def _blind_letter_sets() -> list[int]:
    return [i + 1 for i, o in enumerate(ORDINALS) if f"### The {o} held-out set" in LETTERS]


SUMMARIES: list[tuple[str, str, Callable[[int], list[str]], Callable[[], list[int]]]] = [
    ("clinical-text.md", TEXT_TITLE, text_row, _blind_text_sets),
    ("clinical-text.md", OCR_TITLE, ocr_row, _blind_ocr_sets),
    ("payer-letters.md", LETTERS_TITLE, letters_row, _blind_letter_sets),
]
ROWS = [(title, n, cells, row) for page, title, row, _ in SUMMARIES for n, cells in summary(PAGE[page], title).items()]


@pytest.mark.parametrize(("title", "n", "cells", "row"), ROWS, ids=[f"{t.strip('*')}-{n}" for t, n, _, _ in ROWS])
def test_a_summary_row_says_what_its_blind_table_says(
    title: str, n: int, cells: list[str], row: Callable[[int], list[str]]
) -> None:
    assert cells == row(n), f"{title} row {n}"


@pytest.mark.parametrize(("page", "title", "blind_sets"), [(p, t, s) for p, t, _, s in SUMMARIES])
def test_every_blind_set_has_a_summary_row(page: str, title: str, blind_sets: Callable[[], list[int]]) -> None:
    """From the first set to the last one with a blind table in the docs, one row each."""
    assert sorted(summary(PAGE[page], title)) == list(range(1, max(blind_sets()) + 1))


@pytest.mark.parametrize(
    ("page", "history", "want"),
    [
        ("a\n[h](history/p.md#one-part)\nb\n", "# H\n\nwhat it is\n\n## One part\n\nx\n\ny\n", "a\n[h](history/p.md#one-part)\n\nx\n\ny\nb\n"),
        ("a\nb\n", "# H\n\nno parts\n", "a\nb\n"),
        (
            "[1](history/p.md#first)\nm\n[2](history/p.md#second)\nz\n",
            "# H\n\n## First\n\nx\n\n## Second\n\ny\n",
            "[1](history/p.md#first)\n\nx\nm\n[2](history/p.md#second)\n\ny\nz\n",
        ),
    ],
)  # fmt: skip
def test_the_history_is_spliced_back_after_the_line_that_links_to_it(page: str, history: str, want: str) -> None:
    assert doc_history.splice(page, history, "p.md") == want


def test_a_history_part_the_page_does_not_link_to_is_an_error() -> None:
    with pytest.raises(doc_history.HistoryError, match=r"no link to history/p\.md#lost"):
        doc_history.splice("a\n", "# H\n\n## Lost\n\nx\n", "p.md")


@pytest.mark.parametrize("name", ["clinical-text.md", "payer-letters.md"])
def test_the_page_links_to_its_history_and_is_short(name: str) -> None:
    history = (ROOT / "docs/history" / name).read_text("utf-8")
    assert "checked by the tests" in history.split("\n## ", 1)[0]  # the header says what the numbers are for
    assert all(f"history/{name}#{a})" in PAGE[name] for a, _ in doc_history.parts(history))


def test_the_summaries_one_line_readings_hold() -> None:
    """The sentence over each table: no text set met both targets on every type (and the best count), no letter set
    met the fax goal on its blind run."""
    met = [int(cells[1].split()[0]) for cells in summary(PAGE["clinical-text.md"], TEXT_TITLE).values()]
    assert max(met) < 9 and f"(best: {max(met)} of 9)" in PAGE["clinical-text.md"]
    fax = [c for c in summary(PAGE["payer-letters.md"], LETTERS_TITLE).values() if c[1] != "-"]
    assert "No set has met the\ngoal at normal fax" in PAGE["payer-letters.md"]
    assert not any(float(c[1].rstrip("%")) >= 95 and c[2].endswith("/ 0") for c in fax)
