"""``dynscan worker``: one Celery worker process per device of this host, serving ``dynscan batch --broker``."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from typing import Annotated

import typer

from dynscan.batch.celery_app import SHARED_QUEUE, device_queue
from dynscan.batch.devices import parse_devices
from dynscan.batch.enqueue import check_broker
from dynscan.batch.local import ensure_proxy_ca
from dynscan.batch.timing import visibility_timeout_s
from dynscan.driver.scenario import BUILTIN_NAMES


def _say(msg: str) -> None:
    print(f"dynscan: {msg}", file=sys.stderr, flush=True)


def worker(
    broker: Annotated[str, typer.Option("--broker", help="Redis URL, as given to `dynscan batch --broker`.",
                                        show_default=False)],
    devices: Annotated[str, typer.Option("--devices", help="This host's devices: `sim:N`, adb serials, "
                                         "comma-separated; one Celery worker process each.")] = "sim",
    scenario: Annotated[str, typer.Option("--scenario", help=f"The longest scenario the batches use "
                                          f"({', '.join(BUILTIN_NAMES)} or a file): sets the visibility "
                                          "timeout.")] = "default",
    visibility_timeout: Annotated[int | None, typer.Option("--visibility-timeout", min=5, help="Seconds before "
                                                           "a job held by a vanished worker is handed out again "
                                                           "(default: from --scenario).", show_default=False)] = None,
    loglevel: Annotated[str, typer.Option("--loglevel", help="Celery's log level.")] = "WARNING",
) -> None:
    """Serve batch jobs from a Redis broker on this host's devices (Ctrl-C stops after the running scans).

    Each device gets its own `celery worker` process (-c 1, prefetch 1, late acks, reject on worker
    loss) consuming the shared queue `dynscan` and its own queue `dynscan.<host>.<device>`. Results go to
    the store each job names (a path or fsspec URL); nothing but job descriptions passes through Redis.
    """
    slots = parse_devices(devices)
    vt = visibility_timeout or visibility_timeout_s(scenario)
    check_broker(broker, vt)
    ensure_proxy_ca()
    host = socket.gethostname()
    procs: dict[str, subprocess.Popen[bytes]] = {}
    for slot in slots:
        env = {**os.environ, "DYNSCAN_BROKER": broker, "DYNSCAN_VISIBILITY_TIMEOUT": str(vt),
               "DYNSCAN_DEVICE_NAME": slot.name, "DYNSCAN_DEVICE_SERIAL": slot.serial}
        cmd = [sys.executable, "-m", "celery", "-A", "dynscan.batch.worker_app", "worker", "-c", "1",
               "-P", "prefork", "--prefetch-multiplier", "1", "-Q", f"{SHARED_QUEUE},{device_queue(slot.name, host)}",
               "-n", f"{slot.name}@{host}", "--without-gossip", "--without-mingle", "-l", loglevel]
        procs[slot.name] = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL)
    _say(f"{len(procs)} worker{'s' if len(procs) != 1 else ''} on {broker} for {', '.join(procs)} "
         f"(visibility timeout {vt}s); Ctrl-C stops them")
    try:
        while procs:
            for name, proc in list(procs.items()):
                code = proc.poll()
                if code is not None:
                    how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
                    _say(f"worker {name} ended ({how}); its running job goes to another worker")
                    del procs[name]
            time.sleep(0.5)
    except KeyboardInterrupt:
        _say("stopping the workers after their running scans (Ctrl-C again to stop at once)")
        for proc in procs.values():
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        try:
            for proc in procs.values():
                proc.wait()
        except KeyboardInterrupt:
            for proc in procs.values():
                proc.kill()
        raise typer.Exit(130) from None
