"""``priorauth policies validate [PATH]``: check pack files (shipped, or a practice's own) and report
every problem on one line naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import yaml

from priorauth.errors import Code, fail
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


def files(path: str) -> tuple[int, list[str]]:
    """(number of pack files checked, problems) for a pack file or a folder of them."""
    p = Path(path)
    if not p.exists():
        raise fail(Code.PATH_MISSING, f"{path}: no such file or folder")
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
