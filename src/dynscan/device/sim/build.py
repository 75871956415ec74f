"""``dynscan sim build``: compile an Android-Studio-style module against the framework into an ``.apk``.

A module may hold plug-ins, ``plugins/<name>/java/**.java``: code the app loads at run time with a
``DexClassLoader``. Each is compiled against the framework and the app, jarred, and shipped as the asset
``assets/<name>.jar`` (``Context.getAssets().open("<name>.jar")``), never on the app's own class path.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from dynscan.device.base import AppInfo
from dynscan.device.sim.apk import MANIFEST, write_apk
from dynscan.device.sim.framework import framework_classes, run_javac, tool
from dynscan.device.sim.manifest import parse_manifest
from dynscan.errors import InputError

_ERROR = re.compile(r"^(?P<file>.+?\.java):(?P<line>\d+): error: (?P<msg>.*)$")
_ERRORS = re.compile(r"^(?P<n>\d+) errors?$", re.M)
_PLUGIN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def build_app(src_dir: Path, out: Path) -> AppInfo:
    """Build ``src_dir`` (``AndroidManifest.xml`` + ``java/**.java``) into ``out``."""
    manifest_path = src_dir / MANIFEST
    if not src_dir.is_dir():
        raise InputError(f"{src_dir}: not a directory")
    if not manifest_path.is_file():
        raise InputError(f"{src_dir}: no {MANIFEST}")
    manifest = manifest_path.read_bytes()
    info = parse_manifest(manifest, str(manifest_path))
    java_files = sorted((src_dir / "java").rglob("*.java"))
    if not java_files:
        raise InputError(f"{src_dir}: no Java sources under java/")
    classes = framework_classes()
    with tempfile.TemporaryDirectory(prefix="dynscan-build-") as tmp:
        outdir = Path(tmp) / "classes"
        _javac(src_dir, java_files, [classes], outdir)
        plugins = src_dir / "plugins"
        for plugin in sorted(plugins.iterdir()) if plugins.is_dir() else []:
            sources = sorted((plugin / "java").rglob("*.java"))
            if not plugin.is_dir() or not _PLUGIN.fullmatch(plugin.name) or not sources:
                raise InputError(f"{plugin}: a plug-in is plugins/<name>/java/**.java (name: letters, digits, _ -)")
            plugin_out = Path(tmp) / "plugins" / plugin.name
            _javac(src_dir, sources, [classes, outdir], plugin_out)
            (outdir / "assets").mkdir(exist_ok=True)
            (outdir / "assets" / f"{plugin.name}.jar").write_bytes(_jar(plugin_out))
        jar = _jar(outdir)
    write_apk(out, manifest, jar)
    return info


def _javac(src_dir: Path, sources: list[Path], classpath: list[Path], outdir: Path) -> None:
    args = [tool("javac"), "-nowarn", "-encoding", "UTF-8", "-proc:none", "-g", "-cp", ":".join(map(str, classpath))]
    args += ["-d", str(outdir), *map(str, sources)]
    try:
        stderr = run_javac(args, timeout=600)
    except subprocess.TimeoutExpired as e:
        raise InputError(f"{src_dir}: javac timed out") from e
    if stderr is not None:
        raise InputError(f"{src_dir}: does not compile: {_first_error(stderr, src_dir)}")


def _first_error(stderr: str, src_dir: Path) -> str:
    """javac's first error in one line: ``file:line: message (symbol: ...; location: ...)``, and how
    many more errors there are."""
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        m = _ERROR.match(line)
        if m:
            path = Path(m["file"])
            with contextlib.suppress(ValueError):
                path = path.relative_to(src_dir)
            details = []
            for follow in lines[i + 1:i + 6]:  # the source line, the caret, then symbol / location
                if _ERROR.match(follow):
                    break
                key, _, value = follow.strip().partition(":")
                if key in ("symbol", "location", "required", "found", "reason") and value.strip():
                    details.append(f"{key}: {' '.join(value.split())}")
            more = _ERRORS.search(stderr)
            extra = int(more["n"]) - 1 if more else 0
            return (f"{path}:{m['line']}: {m['msg']}" + (f" ({'; '.join(details)})" if details else "")
                    + (f" (and {extra} more error{'s' if extra > 1 else ''})" if extra > 0 else ""))
    rest = [ln for ln in lines if ln.strip()]
    return rest[0] if rest else "javac failed"


def _jar(classes: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: dynscan sim build\r\n\r\n")
        for f in sorted(classes.rglob("*")):
            if f.is_file():
                z.write(f, f.relative_to(classes).as_posix())
    return buf.getvalue()
