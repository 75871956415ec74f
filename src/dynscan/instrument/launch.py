"""Start an app under the agent: spawn held, hooks in, then resume (what ``dynscan run`` calls)."""

from __future__ import annotations

from dynscan.device.base import Device
from dynscan.hooks import Catalog, load_catalog
from dynscan.hooks.model import Platform
from dynscan.instrument.gating import ProcessGate
from dynscan.instrument.models import DEFAULT_CONSENT_TAPS, AgentOptions
from dynscan.instrument.session import AgentSession
from dynscan.store.session import SessionStore


def platform_of(device: Device) -> Platform:
    return "sim" if device.info().kind == "sim" else "android"


def instrument_app(device: Device, package: str, store: SessionStore, *, catalog: Catalog | None = None,
                   options: AgentOptions | None = None, interactive: bool = False) -> AgentSession:
    """Spawn ``package`` held before app code, load the agent with the catalog, resume it.

    On the virtual device the device reports exits itself, so crash inference on detach is off there.
    ``interactive`` turns taps on consent texts (:data:`DEFAULT_CONSENT_TAPS`) into consent events.
    """
    platform = platform_of(device)
    opts = options or AgentOptions(package=package)
    if interactive and not opts.consent_taps:
        opts = opts.model_copy(update={"consent_taps": list(DEFAULT_CONSENT_TAPS)})
    specs = (catalog or load_catalog()).agent_specs(platform)
    pid = device.spawn(package)
    session = AgentSession(device.frida_device(), pid, store, specs, options=opts, process=package,
                           infer_crash=platform != "sim")
    try:
        session.start()
    except BaseException:
        device.stop(package)
        raise
    device.resume(pid)
    return session


def gate_children(device: Device, package: str, store: SessionStore, *, catalog: Catalog | None = None,
                  options: AgentOptions | None = None) -> ProcessGate | None:
    """On Android, hold every other process of the app (``package:push``, ``package:remote``: where push and
    analytics SDKs run) at birth with Frida's spawn gating, load the agent into it, then release it.
    None on the virtual device, whose app runs in one process. The caller stops the gate."""
    if platform_of(device) == "sim":
        return None
    specs = (catalog or load_catalog()).agent_specs("android")
    opts = options or AgentOptions(package=package)
    fdev = device.frida_device()
    gate = ProcessGate(fdev, package, lambda pid, name: AgentSession(fdev, pid, store, specs, options=opts,
                                                                     process=name, infer_crash=True),
                       children_only=True)
    gate.start()
    return gate
