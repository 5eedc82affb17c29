"""Property-based calls generated from the OpenAPI schema (schemathesis), bounded to fit CI: no input,
valid or not, is a 500, and every error response has the one error shape. (Schemathesis' own pytest
plugin does not run under pytest 9 yet, so the operations are driven with Hypothesis directly.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from priorauth.web import Settings, create_app
from tests.web.conftest import make_practice, open_case
from tests.web.test_errors import PINNED

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
EXAMPLES = 10  # per operation: ~40 operations, well under a minute


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, str]]:
    db = Path(tmp_path_factory.mktemp("schemathesis")) / "service.db"
    app = create_app(Settings(database_url=f"sqlite:///{db}", login_max_failures=1000))
    practice = make_practice(app, "Fuzz")
    open_case(practice.coordinator)  # something to find, update and evaluate
    return app, {"Authorization": practice.admin.headers["Authorization"]}


def test_no_server_errors(fuzzed: tuple[Any, dict[str, str]]) -> None:
    app, headers = fuzzed
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 30
    failures: list[str] = []
    seen: Counter[tuple[str, int]] = Counter()

    @given(case=st.sampled_from(operations).flatmap(lambda op: op.as_strategy()))
    @settings(
        max_examples=EXAMPLES * len(operations), deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def run(case: Any) -> None:
        response = case.call(headers=headers)
        seen[(case.path, response.status_code)] += 1
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.path}: {response.status_code} {response.text[:200]}")
        elif response.status_code >= 400:
            jsonschema.validate(response.json(), PINNED)

    run()
    assert not failures, failures
    assert len({path for path, _ in seen}) >= len(operations) // 2  # the run reached most operations
    assert {status for _, status in seen} >= {200, 404, 422}
