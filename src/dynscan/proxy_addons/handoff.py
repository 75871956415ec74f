"""The mitmdump side of the hand-off: starts the worker process and feeds it, never blocking the proxy.

Hooks call ``WorkerLink.submit(item)``, which appends the item to a list (at most ``MAX_PENDING``)
and, for the first item of a batch, asks the event loop to hand the batch over ``BATCH_WAIT_S``
(50 ms) later (``loop.call_later``). The hand-over runs on the event loop itself -- no sender
thread, so no thread wake-ups or GIL hand-overs with the proxy: it pickles each ``FRAME_ITEMS``
of the items as one list (one pickle: what the flows share -- connection fields, certificates,
header names -- is written once), appends the length-prefixed frames to an output buffer and
writes what the worker's stdin pipe takes without blocking (``O_NONBLOCK``); what is left is
written when the loop sees the pipe writable (``loop.add_writer``). The worker reads ahead at most
``worker.READ_AHEAD`` frames, then the pipe fills and the buffer grows; past ``MAX_BUFFERED``
bytes, or past ``MAX_PENDING`` items waiting for a batch, an item is dropped and counted (the
worker is too slow). The count goes into the event stream as a ``proxy_dropped`` event (``count``:
drops since the last such event, ``total``) with the next batch that has room, and at shutdown.
An item that cannot be pickled is logged and skipped; the rest of its batch is handed over.
Outside an event loop (a test, a script) ``submit`` hands each item over at once.
``close()`` hands over what is left, writes the buffer (bounded wait), closes the pipe and waits
for the worker (bounded, then killed). All calls come from one thread (mitmproxy's event loop).
The asyncio plumbing is hand-written: no library does a bounded, non-blocking, batched pipe feed.
"""

from __future__ import annotations

import asyncio
import contextlib
import copyreg
import io
import logging
import os
import pickle
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from mitmproxy import certs

log = logging.getLogger(__name__)
MAX_PENDING = 4096
MAX_BUFFERED = 16 << 20  # bytes of frames the pipe has not taken yet
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


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class WorkerLink:
    def __init__(self, config: dict[str, Any], max_pending: int = MAX_PENDING,
                 max_buffered: int = MAX_BUFFERED) -> None:
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
        self.fd = self.pipe.fileno()
        os.set_blocking(self.fd, False)
        self.max_pending, self.max_buffered = max_pending, max_buffered
        self.pending: list[Any] = []
        self.out = bytearray()
        self.dropped = 0
        self._unreported = 0
        self.broken = False
        self._timer: asyncio.TimerHandle | None = None
        self._writer: asyncio.AbstractEventLoop | None = None  # the loop watching the pipe for room

    def _handshake(self) -> None:
        out = self.proc.stdout
        assert out is not None
        ready, _, _ = select.select([out], [], [], START_TIMEOUT_S)
        line = out.readline().decode("utf-8", "replace").strip() if ready else ""
        if line != "ok":
            raise WorkerError(line.removeprefix("error ") if line else "the dynscan worker did not start")

    def submit(self, item: Any) -> None:
        """Hand an item to the worker; drops (and counts) it if too much is waiting. Never blocks."""
        if len(self.pending) >= self.max_pending:
            self._drop(1)
            return
        self.pending.append(item)
        if self._timer is None:
            loop = _running_loop()
            if loop is None:
                self.flush()
            else:
                self._timer = loop.call_later(BATCH_WAIT_S, self._on_timer)

    def _drop(self, n: int) -> None:
        self.dropped += n
        self._unreported += n

    def _drop_frame(self) -> bytes:
        n, self._unreported = self._unreported, 0
        log.warning("dynscan: %d flows/messages not scanned (worker queue full)", n)
        return frame([("event", {"kind": "proxy_dropped", "ts": time.time(), "source": "proxy", "count": n,
                                 "total": self.dropped})])

    def _on_timer(self) -> None:
        self._timer = None
        self.flush()

    def flush(self) -> None:
        """Pickle what is pending into the buffer (or drop it, if the buffer is full) and write."""
        items, self.pending = self.pending, []
        for i in range(0, len(items), FRAME_ITEMS):
            chunk = items[i:i + FRAME_ITEMS]
            if self.broken or len(self.out) >= self.max_buffered:
                self._drop(len(chunk))
            else:
                self.out += b"".join(_frames(chunk))
        if self._unreported and not self.broken and len(self.out) < self.max_buffered:
            self.out += self._drop_frame()
        self._on_writable()

    def _write_some(self) -> None:
        try:
            n = os.write(self.fd, self.out)
        except BlockingIOError:
            return
        except OSError as e:
            log.error("dynscan: worker pipe broken, flow events lost: %s", e)
            self.broken = True
            self.out.clear()
            return
        del self.out[:n]

    def _on_writable(self) -> None:
        if self.out:
            self._write_some()
        self._watch(bool(self.out))

    def _watch(self, want: bool) -> None:
        if want and self._writer is None:
            loop = _running_loop()
            if loop is not None:
                loop.add_writer(self.fd, self._on_writable)
                self._writer = loop
        elif not want and self._writer is not None:
            with contextlib.suppress(RuntimeError, ValueError, OSError):  # the loop may be closing
                self._writer.remove_writer(self.fd)
            self._writer = None

    def close(self) -> None:
        """Hand over what is left, let the worker write it, wait for it (bounded)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.flush()
        self._watch(False)
        if self._unreported and not self.broken:
            self.out += self._drop_frame()
        deadline = time.monotonic() + DRAIN_TIMEOUT_S
        while self.out and not self.broken:
            left = deadline - time.monotonic()
            if left <= 0:  # the worker stopped reading: nothing more can be handed over
                log.error("dynscan: worker stuck; %d bytes of queued items lost", len(self.out))
                self._kill()
                return
            select.select([], [self.fd], [], left)
            self._write_some()
        with contextlib.suppress(OSError):
            self.pipe.close()
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
