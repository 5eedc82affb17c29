"""``priorauth policies validate [PATH]``: check pack files (shipped, or a practice's own) and report
every problem on one line naming the file, the line and the field."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from priorauth.errors import Code, PriorauthError, fail
from priorauth.policy import loader, registry
from priorauth.policy.schema import Pack


def shipped() -> list[str]:
    """Every shipped pack's problems (none expected) and the packs lacking a cases file beside them."""
    out: list[str] = []
    for drug in registry.drugs():
        folder = registry.folder(drug)
        for pid in registry.pack_ids(drug):
            name = f"packs/{drug}/{pid}.yaml"
            text = folder.joinpath(f"{pid}.yaml").read_text("utf-8")
            _, issues = loader.examine(
                text, name, lambda base, named, d=drug, p=pid: registry.base_pack(p, base, named or d)
            )
            out += [str(i) for i in issues]
            if not folder.joinpath(f"{pid}.cases.yaml").is_file():
                out.append(f"{name}:1: (file): no cases file {pid}.cases.yaml beside the pack")
    return out


def practice(path: str | Path) -> tuple[int, list[str]]:
    """(packs checked, problems) for a practice's pack folder (``<drug>/<id>.yaml``): each pack's schema,
    then its cases (a cases file is required beside each pack, and its cases must pass and cover what the
    pack defines or changes, as the shipped packs' do)."""
    from priorauth.policy import cases

    previous = os.environ.get(registry.PACKS_ENV)
    os.environ[registry.PACKS_ENV] = str(Path(path).resolve())
    count, problems = 0, []
    try:
        for drug in registry.drugs():
            try:
                own = [pid for pid in registry.pack_ids(drug) if registry.is_practice(pid, drug)]
            except PriorauthError as exc:
                problems.append(exc.message)
                continue
            for pid in own:
                count += 1
                f = registry.pack_file(pid, drug)
                _, issues = loader.examine(
                    f.file.read_text("utf-8"),
                    f.label,
                    lambda base, named, d=drug, p=pid: registry.base_pack(p, base, named or d),
                )
                problems += [str(i) for i in issues]
                if not issues:
                    problems += cases.check_pack(pid, drug)
    finally:
        if previous is None:
            os.environ.pop(registry.PACKS_ENV, None)
        else:
            os.environ[registry.PACKS_ENV] = previous
    if not count:
        raise fail(Code.NOTHING_USABLE, f"{path}: no pack files (<drug>/<id>.yaml) in the folder")
    return count, problems


def is_practice_folder(p: Path) -> bool:
    """A folder laid out like the shipped packs: ``<drug>/<id>.yaml``."""
    return p.is_dir() and any(sub.is_dir() and any(sub.glob("*.yaml")) for sub in p.iterdir())


def files(path: str) -> tuple[int, list[str]]:
    """(number of pack files checked, problems) for a pack file, a folder of them, or a practice's pack
    folder (``<drug>/<id>.yaml``, whose cases are run too)."""
    p = Path(path)
    if not p.exists():
        raise fail(Code.PATH_MISSING, f"{path}: no such file or folder")
    if is_practice_folder(p):
        return practice(p)
    targets = sorted(f for f in p.glob("*.yaml") if not f.name.endswith(".cases.yaml")) if p.is_dir() else [p]
    if not targets:
        raise fail(Code.NOTHING_USABLE, f"{path}: no pack files (*.yaml) in the folder")
    problems: list[str] = []
    for f in targets:
        try:
            text = f.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{f}:1: (file): cannot be read ({type(exc).__name__})")
            continue
        _, issues = loader.examine(text, str(f), lambda base, named, f=f: _base(f, base, named))
        problems += [str(i) for i in issues]
    return len(targets), problems


def _base(child: Path, base: str, drug: str | None) -> Pack:
    """A base pack beside the file (``<base>.yaml``, a full pack), else the shipped one of its drug."""
    sibling = child.with_name(f"{base}.yaml")
    if sibling.is_file() and sibling.resolve() != child.resolve():
        text = sibling.read_text("utf-8")
        data = yaml.safe_load(text)
        if isinstance(data, dict) and "extends" not in data:
            return loader.parse(text, str(sibling), lambda b, d: registry.load(b, d or registry.DEFAULT_DRUG))
    folder_drug = child.parent.name if child.parent.name in registry.drugs() else None
    return registry.load(base, drug or folder_drug or registry.DEFAULT_DRUG)
