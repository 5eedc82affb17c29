"""The determination as JSON (the contract's document)."""

from __future__ import annotations

from typing import Any

import orjson


def render(doc: dict[str, Any]) -> str:
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n"
