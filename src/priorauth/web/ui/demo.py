"""``priorauth serve --demo``: a demo practice, its users and cases at every step of the workflow, made
from the repository's synthetic example charts (``examples/*.json``) and, where those are absent (an
installed wheel), the default pack's synthetic case base. Each demo patient is a copy of a chart under
a new id and an invented name; nothing here is patient data."""

from __future__ import annotations

import base64
import copy
import json
import re
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from priorauth.errors import Code, fail
from priorauth.store.models import Practice, User
from priorauth.store.scope import Actor, Scope
from priorauth.web.security import hash_password

PRACTICE = "Demo Oncology (synthetic)"
PROFILE = {"timezone": "America/New_York", "phone": "555-0100"}
PASSWORD = "demo-password-2026"  # noqa: S105 - the demo password is printed for everyone
USERS = (
    ("coordinator@demo.priorauth", "Casey Coordinator", "coordinator"),
    ("prescriber@demo.priorauth", "Dr. Priya Prescriber", "prescriber"),
    ("admin@demo.priorauth", "Avery Admin", "admin"),
)
EXAMPLES = Path(__file__).resolve().parents[4] / "examples"  # the repository's examples/ (editable install)


def _case_base() -> dict[str, Any]:
    text = resources.files("priorauth.policy").joinpath("packs/sotorasib/default.cases.yaml").read_text("utf-8")
    base = yaml.safe_load(text)["base"]
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in base]}


def charts(today: date | None = None) -> dict[str, dict[str, Any]]:
    """The demo's source charts: ``nsclc`` and (when the repository's examples are there) ``mcrc``, their
    dates moved by ``today - WRITTEN`` so the demo looks the same whatever day it is seeded."""
    out = {"nsclc": _case_base()}
    for name in ("nsclc", "mcrc"):
        path = EXAMPLES / f"{name}-ready.json"
        if path.is_file():
            out[name] = json.loads(path.read_text("utf-8"))
    if today is None:
        return out
    return {k: shifted(v, today - WRITTEN) for k, v in out.items()}


WRITTEN = date(2026, 11, 30)  # the day the example charts were written to look current on
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def shifted(data: Any, by: timedelta) -> Any:
    """``data`` with every full date (``YYYY-MM-DD``, alone or opening a date-time) moved by ``by``;
    partial dates and every other string stay as they are."""
    if isinstance(data, dict):
        return {k: shifted(v, by) for k, v in data.items()}
    if isinstance(data, list):
        return [shifted(v, by) for v in data]
    if isinstance(data, str) and _DAY.fullmatch(data[:10]) and (len(data) == 10 or data[10] == "T"):
        try:
            return (date.fromisoformat(data[:10]) + by).isoformat() + data[10:]
        except ValueError:
            return data
    return data


def variant(
    bundle: dict[str, Any],
    pid: str,
    given: str,
    family: str,
    remove: tuple[str, ...] = (),
    add: tuple[Any, ...] = (),
    born: str | None = None,
    payer: str | None = None,
) -> dict[str, Any]:
    """A copy of ``bundle`` for another (invented) patient, born ``born``, insured by ``payer`` (the
    payer Organization's name), without the ``remove`` resources (Type/id)."""
    data = copy.deepcopy(bundle)
    patient = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient")
    old = f"Patient/{patient['id']}"
    patient["id"], patient["name"] = pid, [{"given": [given], "family": family}]
    if born:
        patient["birthDate"] = born
    if payer:
        for e in data["entry"]:
            if e["resource"]["resourceType"] == "Organization" and e["resource"].get("id", "").startswith("payer"):
                e["resource"]["name"] = payer
    data["entry"] = [
        e for e in data["entry"] if f"{e['resource']['resourceType']}/{e['resource'].get('id')}" not in remove
    ] + [{"resource": r} for r in add]
    return json.loads(json.dumps(data).replace(f'"{old}"', f'"Patient/{pid}"'))


def liver_series(pid: str, start: date) -> list[dict[str, Any]]:
    """ALT and AST every three weeks since ``start`` (synthetic), one ALT above the normal range."""
    alt = [22, 35, 61, 88, 47, 30]
    ast = [25, 31, 44, 59, 38, 27]
    out = []
    for i, (a, b) in enumerate(zip(alt, ast, strict=True)):
        day = (start + timedelta(days=21 * i)).isoformat()
        for code, name, value, high in (("1742-6", "ALT", a, 40), ("1920-8", "AST", b, 40)):
            out.append(
                {
                    "resourceType": "Observation",
                    "id": f"demo-{name.lower()}-{i}",
                    "status": "final",
                    "subject": {"reference": f"Patient/{pid}"},
                    "code": {"coding": [{"system": "http://loinc.org", "code": code}], "text": name},
                    "valueQuantity": {"value": value, "unit": "U/L"},
                    "referenceRange": [{"high": {"value": high, "unit": "U/L"}}],
                    "effectiveDateTime": day,
                }
            )
    return out


