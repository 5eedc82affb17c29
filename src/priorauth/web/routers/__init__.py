"""The API's routers, mounted under ``/api/v1`` by :func:`priorauth.web.app.create_app`."""
