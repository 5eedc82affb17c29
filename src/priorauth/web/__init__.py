"""The PA service: ``create_app(settings)`` builds the one FastAPI app (REST API now; the workspace UI
and the CDS Hooks router mount on it later). Calls inward: ``priorauth.api``, ``priorauth.store``."""

from priorauth.web.app import create_app
from priorauth.web.settings import Settings, load_settings

__all__ = ["Settings", "create_app", "load_settings"]
