"""The explicit registry of policy packs: those shipped in ``packs/<drug>/<id>.yaml``, plus a practice's
own folder of packs laid out the same way (``--packs DIR``, or the ``PRIORAUTH_PACKS_DIR`` setting), and
how one is chosen for a chart: ``--payer`` wins, else the active Coverage's payer is matched, else
``default``. A practice's pack may not reuse a shipped pack's id; when a practice pack and a shipped pack
both match the coverage's payer, the practice's own wins and a warning says so."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from priorauth.errors import Code, fail
from priorauth.policy import loader
from priorauth.policy.schema import Pack

DEFAULT = "default"
DEFAULT_DRUG = "sotorasib"
PACKS_ENV = "PRIORAUTH_PACKS_DIR"  # the practice's pack folder; inherited by the processes we start


@dataclass(frozen=True)
class Choice:
    pack: Pack
    reason: str  # why this pack applies (shown in the determination)
    warnings: tuple[str, ...] = ()  # said beside the determination (e.g. a practice pack won a tie)


@dataclass(frozen=True)
class PackFile:
    drug: str
    id: str
    file: Traversable
    label: str  # how errors name the file
    practice: bool  # from the practice's folder, not shipped


def _root() -> Traversable:
    return resources.files("priorauth.policy").joinpath("packs")


def practice_folder() -> Path | None:
    """The practice's own pack folder in use, if any."""
    value = os.environ.get(PACKS_ENV, "").strip()
    return Path(value) if value else None


def use_folder(path: str | os.PathLike[str] | None) -> None:
    """Use a practice's own packs (``DIR/<drug>/<id>.yaml``, cases beside them) with the shipped ones, in
    this process and the processes it starts. Every pack is loaded (validated) now, so a bad file fails
    before any work; the cases run in ``policies validate`` and the tests, not here."""
    if path is None:
        os.environ.pop(PACKS_ENV, None)
    else:
        p = Path(path)
        if not p.is_dir():
            raise fail(Code.PATH_MISSING, f"--packs {path}: no such folder")
        os.environ[PACKS_ENV] = str(p.resolve())
    for d in drugs():
        for pid in pack_ids(d):
            load(pid, d)


def _key() -> str:
    """What is read is cached per practice folder, so changing the setting needs no cache reset."""
    return os.environ.get(PACKS_ENV, "").strip()


def _shipped_drugs() -> list[str]:
    return [p.name for p in _root().iterdir() if p.is_dir() and p.name[:1].isalpha()]


def drugs() -> tuple[str, ...]:
    """The drugs with a pack family (a folder under ``packs/``, or under the practice's folder)."""
    return _drugs(_key())


@cache
def _drugs(key: str) -> tuple[str, ...]:
    names = set(_shipped_drugs())
    own = Path(key) if key else None
    if own is not None and own.is_dir():
        names |= {p.name for p in own.iterdir() if p.is_dir() and p.name[:1].isalpha() and any(p.glob("*.yaml"))}
    return tuple(sorted(names))


def folder(drug: str) -> Traversable:
    """The shipped folder of a drug's packs."""
    if drug not in drugs():
        raise fail(Code.UNKNOWN_DRUG, f"unknown drug {drug!r}; known: {', '.join(drugs())}")
    return _root().joinpath(drug)


def _pack_files(where: Traversable) -> list[Traversable]:
    if not where.is_dir():
        return []
    return [p for p in where.iterdir() if p.name.endswith(".yaml") and not p.name.endswith(".cases.yaml")]


def _files(drug: str) -> dict[str, PackFile]:
    return _files_in(drug, _key())


@cache
def _files_in(drug: str, key: str) -> dict[str, PackFile]:
    if drug not in _drugs(key):
        raise fail(Code.UNKNOWN_DRUG, f"unknown drug {drug!r}; known: {', '.join(drugs())}")
    out = {
        f.name.removesuffix(".yaml"): PackFile(
            drug, f.name.removesuffix(".yaml"), f, f"packs/{drug}/{f.name}", practice=False
        )
        for f in _pack_files(_root().joinpath(drug))
    }
    if key:
        own = Path(key)
        for f in sorted(_pack_files(own / drug), key=lambda f: f.name):  # type: ignore[arg-type]
            pid = f.name.removesuffix(".yaml")
            if pid in out:
                raise fail(
                    Code.BAD_POLICY,
                    f"policy pack {f}: the id {pid!r} is a shipped pack's; give the practice's pack its own id",
                )
            out[pid] = PackFile(drug, pid, f, _shown(Path(str(f))), practice=True)
    return out