def progress_note(pid: str, day: date) -> dict[str, Any]:
    """An oncology progress note (synthetic): the chart notes a payer may require."""
    text = "Oncology progress note. Metastatic NSCLC, KRAS G12C. Plan: start sotorasib 960 mg daily."
    return {
        "resourceType": "DocumentReference",
        "id": f"{pid}-note",
        "status": "current",
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}]},
        "subject": {"reference": f"Patient/{pid}"},
        "date": f"{day.isoformat()}T10:00:00Z",
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }


def seed(app: Any, today: date | None = None) -> bool:
    """Create the demo practice, users and cases (once: False when they exist). A database that holds any
    other practice is refused: the demo never mixes invented patients into a practice's records."""
    with app.state.sessions() as session, session.begin():
        others = session.query(Practice).filter(Practice.name != PRACTICE).count()
        if others:
            raise fail(
                Code.BAD_ARGUMENT,
                f"--demo refuses this database: it holds {others} practice(s) of its own; leave out "
                "--database-url (the demo then uses a temporary database) or name an empty one",
            )
        if session.query(Practice).filter_by(name=PRACTICE).first():
            return False
        practice = Practice(name=PRACTICE, profile=dict(PROFILE))
        session.add(practice)
        session.flush()
        from priorauth.service import clock

        today = today or clock.today(practice.profile)  # the practice's day, not the server's
        users = {}
        for email, name, role in USERS:
            user = User(
                practice_id=practice.id, email=email, name=name, role=role, password_hash=hash_password(PASSWORD)
            )
            session.add(user)
            session.flush()
            users[role] = user
        _cases(app, session, practice.id, users, today)
    return True


def _scope(session: Any, user: User) -> Scope:
    return Scope(session, Actor(user.id, "user", user.role, user.practice_id, user.name))


def _cases(app: Any, session: Any, practice_id: str, users: dict[str, User], today: date) -> None:
    from dataclasses import replace

    from priorauth.service.cases import Cases
    from priorauth.web.settings import limits

    # Seeded in this thread: starting worker processes would only delay the server's start.
    svc = Cases(_scope(session, users["coordinator"]), replace(limits(app.state.settings), workers=0))
    src = charts(today)
    nsclc = src["nsclc"]

    def open_case(bundle: dict[str, Any], payer: str | None = None) -> Any:
        raw = json.dumps(bundle, indent=1).encode()
        chart, _ = svc.store_chart(raw, "bundle", "demo-chart.json")
        return svc.open(chart.id, "sotorasib", payer)[0]

    from priorauth.service import clock

    def status(case: Any, to: str) -> Any:
        return svc.move(case.id, case.version, to)

    def sent(case: Any, days_ago: int, method: str = "fax") -> None:
        # Noon of the practice's day, days_ago before today: "N days ago" counts the practice's days, so the
        # span stays N across a daylight-saving change (server time minus N*24 h can land a day off).
        tz = clock.zone(PROFILE)
        noon = datetime.combine(today - timedelta(days=days_ago), time(12), tzinfo=tz)
        svc.submit(case.id, method, sent_at=noon.astimezone(UTC))

    # 1. A ready chart, still a draft: the newcomer's case to take to approved.
    open_case(variant(nsclc, "demo-ada", "Ada", "Testcase", born="1961-04-12", payer="Aetna"))
    # 2. Progression not documented under a payer that requires it: a prescriber's attestation settles it.
    ben = variant(nsclc, "demo-ben", "Ben", "Needsnote", ("Observation/status1",), born="1954-02-27", payer="Blue Cross NC")
    open_case(ben, payer="bcbs-nc")
    # 3. Submitted five days ago to a payer with a 24-hour clock: the answer is overdue.
    # (Centene requires chart notes: the demo chart has a progress note.)
    note = progress_note("demo-cal", today - timedelta(days=6))
    cal = variant(nsclc, "demo-cal", "Cal", "Waiting", add=(note,), born="1948-11-05", payer="Sunflower Health Plan")
    c = status(open_case(cal, payer="centene-medicaid"), "ready")
    sent(c, 5, "portal")
    # 4. Approved: the renewal starts this month; liver tests every three weeks, one ALT above normal.
    start = today - timedelta(days=150)
    c = status(
        open_case(
            variant(
                nsclc,
                "demo-dee",
                "Dee",
                "Approved",
                add=tuple(liver_series("demo-dee", start)),
                born="1970-06-19",
                payer="UnitedHealthcare",
            )
        ),
        "ready",
    )
    sent(c, 40)
    end = today + timedelta(days=30)
    svc.decide(c.id, "approved", "DEMO-PA-0001", end - timedelta(days=182), end, decided_on=today - timedelta(days=36))
    # 5. Denied: the appeal is the newcomer's to write (reason, argument, letter, clock).
    if "mcrc" in src:
        eve = variant(src["mcrc"], "demo-eve", "Eve", "Appealing", born="1966-01-30", payer="Cigna")
        c = status(open_case(eve), "ready")
        sent(c, 20)
        svc.decide(c.id, "denied", reason="KRAS report not attached (demo)", decided_on=today - timedelta(days=12))
    else:
        open_case(variant(nsclc, "demo-eve", "Eve", "Nokras", remove=("Observation/kras1",)))
