"""The virtual device's Java framework: compiled lazily with ``javac`` into a cache keyed by its sources.

The cache lives in ``$DYNSCAN_CACHE_DIR/sim/<hash>/`` (default ``~/.cache/dynscan``); a file lock keeps
parallel processes from compiling the same sources twice.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dynscan.device.processes import deferred_signals
from dynscan.errors import SetupError

JAVA_SRC = Path(__file__).parent / "java"


def cache_root() -> Path:
    """Where compiled framework classes and other derived files are kept."""
    base = os.environ.get("DYNSCAN_CACHE_DIR")
    return Path(base) if base else Path.home() / ".cache" / "dynscan"


def tool(name: str) -> str:
    """Path of a JDK tool (``java``, ``javac``, ``keytool``), or a SetupError saying what to install."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / name).exists():
        return str(Path(java_home) / "bin" / name)
    found = shutil.which(name)
    if not found:
        raise SetupError(f"`{name}` not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)")
    return found


def sources() -> list[Path]:
    """The framework's Java sources, in a stable order."""
    return sorted(JAVA_SRC.rglob("*.java"))


def source_hash() -> str:
    h = hashlib.sha256()
    for path in sources():
        h.update(path.relative_to(JAVA_SRC).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def framework_classes() -> Path:
    """Directory of compiled framework classes, compiling them first if needed."""
    root = cache_root() / "sim" / source_hash()
    classes = root / "classes"
    if (root / "ok").exists():
        return classes
    root.mkdir(parents=True, exist_ok=True)
    with (root.parent / f"{root.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (root / "ok").exists():
            return classes
        _compile(root, classes)
    return classes


def _compile(root: Path, classes: Path) -> None:
    args = [tool("javac"), "-nowarn", "-encoding", "UTF-8", "-proc:none", "-d"]
    sources_ = [str(p) for p in sources()]
    tmp = Path(tempfile.mkdtemp(prefix="classes-", dir=root))
    try:  # any failure, Ctrl-C or SIGTERM during the first compile leaves no half-built classes behind
        stderr = run_javac([*args, str(tmp), *sources_], timeout=600)
        if stderr is not None:
            first = next((ln for ln in stderr.splitlines() if "error" in ln), stderr.strip())
            raise SetupError(f"cannot compile the virtual device's framework: {first}")
        if classes.exists():
            shutil.rmtree(classes)
        tmp.rename(classes)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    (root / "ok").write_text("ok\n")


def run_javac(cmd: list[str], timeout: float) -> str | None:
    """Run javac; its stderr if it failed, None if it succeeded. Ctrl-C or SIGTERM never leaves javac behind:
    one arriving while it is spawned is held until the child is known (an interrupted ``Popen`` would leave it
    running), and whatever interrupts the wait (a signal, the timeout) kills javac and waits until it is gone
    (``subprocess.run`` sends SIGKILL on Ctrl-C but does not wait: javac could outlive dynscan for a moment
    and write into the folder being removed)."""
    proc: subprocess.Popen[str] | None = None
    try:
        with deferred_signals():
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, err = proc.communicate(timeout=timeout)
    except BaseException:
        if proc is not None:
            proc.kill()
            proc.communicate()
        raise
    return None if proc.returncode == 0 else err
