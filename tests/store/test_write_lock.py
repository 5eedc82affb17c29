"""SQLite writers of one process queue on a lock (taken at the first flush or DML statement, released
when the transaction ends), instead of polling SQLite's lock with growing sleeps."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import delete

from priorauth.store.db import make_engine, migrate, session_factory
from priorauth.store.models import Practice, WebSession


def test_writers_queue_and_the_lock_is_released_on_commit_and_rollback(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}")
    migrate(engine)
    factory = session_factory(engine)
    order: list[str] = []
    first = factory()
    first.execute(delete(WebSession))  # a DML statement takes the lock, like a flush
    assert first.info["write_lock"]

    def second() -> None:
        with factory() as s:
            s.add(Practice(name="B", profile={}))
            s.flush()
            order.append("second wrote")
            s.commit()

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.3)
    order.append("first commits")
    first.add(Practice(name="A", profile={}))
    first.commit()
    t.join(10)
    assert order == ["first commits", "second wrote"]
    with factory() as s:
        s.add(Practice(name="C", profile={}))
        s.flush()
        s.rollback()
    with factory() as s:  # not blocked: the rollback released it
        s.add(Practice(name="D", profile={}))
        s.commit()
    first.close()
    engine.dispose()