def _shown(path: Path) -> str:
    """A practice file as errors name it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def pack_ids(drug: str = DEFAULT_DRUG) -> tuple[str, ...]:
    return tuple(sorted(_files(drug)))


def pack_file(pack_id: str, drug: str = DEFAULT_DRUG) -> PackFile:
    """The file of a pack id; ids are matched without regard to case (``--payer BCBS-NC``)."""
    files = _files(drug)
    hit = files.get(pack_id) or next((f for pid, f in files.items() if pid.lower() == pack_id.lower()), None)
    if hit is None:
        raise fail(
            Code.UNKNOWN_PAYER,
            f"unknown payer pack {pack_id!r} for {drug}; known: {', '.join(sorted(files))} "
            "(leave --payer out to match the chart's coverage)",
        )
    return hit


def load(pack_id: str, drug: str = DEFAULT_DRUG) -> Pack:
    return _load(pack_file(pack_id, drug).id, drug, _key())


@cache
def _load(pack_id: str, drug: str, key: str) -> Pack:
    f = _files_in(drug, key)[pack_id]
    return loader.parse(f.file.read_text("utf-8"), f.label, lambda base, named: base_pack(f.id, base, named or drug))


def is_practice(pack_id: str, drug: str = DEFAULT_DRUG) -> bool:
    return pack_file(pack_id, drug).practice


def base_pack(child: str, base: str, drug: str) -> Pack:
    """The full pack an overlay extends (one level: a base may not itself extend another)."""
    if base == child:
        raise fail(Code.BAD_POLICY, f"pack {child!r} extends itself")
    files = _files(drug)
    if base in files and "\nextends:" in "\n" + files[base].file.read_text("utf-8"):
        raise fail(Code.BAD_POLICY, f"pack {base!r} is itself an overlay: extend a full pack")
    return load(base, drug)


def all_packs() -> list[tuple[str, Pack]]:
    return [(d, load(pid, d)) for d in drugs() for pid in pack_ids(d)]


def choose(payer: str | None, payer_names: list[str], payer_refs: set[str], drug: str = DEFAULT_DRUG) -> Choice:
    """``--payer`` wins; else the one pack whose names, aliases or identifiers fit the active Coverage's
    payer (a practice's own pack before shipped ones); several matches of the same origin are not guessed
    between (the default applies, and the reason says so)."""
    if payer:
        return Choice(load(payer, drug), f"chosen with --payer {payer}")
    names = {normalize(n) for n in payer_names if n}
    hits: list[tuple[Pack, str, bool]] = []
    for pid in pack_ids(drug):
        if pid == DEFAULT:
            continue
        pack = load(pid, drug)
        named = names & {normalize(n) for n in [*pack.match.names, *pack.match.aliases]}
        ids = identifiers_match(payer_refs, pack.match.identifiers)
        if named or ids:
            how = f"name {sorted(named)[0]!r}" if named else f"identifier {ids}"
            hits.append((pack, how, is_practice(pid, drug)))
    own = [h for h in hits if h[2]]
    warnings: tuple[str, ...] = ()
    if own and len(own) < len(hits):
        shipped = ", ".join(p.id for p, _, practice in hits if not practice)
        warnings = (
            f"the practice's own pack {', '.join(p.id for p, _, _ in own)} and the shipped pack {shipped} "
            "match the coverage's payer: the practice's own applies",
        )
        hits = own
    if len(hits) == 1:
        pack, how, practice = hits[0]
        mine = " (the practice's own pack)" if practice else ""
        return Choice(pack, f"matched the active coverage's payer ({how}) to pack {pack.id}{mine}", warnings)
    if hits:
        ids = ", ".join(p.id for p, _, _ in hits)
        why = f"several payer packs match the active coverage's payer ({ids}); pass --payer"
    else:
        why = "no payer pack matches the active coverage's payer" if names or payer_refs else "no active coverage"
    return Choice(
        load(DEFAULT, drug), f"{why}: the default pack (FDA label and manufacturer's PA guide) applies", warnings
    )


def normalize(name: str) -> str:
    """Case, punctuation and spacing do not matter: "Blue Cross NC" == "blue-cross  nc"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def identifiers_match(refs: set[str], identifiers: list[str]) -> str | None:
    """A pack identifier matches a coverage reference exactly (``system|value``, ``Organization/id``)
    or, written without a system, the value of any ``system|value``."""
    values = {r.split("|", 1)[1] for r in refs if "|" in r}
    return next((i for i in identifiers if i in refs or ("|" not in i and i in values)), None)


def cases_file(pack_id: str, drug: str = DEFAULT_DRUG) -> Traversable:
    """Where a pack's cases file is (``<id>.cases.yaml`` beside the pack; it may not exist)."""
    f = pack_file(pack_id, drug)
    if f.practice:
        return Path(str(f.file)).with_name(f"{f.id}.cases.yaml")
    return _root().joinpath(drug, f"{f.id}.cases.yaml")
