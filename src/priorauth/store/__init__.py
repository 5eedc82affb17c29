"""The service's database: SQLAlchemy models, Alembic migrations, practice-scoped repositories.

Calls inward only (``priorauth.errors``); the core never imports it."""
