"""The explicit registry of policy packs shipped in ``packs/`` and how one is chosen for a chart."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import ValidationError

from priorauth.errors import Code, fail
from priorauth.policy.schema import Pack

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT = "default"


@dataclass(frozen=True)
class Choice:
    pack: Pack
    reason: str  # why this pack applies (shown in the determination)


def pack_ids() -> list[str]:
    folder = resources.files("priorauth.policy").joinpath("packs")
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml") and ".cases." not in p.name
    )


@cache
def load(pack_id: str) -> Pack:
    if pack_id not in pack_ids():
        raise fail(Code.UNKNOWN_PAYER, f"unknown payer pack {pack_id!r}; known: {', '.join(pack_ids())}")
    return parse(
        resources.files("priorauth.policy").joinpath(f"packs/{pack_id}.yaml").read_text("utf-8"), f"{pack_id}.yaml"
    )


def parse(text: str, name: str) -> Pack:
    """Validate a pack's YAML; any problem is one line naming the file and the field."""
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - CSafeLoader/SafeLoader only
        return Pack.model_validate(data)
    except yaml.YAMLError as exc:
        raise fail(Code.BAD_POLICY, f"policy pack {name}: not valid YAML ({exc.__class__.__name__})") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise fail(Code.BAD_POLICY, f"policy pack {name}: {where}: {err['msg']}") from None


def choose(payer: str | None, payer_names: list[str], payer_refs: set[str]) -> Choice:
    """``--payer`` wins; else the pack whose match names or identifiers fit the active Coverage's payer."""
    if payer:
        return Choice(load(payer), f"chosen with --payer {payer}")
    names = {n.strip().lower() for n in payer_names if n}
    for pid in pack_ids():
        if pid == DEFAULT:
            continue
        pack = load(pid)
        if names & {n.lower() for n in pack.match.names} or payer_refs & set(pack.match.identifiers):
            return Choice(pack, "matched the active coverage's payer")
    why = "no payer pack matches the active coverage's payer" if names or payer_refs else "no active coverage"
    return Choice(load(DEFAULT), f"{why}: the default pack (FDA label and manufacturer's PA guide) applies")
