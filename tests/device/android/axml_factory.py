"""Build Android binary XML (AXML) and APKs for tests: the inverse of ``dynscan.device.android.axml``."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

ANDROID_NS = "http://schemas.android.com/apk/res/android"
Node = tuple[str, dict[str, str], list["Node"]]


def _pool(strings: list[str], utf8: bool) -> bytes:
    offsets, body = [], b""
    for s in strings:
        offsets.append(len(body))
        if utf8:
            raw = s.encode()
            body += bytes([len(s), len(raw)]) + raw + b"\0"
        else:
            body += struct.pack("<H", len(s)) + s.encode("utf-16-le") + b"\0\0"
    body += b"\0" * (-len(body) % 4)
    header = 28
    start = header + 4 * len(strings)
    size = start + len(body)
    return (struct.pack("<HHIIIIII", 0x0001, header, size, len(strings), 0, 0x100 if utf8 else 0, start, 0)
            + struct.pack(f"<{len(strings)}I", *offsets) + body)


def encode(root: Node, utf8: bool = True) -> bytes:
    strings: list[str] = []

    def idx(s: str) -> int:
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    chunks: list[bytes] = []

    def walk(node: Node) -> None:
        tag, attrs, children = node
        body = b""
        for k, v in attrs.items():
            ns = idx(ANDROID_NS) if k.startswith("android:") else 0xFFFFFFFF
            name = idx(k.split(":", 1)[-1])
            body += struct.pack("<IIIHBBI", ns, name, idx(v), 8, 0, 0x03, idx(v))
        ext = struct.pack("<IIHHHHHH", 0xFFFFFFFF, idx(tag), 20, 20, len(attrs), 0, 0, 0)
        chunks.append(struct.pack("<HHIII", 0x0102, 16, 16 + len(ext) + len(body), 1, 0xFFFFFFFF) + ext + body)
        for c in children:
            walk(c)
        chunks.append(struct.pack("<HHIIIII", 0x0103, 16, 24, 1, 0xFFFFFFFF, 0xFFFFFFFF, idx(tag)))

    walk(root)
    pool = _pool(strings, utf8)
    rest = pool + b"".join(chunks)
    return struct.pack("<HHI", 0x0003, 8, 8 + len(rest)) + rest


def manifest(package: str, activity: str = ".MainActivity", perms: tuple[str, ...] = ()) -> Node:
    launcher: Node = ("intent-filter", {}, [
        ("action", {"android:name": "android.intent.action.MAIN"}, []),
        ("category", {"android:name": "android.intent.category.LAUNCHER"}, []),
    ])
    return ("manifest", {"package": package, "android:versionName": "1.2"}, [
        *[("uses-permission", {"android:name": p}, []) for p in perms],
        ("application", {"android:label": "Demo"}, [
            ("activity", {"android:name": ".Settings"}, []),
            ("activity", {"android:name": activity}, [launcher]),
        ]),
    ])


def make_apk(path: Path, package: str = "com.example.demo", utf8: bool = True, **kw: object) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("AndroidManifest.xml", encode(manifest(package, **kw), utf8))  # type: ignore[arg-type]
        z.writestr("classes.dex", b"dex\n035\0" + b"\0" * 100)
    return path
