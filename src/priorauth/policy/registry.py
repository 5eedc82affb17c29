"""The explicit registry of the policy packs shipped in ``packs/<drug>/<id>.yaml``, and how one is
chosen for a chart: ``--payer`` wins, else the active Coverage's payer is matched, else ``default``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from priorauth.errors import Code, fail
from priorauth.policy import loader
from priorauth.policy.schema import Pack

DEFAULT = "default"
DEFAULT_DRUG = "sotorasib"


@dataclass(frozen=True)
class Choice:
    pack: Pack
    reason: str  # why this pack applies (shown in the determination)


def _root() -> Traversable:
    return resources.files("priorauth.policy").joinpath("packs")


@cache
def drugs() -> tuple[str, ...]:
    """The drugs with a pack family (a folder under ``packs/``)."""
    return tuple(sorted(p.name for p in _root().iterdir() if p.is_dir() and p.name[:1].isalpha()))


def folder(drug: str) -> Traversable:
    if drug not in drugs():
        raise fail(Code.UNKNOWN_DRUG, f"unknown drug {drug!r}; known: {', '.join(drugs())}")
    return _root().joinpath(drug)


@cache
def pack_ids(drug: str = DEFAULT_DRUG) -> tuple[str, ...]:
    return tuple(
        sorted(
            p.name.removesuffix(".yaml")
            for p in folder(drug).iterdir()
            if p.name.endswith(".yaml") and not p.name.endswith(".cases.yaml")
        )
    )


@cache
def load(pack_id: str, drug: str = DEFAULT_DRUG) -> Pack:
    if pack_id not in pack_ids(drug):
        raise fail(Code.UNKNOWN_PAYER, f"unknown payer pack {pack_id!r} for {drug}; known: {', '.join(pack_ids(drug))}")
    text = folder(drug).joinpath(f"{pack_id}.yaml").read_text("utf-8")
    return loader.parse(
        text, f"packs/{drug}/{pack_id}.yaml", lambda base, named: base_pack(pack_id, base, named or drug)
    )


def base_pack(child: str, base: str, drug: str) -> Pack:
    """The shipped full pack an overlay extends (one level: a base may not itself extend another)."""
    if base == child:
        raise fail(Code.BAD_POLICY, f"pack {child!r} extends itself")
    if base in pack_ids(drug) and "\nextends:" in "\n" + folder(drug).joinpath(f"{base}.yaml").read_text("utf-8"):
        raise fail(Code.BAD_POLICY, f"pack {base!r} is itself an overlay: extend a full pack")
    return load(base, drug)


def all_packs() -> list[tuple[str, Pack]]:
    return [(d, load(pid, d)) for d in drugs() for pid in pack_ids(d)]


def choose(payer: str | None, payer_names: list[str], payer_refs: set[str], drug: str = DEFAULT_DRUG) -> Choice:
    """``--payer`` wins; else the one pack whose names, aliases or identifiers fit the active Coverage's
    payer; several matches are not guessed between (the default applies, and the reason says so)."""
    if payer:
        return Choice(load(payer, drug), f"chosen with --payer {payer}")
    names = {normalize(n) for n in payer_names if n}
    hits: list[tuple[Pack, str]] = []
    for pid in pack_ids(drug):
        if pid == DEFAULT:
            continue
        pack = load(pid, drug)
        named = names & {normalize(n) for n in [*pack.match.names, *pack.match.aliases]}
        ids = identifiers_match(payer_refs, pack.match.identifiers)
        if named or ids:
            how = f"name {sorted(named)[0]!r}" if named else f"identifier {ids}"
            hits.append((pack, how))
    if len(hits) == 1:
        pack, how = hits[0]
        return Choice(pack, f"matched the active coverage's payer ({how}) to pack {pack.id}")
    if hits:
        ids = ", ".join(p.id for p, _ in hits)
        why = f"several payer packs match the active coverage's payer ({ids}); pass --payer"
    else:
        why = "no payer pack matches the active coverage's payer" if names or payer_refs else "no active coverage"
    return Choice(load(DEFAULT, drug), f"{why}: the default pack (FDA label and manufacturer's PA guide) applies")


def normalize(name: str) -> str:
    """Case, punctuation and spacing do not matter: "Blue Cross NC" == "blue-cross  nc"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def identifiers_match(refs: set[str], identifiers: list[str]) -> str | None:
    """A pack identifier matches a coverage reference exactly (``system|value``, ``Organization/id``)
    or, written without a system, the value of any ``system|value``."""
    values = {r.split("|", 1)[1] for r in refs if "|" in r}
    return next((i for i in identifiers if i in refs or ("|" not in i and i in values)), None)
