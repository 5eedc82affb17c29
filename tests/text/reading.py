"""What the text reader finds in one text, as the scorer labels it (scripts/text_quality.py ``labels``), so a test
case reads like a corpus item."""

from __future__ import annotations

import importlib.util

from priorauth.text.facts import from_documents
from priorauth.text.sources import TextDoc
from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("text_quality", ROOT / "scripts/text_quality.py")
text_quality = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(text_quality)  # type: ignore[union-attr]


def found(text: str) -> set[tuple[str, str]]:
    """The (type, value) pairs one note's text gives."""
    return text_quality._canonical(
        text_quality.labels(
            from_documents([TextDoc("DocumentReference/t", "2026-01-01", "DocumentReference", "", text)])
        )
    )


def assert_reads(name: str, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    """One wording-class case: the text gives every pair of ``wanted`` and none of ``unwanted``."""
    got = found(text)
    assert wanted <= got, f"{name}: missing {sorted(wanted - got)} in {sorted(got)}"
    assert not (unwanted & got), f"{name}: must not find {sorted(unwanted & got)}"
