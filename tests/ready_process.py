"""A process for Frida to attach to, handed over only once it has finished starting.

``Popen(["sleep", "60"])`` returns while the child may still be between fork and exec, or inside the
dynamic loader; attaching then crashed Frida's injector ("loader crashed with signal 11", a CI
failure in tests/agent/test_art.py). The child here says ``ready`` from its own code, after the loader
is done, and only then is its pid given out."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_CODE = "import sys, time\nsys.stdout.write('ready\\n')\nsys.stdout.flush()\ntime.sleep(float(sys.argv[1]))\n"


@contextmanager
def ready_process(seconds: float = 60) -> Iterator[subprocess.Popen[str]]:
    """A sleeping process that has finished loading; killed and reaped on exit."""
    proc = subprocess.Popen([sys.executable, "-c", _CODE, str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"helper process did not start (exit {proc.poll()})")
        yield proc
    finally:
        proc.kill()
        proc.wait(10)
