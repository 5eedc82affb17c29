"""``priorauth serve`` arguments and settings errors: exit 2, one line, before anything starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from priorauth.cli.main import main


@pytest.mark.parametrize(
    ("argv", "env", "fragment"),
    [
        (["serve", "--port", "nope"], {}, "--port 'nope'"),
        (["serve", "--port", "70000"], {}, "--port '70000'"),
        (["serve"], {"PRIORAUTH_PORT": "x"}, "setting port"),
        (["serve"], {"PRIORAUTH_CONFIG": "/nonexistent.toml"}, "config file"),
    ],
)
def test_bad_serve_settings_exit_2(
    argv: list[str],
    env: dict[str, str],
    fragment: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err and err.startswith("priorauth: ")
