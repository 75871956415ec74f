"""Build the Frida agent: ``npm ci`` in ``agent/`` then ``frida.Compiler`` into ``dynscan/_agent``.

Run from a source checkout: ``python -m dynscan.instrument.build_agent [--agent-dir DIR] [--no-install]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import frida

from dynscan.errors import SetupError
from dynscan.instrument.bundle import bundle_path

DEFAULT_AGENT_DIR = Path(__file__).resolve().parents[3] / "agent"


def npm_ci(agent_dir: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise SetupError("npm not found: install Node.js 18+ to build the agent")
    proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=agent_dir,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        raise SetupError(f"`npm ci` failed in {agent_dir}: {tail[0]}")


def compile_agent(agent_dir: Path, out: Path | None = None) -> Path:
    """Compile ``agent_dir/src/index.ts`` into ``out`` (default: the package's ``agent.js``)."""
    target = out or bundle_path()
    if not (agent_dir / "node_modules" / "frida-java-bridge").is_dir():
        raise SetupError(f"{agent_dir}/node_modules is missing frida-java-bridge: run `npm ci` there")
    diagnostics: list[str] = []
    compiler = frida.Compiler()  # type: ignore[no-untyped-call]
    compiler.on("diagnostics", lambda d: diagnostics.extend(str(x) for x in d))
    try:
        code = compiler.build("src/index.ts", project_root=str(agent_dir))
    except frida.InvalidArgumentError as e:
        raise SetupError(f"cannot compile the agent: {e}") from e
    if diagnostics:
        raise SetupError(f"agent type errors: {diagnostics[0]}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(code, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agent-dir", type=Path, default=DEFAULT_AGENT_DIR)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--no-install", action="store_true", help="skip `npm ci`")
    args = parser.parse_args(argv)
    try:
        if not args.no_install:
            npm_ci(args.agent_dir)
        path = compile_agent(args.agent_dir, args.out)
    except SetupError as e:
        print(f"build_agent: error: {e}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
