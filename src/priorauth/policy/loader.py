"""Read one pack file: YAML -> a validated, resolved :class:`Pack`.

Every problem is an :class:`Issue` naming the file, the line and the field, printed on one line. A full
pack is checked on its own; an overlay (``extends: default``) is checked, then resolved onto its base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from priorauth.errors import Code, fail
from priorauth.policy import checks
from priorauth.policy.overlay import resolve
from priorauth.policy.schema import Overlay, Pack

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path = tuple[str | int, ...]
BaseLookup = Callable[[str, str | None], Pack]  # (base pack id, drug named by the overlay) -> the base pack


@dataclass(frozen=True)
class Issue:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


def parse(text: str, name: str, base: BaseLookup) -> Pack:
    """The resolved pack; the first problem raises ``bad_policy`` (one line: file, line, field)."""
    pack, issues = examine(text, name, base)
    if issues or pack is None:
        more = f" (and {len(issues) - 1} more: run 'priorauth policies validate')" if len(issues) > 1 else ""
        raise fail(Code.BAD_POLICY, f"policy pack {issues[0]}{more}")
    return pack


def examine(text: str, name: str, base: BaseLookup) -> tuple[Pack | None, list[Issue]]:
    """The pack and every problem found (empty when valid)."""
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - CSafeLoader/SafeLoader only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return None, [Issue(name, line, "(yaml)", f"not valid YAML ({getattr(exc, 'problem', None) or 'syntax'})")]
    if not isinstance(data, dict):
        return None, [Issue(name, 1, "(top level)", "a pack is a YAML mapping")]
    lines = _Lines(text)
    is_overlay = "extends" in data
    model: type[BaseModel] = Overlay if is_overlay else Pack
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        return None, [lines.issue(name, tuple(e["loc"]), _message(e)) for e in exc.errors()]
    if isinstance(parsed, Pack):
        found = list(checks.pack_issues(parsed))
        return (parsed if not found else None), [lines.issue(name, p, m) for p, m in found]
    assert isinstance(parsed, Overlay)
    try:
        base_pack = base(parsed.extends, data.get("drug") if isinstance(data.get("drug"), str) else None)
    except Exception as exc:
        return None, [lines.issue(name, ("extends",), str(getattr(exc, "message", exc)))]
    found = list(checks.overlay_issues(parsed, base_pack))
    if found:
        return None, [lines.issue(name, p, m) for p, m in found]
    resolved, problems = resolve(parsed, base_pack)
    return resolved, [lines.issue(name, p, m) for p, m in problems]


def _message(err: dict[str, Any]) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key (misspelt?)"
    if err["type"] == "missing":
        return "required field missing"
    return str(err["msg"])


class _Lines:
    """Line numbers of the YAML nodes, computed only when there is something to report."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: dict[Path, int] | None = None

    def issue(self, name: str, path: Path, message: str) -> Issue:
        where = ".".join(str(p) for p in path if p != "[key]") or "(top level)"
        return Issue(name, self.line(path), where, message)

    def line(self, path: Path) -> int:
        if self._index is None:
            self._index = dict(_walk(yaml.compose(self.text, Loader=yaml.SafeLoader), ()))
        clean = tuple(p for p in path if p != "[key]")
        for n in range(len(clean), -1, -1):
            if clean[:n] in self._index:
                return self._index[clean[:n]]
        return 1


def _walk(node: yaml.Node | None, path: Path) -> Iterator[tuple[Path, int]]:
    if node is None:
        return
    yield path, node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            yield from _walk(value, sub)
            yield sub, key.start_mark.line + 1  # the key's line wins over its value's
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _walk(item, (*path, i))
