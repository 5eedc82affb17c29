"""The PA workspace: server-rendered pages (Jinja2, htmx; no build step) on the service.
``mount(app)`` adds the pages, the static files and HTML error pages for them."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from priorauth.errors import Code, PriorauthError
from priorauth.web.ui.session import HERE, LoginRequired, login_url, templates

NOT_UI = ("/api/", "/health", "/docs", "/redoc", "/openapi.json")
# Pages load only this site's own files: no inline script, no other origin, never framed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
STATUS = {Code.NOT_FOUND: 404, Code.FORBIDDEN: 403, Code.CSRF: 403, Code.CONFLICT: 409, Code.TOO_LARGE: 413}


class ContentPolicy:
    """The CSP header on every HTML answer (a plain ASGI middleware: no task of its own per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def answer(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, answer)


def mount(app: FastAPI) -> None:
    from priorauth.web.ui import admin, calendar, case_page, letters, pages, scans

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(case_page.router)
    app.include_router(scans.router)
    app.include_router(calendar.router)
    app.include_router(admin.router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # browsers ask for it whatever the page says
        return RedirectResponse("/static/favicon.svg", status_code=301)

    app.include_router(letters.router)
    from priorauth.web import smart  # SMART App Launch from the EHR (issue 15)

    app.include_router(smart.router)
    json_handler: Any = app.exception_handlers[PriorauthError]

    app.add_middleware(ContentPolicy)

    @app.exception_handler(LoginRequired)
    async def _login(_: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(login_url(exc.next_url), status_code=303)

    @app.exception_handler(PriorauthError)
    async def _error(request: Request, exc: PriorauthError) -> Response:
        if request.url.path.startswith(NOT_UI):
            return await json_handler(request, exc)
        status = STATUS.get(exc.code, 422)
        if request.headers.get("HX-Request"):
            return templates.TemplateResponse(request, "_error.html", {"message": exc.message}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"message": exc.message, "code": exc.code}, status_code=status
        )
