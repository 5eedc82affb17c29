"""The one reader of a table's column (`layout._column_tables`) that the stage and naive rules share."""

from __future__ import annotations

import re

import pytest

from priorauth.text.layout import _column_cells, _column_tables

_STAGE = re.compile(r"stage", re.I)

CASES = [
    ("pipe table", "MRN | Dx | Stage\n101 | NSCLC | IVA\n102 | CRC | II\n", ["IVA", "II"]),
    ("markdown rule row skipped", "| MRN | Stage |\n|---|:--:|\n| 101 | IVB |\n", ["IVB"]),
    ("blank line ends it", "MRN | Stage\n101 | IIIA\n\n102 | IV\n", ["IIIA"]),
    ("another shape ends it", "MRN | Stage\n101 | IIIA\nPlan: restage\n102 | IV\n", ["IIIA"]),
    ("csv with a quoted comma", 'pt,site,stage\n7,"lung, left",IVA\n', ["IVA"]),
    ("tab-separated", "id\tstage\n9\tIB\n", ["IB"]),
    ("no header: nothing", "MRN | Dx\n101 | NSCLC\n", []),
]


@pytest.mark.parametrize(("name", "text", "want"), CASES, ids=[c[0] for c in CASES])
def test_the_cells_under_a_named_header(name: str, text: str, want: list[str]) -> None:
    assert [text[a:b] for a, b in _column_cells(text, _STAGE)] == want


def test_a_table_knows_its_header_line_its_columns_and_each_cells_row() -> None:
    text = "note\n| MRN | Dx | Stage |\n|---|---|---|\n| 101 | NSCLC | IVA |\n"
    (table,) = _column_tables(text, _STAGE)
    assert text[slice(*table.header)] == "| MRN | Dx | Stage |"
    assert table.columns == 3  # the empty edge cells of a piped row are no columns
    assert [text[slice(*r)] for r in table.rows] == ["| 101 | NSCLC | IVA |"]


def test_separators_can_be_narrowed() -> None:
    assert _column_tables("pt,stage\n1,IV\n", _STAGE, ("|", "\t")) == []
