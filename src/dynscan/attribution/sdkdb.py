"""Attribute stack frames and hostnames to known SDKs (see ``data/SDK-SIGNATURES.md``, "Matching").

Frames: ``pkg.Class.method(File.java:N)``; ``$`` counts as ``.``; the **longest** code prefix over
SDKs and libraries decides. Hostnames: label-boundary suffix match, longest suffix wins. Both
lookups walk the dotted components through a dict and are memoised, so the cost per event does not
depend on the number of SDKs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from dynscan.attribution.signatures import (
    LibraryInfo,
    SdkInfo,
    SignatureFile,
    builtin_signatures,
    merge,
    read_signatures,
)

#: Framework and runtime code that is never an actor (on top of the file's ``libraries``).
FRAMEWORK_PREFIXES: tuple[str, ...] = (
    "java.", "javax.", "android.", "androidx.", "kotlin.", "kotlinx.", "dalvik.", "libcore.",
    "com.android.", "sun.", "jdk.",
)

_SKIP = 0  # framework or general library: look at the next frame
_SDK = 1  # a known SDK: value is the actor ``sdk:<id>``
_OTHER = 2  # app or third-party code: value is the class name, extra is ``lib:<prefix>``

_MEMO_LIMIT = 200_000

FrameClass = tuple[int, str, str]


class SdkDb:
    """Known SDKs, by code prefix and by domain."""

    def __init__(self, sdks: dict[str, SdkInfo], libraries: Sequence[LibraryInfo]) -> None:
        self._sdks = sdks
        prefixes: dict[str, str | None] = dict.fromkeys(FRAMEWORK_PREFIXES)
        for lib in libraries:
            for p in lib.code_prefixes:
                prefixes[_norm_prefix(p)] = None
        domains: dict[str, str] = {}
        for s in sdks.values():  # in merge order: later (user) entries overwrite earlier ones
            for p in s.code_prefixes:
                prefixes[_norm_prefix(p)] = s.id
            for d in s.domains:
                domains[d.lower().strip(".")] = s.id
        self._prefixes = prefixes
        self._domains = domains
        self._frames: dict[str, FrameClass] = {}
        self._hosts: dict[str, str | None] = {}

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> SdkDb:
        """The shipped signatures merged with ``extra`` files (user entries win); cached per process."""
        return _load_cached(tuple(Path(p) for p in extra))

    @classmethod
    def from_files(cls, files: Sequence[SignatureFile]) -> SdkDb:
        sdks, libraries = merge(files)
        return cls(sdks, libraries)

    def __len__(self) -> int:
        return len(self._sdks)

    def sdk(self, sdk_id: str) -> SdkInfo | None:
        return self._sdks.get(sdk_id)

    def sdk_for_host(self, host: str) -> str | None:
        """The SDK id whose listed domain is the longest label-boundary suffix of ``host``."""
        hit = self._hosts.get(host, _MISSING)
        if hit is not _MISSING:
            return hit
        h = host.lower().rstrip(".")
        if h.startswith("[") or h.count(":") > 1:  # IPv6 literal
            found = None
        else:
            h = h.rsplit(":", 1)[0] if ":" in h else h
            found = self._domains.get(h)
            i = h.find(".")
            while found is None and i >= 0:
                found = self._domains.get(h[i + 1:])
                i = h.find(".", i + 1)
        if len(self._hosts) > _MEMO_LIMIT:
            self._hosts.clear()
        self._hosts[host] = found
        return found

    def classify_frame(self, frame: str) -> FrameClass:
        """Classify one frame: skip (library), a known SDK, or other code; memoised."""
        c = self._frames.get(frame)
        if c is None:
            c = self._classify(frame)
            if len(self._frames) > _MEMO_LIMIT:
                self._frames.clear()
            self._frames[frame] = c
        return c

    def _classify(self, frame: str) -> FrameClass:
        name = frame.split("(", 1)[0].strip()
        if name.startswith("at "):
            name = name[3:].lstrip()
        if "/" in name:  # JDK 9+ StackTraceElement: ``java.base/java.lang.Thread.run``, ``app//a.B.c``
            name = name.rsplit("/", 1)[1]
        dotted = name.replace("$", ".")
        best: str | None = None
        matched = False
        prefixes = self._prefixes
        i = dotted.find(".")
        while i >= 0:
            p = dotted[: i + 1]
            if p in prefixes:
                best = prefixes[p]
                matched = True
            i = dotted.find(".", i + 1)
        if matched:
            return (_SKIP, "", "") if best is None else (_SDK, f"sdk:{best}", "")
        cls_name = name.rsplit(".", 1)[0] if "." in name else ""
        package = cls_name.rsplit(".", 1)[0] if "." in cls_name else ""
        lib = "lib:" + ".".join(package.split(".")[:3]) if package else "unknown"
        return (_OTHER, cls_name, lib)

    def attribute(self, stack: Sequence[str] | None, package: str | None) -> str:
        """The CONTRACTS actor of a call: ``sdk:<id>``, ``app``, ``lib:<prefix>`` or ``unknown``."""
        if not stack:
            return "unknown"
        frames = self._frames
        for frame in stack:
            c = frames.get(frame)
            if c is None:
                c = self.classify_frame(frame)
            kind = c[0]
            if kind == _SKIP:
                continue
            if kind == _SDK:
                return c[1]
            if package and (c[1] == package or c[1].startswith(package + ".")):
                return "app"
            return c[2]
        return "unknown"


_MISSING: str | None = "\0missing"


def _norm_prefix(p: str) -> str:
    p = p.replace("$", ".")
    return p if p.endswith(".") else p + "."


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[Path, ...]) -> SdkDb:
    files = [builtin_signatures()] + [read_signatures(p) for p in extra]
    return SdkDb.from_files(files)


def attribute(stack: Sequence[str] | None, package: str | None, db: SdkDb | None = None) -> str:
    """Attribute a call with the shipped signatures (or ``db``); see :meth:`SdkDb.attribute`."""
    return (db or SdkDb.load()).attribute(stack, package)
