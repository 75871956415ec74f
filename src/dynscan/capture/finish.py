"""The end of a recording: what ``dynscan run`` adds to the session once the device side is closed.

* ``identity.json`` gains the values the privacy hooks saw returned (``learned``), so ``dynscan
  analyze`` and ``dynscan flows --identity SESSION/identity.json`` search for them too (the proxy
  already did while recording);
* the plaintext the TLS hooks saw of connections the proxy did not decrypt becomes ``flow`` events
  with ``capture: tls_hook`` (:mod:`dynscan.capture.tls_flows`), scanned with that identity;
* ``events.jsonl`` is exported from ``session.db`` (CONTRACTS section 2, time order).

It runs after a failed or interrupted recording as well, and never raises: a problem here is
reported on the progress line and leaves ``session.db`` as the source of truth.
"""

from __future__ import annotations

from collections.abc import Callable

from dynscan.capture.tls_flows import tls_hook_flows
from dynscan.errors import DynscanError
from dynscan.identity import Identity
from dynscan.learning import learned_values
from dynscan.session_dir import SessionDir
from dynscan.store import SessionStore, open_store
from dynscan.store.jsonl import export_jsonl


def learn_identity(sd: SessionDir, store: SessionStore) -> int:
    """Add the session's learned values to ``identity.json``; returns how many were new."""
    identity = Identity.load(sd.identity) if sd.identity.exists() else Identity()
    added = 0
    own: str | None = None
    for event in store.iter_raw():
        if event.get("kind") == "session_start" and isinstance(event.get("package"), str):
            own = event["package"]
        for pair in learned_values(event, own):
            if identity.add_value(*pair):
                added += 1
    if added or not sd.identity.exists():
        identity.save(sd.identity)
    return added


def add_tls_hook_flows(sd: SessionDir, store: SessionStore) -> int:
    """Scan what the TLS hooks saw of connections the proxy did not decrypt; store them as flows."""
    try:  # a broken identity file was reported by learn_identity: scan with what is known
        identity = Identity.load(sd.identity) if sd.identity.exists() else Identity()
    except DynscanError:
        identity = Identity()
    flows = tls_hook_flows(store.iter_raw(), identity)
    if flows:
        store.append_many(flows)
    return len(flows)


def finish_session(sd: SessionDir, progress: Callable[[str], None]) -> None:
    """The ``events.jsonl`` export and the learned identity values, each on its own: a problem
    with one is reported (not raised) and does not stop the other."""
    if not sd.db.exists():
        return
    done: list[str] = []
    try:
        with open_store(sd.root, create=False) as store:
            learned: str | None = None
            try:
                added = learn_identity(sd, store)
                learned = f"{added} value{'' if added == 1 else 's'} learned from the hooks added to {sd.identity.name}"
            except (DynscanError, OSError) as e:
                progress(f"warning: {sd.identity.name} not updated with the learned values: {e}")
            try:
                hooked = add_tls_hook_flows(sd, store)
                if hooked:
                    learned = f"{learned}; " if learned else ""
                    learned += f"{hooked} flow{'' if hooked == 1 else 's'} from the TLS hooks"
            except (DynscanError, OSError) as e:
                progress(f"warning: the TLS hooks' plaintext was not scanned: {e}")
            done.append(f"{export_jsonl(store, sd.events_jsonl)} events in {sd.events_jsonl.name}")
            if learned:
                done.append(learned)
    except (DynscanError, OSError) as e:
        progress(f"warning: the session is in {sd.db}, but it could not be exported: {e}")
    if done:
        progress("; ".join(done))
