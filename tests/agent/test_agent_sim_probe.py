"""On the virtual device: the probe app under the agent fires every category, values unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import frida
import pytest

from dynscan.device.base import AppInfo
from dynscan.device.sim import SimDevice, build_probe_apk
from dynscan.events.vocab import CATEGORIES
from dynscan.hooks import load_catalog
from dynscan.instrument.launch import instrument_app
from dynscan.instrument.models import AgentOptions
from dynscan.instrument.probe import evaluate_probe
from dynscan.instrument.session import AgentSession
from dynscan.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

#: Hooks whose call fails for every ordinary app (or has nothing to load on the host), permissions or not.
EXPECTED_FAILURES = {
    "dpm.wifi_mac", "accounts.user_data", "accounts.password", "accounts.peek_auth_token", "exec.runtime",
    "dex.file_open", "dex.file_load",
}


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SimDevice, AppInfo]]:
    with SimDevice() as dev:
        apk = build_probe_apk(tmp_path_factory.mktemp("probe"))
        yield dev, dev.install(apk, grant_permissions=True)


def _probe_lines(dev: SimDevice, package: str) -> list[str]:
    text = (dev.files.logs / f"{package}.log").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("I/dynscan-probe:")]


def test_probe_under_agent(sim: tuple[SimDevice, AppInfo], tmp_path: Path, agent_bundle: Path) -> None:
    dev, info = sim
    dev.launch(info.package)
    assert dev.wait_for_exit(info.package, 30) is not None
    plain = _probe_lines(dev, info.package)
    assert len(plain) >= 20

    with open_store(tmp_path) as store:
        pid = dev.spawn(info.package)
        agent = AgentSession(frida.get_local_device(), pid, store, load_catalog().agent_specs("sim"),
                             options=AgentOptions(package=info.package), infer_crash=False)
        try:
            agent.start()
            dev.resume(pid)
            exit_ = dev.wait_for_exit(info.package, 30)
            assert exit_ is not None and exit_.cause == "app"
            agent.wait_detached(10)
        finally:
            agent.stop()
        events = list(store.iter_raw())
    hooked = _probe_lines(dev, info.package)[len(plain):]  # the log file is appended to
    assert hooked == plain  # every value the app saw is the same with the agent

    calls = [e for e in events if e["kind"] == "api_call"]
    assert {e["category"] for e in calls} == set(CATEGORIES)
    # permissions granted: only what no app may do (device-owner, authenticator or host-absent calls) fails
    failed = {e["hook"] for e in calls if "error" in e}
    assert failed <= EXPECTED_FAILURES, failed - EXPECTED_FAILURES
    assert [c.status for c in evaluate_probe(events, dev.identity())] == ["ok", "ok"]
    learned = {e.get("data_type") or e["hook"]: e["learned"] for e in calls if e.get("learned")}  # what it read
    assert "com.tencent.mm" in learned["app_list"]
    assert "Zhang Wei" in learned["contacts"] and "Your verification code is 482913" in learned["sms"]
    assert learned["accounts"] == [dev.identity()["email"]]
    assert learned["clipboard"] == ["dynscan probe clip"]
    assert dev.identity()["bssid"] in learned["wifi_scan"]
    tcf = [(e["key"], e["op"]) for e in events if e["kind"] == "tcf_signal"]
    assert ("IABTCF_TCString", "write") in tcf and ("IABTCF_TCString", "read") in tcf
    assert all(k.startswith("IABTCF_") for k, _ in tcf)  # probe_other filtered out in the agent
    sockets = {(e["proto"], e["via"]) for e in events if e["kind"] == "net_connect"}
    assert {("tcp", "java.net.Socket.connect"), ("udp", "java.net.DatagramSocket.send")} <= sockets
    for e in calls:  # the probe's own frame, right after the API (or reflection / ProcessBuilder frames)
        assert any(f.startswith("io.dynscan.probe.") for f in e["stack"][:6]), e
    assert not [e for e in events if e["kind"] == "app_state" and e.get("state") == "crashed"]


def test_a_lost_acknowledgement_costs_one_pause_not_a_frozen_app(sim: tuple[SimDevice, AppInfo], tmp_path: Path,
                                                                  agent_bundle: Path) -> None:
    """A host that never acknowledges a batch holding learned values (it could not store it) must not
    freeze the hooked calls: the first read waits its bound, later ones do not wait at all, and the
    probe, which reads ~20 such values on its main thread, runs to its end (the sim raises an ANR after
    5 s of a blocked main thread)."""
    dev, info = sim
    with open_store(tmp_path) as store:
        pid = dev.spawn(info.package)
        agent = AgentSession(frida.get_local_device(), pid, store, load_catalog().agent_specs("sim"),
                             options=AgentOptions(package=info.package, learned_wait_ms=1500), infer_crash=False)
        try:
            agent.start()
            agent._script.post = lambda *a, **k: None  # every acknowledgement is lost
            dev.resume(pid)
            exit_ = dev.wait_for_exit(info.package, 40)
            assert exit_ is not None and exit_.cause == "app", exit_
            agent.wait_detached(10)
        finally:
            agent.stop()
        calls = [e for e in store.iter_raw() if e["kind"] == "api_call"]
    first = next(i for i, e in enumerate(calls) if e.get("learned"))
    assert calls[first + 1]["ts"] - calls[first]["ts"] >= 1.4  # the first read waited for its acknowledgement
    assert sum(1 for e in calls if e.get("learned")) >= 10


def test_security_exception_reaches_app_on_sim(tmp_path: Path, agent_bundle: Path) -> None:
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(build_probe_apk(tmp_path), grant_permissions=False)
        agent = instrument_app(dev, info.package, store)
        try:
            assert agent.infer_crash is False
            assert dev.wait_for_exit(info.package, 30) is not None
        finally:
            agent.stop()
        lines = _probe_lines(dev, info.package)
        assert any(line.startswith("I/dynscan-probe: imei failed: java.lang.SecurityException") for line in lines)
        (imei,) = [e for e in store.iter_raw() if e.get("api") == "android.telephony.TelephonyManager.getDeviceId"]
        assert imei["error"].startswith("java.lang.SecurityException")


def test_events_queued_at_exit_are_not_lost(tmp_path: Path, agent_bundle: Path) -> None:
    """The app exits long before the agent's flush timer: Frida's exit path must flush the queue."""
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(build_probe_apk(tmp_path), grant_permissions=True)
        agent = instrument_app(dev, info.package, store, options=AgentOptions(package=info.package, flush_ms=5000))
        try:
            assert dev.wait_for_exit(info.package, 30) is not None
        finally:
            agent.stop()
        calls = [e for e in store.iter_raw() if e["kind"] == "api_call"]
        assert {e["category"] for e in calls} == set(CATEGORIES)
