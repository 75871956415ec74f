"""The ``sync:`` service (AOSP ``SYNC.TXT``): ``SEND``/``DATA``/``DONE`` to push, ``RECV`` to pull.

Every message is a four-byte id and a little-endian 32-bit length (or mode/mtime); ``DATA`` chunks carry
at most 64 KiB.
"""

from __future__ import annotations

import struct

from dynscan.device.android.protocol import AdbConnection, AdbError, one_line

MAX_CHUNK = 64 * 1024


def _msg(ident: bytes, value: int) -> bytes:
    return ident + struct.pack("<I", value)


def _read_msg(c: AdbConnection) -> tuple[bytes, int]:
    raw = c.recv_exact(8)
    return raw[:4], struct.unpack("<I", raw[4:])[0]


def send(c: AdbConnection, data: bytes, remote: str, mode: int, mtime: int) -> None:
    """Push ``data`` to ``remote`` with file ``mode``; raises :class:`AdbError` on ``FAIL``."""
    spec = f"{remote},{mode | 0o100000}".encode()
    c.send_raw(_msg(b"SEND", len(spec)) + spec)
    for i in range(0, len(data), MAX_CHUNK):
        chunk = data[i : i + MAX_CHUNK]
        c.send_raw(_msg(b"DATA", len(chunk)) + chunk)
    c.send_raw(_msg(b"DONE", mtime))
    ident, length = _read_msg(c)
    if ident == b"FAIL":
        raise AdbError(f"adb push {remote}: {one_line(c.recv_exact(length).decode('utf-8', 'replace'))}")
    if ident != b"OKAY":
        raise AdbError(f"adb push {remote}: unexpected sync reply {ident!r}")
    c.send_raw(_msg(b"QUIT", 0))


def recv(c: AdbConnection, remote: str) -> bytes:
    """Pull ``remote``; raises :class:`AdbError` when the device answers ``FAIL`` (no such file...)."""
    path = remote.encode()
    c.send_raw(_msg(b"RECV", len(path)) + path)
    out = bytearray()
    while True:
        ident, length = _read_msg(c)
        if ident == b"DATA":
            if length > MAX_CHUNK:
                raise AdbError(f"adb pull {remote}: sync chunk of {length} bytes exceeds 64 KiB")
            out += c.recv_exact(length)
        elif ident == b"DONE":
            c.send_raw(_msg(b"QUIT", 0))
            return bytes(out)
        elif ident == b"FAIL":
            raise AdbError(f"adb pull {remote}: {one_line(c.recv_exact(length).decode('utf-8', 'replace'))}")
        else:
            raise AdbError(f"adb pull {remote}: unexpected sync reply {ident!r}")
