"""Timeline state, computed once as the engine walks the events in time order; rules read it.

Nothing here grows with the number of events: each field is the latest value of something, and
the per-(actor, data type) frequency windows hold at most ``limit + 1`` timestamps each.
"""

from __future__ import annotations

import ipaddress
from collections import deque
from typing import Any

from dynscan.attribution import DestinationClassifier, SdkDb
from dynscan.policy.model import Policy
from dynscan.rules.config import Config
from dynscan.rules.tcf import TcfState
from dynscan.rules.vocab import CATEGORY_GUARDS, PERMISSION_CATEGORIES

Mark = tuple[float, str | None]  # (ts, event id) of a remembered event
#: A flow is blamed on the code that opened a connection to its host at most this long before it
#: (HTTP keep-alive reuses connections, but each request still goes through openConnection/newCall).
CONNECTION_WINDOW_S = 60.0
HOUR_S = 3600.0  # EXCESSIVE_FREQUENCY's second window (frequency.max_per_hour)
#: How far a connection may seem to open *after* its flow (the agent's and the proxy's clocks).
CLOCK_SKEW_S = 2.0


class TimelineContext:
    """What rules may know about the timeline before the current event."""

    def __init__(self, config: Config, sdk_db: SdkDb, package: str | None = None,
                 policy: Policy | None = None) -> None:
        self.config = config
        self.sdk_db = sdk_db
        self.package = package
        #: The policy texts given to the analysis (privacy dialog, ``--policy`` files); None: none at all.
        self.policy = policy
        #: A privacy dialog was seen (``dialog policy`` or any ``consent`` event) so far.
        self.policy_seen = False
        #: The first sensitive collection (api_call or personal-data flow) and how many there were.
        self.first_collection: Mark | None = None
        self.first_collection_actor = "unknown"
        self.collections = 0
        #: The latest user action that is not the answer to a policy or permission dialog.
        self.last_feature_action: float | None = None
        #: The latest driver tap answered a policy or permission dialog: the agent's taps after it are the app's
        #: click handlers seeing that answer (its echo), not a feature the user used.
        self.answer_tapped = False
        #: The driver's neutral tap on an ad (``detail.probe: ad``), pending until a jump or another action.
        self.ad_tap: Mark | None = None
        self.app_label: str | None = None
        self.destinations = DestinationClassifier(sdk_db, package=package,
                                                  first_party_domains=config.first_party_domains)
        self.actor = "unknown"  # of the current event (api_call, permission_request, flow, component_start)
        self.flow_party: str = "unknown"  # effective party of the current flow
        self.consent = "pending"
        self.decline: Mark | None = None  # latest policy_declined (cleared by policy_accepted / app_reset)
        self.app_state: str | None = None
        self.permissions: dict[str, bool] = {}  # latest runtime result per permission since app_reset
        self.denied_at: dict[str, Mark] = {}  # latest denial per permission since app_reset
        self.blocked: dict[str, Mark] = {}  # category -> denial that blocks it (no guard granted)
        self.last_denial: Mark | None = None
        self.last_denied_permission: str | None = None
        #: Permissions requested (and when) since the driver last answered a dialog other than the policy: a
        #: denial of one of them that the driver never answered is the system's (Android 11 denies at once a
        #: permission refused twice), see :meth:`on_permission_result`.
        self.unanswered: dict[str, float] = {}
        #: The driver acts in this session (it taps, keys, shakes), so it records its answers to permission dialogs.
        self.driven = False
        self.last_user_action: float | None = None  # tap, key, text, paste, or the end of a strong shake
        self.last_paste_or_tap: float | None = None
        #: A weak shake made while the app was in front: pending until a jump, another user action, the
        #: app leaving the foreground, or expiry. ``weak_shake_end``: when its motion ended.
        self.weak_shake: Mark | None = None
        self.weak_shake_end = 0.0
        self._windows: dict[tuple[str, str], deque[float]] = {}  # maxlen = limit + 1
        self._hours: dict[tuple[str, str], deque[float]] = {}  # maxlen = hourly limit + 1
        self._connections: dict[str, deque[tuple[float, str]]] = {}  # host -> (ts, actor) of net_request
        self._freq_window = config.frequency.window_s
        # connections whose traffic the proxy has not (yet) seen: host -> [(ts, actor, event)], and
        # hosts seen inspected (a proxy or tls_hook flow) or never decrypted (tls_failed)
        self.tcf = TcfState()  # the app's IAB TCF consent signals so far (TCF_NO_CONSENT)
        self.pending_connects: dict[str, list[tuple[float, str, Any]]] = {}
        self.inspected_hosts: set[str] = set()
        self.undecrypted_hosts: set[str] = set()
        self.undecrypted_events: dict[str, tuple[Any, str]] = {}  # host -> (first tls_failed, actor)

    # ---- queries used by rules -------------------------------------------------------------
    def user_acted_within(self, ts: float, window_s: float) -> bool:
        return self.last_user_action is not None and ts - self.last_user_action <= window_s

    def acted_on_feature_within(self, ts: float, window_s: float) -> bool:
        """A user action other than answering a policy or permission dialog within ``window_s`` before ``ts``."""
        return self.last_feature_action is not None and ts - self.last_feature_action <= window_s

    def is_system_package(self, package: str) -> bool:
        return any(package == p.rstrip(".") or (p.endswith(".") and package.startswith(p))
                   for p in self.config.system_packages)

    def pasted_or_tapped_within(self, ts: float, window_s: float) -> bool:
        return self.last_paste_or_tap is not None and ts - self.last_paste_or_tap <= window_s

    def recent_weak_shake(self, ts: float) -> Mark | None:
        """The pending weak shake if ``ts`` falls within the jump window after its motion ended."""
        s = self.weak_shake
        if s is not None and ts >= s[0] and ts - self.weak_shake_end <= self.config.shake.jump_window_s:
            return s
        return None

    def meets_every_threshold(self, detail: dict[str, Any] | None) -> bool:
        """A deliberate shake: at least every threshold (acceleration, rotation and duration)."""
        d = detail or {}
        sc = self.config.shake
        return (_num(d.get("acceleration")) >= sc.acceleration and _num(d.get("rotation")) >= sc.rotation
                and _num(d.get("duration")) >= sc.duration)

    def is_weak_shake(self, detail: dict[str, Any] | None) -> bool:
        """Short of any threshold (``shake.weak_when = "all"``: of every one); a missing value counts
        as 0 (we cannot show the shake was strong)."""
        d = detail or {}
        sc = self.config.shake
        short = (_num(d.get("acceleration")) < sc.acceleration, _num(d.get("rotation")) < sc.rotation,
                 _num(d.get("duration")) < sc.duration)
        return all(short) if sc.weak_when == "all" else any(short)

    def over_frequency(self, actor: str, data_type: str, ts: float) -> bool:
        """Record one read; true when the window (or the hour) now holds more reads than its limit."""
        key = (actor, data_type)
        dq = self._windows.get(key)
        if dq is None:
            limit = self.config.frequency.limit(data_type)
            dq = self._windows[key] = deque(maxlen=limit + 1)
            self._hours[key] = deque(maxlen=self.config.frequency.hourly_limit(data_type) + 1)
        hour = self._hours[key]
        return _slide(dq, ts, ts - self._freq_window) | _slide(hour, ts, ts - HOUR_S)

    def note_connection(self, host: str, ts: float, actor: str) -> None:
        """A ``net_request``: ``actor``'s code opened a connection to ``host`` at ``ts``."""
        if actor == "unknown" or not host:
            return
        self.destinations.note_opener(host, actor)
        dq = self._connections.get(host.lower())
        if dq is None:
            dq = self._connections[host.lower()] = deque(maxlen=64)
        dq.append((ts, actor))

    def connection_actor(self, host: str, ts: float) -> str | None:
        """Who opened the latest connection to ``host`` at most :data:`CONNECTION_WINDOW_S` before
        ``ts`` (or up to :data:`CLOCK_SKEW_S` after: agent and proxy clocks differ slightly)."""
        dq = self._connections.get(host.lower()) if self._connections else None
        if not dq:
            return None
        for opened, actor in reversed(dq):
            if opened <= ts + CLOCK_SKEW_S:
                return actor if ts - opened <= CONNECTION_WINDOW_S else None
        return None

    # ---- traffic coverage (UNINSPECTED_TRAFFIC, stats.uninspected_hosts) --------------------
    def on_net_connect(self, ev: Any) -> None:
        """A connection opened by ``self.actor``'s code; pending until a flow to its host follows."""
        host = str(ev.host).lower()
        if not is_loopback(host):
            self.pending_connects.setdefault(host, []).append((ev.ts, self.actor, ev))

    def on_tcf_signal(self, ev: Any) -> None:
        self.tcf.update(str(ev.key), ev.value)

    def on_tls_failed(self, ev: Any) -> None:
        host = str(getattr(ev, "host", "") or "").lower()
        if host and host not in self.undecrypted_hosts:
            self.undecrypted_hosts.add(host)
            self.undecrypted_events[host] = (ev, self.connection_actor(host, ev.ts) or "unknown")

    def on_flow_seen(self, ev: Any) -> None:
        """A flow (proxy or TLS hook) to a host: the connections to it before this were inspected."""
        ip = getattr(ev, "server_ip", None)  # native connects name the address only
        for host in {str(ev.host).lower(), *([str(ip).lower()] if ip else [])}:
            self.inspected_hosts.add(host)
            pending = self.pending_connects.get(host)
            if pending:
                kept = [p for p in pending if p[0] > ev.ts + CLOCK_SKEW_S]
                if kept:
                    self.pending_connects[host] = kept
                else:
                    del self.pending_connects[host]

    def uninspected_hosts(self) -> list[str]:
        """Hosts whose traffic was not checked: connections that never reached the proxy, and TLS the
        proxy could not decrypt, minus hosts whose plaintext the TLS hooks handed over."""
        hosts = (set(self.pending_connects) | self.undecrypted_hosts) - self.inspected_hosts
        return sorted(hosts)

    # ---- state updates, called by the engine after the rules saw the event ------------------
    def on_session_start(self, ev: Any) -> None:
        if ev.package:
            self.package = ev.package
        self.app_label = getattr(ev, "app_label", None) or self.app_label
        self.destinations.add_session(ev.package, ev.first_party_domains)

    def on_app_reset(self, ev: Any) -> None:
        self.consent = "pending"
        self.tcf = TcfState()  # the CMP's preferences were cleared with the app's data
        self.decline = None
        self.permissions.clear()
        self.denied_at.clear()
        self.blocked.clear()
        self.last_denial = None
        self.last_denied_permission = None
        self.unanswered.clear()

    def on_dialog(self, ev: Any) -> None:
        if ev.dialog == "policy":
            self.policy_seen = True

    def note_collection(self, ev: Any, actor: str) -> None:
        """A sensitive ``api_call`` or a personal-data ``flow`` (the engine calls it)."""
        self.collections += 1
        if self.first_collection is None:
            self.first_collection = (ev.ts, ev.id)
            self.first_collection_actor = actor

    def on_consent(self, ev: Any) -> None:
        self.policy_seen = True
        a = ev.action
        if a == "policy_accepted":
            self.consent = "given"
            self.decline = None
        elif a in ("policy_declined", "policy_withdrawn"):
            self.consent = "refused"
            if a == "policy_declined":
                self.decline = (ev.ts, ev.id)

    def recent_ad_tap(self, ts: float) -> Mark | None:
        """The driver's pending ad tap if ``ts`` is within ``ad_jump_window_s`` after it."""
        t = self.ad_tap
        return t if t is not None and 0 <= ts - t[0] <= self.config.ad_jump_window_s else None

    def on_app_state(self, ev: Any) -> None:
        self.app_state = ev.state
        if ev.state != "foreground":
            self.ad_tap = None
            self.weak_shake = None  # a jump consumes the shake; an app gone can no longer jump

    def on_app_launch(self, ev: Any) -> None:
        self.app_state = None  # a new process: foreground only once the app says so
        self.weak_shake = None

    def on_component_start(self, ev: Any) -> None:
        if ev.via == "startActivity":  # a jump consumes the shake; a service or broadcast shows nothing
            self.weak_shake = None
            self.ad_tap = None

    def on_permission_request(self, ev: Any) -> None:
        for perm in ev.permissions or ():
            self.unanswered.setdefault(perm, ev.ts)

    def on_user_action(self, ev: Any) -> None:
        a = ev.action
        self.weak_shake = None
        if ev.source == "driver":
            self.driven = True
            if a != "shake" and (ev.detail or {}).get("dialog") != "policy":
                self.unanswered.clear()  # the driver answered what was asked (or left it: a key, a tap)
        if (ev.detail or {}).get("probe") == "ad" and a == "tap":
            self.ad_tap = (ev.ts, ev.id)
        elif ev.source != "agent":  # the agent's tap is the app's click handler seeing the driver's tap
            self.ad_tap = None
        if a == "shake":
            # The event marks the shake's start; the app reacts when the motion ends.
            end = ev.ts + max(0.0, _num((ev.detail or {}).get("duration")))
            if self.is_weak_shake(ev.detail):
                if self.app_state == "foreground":  # a shake of an app not in front makes it jump nowhere
                    self.weak_shake, self.weak_shake_end = (ev.ts, ev.id), end
            elif self.meets_every_threshold(ev.detail):
                self.last_user_action = max(end, self.last_user_action or end)
                self.last_feature_action = max(end, self.last_feature_action or end)
            return
        self.last_user_action = ev.ts
        answer = (ev.detail or {}).get("dialog") in ("policy", "permission")
        if ev.source == "driver" and a == "tap":
            self.answer_tapped = answer
        elif ev.source == "agent" and a == "tap" and self.answer_tapped:
            answer = True  # the app's own view seeing the driver's answer (a dialog built of plain views)
        if not answer:
            self.last_feature_action = ev.ts
        if a in ("paste", "tap"):
            self.last_paste_or_tap = ev.ts

    def on_permission_result(self, ev: Any) -> None:
        perm = ev.permission
        self.permissions[perm] = ev.granted
        asked = self.unanswered.pop(perm, None)
        if ev.granted:
            self.denied_at.pop(perm, None)
        else:
            mark = (ev.ts, ev.id)
            self.denied_at[perm] = mark
            # One exit, one cause (refused_after): the system's instant denial of a request that was pending
            # when the user declined the policy is no later refusal than that decline. The app re-asks in
            # onResume after the driver's second "Don't allow", and the system's answer races the driver's tap
            # on the privacy dialog behind it: the exit that tap causes was blamed on whichever landed last.
            racing = (self.driven and asked is not None and self.decline is not None
                      and self.decline[0] >= asked)
            if not racing:
                self.last_denial = mark
                self.last_denied_permission = perm
        for cat in PERMISSION_CATEGORIES.get(perm, ()):
            self._recompute_blocked(cat)

    def _recompute_blocked(self, cat: str) -> None:
        guards = CATEGORY_GUARDS[cat]
        marks = [self.denied_at[p] for p in guards if p in self.denied_at]
        if marks and not any(self.permissions.get(p) for p in guards):
            self.blocked[cat] = max(marks, key=lambda m: m[0])
        else:
            self.blocked.pop(cat, None)

    def refused_after(self, ts: float) -> bool:
        """The user declined the policy or denied a permission after ``ts``: an exit then has a later
        cause (one exit, one cause: the latest refusal)."""
        return any(m is not None and m[0] > ts for m in (self.decline, self.last_denial))

    def exits(self, ev: Any) -> bool:
        """The app itself stopped or closed its last screen (not the driver, not just HOME)."""
        if ev.state in ("stopped", "crashed"):
            return bool(ev.cause != "driver")
        return bool(ev.state == "background" and ev.cause == "app")


_LOCAL_NAMES = frozenset({"localhost", "ip6-localhost", ""})


def _slide(dq: deque[float], ts: float, lo: float) -> bool:
    """Append ``ts``, drop what is at or before ``lo``; true when the bounded deque is full (over its limit)."""
    dq.append(ts)
    while dq[0] <= lo:
        dq.popleft()
    return len(dq) == dq.maxlen


def is_loopback(host: str) -> bool:
    """Loopback and unspecified addresses: traffic that never leaves the device (the proxy itself)."""
    h = host.strip("[]").lower()
    if h in _LOCAL_NAMES or h.endswith(".localhost"):
        return True
    try:
        addr = ipaddress.ip_address(h)
    except ValueError:
        return False
    return addr.is_loopback or addr.is_unspecified


def _num(v: Any) -> float:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else 0.0
