"""A bearer token is opaque base64url: one in 64 starts with "-", which argparse would read as another option
("argument --token: expected one argument"; seen in CI with a real OAuth server's token). The CLI glues such a value
to its option before parsing."""

from __future__ import annotations

import pytest

from priorauth.cli.ehr import glue_opaque_values
from priorauth.cli.main import build_parser


@pytest.mark.parametrize(
    ("argv", "want"),
    [
        (["check", "--token", "-Ab_9"], ["check", "--token=-Ab_9"]),
        (["check", "--token", "eyJ.x.y", "--format", "json"], ["check", "--token=eyJ.x.y", "--format", "json"]),
        (["check", "--token=-Ab_9"], ["check", "--token=-Ab_9"]),  # already glued: unchanged
        (["check", "--format", "json"], ["check", "--format", "json"]),  # no token: unchanged
        (["check", "--token"], ["check", "--token"]),  # no value: left for argparse's one-line error
    ],
)
def test_a_token_value_is_glued_to_its_option(argv: list[str], want: list[str]) -> None:
    assert glue_opaque_values(argv) == want


@pytest.mark.parametrize("token", ["-Ab_9-x", "--dash-first", "plain.jwt.value"])
def test_check_parses_any_token_value(token: str) -> None:
    argv = ["check", "--fhir-server", "http://127.0.0.1:9/fhir", "--patient", "p1", "--token", token]
    assert build_parser().parse_args(glue_opaque_values(argv)).token == token
