"""SQLite writers of one process queue on a lock (taken at the first flush or DML statement, released
when the transaction ends), instead of polling SQLite's lock with growing sleeps."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import create_engine, delete, select

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


def test_a_writer_never_waits_for_a_connection_while_it_holds_the_lock(tmp_path: Path) -> None:
    """The freeze of the open-loop load run, made deterministic: one pooled connection. A request that
    has read (it holds the connection) then writes, while another session that has only added rows
    commits. Taking the write lock before having a connection, the second waited for the pool while
    holding the lock, and the first waited for the lock while holding the pool's only connection: both
    stalled until their timeouts, and under load every new request joined the queue (a server frozen
    with CPU 0). The lock is now taken only once the session holds its connection."""
    url = f"sqlite:///{tmp_path / 'd.db'}"
    migrate(make_engine(url))
    # a pool of one connection, waits of 3 s (for the pool and for the lock)
    args = {"check_same_thread": False, "timeout": 3}
    engine = create_engine(url, connect_args=args, pool_size=1, max_overflow=0, pool_timeout=3)
    factory = session_factory(engine, lock_timeout=3)
    reader = factory()
    reader.scalars(select(Practice)).all()  # a read: the only connection is now the reader's
    outcome: dict[str, object] = {}

    def adder() -> None:  # an audit flush: rows added, then commit (the first flush needs a connection)
        try:
            with factory() as s, s.begin():
                s.add(Practice(name="added", profile={}))
            outcome["adder"] = "committed"
        except Exception as exc:
            outcome["adder"] = type(exc).__name__

    t = threading.Thread(target=adder)
    t.start()
    _wait_until_in(t, "_do_get")  # the adder waits for the pool's connection
    started = time.monotonic()
    try:
        reader.add(Practice(name="reader", profile={}))
        reader.commit()
        outcome["reader"] = "committed"
    except Exception as exc:
        outcome["reader"] = type(exc).__name__
        reader.rollback()
    finally:
        reader.close()
    t.join(30)
    waited = time.monotonic() - started
    assert outcome == {"reader": "committed", "adder": "committed"}, f"after {waited:.1f} s"
    with factory() as s:
        assert sorted(p.name for p in s.scalars(select(Practice))) == ["added", "reader"]
    engine.dispose()


def _wait_until_in(thread: threading.Thread, function: str, seconds: float = 30) -> None:
    """Until ``thread`` is inside ``function`` (read from its stack, not guessed with a sleep)."""
    import sys

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        frame = sys._current_frames().get(thread.ident or 0)
        while frame is not None:
            if frame.f_code.co_name == function:
                return
            frame = frame.f_back
        time.sleep(0.01)
    raise AssertionError(f"{thread.name} never reached {function}")
