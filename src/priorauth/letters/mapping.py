"""A requested item -> the criteria and document it concerns (the table is data: requested.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def _rules() -> list[dict[str, Any]]:
    data = yaml.safe_load((Path(__file__).with_name("requested.yaml")).read_text("utf-8"))
    return list(data["rules"])


def concerns(item: str) -> dict[str, Any]:
    """{"criteria": [...], "documents": [...]} for one requested item (empty lists: nothing known)."""
    low = " " + " ".join(item.casefold().replace("-", " ").split()) + " "
    criteria: list[str] = []
    documents: list[str] = []
    for rule in _rules():
        if any(f" {w.replace('-', ' ')}" in low for w in rule["words"]):
            criteria += [c for c in rule["criteria"] if c not in criteria]
            if rule.get("document") and rule["document"] not in documents:
                documents.append(rule["document"])
    return {"criteria": criteria, "documents": documents}
