"""Install commands in README.md and docs/ give what the command after them needs: a line that installs
priorauth and then runs `serve` (or `screen --engine spark`) installs the extra that provides it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINES = [
    (page.name, line)
    for page in PAGES
    for line in page.read_text("utf-8").splitlines()
    if re.search(r"pip install[^&]*-e", line) and "priorauth " in line.split("pip install", 1)[1]
]
NEEDS = {"priorauth serve": "serve", "--engine spark": "screen"}


def test_there_are_install_lines_to_check() -> None:
    assert any("serve" in line for _, line in LINES)


@pytest.mark.parametrize(("page", "line"), LINES, ids=[f"{p}:{i}" for i, (p, _) in enumerate(LINES)])
def test_the_install_brings_what_the_command_needs(page: str, line: str) -> None:
    installed = re.search(r"-e\s+'?\.(\[[^\]]*\])?", line)
    extras = set((installed.group(1) or "[]").strip("[]").split(",")) if installed else set()
    for command, extra in NEEDS.items():
        if command in line:
            assert extra in extras or "test" in extras, f"{page}: {line!r} runs {command!r} without [{extra}]"
