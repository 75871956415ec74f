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


def encode(root: Node, utf8: bool = True, junk: bool = False) -> bytes:
    """``junk``: an unknown chunk between the elements, as packers add (Android's parser skips it)."""
    strings: list[str] = []
    resource_ids: list[int] = []

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
        if junk:
            chunks.append(struct.pack("<HHI", 0x0777, 8, 24) + b"\xde\xad\xbe\xef" * 4)
        for c in children:
            walk(c)
        chunks.append(struct.pack("<HHIIIII", 0x0103, 16, 24, 1, 0xFFFFFFFF, 0xFFFFFFFF, idx(tag)))

    walk(root)
    pool = _pool(strings, utf8)
    ids = struct.pack(f"<{len(resource_ids)}I", *resource_ids)
    res_map = struct.pack("<HHI", 0x0180, 8, 8 + len(ids)) + ids  # aapt2 always writes one after the pool
    rest = pool + res_map + b"".join(chunks)
    return struct.pack("<HHI", 0x0003, 8, 8 + len(rest)) + rest


def manifest(package: str, activity: str = ".MainActivity", perms: tuple[str, ...] = (),
             split: str | None = None, label: str = "Demo") -> Node:
    if split:  # a config split: no code, no components
        return ("manifest", {"package": package, "split": split}, [("application", {"android:hasCode": "false"}, [])])
    launcher: Node = ("intent-filter", {}, [
        ("action", {"android:name": "android.intent.action.MAIN"}, []),
        ("category", {"android:name": "android.intent.category.LAUNCHER"}, []),
    ])
    return ("manifest", {"package": package, "android:versionName": "1.2"}, [
        *[("uses-permission", {"android:name": p}, []) for p in perms],
        ("application", {"android:label": label}, [
            ("activity", {"android:name": ".Settings"}, []),
            ("activity", {"android:name": activity}, [launcher]),
        ]),
    ])


def make_apk(path: Path, package: str = "com.example.demo", utf8: bool = True, *, junk: bool = False,
             odd_method: bool = False, resources: bytes | None = None, **kw: object) -> Path:
    """``odd_method``: the manifest's zip entries claim an unknown compression method while the bytes are
    stored, a packer trick Android's installer ignores and Python's zipfile refuses."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("AndroidManifest.xml", encode(manifest(package, **kw), utf8, junk))  # type: ignore[arg-type]
        z.writestr("classes.dex", b"dex\n035\0" + b"\0" * 100)
        if resources is not None:
            z.writestr("resources.arsc", resources)
    if odd_method:
        data = bytearray(path.read_bytes())
        for sig, at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # local header, central directory entry
            i = data.find(sig)
            while i != -1:
                name_at = i + (30 if sig == b"PK\x03\x04" else 46)
                if data[name_at:name_at + 19] == b"AndroidManifest.xml":
                    data[i + at:i + at + 2] = (0x1234).to_bytes(2, "little")
                i = data.find(sig, i + 4)
        path.write_bytes(bytes(data))
    return path


def arsc(app_name: str, res_id: int = 0x7F010000) -> bytes:
    """A resources.arsc holding one string resource (``string/app_name`` = ``app_name``) with id ``res_id``.
    Layout: AOSP ``ResourceTypes.h`` (ResTable_header, ResTable_package, ResTable_typeSpec, ResTable_type)."""
    def chunk(kind: int, header: bytes, body: bytes) -> bytes:
        return struct.pack("<HHI", kind, 8 + len(header), 8 + len(header) + len(body)) + header + body

    values = _pool([app_name], utf8=True)
    types, keys = _pool(["string"], utf8=False), _pool(["app_name"], utf8=False)
    spec = chunk(0x0202, struct.pack("<BBHI", 1, 0, 0, 1), struct.pack("<I", 0))
    config = struct.pack("<I", 64) + bytes(60)
    entry = struct.pack("<HHI", 8, 0, 0) + struct.pack("<HBBI", 8, 0, 0x03, 0)
    type_header = struct.pack("<BBHII", 1, 0, 0, 1, 8 + 12 + len(config) + 4) + config
    typ = chunk(0x0201, type_header, struct.pack("<I", 0) + entry)
    name = "com.example".encode("utf-16-le").ljust(256, b"\0")
    pkg_header_len = 288
    pkg_header = struct.pack("<I", res_id >> 24) + name + struct.pack(
        "<IIIII", pkg_header_len, 0, pkg_header_len + len(types), 0, 0)
    package = chunk(0x0200, pkg_header, types + keys + spec + typ)
    return chunk(0x0002, struct.pack("<I", 1), values + package)
