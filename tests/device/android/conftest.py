from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from dynscan.device.android import AdbClient

from .adb_server import FakePhone, ScriptedAdbServer


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("ANDROID_ADB_SERVER_PORT", raising=False)
    return cache


@pytest.fixture
def phone() -> FakePhone:
    return FakePhone()


@pytest.fixture
def server(phone: FakePhone) -> Iterator[ScriptedAdbServer]:
    with ScriptedAdbServer(phone) as s:
        yield s


@pytest.fixture
def client(server: ScriptedAdbServer) -> AdbClient:
    return AdbClient("127.0.0.1", server.port, timeout_s=5)


def make_ca(path: Path) -> Path:
    """A CA certificate shaped like mitmproxy's (CN=mitmproxy, O=mitmproxy): every one has the same file
    name on Android (c8750f0d.0) and its own fingerprint."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mitmproxy"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "mitmproxy")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture
def ca_pem(tmp_path: Path) -> Path:
    return make_ca(tmp_path / "mitmproxy-ca-cert.pem")
