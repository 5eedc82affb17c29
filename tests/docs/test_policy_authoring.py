"""docs/policy-authoring.md works as written: its files are written to a folder outside the package, its
commands run there, and each prints what the page shows (``...`` stands for lines the page leaves out)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from priorauth.cli.main import main
from priorauth.policy import registry
from tests.conftest import ROOT

PAGE = (ROOT / "docs/policy-authoring.md").read_text("utf-8")
FILES = re.findall(r"<!-- file: (\S+) -->\n```yaml\n(.*?)```", PAGE, re.S)
RUNS = re.findall(r"<!-- run(?:: typo (\S+) (\S+))? -->\n```console\n(.*?)```", PAGE, re.S)


def _steps(block: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _in_order(expected: list[str], got: list[str]) -> bool:
    it = iter(got)
    return all(any(g == want for g in it) for want in expected if want != "...")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(registry.PACKS_ENV, "")  # restored after the test, whatever the commands set
    for name, text in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_page_has_its_files_and_commands() -> None:
    assert {n for n, _ in FILES} == {"acme-packs/sotorasib/acme.yaml", "acme-packs/sotorasib/acme.cases.yaml"}
    assert len(RUNS) == 3


@pytest.mark.parametrize("run", range(len(RUNS)))
def test_each_command_prints_what_the_page_shows(folder: Path, capsys: pytest.CaptureFixture[str], run: int) -> None:
    old, new, block = RUNS[run]
    if old:
        pack = folder / "acme-packs/sotorasib/acme.yaml"
        assert old in pack.read_text()
        pack.write_text(pack.read_text().replace(old, new, 1))
    for command, expected in _steps(block):
        argv = command.split()
        assert argv[0] == "priorauth"
        code = main(argv[1:])
        out = capsys.readouterr()
        got = (out.out + out.err).splitlines()
        assert code == (2 if any(e.startswith("priorauth: ") for e in expected) else 0), (command, got)
        assert _in_order(expected, got), (command, expected, got[:20])
