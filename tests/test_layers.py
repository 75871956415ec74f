"""Layers import downwards only (docs/architecture.md): every ``import`` of ``src/dynscan`` is walked with ast.

A package may import its own package, the packages before it in its own group, and the groups its group
sits on. ``importlib.import_module("dynscan....")`` with a literal name counts as an import too, and so
do imports inside functions: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dynscan"

#: Each group's packages in order: a package may import those before it in the same group.
GROUPS: dict[str, tuple[str, ...]] = {
    "model": ("", "errors", "util", "data", "_agent", "events", "identity", "learning", "guided", "coverage",
              "findings"),
    "storage": ("session_dir", "store", "attribution", "traffic", "hooks", "policy"),
    "rules": ("rules",),
    "reports": ("reports",),
    "capture": ("device", "proxy_addons", "instrument", "driver", "capture"),
    "top": ("catalog", "analysis", "scan", "batch", "cli", "__main__"),
}
#: The groups each group may import (besides its own).
BELOW: dict[str, tuple[str, ...]] = {
    "model": (),
    "storage": ("model",),
    "rules": ("model", "storage"),
    "reports": ("model", "storage"),
    "capture": ("model", "storage"),
    "top": ("model", "storage", "rules", "reports", "capture"),
}
#: Packages a group may not import even though their group is below it.
NEVER: dict[str, tuple[str, ...]] = {"reports": ("attribution",)}


def _package(module: str) -> str:
    """``dynscan.store.jsonl`` -> ``store``; ``dynscan`` -> ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _place(package: str) -> tuple[str, int]:
    for group, packages in GROUPS.items():
        if package in packages:
            return group, packages.index(package)
    raise AssertionError(f"package dynscan.{package} is in no layer: add it to GROUPS and docs/architecture.md")


def allowed(src: str, dst: str) -> bool:
    """May package ``src`` import package ``dst``?"""
    if src == dst:
        return True
    (sg, si), (dg, di) = _place(src), _place(dst)
    if dst in NEVER.get(sg, ()):
        return False
    return di < si if sg == dg else dg in BELOW[sg]


def _imports(path: Path, module: str) -> Iterator[tuple[int, str]]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield node.lineno, ".".join([*base, *([node.module] if node.module else [])])
            elif node.module:
                yield node.lineno, node.module
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.lineno, node.args[0].value


def upward_imports(root: Path) -> list[str]:
    """``file:line: a -> b`` for every import under ``root`` (a ``dynscan`` package) that goes up or sideways."""
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        src = _package(module)
        for lineno, target in _imports(path, module):
            if target.split(".")[0] != "dynscan":
                continue
            dst = _package(target)
            if not allowed(src, dst):
                bad.append(f"{path.relative_to(root.parent)}:{lineno}: {src or 'dynscan'} -> {dst or 'dynscan'}")
    return bad


def test_no_upward_import() -> None:
    assert upward_imports(SRC) == []


def test_every_package_has_a_layer() -> None:
    for child in SRC.iterdir():
        if child.name != "__pycache__" and (child.is_dir() or child.suffix == ".py"):
            name = child.stem if child.suffix == ".py" else child.name
            _place("" if name == "__init__" else name)


@pytest.mark.parametrize(("where", "planted", "expected"), [
    ("events/planted.py", "from dynscan.store import open_store\n", "events -> store"),
    ("reports/planted.py", "import dynscan.rules.engine\n", "reports -> rules"),
    ("reports/planted.py", "def f():\n    from dynscan.attribution import SdkDb\n", "reports -> attribution"),
    ("device/planted.py", "from ..rules.config import Config\n", "device -> rules"),
    ("capture/planted.py", "import importlib\nimportlib.import_module('dynscan.analysis')\n", "capture -> analysis"),
    ("device/planted.py", "from dynscan.driver import runner\n", "device -> driver"),
])
def test_a_planted_upward_import_fails(tmp_path: Path, where: str, planted: str, expected: str) -> None:
    tree = tmp_path / "dynscan"
    shutil.copytree(SRC, tree, ignore=lambda _d, names: [n for n in names if not (n.endswith(".py") or "." not in n)])
    assert upward_imports(tree) == []
    (tree / where).write_text(planted, encoding="utf-8")
    assert [b.split(": ", 1)[1] for b in upward_imports(tree)] == [expected]
