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
    """Hold every other process of the app (``package:push``, ``package:remote``: where push and analytics
    SDKs run) at birth, load the agent into it, then release it: Frida's spawn gating on Android, the
    virtual device's own announcements (``device.children``) there. The caller stops the gate."""
    platform = platform_of(device)
    fdev = device.frida_device()
    source = getattr(device, "children", None) if platform == "sim" else fdev
    if source is None:
        return None
    specs = (catalog or load_catalog()).agent_specs(platform)
    opts = options or AgentOptions(package=package)
    gate = ProcessGate(source, package, lambda pid, name: AgentSession(fdev, pid, store, specs, options=opts,
                                                                       process=name,
                                                                       infer_crash=platform != "sim"),
                       children_only=True)
    gate.start()
    return gate
