"""Fetch a privacy policy given as an ``https`` URL (``--policy URL``), once, as hostile content.

urllib3 does the HTTP (no hand-written client). One GET with a connect and read timeout and an overall
deadline; the body is read in chunks and refused beyond :data:`MAX_BYTES`; redirects are not followed
by urllib3 but here, at most :data:`MAX_REDIRECTS`, each hop checked to stay ``https``; certificates are
verified against the system's trust store (OpenSSL's defaults, so ``SSL_CERT_FILE`` names another
bundle: how the tests trust their local TLS server — there is no plain-http allowance). What comes back
is only handed to the HTML / PDF / text readers of :mod:`dynscan.policy.load`; the source's name in
reports is the URL, cut to :data:`NAME_MAX` characters. Every failure is one :class:`InputError` line.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error

from dynscan.errors import InputError
from dynscan.util.termsafe import safe

MiB = 1024 * 1024
MAX_BYTES = 20 * MiB
MAX_REDIRECTS = 5
TIMEOUT_S = 30.0
NAME_MAX = 200
_CHUNK = 64 * 1024


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(ref: str) -> bool:
    """Whether a ``--policy`` value is a URL (any scheme: only ``https`` is then fetched)."""
    return _URL.match(ref) is not None


def fetch_policy(url: str, *, timeout_s: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """The body of ``url`` and its media type (``text/html`` ..., empty when none was given)."""
    shown = safe(url[:NAME_MAX])
    deadline = time.monotonic() + timeout_s
    pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", retries=False,
                               timeout=urllib3.Timeout(connect=min(10.0, timeout_s), read=timeout_s))
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            _check_https(current, shown, redirected=current is not url)
            resp = pool.request("GET", current, redirect=False, preload_content=False, decode_content=True,
                                headers={"Accept": "text/html, application/pdf, text/plain;q=0.9, */*;q=0.1",
                                         "User-Agent": "dynscan-policy-fetch"})
            try:
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.headers.get("Location")
                    if not location:
                        raise InputError(f"cannot fetch policy {shown}: a redirect without a Location")
                    current = urljoin(current, location)
                    continue
                if resp.status != 200:
                    raise InputError(f"cannot fetch policy {shown}: HTTP {resp.status}")
                length = resp.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise InputError(f"policy {shown} is larger than {max_bytes // MiB} MB")
                body = bytearray()
                while chunk := resp.read1(_CHUNK):  # one socket read each: a slow drip meets the deadline
                    body += chunk
                    if len(body) > max_bytes:
                        raise InputError(f"policy {shown} is larger than {max_bytes // MiB} MB")
                    if time.monotonic() > deadline:
                        raise InputError(f"cannot fetch policy {shown}: no complete answer within {timeout_s:g} s")
                media = resp.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
                return bytes(body), media
            finally:
                resp.release_conn()
        raise InputError(f"cannot fetch policy {shown}: more than {MAX_REDIRECTS} redirects")
    except Urllib3Error as e:
        raise InputError(f"cannot fetch policy {shown}: {safe(_reason(e))}") from e
    finally:
        pool.clear()


def _check_https(url: str, shown: str, *, redirected: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        where = f" redirects to {safe(url[:NAME_MAX])}:" if redirected else ":"
        raise InputError(f"policy URL {shown}{where} only https URLs are fetched")


def _reason(e: Exception) -> str:
    """The innermost cause of a urllib3 error, on one line."""
    reason = getattr(e, "reason", None)
    text = str(reason if reason is not None else e)
    return " ".join(text.split())[:300]
