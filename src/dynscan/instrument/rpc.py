"""Agent RPCs with a deadline.

frida-python's ``script.exports_sync.NAME()`` waits on a condition variable with no timeout: an agent
whose JS thread is wedged (a process frozen by the device, a hooked call blocked inside the runtime, a
machine so loaded that nothing is scheduled) holds the caller for ever, and with it the scan, its
device and a batch worker. frida-python has no per-call timeout (``Script._rpc_request`` takes no
cancellable), so the call runs on a daemon thread and the caller waits on it with a deadline. A call
that times out is released by Frida when the script is destroyed (``_on_destroyed`` fails every
pending request), which detaching does; the thread never outlives the session by more than that.
"""

from __future__ import annotations

import threading
from typing import Any

from dynscan.errors import SetupError

#: A round trip is milliseconds; seconds on a loaded machine. Init installs ~190 hooks: give it more.
RPC_TIMEOUT_S = 30.0
INIT_TIMEOUT_S = 120.0


class AgentTimeout(SetupError):
    """The agent did not answer an RPC in time: the process is frozen or the agent wedged."""


def call(exports: Any, name: str, *args: Any, timeout_s: float = RPC_TIMEOUT_S, pid: int | None = None) -> Any:
    """``exports.NAME(*args)``; :class:`AgentTimeout` if no answer within ``timeout_s``."""
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = getattr(exports, name)(*args)
        except BaseException as e:  # handed to the caller below
            outcome["error"] = e
        finally:
            done.set()

    threading.Thread(target=run, name=f"frida-rpc-{name}", daemon=True).start()
    if not done.wait(timeout_s):
        where = f" in pid {pid}" if pid is not None else ""
        raise AgentTimeout(f"the agent{where} did not answer `{name}` within {timeout_s:.0f}s "
                           "(the app is frozen or the machine overloaded)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


__all__ = ["INIT_TIMEOUT_S", "RPC_TIMEOUT_S", "AgentTimeout", "call"]
