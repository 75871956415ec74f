"""Read a privacy policy from ``policy.json`` (the dialog the driver saw) or a file given with ``--policy``.

HTML through beautifulsoup4 (the standard library's parser: no compiled dependency), PDF through pypdf,
anything else as UTF-8 text. Nothing hand-parsed. A file that cannot be read is a one-line
:class:`~dynscan.errors.InputError`; a damaged ``policy.json`` in a session is treated as absent (the
session's own file, written by the driver, is not the user's input).
"""

from __future__ import annotations

from pathlib import Path

import orjson

from dynscan.errors import InputError
from dynscan.policy.model import Policy, PolicySource
from dynscan.session_dir import POLICY_JSON

MAX_BYTES = 20 * 1024 * 1024
_HTML = (".html", ".htm", ".xhtml")


def read_policy_file(path: Path) -> PolicySource:
    """The text of one policy file (HTML, PDF, or text)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"policy file {path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read policy file {path}: {e.strerror or e}") from e
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        text = _pdf_text(path, data)
    elif suffix in _HTML or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        from bs4 import BeautifulSoup  # imported when needed: most runs read no HTML

        text = BeautifulSoup(data, "html.parser").get_text("\n")
    else:
        text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise InputError(f"policy file {path} has no text (a scanned PDF needs OCR first)")
    return PolicySource(name=path.name, text=text)


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"policy file {path} is not a readable PDF: {e}") from e


def read_session_policy(session: Path) -> PolicySource | None:
    """The privacy dialog's text from the session's ``policy.json``, or None."""
    try:
        doc = orjson.loads((session / POLICY_JSON).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(doc, dict):
        return None
    parts = [doc.get("text"), *list(doc.get("links") or [])]
    text = "\n".join(p for p in parts if isinstance(p, str))
    return PolicySource(name="privacy dialog (policy.json)", text=text) if text.strip() else None


def load_policy(session: Path | None, files: list[Path]) -> Policy | None:
    """Every policy text available: the session's dialog and each ``--policy`` file; None when there is none."""
    sources = [read_policy_file(p) for p in files]
    if session is not None:
        dialog = read_session_policy(session)
        if dialog is not None:
            sources.insert(0, dialog)
    return Policy(tuple(sources)) if sources else None
