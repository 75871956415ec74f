"""Start the fixture JVM held at a stdin barrier, instrument it, release it, collect the results."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frida

from dynscan.hooks import load_catalog
from dynscan.instrument.models import AgentOptions
from dynscan.instrument.session import AgentSession
from dynscan.store import SessionStore, open_store

FIXTURE_SRC = Path(__file__).parent / "fixtures" / "java"
PACKAGE = "fixture.app"


def compile_fixture(out: Path) -> Path:
    sources = [str(p) for p in FIXTURE_SRC.rglob("*.java")]
    subprocess.run(["javac", "-encoding", "UTF-8", "-d", str(out), *sources], check=True)
    return out


@dataclass
class Run:
    proc: subprocess.Popen[str]
    agent: AgentSession | None
    store: SessionStore
    out: list[str] = field(default_factory=list)

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 30.0) -> list[str]:
        assert self.proc.stdout is not None
        text, _ = self.proc.communicate(timeout=timeout)
        self.out = text.splitlines()
        if self.agent is not None:
            self.agent.wait_detached(5.0)
        return self.out

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        evs = list(self.store.iter_raw())
        return [e for e in evs if kind is None or e["kind"] == kind]


def start_jvm(classes: Path, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(["java", "-Xshare:auto", "-cp", str(classes), "fixture.app.Main", *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "READY", line
    return proc


@contextmanager
def instrumented(classes: Path, session_dir: Path, *args: str, agent: bool = True,
                 specs: list[dict[str, Any]] | None = None,
                 options: AgentOptions | None = None) -> Iterator[Run]:
    """The fixture app running ``args``; with ``agent``, the catalog's hooks are in before it runs."""
    proc = start_jvm(classes, *args)
    store = open_store(session_dir)
    session = None
    try:
        if agent:
            if specs is None:
                specs = load_catalog().agent_specs("android")
            session = AgentSession(frida.get_local_device(), proc.pid, store, specs,
                                   options=options or AgentOptions(package=PACKAGE))
            session.start()
        yield Run(proc, session, store)
    finally:
        if session is not None:
            session.stop()
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
        store.close()
