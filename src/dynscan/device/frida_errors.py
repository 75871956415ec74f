"""Frida's exceptions as one line that names the fix (``frida.ProtocolError``, ``frida.TimedOutError`` ...).

frida-tools reports these as the exception's own text (``frida_tools/application.py``: "Failed to attach:
unable to communicate with remote frida-server; please ensure that major versions match"); dynscan adds
what to do on an Android device, where almost every such error is a frida-server problem.
"""

from __future__ import annotations

from typing import Any


def _version() -> str:
    import frida

    return str(frida.__version__)


def explain(e: BaseException, where: str) -> str:
    """``where``: what was being done (``device emulator-5554: spawning com.x``). One line."""
    import frida

    text = " ".join(str(e).split()) or type(e).__name__
    fixes: tuple[tuple[Any, str], ...] = (
        (frida.ProtocolError, f"frida-server and this host's frida {_version()} do not speak the same protocol: "
                              f"deploy frida-server {_version()} (`dynscan doctor --device SERIAL` names the file)"),
        (frida.TimedOutError, "frida-server stopped answering: restart it (`dynscan run` does) or reboot the device"),
        (frida.ServerNotRunningError, "frida-server is not running: `dynscan run` starts it; "
                                      "`dynscan doctor --device SERIAL` checks it"),
        (frida.TransportError, "the connection to frida-server broke: frida-server died or the device was "
                               "unplugged; reconnect it and retry"),
        (frida.PermissionDeniedError, "frida-server is not root: it must run as root (su or adb root)"),
    )
    for kind, fix in fixes:
        if isinstance(e, kind):
            return f"{where}: {text}: {fix}"
    return f"{where}: {text}"


def frida_errors() -> tuple[type[BaseException], ...]:
    """Every Frida exception dynscan turns into a one-line :class:`dynscan.errors.SetupError`."""
    import frida

    names = ("ProtocolError", "TimedOutError", "ServerNotRunningError", "TransportError", "PermissionDeniedError",
             "InvalidOperationError", "NotSupportedError", "ExecutableNotFoundError", "ProcessNotFoundError",
             "InvalidArgumentError", "AddressInUseError")
    return tuple(getattr(frida, n) for n in names if hasattr(frida, n))
