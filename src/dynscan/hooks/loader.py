"""Load the hook catalog: the built-in YAML files plus any the user adds.

Syntax and schema problems are load-time errors (:class:`InputError` naming the file); a class or
method absent on the device is not an error here: the agent skips it and reports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dynscan.errors import InputError
from dynscan.hooks.model import CatalogFile, HookSpec, Platform


@dataclass(frozen=True)
class Catalog:
    """The loaded catalog, in file order; ``sources`` maps each hook id to its file."""

    hooks: tuple[HookSpec, ...]
    sources: dict[str, str]

    def for_platform(self, platform: Platform) -> list[HookSpec]:
        return [h for h in self.hooks if platform in h.platforms]

    def agent_specs(self, platform: Platform) -> list[dict[str, Any]]:
        """What the agent's ``init`` receives."""
        return [h.agent_spec() for h in self.for_platform(platform)]

    def by_id(self, hook_id: str) -> HookSpec:
        for h in self.hooks:
            if h.id == hook_id:
                return h
        raise KeyError(hook_id)


def builtin_files() -> list[tuple[str, str]]:
    """(name, text) of every built-in catalog file, sorted by name."""
    root = resources.files("dynscan.hooks") / "catalog"
    out = [(f"catalog/{p.name}", p.read_text(encoding="utf-8"))
           for p in root.iterdir() if p.name.endswith(".yaml")]
    return sorted(out)


def _short(e: ValidationError) -> str:
    err = e.errors()[0]
    where = ".".join(str(x) for x in err["loc"])
    return f"{where}: {err['msg']}" if where else str(err["msg"])


def parse_file(name: str, text: str) -> list[HookSpec]:
    """Parse one catalog file; raises :class:`InputError` naming ``name`` on any problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{name}{line}: malformed YAML ({getattr(e, 'problem', None) or e})") from e
    if data is None:
        return []
    if not isinstance(data, dict):
        raise InputError(f"{name}: a catalog file is a mapping with a `hooks` list")
    try:
        return CatalogFile.model_validate(data).hooks
    except ValidationError as e:
        raise InputError(f"{name}: invalid hook catalog ({_short(e)})") from e


def build_catalog(files: Iterable[tuple[str, str]]) -> Catalog:
    hooks: list[HookSpec] = []
    sources: dict[str, str] = {}
    for name, text in files:
        for spec in parse_file(name, text):
            if spec.id in sources:
                raise InputError(f"{name}: duplicate hook id {spec.id!r} (first in {sources[spec.id]})")
            sources[spec.id] = name
            hooks.append(spec)
    return Catalog(tuple(hooks), sources)


def load_catalog(extra: Sequence[Path] = (), *, builtin: bool = True) -> Catalog:
    """The built-in catalog (unless ``builtin`` is false) followed by the user's files."""
    files = builtin_files() if builtin else []
    for path in extra:
        try:
            files.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{path}: cannot read the catalog file ({e})") from e
    return build_catalog(files)
