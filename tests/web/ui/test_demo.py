"""``priorauth serve --demo``: the seeded practice, its users and cases at each step of the workflow."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from priorauth.cli import demo as cli_demo
from priorauth.store.models import Case, Patient, Practice
from priorauth.web import Settings
from priorauth.web.ui import demo
from tests.web.ui.conftest import browse


def test_seed_once(app: Any) -> None:
    assert demo.seed(app) is True
    assert demo.seed(app) is False
    with app.state.sessions() as s:
        assert s.query(Practice).count() == 1
        assert Counter(c.status for c in s.query(Case)) == {"open": 2, "submitted": 1, "approved": 1, "denied": 1}
        names = sorted(p.name for p in s.query(Patient))
    assert names == ["Ada Testcase", "Ben Needsnote", "Cal Waiting", "Dee Approved", "Eve Appealing"]


def test_the_demo_login_sees_the_living_app(app: Any) -> None:
    demo.seed(app)
    b = browse(app, demo.USERS[0][0], demo.PASSWORD)
    dash = b.get("/dashboard").text
    assert "Cal Waiting" in dash.split("Overdue payer answers")[1]  # submitted 5 days ago, 24 h clock
    assert "Dee Approved" in dash.split("Renewals due this month")[1]
    assert 'id="median-days">6<' in dash


def test_demo_settings_use_a_fresh_database_of_their_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path))
    (tmp_path / cli_demo.DEMO_DB).write_text("old")
    s = cli_demo.demo_settings(Settings(), explicit_database=None)
    assert s.database_url == f"sqlite:///{tmp_path / cli_demo.DEMO_DB}" and not s.secure_cookies
    assert not (tmp_path / cli_demo.DEMO_DB).exists()
    kept = cli_demo.demo_settings(Settings(database_url="sqlite:///x.db"), explicit_database="sqlite:///x.db")
    assert kept.database_url == "sqlite:///x.db"


def test_serve_takes_demo() -> None:
    from priorauth.cli.main import build_parser

    args = build_parser().parse_args(["serve", "--demo", "--port", "8500"])
    assert args.demo and args.port == 8500
