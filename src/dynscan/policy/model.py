"""The policy texts of one analysis: the privacy dialog the driver saved and the files given with ``--policy``.

Matching is on normalised text (NFKC, case-folded, whitespace collapsed), so "ＩＭＥＩ" and "imei", "Wi‑Fi"
across a line break and "WiFi" in one word are all found. A rule asks :meth:`Policy.mentions` for a list of
terms and gets back the sentence that names one (to quote), or None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？；;!?\n]|\.(?=\s|$)")
QUOTE_MAX = 120


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


@dataclass(frozen=True)
class PolicySource:
    """One text: ``name`` says where it came from (``privacy dialog``, a file's name)."""

    name: str
    text: str
    norm: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "norm", normalise(self.text))


@dataclass(frozen=True)
class Policy:
    sources: tuple[PolicySource, ...]
    _memo: dict[tuple[str, ...], str | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def names(self) -> str:
        return ", ".join(s.name for s in self.sources)

    def mentions(self, terms: tuple[str, ...]) -> str | None:
        """The sentence (at most :data:`QUOTE_MAX` characters) of the first source naming any of ``terms``
        (remembered per list of terms: rules ask once per event)."""
        if terms in self._memo:
            return self._memo[terms]
        found = self._search(terms)
        self._memo[terms] = found
        return found

    def _search(self, terms: tuple[str, ...]) -> str | None:
        for src in self.sources:
            for term in terms:
                t = normalise(term)
                i = src.norm.find(t) if t else -1
                if i >= 0:
                    return _sentence(src.norm, i, len(t))
        return None


def _sentence(text: str, i: int, n: int) -> str:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, i)), default=0)
    m = _SENTENCE_END.search(text, i + n)
    end = m.start() if m else len(text)
    s = text[start:end].strip()
    return s if len(s) <= QUOTE_MAX else s[:QUOTE_MAX - 1] + "…"
