"""Capture one session: install, instrument, drive and record, and always clean up.

Every resource (device, proxy, app JVM, Frida session) is entered into one ``ExitStack``, so a
failure at any step, Ctrl-C or SIGTERM stops them all and restores the device's settings. The
device is any :class:`dynscan.device.base.Device`: how its traffic reaches the proxy, what the
proxy may assume about where a flow came from and how sensor readings reach the app are its own
business. Judging what was recorded is the layer above (:mod:`dynscan.scan`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dynscan.capture.finish import finish_session
from dynscan.capture.instrumented_app import InstrumentedApp
from dynscan.capture.proxy import ProxyProcess
from dynscan.capture.wireguard_route import WireGuardDevice, announce, listen_for
from dynscan.device.base import Device
from dynscan.device.registry import SIM_SERIAL, open_device
from dynscan.driver.runner import ScenarioRunner
from dynscan.driver.scenario import Scenario
from dynscan.errors import DynscanError, Interrupted, Terminated
from dynscan.hooks.loader import Catalog
from dynscan.instrument.models import DEFAULT_CONSENT_TAPS, AgentOptions
from dynscan.session_dir import SessionDir, SessionMeta
from dynscan.store import open_store
from dynscan.util.atomic import write_atomic
from dynscan.util.termsafe import say

Progress = Callable[[str], None]


@dataclass
class CaptureOptions:
    apk: Path
    device: str = SIM_SERIAL
    interactive: bool = False
    sinkhole: bool | None = None  # default: the device's own (on for the virtual device, off for real ones)
    first_party_domains: Sequence[str] = ()
    frida_server: Path | None = None  # a phone's frida-server binary (default: the cache)
    sdk_signatures: Sequence[Path] = ()  # the config's extra SDK signature files (for the proxy's party)
    capture: str = "proxy"  # "wireguard": mitmdump's WireGuard server instead of the proxy setting
    wireguard_host: str | None = None  # where that server listens (default: loopback, for an emulator)
    wireguard_wait_s: float = 120.0  # how long the tester has to turn the tunnel on


def _stderr(msg: str) -> None:
    say(msg)


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so the clean-up below runs on ``kill`` too."""
    def handler(_sig: int, _frame: object) -> None:
        raise KeyboardInterrupt
    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def capture(opts: CaptureOptions, sd: SessionDir, scenario: Scenario, catalog: Catalog,
            progress: Progress = _stderr) -> None:
    """Record one session into ``sd``; identity.json and events.jsonl are written even after a failure.

    Ctrl-C or SIGTERM is :class:`Interrupted` once everything is cleaned up.
    """
    started = time.time()
    interrupted = False
    try:
        _capture(opts, sd, scenario, catalog, started, progress)
    except (KeyboardInterrupt, Terminated):  # Terminated: SIGTERM while a phone's DeviceSetup was open
        interrupted = True
    finally:
        finish_session(sd, progress)  # identity.json + events.jsonl, also after a failure
    if interrupted:
        raise Interrupted(f"interrupted; what was recorded so far is in {sd.root}")
    meta = SessionDir(sd.root).read_meta() or SessionMeta()
    meta.finished = time.time()
    sd.write_meta(meta)


def _capture(opts: CaptureOptions, sd: SessionDir, scenario: Scenario, catalog: Catalog,
             started: float, progress: Progress) -> None:
    """Everything that runs on the device, inside one ExitStack."""
    with sigterm_as_interrupt(), contextlib.ExitStack() as stack:
        progress(f"opening device {opts.device}")
        device: Device = open_device(opts.device, frida_server=opts.frida_server)
        stack.callback(device.close)
        wg = listen_for(device, opts.wireguard_host) if opts.capture == "wireguard" else None  # before installing
        stack.callback(_collect_logs, device, sd, progress)  # last before the device closes
        info = device.install(opts.apk)
        progress(f"installed {info.package} ({info.launcher_activity})")
        store = stack.enter_context(open_store(sd.root))
        device.set_event_sink(store.append)
        stack.callback(device.set_event_sink, None)
        write_atomic(sd.identity, json.dumps(device.identity(), indent=2).encode())
        store.append({"kind": "session_start", "ts": time.time(), "source": "driver", "package": info.package,
                      "app_version": info.version, **({"app_label": info.label} if info.label else {}),
                      "device": dataclasses.asdict(device.info()),  # as found
                      "first_party_domains": list(opts.first_party_domains)})
        sinkhole = opts.sinkhole if opts.sinkhole is not None else device.sinkhole_default
        progress("starting the proxy")
        proxy = stack.enter_context(ProxyProcess(sd.root, sinkhole=sinkhole, identity=sd.identity,
                                                 attribution=device.traffic_attribution, package=info.package,
                                                 first_party_domains=opts.first_party_domains,
                                                 sdk_signatures=opts.sdk_signatures, wireguard=wg))
        hole = " (sinkhole: nothing leaves this machine)" if sinkhole else ""
        if wg is not None and isinstance(device, WireGuardDevice):  # restored on every exit path
            progress(f"WireGuard server on UDP {proxy.host}:{proxy.port}{hole}; client configuration in "
                     f"{proxy.wireguard_files.client_conf}")
            announce(device, stack.enter_context(device.route_wireguard(proxy.wireguard_files.client_conf,
                                                                        proxy.ca_pem)), progress)
            device.wait_wireguard(opts.wireguard_wait_s)
            progress("WireGuard tunnel is up")
        else:
            progress(f"proxy on 127.0.0.1:{proxy.port}{hole}")
            stack.enter_context(device.route_traffic(proxy.port, proxy.ca_pem))
        sd.write_meta(SessionMeta(package=info.package, app_version=info.version,  # with the proxy and CA set
                                  device=dataclasses.asdict(device.info()), scenario=scenario.name, started=started))
        options = AgentOptions(package=info.package,
                               consent_taps=list(DEFAULT_CONSENT_TAPS) if opts.interactive else [])
        app = InstrumentedApp(device, info.package, store, catalog, options)
        stack.callback(app.close)
        device.set_sensor_injector(lambda samples: app.agent.inject_sensor(samples) if app.agent else None)
        stack.callback(device.set_sensor_injector, None)
        if opts.interactive:
            _interactive(app, store.append, progress)
        else:
            n, unit = (len(scenario.phases), "phase") if scenario.phases else (len(scenario.steps), "step")
            progress(f"scenario {scenario.name}: {n} {unit}{'' if n == 1 else 's'}")
            ScenarioRunner(device, app, store.append, progress, ui_dir=sd.ui,
                           permissions=info.permissions).run(scenario)
        app.close()
        time.sleep(0.3)  # let the proxy write the last flows


def _collect_logs(device: Device, sd: SessionDir, progress: Progress) -> None:
    try:
        files = device.collect_logs(sd.logs)
    except (DynscanError, OSError) as e:
        progress(f"warning: the device's logs were not saved: {e}")
        return
    if files:
        progress(f"device logs in {', '.join(str(f.relative_to(sd.root)) for f in files)}")


def _interactive(app: InstrumentedApp, record: Callable[[dict[str, Any]], object], progress: Progress) -> None:
    """Launch instrumented and record until the app ends or the tester presses Ctrl-C."""
    record({"kind": "app_launch", "ts": time.time(), "source": "driver", "cold": True})
    app.launch()
    progress("interactive: use the app; taps on 同意/Agree count as consent. Ctrl-C ends the session")
    try:
        while app.is_running():
            time.sleep(0.5)
    except KeyboardInterrupt:
        progress("interactive session ended by the tester")
