"""FDA-approved companion diagnostics for KRAS G12C inhibitors (``data/companion_diagnostics.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Device:
    name: str
    specimen: str
    aliases: tuple[str, ...]
    uses: frozenset[tuple[str, str]]  # (drug, indication)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@cache
def devices() -> tuple[Device, ...]:
    raw = resources.files("priorauth.terminology").joinpath("data/companion_diagnostics.yaml").read_text("utf-8")
    data = yaml.load(raw, Loader=_LOADER)  # noqa: S506 - CSafeLoader/SafeLoader only
    return tuple(
        Device(
            d["name"],
            d["specimen"],
            tuple(_norm(a) for a in [d["name"], *d.get("aliases", [])]),
            frozenset((u["drug"], u["indication"]) for u in d["uses"]),
        )
        for d in data["devices"]
    )


def approved_device(text: str, drug: str, indication: str) -> Device | None:
    """The FDA-approved companion diagnostic for (drug, indication) that ``text`` names, if any."""
    words = f" {_norm(text)} "
    for d in devices():
        if (drug, indication) in d.uses and any(f" {a} " in words for a in d.aliases):
            return d
    return None


def names_for(drug: str, indication: str) -> list[str]:
    return [d.name for d in devices() if (drug, indication) in d.uses]
