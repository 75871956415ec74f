"""The mitmdump side of the hand-off: starts the worker process and feeds it, never blocking the proxy.

Hooks call ``WorkerLink.submit(item)``: a ``put_nowait`` on a bounded queue (``MAX_PENDING`` items).
A sender thread collects them for ``BATCH_WAIT_S`` (50 ms), pickles each ``FRAME_ITEMS`` of them
as one list (one pickle: what the flows share -- connection fields, certificates, header names --
is written once) and writes them, length-prefixed, in one write to the worker's stdin: two
wake-ups per batch instead of per flow. The worker reads ahead at most ``worker.READ_AHEAD``
frames, then the pipe fills and the sender waits. When the queue is full (the worker is too slow)
the item is dropped and counted; the count goes into the event stream as a ``proxy_dropped`` event
(``count``: drops since the last such event, ``total``) as soon as the queue has room again, and at
shutdown.
``close()`` drains the queue, closes the pipe and waits for the worker (bounded, then killed).
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import logging
import os
import pickle
import queue
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from mitmproxy import certs

log = logging.getLogger(__name__)
MAX_PENDING = 4096
START_TIMEOUT_S = 60.0
DRAIN_TIMEOUT_S = 60.0
BATCH_WAIT_S = 0.05
FRAME_ITEMS = 256
_PKG_ROOT = str(Path(__file__).resolve().parent.parent.parent)  # the directory holding ``dynscan``


class WorkerError(Exception):
    """The worker did not start (bad identity, session directory …); the message is one line."""


def _reduce_cert(cert: certs.Cert) -> tuple[Any, tuple[bytes]]:
    return certs.Cert.from_pem, (cert.to_pem(),)  # the wrapped cryptography object cannot be pickled


_DISPATCH = copyreg.dispatch_table.copy()
_DISPATCH[certs.Cert] = _reduce_cert


def frame(item: Any) -> bytes:
    """One length-prefixed pickle (certificates as PEM)."""
    buf = io.BytesIO()
    buf.write(bytes(8))
    p = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = _DISPATCH
    p.dump(item)
    data = buf.getbuffer()
    data[:8] = (len(data) - 8).to_bytes(8, "big")
    return bytes(data)


def _frames(items: list[Any]) -> list[bytes]:
    """One frame holding ``items``; if one of them cannot be pickled, a frame per item without it."""
    try:
        return [frame(items)]
    except Exception:
        out = []
        for item in items:
            try:
                out.append(frame([item]))
            except Exception:  # an unpicklable item must not stop the hand-off
                log.exception("dynscan: item not handed to the worker")
        return out


class WorkerLink:
    def __init__(self, config: dict[str, Any], max_pending: int = MAX_PENDING) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PKG_ROOT, env.get("PYTHONPATH", "")) if p)
        self.proc = subprocess.Popen([sys.executable, "-m", "dynscan.proxy_addons.worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.pipe = self.proc.stdin
        try:
            self.pipe.write(frame(config))
            self.pipe.flush()
            self._handshake()
        except (OSError, WorkerError) as e:
            self._kill()
            raise WorkerError(str(e)) from e
        self.q: queue.Queue[Any] = queue.Queue(max_pending)
        self.dropped = 0
        self._unreported = 0
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._send, name="dynscan-handoff", daemon=True)
        self.thread.start()

    def _handshake(self) -> None:
        out = self.proc.stdout
        assert out is not None
        ready, _, _ = select.select([out], [], [], START_TIMEOUT_S)
        line = out.readline().decode("utf-8", "replace").strip() if ready else ""
        if line != "ok":
            raise WorkerError(line.removeprefix("error ") if line else "the dynscan worker did not start")

    def submit(self, item: Any) -> None:
        """Hand an item to the worker; drops (and counts) it if the queue is full. Never blocks."""
        if self._unreported and not self._report_drops(block=False):
            self._drop()
            return
        try:
            self.q.put_nowait(item)
        except queue.Full:
            self._drop()

    def _drop(self) -> None:
        with self._lock:
            self.dropped += 1
            self._unreported += 1

    def _report_drops(self, block: bool) -> bool:
        with self._lock:
            n = self._unreported
            event = {"kind": "proxy_dropped", "ts": time.time(), "source": "proxy", "count": n,
                     "total": self.dropped}
            try:
                self.q.put(("event", event), block=block, timeout=DRAIN_TIMEOUT_S if block else None)
            except queue.Full:
                return False
            self._unreported = 0
            log.warning("dynscan: %d flows/messages not scanned (worker queue full)", n)
            return True

    def _send(self) -> None:
        broken = stop = False
        while not stop:
            batch = [self.q.get()]
            if batch[0] is not None:
                time.sleep(BATCH_WAIT_S)  # one wake-up (here and in the worker) per batch, not per flow
            while True:
                try:
                    batch.append(self.q.get_nowait())
                except queue.Empty:
                    break
            stop = None in batch
            if broken:
                continue
            items = [item for item in batch if item is not None]
            frames = [f for i in range(0, len(items), FRAME_ITEMS) for f in _frames(items[i:i + FRAME_ITEMS])]
            try:
                self.pipe.write(b"".join(frames))
                self.pipe.flush()
            except (OSError, ValueError) as e:
                log.error("dynscan: worker pipe broken, flow events lost: %s", e)
                broken = True
        with contextlib.suppress(OSError):
            self.pipe.close()

    def close(self) -> None:
        """Drain what is queued, let the worker write it, wait for it (bounded)."""
        if self._unreported:
            self._report_drops(block=True)
        try:
            self.q.put(None, timeout=DRAIN_TIMEOUT_S)
            self.thread.join(DRAIN_TIMEOUT_S)
        except queue.Full:  # the worker stopped reading: nothing more can be handed over
            log.error("dynscan: worker stuck; %d queued items lost", self.q.qsize())
            self._kill()
            return
        try:
            self.proc.wait(DRAIN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            log.error("dynscan: worker did not finish within %.0f s; killed", DRAIN_TIMEOUT_S)
            self._kill()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def _kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                if f is not None:
                    f.close()
            except OSError:
                pass
