"""Redaction of personal values in every report format.

A redacted value keeps a little use for a tester without giving the value away:
``‹TYPE:LENGTH…LAST2›``, e.g. an IMEI ``861234567890134`` becomes ``‹imei:15…34›``.  ``TYPE`` is the
event's ``data_type`` (else its ``category``, else the identity key or ``value``); values of four
characters or fewer show no tail (``‹ssid:3›``).  Numbers are redacted like strings of their decimal
form; ``None`` and booleans stay as they are; lists and objects are redacted item by item (object
keys are kept).

What is redacted unless ``show_values`` is set: ``value`` and ``args`` of ``api_call`` events,
the query values of a flow URL that carries personal data in its URL, header and cookie values of a
flow (except a few harmless headers), and every occurrence of the session's identity values
(CONTRACTS section 3) in any string of any event or finding message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, unquote_plus

_SAFE_HEADERS = frozenset({"content-type", "content-length", "content-encoding", "accept", "accept-encoding",
                           "connection", "host", "transfer-encoding"})
_MIN_IDENTITY_LEN = 4


def token(value: Any, label: str) -> str:
    """The redacted form of one scalar value."""
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    label = label or "value"
    if len(text) <= 4:
        return f"‹{label}:{len(text)}›"
    return f"‹{label}:{len(text)}…{text[-2:]}›"


class Redactor:
    """Redacts events and free text; a no-op when ``show_values`` is true."""

    def __init__(self, show_values: bool = False, identity: Mapping[str, Any] | None = None) -> None:
        self.show_values = show_values
        self._labels: dict[str, str] = {}
        for key, value in (identity or {}).items():
            if key == "extra" and isinstance(value, Mapping):
                for name, extra in value.items():
                    self._add_identity(str(name), extra)
            else:
                self._add_identity(key, value)
        needles = sorted(self._labels, key=len, reverse=True)
        self._pattern = (re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
                         if needles else None)

    def _add_identity(self, key: str, value: Any) -> None:
        if value is None or isinstance(value, bool | dict | list):
            return
        text = repr(value) if isinstance(value, float) else str(value)
        if len(text) < _MIN_IDENTITY_LEN:
            return
        for form in {text, quote(text, safe=""), text.replace(":", "")}:
            if len(form) >= _MIN_IDENTITY_LEN:
                self._labels.setdefault(form.lower(), key)

    # -- free text --------------------------------------------------------------------------
    def text(self, text: str) -> str:
        """Replace every known identity value inside ``text``."""
        if self.show_values or self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda m: token(m.group(0), self._labels.get(m.group(0).lower(), "id")), text)

    def deep_text(self, data: Any) -> Any:
        """``text`` applied to every string inside lists and objects."""
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, list):
            return [self.deep_text(item) for item in data]
        if isinstance(data, dict):
            return {key: self.deep_text(item) for key, item in data.items()}
        return data

    # -- values -----------------------------------------------------------------------------
    def value(self, data: Any, label: str) -> Any:
        """Redact a personal value (recursively for lists and objects)."""
        if self.show_values or data is None or isinstance(data, bool):
            return data
        if isinstance(data, list | tuple):
            return [self.value(item, label) for item in data]
        if isinstance(data, dict):
            return {key: self.value(item, label) for key, item in data.items()}
        return token(data, label)

    def url(self, url: str, redact_query: bool) -> str:
        """Identity values replaced; with ``redact_query`` every query value redacted too."""
        if self.show_values:
            return url
        if redact_query:
            head, sep, rest = url.partition("?")
            query, hsep, fragment = rest.partition("#")
            if sep and query:
                url = head + "?" + "&".join(self._query_item(item) for item in query.split("&")) + hsep + fragment
        return self.text(url)

    def _query_item(self, item: str) -> str:
        key, eq, value = item.partition("=")
        return f"{key}={token(unquote_plus(value), unquote_plus(key))}" if eq and value else item

    def headers(self, headers: Any) -> Any:
        """Header values redacted, whether given as an object or as a list of pairs."""
        if self.show_values:
            return headers
        if isinstance(headers, dict):
            return {k: self._header(str(k), v) for k, v in headers.items()}
        if isinstance(headers, list):
            out: list[Any] = []
            for item in headers:
                if isinstance(item, list | tuple) and len(item) == 2:
                    out.append([item[0], self._header(str(item[0]), item[1])])
                else:
                    out.append(self.deep_text(item))
            return out
        return self.deep_text(headers)

    def _header(self, name: str, value: Any) -> Any:
        return self.text(str(value)) if name.lower() in _SAFE_HEADERS else self.value(value, name.lower())

    # -- events -----------------------------------------------------------------------------
    def event(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """A redacted copy of one raw event dict."""
        out = dict(event)
        if self.show_values:
            return out
        kind = out.get("kind")
        label = str(out.get("data_type") or out.get("category") or "value")
        if kind == "api_call":
            if "value" in out:
                out["value"] = self.value(out["value"], label)
            if "args" in out:
                out["args"] = self.value(out["args"], "arg")
        for key in ("headers", "request_headers", "response_headers", "cookies"):
            if key in out:
                out[key] = self.headers(out[key])
        if kind == "flow" and isinstance(out.get("url"), str):
            pii = out.get("pii")
            in_url = isinstance(pii, list) and any(isinstance(p, dict) and p.get("location") == "url" for p in pii)
            out["url"] = self.url(out["url"], redact_query=in_url)
        return {key: (item if key in ("value", "args") and kind == "api_call" else self.deep_text(item))
                for key, item in out.items()}
