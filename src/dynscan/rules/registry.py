"""The rule registry: ``@rule(...)`` decorates one function per module, as bandit's ``@checks``.

Every module of :mod:`dynscan.rules` is imported and the rules it registers are the catalog, in
``order`` (rules without one follow, by ID): a new rule is one new module (and its test), with its
messages in both languages on the decorator and its documentation in the docstring.

A rule module's docstring is its documentation and is parsed here::

    English title / 中文标题

    English: what the rule flags and why.

    中文: 同上。

    References:
    - 《App违法违规收集使用个人信息行为认定方法》三.1
    - GB/T 35273-2020 5.4

    Evidence tier: practice (why)
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from dynscan.findings import RuleInfo, Severity

if TYPE_CHECKING:
    from dynscan.rules.context import TimelineContext

TIERS = ("official", "standard", "practice")
#: Pseudo event kind: a rule listing it is called once after the last event (event ``None``).
END = "end_of_timeline"
_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")


class Hit(NamedTuple):
    """One event a rule flags. ``category``/``data_type`` default to the event's own fields;
    ``subject`` (a permission, a host, a package) is listed in the finding's message;
    ``related`` is another event id to cite as evidence (e.g. the decline before an exit);
    ``severity`` overrides the rule's own for this hit's finding (e.g. higher when an SDK did it);
    ``times``: how many occurrences the hit stands for (a rule judged at the timeline's end)."""

    event: Any
    category: str | None = None
    data_type: str | None = None
    subject: str | None = None
    related: str | None = None
    actor: str | None = None
    severity: Severity | None = None
    times: int = 1


#: What a rule returns: ``None``/``False`` (no hit), ``True`` (a plain hit on the event, with its
#: own category and data type: the cheap common case), a :class:`Hit`, or a list of hits.
HitResult = Hit | list[Hit] | bool | None
RuleFunc = Callable[[Any, "TimelineContext"], HitResult]
F = TypeVar("F", bound=RuleFunc)


@dataclass(frozen=True)
class RuleSpec:
    id: str
    severity: Severity
    kinds: frozenset[str]
    func: RuleFunc
    message: str
    message_zh: str
    order: int
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str
    references: tuple[str, ...]
    tier: str
    tier_note: str
    doc: str

    def info(self) -> RuleInfo:
        """What the reports show about this rule."""
        return RuleInfo(id=self.id, title_en=self.title_en, title_zh=self.title_zh, severity=self.severity.value,
                        description_en=self.description_en, description_zh=self.description_zh,
                        references=self.references)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "severity": self.severity.value, "kinds": sorted(self.kinds),
            "title_en": self.title_en, "title_zh": self.title_zh,
            "description_en": self.description_en, "description_zh": self.description_zh,
            "references": list(self.references), "tier": self.tier, "tier_note": self.tier_note,
        }


class RegistryError(Exception):
    """A programming error in a rule module (bad ID, duplicate, missing docs)."""


_REGISTRY: dict[str, RuleSpec] = {}
_PLACEHOLDERS = re.compile(r"\{(\w+)\}")
#: ``order`` of a rule that gives none: after every rule that does.
LAST = 1_000_000


def rule(
    rule_id: str, *, severity: Severity, kinds: Iterable[str], message: str, message_zh: str,
    order: int = LAST, registry: dict[str, RuleSpec] | None = None,
) -> Callable[[F], F]:
    """Register the decorated function as rule ``rule_id`` (in ``registry``, default the global one).

    ``message`` and ``message_zh`` (the same in Chinese, for ``--lang zh``) are templates with
    ``{actor}``, ``{count}``, ``{what}`` (data type or category) and ``{subjects}`` (the hits'
    distinct subjects). ``order``: the rule's place in the catalog (CONTRACTS section 4).

    ``kinds`` may include :data:`END` (``"end_of_timeline"``): the engine then calls the rule once
    more after the last event, with ``None`` as the event, for what only the whole timeline tells
    (a connection whose traffic never reached the proxy).
    """
    target = _REGISTRY if registry is None else registry

    def register(func: F) -> F:
        spec = make_spec(rule_id, severity, kinds, message, func, message_zh=message_zh, order=order)
        if spec.id in target:
            raise RegistryError(f"duplicate rule id {spec.id}")
        if order != LAST and any(s.order == order for s in target.values()):
            raise RegistryError(f"rule {spec.id}: order {order} is taken")
        target[spec.id] = spec
        return func

    return register


def make_spec(rule_id: str, severity: Severity, kinds: Iterable[str], message: str, func: RuleFunc, *,
              message_zh: str, order: int = LAST) -> RuleSpec:
    if not rule_id or not _ID.match(rule_id):
        raise RegistryError(f"rule {func.__module__}.{func.__name__} has a missing or malformed id {rule_id!r}")
    kinds = frozenset(kinds)
    if not kinds:
        raise RegistryError(f"rule {rule_id} names no event kinds")
    if set(_PLACEHOLDERS.findall(message_zh)) != set(_PLACEHOLDERS.findall(message)):
        raise RegistryError(f"rule {rule_id}: message_zh must use the same placeholders as message")
    module = sys.modules.get(func.__module__)
    doc = (module.__doc__ if module else None) or ""
    return RuleSpec(id=rule_id, severity=severity, kinds=kinds, func=func, message=message, message_zh=message_zh,
                    order=order, doc=doc.strip(), **parse_doc(rule_id, doc))


def parse_doc(rule_id: str, doc: str) -> dict[str, Any]:
    lines = [ln.rstrip() for ln in doc.strip().splitlines()]
    if not lines or " / " not in lines[0]:
        raise RegistryError(f"rule {rule_id}: docstring must start with 'English title / 中文标题'")
    title_en, title_zh = (s.strip() for s in lines[0].split(" / ", 1))
    text = "\n".join(lines[1:])
    en = _section(text, "English:")
    zh = _section(text, "中文:")
    refs = tuple(m.strip() for m in re.findall(r"^\s*- (.+)$", _section(text, "References:", keep=True), re.M))
    tier_m = re.search(r"^Evidence tier:\s*(\w+)\s*(.*)$", text, re.M)
    if not en or not zh or not refs or not tier_m or tier_m.group(1) not in TIERS:
        raise RegistryError(f"rule {rule_id}: docstring needs English:, 中文:, References: and Evidence tier:")
    return {"title_en": title_en, "title_zh": title_zh, "description_en": en, "description_zh": zh,
            "references": refs, "tier": tier_m.group(1), "tier_note": tier_m.group(2).strip(" ()")}


def _section(text: str, head: str, keep: bool = False) -> str:
    """The paragraph(s) after ``head`` up to the next blank line (or next heading when ``keep``)."""
    i = text.find(head)
    if i < 0:
        return ""
    body = text[i + len(head):]
    end = re.search(r"\n\s*\n" if not keep else r"\n\s*\n(?!\s*- )", body)
    chunk = body[: end.start()] if end else body
    return chunk if keep else " ".join(chunk.split())


def load_all() -> dict[str, RuleSpec]:
    """Import every module of :mod:`dynscan.rules`; the rules registered, in catalog order."""
    package = importlib.import_module("dynscan.rules")
    for mod in pkgutil.iter_modules(package.__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"dynscan.rules.{mod.name}")
    return in_order(_REGISTRY)


def in_order(registry: dict[str, RuleSpec]) -> dict[str, RuleSpec]:
    return {s.id: s for s in sorted(registry.values(), key=lambda s: (s.order, s.id))}


def rule_ids() -> tuple[str, ...]:
    """Every rule ID, in catalog order."""
    return tuple(load_all())
