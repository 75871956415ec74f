"""Split APKs as app markets ship them: ``.apks`` (bundletool, SAI), ``.xapk`` (APKPure: the APKs beside a
``manifest.json``), or a folder of ``.apk`` files; a plain ``.apk`` is a bundle of one.

The ``.apk`` members are extracted under names dynscan makes (never the archive's paths), the base is the
one whose manifest has no ``split`` attribute, and of the ABI splits (``config.arm64_v8a`` ...) only the
one for the device's preferred ABI is kept, as ``bundletool install-apks`` selects; density and language
splits all go in. :meth:`dynscan.device.android.adb.AdbClient.install` installs them as one package.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dynscan.device.android.apk import Manifest, read_manifest
from dynscan.errors import InputError, SetupError

ABI_SPLITS = {"armeabi", "armeabi_v7a", "arm64_v8a", "x86", "x86_64", "mips", "mips64"}
MAX_MEMBER = 2 << 30  # 2 GiB: no app ships a larger APK


@dataclass
class Bundle:
    base: Path
    manifest: Manifest
    splits: list[tuple[Path, str]] = field(default_factory=list)  # (file, split name)

    def for_abis(self, abilist: list[str]) -> list[Path]:
        """Base first, then every split but the ABI splits of ABIs the device prefers less or cannot run."""
        abi_splits = {name.removeprefix("config."): p for p, name in self.splits
                      if name.removeprefix("config.") in ABI_SPLITS}
        keep_abi = next((a.replace("-", "_") for a in abilist if a.replace("-", "_") in abi_splits), None)
        if abi_splits and keep_abi is None:
            raise SetupError(f"{self.manifest.package} ships native code for {', '.join(sorted(abi_splits))} only; "
                             f"the device runs {', '.join(abilist) or 'an unknown ABI'}")
        rest = [p for p, name in self.splits if name.removeprefix("config.") not in ABI_SPLITS]
        return [self.base, *rest, *([abi_splits[keep_abi]] if keep_abi else [])]


def is_bundle(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() in (".apks", ".xapk", ".apkm")


def _extract(archive: Path, into: Path) -> list[Path]:
    try:
        with zipfile.ZipFile(archive) as z:
            members = [i for i in z.infolist() if i.filename.lower().endswith(".apk") and not i.is_dir()]
            out: list[Path] = []
            for n, info in enumerate(members):
                if info.file_size > MAX_MEMBER:
                    raise InputError(f"{archive}: {info.filename!r} is larger than 2 GiB")
                stem = re.sub(r"[^A-Za-z0-9._-]", "_", Path(info.filename).stem)[:80]
                target = into / f"{n:03d}-{stem}.apk"
                with z.open(info) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
                out.append(target)
            return out
    except (zipfile.BadZipFile, OSError, NotImplementedError) as e:
        raise InputError(f"{archive}: not a split-APK bundle (.apks/.xapk zip): {e}") from e


@contextlib.contextmanager
def open_bundle(path: Path) -> Iterator[Bundle]:
    """The base and splits of ``path``; extracted files live until the ``with`` ends."""
    if not path.exists():
        raise InputError(f"{path}: no such APK, bundle or folder")
    if not is_bundle(path):
        yield Bundle(path, read_manifest(path))
        return
    with tempfile.TemporaryDirectory(prefix="dynscan-bundle-") as tmp:
        apks = sorted(path.glob("*.apk")) if path.is_dir() else _extract(path, Path(tmp))
        manifests = [(p, read_manifest(p)) for p in apks]
        bases = [(p, m) for p, m in manifests if m.split is None]
        if len(bases) != 1:
            found = ", ".join(p.name for p, _ in bases) or "none"
            raise InputError(f"{path}: a bundle needs exactly one base APK (no split attribute); found {found}")
        base, manifest = bases[0]
        others = [(p, m) for p, m in manifests if m.split is not None]
        wrong = [p.name for p, m in others if m.package != manifest.package]
        if wrong:
            raise InputError(f"{path}: {', '.join(wrong)} belong to another package than {manifest.package}")
        yield Bundle(base, manifest, [(p, str(m.split)) for p, m in others])
