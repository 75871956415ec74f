"""A minimal reader of Android binary XML (the compiled ``AndroidManifest.xml`` inside an APK).

Reads the string pool and the start/end element chunks; enough to find the package, the permissions and the
launcher activity. Layout from AOSP ``frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from dynscan.errors import InputError

XML, STRING_POOL, RESOURCE_MAP = 0x0003, 0x0001, 0x0180
START_ELEMENT, END_ELEMENT = 0x0102, 0x0103
UTF8_FLAG = 0x100
TYPE_STRING, TYPE_INT_DEC, TYPE_INT_HEX, TYPE_BOOLEAN = 0x03, 0x10, 0x11, 0x12
#: android:name / versionCode / versionName, for manifests whose attribute names are stripped
ATTR_IDS = {0x01010003: "name", 0x0101021B: "versionCode", 0x0101021C: "versionName"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)

    def iter(self, tag: str) -> list[Element]:
        found = [self] if self.tag == tag else []
        for c in self.children:
            found += c.iter(tag)
        return found


def _strings(data: bytes, off: int) -> list[str]:
    _t, hsize, _size, count, _styles, flags, start, _sstart = struct.unpack_from("<HHIIIIII", data, off)
    offsets = struct.unpack_from(f"<{count}I", data, off + hsize)
    base = off + start
    out: list[str] = []
    for o in offsets:
        p = base + o
        if flags & UTF8_FLAG:
            p += 2 if data[p] & 0x80 else 1  # length in UTF-16 units
            n = data[p]
            if n & 0x80:
                n, p = ((n & 0x7F) << 8) | data[p + 1], p + 2
            else:
                p += 1
            out.append(data[p : p + n].decode("utf-8", "replace"))
        else:
            (n,) = struct.unpack_from("<H", data, p)
            if n & 0x8000:
                n, p = ((n & 0x7FFF) << 16) | struct.unpack_from("<H", data, p + 2)[0], p + 4
            else:
                p += 2
            out.append(data[p : p + 2 * n].decode("utf-16-le", "replace"))
    return out


def parse_axml(data: bytes) -> Element:
    """The document's root element; raises :class:`InputError` if ``data`` is not binary XML."""
    try:
        return _parse(data)
    except (struct.error, IndexError, ValueError) as e:
        raise InputError(f"AndroidManifest.xml is not valid binary XML: {e}") from e


def _parse(data: bytes) -> Element:
    kind, hsize, total = struct.unpack_from("<HHI", data, 0)
    if kind != XML:
        raise ValueError(f"chunk type {kind:#x} is not an XML document")
    strings: list[str] = []
    res_ids: list[int] = []
    stack: list[Element] = [Element("#document", {})]
    off = hsize
    while off < min(total, len(data)):
        ctype, chsize, csize = struct.unpack_from("<HHI", data, off)
        if csize < 8:
            raise ValueError(f"chunk of size {csize} at {off}")
        if ctype == STRING_POOL:
            strings = _strings(data, off)
        elif ctype == RESOURCE_MAP:
            res_ids = list(struct.unpack_from(f"<{(csize - chsize) // 4}I", data, off + chsize))
        elif ctype == START_ELEMENT:
            el = _element(data, off + chsize, strings, res_ids)
            stack[-1].children.append(el)
            stack.append(el)
        elif ctype == END_ELEMENT and len(stack) > 1:
            stack.pop()
        off += csize
    if not stack[0].children:
        raise ValueError("no element")
    return stack[0].children[0]


def _element(data: bytes, p: int, strings: list[str], res_ids: list[int]) -> Element:
    _ns, name, astart, asize, count = struct.unpack_from("<IIHHH", data, p)
    attrs: dict[str, str] = {}
    for i in range(count):
        _ans, aname, raw, _vsize, _res0, vtype, vdata = struct.unpack_from("<IIIHBBI", data, p + astart + i * asize)
        key = strings[aname] if aname < len(strings) else ""
        if not key and aname < len(res_ids):
            key = ATTR_IDS.get(res_ids[aname], "")
        if raw != 0xFFFFFFFF and raw < len(strings):
            value = strings[raw]
        elif vtype == TYPE_STRING and vdata < len(strings):
            value = strings[vdata]
        elif vtype == TYPE_BOOLEAN:
            value = "true" if vdata else "false"
        elif vtype == TYPE_INT_DEC:
            value = str(vdata)
        else:
            value = f"{vdata:#x}"
        attrs[key] = value
    return Element(strings[name], attrs)
