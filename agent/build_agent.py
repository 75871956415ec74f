"""Build the Frida agent: ``npm ci`` in ``agent/`` then ``frida.Compiler`` into ``dynscan/_agent/agent.js``.

The package build runs it (``setup.py``: every wheel carries the bundle); in a checkout
``scripts/build-agent`` runs ``python agent/build_agent.py [--agent-dir DIR] [--out FILE] [--no-install]``.
It is not part of the installed package and imports nothing from dynscan: at build time dynscan is
not installed yet.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

AGENT_DIR = Path(__file__).resolve().parent
#: Where a checkout keeps the bundle (git-ignored; ``src/dynscan/_agent``).
CHECKOUT_BUNDLE = AGENT_DIR.parent / "src" / "dynscan" / "_agent" / "agent.js"


class AgentBuildError(Exception):
    """The agent could not be built; the message says why and how to fix it."""


def npm_ci(agent_dir: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise AgentBuildError("npm not found: install Node.js 18+ to build the agent")
    proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=agent_dir,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        raise AgentBuildError(f"`npm ci` failed in {agent_dir}: {tail[0]}")


def compile_agent(agent_dir: Path, out: Path) -> Path:
    """Compile ``agent_dir/src/index.ts`` into ``out``."""
    import frida

    if not (agent_dir / "node_modules" / "frida-java-bridge").is_dir():
        raise AgentBuildError(f"{agent_dir}/node_modules is missing frida-java-bridge: run `npm ci` there")
    diagnostics: list[str] = []
    compiler = frida.Compiler()
    compiler.on("diagnostics", lambda d: diagnostics.extend(str(x) for x in d))
    try:
        code = compiler.build("src/index.ts", project_root=str(agent_dir))
    except frida.InvalidArgumentError as e:
        raise AgentBuildError(f"cannot compile the agent: {e}") from e
    if diagnostics:
        raise AgentBuildError(f"agent type errors: {diagnostics[0]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(code, encoding="utf-8")
    return out


def build(agent_dir: Path, out: Path, *, install: bool | None = None) -> Path:
    """``npm ci`` (when ``install``, or by default when ``node_modules`` lacks the bridge), then compile."""
    if install or (install is None and not (agent_dir / "node_modules" / "frida-java-bridge").is_dir()):
        npm_ci(agent_dir)
    return compile_agent(agent_dir, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agent-dir", type=Path, default=AGENT_DIR)
    parser.add_argument("--out", type=Path, default=CHECKOUT_BUNDLE)
    parser.add_argument("--no-install", action="store_true", help="skip `npm ci`")
    args = parser.parse_args(argv)
    try:
        path = build(args.agent_dir, args.out, install=not args.no_install)
    except AgentBuildError as e:
        print(f"build_agent: error: {e}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
