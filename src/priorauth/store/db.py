"""Engines, sessions and migrations. SQLite gets WAL, a busy timeout and foreign keys; PostgreSQL is
used as is. ``migrate`` brings any database to the newest Alembic revision (first start included)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a committed change survives a crash of the process or machine
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision (creates every table on an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    if engine.dialect.name == "sqlite":
        _serialize_writes(factory)
    return factory


def _serialize_writes(factory: sessionmaker[Session]) -> None:
    """SQLite has one writer at a time, and a waiting writer polls with growing sleeps: under load that
    is seconds of tail latency. Writers of this process queue on a lock instead, taken at a session's
    first flush and released when its transaction ends (commit or rollback)."""
    lock = threading.Lock()

    def acquire(session: Session, *_: Any) -> None:
        if not session.info.get("write_lock"):
            lock.acquire()
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
