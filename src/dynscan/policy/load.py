"""Read a privacy policy from ``policy.json`` (the dialog the driver saw) or a file or https URL given
with ``--policy`` (a URL is fetched by :mod:`dynscan.policy.fetch`, once: :func:`read_policy` returns the
text, which callers pass on rather than the URL).

HTML through beautifulsoup4 (the standard library's parser: no compiled dependency), PDF through pypdf,
anything else as UTF-8 text. Nothing hand-parsed. A file that cannot be read is a one-line
:class:`~dynscan.errors.InputError`; a damaged ``policy.json`` in a session is treated as absent (the
session's own file, written by the driver, is not the user's input).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import orjson

from dynscan.errors import InputError
from dynscan.policy.fetch import NAME_MAX, fetch_policy, is_url
from dynscan.policy.model import Policy, PolicySource
from dynscan.session_dir import POLICY_JSON
from dynscan.util.termsafe import safe

MAX_BYTES = 20 * 1024 * 1024
_HTML = (".html", ".htm", ".xhtml")


#: A ``--policy`` value: a file, an https URL, or a text already read (a URL fetched once).
PolicyRef = Path | str | PolicySource


def read_policy(ref: PolicyRef) -> PolicySource:
    """The text of one ``--policy`` value: a file (HTML, PDF, or text) or an https URL."""
    if isinstance(ref, PolicySource):
        return ref
    if isinstance(ref, str) and is_url(ref):
        data, media = fetch_policy(ref)
        return _source(ref[:NAME_MAX], f"policy {safe(ref[:NAME_MAX])}", data, _MEDIA_SUFFIX.get(media, ""))
    return read_policy_file(Path(ref))


def read_policy_file(path: Path) -> PolicySource:
    """The text of one policy file (HTML, PDF, or text)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"policy file {path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read policy file {path}: {e.strerror or e}") from e
    return _source(path.name, f"policy file {path}", data, path.suffix.lower())


_MEDIA_SUFFIX = {"text/html": ".html", "application/xhtml+xml": ".xhtml", "application/pdf": ".pdf"}


def _source(name: str, what: str, data: bytes, suffix: str) -> PolicySource:
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        text = _pdf_text(what, data)
    elif suffix in _HTML or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        from bs4 import BeautifulSoup  # imported when needed: most runs read no HTML

        text = BeautifulSoup(data, "html.parser").get_text("\n")
    else:
        text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise InputError(f"{what} has no text (a scanned PDF needs OCR first)")
    return PolicySource(name=name, text=text)


def _pdf_text(what: str, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"{what} is not a readable PDF: {e}") from e


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


def load_policy(session: Path | None, files: Sequence[PolicyRef]) -> Policy | None:
    """Every policy text available: the session's dialog and each ``--policy`` value; None when there is none."""
    sources = [read_policy(p) for p in files]
    if session is not None:
        dialog = read_session_policy(session)
        if dialog is not None:
            sources.insert(0, dialog)
    return Policy(tuple(sources)) if sources else None
