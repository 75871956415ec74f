"""Route an app JVM's http and https through a proxy that it trusts (a JKS trust store with its CA)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from dynscan.device.sim.framework import tool
from dynscan.errors import InputError, SetupError

STORE_PASSWORD = "dynscan"


@dataclass(frozen=True)
class ProxyConfig:
    host: str
    port: int
    trust_store: Path

    def jvm_options(self) -> list[str]:
        return [
            f"-Dhttp.proxyHost={self.host}",
            f"-Dhttp.proxyPort={self.port}",
            f"-Dhttps.proxyHost={self.host}",
            f"-Dhttps.proxyPort={self.port}",
            "-Dhttp.nonProxyHosts=",
            f"-Djavax.net.ssl.trustStore={self.trust_store}",
            f"-Djavax.net.ssl.trustStorePassword={STORE_PASSWORD}",
            "-Djavax.net.ssl.trustStoreType=JKS",
        ]


def make_proxy(host: str, port: int, ca_pem: Path, store_dir: Path) -> ProxyConfig:
    """Build a trust store holding ``ca_pem`` in ``store_dir``."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise InputError(f"proxy host {host!r}: the virtual device only uses a loopback proxy")
    if not 0 < port < 65536:
        raise InputError(f"proxy port {port}: out of range")
    if not ca_pem.is_file():
        raise InputError(f"{ca_pem}: proxy CA certificate not found")
    store_dir.mkdir(parents=True, exist_ok=True)
    store = store_dir / "truststore.jks"
    store.unlink(missing_ok=True)
    args = [tool("keytool"), "-importcert", "-noprompt", "-alias", "dynscan-proxy-ca", "-file", str(ca_pem)]
    args += ["-keystore", str(store), "-storepass", STORE_PASSWORD, "-storetype", "JKS"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        first = (done.stdout + done.stderr).strip().splitlines()
        msg = first[0] if first else "keytool failed"
        if "Input not an X.509 certificate" in done.stdout + done.stderr:
            raise InputError(f"{ca_pem}: not an X.509 certificate")
        raise SetupError(f"cannot build the proxy trust store: {msg}")
    return ProxyConfig(host, port, store)
