"""Alembic environment: the connection comes from :func:`priorauth.store.db.migrate` (or, on the
command line, from ``-x url=...``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from priorauth.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///priorauth.db")
        with create_engine(url).connect() as c:
            context.configure(connection=c, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
