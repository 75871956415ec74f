"""``policy.json``: the privacy dialog as the driver first saw it, for rules that compare policy and behaviour.

``{"schema": "dynscan.policy/1", "ts", "package", "text", "links", "accept", "decline"}``: ``text`` is the
dialog's own text (not its buttons), ``links`` the titles of its 《…》 links in order, ``accept`` / ``decline``
the labels of the controls the driver reads as such (or null). Everything in it is the app's text: stored as
JSON strings, never used as a path or printed unescaped.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import orjson

from dynscan.driver.reading import Reading, label
from dynscan.session_dir import POLICY_JSON

SCHEMA = "dynscan.policy/1"
MAX_TEXT = 200_000


def save_policy(session_root: Path, reading: Reading, *, package: str | None = None,
                ts: float | None = None) -> Path | None:
    """Write ``policy.json`` unless one is there already (the first sight counts); the path written, or
    None when nothing was (not a policy dialog, already saved, or the directory cannot be written)."""
    path = session_root / POLICY_JSON
    if reading.kind != "policy" or path.exists():
        return None
    doc = {
        "schema": SCHEMA, "ts": time.time() if ts is None else ts,
        "package": package or next((c.node.package for c in reading.candidates), None),
        "text": reading.policy_text[:MAX_TEXT], "links": list(reading.policy_links),
        "accept": label(reading, reading.accept), "decline": label(reading, reading.decline),
    }
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".policy-", suffix=".json", dir=session_root)
        with os.fdopen(fd, "wb") as f:
            f.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2))
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return None
    return path
