"""Fake frida-server executables: an ELF header for an ABI and a version the scripted phone reads back."""

from __future__ import annotations

import lzma
from pathlib import Path

#: ABI -> (ELF class, e_machine)
ELF = {"arm64-v8a": (2, 183), "armeabi-v7a": (1, 40), "x86_64": (2, 62), "x86": (1, 3)}


def fake_frida_server(version: str, abi: str = "arm64-v8a", *, crashes: bool = False) -> bytes:
    klass, machine = ELF[abi]
    header = b"\x7fELF" + bytes([klass, 1, 1]) + bytes(9) + (2).to_bytes(2, "little") + machine.to_bytes(2, "little")
    return header + bytes(44) + b"frida-server-version:" + version.encode() + b"\0" + (b"crashes" if crashes else b"")


def put_in_cache(cache: Path, version: str, abi: str = "arm64-v8a", *, xz: bool = False, **kw: bool) -> Path:
    d = cache / "dynscan" / "frida-server" / version / abi
    d.mkdir(parents=True, exist_ok=True)
    arch = {"arm64-v8a": "arm64", "armeabi-v7a": "arm", "x86_64": "x86_64", "x86": "x86"}[abi]
    data = fake_frida_server(version, abi, **kw)
    if xz:
        path = d / f"frida-server-{version}-android-{arch}.xz"
        path.write_bytes(lzma.compress(data))
    else:
        path = d / "frida-server"
        path.write_bytes(data)
    return path
