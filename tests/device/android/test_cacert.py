"""The proxy CA's name, fingerprint and location."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from dynscan.device.android import cacert

from .conftest import make_ca


def test_fingerprint_reads_pem_with_text_and_der(ca_pem: Path) -> None:
    pem = ca_pem.read_bytes()
    der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    fp = cacert.fingerprint(pem)
    assert fp and len(fp) == 64
    assert cacert.fingerprint(b"Certificate:\n    Data: ...\n" + pem + b"\nSHA1 Fingerprint=...\n") == fp
    assert cacert.fingerprint(der) == fp
    assert cacert.fingerprint(b"garbage") is None


def test_same_name_different_ca(ca_pem: Path, tmp_path: Path) -> None:
    other = make_ca(tmp_path / "other.pem").read_bytes()
    pem = ca_pem.read_bytes()
    assert cacert.cert_file_name(other) == cacert.cert_file_name(pem) == "c8750f0d.0"
    assert (cacert.compare(pem, pem), cacert.compare(pem, other), cacert.compare(pem, None)) == (
        "ours", "other", "absent")


def test_dynscan_ca_is_the_proxy_confdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dynscan.capture.proxy import default_confdir

    for env in (None, str(tmp_path / "cache")):
        if env is None:
            monkeypatch.delenv("DYNSCAN_CACHE_DIR", raising=False)
        else:
            monkeypatch.setenv("DYNSCAN_CACHE_DIR", env)
        assert cacert.dynscan_ca() == default_confdir() / "mitmproxy-ca-cert.pem"
