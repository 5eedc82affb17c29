"""Browser tests: a real server (``priorauth serve --demo`` under uvicorn, on 127.0.0.1, with a temporary
SQLite database) driven by Playwright through Debian's chromium (never a downloaded browser).

Skipped when chromium or Playwright is absent (``.ci/run`` installs both). ``PRIORAUTH_SCREENSHOTS=1``
writes the screenshots that ``docs/workspace.md`` shows into ``docs/img/``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CHROMIUM, ROOT

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SHOTS = ROOT / "docs" / "img"
VIEWPORT = {"width": 1366, "height": 800}  # a laptop screen

if not Path(CHROMIUM).exists():
    if os.environ.get("CI") == "true":  # .ci/run installs it: its absence there is a failure, not a skip
        raise RuntimeError(f"{CHROMIUM} is missing in CI")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = {**os.environ, "PRIORAUTH_CONFIG": str(tmp / "none.toml"), "PRIORAUTH_LOG_LEVEL": "warning"}
    (tmp / "none.toml").write_text("")
    cmd = [sys.executable, "-m", "priorauth", "serve", "--demo", "--port", str(port)]
    cmd += ["--database-url", f"sqlite:///{tmp / 'ui.db'}"]
    with (tmp / "server.log").open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):  # a loaded machine (2 cores shared) can take minutes to seed the demo
            if proc.poll() is not None:
                raise RuntimeError("the server stopped: " + (tmp / "server.log").read_text()[-2000:])
            try:
                with urllib.request.urlopen(base + "/health", timeout=1) as r:  # noqa: S310 - loopback
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError("the server did not start within 300 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Any:
    return chromium


def _page(browser: Any, server: str, bypass_csp: bool) -> Iterator[Any]:
    context = browser.new_context(base_url=server, viewport=VIEWPORT, accept_downloads=True, bypass_csp=bypass_csp)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A tab of a fresh browser profile, the pages' Content-Security-Policy enforced."""
    yield from _page(browser, server, bypass_csp=False)


@pytest.fixture
def a11y_page(browser: Any, server: str) -> Iterator[Any]:
    """The same, with the policy bypassed: axe-core is injected as an inline script, which it refuses."""
    yield from _page(browser, server, bypass_csp=True)


def login(page: Any, email: str) -> None:
    from priorauth.web.ui.demo import PASSWORD

    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/worklist**")


def shot(page: Any, name: str) -> None:
    if os.environ.get("PRIORAUTH_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations of WCAG 2 A/AA rules on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
