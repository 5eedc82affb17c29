"""``priorauth serve --demo``: the seeded practice, its users and cases at each step of the workflow."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from priorauth.cli import demo as cli_demo
from priorauth.errors import PriorauthError
from priorauth.service import clock
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


@pytest.mark.parametrize(
    "now",
    [
        None,  # the real clock
        datetime(2026, 12, 2, 4, 21, tzinfo=UTC),  # 23:21 in New York, 40 days back is before the DST change
        datetime(2027, 1, 15, 17, 0, tzinfo=UTC),  # after the example charts' liver tests turned 30 days old
        datetime(2026, 7, 1, 16, 0, tzinfo=UTC),  # before the example charts were written
    ],
    ids=["now", "evening-after-dst-change", "next-year", "summer-before"],
)
def test_the_demo_login_sees_the_living_app(app: Any, now: datetime | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if now is not None:
        monkeypatch.setattr(clock, "now", lambda: now)
    demo.seed(app)
    b = browse(app, demo.USERS[0][0], demo.PASSWORD)
    dash = b.get("/dashboard").text
    assert "Cal Waiting" in dash.split("Overdue payer answers")[1]  # submitted 5 days ago, 24 h clock
    assert "Dee Approved" in dash.split("Renewals due this month")[1]
    assert 'id="median-days">6<' in dash


def test_demo_charts_move_full_dates_only() -> None:
    chart = {"a": "2026-11-10", "b": ["2026-11-18T09:00:00Z", "2026-11", "2026", "1961-04-12x", "2026-02-30"]}
    moved = demo.shifted(chart, timedelta(days=31))
    assert moved == {"a": "2026-12-11", "b": ["2026-12-19T09:00:00Z", "2026-11", "2026", "1961-04-12x", "2026-02-30"]}


def test_demo_settings_use_a_temporary_database_of_their_own() -> None:
    a = cli_demo.demo_settings(Settings(), explicit_database=None)
    b = cli_demo.demo_settings(Settings(), explicit_database=None)
    assert a.database_url != b.database_url and not a.secure_cookies  # two demos never share (nor wipe) one
    for s in (a, b):
        path = Path(s.database_url.removeprefix("sqlite:///"))
        assert path.name == cli_demo.DEMO_DB and path.parent.name.startswith("priorauth-demo-")
    kept = cli_demo.demo_settings(Settings(database_url="sqlite:///x.db"), explicit_database="sqlite:///x.db")
    assert kept.database_url == "sqlite:///x.db"


def test_demo_refuses_a_database_that_holds_a_real_practice(app: Any) -> None:
    with app.state.sessions() as s, s.begin():
        s.add(Practice(name="Real Oncology"))
    with pytest.raises(PriorauthError) as exc:
        demo.seed(app)
    assert exc.value.code == "bad_argument" and "holds 1 practice(s) of its own" in exc.value.message
    with app.state.sessions() as s:
        assert s.query(Case).count() == 0 and s.query(Practice).count() == 1


def test_demo_patients_differ_in_birth_date_and_payer(app: Any) -> None:
    demo.seed(app)
    with app.state.sessions() as s:
        births = {p.name: p.birth_date for p in s.query(Patient)}
    assert len(set(births.values())) == len(births)
    b = browse(app, demo.USERS[0][0], demo.PASSWORD)
    page = b.get("/worklist").text
    for payer in ("Aetna", "Blue Cross NC", "Sunflower Health Plan", "UnitedHealthcare"):
        assert payer in page


def test_the_login_page_shows_the_demo_logins_in_demo_mode_only(app: Any) -> None:
    from tests.web.conftest import client

    assert "Demo logins" not in client(app).get("/login").text
    cli_demo.announce(app, Settings())
    page = client(app).get("/login").text
    assert "Demo logins" in page and demo.PASSWORD in page and demo.USERS[0][0] in page


def test_serve_takes_demo() -> None:
    from priorauth.cli.main import build_parser

    args = build_parser().parse_args(["serve", "--demo", "--port", "8500"])
    assert args.demo and args.port == 8500
