from __future__ import annotations

import os
import subprocess
import sys
import uuid

from dynscan.batch.reaper import TOKEN_VAR, marked, reap


def test_reap_ends_every_process_with_the_token_and_nothing_else() -> None:
    token = uuid.uuid4().hex
    ignoring = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"
    env = {**os.environ, TOKEN_VAR: token}
    ours = [subprocess.Popen([sys.executable, "-c", ignoring], env=env, start_new_session=True) for _ in range(2)]
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        import time

        deadline = time.monotonic() + 10
        while len(marked(token)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sorted(reap(token, grace_s=0.5)) == sorted(p.pid for p in ours)
        for p in ours:
            assert p.wait(5) != 0  # SIGTERM was ignored: SIGKILL ended it
        assert other.poll() is None and marked(token) == []
    finally:
        other.kill()
        other.wait()
