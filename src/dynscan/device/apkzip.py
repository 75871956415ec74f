"""Opening an APK (a zip) within the size limits: no zip bomb reaches memory.

``zipfile`` reads a member whole and trusts nothing but the sizes the archive declares, so the
entry count and the declared uncompressed total are checked on opening, and every member is read
through a bounded stream that stops at the limit whatever the header says.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from dynscan.errors import InputError
from dynscan.util.limits import APK_BYTES, APK_ENTRIES


def open_apk(apk: Path) -> zipfile.ZipFile:
    """The APK's zip, its entry count and declared uncompressed size checked against the limits."""
    try:
        z = zipfile.ZipFile(apk)
    except (zipfile.BadZipFile, OSError) as e:
        raise InputError(f"{apk}: not an APK (not a readable zip file: {e})") from e
    infos = z.infolist()
    if len(infos) > APK_ENTRIES.value():
        z.close()
        raise APK_ENTRIES.breach(str(apk), f"{len(infos):,} entries")
    total = sum(i.file_size for i in infos)
    if total > APK_BYTES.value():
        z.close()
        raise APK_BYTES.breach(str(apk), f"{total:,} bytes uncompressed")
    return z


def read_member(z: zipfile.ZipFile, name: str, apk: Path) -> bytes:
    """One member, read through a stream that stops at ``DYNSCAN_MAX_APK_BYTES``."""
    top = APK_BYTES.value()
    try:
        with z.open(name) as f:
            data = f.read(top + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        raise InputError(f"{apk}: cannot read {name} in the .apk: {e}") from e
    if len(data) > top:
        raise APK_BYTES.breach(f"{apk}!{name}", f"more than {top:,} bytes uncompressed")
    return data


def check_apk(apk: Path) -> None:
    """Refuse an APK over the limits before anything is installed."""
    open_apk(apk).close()
