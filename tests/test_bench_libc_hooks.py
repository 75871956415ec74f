"""benchmarks/bench_libc_hooks.py parses its arguments (the benchmark itself is run by hand: docs/benchmarks.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_libc_hooks.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_libc_hooks", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_defaults_and_choices_parse() -> None:
    bench = _bench()
    args = bench.parse_args([])
    assert (args.calls, args.rounds, args.workload) == (3000, 5, ["connect", "open"])
    assert bench.parse_args(["--workload", "open", "--calls", "50", "--rounds", "2"]).workload == ["open"]
    assert bench.CONFIGS[0].hooks == () and not bench.CONFIGS[0].watch  # the floor: no libc hook at all


@pytest.mark.parametrize("argv", [["--workload", "dns"], ["--calls", "0"], ["--rounds", "0"], ["--calls", "x"]])
def test_bad_arguments_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        _bench().parse_args(argv)
    assert exc.value.code == 2
