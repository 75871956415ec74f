"""One app's JVM on the virtual device and the line-based control channel to its runtime.

The driver writes ``"<id> <command> <args...>"`` lines to the JVM's stdin; the runtime writes JSON lines
to its stdout: ``ready`` (JVM up, app held), ``res`` (a command's answer) and ``exit`` (why it is ending).
Closing stdin ends the JVM, so a dead driver never leaves one behind.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dynscan.device.processes import kill_group, start_group
from dynscan.errors import DynscanError, SetupError


class AppNotRunning(DynscanError):
    """The app's process has ended (or never started)."""


@dataclass(frozen=True)
class AppExit:
    """How an app process ended: ``cause`` is ``app``, ``driver`` or ``crashed``."""

    package: str
    pid: int
    cause: str
    detail: str
    returncode: int


class AppProcess:
    """A running app JVM. Create with :meth:`start`; always end with :meth:`stop`."""

    def __init__(self, package: str, proc: subprocess.Popen[bytes], on_exit: Callable[[AppExit], None],
                 on_process: Callable[[str, str], None] | None = None) -> None:
        self.package = package
        #: the runtime asks for another process of the app (``name``, ``service``): android:process
        self._on_process = on_process
        self._proc = proc
        self._on_exit = on_exit
        self._ids = itertools.count(1)
        self._pending: dict[int, Future[Any]] = {}
        self._lock = threading.Lock()
        self._ready: Future[int] = Future()
        self._exit_msg: dict[str, Any] | None = None
        self._stopping = False
        self.exit: AppExit | None = None
        self._exited = threading.Event()
        self._reader = threading.Thread(target=self._read, name=f"sim-{package}", daemon=True)
        self._reader.start()

    @classmethod
    def start(
        cls,
        java: str,
        jvm_opts: Sequence[str],
        classpath: Sequence[Path],
        device_dir: Path,
        app_dir: Path,
        package: str,
        log_path: Path,
        on_exit: Callable[[AppExit], None],
        ready_timeout_s: float = 30.0,
        *,
        process: tuple[str, str] | None = None,
        on_process: Callable[[str, str], None] | None = None,
    ) -> AppProcess:
        """``process``: (name, service class) to start a secondary process (``android:process``) running
        that service instead of the launcher activity."""
        # a JVM crash report goes next to the app's log, never into the caller's working directory
        crash_file = log_path.parent / f"hs_err_{package}_%p.log"
        args = [java, *jvm_opts, f"-XX:ErrorFile={crash_file}", "-cp", ":".join(map(str, classpath))]
        args.append("dynscan.sim.Main")
        args += [str(device_dir), package, str(app_dir), *(process or ())]
        with log_path.open("ab") as log:
            proc = start_group(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, cwd=device_dir)
        app = cls(package, proc, on_exit, on_process)
        try:
            app._ready.result(timeout=ready_timeout_s)
        except FutureTimeout as e:
            app.stop(grace_s=0)
            raise SetupError(f"{package}: the virtual device's JVM did not start within {ready_timeout_s:.0f} s") from e
        except AppNotRunning as e:
            app.stop(grace_s=0)
            raise SetupError(f"{package}: the virtual device's JVM failed to start (see {log_path})") from e
        return app

    @property
    def pid(self) -> int:
        return self._proc.pid

    def alive(self) -> bool:
        return not self._exited.is_set()

    def request(self, command: str, *args: str, timeout_s: float = 15.0) -> Any:
        """Send one command and return the runtime's answer."""
        if not self.alive() or self._proc.stdin is None:
            raise AppNotRunning(f"{self.package} is not running")
        n = next(self._ids)
        fut: Future[Any] = Future()
        with self._lock:
            self._pending[n] = fut
        line = " ".join([str(n), command, *args]) + "\n"
        try:
            self._proc.stdin.write(line.encode())
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as e:
            raise AppNotRunning(f"{self.package} is not running") from e
        try:
            return fut.result(timeout=timeout_s)
        except FutureTimeout as e:
            raise DynscanError(f"{self.package}: no answer to `{command}` within {timeout_s:.0f} s") from e
        finally:
            with self._lock:
                self._pending.pop(n, None)

    def wait(self, timeout_s: float) -> AppExit | None:
        """Wait for the process to end by itself; None if it is still running."""
        self._exited.wait(timeout_s)
        return self.exit

    def stop(self, grace_s: float = 3.0) -> AppExit | None:
        """Stop the app (cause ``driver`` unless it already ended) and reap the JVM: SIGKILL after the grace."""
        if self.alive():
            self._stopping = True
            if self._proc.stdin is not None:
                try:
                    self._proc.stdin.write(b"0 stop\n")
                    self._proc.stdin.flush()
                except (BrokenPipeError, OSError, ValueError):
                    pass
        kill_group(self._proc, grace_s=grace_s, close_streams=False)
        self._exited.wait(5.0)
        return self.exit

    def _reap(self) -> None:
        if self._proc.poll() is None:
            kill_group(self._proc, grace_s=0, close_streams=False)

    def _read(self) -> None:
        assert self._proc.stdout is not None
        try:
            for raw in self._proc.stdout:
                try:
                    msg = json.loads(raw)
                except ValueError:
                    continue
                self._dispatch(msg)
        except (OSError, ValueError):
            pass  # pipe closed under us: the process is gone
        code = self._proc.wait()
        self._finish(code)

    def _dispatch(self, msg: dict[str, Any]) -> None:
        t = msg.get("t")
        if t == "ready" and not self._ready.done():
            self._ready.set_result(int(msg.get("pid", self.pid)))
        elif t == "exit":
            self._exit_msg = msg
            # the runtime is halting; make sure it does even if the JVM hangs on the way out
            timer = threading.Timer(0.8, self._reap)
            timer.daemon = True
            timer.start()
        elif t == "process" and self._on_process is not None:
            name, service = str(msg.get("name") or ""), str(msg.get("service") or "")
            if name.startswith(self.package + ":") and service:  # never another app's process
                threading.Thread(target=self._on_process, args=(name, service), daemon=True).start()
        elif t == "res":
            with self._lock:
                fut = self._pending.get(int(msg.get("id", -1)))
            if fut is not None and not fut.done():
                if msg.get("ok"):
                    fut.set_result(msg.get("v"))
                else:
                    fut.set_exception(DynscanError(f"{self.package}: {msg.get('err', 'command failed')}"))

    def _finish(self, code: int) -> None:
        m = self._exit_msg
        if m is not None:
            cause, detail = str(m.get("cause", "app")), str(m.get("detail") or "")
        elif self._stopping:
            cause, detail = "driver", "killed by the driver"
        else:
            cause, detail = "crashed", f"process died (exit status {code})"
        self.exit = AppExit(self.package, self.pid, cause, detail, code)
        if not self._ready.done():
            self._ready.set_exception(AppNotRunning(f"{self.package} exited during start-up"))
        with self._lock:
            pending = list(self._pending.values())
        for fut in pending:
            if not fut.done():
                fut.set_exception(AppNotRunning(f"{self.package} is not running ({cause}: {detail})"))
        kill_group(self._proc, grace_s=0)
        self._exited.set()
        self._on_exit(self.exit)
