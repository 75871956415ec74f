"""``dynscan run``: install, instrument, drive, capture, correlate and report, and always clean up.

Every resource (device, proxy, app JVM, Frida session) is entered into one ``ExitStack``, so a
failure at any step, Ctrl-C or SIGTERM stops them all and restores the device's settings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import signal
import sys
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dynscan.analysis import run_analysis
from dynscan.capture.finish import finish_session
from dynscan.capture.instrumented_app import InstrumentedApp
from dynscan.capture.proxy import ProxyProcess
from dynscan.config import Config
from dynscan.device.registry import SIM_SERIAL, open_device
from dynscan.driver.runner import ScenarioRunner
from dynscan.driver.scenario import Scenario, load_scenario
from dynscan.errors import DynscanError, InputError, Interrupted, Terminated
from dynscan.findings import Report
from dynscan.hooks.loader import Catalog, load_catalog
from dynscan.instrument.models import DEFAULT_CONSENT_TAPS, AgentOptions
from dynscan.reports import FORMATS
from dynscan.session_dir import SessionDir, SessionMeta
from dynscan.store import open_store

Progress = Callable[[str], None]


@dataclass
class ScanOptions:
    apk: Path
    out: Path
    device: str = SIM_SERIAL
    scenario: str = "default"
    formats: Sequence[str] = ()
    config: Path | None = None
    catalogs: Sequence[Path] = ()
    interactive: bool = False
    lang: str = "en"
    show_values: bool = False
    sinkhole: bool | None = None  # default: on for the virtual device, off for real devices
    time_scale: float | None = None  # multiplies the scenario's waits (default: the scenario's own)
    extra: dict[str, Any] = field(default_factory=dict)


def _stderr(msg: str) -> None:
    print(f"dynscan: {msg}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
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


def _prepare_out(out: Path) -> SessionDir:
    sd = SessionDir(out)
    if sd.db.exists() or sd.events_jsonl.exists():
        raise InputError(f"{out}: already holds a session; choose another --out (nothing was overwritten)")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory")
    return sd.create()


def scan(opts: ScanOptions, progress: Progress = _stderr) -> Report:
    """Run one scan; returns the report (its ``exit_code`` decides the command's exit)."""
    if not opts.apk.is_file():
        raise InputError(f"{opts.apk}: no such APK")
    if not zipfile.is_zipfile(opts.apk):
        raise InputError(f"{opts.apk}: not an .apk (not a zip file)")
    for fmt in opts.formats:
        if fmt not in FORMATS:
            raise InputError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    if opts.interactive and opts.device == SIM_SERIAL:
        raise InputError("--interactive needs a phone or an emulator (--device SERIAL): the virtual device has "
                         "no screen for a tester to use; drive it with --scenario instead")
    scenario = load_scenario(opts.scenario, time_scale=opts.time_scale)
    config = Config.load(opts.config)
    catalog = load_catalog(opts.catalogs)
    sd = _prepare_out(opts.out)
    started = time.time()
    interrupted = False
    try:
        _capture(opts, sd, scenario, config, catalog, started, progress)
    except (KeyboardInterrupt, Terminated):  # Terminated: SIGTERM while a phone's DeviceSetup was open
        interrupted = True
    finally:
        finish_session(sd, progress)  # identity.json + events.jsonl, also after a failure
    if interrupted:
        raise Interrupted(f"interrupted; what was recorded so far is in {sd.root}")
    meta = SessionDir(sd.root).read_meta() or SessionMeta()
    meta.finished = time.time()
    sd.write_meta(meta)
    progress("correlating and writing reports")
    report = run_analysis(session=sd.root, formats=list(opts.formats) or list(FORMATS), out=sd.root,
                          config=opts.config, lang=opts.lang, show_values=opts.show_values)
    progress(f"verdict: {report.verdict} ({len(report.findings)} findings) in {sd.root}")
    return report


def _capture(opts: ScanOptions, sd: SessionDir, scenario: Scenario, config: Config, catalog: Catalog,
             started: float, progress: Progress) -> None:
    """Everything that runs on the device, inside one ExitStack."""
    with _sigterm_as_interrupt(), contextlib.ExitStack() as stack:
        progress(f"opening device {opts.device}")
        device: Any = open_device(opts.device)
        stack.callback(device.close)
        stack.callback(_collect_logs, device, sd, progress)  # last before the device closes
        info = device.install(opts.apk)
        progress(f"installed {info.package} ({info.launcher_activity})")
        store = stack.enter_context(open_store(sd.root))
        device.set_event_sink(store.append)
        stack.callback(device.set_event_sink, None)
        sd.identity.write_text(json.dumps(device.identity(), indent=2), encoding="utf-8")
        store.append({"kind": "session_start", "ts": time.time(), "source": "driver", "package": info.package,
                      "app_version": info.version, "device": dataclasses.asdict(device.info()),  # as found
                      "first_party_domains": list(config.first_party_domains)})
        sim = opts.device == SIM_SERIAL
        sinkhole = opts.sinkhole if opts.sinkhole is not None else sim
        # Only the app's own JVM uses the virtual device's proxy; on a phone, other apps' traffic comes too.
        attribution = "app" if sim else "unknown"
        proxy = stack.enter_context(ProxyProcess(sd.root, sinkhole=sinkhole, identity=sd.identity,
                                                 attribution=attribution))
        progress(f"proxy on 127.0.0.1:{proxy.port}{' (sinkhole: nothing leaves this machine)' if sinkhole else ''}")
        if sim:
            device.set_proxy("127.0.0.1", proxy.port, proxy.ca_pem)
        else:  # global proxy, system CA and frida-server: journalled and restored on every exit path
            from dynscan.device.android import DeviceSetup

            stack.enter_context(DeviceSetup(opts.device, device.client, proxy_port=proxy.port, ca_pem=proxy.ca_pem))
        sd.write_meta(SessionMeta(package=info.package, app_version=info.version,  # with the proxy and CA set
                                  device=dataclasses.asdict(device.info()), scenario=scenario.name, started=started))
        options = AgentOptions(package=info.package,
                               consent_taps=list(DEFAULT_CONSENT_TAPS) if opts.interactive else [])
        app = InstrumentedApp(device, info.package, store, catalog, options)
        stack.callback(app.close)
        if hasattr(device, "set_sensor_injector"):  # on Android, sensor events go through the agent
            device.set_sensor_injector(lambda samples: app.agent.inject_sensor(samples) if app.agent else None)
        if opts.interactive:
            _interactive(app, store.append, progress)
        else:
            n, unit = (len(scenario.phases), "phase") if scenario.phases else (len(scenario.steps), "step")
            progress(f"scenario {scenario.name}: {n} {unit}{'' if n == 1 else 's'}")
            ScenarioRunner(device, app, store.append, progress, ui_dir=sd.ui,
                           permissions=info.permissions).run(scenario)
        app.close()
        time.sleep(0.3)  # let the proxy write the last flows


def _collect_logs(device: Any, sd: SessionDir, progress: Progress) -> None:
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
