"""Settings: defaults, config file, environment, flags (in that order of precedence); bad values are one
clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from priorauth.errors import PriorauthError
from priorauth.web.settings import Settings, load_settings


def test_defaults_need_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    s = load_settings({})
    assert (s.host, s.port, s.secure_cookies) == ("127.0.0.1", 8400, True)
    url = s.resolved_database_url()
    assert url.startswith("sqlite:///") and url.endswith("priorauth/priorauth.db") and str(tmp_path) in url


def test_precedence_file_env_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "service.toml"
    cfg.write_text('port = 9000\nmax_upload_mb = 10\ndatabase_url = "sqlite:///from-file.db"\n')
    env = {"PRIORAUTH_CONFIG": str(cfg), "PRIORAUTH_MAX_UPLOAD_MB": "20", "DATABASE_URL": "postgresql+psycopg://u@h/db"}
    s = load_settings(env, port=9100)
    assert (s.port, s.max_upload_mb, s.database_url) == (9100, 20, "postgresql+psycopg://u@h/db")
    assert load_settings({"PRIORAUTH_CONFIG": str(cfg)}).port == 9000


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"PRIORAUTH_PORT": "lots"}, "setting port"),
        ({"PRIORAUTH_MAX_UPLOAD_MB": "-1"}, "setting max_upload_mb"),
        ({"PRIORAUTH_CONFIG": "/nonexistent/service.toml"}, "config file"),
    ],
)
def test_bad_settings_are_one_error(env: dict[str, str], fragment: str) -> None:
    with pytest.raises(PriorauthError) as err:
        load_settings(env)
    assert fragment in err.value.message and "\n" not in err.value.message


def test_unknown_key_in_the_file_is_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / "service.toml"
    cfg.write_text("prot = 1\n")
    with pytest.raises(PriorauthError):
        load_settings({"PRIORAUTH_CONFIG": str(cfg)})
    assert Settings().max_upload_mb == 50
