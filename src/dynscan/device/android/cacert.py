"""The file name Android gives a system CA: ``<subject_hash_old>.0`` (OpenSSL's MD5-based subject hash)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography import x509

from dynscan.errors import InputError

SYSTEM_CACERTS = "/system/etc/security/cacerts"
USER_CACERTS = "/data/misc/user/0/cacerts-added"
APEX_CACERTS = "/apex/com.android.conscrypt/cacerts"
DEFAULT_MITMPROXY_CA = Path.home() / ".mitmproxy" / "mitmproxy-ca-cert.pem"
STAGING = "/data/local/tmp/dynscan-cacerts"


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
    plus the pushed CA as ``name``, owned and labelled like the system's own files."""
    d = SYSTEM_CACERTS
    return (f"set -e; rm -rf {STAGING}; mkdir -p {STAGING}; cp {source}/* {STAGING}/; mount -t tmpfs tmpfs {d}; "
            f"cp {STAGING}/* {d}/; cp {pushed_path(name)} {d}/{name}; chown root:root {d}/*; chmod 644 {d}/*; "
            f"chcon u:object_r:system_file:s0 {d}/* || true; rm -rf {STAGING}")
