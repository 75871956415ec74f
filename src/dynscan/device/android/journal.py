"""The restore journal: every device change is written down BEFORE it is made, with how to undo it.

``~/.cache/dynscan/restore/<serial>.json`` (``$XDG_CACHE_HOME`` honoured). When dynscan is killed
(SIGKILL, power loss) the journal stays; ``restore_from_journal(serial)`` undoes what it lists, newest first.
Every undo step is safe to run when its change was never made.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
from pathlib import Path
from typing import Any

from dynscan.device.android import apex_ca, frida_server, wireguard
from dynscan.device.android import shell as shell_module
from dynscan.device.android.adb import AdbClient, AdbError
from dynscan.device.android.shell import DeviceShell
from dynscan.errors import DynscanError, SetupError

Step = dict[str, Any]


def restore_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dynscan" / "restore"


class Journal:
    """The undo list of one device, kept on disk."""

    def __init__(self, serial: str, directory: Path | None = None) -> None:
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", serial)
        self.serial = serial
        self.path = (directory or restore_dir()) / f"{safe}.json"

    def steps(self) -> list[Step]:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as e:
            raise SetupError(f"restore journal {self.path} is unreadable: {e}") from e
        steps = doc.get("steps") if isinstance(doc, dict) else None
        return [s for s in steps if isinstance(s, dict)] if isinstance(steps, list) else []

    def record(self, step: Step) -> None:
        """Append ``step`` and flush it to disk before the change it undoes is made."""
        self._write([*self.steps(), step])

    def replace(self, steps: list[Step]) -> None:
        if steps:
            self._write(steps)
        else:
            self.path.unlink(missing_ok=True)

    def _write(self, steps: list[Step]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            json.dump({"serial": self.serial, "steps": steps}, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(self.path)


def undo_step(shell: DeviceShell, step: Step) -> None:
    """Undo one journalled change; raises :class:`DynscanError` if the device refuses."""
    op = step.get("op")
    if op == "proxy":
        prev = step.get("previous")
        if isinstance(prev, str) and prev and prev != "null":
            shell.check(f"settings put global http_proxy {shlex.quote(prev)}")
        else:
            shell.check("settings put global http_proxy :0")
            shell.check("settings delete global http_proxy")
    elif op == "reverse":
        with contextlib.suppress(AdbError):
            shell.client.reverse_remove(shell.serial, str(step["remote"]))
    elif op == "ca_tmpfs":
        shell.run_root(f"umount {shlex.quote(str(step['dir']))}")
        shell.run_root(f"rm -f {shlex.quote(str(step['tmp']))}")
    elif op == "ca_apex":
        apex_ca.undo(shell, step)
    elif op == "adb_root":  # recorded before `adb root`; undone last, after every step that needed root
        shell.client.unroot(shell.serial)
        shell.client.wait_for(shell.serial, shell_module.ADB_ROOT_WAIT_S)
    elif op == "frida_server":
        frida_server.stop(shell, str(step.get("path") or "") or None)
    elif op == "frida_restart":  # a frida-server of another version ran before: start it again
        path = str(step.get("path") or "")
        if frida_server.plain_path(path) and path not in frida_server.running(shell).values():
            frida_server.start(shell, path)
    elif op == "wireguard_conf":  # the pushed client configuration: always the same fixed path
        wireguard.remove_conf(shell)
    elif op == "remove":  # what dynscan pushed: only ever its own directory, whatever the journal says
        if step.get("path") == frida_server.REMOTE_DIR:
            shell.run_root(f"rm -rf {shlex.quote(frida_server.REMOTE_DIR)}")
    else:
        raise SetupError(f"restore journal of {shell.serial}: unknown step {op!r}")


def undo_all(shell: DeviceShell, journal: Journal) -> list[str]:
    """Undo every journalled step, newest first; steps that fail stay in the journal. Returns the errors."""
    remaining: list[Step] = []
    errors: list[str] = []
    for step in reversed(journal.steps()):
        try:
            undo_step(shell, step)
        except DynscanError as e:
            remaining.insert(0, step)
            errors.append(f"{step.get('op')}: {e}")
    journal.replace(remaining)
    return errors


def restore_from_journal(
    serial: str, client: AdbClient | None = None, directory: Path | None = None
) -> list[str]:
    """Undo what an interrupted dynscan left on ``serial``; returns the undone step names ([] if nothing)."""
    journal = Journal(serial, directory)
    steps = journal.steps()
    if not steps:
        return []
    errors = undo_all(DeviceShell(client or AdbClient(), serial), journal)
    if errors:
        raise SetupError(f"device {serial}: could not restore {'; '.join(errors)} (journal kept at {journal.path})")
    return [str(s.get("op")) for s in reversed(steps)]
