"""``--capture wireguard``: the device's whole traffic through mitmproxy's WireGuard server.

For apps that ignore the global proxy setting (raw sockets, ``Proxy.NO_PROXY``, Flutter/Dart, their own
DNS or QUIC). mitmdump runs with ``--mode wireguard:KEYFILE@HOST:PORT``; the key file (the server's and
the client's private keys, mitmproxy's JSON format) is created here, in the session's private
``wireguard/`` directory with mode 0600, so it never exists world-readable even for a moment. The client
configuration the device imports is written next to it by mitmdump itself
(:mod:`dynscan.proxy_addons.wireguard_conf`), also 0600.

Loopback-safe by default: the UDP server listens on 127.0.0.1, which an emulator reaches as
``10.0.2.2``; a phone on the LAN needs an explicit ``--wireguard-host`` (an address of this host it can
reach). ``adb reverse`` carries TCP only, so there is no USB-only way for UDP.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from dataclasses import dataclass
from pathlib import Path

from dynscan.errors import SetupError
from dynscan.util.atomic import DIR_MODE, write_atomic


@dataclass(frozen=True)
class WireGuardFiles:
    """The session's ``wireguard/`` directory: ``keys.json`` (mitmproxy's key file), ``client.conf``."""

    root: Path

    @property
    def keys(self) -> Path:
        return self.root / "keys.json"

    @property
    def client_conf(self) -> Path:
        return self.root / "client.conf"

    def create_keys(self) -> Path:
        """A fresh key pair per session (mitmproxy would make one with the default umask)."""
        from mitmproxy_rs import wireguard  # mitmproxy's own key generation

        self.root.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        keys = {"server_key": wireguard.genkey(), "client_key": wireguard.genkey()}
        return write_atomic(self.keys, json.dumps(keys, indent=4).encode())


@dataclass(frozen=True)
class WireGuardListen:
    """Where mitmdump's WireGuard server listens and what address the device dials."""

    host: str = "127.0.0.1"
    port: int = 0  # 0: a free UDP port
    endpoint_host: str | None = None  # default: ``host``

    def endpoint(self, port: int) -> str:
        host = self.endpoint_host or self.host
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def free_udp_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def udp_in_use(host: str, port: int) -> bool:
    """Whether something is bound to UDP ``host:port`` (mitmdump's server, once it runs)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def mode_spec(keys: Path, host: str, port: int) -> str:
    """mitmproxy's ``--mode`` value; the key file may contain ``:`` or ``@`` (mitmproxy splits at the last ``@``)."""
    listen = f"[{host}]" if ":" in host else host
    return f"wireguard:{keys}@{listen}:{port}"


def check_listen_host(host: str) -> str:
    try:
        ipaddress.ip_address(host)
    except ValueError as e:
        raise SetupError(f"--wireguard-host {host!r} is not an IP address of this host") from e
    return host


def parse_client_conf(text: str) -> dict[str, dict[str, str]]:
    """``{"Interface": {...}, "Peer": {...}}`` of a WireGuard configuration (wg-quick's INI subset)."""
    out: dict[str, dict[str, str]] = {}
    section: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = out.setdefault(line[1:-1], {})
        elif section is not None and "=" in line:
            key, _, value = line.partition("=")
            section[key.strip()] = value.strip()
    return out
