"""The worker process behind the proxy addon: ``python -m dynscan.proxy_addons.worker``.

Started by ``handoff.WorkerLink`` with a pipe on stdin. The first frame is the configuration; the
worker answers ``ok`` (or ``error <message>``) on stdout, then reads frames, each a list of items,
until end of file:

* ``("http", snap, save)``: an HTTP flow at ``response``/``error`` (``snapshot.capture``): scanned,
  classified, one ``flow`` event; its state goes to ``flows.mitm`` when ``save``;
* ``("msg", record, content, ts)``: a client websocket / TCP message (``record``: method, url, host,
  scheme): scanned, one ``flow`` event;
* ``("flow", state)``: a finished websocket / TCP flow for ``flows.mitm``;
* ``("event", event)``: written as is (``tls_failed``, ``proxy_dropped``).

``party`` / ``sdk`` come from the session's one destination classifier, built at start from the
``dynscan_package`` / ``dynscan_first_party_domains`` / ``dynscan_sdk_signatures`` options and told
the ``session_start`` and which code opened connections to which host (``net_request`` events in the
store) as the session runs.

End of file (the addon's ``done``, or mitmdump gone, even by SIGKILL) makes it write what it has and
exit; SIGTERM / SIGINT are ignored so a signal to the process group cannot lose queued events. It
runs at ``nice`` +10: on a busy machine mitmdump and the app get the CPU first.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

from dynscan.errors import DynscanError
from dynscan.identity import Identity
from dynscan.proxy_addons import snapshot
from dynscan.proxy_addons.party import classifier_from
from dynscan.proxy_addons.session_feed import SessionFeed
from dynscan.store import SessionStore, open_store
from dynscan.traffic.detect import Detector, ScanResult
from dynscan.traffic.flowscan import address_ip, request_record, scan_request

log = logging.getLogger("dynscan.proxy_worker")
FLOWS_FILE = "flows.mitm"
WATCH_SECONDS = 0.5
FRESH_SECONDS = 0.005
READ_AHEAD = 8  # frames (of up to ``handoff.FRAME_ITEMS`` items)
BATCH_ITEMS = 512  # items written to the store and flows.mitm together
NICE = 10


def read_frame(f: BinaryIO) -> Any:
    head = f.read(8)
    if len(head) < 8:
        return None
    n = int.from_bytes(head, "big")
    data = f.read(n)
    if len(data) < n:
        return None
    return pickle.loads(data)


class Worker:
    def __init__(self, config: dict[str, Any]) -> None:
        self.attribution = str(config.get("attribution") or "unknown")
        self.identity_path = str(config.get("identity_path") or "")
        identity = Identity()
        self._mtime = 0.0
        if self.identity_path and (config.get("identity_given") or os.path.exists(self.identity_path)):
            identity = Identity.load(self.identity_path)
            self._mtime = os.stat(self.identity_path).st_mtime
        self.detector = Detector.build(identity, tolerance=float(config.get("tolerance", 0.01)))
        for s in self.detector.matcher.skipped:
            log.info("dynscan: not searching for %s: %s", s.type, s.reason)
        session = str(config["session"])
        self.store: SessionStore = open_store(session)
        try:
            self.flows_out: BinaryIO = (Path(session) / FLOWS_FILE).open("ab")
        except OSError as e:
            self.store.close()
            raise DynscanError(f"{Path(session) / FLOWS_FILE}: {e}") from e
        self.feed = SessionFeed(session)
        self.package = str(config.get("package") or "")
        self.classifier = classifier_from(config)
        self._session_start: dict[str, Any] | None = None
        self._next_watch = 0.0
        self._next_forced = 0.0

    # -- learned values and the session ------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Pick up identity changes and values learned since the last flow; ``force`` reads the
        session now (before a scan: an SDK uploads what it read a few milliseconds earlier), or
        ``FRESH_SECONDS`` ago at most: a flow reaches the worker ``handoff.BATCH_WAIT_S`` (50 ms) or
        more after it was captured, so a read that recent already follows the capture."""
        now = time.monotonic()
        if force and now < self._next_forced:
            force = False
        elif force:
            self._next_forced = now + FRESH_SECONDS
        if self.identity_path and now >= self._next_watch:
            self._next_watch = now + WATCH_SECONDS
            try:
                mtime = os.stat(self.identity_path).st_mtime
                if mtime != self._mtime:
                    self._mtime = mtime
                    for t, v in Identity.load(self.identity_path).values():
                        self.detector.add_value(t, v)
            except (OSError, DynscanError) as e:
                log.warning("dynscan: identity file not reloaded: %s", e)
        for t, v in self.feed.poll(force=force):
            self.detector.add_value(t, v)
        start = self.feed.session_start
        if start is not None and start is not self._session_start:
            self._session_start = start
            self.package = str(start.get("package") or self.package)
            domains = start.get("first_party_domains")
            self.classifier.add_session(start.get("package"),
                                        [d for d in domains if isinstance(d, str)] if isinstance(domains, list) else [])
        for host, stack in self.feed.take_openers():
            self.classifier.note_opener(host, self.classifier.db.attribute(stack, self.package or None))

    def _event(self, record: dict[str, Any], ts: float, cuts: dict[str, int] | None) -> dict[str, Any]:
        d = self.classifier.classify(str(record.get("host") or ""))
        dest: dict[str, Any] = {"party": d.party}
        if d.sdk:
            dest["sdk"] = d.sdk
        event = {"kind": "flow", "ts": ts, "source": "proxy", **record, **dest, "attribution": self.attribution}
        if cuts:
            event["scan_cuts"] = cuts
        return event

    # -- items --------------------------------------------------------------------------------
    def handle(self, item: tuple[Any, ...], events: list[dict[str, Any]], states: list[dict[str, Any]]) -> None:
        kind = item[0]
        if kind == "event":
            events.append(item[1])
        elif kind == "flow":
            states.append(item[1])
        elif kind == "http":
            self.refresh(force=True)
            snap, save = item[1], item[2]
            state = snapshot.to_state(snap)
            req, websocket = snapshot.scan_request(state)
            url = str(req.pretty_url)
            try:
                result: ScanResult | None = scan_request(self.detector, req, url)
            except Exception:  # a decoder bug must never stop the worker
                log.exception("dynscan: scan failed for %s", url)
                result = None
            pii = result.pii() if result is not None else []
            cuts = dict(result.cuts) if result is not None else {"scan_error": 1}
            record = request_record(req, pii, websocket=websocket, url=url)
            server = state.get("server_conn") or {}
            ip = address_ip(server.get("peername"), server.get("address"))
            if ip is not None and ip != record["host"]:
                record["server_ip"] = ip  # pairs native net_connect events, which name only the address
            events.append(self._event(record, req.timestamp_start, cuts))
            if save:
                state["metadata"].update({"dynscan.pii": pii, "dynscan.cuts": cuts})
                states.append(state)
        elif kind == "msg":
            _, record, content, ts = item
            self.refresh()
            try:
                r = self.detector.scan_message(content)
                pii, cuts = r.pii(), dict(r.cuts)
            except Exception:
                log.exception("dynscan: message scan failed")
                pii, cuts = [], {"scan_error": 1}
            events.append(self._event({**record, "pii": pii}, ts, cuts))

    def write(self, events: list[dict[str, Any]], states: list[dict[str, Any]]) -> None:
        try:
            if states:  # the batch's flows in one write
                self.flows_out.write(b"".join([snapshot.dump_state(state) for state in states]))
                self.flows_out.flush()
        except (OSError, ValueError) as e:
            log.error("dynscan: %d raw flows not saved: %s", len(states), e)
        try:
            if events:
                self.store.append_many(events)
        except DynscanError as e:
            log.error("dynscan: %d flow events lost: %s", len(events), e)

    def run(self, q: queue.Queue[list[Any] | None]) -> None:
        stop = False
        while not stop:
            batch: list[Any] = []
            frame: list[Any] | None = q.get()
            while True:
                if frame is None:
                    batch.append(None)
                    break
                batch += frame
                if len(batch) >= BATCH_ITEMS:
                    break
                try:
                    frame = q.get_nowait()
                except queue.Empty:
                    break
            events: list[dict[str, Any]] = []
            states: list[dict[str, Any]] = []
            for item in batch:
                if item is None:
                    stop = True
                    break
                try:
                    self.handle(item, events, states)
                except Exception:
                    log.exception("dynscan: item not processed")
            self.write(events, states)

    def close(self) -> None:
        self.store.close()
        self.flows_out.close()
        self.feed.close()


def _reader(f: BinaryIO, q: queue.Queue[list[Any] | None]) -> None:
    try:
        while (items := read_frame(f)) is not None:
            if isinstance(items, list):
                q.put(items)
            else:
                log.error("dynscan: a frame from the proxy that is not a list of items: skipped")
    except Exception:
        log.exception("dynscan: bad frame from the proxy")
    q.put(None)


def main() -> int:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        os.nice(NICE)  # the proxy and the app come first; the worker catches up when they idle
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    config = read_frame(stdin)
    if config is None:
        return 1
    try:
        worker = Worker(config)
    except (DynscanError, OSError, ValueError) as e:
        msg = " ".join(str(e).split()) or type(e).__name__
        stdout.write(f"error {msg}\n".encode())
        stdout.flush()
        return 2
    stdout.write(b"ok\n")
    stdout.flush()
    # bounded: a slow worker fills the pipe, then the addon's queue
    q: queue.Queue[list[Any] | None] = queue.Queue(READ_AHEAD)
    threading.Thread(target=_reader, args=(stdin, q), name="dynscan-worker-read", daemon=True).start()
    try:
        worker.run(q)
    finally:
        worker.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
