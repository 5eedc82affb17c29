"""The per-process cache of checked API tokens (``actor_cache_seconds``): it saves the token and creator
queries of a request, and never lets a revoked, expired or orphaned token through in the process that
saw the change; another process learns of it within the cache's lifetime."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from sqlalchemy import event

from priorauth.store.models import now
from priorauth.web import Settings, create_app
from priorauth.web.app import close
from priorauth.web.security import token_hash
from tests.web.conftest import PASSWORD, Practice, client, login


def token_queries(app: Any) -> list[str]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM api_tokens" in statement:
            seen.append(statement)

    event.listen(app.state.engine, "before_cursor_execute", count)
    return seen


def new_token(practice: Practice, by: Any = None) -> dict[str, Any]:
    r = (by or practice.admin).post("/api/v1/tokens", json={"name": "ehr", "role": "coordinator"})
    assert r.status_code == 201, r.text
    return r.json()


def test_a_token_is_checked_once_while_it_is_cached(app: Any, practice: Practice) -> None:
    ehr = client(app, new_token(practice)["token"])
    seen = token_queries(app)
    for _ in range(5):
        assert ehr.get("/api/v1/cases").status_code == 200
    assert len(seen) == 1


def test_revocation_and_deactivation_take_effect_at_once(app: Any, practice: Practice) -> None:
    admin2 = practice.admin.post(
        "/api/v1/users", json={"email": "second@alpha.example", "name": "Second", "role": "admin", "password": PASSWORD}
    ).json()
    theirs = client(app, new_token(practice, login(app, "second@alpha.example"))["token"])
    revoked = new_token(practice)
    mine = client(app, revoked["token"])
    assert theirs.get("/api/v1/cases").status_code == 200 and mine.get("/api/v1/cases").status_code == 200
    assert practice.admin.delete(f"/api/v1/tokens/{revoked['id']}").status_code == 204
    assert mine.get("/api/v1/cases").json()["error"]["code"] == "unauthenticated"
    assert practice.admin.patch(f"/api/v1/users/{admin2['id']}", json={"active": False}).status_code == 200
    assert theirs.get("/api/v1/cases").json()["error"]["code"] == "unauthenticated"


def test_an_expired_token_is_refused_even_when_cached(app: Any, practice: Practice) -> None:
    created = new_token(practice)
    ehr = client(app, created["token"])
    assert ehr.get("/api/v1/cases").status_code == 200
    cache = app.state.actors
    actor, _ = cache.get(token_hash(created["token"]))
    cache.put(token_hash(created["token"]), actor, now() - timedelta(seconds=1), cache.generation)
    assert ehr.get("/api/v1/cases").json()["error"]["message"] == "the API token has expired"


def test_an_entry_read_before_a_change_is_not_kept(app: Any, practice: Practice) -> None:
    created = new_token(practice)
    client(app, created["token"]).get("/api/v1/cases")
    cache = app.state.actors
    actor, _ = cache.get(token_hash(created["token"]))
    before = cache.generation
    cache.invalidate()  # a token or a user changed meanwhile
    cache.put("x", actor, None, before)
    assert cache.get("x") is None and cache.get(token_hash(created["token"])) is None


def test_another_process_learns_of_a_revocation_within_the_lifetime(settings: Settings, practice: Practice) -> None:
    """Two apps on one database are two server processes (``--workers 2``)."""
    apps = [create_app(settings.model_copy(update={"actor_cache_seconds": s})) for s in (0.5, 0)]
    try:
        created = new_token(practice)
        cached, uncached = (client(a, created["token"]) for a in apps)
        assert cached.get("/api/v1/cases").status_code == 200 and uncached.get("/api/v1/cases").status_code == 200
        revoked_at = time.monotonic()
        assert practice.admin.delete(f"/api/v1/tokens/{created['id']}").status_code == 204
        assert uncached.get("/api/v1/cases").status_code == 401  # no cache: at once
        while True:
            sent = time.monotonic()
            if cached.get("/api/v1/cases").status_code != 200:
                break
            assert sent - revoked_at < 0.5  # a request sent after the entry's lifetime is checked again
            time.sleep(0.05)
    finally:
        for a in apps:
            close(a)
