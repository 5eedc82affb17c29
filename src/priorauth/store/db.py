"""Engines, sessions and migrations. SQLite gets WAL, a busy timeout and foreign keys; PostgreSQL is
used as is. ``migrate`` brings any database to the newest Alembic revision (first start included)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker

from priorauth.errors import Code, fail

MIGRATIONS = Path(__file__).with_name("migrations")


LOCK_TIMEOUT_S = 30.0
CONNECTIONS = 40  # pooled connections per engine (the service sizes it above its admitted requests)


def json_text(value: Any) -> str:
    """JSON columns are written compact, UTF-8, by orjson (what a stored determination is served as)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


JSON_IO: dict[str, Any] = {"json_serializer": json_text, "json_deserializer": orjson.loads}


def make_engine(url: str, lock_timeout: float = LOCK_TIMEOUT_S, connections: int = CONNECTIONS) -> Engine:
    """An engine whose waits end after ``lock_timeout`` seconds, then the request fails with ``busy``
    (503) instead of waiting for ever: a lock (SQLite's busy timeout, PostgreSQL's ``lock_timeout``) or
    a connection from the pool, which keeps ``connections`` open (SQLite: as many more on demand, for a
    request's second session; PostgreSQL: 10 more, its server's connection limit is shared)."""
    ms = int(lock_timeout * 1000)
    pool = {"pool_size": connections, "pool_timeout": lock_timeout}
    if url.startswith("sqlite"):
        memory = ":memory:" in url or url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:")
        sized = {} if memory else pool | {"max_overflow": connections}
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": lock_timeout}, **JSON_IO, **sized
        )
        _private_files(url)

        def on_connect(conn: Any, _record: Any) -> None:
            _sqlite_pragmas(conn, ms)
            _private_files(url)  # the WAL and shared-memory files exist now

        event.listen(engine, "connect", on_connect)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        max_overflow=10,
        connect_args={"options": f"-c lock_timeout={ms}"},
        **JSON_IO,
        **pool,
    )


def _private_files(url: str) -> None:
    """The database holds PHI: its folder is 0700 and its files 0600 (the umask set by ``serve`` covers
    files SQLite creates later: the WAL and shared-memory files)."""
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    if not name or name == ":memory:":
        return
    path = Path(name)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    for p in (path, Path(f"{name}-wal"), Path(f"{name}-shm")):
        if not p.exists() and p == path:
            p.touch(mode=0o600)
        if p.exists():
            p.chmod(0o600)


def _sqlite_pragmas(dbapi_conn: Any, busy_ms: int) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a committed change survives a crash of the process or machine
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={busy_ms}")
    cur.close()


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision (creates every table on an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:  # a table rebuild must not trip the foreign keys pointing at it (checked after)
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("the migration left rows whose foreign keys point nowhere")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def session_factory(engine: Engine, lock_timeout: float = LOCK_TIMEOUT_S) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    if engine.dialect.name == "sqlite":
        _serialize_writes(factory, lock_timeout)
    return factory


def _serialize_writes(factory: sessionmaker[Session], timeout: float) -> None:
    """SQLite has one writer at a time, and a waiting writer polls with growing sleeps: under load that
    is seconds of tail latency. Writers of this process queue on a lock instead, taken at a session's
    first flush and released when its transaction ends (commit or rollback). A writer waits at most
    ``timeout`` seconds, then fails with ``busy`` (503). Only threads wait here: no endpoint that writes
    runs on the event loop.

    Lock order: a session takes its pooled connection first, then the lock, never the other way. A
    session that took the lock and then waited for a connection (its first flush, with only added
    rows: an audit batch) while every connection was held by sessions waiting for the lock froze the
    server until the timeouts, again and again under load (tests/store/test_write_lock.py)."""
    lock = threading.Lock()

    def acquire(session: Session, *_: Any) -> None:
        if not session.info.get("write_lock"):
            session.connection()  # the connection first (it may wait for the pool): then the lock
            if not lock.acquire(timeout=timeout):
                raise fail(Code.BUSY, f"the database stayed busy for {timeout:g} seconds; try again")
            session.info["write_lock"] = True

    def release(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None and session.info.pop("write_lock", False):
            lock.release()

    def statement(state: ORMExecuteState) -> None:  # session.execute(update(...) / delete(...))
        if state.is_insert or state.is_update or state.is_delete:
            acquire(state.session)

    event.listen(factory, "before_flush", acquire)
    event.listen(factory, "do_orm_execute", statement)
    event.listen(factory, "after_transaction_end", release)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any error."""
    with factory() as session, session.begin():
        yield session
