"""The SDK signature file format (``data/sdk-signatures.json``) and its loading and merging."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dynscan.errors import InputError


class SdkInfo(BaseModel):
    """One SDK or tracker: the ``sdks`` entries of the signature file."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str = Field(min_length=1)
    name: str
    vendor: str | None = None
    category: str | None = None
    region: str | None = None
    code_prefixes: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    refs: list[str] = Field(default_factory=list)


class LibraryInfo(BaseModel):
    """A general-purpose library (not a tracker): frames under it are skipped by attribution."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str
    code_prefixes: list[str] = Field(default_factory=list)


class SignatureFile(BaseModel):
    """The whole file; user files have the same shape, every top-level key optional."""

    model_config = ConfigDict(extra="allow")

    version: int | None = None
    sdks: list[SdkInfo] = Field(default_factory=list)
    libraries: list[LibraryInfo] = Field(default_factory=list)


def builtin_signatures() -> SignatureFile:
    """The signature file shipped inside the package."""
    text = resources.files("dynscan.data").joinpath("sdk-signatures.json").read_text(encoding="utf-8")
    return SignatureFile.model_validate_json(text)


def read_signatures(path: Path) -> SignatureFile:
    """Read a user signature file; any problem is an :class:`InputError` naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read SDK signature file {path}: {e.strerror or e}") from e
    try:
        data = json.loads(raw)
    except ValueError as e:
        raise InputError(f"SDK signature file {path} is not valid JSON: {e}") from e
    try:
        return SignatureFile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        raise InputError(f"SDK signature file {path}: {loc}: {err['msg']}") from e


def merge(files: Sequence[SignatureFile]) -> tuple[dict[str, SdkInfo], list[LibraryInfo]]:
    """Merge signature files in order: a later SDK with the same ``id`` replaces the earlier one."""
    sdks: dict[str, SdkInfo] = {}
    libraries: list[LibraryInfo] = []
    for f in files:
        for s in f.sdks:
            sdks.pop(s.id, None)  # re-insert so that a user entry also wins prefix conflicts
            sdks[s.id] = s
        libraries.extend(f.libraries)
    return sdks, libraries
