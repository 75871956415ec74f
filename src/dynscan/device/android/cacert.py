"""The proxy CA on Android: its file name (``<subject_hash_old>.0``, OpenSSL's MD5-based subject hash), its
fingerprint, and the device-side script that puts it in the system store.

Every mitmproxy CA has the same subject, so the same file name: a CA counts as installed only when the file
under that name has our SHA-256 fingerprint (pulled and compared, as httptoolkit-server's
``hasCertInstalled`` does; a different CA under the name is replaced for the session). The store is a tmpfs
over ``/system/etc/security/cacerts`` holding the store's certificates plus ours, owned ``root:root``,
``644``, and labelled ``system_file`` -- the directory as well as the files, and a failed ``chcon`` fails
the install instead of leaving an unreadable store (httptoolkit-server ``injectSystemCertificate``).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from dynscan.device.android.shell import DeviceShell
from dynscan.errors import InputError, SetupError

SYSTEM_CACERTS = "/system/etc/security/cacerts"
USER_CACERTS = "/data/misc/user/0/cacerts-added"
APEX_CACERTS = "/apex/com.android.conscrypt/cacerts"
STAGING = "/data/local/tmp/dynscan-cacerts"
LABEL = "u:object_r:system_file:s0"
DONE = "dynscan-ca-installed"
_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)
CaState = Literal["ours", "other", "absent"]


def dynscan_ca() -> Path:
    """The CA ``dynscan run`` makes its proxy use: ``$DYNSCAN_CACHE_DIR/mitmproxy/mitmproxy-ca-cert.pem``
    (default ``~/.cache/dynscan``; the same confdir as :func:`dynscan.capture.proxy.default_confdir`)."""
    base = Path(os.environ.get("DYNSCAN_CACHE_DIR", Path.home() / ".cache" / "dynscan"))
    return base / "mitmproxy" / "mitmproxy-ca-cert.pem"


def fingerprint(data: bytes) -> str | None:
    """SHA-256 of the first certificate in ``data`` (PEM, as Android's store files hold it, or DER)."""
    m = _PEM.search(data)
    try:
        cert = x509.load_pem_x509_certificate(m.group(0)) if m else x509.load_der_x509_certificate(data)
    except ValueError:
        return None
    return cert.fingerprint(hashes.SHA256()).hex()


def compare(pem: bytes, found: bytes | None) -> CaState:
    if found is None:
        return "absent"
    return "ours" if fingerprint(found) == fingerprint(pem) else "other"


def load_pem(path: Path) -> bytes:
    """The PEM bytes of the first certificate in ``path``; :class:`InputError` if unreadable."""
    try:
        data = path.read_bytes()
        x509.load_pem_x509_certificate(data)
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: not a readable PEM certificate: {e}") from e
    return data


def subject_hash_old(pem: bytes) -> str:
    """``openssl x509 -subject_hash_old``: the first 4 bytes of MD5(DER subject), little-endian, as 8 hex digits."""
    cert = x509.load_pem_x509_certificate(pem)
    digest = hashlib.md5(cert.subject.public_bytes(), usedforsecurity=False).digest()
    return f"{int.from_bytes(digest[:4], 'little'):08x}"


def cert_file_name(pem: bytes) -> str:
    return f"{subject_hash_old(pem)}.0"


def candidate_paths(pem: bytes) -> list[str]:
    """Where an installed copy of the CA would be: system store, user store, Android 14+ APEX store."""
    name = cert_file_name(pem)
    return [f"{d}/{name}" for d in (SYSTEM_CACERTS, USER_CACERTS, APEX_CACERTS)]


def pushed_path(name: str) -> str:
    """Where the CA file ``name`` is pushed before it goes into the store."""
    return f"/data/local/tmp/dynscan-{name}"


def overlay_script(source: str, name: str) -> str:
    """``sh`` script (as root) mounting a tmpfs over :data:`SYSTEM_CACERTS` that holds every
    certificate of ``source`` (the store as it was: the system one, or on Android 14+ the APEX's)
    plus the pushed CA as ``name`` (replacing a different CA of that name), owned and labelled like
    the system's own files; ``set -e``: any failed step, ``chcon`` included, fails the script."""
    d = SYSTEM_CACERTS
    return (f"set -e; rm -rf {STAGING}; mkdir -p {STAGING}; cp {source}/* {STAGING}/; mount -t tmpfs tmpfs {d}; "
            f"cp {STAGING}/* {d}/; cp {pushed_path(name)} {d}/{name}; chown root:root {d}/*; chmod 644 {d}/*; "
            f"chcon {LABEL} {d}; chcon {LABEL} {d}/*; rm -rf {STAGING}")


def _pull(shell: DeviceShell, path: str) -> bytes | None:
    try:
        return shell.client.pull(shell.serial, path)
    except SetupError:
        return None


def installed(shell: DeviceShell, pem: bytes, apex: bool) -> CaState:
    """The file under our CA's name compared with ``pem``: in the system store and, on Android 14+
    (``apex``), in the Conscrypt APEX's store too; ``ours`` only when every one matches."""
    name = cert_file_name(pem)
    states = [compare(pem, _pull(shell, f"{SYSTEM_CACERTS}/{name}"))]
    if apex:
        states.append(compare(pem, _pull(shell, f"{APEX_CACERTS}/{name}")))
    if all(s == "ours" for s in states):
        return "ours"
    return "other" if "other" in states else "absent"
