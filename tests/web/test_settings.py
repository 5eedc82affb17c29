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
        ({"PRIORAUTH_PACKS_DIR": "/nonexistent/packs"}, "setting packs_dir"),
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


def test_every_setting_is_in_the_docs_table() -> None:
    import re

    from tests.conftest import ROOT

    doc = (ROOT / "docs/service.md").read_text("utf-8")
    table = doc.split("## Settings", 1)[1].split("\n\n| key |", 1)[1].split("\n\n", 1)[0]
    documented = {
        k for row in table.splitlines() for k in re.findall(r"`([a-z_]+)`", row.split("|")[1] if "|" in row else "")
    }
    missing = sorted(set(Settings.model_fields) - documented)
    assert missing == [], f"settings missing from docs/service.md: {missing}"


def test_cds_keys_and_flags_follow_the_same_order(tmp_path: Path) -> None:
    cfg = tmp_path / "service.toml"
    cfg.write_text('cds_dev_unsigned = true\npublic_url = "https://file.example"\nworkers = 3\n')
    env = {"PRIORAUTH_CONFIG": str(cfg), "PRIORAUTH_PUBLIC_URL": "https://env.example"}
    s = load_settings(env, workers=2)
    assert (s.cds_dev_unsigned, s.public_url, s.workers) == (True, "https://env.example", 2)
    for env, key in (
        ({"PRIORAUTH_CDS_ISSUERS": "[1, 2]"}, "setting cds_issuers"),
        ({"PRIORAUTH_PUBLIC_URL": "pa.example.org"}, "setting public_url"),
        ({"PRIORAUTH_CDS_DEV_UNSIGNED": "perhaps"}, "setting cds_dev_unsigned"),
        ({"PRIORAUTH_LOG_LEVEL": "loud"}, "setting log_level"),
    ):
        with pytest.raises(PriorauthError) as err:
            load_settings(env)
        assert err.value.message.startswith(key) and "\n" not in err.value.message


def test_serve_reports_a_bad_setting_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("PRIORAUTH_")}
    env |= {"HOME": str(tmp_path), "PRIORAUTH_CDS_ISSUERS": "not json"}
    r = subprocess.run(
        [sys.executable, "-m", "priorauth", "serve"], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2 and r.stderr.strip().splitlines() == [r.stderr.strip()]
    assert "setting cds_issuers" in r.stderr and "Traceback" not in r.stderr


def test_the_practice_packs_folder_is_loaded_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from priorauth.policy import registry
    from priorauth.web.app import create_app
    from tests.conftest import PACKS

    monkeypatch.setenv(registry.PACKS_ENV, "")
    (tmp_path / "packs/sotorasib").mkdir(parents=True)
    own = (PACKS / "sotorasib/wha.yaml").read_text().replace("id: wha", "id: own-plan", 1)
    (tmp_path / "packs/sotorasib/own-plan.yaml").write_text(own)
    create_app(Settings(packs_dir=str(tmp_path / "packs"), database_url=f"sqlite:///{tmp_path}/db.sqlite"))
    assert "own-plan" in registry.pack_ids("sotorasib") and registry.is_practice("own-plan")
