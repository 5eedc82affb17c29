"""The PA service: ``create_app(settings)`` builds the one FastAPI app: the REST API, the workspace UI
and the CDS Hooks router. Calls inward: ``priorauth.service``, ``priorauth.api``, ``priorauth.store``."""

from priorauth.web.app import create_app
from priorauth.web.settings import Settings, load_settings

__all__ = ["Settings", "create_app", "load_settings"]
